"""Function words by role (``data/clause_words.tsv``): complementizers, relative pronouns,
time words, determiners… that the attribution rules read.

>>> sorted(clause_words())[:3]
['adverbial', 'agent', 'asking-verb']
"""

from __future__ import annotations

import functools

from .tables import rows

__all__ = ["clause_words"]


@functools.lru_cache(maxsize=None)
def clause_words() -> dict[str, frozenset[str]]:
    """Function words by role, from ``data/clause_words.tsv``.

    >>> "that" in clause_words()["complementizer"], "because" in clause_words()["adverbial"]
    (True, True)
    """
    roles: dict[str, set[str]] = {}
    for _, cols in rows("clause_words.tsv"):
        word, role = cols[:2]
        roles.setdefault(role, set()).add(word.lower())
    return {r: frozenset(ws) for r, ws in roles.items()}
