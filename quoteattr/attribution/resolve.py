"""Speaker resolution inside one document: mentions → entities.

Every speaker mention of the quote candidates, every proper name of the
document (with the title words around it) and every third-person subject
pronoun is read in document order and linked to an entity:

* a proper name to the entity whose name it repeats ("Savett", "Mr. Savett"
  → "Sean Savett"; "HTS" → "Hayat Tahrir al-Sham"; "the U.S." → "the United
  States");
* a pronoun (he, she, they, it) to the most salient compatible entity
  (salience: grammatical role, halved per sentence back; compatibility: kind,
  gender from honorifics, first names, role words and earlier pronouns);
* a definite description ("the diplomat", "the official", "the group") to
  the most salient entity whose role or organisation answers to it, through
  the broader terms of ``data/titles.tsv`` and ``data/org_words.tsv``;
* an unnamed source ("a senior official", "critics") to a new entity
  without a name.

Coreference chains of the stanza document (``doc.coref``, when the
pipeline had a coref processor) are followed first; the rules fill the gaps.
A floating quote (no speaker, no cue) takes the entity of the previous quote
in the same or the previous paragraph.

>>> import quoteattr
>>> d = quoteattr.extract('Kremlin spokesman Dmitry Peskov spoke on Monday. "We are ready," he said.')
>>> e = d.speaker_of(d.quotes[0])
>>> e.name, e.label
('Dmitry Peskov', 'Kremlin spokesman Dmitry Peskov')
"""

from __future__ import annotations

import bisect
import itertools
from typing import Any, Sequence

import attrs
import regex

from ..lexicon.clause_words import role_words
from ..lexicon.tables import cached
from ..lexicon.cues import lookup, word_cue
from ..lexicon.marks import LINE_BREAK_PATTERN
from ..model import Candidate, Entity, Quote, Span
from ..parsing.tree import Tree, word_span
from ..lexicon.people import countries, document_words, group_nouns, ner_kinds, org_words, pronouns, quantity_words, time_words
from .layout import furniture_lines, is_short_label
from ._spans import SpanIndex
from .quotations import has_line_break, line_end, line_start, paragraph_spans
from .speakers import (
    MentionParts,
    defined_acronyms,
    is_time_or_quantity,
    label_of,
    mention_span,
    name_keys,
    name_suffix,
    short_organization,
    split_mention,
)

__all__ = ["resolve"]

#: Salience weight of a mention by its grammatical role.
_ROLE_WEIGHT = {"speaker": 4.0, "nsubj": 3.0, "obl": 2.0, "other": 1.0}
#: How many sentences back a pronoun or description may look.
_WINDOW = 8


@attrs.define
class _Mention:
    start: int
    end: int
    sentence: int
    parts: MentionParts
    weight: float
    head: tuple[int, int] | None = None
    speaker: bool = False
    entity: int | None = None
    group: int | None = None  # overlapping mentions (a speaker span and a name inside it) share an entity
    paragraph: int = 0
    document: bool = False  # a document that speaks for its author ("Ruiz's letter"): not a name or title of it
    plural: bool = False  # headed by a plural noun ("Democrats", "the candidates")


@attrs.define
class _Ent:
    index: int
    kind: str = "unknown"
    gender: str | None = None
    plural: bool = False
    keys: set[str] = attrs.field(factory=set)
    org_key: str | None = None
    broader: set[str] = attrs.field(factory=set)
    mentions: list[_Mention] = attrs.field(factory=list)
    chains: set[int] = attrs.field(factory=set)
    suffixes: set[str] = attrs.field(factory=set)  # generational suffixes of its full names ("" for none)
    in_order: bool = True  # whether its mentions are in order of sentence (salience then looks at the window only)

    def takes_suffix(self, name: str) -> bool:
        """Whether a full name with ``name``'s suffix may be this entity: "John Smith Jr." is not
        "John Smith" ("Smith" alone may be either)."""
        return len(name_keys(name)) < 2 or not self.suffixes or (name_suffix(name) or "") in self.suffixes

    def salience(self, sentence: int, before: int, paragraph: int = 0) -> float:
        """Sum of mention weights, halved per sentence and per paragraph break back."""
        total = 0.0
        first = bisect.bisect_left(self.mentions, sentence - _WINDOW, key=_sentence) if self.in_order else 0
        for m in itertools.islice(self.mentions, first, None):
            if m.start >= before or m.sentence > sentence or sentence - m.sentence > _WINDOW:
                continue
            total += m.weight * 0.5 ** (sentence - m.sentence + max(0, paragraph - m.paragraph))
        return total


def _head_word(sentence: Any, start: int, end: int) -> Any | None:
    inside = [w for w in sentence.words if start <= word_span(w)[0] and word_span(w)[1] <= end]
    ids = {w.id for w in inside}
    for w in inside:
        if w.head not in ids:
            return w
    return inside[-1] if inside else None


def _sentence_starts(doc: Any) -> list[int]:
    """Start offsets of the sentences of ``doc`` (up to the first one without tokens), for
    :func:`_sentence_of`."""
    out = []
    for sent in doc.sentences:
        if not sent.tokens:
            break
        out.append(sent.tokens[0].start_char)
    return out


def _sentence_of(starts: Sequence[int], offset: int) -> int:
    """The index of the last sentence starting at or before ``offset`` (0 if none), given the
    :func:`_sentence_starts` of the document."""
    return max(0, bisect.bisect_right(starts, offset) - 1)


def _weight(word: Any | None) -> float:
    if word is None:
        return _ROLE_WEIGHT["other"]
    rel = word.deprel.split(":")[0]
    if rel == "nsubj":
        return _ROLE_WEIGHT["nsubj"]
    if rel == "obl":
        return _ROLE_WEIGHT["obl"]
    return _ROLE_WEIGHT["other"]


def _chains(word: Any | None) -> set[int]:
    if word is None:
        return set()
    out = set()
    for att in getattr(word, "coref_chains", None) or ():
        chain = getattr(att, "chain", None)
        if chain is not None:
            out.add(int(getattr(chain, "index", id(chain))))
    return out


