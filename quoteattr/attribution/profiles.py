"""Profiles: which attributions count as quotes for a user.

quoteattr finds every attribution a PARC-style annotation counts (PolNeAR): what
people said or wrote, but also what they think, want or feel, and what a report or a
poll shows.  Each quote carries the class of its cue (:attr:`Quote.cue_class`); a
*profile* keeps the classes a user wants:

* ``"attribution"`` (the default): every quote, whatever its cue;
* ``"speech"``: what people said or wrote: quotes whose cue is a speech or writing
  cue (*said*, *told*, *wrote*, *according to*), and direct quotations without a cue
  of the lexicon: a quotation with no cue at all (a floating quotation, whose
  speaker comes from the context) or after a verb outside the lexicon
  (*“…,” he smiled*).  The quotation marks say these words were said.
  Thought (*believes*), attitude (*wants*, *criticized*), report (*polls show*)
  and unknown clause cues (``clause``) are left out, and so are indirect quotes
  without a cue.  So are the readings of a speech cue that report no words, only what
  was talked about (class ``topic``: *talked about Y*, *discussed Y*, *responded to Y*;
  the fifth column of ``cues.tsv``), unless the quote's own words are quoted (a mixed
  quote), and the negated reports (:attr:`Quote.negated`: *did not respond*, *declined
  to comment*): nothing was said.

>>> profile_keeps("speech", "indirect", "speech"), profile_keeps("speech", "indirect", "thought")
(True, False)
>>> profile_keeps("speech", "direct", None), profile_keeps("speech", "indirect", None)
(True, False)
>>> profile_keeps("speech", "indirect", "topic"), profile_keeps("speech", "mixed", "topic")
(False, True)
>>> profile_keeps("speech", "indirect", "speech", negated=True), profile_keeps("attribution", "indirect", "speech", True)
(False, True)
>>> profile_keeps("attribution", "indirect", "attitude")
True
>>> check_profile("speeches")
Traceback (most recent call last):
...
quoteattr.errors.SettingsError: unknown profile 'speeches'; known profiles: 'attribution', 'speech'
"""

from __future__ import annotations

import attrs

from ..errors import SettingsError
from ..lexicon.cues import SPEECH_CLASSES, TOPIC_CLASS
from ..model import AttributedDocument, Quote

__all__ = ["DEFAULT_PROFILE", "PROFILES", "apply_profile", "check_profile", "profile_keeps"]

#: The profile used when none is given: every attribution (today's behaviour).
DEFAULT_PROFILE = "attribution"

#: Profile name -> the cue classes it keeps (``None``: all of them).
PROFILES: dict[str, frozenset[str] | None] = {
    "attribution": None,
    "speech": SPEECH_CLASSES,
}

#: Cue classes of a *direct* quotation that still count as words said in a narrow profile:
#: no cue at all (a floating quotation) and a verb outside the lexicon (*“…,” he smiled*).
_SAID_DIRECT = frozenset({None, "other"})

#: Cue classes of a *mixed* quote that still count as words said in a narrow profile: a topic
#: whose words are quoted (*referred to her “sex tape”*).
_SAID_MIXED = frozenset({TOPIC_CLASS})


def check_profile(profile: str) -> str:
    """``profile`` when it is a known profile name; otherwise a :class:`SettingsError` naming them."""
    if not isinstance(profile, str) or profile not in PROFILES:
        known = ", ".join(repr(p) for p in sorted(PROFILES))
        raise SettingsError(f"unknown profile {profile!r}; known profiles: {known}")
    return profile


def profile_keeps(profile: str, kind: str, cue_class: str | None, negated: bool = False) -> bool:
    """Whether a quote of ``kind`` with a cue of ``cue_class`` belongs to ``profile``; a narrow
    profile leaves out the ``negated`` reports (nothing was said)."""
    classes = PROFILES[check_profile(profile)]
    if classes is None:
        return True
    if negated:
        return False
    return cue_class in classes or (kind == "direct" and cue_class in _SAID_DIRECT) or (
        kind == "mixed" and cue_class in _SAID_MIXED)


def _kept(profile: str, quote: Quote) -> bool:
    return profile_keeps(profile, quote.kind, quote.cue_class, quote.negated)


def apply_profile(doc: AttributedDocument, profile: str) -> AttributedDocument:
    """``doc`` with only the quotes of ``profile``, and only the speakers of those quotes.

    Quotes and entities keep their ids, so a quote has the same id under every profile.

    >>> from quoteattr.model import Entity
    >>> text = "Ana said it works. Bo thinks it fails."
    >>> said = Quote("q1", "indirect", 9, 17, "it works", (), entity="e1", cue_class="speech")
    >>> thinks = Quote("q2", "indirect", 29, 37, "it fails", (), entity="e2", cue_class="thought")
    >>> doc = AttributedDocument("d", text, quotes=(said, thinks), entities=(Entity("e1"), Entity("e2")))
    >>> narrow = apply_profile(doc, "speech")
    >>> [q.id for q in narrow.quotes], [e.id for e in narrow.entities]
    (['q1'], ['e1'])
    >>> apply_profile(doc, "attribution") is doc
    True
    """
    if PROFILES[check_profile(profile)] is None:
        return doc
    quotes = tuple(q for q in doc.quotes if _kept(profile, q))
    if len(quotes) == len(doc.quotes):
        return doc
    speakers = {q.entity for q in quotes}
    entities = tuple(e for e in doc.entities if e.id in speakers)
    return attrs.evolve(doc, quotes=quotes, entities=entities)
