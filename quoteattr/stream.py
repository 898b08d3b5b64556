"""Streaming a corpus through quoteattr: lazily, in input order, one bad document never stops the rest.

:func:`stream` (and :meth:`quoteattr.Pipeline.pipe`, the same with a pipeline of your own)
takes any iterable of documents, each of them

* a text (``str``, or ``bytes`` in UTF-8),
* a pair ``(text, metadata)`` where ``metadata`` is a dict: its ``id``, ``source`` and
  ``date`` become the document's, the other (JSON-able) fields are kept in
  :attr:`AttributedDocument.metadata`; ``(text, "id")`` is a pair with an id alone,
* or a ``stanza.Document`` already annotated,

parses them with stanza in batches and yields one :class:`~quoteattr.AttributedDocument`
per input, in input order, as soon as its batch is done.  Ids come from the
metadata, else from ``ids`` (which must have exactly one id per document), else
``doc0``, ``doc1``, ...

A document that cannot be processed (empty, not UTF-8, longer than the pipeline's
``max_chars``, or one on which stanza or a stage fails) is handled per ``errors``:

* ``"record"`` (default): yield the document with its :attr:`~AttributedDocument.error` set and no quotes;
* ``"skip"``: yield nothing for it and log a warning on the ``quoteattr`` logger;
* ``"raise"``: raise the error (the documents before it have been yielded).

With ``n_process=N`` (N > 1, or -1 for one per CPU core) the batches are parsed and attributed
in N worker processes, each of which builds the pipeline's stanza pipeline once (with the same
settings) and runs its torch on its share of the cores; the documents still come out in input
order and are the same as one call at a time gives (every document is parsed on its own). The
workers are started with ``spawn``: a script that uses them must guard its entry point with
``if __name__ == "__main__":``. Starting a worker costs a few seconds (loading stanza's models),
so it pays off over many documents on a machine with several cores (see ``docs/limits.md``).
A worker that dies (out of memory) fails the documents of its batch, and the rest go on.

A tqdm progress bar goes to standard error when it is a terminal or the code runs in
Jupyter; ``progress=False`` turns it off, ``progress=True`` forces it.

>>> import quoteattr
>>> corpus = [("“We are ready,” the coach said.", {"id": "match", "source": "Sport Daily", "round": 3}),
...           "", b"\\xff\\xfe not UTF-8"]
>>> for doc in quoteattr.stream(corpus, progress=False):
...     print(doc.id, doc.source, doc.metadata, len(doc.quotes), doc.error)
match Sport Daily {'round': 3} 1 None
doc1 None {} 0 empty document
doc2 None {} 0 not valid UTF-8 (byte 0xff at position 0)
>>> [d.id for d in quoteattr.stream(corpus, errors="skip", progress=False)]
['match']
"""

from __future__ import annotations

import collections
import logging
import os
import pickle
import sys
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Mapping

import attrs
import stanza

from .errors import DocumentError
from .model import AttributedDocument

if TYPE_CHECKING:  # pragma: no cover
    from .pipeline import Pipeline

__all__ = ["ERROR_MODES", "process", "progress_default", "stream"]

logger = logging.getLogger("quoteattr")

#: The values of ``errors=``.
ERROR_MODES = ("record", "skip", "raise")

#: Metadata keys that become fields of the document.
_DOC_FIELDS = ("id", "source", "date")


@attrs.define
class _Item:
    """One input document on its way through: what was given, and the error found so far."""

    n: int
    id: Any
    payload: "str | stanza.Document | None"
    metadata: dict[str, Any]
    source: Any = None
    date: Any = None
    error: BaseException | None = None
    parsed: "stanza.Document | None" = None


def progress_default() -> bool:
    """Whether a progress bar is wanted by default: standard error is a terminal, or we run in Jupyter."""
    try:
        if sys.stderr is not None and sys.stderr.isatty():
            return True
    except (AttributeError, ValueError):
        pass
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None and hasattr(ipython, "get_ipython") else None
    return type(shell).__name__ == "ZMQInteractiveShell"  # a Jupyter kernel (not just ipykernel imported)


def _progress_bar(progress: bool | None, total: int | None) -> Any:
    if not (progress_default() if progress is None else progress):
        return None
    from tqdm import tqdm  # the text bar: it shows in terminals and notebooks alike, without widgets

    return tqdm(total=total, unit="doc", desc="quoteattr", file=sys.stderr, dynamic_ncols=True)


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DocumentError(f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at position {exc.start})") from None


