"""Attribution cues: the reporting verbs and nouns that introduce quotes.

The lexicon lives in ``quoteattr/data/cues.tsv`` (one lemma a line, with
its part of speech, frames and class) so that a linguist can extend it
without touching code.  Lookups go by lemma, so every inflection works.

>>> cue = lookup("say")
>>> cue.lemma, "ccomp" in cue.frames
('say', True)
>>> lookup("eat") is None
True
>>> sorted(lookup("describe").frames)
['as', 'direct', 'obj']

A cue may report something else by some of its frames than by the others: "X said [that S]"
reports words, "X talked [about Y]" only what the talk was about.  The table's fifth column
gives those *readings* (``frame:class``), and :meth:`Cue.class_of` the class of a reading:

>>> talk = lookup("talk")
>>> talk.cls, talk.class_of("about")
('speech', 'topic')
>>> lookup("say").class_of("ccomp"), lookup("say").class_of("about")
('speech', 'topic')

Multi-word cues with a speaker slot live in ``quoteattr/data/cue_phrases.tsv``:

>>> p = [p for p in load_phrases() if p.pattern == "according to X"][0]
>>> p.before, p.after
(('according', 'to'), ())
"""

from __future__ import annotations

from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

import attrs

from .tables import cached, read, rows, rows_of

__all__ = [
    "CLASSES", "CLAUSE_CLASS", "DIRECT_CLASSES", "EVIDENCE_CLASSES", "FRAMES", "INNER_CLASSES", "PREPOSITION_FRAMES",
    "PRONOUN_OBJECT_CLASSES", "READING_CLASSES", "SPEECH_CLASSES", "TOPIC_CLASS",
    "Cue", "CuePhrase", "clause_cue",
    "direct_cue", "direct_verb_cue", "event_not_cues", "guessed_cue", "lemma_guesses", "load_cues", "load_phrases", "lookup",
    "not_cues", "object_not_cues", "person_not_cues", "phrases_from", "sight_not_cues", "word_cue",
]

#: Frames a cue line may name (see the header of ``data/cues.tsv``).
#: Frames named after the preposition that introduces the content ("X calls for Y").
PREPOSITION_FRAMES = ("of", "as", "for", "with", "about", "on", "against", "to", "at", "from", "over")
FRAMES = frozenset({"ccomp", "parataxis", "direct", "xcomp", "objxcomp", "obj", "raising", "evidential",
                    *PREPOSITION_FRAMES})

#: Classes a cue line may name.
CLASSES = frozenset({"speech", "writing", "thought", "report", "attitude"})

#: The classes of cues that report words said or written.
SPEECH_CLASSES = frozenset({"speech", "writing"})

#: The classes of cues whose subject is the named source of a claim an evidential adverb marks
#: ("X allegedly sent Y, [the Post] reported"; "..., [officials] said").
EVIDENCE_CLASSES = frozenset({"speech", "report"})

#: The classes of cues of an inner state, thought or stance, whose passive subject with no agent is
#: the one who holds it ("[Democrats] are worried that S", "[The Times] is expected to endorse X").
INNER_CLASSES = frozenset({"thought", "attitude"})

#: The classes of cues whose object can be a bare personal pronoun and still be content: a stance
#: toward someone or something ("has endorsed [him]", "opposed [it]"), unlike "told [him]".
PRONOUN_OBJECT_CLASSES = frozenset({"attitude"})

#: The class of a reading whose content is only what the cue is about (a topic, an object named,
#: shown or given: "talked about Y", "discussed Y", "offered no proof"), not what was said.
TOPIC_CLASS = "topic"

#: Classes a reading (the fifth column of ``cues.tsv``) may name.
READING_CLASSES = CLASSES | {TOPIC_CLASS}

#: The class of a verb that is not in the lexicon but reports a clause of its own
#: (see :func:`clause_cue`); not allowed in ``cues.tsv``.
CLAUSE_CLASS = "clause"


@attrs.frozen
class Cue:
    """One entry of the cue lexicon: ``cls`` is its class, ``readings`` the class of the frames
    that report something else (``{"about": "topic"}``)."""

    lemma: str
    pos: str
    frames: frozenset[str]
    cls: str = "speech"
    readings: Mapping[str, str] = attrs.field(factory=dict, converter=lambda r: MappingProxyType(dict(r)), eq=False)

    def class_of(self, frame: str | None) -> str:
        """The class of what the cue reports by ``frame``: its reading's, else the cue's."""
        return self.readings.get(frame, self.cls) if frame is not None else self.cls


