"""Check the names of the entities quoteattr resolves on PolNeAR: none may be a time word or a
date, a quantity, a line of page furniture, or end in a preposition.

Usage::

    python benchmarks/entity_names.py [--data PATH ...] [--limit N]

By default the dev and train splits of ``shared/data/polnear`` are read (see
``benchmarks/polnear.py`` for where the data and the parse cache are found). Every offending
entity name is listed with its article id and the reason; the exit status is 1 when any is
found. Nothing of PolNeAR is written anywhere but the parse cache under ``/tmp``.

>>> [bad_name(n) for n in ("Friday", "Nov. 27", "a dozen", "READ MORE", "Okafor in", "Ana Ruiz")]
['time', 'time', 'quantity', 'furniture', 'preposition', None]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Iterator, Sequence

import regex

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from quoteattr.lexicon.clause_words import clause_words  # noqa: E402
from quoteattr.lexicon.people import is_furniture, quantity_words, time_words  # noqa: E402

#: Words that may not end a name: prepositions and subordinators that start a phrase of their own.
PREPOSITIONS = frozenset(
    "of for at with from to in on by about after before against among amid as into like near over "
    "since than through toward towards under until upon via within without during despite".split()
)
_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}.'’-]*")
_NUMBER = regex.compile(r"^[\p{N}.,:/-]+(?:st|nd|rd|th|s)?$")


def _words(name: str) -> list[str]:
    return [w.lower().rstrip(".") for w in _WORD.findall(name)]


def bad_name(name: str | None) -> str | None:
    """Why an entity name is not a name (``time``, ``quantity``, ``furniture``, ``preposition``),
    or ``None`` when it may be one."""
    if not name:
        return None
    words = _words(name)
    if not words:
        return None
    if is_furniture(name):
        return "furniture"
    if words[-1] in PREPOSITIONS:
        return "preposition"
    determiners = clause_words()["determiner"]
    content = [w for w in words if w not in determiners]
    if not content:
        return "quantity"
    if all(w in time_words() or _NUMBER.match(w) for w in content) and any(w in time_words() for w in content):
        return "time"
    if all(w in quantity_words() or _NUMBER.match(w) for w in content):
        return "quantity"
    return None


def bad_entities(path: Path, limit: int | None = None) -> Iterator[tuple[str, str, str]]:
    """``(article id, entity name, reason)`` for every offending entity resolved on ``path``."""
    import polnear

    import quoteattr

    pipeline = quoteattr.Pipeline(download=False)
    cache = Path("/tmp/quoteattr-polnear-cache")
    for art in polnear.read_articles(path, limit):
        doc, _ = polnear.parse_cached(pipeline, art["text"], cache, str(pipeline.model_dir))
        for e in quoteattr.attribute(doc, id=art["id"]).entities:
            reason = bad_name(e.name)
            if reason:
                yield art["id"], e.name, reason


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, action="append", help="PolNeAR jsonl (default: dev and train)")
    ap.add_argument("--limit", type=int, help="only the first N articles of each file")
    args = ap.parse_args(argv)
    import os

    import polnear

    paths = args.data or [p for p in (polnear.find_data("dev.jsonl"), polnear.find_data("train.jsonl")) if p]
    if not paths:
        print("PolNeAR data not found (looked for shared/data/polnear; set --data or QUOTEATTR_SHARED).")
        return 0
    if "STANZA_RESOURCES_DIR" not in os.environ:
        here = Path(__file__).resolve().parent
        for folder in [here, *here.parents]:
            models = folder / "shared" / "models" / "stanza-en"
            if models.is_dir():
                os.environ["STANZA_RESOURCES_DIR"] = str(models)
                break
    found = 0
    for path in paths:
        for art_id, name, reason in bad_entities(Path(path), args.limit):
            print(f"{reason}\t{name}\t{art_id}")
            found += 1
    print(f"{found} entity names that are not names")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
