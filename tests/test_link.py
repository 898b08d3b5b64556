"""Cross-document linking on small hand-made AttributedDocuments (no parsing)."""

from __future__ import annotations

import json

import attrs

import numpy as np
import pytest

from quoteattr.linking import features
from quoteattr.linking.features import featurize
from quoteattr.linking.linker import Linker, link
from quoteattr.linking.names import SpeakerIndex
from quoteattr.linking.results import LinkResult, Member, records
from quoteattr.model import AttributedDocument, Entity, Quote, Span


def make(doc_id: str, text: str, quotes, entities=(), date=None) -> AttributedDocument:
    """quotes: (said substring, kind, entity id or None); entities: (id, name, title[, type])."""
    qs = []
    for n, (said, kind, ent) in enumerate(quotes, 1):
        s = text.index(said)
        e = s + len(said)
        qs.append(Quote(f"q{n}", kind, s, e, text[s:e], (Span(s, e, text[s:e]),), entity=ent))
    es = [Entity(e[0], name=e[1], title=e[2], label=" ".join(x for x in (e[2], e[1]) if x),
                 type=e[3] if len(e) > 3 else "person") for e in entities]
    return AttributedDocument(doc_id, text, tuple(qs), tuple(es), date=date)


def member(result: LinkResult, doc: str, quote: str = "q1") -> Member:
    c = result.cluster_of(doc, quote)
    assert c is not None
    return next(m for m in c.members if m.doc == doc and m.quote == quote)


def same_cluster(result, x, y) -> bool:
    return result.cluster_of(*x).id == result.cluster_of(*y).id


STATEMENT = "The harbour bridge will reopen to freight trucks before the autumn harvest begins"


def test_identical_after_normalisation():
    a = make("a", f"\u201c{STATEMENT}.\u201d", [(STATEMENT + ".", "direct", None)])
    b = make("b", f'"{STATEMENT.upper()} \u2014 " the mayor said.', [(STATEMENT.upper() + " \u2014", "direct", None)])
    r = link([a, b])
    assert same_cluster(r, ("a", "q1"), ("b", "q1"))
    reasons = {m.reason for m in r.cluster_of("a", "q1").members}
    assert reasons == {"canonical", "identical"}


def test_containment_of_a_fragment():
    frag = "reopen to freight trucks before the autumn"
    a = make("a", f'"{STATEMENT}," Pia Holm said.', [(STATEMENT, "direct", "e1")], [("e1", "Pia Holm", None)])
    b = make("b", f'The bridge will "{frag}", officials said.', [(frag, "direct", None)])
    r = link([a, b])
    m = member(r, "b")
    assert m.reason == "containment" and m.score >= 0.8
    assert r.cluster_of("a", "q1").canonical == STATEMENT


def test_short_fragment_needs_the_same_speaker():
    frag = "freight trucks"
    a = make("a", f'"{STATEMENT}," Pia Holm said.', [(STATEMENT, "direct", "e1")], [("e1", "Pia Holm", None)])
    b = make("b", f'Holm spoke of "{frag}" on Monday.', [(frag, "direct", "e1")], [("e1", "Holm", None)])
    c = make("c", 'A driver spoke of "autumn harvest" on Monday.', [("autumn harvest", "direct", None)])
    r = link([a, b, c])
    assert same_cluster(r, ("a", "q1"), ("b", "q1"))
    assert not same_cluster(r, ("a", "q1"), ("c", "q1"))


def test_near_duplicate_with_a_misspelling():
    typo = STATEMENT.replace("freight", "frieght").replace("trucks", "trucks;")
    a = make("a", f'"{STATEMENT}."', [(STATEMENT, "direct", None)])
    b = make("b", f'"{typo}."', [(typo, "direct", None)])
    r = link([a, b])
    assert member(r, "b").reason in ("near-duplicate", "canonical")
    assert {m.reason for m in r.cluster_of("a", "q1").members} == {"canonical", "near-duplicate"}


def test_reordered_words_and_clauses():
    x = "Prices of bread rose sharply, farmers blamed the drought"
    y = "Farmers blamed the drought, prices of bread rose sharply"
    a = make("a", f'"{x}."', [(x, "direct", None)])
    b = make("b", f'"{y}."', [(y, "direct", None)])
    r = link([a, b])
    assert {m.reason for m in r.cluster_of("a", "q1").members} == {"canonical", "reordered"}


DIRECT = "Our government will never sell the national railway to foreign investors"
PARA = "foreign investors would never be allowed to buy the national railway from the government"