def _parse_readings(text: str, frames: frozenset[str], where: str) -> dict[str, str]:
    """``frame:class`` pairs, comma-separated; each frame one of the cue's, each class a reading class."""
    out: dict[str, str] = {}
    for item in (i.strip() for i in text.split(",") if i.strip()):
        frame, _, cls = item.partition(":")
        if frame not in frames:
            raise ValueError(f"{where}: reading {item!r} names a frame the cue does not have ({sorted(frames)})")
        if cls not in READING_CLASSES:
            raise ValueError(f"{where}: reading {item!r} has an unknown class; known: {sorted(READING_CLASSES)}")
        out[frame] = cls
    return out


def _parse_table(text: str, origin: str) -> dict[tuple[str, str], Cue]:
    table: dict[tuple[str, str], Cue] = {}
    for n, cols in rows_of(text):
        if len(cols) < 3:
            raise ValueError(f"{origin}:{n}: expected lemma, pos, frames[, class[, readings]] separated by tabs")
        lemma, pos, frames = cols[0].lower(), cols[1].upper(), cols[2]
        frame_set = frozenset(f.strip() for f in frames.split(",") if f.strip())
        unknown = frame_set - FRAMES
        if unknown:
            raise ValueError(f"{origin}:{n}: unknown frame(s) {sorted(unknown)}; known: {sorted(FRAMES)}")
        cls = cols[3] if len(cols) > 3 and cols[3] else "speech"
        if cls not in CLASSES:
            raise ValueError(f"{origin}:{n}: unknown class {cls!r}; known: {sorted(CLASSES)}")
        if (lemma, pos) in table:
            raise ValueError(f"{origin}:{n}: {lemma} {pos} is listed twice; give all its frames on one line")
        readings = _parse_readings(cols[4], frame_set, f"{origin}:{n}") if len(cols) > 4 else {}
        table[(lemma, pos)] = Cue(lemma, pos, frame_set, cls, readings)
    return table


@cached
def load_cues(path: str | None = None) -> dict[tuple[str, str], Cue]:
    """The cue lexicon, keyed by ``(lemma, POS)``; ``path`` overrides the packaged table."""
    if path is None:
        return _parse_table(read("cues.tsv"), "cues.tsv")
    return _parse_table(Path(path).read_text(encoding="utf-8"), str(path))


def lookup(lemma: str, pos: str = "VERB") -> Cue | None:
    """The cue entry for ``lemma`` used as ``pos`` (``VERB`` or ``NOUN``), or ``None``."""
    return load_cues().get((lemma.lower(), pos.upper()))


@cached
def not_cues() -> frozenset[str]:
    """Lemmas that take a finite clause without reporting it, from ``data/not_cues.tsv``.

    >>> "ensure" in not_cues(), "say" in not_cues()
    (True, False)
    """
    return frozenset(cols[0].lower() for _, cols in rows("not_cues.tsv") if len(cols) < 3 or not cols[2])


#: The readings a line of ``not_cues.tsv`` may give in its third column.
_NOT_CUE_READINGS = frozenset({"object", "event", "person", "sight"})


def _not_cue_reading(reading: str) -> frozenset[str]:
    """The lemmas of ``data/not_cues.tsv`` with ``reading`` in their third column (an unknown
    reading is an error)."""
    out = set()
    for n, cols in rows("not_cues.tsv"):
        found = cols[2] if len(cols) > 2 else ""
        if found and found not in _NOT_CUE_READINGS:
            raise ValueError(f"not_cues.tsv:{n}: unknown reading {found!r}; known: {sorted(_NOT_CUE_READINGS)}")
        if found == reading:
            out.add(cols[0].lower())
    return frozenset(out)


@cached
def object_not_cues() -> frozenset[str]:
    """Lemmas that report nothing when all they have is their object noun phrase (the
    ``object`` lines of ``data/not_cues.tsv``): "the plant added [300 jobs]".

    >>> "add" in object_not_cues(), "add" in not_cues(), "say" in object_not_cues()
    (True, False, False)
    """
    return _not_cue_reading("object")


