"""Report candidates that report nothing in any reading, dropped before merging.

A cue verb with something after it is not always a report. Each rule below names one class
of such candidates, found by the frame rules yet no attribution whatever the annotation
guidelines count:

* :func:`question_to_reader`: the writer asks the reader ("Do you support the plan?",
  "What do you think of the ferry?"): nobody's words, thoughts or stance are reported;
* :func:`time_only`: the content is a date, a time or a bare number ("Ana tweeted [last
  Saturday]", a table line "Pledged: [781.]"), the cue's circumstance or a count, not what
  was said;
* :func:`object_only`: the content is only the cue's object, and that object is the hearer
  of a hearer verb ("a spokesman told [the Daily Post]": ``hearer-verb`` in
  ``clause_words.tsv``) or the object of a sense that is no report (``added [300 jobs]``: the
  ``object`` lemmas of ``not_cues.tsv``);
* :func:`name_after_quotation`: the name of a quotation's speaker right after it, read as what
  the cue after the name reports ('“…,” [Ana Ruiz], a spokeswoman, said');
* :func:`event_noun`: a cue noun that names an event when nothing names its author (``event``
  lemmas of ``not_cues.tsv``: "the attack on the consulate", not "his attacks on the senator");
* :func:`thing_subject`: a cue of a mind's stance whose speaker is a thing (``person`` lemmas of
  ``not_cues.tsv``: "the debate focused on taxes", not "the mayor focused on taxes");
* :func:`seen_doing`: a verb of sight in the passive with a participle (``sight`` lemmas of
  ``not_cues.tsv``: "the mayor was seen [leaving the hall]"), a sight, not a view.

:func:`drop_non_reports` applies them in the order of :data:`FILTERS`.

>>> from quoteattr.pipeline import get_pipeline
>>> from quoteattr.attribution.indirect import indirect_quotes
>>> doc = get_pipeline().parse("Do you support the new ferry? The mayor said the ferry will run all winter.")
>>> [c.content_spans[0].text for c in indirect_quotes(doc, [])]
['the new ferry', 'the ferry will run all winter']
>>> [c.content_spans[0].text for c in drop_non_reports(doc, indirect_quotes(doc, []))]
['the ferry will run all winter']
"""

from __future__ import annotations

from typing import Any, Callable, Sequence

import attrs

from ..lexicon.clause_words import role_words
from ..lexicon.cues import event_not_cues, object_not_cues, person_not_cues, sight_not_cues
from ..lexicon.marks import closing_marks
from ..lexicon.people import document_words, group_nouns, org_words, pronouns, quantity_words, roles
from ..model import Candidate
from ..parsing.tree import Tree, word_span
from ._clauses import SUBJECTS, hearer_verb, time_word

__all__ = [
    "FILTERS", "Reading", "drop_non_reports", "event_noun", "name_after_quotation", "object_only", "question_to_reader",
    "seen_doing", "thing_subject", "time_only",
]


@attrs.frozen
class Reading:
    """A candidate as a rule reads it in the document's ``text``: its sentence ``s``, its cue word
    ``cue`` (``None`` for a cue phrase or a layout cue that is no word of the sentence) and the ids
    of its content words ``content`` (punctuation left out)."""

    candidate: Candidate
    text: str
    s: Tree
    cue: Any | None
    content: frozenset[int]


def _reader(w: Any) -> bool:
    """A second-person pronoun (``pronouns.tsv``): as a cue's subject in a question, the reader."""
    p = pronouns().get((w.text or "").lower())
    return p is not None and p.person == 2


def question_to_reader(r: Reading) -> bool:
    """The writer's question to the reader: the cue's subject is *you* and its sentence is a
    question ("Do you support X?", "What do you think of X?")."""
    if r.cue is None or not any(_reader(c) for c in r.s.children(r.cue.id, *SUBJECTS)):
        return False
    tail = [w for w in r.s.words if w.upos == "PUNCT" and w.text not in closing_marks()]
    return bool(tail) and tail[-1].id > r.cue.id and tail[-1].text == "?" and r.s.words[-1].id - tail[-1].id <= 2


