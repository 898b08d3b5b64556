"""Direct quotations: quoted text with the cue and speaker next to it.

:func:`direct_quotes` turns the quotations found by
:func:`quoteattr.attribution.quotations.find_quotations` into ``kind="direct"``
:class:`~quoteattr.model.Candidate` objects:

* a quote interrupted by its attribution (``“…,” he said, “…”``) is one
  candidate with several content spans, whatever the length of an inverted
  attribution (``“…,” cried Ana, the captain of …, “…”``), across a title the
  attribution names (``“…,” Ana told NBC's “Today” on Monday. “…”``) or a verb outside the
  lexicon right after its subject (``“…,” the coach shrugged. “…”``), but never across a
  sentence end or a second cue with its own subject (``X said: “…” Y said: “…”``);
* the cue is a speech verb (``quoteattr.lexicon.cues``) or a cue phrase of
  ``cue_phrases.tsv`` (``according to X``, ``in the words of X``) outside the quote, in the same sentence, before it (``X said: “…”``, ``According
  to X, “…”``, ``…, stating, “…”``) or after it (``“…,” said X``,
  ``“…,” X added``), or in a sentence that introduces the quote with a
  colon;
* the speaker is the cue's subject (for a participle, the subject of the verb
  it hangs on), with sensible neighbours as a fallback when the parse is off;
* a quote standing alone as its own sentence (a *floating* quote) is kept
  with ``cue=None, speaker=None`` for the resolve stage; a short quoted
  fragment in a sentence without any cue (scare quotes, titles), or inside a
  sentence whose cue comes after it (``the “opt out” movement grows, she
  said``), is left to the indirect stage.

The work is done on character regions of the text and on stanza's
dependency parse, so it survives stanza splitting a quote into several
sentences.

>>> from quoteattr.pipeline import get_pipeline
>>> from quoteattr.attribution.quotations import find_quotations
>>> doc = get_pipeline().parse('"We are ready," the minister said. "Fully."')
>>> [([s.text for s in c.content_spans], c.cue.text, c.speaker.text)
...  for c in direct_quotes(doc, find_quotations(doc.text))]
[(['We are ready,', 'Fully.'], 'said', 'the minister')]
"""

from __future__ import annotations

import bisect
from typing import Any, NamedTuple, Sequence

import regex

from ..lexicon.clause_words import role_words
from ..lexicon.cues import direct_cue, direct_verb_cue, lemma_guesses, lookup, phrases_from
from ..lexicon.marks import SENTENCE_ENDS, opening_marks, quote_marks
from ..lexicon.people import honorifics, name_suffixes
from ..model import Candidate, Span
from ..parsing.tree import Tree, word_span
from ._clauses import FINITE_TAGS, has_role, hearer_verb, match_phrase
from ._spans import SpanIndex
from .quotations import Quotation, has_line_break, opens_lower, paragraph_spans
from .speakers import mention_span
from .subjects import cue_subject, inverted_noun, is_agent, participle

__all__ = ["direct_quotes", "title_case"]

#: Relations of words inside a name or noun phrase that lead up to its head.
_NP_INNER = frozenset({"compound", "flat", "det", "amod", "nummod", "nmod:poss", "compound:prt"})
_NOMINAL = frozenset({"NOUN", "PROPN", "PRON"})
_SUBJECT = frozenset({"nsubj", "nsubj:pass"})
#: Relations a subject gets when the tagger mistakes its verb for a noun.
_MODIFIER_SUBJECT = frozenset({"amod", "compound", "det"})
#: Most words an attribution between two parts of one quote may have.
_MAX_GAP_WORDS = 20


class _W(NamedTuple):
    """A stanza word with its sentence index and character offsets."""

    sent: int
    word: Any
    start: int
    end: int


class _Found(NamedTuple):
    cue: Span | None
    speaker: Span | None
    head: tuple[int, int] | None
    sent: int | None
    cls: str | None = None


