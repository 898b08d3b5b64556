"""Hand-written dependency trees for tests: the parser's decisions pinned down, so a rule is tested
on the parse it repairs, whatever the models do with our own sentences."""

from __future__ import annotations

from typing import Sequence

from stanza.utils.conll import CoNLL


def tree(text: str, items: str | Sequence[tuple], *more: str | Sequence[tuple]):
    """A stanza Document of one sentence ``text`` (or of several: the items of each further
    sentence in ``more``, its forms found in ``text`` after those of the one before).

    ``items`` is either a string of "form/lemma/UPOS/XPOS/head/deprel" items or a list of
    ``(form, lemma, upos, head, deprel)`` rows (no XPOS). Each form is found in ``text`` after
    the previous one, which gives the character offsets.
    """
    blocks, pos = [], 0
    for sentence in (items, *more):
        if isinstance(sentence, str):
            rows = [tuple(item.split("/")) for item in sentence.split()]
        else:
            rows = [(form, lemma, upos, "_", head, rel) for form, lemma, upos, head, rel in sentence]
        lines = [f"# text = {text}"]
        for i, (form, lemma, upos, xpos, head, rel) in enumerate(rows, 1):
            start = text.index(form, pos)
            pos = start + len(form)
            lines.append(f"{i}\t{form}\t{lemma}\t{upos}\t{xpos}\t_\t{head}\t{rel}\t_\tstart_char={start}|end_char={pos}")
        blocks.append("\n".join(lines))
    doc = CoNLL.conll2doc(input_str="\n\n".join(blocks) + "\n\n")
    doc.text = text
    return doc


def subject_text(text: str, items: str | Sequence[tuple], cue: str) -> str | None:
    """The text of the word :func:`quoteattr.attribution.subjects.cue_subject` finds for the first
    word ``cue`` of the hand-written tree ``tree(text, items)`` (None: no subject)."""
    from quoteattr.attribution.subjects import cue_subject
    from quoteattr.parsing.tree import Tree

    s = Tree.of(0, tree(text, items).sentences[0])
    found = cue_subject(s, next(w for w in s.words if w.text == cue))
    return None if found is None else found.text
