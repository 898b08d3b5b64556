"""Running quoteattr over more articles than one machine handles: a recipe on Dask.

Needs the optional extra ``pip install quoteattr[dask]`` (``dask[distributed]``); see
``docs/distributed.md`` for the commands.  Extraction maps over partitions of a JSON Lines
corpus (one ``{"id", "text", "source"?, "date"?}`` object a line) and writes JSON Lines of
extract records; every worker process builds its stanza pipeline once
(:func:`quoteattr.pipeline.get_pipeline` caches it per process) and parses its partition in
batches with ``Pipeline.pipe``.  Linking then reads the records back
(:func:`quoteattr.reading.read_records`) and runs the linker, whose candidate generation is
already keyed and linear.

Every document is parsed on its own (see :mod:`quoteattr.parsing.annotate`), so the records
are the same whichever worker or partition a document lands in.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterable, Iterator

from .pipeline import get_pipeline
from .reading import read_records

__all__ = ["extract_lines", "extract_jsonl", "link_jsonl"]


def extract_lines(lines: Iterable[str], settings: dict[str, Any] | None = None, batch_size: int = 16) -> list[str]:
    """Extract records (JSON strings) of the input lines of one partition.

    Blank lines are skipped; a line without ``id`` gets ``line<N>`` from its place in the
    partition; ``source``, ``date`` and any other field are handled as ``Pipeline.pipe`` handles
    a ``(text, metadata)`` pair (the other fields are kept in the record's ``metadata``).
    ``settings`` are :class:`~quoteattr.pipeline.Pipeline` options (``{"download": False}``,
    ``{"model_dir": ...}``); the pipeline is built once per process.

    >>> extract_lines([])
    []
    """
    rows = [json.loads(line) for line in lines if line.strip()]
    if not rows:
        return []
    nlp = get_pipeline(**(settings or {}))
    # the text with the rest of its row as metadata: pipe makes id, source and date the document's
    items = [(row.get("text"), {**{k: v for k, v in row.items() if k != "text"},
                                "id": str(row.get("id", f"line{n}"))}) for n, row in enumerate(rows)]
    return [json.dumps(doc.to_dict(), ensure_ascii=False) for doc in nlp.pipe(items, batch_size=batch_size, progress=False)]


def extract_jsonl(inputs: str | list[str], output_dir: str | Path, *, client: Any = None,
                  settings: dict[str, Any] | None = None, blocksize: str | None = "16MiB",
                  batch_size: int = 16) -> list[str]:
    """Extract every article of the JSON Lines ``inputs`` (paths or a glob) on a Dask cluster
    and write the records as ``output_dir/*.jsonl``, one file per partition, in input order.

    ``client`` is a ``dask.distributed.Client`` (default: the current one, else Dask's
    default scheduler).  Returns the paths written.
    """
    import dask.bag as db

    bag = db.read_text(inputs, blocksize=blocksize)
    records = bag.map_partitions(extract_lines, settings, batch_size)
    out = Path(output_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = records.to_textfiles(str(out / "*.jsonl"), compute=False)
    from dask import compute

    if client is not None:
        client.compute(written, sync=True)
    else:
        compute(written)
    return sorted(str(p) for p in out.glob("*.jsonl"))


def _lines(paths: Iterable[str | Path]) -> Iterator[tuple[str, list[str]]]:
    for path in sorted(str(p) for p in paths):
        with open(path, encoding="utf-8") as f:
            yield path, f.readlines()


def link_jsonl(paths: Iterable[str | Path], errors: list[str] | None = None):
    """Link the records of the extract files ``paths`` (a :class:`~quoteattr.linking.results.LinkResult`).

    Bad records are skipped and their messages appended to ``errors``.
    """
    from .linking.linker import link

    seen: dict[str, str] = {}
    docs = []
    for path, lines in _lines(paths):
        for record in read_records(lines, name=path, seen=seen):
            if record.document is not None:
                docs.append(record.document)
            elif errors is not None:
                errors.append(str(record.error))
    return link(docs)
