"""Indirect and mixed quotations from the dependency parse: one candidate per cue verb or cue
phrase and its content.

Which dependents hold the content is decided in :mod:`quoteattr.attribution.frames`, who speaks
in :mod:`quoteattr.attribution.subjects`, the headline and transcript quotes in
:mod:`quoteattr.attribution.layout`; the candidates are built by ``_content``.

Reported speech hangs on a cue from the lexicon (``quoteattr/data/cues.tsv``
and ``cue_phrases.tsv``); which dependents of the cue hold the content is
given by the cue's *frames*:

- ``ccomp``: ``X said (that) S`` — the complement clause, also under a
  participle (``…, adding that S``) or a passive (``it was announced that S``);
- ``parataxis``: ``S, X said.`` — the clause the cue hangs on;
- ``xcomp``: ``X vowed to V``; ``objxcomp``: ``X urged Y to V``;
  ``of``: ``X accused Y of V-ing``; ``as``: ``X described Y as Z``;
  ``obj``: ``X called Y Z`` / ``X denied Y`` (in the passive ``Y was reported by X``,
  and ``Y, opposed by X``); prepositional frames ``for``/``with``/``about``/``on``/
  ``against``/``to``/``at``/``from``/``over`` (``X lashed out at Y``), the object running on
  over the modifiers the parser hung on the cue (``discussed [his commitment] [to veterans]``);
- ``raising``: ``X seems to V`` / ``X seems like Y`` — the writer's judgement without a source, X
  part of what seems (and ``it seems that S``); a person or group X is the speaker when the
  predicate is a cue itself (``X seems to agree``);
- adjectives predicated of the speaker: ``X is confident that S``, ``X is eager to V``;
- phrases with a speaker slot (``cue_phrases.tsv``): ``according to X, S`` /
  ``S, according to X`` / ``in X's view`` / ``as X put it``.

The compact parser mislabels clauses, so it degrades gracefully: a
clause-like dependent (one with its own subject or a ``that``) under a
``ccomp`` cue counts even when it is labelled ``obj``, ``xcomp``, ``advcl``,
``parataxis``, ``acl`` or ``dep``; ``S, said X`` is recognised when the cue
hangs on the clause before it; when no clause is found at all, the words
after a speech verb are read as its complement.  Function words that decide
these rules (complementizers, relative pronouns, time words…) are in
``data/clause_words.tsv`` (:func:`quoteattr.lexicon.clause_words.clause_words`).

Speakers are the cue's subject noun phrase (``quoteattr.attribution.speakers.mention_span``),
the agent of a passive (``by X``), the subject of the verb a participle or
infinitive hangs on (``…, adding that S``; ``X was quoted as saying S``), or
the noun a relative clause modifies (``officials who said S``).

>>> import quoteattr
>>> doc = quoteattr.extract("The mayor said that the bridge would reopen in May.")
>>> [(q.kind, q.content, q.speaker.text) for q in doc.quotes]
[('indirect', 'the bridge would reopen in May', 'The mayor')]
"""

from __future__ import annotations

from typing import Any, Sequence

import attrs

from ..lexicon.clause_words import role_words
from ..lexicon.cues import EVIDENCE_CLASSES, SPEECH_CLASSES, clause_cue, guessed_cue, lookup, phrases_from, word_cue
from ..model import Candidate, Span
from ..parsing.tree import Tree, word_span
from ._clauses import (
    FINITE_TAGS, PASSIVE_SUBJECTS, RELATIVE_TAGS, SUBJECTS, comma_before, has_role, hearer_verb, match_phrase, negated_report, reduced_clause,
    reports_own_clause,
)
from ._content import cue_span, inside_quotation, make_candidate, speaker_span
from .frames import NOUN_FRAMES, complements
from .layout import layout_quotes
from .quotations import Quotation, has_line_break, line_end, line_start, quotation_index
from ..lexicon.marks import closing_marks, quote_marks
from ..lexicon.people import honorifics
from .speakers import mention_span
from .subjects import agent_of, cue_subject, participle_holder, raising_speaker

__all__ = ["indirect_quotes"]


