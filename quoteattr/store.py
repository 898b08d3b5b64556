"""An embedded corpus store: documents, quotes, speakers and clusters in SQLite.

``Corpus("news.db")`` opens (or creates) a store; ``Corpus(":memory:")`` keeps it in memory.
Adding documents links their quotes against everything already stored, looking up only the
stored quotes that share a key with a new one (nothing else is loaded into Python).  Each
:meth:`Corpus.add` batch is one transaction: if anything fails half-way, nothing of the batch is
kept and everything committed before stays.

>>> from quoteattr.model import AttributedDocument
>>> def doc(id, date, text, start, end, name):
...     return AttributedDocument.from_dict({"id": id, "date": date, "text": text,
...         "quotes": [{"id": "q1", "kind": "direct", "start": start, "end": end,
...                     "content_spans": [[start + 1, end - 1]], "entity": "e1"}],
...         "entities": [{"id": "e1", "name": name, "type": "person"}]})
>>> corpus = Corpus(":memory:")
>>> corpus.add([doc("b", "2024-03-02", 'Lina Berg said: "Every school will stay open this winter."', 16, 58, "Lina Berg")])
>>> corpus.add([doc("a", "2024-03-01", '"Every school will stay open this winter," Berg said.', 0, 43, "Berg")])
>>> [c.docs for c in corpus.clusters()]
[('b', 'a')]
>>> corpus.earliest(corpus.clusters()[0].id).doc
'a'
>>> [q.doc for q in corpus.quotes_of("Lina Berg")]
['b', 'a']
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from typing import Any, Iterable, Iterator, Sequence

import numpy as np

from . import link as L
from .model import AttributedDocument, Entity, Quote, Span

__all__ = ["Corpus"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS documents(
    n INTEGER PRIMARY KEY, id TEXT UNIQUE NOT NULL, source TEXT, date TEXT, text TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS speakers(
    n INTEGER PRIMARY KEY, key TEXT, type TEXT, firsts TEXT, names TEXT, titles TEXT,
    organizations TEXT, labels TEXT);
CREATE INDEX IF NOT EXISTS speakers_key ON speakers(key);
CREATE TABLE IF NOT EXISTS entities(
    doc TEXT NOT NULL, id TEXT NOT NULL, name TEXT, title TEXT, organization TEXT, label TEXT,
    type TEXT, mentions TEXT, speaker INTEGER, PRIMARY KEY (doc, id));
CREATE INDEX IF NOT EXISTS entities_speaker ON entities(speaker);
CREATE TABLE IF NOT EXISTS quotes(
    n INTEGER PRIMARY KEY, doc TEXT NOT NULL, id TEXT NOT NULL, kind TEXT, start INTEGER, end INTEGER,
    text TEXT, said TEXT, content_spans TEXT, cue TEXT, speaker_span TEXT, entity TEXT,
    speaker INTEGER, cluster INTEGER, score REAL, reason TEXT,
    norm INTEGER, bag INTEGER, ncontent INTEGER, nbig INTEGER, nlem INTEGER, part_of INTEGER,
    UNIQUE (doc, id));
CREATE INDEX IF NOT EXISTS quotes_cluster ON quotes(cluster);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker);
CREATE INDEX IF NOT EXISTS quotes_norm ON quotes(norm);
CREATE INDEX IF NOT EXISTS quotes_bag ON quotes(bag);
CREATE TABLE IF NOT EXISTS keys(key INTEGER NOT NULL, quote INTEGER NOT NULL, lemma INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS keys_key ON keys(key);
CREATE INDEX IF NOT EXISTS keys_quote ON keys(quote);
"""

_CHUNK = 500  # ids per IN (...) query


def _chunks(seq: Sequence[Any], size: int = _CHUNK) -> Iterator[Sequence[Any]]:
    for i in range(0, len(seq), size):
        yield seq[i:i + size]


def _sid(n: int | None) -> str | None:
    return None if n is None else f"s{n}"