#: A letter (precompiled: the tests below run for every word).
_LETTER = regex.compile(r"\p{L}")
#: A capitalised word that may be a surname ("May").
_CAPITALISED = regex.compile(r"\p{Lu}[\p{L}.'’-]+")

#: Word classes a title-case headline may leave in lower case.
_HEADLINE_LOWER = frozenset({"ADP", "DET", "CCONJ", "SCONJ", "PART", "PUNCT", "SYM", "NUM"})


def _headline(sentence: Any) -> bool:
    """Whether a sentence is a title-case headline (``Mayor Vows To Fight Port Closure``).

    Every content word capitalised, and six or more of them (or four with a verb
    among them): its capitalised words are not one long name.
    """
    content = [w for w in sentence.words if w.upos not in _HEADLINE_LOWER and _LETTER.match(w.text or "")]
    if any(not w.text[:1].isupper() for w in content):
        return False
    return len(content) >= 6 or (len(content) >= 4 and any(w.upos in ("VERB", "AUX") for w in content))


def _name_runs(sentence: Any) -> list[tuple[Any, tuple[int, int]]]:
    """Head words of the maximal proper-noun runs of a sentence (none in a title-case headline),
    each with the character span of its run."""
    if _headline(sentence):
        return []
    heads = []
    words = sentence.words
    i = 0
    while i < len(words):
        if words[i].upos != "PROPN":
            i += 1
            continue
        j = i
        while j + 1 < len(words) and (words[j + 1].upos == "PROPN" or (
                words[j + 1].text == "-" and j + 2 < len(words) and words[j + 2].upos == "PROPN")):
            j += 1
        run = words[i : j + 1]
        ids = {w.id for w in run}
        head = next((w for w in run if w.head not in ids), run[-1])
        heads.append((head, (word_span(run[0])[0], word_span(run[-1])[1])))
        i = j + 1
    return heads


#: A dash between spaces: a heading before it is no part of a name after it ("JUST TOO EARLY - Ann Lee").
_SPACED_DASH = regex.compile(r"\s[-–—―]\s")


def _beside_dash(text: str, a: int, b: int, at: int) -> tuple[int, int]:
    """The part of span ``a:b`` on the side of a spaced dash where offset ``at`` lies.

    >>> t = "EARLY POLLS - Ann Lee"
    >>> a, b = _beside_dash(t, 0, len(t), t.index("Lee")); t[a:b]
    'Ann Lee'
    """
    for m in _SPACED_DASH.finditer(text, a, b):
        if m.end() <= at:
            a = m.end()
        elif m.start() >= at:
            b = m.start()
            break
    return a, b


def _with_ner(parts: MentionParts, word: Any) -> MentionParts:
    """``parts`` with its kind taken from the NER tag of ``word`` when the pipeline has NER."""
    token = getattr(word, "parent", None)
    tag = getattr(token, "ner", None) if token is not None else None
    if not tag or tag == "O" or parts.role or parts.honorific:
        return parts
    kind = ner_kinds().get(tag.split("-", 1)[-1])
    if kind is None or kind == parts.kind:
        return parts
    return attrs.evolve(parts, kind=kind)


def _org_key(parts: MentionParts, acronyms: dict[str, str]) -> str | None:
    if parts.kind != "organization" or not parts.name:
        return None
    name = parts.name
    c = countries().get(name.lower()) or countries().get(name.lower().removeprefix("the "))
    if c is not None:
        return "country:" + (c.capital.lower() if c.capital and name.lower() == c.capital.lower() else c.name.lower())
    return "org:" + short_organization(name, acronyms).lower().replace(".", "")


def _compatible(ent: _Ent, parts: MentionParts) -> bool:
    """Whether pronoun ``parts`` may stand for ``ent``."""
    p = pronouns().get(parts.pronoun or "")
    if p is None:
        return False
    if p.kind == "person":
        if ent.kind != "person" or ent.plural:
            return False
        return not (p.gender and ent.gender and p.gender != ent.gender)
    if p.kind == "organization":
        return ent.kind == "organization" and not ent.plural
    # they / we: organisations, plural unnamed groups
    return ent.kind == "organization" or ent.plural


def _plural_pronoun(parts: MentionParts) -> bool:
    """Whether ``parts`` is a plural pronoun (``data/pronouns.tsv``: they, them, we)."""
    p = pronouns().get(parts.pronoun or "")
    return p is not None and p.number == "pl"


def _paragraph_starts(text: str) -> list[int]:
    """Start offsets of the paragraphs of ``text`` (:func:`~quoteattr.attribution.quotations.paragraph_spans`:
    a soft line wrap inside a sentence does not start one)."""
    return [0] + [a for a, _ in paragraph_spans(text)[1:]]


def _paragraph(starts: list[int], offset: int) -> int:
    """The index of the paragraph holding ``offset`` given the :func:`_paragraph_starts` (sorted)."""
    return max(0, bisect.bisect_right(starts, offset) - 1)


class _Where:
    """Where things lie in one document, found once for all its quotes: paragraph and sentence
    starts, the spans of the sentences with tokens, and (once read) the linked mentions by head word."""

    def __init__(self, doc: Any) -> None:
        self.paragraphs = _paragraph_starts(doc.text)
        self.sentences = _sentence_starts(doc)
        self.spans = [(t.tokens[0].start_char, t.tokens[-1].end_char, si) for si, t in enumerate(doc.sentences)
                      if t.tokens]
        self.span_starts = [a for a, _, _ in self.spans]
        self.heads: dict[tuple[int, int], int] = {}

    def read(self, mentions: Sequence[_Mention]) -> None:
        """Index the linked ``mentions`` by head word."""
        self.heads = {m.head: m.entity for m in mentions if m.head is not None and m.entity is not None}

    def sentences_near(self, start: int, end: int) -> list[tuple[int, int, int]]:
        """``(start, end, index)`` of the sentences from the one holding ``start`` to the last
        starting before ``end`` (in order; the sentences that overlap ``start:end`` are among them)."""
        first = max(0, bisect.bisect_right(self.span_starts, start) - 1)
        return self.spans[first : bisect.bisect_left(self.span_starts, end)]