def _own_clause(s: Tree, w: Any) -> set[int] | None:
    """The word ids of the finite clause that verb ``w``, not in the cue lexicon, reports
    ("Officials conceded [that the plan had failed]"), or ``None``: the verb needs a subject
    that is not a dummy "it", and the clause must follow it as its ``ccomp`` with a subject
    of its own and no mark other than a complementizer."""
    subj = s.children(w.id, "nsubj")
    if not subj or has_role(subj[0], "expletive") or has_role(subj[0], "relative"):
        return None
    for c in s.children(w.id, "ccomp"):
        own = s.children(c.id, "nsubj", "nsubj:pass", "csubj", "expl")
        if c.id < w.id or not own or has_role(own[0], "relative"):
            continue  # "angered Lena Fisk, [who said S]" is no clause of "angered"
        if any(n.upos == "NOUN" and w.id < n.id < c.id and "ccomp" in getattr(word_cue(n), "frames", ())
               for n in s.children(w.id, "obj", "obl")):
            continue  # "seized on Trump's [claim] that S": the clause is the claim's
        m = s.mark(c.id)
        if m is not None and not has_role(m, "complementizer"):
            continue
        return s.ids(c.id)
    return None


def _without_other_reports(s: Tree, ids: set[int], cue: Any) -> set[int]:
    """``ids`` without the clauses of other cues with their own subject hanging inside them
    ("S1 — no different, he said, from S2" / "S1. He says S2" run together): those are
    reports of their own when set off by a comma or a dash; one that is not goes on with
    the clause it hangs on ("said the fares would rise [if the owners announce a sale]")."""
    out = set(ids)
    for x in s.words:
        if x.id not in ids or x.id == cue.id or x.deprel.split(":")[0] not in ("advcl", "conj", "parataxis"):
            continue
        if x.head not in ids or word_cue(x) is None or x.upos not in ("VERB",):
            continue
        m = s.mark(x.id)
        if m is not None and has_role(m, "adverbial"):
            continue  # "said S because Republicans had asked …": the reason is part of what was said
        if m is not None and has_role(m, "complementizer") and (x.deprel.startswith("conj") or s.children(x.id, "cc")):
            continue  # "said S1 but [that] S2": a second clause of the same report (also hung as an advcl)
        if x.deprel.startswith("parataxis") or s.children(x.id, *SUBJECTS) and comma_before(s, x, True) or (
                x.deprel.startswith("conj") and x.head != cue.id and reports_own_clause(s, x)) \
                or _conjoined_with_cue(s, x, cue):  # "… and warned that S2"
            out -= s.ids(x.id)
    return out


def _acting_cue(s: Tree, w: Any) -> Any:
    """The cue whose speaker also speaks cue ``w``: the cue ``w`` is conjoined with across that
    cue's content ("the mayor said the port will reopen and [praised] the workers": the mayor
    praised), else ``w`` itself."""
    up = s.word(w.head) if w.head else None
    while up is not None:
        if up.id != w.id and word_cue(up) is not None and _conjoined_with_cue(s, w, up):
            return up
        up = s.word(up.head) if up.head else None
    return w


def _conjoined_with_cue(s: Tree, x: Any, cue: Any) -> bool:
    """Whether cue verb ``x``, hung as a conjunct inside the content of ``cue``, is the speaker's
    second act rather than part of what was said: a finite verb in the cue's own tense where
    the verb it is joined to has another form ("said he would [review] the rules and [warned]
    against delays")."""
    return x.deprel.startswith("conj") and x.xpos in FINITE_TAGS and x.xpos == cue.xpos \
        and s.word(x.head).xpos != x.xpos and not s.children(x.id, *SUBJECTS, *PASSIVE_SUBJECTS)


def _without_speaker_before_cue(s: Tree, ids: set[int], w: Any, speaker: Span | None) -> set[int]:
    """Content ``ids`` of cue ``w`` without the speaker's phrase between them and the cue: from the
    speaker mention on ("S,” Ana Ruiz, one of the owners suing the council, said"), or, when the
    parser found no subject, the words after the quotation that ends the content and its comma
    ('“S,” Ana Ruiz, 82, said'), unless they hold a finite verb."""
    cue_at = word_span(w)[0]
    if speaker is not None and speaker.start < cue_at and any(word_span(s.word(y))[0] < speaker.start for y in ids):
        return {y for y in ids if not speaker.start <= word_span(s.word(y))[0] < cue_at}
    if speaker is not None or not ids or max(ids) > w.id:
        return ids
    closing = [y for y in sorted(ids) if s.word(y).text in closing_marks() and s.word(y).upos == "PUNCT"
               and y + 1 in ids and s.word(y + 1).text == "," or s.word(y).text == "," and y + 1 in ids
               and s.word(y + 1).text in closing_marks()]
    if not closing:
        return ids
    tail = {y for y in ids if y > closing[-1] + 1}
    if not tail or any(s.word(y).xpos in FINITE_TAGS for y in tail):
        return ids
    return ids - tail


