"""The SQLite corpus store: persistence, incremental linking, transactions, queries."""

from __future__ import annotations

import sqlite3

import pytest

from quoteattr.linking.linker import link
from quoteattr.linking.results import records
from quoteattr.model import AttributedDocument, Entity, Quote, Span
from quoteattr.linking.store import SCHEMA_VERSION, Corpus, StoreVersionError

PLEDGE = "Every public library in the county will open on Sundays from next spring"
OTHER = "The new ferry line to the islands will carry bicycles free of charge"


def make(doc_id, text, quotes, entities=(), date=None, source=None):
    qs = []
    for n, (said, kind, ent) in enumerate(quotes, 1):
        s = text.index(said)
        e = s + len(said)
        qs.append(Quote(f"q{n}", kind, s, e, text[s:e], (Span(s, e, text[s:e]),), entity=ent))
    es = [Entity(e[0], name=e[1], title=e[2], label=" ".join(x for x in (e[2], e[1]) if x), type="person")
          for e in entities]
    return AttributedDocument(doc_id, text, tuple(qs), tuple(es), source=source, date=date)


def doc_a():
    return make("a", f'"{PLEDGE}," said council leader Rosa Dahl. "{OTHER}."',
                [(PLEDGE, "direct", "e1"), (OTHER, "direct", "e1")],
                [("e1", "Rosa Dahl", "council leader")], date="2024-02-03", source="Daily A")


def doc_b():
    frag = "will open on Sundays from next spring"
    return make("b", f'Dahl said every library "{frag}".', [(frag, "mixed", "e1")], [("e1", "Dahl", None)],
                date="2024-02-01")


def doc_c():
    return make("c", f'Rosa Dahl: "{PLEDGE.upper()}!"', [(PLEDGE.upper(), "direct", "e1")],
                [("e1", "Rosa Dahl", None)], date="2024-02-05")


def test_memory_store_links_and_answers_queries():
    corpus = Corpus(":memory:")
    corpus.add([doc_a(), doc_b()])
    assert len(corpus) == 2 and "a" in corpus and "z" not in corpus
    c = corpus.cluster_of("a", "q1")
    assert {(m.doc, m.quote) for m in c.members} == {("a", "q1"), ("b", "q1")}
    assert c.canonical == PLEDGE
    assert corpus.cluster_of("a", "q2").docs == ("a",)
    # all quotes of a speaker, by name or id; one speaker across documents
    assert [(q.doc, q.quote) for q in corpus.quotes_of("Rosa Dahl")] == [("a", "q1"), ("a", "q2"), ("b", "q1")]
    assert len(corpus.speakers()) == 1
    sid = corpus.speakers()[0].id
    assert len(corpus.quotes_of(sid)) == 3
    # the documents carrying a statement, and its earliest appearance
    assert sorted(corpus.documents_with(c.id)) == ["a", "b"]
    assert sorted(corpus.documents_with(PLEDGE.lower())) == ["a", "b"]
    assert corpus.earliest(c.id).doc == "b"
    assert corpus.earliest(OTHER).doc == "a"
    assert corpus.documents_with("Nothing like this was ever said by anybody") == []


def test_reopen_and_add_incrementally(tmp_path):
    path = tmp_path / "news.db"
    with Corpus(str(path)) as corpus:
        corpus.add([doc_a()])
    with Corpus(str(path)) as corpus:
        assert corpus.documents() == ["a"]
        corpus.add([doc_b()])
    with Corpus(str(path)) as corpus:
        corpus.add([doc_c()])
        c = corpus.cluster_of("c", "q1")
        assert {m.doc for m in c.members} == {"a", "b", "c"}
        reasons = {m.doc: m.reason for m in c.members}
        assert reasons["c"] == "identical" and reasons["b"] == "containment"
        assert len(corpus.speakers()) == 1
        sp = corpus.speakers()[0]
        assert set(sp.members) == {("a", "e1"), ("b", "e1"), ("c", "e1")}
        assert "council leader" in sp.titles
        back = corpus.document("a")
        assert back == doc_a()