class _Doc:
    """Indexes over a stanza Document shared by all quotes of one call."""

    def __init__(self, doc: Any, quotations: Sequence[Quotation]) -> None:
        self.doc = doc
        self._trees: dict[int, Tree] = {}
        self.text: str = doc.text
        self.words: list[_W] = []
        for si, sent in enumerate(doc.sentences):
            for w in sent.words:
                s, e = word_span(w)
                self.words.append(_W(si, w, s, e))
        self.starts = [w.start for w in self.words]
        self.paras = paragraph_spans(self.text)
        self.para_starts = [p[0] for p in self.paras]
        self.top = sorted((q for q in quotations if q.depth == 0), key=lambda q: q.start)
        self.quoted = SpanIndex([(q.start, q.end) for q in self.top])
        #: Ends of quotations that end a sentence (“… Syria.” According to …), in order.
        self.boundaries = sorted(q.end for q in self.top if self._ends_sentence(q))
        #: The speaker heads found in the gaps between quotations and in the leads (:func:`_second_attribution`).
        self.heads: dict[tuple[int, int], tuple[int, int] | None] = {}

    def _ends_sentence(self, q: Quotation) -> bool:
        if not q.content_spans or q.content_spans[-1].text[-1:] not in SENTENCE_ENDS:
            return False
        t, k = self.text, q.end
        while k < len(t) and t[k] in " \t":
            k += 1
        return k == len(t) or has_line_break(t[k]) or t[k].isupper() or t.startswith(tuple(opening_marks()), k)

    # -- positions -----------------------------------------------------
    def last_char_before(self, offset: int) -> str:
        """The last character before ``offset`` that is not white space (``""`` if none):
        ``text[:offset].rstrip()[-1:]`` without copying the text."""
        k = offset
        while k > 0 and self.text[k - 1].isspace():
            k -= 1
        return self.text[k - 1] if k else ""

    def para(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.para_starts, offset) - 1
        return self.paras[i] if i >= 0 else (0, len(self.text))

    def in_quote(self, start: int, end: int) -> bool:
        return self.quoted.any_holding(start, end)

    def words_between(self, start: int, end: int) -> list[_W]:
        """Words inside ``start:end`` that are not inside a quotation."""
        i = bisect.bisect_left(self.starts, start)
        out = []
        while i < len(self.words) and self.words[i].start < end:
            w = self.words[i]
            if w.end <= end and not self.in_quote(w.start, w.end):
                out.append(w)
            i += 1
        return out

    def tree(self, sent: int) -> Tree:
        """The tree view of sentence ``sent`` (built once)."""
        if sent not in self._trees:
            self._trees[sent] = Tree.of(sent, self.doc.sentences[sent])
        return self._trees[sent]

    def located(self, sent: int, word: Any) -> _W:
        s, e = word_span(word)
        return _W(sent, word, s, e)

    def sentence_of(self, offset: int) -> int | None:
        i = bisect.bisect_right(self.starts, offset) - 1
        if i < 0:
            return 0 if self.words else None
        return self.words[i].sent


def _is_terminal(w: _W, text: str = "") -> bool:
    """Whether ``w`` ends a sentence (not the stop of an abbreviation: ``(R-Fla.) said``)."""
    if w.word.upos != "PUNCT" or w.word.text not in SENTENCE_ENDS:
        return False
    rest = text[w.end : w.end + 20].lstrip()
    return not (w.word.text == "." and rest and (rest[0] in ",);:" or rest[0].islower()))


def _has_words(ws: Sequence[_W]) -> bool:
    return any(w.word.upos != "PUNCT" for w in ws)


def _last_char(q: Quotation) -> str:
    return q.content_spans[-1].text[-1:] if q.content_spans else ""


# -- grouping quotations interrupted by their attribution ------------------


#: Dependents that show a word really is a noun (``the claims``, ``his reports``).
_NOUN_DEPS = frozenset({"det", "nummod", "nmod:poss", "case"})


def _mistagged_verb(sentence: Any, word: Any) -> bool:
    """An inflected speech verb the tagger took for a noun or adjective (``The businessman says of …``)."""
    if word.upos not in ("NOUN", "PROPN", "ADJ") or not word.lemma:
        return False
    # a form left as its own lemma ("Viguerie concludes(NNS).") by its verb lemma's guesses
    lemmas = [word.lemma] if word.text.lower() != word.lemma.lower() else \
        lemma_guesses(word.text) if word.text.islower() else []  # not a headline's "STATES", "Calls"
    after = inverted_noun(sentence, word)  # '"…," the statement read(NN).'
    lemmas = lemmas + [word.lemma] if after else lemmas
    if not any(direct_cue(lookup(lemma, "VERB")) is not None for lemma in lemmas):
        return False
    if not after and any(c.head == word.id and c.deprel in _NOUN_DEPS for c in sentence.words):
        return False
    nxt = sentence.words[word.id] if word.id < len(sentence.words) else None
    return nxt is None or nxt.upos not in ("VERB", "AUX")


def _is_cue(w: _W, text: str = "", doc: Any = None) -> bool:
    """Whether ``w`` is a speech verb (not one glued into a compound adjective like ``so-called``)."""
    if w.start > 0 and text[w.start - 1 : w.start] in ("-", "‐"):
        return False
    if w.word.upos == "VERB":
        if direct_verb_cue(w.word) is not None:
            return True
        return doc is not None and w.word.text[:1].isupper() and _lemma_elsewhere(doc, w.word.text) is not None
    return doc is not None and _mistagged_verb(doc.sentences[w.sent], w.word)


def _lemma_elsewhere(doc: Any, form: str) -> Any | None:
    """The cue of a capitalised verb form (``Said Moore: …``, left unlemmatised) by the lemma
    the same form gets in lower case elsewhere in the document."""
    low = form.lower()
    for sent in doc.sentences:
        for w in sent.words:
            if w.text == low and w.upos == "VERB" and w.lemma and w.lemma != low:
                return direct_cue(lookup(w.lemma))
    return None


#: Relations by which a cue takes the reported content itself.
_CONTENT_RELS = frozenset({"ccomp", "obj", "xcomp"})


def _gap(d: _Doc, a: Quotation, b: Quotation) -> str:
    """The text between quotations ``a`` and ``b``, a quotation inside it (a title the
    attribution names, see :func:`_embedded`) read as its words: ``he said on “Meet the
    Press.”`` ends with the full stop of its sentence."""
    i, j = bisect.bisect_left(d.quoted.starts, a.end), bisect.bisect_left(d.quoted.starts, b.start)
    parts, at = [], a.end
    for q in d.top[i:j]:
        parts += [d.text[at : q.start], "".join(sp.text for sp in q.content_spans)]
        at = q.end
    return "".join(parts) + d.text[at : b.start]


