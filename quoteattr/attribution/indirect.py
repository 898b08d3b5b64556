"""Indirect and mixed quotations from the dependency parse.

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
- ``raising``: ``X seems to V`` / ``X seems like Y`` — a judgement without a source;
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

from typing import Any, Iterable, Sequence

import attrs
import regex

from ..lexicon.clause_words import clause_words
from ..lexicon.cues import PREPOSITION_FRAMES, Cue, CuePhrase, clause_cue, load_phrases, word_cue
from ..model import Candidate, Span
from ..parsing.tree import subtree, word_span
from .quotations import Quotation, opens_lower
from .speakers import mention_span

_SUBJECTS = ("nsubj", "nsubj:outer", "csubj")
_PASSIVE_SUBJECTS = ("nsubj:pass", "csubj:pass")
#: Labels the compact parser gives a complement clause by mistake.
_MISLABELS = ("xcomp", "obj", "advcl", "parataxis", "acl", "dep", "conj", "iobj", "obl")
#: Dependents after a speech cue read as its (misparsed) complement when no clause was found.
_FALLBACK = ("obj", "iobj", "nsubj", "advcl", "acl", "dep", "parataxis", "csubj", "xcomp", "conj")
#: Verb forms and parts of speech that can head a clause.
_CLAUSE_POS = ("VERB", "AUX", "ADJ", "NOUN", "PROPN", "PRON", "NUM", "ADV", "SYM")
_OPEN_MARKS = "“‘«\"'"
#: Punctuation that sets a parenthetical phrase off ("The law, critics say, …").
_SET_OFF = (",", "—", "–")
_CLOSE_MARKS = "”’»\"'"
_QUOTE_MARKS = set(_OPEN_MARKS + _CLOSE_MARKS)
#: Shortest content (in words) worth reporting: "X said so" is not a quote.
MIN_CONTENT_WORDS = 2


def _role(word: Any, role: str) -> bool:
    return (word.text or "").lower() in clause_words().get(role, frozenset())


def _hearer_verb(word: Any) -> bool:
    """Whether cue ``word``'s first object is its hearer (``told reporters``)."""
    return (word.lemma or "").lower() in clause_words().get("hearer-verb", frozenset())


# --------------------------------------------------------------------------- sentence view


@attrs.frozen
class _Sent:
    """A sentence with its dependents indexed (a read-only view over stanza)."""

    index: int
    sentence: Any
    words: tuple[Any, ...]
    kids: dict[int, tuple[Any, ...]]

    @classmethod
    def of(cls, index: int, sentence: Any) -> "_Sent":
        kids: dict[int, list[Any]] = {}
        for w in sentence.words:
            kids.setdefault(w.head, []).append(w)
        return cls(index, sentence, tuple(sentence.words), {k: tuple(v) for k, v in kids.items()})

    def word(self, wid: int) -> Any:
        return self.words[wid - 1]

    def children(self, wid: int, *rels: str) -> list[Any]:
        out = list(self.kids.get(wid, ()))
        if rels:
            out = [w for w in out if w.deprel in rels or w.deprel.split(":")[0] in rels]
        return out

    def ids(self, head_id: int, skip: Iterable[str] = ()) -> set[int]:
        return {w.id for w in subtree(self.sentence, head_id, skip=skip)}

    def mark(self, wid: int) -> Any | None:
        """The first ``mark`` of a clause (``that``, ``because``…)."""
        marks = self.children(wid, "mark")
        return marks[0] if marks else None


def _has_subject(s: _Sent, wid: int) -> bool:
    return bool(s.children(wid, "nsubj", "csubj", "expl"))


def _clause_like(s: _Sent, w: Any) -> bool:
    """A dependent that can be a reported clause even when mislabelled."""
    if w.upos not in _CLAUSE_POS:
        return False
    subj = s.children(w.id, "nsubj", "csubj", "nsubj:pass")
    if subj and _role(subj[0], "relative") and subj[0].upos == "PRON" and subj[0].id < w.id:
        return False  # "said Joseph, who has four children"
    m = s.mark(w.id)
    if m is not None:
        return _role(m, "complementizer")
    return _has_subject(s, w.id) and w.upos in ("VERB", "AUX", "ADJ") or bool(s.children(w.id, "cop"))


# --------------------------------------------------------------------------- content


def _content_spans(text: str, s: _Sent, ids: set[int]) -> tuple[Span, ...]:
    """Contiguous runs of the words ``ids`` as spans, trimmed of edge punctuation."""
    runs: list[list[Any]] = []
    prev = None
    for w in s.words:
        if w.id not in ids:
            prev = None
            continue
        if prev is None:
            runs.append([])
        runs[-1].append(w)
        prev = w.id
    out = []
    for run in runs:
        run = _trim_run(run)
        if not run:
            continue
        start, end = word_span(run[0])[0], word_span(run[-1])[1]
        start, end = _trim_chars(text, start, end)
        if end > start:
            out.append(Span.of(text, start, end))
    return tuple(out)


def _balanced_mark(run: list[Any], i: int) -> bool:
    """Whether the quotation mark ``run[i]`` has its partner inside ``run``."""
    mark = run[i].text
    others = [w.text for j, w in enumerate(run) if j != i and w.text in _QUOTE_MARKS]
    if mark in ('"', "'"):
        return mark in others
    return bool(others)


def _trim_run(run: list[Any]) -> list[Any]:
    while run and (run[0].upos == "PUNCT" or _role(run[0], "complementizer") and run[0].deprel == "mark"):
        if run[0].text in _OPEN_MARKS and _balanced_mark(run, 0):
            break
        run = run[1:]
    while run and run[-1].upos == "PUNCT":
        if run[-1].text in _CLOSE_MARKS and _balanced_mark(run, len(run) - 1):
            break
        run = run[:-1]
    return run