def time_only(r: Reading) -> bool:
    """The content is a time, a date or a number and nothing else: words of time
    (``time_words.tsv``), numbers and determiners ("last Saturday", "earlier this week", "781";
    not "victory Tuesday night")."""
    words = [r.s.word(i) for i in sorted(r.content)]
    return bool(words) and all(time_word(w) or w.upos in ("NUM", "DET") for w in words) \
        and not all(w.upos == "DET" for w in words)


def _names_hearer(r: Reading, obj: Any) -> bool:
    """Whether object ``obj`` of a hearer verb is its hearer rather than the message ("told [the
    Daily Post]", "told [reporters]", "S, she told [her advisers]"; not "told [a different
    story]"): a name or a pronoun, a role or group noun (``titles.tsv``, ``group_nouns.tsv``),
    or any noun after a cue that is hung on the clause before it ("S, she told [her aides]")."""
    lemma = (obj.lemma or "").lower()
    return obj.upos in ("PROPN", "PRON") or lemma in roles() or lemma in group_nouns() \
        or r.cue.deprel.startswith("parataxis")


def object_only(r: Reading) -> bool:
    """The content, read as a clause, is the cue's object noun phrase and nothing more (no verb,
    no quotation), and the object is no report: the hearer of a hearer verb ("a spokesman told
    [the Daily Post]") or the object of a lemma whose sense with an object alone is no report
    (``not_cues.tsv``: "the plant added [300 jobs]")."""
    w, c = r.cue, r.candidate
    if w is None or c.frame != "ccomp" or c.kind != "indirect" or not r.content:
        return False
    if any(r.s.word(i).upos in ("VERB", "AUX") for i in r.content):
        return False
    objects = sorted((o for o in r.s.children(w.id, "obj", "iobj") if o.id > w.id), key=lambda o: o.id)
    held = {i for i in r.content if not time_word(r.s.word(i))}  # "added [300 jobs] [last year]"
    if (w.lemma or "").lower() in object_not_cues():
        return any(held <= r.s.ids(o.id) for o in objects)
    return hearer_verb(w) and bool(objects) and held <= r.s.ids(objects[0].id) \
        and not any(r.s.word(i).upos == "ADP" for i in held) and _names_hearer(r, objects[0])


def name_after_quotation(r: Reading) -> bool:
    """A name right after a quotation, read as what a cue after it reports ('“…,” [Ana Ruiz], the
    port's spokeswoman, said'): the quotation's speaker, not a report of its own. The content is
    names only and a closing quotation mark ends the text before it on its line."""
    c = r.candidate
    if c.frame != "parataxis" or not r.content or not all(r.s.word(i).upos == "PROPN" for i in r.content):
        return False
    before = r.text[: c.content_spans[0].start].rstrip(" \t")
    return before[-1:] in closing_marks()


def event_noun(r: Reading) -> bool:
    """A cue noun that names an event, not words ("[the attack] on the consulate"): its lemma is an
    ``event`` lemma of ``not_cues.tsv``, the candidate has no speaker, and the noun has a definite
    determiner and no possessor ("his attacks on the senator", "Lee's attack on the plan" report)."""
    w = r.cue
    if w is None or w.upos != "NOUN" or r.candidate.speaker is not None \
            or (w.lemma or "").lower() not in event_not_cues():
        return False
    if r.s.children(w.id, "nmod:poss"):
        return False
    definite = role_words("determiner") - role_words("gloss-indefinite")
    return any((d.text or "").lower() in definite for d in r.s.children(w.id, "det"))


