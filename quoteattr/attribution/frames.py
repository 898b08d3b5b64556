"""What each frame of ``cues.tsv`` takes as the content of a cue.

:func:`complements` runs, for a cue word, the rules of the frames its lexicon entry names
(:data:`quoteattr.lexicon.cues.FRAMES`), in a fixed order:

- ``parataxis`` first reads an inverted "S, said X." (and then nothing else);
- ``raising``: "X seems [to V]" / "seems like Y" (and then nothing else);
- ``ccomp``: the complement clause, also one the parser mislabelled or hung on a noun of the
  cue's own phrase or on a word above the cue;
- ``xcomp`` / ``objxcomp``: "X vowed [to V]", "X urged [Y to V]";
- the prepositional frames in the order of ``PREPOSITION_FRAMES``: "X accused [Y of Z]";
- ``obj``: "X denied [Y]", "X called [Y Z]" (when nothing else was found);
- ``ccomp`` again: the words after a speech verb read as its unlabelled complement when no
  clause was found at all;
- ``parataxis``: "S, X said." with the cue hung on S.

When the cue stands in a subordinate clause that opens the sentence, what the rules found stops
before the main clause the parser may have hung on the cue ("After X suggested S, [Y V]").

Each rule is one small function over a :class:`_Cue` and what the earlier rules found; the
``direct`` frame has no rule here (it concerns direct quotations only).
"""

from __future__ import annotations

from typing import Any, Callable

import attrs

from ..lexicon.clause_words import role_words
from ..lexicon.cues import FRAMES, PREPOSITION_FRAMES, SPEECH_CLASSES, Cue, word_cue
from ..lexicon.marks import closing_marks, opening_marks, quote_marks
from ..parsing.tree import Tree
from ._content import MIN_CONTENT_WORDS
from ._clauses import (
    CLAUSE_POS, FINITE_TAGS, MISLABELS, PASSIVE_SUBJECTS, RELATIVE_TAGS, SET_OFF, SUBJECTS, clause_like, comma_after,
    comma_before, cue_last, has_role, hearer_verb, reports_own_clause, starts_sentence, time_word,
)
from .subjects import cue_subject, inverted, is_agent, raising_speaker

__all__ = ["NOUN_FRAMES", "Content", "complements"]


@attrs.frozen
class Content:
    """What one frame of a cue reports: the word ids, the frame, and the id of the dependent of
    the cue it was read from (``None`` when it is no single dependent)."""

    ids: set[int]
    frame: str
    head: int | None = None


@attrs.frozen
class _Cue:
    """A cue word in its sentence with the frames of its lexicon entry."""

    s: Tree
    w: Any
    frames: frozenset[str]
    cls: str = ""  # the cue's class (speech, writing, thought, report, attitude)

    @property
    def kids(self) -> list[Any]:
        return self.s.children(self.w.id)

    @property
    def noun(self) -> bool:
        return self.w.upos in ("NOUN", "PROPN")


#: A frame rule: the content a cue reports by one frame, given what the earlier rules found
#: (``None`` from a final rule when it does not apply).
_Rule = Callable[[_Cue, tuple[Content, ...]], "list[Content] | None"]


def _taken(found: tuple[Content, ...]) -> set[int]:
    """The dependents of the cue already read as content."""
    return {f.head for f in found if f.head is not None}


# --------------------------------------------------------------------------- final rules


def _inverted_clause(x: _Cue, found: tuple[Content, ...]) -> list[Content] | None:
    """'S, said X.' misparsed with the cue hung on S: S without the cue's own words."""
    s, w = x.s, x.w
    if not inverted(s, w):
        return None
    if not w.head:  # "S, said X." with the cue made the root: S is all before it
        return [Content({y.id for y in s.words if y.id < w.id}, "parataxis")]
    head = s.word(w.head)
    ids = s.ids(head.id) - s.ids(w.id)
    tail = {y for y in ids if y > w.id}
    if tail and not any(s.word(y).upos in ("VERB", "AUX") for y in tail):
        ids -= tail
    return [Content(ids, "parataxis", head.id)]


def _cue_predicate(s: Tree, c: Any) -> bool:
    """Whether predicate ``c`` of a raising verb is a cue, takes a marked clause ("seemed [hopeful]
    that S") or opens a chain of to-clauses that reaches one ("seems [to want] Y", "seemed [ready
    to talk] about Y")."""
    if c.deprel == "ccomp":
        return (m := s.mark(c.id)) is not None and has_role(m, "complementizer")
    return word_cue(c) is not None or any(_cue_predicate(s, k) for k in s.children(c.id, "xcomp", "ccomp", "advcl", "obj"))


#: The frames of a cue by which each relation of its dependents is its content.
_FRAMES_OF_RELATION = {"ccomp": ("ccomp",), "csubj:pass": ("ccomp",), "obj": ("obj", "objxcomp"),
                       "xcomp": ("xcomp", "objxcomp")}


def _reports_own_complement(s: Tree, c: Any) -> bool:
    """Whether predicate ``c`` of a raising verb is a cue with a complement that one of its own
    frames reads ("appeared to [suggest] that S", "seems to [want] Y")."""
    cue = word_cue(c)
    return cue is not None and any(
        set(frames) & cue.frames for rel, frames in _FRAMES_OF_RELATION.items() if s.children(c.id, rel))


def _unread_complement(s: Tree, c: Any) -> bool:
    """Whether predicate ``c`` of a raising verb is a cue whose complements none of its frames reads
    ("seems to [recognize] the problem": "recognize" reports a clause, not an object): then the
    seeming is the writer's, not a report of the subject's."""
    return word_cue(c) is not None and bool(s.children(c.id, *_FRAMES_OF_RELATION)) \
        and not _reports_own_complement(s, c)


def _raising(x: _Cue, found: tuple[Content, ...]) -> list[Content] | None:
    """"Republicans seem [to be] confident": the subject and its predicate are what seems."""
    s, w = x.s, x.w
    out = []
    # "[Voters] seem to want Y": a predicate that is itself a cue has the subject as its speaker;
    # any other seeming is the writer's, subject and predicate together ("[The senator appeared]
    # [to gain ground]")
    someone = raising_speaker(s, w)
    speaker = someone if any(_cue_predicate(s, c) and not _unread_complement(s, c) for c in x.kids if c.id > w.id) \
        else None
    for c in x.kids:
        m = s.mark(c.id)
        rel = c.deprel.split(":")[0]
        if c.id < w.id or rel not in ("xcomp", "ccomp", "obl", "advcl", "nmod", "obj"):
            continue  # (an obj is the predicate the tagger took for a noun: "seemed [impervious]")
        if rel == "ccomp" and not (m is not None and has_role(m, "complementizer")):
            continue
        if rel in ("obl", "advcl", "nmod") and not any(  # "seems like a fair idea", "as if S"
                has_role(k, "likeness") for k in s.children(c.id, "case", "mark")):
            continue
        if _reports_own_complement(s, c):
            continue  # "appeared to suggest that S": the suggestion is the attribution
        ids = s.ids(c.id)
        if someone is not None and _words(s, ids) < MIN_CONTENT_WORDS:
            continue  # "the mayor appeared [cowed]": a person's bare state is no report
        ids |= _split_clause_rest(s, w, ids)  # "seemed [shaky] [after the vote failed]"
        for subj in s.children(w.id, *SUBJECTS, "nsubj:pass"):
            if not has_role(subj, "expletive") and subj is not speaker:
                ids |= s.ids(subj.id)
        out.append(Content(ids, "raising", c.id))
    return out


def _evidential(x: _Cue, found: tuple[Content, ...]) -> list[Content] | None:
    """"The board [reportedly] plans to sell the pier": an evidential adverb reports the clause
    it modifies, from an unnamed source (the clause's subject is part of what was reported)."""
    s, w = x.s, x.w
    if not w.head or w.deprel.split(":")[0] != "advmod" or s.word(w.head).upos not in CLAUSE_POS:
        return None
    return [Content(s.ids(w.head), "evidential", w.head)]


# --------------------------------------------------------------------------- ccomp


def _labelled_clause(x: _Cue, c: Any, m: Any | None) -> bool:
    """A dependent labelled ``ccomp`` (or a passive's clausal subject) is the reported clause:
    "said [the goal was to win]" is a finite clause for all its "to"."""
    s, w = x.s, x.w
    if c.id > w.id and c.upos in ("NOUN", "PROPN") and m is None and not s.children(c.id, "cop") \
            and not _clause_subject(s, c) and any(y.id < w.id for y in s.children(w.id, "ccomp")):
        return False  # '"…!" said Ann Lee, [a senior aide]': the speaker's apposition
    return m is None or not has_role(m, "infinitive") or _clause_subject(s, c) or any(
        # "says [the only way] may be [to rally]": a finite copula or modal makes it a clause
        k.xpos in FINITE_TAGS for k in s.children(c.id, "aux", "cop"))


def _mislabelled_clause(x: _Cue, c: Any, m: Any | None) -> bool:
    """A clause-like dependent with another label that is still the reported clause."""
    s, w = x.s, x.w
    rel = c.deprel.split(":")[0]
    if rel not in MISLABELS or not clause_like(s, c):
        return False
    if rel == "parataxis":
        return c.id > w.id or starts_sentence(s, c)
    if rel == "advcl" and c.id < w.id:
        # "S, the BBC reported." with S hung on the cue as an adverbial clause
        return m is None and starts_sentence(s, c) and cue_last(s, w) and any(
            c.id < y.id < w.id and s.word(min(s.ids(y.id)) - 1).text == ","
            for y in s.children(w.id, *SUBJECTS))
    if rel in ("conj", "obl", "iobj"):
        return c.id > w.id and m is not None and has_role(m, "complementizer")
    return c.id > w.id


