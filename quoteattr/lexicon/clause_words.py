"""Function words by role (``data/clause_words.tsv``): complementizers, relative pronouns,
time words, determiners… that the attribution rules read.

Every role a table line names must be one of :data:`ROLES`, and code asks for a role with
:func:`role_words`, which raises for a role that is not declared: a misspelt role is an error,
never a rule that silently does not fire.

>>> {"adverbial", "agent", "aside"} <= set(clause_words())
True
>>> "whom" in role_words("relative")
True
>>> role_words("relatives")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
KeyError: "unknown clause-word role 'relatives'; known: absolute-case, adverbial, ..."
"""

from __future__ import annotations

from .tables import cached, rows

__all__ = ["ROLES", "clause_words", "role_words"]

#: The roles ``clause_words.tsv`` may give a word (see the header of the table).
ROLES = frozenset({
    "complementizer", "question", "adverbial", "infinitive", "relative", "expletive", "time", "quantifier",
    "headline-label", "coordinator", "determiner", "possessive", "title-lead", "asking-verb", "hearer-verb",
    "reason", "likeness", "agent", "source", "reflexive", "circumstance", "subject-case",
    "object-control", "negation", "focus", "refusal-verb", "aside", "kept-mark", "occasion",
    "connective", "issue-verb", "affiliation", "org-link", "name-joiner", "author-case", "share-unit", "share-link",
    "absolute-case", "partitive", "gerund-case", "gloss-article", "gloss-indefinite",
    "inversion-verb", "subordinator", "infinitive-subject", "participle-group", "relative-possessive",
    "expressing-verb", "clause-anaphor", "noun-lead", "naming-verb",
})


@cached
def clause_words() -> dict[str, frozenset[str]]:
    """Function words by role, from ``data/clause_words.tsv``; every declared role is a key.

    >>> "that" in clause_words()["complementizer"], "because" in clause_words()["adverbial"]
    (True, True)
    """
    roles: dict[str, set[str]] = {r: set() for r in ROLES}
    for n, cols in rows("clause_words.tsv"):
        if len(cols) < 2 or cols[1] not in ROLES:
            raise ValueError(f"clause_words.tsv:{n}: expected word <TAB> role with a role of {sorted(ROLES)}, "
                             f"got {cols!r}")
        roles[cols[1]].add(cols[0].lower())
    return {r: frozenset(ws) for r, ws in roles.items()}


def role_words(role: str) -> frozenset[str]:
    """The words of ``role``; a ``KeyError`` for a role :data:`ROLES` does not declare."""
    if role not in ROLES:
        raise KeyError(f"unknown clause-word role {role!r}; known: {', '.join(sorted(ROLES))}")
    return clause_words()[role]