def _subject_like(w: _W) -> bool:
    """Whether ``w`` may belong to the subject before its verb (``an angry Hollande``)."""
    return w.word.upos in _NOMINAL | {"DET", "ADJ", "NUM"} or w.word.text[:1].isupper()


def _gap_cues(d: _Doc, a: Quotation, content: Sequence[_W]) -> list[int]:
    """Indexes of the cues among the ``content`` words of the gap after quote piece ``a``: its
    speech verbs or, after a piece that runs on (``“…,” an angry Ana retaliated. “…”``), a
    verb outside the lexicon right after its subject."""
    cues = [i for i, w in enumerate(content) if _is_cue(w, d.text, d.doc)]
    if cues or _last_char(a) not in _RUNS_ON:
        return cues
    verb = next((i for i, w in enumerate(content) if w.word.upos == "VERB"), None)
    if verb is None or not 0 < verb < 6 or not all(_subject_like(w) for w in content[:verb]):
        return []
    v = content[verb]
    subject = any(w.sent == v.sent and w.word.head == v.word.id and w.word.deprel in _SUBJECT for w in content[:verb])
    # the main verb right after its subject, not one in a relative clause (“…,” Ana, who lost, …)
    plain = v.word.deprel in ("root", "parataxis") and subject
    return [verb] if plain and not any(w.word.text == "," for w in d.words_between(a.end, v.start)) else []


def _reports(d: _Doc, content: Sequence[_W], cue: _W) -> bool:
    """Whether cue ``cue`` takes reported content among the gap's ``content`` words (its hearer,
    ``asked [the senators]``, is none)."""
    inside = {w.word.id for w in content if w.sent == cue.sent}
    hearer = hearer_verb(cue.word)
    return any(
        w.head == cue.word.id and w.deprel in _CONTENT_RELS and w.id in inside
        and not (hearer and w.deprel == "obj" and w.upos in _NOMINAL)
        for w in d.doc.sentences[cue.sent].words
    )


def _is_interruption(d: _Doc, a: Quotation, b: Quotation) -> bool:
    """Whether the text between quotations ``a`` and ``b`` is an attribution splitting one quote.

    ``“…,” she said, “…”`` and ``“…,” she said. “…”`` always count;
    after a quote ending a sentence (``“…?” she asked. “…”``) only a short
    attribution with nothing reported in it does.
    """
    gap = _gap(d, a, b)
    if has_line_break(gap) or a.close_mark is None:
        return False
    stripped = gap.strip()
    last = stripped.split()[-1].lower() if stripped else ""
    if last in role_words("coordinator") and opens_lower(b.content_spans):
        stripped = stripped[: -len(last)].rstrip() + ","  # '“…,” he said, but “when it comes to …”'
    words = d.words_between(a.end, b.start)
    if stripped and stripped[-1].isalpha() and _last_char(a) == "," and not opens_lower(b.content_spans) \
            and not title_case([b]) and words and _is_cue(words[-1], d.text, d.doc):
        stripped += ","  # '“…,” she said “…”': the comma after the cue left out
    if not stripped or stripped[-1] not in ",.:;—–":
        return False
    if any(_is_terminal(w, d.text) for w in words[:-1]):
        return False
    content = [w for w in words if w.word.upos != "PUNCT"]
    cues = _gap_cues(d, a, content)
    # a speaker, or a name the tagger took for a verb ('“…,” Zaheed/VERB said.')
    if not cues or not (any(w.word.upos in _NOMINAL for w in content) or any(w.word.text[:1].isupper() for w in content[: cues[0]])):
        return False
    if _last_char(a) in SENTENCE_ENDS and not stripped.endswith((",", ":", "—", "–")):
        # short, or a speaker with a title or an apposition ("?" said Ann Lee, an aide to X. "…")
        return not _reports(d, content, content[cues[0]]) and (len(content) <= 8 or len(content) <= _MAX_GAP_WORDS and cues[0] < 10)
    # a short attribution, or a longer one that starts with it (“…,” said X, who …. “…”)
    return len(content) <= _MAX_GAP_WORDS or (len(content) <= 3 * _MAX_GAP_WORDS and cues[0] < 10)


def _own_attribution(d: _Doc, a: Quotation, b: Quotation) -> bool:
    """``“…,” X said. “…,” Y said.``: after a full stop, ``b`` with its own cue after it is a new quote."""
    if not _gap(d, a, b).rstrip().endswith("."):
        return False
    tail = _tail(d, b.end)
    return _tail_attaches(d, b, tail) and any(_is_cue(w, d.text, d.doc) for w in tail)


def _sentence_stop(w: _W) -> bool:
    """Whether word ``w`` carries the full stop of its sentence glued on (``Berg.`` in ``said Tom
    Berg. Lena …``), as opposed to an abbreviation (``Sen.``, ``Jr.``, ``U.S.``, an initial)."""
    stem = w.word.text[:-1].lower()
    if not w.word.text.endswith(".") or len(stem) < 2 or "." in stem or not stem.isalpha():
        return False
    return stem not in honorifics() and stem not in name_suffixes()


