"""Speakers across documents: person names compared, and the index that merges entities.

Speakers are merged across documents by surname when first names and titles agree
(:class:`SpeakerIndex`); organisations by their normalised name.  A cross-document speaker has
an id ``s<number>`` (:func:`speaker_id`, :func:`speaker_number`).

>>> idx = SpeakerIndex()
>>> idx.add("d1", Entity("e1", name="Ana Ruiz", title="mayor", type="person")), idx.add("d2", Entity("e1", name="Ruiz", type="person"))
('s1', 's1')
"""

from __future__ import annotations

import functools
from collections import defaultdict
from typing import Any, Iterable, Sequence

import attrs
import numpy as np

from ..attribution.speakers import name_keys, split_mention, tokenize
from ..lexicon.people import first_names, name_suffixes
from ..model import Entity
from .normalize import STOPWORDS, stem, tokens
from .results import Speaker

__all__ = [
    "RELATIONS",
    "PersonName",
    "SpeakerIndex",
    "SpeakerRecord",
    "Traits",
    "person_name",
    "records_named",
    "relation",
    "speaker_id",
    "speaker_number",
]

_PREFIX = "s"


def speaker_id(number: int | None) -> str | None:
    """The id of cross-document speaker ``number`` (``None`` for none).

    >>> speaker_id(12), speaker_id(None)
    ('s12', None)
    """
    return None if number is None else f"{_PREFIX}{number}"


def speaker_number(sid: str | None) -> int | None:
    """The number of a speaker id (``None`` for none); a string that is no speaker id is an error.

    >>> speaker_number("s12"), speaker_number(None)
    (12, None)
    """
    if sid is None:
        return None
    if not (sid.startswith(_PREFIX) and sid[len(_PREFIX):].isascii() and sid[len(_PREFIX):].isdigit()):
        raise ValueError(f"not a speaker id: {sid!r}")
    return int(sid[len(_PREFIX):])


@attrs.frozen
class PersonName:
    """A person's name as the cross-document index compares it (see :func:`person_name`).

    ``key``: the surname without particles or an Arabic article, lower-cased ("leyen", "golani");
    ``given``: given names or initials, lower-cased, particles left out; ``gender`` from an
    honorific, a gendered role word or a given name (lexicon/people.py tables), else ``None``.
    """

    key: str
    given: tuple[str, ...] = ()
    gender: str | None = None


def _core(tok: str) -> str:
    """The part of a name word a shorter mention may use: "" for a particle, "golani" for "al-Golani"."""
    keys = name_keys(tok)
    return min(keys, key=lambda k: (len(k), k)) if keys else ""


def _capitalised(tok: str) -> bool:
    """A name word: capitalised, or capitalised after an Arabic article ("al-Golani")."""
    core = _core(tok)
    return tok[:1].isupper() or (bool(core) and tok[len(tok) - len(core):][:1].isupper())


@functools.lru_cache(maxsize=1 << 16)
def person_name(name: str | None) -> PersonName | None:
    """The surname key, given names and gender of a person's name; ``None`` unless the name
    ends in a capitalised word (a description such as "the official" is not a name).

    Honorifics and role words in front ("Mr.", "President") are peeled off with
    :func:`quoteattr.attribution.speakers.split_mention`; particles and Arabic articles are handled as
    :func:`quoteattr.attribution.speakers.name_keys` does.

    >>> person_name("Mr. Savett"), person_name("Sean Savett")
    (PersonName(key='savett', given=(), gender='m'), PersonName(key='savett', given=('sean',), gender='m'))
    >>> person_name("Ursula von der Leyen").key, person_name("von der Leyen").key, person_name("Ursula von der Leyen").given
    ('leyen', 'leyen', ('ursula',))
    >>> person_name("Abu Mohammed al-Golani").key, person_name("al-Golani").key
    ('golani', 'golani')
    >>> person_name("Martin Luther King Jr.").given, person_name("the official")
    (('martin', 'luther'), None)
    """
    if not name:
        return None
    toks = [t for t in tokenize(name) if t[:1].isalnum()]
    while toks and toks[-1].lower().rstrip(".") in name_suffixes():
        toks.pop()
    if not toks or not _capitalised(toks[-1]):
        return None
    gender = None
    parts = split_mention(" ".join(toks))
    if parts.name and parts.pronoun is None:
        ptoks = [t for t in tokenize(parts.name) if t[:1].isalnum()]
        # use the split only when it peeled words off the front ("Mr.", "President"): a surname
        # that is also a role word ("King") must not lose the name
        if ptoks and ptoks == toks[len(toks) - len(ptoks):]:
            toks, gender = ptoks, parts.gender
    cores = [_core(t) for t in toks]
    if not cores[-1]:
        return None
    given = tuple(c for c in cores[:-1] if c)
    if gender is None and given:
        gender = first_names().get(given[0])
    return PersonName(cores[-1], given, gender)