def _off_furniture(c: Candidate, lines: Sequence[tuple[int, int]], text: str) -> Candidate | None:
    """``c`` without the lines of page furniture it runs over (a parse may run a furniture line
    into the next sentence); ``None`` when nothing else is left or its speaker is on such a line."""
    if not any(a <= c.end and c.start <= b for a, b in lines):
        return c
    if c.speaker is not None and SpanIndex(lines).any_holding(c.speaker.start, c.speaker.end):
        return None
    spans = []
    for sp in c.content_spans:
        pieces = [(sp.start, sp.end)]
        for a, b in lines:
            pieces = [p for x, y in pieces for p in ((x, min(y, a)), (max(x, b + 1), y)) if p[0] < p[1]]
        spans += [Span.of(text, x, y) for x, y in pieces if text[x:y].strip()]
    if not spans:
        return None
    start = c.start
    for a, b in lines:
        if a <= start <= b:
            start = min(b + 1, spans[0].start)
    return attrs.evolve(c, start=max(start, 0), content_spans=tuple(spans))


def _is_time(mention: str) -> bool:
    """Whether a mention is a time or date ("Friday", "Nov. 27", "last week")."""
    return is_time_or_quantity(mention) and any(w.lower().rstrip(".") in time_words() for w in mention.split())


class _Taken:
    """The spans already read as mentions while :func:`_collect` goes through the sentences: the
    speakers' (all known at the start, indexed once) and those read since, kept by sentence, so a
    test looks at the spans of the sentence at hand (and at earlier ones only when one of them
    reaches that far), never at every span of the document."""

    def __init__(self, speakers: Sequence[tuple[int, int]]) -> None:
        self.keys = set(speakers)
        self.speakers = SpanIndex(speakers)
        self.current: list[tuple[int, int]] = []
        self.older: list[tuple[int, int]] = []
        self.reach = -1  # the furthest end of the older spans

    def __contains__(self, span: tuple[int, int]) -> bool:
        return span in self.keys

    def next_sentence(self) -> None:
        self.older += self.current
        self.reach = max([self.reach] + [y for _, y in self.current])
        self.current = []

    def add(self, span: tuple[int, int]) -> None:
        self.keys.add(span)
        self.current.append(span)

    def _read(self, a: int) -> list[tuple[int, int]]:
        return self.current + self.older if self.reach >= a else self.current

    def overlaps_read(self, a: int, b: int, but: set[tuple[int, int]]) -> bool:
        """Whether a span read since the speakers (none of ``but``) overlaps ``a:b``."""
        return any(x < b and a < y and (x, y) not in but for x, y in self._read(a))

    def holds(self, a: int, b: int) -> bool:
        """Whether a span taken holds ``a:b``."""
        return self.speakers.any_holding(a, b) or any(x <= a and b <= y for x, y in self._read(a))

    def crosses(self, a: int, b: int) -> bool:
        """Whether a span taken overlaps ``a:b`` without lying strictly inside it."""

        def crossing(x: int, y: int) -> bool:
            return x < b and a < y and not (a <= x and y <= b and (x, y) != (a, b))

        return any(crossing(*self.speakers.spans[k]) for k in self.speakers.overlapping(a, b)) \
            or any(crossing(x, y) for x, y in self._read(a))


def _group_subject(word: Any) -> bool:
    """Whether ``word`` heads a plural subject naming people (``data/group_nouns.tsv``: "the
    candidates", "Trump's supporters"): a group that a later "they" may stand for. (Not a
    plural-tagged name: the tagger reads "Sanders" as one, a plural whose lemma is itself.)"""
    return word.deprel.split(":")[0] == "nsubj" and word.upos == "NOUN" and word.xpos == "NNS" \
        and (word.lemma or "").lower() in group_nouns() and word.lemma != word.text


def _group_mention(tree: Tree, w: Any, text: str, quoted: SpanIndex, taken: "_Taken",
                   acronyms: dict[str, str]) -> tuple[int, int, MentionParts] | None:
    """The span and parts of the plural subject headed by ``w``, unless it is quoted, overlaps a
    mention already read (a name inside it may be: "Trump's supporters") or is a time or quantity."""
    a, b = mention_span(tree, w.id)
    if quoted.any_holding(a, b) or taken.crosses(a, b):
        return None
    mention = text[a:b]
    if is_time_or_quantity(mention):
        return None
    return a, b, split_mention(mention, acronyms)


