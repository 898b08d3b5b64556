"""Linking the three seed articles through the full pipeline (texts read from shared/seeds)."""

from __future__ import annotations

import pytest

from quoteattr.linking.linker import link



@pytest.fixture(scope="module")
def docs(seed_docs):
    return {name[:3]: d for name, d in seed_docs.items()}


@pytest.fixture(scope="module")
def result(seed_docs):
    return link(list(seed_docs.values()))


def quote_with(doc, phrase):
    for q in doc.quotes:
        if phrase.casefold() in q.text.casefold():
            return q
    raise AssertionError(f"no quote with {phrase!r} in {doc.id}")


def cluster(result, doc, phrase):
    c = result.cluster_of(doc.id, quote_with(doc, phrase).id)
    assert c is not None
    return c


@pytest.mark.parametrize("phrase", ["is not involved in the attack led by Hayat", "urges de-escalation",
                                    "continue to fully defend"])
def test_savett_statements_link_across_000_and_001(docs, result, phrase):
    a = cluster(result, docs["000"], phrase)
    b = cluster(result, docs["001"], phrase)
    assert a.id == b.id
    assert not a.conflict


def test_araghchi_plan_links_000_001_and_004(docs, result):
    a = cluster(result, docs["000"], "Zionist-American plan")
    b = cluster(result, docs["001"], "Zionist-American plan")
    c = cluster(result, docs["004"], "American-Zionist")
    assert a.id == b.id == c.id


@pytest.mark.parametrize("surname", ["Savett", "Araghchi"])
def test_one_cross_document_speaker(result, surname):
    found = [s for s in result.speakers if any(surname in n for n in s.names)]
    assert len(found) == 1
    docs = {d for d, _ in found[0].members}
    assert len(docs) >= 2


def test_savett_clusters_carry_his_speaker(docs, result):
    savett = next(s for s in result.speakers if any("Savett" in n for n in s.names))
    assert cluster(result, docs["000"], "urges de-escalation").speaker == savett.id


def test_no_link_joins_different_statements(docs, result):
    """Every multi-member cluster's members share content words with its canonical text."""
    from quoteattr.linking.normalize import content_words

    for c in result.clusters:
        canon = set(content_words(c.canonical))
        for m in c.members:
            words = set(content_words(m.text))
            assert words and len(words & canon) >= min(2, len(words)), (c.canonical, m.text)
    # distinct statements of one article never share a cluster with each other
    for c in result.clusters:
        per_doc = [m.doc for m in c.members]
        texts = {m.text for m in c.members}
        assert len(per_doc) == len(set(per_doc)) or len(texts) == 1, [m.text for m in c.members]
