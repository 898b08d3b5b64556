"""A store several processes share: two writers, kill -9 and resume, locks, versions, read-only.

The documents are synthetic AttributedDocuments (no parsing); the processes are forked, so
nothing is imported again.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import signal
import sqlite3
import time

import pytest

from quoteattr.linking.results import records
from quoteattr.linking.store import (SCHEMA_VERSION, Corpus, StoreError, StoreLockedError,
                                     StoreVersionError)
from quoteattr.model import AttributedDocument, Entity, Quote, Span

PEOPLE = [("Rosa Dahl", "council leader"), ("Ivo Tamm", "minister"), ("Lina Kask", None),
          ("Omar Haddad", "spokesman"), ("Mart Sepp", "mayor"), ("Ona Petrauskas", "judge")]
STATEMENTS = [
    "every public library in the county will open on Sundays from next spring",
    "the new ferry line to the islands will carry bicycles free of charge",
    "no hospital in the region will close a ward before the winter is over",
    "bus fares for pupils will be cut by half when the school year starts",
    "the old harbour bridge will be rebuilt with money from the national budget",
    "farmers along the river will be paid for the land the floods destroyed",
    "the city will plant ten thousand trees in its poorest districts this autumn",
    "every village school will get a fast internet line before the elections",
]
# odd document ids, stored exactly as given
ODD = ["doc/1 ü", "  leading space", "tab\there", "quote'\"s", "x; DROP TABLE documents; --", "émoji 😀",
       "007", "new\nline", "%_wild*card", "x" * 120]


def _variant(text: str, how: int) -> tuple[str, str]:
    """(said text, kind): the statement itself, shouted, a fragment, or reported with quoted words."""
    words = text.split()
    if how == 0:
        return text, "direct"
    if how == 1:
        return text.upper(), "direct"
    if how == 2:
        return " ".join(words[:8]), "mixed"
    return " ".join(words[:3]) + ' "' + " ".join(words[3:7]) + '" ' + " ".join(words[7:]), "indirect"


def make_doc(i: int) -> AttributedDocument:
    """Two statements (or one) of the pool, each by its speaker, named in full or by surname."""
    text, quotes, entities, ent_of = "", [], [], {}
    for j in sorted({i % 8, (3 * i + 1) % 8}):
        name, title = PEOPLE[j % len(PEOPLE)]
        if name not in ent_of:
            shown = name if (i + j) % 2 == 0 else name.split()[-1]
            ent_of[name] = (f"e{len(ent_of) + 1}", shown)
            entities.append(Entity(ent_of[name][0], name=shown, title=title if (i + j) % 3 else None,
                                   label=shown, type="person"))
        eid, shown = ent_of[name]
        said, kind = _variant(STATEMENTS[j], (i + j) % 4)
        lead = f"{shown} said that " if kind == "indirect" else f'{shown} said: "'
        start = len(text) + len(lead)
        text += lead + said + (". " if kind == "indirect" else '." ')
        end = start + len(said)
        quotes.append(Quote(f"q{len(quotes) + 1}", kind, start, end, text[start:end],
                            (Span(start, end, text[start:end]),), entity=eid))
    return AttributedDocument(f"{ODD[i % len(ODD)]}|{i}", text, tuple(quotes), tuple(entities),
                              date=f"2024-03-{i % 28 + 1:02d}")


DOCS = [make_doc(i) for i in range(36)]


def shape(corpus: Corpus):
    """Clusters and speakers, independent of the numbers the store gave them (and so of the order
    in which the documents were added)."""
    label = {s.id: s.label for s in corpus.speakers()}
    # which of two equally long variants names the cluster depends on the order: reasons as a bag, case folded
    clusters = sorted((sorted((m.doc, m.quote, label[m.speaker]) for m in c.members),
                       sorted((m.reason, m.score) for m in c.members), c.canonical.casefold(), c.conflict)
                      for c in corpus.clusters())
    speakers = sorted((s.label, sorted(s.names), sorted(s.titles), sorted(s.members)) for s in corpus.speakers())
    return clusters, speakers


def one_process(batches) -> Corpus:
    corpus = Corpus(":memory:")
    for b in batches:
        corpus.add(b)
    return corpus


_FORK = multiprocessing.get_context("fork")


# ---------------------------------------------------------------------------
# two writers


def _writer(path: str, conn) -> None:
    corpus = Corpus(path)
    conn.send("ready")
    while (msg := conn.recv()) is not None:
        try:
            corpus.add(DOCS[msg[0]:msg[1]])
            conn.send("ok")
        except Exception as e:  # noqa: BLE001 (the parent reports it)
            conn.send(repr(e))
    corpus.close()


def test_two_writers_taking_turns_give_what_one_process_gives(tmp_path):
    # each writer opened the store before the other wrote anything: its speakers are stale at every batch
    path = str(tmp_path / "shared.db")
    pipes, procs = [], []
    for _ in range(2):
        here, there = _FORK.Pipe()
        p = _FORK.Process(target=_writer, args=(path, there))
        p.start()
        pipes.append(here)
        procs.append(p)
    assert [c.recv() for c in pipes] == ["ready", "ready"]
    bounds = [(s, s + 3) for s in range(0, len(DOCS), 3)]
    for k, b in enumerate(bounds):
        pipes[k % 2].send(b)
        assert pipes[k % 2].recv() == "ok"
    for c, p in zip(pipes, procs):
        c.send(None)
        p.join(30)
    with Corpus(path) as shared:
        alone = one_process([DOCS[s:e] for s, e in bounds])
        assert list(records(shared.result())) == list(records(alone.result()))
        assert len(shared.speakers()) == len(PEOPLE)


def _free_writer(path: str, docs: list[AttributedDocument]) -> None:
    with Corpus(path) as corpus:
        for s in range(0, len(docs), 2):
            corpus.add(docs[s:s + 2])


def test_two_writers_at_once_give_what_one_process_gives(tmp_path):
    path = str(tmp_path / "shared.db")
    procs = [_FORK.Process(target=_free_writer, args=(path, DOCS[w::2])) for w in range(2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
    assert [p.exitcode for p in procs] == [0, 0]
    with Corpus(path) as shared:
        assert sorted(shared.documents()) == sorted(d.id for d in DOCS)
        assert shape(shared) == shape(one_process([DOCS]))


# ---------------------------------------------------------------------------
# kill -9 mid-batch, then resume


def _stalled_resumer(path: str, conn, stall: int) -> None:
    """Resume adding DOCS, in batches of 3; the ``stall``-th batch stops half-way and says so."""
    real = Corpus._link
    calls = []

    def slow(self, *args, **kwargs):  # the batch's documents, entities and quotes are written
        calls.append(1)
        if len(calls) == stall:
            conn.send("stalled")
            time.sleep(60)
        real(self, *args, **kwargs)

    Corpus._link = slow
    corpus = Corpus(path)
    corpus.add([d for d in DOCS if d.id not in corpus], batch=3)


def check_consistent(path: str) -> list[str]:
    """The stored documents: a prefix of DOCS, each whole, and nothing of any other."""
    db = sqlite3.connect(path)
    try:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        for sql in ("SELECT COUNT(*) FROM quotes WHERE doc NOT IN (SELECT id FROM documents)",
                    "SELECT COUNT(*) FROM entities WHERE doc NOT IN (SELECT id FROM documents)",
                    "SELECT COUNT(*) FROM keys WHERE quote NOT IN (SELECT n FROM quotes)",
                    "SELECT COUNT(*) FROM speakers WHERE n NOT IN (SELECT speaker FROM entities)",
                    "SELECT COUNT(*) FROM entities WHERE speaker NOT IN (SELECT n FROM speakers)",
                    "SELECT COUNT(*) FROM quotes WHERE cluster NOT IN (SELECT n FROM quotes)"):
            assert db.execute(sql).fetchone() == (0,), sql
    finally:
        db.close()
    with Corpus(path, readonly=True) as corpus:
        ids = corpus.documents()
        assert ids == [d.id for d in DOCS[:len(ids)]]  # odd ids stored exactly, whole batches in order
        for d in DOCS[:len(ids)]:
            assert corpus.document(d.id) == d
    return ids


def test_kill_mid_batch_then_resume(tmp_path):
    path = str(tmp_path / "killed.db")
    with Corpus(path) as corpus:
        corpus.add(DOCS[:3])
    stored = 3
    for round_ in range(4):
        here, there = _FORK.Pipe()
        p = _FORK.Process(target=_stalled_resumer, args=(path, there, round_ % 2 + 1))
        p.start()
        assert here.poll(30) and here.recv() == "stalled"  # the first or second batch of this run
        os.kill(p.pid, signal.SIGKILL)
        p.join(30)
        assert p.exitcode == -signal.SIGKILL
        ids = check_consistent(path)
        assert len(ids) == stored + 3 * (round_ % 2)  # the killed batch left nothing
        stored = len(ids)
    with Corpus(path) as corpus:
        corpus.add([d for d in DOCS if d.id not in corpus], batch=3)
    assert check_consistent(path) == [d.id for d in DOCS]
    with Corpus(path) as resumed:
        assert shape(resumed) == shape(one_process([DOCS]))


# ---------------------------------------------------------------------------
# locks, paths, versions, read-only


def test_writer_waiting_too_long_gets_an_error_naming_the_file(tmp_path):
    path = str(tmp_path / "busy.db")
    Corpus(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    corpus = Corpus(path, timeout=0.2)
    with pytest.raises(StoreLockedError, match="busy.db.*another process held the store's write lock"):
        corpus.add(DOCS[:1])
    holder.execute("ROLLBACK")
    holder.close()
    corpus.add(DOCS[:1])  # usable once the lock is free
    assert corpus.documents() == [DOCS[0].id]


def test_bad_store_paths_give_errors_naming_the_path(tmp_path):
    missing = tmp_path / "no such folder" / "news.db"
    with pytest.raises(StoreError, match="no such folder/news.db"):
        Corpus(missing)
    junk = tmp_path / "notes.txt"
    junk.write_text("these are notes, not a database\n" * 100)
    with pytest.raises(StoreError, match="notes.txt"):
        Corpus(junk)
    with pytest.raises(StoreError, match="absent.db"):
        Corpus(tmp_path / "absent.db", readonly=True)
    assert not (tmp_path / "absent.db").exists()


def test_store_from_a_newer_version_is_refused(tmp_path):
    path = str(tmp_path / "future.db")
    with Corpus(path) as c:
        c.add(DOCS[:1])
        c.db.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION + 1),))
    for readonly in (False, True):
        with pytest.raises(StoreVersionError, match=f"future.db.*version {SCHEMA_VERSION + 1}"):
            Corpus(path, readonly=readonly)


def test_readonly_store_reads_and_never_writes(tmp_path):
    path = tmp_path / "ro.db"
    with Corpus(str(path)) as c:
        c.add(DOCS[:6])
        c.db.execute("PRAGMA journal_mode = DELETE")  # as a copy handed out read-only might be
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with Corpus(str(path), readonly=True) as ro:
        assert ro.documents() == [d.id for d in DOCS[:6]]
        assert ro.document(DOCS[2].id) == DOCS[2]
        assert [q.doc for q in ro.quotes_of("Rosa Dahl")][:1] == [DOCS[0].id]
        assert ro.find(STATEMENTS[0])
        with pytest.raises(StoreError, match="read-only"):
            ro.add(DOCS[6:7])
        assert ro.db.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ro.db"]


def test_reader_sees_speakers_a_writer_added_after_it_opened(tmp_path):
    path = str(tmp_path / "live.db")
    with Corpus(path) as w:
        w.add(DOCS[:2])
        reader = Corpus(path, readonly=True)
        n = len(reader.speakers())
        w.add(DOCS[2:12])
        assert len(reader.speakers()) > n
        assert shape(reader) == shape(w)
        reader.close()