def _entity_gender(e: Entity, pn: PersonName) -> str | None:
    """Gender of a person entity: from its name, else from its label when that names the same
    person ("Savett" labelled "Mr. Savett")."""
    if pn.gender:
        return pn.gender
    lp = person_name(e.label) if e.label and e.label != e.name else None
    if lp is not None and lp.key == pn.key and (not lp.given or not pn.given or _firsts_agree(lp.given, pn.given)):
        return lp.gender
    return None


def _firsts_agree(x: tuple[str, ...], y: tuple[str, ...]) -> bool:
    if not x or not y:
        return True
    a, b = x[0], y[0]
    return a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


def _title_words(title: str | None) -> frozenset[str]:
    return frozenset(stem(t) for t in tokens(title or "") if t not in STOPWORDS)


def records_named(records: Iterable["SpeakerRecord"], name: str) -> list["SpeakerRecord"]:
    """The speakers ``name`` refers to: those with it among their names or labels (case-insensitive),
    else, for a person's name, those with its surname and compatible given names ("Miller",
    "Mr. Miller" and "D. Miller" find Dana Miller).

    >>> rec = SpeakerRecord("s1", "person", "per:miller", ("dana",), names=["Dana Miller"])
    >>> [r.id for r in records_named([rec], "Miller")], [r.id for r in records_named([rec], "Tom Miller")]
    (['s1'], [])
    """
    records = list(records)
    key = name.casefold().strip()
    exact = [r for r in records if any(key == v.casefold() for v in (*r.names, *r.labels))]
    if exact:
        return exact
    surname, given = _speaker_key("person", name)
    if not surname:
        return []
    return [r for r in records if r.type == "person" and r.surname == surname
            and (not given or not r.firsts or _firsts_agree(given, r.firsts))]


def _speaker_key(type_: str, name: str | None) -> tuple[str, tuple[str, ...]]:
    """(index key, given names) of a named entity: ``org:`` + normalised name for an organisation,
    ``per:`` + surname key otherwise; ``""`` when the name is no name."""
    if not name or not tokens(name):
        return "", ()
    if type_ == "organization":
        return "org:" + " ".join(tokens(name)), ()
    pn = person_name(name)
    if pn is None:
        return "", ()
    return "per:" + pn.key, pn.given


@attrs.define
class SpeakerRecord:
    """A speaker as the index holds it while entities join it (what a store saves)."""

    id: str
    type: str
    surname: str  # the index key ("per:savett", "org:red cross"), "" for no key
    firsts: tuple[str, ...] = ()
    names: list[str] = attrs.Factory(list)
    titles: list[str] = attrs.Factory(list)
    organizations: list[str] = attrs.Factory(list)
    labels: list[str] = attrs.Factory(list)
    members: list[tuple[str, str]] = attrs.Factory(list)

    def title_words(self) -> frozenset[str]:
        return frozenset().union(*(_title_words(t) for t in self.titles)) if self.titles else frozenset()

    def genders(self) -> frozenset[str]:
        """Genders its names and labels give (an honorific, a given name), for the same surname."""
        if not self.surname.startswith("per:"):
            return frozenset()
        key = self.surname[4:]
        return frozenset(pn.gender for pn in map(person_name, (*self.names, *self.labels))
                         if pn is not None and pn.gender and pn.key == key)