def _crosses_sentence_end(d: _Doc, a: Quotation, b: Quotation) -> bool:
    """Whether a sentence ends between quotations ``a`` and ``b`` before the words that lead
    into ``b``: a full stop inside the gap (``“…,” said Tom Berg. Lena Okafor said: “…”``), or
    ``a`` ending its sentence and the gap opening a new one that introduces ``b`` with a colon
    (``X said: “… final.” Tom Berg said: “…”``)."""
    words = d.words_between(a.end, b.start)
    for w, nxt in zip(words, words[1:]):
        if nxt.sent != w.sent and _sentence_stop(w) and nxt.word.text[:1].isupper():
            return True
    return _last_char(a) in SENTENCE_ENDS and _gap(d, a, b).rstrip().endswith(":")


def _own_speaker(d: _Doc, found: _Found | None) -> tuple[int, int] | None:
    """The speaker head of ``found`` when it has one."""
    return found.head if found is not None and found.speaker is not None else None


def _second_attribution(d: _Doc, unit: Sequence[Quotation], b: Quotation) -> bool:
    """Whether the gap before ``b`` holds a second cue with its own subject: the quote ``unit``
    already has a speaker (introduced before it, or named in an earlier gap) and the cue before
    ``b`` names another one (``Ana said: “…” Tom said: “…”``)."""
    a = unit[-1]
    other = _gap_speaker(d, a.end, b.start, unit)
    if other is None or d.doc.sentences[other[0]].words[other[1] - 1].upos == "PRON":
        return False  # a pronoun may well be the speaker named before
    heads = [_gap_speaker(d, x.end, y.start, unit) for x, y in zip(unit, unit[1:])]
    heads.append(_lead_speaker(d, unit))
    return any(h is not None and h != other for h in heads)


def _gap_speaker(d: _Doc, start: int, end: int, unit: Sequence[Quotation]) -> tuple[int, int] | None:
    """The speaker head of the cue in the gap ``start:end`` after a quotation (found once: the
    head does not depend on the quotes ``unit``, only the mention around it does)."""
    if (start, end) not in d.heads:
        d.heads[start, end] = _own_speaker(d, _find_cue(d, d.words_between(start, end), False, unit, True))
    return d.heads[start, end]


def _lead_speaker(d: _Doc, unit: Sequence[Quotation]) -> tuple[int, int] | None:
    """The speaker head of the cue in the lead of the quote ``unit``, when it has one (found once)."""
    at = unit[0].start
    if (-1, at) not in d.heads:
        lead = _lead(d, at)
        found = _find_cue(d, lead, True, unit) if _introduces(d, at) or _has_words(lead) else None
        d.heads[-1, at] = _own_speaker(d, found)
    return d.heads[-1, at]


#: Punctuation a quote piece may end with when an inverted attribution interrupts it.
_RUNS_ON = ",?!—–-"


def _inverted_attribution(d: _Doc, a: Quotation, b: Quotation) -> bool:
    """Whether the gap between ``a`` and ``b`` is an inverted attribution interrupting one quote,
    whatever its length: ``“…,” cried Ana, “…”``, ``“…,” said Ana Ruiz, the captain of the team
    that …, “…”`` (a verb, lexicon cue or not, then its speaker, then a comma or dash)."""
    gap = _gap(d, a, b)
    stripped = gap.strip()
    if has_line_break(gap) or a.close_mark is None or not _last_char(a) or _last_char(a) not in _RUNS_ON or stripped[-1:] not in ",—–":
        return False
    words = d.words_between(a.end, b.start)
    content = [w for w in words if w.word.upos != "PUNCT"]
    if len(content) < 2 or any(_is_terminal(w, d.text) for w in words[:-1]):
        return False
    verb, subject = content[0], content[1]
    return (verb.word.upos == "VERB" or _is_cue(verb, d.text, d.doc)) and subject.word.upos in _NOMINAL | {"DET"}


def _participle_leads(d: _Doc, a: Quotation, b: Quotation) -> bool:
    """Whether the text between quotations ``a`` and ``b`` ends in a participle cue that introduces
    ``b`` ('“…,” she said, [adding], “…”', '“…,” he said before [adding]: “…”'): ``b`` is what
    the participle reports, a quote of its own."""
    content = [w for w in d.words_between(a.end, b.start) if w.word.upos != "PUNCT"]
    return bool(content) and content[-1].word.xpos == "VBG" and _is_cue(content[-1], d.text, d.doc)


def _joins(d: _Doc, unit: Sequence[Quotation], b: Quotation) -> bool:
    """Whether quotation ``b`` continues the quote ``unit`` after an attribution between them.

    Never across a sentence end (also one after a title), a second cue with its own subject or a
    participle cue that introduces ``b`` (:func:`_participle_leads`); an inverted attribution
    (:func:`_inverted_attribution`) joins whatever its length, another one as
    :func:`_is_interruption` says.
    """
    a = unit[-1]
    if _crosses_sentence_end(d, a, b) or _second_attribution(d, unit, b) or _participle_leads(d, a, b):
        return False
    if _named_work(d, unit) and _gap(d, a, b).rstrip().endswith("."):
        return False  # 'On “Harbour Sunday,” Ana spoke. “…”': a title is no quote piece, b a new sentence
    return _inverted_attribution(d, a, b) or (_is_interruption(d, a, b) and not _own_attribution(d, a, b))


