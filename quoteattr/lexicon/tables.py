"""The package's data tables (``quoteattr/data/*.tsv``), and a user's folder of tables over them.

Every table is UTF-8 text with one entry a line and its columns separated
by tabs; blank lines and lines starting with ``#`` (the header that names
the columns) are ignored.  Cells are stripped of surrounding spaces.

>>> rows_of("a\\tb\\n# a comment\\n\\n c \\t d \\n")
[(1, ['a', 'b']), (4, ['c', 'd'])]

A user's folder of tables replaces the packaged tables it holds, inside :func:`lexicon`:
every loader decorated with :func:`cached` (cues, cue phrases, clause words, marks, not_cues,
the people tables…) then reads ``FOLDER/<name>.tsv`` when it exists, else the packaged table,
and keeps its cache per folder.

>>> import pathlib, tempfile
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "not_cues.tsv").write_text("say\\tnot in this lexicon\\n", encoding="utf-8")
>>> from quoteattr.lexicon.cues import not_cues
>>> with lexicon(folder):
...     "say" in not_cues(), "ensure" in not_cues()
(True, False)
>>> "say" in not_cues(), "ensure" in not_cues()
(False, True)
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
from importlib import resources
from pathlib import Path
from typing import Any, Callable, Iterator, TypeVar

__all__ = ["cached", "folder", "lexicon", "read", "rows", "rows_of"]

_T = TypeVar("_T")
_FOLDER: contextvars.ContextVar[Path | None] = contextvars.ContextVar("quoteattr_lexicon", default=None)


def rows_of(text: str) -> list[tuple[int, list[str]]]:
    """``(line number, cells)`` of every entry line of a table's ``text``."""
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        out.append((n, [cell.strip() for cell in line.split("\t")]))
    return out


@contextlib.contextmanager
def lexicon(path: str | Path | None) -> Iterator[None]:
    """Read the tables in folder ``path`` over the packaged ones inside the ``with`` block
    (``None``: the packaged tables only). A missing folder is an error."""
    if path is not None:
        path = Path(path)
        if not path.is_dir():
            raise FileNotFoundError(f"lexicon folder {str(path)!r} does not exist")
    token = _FOLDER.set(path)
    try:
        yield
    finally:
        _FOLDER.reset(token)


def folder() -> Path | None:
    """The user's folder of tables in effect (see :func:`lexicon`), or ``None``."""
    return _FOLDER.get()


def read(name: str) -> str:
    """The text of table ``name`` (``"cues.tsv"``): the user's (see :func:`lexicon`) or the packaged one."""
    user = folder()
    if user is not None and (user / name).is_file():
        return (user / name).read_text(encoding="utf-8")
    return resources.files("quoteattr").joinpath(f"data/{name}").read_text(encoding="utf-8")


def rows(name: str) -> list[tuple[int, list[str]]]:
    """``(line number, cells)`` of table ``name`` (see :func:`read`)."""
    return rows_of(read(name))


def cached(loader: Callable[..., _T]) -> Callable[..., _T]:
    """``loader`` with its results cached per folder of tables (see :func:`lexicon`)."""

    @functools.lru_cache(maxsize=None)
    def by_folder(where: Path | None, *args: Any) -> _T:
        token = _FOLDER.set(where)
        try:
            return loader(*args)
        finally:
            _FOLDER.reset(token)

    @functools.wraps(loader)
    def wrapper(*args: Any) -> _T:
        return by_folder(folder(), *args)

    wrapper.cache_clear = by_folder.cache_clear  # type: ignore[attr-defined]
    return wrapper