def _thing(w: Any) -> bool:
    """Whether ``w`` is a common noun that names no one: no role or group noun (``titles.tsv``,
    ``group_nouns.tsv``), no word of an organisation (``org_words.tsv``), no document that speaks
    for its author (``document_words.tsv``) and no quantity of people (``quantity_words.tsv``:
    "a number of candidates"): "debate", "campaign ad", not "panel"."""
    forms = {(w.lemma or "").lower(), (w.text or "").lower()}  # the lemma, or the word as written ("Officials")
    return w.upos == "NOUN" and not any(
        forms & words.keys() if isinstance(words, dict) else forms & words
        for words in (roles(), group_nouns(), org_words(), document_words(), quantity_words()))


def _subject_of(r: Reading, w: Any) -> bool:
    """Whether ``w`` is the subject of the cue: its nominal subject, or the noun a participle or a
    relative clause of the cue hangs on ("the debates [focusing] on Y")."""
    cue = r.cue
    if any(k.id == w.id for k in r.s.children(cue.id) if k.deprel.startswith("nsubj")):
        return True
    return cue.deprel.startswith("acl") and cue.head == w.id


def thing_subject(r: Reading) -> bool:
    """A cue verb of a mind's stance (a ``person`` lemma of ``not_cues.tsv``) whose subject, its
    speaker, is a thing ("[the debate] focused on taxes", "[the speech] focused on jobs"): what the
    thing is about, no one's stance ("the mayor focused on taxes" reports)."""
    c = r.candidate
    if r.cue is None or r.cue.upos != "VERB" or c.speaker_head is None or c.speaker_head[0] != c.sentence \
            or (r.cue.lemma or "").lower() not in person_not_cues():
        return False
    w = r.s.word(c.speaker_head[1])
    return _subject_of(r, w) and _thing(w)


def seen_doing(r: Reading) -> bool:
    """A verb of sight (a ``sight`` lemma of ``not_cues.tsv``) in the passive whose content is a
    participle with no marker or auxiliary of its own ("the mayor was seen [leaving the hall]",
    "boats could be seen [drifting in the bay]"): what was seen, no one's view ("is seen as a
    unifier", "was seen to favour Y" stay)."""
    w = r.cue
    if w is None or (w.lemma or "").lower() not in sight_not_cues() \
            or not r.s.children(w.id, "aux:pass", "nsubj:pass"):
        return False
    return any(v.id in r.content and v.xpos in ("VBG", "VBN") and not r.s.children(v.id, "mark", "aux", "aux:pass", "cop")
               for v in r.s.children(w.id, "xcomp", "ccomp", "advcl") if v.id > w.id)


#: The rules, in order: a candidate goes when one of them holds.
FILTERS: tuple[Callable[[Reading], bool], ...] = (
    question_to_reader, time_only, object_only, name_after_quotation, event_noun, thing_subject, seen_doing)


def _reading(doc: Any, c: Candidate, trees: dict[int, Tree]) -> Reading | None:
    """``c`` as the rules read it, or ``None`` when it has no sentence."""
    if c.sentence is None or not 0 <= c.sentence < len(doc.sentences):
        return None
    s = trees.get(c.sentence)
    if s is None:
        s = trees[c.sentence] = Tree.of(c.sentence, doc.sentences[c.sentence])

    def inside(w: Any, start: int, end: int) -> bool:
        a, b = word_span(w)
        return start <= a and b <= end

    cue = None
    if c.cue is not None:
        cue = next((w for w in s.words if w.upos != "PUNCT" and inside(w, c.cue.start, c.cue.end)), None)
    content = frozenset(w.id for w in s.words if w.upos != "PUNCT"
                        and any(inside(w, sp.start, sp.end) for sp in c.content_spans))
    return Reading(c, doc.text, s, cue, content)


def drop_non_reports(doc: Any, candidates: Sequence[Candidate]) -> list[Candidate]:
    """``candidates`` without those that one of :data:`FILTERS` finds to report nothing
    (direct quotations are kept: their quotation marks say words were said)."""
    trees: dict[int, Tree] = {}
    out = []
    for c in candidates:
        r = None if c.kind == "direct" else _reading(doc, c, trees)
        if r is not None and any(rule(r) for rule in FILTERS):
            continue
        out.append(c)
    return out