def _collect(doc: Any, candidates: Sequence[Candidate], acronyms: dict[str, str]) -> list[_Mention]:
    text = doc.text
    quoted = [(s.start, s.end) for c in candidates if c.kind in ("direct", "mixed") for s in c.content_spans]
    quoted = SpanIndex(quoted + furniture_lines(text))
    out: list[_Mention] = []
    taken: list[tuple[int, int]] = []  # the speakers' spans
    sentence_starts = _sentence_starts(doc)
    seen: set[tuple[int, int]] = set()
    for c in candidates:
        if c.speaker is None:
            continue
        if c.speaker_head is not None:
            si, wid = c.speaker_head
        else:
            si = _sentence_of(sentence_starts, c.speaker.start)
            w = _head_word(doc.sentences[si], c.speaker.start, c.speaker.end)
            wid = w.id if w is not None else None
        key = (c.speaker.start, c.speaker.end)
        if key in seen:
            continue
        seen.add(key)
        taken.append(key)
        parts = split_mention(c.speaker.text or text[c.speaker.start : c.speaker.end], acronyms)
        head = (si, wid) if wid is not None else None
        out.append(_Mention(c.speaker.start, c.speaker.end, si, parts, _ROLE_WEIGHT["speaker"], head, True))
    speakers = SpanIndex([(m.start, m.end) for m in out])  # out holds the speakers' mentions only so far
    taken = _Taken(taken)
    for si, sent in enumerate(doc.sentences):
        taken.next_sentence()
        tree = Tree.of(si, sent)  # indexed once for the sentence's name runs
        for w, (x, y) in _name_runs(sent):
            a, b = mention_span(tree, w.id)
            if b >= x and y >= a:  # "Sonya Herridge" parsed as two subjects: the mention is the whole run
                a, b = min(a, x), max(b, y)
            a, b = _beside_dash(text, a, b, word_span(w)[0])
            if quoted.any_holding(a, b) or (a, b) in taken:
                continue
            parts = split_mention(text[a:b], acronyms)
            if not parts.name:
                continue
            parts = _with_ner(parts, w)
            overlap = [out[k] for k in speakers.overlapping(a, b)]
            if overlap and taken.overlaps_read(a, b, {(m.start, m.end) for m in overlap}):
                continue  # a name overlapping a speaker and a mention read before it
            within = [m for m in overlap if m.start <= a and b <= m.end]
            if within and within[0].parts.name:
                if set(name_keys(parts.name)) & set(name_keys(within[0].parts.name or "")):
                    continue  # the speaker's own name, already read with its title
                overlap = []  # another name inside the speaker's phrase: "an analyst at Brook Capital"
            elif within and (within[0].parts.role or within[0].parts.text.split()[0].lower() in quantity_words()
                             or set(name_keys(parts.name)) <= set(name_keys(within[0].parts.organization or ""))):
                # "a spokesperson for the SDF", "Others in the African-American community", "Tom Berg's
                # office": a name inside the description of an unnamed speaker is its affiliation
                overlap = []
            taken.add((a, b))
            mention = _Mention(a, b, si, parts, _weight(w), (si, w.id))
            if overlap:
                mention.group = overlap[0].group = id(overlap[0])
            out.append(mention)
        for w in sent.words:
            lo = w.text.lower()
            if w.upos == "PRON" and w.deprel.split(":")[0] == "nsubj" and lo in pronouns() \
                    and pronouns()[lo].person == 3:
                a, b = word_span(w)
                if quoted.any_holding(a, b) or taken.holds(a, b):
                    continue
                taken.add((a, b))
                out.append(_Mention(a, b, si, split_mention(w.text), _ROLE_WEIGHT["nsubj"], (si, w.id)))
            elif _group_subject(w):
                group = _group_mention(tree, w, text, quoted, taken, acronyms)
                if group is not None:
                    a, b, parts = group
                    taken.add((a, b))
                    out.append(_Mention(a, b, si, parts, _ROLE_WEIGHT["nsubj"], (si, w.id), plural=True))
    starts = _paragraph_starts(text)
    for m in out:
        m.paragraph = _paragraph(starts, m.start)
    out.sort(key=lambda m: (m.start, -m.end))
    return out


def _start(m: _Mention) -> int:
    return m.start


def _sentence(m: _Mention) -> int:
    return m.sentence


def _word(doc: Any, head: tuple[int, int] | None) -> Any | None:
    if head is None:
        return None
    si, wid = head
    try:
        return doc.sentences[si].words[wid - 1]
    except (IndexError, TypeError):
        return None


def _link(doc: Any, mentions: list[_Mention], acronyms: dict[str, str]) -> list[_Ent]:
    ents: list[_Ent] = []
    chain_owner: dict[int, int] = {}
    # the entities by name key, by organisation key (the first one) and by the sentences of their
    # mentions: a mention is compared with the entities that may take it, never with all of them
    by_key: dict[str, set[int]] = {}
    by_org: dict[str, int] = {}
    by_sentence: dict[int, set[int]] = {}

    def new(m: _Mention) -> _Ent:
        e = _Ent(len(ents), kind=m.parts.kind, gender=m.parts.gender)
        ents.append(e)
        return e

    def add(e: _Ent, m: _Mention, chains: set[int]) -> None:
        p = m.parts
        m.entity = e.index
        e.in_order = e.in_order and (not e.mentions or e.mentions[-1].sentence <= m.sentence)
        e.mentions.append(m)
        by_sentence.setdefault(m.sentence, set()).add(e.index)
        if p.name:
            e.keys |= set(name_keys(p.name))
            for key in name_keys(p.name):
                by_key.setdefault(key, set()).add(e.index)
            if len(name_keys(p.name)) >= 2:
                e.suffixes.add(name_suffix(p.name) or "")
            k = _org_key(p, acronyms)
            e.org_key = e.org_key or k
            if e.org_key is not None:
                by_org[e.org_key] = min(by_org.get(e.org_key, e.index), e.index)
        if p.kind != "unknown" and (e.kind == "unknown" or (p.name and p.kind == "person" and p.role)):
            e.kind = p.kind
        if p.gender and not e.gender:
            e.gender = p.gender
        e.broader |= set(p.broader)
        if m.plural or p.name is None and p.pronoun is None and p.text[-1:].lower() == "s" and not p.definite \
                and (p.determiner is None or p.determiner.lower() not in ("a", "an")):
            e.plural = True  # "critics", "officials", "the candidates"
        for ch in chains:
            chain_owner.setdefault(ch, e.index)
        e.chains |= chains

    def most_salient(m: _Mention, ok) -> _Ent | None:
        best, score = None, 0.0
        # an entity without a mention in the window has no salience
        near = set().union(*(by_sentence.get(k, ()) for k in range(m.sentence - _WINDOW, m.sentence + 1)))
        for e in (ents[k] for k in sorted(near)):
            if not ok(e):
                continue
            s = e.salience(m.sentence, m.start, m.paragraph)
            if m.parts.gender and e.gender == m.parts.gender:
                s *= 2  # a known matching gender is stronger evidence than an unknown one
            if e.plural and _plural_pronoun(m.parts):
                s *= 2  # "they" prefers a group to a body spoken of in the singular
            if s > score:
                best, score = e, s
        return best

    groups: dict[int, int] = {}
    for m in mentions:
        p = m.parts
        chains = _chains(_word(doc, m.head))
        target: _Ent | None = None
        if m.group is not None and m.group in groups:
            target = ents[groups[m.group]]
        if m.plural:
            # a group subject ("the candidates", "Democrats") is never one person named before it:
            # it repeats a group of the same name or starts its own
            keys = set(name_keys(p.name or ""))
            target = next((e for e in ents if e.plural and keys and e.keys == keys), None) or new(m)
        if target is None and p.name:
            key = _org_key(p, acronyms)
            toks = set(name_keys(p.name))
            if key is not None:
                target = ents[by_org[key]] if key in by_org else None
            if target is None and toks and p.kind != "organization":
                named = sorted(set().union(*(by_key.get(t, ()) for t in toks)))  # sharing a key with it
                fits = [e for e in (ents[k] for k in named) if e.kind != "organization" and e.keys
                        and (toks <= e.keys or e.keys <= toks) and e.takes_suffix(p.name)]
                if fits:
                    target = max(fits, key=lambda e: (e.salience(m.sentence, m.start, m.paragraph), e.mentions[-1].start))
        if target is None and p.name is None and p.pronoun is None and _CAPITALISED.fullmatch(p.text):
            # "May said": a surname that is also a time word, when the document names a person by it
            key = p.text.lower().rstrip(".")
            target = next((ents[k] for k in sorted(by_key.get(key, ()), reverse=True) if ents[k].kind == "person"), None)
        if target is None and m.speaker and p.pronoun is None and is_short_label(p.text):
            # a transcript's turn label ("A:") is the same speaker at every turn
            target = next((ents[x.entity] for x in mentions if x.entity is not None and x.speaker
                           and x.parts.text == p.text), None)
        if target is None and m.speaker:
            target = _author(doc.text, m, ents)
            m.document = target is not None
        if target is None and chains:
            owner = next((chain_owner[c] for c in chains if c in chain_owner), None)
            if owner is not None:
                target = ents[owner]
        if target is None and p.text.lower() in role_words("relative"):
            # "Lena Fisk, who said S": the relative pronoun stands for the mention right before it
            before = [x for x in mentions if x.end <= m.start and x.entity is not None
                      and not doc.text[x.end : m.start].strip(" ,\u00a0")]
            if before:
                target = ents[before[-1].entity]
        if target is None and p.pronoun:
            target = most_salient(m, lambda e: _compatible(e, p))
        elif target is None and p.definite and not p.name:
            noun = (p.role or p.title or "").lower()
            word = noun.split()[-1] if noun else ""
            wanted = {noun, word} - {""}
            if word in org_words():
                wanted |= set(org_words()[word][0])  # "the group" → any organisation
            kind = p.kind
            target = most_salient(
                m, lambda e: bool(wanted & e.broader) and (kind == "unknown" or e.kind in (kind, "unknown"))
            )
        if target is None:
            if p.pronoun and not m.speaker or _is_time(p.text):
                continue  # "Friday said …": a time is never a speaker; the quote's speaker stays unknown
            target = new(m)
        add(target, m, chains)
        if m.group is not None:
            groups.setdefault(m.group, target.index)
        if p.pronoun and pronouns()[p.pronoun].gender and not target.gender and target.kind == "person":
            target.gender = pronouns()[p.pronoun].gender
    return ents


