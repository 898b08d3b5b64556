"""Command line: ``quoteattr extract FILE...`` and ``quoteattr link FILE...``.

``extract`` prints one JSON record per document (JSON Lines; the fields are a
public contract, see ``docs/schema.md``), or the quotes as CSV rows
(``--format csv``), or writes an HTML page (``--html OUT``).  ``link`` reads
articles or the output of ``extract`` (one-line or indented JSON, told apart by
content) and prints clusters and speakers.  ``-`` reads standard input.

A file that cannot be read or processed is reported on standard error as
``quoteattr: FILE: reason``; the others are still processed, and the exit
status is 1 at the end.  Usage errors exit with 2.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import logging
import os
import sys
from pathlib import Path
from typing import Any, Iterator, Sequence, TextIO

from . import __version__
from .attribution.profiles import DEFAULT_PROFILE, PROFILES, apply_profile
from .errors import QuoteattrError
from .model import AttributedDocument
from .pipeline import DEFAULT_MAX_CHARS, Pipeline, get_pipeline
from .reading import read_records

__all__ = ["build_parser", "main"]

log = logging.getLogger("quoteattr")

#: How many files make a run long enough for a progress bar.
_PROGRESS_FROM = 5


class _Failures:
    """The inputs that failed, reported as ``quoteattr: WHERE: reason`` when they happen."""

    def __init__(self) -> None:
        self.where: list[str] = []

    def __call__(self, where: str, reason: str) -> None:
        log.error("%s: %s", where, reason)
        self.where.append(where)

    def __bool__(self) -> bool:
        return bool(self.where)


def _read_bytes(path: str, stdin: TextIO) -> bytes | str:
    """The content of a file argument (``-`` is standard input, already text)."""
    return stdin.read() if path == "-" else Path(path).read_bytes()


def _file_id(path: str) -> str:
    return "stdin" if path == "-" else Path(path).stem


def _looks_like_records(data: bytes | str, path: str) -> bool:
    """Whether ``data`` is ``quoteattr extract`` output: it starts with ``{``, and its first
    JSON object (or one of its first lines) has an id and a text, or the file is named ``.json(l)``."""
    text = data[:1 << 20].decode("utf-8-sig", errors="replace") if isinstance(data, bytes) else data.lstrip("\ufeff")
    text = text.lstrip()
    if not text.startswith("{"):
        return False
    if path.endswith((".json", ".jsonl")):
        return True
    decoder = json.JSONDecoder()
    for start in [0] + [k + 1 for k, c in enumerate(text[:20000]) if c == "\n"][:20]:
        try:
            first, _ = decoder.raw_decode(text, start)
        except ValueError:
            continue
        return isinstance(first, dict) and "text" in first and "id" in first
    return False


def _pipeline(args: argparse.Namespace) -> Pipeline:
    if args.models is not None and not Path(args.models).is_dir():
        raise _UsageError(f"--models {args.models}: no such folder")
    settings = {
        "model_dir": args.models,
        "download": False if args.no_download else None,
        "device": args.device,
        "max_chars": args.max_chars or None,
    }
    get_pipeline(**settings).dir_option = "--models DIR"  # the one that builds the stanza pipeline
    nlp = get_pipeline(**settings, profile=args.profile)
    nlp.dir_option = "--models DIR"
    return nlp


class _UsageError(QuoteattrError):
    """A command-line usage error (exit status 2)."""


def _inputs(args: argparse.Namespace, stdin: TextIO, failed: _Failures,
            records: list[tuple[str, Any]]) -> Iterator[tuple[Any, dict[str, str]]]:
    """``(content, {"id": ...})`` of the article files, for :func:`quoteattr.stream`.

    Files that hold extract records are put in ``records`` instead (for ``link``).
    Two articles with the same file name get ids ``name`` and ``name-1``.
    """
    seen: dict[str, int] = {}
    mode = getattr(args, "input", "auto")
    for path in args.files:
        try:
            data = _read_bytes(path, stdin)
        except OSError as exc:
            failed(path, exc.strerror or str(exc))
            continue
        if mode == "records" or (mode == "auto" and _looks_like_records(data, path)):
            records.append((path, data))
            continue
        doc_id = _file_id(path)
        k = seen.get(doc_id, 0)
        seen[doc_id] = k + 1
        if getattr(args, "id", None) and len(args.files) == 1:
            doc_id = args.id
        elif k:
            doc_id = f"{doc_id}-{k}"
        yield data, {"id": doc_id, "_path": path}


def _documents(args: argparse.Namespace, stdin: TextIO, failed: _Failures,
               nested: bool = False) -> Iterator[AttributedDocument]:
    """The attributed documents of the file arguments: articles are parsed, extract records read back."""
    records: list[tuple[str, Any]] = []
    paths: dict[str, str] = {}

    def articles() -> Iterator[tuple[Any, dict[str, str]]]:
        for data, meta in _inputs(args, stdin, failed, records):
            paths[meta["id"]] = meta.pop("_path")
            yield data, meta

    items = articles()
    first = next(items, None)
    if first is not None:
        nlp = _pipeline(args)
        show = None if not args.quiet and len(args.files) >= _PROGRESS_FROM else False  # None: on a terminal
        for doc in nlp.pipe(_chain([first], items), errors="record", nested=nested, progress=show,
                            total=len(args.files), n_process=args.workers):
            if doc.error is not None:
                failed(paths.get(doc.id, doc.id), doc.error)
                continue
            yield doc
    if records and getattr(args, "command", "") == "extract":
        raise _UsageError(f"{records[0][0]}: holds extract records (JSON); give them to 'quoteattr link'")
    seen: dict[str, str] = {}  # document ids read so far, across the files (a repeated one is an error)
    for path, data in records:
        if isinstance(data, bytes):
            try:
                data = data.decode("utf-8-sig")
            except UnicodeDecodeError as exc:
                failed(path, f"not valid UTF-8 (position {exc.start})")
                continue
        # lines end at \n only: U+2028/U+2029/U+0085 stand raw inside the JSON strings extract writes
        for record in read_records(io.StringIO(data, newline=""), name=path, seen=seen):
            if record.error is not None:
                where, _, reason = str(record.error).partition(": ")
                failed(where, reason)
                continue
            yield apply_profile(record.document, args.profile)


def _chain(head: list[Any], rest: Iterator[Any]) -> Iterator[Any]:
    yield from head
    yield from rest


def _write_csv(docs: Iterator[AttributedDocument], stdout: TextIO) -> None:
    from .records import QUOTE_COLUMNS, quote_records

    writer = csv.DictWriter(stdout, fieldnames=list(QUOTE_COLUMNS), lineterminator="\n")
    writer.writeheader()
    for doc in docs:
        writer.writerows(quote_records(doc))
        stdout.flush()


def cmd_extract(args: argparse.Namespace, stdin: TextIO, stdout: TextIO) -> int:
    failed = _Failures()
    docs = _documents(args, stdin, failed, nested=args.nested)
    fmt = args.format or ("none" if args.html else "jsonl")
    kept: list[AttributedDocument] = []
    if args.html:
        docs = _keep(docs, kept)
    if fmt == "csv":
        _write_csv(docs, stdout)
    else:
        for doc in docs:
            if fmt == "jsonl":
                stdout.write(json.dumps(doc.to_dict(), ensure_ascii=False, indent=args.indent) + "\n")
                stdout.flush()
    if args.html:
        from .display import render_page

        try:
            Path(args.html).write_text(render_page(kept, title="quoteattr: " + ", ".join(args.files)),
                                       encoding="utf-8")
        except OSError as exc:
            failed(args.html, exc.strerror or str(exc))
    return 1 if failed else 0


def _keep(docs: Iterator[AttributedDocument], kept: list[AttributedDocument]) -> Iterator[AttributedDocument]:
    import attrs

    for doc in docs:
        kept.append(attrs.evolve(doc, stanza_doc=None))  # the parse is not needed for the page
        yield doc


def cmd_link(args: argparse.Namespace, stdin: TextIO, stdout: TextIO) -> int:
    from .linking.linker import link
    from .linking.results import records

    failed = _Failures()
    docs = list(_documents(args, stdin, failed))
    for record in records(link(docs)):
        stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    return 1 if failed else 0


def _worker_count(value: str) -> int:
    """``--workers``: a positive count, or -1 for one per CPU core."""
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None
    if n == 0 or n < -1:
        raise argparse.ArgumentTypeError(f"expected a positive count or -1 (one per core), got {n}")
    return n


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quoteattr",
        description="Find quotations in news articles, attribute them to speakers, and link them across documents.",
    )
    parser.add_argument("--version", action="version", version=f"quoteattr {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    def common(p: argparse.ArgumentParser, files_help: str) -> None:
        p.add_argument("files", nargs="+", metavar="FILE", help=files_help)
        p.add_argument("--models", metavar="DIR", default=None,
                       help="stanza resources folder with the English models "
                            "(default: $STANZA_RESOURCES_DIR or stanza's own)")
        p.add_argument("--no-download", action="store_true", help="never download missing stanza models")
        p.add_argument("--device", default=None, help="torch device for stanza, e.g. cpu or cuda")
        p.add_argument("--max-chars", type=int, default=DEFAULT_MAX_CHARS, metavar="N",
                       help=f"refuse articles longer than N characters (default {DEFAULT_MAX_CHARS}; 0: no limit)")
        p.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no warnings, only errors")
        p.add_argument("--workers", type=_worker_count, default=1, metavar="N",
                       help="parse in N worker processes (-1: one per CPU core; default 1); each loads "
                            "the models once, the output is the same and in input order")
        p.add_argument("--profile", choices=sorted(PROFILES), default=DEFAULT_PROFILE,
                       help="which attributions count as quotes: attribution (default): all of them, "
                            "PolNeAR style (said, wrote, believes, wants, polls show); "
                            "speech: only what people said or wrote")

    p = sub.add_parser("extract", help="print each document's quotes and speakers (JSON Lines, CSV or HTML)")
    common(p, "article text files, UTF-8 ('-' for standard input)")
    p.add_argument("--id", default=None, help="document id (with a single FILE; default: the file name without extension)")
    p.add_argument("--format", choices=("jsonl", "csv"), default=None,
                   help="jsonl (default): one JSON record per document; csv: one row per quote")
    p.add_argument("--indent", type=int, default=None, help="pretty-print the JSON ('quoteattr link' still reads it)")
    p.add_argument("--html", metavar="OUT", default=None,
                   help="write the documents with their quotes highlighted to the HTML file OUT "
                        "(then nothing goes to standard output unless --format is given)")
    p.add_argument("--nested", action="store_true",
                   help="also list the reports nested inside another quote's content (X said Y believes S)")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("link", help="cluster repeated quotes and speakers across documents")
    common(p, "article text files or 'quoteattr extract' output (JSON Lines or indented JSON), "
              "told apart by content ('-' for standard input)")
    p.add_argument("--input", choices=("auto", "text", "records"), default="auto",
                   help="what the files hold: auto (default: decided by content), text (articles) "
                        "or records (extract output)")
    p.set_defaults(func=cmd_link)
    return parser


def _log_to(stream: TextIO, quiet: bool) -> tuple[logging.Handler, int]:
    """Show the ``quoteattr`` logger's warnings (errors only when ``quiet``) on ``stream``."""
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("quoteattr: %(message)s"))
    handler.setLevel(logging.ERROR if quiet else logging.WARNING)
    log.addHandler(handler)
    old = log.level
    if old == logging.NOTSET or old > handler.level:
        log.setLevel(handler.level)
    return handler, old


def main(argv: Sequence[str] | None = None, stdin: TextIO | None = None, stdout: TextIO | None = None) -> int:
    """Entry point of the ``quoteattr`` command; returns the exit status."""
    args = build_parser().parse_args(argv)
    stdin = stdin if stdin is not None else io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="replace")
    stdout = stdout if stdout is not None else sys.stdout
    handler, level = _log_to(sys.stderr, args.quiet)
    try:
        return args.func(args, stdin, stdout)
    except QuoteattrError as exc:
        log.error("%s", exc)
        return 2
    except BrokenPipeError:  # the reader went away (quoteattr extract ... | head)
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError, io.UnsupportedOperation):
            pass
        return 1
    except KeyboardInterrupt:  # pragma: no cover
        return 130
    finally:
        log.removeHandler(handler)
        log.setLevel(level)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