def _is_clause(x: _Cue, c: Any) -> bool:
    """Whether dependent ``c`` of the cue is its reported clause."""
    s, w = x.s, x.w
    rel = c.deprel.split(":")[0]
    m = s.mark(c.id)
    if m is not None and has_role(m, "adverbial") or _participle_between(s, w, c):
        return False
    if rel == "ccomp" or (rel == "csubj" and c.deprel == "csubj:pass"):
        return _labelled_clause(x, c, m)
    if x.noun:
        return rel in ("acl", "appos", "dep") and m is not None and has_role(m, "complementizer")
    if rel == "advcl" and c.id > w.id and m is not None and has_role(m, "question") \
            and (w.lemma or "").lower() in role_words("asking-verb"):
        return True  # "asked [if S]" hung as an adverbial clause
    return _mislabelled_clause(x, c, m)


def _participle_between(s: Tree, w: Any, c: Any) -> bool:
    """Whether a participle cue of cue ``w``'s own, with nothing hung on it, stands between ``w``
    and its dependent ``c`` that opens with a quotation mark ("S, Ruiz said, [adding], “We need
    the money.”" with the quotation hung on "said"): the quotation is what the participle
    reports (the direct quotation's cue), and ``w`` reports S."""
    first = min((y for y in s.ids(c.id) if s.word(y).upos != "PUNCT"), default=c.id)
    return c.id > w.id and any(
        w.id < p.id < first and p.xpos == "VBG" and word_cue(p) is not None
        and all(k.upos == "PUNCT" for k in s.children(p.id)) and s.word(p.id - 1).text in SET_OFF
        and all(s.word(y).upos == "PUNCT" for y in range(p.id + 1, first))
        and any(s.word(y).text in opening_marks() for y in range(p.id + 1, first))
        for p in s.children(w.id, "advcl", "xcomp", "conj", "dep"))


def _clause_ids(x: _Cue, c: Any) -> set[int]:
    """The words of reported clause ``c`` with the pieces the parser hung on the cue instead."""
    s, w = x.s, x.w
    ids = s.ids(c.id)
    # "S-subject, experts say, S-rest": a second subject before the cue belongs to the clause
    subj = sorted(s.children(w.id, *SUBJECTS), key=lambda y: abs(y.id - w.id))
    if not s.children(c.id, "nsubj", "nsubj:pass", "csubj", "expl") and c.id > w.id:
        parenthetical = w.id < len(s.words) and s.word(w.id + 1).text in SET_OFF
        for extra in subj[1:]:
            # before the cue only when it is set off ("The law, critics say, will …"), not
            # "Mr. Trump said S" or "Ann Lee, a delegate, said S" (name and apposition);
            # after it, "said [his attacks] have worked" (but not "said [Tuesday] S")
            if extra.id < w.id and parenthetical or w.id < extra.id < c.id and not has_role(extra, "time"):
                ids |= s.ids(extra.id)
        for o in s.children(w.id, "obj", "iobj"):
            if w.id < o.id < c.id and not hearer_verb(w) and not has_role(o, "time"):
                ids |= s.ids(o.id)  # "said [fathers]obj would not be eligible", not "told [a town hall] S"
    elif not s.children(c.id, "nsubj", "nsubj:pass", "csubj", "expl") and subj and c.id < subj[0].id < w.id:
        # "[Other efforts] will also be expanded, officials said": the fronted clause's subject
        # hung on the cue beside its speaker, who stands between the clause and the cue
        for extra in subj[1:]:
            if extra.id < c.id and not has_role(extra, "time") and not has_role(extra, "expletive"):
                ids |= s.ids(extra.id)
    if c.id > w.id:
        ids |= _run_in_front(s, w, ids)
    if c.id < w.id:
        ids |= _infinitives_after_parenthetical(s, w)  # "[S], he said, [to V]"
    for r in s.children(w.id, "advcl"):
        rm = s.mark(r.id)
        if r.id > max(ids) and rm is not None and has_role(rm, "reason"):
            ids |= s.ids(r.id)  # "said [S] [because S2]": the reason is part of what was said
        elif rm is not None and (has_role(rm, "question") or has_role(rm, "adverbial")) and _leads_clause(s, w, r, ids):
            ids |= s.ids(r.id)  # "says [if elected] S": the condition opens what was said
    if c.id > w.id:
        ids |= _split_clause_rest(s, w, ids)
        subjectless = not s.children(c.id, "nsubj", "nsubj:pass", "csubj", "expl")
        ids |= _front_of_parenthetical(s, w, min(y for y in ids if s.word(y).upos != "PUNCT"), subjectless)
        ids |= _conjoined_predicates(s, w, ids)
        ids |= _conjoined_clause(s, w, ids)
    return ids


def _split_clause_rest(s: Tree, w: Any, ids: set[int], adverbial: bool = True) -> set[int]:
    """The rest of reported clause ``ids`` that the parser hung on cue ``w`` as a second complement,
    an adverbial clause or a parataxis right after it, with nothing between them but a closing quotation
    mark: "thinks that [whoever wins] [as the last candidate will raise the most]", "contends that
    [riders are worried] [because the ferry would run late]", "hopes [his endorsement]
    [before the vote will give him a boost]" (not after a comma or a dash: "said S, [as he left]")."""
    out: set[int] = set()
    if w.deprel.split(":")[0] == "acl":
        return out  # "the reason he refuses [to V] may be S": the rest is the noun's own predicate
    for r in sorted(s.children(w.id, "ccomp", "advcl", "parataxis", "dep", "conj"), key=lambda r: r.id):
        taken = ids | out
        last = max((y for y in taken if s.word(y).upos != "PUNCT"), default=0)
        if r.id <= last or r.id in taken:
            continue
        sub = s.ids(r.id)
        first = min(sub)
        if r.deprel.startswith("conj") and (s.children(r.id, "cc") or word_cue(r) is not None
                                            or s.word(first).upos == "CCONJ"):
            break  # a conjunct opened by "and" is a second report or predicate, not the rest of the first
        if first <= last or s.word(first).upos == "PUNCT" or any(
                s.word(y).text not in closing_marks() for y in range(last + 1, first)):
            break
        if not adverbial and (s.word(first).upos == "ADP" or has_role(s.word(first), "subordinator")
                              or has_role(s.word(first), "adverbial") or word_cue(r) is not None
                              or s.word(first).upos == "ADV" and not has_role(s.word(first), "question")):
            break  # ("refused [to talk] [as she left]", "[even] as S": the circumstances of the act;
            # "the impact [it said S]": a report of its own)
        if not adverbial and has_role(s.word(first), "complementizer") and s.word(last).upos == "PROPN":
            break  # a name takes no that-clause ("dismissed [Ruiz] that S")
        out |= sub
    return out


def _run_in_front(s: Tree, w: Any, ids: set[int]) -> set[int]:
    """The phrase the parser hung on cue ``w`` as its object right before reported clause ``ids``,
    with nothing between them, that opens the clause: "said [the days] when S are gone", "said
    [the reason] they voted was S", "said [running for office] is hard" (the clause's subject with
    its relative clause, or a gerund). Not the hearer of a hearer verb ("told [reporters] S"), a
    time ("said [Tuesday] S"), nor anything before a complementizer opening the clause ("denied
    [the claim] that S")."""
    start = min(ids)
    if s.word(start).deprel == "mark" or hearer_verb(w):
        return set()
    for o in s.children(w.id, "obj", "iobj", "xcomp"):
        sub = s.ids(o.id)
        if o.id > w.id and max(sub) + 1 == start and o.id not in ids and not _time_phrase(o) \
                and not has_role(s.word(min(sub)), "complementizer"):
            return sub
    return set()


def _after_complementizer(s: Tree, w: Any, ids: set[int]) -> set[int]:
    """The words the parser hung on cue ``w`` between the complementizer that opens its reported
    clause ``ids`` and the clause's subject: "said that[, on average,] fares rose", "said that
    [despite the new limits] there are …" (the complementizer itself, when the parser made it the
    cue's object, too). They are the clause's own front, set between the mark and its subject."""
    first = min(ids)
    if has_role(s.word(first), "complementizer"):  # (also "that" misread as the clause's subject)
        m = first
        rest = min((y for y in ids if y > m and s.word(y).upos != "PUNCT"), default=m)
    else:
        m, rest = first - 1, first
        while m > w.id and not has_role(s.word(m), "complementizer") and _hangs_on_cue(s, w, m, ids):
            m -= 1
        if m <= w.id or not has_role(s.word(m), "complementizer") or s.word(m).head not in (w.id, *ids):
            return set()
    gap = set(range(m + 1, rest)) - ids
    if not gap or not all(_hangs_on_cue(s, w, y, ids) for y in gap):
        return set()
    return gap | {m}


def _hangs_on_cue(s: Tree, w: Any, y: int, ids: set[int]) -> bool:
    """Whether word ``y`` is in the phrase of a dependent of cue ``w`` that is no part of ``ids``
    (nor the cue itself)."""
    top = s.word(y)
    while top.head and top.head != w.id:
        if top.id in ids:
            return False
        top = s.word(top.head)
    return top.head == w.id and top.id not in ids