class SpeakerIndex:
    """Cross-document speakers: entities of several documents that name the same person.

    A person entity joins an earlier speaker with the same surname (particles and Arabic articles
    aside: "von der Leyen", "al-Golani") when their first names agree (equal, an initial, or one
    missing, as for "Mr. Savett"), their genders do not conflict (honorific or given name), and —
    if one of them has no first name — their titles share a word or one is missing; it must be
    the only such speaker.  Organisations join by their normalised name.  Entities without a
    name stay speakers of their own.

    >>> idx = SpeakerIndex()
    >>> idx.add("d1", Entity("e1", name="Abbas Araghchi", title="Iranian Foreign Minister", type="person"))
    's1'
    >>> idx.add("d2", Entity("e4", name="Mr. Araghchi", type="person"))
    's1'
    >>> idx.add("d3", Entity("e2", name="Ali Araghchi", title="professor", type="person"))
    's2'
    >>> idx.add("d4", Entity("e1", name="Ms. Araghchi", type="person"))  # neither Abbas nor Ali
    's3'
    """

    def __init__(self) -> None:
        self.records: dict[str, SpeakerRecord] = {}
        self.by_key: dict[str, list[str]] = defaultdict(list)
        self.of_entity: dict[tuple[str, str], str] = {}
        self.changed: set[str] = set()  # speakers made or changed since the last take_changed()
        self.made: set[str] = set()  # of those, the speakers made
        self._next = 1

    def _new(self, type_: str, key: str, firsts: tuple[str, ...], sid: str | None = None) -> SpeakerRecord:
        if sid is None:
            sid = speaker_id(self._next)
        self._next = max(self._next, speaker_number(sid) + 1)
        rec = SpeakerRecord(sid, type_, key, firsts)
        self.records[sid] = rec
        if key:
            self.by_key[key].append(sid)
        return rec

    def _match(self, e: Entity) -> tuple[str, tuple[str, ...], SpeakerRecord | None]:
        key, firsts = _speaker_key(e.type, e.name)
        if not key:
            return "", (), None
        if e.type == "organization":
            ids = self.by_key.get(key, [])
            return key, (), self.records[ids[0]] if ids else None
        gender = _entity_gender(e, person_name(e.name))
        tw = _title_words(e.title)
        fits = []
        for sid in self.by_key.get(key, []):
            rec = self.records[sid]
            if not _firsts_agree(firsts, rec.firsts):
                continue
            genders = rec.genders()
            if gender and genders and gender not in genders:
                continue
            if firsts and rec.firsts:
                fits.append(rec)
                continue
            rw = rec.title_words()
            if tw and rw and not (tw & rw):
                continue
            fits.append(rec)
        if len(fits) == 1:
            return key, firsts, fits[0]
        if firsts:  # a full name: prefer the one speaker with the same first name
            exact = [r for r in fits if r.firsts and r.firsts[0] == firsts[0]]
            if len(exact) == 1:
                return key, firsts, exact[0]
        if tw:  # else the one speaker sharing a title word
            titled = [r for r in fits if tw & r.title_words()]
            if len(titled) == 1:
                return key, firsts, titled[0]
        return key, firsts, None

    def add(self, doc: str, e: Entity) -> str:
        """The cross-document speaker id of entity ``e`` of document ``doc`` (creating it if new)."""
        got = self.of_entity.get((doc, e.id))
        if got:
            return got
        key, firsts, rec = self._match(e)
        if rec is None:
            rec = self._new(e.type, key, firsts)
            self.made.add(rec.id)
        elif firsts and not rec.firsts:
            rec.firsts = firsts
        self._merge(rec, e.name, e.title, e.organization, e.label or e.name, e.type)
        rec.members.append((doc, e.id))
        self.of_entity[(doc, e.id)] = rec.id
        self.changed.add(rec.id)
        return rec.id

    @staticmethod
    def _merge(rec: SpeakerRecord, name, title, organization, label, type_) -> None:
        for lst, v in ((rec.names, name), (rec.titles, title), (rec.organizations, organization),
                       (rec.labels, label)):
            if v and v not in lst:
                lst.append(v)
        if rec.type == "unknown" and type_ != "unknown":
            rec.type = type_

    def restore(self, sid: str, type_: str, names: Sequence[str], titles: Sequence[str] = (),
                organizations: Sequence[str] = (), labels: Sequence[str] = (),
                members: Iterable[tuple[str, str]] = ()) -> None:
        """Put back a speaker saved earlier (a store), or replace the one with id ``sid`` by its
        saved state (another writer of the store changed it; ``members`` are then all of them).
        Its key and first names are derived again from its names, the way :meth:`add` derives
        them, so a store written by an older version is read with today's name rules.

        >>> idx = SpeakerIndex()
        >>> idx.restore("s4", "person", ["Mr. Savett", "Sean Savett"], members=[("d1", "e1")])
        >>> idx.add("d2", Entity("e1", name="Savett", type="person")), idx.records["s4"].firsts
        ('s4', ('sean',))
        """
        key = _speaker_key(type_, names[0])[0] if names else ""  # the first name made the key
        firsts: tuple[str, ...] = ()
        for n in names if key else ():  # first names come from the first name that has them
            k, f = _speaker_key(type_, n)
            if k == key and f:
                firsts = f
                break
        old = self.records.get(sid)
        if old is not None and old.surname:
            self.by_key[old.surname].remove(sid)
        rec = self._new(type_, key, firsts, sid)
        if old is not None and key:  # back in its place: speakers of a key in the order made
            self.by_key[key].sort(key=speaker_number)
        rec.names, rec.titles = list(names), list(titles)
        rec.organizations, rec.labels = list(organizations), list(labels)
        for m in members:
            rec.members.append(tuple(m))
            self.of_entity[tuple(m)] = sid

    def named(self, sid: str | None) -> bool:
        """Whether speaker ``sid`` is a named person or organisation (not "officials", not "he").

        >>> idx = SpeakerIndex()
        >>> idx.named(idx.add("d", Entity("e1", name="Ana Ruiz", type="person"))), idx.named(idx.add("d", Entity("e2", label="officials")))
        (True, False)
        """
        rec = self.records.get(sid) if sid else None
        return rec is not None and bool(rec.surname)

    def affiliated(self, s: str | None, t: str | None) -> bool:
        """Whether two speakers speak for one organisation: one is the other's organisation, or
        both name the same one.

        >>> idx = SpeakerIndex()
        >>> a = idx.add("d1", Entity("e1", name="Ana Ruiz", organization="Port Authority", type="person"))
        >>> b = idx.add("d2", Entity("e1", name="Port Authority", type="organization"))
        >>> c = idx.add("d3", Entity("e1", name="Tom Berg", type="person"))
        >>> idx.affiliated(a, b), idx.affiliated(a, c)
        (True, False)
        """
        x, y = self.records.get(s) if s else None, self.records.get(t) if t else None
        if x is None or y is None:
            return False
        return bool(_affiliations(x) & _affiliations(y))

    def take_changed(self) -> tuple[list[SpeakerRecord], list[SpeakerRecord]]:
        """The speakers made, and the earlier ones changed, since the last call (a store inserts
        the first and updates the second).

        >>> idx = SpeakerIndex()
        >>> idx.restore("s1", "person", ["Ana Ruiz"])
        >>> idx.add("d1", Entity("e1", name="Ruiz", type="person")), idx.add("d1", Entity("e2", name="Tom Berg", type="person"))
        ('s1', 's2')
        >>> [[r.id for r in recs] for recs in idx.take_changed()]
        [['s2'], ['s1']]
        """
        order = sorted(self.changed, key=speaker_number)
        made = [self.records[s] for s in order if s in self.made]
        changed = [self.records[s] for s in order if s not in self.made]
        self.changed.clear()
        self.made.clear()
        return made, changed

    def speakers(self) -> tuple[Speaker, ...]:
        return tuple(_speaker_of(r) for r in self.records.values())



