"""One read-only view of a parsed sentence shared by the stages: character offsets of a word, and
:class:`Tree`, a sentence with its dependents indexed (the words of a subtree walked over them).

They read stanza's parse; they never copy or wrap it away.
"""

from __future__ import annotations

from typing import Any, Collection, Iterable

import attrs

__all__ = ["Tree", "word_span"]


def word_span(word: Any) -> tuple[int, int]:
    """Character offsets of a stanza ``Word`` (a multi-word token's words share its offsets)."""
    if word.start_char is not None and word.end_char is not None:
        return word.start_char, word.end_char
    return word.parent.start_char, word.parent.end_char


def _relation_in(word: Any, rels: Collection[str]) -> bool:
    """Whether ``word``'s relation, with or without its ``:`` subtype, is one of ``rels``."""
    rel = word.deprel
    return rel in rels or rel.partition(":")[0] in rels


def _walk(kids: dict[int, Any], head_id: int, skip: Collection[str]) -> set[int]:
    """The ids of the subtree under ``head_id`` given every word's dependents (``kids``)."""
    keep = {head_id}
    stack = [head_id]
    while stack:
        h = stack.pop()
        for w in kids.get(h, ()):
            if _relation_in(w, skip):
                continue
            if w.id not in keep:
                keep.add(w.id)
                stack.append(w.id)
    return keep


@attrs.frozen
class Tree:
    """A stanza sentence with its dependents indexed (a read-only view over the parse).

    ``index`` is the sentence's position in its document; ``word(i)`` is the word with id ``i``
    (ids start at 1, as in stanza).
    """

    index: int
    sentence: Any
    words: tuple[Any, ...]
    kids: dict[int, tuple[Any, ...]]

    @classmethod
    def of(cls, index: int, sentence: Any) -> "Tree":
        """The view of ``sentence``, the ``index``-th of its document."""
        kids: dict[int, list[Any]] = {}
        for w in sentence.words:
            kids.setdefault(w.head, []).append(w)
        return cls(index, sentence, tuple(sentence.words), {k: tuple(v) for k, v in kids.items()})

    def word(self, wid: int) -> Any:
        """The word with id ``wid``."""
        return self.words[wid - 1]

    def children(self, wid: int, *rels: str) -> list[Any]:
        """The dependents of word ``wid`` (those with one of the relations ``rels``, if given)."""
        out = list(self.kids.get(wid, ()))
        if rels:
            out = [w for w in out if _relation_in(w, rels)]
        return out

    def ids(self, head_id: int, skip: Iterable[str] = ()) -> set[int]:
        """The ids of the subtree under ``head_id``, leaving out dependents whose relation (with or
        without its ``:`` subtype) is in ``skip``, with their own subtrees; walked over the indexed
        dependents: the cost grows with the subtree, not the sentence."""
        return _walk(self.kids, head_id, set(skip))

    def mark(self, wid: int) -> Any | None:
        """The first ``mark`` of a clause (``that``, ``because``…)."""
        marks = self.children(wid, "mark")
        return marks[0] if marks else None
