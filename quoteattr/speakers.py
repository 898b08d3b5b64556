"""Speaker mentions: the noun phrase a quote hangs on, with its titles.

FIRST VERSION — to be deepened (name/title/organisation splitting, labels).
"""

from __future__ import annotations

from typing import Any

from .parse import subtree, word_span

#: Dependents left out of a speaker mention (clauses, coordination, punctuation at the edges).
_SKIP = ("acl", "advcl", "relcl", "conj", "cc", "parataxis", "ccomp", "xcomp", "dep", "discourse")


def mention_span(sentence: Any, head_id: int) -> tuple[int, int]:
    """Character span of the noun phrase headed by word ``head_id``, titles included."""
    words = subtree(sentence, head_id, skip=_SKIP)
    while words and words[0].upos == "PUNCT":
        words = words[1:]
    while words and words[-1].upos == "PUNCT":
        words = words[:-1]
    if not words:
        words = [w for w in sentence.words if w.id == head_id]
    return word_span(words[0])[0], word_span(words[-1])[1]