def test_paraphrase_by_the_same_speaker():
    a = make("a", f'"{DIRECT}," said Prime Minister Marta Lind.', [(DIRECT, "direct", "e1")],
             [("e1", "Marta Lind", "Prime Minister")])
    b = make("b", f"Lind said {PARA}.", [(PARA, "indirect", "e1")], [("e1", "Lind", None)])
    r = link([a, b])
    assert same_cluster(r, ("a", "q1"), ("b", "q1"))
    assert member(r, "b").reason == "paraphrase" and 0.5 <= member(r, "b").score < 1
    assert r.cluster_of("a", "q1").canonical == DIRECT


def test_paraphrase_not_across_speakers():
    a = make("a", f'"{DIRECT}," said Prime Minister Marta Lind.', [(DIRECT, "direct", "e1")],
             [("e1", "Marta Lind", "Prime Minister")])
    c = make("c", f"A union leader, Ola Berg, said {PARA}.", [(PARA, "indirect", "e1")],
             [("e1", "Ola Berg", "union leader")])
    r = link([a, c])
    assert not same_cluster(r, ("a", "q1"), ("c", "q1"))


def test_paraphrase_and_conflicting_copy_cannot_link():
    """A verbatim copy given to another named speaker (no shared organisation) is kept out."""
    a = make("a", f'"{DIRECT}," said Prime Minister Marta Lind.', [(DIRECT, "direct", "e1")],
             [("e1", "Marta Lind", "Prime Minister")])
    b = make("b", f"Lind said {PARA}.", [(PARA, "indirect", "e1")], [("e1", "Lind", None)])
    c = make("c", f"A union leader, Ola Berg, said {PARA}.", [(PARA, "indirect", "e1")],
             [("e1", "Ola Berg", "union leader")])
    r = link([a, b, c])
    cl = r.cluster_of("a", "q1")
    assert {m.doc for m in cl.members} == {"a", "b"}
    assert not cl.conflict and cl.speaker == member(r, "a").speaker
    assert r.cluster_of("c", "q1").members == (member(r, "c"),)


def test_different_statements_of_one_speaker_stay_apart():
    ents = [("e1", "Marta Lind", "Prime Minister")]
    s1 = "the national railway will stay in public hands for many years"
    s2 = "the national lottery will fund new public swimming pools"
    a = make("a", f"Lind said {s1}.", [(s1, "indirect", "e1")], ents)
    b = make("b", f"Lind said {s2}.", [(s2, "indirect", "e1")], ents)
    r = link([a, b])
    assert not same_cluster(r, ("a", "q1"), ("b", "q1"))
    assert len(r.clusters) == 2


def test_conflicting_named_speakers_cannot_link():
    a = make("a", f'"{STATEMENT}," said Pia Holm.', [(STATEMENT, "direct", "e1")], [("e1", "Pia Holm", "mayor")])
    b = make("b", f'"{STATEMENT}," said Tor Eng.', [(STATEMENT, "direct", "e1")], [("e1", "Tor Eng", "governor")])
    r = link([a, b])
    c = r.cluster_of("a", "q1")
    assert len(c.members) == 1 and not c.conflict
    assert len(r.speakers) == 2  # the speakers themselves stay apart


def test_speakers_of_one_organisation_link_flagged():
    a = make("a", f'"{STATEMENT}," said Pia Holm.', [(STATEMENT, "direct", "e1")], [("e1", "Pia Holm", "mayor")])
    b = make("b", f'"{STATEMENT}," said Tor Eng.', [(STATEMENT, "direct", "e1")], [("e1", "Tor Eng", "governor")])
    a = attrs.evolve(a, entities=(attrs.evolve(a.entities[0], organization="Harbour Board"),))
    b = attrs.evolve(b, entities=(attrs.evolve(b.entities[0], organization="Harbour Board"),))
    c = link([a, b]).cluster_of("a", "q1")
    assert len(c.members) == 2 and c.conflict