def test_incremental_store_equals_batch_linking():
    docs = [doc_a(), doc_b(), doc_c()]
    one = Corpus(":memory:")
    for d in docs:
        one.add([d])
    batch = link(docs)

    def shape(clusters):
        return sorted(sorted((m.doc, m.quote) for m in c.members) for c in clusters)

    assert shape(one.clusters()) == shape(batch.clusters)


def test_duplicate_document_is_refused():
    corpus = Corpus(":memory:")
    corpus.add([doc_a()])
    with pytest.raises(ValueError):
        corpus.add([doc_b(), doc_a()])
    assert corpus.documents() == ["a"]


def test_crash_mid_document_keeps_committed_and_leaves_no_half_document(tmp_path, monkeypatch):
    path = str(tmp_path / "news.db")
    corpus = Corpus(path)
    corpus.add([doc_a()])
    real = Corpus._insert_quotes

    def flaky(self, *args, **kwargs):
        real(self, *args, **kwargs)  # the document, its entities and its quotes are written, then:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(Corpus, "_insert_quotes", flaky)
    crashed = make("d", f'"{PLEDGE}," said Rosa Dahl. "{OTHER}," she added.',
                   [(PLEDGE, "direct", "e1"), (OTHER, "direct", "e1")], [("e1", "Rosa Dahl", None)])
    with pytest.raises(RuntimeError):
        corpus.add([crashed])
    monkeypatch.undo()
    corpus.close()
    # another connection sees exactly what was committed before
    db = sqlite3.connect(path)
    assert [r[0] for r in db.execute("SELECT id FROM documents")] == ["a"]
    assert db.execute("SELECT COUNT(*) FROM quotes WHERE doc = 'd'").fetchone()[0] == 0
    assert db.execute("SELECT COUNT(*) FROM entities WHERE doc = 'd'").fetchone()[0] == 0
    assert db.execute("SELECT COUNT(*) FROM quotes").fetchone()[0] == 2
    db.close()
    with Corpus(path) as again:
        assert again.documents() == ["a"]
        assert [m.doc for m in again.cluster_of("a", "q1").members] == ["a"]
        again.add([crashed])  # the same document can now be added whole
        assert again.cluster_of("d", "q1").docs == ("a", "d")


