"""Command line: ``quoteattr extract FILE...`` and ``quoteattr link FILE...``.

Both print JSON Lines on standard output; the fields are a public contract
(see ``docs/schema.md``).  ``-`` reads a document from standard input.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
from pathlib import Path
from typing import Iterator, Sequence, TextIO

from .model import AttributedDocument
from .errors import QuoteattrError
from .pipeline import Pipeline

__all__ = ["build_parser", "main"]


def _read(path: str, stdin: TextIO) -> tuple[str, str]:
    """``(document id, text)`` of a file argument; ``-`` is standard input."""
    if path == "-":
        return "stdin", stdin.read()
    data = Path(path).read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        print(f"quoteattr: {path}: not valid UTF-8, undecodable bytes replaced", file=sys.stderr)
        text = data.decode("utf-8", errors="replace")
    return Path(path).stem, text


def _pipeline(args: argparse.Namespace) -> Pipeline:
    return Pipeline(
        model_dir=args.models,
        download=False if args.no_download else None,
        device=args.device,
    )


def _is_records(path: str) -> bool:
    """Whether a file argument holds extract records (JSON Lines) rather than an article."""
    return path.endswith((".jsonl", ".json"))


def _documents(args: argparse.Namespace, stdin: TextIO, errors: list[str]) -> Iterator[AttributedDocument]:
    """Attributed documents of the file arguments: articles are parsed, JSON Lines read back.

    Two articles with the same file name get ids ``name`` and ``name-1``.
    """
    nlp: Pipeline | None = None
    seen: dict[str, int] = {}
    for path in args.files:
        try:
            doc_id, text = _read(path, stdin)
        except OSError as exc:
            print(f"quoteattr: {path}: {exc.strerror or exc}", file=sys.stderr)
            errors.append(path)
            continue
        if _is_records(path):
            for n, line in enumerate(text.splitlines(), 1):
                if not line.strip():
                    continue
                try:
                    yield AttributedDocument.from_dict(json.loads(line))
                except (ValueError, KeyError, TypeError) as exc:
                    print(f"quoteattr: {path}:{n}: not an extract record ({exc})", file=sys.stderr)
                    errors.append(f"{path}:{n}")
            continue
        n = seen.get(doc_id, 0)
        seen[doc_id] = n + 1
        if getattr(args, "id", None) and len(args.files) == 1:
            doc_id = args.id
        elif n:
            doc_id = f"{doc_id}-{n}"
        if nlp is None:
            nlp = _pipeline(args)
        yield nlp(text, id=doc_id, nested=getattr(args, "nested", False))


def cmd_extract(args: argparse.Namespace, stdin: TextIO, stdout: TextIO) -> int:
    errors: list[str] = []
    if any(_is_records(p) for p in args.files):
        print("quoteattr extract: takes article text files; JSON Lines go to 'quoteattr link'", file=sys.stderr)
        return 2
    for doc in _documents(args, stdin, errors):
        stdout.write(json.dumps(doc.to_dict(), ensure_ascii=False, indent=args.indent) + "\n")
        stdout.flush()
    return 1 if errors else 0


def cmd_link(args: argparse.Namespace, stdin: TextIO, stdout: TextIO) -> int:
    from .linking.linker import link
    from .linking.results import records

    errors: list[str] = []
    docs = list(_documents(args, stdin, errors))
    for record in records(link(docs)):
        stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    return 1 if errors else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quoteattr",
        description="Find quotations in news articles, attribute them to speakers, and link them across documents.",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("files", nargs="+", metavar="FILE", help="article text files ('-' for standard input)")
        p.add_argument("--models", metavar="DIR", default=None,
                       help="stanza resources folder (default: $STANZA_RESOURCES_DIR or stanza's own)")
        p.add_argument("--no-download", action="store_true", help="never download missing stanza models")
        p.add_argument("--device", default=None, help="torch device for stanza, e.g. cpu or cuda")

    p = sub.add_parser("extract", help="print each document's quotes and speakers as JSON Lines")
    common(p)
    p.add_argument("--id", default=None, help="document id (with a single FILE; default: the file name without extension)")
    p.add_argument("--indent", type=int, default=None, help="pretty-print the JSON (no longer one line per document)")
    p.add_argument("--nested", action="store_true",
                   help="also list the reports nested inside another quote's content (X said Y believes S)")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("link", help="cluster repeated quotes and speakers across documents (articles or extract JSONL)")
    common(p)
    p.set_defaults(func=cmd_link)
    return parser


def main(argv: Sequence[str] | None = None, stdin: TextIO | None = None, stdout: TextIO | None = None) -> int:
    """Entry point of the ``quoteattr`` command; returns the exit status."""
    args = build_parser().parse_args(argv)
    stdin = stdin if stdin is not None else io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="replace")
    stdout = stdout if stdout is not None else sys.stdout
    try:
        return args.func(args, stdin, stdout)
    except QuoteattrError as exc:
        print(f"quoteattr: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:  # pragma: no cover
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