@cached
def _author_pattern() -> regex.Pattern:
    """"Ruiz's letter" / "a statement from the ministry": the owner and the document noun of a
    mention, the prepositions being the ``author-case`` words of ``data/clause_words.tsv``."""
    cases = "|".join(sorted(map(regex.escape, role_words("author-case"))))
    return regex.compile(r"^(?:(?P<owner>.+?)['’]s?\s+(?:\w+\s+){0,2}?(?P<doc1>[\w-]+)"
                         rf"|(?:\w+\s+){{0,3}}?(?P<doc2>[\w-]+)\s+(?:{cases})\s+(?P<by>.+))$")


def _author(text: str, m: _Mention, ents: Sequence[_Ent]) -> _Ent | None:
    """The entity that wrote or issued a document that speaks ("Ruiz's letter", "a statement from
    the ministry", "the report by the inspector general"), when the document names it."""
    found = _author_pattern().match(m.parts.text.strip())
    if found is None:
        return None
    noun = (found.group("doc1") or found.group("doc2") or "").lower()
    who = found.group("owner") or found.group("by")
    if noun not in document_words() or not who:
        return None
    keys = set(name_keys(split_mention(who).name or who))
    fits = [e for e in ents if e.keys and keys and (keys <= e.keys or e.keys <= keys)]
    if not fits:
        word = who.lower().split()[-1]
        fits = [e for e in ents if word in e.broader] if word in org_words() else []
    return fits[-1] if fits else None


def _best_parts(e: _Ent, acronyms: dict[str, str]) -> tuple[str | None, str | None, str | None, str]:
    own = [m for m in e.mentions if not m.document] or e.mentions
    e = attrs.evolve(e, mentions=own)
    named = [m.parts for m in e.mentions if m.parts.name]
    name = honorific = None
    if named:
        best_named = max(named, key=lambda p: (len(p.name.split()), len(p.name), bool(p.honorific)))
        name, honorific = best_named.name, best_named.honorific
    relative = role_words("relative")
    titled = [m.parts for m in e.mentions if m.parts.short_title and m.parts.pronoun is None
              and m.parts.text.lower() not in relative]
    title = org = role = None
    if titled:
        best = max(titled, key=lambda p: (bool(p.role), bool(p.name), len(p.short_title.split()), -p.text.find(p.short_title or "")))
        title = best.short_title
        role = best.role
        org = best.organization
        if org is None:
            org = next((p.organization for p in titled if p.organization), None)
    kind = e.kind
    if kind == "organization" and name:
        label = label_of(name, None, kind=kind, acronyms=acronyms)
        org = None  # an organisation's own description ("Iranian news agency") is its title
    elif name:
        label = label_of(name, title, role=role, honorific=honorific, acronyms=acronyms)
    else:
        first = next((m.parts for m in e.mentions if m.parts.pronoun is None), None)
        label = first.label if first else (e.mentions[0].parts.label if e.mentions else "")
    return name, title, org, label