#: Tags of a question word opening an embedded question (what, how, why).
_WH_WORDS = (*RELATIVE_TAGS, "WRB")


def _extracted_relative(s: Tree, w: Any, head: Any | None, ids: set[int]) -> Any | None:
    """The relative pronoun that cue ``w`` of a relative clause reports a part of: "a sentence,
    [which] I said was not fair", "[what] aides called a fresh start", "[which] he plans to do".
    The pronoun stands before the cue's subject ``head``, as a dependent of the cue or as the
    head of a free relative the cue modifies; ``None`` when the pronoun is the speaker itself
    ("officials who said S"), when the cue heads no relative clause, and when the content
    ``ids`` opens with a complementizer of its own ("which they argued [that] S": S is whole)."""
    if head is None or not w.deprel.startswith("acl") or not ids:
        return None
    first = s.word(min(ids))
    if first.deprel == "mark" and has_role(first, "complementizer"):
        return None
    found = [c for c in s.children(w.id) if c.xpos in RELATIVE_TAGS and c.id < head.id]
    if w.head and w.head < head.id and s.word(w.head).xpos in RELATIVE_TAGS:
        found.append(s.word(w.head))
    return min(found, key=lambda c: c.id) if found else None


def _from_relative(text: str, cand: Candidate, rel: Any) -> Candidate:
    """``cand`` with the relative pronoun ``rel`` of its relative-clause cue as the first piece
    of its content, the speaker and cue between left out: "a sentence, [which] I said [was not
    fair]" (the pronoun stands for what the clause leaves out, as PolNeAR marks it)."""
    start, end = word_span(rel)
    if end > cand.start:
        return cand
    return attrs.evolve(cand, start=start, content_spans=(Span.of(text, start, end), *cand.content_spans))


#: Marks that set a parenthetical cue off the clause it interrupts ("S1, he said, S2").
_SET_OFF_AFTER = (",", "\u2014", "\u2013")


def _without_front_of_plain_cue(text: str, cand: Candidate, quotations: Sequence[Quotation]) -> Candidate:
    """``cand`` (a ``ccomp`` report) without the pieces before its cue when the cue is not set
    off as a parenthetical: "[In a statement on Monday], Cruz said he is certain S" and "[where
    Biden grew up], the vice president said S" report S only, while "After all, she added,
    S" keeps its front ("After all" is part of what she said)."""
    cue = cand.cue
    if cue is None or len(cand.content_spans) < 2 or cand.content_spans[0].end > cue.start:
        return cand
    rest = [sp for sp in cand.content_spans if sp.start >= cue.end]
    if not rest or len(rest) == len(cand.content_spans):
        return cand
    if text[cue.end : rest[0].start].rstrip(" \t\n\"'\u201c\u201d\u2018\u2019").endswith(_SET_OFF_AFTER):
        return cand
    start, end = rest[0].start, rest[-1].end
    kind = "mixed" if quotation_index(quotations).top_overlaps(start, end) else "indirect"
    return attrs.evolve(cand, kind=kind, start=start, content_spans=tuple(rest))


#: Most words a hearer phrase misread as part of the reported clause may have.
_HEARER_WORDS = 12


def _without_hearer(s: Tree, ids: set[int], w: Any) -> set[int]:
    """Content ``ids`` of hearer verb ``w`` without its hearer when the parser took it into the
    clause: "told [the crowd in Salem on Monday] that S", "tells [MSNBC's “Morning Joe”] that
    S". The hearer is what stands between the cue and the clause's "that": a phrase with no verb,
    pronoun subject or relative pronoun of its own ("told [he knows] that …" is a clause)."""
    after = sorted(y for y in ids if y > w.id)
    mark = next((y for y in after if s.word(y).deprel == "mark" and has_role(s.word(y), "complementizer")
                 and not has_role(s.word(y), "kept-mark")), None)  # "that", not "whether"
    if mark is None or min(ids) < w.id:
        return ids
    front = [s.word(y) for y in after if y < mark]
    words = [x for x in front if x.upos != "PUNCT"]
    if not words or len(words) > _HEARER_WORDS or any(
            x.upos in ("VERB", "AUX", "PRON") and not (x is words[-1] and x.upos == "VERB") or x.xpos in RELATIVE_TAGS
            for x in words):
        return ids  # (the noun before "that" may be misread as a verb: "told the crowd/VBD that S")
    return ids - {x.id for x in front}