def _conjoined_clause(s: Tree, w: Any, ids: set[int]) -> set[int]:
    """A second clause the parser joined to cue ``w`` right after its reported clause ``ids`` by a
    coordinator and no comma ("said [the port is closed] [and the owners are away]"): one with a
    subject of its own that is no cue (a cue with its subject is a second report: "…and the owners
    believe S2")."""
    end = max(ids)
    for c in s.children(w.id, "conj"):
        sub = s.ids(c.id)
        first = s.word(min(sub))
        if min(sub) != end + 1 or first.deprel != "cc" or not has_role(first, "coordinator"):
            continue
        if word_cue(c) is None and s.children(c.id, *SUBJECTS, "nsubj:pass", "expl"):
            return sub
    return set()


def _conjoined_predicates(s: Tree, w: Any, ids: set[int]) -> set[int]:
    """The predicates the parser joined to cue ``w`` right after its reported clause ``ids`` that
    carry that clause on ("said she had called the owners [but could not reach them]"): a conjunct
    without a subject of its own that is no cue (a cue is the speaker's second act: "said S and
    [warned] that S2")."""
    out: set[int] = set()
    end = max(ids)
    for c in s.children(w.id, "conj"):
        if c.id <= end or s.children(c.id, *SUBJECTS, "nsubj:pass", "expl") or word_cue(c) is not None:
            continue
        if c.upos not in ("VERB", "AUX", "ADJ"):
            continue
        sub = s.ids(c.id)
        if min(sub) > end + 3:  # only what follows the clause at once (its comma and conjunction)
            continue
        out |= sub
        end = max(end, max(sub))
    return out


def _leads_clause(s: Tree, w: Any, r: Any, ids: set[int]) -> bool:
    """Whether adverbial clause ``r`` of cue ``w`` stands between the cue and its reported clause
    ``ids``, not set off from the cue by a comma: "says [if elected] he will V", "said [when
    the port reopens] fares will fall"; "said, [when asked], that S" is the writer's aside."""
    sub = s.ids(r.id)
    lo, hi = min(sub), max(sub)
    start = min(ids)
    if lo != w.id + 1 or hi >= start or s.word(lo).upos == "PUNCT" or r.xpos == "VBG":
        return False  # (nor how it was said: "concluded [by making] it clear that S")
    return all(s.word(y).upos == "PUNCT" for y in range(hi + 1, start))


def _front_of_parenthetical(s: Tree, w: Any, clause_start: int, subjectless: bool = False) -> set[int]:
    """The words before a parenthetical cue that open the clause it interrupts: "[Too often],
    Mr. Clarke said, the rules favour the owners", "[Back in Virginia], the mayor said, S". The
    cue's subject is set off by a comma before it, and only the cue's own modifiers stand
    between the cue and the comma after it; nothing when the cue opens its sentence, when a
    quotation follows, or when the front is a participle (how it was said) unless the clause
    has no subject of its own, which the gerund then is ("[Riding alone], they said, can be
    risky"; ``subjectless``)."""
    subj = [y for y in s.children(w.id, *SUBJECTS) if y.id < w.id]
    if not subj:
        return set()
    start = min(y for y in s.ids(max(subj, key=lambda y: y.id).id) if s.word(y).upos != "PUNCT")
    if start < 3 or s.word(start - 1).text not in SET_OFF:
        return set()
    after = next((y for y in range(w.id + 1, clause_start) if s.word(y).text in SET_OFF), None)
    if after is None or any(s.word(y).head != w.id for y in range(w.id + 1, after)):
        return set()
    if any(s.word(y).text in opening_marks() for y in range(after, clause_start + 1)):
        return set()  # 'Asked about it, he said, “…”': the quotation holds the words said
    front = [y for y in s.words if y.id < start - 1 and y.upos not in ("PUNCT", "CCONJ")]
    if not front or front[0].xpos == "VBN" or front[0].xpos == "VBG" and not subjectless:
        return set()  # "Holding up a book, he said, S": how it was said
    return {y.id for y in s.words if y.id < start - 1}


def _clauses(x: _Cue, found: tuple[Content, ...]) -> list[Content]:
    """"X said (that) S": every dependent that is the cue's reported clause."""
    return [Content(_clause_ids(x, c), "ccomp", c.id) for c in x.kids if _is_clause(x, c)]


def _clause_predicated(x: _Cue, found: tuple[Content, ...]) -> list[Content]:
    """"[The claim] is [that S]", "the question is [whether S]": a cue noun that is the subject
    of a copular clause whose predicate is a marked clause reports that clause (from its mark on)."""
    s, w = x.s, x.w
    if found or not x.noun or not w.head or not w.deprel.startswith("nsubj"):
        return []
    head = s.word(w.head)
    if head.id < w.id or not s.children(head.id, "cop"):
        return []
    m = s.mark(head.id)
    if m is None or m.id < w.id or not (has_role(m, "complementizer") or has_role(m, "question")):
        return []
    return [Content({y for y in s.ids(head.id) if y >= m.id}, "ccomp", head.id)]


def _clause_of_own_noun(x: _Cue, found: tuple[Content, ...]) -> list[Content]:
    """"announced in a letter last week [that S]" with the clause hung on "week"."""
    if found or x.noun:
        return []
    adopted = _clause_on_own_noun(x.s, x.w)
    return [] if adopted is None else [Content(x.s.ids(adopted.id), "ccomp", adopted.id)]


def _clause_hung_above(x: _Cue, found: tuple[Content, ...]) -> list[Content]:
    """"issued a statement saying [S]" with S hung on "issued"."""
    if found:
        return []
    adopted = _misattached_clause(x.s, x.w)
    return [] if adopted is None else [Content(x.s.ids(adopted.id), "ccomp", adopted.id)]


#: Relations of the cue's own words that may stand between it and a "that" opening its clause
#: ("said [on Thursday] that S", "agreed [with the mayor] that S"); objects only of a hearer verb.
_BEFORE_MARK_RELATIONS = ("advmod", "obl", "nmod", "punct", "compound")


def _before_mark(x: _Cue, y: int) -> bool:
    """Whether word ``y``, between the cue and a complementizer after it, is one of the cue's own
    modifiers (a time, a place, an adverb, the hearer of a hearer verb), no verb of a clause."""
    s, w = x.s, x.w
    top = s.word(y)
    while top.head and top.head != w.id:
        top = s.word(top.head)
    if top.head != w.id or s.word(y).upos in ("VERB", "AUX") or s.word(y).deprel == "mark":
        return False
    rel = top.deprel.split(":")[0]
    return rel in _BEFORE_MARK_RELATIONS or rel in ("obj", "iobj") and hearer_verb(w)


def _clause_after_mark(x: _Cue, found: tuple[Content, ...]) -> list[Content]:
    """No clause found, and a complementizer follows the cue and its own modifiers: the clause it
    opens is the cue's, whatever the parser hung it on ("went on to say [that S]" with S joined to
    "went", "said on Monday [that it's up to the council]" with S hung on "council"). The clause
    runs from the complementizer to the end of the largest phrase after the cue that it opens."""
    s, w = x.s, x.w
    if any(f.frame == "ccomp" for f in found) or x.noun or cue_subject(s, w) is None:
        return []  # (a noun's clause is its acl; without a speaker, the reading is too weak)
    m = next((y for y in s.words if y.id > w.id and not _before_mark(x, y.id)), None)
    if m is None or m.deprel != "mark" or not has_role(m, "complementizer") or not m.head or m.head < m.id:
        return []
    h = s.word(m.head)
    own = s.ids(w.id)
    if h.id in own and h.head == w.id:
        return []  # the clause is the cue's own dependent: the other rules read it
    while h.head and h.head != w.id and s.word(h.head).id > m.id and w.id not in s.ids(h.head):
        h = s.word(h.head)
    if w.id in s.ids(h.id):
        return []
    ids = set(range(m.id, max(s.ids(h.id)) + 1))
    while ids and s.word(max(ids)).upos == "PUNCT":
        ids.discard(max(ids))
    if not any(s.word(y).upos in ("VERB", "AUX") for y in ids):
        return []
    return [Content(ids, "ccomp")]


#: Dependents after a speech cue read as its (misparsed) complement when no clause was found.
def _clause_anaphor(x: _Cue, found: tuple[Content, ...]) -> list[Content]:
    """"Last month 26 percent said [the same]", "64 percent say [the same of Y]", "X was saying
    [the opposite]", "X never thought [so]": no clause found, the cue's object after it (or an
    adverb right after it) is a word standing for a clause said before (role ``clause-anaphor``),
    with the phrase hung on it or, next to it, on the cue ("said the same [for Y]")."""
    s, w = x.s, x.w
    if found or x.noun:
        return []
    for o in x.kids:
        if not has_role(o, "clause-anaphor") or o.id <= w.id:
            continue
        if o.deprel in ("obj", "xcomp", "ccomp") or (
                o.deprel == "advmod" and o.id == w.id + 1 and not s.children(o.id)):
            ids = s.ids(o.id)
            for k in x.kids:  # "said the same [for Sanders]" with the phrase hung on the cue
                if k.deprel == "obl" and k.id == max(ids) + 1:
                    ids |= s.ids(k.id)
            return [Content(ids, "ccomp", o.id)]
    return []


_LOOSE_RELATIONS = ("obj", "iobj", "nsubj", "advcl", "acl", "dep", "parataxis", "csubj", "xcomp", "conj")


