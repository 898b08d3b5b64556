"""Reading extract records back: JSON Lines, pretty-printed records one after another, or one
JSON array of them, each checked by :meth:`AttributedDocument.from_dict`.

A bad record is reported with its line number and reading goes on with the next one; a
document id seen before is rejected (or renamed, on request).

>>> import io
>>> lines = io.StringIO('{"id": "a", "text": "Hi."}\\n'
...                     '{"id": "b", "text": "Yo.", "quotes": [{"id": "q1", "kind": "direct", '
...                     '"start": -5, "end": 2}]}\\n'
...                     'not json\\n'
...                     '{"id": "a", "text": "Hi again."}\\n'
...                     '{"id": "c", "text": "Bye."}\\n')
>>> for r in read_records(lines, name="in.jsonl"):
...     print(r.line, r.document.id if r.document else r.error)
1 a
2 in.jsonl:2: quotes[0]: start -5 is negative
3 in.jsonl:3: not JSON (Expecting value: column 1)
4 in.jsonl:4: document id 'a' was already read (in.jsonl:1)
5 c
"""

from __future__ import annotations

import json
from typing import Any, Iterable, Iterator, Literal

import attrs

from .errors import RecordError
from .model import AttributedDocument

__all__ = ["Record", "read_records"]


@attrs.frozen
class Record:
    """One record read: its first ``line`` (1-based) and either its ``document`` or its ``error``."""

    line: int
    document: AttributedDocument | None = None
    error: RecordError | None = None


_DECODER = json.JSONDecoder()


def read_records(
    lines: Iterable[str],
    *,
    name: str = "<records>",
    duplicates: Literal["reject", "rename"] = "reject",
    seen: dict[str, str] | None = None,
) -> Iterator[Record]:
    """The extract records of ``lines`` (an open text file or any iterable of lines), in order.

    JSON Lines are read one line at a time; records written over several lines
    (``quoteattr extract --indent``) or a JSON array of records are read too.
    Each record is checked (:meth:`AttributedDocument.from_dict`); a bad one
    yields a :class:`Record` whose ``error`` reads ``NAME:LINE: reason`` and
    reading goes on.  A document id already read, in this call or in ``seen``
    (id → where it was read; pass one dict to several calls to check ids
    across files), is an error with ``duplicates="reject"`` and becomes
    ``id-1``, ``id-2``, … with ``duplicates="rename"``.

    >>> [r.document.id for r in read_records(['[{"id": "x", "text": "A."}, {"id": "x", "text": "B."}]'],
    ...                                      duplicates="rename")]
    ['x', 'x-1']
    """
    if duplicates not in ("reject", "rename"):
        raise ValueError(f"duplicates must be 'reject' or 'rename', got {duplicates!r}")
    seen = {} if seen is None else seen
    for line, value, problem in _values(lines):
        if problem is not None:
            yield Record(line, error=RecordError(f"{name}:{line}: {problem}"))
            continue
        try:
            doc = AttributedDocument.from_dict(value)
        except RecordError as exc:
            yield Record(line, error=RecordError(f"{name}:{line}: {exc}"))
            continue
        where = f"{name}:{line}"
        if doc.id in seen:
            if duplicates == "reject":
                yield Record(line, error=RecordError(
                    f"{where}: document id {doc.id!r} was already read ({seen[doc.id]})"))
                continue
            n = 1
            while f"{doc.id}-{n}" in seen:
                n += 1
            doc = attrs.evolve(doc, id=f"{doc.id}-{n}")
        seen[doc.id] = where
        yield Record(line, document=doc)


def _values(lines: Iterable[str]) -> Iterator[tuple[int, Any, str | None]]:
    """``(line, value, None)`` for each JSON value of ``lines``, ``(line, None, reason)`` for what is not JSON.

    A line that is a whole JSON value is taken at once; a value spread over lines is
    gathered until it is complete; the elements of a top-level array are values of
    their own.
    """
    pending: list[str] = []
    first = 0
    for number, line in enumerate(lines, 1):
        if not pending:
            if not line.strip():
                continue
            first = number
            stripped = line.strip()
            if stripped not in ("{", "["):  # a whole value on one line
                yield from _split(stripped, number)
                continue
        pending.append(line)
        if line[:1] in "}]":  # a value's closing line at column 0: try the whole of it
            yield from _split("".join(pending), first)
            pending.clear()
    if pending:
        yield from _split("".join(pending), first)


def _split(chunk: str, first: int) -> Iterator[tuple[int, Any, str | None]]:
    """The JSON values of ``chunk`` (which starts at line ``first``); an array gives its elements."""
    pos = 0
    end = len(chunk)
    in_array = False
    while True:
        while pos < end and (chunk[pos].isspace() or (in_array and chunk[pos] == ",")):
            pos += 1
        if pos >= end:
            return
        if not in_array and chunk[pos] == "[":
            in_array, pos = True, pos + 1
            continue
        if in_array and chunk[pos] == "]":
            in_array, pos = False, pos + 1
            continue
        line = first + chunk.count("\n", 0, pos)
        try:
            value, pos = _DECODER.raw_decode(chunk, pos)
        except ValueError as exc:
            where = f" at line {first + chunk.count(chr(10), 0, exc.pos)}" if "\n" in chunk else ""
            yield line, None, f"not JSON ({exc.msg}{where}: column {exc.colno})"
            pos = chunk.find("\n{", exc.pos)  # go on at the next record that opens a line
            if pos < 0:
                return
            continue
        yield line, value, None
