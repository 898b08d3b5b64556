"""Tables about people and organisations: role words (``titles.tsv``), honorifics,
organisations and their short forms, organisation words, countries, given names and
pronouns, read once and cached.

>>> roles()["spokesman"].gender, honorifics()["mrs"], pronouns()["she"].gender
('m', 'f', 'f')
"""

from __future__ import annotations


import attrs

from .tables import cached, rows

__all__ = [
    "Country", "Organization", "Pronoun", "Role", "countries", "first_names", "honorifics",
    "max_role_words", "name_suffixes", "org_words", "organizations", "pronouns", "roles",
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