def _subject_before(x: _Cue) -> bool:
    """Whether the cue has a subject before it (a conjunct cue: its first verb's)."""
    s, w = x.s, x.w
    if w.deprel.startswith("parataxis") and w.head and w.head < w.id and "parataxis" in x.frames:
        return False  # "S, he said, and …": S is the report, not what follows
    if any(c.id < w.id for c in s.children(w.id, *SUBJECTS)):
        return True
    # "Democrats described Y, and said [the panel might be damaged]": the first verb's subject
    return w.deprel.startswith("conj") and bool(w.head) and not s.children(w.id, "nsubj:pass") \
        and any(c.id < w.head for c in s.children(w.head, *SUBJECTS))


def _subject_set_off(x: _Cue) -> bool:
    """Whether the cue closes a clause before it: it hangs on a word before it and its subject
    comes right after a comma ("S, the mayor told her aides", whatever the cue's label)."""
    s, w = x.s, x.w
    if not w.head or w.head > w.id:
        return False
    near = [c for c in s.children(w.id, *SUBJECTS) if c.id < w.id and max(s.ids(c.id)) == w.id - 1]
    first = min((y for y in s.ids(near[0].id) if s.word(y).upos != "PUNCT"), default=0) if near else 0
    return first > 3 and s.word(first - 1).text in SET_OFF


def _participle_after_comma(x: _Cue) -> bool:
    """Whether the cue is a participle set off by a comma after the clause it hangs on ("X
    defended the plan, [saying] the costs would fall"): it speaks for that clause's subject, so
    the words after it are what was said as much as after a finite cue with a subject."""
    s, w = x.s, x.w
    return w.xpos == "VBG" and bool(w.head) and w.head < w.id and w.id > 1 \
        and s.word(w.id - 1).text == "," and w.deprel.split(":")[0] in ("advcl", "acl", "conj", "xcomp")


def _run_on_predicate(s: Tree, w: Any, ids: set[int]) -> set[int]:
    """``ids`` (a noun phrase read as the unlabelled content of cue ``w``) with the predicate
    the parser hung elsewhere although it follows the phrase directly: "saying [the costs]obj
    [would fall next year]" with "fall" made a conjunct of the main verb, "saying [voters] [in
    the district] [would get a hearing]" with the phrase's modifier hung on the cue. The first
    word after the phrase (and such modifiers) is a finite verb or auxiliary whose clause head
    comes after the cue; the predicate's words after the phrase are added (none of the cue's
    own, nor a clause with a subject of its own hung on the predicate: "…, [Mr. Obama] is
    determined to V")."""
    if not ids:
        return ids
    own = s.ids(w.id)
    gap: set[int] = set()
    for c in sorted(s.children(w.id, "obl", "nmod"), key=lambda c: c.id):
        sub = s.ids(c.id)
        if min(sub) == max(ids | gap) + 1 and s.children(c.id, "case") and not _circumstance(s, c):
            gap |= sub
    nxt = max(ids | gap) + 1
    if nxt > len(s.words):
        return ids
    v = s.word(nxt)
    if v.xpos not in FINITE_TAGS or v.upos not in ("VERB", "AUX"):
        return ids
    head = s.word(v.head) if v.upos == "AUX" and v.deprel.split(":")[0] in ("aux", "cop") and v.head else v
    if head.id < nxt or head.id in own or s.children(head.id, *SUBJECTS, "nsubj:pass"):
        return ids  # a clause with a subject of its own is a report of its own, or no predicate here
    skip = set(own)
    for c in s.children(head.id):
        if any(not has_role(subj, "relative") for subj in s.children(c.id, *SUBJECTS, "nsubj:pass")):
            skip |= s.ids(c.id)
    return ids | gap | {y for y in s.ids(head.id) if y >= nxt and y not in skip}


def _second_object(x: _Cue, c: Any) -> bool:
    """Whether dependent ``c`` of a passive cue is its second object, a noun phrase and no clause
    however mislabelled ("were charged [fees they never agreed to]"): not what was said, unless
    the cue tells its hearer ("was told [the news]") or takes a predicate ("is considered [a
    threat]": the ``as`` frame)."""
    s, w = x.s, x.w
    return c.deprel in ("obj", "iobj") and c.upos in ("NOUN", "PROPN", "PRON", "NUM") and not clause_like(s, c) \
        and bool(s.children(w.id, "aux:pass")) and not hearer_verb(w) and "as" not in x.frames


def _named_before(s: Tree, c: Any) -> bool:
    """Whether verb ``c`` has a name or a pronoun right before it that the parser did not make its
    subject ('said "yes" and [Tom] said "no"'): a speaker of its own, so a report of its own."""
    return c.upos == "VERB" and c.id > 1 and s.word(c.id - 1).upos in ("PROPN", "PRON") \
        and s.word(c.id - 1).head != c.id


def _unlabelled_clause(x: _Cue, found: tuple[Content, ...]) -> list[Content]:
    """No clause found: the words after a speech verb with a subject before it, read as its
    complement whatever their labels ("X said [the plan]obj [was dead]dep")."""
    s, w = x.s, x.w
    if found or x.noun or not (_subject_before(x) or _participle_after_comma(x)) or _after_quotation(s, w):
        return []
    # a participial cue of its own (", noting that S") is not this cue's content
    kids = [c for c in x.kids if not (c.id > w.id and c.deprel.split(":")[0] in ("advcl", "xcomp", "conj", "dep")
                                      and c.xpos == "VBG" and word_cue(c) is not None
                                      and not s.children(c.id, *SUBJECTS))]
    first_after = min((c.id for c in kids if c.id > w.id), default=0)

    def marked_off(c: Any) -> bool:
        """An adverbial clause, unless a reason after the first dependent ("said S because S2")."""
        m = s.mark(c.id)
        return m is not None and not has_role(m, "complementizer") and not (
            has_role(m, "reason") and c.id > first_after)

    after = [c for c in kids if c.id > w.id and c.deprel.split(":")[0] in _LOOSE_RELATIONS
             and not marked_off(c)
             and not s.children(c.id, "case")
             and not (c.deprel.startswith("conj") and s.children(c.id, *SUBJECTS, "nsubj:pass")
                      and s.children(c.id, "cc") and not _joins_subjects(s, w, c))
             and not (c.deprel.startswith("conj") and word_cue(c) is not None
                      and (reports_own_clause(s, c) or _named_before(s, c)))]
    if not after or len(after) == 1 and _second_object(x, after[0]):
        return []
    first = after[0]
    if first.deprel in ("obj", "iobj") and hearer_verb(w) and (
            first.upos in ("PRON", "PROPN") and len(after) > 1 or _subject_set_off(x)):
        after = after[1:]  # "told [reporters] S"; "S, the mayor told [her aides] as she left": S is the report
        if not after:
            return []
    ids = _run_on_predicate(s, w, set().union(*(s.ids(c.id) for c in after)))
    ids |= _split_clause_rest(s, w, ids)
    if len([y for y in ids if s.word(y).upos != "PUNCT"]) < 3 or s.word(min(ids)).upos == "ADP":
        return []
    return [Content(ids, "ccomp")]


# --------------------------------------------------------------------------- objects and phrases


def _objects(x: _Cue, found: tuple[Content, ...]) -> list[Any]:
    """The cue's objects after it that no clause took: its ``obj``/``iobj``; for a passive cue
    without a clause, its passive subject ("The levy was first reported by the Gazette"); else an
    object after an adverbial that the parser made an ``obl`` ("announced on Friday [the arrest]")."""
    s, w = x.s, x.w
    clauses = [f for f in found if f.frame == "ccomp"]
    taken = _taken(tuple(clauses))
    passive = bool(s.children(w.id, "aux:pass"))
    obj = [c for c in x.kids if c.deprel in ("obj", "iobj") and c.id > w.id and c.id not in taken
           and not (passive and _bare_time(s, c))]  # ("was revealed [last week]" made an object)
    if not obj and not x.noun and not clauses and passive and not any(
            c.id > w.id and c.upos == "VERB" and word_cue(c) is not None for c in x.kids):
        # (but in "was quoted as saying S" the subject speaks through the participle)
        obj = [c for c in s.children(w.id, "nsubj:pass") if c.id < w.id and not has_role(c, "relative")
               and not has_role(c, "expletive")][:1]
    if not obj and not x.noun:
        obj = [c for c in x.kids if c.deprel == "obl" and c.id > w.id and c.id not in taken
               and c.upos in ("NOUN", "PROPN") and not s.children(c.id, "case") and not has_role(c, "time")][:1]
    return obj


def _to_clause(x: _Cue, found: tuple[Content, ...]) -> list[Content]:
    """"X vowed [to V]" (``xcomp``), "X urged [Y to V]" (``objxcomp``, Y required), "[Y] is
    expected [to V]" (a passive cue: its subject and the to-clause)."""
    s, w = x.s, x.w
    obj = _objects(x, found)
    taken = _taken(found)
    out = []
    for c in x.kids:
        if c.id in taken or c.id < w.id:
            continue
        if "xcomp" not in x.frames and not [o for o in obj if o.id < c.id]:
            continue  # "asked to be named" is not "asked Y to V"
        m = s.mark(c.id)
        if not (c.deprel == "xcomp" or (
                c.deprel.split(":")[0] in ("advcl", "ccomp", "acl") and m is not None and has_role(m, "infinitive"))):
            continue
        if c.upos not in ("VERB", "AUX") and not s.children(c.id, "cop"):
            continue
        if m is None or not has_role(m, "infinitive"):
            continue  # "told a gathering …" is no "told Y to V"
        ids = s.ids(c.id) if x.noun else _before_stray_predicate(s, c, s.ids(c.id))
        ids |= _split_clause_rest(s, w, ids, adverbial=False)  # "wants voters [to recall] [that the ferry ran daily]"
        for o in obj:
            if o.id < c.id:
                ids |= s.ids(o.id)
        before = min(ids) - 1
        if before > w.id and has_role(s.word(before), "negation") and s.word(before).head == w.id:
            ids.add(before)  # "vowed [not] to return": the parser hangs the "not" on the cue
        if s.children(w.id, "aux:pass"):
            # "[Obama's veto] is expected [to come soon]": the passive subject is what the clause is about
            for subj in s.children(w.id, "nsubj:pass"):
                if subj.id < w.id and not has_role(subj, "expletive"):
                    ids |= s.ids(subj.id)
        out.append(Content(ids, "xcomp", c.id))
    return out