def _affiliations(r: SpeakerRecord) -> set[str]:
    """Index keys of the organisations a speaker is or speaks for."""
    out = {_speaker_key("organization", o)[0] for o in r.organizations}
    if r.surname.startswith("org:"):
        out.add(r.surname)
    out.discard("")
    return out


def _speaker_of(r: SpeakerRecord) -> Speaker:
    label = max(r.names, key=len) if r.names else (max(r.labels, key=len) if r.labels else "")
    return Speaker(r.id, label, r.type, tuple(r.names), tuple(r.titles), tuple(r.organizations), tuple(r.members))


# ---------------------------------------------------------------------------
# How the speakers of two quotes relate (a feature of the pair scorer, and the cannot-link)

#: Speaker relations of a pair of quotes, by code: ``same`` cross-document speaker; ``compatible``
#: person names (one surname, first names that agree or are missing: "Clinton" the index could not
#: tell apart, and "Hillary Clinton"); ``affiliated`` (one speaks for the other, or both for one
#: organisation); ``unknown`` (a side without a named speaker: "officials", a description, none);
#: ``conflict`` (two different named speakers otherwise: never linked).
RELATIONS: tuple[str, ...] = ("same", "compatible", "affiliated", "unknown", "conflict")
_REL = {r: i for i, r in enumerate(RELATIONS)}