@cached
def event_not_cues() -> frozenset[str]:
    """Cue nouns that name an event, not words, when nothing names their author (the ``event``
    lines of ``data/not_cues.tsv``): "[the attack] on the consulate", not "his attacks on Y".

    >>> "attack" in event_not_cues(), "attack" in not_cues(), "claim" in event_not_cues()
    (True, False, False)
    """
    return _not_cue_reading("event")


@cached
def person_not_cues() -> frozenset[str]:
    """Cues of a mind's stance that report nothing when their subject is a thing (the ``person``
    lines of ``data/not_cues.tsv``): "[the debate] focused on Y" is what the debate was about,
    "[Ruiz] focused on Y" is her stance.

    >>> "focus" in person_not_cues(), "focus" in not_cues(), "say" in person_not_cues()
    (True, False, False)
    """
    return _not_cue_reading("person")


@cached
def sight_not_cues() -> frozenset[str]:
    """Verbs of sight that report nothing in the passive with a participle (the ``sight`` lines of
    ``data/not_cues.tsv``): "[Ruiz] was seen walking down the street" is what she was seen doing,
    not anyone's view ("Ruiz is seen as a unifier" is).

    >>> "see" in sight_not_cues(), "see" in not_cues(), "say" in sight_not_cues()
    (True, False, False)
    """
    return _not_cue_reading("sight")


def clause_cue(word: Any) -> Cue | None:
    """A cue for a verb outside the lexicon that has a finite clause of its own ("X
    conceded that S", "X figured S"): verbs that embed a finite clause are nearly all verbs
    of saying, thinking, perceiving or showing. The caller checks the clause; this checks the
    verb. Lemmas in :func:`not_cues` ("ensure", "mean") are never cues.
    """
    if word.upos != "VERB" or not word.lemma or word.lemma.lower() in not_cues():
        return None
    return Cue(word.lemma.lower(), "VERB", frozenset({"ccomp"}), CLAUSE_CLASS)


def lemma_guesses(form: str) -> list[str]:
    """Lemmas an English verb form may have, for when the lemmatizer returned the form itself
    ("stressing", "contended"): the form without -ing, -ed, -es or -s, with a final e restored
    or a doubled consonant undone.

    >>> lemma_guesses("stressing")[:2]
    ['stress', 'stresse']
    >>> "contend" in lemma_guesses("contended"), "note" in lemma_guesses("noting")
    (True, True)
    >>> "plan" in lemma_guesses("planned"), "vow" in lemma_guesses("vows")
    (True, True)
    """
    form = form.lower()
    out: list[str] = []
    for suffix in ("ing", "ed", "es", "s"):
        if not form.endswith(suffix) or len(form) - len(suffix) < 2:
            continue
        stem = form[: -len(suffix)]
        out += [stem, stem + "e"]
        if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "aeiouls":
            out.append(stem[:-1])
        if suffix == "ed" and stem.endswith("i"):
            out.append(stem[:-1] + "y")  # "denied"
    return out


def guessed_cue(form: str) -> Cue | None:
    """The verb cue of the first of the :func:`lemma_guesses` of ``form`` that the lexicon holds, or
    ``None`` (for a form the lemmatizer left as it was: "contended", "Vows").

    >>> guessed_cue("contended").lemma, guessed_cue("window")
    ('contend', None)
    """
    return next((c for c in map(lookup, lemma_guesses(form)) if c is not None), None)


def _verb_form_as_noun(word: Any) -> bool:
    """Whether a word tagged as a noun has a form no noun of its lemma has: neither the lemma nor
    its plural in -s/-es ("sought" of "seek", "knew" of "know"), so a verb form the tagger missed."""
    form, lemma = (word.text or "").lower(), (word.lemma or "").lower()
    return bool(lemma) and word.upos == "NOUN" and form not in (lemma, lemma + "s", lemma + "es") \
        and not (lemma.endswith("y") and form == lemma[:-1] + "ies")