def test_chain_through_one_link_does_not_merge():
    """Three copies of one statement, and another statement that contains one copy's words:
    the single containment link does not pull the other statement into the cluster."""
    s1 = "the harbour bridge will reopen to freight trucks before the autumn harvest"
    s2 = "farmers fear the harbour bridge will reopen to freight trucks before the autumn harvest begins late"
    s3 = "farmers fear prices will collapse before winter comes and the autumn harvest begins late"
    docs = [make(d, f'"{s}," said Pia Holm.', [(s, "direct", "e1")], [("e1", "Pia Holm", "mayor")])
            for d, s in (("a", s1), ("b", s1), ("c", s1.upper()))]
    docs.append(make("d", f'"{s2}," said Pia Holm.', [(s2, "direct", "e1")], [("e1", "Pia Holm", "mayor")]))
    docs.append(make("e", f'"{s3}," said Pia Holm.', [(s3, "direct", "e1")], [("e1", "Pia Holm", "mayor")]))
    r = link(docs)
    assert {m.doc for m in r.cluster_of("a", "q1").members} >= {"a", "b", "c"}
    assert not same_cluster(r, ("a", "q1"), ("e", "q1"))


def test_same_speaker_is_no_conflict():
    a = make("a", f'"{STATEMENT}," said Pia Holm.', [(STATEMENT, "direct", "e1")], [("e1", "Pia Holm", "mayor")])
    b = make("b", f'"{STATEMENT}," Holm said.', [(STATEMENT, "direct", "e1")], [("e1", "Holm", None)])
    c = link([a, b]).cluster_of("a", "q1")
    assert len(c.members) == 2 and not c.conflict and c.speaker is not None


def test_speakers_merged_with_union_of_titles():
    idx = SpeakerIndex()
    s1 = idx.add("d1", Entity("e1", name="Abbas Araghchi", title="Iranian Foreign Minister", type="person"))
    s2 = idx.add("d2", Entity("e3", name="Araghchi", title="Foreign Minister", type="person"))
    s3 = idx.add("d3", Entity("e2", name="Abbas Araghchi", title="diplomat", type="person"))
    assert s1 == s2 == s3
    sp = idx.speakers()[0]
    assert set(sp.titles) == {"Iranian Foreign Minister", "Foreign Minister", "diplomat"}
    assert set(sp.members) == {("d1", "e1"), ("d2", "e3"), ("d3", "e2")}


def test_same_surname_different_people():
    idx = SpeakerIndex()
    h = idx.add("d1", Entity("e1", name="Hillary Clinton", title="Secretary of State", type="person"))
    b = idx.add("d2", Entity("e1", name="Bill Clinton", title="former president", type="person"))
    assert h != b
    # a bare surname matching both is ambiguous: not merged with either
    x = idx.add("d3", Entity("e1", name="Clinton", type="person"))
    assert x not in (h, b)
    # a bare surname whose title fits only one is merged with that one
    y = idx.add("d4", Entity("e2", name="Clinton", title="former U.S. president", type="person"))
    assert y == b


def test_title_conflict_blocks_surname_merge():
    idx = SpeakerIndex()
    a = idx.add("d1", Entity("e1", name="Dana Ruiz", title="senator", type="person"))
    b = idx.add("d2", Entity("e1", name="Ruiz", title="goalkeeper", type="person"))
    assert a != b


def test_initial_matches_first_name():
    idx = SpeakerIndex()
    assert idx.add("d1", Entity("e1", name="John Kerry", type="person")) == idx.add(
        "d2", Entity("e1", name="J. Kerry", type="person"))


def test_organisations_and_unnamed_sources():
    idx = SpeakerIndex()
    o1 = idx.add("d1", Entity("e1", name="Red Cross", type="organization"))
    o2 = idx.add("d2", Entity("e4", name="the Red Cross", type="organization"))
    u1 = idx.add("d1", Entity("e2", name=None, label="a senior official"))
    u2 = idx.add("d2", Entity("e2", name=None, label="a senior official"))
    assert o1 != u1 and u1 != u2
    assert o1 == o2 or idx.records[o1].names != idx.records[o2].names  # "the" kept apart is acceptable


def test_records_contract_and_singletons():
    a = make("a", f'"{STATEMENT}," said Pia Holm. "Nothing else matters to farmers in the valley."',
             [(STATEMENT, "direct", "e1"), ("Nothing else matters to farmers in the valley.", "direct", "e1")],
             [("e1", "Pia Holm", "mayor")])
    b = make("b", f'Holm said: "{STATEMENT}".', [(STATEMENT, "direct", "e1")], [("e1", "Holm", None)])
    recs = list(records(link([a, b])))
    json.dumps(recs)  # JSON-able
    clusters = [r for r in recs if r["type"] == "cluster"]
    speakers = [r for r in recs if r["type"] == "speaker"]
    assert sorted(len(c["members"]) for c in clusters) == [1, 2]
    for c in clusters:
        assert set(c) >= {"type", "id", "canonical", "speaker", "conflict", "members"}
        for m in c["members"]:
            assert set(m) >= {"doc", "quote", "start", "end", "text", "kind", "score", "reason"}
    assert len(speakers) == 1
    sp = speakers[0]
    assert set(sp["names"]) == {"Pia Holm", "Holm"} and sp["titles"] == ["mayor"]
    assert sorted((m["doc"], m["entity"]) for m in sp["members"]) == [("a", "e1"), ("b", "e1")]
    assert all(c["speaker"] == sp["id"] for c in clusters)


