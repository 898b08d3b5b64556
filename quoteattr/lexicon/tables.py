"""The package's data tables (``quoteattr/data/*.tsv``).

Every table is UTF-8 text with one entry a line and its columns separated
by tabs; blank lines and lines starting with ``#`` (the header that names
the columns) are ignored.  Cells are stripped of surrounding spaces.

>>> rows_of("a\\tb\\n# a comment\\n\\n c \\t d \\n")
[(1, ['a', 'b']), (4, ['c', 'd'])]
"""

from __future__ import annotations

from importlib import resources

__all__ = ["read", "rows", "rows_of"]


def rows_of(text: str) -> list[tuple[int, list[str]]]:
    """``(line number, cells)`` of every entry line of a table's ``text``."""
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        out.append((n, [cell.strip() for cell in line.split("\t")]))
    return out


def read(name: str) -> str:
    """The text of the packaged table ``name`` (``"cues.tsv"``)."""
    return resources.files("quoteattr").joinpath(f"data/{name}").read_text(encoding="utf-8")


def rows(name: str) -> list[tuple[int, list[str]]]:
    """``(line number, cells)`` of the packaged table ``name``."""
    return rows_of(read(name))