class _Bodies:
    """The entities of a document indexed for :func:`_organization_of`: those that are no person
    (and have mentions) by organisation key, by their set of name keys and by each broader term;
    the people by name key; and where each entity is first mentioned."""

    def __init__(self, ents: Sequence[_Ent]) -> None:
        self.ents = ents
        self.first = [min((m.start for m in e.mentions), default=-1) for e in ents]
        self.by_org: dict[str, list[int]] = {}
        self.by_keys: dict[frozenset[str], list[int]] = {}
        self.by_term: dict[str, list[int]] = {}
        self.people: dict[str, set[int]] = {}
        for e in ents:
            if e.kind == "person":
                for k in e.keys:
                    self.people.setdefault(k, set()).add(e.index)
                continue
            if not e.mentions:
                continue
            if e.org_key:
                self.by_org.setdefault(e.org_key, []).append(e.index)
            if e.keys:
                self.by_keys.setdefault(frozenset(e.keys), []).append(e.index)
            for t in e.broader:
                self.by_term.setdefault(t, []).append(e.index)


def _organization_of(org: str | None, person: _Ent, bodies: _Bodies, acronyms: dict[str, str]) -> _Ent | None:
    """The organisation entity of the document that a person's ``organization`` names: by its name,
    acronym or short form ("Port Authority", "HTS"), or, for a description ("the ministry", "the
    agency"), the organisation it answers to that was named last before the person (first after)."""
    if not org:
        return None
    parts = split_mention(org, acronyms)
    ents = bodies.ents

    def first_other(indices) -> int | None:
        return next((k for k in indices if k != person.index), None)

    if parts.name:
        key = _org_key(attrs.evolve(parts, kind="organization"), acronyms)
        keys = set(name_keys(parts.name))
        found = [k for k in (first_other(bodies.by_org.get(key, ())) if key else None,
                             first_other(bodies.by_keys.get(frozenset(keys), ())) if keys else None) if k is not None]
        if found:
            return ents[min(found)]
        if person.kind == "organization" and keys:
            # "Tom Berg's office": the office speaks for the person it is named after
            named = set.intersection(*(bodies.people.get(k, set()) for k in keys))
            k = first_other(sorted(named))
            return ents[k] if k is not None else None
        return None
    word = org.lower().split()[-1]
    if word not in org_words():
        return None
    wanted = set(org_words()[word][0])
    fits = [k for k in sorted(set().union(*(bodies.by_term.get(t, ()) for t in wanted))) if k != person.index]
    start = bodies.first[person.index]
    before = next((k for k in reversed(fits) if bodies.first[k] < start), None)
    return ents[before] if before is not None else (ents[fits[0]] if fits else None)


def _name_bodies(keep: Sequence[_Ent], parts: dict[int, tuple[str | None, str | None, str | None, str]],
                 acronyms: dict[str, str]) -> None:
    """Name an unnamed organisation ("the authority said") after the organisation of a person named
    before it that answers to the same word ("Port Authority Director Ana Ruiz")."""
    first = {e.index: min(m.start for m in e.mentions) for e in keep}
    # the people with an organisation of a known word, latest first, and by each broader term of it
    people: list[tuple[int, str]] = []
    by_term: dict[str, list[int]] = {}
    for p in sorted(keep, key=lambda x: -first[x.index]):
        body = parts[p.index][2]
        if p.kind == "person" and body and body.lower().split()[-1] in org_words():
            for term in set(org_words()[body.lower().split()[-1]][0]):
                by_term.setdefault(term, []).append(len(people))
            people.append((-first[p.index], body))
    for e in keep:
        name, title, org, label = parts[e.index]
        if name or e.kind != "organization" or not title or title.lower().split()[-1] not in org_words():
            continue
        wanted = set(org_words()[title.lower().split()[-1]][0])
        since = bisect.bisect_right(people, (-first[e.index], "\U0010ffff"))  # the first named before e
        found = [ks[k] for ks in (by_term.get(t, ()) for t in wanted) for k in (bisect.bisect_left(ks, since),)
                 if k < len(ks)]
        if found:
            body = people[min(found)][1]
            parts[e.index] = (body, None, None, label_of(body, None, kind="organization", acronyms=acronyms))
            e.keys |= set(name_keys(body))


def _aliases(e: _Ent, name: str | None, acronyms: dict[str, str]) -> tuple[str, ...]:
    """The other names ``e`` goes by: the names of its mentions, and an organisation's acronym or
    short form (tables and ``Full Name (ABC)`` in the text)."""
    names = {m.parts.name for m in e.mentions if m.parts.name}
    if e.kind == "organization":
        for n in list(names):
            names.add(short_organization(n, acronyms))
            names |= {short for full, short in acronyms.items() if full.lower() == n.lower()}
            names |= {full for full, short in acronyms.items() if short == n}
    return tuple(sorted(names - {name, None}))


def _alone(doc: Any, c: Candidate, where: _Where) -> bool:
    """Whether quote ``c`` stands alone in its sentences (no words outside its marks)."""
    text = doc.text
    for a, b, _ in where.sentences_near(c.start, c.end):
        if b <= c.start or a >= c.end:
            continue
        outside = text[a : max(a, c.start)] + text[min(b, c.end) : b]
        if _LETTER.search(outside):
            return False
    return True


#: A signature after a quote: a dash (``“…” — Ann Kerr``) or, when the quote ends its
#: paragraph, a next line that starts with the name (``Ann Kerr, Denver``).
_DASH = regex.compile(r"[\s,.]*(?:[―—–]|-{1,2})\s*")
_LINE_END = regex.compile(r"[\s,.;:]*(?:" + LINE_BREAK_PATTERN + r")\s*")
#: Longest signature line (a name and a place or role after it).
_SIGNATURE_CHARS = 80