def _verb_candidates(text: str, s: Tree, quotations: Sequence[Quotation],
                     used: frozenset[int] | set[int] = frozenset()) -> list[Candidate]:
    out = []
    for w in s.words:
        if w.id in used:
            continue  # the verb of a cue phrase ("as X pointed out")
        cue = word_cue(w)
        own = None
        if cue is None:
            cue = clause_cue(w)
            own = _own_clause(s, w) if cue is not None else None
            if own is None:
                continue
        ws, we = word_span(w)
        if inside_quotation(ws, quotations):
            continue
        bare = not s.children(w.id, "aux", "aux:pass", *SUBJECTS, *PASSIVE_SUBJECTS)
        opens = w.id == next((x.id for x in s.words if x.upos != "PUNCT"), 0)
        asking = (w.lemma or "").lower() in role_words("asking-verb")
        agent = agent_of(s, w) if w.xpos == "VBN" and w.deprel == "acl" and w.head and w.head < w.id else None
        reporters = bare and agent is None and (w.xpos == "VBN" or opens and w.xpos == "VBD" and asking) \
            and w.deprel.split(":")[0] in ("advcl", "acl", "root", "parataxis", "conj")
        holder = participle_holder(s, w) if reporters and not asking else None
        if holder is not None:  # "[nations] worried about Y": the participle of the noun's own stance
            reporters = False
        if reporters and not asking:
            continue  # "Known as X, …": no report
        comps = complements(s, w, cue) if own is None else [(own, "ccomp")]
        if holder is not None:  # "[the chief], known as Bob": a name given to the noun, not its report
            comps = [(ids, frame) for ids, frame in comps if frame != "as"]
        if reporters:  # "Asked about the vote, …": only the reporter's question, whoever asked it
            comps = _embedded_questions(s, w)
        if agent is not None and not comps and cue.frames & NOUN_FRAMES:
            # "the bill, opposed by House Republicans, …": the noun the participle hangs on
            comps = [(s.ids(w.head) - s.ids(w.id), "obj")]
        negated = negated_report(s, w, _says)
        clauses = [ids for ids, frame in comps if frame == "ccomp"]
        if len(clauses) > 1:  # "said S1 and that S2" is one report
            comps = [(set().union(*clauses), "ccomp")] + [(i, f) for i, f in comps if f != "ccomp"]
        for ids, frame in comps:
            ids = _without_other_reports(s, ids, w)
            head = cue_subject(s, _acting_cue(s, w)) if frame != "raising" else raising_speaker(s, w)
            if head is None and holder is not None:
                head = holder  # "[banks] asked about it declined to comment"
            if reporters:
                head = None  # the reporter asked, not the subject who answers
            elif frame == "evidential":
                head = _evidential_source(s, w)  # "X reportedly V": X's source, when the sentence names it
            if head is None and frame == "obj" and not s.children(w.id, "aux:pass"):
                continue  # "Call it viral fundraising."
            if head is not None and head.id in ids:
                if head.id < w.id < head.head:  # a subject the parser hung on the clause after the cue
                    ids = {y for y in ids if y > w.id}
                elif _speaker_clause_before(s, w, head, ids):
                    ids = {y for y in ids if y > w.id}
                else:
                    head = None
            speaker = speaker_span(text, s, head)
            if head is not None and head.head == w.id:
                # "Phil Smith, a spokesman for X, said": the misparsed appositions are subjects too
                for other in s.children(w.id, *SUBJECTS):
                    if other.id != head.id and other.id not in ids and other.id < w.id and speaker is not None:
                        a, b = mention_span(s, other.id)
                        lo, hi = (b, speaker.start) if b <= speaker.start else (speaker.end, a)
                        if any(x.upos != "PUNCT" for x in s.words if lo <= word_span(x)[0] < hi):
                            continue  # not an apposition next to the speaker
                        if a < speaker.start:
                            head = other if other.upos == "PROPN" or head.upos != "PROPN" else head
                        speaker = Span.of(text, min(a, speaker.start), max(b, speaker.end)) if speaker else None
            ids = _without_speaker_before_cue(s, ids, w, speaker)
            if frame == "ccomp" and hearer_verb(w):
                ids = _without_hearer(s, ids, w)
            cand = make_candidate(text, s, ids - {w.id}, cue_span(text, s, w), speaker, head, quotations,
                                  cue.class_of(frame), frame, negated)
            if cand is not None:
                if frame == "ccomp":
                    cand = _without_front_of_plain_cue(text, cand, quotations)
                rel = _extracted_relative(s, w, head, ids - {w.id})
                out.append(_from_relative(text, cand, rel) if rel is not None else cand)
    return out