def _key_hash(key: str) -> int:
    """A positive 63-bit hash of an index key (0 for none)."""
    from .features import stable_hash

    return (stable_hash(key) & 0x7FFF_FFFF_FFFF_FFFF) or 1 if key else 0


@attrs.define
class Traits:
    """What the relation of two speakers depends on, by speaker number (grown as speakers come):
    ``named``; ``family``: hash of the index key (a surname; for an organisation the head word of
    its name, :func:`_org_head`; 0 for none);
    ``given``: hash of the first given name (0 for none); ``org``: hash of the head word of the
    organisation the speaker is or first speaks for (0 for none).  A speaker number without a record (a bare id
    given to :meth:`quoteattr.linking.linker.Linker.add_texts`) is a named speaker of its own.

    >>> idx = SpeakerIndex()
    >>> a, b = idx.add("d1", Entity("e1", name="Hillary Clinton", type="person")), idx.add("d1", Entity("e2", name="Bill Clinton", type="person"))
    >>> c = idx.add("d2", Entity("e1", name="Clinton", type="person"))  # ambiguous: a speaker of its own
    >>> t = Traits()
    >>> t.update(idx, {a: 0, b: 1, c: 2}.items())
    >>> [RELATIONS[r] for r in relation(t, np.array([0, 0, 0, 2]), np.array([0, 1, 2, -1]))]
    ['same', 'conflict', 'compatible', 'unknown']
    """

    named: np.ndarray = attrs.Factory(lambda: np.zeros(0, bool))
    family: np.ndarray = attrs.Factory(lambda: np.zeros(0, np.int64))
    given: np.ndarray = attrs.Factory(lambda: np.zeros(0, np.int64))
    org: np.ndarray = attrs.Factory(lambda: np.zeros(0, np.int64))

    def update(self, index: "SpeakerIndex", numbered: Iterable[tuple[str | None, int]]) -> None:
        """Set the traits of speakers ``(id, number)`` from ``index`` (numbers >= 0)."""
        items = [(sid, n) for sid, n in numbered if n is not None and n >= 0]
        if not items:
            return
        top = max(n for _, n in items) + 1
        if top > len(self.named):
            grow = top - len(self.named)
            self.named = np.concatenate([self.named, np.zeros(grow, bool)])
            self.family, self.given, self.org = (np.concatenate([x, np.zeros(grow, np.int64)])
                                                 for x in (self.family, self.given, self.org))
        for sid, n in items:
            rec = index.records.get(sid) if sid else None
            if rec is None:  # a bare speaker id: named, of its own
                self.named[n], self.family[n], self.given[n], self.org[n] = True, _key_hash(f"id:{sid}"), 0, 0
                continue
            orgs = sorted(_affiliations(rec)) if not rec.surname.startswith("org:") else [rec.surname]
            self.named[n] = bool(rec.surname)
            self.given[n] = _key_hash(rec.firsts[0]) if rec.firsts else 0
            self.org[n] = _key_hash(_org_head(orgs[0])) if orgs else 0
            # an organisation's family is its head word, so "The Times" meets "The New York Times"
            self.family[n] = self.org[n] if rec.surname.startswith("org:") else _key_hash(rec.surname)

    def of(self, trait: str, numbers: np.ndarray, default: Any) -> np.ndarray:
        """Trait ``trait`` ("named", "family", "given", "org") of speakers ``numbers``; ``default``
        for -1 (none) and for a number without traits.

        >>> Traits().of("family", np.array([-1, 3]), 0).tolist()
        [0, 0]
        """
        arr = getattr(self, trait)
        numbers = np.asarray(numbers, np.int64)
        ok = (numbers >= 0) & (numbers < len(arr))
        out = np.full(len(numbers), default, arr.dtype)
        out[ok] = arr[numbers[ok]]
        return out

    def orgs(self, numbers: np.ndarray) -> np.ndarray:
        """The organisation hash of speakers ``numbers`` (-1 for none), the scope of their quotes'
        organisation lemma keys (:func:`quoteattr.linking.features.featurize`)."""
        out = self.of("org", numbers, 0)
        return np.where(out > 0, out, -1)

    def scope(self, numbers: np.ndarray) -> np.ndarray:
        """The scope of the lemma keys of quotes of speakers ``numbers``: the family hash of a named
        speaker (so "Clinton" and "Hillary Clinton" meet), the speaker number otherwise, -1 for none."""
        numbers = np.asarray(numbers, np.int64)
        fam = self.of("family", numbers, 0)
        return np.where(fam != 0, fam, numbers)


