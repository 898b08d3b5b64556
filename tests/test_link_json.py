"""Linking ``quoteattr extract`` JSON gives the same clusters as linking the parsed documents."""

from __future__ import annotations

import json

from quoteattr.linking.features import quote_lemmas
from quoteattr.linking.linker import link
from quoteattr.model import AttributedDocument, Quote, Span


def _clusters(result):
    return sorted(sorted((m.doc, m.quote, m.reason, m.score) for m in c.members) for c in result.clusters)


def test_seed_json_links_like_the_parsed_documents(seed_docs):
    parsed = list(seed_docs.values())
    from_json = [AttributedDocument.from_dict(json.loads(json.dumps(d.to_dict()))) for d in parsed]
    assert all(q.lemmas is not None for d in from_json for q in d.quotes)
    # the JSON carries the lemmas linking reads from the parse
    for d, j in zip(parsed, from_json):
        assert [quote_lemmas(d, q) for q in d.quotes] == [quote_lemmas(j, q) for q in j.quotes]
    direct, via_json = link(parsed), link(from_json)
    assert _clusters(direct) == _clusters(via_json)
    assert any(len(c.members) > 1 for c in direct.clusters)


def test_lemmas_round_trip_and_stay_null_without_a_parse():
    q = Quote("q1", "indirect", 4, 24, "prices were rising", (Span(4, 22, "prices were rising"),),
              lemmas=["price", "be", "rise"])
    assert q.lemmas == ("price", "be", "rise")
    assert Quote.from_dict(q.to_dict()).lemmas == ("price", "be", "rise")
    bare = AttributedDocument("d", "Ann said prices were rising.", (Quote("q1", "indirect", 9, 27, "prices were rising",
                                                                           (Span(9, 27, "prices were rising"),)),))
    assert "lemmas" not in bare.to_dict()["quotes"][0]
    assert quote_lemmas(bare, bare.quotes[0]) is None