def _evidential_source(s: Tree, w: Any) -> Any | None:
    """The source the sentence names for evidential adverb ``w`` ("allegedly", "reportedly"): the
    agent of the passive it modifies ("X was allegedly targeted [by] the party") or the subject of a
    report cue after it in the same sentence ("X allegedly sent Y, [the Post] reported"); ``None``
    otherwise (the source is unnamed)."""
    if not w.head:
        return None
    verb = s.word(w.head)
    if s.children(verb.id, "aux:pass"):
        return agent_of(s, verb)
    for r in s.words:
        cue = word_cue(r)
        if r.id > verb.id and r.upos == "VERB" and cue is not None and cue.cls in EVIDENCE_CLASSES \
                and r.deprel.split(":")[0] in ("parataxis", "root") and (r.head == verb.id or r.head == 0):
            subj = [x for x in s.children(r.id, *SUBJECTS) if x.upos in ("NOUN", "PROPN")]
            if subj:
                return subj[0]
    return None


def _speaker_clause_before(s: Tree, w: Any, head: Any, ids: set[int]) -> bool:
    """Whether the words of content ``ids`` before cue ``w`` are all one clausal dependent of the cue
    that holds its speaker ``head``, a noun phrase the parser read as a clause ("[those surveyed] said S",
    "[people close to him] said S": no conjunction, auxiliary or copula), with content after the cue."""
    before = {y for y in ids if y < w.id}
    if not any(y > w.id and s.word(y).upos != "PUNCT" for y in ids):
        return False
    for c in s.children(w.id, "ccomp", "advcl", "csubj"):
        sub = s.ids(c.id)
        if c.id < w.id and head.id in sub and before <= sub and max(sub) < w.id:
            return reduced_clause(s, c)
    return False


#: Relations of an embedded wh-question the parser hangs on a bare participle of asking.
_QUESTION_RELATIONS = ("ccomp", "advcl", "obj", "xcomp", "dep")


def _embedded_questions(s: Tree, w: Any) -> list[tuple[set[int], str]]:
    """The embedded questions of a bare participle of asking ("Asked [if the port would close],
    the mayor said no", "Asked [why the fares rose], she blamed fuel"): its dependents after it
    opened by "if", "whether" or a question word ("how", "why", "what"), each as a ``ccomp``
    content (what the reporter asked; the clause it is set off from is the answer)."""
    out = []
    for c in s.children(w.id):
        if c.id < w.id or c.deprel.split(":")[0] not in _QUESTION_RELATIONS:
            continue
        m = s.mark(c.id)
        ids = s.ids(c.id)
        first = next((s.word(y) for y in sorted(ids) if s.word(y).upos != "PUNCT"), None)
        if m is None and first is not None and first.id > 1 and s.word(first.id - 1).head == w.id \
                and s.word(first.id - 1).xpos in _WH_WORDS:
            first = s.word(first.id - 1)  # "Asked [why] the fares rose" with "why" hung on "Asked"
            ids = ids | {first.id}
        opener = m if m is not None else first
        if opener is None or not (has_role(opener, "question") or has_role(opener, "kept-mark")):
            continue
        if m is not None and c.deprel.split(":")[0] in ("ccomp", "advcl") or m is None and opener.xpos in _WH_WORDS:
            out.append((ids, "ccomp"))
    return out


def _says(word: Any) -> bool:
    """Whether ``word`` is a cue of words said or written ("comment", "say", "testify")."""
    cue = word_cue(word)
    return cue is not None and cue.cls in SPEECH_CLASSES


def _phrase_content(s: Tree, ids: set[int]) -> set[int]:
    """The reported clause around a cue phrase: "According to X, S." / "S, according to X." /
    "S1, according to X, S2." (the part after the phrase only when it holds the main verb)."""
    lo, hi = min(ids), max(ids)
    before = {w.id for w in s.words if w.id < lo}
    after = {w.id for w in s.words if w.id > hi}
    if not [x for x in before if s.word(x).upos not in ("PUNCT", "CCONJ")]:
        return after
    root = next((w.id for w in s.words if w.head == 0), 0)
    if root in after or lo <= root <= hi:  # the parser may make the phrase's verb the root
        return before | after
    return before


