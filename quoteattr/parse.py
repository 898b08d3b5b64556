"""Small helpers over stanza's ``Sentence``/``Word`` API shared by the stages.

They read the parse; they never copy or wrap it away.
"""

from __future__ import annotations

from typing import Any, Iterable, Iterator


def word_span(word: Any) -> tuple[int, int]:
    """Character offsets of a stanza ``Word`` (a multi-word token's words share its offsets)."""
    if word.start_char is not None and word.end_char is not None:
        return word.start_char, word.end_char
    return word.parent.start_char, word.parent.end_char


def children(sentence: Any, head_id: int) -> list[Any]:
    """Words whose head is the word with id ``head_id``."""
    return [w for w in sentence.words if w.head == head_id]


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


def sentence_span(sentence: Any) -> tuple[int, int]:
    """Character offsets of a stanza ``Sentence``."""
    return sentence.tokens[0].start_char, sentence.tokens[-1].end_char


def iter_sentences(doc: Any) -> Iterator[tuple[int, Any]]:
    """``(index, sentence)`` pairs of a stanza ``Document``."""
    return enumerate(doc.sentences)


def sentence_at(doc: Any, offset: int) -> int | None:
    """Index of the sentence containing character ``offset`` (or the nearest one before it)."""
    found = None
    for i, sent in enumerate(doc.sentences):
        if not sent.tokens:
            continue
        if sent.tokens[0].start_char > offset:
            break
        found = i
    return found


def words_in(sentence: Any, start: int, end: int) -> list[Any]:
    """Words of ``sentence`` that lie inside ``start:end``."""
    out = []
    for w in sentence.words:
        s, e = word_span(w)
        if s >= start and e <= end:
            out.append(w)
    return out