def _signature(doc: Any, c: Candidate, mentions: Sequence[_Mention], starts: list[int]) -> _Mention | None:
    """The name that signs a quote without a cue, right after it.

    ``“…” ― Ann Kerr.`` (a dash and a name) or ``“…”`` ending its paragraph
    with a short next line that starts with a name (``Ann Kerr, Denver, Colo.``),
    as in letters and reader responses. Only a person's (or unknown) name.
    """
    text = doc.text
    m = _DASH.match(text, c.end)
    if m is not None and m.end() > c.end and not has_line_break(text[c.end : m.end()]):
        at = m.end()
    else:
        m = _LINE_END.match(text, c.end)
        if m is None:
            return None
        at = m.end()
        eol = line_end(text, at)
        eol = len(text) if eol < 0 else eol
        if eol - at > _SIGNATURE_CHARS:
            return None
        if _DASH.match(text, at) is not None and _DASH.match(text, at).end() > at:
            at = _DASH.match(text, at).end()
    # the mentions are in order of start
    for mention in itertools.takewhile(lambda x: x.start == at, mentions[bisect.bisect_left(mentions, at, key=_start):]):
        if not mention.parts.name or mention.entity is None:
            continue
        if mention.parts.kind == "organization":
            return None
        # the name must end its clause: a signature, not the subject of a new sentence
        rest = text[mention.end : mention.end + 40].lstrip(" \t\u00a0")
        if rest[:1] and rest[:1] not in ",.;(" and not has_line_break(rest[:1]):
            return None
        return mention
    return None


#: Relations by which a cue hangs, inside a relative clause, on the clause's verb.
_RELATIVE_CLIMB = frozenset({"conj", "xcomp", "advcl", "obj", "obl", "acl"})


def _relative_subject(doc: Any, c: Candidate) -> Span | None:
    """The relative pronoun a candidate's cue has for subject when its speaker is the noun the
    relative clause modifies (``officials who said S`` → ``who``), else ``None``."""
    if c.cue is None or c.speaker_head is None:
        return None
    si, wid = c.speaker_head
    try:
        sent = doc.sentences[si]
    except IndexError:
        return None
    cue = next((w for w in sent.words if word_span(w)[0] == c.cue.start), None)
    # "officials who met and said S" / "who want to add S" / "who opened the session by declaring
    # S" / "who raised concerns about Y": climb to the relative clause's verb
    for _ in range(4):
        if cue is None or not cue.head or cue.deprel.startswith("acl") and cue.head == wid \
                or cue.deprel.split(":")[0] not in _RELATIVE_CLIMB:
            break
        cue = sent.words[cue.head - 1]
    if cue is None or not cue.deprel.startswith("acl") or cue.head != wid:
        return None
    for w in sent.words:
        if w.head == cue.id and w.deprel in ("nsubj", "nsubj:pass") and (w.text or "").lower() in role_words("relative"):
            a, b = word_span(w)
            return Span.of(doc.text, a, b)
    return None


def _previous_speaker(doc: Any, c: Candidate, where: _Where) -> int | None:
    """The entity that speaks in the sentence right before a floating quote.

    ``Kerr told the council of her plans. “We start in May.”``: the subject of a
    speech verb (``data/cues.tsv``) in the sentence before the quote, in its
    paragraph or the one before, when that subject is a linked mention.
    """
    si = _sentence_of(where.sentences, c.start)
    if si == 0:
        return None
    sent = doc.sentences[si - 1]
    starts = where.paragraphs
    if not sent.tokens or _paragraph(starts, sent.tokens[0].start_char) < _paragraph(starts, c.start) - 1:
        return None
    heads = where.heads
    for w in sent.words:
        if w.upos != "VERB" or word_cue(w) is None:
            continue
        for sub in sent.words:
            if sub.head == w.id and sub.deprel in ("nsubj", "nsubj:pass") and (si - 1, sub.id) in heads:
                a, _ = word_span(sub)
                if not (c.start <= a < c.end):
                    return heads[(si - 1, sub.id)]
    return None


#: Dashes that end a heading before the name of who speaks ("Pollsters agree - Carl Bialik:").
_DASHES = frozenset("-–—―")


def _introduced(doc: Any, c: Candidate, where: _Where) -> Candidate:
    """A cue-less quote introduced by a clause ending in a colon takes that clause's subject as its
    speaker: ``The Times reports: “…”``, ``Sanders made the following comment:⏎⏎“…”``,
    ``Loretta Lynch: ‘Be the voice…’``."""
    if c.cue is not None or c.speaker is not None:
        return c
    text = doc.text
    k = c.start
    while k > 0 and text[k - 1].isspace():
        k -= 1
    if k == 0 or text[k - 1] != ":":
        return c
    colon = k - 1
    for a, b, si in where.sentences_near(colon, colon + 1):
        sent = doc.sentences[si]
        if not (a <= colon < b):
            continue
        before = [w for w in sent.words if word_span(w)[1] <= colon]
        ids = {w.id for w in before}
        starts_at = line_start(text, colon)
        before = [w for w in before if word_span(w)[0] >= starts_at]
        dashes = [k for k, w in enumerate(before) if w.text in _DASHES]
        if dashes:  # "Pollsters agree - Carl Bialik: “…”": a heading, a dash, then who speaks
            before = before[dashes[-1] + 1 :]
            starts_at = word_span(before[0])[0] if before else starts_at
        nominal = [w for w in before if w.head in ids and w.upos in ("PROPN", "NOUN", "PRON")]
        subject = next((w for w in nominal if w.deprel == "obl:agent"), None) or next(
            (w for w in nominal if w.deprel in ("nsubj", "nsubj:pass")), None)  # "… is shown by this finding:"
        chunk = before
        if chunk and chunk[-1].upos == "PUNCT":
            chunk = chunk[:-1]
        if chunk and chunk[-1].upos == "NOUN" and lookup(chunk[-1].text.lower(), "VERB") is not None \
                or chunk and lookup(chunk[-1].lemma or "", "VERB") is not None and chunk[-1].upos == "NOUN":
            chunk = chunk[:-1]  # "The Times reports:" with the verb read as a noun
        if subject is None and chunk and all(w.upos in ("PROPN", "DET", "PUNCT", "CCONJ") for w in chunk) \
                and any(w.upos == "PROPN" for w in chunk) and chunk[0].upos != "CCONJ":
            # "Loretta Lynch: …", "The Times reports: …": the names before the colon
            words = [w for w in chunk if w.upos != "PUNCT"]
            last = [w for w in words if w.upos == "PROPN"][-1]
            a, b = word_span(words[0])[0], word_span(last)[1]
            return attrs.evolve(c, speaker=Span.of(text, a, b), speaker_head=(si, last.id))
        if subject is None:
            return c
        a, b = mention_span(sent, subject.id)
        if b > colon:
            b = word_span(subject)[1]
        if a < starts_at and dashes and word_span(subject)[0] >= starts_at:
            a = starts_at  # the heading before the dash is no part of the speaker
        if a < starts_at:
            return c
        return attrs.evolve(c, speaker=Span.of(text, a, b), speaker_head=(si, subject.id))
    return c