def _slot_with_noun(s: Tree, ids: set[int], head: Any, clip: tuple[int, int]) -> tuple[Any, tuple[int, int]]:
    """The speaker of a cue phrase whose slot modifies the phrase's last word ("in [a harbour]
    survey": the speaker is the survey, "a harbour survey"), else ``head`` and ``clip`` as they
    are; a possessor stays the speaker ("in [the mayor]'s view")."""
    last = s.word(max(ids))
    if head is None or head.head != last.id or last.upos != "NOUN" or head.deprel.startswith("nmod:poss"):
        return head, clip
    return last, (clip[0], word_span(last)[1])


def _source_modifiers(s: Tree, head: Any, ids: set[int]) -> set[int]:
    """The participle phrases after cue phrase ``ids`` that describe its source ``head`` ("In a
    survey [released on Monday], S"): not what was reported."""
    if head is None:
        return set()
    out: set[int] = set()
    for c in s.children(head.id, "acl"):
        sub = s.ids(c.id)
        if c.id > max(ids) and c.xpos in ("VBN", "VBG") and not any(s.word(y).head == 0 for y in sub):
            out |= sub
    # "In a survey [released last Thursday], S": whatever of the source's phrase runs on after the
    # cue phrase up to the comma that opens the clause, a participle among it
    run = []
    y = max(ids) + 1
    source = s.ids(head.id)
    while y <= len(s.words) and y in source and s.word(y).head != 0 and s.word(y).text != ",":
        run.append(y)
        y += 1
    if run and y <= len(s.words) and s.word(y).text == "," and any(s.word(x).xpos in ("VBN", "VBG") for x in run):
        out |= set(run) | {y}
    return out | _participle_after_source(s, max(ids))


#: Most words of a participle phrase after a cue phrase's source ("[released last Thursday],").
_SOURCE_PARTICIPLE_WORDS = 12


def _participle_after_source(s: Tree, last: int) -> set[int]:
    """A participle phrase right after cue phrase words ending at ``last`` (a comma may stand
    between), up to the comma that opens the clause, however the parser hung it: "In a survey
    [released Monday], S" with "released" read as the main verb, "In the poll[, conducted in
    May,] S"."""
    y = last + 1
    if y <= len(s.words) and s.word(y).text == ",":
        y += 1
    if y > len(s.words) or s.word(y).xpos not in ("VBN", "VBD", "VBG") or s.word(y).upos != "VERB":
        return set()
    end = next((z for z in range(y, min(len(s.words), y + _SOURCE_PARTICIPLE_WORDS) + 1) if s.word(z).text == ","), None)
    if end is None or end == len(s.words) or not any(s.word(z).upos not in ("PUNCT",) for z in range(end + 1, len(s.words) + 1)):
        return set()
    return set(range(last + 1, end + 1))


def _phrase_candidates(text: str, s: Tree, quotations: Sequence[Quotation],
                       used: set[int] | None = None) -> list[Candidate]:
    """Candidates of the cue phrases in sentence ``s``; the ids of the words the phrases
    matched (the verb of "as X pointed out" among them) are added to ``used``."""
    out = []
    for i, w in enumerate(s.words):
        if inside_quotation(word_span(w)[0], quotations):
            continue
        for phrase in phrases_from(w.text.lower()):
            m = match_phrase(s, i, phrase)
            if m is None:
                continue
            ids, head, clip = m
            if used is not None:
                used |= {x for x in ids if s.word(x).upos in ("VERB", "AUX")}
            content = _phrase_content(s, ids)
            head, clip = _slot_with_noun(s, ids, head, clip)
            content -= _source_modifiers(s, head, ids)
            speaker = speaker_span(text, s, head, clip)
            cue_words = s.words[i : i + len(phrase.before)]
            cue = Span.of(text, word_span(cue_words[0])[0], word_span(cue_words[-1])[1])
            cand = make_candidate(text, s, content, cue, speaker, head, quotations, phrase.cls, "phrase")
            if cand is not None:
                out.append(cand)
    return out


#: Frames a headline cue's content may be read by, in order of preference.
_HEADLINE_FRAMES = ("for", "objxcomp", "xcomp", "ccomp", "obj")
#: Marks that set a label or an opening phrase off a headline's speaker ("The Latest: X urges …").
_HEADLINE_BREAKS = (":", ",", "—", "–")


def _headline_cue(w: Any) -> Any | None:
    """The cue of a headline's verb that the parser took for a noun ("Sanders [Vows] To V", "Trump
    [urges] supporters to V"): a present-tense form of a cue verb that takes a clause."""
    if w.upos not in ("NOUN", "PROPN") or not w.text.lower().endswith("s"):
        return None
    cue = guessed_cue(w.text)
    return cue if cue is not None and cue.frames & {*_HEADLINE_FRAMES, "parataxis"} else None