#: Most words of a quotation inside an attribution (``he told NBC's “Today” on Monday``).
_MAX_EMBEDDED_WORDS = 8


def _embedded(d: _Doc, a: Quotation, q: Quotation, b: Quotation) -> bool:
    """Whether quotation ``q``, between the quote piece ``a`` and the quotation ``b`` after it in
    the same paragraph, is a short title or phrase inside the attribution between them
    (``“…,” he said on “Meet the Press.” “…”``): it follows a word, not punctuation."""
    before, after = d.text[a.end : q.start].rstrip(), d.text[q.end : b.start].strip()
    if not before or not before[-1].isalnum() or has_line_break(d.text[a.end : b.start]):
        return False
    # the attribution goes on to a comma or full stop before b; or q ends it ('on “This Week.” “…”')
    ends = _last_char(q) in SENTENCE_ENDS
    if (ends and after) or (not ends and after[-1:] not in ",.:;—–"):
        return False
    return sum(len(sp.text.split()) for sp in q.content_spans) <= _MAX_EMBEDDED_WORDS


def _units(d: _Doc) -> list[list[Quotation]]:
    """The quotations grouped into quotes: a quotation joins the quote before it when an
    attribution interrupts the two (:func:`_joins`), also across a short quotation inside that
    attribution (:func:`_embedded`), which stays a unit of its own."""
    units: list[list[Quotation]] = []
    current: list[Quotation] | None = None
    top = d.top
    for i, q in enumerate(top):
        if current is not None and _joins(d, current, q):
            current.append(q)
            continue
        units.append([q])
        nxt = top[i + 1] if i + 1 < len(top) else None
        if current is not None and nxt is not None and _embedded(d, current[-1], q, nxt) and _joins(d, current, nxt):
            continue  # q sits inside the attribution; the quote goes on after it
        current = units[-1]
    return units


# -- the regions around a quote -------------------------------------------


def _lead(d: _Doc, start: int) -> list[_W]:
    """Words of the sentence before ``start`` (outside quotations), back to the sentence start.

    When nothing precedes the quote in its paragraph but the previous
    paragraph ends in a colon, that introducing sentence is the lead.
    """
    ps, _ = d.para(start)
    k = bisect.bisect_right(d.boundaries, start)
    ps = max(ps, d.boundaries[k - 1]) if k else ps
    words = d.words_between(ps, start)
    cut = max((i for i, w in enumerate(words) if _is_terminal(w, d.text)), default=-1)
    words = words[cut + 1 :]
    if not _has_words(words):
        if d.last_char_before(start) == ":":
            colon = start - 1
            while d.text[colon] != ":":
                colon -= 1
            ps2, _ = d.para(colon)
            prev = d.words_between(ps2, colon + 1)
            cut = max((i for i, w in enumerate(prev[:-1]) if _is_terminal(w, d.text)), default=-1)
            words = prev[cut + 1 :] + words
    return words


def _tail(d: _Doc, end: int) -> list[_W]:
    """Words after ``end`` (outside quotations) up to the end of the sentence."""
    _, pe = d.para(max(end - 1, 0))
    k = bisect.bisect_right(d.boundaries, end)
    pe = min(pe, d.boundaries[k]) if k < len(d.boundaries) else pe
    out = []
    for w in d.words_between(end, pe):
        out.append(w)
        if _is_terminal(w, d.text):
            break
    return out


def _tail_attaches(d: _Doc, q: Quotation, tail: Sequence[_W]) -> bool:
    """Whether the words after a quote still belong to its sentence."""
    if not _has_words(tail):
        return False
    if _last_char(q) != ".":
        return True
    if _introduces_next(d, tail):
        return False  # '“S1.” Mr. Lee said: “S2.”': the colon hands the cue on to S2
    first = next(w for w in tail if w.word.upos != "PUNCT")
    if first.word.text[:1].islower():
        return True
    return len([w for w in tail if w.word.upos != "PUNCT"]) <= 4 and any(_is_cue(w, d.text, d.doc) for w in tail)


def _introduces_next(d: _Doc, tail: Sequence[_W]) -> bool:
    """Whether words ``tail`` after a quote end in a colon that opens the next quotation (``Mr.
    Lee said: “…”``): they introduce that quotation."""
    colon = next((w for w in tail if w.word.text == ":"), None)
    return colon is not None and d.text[colon.end : colon.end + 3].lstrip()[:1] in opening_marks()


def _introduces(d: _Doc, start: int) -> bool:
    """Whether the text right before ``start`` ends in an introducing colon or comma."""
    return d.last_char_before(start) in (":", ",", "—", "–")


# -- cues and speakers ------------------------------------------------------


def _phrase_cue(d: _Doc, region: Sequence[_W], i: int, quotes: Sequence[Quotation]) -> _Found | None:
    """A cue phrase of ``cue_phrases.tsv`` whose speaker comes last (``According to X``, ``In
    the words of X``) starting at ``region[i]``: the same phrases, matched the same way
    (:func:`quoteattr.attribution._clauses.match_phrase`), as in the indirect stage."""
    w = region[i]
    for phrase in phrases_from(w.word.text.lower()):
        if phrase.after:
            continue
        n = len(phrase.before)
        words = region[i : i + n]
        if len(words) < n or any(x.sent != w.sent for x in words):
            continue
        m = match_phrase(d.tree(w.sent), w.word.id - 1, phrase)
        if m is None:
            continue
        cue = Span.of(d.text, w.start, words[-1].end)
        head = d.located(w.sent, m[1])
        if d.in_quote(head.start, head.end):
            return _Found(cue, None, None, w.sent, phrase.cls)
        return _Found(cue, _mention(d, head, cue, quotes), (head.sent, head.word.id), w.sent, phrase.cls)
    return None


