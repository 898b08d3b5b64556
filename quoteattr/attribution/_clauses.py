"""Clause tests over a parsed sentence shared by the frame rules, the subject walker and the
candidate builders: which words are subjects, which dependent is a clause, where a cue stands
against commas and quotation marks.

Function words come from ``data/clause_words.tsv`` through :func:`has_role`.
"""

from __future__ import annotations

from typing import Any, Callable, Sequence

import regex

from ..lexicon.clause_words import role_words
from ..lexicon.cues import CuePhrase
from ..lexicon.marks import quote_marks
from ..lexicon.people import time_words
from ..parsing.tree import Tree, word_span

__all__ = [
    "CLAUSE_POS", "MISLABELS", "PASSIVE_SUBJECTS", "RELATIVE_TAGS", "SET_OFF", "SUBJECTS",
    "clause_like", "comma_after", "comma_before", "cue_last", "dateline_end", "has_role", "has_subject", "hearer_verb", "match_phrase",
    "negated_report", "reports_own_clause", "starts_sentence", "time_word", "verb_read_as_noun", "without_trailing_asides",
]

#: Relations of an active subject.
SUBJECTS = ("nsubj", "nsubj:outer", "csubj")
#: Relations of a passive subject.
PASSIVE_SUBJECTS = ("nsubj:pass", "csubj:pass")
#: Labels the compact parser gives a complement clause by mistake.
MISLABELS = ("xcomp", "obj", "advcl", "parataxis", "acl", "dep", "conj", "iobj", "obl")
#: Verb forms and parts of speech that can head a clause.
CLAUSE_POS = ("VERB", "AUX", "ADJ", "NOUN", "PROPN", "PRON", "NUM", "ADV", "SYM")
#: Tags of a relative or interrogative pronoun (which, who, whom, what, that as a relative).
RELATIVE_TAGS = ("WDT", "WP")
#: Punctuation that sets a parenthetical phrase off ("The law, critics say, …").
SET_OFF = (",", "—", "–")
#: Penn tags of a tensed verb (a finite clause of its own).
TENSED_TAGS = frozenset({"VBD", "VBZ", "VBP"})
#: Penn tags of a finite verb or auxiliary: a tensed verb or a modal.
FINITE_TAGS = TENSED_TAGS | {"MD"}


def reduced_clause(s: Tree, c: Any) -> bool:
    """Whether clause head ``c`` has no conjunction, auxiliary or copula of its own, so that it may be
    a noun phrase the parser read as a clause ("[people close to him] said S")."""
    return not s.children(c.id, "mark", "aux", "aux:pass", "cop")


def has_role(word: Any, role: str) -> bool:
    """Whether ``word``'s text is one of the function words of ``role`` in ``clause_words.tsv``."""
    return (word.text or "").lower() in role_words(role)


def time_word(word: Any) -> bool:
    """Whether ``word``'s text (a final period aside) is a word of ``time_words.tsv`` ("Monday",
    "Nov.", "week"), whatever its case; the one test of the table on a word."""
    return (word.text or "").lower().rstrip(".") in time_words()


def hearer_verb(word: Any) -> bool:
    """Whether cue ``word``'s first object is its hearer (``told reporters``)."""
    return (word.lemma or "").lower() in role_words("hearer-verb")


def verb_read_as_noun(s: Tree, w: Any) -> bool:
    """Whether ``w`` may be a verb the tagger read as a noun: no determiner or possessor, and a
    clause of its own opened by a complementizer or an infinitive marker ("environmentalists
    [worry] that S", "Mike Pence, [plans] to V"); the one test of the speaker span and the subject
    walker."""
    if s.children(w.id, "det", "nmod:poss"):
        return False
    return any(has_role(m, "complementizer") or has_role(m, "infinitive")
               for c in s.children(w.id, "acl", "ccomp") for m in s.children(c.id, "mark"))


def _refusal(word: Any) -> bool:
    return (word.lemma or "").lower() in role_words("refusal-verb")


def negated_report(s: Tree, w: Any, says: Callable[[Any], bool]) -> bool:
    """Whether cue ``w`` reports that nothing was said: it is negated ("did [not] respond",
    "[never] said", "would [not] say whether S"), it is the to-clause of a refusal ("declined
    to [comment]", "refused to [say] when S"), or it is a refusal of a cue that ``says``
    words ("[declined] to comment")."""
    if any(c.id < w.id and has_role(c, "negation") and not has_role(s.word(c.id + 1), "focus")
           for c in s.children(w.id, "advmod")):
        return True
    if w.deprel.startswith("xcomp") and w.head and _refusal(s.word(w.head)):
        return True
    return _refusal(w) and any(c.id > w.id and says(c) for c in s.children(w.id, "xcomp"))


#: Marks that set a trailing aside off from the clause before it (", which …", "— moves that …"),
#: with the dashes typed as hyphens.
_ASIDE_MARKS = (*SET_OFF, "-", "--")

#: Relations of a participle that can open a trailing aside (", forcing them to V").
_ASIDE_RELATIONS = ("advcl", "xcomp", "acl", "conj", "dep", "parataxis")


