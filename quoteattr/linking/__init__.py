"""Linking quotes across documents, stage by stage:

* :mod:`~quoteattr.linking.normalize` — text folding, tokens, stems;
* :mod:`~quoteattr.linking.features` — what of a quote is compared, and its hashed keys;
* :mod:`~quoteattr.linking.pairs` — candidate pairs and the rules that decide a link (reasons);
* :mod:`~quoteattr.linking.names` — person names and the cross-document speaker index;
* :mod:`~quoteattr.linking.results` — clusters, speakers and their JSON records;
* :mod:`~quoteattr.linking.linker` — the incremental linker (:func:`~quoteattr.linking.linker.link`);
* :mod:`~quoteattr.linking.store` — the same linking kept in SQLite (:class:`~quoteattr.linking.store.Corpus`).
"""

__all__: list[str] = []