def _np_head(d: _Doc, w: _W, cue: _W | None = None) -> _W:
    """Climb from a word inside a noun phrase (``Sean`` in ``Sean Savett``) to its head (never the cue)."""
    sent = d.doc.sentences[w.sent]
    word = w.word
    for _ in range(8):
        if word.deprel not in _NP_INNER or not word.head:
            break
        parent = sent.words[word.head - 1]
        if parent.upos not in _NOMINAL or (cue is not None and cue.sent == w.sent and parent.id == cue.word.id):
            break
        word = parent
    return d.located(w.sent, word)


def _speaker_by_parse(d: _Doc, cue: _W) -> _W | None:
    """The cue's speaker by the parse (:func:`quoteattr.attribution.subjects.cue_subject`), never
    a word inside a quotation."""
    sub = cue_subject(d.tree(cue.sent), cue.word, keep=lambda x: not d.in_quote(*word_span(x)))
    return d.located(cue.sent, sub) if sub is not None else None


def _object_of_earlier_verb(d: _Doc, w: _W) -> bool:
    """Whether nominal ``w`` is the object of a verb before it (``he designed a clubhouse, saying``).

    Names are spared: the parser often takes a name for the object of the word before it.
    """
    if w.word.deprel.split(":")[0] not in ("obj", "iobj") or not w.word.head or w.word.upos == "PROPN":
        return False
    head = d.doc.sentences[w.sent].words[w.word.head - 1]
    return head.id < w.word.id and head.upos in ("VERB", "AUX")


def _in_pp(d: _Doc, w: _W) -> bool:
    """Whether a nominal is the object of a preposition (``in a statement``)."""
    sent = d.doc.sentences[w.sent]
    return any(c.head == w.word.id and c.deprel == "case" and c.id < w.word.id for c in sent.words)


def _nominal_before(d: _Doc, region: Sequence[_W], i: int) -> bool:
    """Whether a nominal outside prepositional phrases precedes the cue ``region[i]`` in ``region``
    with no finite verb before the cue: a bare noun phrase between a quote and its cue ('“…,” Rep.
    Kim (D-Ohio) said Friday'), not the subject of a clause that runs on after the quote ('“…” if
    [she] loses, said Ann Lee', '“…” and [voters] get nervous, said Ann Lee')."""
    if any(w.word.upos == "AUX" or w.word.xpos in FINITE_TAGS for w in region[:i]):
        return False
    return any(w.word.upos in _NOMINAL and not _in_pp(d, w) for w in region[:i])


def _speaker_by_neighbours(d: _Doc, region: Sequence[_W], i: int, after_quote: bool = False) -> _W | None:
    """The nominal the cue ``region[i]`` hangs on by position, when the parse gives it no subject.

    ``Kim, a lawyer, said`` / ``“…,” Kim (D-Ohio) said``: the first nominal of
    the stretch before the cue (after the last verb or conjunction, and not
    inside a prepositional phrase); ``said Kim``: the first nominal after it.
    When ``region`` starts right after the quote, the stretch is all of it
    before the cue (``“…,” Kim, one of the states suing, said``).
    """
    stretch: list[_W] = list(region[:i]) if after_quote else []
    for w in [] if after_quote else reversed(region[:i]):
        if w.word.upos in ("VERB", "SCONJ") or _is_terminal(w, d.text):
            break
        stretch.insert(0, w)
    for w in stretch:
        if w.word.upos not in _NOMINAL or has_role(w.word, "time"):
            continue  # '"…," Sunday said Kim': a time word is no speaker
        head = _np_head(d, w, region[i])
        if _in_pp(d, w) or (w.word.upos != "PROPN" and _in_pp(d, head)) or _object_of_earlier_verb(d, head):
            continue
        return head
    # a subject the tagger took for modifiers of a mistagged cue (The businessman/ADJ says/NOUN)
    if stretch and stretch[-1].word.head == region[i].word.id and stretch[-1].word.deprel in _MODIFIER_SUBJECT:
        return stretch[-1]
    if not after_quote and participle(region[i].word):
        return None  # "After saying her knee was “…”": what follows a participle is what it says
    for w in region[i + 1 :]:
        if w.word.upos in _NOMINAL:
            return _np_head(d, w, region[i]) if not _in_pp(d, w) else None
        if w.word.upos not in ("ADV", "DET", "ADJ", "PART", "NUM"):
            return None
    return None


