"""Clause tests over a parsed sentence shared by the frame rules, the subject walker and the
candidate builders: which words are subjects, which dependent is a clause, where a cue stands
against commas and quotation marks.

Function words come from ``data/clause_words.tsv`` through :func:`has_role`.
"""

from __future__ import annotations

from typing import Any

from ..lexicon.clause_words import role_words
from ..lexicon.marks import quote_marks
from ..parsing.tree import Tree

__all__ = [
    "CLAUSE_POS", "MISLABELS", "PASSIVE_SUBJECTS", "SET_OFF", "SUBJECTS",
    "clause_like", "comma_after", "comma_before", "cue_last", "has_role", "has_subject", "hearer_verb",
    "reports_own_clause", "starts_sentence",
]

#: Relations of an active subject.
SUBJECTS = ("nsubj", "nsubj:outer", "csubj")
#: Relations of a passive subject.
PASSIVE_SUBJECTS = ("nsubj:pass", "csubj:pass")
#: Labels the compact parser gives a complement clause by mistake.
MISLABELS = ("xcomp", "obj", "advcl", "parataxis", "acl", "dep", "conj", "iobj", "obl")
#: Verb forms and parts of speech that can head a clause.
CLAUSE_POS = ("VERB", "AUX", "ADJ", "NOUN", "PROPN", "PRON", "NUM", "ADV", "SYM")
#: Punctuation that sets a parenthetical phrase off ("The law, critics say, …").
SET_OFF = (",", "—", "–")


def has_role(word: Any, role: str) -> bool:
    """Whether ``word``'s text is one of the function words of ``role`` in ``clause_words.tsv``."""
    return (word.text or "").lower() in role_words(role)


def hearer_verb(word: Any) -> bool:
    """Whether cue ``word``'s first object is its hearer (``told reporters``)."""
    return (word.lemma or "").lower() in role_words("hearer-verb")


def has_subject(s: Tree, wid: int) -> bool:
    """Whether word ``wid`` has a subject (a dummy ``it``/``there`` too)."""
    return bool(s.children(wid, "nsubj", "csubj", "expl"))


def clause_like(s: Tree, w: Any) -> bool:
    """A dependent that can be a reported clause even when mislabelled."""
    if w.upos not in CLAUSE_POS:
        return False
    subj = s.children(w.id, "nsubj", "csubj", "nsubj:pass")
    if subj and has_role(subj[0], "relative") and subj[0].upos == "PRON" and subj[0].id < w.id:
        return False  # "said Joseph, who has four children"
    m = s.mark(w.id)
    if m is not None:
        return has_role(m, "complementizer")
    return has_subject(s, w.id) and w.upos in ("VERB", "AUX", "ADJ") or bool(s.children(w.id, "cop"))


def reports_own_clause(s: Tree, w: Any) -> bool:
    """Whether cue ``w`` has a reported clause of its own ("… and warned [that S]")."""
    return any(c.deprel.split(":")[0] == "ccomp" or (c.deprel.split(":")[0] in MISLABELS and c.id > w.id
               and s.mark(c.id) is not None and has_role(s.mark(c.id), "complementizer"))
               for c in s.children(w.id))


def starts_sentence(s: Tree, c: Any) -> bool:
    """Whether the clause headed by ``c`` opens its sentence (after marks and conjunctions)."""
    first = min(s.ids(c.id))
    return all(s.word(x).upos in ("PUNCT", "CCONJ") for x in range(1, first))


def cue_last(s: Tree, w: Any) -> bool:
    """Whether nothing but adverbials (and a late subject) follows cue ``w`` in its own phrase."""
    return not [c for c in s.children(w.id) if c.id > w.id and c.deprel not in (
        "punct", "obl", "advmod", "nsubj", "obl:tmod", "nmod:tmod", "compound:prt", "iobj", "obj", "advcl")]


def comma_before(s: Tree, w: Any) -> bool:
    """Whether a comma or dash separates cue ``w``'s clause from what precedes it."""
    first = min(s.ids(w.id))
    for wid in range(first - 1, 0, -1):
        t = s.word(wid).text
        if t in (",", "—", "–", "--", ";", ":"):
            return True
        if t in quote_marks():
            continue
        return False
    return False


def comma_after(s: Tree, w: Any) -> bool:
    """Whether a comma or dash closes cue ``w``'s clause off from what follows it."""
    last = max(s.ids(w.id)) + 1
    return last <= len(s.words) and s.word(last).text in (",", "—", "–", "--")