def _unpack(n: int, item: Any, given_id: Any) -> _Item:
    """The :class:`_Item` of input number ``n`` (an error is kept on it, not raised)."""
    metadata: Any = {}
    payload = item
    if isinstance(item, tuple) and len(item) == 2 and not isinstance(item[0], tuple):
        payload, metadata = item
        if isinstance(metadata, str):
            metadata = {"id": metadata}
    out = _Item(n, given_id if given_id is not None else f"doc{n}", None, {})
    try:
        if metadata is None:
            metadata = {}
        if not isinstance(metadata, Mapping):
            raise DocumentError(f"metadata must be a dict, got {type(metadata).__name__}")
        metadata = dict(metadata)
        if "id" in metadata:
            out.id = metadata.pop("id")
        out.source, out.date = metadata.pop("source", None), metadata.pop("date", None)
        out.metadata = metadata
        if not isinstance(out.id, str):
            raise DocumentError(f"document id must be a str, got {type(out.id).__name__} {out.id!r}")
        if isinstance(payload, (bytes, bytearray)):
            payload = _decode(bytes(payload))
        if isinstance(payload, str):
            if not payload.strip():
                raise DocumentError("empty document")
        elif not isinstance(payload, stanza.Document):
            raise DocumentError(f"expected a text, bytes, (text, metadata) or a stanza.Document, "
                                f"got {type(payload).__name__}")
        out.payload = payload
    except DocumentError as exc:
        out.error = exc
    return out


def _inputs(items: Iterable[Any], ids: Iterable[Any] | None) -> Iterator[_Item]:
    """The inputs with their ids; ``ids`` must have exactly one id per document."""
    if isinstance(items, (str, bytes, stanza.Document)):
        raise TypeError(f"expected an iterable of documents, got a single {type(items).__name__}: "
                        "wrap it in a list")
    if isinstance(ids, (str, bytes)):
        raise TypeError("ids must be an iterable of ids, not a single string")
    id_iter = iter(ids) if ids is not None else None
    n = -1
    for n, item in enumerate(items):
        given = None
        if id_iter is not None:
            given = next(id_iter, _END)
            if given is _END:
                raise ValueError(f"fewer ids than documents: no id for document number {n + 1}")
        yield _unpack(n, item, given)
    if id_iter is not None and next(id_iter, _END) is not _END:
        raise ValueError(f"more ids than documents ({n + 1} documents)")


_END = object()


def _reason(exc: BaseException) -> str:
    return str(exc) if isinstance(exc, DocumentError) else f"{type(exc).__name__}: {exc}"


def _parse_batch(nlp: "Pipeline", batch: list[_Item]) -> None:
    """Parse the texts of a batch together; when that fails, one by one to find the culprit."""
    todo = [it for it in batch if it.error is None and isinstance(it.payload, str)]
    for it in todo:
        try:
            nlp._check_length(it.payload)  # type: ignore[arg-type]
        except DocumentError as exc:
            it.error = exc
    todo = [it for it in todo if it.error is None]
    if not todo:
        return
    nlp.stanza  # noqa: B018  (missing models are no document's fault: build here, outside the catch)
    try:
        for it, doc in zip(todo, nlp._annotate([it.payload for it in todo])):  # type: ignore[misc]
            it.parsed = doc
        return
    except Exception as exc:  # noqa: BLE001  (then find the document that fails)
        if len(todo) == 1:
            todo[0].error = exc
            return
    for it in todo:
        try:
            it.parsed = nlp._annotate([it.payload])[0]  # type: ignore[list-item]
        except Exception as exc:  # noqa: BLE001
            it.error = exc


def _finish(nlp: "Pipeline", it: _Item, nested: bool) -> AttributedDocument:
    doc = it.parsed if it.parsed is not None else it.payload
    return nlp.attribute(doc, id=it.id, source=it.source, date=it.date, nested=nested)  # type: ignore[arg-type]