class Corpus:
    """A persistent corpus of attributed documents with cross-document links.

    Queries: :meth:`clusters`, :meth:`cluster`, :meth:`find` (clusters matching a text),
    :meth:`documents_with` (documents carrying a statement), :meth:`earliest`,
    :meth:`quotes_of` (all quotes of a speaker), :meth:`speakers`, :meth:`result`.
    """

    def __init__(self, path: str = ":memory:", cap: int = L.KEY_CAP) -> None:
        self.path = str(path)
        self.cap = cap
        self.db = sqlite3.connect(self.path, isolation_level=None)
        self.db.execute("PRAGMA foreign_keys = ON")
        if self.path != ":memory:":
            self.db.execute("PRAGMA journal_mode = WAL")
            self.db.execute("PRAGMA synchronous = NORMAL")
        self.db.executescript(_SCHEMA)
        self._load_speakers()

    # -- lifecycle ---------------------------------------------------------
    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Corpus":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __len__(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM documents").fetchone()[0]

    def __contains__(self, doc_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is not None

    def _load_speakers(self) -> None:
        idx = L.SpeakerIndex()
        top = 0
        for n, key, type_, firsts, names, titles, orgs, labels in self.db.execute(
            "SELECT n, key, type, firsts, names, titles, organizations, labels FROM speakers"
        ):
            rec = L._SpeakerRec(f"s{n}", type_, key or "", tuple(json.loads(firsts)), json.loads(names),
                                json.loads(titles), json.loads(orgs), json.loads(labels))
            idx.records[rec.id] = rec
            if key:
                idx.by_key[key].append(rec.id)
            top = max(top, n)
        for doc, eid, sp in self.db.execute("SELECT doc, id, speaker FROM entities"):
            idx.of_entity[(doc, eid)] = f"s{sp}"
            idx.records[f"s{sp}"].members.append((doc, eid))
        idx._next = top + 1
        self.speaker_index = idx

    # -- adding ------------------------------------------------------------
    def add(self, docs: Iterable[AttributedDocument], batch: int = 200) -> None:
        """Add documents (in transactions of ``batch`` documents) and link them to the corpus.

        Raises ``ValueError`` for a document id already stored (nothing of its batch is kept).
        """
        docs = list(docs)
        for i in range(0, len(docs), batch):
            self._add_batch(docs[i:i + batch])

    def _add_batch(self, docs: list[AttributedDocument]) -> None:
        if not docs:
            return
        ids = [d.id for d in docs]
        if len(set(ids)) != len(ids):
            raise ValueError("the same document id twice in one batch")
        for d in ids:
            if d in self:
                raise ValueError(f"document {d!r} is already in the corpus")
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            self._insert(docs)
            db.execute("COMMIT")
        except BaseException:
            try:
                if db.in_transaction:  # SQLite may have rolled back by itself (disk full, I/O error)
                    db.execute("ROLLBACK")
            finally:
                self._load_speakers()  # forget speakers made by the failed batch
            raise

    def _insert(self, docs: list[AttributedDocument]) -> None:
        db = self.db
        idx = self.speaker_index
        before = {sid: (len(r.names), len(r.titles), len(r.organizations), len(r.labels), r.firsts, r.type)
                  for sid, r in idx.records.items()}
        rows, texts, kinds, spk, lemmas = [], [], [], [], []
        parts: list[tuple[int, str]] = []
        for doc in docs:
            self._insert_document(doc)
            ent_speaker = {}
            for e in doc.entities:
                sid = idx.add(doc.id, e)
                ent_speaker[e.id] = sid
            for q in doc.quotes:
                sid = ent_speaker.get(q.entity) if q.entity else None
                said = L.said_text(q)
                parts.extend((len(rows), frag) for frag in L.quoted_fragments(q))
                rows.append((doc, q, sid, said))
                texts.append(said)
                kinds.append(q.kind)
                spk.append(int(sid[1:]) if sid else -1)
                lemmas.append(L._quote_lemmas(doc, q))
        self._save_speakers(before)
        for doc in docs:
            for e in doc.entities:
                self._insert_entity(doc.id, e, idx.of_entity[(doc.id, e.id)])
        if not rows:
            return
        n_real = len(rows)
        for row, frag in parts:
            texts.append(frag)
            kinds.append("direct")
            spk.append(spk[row])
            lemmas.append(None)
        new = L.featurize(texts, kinds, spk, lemmas)
        qns = [self._insert_quote(doc, q, sid, said, new, i) for i, (doc, q, sid, said) in enumerate(rows)]
        for k, (row, frag) in enumerate(parts):
            qns.append(self._insert_part(qns[row], rows[row][0].id, rows[row][1].id, rows[row][2], k, frag, new,
                                         n_real + k))
        owner = qns[:n_real] + [qns[row] for row, _ in parts]
        self._link(new, np.array(qns, np.int64), owner)

    def _insert_part(self, parent: int, doc: str, qid: str, sid: str | None, k: int, frag: str,
                     F: L.Features, i: int) -> int:
        """A quoted fragment of reported speech, stored as a hidden row standing for quote ``parent``."""
        cur = self.db.execute(
            "INSERT INTO quotes(doc, id, kind, said, speaker, part_of, score, reason, norm, bag, ncontent, nbig, nlem)"
            " VALUES (?, ?, 'part', ?, ?, ?, 0, '', ?, ?, ?, ?, ?)",
            (doc, f"{qid}#part{k + 1}", frag, int(sid[1:]) if sid else None, parent, int(F.norm[i]), int(F.bag[i]), int(F.ncontent[i]),
             int(F.nbig[i]), int(F.nlem[i])))
        return cur.lastrowid

    def _insert_document(self, doc: AttributedDocument) -> None:
        self.db.execute("INSERT INTO documents(id, source, date, text) VALUES (?, ?, ?, ?)",
                        (doc.id, doc.source, doc.date, doc.text))

    def _insert_entity(self, doc_id: str, e: Entity, sid: str) -> None:
        self.db.execute(
            "INSERT INTO entities(doc, id, name, title, organization, label, type, mentions, speaker)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (doc_id, e.id, e.name, e.title, e.organization, e.label, e.type,
             json.dumps([[m.start, m.end] for m in e.mentions]), int(sid[1:])))

    def _insert_quote(self, doc: AttributedDocument, q: Quote, sid: str | None, said: str,
                      F: L.Features, i: int) -> int:
        cur = self.db.execute(
            "INSERT INTO quotes(doc, id, kind, start, end, text, said, content_spans, cue, speaker_span, entity,"
            " speaker, score, reason, norm, bag, ncontent, nbig, nlem)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, '', ?, ?, ?, ?, ?)",
            (doc.id, q.id, q.kind, q.start, q.end, q.text, said,
             json.dumps([[s.start, s.end] for s in q.content_spans]),
             json.dumps(q.cue.to_dict()) if q.cue else None,
             json.dumps(q.speaker.to_dict()) if q.speaker else None,
             q.entity, int(sid[1:]) if sid else None,
             int(F.norm[i]), int(F.bag[i]), int(F.ncontent[i]), int(F.nbig[i]), int(F.nlem[i])))
        n = cur.lastrowid
        self.db.execute("UPDATE quotes SET cluster = ? WHERE n = ?", (n, n))
        return n

    def _save_speakers(self, before: dict[str, tuple]) -> None:
        for sid, r in self.speaker_index.records.items():
            state = (len(r.names), len(r.titles), len(r.organizations), len(r.labels), r.firsts, r.type)
            if before.get(sid) == state:
                continue
            self.db.execute(
                "INSERT OR REPLACE INTO speakers(n, key, type, firsts, names, titles, organizations, labels)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (int(sid[1:]), r.surname, r.type, json.dumps(list(r.firsts)), json.dumps(r.names),
                 json.dumps(r.titles), json.dumps(r.organizations), json.dumps(r.labels)))

    # -- linking -----------------------------------------------------------
    def _candidates(self, new: L.Features, exclude: Iterable[int] = ()) -> tuple[list[int], set[int]]:
        """Stored quotes sharing a hash or a not-too-common key with a new quote; and the too-common keys."""
        db = self.db
        found: set[int] = set()
        for col, vals in (("norm", new.norm), ("bag", new.bag)):
            for ch in _chunks(sorted(set(vals.tolist()))):
                found.update(r[0] for r in db.execute(
                    f"SELECT n FROM quotes WHERE {col} IN ({','.join('?' * len(ch))})", ch))
        common: set[int] = set()
        keys = sorted(set(new.bk.tolist()) | set(new.lk.tolist()))
        for ch in _chunks(keys):
            rows = db.execute(
                f"SELECT key, COUNT(*) FROM keys WHERE key IN ({','.join('?' * len(ch))}) GROUP BY key", ch
            ).fetchall()
            common.update(k for k, c in rows if c >= self.cap)
            usable = [k for k, c in rows if c < self.cap]
            for ch2 in _chunks(usable):
                found.update(r[0] for r in db.execute(
                    f"SELECT quote FROM keys WHERE key IN ({','.join('?' * len(ch2))})", ch2))
        return sorted(found.difference(exclude)), common

    def _features_of(self, qns: list[int]) -> L.Features:
        """Features of stored quotes ``qns`` (row i = qns[i])."""
        db = self.db
        m = len(qns)
        pos = {q: i for i, q in enumerate(qns)}
        sc = {}
        for ch in _chunks(qns):
            for r in db.execute(f"SELECT n, norm, bag, ncontent, nbig, nlem, kind, speaker, part_of FROM quotes"
                                f" WHERE n IN ({','.join('?' * len(ch))})", ch):
                sc[r[0]] = r[1:]
        vals = [sc[q] for q in qns]
        self._owners = {q: (v[7] if v[7] is not None else q) for q, v in zip(qns, vals)}
        bq, bk, lq, lk = [], [], [], []
        for ch in _chunks(qns):
            for key, quote, lemma in db.execute(
                f"SELECT key, quote, lemma FROM keys WHERE quote IN ({','.join('?' * len(ch))})", ch
            ):
                (lq if lemma else bq).append(pos[quote])
                (lk if lemma else bk).append(key)
        arr = lambda x, t: np.array(x, t)  # noqa: E731
        return L.Features(
            norm=arr([v[0] for v in vals], np.int64), bag=arr([v[1] for v in vals], np.int64),
            ncontent=arr([v[2] for v in vals], np.int32), nbig=arr([v[3] for v in vals], np.int32),
            nlem=arr([v[4] for v in vals], np.int32), direct=arr([v[5] in ("direct", "part") for v in vals], bool),
            speaker=arr([-1 if v[6] is None else v[6] for v in vals], np.int64).reshape(m),
            bq=arr(bq, np.int64), bk=arr(bk, np.int64), lq=arr(lq, np.int64), lk=arr(lk, np.int64))

    def _docs_of(self, qns: Iterable[int]) -> dict[int, str]:
        """Document id of each quote number."""
        out: dict[int, str] = {}
        for chunk in _chunks(sorted(qns)):
            rows = self.db.execute(
                f"SELECT n, doc FROM quotes WHERE n IN ({','.join('?' * len(chunk))})", list(chunk))
            out.update(rows.fetchall())
        return out

    def _link(self, new: L.Features, qns: np.ndarray, new_owner: list[int] | None = None) -> None:
        db = self.db
        old_qns, common = self._candidates(new, qns.tolist())
        old = self._features_of(old_qns) if old_qns else None
        # drop keys too common in the corpus from the new quotes' evidence
        newf = new
        if common:
            c = np.array(sorted(common), np.int64)

            def drop(f: L.Features) -> L.Features:
                kb, kl = ~np.isin(f.bk, c), ~np.isin(f.lk, c)
                return L.Features(f.norm, f.bag, f.ncontent, f.nbig, f.nlem, f.direct, f.speaker,
                                  f.bq[kb], f.bk[kb], f.lq[kl], f.lk[kl])

            newf = drop(new)
            old = drop(old) if old is not None else None
        F = L.Features.concat([old, newf]) if old is not None else newf
        rowmap = np.concatenate([np.array(old_qns, np.int64), qns])
        first_new = len(old_qns)
        a, b, score, reason = L.candidate_edges(F, first_new, self.cap)
        # store the new quotes' keys
        db.executemany("INSERT INTO keys(key, quote, lemma) VALUES (?, ?, 0)",
                       zip(new.bk.tolist(), qns[new.bq].tolist()))
        db.executemany("INSERT INTO keys(key, quote, lemma) VALUES (?, ?, 1)",
                       zip(new.lk.tolist(), qns[new.lq].tolist()))
        if not len(a):
            return
        owners = dict(self._owners) if old is not None else {}
        owners.update(zip(qns.tolist(), new_owner if new_owner is not None else qns.tolist()))
        local_owner = np.array([i if owners[q] == q else -1 for i, q in enumerate(rowmap.tolist())], np.int64)
        a, b, score, reason = L.parts_same_speaker(F, local_owner, a, b, score, reason)
        pairs = [(owners[x], owners[y], sc_, r_) for x, y, sc_, r_ in
                 zip(rowmap[a].tolist(), rowmap[b].tolist(), score.tolist(), reason.tolist())]
        pairs = [p for p in pairs if p[0] != p[1]]
        if pairs:
            doc_of = self._docs_of({q for p in pairs for q in p[:2]})
            keep = L.within_document_identical([doc_of[p[0]] for p in pairs], [doc_of[p[1]] for p in pairs],
                                               np.array([p[3] for p in pairs], np.int8))
            pairs = [p for p, k in zip(pairs, keep.tolist()) if k]
        if not pairs:
            return
        qa, qb = [p[0] for p in pairs], [p[1] for p in pairs]
        score = np.array([p[2] for p in pairs])
        reason = np.array([p[3] for p in pairs])
        # best link of each quote
        best: dict[int, tuple[float, int]] = {}
        for x, y, s, r in zip(qa, qb, score.tolist(), reason.tolist()):
            for q in (x, y):
                cur = best.get(q)
                if cur is None or (s, -r) > (cur[0], -cur[1]):
                    best[q] = (s, r)
        for q, (s, r) in best.items():
            db.execute("UPDATE quotes SET score = ?, reason = ? WHERE n = ? AND (score < ? OR reason = '')",
                       (s, L.REASONS[r], q, s))
        # merge clusters (union-find over the cluster ids involved)
        cl: dict[int, int] = {}
        for ch in _chunks(sorted(set(qa) | set(qb))):
            cl.update(db.execute(f"SELECT n, cluster FROM quotes WHERE n IN ({','.join('?' * len(ch))})", ch))
        parent: dict[int, int] = {}

        def find(x: int) -> int:
            while parent.get(x, x) != x:
                x = parent[x]
            return x

        for x, y in zip(qa, qb):
            rx, ry = find(cl[x]), find(cl[y])
            if rx != ry:
                parent[max(rx, ry)] = min(rx, ry)
        for c in parent:
            db.execute("UPDATE quotes SET cluster = ? WHERE cluster = ?", (find(c), c))

    # -- reading -----------------------------------------------------------
    _QCOLS = "q.n, q.doc, q.id, q.start, q.end, q.said, q.kind, q.speaker, q.entity, d.date, q.score, q.reason, q.cluster"

    def _cluster_from_rows(self, rows: list[tuple]) -> L.Cluster:
        rows = sorted(rows, key=lambda r: r[0])
        infos = [(r[1], r[2], r[3], r[4], r[5], r[6], _sid(r[7]), r[8], r[9]) for r in rows]
        return L.make_cluster(f"c{rows[0][12]}", infos, [r[10] for r in rows], [r[11] for r in rows])

    def cluster(self, cluster_id: str) -> L.Cluster | None:
        """The cluster with id ``cluster_id`` (``"c12"``)."""
        rows = self.db.execute(
            f"SELECT {self._QCOLS} FROM quotes q JOIN documents d ON d.id = q.doc"
            " WHERE q.cluster = ? AND q.part_of IS NULL",
            (int(cluster_id.lstrip("c")),)).fetchall()
        return self._cluster_from_rows(rows) if rows else None

    def cluster_of(self, doc: str, quote: str) -> L.Cluster | None:
        """The cluster of quote ``quote`` of document ``doc``."""
        r = self.db.execute("SELECT cluster FROM quotes WHERE doc = ? AND id = ?", (doc, quote)).fetchone()
        return self.cluster(f"c{r[0]}") if r else None

    def clusters(self, min_size: int = 1) -> list[L.Cluster]:
        """Every cluster with at least ``min_size`` members, in the order of their first quote."""
        groups: dict[int, list[tuple]] = defaultdict(list)
        for r in self.db.execute(
            f"SELECT {self._QCOLS} FROM quotes q JOIN documents d ON d.id = q.doc WHERE q.part_of IS NULL ORDER BY q.n"
        ):
            groups[r[12]].append(r)
        return [self._cluster_from_rows(rows) for _, rows in sorted(groups.items()) if len(rows) >= min_size]

    def speakers(self) -> tuple[L.Speaker, ...]:
        """All cross-document speakers."""
        return self.speaker_index.speakers()

    def result(self) -> L.LinkResult:
        """Everything as a :class:`~quoteattr.link.LinkResult` (for :func:`quoteattr.link.records`)."""
        return L.LinkResult(tuple(self.clusters()), self.speakers())

    def find(self, text: str, speaker: str | None = None) -> list[L.Cluster]:
        """Clusters holding a quote that reports ``text`` (optionally as said by ``speaker``, a speaker id)."""
        spk = int(speaker[1:]) if speaker else -1
        probe = L.featurize([text], ["indirect" if speaker else "direct"], [spk])
        old_qns, _ = self._candidates(probe)
        if not old_qns:
            return []
        F = L.Features.concat([self._features_of(old_qns), probe])
        a, b, _, _ = L.candidate_edges(F, len(old_qns), self.cap)
        hit = sorted({self._owners[old_qns[x]] for x in a.tolist()})
        cids: list[int] = []
        for q in hit:
            c = self.db.execute("SELECT cluster FROM quotes WHERE n = ?", (q,)).fetchone()[0]
            if c not in cids:
                cids.append(c)
        return [c for c in (self.cluster(f"c{c}") for c in cids) if c is not None]

    def documents_with(self, statement: str) -> list[str]:
        """Ids of the documents carrying a statement: a cluster id (``"c3"``) or a text to :meth:`find`."""
        clusters = [self.cluster(statement)] if statement[:1] == "c" and statement[1:].isdigit() else self.find(statement)
        out: list[str] = []
        for c in clusters:
            if c is not None:
                out.extend(d for d in c.docs if d not in out)
        return out

    def earliest(self, statement: str) -> L.Member | None:
        """The earliest dated appearance of a statement (cluster id or text); ``None`` without dates."""
        clusters = [self.cluster(statement)] if statement[:1] == "c" and statement[1:].isdigit() else self.find(statement)
        firsts = [m for c in clusters if c is not None for m in [c.earliest()] if m is not None]
        return min(firsts, key=lambda m: m.date) if firsts else None

    def speaker_ids(self, name: str) -> list[str]:
        """Ids of the speakers with ``name`` among their names or labels (case-insensitive), or the id itself."""
        if name in self.speaker_index.records:
            return [name]
        key = name.casefold()
        return [r.id for r in self.speaker_index.records.values()
                if any(key == v.casefold() for v in (*r.names, *r.labels))]

    def quotes_of(self, speaker: str) -> list[L.Member]:
        """Every stored quote of a speaker (an id like ``"s3"`` or a name), in the order added."""
        out = []
        for sid in self.speaker_ids(speaker):
            for r in self.db.execute(
                f"SELECT {self._QCOLS} FROM quotes q JOIN documents d ON d.id = q.doc"
                " WHERE q.speaker = ? AND q.part_of IS NULL ORDER BY q.n",
                (int(sid[1:]),)
            ):
                out.append(L.Member(r[1], r[2], r[3], r[4], r[5], r[6], r[10], r[11], _sid(r[7]), r[8], r[9]))
        return out

    def document(self, doc_id: str) -> AttributedDocument | None:
        """A stored document with its quotes and entities (without a stanza parse)."""
        d = self.db.execute("SELECT id, source, date, text FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if d is None:
            return None
        text = d[3]
        quotes = []
        for r in self.db.execute("SELECT id, kind, start, end, text, content_spans, cue, speaker_span, entity"
                                 " FROM quotes WHERE doc = ? AND part_of IS NULL ORDER BY n", (doc_id,)):
            quotes.append(Quote.from_dict({
                "id": r[0], "kind": r[1], "start": r[2], "end": r[3], "text": r[4],
                "content_spans": json.loads(r[5]), "cue": json.loads(r[6]) if r[6] else None,
                "speaker": json.loads(r[7]) if r[7] else None, "entity": r[8]}, text))
        ents = [Entity.from_dict({"id": r[0], "name": r[1], "title": r[2], "organization": r[3], "label": r[4],
                                  "type": r[5], "mentions": json.loads(r[6])}, text)
                for r in self.db.execute("SELECT id, name, title, organization, label, type, mentions FROM entities"
                                         " WHERE doc = ?", (doc_id,))]
        return AttributedDocument(d[0], text, tuple(quotes), tuple(ents), source=d[1], date=d[2])

    def documents(self) -> list[str]:
        """Ids of the stored documents, in the order added."""
        return [r[0] for r in self.db.execute("SELECT id FROM documents ORDER BY n")]