def _noun_phrase(words: Sequence[Any]) -> bool:
    """Whether headline ``words`` can be a speaker: nouns, names and capitalised words, no
    quotation marks."""
    return bool(words) and all((x.upos in ("NOUN", "PROPN", "ADJ", "NUM", "DET", "PUNCT") or x.text[:1].isupper())
                               and x.text not in quote_marks() for x in words)


def _may_open_object(cue: Any, word: Any) -> bool:
    """Whether ``word`` may open the object of a headline cue ("slams [the] levy", "calls [on] Y to
    V"): no adverb, and a preposition only when a frame of the cue is that preposition ("No quotes
    [at] all": no cue)."""
    return word.upos != "ADV" and (word.upos != "ADP" or word.text.lower() in cue.frames)


def _headline_reading(cue: Any, after: Sequence[Any]) -> str | None:
    """The frame of a headline cue followed by ``after``: "calls [for] Y", "urges Y [to] V",
    "vows [to] V", else "says S", else a stance on an object ("slams Y")."""
    first = after[0].text.lower()
    for f in _HEADLINE_FRAMES:
        if f in cue.frames and (f == "ccomp" or f == "obj" and _may_open_object(cue, after[0])
                                or f in ("for", "xcomp") and first == ("to" if f == "xcomp" else f)
                                or f == "objxcomp" and any(x.text.lower() == "to" for x in after[1:])):
            return f
    return None


def _after_subject(word: Any) -> bool:
    """Whether ``word``, right before a cue the tagger took for a noun in prose, can end the cue's
    subject ("The IMF [expects]", "Bloomberg [estimates]"), not a determiner, adjective or
    preposition of the noun ("these states", "in states")."""
    return word.upos in ("NOUN", "PROPN") or word.upos == "PRON" and not word.deprel.startswith("nmod:poss")


def _opens_content(cue: Any, word: Any) -> bool:
    """Whether ``word``, right after a headline cue the parser took for a noun, can open what the
    cue reports: no verb or punctuation, and a preposition only when a frame of the cue is that
    preposition ("hints [at] Y")."""
    if word.upos in ("VERB", "AUX", "PUNCT"):
        return False
    return word.upos != "ADP" or word.text.lower() in cue.frames


def _stands_as_verb(words: Sequence[Any], k: int, cue: Any, line: bool, finite_after: bool) -> bool:
    """Whether cue ``words[k]``, a noun to the tagger, stands where its verb would: on a line of its
    own without a finite verb, anywhere; before a finite verb (``finite_after``) or in prose (not
    ``line``), only with a word after it that opens what it reports; in prose, only as a lower-case
    noun right after its subject."""
    w = words[k]
    if not line and (w.upos != "NOUN" or w.text[:1].isupper() or not _after_subject(words[k - 1])):
        return False  # "the United [States] Court", "in [states] where": a name's word or a noun
    # "Attacks [in] Paris test …", "New remarks [suggest] …": a noun, the subject of a clause
    return not (finite_after or not line) or k + 1 < len(words) and _opens_content(cue, words[k + 1])


def _headline_candidates(text: str, s: Tree, quotations: Sequence[Quotation]) -> list[Candidate]:
    """A headline line without a finite verb of its parse before the cue the parser took for a noun:
    "Mayor Vows To End Harbour Fees", "Former port chief calls for a backup plan",
    "Poll finds mayor would win" (a finite verb only in what is reported, and the word after the
    cue no verb: :func:`_opens_content`), "Port To Reopen, Says Mayor", "Port Will Reopen, Mayor
    Says" (a cue after the clause: no finite verb in the line).  The same cue in a sentence of prose
    ("The survey finds most voters back the levy") is read as on a line of its own when it is a
    lower-case noun to the tagger right after its subject and before what it reports
    (:func:`_stands_as_verb`).  The speaker is the noun phrase next to the cue (after a label or an
    opening phrase set off by a colon or comma), the content the rest of the line (before the comma
    when the cue comes last)."""
    words = s.words
    start, end = word_span(words[0])[0], word_span(words[-1])[1]
    stop = line_end(text, end)
    line = not (text[line_start(text, start):start].strip() or text[end:stop if stop >= 0 else len(text)].strip())
    # a finite verb before the cue: the line was parsed as a clause ("Poll [finds] Clinton would
    # win" has its only finite verb in what is found)
    finite = next((k for k, w in enumerate(words) if w.xpos in FINITE_TAGS), len(words))
    if words[-1].upos == "PUNCT":
        words = words[:-1]
    for k, w in enumerate(words[:finite]):
        cue = _headline_cue(w)
        if cue is None or k == 0 or inside_quotation(word_span(w)[0], quotations):
            continue
        if not _stands_as_verb(words, k, cue, line, finite < len(s.words)):
            continue
        lead = max((j + 1 for j in range(k) if words[j].text in _HEADLINE_BREAKS), default=0)
        before, after = words[lead:k], words[k + 1:]
        if lead > 1 and "parataxis" in cue.frames and finite == len(s.words) and line \
                and (not before and _noun_phrase(after) or not after):
            # "S, Says X" / "S, X Says": the clause before the comma is what was said
            speaker_words, ids, frame = before or after, {x.id for x in words[:lead - 1]}, "parataxis"
        else:
            frame = _headline_reading(cue, after) if len(after) >= 2 else None
            if frame is None or not _noun_phrase(before):
                return []
            speaker_words = before
            ids = {x.id for x in after if not (frame == "for" and x is after[0])}
        if not _noun_phrase(speaker_words):
            return []
        nouns = [x for x in speaker_words if x.upos in ("NOUN", "PROPN")] or speaker_words
        speaker = Span.of(text, word_span(speaker_words[0])[0], word_span(speaker_words[-1])[1])
        cand = make_candidate(text, s, ids, cue_span(text, s, w), speaker, nouns[-1], quotations,
                              cue.class_of(frame), frame)
        return [cand] if cand is not None else []
    return []