def _aside(s: Tree, x: Any, sub: set[int]) -> bool:
    """Whether the subtree ``sub`` of ``x`` is an aside: it opens with an aside word (``which``,
    ``though``, ``despite``), it is the writer's gloss (:func:`_gloss`), or it opens with ``x``
    itself, a participle without a subject of its own."""
    first = s.word(min(y for y in sub if s.word(y).upos != "PUNCT"))
    if has_role(first, "aside") or _gloss(x, first):
        return True
    return first.id == x.id and x.xpos == "VBG" and x.deprel.split(":")[0] in _ASIDE_RELATIONS \
        and not s.children(x.id, *SUBJECTS, "nsubj:pass")


def _gloss(x: Any, first: Any) -> bool:
    """Whether ``x``, opening with ``first``, heads the writer's gloss of what comes before its
    comma: a noun phrase in apposition opened by an article ("…Ann Lee[, the port's director]"),
    or any noun phrase opened by an indefinite one ("…46 percent[, a 16-point lead]") that is no
    subject or list item."""
    rel = x.deprel.split(":")[0]
    if rel in ("nsubj", "conj"):
        return False  # a clause of its own ("…, a source said"), an item of a list ("X, Y, a Z")
    return x.upos == "NOUN" and has_role(first, "gloss-indefinite") or rel == "appos" and has_role(first, "gloss-article")


def without_trailing_asides(s: Tree, ids: set[int]) -> set[int]:
    """``ids`` without the asides set off by a comma or a dash at their end, the writer's rather than
    the speaker's: a non-restrictive relative clause ("…[, which] the court has paused"), a
    concession ("…[, though] she conceded S"), a participle ("…[, forcing] them to V"), a
    gloss ("…to meet Ann Lee[, the port's director]", "…46 percent[, a 16-point lead]")."""
    out = set(ids)
    while True:
        words = sorted(y for y in out if s.word(y).upos != "PUNCT")
        if len(words) < 2:
            return out
        cut = None
        # only a word whose subtree holds the last word can cut it off: the last word and the
        # words above it (a subtree built for those only, not for every word)
        above = set()
        y = words[-1]
        while y and y not in above:
            above.add(y)
            y = s.word(y).head
        for x in (s.word(y) for y in words if y in above):
            sub = s.ids(x.id)
            lo = min(y for y in sub if s.word(y).upos != "PUNCT")
            if not sub <= out or words[-1] not in sub or lo <= words[0] or s.word(lo - 1).text not in _ASIDE_MARKS:
                continue
            if _aside(s, x, sub) and (cut is None or lo < min(cut)):
                cut = sub | {lo - 1}
        if cut is None:
            return out
        out -= cut


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


def comma_before(s: Tree, w: Any, hung_on_clause: bool = False) -> bool:
    """Whether a comma or dash separates cue ``w``'s clause from what precedes it; with
    ``hung_on_clause``, also one the parser hung on the clause itself."""
    ids = s.ids(w.id)
    first = min((y for y in ids if s.word(y).upos != "PUNCT"), default=w.id) if hung_on_clause else min(ids)
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


def _joins_words(words: Sequence[Any], w: Any) -> bool:
    """Whether punctuation ``w`` joins the two words on either side of it with no space, inside
    one name or modifier ("Post[-]ABC", "early[-]October"): part of a cue phrase's slot."""
    i = w.id - 1
    if not 0 < i < len(words) - 1 or w.text not in ("-", "/"):
        return False
    return word_span(words[i - 1])[1] == word_span(w)[0] and word_span(w)[1] == word_span(words[i + 1])[0]


def match_phrase(s: Tree, i: int, phrase: CuePhrase) -> tuple[set[int], Any, tuple[int, int]] | None:
    """Match cue phrase ``phrase`` (``according to X``) at word index ``i`` of ``s``: the ids of
    the phrase's words with its speaker, the speaker's head word and its character clip; ``None``
    when the words there are not the phrase's."""
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
                if any(w.upos == "VERB" or w.upos == "PUNCT" and not _joins_words(words, w) for w in slot):
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


#: A dateline opening a story: a place in capitals, maybe a region, a date and an agency, then a
#: dash ("PARIS, Aug 31 (Reuters) -", "MYRTLE BEACH, S.C. —"). It is never who speaks.
_DATELINE = regex.compile(r"\s*\p{Lu}[\p{Lu}.'’ ]*\p{Lu}\.?(?:,\s*[\p{L}.' ]{2,24}?)?(?:,?\s*\p{L}{3,9}\.?\s+\d{1,2})?"
                          r"(?:\s*\([\p{L} ]{2,30}\))?\s*(?:[-–—―]{1,2})\s*")


def dateline_end(sentence: Any) -> int:
    """Character offset where the dateline that opens a stanza ``sentence`` ends (the sentence's
    start when it has none).

    >>> from types import SimpleNamespace as N
    >>> dateline_end(N(words=[N(start_char=10)], text="OSLO, Aug 31 (Reuters) - Mayor Fisk said S."))
    35
    >>> dateline_end(N(words=[N(start_char=10)], text="NATO said S."))
    10
    """
    words = sentence.words
    if not words:
        return 0
    start = words[0].start_char
    found = _DATELINE.match(sentence.text or "")
    return start + found.end() if found is not None else start
