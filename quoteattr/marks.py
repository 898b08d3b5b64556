"""Quotation marks: find quoted stretches of text (no parse needed).

FIRST VERSION — to be deepened (apostrophes, multi-paragraph, nesting).
"""

from __future__ import annotations

import attrs
import regex

from .model import Span


@attrs.frozen
class Quotation:
    """A stretch of text between quotation marks.

    ``start``/``end`` include the marks; ``content_spans`` are the text
    inside them (several for a quote running over paragraphs).
    ``close_mark`` is ``None`` when the quote is never closed; ``depth`` is 0
    for a top-level quotation and 1 for one nested inside another.
    """

    start: int
    end: int
    content_spans: tuple[Span, ...]
    open_mark: str
    close_mark: str | None
    depth: int = 0


_PAIR = regex.compile(r'“([^”\n]*)”|"([^"\n]*)"')


def find_quotations(text: str) -> list[Quotation]:
    """All quotations of ``text`` in document order."""
    out = []
    for m in _PAIR.finditer(text):
        g = 1 if m.group(1) is not None else 2
        out.append(Quotation(m.start(), m.end(), (Span.of(text, m.start(g), m.end(g)),), text[m.start()], text[m.end() - 1]))
    return out