#: Relations of an embedded clause whose finite verb may lack a subject of its own (extracted or
#: shared: "the man she hopes [will] follow her", "to run and [is] hosting Y").
_EMBEDDING_RELATIONS = ("acl", "advcl", "conj", "parataxis")
#: Tags of a question or relative word, which may be the subject of a finite verb after it.
_WH_TAGS = (*RELATIVE_TAGS, "WRB")


def _before_stray_predicate(s: Tree, c: Any, ids: set[int]) -> set[int]:
    """The words of to-infinitive ``c`` (``ids``) before a finite auxiliary or modal that the parser hung
    inside it although it has no subject, mark or embedding clause of its own there: the predicate of
    the main clause whose subject holds the report ("owners who wanted [to keep the pier]
    [could] be fined", "a rider who wants [to pay less] [could] take the bus"). A to-infinitive
    holds no finite verb but in a clause of its own, nor after a question word ("to know [what]'s in
    Y"). A cue noun keeps its phrase: it may be the main clause's subject itself."""
    for v in sorted((s.word(y) for y in ids if y > c.id), key=lambda v: v.id):
        if any(s.word(y).xpos in _WH_TAGS for y in ids if c.id < y < v.id):
            return ids
        if v.xpos not in FINITE_TAGS or v.upos != "AUX":
            continue  # (a full verb may be a relative clause's without its mark: "the immunity firms [have]")
        h = s.word(v.head) if v.deprel.split(":")[0] in ("aux", "cop") and v.head else v
        if h.id not in ids or s.children(h.id, *SUBJECTS, *PASSIVE_SUBJECTS, "expl", "mark") \
                or s.children(v.id, *SUBJECTS, *PASSIVE_SUBJECTS, "expl"):
            continue
        up, embedded = h, False
        while up.id != c.id and up.head:
            embedded = embedded or up.deprel.split(":")[0] in _EMBEDDING_RELATIONS
            up = s.word(up.head)
        if not embedded and up.id == c.id:
            return {y for y in ids if y < v.id}
    return ids


#: Frames whose content holds the cue's object ("praised [Y] for Z", "urged [Y] to V").
_OBJECT_FRAMES = frozenset({"obj", "objxcomp", "of", "as", "for", "with"})


def _prepositional(frame: str) -> _Rule:
    """The rule of prepositional frame ``frame``: "X accused [Y of Z]", "X lashed out [at Y]"."""

    def rule(x: _Cue, found: tuple[Content, ...]) -> list[Content]:
        s, w = x.s, x.w
        obj = _objects(x, found)
        taken = _taken(found)
        # the phrase may hang on the cue or, misattached, on its object ("accused [the board of V-ing]")
        pool = x.kids + [k for o in obj for k in s.children(o.id) if k.deprel.split(":")[0] in ("acl", "nmod", "advcl")] \
            + _phrase_after_noun(x)
        out = []
        for c in pool:
            if c.id in taken or c.id < w.id:
                continue
            prep = [k for k in s.children(c.id, "case", "mark") if k.text.lower() == frame]
            if not prep or _time_phrase(c):
                continue  # (not "called [on Monday]")
            ids = s.ids(c.id)
            objs = [o for o in obj if o.id < c.id]
            if frame == "about" and hearer_verb(w):
                objs = []  # "asked [the mayor] about the closure": the hearer, not the topic
            if frame not in _OBJECT_FRAMES:
                # "distanced [herself] from the plan": a reflexive object is the speaker again (but
                # "described [himself] as Y" reports what the speaker is)
                objs = [o for o in objs if not has_role(o, "reflexive")]
            if not x.frames & _OBJECT_FRAMES and x.cls not in SPEECH_CLASSES:
                # "[Lee] was focused on the budget": a stance that takes no object has no passive
                # object either; its subject is the speaker, not part of what it reports (but
                # "[the case] was referred to the FBI", "[the plan] was talked about")
                objs = [o for o in objs if not o.deprel.startswith("nsubj")]
            if any(c.id in s.ids(o.id) for o in objs):
                ids = set()
            if objs:
                for o in objs:
                    ids |= s.ids(o.id)
            elif frame not in ("as", "with") or _words(s, ids) > MIN_CONTENT_WORDS and not (
                    w.deprel.startswith("acl") and not s.children(w.id, "aux:pass")):
                # "focused [on] Y", "agreed [with] Y", "is known [as] Y": the preposition is the
                # cue's (but "agreed [with him]" stays content enough to report, and "[which] he
                # described [as Y]" keeps it with the relative pronoun that is its object)
                ids -= {p.id for p in prep}
            out.append(Content(_with_tail(s, w, ids) if frame in NOUN_FRAMES else ids, frame, c.id))
        return out

    rule.__name__ = rule.__qualname__ = f"_{frame}_phrase"
    return rule


def _phrase_after_noun(x: _Cue) -> list[Any]:
    """The phrase right after a cue noun that is a verb's object, which the parser hung on that
    verb instead of the noun: "raised [questions] [about the deal]", "launched an [attack] [on the
    plan]" (empty for a verb cue, or when the phrase does not open with its preposition right after
    the noun phrase)."""
    s, w = x.s, x.w
    if not x.noun or not w.head or w.deprel.split(":")[0] != "obj":
        return []
    return _phrases_opening_after(s, s.word(w.head), w)


def _phrases_opening_after(s: Tree, head: Any, noun: Any) -> list[Any]:
    """The dependents of ``head`` that open right after the phrase of ``noun`` with their own
    preposition or mark: the noun's phrase the parser hung on the verb above it ("raised
    [questions] [about the deal]", "voiced [concern] [over Y]")."""
    end = max(s.ids(noun.id))
    return [k for k in s.children(head.id) if k.id > end and min(s.ids(k.id)) == end + 1
            and s.word(end + 1).head == k.id and s.word(end + 1).deprel in ("case", "mark")]


def _words(s: Tree, ids: set[int]) -> int:
    """How many words (punctuation left out) ``ids`` holds."""
    return sum(1 for y in ids if s.word(y).upos != "PUNCT")


def _object(x: _Cue, found: tuple[Content, ...]) -> list[Content]:
    """"X denied [Y]", "X called [Y Z]" (a second object or predicate required for a ``naming-verb``). For a
    cue that takes a clause, a finite predicate the parser hung elsewhere right after the object
    carries it on ("trying to show [Lee] isn't the only one": :func:`_run_on_predicate`)."""
    s, w = x.s, x.w
    if found:
        return []
    for o in _objects(x, found)[:1]:
        expressed = _expressed(x, o)
        if expressed:
            return [Content(expressed, "obj", o.id)]
        ids = s.ids(o.id)
        second = False
        for c in x.kids:
            if (c.deprel == "xcomp" or c.deprel == "obj" and c is not o and not _bare_time(s, c)
                    or _quoted_next(s, c, ids)) and c.id > o.id:
                ids |= s.ids(c.id)
                second = True
        second = second or bool(s.children(o.id, "nmod:unmarked", "appos", "xcomp")) or any(
            # "called half of his supporters “deplorables”": the quoted name hangs lower down
            s.word(y).deprel in ("appos", "nmod:unmarked") and y > 1 and s.word(y - 1).text in quote_marks()
            for y in s.ids(o.id) if y != o.id)
        if (w.lemma or "").lower() in role_words("naming-verb") and not second and not _relative_object(s, w, o):
            continue  # "call Y" alone is not "call Y Z" (but "[what] X called [Z]": Z with its Y)
        if not second and "ccomp" in x.frames and o.id > w.id and not hearer_verb(w):
            ids = _run_on_predicate(s, w, ids)
        return [Content(_without_score(s, _with_tail(s, w, ids)), "obj", o.id)]
    return []


def _without_score(s: Tree, ids: set[int]) -> set[int]:
    """Object ``ids`` without the poll's score that ends them ("favored [Ruiz] 48 percent to 31
    percent", "backed [Ruiz], 55 percent to 20 percent"): two shares (a number and its unit,
    ``share-unit``) joined by "to" or a dash (``share-link``), when the object holds no verb (a
    clause keeps its score: "showed [Lee leading Ruiz 47 percent to 43 percent]")."""
    words = [s.word(y) for y in sorted(ids) if s.word(y).upos != "PUNCT" or has_role(s.word(y), "share-link")]
    if len(words) < 6 or any(x.upos in ("VERB", "AUX") for x in words):
        return ids
    a, u1, link, b, u2 = words[-5:]
    if not (a.upos == "NUM" and b.upos == "NUM" and has_role(u1, "share-unit") and has_role(u2, "share-unit")
            and has_role(link, "share-link")):
        return ids
    return {y for y in ids if y < a.id and not (y == a.id - 1 and s.word(y).text == ",")}