def _failed(it: _Item, errors: str) -> AttributedDocument | None:
    assert it.error is not None
    if errors == "raise":
        raise it.error
    reason = _reason(it.error)
    if errors == "skip":
        logger.warning("%s: %s (skipped)", it.id, reason)
        return None
    logger.info("%s: %s", it.id, reason)
    text = it.payload.text if isinstance(it.payload, stanza.Document) else it.payload
    doc_id = it.id if isinstance(it.id, str) else f"doc{it.n}"
    try:
        return AttributedDocument(doc_id, text if isinstance(text, str) else "", source=it.source, date=it.date,
                                  metadata=it.metadata, error=reason)
    except (TypeError, ValueError):  # the metadata itself was bad: keep the error alone
        return AttributedDocument(doc_id, text if isinstance(text, str) else "", error=reason)


def process(
    nlp: "Pipeline",
    items: Iterable[Any],
    ids: Iterable[Any] | None = None,
    *,
    batch_size: int = 16,
    nested: bool = False,
    errors: str = "record",
    progress: bool | None = None,
    total: int | None = None,
    n_process: int = 1,
) -> Iterator[AttributedDocument]:
    """Extract quotes from a stream of documents with the pipeline ``nlp``, lazily, in input order.

    See :mod:`quoteattr.stream` for ``items``, ``ids``, ``errors``, ``progress``
    and ``n_process``.

    ``n_process=N`` (or ``-1``: one per CPU core) runs the batches in N worker processes,
    each with its own stanza pipeline built once from :meth:`Pipeline.settings` and ``cores / N``
    torch threads; the output is the same as with ``n_process=1``, in input order. On
    CPU this is the way to use several cores (stanza's batching and torch's threads
    gain little there: about 1.1x), once a worker's start-up (a few seconds, loading the
    models) is paid for by enough documents: see ``docs/limits.md`` for measured
    figures. Call it under ``if __name__ == "__main__":`` in a script (workers are spawned).

    >>> from quoteattr import Pipeline
    >>> nlp = Pipeline()
    >>> for doc in nlp.pipe(['"Yes," Ana said.', ("", {"id": "blank"})], errors="record", progress=False):
    ...     print(doc.id, len(doc.quotes), doc.error)
    doc0 1 None
    blank 0 empty document
    """
    if errors not in ERROR_MODES:
        raise ValueError(f"errors must be one of {ERROR_MODES}, got {errors!r}")
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, got {batch_size}")
    if not isinstance(n_process, int) or isinstance(n_process, bool) or not (n_process >= 1 or n_process == -1):
        raise ValueError(f"n_process must be a positive int or -1 (one per CPU core), got {n_process!r}")
    if n_process == -1:
        n_process = os.cpu_count() or 1
    if total is None and hasattr(items, "__len__") and not isinstance(items, (str, bytes)):
        total = len(items)  # type: ignore[arg-type]
    batches = _batches(_inputs(items, ids), batch_size)
    done = _in_workers(nlp, batches, nested, n_process) if n_process > 1 else (_settle(nlp, b, nested) for b in batches)
    bar = _progress_bar(progress, total)
    try:
        for batch in done:
            for it, doc in batch:
                if it.error is not None:
                    doc = _failed(it, errors)
                if bar is not None:
                    bar.update(1)
                if doc is not None:
                    yield doc
    finally:
        if bar is not None:
            bar.close()


def _batches(inputs: Iterator[_Item], size: int) -> Iterator[list[_Item]]:
    batch: list[_Item] = []
    for it in inputs:
        batch.append(it)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _settle(nlp: "Pipeline", batch: list[_Item], nested: bool) -> list[tuple[_Item, AttributedDocument | None]]:
    """Each item of ``batch`` with its attributed document, or with its error set and ``None``."""
    _parse_batch(nlp, batch)
    out: list[tuple[_Item, AttributedDocument | None]] = []
    for it in batch:
        doc: AttributedDocument | None = None
        if it.error is None:
            try:
                doc = _finish(nlp, it, nested)
                if it.metadata:
                    doc = attrs.evolve(doc, metadata=it.metadata)
            except Exception as exc:  # noqa: BLE001  (one document's failure is its own)
                it.error = exc
        out.append((it, doc))
    return out


# -- worker processes ----------------------------------------------------------


def _start_worker(threads: int) -> None:
    """Give a worker's torch its share of the cores (the others run the other workers)."""
    import torch

    torch.set_num_threads(threads)


