"""The quotation-mark inventory (``data/marks.tsv``): which marks open a quotation, which
close it, their class (double or single), and the elisions an apostrophe may start.

>>> table = mark_table()
>>> "”" in table.closers["“"], table.classes["‘"]
(True, 'single')

The stages ask for marks through :func:`opening_marks`, :func:`closing_marks` and
:func:`quote_marks` (never a literal set of marks of their own), so a mark added to the table
is honoured everywhere:

>>> "“" in opening_marks(), "”" in closing_marks(), "''" in quote_marks()
(True, True, True)
"""

from __future__ import annotations


import attrs

from .tables import cached, read, rows_of

__all__ = ["APOSTROPHES", "CLAUSE_ENDS", "LINE_BREAK_CHARS", "LINE_BREAK_PATTERN", "POSSESSIVE_ENDINGS", "SENTENCE_ENDS", "MarkTable", "closing_marks",
           "mark_table", "opening_marks", "quote_marks"]

#: The characters that end a line: ``\n``, ``\r`` (``\r\n`` together), U+2028, U+2029, U+0085 (NEL).
#: Every stage that looks for a line end derives its set or pattern from this one inventory.
LINE_BREAK_CHARS = "\n\r\u2028\u2029\u0085"
#: One line break as a regular expression (``\r\n`` is one).
LINE_BREAK_PATTERN = "\r\n|[" + LINE_BREAK_CHARS + "]"

#: The punctuation that ends a sentence (a quote's last character, an attribution's end).
SENTENCE_ENDS = frozenset({".", "!", "?", "\u2026"})
#: The punctuation that ends a clause within a sentence: with :data:`SENTENCE_ENDS`, the marks a
#: complete utterance or line may close on.
CLAUSE_ENDS = frozenset({",", ";", ":"})

#: The apostrophes, straight and curly: alone after a name they mark its possessive ("Sanders’").
APOSTROPHES = ("'", "’")
#: The possessive ending, a token of its own or glued on ("Iran's", "Iran’s"); also the clitic of
#: "has"/"is" ("he's said").
POSSESSIVE_ENDINGS = tuple(a + "s" for a in APOSTROPHES)


@attrs.frozen
class MarkTable:
    """The quotation-mark inventory: opening marks with their closers, and elisions."""

    closers: dict[str, tuple[str, ...]]  # opening mark -> the marks that may close it
    classes: dict[str, str]  # opening mark -> "double" / "single"
    elisions: frozenset[str]
    marks: frozenset[str]  # every opening or closing mark


def _parse_table(text: str) -> MarkTable:
    closers: dict[str, tuple[str, ...]] = {}
    classes: dict[str, str] = {}
    elisions: set[str] = set()
    for n, cols in rows_of(text):
        if cols[0] == "pair" and len(cols) >= 4:
            closers[cols[1]] = tuple(cols[2].split())
            classes[cols[1]] = cols[3]
        elif cols[0] == "elision" and len(cols) >= 2:
            elisions.add(cols[1].lower())
        else:
            raise ValueError(f"marks.tsv:{n}: expected 'pair' or 'elision' row, got {cols!r}")
    marks = frozenset(closers) | frozenset(m for ms in closers.values() for m in ms)
    return MarkTable(closers, classes, frozenset(elisions), marks)


@cached
def mark_table() -> MarkTable:
    """The packaged mark inventory (``quoteattr/data/marks.tsv``)."""
    return _parse_table(read("marks.tsv"))


@cached
def opening_marks() -> frozenset[str]:
    """The marks that open a quotation (a ``pair`` row's first column)."""
    return frozenset(mark_table().closers)


@cached
def closing_marks() -> frozenset[str]:
    """The marks that close a quotation (in some ``pair`` row's closing column)."""
    return frozenset(m for ms in mark_table().closers.values() for m in ms)


def quote_marks() -> frozenset[str]:
    """Every quotation mark of the table, opening or closing."""
    return mark_table().marks