#: Longest quote read as a turn of a dialogue (a line of an exchange, not a statement).
_TURN_CHARS = 160


def _dialogue_turn(n: int, cands: Sequence[Candidate], assigned: Sequence[int | None], alternated: set[int],
                   pars: Sequence[int], text: str) -> int | None:
    """The speaker of a cue-less quote that is a turn of a two-party exchange, else ``None``.

    Each of the two quotes before it is alone in its paragraph, in the two paragraphs right before,
    with two different speakers; and the exchange is under way (the earlier of the two asks a
    question, or the later one was itself read as a turn). The turn goes back to the speaker two
    quotes back: ``“Where were you?” Ana asked. / “At the port,” Ben said. / “All night?”`` is Ana's.
    """
    if n < 2 or cands[n].end - cands[n].start > _TURN_CHARS:
        return None
    par = pars[n]  # the paragraph of each candidate
    k1, k2 = n - 1, n - 2
    if pars[k1] != par - 1 or pars[k2] != par - 2 or (k2 > 0 and pars[k2 - 1] == pars[k2]):
        return None
    a, b = assigned[k2], assigned[k1]
    if a is None or b is None or a == b:
        return None
    asks = text[cands[k2].start : cands[k2].end].rstrip("”\"’' ").endswith("?")
    return a if asks or k1 in alternated else None


def resolve(doc: Any, candidates: Sequence[Candidate]) -> tuple[tuple[Quote, ...], tuple[Entity, ...]]:
    """Group speaker mentions into entities and attribute every candidate.

    Returns the quotes (ids ``q1``, ``q2``… in document order) and the
    entities that speak or are named as speakers (ids ``e1``, ``e2``… in
    order of first mention).
    """
    text = doc.text
    furniture = furniture_lines(text)
    cands = sorted((k for k in (_off_furniture(c, furniture, text) for c in candidates) if k is not None),
                   key=lambda c: (c.start, c.end))
    acronyms = defined_acronyms(text)
    where = _Where(doc)
    cands = [_introduced(doc, c, where) for c in cands]
    mentions = _collect(doc, cands, acronyms)
    ents = _link(doc, mentions, acronyms)
    by_span = {(m.start, m.end): m.entity for m in mentions if m.speaker}
    where.read(mentions)
    starts = where.paragraphs
    pars = [_paragraph(starts, c.start) for c in cands]

    assigned: list[int | None] = []
    signed: dict[int, Span] = {}
    carried: dict[int, int] = {}  # a quote that goes on from an earlier one: the index of that one
    alternated: set[int] = set()
    for n, c in enumerate(cands):
        ent = None
        if c.speaker is not None:
            ent = by_span.get((c.speaker.start, c.speaker.end))
        elif c.cue is None:
            byline = _signature(doc, c, mentions, starts)
            turn = _dialogue_turn(n, cands, assigned, alternated, pars, text)
            if byline is not None:
                ent = byline.entity
                signed[n] = Span.of(text, byline.start, byline.end)
            elif turn is not None:
                ent = turn
                alternated.add(n)
                carried[n] = n - 2
            elif _alone(doc, c, where):
                par = pars[n]
                for k in range(n - 1, -1, -1):
                    if pars[k] < par - 1:
                        break
                    if assigned[k] is not None:
                        ent = assigned[k]
                        carried[n] = k
                        break
                if ent is None:
                    ent = _previous_speaker(doc, c, where)
        assigned.append(ent)

    # "officials who said S": the quote hangs on the relative pronoun, which stands for its noun
    relatives: dict[int, Span] = {}
    for n, c in enumerate(cands):
        if c.speaker is not None and assigned[n] is not None:
            rel = _relative_subject(doc, c)
            if rel is not None:
                relatives[n] = rel
    extra: dict[int, set[Span]] = {}
    for n, rel in relatives.items():
        extra.setdefault(assigned[n], set()).add(rel)

    used = {e for e in assigned if e is not None} | {m.entity for m in mentions if m.speaker and m.entity is not None}
    keep = sorted((ents[i] for i in used), key=lambda e: min(m.start for m in e.mentions))
    ids = {e.index: f"e{k}" for k, e in enumerate(keep, 1)}
    parts = {e.index: _best_parts(e, acronyms) for e in keep}
    _name_bodies(keep, parts, acronyms)
    out_entities = []
    bodies = _Bodies(ents)
    for e in keep:
        name, title, org, label = parts[e.index]
        body = _organization_of(org, e, bodies, acronyms)
        out_entities.append(Entity(
            ids[e.index], name=name, title=title, organization=org, label=label,
            type=e.kind if e.kind in ("person", "organization") else "unknown",
            mentions=tuple(sorted({Span.of(text, m.start, m.end) for m in e.mentions} | extra.get(e.index, set()))),
            organization_entity=ids.get(body.index) if body is not None else None,
            aliases=_aliases(e, name, acronyms),
        ))
    mentioned: list[Span | None] = []
    for n, c in enumerate(cands):
        # a quote going on from an earlier one hangs on that one's mention ("“…,” he said. “…”")
        mentioned.append(relatives.get(n) or (c.speaker if c.speaker is not None else signed.get(n))
                         or (mentioned[carried[n]] if n in carried else None))
    out_quotes = tuple(
        Quote(f"q{n}", c.kind, c.start, c.end, text[c.start : c.end], c.content_spans, c.cue,
              mentioned[n - 1], ids.get(ent) if ent is not None else None, c.cue_class, frame=c.frame,
              negated=c.negated)
        for n, (c, ent) in enumerate(zip(cands, assigned), 1)
    )
    return out_quotes, tuple(out_entities)