def test_crash_in_live_corpus_keeps_it_usable(monkeypatch):
    corpus = Corpus(":memory:")
    corpus.add([doc_a()])

    def boom(self, *args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(Corpus, "_link", boom)
    with pytest.raises(RuntimeError):
        corpus.add([doc_b()])
    monkeypatch.undo()
    assert corpus.documents() == ["a"]
    assert len(corpus.speakers()) == 1  # the failed batch's speakers are forgotten too
    corpus.add([doc_b()])
    assert corpus.cluster_of("b", "q1").docs == ("a", "b")


def test_records_from_store():
    corpus = Corpus(":memory:")
    corpus.add([doc_a(), doc_c()])
    recs = list(records(corpus.result()))
    kinds = [r["type"] for r in recs]
    assert kinds.count("cluster") == 2 and kinds.count("speaker") == 1
    big = next(r for r in recs if r["type"] == "cluster" and len(r["members"]) == 2)
    assert {m["doc"] for m in big["members"]} == {"a", "c"}
    assert big["speaker"] == recs[-1]["id"]


def test_quoted_fragments_link_across_sessions(tmp_path):
    path = str(tmp_path / "f.db")
    a = make("a", 'Minister Omar Said described the strikes as part of a "Western-Zionist plot" to divide the region.',
             [('the strikes as part of a "Western-Zionist plot" to divide the region', "mixed", "e1")],
             [("e1", "Omar Said", "Minister")])
    b = make("b", 'Said called the strikes "a Zionist-Western plot" to divide the whole region.',
             [('the strikes "a Zionist-Western plot" to divide the whole region', "mixed", "e1")], [("e1", "Said", None)])
    with Corpus(path) as corpus:
        corpus.add([a])
    with Corpus(path) as corpus:
        corpus.add([b])
        c = corpus.cluster_of("b", "q1")
        assert [(m.doc, m.quote) for m in c.members] == [("a", "q1"), ("b", "q1")]
        assert [q.quote for q in corpus.quotes_of("Omar Said")] == ["q1", "q1"]
        assert len(corpus.clusters()) == 1
        assert corpus.document("a") == a


def test_store_written_before_versions_is_upgraded(tmp_path):
    path = tmp_path / "old.sqlite"
    with Corpus(str(path)) as c:
        c.add([doc_a()])
        # as an earlier version wrote it: no schema version, no part_of nor cue_class column
        c.db.execute("DELETE FROM meta")
        c.db.execute("ALTER TABLE quotes DROP COLUMN cue_class")
        c.db.execute("ALTER TABLE quotes DROP COLUMN part_of")
    with pytest.raises(StoreVersionError, match="old.sqlite.*open it once for writing"):
        Corpus(str(path), readonly=True)
    with Corpus(str(path)) as c:
        assert {"cue_class", "part_of"} <= {r[1] for r in c.db.execute("PRAGMA table_info(quotes)")}
        assert c.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == (str(SCHEMA_VERSION),)
        c.add([doc_b()])
        assert [q.cue_class for q in c.document("a").quotes] == [None, None]
        assert c.document("b").quotes[0].content == "will open on Sundays from next spring"


def test_a_stored_document_keeps_frame_negation_and_affiliation(tmp_path):
    text = "The mayor declined to comment on the ferry. Tom Berg's office said that the quay would open."
    said = "the quay would open"
    s = text.index(said)
    quotes = (
        Quote("q1", "indirect", text.index("comment"), text.index("."), "comment on the ferry",
              (Span.of(text, text.index("the ferry"), text.index(".")),), frame="on", negated=True, entity="e1"),
        Quote("q2", "indirect", s, s + len(said), said, (Span.of(text, s, s + len(said)),), frame="ccomp",
              entity="e2"),
    )
    entities = (Entity("e1", label="The mayor", title="mayor", type="person"),
                Entity("e2", label="Tom Berg's office", organization="Tom Berg", organization_entity="e3",
                       type="organization", aliases=("the office",)),
                Entity("e3", name="Tom Berg", label="Tom Berg", type="person"))
    doc = AttributedDocument("d", text, quotes, entities)
    path = str(tmp_path / "s.sqlite")
    with Corpus(path) as c:
        c.add([doc])
    with Corpus(path, readonly=True) as c:
        back = c.document("d")
    assert [(q.frame, q.negated) for q in back.quotes] == [("on", True), ("ccomp", False)]
    office = next(e for e in back.entities if e.id == "e2")
    assert (office.organization_entity, office.aliases) == ("e3", ("the office",))


def test_a_version_1_store_gains_the_version_2_columns(tmp_path):
    path = tmp_path / "v1.sqlite"
    with Corpus(str(path)) as c:
        c.add([doc_a()])
        c.db.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
        for table, column in (("quotes", "frame"), ("quotes", "negated"), ("entities", "organization_entity"),
                              ("entities", "aliases")):
            c.db.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    with pytest.raises(StoreVersionError, match="v1.sqlite.*version 1"):
        Corpus(str(path), readonly=True)
    with Corpus(str(path)) as c:
        assert [(q.frame, q.negated) for q in c.document("a").quotes] == [(None, False), (None, False)]
        c.add([doc_b()])
        assert c.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == (str(SCHEMA_VERSION),)


def test_a_version_2_store_gains_the_name_counts(tmp_path):
    path = tmp_path / "v2.sqlite"
    with Corpus(str(path)) as c:
        c.add([doc_a()])
        c.db.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
        c.db.execute("ALTER TABLE quotes DROP COLUMN nname")
    with pytest.raises(StoreVersionError, match="v2.sqlite.*version 2"):
        Corpus(str(path), readonly=True)
    with Corpus(str(path)) as c:
        assert c.db.execute("SELECT nname FROM quotes").fetchall() == [(None,), (None,)]  # none known: read as 0
        c.add([doc_b()])
        assert c.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == (str(SCHEMA_VERSION),)
        assert c.db.execute("SELECT COUNT(*) FROM quotes WHERE nname IS NOT NULL").fetchone()[0] >= 1
