"""Small helpers over stanza's ``Sentence``/``Word`` API shared by the stages.

They read the parse; they never copy or wrap it away.
"""

from __future__ import annotations

from typing import Any, Iterable

__all__ = ["subtree", "word_span"]


def word_span(word: Any) -> tuple[int, int]:
    """Character offsets of a stanza ``Word`` (a multi-word token's words share its offsets)."""
    if word.start_char is not None and word.end_char is not None:
        return word.start_char, word.end_char
    return word.parent.start_char, word.parent.end_char


def subtree(sentence: Any, head_id: int, skip: Iterable[str] = ()) -> list[Any]:
    """The words of the subtree rooted at ``head_id``, in sentence order.

    Dependents whose relation (before any ``:`` subtype, or with it) is in
    ``skip`` are left out with their own subtrees.
    """
    skip = set(skip)
    keep = {head_id}
    kids: dict[int, list[Any]] = {}
    for w in sentence.words:
        kids.setdefault(w.head, []).append(w)
    stack = [head_id]
    while stack:
        h = stack.pop()
        for w in kids.get(h, []):
            if w.deprel in skip or w.deprel.split(":")[0] in skip:
                continue
            if w.id not in keep:
                keep.add(w.id)
                stack.append(w.id)
    return [w for w in sentence.words if w.id in keep]