def _mention(d: _Doc, head: _W, cue: Span, quotes: Sequence[Quotation]) -> Span:
    """The speaker mention around ``head``, kept clear of the cue and the quotes."""
    sent = d.tree(head.sent)  # its dependents indexed once, for every mention_span below
    s, e = mention_span(sent, head.word.id)
    # a name split by the parser into sibling subjects (spokesperson | Sean Savett),
    # or a subject taken for modifiers of its verb (The New York businessman/amod says)
    rels = _SUBJECT | (_MODIFIER_SUBJECT if head.word.deprel in _MODIFIER_SUBJECT else frozenset())
    for w in reversed([w for w in sent.words if w.id < head.word.id]):
        if w.head != head.word.head or w.deprel not in rels:
            continue
        ws, we = mention_span(sent, w.id)
        if we <= s and not d.text[we:s].strip():
            s = ws
    # keep off the cue and the quotation marks
    blocks = [(cue.start, cue.end)] + [(q.start, q.end) for q in quotes]
    for bs, be in blocks:
        if bs < e and be > s:
            if be <= head.end and bs <= head.start:
                s = max(s, be)
            elif bs >= head.start:
                e = min(e, bs)
    t = d.text
    # close a bracket the parse left open: Rep. Ann Kerr (D-Ohio| said
    limit = min([b for b, _ in blocks if b >= e] + [len(t)])
    for o, c in ("()", "[]"):
        if t.count(o, s, e) > t.count(c, s, e):
            close = t.find(c, e, limit)
            if close >= 0 and close - e <= 12 and not has_line_break(t[e:close]):
                e = close + 1
    while s < e and (t[s].isspace() or t[s] in ",;:"):
        s += 1
    while e > s and (t[e - 1].isspace() or t[e - 1] in ",;:"):
        e -= 1
    if e <= s:
        s, e = head.start, head.end
    s = _name_start(d, s, e)
    last = d.words[bisect.bisect_right(d.starts, e - 1) - 1] if d.words else None
    if last is not None and last.end == e and _sentence_stop(last) and last.start > s:
        e -= 1  # said Tom Berg. Lena …: the sentence's full stop is no part of the name
    return Span.of(t, s, e)


def _name_start(d: _Doc, s: int, e: int) -> int:
    """``s``, or the start of the first name the parser cut off into a sentence of its own
    before a mention starting at ``s`` (``“…” Lena | Okafor told reporters``)."""
    i = bisect.bisect_left(d.starts, s)
    if i == 0 or i >= len(d.words) or d.words[i].start != s or d.words[i].word.upos != "PROPN":
        return s
    prev = d.words[i - 1]
    fragment = d.doc.sentences[prev.sent].words
    alone = prev.sent != d.words[i].sent and all(w.upos == "PROPN" and w.text[:1].isupper() for w in fragment)
    if alone and word_span(fragment[0])[0] >= s - 40 and not d.text[prev.end : s].strip() \
            and not has_line_break(d.text[word_span(fragment[0])[0] : s]):
        return word_span(fragment[0])[0]
    return s


def _find_cue(d: _Doc, region: Sequence[_W], nearest_last: bool, quotes: Sequence[Quotation], after_quote: bool = False) -> _Found | None:
    order = range(len(region) - 1, -1, -1) if nearest_last else range(len(region))
    for i in order:
        w = region[i]
        found = _phrase_cue(d, region, i, quotes)
        if found is not None:
            return found
        if not _is_cue(w, d.text, d.doc):
            continue
        cue = Span.of(d.text, w.start, w.end)
        entry = direct_verb_cue(w.word)
        cls = entry.cls if entry is not None else "speech"  # a mistagged or unlemmatised speech verb
        head = _speaker_by_parse(d, w)
        if head is None or (after_quote and head.start > w.start and _nominal_before(d, region, i)
                            and not is_agent(d.tree(w.sent), head.word)):
            # “…,” Rep. Kim (D-Ohio) said Friday: the parser may take Friday for the subject
            head = _speaker_by_neighbours(d, region, i, after_quote) or head
        if head is None:
            return _Found(cue, None, None, w.sent, cls)
        return _Found(cue, _mention(d, head, cue, quotes), (head.sent, head.word.id), w.sent, cls)
    return None


def _plain_verb(d: _Doc, tail: Sequence[_W], unit: Sequence[Quotation], before: Quotation | None = None) -> _Found | None:
    """``“…,” he smiled``: a verb outside the lexicon right after a quote (``before``, by default
    the last of ``unit``) that runs on into it."""
    if _last_char(before or unit[-1]) not in _RUNS_ON:
        return None
    content = [i for i, w in enumerate(tail) if w.word.upos != "PUNCT"][:5]
    for i in content:
        w = tail[i]
        if w.word.upos != "VERB":
            continue
        head = _speaker_by_parse(d, w) or _speaker_by_neighbours(d, tail, i, True)
        if head is None or head.word.upos not in _NOMINAL:
            return None
        cue = Span.of(d.text, w.start, w.end)
        return _Found(cue, _mention(d, head, cue, unit), (head.sent, head.word.id), w.sent, "other")
    return None


def _full_sentence(unit: Sequence[Quotation]) -> bool:
    """Whether a quote reads as a sentence of its own (capital first, several words)."""
    spans = [s for q in unit for s in q.content_spans]
    if not spans:
        return False
    first = spans[0].text.lstrip("".join(quote_marks()) + "([…. ")
    words = sum(len(s.text.split()) for s in spans)
    return bool(first) and (first[0].isupper() or first[0].isdigit()) and words >= 4