def _trim_chars(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-"):
        end -= 1
    return start, end


# --------------------------------------------------------------------------- speakers


def _can_speak(s: _Sent, w: Any) -> bool:
    """Whether word ``w`` can head a speaker noun phrase (not a misparsed "on Sunday", "in a turn")."""
    if w.upos not in ("NOUN", "PROPN", "PRON", "NUM", "X", "SYM") and not _role(w, "quantifier"):
        return False
    cases = s.children(w.id, "case")
    if cases and not any(c.text.lower() in ("'s", "’s") for c in cases) and not (
            w.deprel.startswith("nsubj") and all(_role(c, "adverbial") for c in cases)):
        return False  # "on Sunday"; but "shortly [after] Trump said" is a clause's subject
    return not _role(w, "time")


def _copular(s: _Sent, w: Any) -> bool:
    """Whether ``w`` is a predicate with a copula ("it is clear that S")."""
    return bool(s.children(w.id, "cop")) or w.upos == "ADJ"


def _speaker_word(s: _Sent, w: Any, depth: int = 0) -> Any | None:
    """The head word of the noun phrase that utters cue ``w`` (``None`` if unknown)."""
    if w.upos in ("NOUN", "PROPN"):  # "the minister's claim that S", "a claim by the minister that S"
        poss = [c for c in s.children(w.id, "nmod:poss") if not _role(c, "expletive")]
        if poss:
            return poss[0]
        by = [c for c in s.children(w.id, "nmod") if any(_role(k, "agent") or _role(k, "source")
                                                         for k in s.children(c.id, "case"))]
        if by:
            return by[0]
        # "the Trump claim that S", "a White House statement"
        named = [c for c in s.children(w.id, "compound") if c.upos == "PROPN" and c.id < w.id]
        if named:
            return named[0]
        # "X repeated accusations that S", "X issued a statement saying S", "X said in a
        # statement that S": the noun's owner is the subject of the verb that governs it
        if depth < 2 and w.head and (w.deprel == "obj" and s.word(w.head).upos == "VERB"
                                     or w.deprel.startswith("obl") and s.word(w.head).upos == "VERB"):
            return _speaker_word(s, s.word(w.head), depth + 1)
        return None
    if depth == 0 and not w.head and _inverted(s, w):
        return _after_speaker(s, w)  # "S, said X." with the cue made the root
    subj = [x for x in s.children(w.id, *_SUBJECTS) if _can_speak(s, x)]
    # a participle modifying a noun ("the bill, opposed by the union") is passive too
    passive = bool(s.children(w.id, "aux:pass", "csubj:pass")) or (w.xpos == "VBN" and w.deprel == "acl")
    if not passive:  # "…, BFMTV reported." with the subject labelled passive but no auxiliary
        subj = subj or [x for x in s.children(w.id, "nsubj:pass") if _can_speak(s, x)]
    if w.xpos == "VBG" and not s.children(w.id, "aux") and _comma_before(s, w):
        subj = [x for x in subj if x.id < w.id]  # "…, saying that [transparency] helps": the clause's own subject
    if subj and not passive:
        before = [x for x in subj if x.id < w.id]
        head = min(before or subj, key=lambda x: abs(x.id - w.id))
        if _role(head, "relative") and w.deprel.startswith("acl") and w.head:
            return s.word(w.head)
        # "it was announced", "there is": a dummy subject; but "It says S" (a report, a law) speaks
        if _role(head, "expletive") and head.upos == "PRON" and (
            head.deprel.startswith("expl") or head.text.lower() != "it" or _copular(s, w)
        ):
            return None
        return head
    if passive:
        agent = _agent(s, w)
        if agent is not None:
            return agent
        if depth == 0:
            return None
    if depth > 0 and passive:
        psubj = s.children(w.id, *_PASSIVE_SUBJECTS)
        if psubj and not _role(psubj[0], "expletive"):
            return psubj[0]
    if depth == 0 and _inverted(s, w):
        return _after_speaker(s, w)
    if depth == 0 and not passive:
        # a name mistagged as an adverb or modifier: "Shelby(ADV) later said S"
        named = [c for c in s.children(w.id, "advmod", "dep", "obl", "compound", "vocative", "discourse")
                 if c.id < w.id and c.text[:1].isupper() and c.upos in ("ADV", "X", "NOUN", "PROPN", "ADJ")
                 and not s.children(c.id, "case") and c.id == min(s.ids(c.id)) == 1]
        if named:
            return named[-1]
        # mid-sentence, a lone capitalised word right before the cue is a name whatever its tag:
        # "In a statement, Husted(VERB) said S"
        prev = s.word(w.id - 1) if w.id > 1 else None
        if prev is not None and prev.xpos == "MD" and w.xpos in ("VBD", "VBZ") and prev.text[:1].isupper() \
                and prev.head == w.id:
            return prev  # "May said S": no modal comes before a finite verb, so it is a name
        prev = prev if w.id > 2 else None
        if prev is not None and prev.head == w.id and prev.text[:1].isupper() and prev.text.isalpha() \
                and prev.upos not in ("PRON", "DET", "AUX", "CCONJ", "SCONJ", "ADP") \
                and s.word(prev.id - 1).upos == "PUNCT" and s.word(prev.id - 1).text not in _QUOTE_MARKS \
                and set(s.ids(prev.id)) == {prev.id}:
            return prev
    if depth == 0 and not passive and w.xpos in ("VBD", "VBZ", "VBP") and not s.children(w.id, "expl") \
            and w.deprel.split(":")[0] in ("root", "parataxis", "conj"):
        found = _bare_subject(s, w)
        if found is not None:
            return found
    if depth >= 3 or not w.head:
        return None
    rel = w.deprel.split(":")[0]
    head = s.word(w.head)
    if w.deprel.startswith("acl") and head.upos in ("NOUN", "PROPN", "PRON"):
        if word_cue(head) is not None:  # "X issued a statement saying S": the statement's owner
            return _speaker_word(s, head, depth + 1) or head
        return head
    if rel in ("xcomp", "advcl", "conj", "ccomp", "parataxis") and head.upos in ("VERB", "AUX", "ADJ", "NOUN", "ADV"):
        hung = (w.xpos == "VBG" and rel != "ccomp" and head.deprel.split(":")[0] in ("ccomp", "acl")
                or rel == "conj" and head.deprel.split(":")[0] in ("ccomp", "acl") and _reports(s, w))
        if hung and head.head:
            outer = s.word(head.head)
            if head.deprel.startswith("acl") and outer.deprel in ("obj", "iobj") and outer.head:
                outer = s.word(outer.head)  # "telling [a group] that S1 and says S2", the clause hung on the hearer
            if word_cue(outer) is not None and outer.upos in ("VERB", "NOUN"):
                # "X said [S], citing Y" / "X said [S] and warned that S2" with the second cue hung
                # on S: it is X who cites and warns
                return _speaker_word(s, outer, depth + 1)
        return _speaker_word(s, head, depth + 1)
    return None


def _is_agent(s: _Sent, w: Any) -> bool:
    """Whether oblique ``w`` is a by-phrase (the agent of a passive)."""
    return any(_role(c, "agent") for c in s.children(w.id, "case"))


def _agent(s: _Sent, w: Any) -> Any | None:
    """The agent of passive verb ``w`` (the head of its by-phrase), or ``None``."""
    return next((a for a in s.children(w.id, "obl") if _is_agent(s, a)), None)


def _bare_subject(s: _Sent, w: Any) -> Any | None:
    """The noun phrase right before finite cue ``w`` that the parser hung elsewhere, when the
    cue has no subject of its own: "… with the editorial board of the Post [Trump] said S" (a
    name run into the phrase before it), "Although S1, elected [officials] from both parties say
    S2" (the subject made a conjunct). A name stays itself; a common noun climbs to the head of
    its phrase over ``of``/``from`` modifiers."""
    prev = s.word(w.id - 1) if w.id > 1 else None
    if prev is None or prev.upos not in ("NOUN", "PROPN", "PRON"):
        return None
    if _role(prev, "relative") or _role(prev, "time") or _role(prev, "expletive"):
        return None
    head = prev
    if prev.upos == "NOUN":
        while head.head and head.deprel.split(":")[0] in ("nmod", "compound", "flat") and head.head < w.id:
            up = s.word(head.head)
            if up.upos not in ("NOUN", "PROPN"):
                break
            head = up
        return head if _can_speak(s, head) else None
    if prev.id > 1 and s.word(prev.id - 1).upos == "ADP":
        return None  # "officials in Ohio said": a place, not a speaker
    return prev


def _reports(s: _Sent, w: Any) -> bool:
    """Whether cue ``w`` has a reported clause of its own ("… and warned [that S]")."""
    return any(c.deprel.split(":")[0] == "ccomp" or (c.deprel.split(":")[0] in _MISLABELS and c.id > w.id
               and s.mark(c.id) is not None and _role(s.mark(c.id), "complementizer"))
               for c in s.children(w.id))


def _speaker_span(text: str, s: _Sent, head: Any | None, clip: tuple[int, int] | None = None) -> Span | None:
    if head is None:
        return None
    start, end = mention_span(s.sentence, head.id)
    if clip is not None:
        start, end = max(start, clip[0]), min(end, clip[1])
        if end <= start:
            start, end = word_span(head)
    return Span.of(text, start, end)


# --------------------------------------------------------------------------- frames


def _complements(s: _Sent, w: Any, cue: Cue) -> list[tuple[set[int], str]]:
    """The content word ids of cue ``w`` per frame, as ``(ids, frame)`` pairs."""
    frames = cue.frames
    out: list[tuple[set[int], str]] = []
    kids = s.children(w.id)
    taken: set[int] = set()
    noun = w.upos in ("NOUN", "PROPN")
    if "parataxis" in frames and _inverted(s, w):
        if not w.head:  # "S, said X." with the cue made the root: S is all before it
            return [({x.id for x in s.words if x.id < w.id}, "parataxis")]
        head = s.word(w.head)
        ids = s.ids(head.id) - s.ids(w.id)
        tail = {x for x in ids if x > w.id}
        if tail and not any(s.word(x).upos in ("VERB", "AUX") for x in tail):
            ids -= tail
        return [(ids, "parataxis")]
    if "raising" in frames:
        # "Republicans seem [to be] confident": the subject and its predicate are what seems
        for c in kids:
            m = s.mark(c.id)
            rel = c.deprel.split(":")[0]
            if c.id < w.id or rel not in ("xcomp", "ccomp", "obl", "advcl", "nmod"):
                continue
            if rel == "ccomp" and not (m is not None and _role(m, "complementizer")):
                continue
            if rel in ("obl", "advcl", "nmod") and not any(  # "seems like a fair idea", "as if S"
                    _role(k, "likeness") for k in s.children(c.id, "case", "mark")):
                continue
            if word_cue(c) is not None and s.children(c.id, "ccomp", "obj", "xcomp", "csubj:pass"):
                continue  # "appeared to suggest that S": the suggestion is the attribution
            ids = s.ids(c.id)
            for subj in s.children(w.id, *_SUBJECTS, "nsubj:pass"):
                if not _role(subj, "expletive"):
                    ids |= s.ids(subj.id)
            out.append((ids, "raising"))
        return out
    if "ccomp" in frames:
        for c in kids:
            rel = c.deprel.split(":")[0]
            m = s.mark(c.id)
            if m is not None and _role(m, "adverbial"):
                continue
            ok = False
            if rel == "ccomp" or (rel == "csubj" and c.deprel == "csubj:pass"):
                # "said [the goal was to win]" is a finite clause for all its "to"
                ok = m is None or not _role(m, "infinitive") or _clause_subject(s, c)
                if c.id > w.id and c.upos in ("NOUN", "PROPN") and m is None and not s.children(c.id, "cop") \
                        and not _clause_subject(s, c) and any(x.id < w.id for x in s.children(w.id, "ccomp")):
                    ok = False  # '"…!" said Ann Lee, [a senior aide]': the speaker's apposition
            elif noun:
                ok = rel in ("acl", "appos", "dep") and m is not None and _role(m, "complementizer")
            elif rel == "advcl" and c.id > w.id and m is not None and _role(m, "question") \
                    and (w.lemma or "").lower() in clause_words().get("asking-verb", frozenset()):
                ok = True  # "asked [if S]" hung as an adverbial clause
            elif rel in _MISLABELS and _clause_like(s, c):
                if rel == "parataxis":
                    ok = c.id > w.id or _starts_sentence(s, c)
                elif rel == "advcl" and c.id < w.id:
                    # "S, the BBC reported." with S hung on the cue as an adverbial clause
                    ok = m is None and _starts_sentence(s, c) and _cue_last(s, w) and any(
                        c.id < x.id < w.id and s.word(min(s.ids(x.id)) - 1).text == ","
                        for x in s.children(w.id, *_SUBJECTS))
                elif rel in ("conj", "obl", "iobj"):
                    ok = c.id > w.id and m is not None and _role(m, "complementizer")
                else:
                    ok = c.id > w.id
            if ok:
                ids = s.ids(c.id)
                # "S-subject, experts say, S-rest": a second subject before the cue belongs to the clause
                subj = sorted(s.children(w.id, *_SUBJECTS), key=lambda x: abs(x.id - w.id))
                if not s.children(c.id, "nsubj", "nsubj:pass", "csubj", "expl") and c.id > w.id:
                    parenthetical = w.id < len(s.words) and s.word(w.id + 1).text in _SET_OFF
                    for extra in subj[1:]:
                        # before the cue only when it is set off ("The law, critics say, will …"), not
                        # "Mr. Trump said S" or "Ann Lee, a delegate, said S" (name and apposition);
                        # after it, "said [his attacks] have worked"
                        if extra.id < w.id and parenthetical or w.id < extra.id < c.id:
                            ids |= s.ids(extra.id)
                    for o in s.children(w.id, "obj", "iobj"):
                        if w.id < o.id < c.id and not (_hearer_verb(w) and o.upos in ("PRON", "PROPN")):
                            ids |= s.ids(o.id)  # "said [fathers]obj would not be eligible"
                for r in s.children(w.id, "advcl"):
                    rm = s.mark(r.id)
                    if r.id > max(ids) and rm is not None and _role(rm, "reason"):
                        ids |= s.ids(r.id)  # "said [S] [because S2]": the reason is part of what was said
                out.append((ids, "ccomp"))
                taken.add(c.id)
    if "ccomp" in frames and not out and not noun:
        adopted = _clause_on_own_noun(s, w)
        if adopted is not None:
            out.append((s.ids(adopted.id), "ccomp"))
            taken.add(adopted.id)
    if "ccomp" in frames and not out:
        adopted = _misattached_clause(s, w)
        if adopted is not None:
            out.append((s.ids(adopted.id), "ccomp"))
            taken.add(adopted.id)
    obj = [c for c in kids if c.deprel in ("obj", "iobj") and c.id > w.id and c.id not in taken]
    if not obj and not noun and not out and s.children(w.id, "aux:pass") and not any(
            c.id > w.id and c.upos == "VERB" and word_cue(c) is not None for c in kids):
        # "The meeting was first reported by Politico": the passive subject is what was reported
        # (but in "was quoted as saying S" the subject speaks through the participle)
        obj = [c for c in s.children(w.id, "nsubj:pass") if c.id < w.id and not _role(c, "relative")
               and not _role(c, "expletive")][:1]
    if not obj and not noun:
        # "announced on Friday [the arrest] of …": an object after an adverbial, parsed as an obl
        obj = [c for c in kids if c.deprel == "obl" and c.id > w.id and c.id not in taken
               and c.upos in ("NOUN", "PROPN") and not s.children(c.id, "case") and not _role(c, "time")][:1]
    if "xcomp" in frames or "objxcomp" in frames:
        for c in kids:
            if c.id in taken or c.id < w.id:
                continue
            if "xcomp" not in frames and not [o for o in obj if o.id < c.id]:
                continue  # "asked to be named" is not "asked Y to V"
            m = s.mark(c.id)
            if c.deprel == "xcomp" or (
                c.deprel.split(":")[0] in ("advcl", "ccomp", "acl") and m is not None and _role(m, "infinitive")
            ):
                if c.upos not in ("VERB", "AUX") and not s.children(c.id, "cop"):
                    continue
                if m is None or not _role(m, "infinitive"):
                    continue  # "told a gathering …" is no "told Y to V"
                ids = s.ids(c.id)
                for o in obj:
                    if o.id < c.id:
                        ids |= s.ids(o.id)
                out.append((ids, "xcomp"))
                taken.add(c.id)
    for frame in PREPOSITION_FRAMES:
        if frame not in frames:
            continue
        # the phrase may hang on the cue or, misattached, on its object ("accused [the board of V-ing]")
        pool = kids + [k for o in obj for k in s.children(o.id) if k.deprel.split(":")[0] in ("acl", "nmod", "advcl")]
        for c in pool:
            if c.id in taken or c.id < w.id:
                continue
            prep = [k for k in s.children(c.id, "case", "mark") if k.text.lower() == frame]
            if not prep:
                continue
            ids = s.ids(c.id)
            objs = [o for o in obj if o.id < c.id]
            if frame == "about" and _hearer_verb(w):
                objs = []  # "asked [the mayor] about the closure": the hearer, not the topic
            # "distanced [herself] from the plan": a reflexive object is the speaker again
            objs = [o for o in objs if not _role(o, "reflexive")]
            if any(c.id in s.ids(o.id) for o in objs):
                ids = set()
            if objs:
                for o in objs:
                    ids |= s.ids(o.id)
            elif frame != "as" and frame != "with":
                ids -= {p.id for p in prep}
            out.append((ids, frame))
            taken.add(c.id)
    if "obj" in frames and not out:
        for o in obj[:1]:
            ids = s.ids(o.id)
            second = False
            for c in kids:
                if (c.deprel == "xcomp" or c.deprel == "obj" and c is not o) and c.id > o.id:
                    ids |= s.ids(c.id)
                    second = True
            second = second or bool(s.children(o.id, "nmod:unmarked", "appos", "xcomp")) or any(
                # "called half of his supporters “deplorables”": the quoted name hangs lower down
                s.word(x).deprel in ("appos", "nmod:unmarked") and x > 1 and s.word(x - 1).text in _QUOTE_MARKS
                for x in s.ids(o.id) if x != o.id)
            if w.lemma == "call" and not second:
                continue  # "call Y" alone is not "call Y Z"
            out.append((ids, "obj"))
    # a participial cue of its own (", noting that S") is not this cue's content
    kids = [c for c in kids if not (c.id > w.id and c.deprel.split(":")[0] in ("advcl", "xcomp", "conj", "dep")
                                    and c.xpos == "VBG" and word_cue(c) is not None
                                    and not s.children(c.id, *_SUBJECTS))]
    has_subject_before = any(c.id < w.id for c in s.children(w.id, *_SUBJECTS))
    if not has_subject_before and w.deprel.startswith("conj") and w.head and not s.children(w.id, "nsubj:pass"):
        # "Democrats described Y, and said [the panel might be damaged]": the first verb's subject
        has_subject_before = any(c.id < w.head for c in s.children(w.head, *_SUBJECTS))
    if w.deprel.startswith("parataxis") and w.head and w.head < w.id and "parataxis" in frames:
        has_subject_before = False  # "S, he said, and …": S is the report, not what follows
    if "ccomp" in frames and not out and not noun and has_subject_before and not _after_quotation(s, w):
        first_after = min((x.id for x in kids if x.id > w.id), default=0)

        def marked_off(c: Any) -> bool:
            """An adverbial clause, unless a reason after the first dependent ("said S because S2")."""
            m = s.mark(c.id)
            return m is not None and not _role(m, "complementizer") and not (
                _role(m, "reason") and c.id > first_after)

        after = [c for c in kids if c.id > w.id and c.deprel.split(":")[0] in _FALLBACK
                 and not marked_off(c)
                 and not s.children(c.id, "case")
                 and not (c.deprel.startswith("conj") and s.children(c.id, *_SUBJECTS, "nsubj:pass")
                          and s.children(c.id, "cc") and not _joins_subjects(s, w, c))
                 and not (c.deprel.startswith("conj") and word_cue(c) is not None and _reports(s, c))]
        if after:
            first = after[0]
            if first.deprel in ("obj", "iobj") and first.upos in ("PRON", "PROPN") and len(after) > 1 \
                    and _hearer_verb(w):
                after = after[1:]
            ids = set().union(*(s.ids(c.id) for c in after))
            if len([x for x in ids if s.word(x).upos != "PUNCT"]) >= 3 and s.word(min(ids)).upos not in ("ADP",):
                out.append((ids, "fallback"))
    out = [(_with_tail(s, w, ids) if frame in _NOUN_FRAMES else ids, frame) for ids, frame in out]
    if "parataxis" in frames and not out and not w.head and all(
            c.deprel == "punct" or c.id < w.id for c in s.children(w.id)):
        # "S, X says." with the cue made the root and S's subject taken for a second subject
        subj = sorted((c for c in s.children(w.id, *_SUBJECTS) if c.id < w.id), key=lambda c: c.id)
        if len(subj) >= 2:
            near = min(x for x in s.ids(subj[-1].id) | {subj[-1].id} if s.word(x).upos != "PUNCT")
            comma = near - 1 if near > 1 and s.word(near - 1).text in _SET_OFF else None
            if comma is not None and max(s.ids(subj[0].id) - {comma}) < comma:
                return [({x.id for x in s.words if x.id < comma}, "parataxis")]
    if "parataxis" in frames and not out and w.head:
        head = s.word(w.head)
        rel = w.deprel.split(":")[0]
        m = s.mark(w.id)
        cue_last = _cue_last(s, w)
        ok = False
        if rel == "parataxis":
            ok = True
        elif rel in ("advcl", "conj", "ccomp", "dep") and head.id < w.id and cue_last:
            # "S, X said." misparsed: the cue follows the clause, after a comma, with nothing of its own
            ok = (m is None or (m.text.lower() == "as")) and _comma_before(s, w)
            if rel == "ccomp":
                ok = ok and s.children(w.id, *_SUBJECTS) != []
        elif rel == "acl" and head.id < w.id and cue_last and m is None:
            # "They were headed to Cairo, the news site reported." with the cue hung on "Cairo"
            subj = s.children(w.id, "nsubj", "nsubj:pass")
            first = min(x for x in s.ids(w.id) if s.word(x).upos != "PUNCT")
            if subj and not _role(subj[0], "relative") and subj[0].id < w.id and not s.children(w.id, "obj") \
                    and s.word(first - 1).text == ",":
                ids = {x.id for x in s.words if x.id < first - 1}
                out.append((ids, "parataxis"))
                return out
        elif rel in ("advcl", "dep") and head.id > w.id and cue_last and m is None:
            # "The report, Jones argues, is flawed." with the cue hung on the clause as an adverbial
            ok = _comma_before(s, w) and _comma_after(s, w) and s.children(w.id, *_SUBJECTS) != []
        if ok and head.upos in _CLAUSE_POS:
            ids = s.ids(head.id) - s.ids(w.id)
            # '"…," said Ann Lee, a lawyer.': a verbless stretch after the cue is the speaker's
            # misattached apposition, not more of what was said
            tail = {x for x in ids if x > w.id}
            if tail and not any(s.word(x).upos in ("VERB", "AUX") for x in tail):
                ids -= tail
            if not s.children(head.id, *_SUBJECTS, "nsubj:pass", "expl"):
                # "The new law, critics say, will hurt farmers": the farther subject is the clause's
                subj = sorted(s.children(w.id, *_SUBJECTS), key=lambda x: abs(x.id - w.id))
                for extra in subj[1:]:
                    if extra.id < w.id:
                        ids |= s.ids(extra.id)
            out.append((ids, "parataxis"))
    return out


#: Frames whose content is a noun phrase the parser may have cut short.
_NOUN_FRAMES = frozenset({"obj", *PREPOSITION_FRAMES} - {"as"})
#: Relations of the cue's dependents that may carry on its noun-phrase content.
_TAIL_RELATIONS = ("obl", "advcl", "acl", "nmod", "xcomp", "obj")


def _with_tail(s: _Sent, w: Any, ids: set[int]) -> set[int]:
    """``ids`` extended over the dependents of cue ``w`` that the parser hung on the cue although
    they carry on the noun phrase it reports: "discussed [his commitment] [to improving care]",
    "mocked [Romney] [for not releasing his returns]". Each must follow what is taken so far
    directly (or after a comma); times, circumstances (``during the debate``), a passive's
    agent, reports of their own and parenthetical cues stop it."""
    if not ids:
        return ids
    out = set(ids)
    for c in sorted(s.children(w.id), key=lambda c: c.id):
        if c.id < max(out) or c.id in out:
            continue
        rel = c.deprel.split(":")[0]
        if rel not in _TAIL_RELATIONS or _role(c, "time") or c.deprel.endswith("tmod"):
            break
        if _is_agent(s, c):
            break  # the agent of a passive is the speaker
        links = s.children(c.id, "case", "mark")
        if any(_role(x, "time") for x in links):
            break
        if links and _role(links[0], "circumstance"):
            break  # "attacked Machado [during the debate]": the circumstances, not the object
        if word_cue(c) is not None or s.children(c.id, *_SUBJECTS, "nsubj:pass"):
            break
        sub = s.ids(c.id)
        gap = [x for x in range(max(out) + 1, min(sub)) if x not in out]
        if any(s.word(x).text != "," for x in gap):
            break
        out |= sub
    return out


def _joins_subjects(s: _Sent, w: Any, c: Any) -> bool:
    """Whether conjunct ``c`` of cue ``w`` is really the reported clause with a coordinated
    subject that the parser split: "said [the Clintons]obj and [the foundation had been careful]conj"
    — the object right before the "and", no comma between them."""
    cc = min(s.children(c.id, "cc"), key=lambda x: x.id)
    objs = [o for o in s.children(w.id, "obj") if w.id < o.id < cc.id]
    return bool(objs) and max(s.ids(objs[-1].id)) == cc.id - 1 and s.word(cc.id).text.lower() == "and"


def _clause_on_own_noun(s: _Sent, w: Any) -> Any | None:
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
            if m is None or not _role(m, "complementizer") or m.id != max(s.ids(n.id) - s.ids(c.id)) + 1:
                continue
            if _clause_subject(s, c):
                return c
    return None


def _clause_subject(s: _Sent, c: Any) -> bool:
    """Whether clause head ``c`` has a subject, also one the parser hung on its auxiliary
    ("he would “never” diagnose" with "he" under "would")."""
    heads = {c.id} | {a.id for a in s.children(c.id, "aux", "aux:pass", "cop")}
    return any(s.children(h, *_SUBJECTS, "nsubj:pass", "expl") for h in heads)


def _misattached_clause(s: _Sent, w: Any) -> Any | None:
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
            if c.deprel.split(":")[0] not in ("ccomp", "advcl", "parataxis", "dep", "acl") or c.id <= end:
                continue  # "an architect who said [he was stiffed]" with the clause a second relative
            if min(s.ids(c.id)) != end + 1 or c.upos not in ("VERB", "AUX", "ADJ", "NOUN", "PROPN", "PRON"):
                continue
            m = s.mark(c.id)
            if m is not None and not _role(m, "complementizer"):
                continue
            if (m is None or c.deprel.startswith("acl")) and not _clause_subject(s, c):
                continue
            return c
        if anc.deprel.split(":")[0] not in ("obj", "acl", "nsubj"):
            break
    return None


def _after_quotation(s: _Sent, w: Any) -> bool:
    """Whether cue ``w`` follows a closing quotation mark in its sentence ("…," she said)."""
    return any(x.text in _CLOSE_MARKS and x.upos == "PUNCT" for x in s.words[: w.id - 1]) and any(
        x.text in _OPEN_MARKS for x in s.words[: w.id - 1])


def _inverted(s: _Sent, w: Any) -> bool:
    """'S, said X.' misparsed: the cue hangs on the clause before it, after a comma, with no
    subject of its own before it and its speaker after it."""
    if w.head > w.id or w.id < 3 or w.xpos == "VBG":  # ", citing X" is no inversion
        return False
    before = [c for c in s.children(w.id, *_SUBJECTS) if c.id < w.id]
    if before and (w.head or max(x for x in s.ids(before[-1].id) if s.word(x).upos != "PUNCT") >= w.id - 1):
        return False  # a subject of its own; but a root cue may have taken the clause's subject
    if not w.head and not (before and any(c.id < w.id for c in s.children(w.id, "ccomp", "parataxis"))):
        return False  # a root cue inverts only after a clause of its own ("S, said X"), not "Ramos, 58, told"
    if s.word(w.id - 1).text not in _SET_OFF and not (
            s.word(w.id - 1).text in _CLOSE_MARKS and s.word(w.id - 2).text in (",", "?", "!")):
        return False
    return _after_speaker(s, w) is not None


def _after_speaker(s: _Sent, w: Any) -> Any | None:
    """The noun right after an inverted cue ('…, said Ann Lee')."""
    nxt = [c for c in s.children(w.id) if c.id > w.id and c.upos in ("NOUN", "PROPN", "PRON")
           and c.deprel.split(":")[0] in ("nsubj", "iobj", "obj", "ccomp", "appos", "dep", "xcomp", "obl")
           and not s.children(c.id, "case") and not _role(c, "time")]
    if not nxt:
        return None
    first = min(nxt, key=lambda c: c.id)
    words_between = [x for x in s.words if w.id < x.id < min(s.ids(first.id))]
    if not all(x.upos in ("ADV", "PUNCT") for x in words_between):
        return None
    # the speaker ends its clause: "…, said Ann Lee." / "…, said Ann Lee, a lawyer …"
    core = s.ids(first.id, skip=("acl", "relcl", "appos", "ccomp", "xcomp", "advcl", "conj", "parataxis", "dep"))
    end = max(core)
    if end == len(s.words) or s.word(end + 1).upos == "PUNCT":
        return first
    # "…, said one source [in the room]": only the cue's own adverbials may follow the speaker
    tail = set(range(end + 1, len(s.words) + 1))
    own = set().union(*(s.ids(c.id) for c in s.children(w.id, "obl", "obl:tmod", "advmod", "punct") if c.id > end))
    return first if tail <= own | {x for x in tail if s.word(x).upos == "PUNCT"} else None


def _starts_sentence(s: _Sent, c: Any) -> bool:
    """Whether the clause headed by ``c`` opens its sentence (after marks and conjunctions)."""
    first = min(s.ids(c.id))
    return all(s.word(x).upos in ("PUNCT", "CCONJ") for x in range(1, first))


def _cue_last(s: _Sent, w: Any) -> bool:
    """Whether nothing but adverbials (and a late subject) follows cue ``w`` in its own phrase."""
    return not [c for c in s.children(w.id) if c.id > w.id and c.deprel not in (
        "punct", "obl", "advmod", "nsubj", "obl:tmod", "nmod:tmod", "compound:prt", "iobj", "obj", "advcl")]


def _comma_before(s: _Sent, w: Any) -> bool:
    """Whether a comma or dash separates cue ``w``'s clause from what precedes it."""
    first = min(s.ids(w.id))
    for wid in range(first - 1, 0, -1):
        t = s.word(wid).text
        if t in (",", "—", "–", "--", ";", ":"):
            return True
        if t in _QUOTE_MARKS:
            continue
        return False
    return False


def _comma_after(s: _Sent, w: Any) -> bool:
    """Whether a comma or dash closes cue ``w``'s clause off from what follows it."""
    last = max(s.ids(w.id)) + 1
    return last <= len(s.words) and s.word(last).text in (",", "—", "–", "--")


def _cue_span(text: str, s: _Sent, w: Any) -> Span:
    start, end = word_span(w)
    for c in s.children(w.id, "compound:prt"):
        if c.id == w.id + 1:
            end = word_span(c)[1]
    return Span.of(text, start, end)


def _inside_quotation(offset: int, quotations: Sequence[Quotation]) -> bool:
    return any(q.start < offset < q.end for q in quotations)


def _make(text: str, s: _Sent, ids: set[int], cue: Span, speaker: Span | None,
          head: Any | None, quotations: Sequence[Quotation], cue_class: str | None = None) -> Candidate | None:
    words = [w for w in s.words if w.id in ids and w.upos != "PUNCT"]
    if len(words) < MIN_CONTENT_WORDS and not (len(words) == 1 and words[0].upos == "PROPN"):
        # a lone name is content enough for a stance ("has endorsed Trump")
        return None
    spans = _content_spans(text, s, ids)
    if not spans:
        return None
    spans = _cover_quotations(text, s, spans, quotations)
    start, end = spans[0].start, spans[-1].end
    if speaker is not None and any(sp.overlap(speaker) for sp in spans):
        return None
    kind = "mixed" if any(q.start < end and q.end > start for q in quotations if q.depth == 0) else "indirect"
    return Candidate(kind, start, end, spans, cue, speaker, (s.index, head.id) if head is not None else None, s.index,
                     cue_class)


def _cover_quotations(text: str, s: _Sent, spans: tuple[Span, ...], quotations: Sequence[Quotation]) -> tuple[Span, ...]:
    """Stretch the content's edges over quotations it cuts in the middle (same sentence only)."""
    s0 = word_span(s.words[0])[0]
    s1 = word_span(s.words[-1])[1] + 1
    first, last = spans[0], spans[-1]
    for q in quotations:
        if q.depth:
            continue
        if q.start < first.start < q.end and q.start >= s0 and q.end <= last.end:
            first = Span.of(text, q.start, first.end if first is not last else last.end)
        # a quotation the content ends in may run on over the next sentences of the paragraph
        # ('said that “ethanol people” “do a fantastic job. And it’s so important.”')
        runs_on = q.end <= s1 or "\n" not in text[s1 : q.end]
        if q.start < last.end < q.end and runs_on and q.start >= first.start:
            last = Span.of(text, last.start if first is not last else first.start, q.end)
        elif last.end <= q.start and not text[last.end : q.start].strip() and q.end <= s1:
            last = Span.of(text, last.start if first is not last else first.start, q.end)  # to make Apple “…”
    if len(spans) == 1:
        return (Span.of(text, min(first.start, last.start), max(first.end, last.end)),)
    return (first, *spans[1:-1], last)


def _own_clause(s: _Sent, w: Any) -> set[int] | None:
    """The word ids of the finite clause that verb ``w``, not in the cue lexicon, reports
    ("Officials conceded [that the plan had failed]"), or ``None``: the verb needs a subject
    that is not a dummy "it", and the clause must follow it as its ``ccomp`` with a subject
    of its own and no mark other than a complementizer."""
    subj = s.children(w.id, "nsubj")
    if not subj or _role(subj[0], "expletive") or _role(subj[0], "relative"):
        return None
    for c in s.children(w.id, "ccomp"):
        own = s.children(c.id, "nsubj", "nsubj:pass", "csubj", "expl")
        if c.id < w.id or not own or _role(own[0], "relative"):
            continue  # "angered Lena Fisk, [who said S]" is no clause of "angered"
        if any(n.upos == "NOUN" and w.id < n.id < c.id and "ccomp" in getattr(word_cue(n), "frames", ())
               for n in s.children(w.id, "obj", "obl")):
            continue  # "seized on Trump's [claim] that S": the clause is the claim's
        m = s.mark(c.id)
        if m is not None and not _role(m, "complementizer"):
            continue
        return s.ids(c.id)
    return None


def _without_other_reports(s: _Sent, ids: set[int], cue: Any) -> set[int]:
    """``ids`` without the clauses of other cues with their own subject hanging inside them
    ("S1 — no different, he said, from S2" / "S1. He says S2" run together): those are
    reports of their own."""
    out = set(ids)
    for x in s.words:
        if x.id not in ids or x.id == cue.id or x.deprel.split(":")[0] not in ("advcl", "conj", "parataxis"):
            continue
        if x.head not in ids or word_cue(x) is None or x.upos not in ("VERB",):
            continue
        m = s.mark(x.id)
        if m is not None and _role(m, "adverbial"):
            continue  # "said S because Republicans had asked …": the reason is part of what was said
        if x.deprel.startswith("parataxis") or s.children(x.id, *_SUBJECTS) or (
                x.deprel.startswith("conj") and x.head != cue.id and _reports(s, x)):  # "… and warned that S2"
            out -= s.ids(x.id)
    return out


def _verb_candidates(text: str, s: _Sent, quotations: Sequence[Quotation],
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
        if _inside_quotation(ws, quotations):
            continue
        bare = not s.children(w.id, "aux", "aux:pass", *_SUBJECTS, *_PASSIVE_SUBJECTS)
        opens = w.id == next((x.id for x in s.words if x.upos != "PUNCT"), 0)
        asking = (w.lemma or "").lower() in clause_words().get("asking-verb", frozenset())
        agent = _agent(s, w) if w.xpos == "VBN" and w.deprel == "acl" and w.head and w.head < w.id else None
        if bare and agent is None and (w.xpos == "VBN" or opens and w.xpos == "VBD" and asking) \
                and w.deprel.split(":")[0] in ("advcl", "acl", "root", "parataxis", "conj"):
            continue  # "Asked about the vote, …": the reporter's question, not a report
        comps = _complements(s, w, cue) if own is None else [(own, "ccomp")]
        if agent is not None and not comps and cue.frames & _NOUN_FRAMES:
            # "the bill, opposed by House Republicans, …": the noun the participle hangs on
            comps = [(s.ids(w.head) - s.ids(w.id), "obj")]
        clauses = [ids for ids, frame in comps if frame == "ccomp"]
        if len(clauses) > 1:  # "said S1 and that S2" is one report
            comps = [(set().union(*clauses), "ccomp")] + [(i, f) for i, f in comps if f != "ccomp"]
        for ids, frame in comps:
            ids = _without_other_reports(s, ids, w)
            head = _speaker_word(s, w) if frame != "raising" else None
            if head is None and frame == "obj" and not s.children(w.id, "aux:pass"):
                continue  # "Call it viral fundraising."
            if head is not None and head.id in ids:
                head = None
            speaker = _speaker_span(text, s, head)
            if head is not None and head.head == w.id:
                # "Phil Smith, a spokesman for X, said": the misparsed appositions are subjects too
                for other in s.children(w.id, *_SUBJECTS):
                    if other.id != head.id and other.id not in ids and other.id < w.id and speaker is not None:
                        a, b = mention_span(s.sentence, other.id)
                        lo, hi = (b, speaker.start) if b <= speaker.start else (speaker.end, a)
                        if any(x.upos != "PUNCT" for x in s.words if lo <= word_span(x)[0] < hi):
                            continue  # not an apposition next to the speaker
                        if a < speaker.start:
                            head = other if other.upos == "PROPN" or head.upos != "PROPN" else head
                        speaker = Span.of(text, min(a, speaker.start), max(b, speaker.end)) if speaker else None
            cand = _make(text, s, ids - {w.id}, _cue_span(text, s, w), speaker, head, quotations, cue.cls)
            if cand is not None:
                out.append(cand)
    return out


def _match_phrase(s: _Sent, i: int, phrase: CuePhrase) -> tuple[set[int], Any, tuple[int, int]] | None:
    """Match ``phrase`` at word index ``i``: (phrase word ids, speaker head, speaker char clip)."""
    words = s.words
    n = len(phrase.before)
    if i + n > len(words) or [w.text.lower() for w in words[i : i + n]] != list(phrase.before):
        return None
    slot_start = i + n
    if phrase.after[:1] == ("'s",) and slot_start < len(words) and words[slot_start].deprel == "nmod:poss" \
            and words[slot_start].upos == "PRON":
        # "in her view" for "in X 's view"
        k = len(phrase.after) - 1
        rest = [w.text.lower() for w in words[slot_start + 1 : slot_start + 1 + k]]
        if rest == list(phrase.after[1:]):
            head = words[slot_start]
            return {w.id for w in words[i : slot_start + 1 + k]}, head, word_span(head)
    if phrase.after:
        k = len(phrase.after)
        for j in range(slot_start + 1, min(len(words) - k + 1, slot_start + 12)):
            if [w.text.lower() for w in words[j : j + k]] == list(phrase.after):
                slot = words[slot_start:j]
                if any(w.upos in ("PUNCT", "VERB") for w in slot):
                    return None
                slot_ids = {w.id for w in slot}
                heads = [w for w in slot if w.head not in slot_ids] or slot
                head = next((w for w in heads if w.upos in ("NOUN", "PROPN", "PRON")), heads[-1])
                ids = {w.id for w in words[i : j + k]}
                clip = (word_span(slot[0])[0], word_span(slot[-1])[1])
                return ids, head, clip
        return None
    if slot_start >= len(words):
        return None
    # the speaker is the noun phrase the phrase's words attach to
    cands = [words[i].head, words[i + n - 1].head]
    head = None
    for h in cands:
        if h and h > slot_start and s.word(h).upos in ("NOUN", "PROPN", "PRON", "NUM", "X"):
            head = s.word(h)
            break
    if head is None:
        for w in words[slot_start : slot_start + 8]:
            if w.upos in ("NOUN", "PROPN", "PRON"):
                head = w
                if s.word(w.head).upos not in ("NOUN", "PROPN") or w.head < w.id:
                    break
        if head is None:
            return None
    ids = {w.id for w in words[i:slot_start]} | (s.ids(head.id, skip=("acl", "relcl", "parataxis", "ccomp", "conj", "cc", "advcl", "appos")) - set(range(1, i + 1)))
    last = max(ids)
    ids = set(range(i + 1, last + 1))
    clip = (word_span(words[slot_start])[0], word_span(s.word(last))[1])
    return ids, head, clip


def _phrase_content(s: _Sent, ids: set[int]) -> set[int]:
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


def _phrase_candidates(text: str, s: _Sent, quotations: Sequence[Quotation],
                       used: set[int] | None = None) -> list[Candidate]:
    """Candidates of the cue phrases in sentence ``s``; the ids of the words the phrases
    matched (the verb of "as X pointed out" among them) are added to ``used``."""
    out = []
    for i, w in enumerate(s.words):
        if _inside_quotation(word_span(w)[0], quotations):
            continue
        for phrase in load_phrases():
            if not phrase.before or w.text.lower() != phrase.before[0]:
                continue
            m = _match_phrase(s, i, phrase)
            if m is None:
                continue
            ids, head, clip = m
            if used is not None:
                used |= {x for x in ids if s.word(x).upos in ("VERB", "AUX")}
            content = _phrase_content(s, ids)
            speaker = _speaker_span(text, s, head, clip)
            cue_words = s.words[i : i + len(phrase.before)]
            cue = Span.of(text, word_span(cue_words[0])[0], word_span(cue_words[-1])[1])
            cand = _make(text, s, content, cue, speaker, head, quotations, phrase.cls)
            if cand is not None:
                out.append(cand)
    return out


def _headline_candidates(text: str, doc: Any, quotations: Sequence[Quotation]) -> list[Candidate]:
    """A headline in the form "Speaker: what they said" (the document's first line).

    The part before the colon must be a short noun phrase (no verb, capitalised,
    not a label such as "Update" or "Watch" from ``clause_words.tsv``), the part
    after it at least three words; the colon is the cue.
    """
    line_end = text.find("\n")
    if line_end < 0:
        return []
    words = [(i, w) for i, sent in enumerate(doc.sentences) for w in sent.words
             if word_span(w)[1] <= line_end]
    colon = next((k for k, (_, w) in enumerate(words) if w.text == ":"), None)
    if colon is None or not 1 <= colon <= 6:
        return []
    before = [w for _, w in words[:colon]]
    after = [w for _, w in words[colon + 1 :] if w.upos != "PUNCT"]
    if len(after) < 3 or not before[0].text[:1].isupper():
        return []
    if any(w.upos in ("VERB", "AUX", "ADP", "SCONJ") or w.text in _QUOTE_MARKS or w.text in ",;?!" for w in before):
        return []
    if any(_role(w, "headline-label") for w in before) or _inside_quotation(word_span(before[0])[0], quotations):
        return []
    nouns = [w for w in before if w.upos in ("NOUN", "PROPN", "PRON")]
    if not nouns:
        return []
    ids = {w.id for w in before}
    heads = [w for w in nouns if w.head not in ids] or nouns
    head = heads[-1]
    si = words[colon][0]
    if any(i != si for i, _ in words[:colon]):
        return []
    speaker = Span.of(text, word_span(before[0])[0], word_span(before[-1])[1])
    cue = Span.of(text, *word_span(words[colon][1]))
    start, end = _trim_chars(text, cue.end, line_end)
    while end > start and text[end - 1] in ".!?" and text[end - 2 : end - 1] not in _CLOSE_MARKS:
        end -= 1
    if end <= start:
        return []
    spans = (Span.of(text, start, end),)
    kind = "mixed" if any(q.start >= start and q.end <= end + 1 for q in quotations if q.depth == 0) else "indirect"
    return [Candidate(kind, start, end, spans, cue, speaker, (si, head.id), si, "speech")]


#: A speaker label opening a transcript line: "TAPPER: …", "SEN. LINDSEY GRAHAM: …" (capitals),
#: or "Matthews: …" in a document where two lines or more open with a label.
_CAPS_LABEL = regex.compile(r"(?m)^[ \t]*(\p{Lu}[\p{Lu}\p{M}.'’\- ]{1,38}\p{Lu}\.?)[ \t]*:[ \t]+(?=\S)")
_NAME_LABEL = regex.compile(r"(?m)^[ \t]*(\p{Lu}[\p{L}.'’\-]*(?: \p{Lu}[\p{L}.'’\-]*){0,3})[ \t]*:[ \t]+(?=\S)")


def _transcript_candidates(text: str, doc: Any, quotations: Sequence[Quotation]) -> list[Candidate]:
    """Lines of a transcript: what follows a speaker's label at the start of a line is theirs,
    to the end of the line ("PENCE: Well, look, …"). The document's first line is a headline
    (see :func:`_headline_candidates`)."""
    first_line = text.find("\n")
    if first_line < 0:
        return []
    tags = clause_words().get("headline-label", frozenset())

    def usable(m: Any) -> bool:
        label = m.group(1)
        return m.start() > first_line and sum(ch.isalpha() for ch in label) >= 2 \
            and not any(w.lower().strip(".") in tags for w in label.split()) \
            and not _inside_quotation(m.start(1), quotations)

    found = {m.start(1): m for m in _CAPS_LABEL.finditer(text) if usable(m)}
    mixed_case = {m.start(1): m for m in _NAME_LABEL.finditer(text) if usable(m)}
    if len(found) + len(mixed_case.keys() - found.keys()) >= 2:  # a transcript: mixed-case labels too
        found.update({k: m for k, m in mixed_case.items() if k not in found})
    if len(found) < 2 and not any(m.group(1).isupper() for m in found.values()):
        return []
    words = [(i, w) for i, sent in enumerate(doc.sentences) for w in sent.words]
    out = []
    for start_label, m in sorted(found.items()):
        label = m.group(1)
        end_line = text.find("\n", m.end())
        start, end = _trim_chars(text, m.end(), len(text) if end_line < 0 else end_line)
        inside = [(i, w) for i, w in words if start_label <= word_span(w)[0] < m.start(1) + len(label)]
        names = [(i, w) for i, w in inside if w.upos in ("PROPN", "NOUN", "X")] or inside
        if end - start < 2 or not names:
            continue
        si, head = names[-1]
        spans = (Span.of(text, start, end),)
        colon = text.index(":", m.start(1) + len(label))
        kind = "mixed" if any(q.start >= start and q.end <= end + 1 for q in quotations if q.depth == 0) else "indirect"
        out.append(Candidate(kind, start, end, spans, Span.of(text, colon, colon + 1),
                             Span.of(text, start_label, start_label + len(label)), (si, head.id), si, "speech"))
    return out


def indirect_quotes(doc: Any, quotations: Sequence[Quotation]) -> list[Candidate]:
    """Indirect (and mixed) quote candidates of a parsed document, in document order.

    One candidate per cue and content: the cue verb or phrase, the reported
    clause as content spans, the subject noun phrase as speaker.  Cues inside
    a quotation are left to the direct stage.
    """
    text = doc.text
    out: list[Candidate] = []
    seen: dict[tuple[tuple[int, int], ...], int] = {}
    for cand in _headline_candidates(text, doc, quotations) + _transcript_candidates(text, doc, quotations):
        seen[tuple((sp.start, sp.end) for sp in cand.content_spans)] = len(out)
        out.append(cand)
    for i, sentence in enumerate(doc.sentences):
        s = _Sent.of(i, sentence)
        used: set[int] = set()
        phrased = _phrase_candidates(text, s, quotations, used)
        for cand in phrased + _verb_candidates(text, s, quotations, used):
            key = tuple((sp.start, sp.end) for sp in cand.content_spans)
            if key in seen:
                old = out[seen[key]]
                if old.speaker is None and cand.speaker is not None:
                    out[seen[key]] = cand
                continue
            seen[key] = len(out)
            out.append(cand)
    return sorted(out, key=lambda c: (c.start, c.end))


# --------------------------------------------------------------------------- combine


#: A quotation of at most this many words, without closing punctuation, is a fragment, not a quote.
FRAGMENT_WORDS = 3


def _fragment(c: Candidate) -> bool:
    """Whether direct candidate ``c`` is a short quoted phrase rather than a quoted utterance.

    >>> t = 'the “miracle cure” sold'
    >>> _fragment(Candidate("direct", 4, 18, [Span.of(t, 5, 17)]))
    True
    """
    said = " ".join(s.text for s in c.content_spans).strip()
    if not said or said[-1] in ".!?,;:…" or len(c.content_spans) > 1:
        return False
    return len(said.split()) <= FRAGMENT_WORDS


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def drop_nested(candidates: Sequence[Candidate]) -> list[Candidate]:
    """``candidates`` without the attributions nested in what another one reports: in
    "Aides said [the senator believes the bill is dead]" the belief is part of what the aides
    said, not a second quote. Each candidate whose cue lies inside the content of a candidate
    kept is dropped, outermost first; direct quotes are always kept.

    >>> from quoteattr.model import Candidate, Span
    >>> t = "Aides said the senator believes the bill is dead."
    >>> outer = Candidate("indirect", 11, 48, [Span.of(t, 11, 48)], cue=Span.of(t, 6, 10))
    >>> inner = Candidate("indirect", 32, 48, [Span.of(t, 32, 48)], cue=Span.of(t, 23, 31))
    >>> [c.cue.text for c in drop_nested([outer, inner])]
    ['said']
    """
    def inside(c: Candidate, o: Candidate) -> bool:
        return c.cue is not None and o is not c and any(s.start <= c.cue.start < s.end for s in o.content_spans)

    kept = [c for c in candidates if c.kind == "direct"]
    # outermost first: a candidate held by no other goes first, then what those do not hold
    for c in sorted(candidates, key=lambda c: sum(inside(c, o) for o in candidates)):
        if not any(c is k for k in kept) and not any(inside(c, k) for k in kept):
            kept.append(c)
    return [c for c in candidates if any(c is k for k in kept)]


def combine(
    direct: Sequence[Candidate],
    indirect: Sequence[Candidate],
    quotations: Sequence[Quotation] | None = None,
    text: str | None = None,
) -> list[Candidate]:
    """Merge direct and indirect candidates into one list in document order.

    - reported speech containing quoted fragments is ONE ``mixed`` candidate:
      the direct candidates inside its content are folded into it;
    - a direct candidate that covers an indirect one wins (and inherits its
      cue and speaker when it has none);
    - a report stops where another quote's cue starts inside it (``X accused
      Y of Z, calling it "…"``: the participle starts a quote of its own);
    - a mixed quote with no speaker takes the speaker its folded fragments
      found for the same cue;
    - given the document ``text``, a report also takes in the quoted fragments of
      its cue further on in its sentence ('called him a “liar” who is “amoral”');
    - a direct quote standing alone (no cue, no speaker: a floating quote) is
      kept for the resolve stage; short quoted phrases that no report holds
      and that have no cue and speaker of their own (scare quotes, titles)
      are dropped;
    - no duplicates.

    >>> from quoteattr.model import Candidate, Span
    >>> t = 'She vowed to "fight on" and win.'
    >>> d = Candidate("direct", 13, 23, [Span.of(t, 14, 22)])
    >>> i = Candidate("indirect", 10, 31, [Span.of(t, 10, 31)], cue=Span.of(t, 4, 9))
    >>> [(c.kind, c.start, c.end) for c in combine([d], [i])]
    [('mixed', 10, 31)]
    """
    directs = list(direct)
    cues = [c.cue for c in (*directs, *indirect) if c.cue is not None]
    indirect = [_cut_at_cues(c, cues) for c in indirect]
    # a report that runs into a direct quote of the same cue (not one holding
    # it as a fragment) is that quote seen again
    indirect = [
        c for c in indirect
        if c is not None
        and not any(
            d.cue is not None and d.cue == c.cue and d.start < c.end and c.start < d.end
            and not _holds(c, d)
            for d in directs
        )
    ]
    # a report whose speaker lies inside a direct quote of the same cue is that quote read
    # backwards ('"The lack of X is deplorable," said Ann Lee': "lack" is no speaker)
    indirect = [
        c for c in indirect
        if c.speaker is None or not any(
            d.cue is not None and d.cue == c.cue and any(sp.overlap(c.speaker) for sp in d.content_spans)
            for d in directs
        )
    ]
    folded: set[int] = set()
    inherit: dict[int, Candidate] = {}
    merged: list[Candidate] = []
    for cand in indirect:
        span = (cand.start, cand.end)
        # inside the quoted words themselves, not merely between two pieces of one quote
        # ('"…," Mr. Hedge said, referring to the resorts. "…"' is a report of its own)
        covering = [k for k, d in enumerate(directs) if d.start <= cand.start and cand.end <= d.end
                    and not any(a.end <= cand.start and cand.end <= b.start
                                for a, b in zip(d.content_spans, d.content_spans[1:]))]
        if covering:
            inherit.setdefault(covering[0], cand)
            continue
        inside = []
        for k, d in enumerate(directs):
            ov = _overlap(span, (d.start, d.end))
            if ov and (ov >= 0.5 * (d.end - d.start) or _holds(cand, d)):
                inside.append(k)
        # quoted fragments of the same cue further on in the sentence belong to this report:
        # 'called Trump a “pathological liar” who is “utterly amoral,” a “bully”'
        later = [k for k, d in enumerate(directs) if k not in inside and d.cue is not None and d.cue == cand.cue
                 and d.start >= cand.end and d.sentence == cand.sentence and opens_lower(d.content_spans)]
        if later and cand.content_spans and text is not None:
            end = max(directs[k].end for k in later)
            last = cand.content_spans[-1]
            own = [x.end for x in (cand.cue, cand.speaker) if x is not None and cand.end <= x.start < end]
            if own:  # 'Mills “got immunity,” Jordan said, and still “sat in”': a piece after the cue
                spans = (*cand.content_spans, Span.of(text, *_trim_chars(text, max(own), end)))
            else:
                spans = (*cand.content_spans[:-1], Span.of(text, last.start, end))
            cand = attrs.evolve(cand, end=end, content_spans=spans)
            inside += later
        if inside:
            folded.update(inside)
            cand = attrs.evolve(cand, kind="mixed")
            if cand.speaker is None:
                same_cue = [directs[k] for k in inside if directs[k].speaker is not None and directs[k].cue == cand.cue]
                if same_cue:
                    d = same_cue[0]
                    cand = attrs.evolve(cand, speaker=d.speaker, speaker_head=d.speaker_head)
        merged.append(cand)
    for k, d in enumerate(directs):
        if k in folded:
            continue
        if k in inherit and (d.cue is None or d.speaker is None):
            src = inherit[k]
            d = attrs.evolve(
                d,
                cue=d.cue or src.cue,
                speaker=d.speaker or src.speaker,
                speaker_head=d.speaker_head if d.speaker else src.speaker_head,
                sentence=d.sentence if d.sentence is not None else src.sentence,
            )
        if _fragment(d) and (d.cue is None or d.speaker is None):
            continue  # a quoted phrase nobody is said to have said: a scare quote, a title
        merged.append(d)
    out: list[Candidate] = []
    seen: set[tuple[int, int, tuple[tuple[int, int], ...]]] = set()
    for c in sorted(merged, key=lambda c: (c.start, c.end, c.kind)):
        key = (c.start, c.end, tuple((s.start, s.end) for s in c.content_spans))
        if key in seen:
            continue
        seen.add(key)
        if quotations is not None and c.kind != "direct":
            c = attrs.evolve(c, kind="mixed" if _holds_quotation(c, quotations) else "indirect")
        out.append(c)
    return out


def _holds(report: Candidate, quote: Candidate) -> bool:
    """Whether ``quote`` lies within ``report``, but for the punctuation and closing marks after
    the report's last word (``called them “deplorables.”``).

    >>> from quoteattr.model import Candidate, Span
    >>> t = 'She called them “deplorables.”'
    >>> r = Candidate("indirect", 11, 28, [Span.of(t, 11, 28)])
    >>> q = Candidate("direct", 16, 30, [Span.of(t, 17, 29)])
    >>> _holds(r, q), _holds(q, r)
    (True, False)
    """
    if quote.start < report.start:
        return False
    if quote.end <= report.end + 1:
        return True
    last = quote.content_spans[-1] if quote.content_spans else None
    if last is None or report.end < last.start:
        return False
    return not any(ch.isalnum() for ch in last.text[report.end - last.start :])


def share_speakers(doc: Any, candidates: Sequence[Candidate]) -> list[Candidate]:
    """Give a speakerless cue that hangs on another quote's cue that quote's speaker.

    ``"S1," X said in a statement, adding that S2``: the parser often finds no subject
    for "adding" (or for the second verb of "X said S1 and warned S2"); whoever said S1
    also adds S2.
    """
    by_cue: dict[tuple[int, int], Candidate] = {}
    for c in candidates:
        if c.cue is not None and c.speaker is not None and c.sentence is not None:
            by_cue.setdefault((c.sentence, c.cue.start), c)
    out = []
    for c in candidates:
        if c.speaker is None and c.cue is not None and c.sentence is not None:
            sentence = doc.sentences[c.sentence]
            cue = next((w for w in sentence.words if w.start_char == c.cue.start), None)
            if cue is not None and cue.head and cue.deprel.split(":")[0] in ("advcl", "conj", "xcomp", "parataxis", "dep"):
                head = sentence.words[cue.head - 1]
                src = by_cue.get((c.sentence, head.start_char))
                if src is not None and head.id < cue.id:
                    c = attrs.evolve(c, speaker=src.speaker, speaker_head=src.speaker_head)
        out.append(c)
    return out


def _holds_quotation(cand: Candidate, quotations: Sequence[Quotation]) -> bool:
    """Whether some quoted text lies within the content of ``cand``."""
    return any(
        span.start <= piece.start and piece.end <= span.end
        for q in quotations
        for piece in q.content_spans
        for span in cand.content_spans
    )



_CUT_TRAIL = " \t\n,;:\u2014\u2013-"


def _starts_report(cand: Candidate, cue: Span) -> bool:
    """Whether the cue ``cue`` inside ``cand`` starts a report of its own: a cue after a break
    (", calling it …", "; X added", a dash, a colon); a verb inside the reported clause ("said
    he would offer “a prayer”", "says tweets accusing Y of Z are lies") does not.

    >>> t = 'said he would offer "a prayer" soon'
    >>> c = Candidate("indirect", 5, 35, [Span.of(t, 5, 35)])
    >>> _starts_report(c, Span.of(t, 14, 19)), _starts_report(c, Span.of(t, 5, 7))
    (False, True)
    """
    for span in cand.content_spans:
        if span.start <= cue.start < span.end:
            before = span.text[: cue.start - span.start].rstrip().rstrip("\"'\u201d\u2019").rstrip()
            return not before or before[-1] in ",;:(\u2014\u2013-"  # '…," emphasizing' too
    return True


def _cut_at_cues(cand: Candidate, cues: Sequence[Span]) -> Candidate | None:
    """``cand`` with its content cut where another quote's cue starts inside it.

    Returns ``None`` when nothing of the content is left.
    """
    own = cand.cue
    inner = [c.start for c in cues if c != own and cand.start < c.start < cand.end
             and not (own is not None and own.start <= c.start < own.end) and _starts_report(cand, c)]
    if not inner:
        return cand
    at = min(inner)
    pieces = []
    for span in cand.content_spans:
        if span.start >= at:
            break
        if span.end > at:
            kept = span.text[: at - span.start].rstrip(_CUT_TRAIL)
            if not kept.strip():
                break
            span = Span(span.start, span.start + len(kept), kept)
        pieces.append(span)
    if not pieces:
        return None
    if len(pieces) == len(cand.content_spans) and pieces[-1] == cand.content_spans[-1]:
        return cand
    return attrs.evolve(cand, end=pieces[-1].end, content_spans=tuple(pieces))
