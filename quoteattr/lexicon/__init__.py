"""The linguistic knowledge quoteattr reads, from the data tables in ``quoteattr/data/*.tsv``:

* :mod:`~quoteattr.lexicon.tables` — reading a table (a user's folder first) and caching per folder;
* :mod:`~quoteattr.lexicon.cues` — attribution cues, their frames and classes, cue phrases;
* :mod:`~quoteattr.lexicon.clause_words` — function words by declared role;
* :mod:`~quoteattr.lexicon.marks` — the quotation-mark inventory;
* :mod:`~quoteattr.lexicon.people` — roles, honorifics, organisations, countries, names, pronouns,
  time and quantity words, page furniture.

See ``docs/architecture.md`` for which stage reads which table.
"""

__all__: list[str] = []
