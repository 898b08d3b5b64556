"""Quotation marks: find quoted stretches of text (no parse needed).

:func:`find_quotations` pairs opening and closing quotation marks paragraph
by paragraph.  It knows the mark conventions listed in
``quoteattr/data/marks.tsv`` (English “…” and ‘…’, straight "…" and '…',
German „…“, French «…», ‹…›), tells single quotes from apostrophes by the
characters around them, nests quotes inside quotes, and follows the news
convention of a quote running over several paragraphs (each paragraph opens
with a mark again, only the last one closes).

>>> [q.content for q in find_quotations('“Go,” he said. “Now.”')]
['Go,', 'Now.']
>>> [(q.content, q.depth) for q in find_quotations("“He said ‘no’ twice,” she said.")]
[('He said ‘no’ twice,', 0), ('no', 1)]
>>> find_quotations("Syria's rock 'n' roll of the '90s")
[]

A quotation never runs past the end of its paragraph unless the next
paragraph opens again with a mark:

>>> q, = find_quotations('“One.\\n\\n“Two.”')
>>> [s.text for s in q.content_spans], q.close_mark
(['One.', 'Two.'], '”')
>>> q, = find_quotations('“Never closed.\\n\\nNext paragraph.')
>>> q.content, q.close_mark
('Never closed.', None)
"""

from __future__ import annotations

from typing import Iterable, Sequence

import attrs
import regex

from ..lexicon.marks import LINE_BREAK_CHARS, LINE_BREAK_PATTERN, MarkTable, mark_table
from ..model import Span
from ._spans import SpanIndex

__all__ = [
    "LINE_BREAK", "LINE_BREAK_CHARS", "Quotation", "find_quotations", "has_line_break", "line_end", "line_start",
    "QuotationIndex", "Quotations", "opens_lower", "paragraph_spans", "quotation_index",
]


@attrs.frozen
class Quotation:
    """A stretch of text between quotation marks.

    ``start``/``end`` include the marks; ``content_spans`` are the text
    inside them (several for a quote running over paragraphs), without the
    marks and without surrounding white space.  ``close_mark`` is ``None``
    when the quote is never closed (it then ends with its paragraph);
    ``depth`` is 0 for a top-level quotation and 1 for one nested inside
    another (2 inside that, …).  ``mark_class`` is ``"double"`` or
    ``"single"``.
    """

    start: int
    end: int
    content_spans: tuple[Span, ...]
    open_mark: str
    close_mark: str | None
    depth: int = 0
    mark_class: str = "double"

    @property
    def content(self) -> str:
        """The quoted text: the content spans joined by a space."""
        return " ".join(s.text for s in self.content_spans)

    def contains(self, other: "Quotation") -> bool:
        """Whether ``other`` lies inside this quotation."""
        return self.start <= other.start and other.end <= self.end and self != other


#: Marks that also serve as apostrophes.
_APOSTROPHES = frozenset("'’‘")
#: Characters after which an opening mark may stand (besides white space and other marks).
_OPEN_BEFORE = frozenset("([{<—–-/:,;")
#: Characters an opening mark may not be followed by.
_NOT_AFTER_OPEN = frozenset(",;:!?)]}>")
_YEAR = regex.compile(r"\d\d(?:s\b|\b)")
_WORD = regex.compile(r"[\p{L}]+")
#: What ends a line: ``\n``, ``\r\n``, ``\r``, U+2028, U+2029 and U+0085 (NEL): the characters of
#: :data:`~quoteattr.lexicon.marks.LINE_BREAK_CHARS`.
LINE_BREAK = regex.compile(LINE_BREAK_PATTERN)
_NEWLINES = regex.compile(r"\s*(?:" + LINE_BREAK_PATTERN + r")\s*")


def has_line_break(text: str) -> bool:
    r"""Whether ``text`` holds a line break of any kind.

    >>> has_line_break("one\u2028two"), has_line_break("one two")
    (True, False)
    """
    return any(c in LINE_BREAK_CHARS for c in text)