def _relative_object(s: Tree, w: Any, o: Any) -> bool:
    """Whether cue ``w`` heads a relative clause whose relative pronoun, before the cue's subject,
    fills the object slot before ``o``: "[what] the mayor called [a disgrace]", "the toll, [which]
    the mayor called [a disgrace]" (the pronoun is the Y of "call Y Z")."""
    if not w.deprel.startswith("acl") or not w.head:
        return False
    subj = [c for c in s.children(w.id, *SUBJECTS) if c.id < w.id]
    if not subj:
        return False
    rel = [c for c in s.children(w.id, "obj") if c.xpos in RELATIVE_TAGS and c.id < subj[0].id]
    head = s.word(w.head)
    return bool(rel) or head.xpos in RELATIVE_TAGS and head.id < subj[0].id and o.id > w.id


def _expressed(x: _Cue, o: Any) -> set[int]:
    """What the attitude or speech noun ``o`` that an expressing verb takes as its object is about,
    the noun with the verb being the cue: "voiced [concerns] over [Y]", "expressed [doubt] [that
    S]", with the phrase hung on the noun or, right after it, on the verb; the preposition that
    opens it is the cue's. Empty when the cue is no expressing verb, the object no bare cue noun,
    or nothing follows it."""
    s, w = x.s, x.w
    if x.noun or (w.lemma or "").lower() not in role_words("expressing-verb") or o.upos != "NOUN" \
            or word_cue(o) is None or min(s.ids(o.id)) < o.id:
        return set()  # (a determiner or modifier makes the noun a thing expressed: "[their support] for Y")
    ids = {y for y in s.ids(o.id) if y > o.id}
    for k in _phrases_opening_after(s, w, o):
        ids |= s.ids(k.id)
    first = min(ids, default=0)
    if not ids or s.word(first).deprel not in ("case", "mark"):
        return set()
    if not (has_role(s.word(first), "complementizer") or has_role(s.word(first), "question")):
        ids.discard(first)  # "concern [about] V-ing": the preposition is the cue's, "that" opens S
    return ids


def _gerund_object(x: _Cue, found: tuple[Content, ...]) -> list[Content]:
    """"X supports [reforming the system]", "X denied [taking the money]": a gerund phrase the
    parser made a clausal complement is the object (no object, no clause found otherwise). The
    gerund follows the cue and has no subject or mark of its own."""
    s, w = x.s, x.w
    if found or x.noun:
        return []
    for c in x.kids:
        if c.id > w.id and c.xpos == "VBG" and c.deprel.split(":")[0] in ("xcomp", "ccomp") \
                and s.mark(c.id) is None and not s.children(c.id, *SUBJECTS, "nsubj:pass"):
            return [Content(_with_tail(s, w, s.ids(c.id)), "obj", c.id)]
    return []


#: Relations of a cue's dependent after it that fill its object slot ("opposed [the plan]").
_OBJECT_SLOT_RELATIONS = ("obj", "iobj", "ccomp", "xcomp", "csubj", "csubj:pass")


def _extracted_object(x: _Cue, found: tuple[Content, ...]) -> list[Content]:
    """"the plan, [which] the mayor opposed", "[a fact] he often mentions", "the levy [that] was
    first reported by the Post": a cue heading a relative clause whose object (or passive subject)
    is the noun the clause modifies reports that noun. The content is the relative pronoun when
    there is one (it stands for the noun, as PolNeAR marks it), else the noun phrase before the
    clause. The clause needs a speaker of its own, a subject that is no relative pronoun ("the
    senator [who] opposed" is the speaker) or a passive's agent, and no object after the cue."""
    s, w = x.s, x.w
    if found or x.noun or not w.deprel.startswith("acl") or not w.head or w.head > w.id:
        return []
    if any(c.id > w.id and c.deprel in _OBJECT_SLOT_RELATIONS for c in x.kids):
        return []
    passive = bool(s.children(w.id, "aux:pass"))
    subj = [c for c in s.children(w.id, *SUBJECTS) if c.id < w.id and c.deprel not in PASSIVE_SUBJECTS]
    if passive:
        if not any(is_agent(s, c) for c in x.kids if c.id > w.id):
            return []
    elif not subj or any(has_role(c, "relative") or has_role(c, "expletive") for c in subj):
        return []
    first = min([c.id for c in subj] or [w.id])
    rel = [c for c in x.kids if c.id < first and has_role(c, "relative") and c.xpos in RELATIVE_TAGS
           and not s.children(c.id, "case")]  # ("the game in [which] firms seek Y": a circumstance)
    return [Content({rel[0].id}, "obj", rel[0].id)] if rel else []


def _quoted_next(s: Tree, c: Any, ids: set[int]) -> bool:
    """Whether dependent ``c`` of a cue is a quotation right after the object ``ids``, whatever
    label the parser gave it: 'called Whitlock [“unhinged”]' (the word misread as a participle)."""
    if c.upos == "PUNCT" or c.id in ids:
        return False
    sub = s.ids(c.id)
    first = min(y for y in sub if s.word(y).upos != "PUNCT" or y == min(sub))
    mark = s.word(first) if s.word(first).upos == "PUNCT" else (s.word(first - 1) if first > 1 else None)
    return mark is not None and mark.text in opening_marks() and mark.id == max(ids) + 1


# --------------------------------------------------------------------------- parataxis


def _closing_clause(x: _Cue, found: tuple[Content, ...]) -> list[Content]:
    """"S, said Ann Lee, an expert who wrote books." / "S, an official told the Times." with the
    cue hung on S as a conjunct (or adverbial) and nothing after it but its speaker, hearer and
    adverbials: S, all before the comma that sets the cue (and its subject) off, is what was
    said; the words after the cue are not (its speaker, never its object or complement)."""
    s, w = x.s, x.w
    if found or x.noun or not w.head or w.head > w.id or s.children(w.id, "cc") or s.mark(w.id) is not None \
            or w.deprel.split(":")[0] not in ("conj", "advcl", "dep") or not cue_last(s, w) \
            or s.word(w.head).upos not in CLAUSE_POS or _after_quotation(s, w) or w.xpos not in FINITE_TAGS:
        return []  # (a participle, "S, adding Y", adds to S rather than reporting it)
    last = max(y.id for y in s.words if y.upos != "PUNCT")
    if max(s.ids(w.id)) < last:
        return []
    comma = w.id - 1
    if s.word(comma).text not in SET_OFF:  # "S, [an official] told": the comma before the subject
        near = [c for c in s.children(w.id, *SUBJECTS) if max(s.ids(c.id)) == w.id - 1]
        if not near:
            return []
        comma = min(y for y in s.ids(near[0].id) if s.word(y).upos != "PUNCT") - 1
    if comma < 3 or s.word(comma).text not in SET_OFF:
        return []
    return [Content({y.id for y in s.words if y.id < comma}, "parataxis", w.head)]


def _clause_before_root(x: _Cue, found: tuple[Content, ...]) -> list[Content]:
    """"S, X says." with the cue made the root and S's subject taken for a second subject."""
    s, w = x.s, x.w
    if found or w.head or not all(c.deprel == "punct" or c.id < w.id for c in s.children(w.id)):
        return []
    subj = sorted((c for c in s.children(w.id, *SUBJECTS) if c.id < w.id), key=lambda c: c.id)
    if len(subj) < 2:
        return []
    near = min(y for y in s.ids(subj[-1].id) | {subj[-1].id} if s.word(y).upos != "PUNCT")
    comma = near - 1 if near > 1 and s.word(near - 1).text in SET_OFF else None
    if comma is not None and max(s.ids(subj[0].id) - {comma}) < comma:
        return [Content({y.id for y in s.words if y.id < comma}, "parataxis")]
    return []


def _closing_cue_on_noun(x: _Cue) -> list[Content]:
    """"They were headed to Cairo, the news site reported." with the cue hung on "Cairo"; also
    "This is no vote on me, the mayor told her aides." (a hearer verb's object is its hearer)."""
    s, w = x.s, x.w
    subj = s.children(w.id, "nsubj", "nsubj:pass")
    first = min(y for y in s.ids(w.id) if s.word(y).upos != "PUNCT")
    if subj and not has_role(subj[0], "relative") and subj[0].id < w.id \
            and not (s.children(w.id, "obj") and not hearer_verb(w)) and s.word(first - 1).text == ",":
        return [Content({y.id for y in s.words if y.id < first - 1}, "parataxis")]
    return []


def _hung_on_clause(x: _Cue) -> bool:
    """Whether the cue hangs on the clause it reports ("S, X said." / "S, X said, S-rest")."""
    s, w = x.s, x.w
    head = s.word(w.head)
    rel = w.deprel.split(":")[0]
    m = s.mark(w.id)
    if rel == "parataxis":
        return True
    if rel in ("advcl", "conj", "ccomp", "dep") and head.id < w.id and cue_last(s, w):
        # "S, X said." misparsed: the cue follows the clause, after a comma, with nothing of its own
        ok = (m is None or (m.text.lower() == "as")) and comma_before(s, w)
        return ok and (rel != "ccomp" or s.children(w.id, *SUBJECTS) != [])
    if rel in ("advcl", "dep") and head.id > w.id and cue_last(s, w) and m is None:
        # "The report, Jones argues, is flawed." with the cue hung on the clause as an adverbial
        return comma_before(s, w) and comma_after(s, w) and s.children(w.id, *SUBJECTS) != []
    return False


