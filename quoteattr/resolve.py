"""Speaker resolution inside one document: mentions → entities.

FIRST VERSION — to be deepened (titles, pronoun genders, definite descriptions).
"""

from __future__ import annotations

from typing import Any, Sequence

from .model import Candidate, Entity, Quote, Span

_PRONOUNS = {"he", "she", "they", "it", "i", "we"}


def resolve(doc: Any, candidates: Sequence[Candidate]) -> tuple[tuple[Quote, ...], tuple[Entity, ...]]:
    """Group speaker mentions into entities and attribute every candidate."""
    text = doc.text
    entities: dict[str, dict] = {}
    quotes = []
    last = None
    for n, c in enumerate(sorted(candidates, key=lambda c: c.start), 1):
        key = None
        if c.speaker is not None:
            if c.speaker.text.lower() in _PRONOUNS:
                key = last
            else:
                words = c.speaker.text.split()
                key = words[-1] if words else None
                for k in entities:
                    if k == key:
                        break
            if key is not None:
                e = entities.setdefault(key, {"names": [], "mentions": []})
                e["names"].append(c.speaker.text)
                e["mentions"].append(c.speaker)
        else:
            key = last
        last = key if key is not None else last
        quotes.append((n, c, key))
    ids = {k: f"e{i}" for i, k in enumerate(entities, 1)}
    out_entities = tuple(
        Entity(ids[k], name=max(v["names"], key=len), label=max(v["names"], key=len), type="unknown",
               mentions=tuple(sorted(set(v["mentions"]))))
        for k, v in entities.items()
    )
    out_quotes = tuple(
        Quote(f"q{n}", c.kind, c.start, c.end, text[c.start:c.end], c.content_spans, c.cue, c.speaker,
              ids.get(key) if key else None)
        for n, c, key in quotes
    )
    return out_quotes, out_entities
