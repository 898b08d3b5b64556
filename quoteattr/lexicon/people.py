"""Tables about people and organisations: role words (``titles.tsv``), honorifics,
organisations and their short forms, organisation words, countries, given names and
pronouns, read once and cached.

>>> roles()["spokesman"].gender, honorifics()["mrs"], pronouns()["she"].gender
('m', 'f', 'f')
"""

from __future__ import annotations

import attrs
import regex

from .clause_words import role_words
from .tables import cached, rows

__all__ = [
    "Country", "Organization", "Pronoun", "Role", "calendar_words", "countries", "document_words", "first_names",
    "group_nouns", "honorifics",
    "is_furniture", "max_role_words", "name_particles", "name_prefixes", "name_suffixes", "ner_kinds",
    "org_words", "organizations", "page_furniture", "pronouns", "quantity_words", "roles", "time_words",
    "title_modifiers", "title_terms",
]


def _rows(name: str) -> list[list[str]]:
    return [cols for _, cols in rows(name)]


def _col(row: list[str], i: int) -> str:
    return row[i] if len(row) > i else ""


def _list(cell: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in cell.split(",") if x.strip())


@attrs.frozen
class Role:
    """A role word of ``titles.tsv`` with its broader terms and gender."""

    role: str
    broader: frozenset[str]
    gender: str | None = None


@attrs.frozen
class Organization:
    """A well-known organisation of ``organizations.tsv``."""

    name: str
    short: str
    members: frozenset[str] = frozenset()
    within: tuple[str, ...] = ()


@attrs.frozen
class Country:
    """A country of ``nationalities.tsv``."""

    name: str
    adjectives: tuple[str, ...]
    aliases: tuple[str, ...]
    capital: str | None


@attrs.frozen
class Pronoun:
    """A pronoun of ``pronouns.tsv``."""

    form: str
    gender: str | None
    number: str
    kind: str
    person: int


@cached
def roles() -> dict[str, Role]:
    """Role words by lower-cased (possibly multi-word) form.

    >>> sorted(roles()["spokesman"].broader)
    ['official', 'spokesman', 'spokesperson']
    """
    out = {}
    for r in _rows("titles.tsv"):
        key = r[0].lower()
        out[key] = Role(key, frozenset(_list(_col(r, 1))) | {key}, _col(r, 2) or None)
    return out


@cached
def honorifics() -> dict[str, str | None]:
    """Honorifics (lower case, no period) → gender (``m``, ``f`` or ``None``)."""
    return {r[0].lower().rstrip("."): (_col(r, 1) or None) for r in _rows("honorifics.tsv")}


@cached
def organizations() -> dict[str, Organization]:
    """Known organisations by lower-cased full name *and* by lower-cased short form."""
    out: dict[str, Organization] = {}
    for r in _rows("organizations.tsv"):
        org = Organization(r[0], _col(r, 1) or r[0], frozenset(_list(_col(r, 2))), _list(_col(r, 3)))
        out.setdefault(r[0].lower(), org)
        out.setdefault(org.short.lower(), org)
    return out


@cached
def org_words() -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    """Organisation words → (descriptions they answer to, broader terms for their spokespeople)."""
    return {r[0].lower(): (frozenset(_list(_col(r, 1))) | {r[0].lower()}, frozenset(_list(_col(r, 2))))
            for r in _rows("org_words.tsv")}


@cached
def countries() -> dict[str, Country]:
    """Countries keyed by lower-cased name, adjective, other name and capital.

    >>> countries()["iranian"].name, countries()["moscow"].name
    ('Iran', 'Russia')
    """
    out: dict[str, Country] = {}
    for r in _rows("nationalities.tsv"):
        c = Country(r[0], _list(_col(r, 1)), _list(_col(r, 2)), _col(r, 3) or None)
        for key in (c.name, *c.adjectives, *c.aliases, *( [c.capital] if c.capital else [])):
            out.setdefault(key.lower(), c)
    return out


@cached
def first_names() -> dict[str, str]:
    """Given names (lower case) → usual gender."""
    return {r[0].lower(): r[1] for r in _rows("first_names.tsv") if len(r) > 1}


@cached
def pronouns() -> dict[str, Pronoun]:
    """Pronouns (lower case) with gender, number and kind."""
    return {r[0].lower(): Pronoun(r[0].lower(), _col(r, 1) or None, _col(r, 2) or "sg", _col(r, 3) or "any",
                                  int(_col(r, 4) or 3)) for r in _rows("pronouns.tsv")}


@cached
def max_role_words() -> int:
    """The most words a role of ``titles.tsv`` has."""
    return max(len(k.split()) for k in roles())


@cached
def name_suffixes() -> frozenset[str]:
    """Suffixes written after a surname ("Martin Luther King Jr."), from ``data/name_suffixes.tsv``:
    never the surname.

    >>> "jr" in name_suffixes()
    True
    """
    return frozenset(cells[0].lower() for _, cells in rows("name_suffixes.tsv"))


def _words(name: str) -> frozenset[str]:
    return frozenset(cells[0].lower() for _, cells in rows(name))