def _rest_after_parenthetical(s: Tree, w: Any) -> set[int]:
    """The rest of the clause a parenthetical cue interrupts when the parser joined it to the cue:
    "S, they say, [but S2]", "S, the airline added, [and had passed the checks]", "S, he says,
    [because S2]": after the comma that closes the cue off, a conjunct opened by a coordinator
    or a reason clause (also one hung as the cue's complement), or the to-infinitive the
    interrupted clause extraposed or its noun takes ("It is his job, he said, [to warn us]",
    "Nor has she any plans, aides say, [to quit]"); never a cue of its own ("S, he said,
    [adding] S2")."""
    out: set[int] = set()
    for c in s.children(w.id, "conj", "advcl", "ccomp"):
        if c.id < w.id:
            continue
        sub = s.ids(c.id)
        first = s.word(min(y for y in sub if s.word(y).upos != "PUNCT"))
        if first.id < 2 or s.word(first.id - 1).text != ",":
            continue
        if _infinitive_rest(s, w, c, first):
            out |= sub  # (a cue verb too: "S, he said, [to warn us]")
            continue
        role = "coordinator" if c.deprel.startswith("conj") else "reason"
        if has_role(first, role) and first.head == c.id and word_cue(c) is None:
            out |= sub
    return out


def _infinitives_after_parenthetical(s: Tree, w: Any) -> set[int]:
    """The to-infinitives after parenthetical cue ``w`` that continue the clause it interrupts
    (:func:`_infinitive_rest`), when the parser made that clause the cue's complement: "[It is
    her job]ccomp, she said, [to warn us]"."""
    out: set[int] = set()
    for c in s.children(w.id, "advcl", "xcomp"):
        sub = s.ids(c.id)
        first = s.word(min(y for y in sub if s.word(y).upos != "PUNCT"))
        if c.id > w.id and first.id > 1 and s.word(first.id - 1).text == "," and _infinitive_rest(s, w, c, first):
            out |= sub
    return out


def _infinitive_rest(s: Tree, w: Any, c: Any, first: Any) -> bool:
    """Whether ``c``, a to-infinitive after the comma that closes parenthetical cue ``w`` off,
    continues the clause the cue interrupts: the cue's subject is set off by a comma before it
    too, with the clause it interrupts before that comma ("S, he said, [to V]")."""
    if not (has_role(first, "infinitive") and first.head == c.id and first.upos == "PART"):
        return False
    subj = [y for k in s.children(w.id, *SUBJECTS) if k.id < w.id for y in s.ids(k.id) if s.word(y).upos != "PUNCT"]
    left = min(subj, default=w.id)
    return bool(subj) and left > 2 and s.word(left - 1).text in SET_OFF


def _clause_hung_on(x: _Cue, found: tuple[Content, ...]) -> list[Content]:
    """"S, X said.": the clause the cue hangs on, without the cue's own words, with the rest of the
    clause a parenthetical cue interrupts ("S, he said, [because S2]")."""
    s, w = x.s, x.w
    if found or not w.head:
        return []
    head = s.word(w.head)
    if w.deprel.split(":")[0] == "acl" and head.id < w.id and cue_last(s, w) and s.mark(w.id) is None:
        return _closing_cue_on_noun(x)
    if not _hung_on_clause(x) or head.upos not in CLAUSE_POS:
        return []
    ids = s.ids(head.id) - s.ids(w.id)
    # '"…," said Ann Lee, a lawyer.': a verbless stretch after the cue is the speaker's
    # misattached apposition, not more of what was said
    tail = {y for y in ids if y > w.id}
    if tail and not any(s.word(y).upos in ("VERB", "AUX") for y in tail):
        ids -= tail
    ids |= _rest_after_parenthetical(s, w)  # ("S, he said, [because S2]")
    if not s.children(head.id, *SUBJECTS, "nsubj:pass", "expl"):
        # "The new law, critics say, will hurt farmers": the farther subject is the clause's
        subj = sorted(s.children(w.id, *SUBJECTS), key=lambda y: abs(y.id - w.id))
        for extra in subj[1:]:
            if extra.id < w.id:
                ids |= s.ids(extra.id)
    return [Content(ids, "parataxis", head.id)]


# --------------------------------------------------------------------------- the table

_PREPOSITION_RULES = {frame: _prepositional(frame) for frame in PREPOSITION_FRAMES}

#: The rules each frame of ``cues.tsv`` calls for.
_RULES: dict[str, tuple[_Rule, ...]] = {
    "parataxis": (_inverted_clause, _closing_clause, _clause_before_root, _clause_hung_on),
    "raising": (_raising,),
    "evidential": (_evidential,),
    "ccomp": (_clauses, _clause_predicated, _clause_of_own_noun, _clause_hung_above, _clause_after_mark,
              _clause_anaphor, _unlabelled_clause),
    "xcomp": (_to_clause,),
    "objxcomp": (_to_clause,),
    "obj": (_object, _gerund_object, _extracted_object),
    "direct": (),
    **{frame: (rule,) for frame, rule in _PREPOSITION_RULES.items()},
}
#: All rules in the order they run.
_ORDER: tuple[_Rule, ...] = (
    _inverted_clause, _raising, _evidential, _closing_clause, _clauses, _clause_predicated, _clause_of_own_noun, _clause_hung_above, _clause_after_mark,
    _clause_anaphor, _to_clause,
    *_PREPOSITION_RULES.values(), _object, _gerund_object, _extracted_object, _unlabelled_clause, _clause_before_root, _clause_hung_on,
)
#: Rules whose content, when they apply, is all the cue reports.
_FINAL = frozenset({_inverted_clause, _raising, _evidential})

if set(_RULES) != FRAMES or {r for rules in _RULES.values() for r in rules} != set(_ORDER):
    raise RuntimeError(f"frames.py: the rule table must cover exactly the frames {sorted(FRAMES)}")


def complements(s: Tree, w: Any, cue: Cue) -> list[tuple[set[int], str]]:
    """The content word ids of cue ``w`` per frame, as ``(ids, frame)`` pairs."""
    x = _Cue(s, w, cue.frames, cue.cls)
    wanted = {rule for frame in cue.frames for rule in _RULES[frame]}
    found: tuple[Content, ...] = ()
    for rule in _ORDER:
        if rule not in wanted:
            continue
        got = rule(x, found)
        if got is None:
            continue
        if rule in _FINAL:
            return [(c.ids, c.frame) for c in got]
        found += tuple(got)
    # "said that[, on average,] S" whichever rule found the clause
    found = tuple(Content(c.ids | _after_complementizer(s, w, c.ids), c.frame, c.head)
                  if c.frame == "ccomp" and c.ids and min(c.ids) > w.id else c for c in found)
    end = _main_clause_start(s, w)
    if end is not None:
        found = tuple(Content({y for y in c.ids if y < end}, c.frame, c.head) for c in found)
        found = tuple(c for c in found if c.ids)
    return [(c.ids, c.frame) for c in _without_contained(found)]


def _main_clause_start(s: Tree, w: Any) -> int | None:
    """Where the main clause starts when cue ``w`` stands in a subordinate clause that opens
    the sentence and the parser hung that main clause on the cue as a second clause after a
    comma ("[After] Lee suggested the plan was weak, [Trump contradicted him]"): the comma's
    id, past which nothing is the cue's content; else ``None``."""
    first = next((x for x in s.words if x.upos != "PUNCT"), None)
    if first is None or not has_role(first, "subordinator") or first.id > w.id:
        return None
    if first.head != w.id and (not first.head or s.word(first.head).head != w.id):
        return None  # the subordinator opens the cue's own clause or its subject's phrase
    if any(x.text in SET_OFF for x in s.words[first.id : w.id + 1]):
        return None  # "After the vote, Lee said S", "As the Post reported, S": no clause of the cue's inside
    clauses = sorted((c for c in s.children(w.id) if c.id > w.id and c.deprel.split(":")[0] in _ABOVE_RELATIONS + ("conj",)),
                     key=lambda c: c.id)
    for c in clauses[1:]:
        lo = min(s.ids(c.id))
        if lo > 1 and s.word(lo - 1).text == "," and s.children(c.id, *SUBJECTS, "nsubj:pass"):
            return lo - 1
    return None


def _without_contained(found: tuple[Content, ...]) -> tuple[Content, ...]:
    """The contents of one cue without those inside another of its contents: "called [on the
    council to close the pier]" is one report, not also "called [to close the pier]"."""
    return tuple(c for c in found if not any(c.ids < o.ids for o in found))


#: Frames whose content is a noun phrase the parser may have cut short.
NOUN_FRAMES = frozenset({"obj", *PREPOSITION_FRAMES} - {"as"})


#: Relations of the cue's dependents that may carry on its noun-phrase content.
_TAIL_RELATIONS = ("obl", "advcl", "acl", "nmod", "xcomp", "obj")