#: Punctuation that ends the stretch of a sentence a content is carried on over (see
#: :func:`_across_title_break`).
_STRETCH_ENDS = (",", ";", ":", "—", "–", "-", "--", "(")


def _across_title_break(text: str, doc: Any, i: int, cand: Candidate) -> Candidate:
    """``cand`` carried on over the next sentence when its content ends in a title abbreviation
    that the tokenizer took for the end of sentence ``i`` ("rally behind Texas [Sen.] | Ted
    Cruz."): up to the first comma or dash of that sentence, or its end; not when a verb cue
    stands there ("…,'' [Ms.] | White said.": an attribution of its own) or a line break
    comes between."""
    if i + 1 >= len(doc.sentences) or not cand.content_spans:
        return cand
    last = cand.content_spans[-1]
    words = [w for w in doc.sentences[i].words if w.upos != "PUNCT"]
    if not words or word_span(words[-1])[1] != last.end or words[-1].text.rstrip(".").lower() not in honorifics() \
            or not text[last.end - 1 : last.end + 1].count("."):
        return cand
    after = doc.sentences[i + 1].words
    if not after or has_line_break(text[last.end : word_span(after[0])[0]]):
        return cand
    stretch = []
    for w in after:
        if w.upos == "PUNCT" and (w.text in _STRETCH_ENDS or w is after[-1]):
            break
        if w.upos == "VERB" and word_cue(w) is not None:
            return cand
        stretch.append(w)
    if not any(w.upos != "PUNCT" for w in stretch):
        return cand
    end = word_span(stretch[-1])[1]
    spans = (*cand.content_spans[:-1], Span.of(text, last.start, end))
    return attrs.evolve(cand, end=max(cand.end, end), content_spans=spans)


def indirect_quotes(doc: Any, quotations: Sequence[Quotation]) -> list[Candidate]:
    """Indirect (and mixed) quote candidates of a parsed document, in document order.

    One candidate per cue and content: the cue verb or phrase, the reported
    clause as content spans, the subject noun phrase as speaker.  Cues inside
    a quotation are left to the direct stage.
    """
    text = doc.text
    out: list[Candidate] = []
    seen: dict[tuple[tuple[int, int], ...], int] = {}
    for cand in layout_quotes(doc, quotations):
        seen[tuple((sp.start, sp.end) for sp in cand.content_spans)] = len(out)
        out.append(cand)
    for i, sentence in enumerate(doc.sentences):
        s = Tree.of(i, sentence)
        used: set[int] = set()
        phrased = _phrase_candidates(text, s, quotations, used)
        for cand in phrased + _verb_candidates(text, s, quotations, used) + _headline_candidates(text, s, quotations):
            cand = _across_title_break(text, doc, i, cand)
            key = tuple((sp.start, sp.end) for sp in cand.content_spans)
            if key in seen:
                old = out[seen[key]]
                if old.speaker is None and cand.speaker is not None:
                    out[seen[key]] = cand
                continue
            seen[key] = len(out)
            out.append(cand)
    return sorted(out, key=lambda c: (c.start, c.end))