def _org_head(key: str) -> str:
    """The head word of an organisation key ("org:new york times" → "org:times"): a short form
    ("The Times") and the full name meet on it.

    >>> _org_head("org:new york times"), _org_head("org:times")
    ('org:times', 'org:times')
    """
    words = key[4:].split()
    return "org:" + words[-1] if words else key


def relation(t: Traits, sa: np.ndarray, sb: np.ndarray) -> np.ndarray:
    """The relation code (index in :data:`RELATIONS`) of the speakers ``sa[i]``–``sb[i]`` (numbers;
    -1 none).  Speakers without traits count as named speakers of their own (see :class:`Traits`)."""
    sa, sb = np.asarray(sa, np.int64), np.asarray(sb, np.int64)
    na, nb = t.of("named", sa, True) & (sa >= 0), t.of("named", sb, True) & (sb >= 0)
    fa, fb = t.of("family", sa, 0), t.of("family", sb, 0)
    ga, gb = t.of("given", sa, 0), t.of("given", sb, 0)
    oa, ob = t.of("org", sa, 0), t.of("org", sb, 0)
    out = np.full(len(sa), _REL["conflict"], np.int8)
    out[(oa != 0) & (oa == ob)] = _REL["affiliated"]
    out[(fa != 0) & (fa == fb) & ((ga == gb) | (ga == 0) | (gb == 0))] = _REL["compatible"]
    out[~na | ~nb] = _REL["unknown"]
    out[(sa == sb) & (sa >= 0)] = _REL["same"]
    return out