@cached
def title_modifiers() -> frozenset[str]:
    """Words that modify a role ("former", "deputy"), from ``data/title_modifiers.tsv``.

    >>> "former" in title_modifiers()
    True
    """
    return _words("title_modifiers.tsv")


@cached
def name_particles() -> frozenset[str]:
    """Lower-case particles inside personal names ("von", "al"), from ``data/name_particles.tsv``.

    >>> "von" in name_particles(), "al-" in name_particles()
    (True, True)
    """
    return _words("name_particles.tsv")


@cached
def name_prefixes() -> tuple[str, ...]:
    """Particles also written joined to the next name part by a hyphen ("al-", "abu-").

    >>> "al-" in name_prefixes(), "von-" in name_prefixes()
    (True, False)
    """
    return tuple(f"{cells[0].lower()}-" for _, cells in rows("name_particles.tsv") if _col(cells, 1) == "prefix")


@cached
def title_terms() -> dict[str, frozenset[str]]:
    """Words of a title that give its holder broader terms, from ``data/title_terms.tsv``.

    >>> sorted(title_terms()["foreign"])
    ['diplomat']
    """
    return {r[0].lower(): frozenset(_list(_col(r, 1))) for r in _rows("title_terms.tsv")}


@cached
def ner_kinds() -> dict[str, str]:
    """NER entity types → entity kind, from ``data/ner_kinds.tsv``.

    >>> ner_kinds()["GPE"]
    'organization'
    """
    return {r[0]: r[1] for r in _rows("ner_kinds.tsv")}


@cached
def time_words() -> frozenset[str]:
    """Words of time and date (``data/time_words.tsv`` and the ``time`` words of
    ``clause_words.tsv``): never a speaker's name.

    >>> {"friday", "nov", "week"} <= time_words()
    True
    """
    return _words("time_words.tsv") | role_words("time")


@cached
def calendar_words() -> frozenset[str]:
    """Names of months and weekdays and their abbreviations (``data/time_words.tsv``).

    >>> "friday" in calendar_words(), "today" in calendar_words()
    (True, False)
    """
    return frozenset(cells[0].lower() for _, cells in rows("time_words.tsv") if _col(cells, 1) == "calendar")


@cached
def quantity_words() -> frozenset[str]:
    """Words of quantity (``data/quantity_words.tsv`` and the ``quantifier`` words of
    ``clause_words.tsv``): never a speaker's name by themselves.

    >>> {"dozen", "some", "all"} <= quantity_words()
    True
    """
    return _words("quantity_words.tsv") | role_words("quantifier")


@cached
def group_nouns() -> frozenset[str]:
    """Nouns for groups of people, singular (``data/group_nouns.tsv``) and the role words of
    ``data/titles.tsv``: the plural subjects a later "they" may stand for.

    >>> {"supporter", "candidate", "official"} <= group_nouns(), "call" in group_nouns()
    (True, False)
    """
    return _words("group_nouns.tsv") | frozenset(r.lower() for r in roles())


@cached
def page_furniture() -> dict[str, bool]:
    """Line starts of page furniture ("READ MORE", "Advertisement") from ``data/page_furniture.tsv``,
    each with whether it is furniture only as a label before a colon, bar or dash ("Video: …").

    >>> page_furniture()["advertisement"], page_furniture()["video"]
    (False, True)
    """
    return {cells[0].lower(): _col(cells, 1) == "label" for _, cells in rows("page_furniture.tsv")
            if _col(cells, 1) != "credit"}


@cached
def _credit_pattern() -> "regex.Pattern[str]":
    words = [cells[0] for _, cells in rows("page_furniture.tsv") if _col(cells, 1) == "credit"]
    return regex.compile(rf"^.{{0,60}}\b(?:{'|'.join(regex.escape(w) for w in words)})\W*$", regex.IGNORECASE)


@cached
def _furniture_pattern() -> "regex.Pattern[str]":
    def alts(label: bool) -> str:
        words = sorted((w for w, lab in page_furniture().items() if lab == label), key=len, reverse=True)
        return "|".join(regex.escape(w) for w in words)

    return regex.compile(
        rf"^\W*(?:(?:{alts(False)})[\s.!]*(?:$|[:|\-–—»›>])|(?:{alts(True)})\s*[:|\-–—»›>])", regex.IGNORECASE
    )


def is_furniture(line: str) -> bool:
    """Whether a line of text is page furniture: an entry of ``page_furniture()`` alone, or followed
    by a colon, bar or dash and a teaser.

    >>> is_furniture("Advertisement"), is_furniture("READ MORE: 'Strike' blamed for delays: Mayor")
    (True, True)
    >>> is_furniture("Video: the mayor at the harbour"), is_furniture("Video shows that the officer fired first.")
    (True, False)
    >>> is_furniture("Video"), is_furniture("Ana Ruiz via Getty Images.")
    (False, True)
    """
    line = line.strip()
    return bool(_furniture_pattern().match(line) or _credit_pattern().match(line))


@cached
def document_words() -> frozenset[str]:
    """Nouns of documents that speak for their author ("letter", "statement"), from
    ``data/document_words.tsv``.

    >>> "letter" in document_words()
    True
    """
    return _words("document_words.tsv")