def test_from_json_lines():
    a = make("a", f'"{STATEMENT}," said Pia Holm.', [(STATEMENT, "direct", "e1")], [("e1", "Pia Holm", None)])
    b = make("b", f'"{STATEMENT}," Holm said.', [(STATEMENT, "direct", "e1")], [("e1", "Holm", None)])
    back = [AttributedDocument.from_dict(json.loads(json.dumps(d.to_dict()))) for d in (a, b)]
    r = link(back)
    assert len(r.clusters) == 1 and len(r.speakers) == 1


def test_incremental_equals_batch():
    docs = [
        make("a", f'"{STATEMENT}."', [(STATEMENT, "direct", None)]),
        make("b", "He said prices of bread rose sharply last week.", [("prices of bread rose sharply last week", "indirect", None)]),
        make("c", f'"{STATEMENT.lower()}"', [(STATEMENT.lower(), "direct", None)]),
        make("d", '"prices of bread rose sharply last week"', [("prices of bread rose sharply last week", "direct", None)]),
    ]
    lk = Linker()
    for d in docs:
        lk.add([d])
    inc = lk.labels()
    assert inc.tolist() == [0, 1, 0, 1]
    assert Linker().labels().tolist() == []


def test_common_keys_are_not_evidence():
    # many distinct statements sharing one phrase: with a small cap the phrase alone links nothing
    texts = [f"the united nations said {w} cattle {v} grazing" for w, v in
             zip(["red", "blue", "green", "grey", "pink", "gold"], ["near", "far", "up", "down", "in", "out"])]
    lk = Linker(cap=3)
    lk.add_texts(texts, ["direct"] * 6, [None] * 6)
    assert len(set(lk.labels().tolist())) == 6


def test_featurize_chunking_is_exact(monkeypatch):
    texts = [f"{STATEMENT} number {i}" for i in range(7)] + ["short one", ""]
    full = featurize(texts, ["direct"] * 9, [0, 1, -1, 0, 1, -1, 0, 1, -1])
    monkeypatch.setattr(features, "_CHUNK", 2)
    parts = featurize(texts, ["direct"] * 9, [0, 1, -1, 0, 1, -1, 0, 1, -1])
    for f in ("norm", "bag", "ncontent", "nbig", "nlem"):
        assert np.array_equal(getattr(full, f), getattr(parts, f)), f
    assert sorted(zip(full.bq.tolist(), full.bk.tolist())) == sorted(zip(parts.bq.tolist(), parts.bk.tolist()))


def test_earliest_member():
    a = make("a", f'"{STATEMENT}."', [(STATEMENT, "direct", None)], date="2024-05-03")
    b = make("b", f'"{STATEMENT}."', [(STATEMENT, "direct", None)], date="2024-05-01")
    c = make("c", f'"{STATEMENT}."', [(STATEMENT, "direct", None)])
    assert link([a, b, c]).clusters[0].earliest().doc == "b"


@pytest.mark.parametrize("bad", ["", "   ", "!!!"])
def test_empty_quotes_do_not_link(bad):
    a = AttributedDocument("a", bad or "x", (Quote("q1", "direct", 0, 0, "", ()),))
    b = AttributedDocument("b", bad or "x", (Quote("q1", "direct", 0, 0, "", ()),))
    r = link([a, b])
    assert len(r.clusters) == 2


def test_quoted_fragment_inside_reported_speech_links():
    a = make("a", 'Minister Omar Said described the strikes as part of a "Western-Zionist plot" to divide the region.',
             [('the strikes as part of a "Western-Zionist plot" to divide the region', "mixed", "e1")],
             [("e1", "Omar Said", "Minister")])
    b = make("b", 'Said called the strikes "a Zionist-Western plot" to divide the whole region.',
             [('the strikes "a Zionist-Western plot" to divide the whole region', "mixed", "e1")], [("e1", "Said", None)])
    c = make("c", 'An analyst called the strikes "a Zionist-Western plot" to divide the whole region.',
             [('the strikes "a Zionist-Western plot" to divide the whole region', "mixed", "e1")],
             [("e1", "Lea Roth", "analyst")])
    r = link([a, b])
    assert same_cluster(r, ("a", "q1"), ("b", "q1"))
    r = link([a, b, c])
    assert len(r.cluster_of("a", "q1").members) == 2  # c: identical to b, but another named speaker
    # fragments are not members of their own
    assert all(m.kind != "part" for cl in r.clusters for m in cl.members)