def title_case(unit: Sequence[Quotation]) -> bool:
    """Whether a quote reads like a title or headline (``‘Legend in the Coal Fields.’``).

    Every word of four letters or more is capitalised, and at least two words are.
    """
    words = [w for q in unit for s in q.content_spans for w in s.text.split() if w[:1].isalpha()]
    capitals = [w for w in words if w[0].isupper()]
    return len(capitals) >= 2 and all(w[0].isupper() for w in words if sum(ch.isalpha() for ch in w) >= 4)


#: The last word before a quotation (or a possessive 's).
_LAST_WORD = regex.compile(r"(\w+|['’]s)\s*$")


def _named_work(d: _Doc, unit: Sequence[Quotation]) -> bool:
    """Whether a quote is the title of a work, show or program, not something said: a short
    title-cased quotation right after a preposition, an article or a possessive."""
    words = sum(len(s.text.split()) for q in unit for s in q.content_spans)
    if len(unit) != 1 or words > 6 or not title_case(unit):
        return False
    before = _LAST_WORD.search(d.text[max(0, unit[0].start - 30) : unit[0].start])
    # "the broadcast [of] “Fox News Sunday,”", "[on] “Morning Joe”": the title-lead words
    return before is not None and before.group(1).lower() in role_words("title-lead")


#: Most words of a quoted fragment inside a sentence, before its cue, that is read as a term,
#: not as words said (:func:`_fragment`).
_MAX_FRAGMENT_WORDS = 3


def _fragment(d: _Doc, unit: Sequence[Quotation], found: _Found) -> bool:
    """Whether a quote is a short quoted fragment inside its sentence with its cue further on:
    a term, a label or a title in quotation marks ("the “opt out” movement is about …, she
    said", "a “supermax” prison in Colorado, an official said"), not the words the cue
    reports. The fragment has at most :data:`_MAX_FRAGMENT_WORDS` words, words of its sentence
    before it (and no introducing colon or dash; a comma may stand between: "two ferries,
    “Sea Star” and …, she said") and a word right after it, before the cue. (A fragment
    after its cue is left to the merge stage, where it may continue the report its cue
    begins.)

    >>> from quoteattr.pipeline import get_pipeline
    >>> from quoteattr.attribution.quotations import find_quotations
    >>> doc = get_pipeline().parse('The “opt out” movement keeps growing, the mayor said.')
    >>> direct_quotes(doc, find_quotations(doc.text))
    []
    """
    if len(unit) != 1 or not unit[0].content_spans or found.cue is None:
        return False
    q = unit[0]
    if found.cue.start < q.end or sum(len(s.text.split()) for s in q.content_spans) > _MAX_FRAGMENT_WORDS:
        return False
    lead = _lead(d, q.start)
    if not _has_words(lead) or _introduces(d, q.start) and d.last_char_before(q.start) != ",":
        return False
    return d.text[q.end : q.end + 1] == " " and d.text[q.end + 1 : q.end + 2].isalnum()


def _attribute(d: _Doc, unit: Sequence[Quotation]) -> tuple[_Found | None, bool]:
    """The cue and speaker of a quote unit, and whether the quote stands alone (floating)."""
    first, last = unit[0], unit[-1]
    for a, b in zip(unit, unit[1:]):
        gap = d.words_between(a.end, b.start)
        found = _find_cue(d, gap, False, unit, True) or _plain_verb(d, gap, unit, a)
        if found:
            return found, False
    lead = _lead(d, first.start)
    tail = _tail(d, last.end)
    tail_ok = _tail_attaches(d, last, tail)
    # lead first when the quote sits inside a sentence or is introduced by it,
    # else the attribution after it; a cue with a speaker beats one without
    in_lead = _find_cue(d, lead, True, unit)
    in_tail = _find_cue(d, tail, False, unit, True) if tail_ok else None
    options = [in_lead, in_tail] if _introduces(d, first.start) or _has_words(lead) else [in_tail, in_lead]
    found_any = [f for f in options if f is not None]
    if found_any:
        return next((f for f in found_any if f.speaker is not None), found_any[0]), False
    full = _full_sentence(unit)
    if tail_ok and not _has_words(lead):
        found = _plain_verb(d, tail, unit)
        if found:
            return found, False
    before = d.last_char_before(first.start)
    opens = not _has_words(lead) or before == ":" or (full and before == "," and len(lead) <= 4)
    titled = title_case(unit) and before != ":"
    return None, opens and (full or not tail_ok) and not titled


def direct_quotes(doc: Any, quotations: Sequence[Quotation]) -> list[Candidate]:
    """Direct quote candidates of a parsed stanza ``Document``, in text order.

    ``quotations`` are the document's quotations
    (:func:`quoteattr.attribution.quotations.find_quotations`); nested ones are part of the
    quote around them.  Quoted fragments without any cue in their sentence
    are not returned.
    """
    d = _Doc(doc, quotations)
    out = []
    for unit in _units(d):
        if _named_work(d, unit):
            continue
        found, alone = _attribute(d, unit)
        if found is None and not alone:
            continue
        if found is not None and _fragment(d, unit, found):
            continue
        spans = tuple(s for q in unit for s in q.content_spans)
        if found is None:
            sent = d.sentence_of(spans[0].start if spans else unit[0].start)
            out.append(Candidate("direct", unit[0].start, unit[-1].end, spans, None, None, None, sent))
        else:
            out.append(Candidate("direct", unit[0].start, unit[-1].end, spans, found.cue, found.speaker, found.head,
                                 found.sent, found.cls))
    return out