def word_cue(word: Any) -> Cue | None:
    """The cue entry for a stanza ``Word`` (by its lemma and UPOS), or ``None``.

    When neither the lemma nor the form is in the lexicon and the lemmatizer left an
    inflected verb as it was, the forms of :func:`lemma_guesses` are tried.
    """
    if word.lemma is None:
        return None
    if word.upos == "ADJ":  # "Officials are confident that S", "eager to V"
        return lookup(word.lemma, "ADJ") or lookup(word.text, "ADJ")
    if word.upos == "ADV":  # "The board [reportedly] plans to V"
        return lookup(word.lemma, "ADV")
    pos = "NOUN" if word.upos in ("NOUN", "PROPN") else "VERB"
    if word.upos not in ("VERB", "NOUN", "AUX", "PROPN"):
        return None
    found = lookup(word.lemma, pos) or (lookup(word.text, pos) if word.upos != "AUX" else None)
    if found is None and pos == "NOUN" and _verb_form_as_noun(word):
        found = lookup(word.lemma, "VERB")
    if found is None and pos == "VERB" and word.upos == "VERB" and word.lemma.lower() == word.text.lower():
        found = guessed_cue(word.text)
    return found


#: Cue classes that may introduce or follow a direct quotation; other cues ("focusing on",
#: "supports") do so only when ``cues.tsv`` gives them the ``direct`` frame.
DIRECT_CLASSES = ("speech", "writing", "thought", "report")


def direct_cue(cue: Cue | None) -> Cue | None:
    """``cue`` if it may introduce or follow a direct quotation, else ``None``.

    >>> direct_cue(lookup("say")).lemma, direct_cue(lookup("criticize"))
    ('say', None)
    """
    return cue if cue is not None and (cue.cls in DIRECT_CLASSES or "direct" in cue.frames) else None


def direct_verb_cue(word: Any) -> Cue | None:
    """The cue entry of a word that may introduce a direct quotation, also when the lemmatiser
    left an inflected or capitalised form as it was (``chanted``, sentence-initial ``Said``)."""
    cue = word_cue(word)
    if cue is None and word.upos == "VERB":
        lemma = word.lemma or ""
        if lemma != lemma.lower():
            cue = lookup(lemma.lower()) or next((c for c in map(lookup, lemma_guesses(lemma)) if c is not None), None)
    return direct_cue(cue)


@attrs.frozen
class CuePhrase:
    """A multi-word cue with a speaker slot ``X``, such as ``according to X``.

    ``before`` and ``after`` are the lower-case words on either side of the
    slot (``in X 's view`` → ``('in',)`` and ``("'s", 'view')``).

    >>> CuePhrase.parse("as X put it").after
    ('put', 'it')
    """

    pattern: str
    before: tuple[str, ...]
    after: tuple[str, ...]
    cls: str = "speech"

    @classmethod
    def parse(cls, pattern: str, klass: str = "speech") -> "CuePhrase":
        raw = pattern.split()
        if raw.count("X") != 1:
            raise ValueError(f"cue phrase {pattern!r} must have exactly one speaker slot X")
        i = raw.index("X")
        words = [w.lower() for w in raw]
        return cls(" ".join(raw), tuple(words[:i]), tuple(words[i + 1 :]), klass)


def _parse_phrases(text: str, origin: str) -> tuple[CuePhrase, ...]:
    out = []
    for n, cols in rows_of(text):
        klass = cols[1] if len(cols) > 1 and cols[1] else "speech"
        if klass not in CLASSES:
            raise ValueError(f"{origin}:{n}: unknown class {klass!r}; known: {sorted(CLASSES)}")
        try:
            out.append(CuePhrase.parse(cols[0], klass))
        except ValueError as err:
            raise ValueError(f"{origin}:{n}: {err}") from None
    return tuple(out)


@cached
def load_phrases(path: str | None = None) -> tuple[CuePhrase, ...]:
    """The multi-word cue phrases (``according to X``…); ``path`` overrides the packaged table."""
    if path is None:
        return _parse_phrases(read("cue_phrases.tsv"), "cue_phrases.tsv")
    return _parse_phrases(Path(path).read_text(encoding="utf-8"), str(path))


@cached
def _phrases_by_first() -> dict[str, tuple[CuePhrase, ...]]:
    out: dict[str, list[CuePhrase]] = {}
    for phrase in load_phrases():
        if phrase.before:
            out.setdefault(phrase.before[0], []).append(phrase)
    return {k: tuple(v) for k, v in out.items()}


def phrases_from(word: str) -> tuple[CuePhrase, ...]:
    """The cue phrases of :func:`load_phrases` whose words before the speaker start with ``word``
    (in lower case), in table order: a word is compared with those only.

    >>> [" ".join(p.before) for p in phrases_from("according")]
    ['according to']
    """
    return _phrases_by_first().get(word, ())