def line_end(text: str, at: int = 0) -> int:
    r"""Offset of the first line break of ``text`` at or after ``at``, ``-1`` if none
    (``str.find("\n", at)`` for every kind of line end).

    >>> line_end("one\rtwo\nthree"), line_end("one\rtwo\nthree", 4), line_end("one")
    (3, 7, -1)
    """
    m = LINE_BREAK.search(text, at)
    return m.start() if m else -1


def line_start(text: str, at: int) -> int:
    r"""Offset where the line holding offset ``at`` starts (after the last line break before ``at``).

    >>> line_start("one\u2029two", 6), line_start("one", 2)
    (4, 0)
    """
    return max(text.rfind(c, 0, at) for c in LINE_BREAK_CHARS) + 1


def opens_lower(spans: Iterable[Span]) -> bool:
    """Whether the first letter of ``spans`` is lower case: the quoted words continue a
    sentence rather than start one ('… who is “utterly amoral,”', 'he said, but “when …”').

    >>> t = 'a “bully” and “The end.”'
    >>> opens_lower([Span.of(t, 3, 8)]), opens_lower([Span.of(t, 15, 23)])
    (True, False)
    """
    first = next((ch for sp in spans for ch in sp.text if ch.isalpha()), "")
    return first.islower()


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each paragraph of ``text``, without surrounding white space.

    A blank line always ends a paragraph; a single line break does too,
    unless it only wraps a running sentence (the line ends in a letter,
    digit or comma and the next one starts in lower case).

    >>> paragraph_spans("One.\\nTwo\\nthree.\\n\\nFour.")
    [(0, 4), (5, 15), (17, 22)]

    Every kind of line end counts (``\\r``, ``\\r\\n``, U+2028, U+0085; U+2029 always ends a paragraph):

    >>> paragraph_spans("One.\\rTwo\\r\\nthree.\\u2029four")
    [(0, 4), (5, 16), (17, 21)]
    """
    out: list[tuple[int, int]] = []
    start = None
    pos = 0
    for m in _NEWLINES.finditer(text):
        before = text[pos : m.start()]
        if start is None:
            stripped = len(before) - len(before.lstrip())
            if before.strip():
                start = pos + stripped
        if start is None:
            pos = m.end()
            continue
        soft = (
            len(LINE_BREAK.findall(m.group())) == 1
            and "\u2029" not in m.group()
            and m.start() > 0
            and (text[m.start() - 1].isalnum() or text[m.start() - 1] in ",-–—")
            and m.end() < len(text)
            and (text[m.end()].islower() or text[m.end()].isdigit())
        )
        if not soft:
            out.append((start, m.start()))
            start = None
        pos = m.end()
    rest = text[pos:]
    if start is None and rest.strip():
        start = pos + len(rest) - len(rest.lstrip())
    if start is not None:
        end = len(text.rstrip())
        if end > start:
            out.append((start, end))
    return out


class _Open:
    """A quotation opened and not closed yet (mutable, internal)."""

    __slots__ = ("start", "mark", "closers", "cls", "pieces", "piece_start")

    def __init__(self, start: int, mark: str, closers: tuple[str, ...], cls: str) -> None:
        self.start = start
        self.mark = mark
        self.closers = closers
        self.cls = cls
        self.pieces: list[tuple[int, int]] = []
        self.piece_start = start + len(mark)


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


class _Scanner:
    def __init__(self, text: str, table: MarkTable) -> None:
        self.text = text
        self.t = table
        self.openers = frozenset(table.closers)
        self.closes = frozenset(m for ms in table.closers.values() for m in ms)
        self.long = sorted((m for m in table.marks if len(m) > 1), key=len, reverse=True)
        self.first_chars = frozenset(m[0] for m in table.marks)
        self.found: list[tuple[int, int, tuple[tuple[int, int], ...], str, str | None, str]] = []

    def mark_at(self, i: int) -> str | None:
        """The quotation mark starting at offset ``i`` (the longest), if any."""
        if self.text[i] not in self.first_chars:
            return None
        for m in self.long:
            if self.text.startswith(m, i):
                return m
        return self.text[i] if self.text[i] in self.t.marks else None

    # -- context tests -------------------------------------------------
    def ambiguous(self, c: str) -> bool:
        return (c in self.openers and c in self.closes) or c in _APOSTROPHES

    def is_elision(self, i: int, pe: int) -> bool:
        rest = self.text[i + 1 : min(pe, i + 12)]  # single-character marks only
        if _YEAR.match(rest):
            return True
        m = _WORD.match(rest)
        return bool(m) and m.group().lower() in self.t.elisions and not (
            m.end() < len(rest) and rest[m.end()].isalnum()
        )

    def can_open(self, i: int, c: str, ps: int, pe: int) -> bool:
        text = self.text
        after = i + len(c)
        nxt = text[after] if after < pe else None
        if nxt is None or nxt.isspace() or nxt in _NOT_AFTER_OPEN:
            return False
        if nxt == "." and not text.startswith("..", after):
            return False
        if self.t.classes[c] == "single" and c in _APOSTROPHES and self.is_elision(i, pe):
            return False
        if not self.ambiguous(c):
            return True
        prev = text[i - 1] if i > ps else None
        return prev is None or prev.isspace() or prev in _OPEN_BEFORE or prev in self.t.marks

    def can_close(self, i: int, c: str, entry: _Open, ps: int, pe: int) -> bool:
        text = self.text
        prev = text[i - 1] if i > ps else None
        nxt = text[i + len(c)] if i + len(c) < pe else None
        if not self.ambiguous(c):
            return True
        if prev is None or prev.isspace():
            return False
        if entry.cls == "double":
            return True
        if nxt is not None and nxt.isalnum():
            return False
        # a possessive or elided word (the players’ fault, goin’ home) inside
        # a single-quoted stretch that closes later on
        if prev.isalpha() and nxt is not None and nxt.isspace():
            j = i + len(c)
            while j < pe and text[j].isspace():
                j += 1
            if j < pe and (text[j].islower() or text[j].isdigit()):
                return not self.closes_later(j, entry, ps, pe)
        return True

    def closes_later(self, j: int, entry: _Open, ps: int, pe: int) -> bool:
        """Whether a later mark in the paragraph could close ``entry`` before a new single quote opens."""
        text = self.text
        for k in range(j, pe):
            c = self.mark_at(k)
            if c is None:
                continue
            prev, nxt = text[k - 1], (text[k + len(c)] if k + len(c) < pe else None)
            if c in entry.closers and not prev.isspace() and (nxt is None or not nxt.isalnum()):
                return True
            if c in self.openers and self.t.classes[c] == "single" and self.can_open(k, c, ps, pe):
                return False
        return False

    # -- scanning ------------------------------------------------------
    def emit(self, entry: _Open, end_piece: int, end: int, close: str | None) -> None:
        pieces = entry.pieces + [(entry.piece_start, end_piece)]
        spans = tuple(p for p in (_trim(self.text, s, e) for s, e in pieces) if p[1] > p[0])
        if spans:
            self.found.append((entry.start, end, spans, entry.mark, close, entry.cls))

    def scan(self) -> None:
        text = self.text
        paras = paragraph_spans(text)
        carried: _Open | None = None
        for n, (ps, pe) in enumerate(paras):
            stack: list[_Open] = []
            i = ps
            if carried is not None:
                carried.piece_start = ps + len(carried.mark)
                stack.append(carried)
                i = carried.piece_start
                carried = None
            while i < pe:
                c = self.mark_at(i)
                if c is None:
                    i += 1
                    continue
                if c in _APOSTROPHES and i > ps and i + 1 < pe and text[i - 1].isalnum() and text[i + 1].isalnum():
                    i += 1
                    continue
                end = i + len(c)
                k = next((k for k in range(len(stack) - 1, -1, -1) if c in stack[k].closers), None)
                if k is not None and self.can_close(i, c, stack[k], ps, pe):
                    self.emit(stack[k], i, end, c)
                    del stack[k:]
                elif c in self.openers and self.can_open(i, c, ps, pe):
                    stack.append(_Open(i, c, self.t.closers[c], self.t.classes[c]))
                elif k is not None and stack[k].cls == "double":
                    self.emit(stack[k], i, end, c)
                    del stack[k:]
                i = end
            if not stack:
                continue
            bottom = stack[0]
            if n + 1 < len(paras):
                ns, ne = paras[n + 1]
                c = self.mark_at(ns)
                if c == bottom.mark and self.can_open(ns, c, ns, ne):
                    bottom.pieces.append((bottom.piece_start, pe))
                    carried = bottom
                    continue
            if bottom.cls == "double" or bottom.pieces or bottom.start == ps:
                self.emit(bottom, pe, pe, None)


def _with_depths(text: str, found: Iterable[tuple]) -> list[Quotation]:
    items = sorted(found, key=lambda f: (f[0], -f[1]))
    out: list[Quotation] = []
    ends: list[int] = []
    for start, end, spans, open_mark, close_mark, cls in items:
        while ends and ends[-1] <= start:
            ends.pop()
        depth = len(ends)
        ends.append(end)
        out.append(Quotation(start, end, tuple(Span.of(text, s, e) for s, e in spans), open_mark, close_mark, depth, cls))
    return out


class QuotationIndex:
    """The quotations of a document by start offset, for bisection instead of a scan of all of them.

    ``ordered`` holds the quotations sorted by start (stably: the document order of
    :func:`find_quotations` is kept) and ``starts`` their starts; "does some quotation hold
    offset x" is one bisection of a :class:`~quoteattr.attribution._spans.SpanIndex`.

    >>> ix = quotation_index(find_quotations('A “b” c “d e” f'))
    >>> [ix.holds(k) for k in (1, 3, 5, 9)]
    [False, True, False, True]
    """

    def __init__(self, quotations: Sequence[Quotation]) -> None:
        self._all = SpanIndex([(q.start, q.end) for q in quotations])
        self.ordered = [quotations[k] for k in self._all.order]
        self.starts = self._all.starts
        self._top = SpanIndex([(q.start, q.end) for q in self.ordered if q.depth == 0])

    def holds(self, offset: int) -> bool:
        """Whether ``q.start < offset < q.end`` for some quotation ``q``."""
        return self._all.holds(offset)

    def top_overlaps(self, start: int, end: int) -> bool:
        """Whether some quotation of depth 0 overlaps ``[start, end)`` (``q.start < end and q.end > start``)."""
        return self._top.any_overlapping(start, end)

    def from_start(self, offset: int) -> int:
        """Position in :attr:`ordered` of the first quotation starting at or after ``offset``."""
        return self._all.from_start(offset)


class Quotations(list):
    """The quotations of one document (a ``list`` of :class:`Quotation`), as
    :func:`find_quotations` returns them, with their :class:`QuotationIndex` built once."""

    _index: "QuotationIndex | None" = None


def quotation_index(quotations: Sequence[Quotation]) -> QuotationIndex:
    """The :class:`QuotationIndex` of ``quotations``: built once for the :class:`Quotations` of
    :func:`find_quotations` (rebuilt should the list have changed size), afresh for any other sequence."""
    if not isinstance(quotations, Quotations):
        return QuotationIndex(quotations)
    ix = quotations._index
    if ix is None or len(ix.starts) != len(quotations):
        ix = quotations._index = QuotationIndex(quotations)
    return ix


def find_quotations(text: str) -> Quotations:
    """All quotations of ``text`` in document order (an outer one before those nested in it).

    Never raises on unbalanced marks: a stray closing mark is ignored, and a
    quotation left open ends with its paragraph (``close_mark`` ``None``).

    >>> q, = find_quotations('According to Kim, "it is done."')
    >>> q.start, q.end, q.content_spans[0].text
    (18, 31, 'it is done.')
    """
    scanner = _Scanner(text, mark_table())
    scanner.scan()
    return Quotations(_with_depths(text, scanner.found))