def test_short_catchphrase_on_another_occasion_is_not_a_link():
    """A quoted catch-phrase of three content words, used by the same speaker about something else
    weeks later, is another statement; within days, or about the same matter, it is the same."""
    text_a = 'Minister Omar Said described the strikes as part of a "Western-Zionist plot" to divide the region.'
    said_a = 'the strikes as part of a "Western-Zionist plot" to divide the region'
    text_b = 'Said called the new pension law "a Zionist-Western plot" against retired teachers.'
    said_b = 'the new pension law "a Zionist-Western plot" against retired teachers'
    ents = [("e1", "Omar Said", "Minister")]
    a = make("a", text_a, [(said_a, "mixed", "e1")], ents, date="2024-03-01")
    later = make("b", text_b, [(said_b, "mixed", "e1")], ents, date="2024-04-20")
    assert not same_cluster(link([a, later]), ("a", "q1"), ("b", "q1"))
    days_later = make("b", text_b, [(said_b, "mixed", "e1")], ents, date="2024-03-02")
    assert same_cluster(link([a, days_later]), ("a", "q1"), ("b", "q1"))
    text_c = 'Said called the strikes "a Zionist-Western plot" that will divide the region.'
    same_matter = make("c", text_c, [('the strikes "a Zionist-Western plot" that will divide the region', "mixed", "e1")],
                       ents, date="2024-04-20")
    assert same_cluster(link([a, same_matter]), ("a", "q1"), ("c", "q1"))


def test_quoted_fragment_of_another_speaker_is_not_a_link():
    a = make("a", 'Minister Omar Said described the strikes as part of a "Western-Zionist plot" to divide the region.',
             [('the strikes as part of a "Western-Zionist plot" to divide the region', "mixed", "e1")],
             [("e1", "Omar Said", "Minister")])
    c = make("c", 'An analyst spoke of "Western plot".', [('"Western plot"', "mixed", "e1")],
             [("e1", "Lea Roth", "analyst")])
    r = link([a, c])
    assert not same_cluster(r, ("a", "q1"), ("c", "q1"))


def test_stanza_lemmas_with_new_words():
    """Lemmas never seen before go through the token cache (regression: stale hash arrays)."""
    f = featurize(["zorblax quuxed the frobnitz"], ["indirect"], [0], [["zorblaxlemma", "quux", "frobnitzlemma"]])
    assert f.nlem.tolist() == [3] and len(f.lk) == 3


def test_descriptions_are_not_names():
    idx = SpeakerIndex()
    a = idx.add("d1", Entity("e1", name="The official", type="unknown"))
    b = idx.add("d2", Entity("e1", name="The official", type="unknown"))
    assert a != b


def test_paraphrase_scorer_links_a_loose_paraphrase_sharing_rare_words():
    """Two outlets' indirect reports of one statement sharing under half their content words
    (the former rule wanted a Jaccard of 0.5): the scorer links them, with its score kept."""
    s1 = "the port authority would close the northern ferry terminal at Kessby next spring"
    s2 = "the Kessby ferry terminal in the north must shut its gates next spring"
    ents = [("e1", "Marta Lind", "Prime Minister")]
    a = make("a", f"Lind said {s1}.", [(s1, "indirect", "e1")], ents, date="2024-03-01")
    b = make("b", f"Lind said {s2}.", [(s2, "indirect", "e1")], ents, date="2024-03-02")
    r = link([a, b])
    assert same_cluster(r, ("a", "q1"), ("b", "q1"))
    m = member(r, "b") if member(r, "a").reason == "canonical" else member(r, "a")
    assert m.reason == "paraphrase" and 0.5 < m.score < 1
    other = make("c", "Lind said the ferry to Kessby would get new boats.",
                 [("the ferry to Kessby would get new boats", "indirect", "e1")], ents, date="2024-03-02")
    assert not same_cluster(link([a, other]), ("a", "q1"), ("c", "q1"))
