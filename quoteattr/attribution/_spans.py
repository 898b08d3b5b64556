"""One index of character spans for the stages that ask which spans hold, overlap or contain an
offset or a range: spans sorted by start with the running maximum of their ends, so each question
is a bisection (and a walk back over the spans that reach far enough), never a scan of all spans.

Quotations (:class:`~quoteattr.attribution.quotations.QuotationIndex`), the direct quotes the
merge policies compare reports with, and the quoted text and speaker mentions of the resolve stage
are all looked up through it.

>>> ix = SpanIndex([(10, 20), (0, 5), (12, 40)])
>>> ix.overlapping(4, 11), ix.holding(13, 20), ix.any_holding(3, 6), ix.holds(11), ix.any_inside(11, 39)
([0, 1], [0, 2], False, True, False)
"""

from __future__ import annotations

import bisect
import itertools
from typing import Sequence

__all__ = ["SpanIndex"]


class SpanIndex:
    """``(start, end)`` spans by start (stably: spans with the same start keep their order), their
    starts and the running maximum of their ends. Positions returned are indices into the spans as
    given, in increasing order."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        self.spans = list(spans)
        self.order = sorted(range(len(self.spans)), key=lambda k: self.spans[k][0])
        self.starts = [self.spans[k][0] for k in self.order]
        self.reach = list(itertools.accumulate((self.spans[k][1] for k in self.order), max))

    def _back(self, before: int, end_above: int) -> list[int]:
        """Indices of the spans among the first ``before`` by start whose end is above ``end_above``."""
        out = []
        i = before - 1
        while i >= 0 and self.reach[i] > end_above:
            k = self.order[i]
            if self.spans[k][1] > end_above:
                out.append(k)
            i -= 1
        return sorted(out)

    def overlapping(self, start: int, end: int) -> list[int]:
        """The spans with ``s < end`` and ``e > start``."""
        return self._back(bisect.bisect_left(self.starts, end), start)

    def holding(self, start: int, end: int) -> list[int]:
        """The spans with ``s <= start`` and ``end <= e``."""
        return self._back(bisect.bisect_right(self.starts, start), end - 1)

    def any_holding(self, start: int, end: int) -> bool:
        """Whether some span has ``s <= start`` and ``end <= e`` (one bisection)."""
        k = bisect.bisect_right(self.starts, start)
        return k > 0 and self.reach[k - 1] >= end

    def any_overlapping(self, start: int, end: int) -> bool:
        """Whether some span has ``s < end`` and ``e > start`` (one bisection)."""
        k = bisect.bisect_left(self.starts, end)
        return k > 0 and self.reach[k - 1] > start

    def any_inside(self, start: int, end: int) -> bool:
        """Whether some span has ``start <= s`` and ``e <= end`` (a walk over the spans starting
        inside the range only)."""
        i = bisect.bisect_left(self.starts, start)
        while i < len(self.starts) and self.starts[i] <= end:
            if self.spans[self.order[i]][1] <= end:
                return True
            i += 1
        return False

    def holds(self, offset: int) -> bool:
        """Whether some span has ``s < offset < e`` (strictly inside; one bisection)."""
        k = bisect.bisect_left(self.starts, offset)
        return k > 0 and self.reach[k - 1] > offset

    def from_start(self, offset: int) -> int:
        """Position in :attr:`order` of the first span starting at or after ``offset``."""
        return bisect.bisect_left(self.starts, offset)