def _with_tail(s: Tree, w: Any, ids: set[int]) -> set[int]:
    """``ids`` extended over the dependents of cue ``w`` that the parser hung on the cue although
    they carry on the noun phrase it reports: "discussed [his commitment] [to improving care]",
    "mocked [Lee] [for not paying her fees]". Each must follow what is taken so far
    directly (or after a comma); times, circumstances (``during the debate``), a passive's
    agent, reports of their own and parenthetical cues stop it."""
    if not ids:
        return ids
    out = set(ids)
    for c in sorted(s.children(w.id), key=lambda c: c.id):
        if c.id < max(out) or c.id in out:
            continue
        if _noun_complement(s, w, out, c):
            out |= s.ids(c.id)  # "dismissed [the idea] [that S]": the noun's own clause
            continue
        if _bare_relative(s, w, out, c):
            out |= s.ids(c.id)
            continue
        rel = c.deprel.split(":")[0]
        if rel not in _TAIL_RELATIONS or has_role(c, "time") or c.deprel.endswith("tmod"):
            break
        if is_agent(s, c):
            break  # the agent of a passive is the speaker
        links = s.children(c.id, "case", "mark")
        if any(has_role(x, "time") for x in links):
            break
        if links and has_role(links[0], "circumstance") or _circumstance(s, c):
            break  # "attacked Machado [during the debate]", "praised Y [at a rally]": the circumstances
        if word_cue(c) is not None and not links or s.children(c.id, *SUBJECTS, "nsubj:pass"):
            break  # (a cue word after a preposition is no report of its own: "questioned [her judgment in supporting Y]")
        sub = s.ids(c.id)
        gap = [x for x in range(max(out) + 1, min(sub)) if x not in out]
        if any(s.word(x).text != "," for x in gap):
            break
        out |= sub
    if any(s.word(y).text in SET_OFF for y in out):
        return out  # (a phrase with an aside set off in it: "of [being Y], though S", no rest)
    return out | _split_clause_rest(s, w, out, adverbial=False)


#: Relations of a noun phrase that a cue reports.
_NOUN_RELATIONS = ("obj", "iobj", "obl", "nmod", "nsubj")


def _bare_relative(s: Tree, w: Any, ids: set[int], c: Any) -> bool:
    """Whether dependent ``c`` of cue ``w`` is a relative clause of the noun that ends the noun
    phrase ``ids``, hung on the cue by the parser: "described [the situation] [she is facing]",
    "condemned [the fees] [on which the port relies]": a clause with a subject of its own right
    after the noun, no punctuation between, opened by its subject or a relative word."""
    if c.deprel.split(":")[0] not in ("advcl", "ccomp", "acl", "conj", "parataxis", "dep") or word_cue(c) is not None:
        return False
    if w.deprel.split(":")[0] == "acl":
        return False  # "those who praised [his bid] warned S": the clause is the noun's predicate
    if not s.children(c.id, *SUBJECTS, "nsubj:pass"):
        return False
    sub = s.ids(c.id)
    first = s.word(min(sub))
    if min(sub) != max(ids) + 1 or first.upos == "PUNCT":
        return False
    opener = s.word(first.id + 1) if first.upos == "ADP" and first.id < len(s.words) else first
    if (opener is not first or opener.upos in ("SCONJ", "CCONJ", "ADP", "ADV")) and not has_role(opener, "relative"):
        return False  # "in which" opens a relative clause, "because" or "in 2010" none
    top = s.word(max(ids))
    while top.head in ids:
        top = s.word(top.head)
    if top.deprel.split(":")[0] not in _NOUN_RELATIONS or s.children(top.id, "cop"):
        return False  # "accused Y of [being a Democrat] S": a predicate, no noun
    if first.deprel == "mark":
        return top.upos == "NOUN"  # "any ways [that S]" (a name takes no "that" clause: "dismissed Ruiz that S")
    return top.upos in ("NOUN", "PROPN", "PRON")


#: Relations under which the parser hangs on the cue the clause of the noun it reports.
_NOUN_CLAUSE_RELATIONS = ("advcl", "ccomp", "acl", "dep", "parataxis")


def _noun_complement(s: Tree, w: Any, ids: set[int], c: Any) -> bool:
    """Whether dependent ``c`` of cue ``w`` is the clause of the noun that ends the noun phrase
    ``ids``, hung on the cue by the parser: "dismissed [the idea] [that S]", "rejected [the
    notion] [that S]". The clause opens with a complementizer right after the noun (or its
    comma), and the noun heads the phrase; a hearer verb's object is its hearer ("told [the
    crowd] that S"), not a noun with a clause."""
    m = s.mark(c.id)
    if m is None or not has_role(m, "complementizer") or c.deprel.split(":")[0] not in _NOUN_CLAUSE_RELATIONS \
            or hearer_verb(w):
        return False
    if m.id != min(y for y in s.ids(c.id) if s.word(y).upos != "PUNCT"):
        return False
    end = max(ids)
    if any(s.word(y).text != "," for y in range(end + 1, m.id)):
        return False
    top = s.word(end)
    while top.head in ids:
        top = s.word(top.head)
    return top.upos == "NOUN" and top.id == end


def _time_phrase(c: Any) -> bool:
    """Whether phrase head ``c`` tells when ("on Monday", "for years"): never a prepositional
    frame's content."""
    return has_role(c, "time") or c.deprel.endswith("tmod") or time_word(c)


def _bare_time(s: Tree, c: Any) -> bool:
    """Whether object ``c`` is a time the parser made an object ("endorsed Y [last week]", "was
    revealed [last week]"): a time phrase with nothing of an object's own hung on it (not "recalled
    [her days] as governor", "offer [a single day] of leave")."""
    return _time_phrase(c) and not s.children(c.id, "nmod", "nmod:poss", "acl", "acl:relcl", "appos")


def _circumstance(s: Tree, c: Any) -> bool:
    """Whether phrase ``c`` tells when, where or how something was said: a time ("last week",
    "on Monday", "in 2012"), a circumstance ("after the event") or an occasion ("at a rally",
    "in a statement", "on Facebook")."""
    if _time_phrase(c) or c.upos == "NUM" and len(c.text) == 4 and c.text.isdigit():
        return True  # (a month too: "endorsed Trump [in early June]")
    links = s.children(c.id, "case")
    return bool(links) and (has_role(links[0], "circumstance") or has_role(c, "occasion"))


def _joins_subjects(s: Tree, w: Any, c: Any) -> bool:
    """Whether conjunct ``c`` of cue ``w`` is really the reported clause with a coordinated
    subject that the parser split: "said [the Clintons]obj and [the foundation had been careful]conj"
    — the object right before the "and", no comma between them."""
    cc = min(s.children(c.id, "cc"), key=lambda x: x.id)
    objs = [o for o in s.children(w.id, "obj") if w.id < o.id < cc.id]
    return bool(objs) and max(s.ids(objs[-1].id)) == cc.id - 1 and s.word(cc.id).text.lower() == "and"


def _clause_on_own_noun(s: Tree, w: Any) -> Any | None:
    """The reported clause the parser hung on a noun of cue ``w``'s own phrase ("announced in a
    statement this month [that S]" with the clause an ``acl`` of "month"): a that-clause with a
    subject, directly after that noun, on a noun that takes no clause of its own."""
    for n in s.children(w.id, "obl", "obl:tmod", "obl:npmod", "nmod", "nmod:tmod"):
        if n.id < w.id or n.upos not in ("NOUN", "PROPN"):
            continue
        if word_cue(n) is not None:
            continue  # "said the claim [that S]": the claim's own content
        for c in s.children(n.id, "acl"):
            m = s.mark(c.id)
            if m is None or not has_role(m, "complementizer") or m.id != max(s.ids(n.id) - s.ids(c.id)) + 1:
                continue
            if _clause_subject(s, c):
                return c
    return None


def _clause_subject(s: Tree, c: Any) -> bool:
    """Whether clause head ``c`` has a subject, also one the parser hung on its auxiliary
    ("he would “never” diagnose" with "he" under "would")."""
    heads = {c.id} | {a.id for a in s.children(c.id, "aux", "aux:pass", "cop")}
    return any(s.children(h, *SUBJECTS, "nsubj:pass", "expl") for h in heads)


#: Relations of a reported clause the parser hung on a word above its cue.
_ABOVE_RELATIONS = ("ccomp", "advcl", "parataxis", "dep", "acl")


def _participle_conjunct(w: Any) -> tuple[str, ...]:
    """``("conj",)`` for a participle cue, whose clause the parser may join to the verb the
    participle hangs on ("rejected the offer, saying [the proposal would cut wages]" with "cut" a
    conjunct of "rejected"), else nothing."""
    return ("conj",) if w.xpos == "VBG" else ()


def _misattached_clause(s: Tree, w: Any) -> Any | None:
    """The reported clause that the parser hung on a word above cue ``w`` although it follows the
    cue's own words directly: "issued a statement saying [it would appeal]" with the clause attached
    to "issued", "repeated accusations [that S]" with the clause attached to "repeated"."""
    if s.children(w.id, "ccomp", "csubj:pass"):
        return None
    end = max(s.ids(w.id))
    anc, climbed = w, 0
    while anc.head and climbed < 2:
        anc = s.word(anc.head)
        climbed += 1
        cue = word_cue(anc)
        if cue is not None and "ccomp" in cue.frames:
            return None  # the clause is the higher cue's own ("said in a statement that S")
        for c in s.children(anc.id):
            if c.deprel.split(":")[0] not in _ABOVE_RELATIONS + _participle_conjunct(w) or c.id <= end:
                continue  # "a builder who said [he was underpaid]" with the clause a second relative
            if min(s.ids(c.id)) != end + 1 or c.upos not in ("VERB", "AUX", "ADJ", "NOUN", "PROPN", "PRON"):
                continue
            m = s.mark(c.id)
            if m is not None and not has_role(m, "complementizer"):
                continue
            if (m is None or c.deprel.startswith("acl")) and not _clause_subject(s, c):
                continue
            return c
        if anc.deprel.split(":")[0] not in ("obj", "acl", "nsubj"):
            break
    return None


def _after_quotation(s: Tree, w: Any) -> bool:
    """Whether cue ``w`` follows a closing quotation mark in its sentence ("…," she said)."""
    return any(x.text in closing_marks() and x.upos == "PUNCT" for x in s.words[: w.id - 1]) and any(
        x.text in opening_marks() for x in s.words[: w.id - 1])
