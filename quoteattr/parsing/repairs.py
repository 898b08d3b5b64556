"""Repairs of the tagger's output before the dependency parser runs."""

from __future__ import annotations

import stanza

from ..lexicon.clause_words import clause_words
from ..lexicon.tables import cached, rows

__all__ = ["repair_tags", "verb_forms"]


@cached
def verb_forms() -> dict[str, tuple[str, str]]:
    """Word forms that are always verbs, as form → (lemma, xpos), from ``data/verb_forms.tsv``.

    >>> verb_forms()["says"]
    ('say', 'VBZ')
    """
    return {cells[0].lower(): (cells[1], cells[2]) for _, cells in rows("verb_forms.tsv")}


_VERB_FEATS = {"VBZ": "Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin",
               "VBD": "Mood=Ind|Tense=Past|VerbForm=Fin",
               "VBP": "Mood=Ind|Tense=Pres|VerbForm=Fin",
               "VB": "VerbForm=Inf"}


def repair_tags(doc: stanza.Document) -> int:
    """Retag, in place, the words of ``doc`` that :func:`verb_forms` says are verbs but the
    tagger made nouns ("He says(NNS) S"); returns how many words were changed.

    Run between tagging and parsing: stanza's parser reads the tags, so a verb tagged as
    a noun takes its clause with it.
    """
    forms = verb_forms()
    roles = clause_words()
    noun_before = roles["determiner"] | roles["possessive"]  # "a say", "his vow": the noun reading
    changed = 0
    for sentence in doc.sentences:
        for i, word in enumerate(sentence.words):
            if word.upos not in ("NOUN", "PROPN"):
                continue
            hit = forms.get(word.text.lower())
            if hit is None:
                continue
            prev = sentence.words[i - 1] if i else None
            if prev is not None and prev.text.lower() in noun_before:
                continue
            xpos = hit[1]
            if xpos == "VBP" and prev is not None and (prev.xpos == "MD" or prev.text.lower() == "to"):
                xpos = "VB"  # "would insist", "to argue"
            word.upos, word.lemma = "VERB", hit[0]
            if word.xpos is not None:
                word.xpos = xpos
            if word.feats:
                word.feats = _VERB_FEATS.get(xpos)
            changed += 1
    return changed