def _work(settings: dict[str, Any], batch: list[_Item], nested: bool) -> list[tuple[_Item, AttributedDocument | None]]:
    """:func:`_settle` in a worker, with the pipeline of ``settings`` (built once per process by
    :func:`quoteattr.pipeline.get_pipeline`); the parse is sent back with the documents, the
    text only with a failure, an error that cannot be pickled as a :class:`DocumentError` of its reason."""
    from .pipeline import get_pipeline

    out = _settle(get_pipeline(**settings), batch, nested)
    for it, doc in out:
        it.parsed = None
        if doc is not None:
            it.payload = None
        if it.error is not None:
            try:
                pickle.dumps(it.error)
            except Exception:  # noqa: BLE001
                it.error = DocumentError(_reason(it.error))
    return out


def _in_workers(nlp: "Pipeline", batches: Iterator[list[_Item]], nested: bool,
                n_process: int) -> Iterator[list[tuple[_Item, AttributedDocument | None]]]:
    """:func:`_settle` of each batch in ``n_process`` worker processes, in input order, with at most
    two batches a worker in flight (the input is read lazily; memory stays flat)."""
    import multiprocessing

    settings = nlp.settings()
    threads = max(1, (os.cpu_count() or 1) // n_process)
    context = multiprocessing.get_context("spawn")

    def executor() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(n_process, mp_context=context, initializer=_start_worker, initargs=(threads,))

    pool = executor()
    pending: collections.deque[tuple[list[_Item], Future]] = collections.deque()
    try:
        for batch in batches:
            pending.append((batch, pool.submit(_work, settings, batch, nested)))
            while len(pending) >= 2 * n_process:
                pool = yield from _next_done(pool, pending, executor, settings, nested)
        while pending:
            pool = yield from _next_done(pool, pending, executor, settings, nested)
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _next_done(pool: ProcessPoolExecutor, pending: "collections.deque[tuple[list[_Item], Future]]", executor: Any,
               settings: dict[str, Any], nested: bool) -> Iterator[list[tuple[_Item, AttributedDocument | None]]]:
    """Yield the first pending batch once done and return the pool to go on with. When a worker
    died, the batch runs again alone in a fresh pool, then, if it kills that one too, document by
    document, so that only the document that kills a worker fails; the batches still pending go
    to the fresh pool."""
    batch, future = pending.popleft()
    try:
        yield future.result()
        return pool
    except BrokenProcessPool:
        pool.shutdown(wait=False, cancel_futures=True)
        pool = executor()
    done, pool = _retry(pool, executor, settings, batch, nested)
    if done is None:
        done = []
        for it in batch:
            one, pool = _retry(pool, executor, settings, [it], nested) if len(batch) > 1 else (None, pool)
            if one is None:
                it.error = it.error or DocumentError("the worker process parsing it died (out of memory?)")
                one = [(it, None)]
            done += one
    yield done
    for k, (other, _) in enumerate(pending):
        pending[k] = (other, pool.submit(_work, settings, other, nested))
    return pool


def _retry(pool: ProcessPoolExecutor, executor: Any, settings: dict[str, Any], batch: list[_Item],
           nested: bool) -> tuple[list[tuple[_Item, AttributedDocument | None]] | None, ProcessPoolExecutor]:
    """``batch`` run in ``pool`` and the pool to go on with; ``None`` (and a fresh pool) when the
    worker running it died."""
    try:
        return pool.submit(_work, settings, batch, nested).result(), pool
    except BrokenProcessPool:
        pool.shutdown(wait=False, cancel_futures=True)
        return None, executor()


def stream(
    items: Iterable[Any],
    ids: Iterable[Any] | None = None,
    *,
    batch_size: int = 16,
    nested: bool = False,
    errors: str = "record",
    progress: bool | None = None,
    total: int | None = None,
    n_process: int = 1,
    **settings: Any,
) -> Iterator[AttributedDocument]:
    """Extract the quotes of a stream of documents with the cached default pipeline (see the module doc).

    ``settings`` are :class:`~quoteattr.Pipeline` settings; with a pipeline of your own,
    call its :meth:`~quoteattr.Pipeline.pipe` with the same arguments.
    """
    from .pipeline import get_pipeline

    return get_pipeline(**settings).pipe(items, ids, batch_size=batch_size, nested=nested, errors=errors,
                                         progress=progress, total=total, n_process=n_process)
