"""An embedded corpus store: documents, quotes, speakers and clusters in SQLite.

``Corpus("news.db")`` opens (or creates) a store; ``Corpus(":memory:")`` keeps it in memory.
Adding documents links their quotes against everything already stored, looking up only the
stored quotes that share a key with a new one (nothing else is loaded into Python).  Each
:meth:`Corpus.add` batch is one transaction: if anything fails half-way, nothing of the batch is
kept and everything committed before stays.

Several processes may write one store: each batch takes the store's write lock, catches up with
the speakers the other writers added, and allocates its speaker and quote numbers inside the
lock; rows are inserted with plain ``INSERT``, so a collision fails loudly instead of
overwriting.  A writer waits up to ``timeout`` seconds for the lock, then raises
:class:`StoreLockedError`.  The schema version is kept in the ``meta`` table: a store written by
an older version is upgraded on opening, one written by a newer version is refused
(:class:`StoreVersionError`).  ``Corpus(path, readonly=True)`` only reads (the file is never
written, its journal mode left as it is).

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

import contextlib
import json
import os
import sqlite3
import urllib.parse
from collections import defaultdict
from typing import Any, Callable, Iterable, Iterator, Sequence

import attrs
import numpy as np

from ..errors import QuoteattrError
from ..model import AttributedDocument, Entity, Quote
from .features import DIRECT_KINDS, Features, day_number, featurize
from .clusters import cluster_speakers, merge_plan
from .linker import Batch, new_links, prepare, related
from .names import SpeakerIndex, SpeakerRecord, Traits, records_named, speaker_id, speaker_number
from .pairs import KEY_CAP, REASONS, common_keys, link_pairs, reason_codes, too_common
from .results import Cluster, LinkResult, Member, QuoteInfo, Speaker, make_cluster

__all__ = ["SCHEMA_VERSION", "Corpus", "StoreError", "StoreLockedError", "StoreVersionError"]

#: The version of the store's tables, kept in ``meta`` under ``schema_version``; 0 is a store
#: written before versions were recorded.
SCHEMA_VERSION = 3
_VERSION_KEY = "schema_version"


class StoreError(QuoteattrError):
    """A corpus store cannot be opened, read or written; the message names its file."""


class StoreLockedError(StoreError):
    """Another process held the store's write lock for longer than the timeout."""


class StoreVersionError(StoreError):
    """The store was written by a newer version of quoteattr (or, opened read-only, an older one)."""

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
    type TEXT, mentions TEXT, speaker INTEGER, organization_entity TEXT, aliases TEXT, PRIMARY KEY (doc, id));
CREATE INDEX IF NOT EXISTS entities_speaker ON entities(speaker);
CREATE TABLE IF NOT EXISTS quotes(
    n INTEGER PRIMARY KEY, doc TEXT NOT NULL, id TEXT NOT NULL, kind TEXT, start INTEGER, end INTEGER,
    text TEXT, said TEXT, content_spans TEXT, cue TEXT, speaker_span TEXT, entity TEXT,
    speaker INTEGER, cluster INTEGER, score REAL, reason TEXT,
    norm INTEGER, bag INTEGER, ncontent INTEGER, nbig INTEGER, nlem INTEGER, part_of INTEGER,
    cue_class TEXT, frame TEXT, negated INTEGER, nname INTEGER, UNIQUE (doc, id));
CREATE INDEX IF NOT EXISTS quotes_cluster ON quotes(cluster);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker);
CREATE INDEX IF NOT EXISTS quotes_norm ON quotes(norm);
CREATE INDEX IF NOT EXISTS quotes_bag ON quotes(bag);
CREATE TABLE IF NOT EXISTS keys(key INTEGER NOT NULL, quote INTEGER NOT NULL, lemma INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS keys_key ON keys(key);
CREATE INDEX IF NOT EXISTS keys_quote ON keys(quote);
"""

#: Columns added since stores were first written: (table, column, type).
_ADDED_COLUMNS = (("quotes", "part_of", "INTEGER"), ("quotes", "cue_class", "TEXT"),  # version 1
                  ("quotes", "frame", "TEXT"), ("quotes", "negated", "INTEGER"),  # version 2
                  ("entities", "organization_entity", "TEXT"), ("entities", "aliases", "TEXT"),
                  ("quotes", "nname", "INTEGER"))  # version 3


def _missing_columns(db: sqlite3.Connection) -> list[tuple[str, str, str]]:
    have: dict[str, set[str]] = {}
    for table, _, _ in _ADDED_COLUMNS:
        if table not in have:
            have[table] = {r[1] for r in db.execute(f"PRAGMA table_info({table})")}
    return [c for c in _ADDED_COLUMNS if c[1] not in have[c[0]]]


def _add_columns(db: sqlite3.Connection) -> None:
    """Version 0 → 1, 1 → 2 and 2 → 3: add the columns an older store lacks (1: ``part_of``,
    ``cue_class``; 2: the quote's ``frame`` and ``negated``, the entity's ``organization_entity`` and
    ``aliases``; 3: the quote's ``nname``, its name words for linking: none known in older rows)."""
    for table, column, type_ in _missing_columns(db):
        db.execute(f"ALTER TABLE {table} ADD COLUMN {column} {type_}")


#: ``_MIGRATIONS[v]`` upgrades a store of version ``v`` to ``v + 1`` (inside the write lock).
_MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {0: _add_columns, 1: _add_columns, 2: _add_columns}

_CHUNK = 500  # ids per IN (...) query


def _chunks(seq: Sequence[Any], size: int = _CHUNK) -> Iterator[Sequence[Any]]:
    for i in range(0, len(seq), size):
        yield seq[i:i + size]


def _feature_speaker(sid: str | None) -> int:
    """The speaker number quote features use: the stored speaker number, -1 for none."""
    n = speaker_number(sid)
    return -1 if n is None else n


def _speaker_row(r: SpeakerRecord) -> tuple:
    """The columns of a speaker row, its number last."""
    return (r.surname, r.type, json.dumps(list(r.firsts)), json.dumps(r.names), json.dumps(r.titles),
            json.dumps(r.organizations), json.dumps(r.labels), speaker_number(r.id))


def _cluster_number(cid: str) -> int | None:
    """The number of a stored cluster's id ("c12" → 12), ``None`` for a string that is no cluster id."""
    return int(cid[1:]) if cid[:1] == "c" and cid[1:].isascii() and cid[1:].isdigit() else None


@attrs.frozen
class _Stored:
    """A stored quote as the queries read it (columns :data:`Corpus._QCOLS`)."""

    n: int
    info: QuoteInfo
    score: float
    reason: str
    cluster: int

    @classmethod
    def of(cls, r: tuple) -> "_Stored":
        n, doc, qid, start, end, said, kind, speaker, entity, date, score, reason, cluster = r
        return cls(n, QuoteInfo(doc, qid, start, end, said, kind, speaker_id(speaker), entity, date),
                   score, reason, cluster)


class Corpus:
    """A persistent corpus of attributed documents with cross-document links.

    Queries: :meth:`clusters`, :meth:`cluster`, :meth:`find` (clusters matching a text),
    :meth:`documents_with` (documents carrying a statement), :meth:`earliest`,
    :meth:`quotes_of` (all quotes of a speaker), :meth:`speakers`, :meth:`result`.
    """

    def __init__(self, path: str | os.PathLike = ":memory:", cap: int = KEY_CAP, readonly: bool = False,
                 timeout: float = 60.0) -> None:
        self.path = str(path)
        self.cap = cap
        self.readonly = readonly
        self.timeout = timeout
        self._seen = 0  # the last entity row the speaker index has taken in
        self._traits: Traits | None = None  # of the speakers in the index (see _current_traits)
        with self._errors("open the store"):
            if readonly:
                if self.path == ":memory:":
                    raise StoreError(":memory:: an in-memory store cannot be opened read-only")
                uri = "file:" + urllib.parse.quote(os.path.abspath(self.path)) + "?mode=ro"
                self.db = sqlite3.connect(uri, uri=True, timeout=timeout, isolation_level=None)
                self._check_readable()
            else:
                self.db = sqlite3.connect(self.path, timeout=timeout, isolation_level=None)
                self._open_for_writing()
            self._load_speakers()

    @contextlib.contextmanager
    def _errors(self, doing: str) -> Iterator[None]:
        """SQLite's errors as :class:`StoreError` naming the file."""
        try:
            yield
        except sqlite3.OperationalError as e:
            if "locked" in str(e) or "busy" in str(e):
                raise StoreLockedError(f"{self.path}: cannot {doing}: another process held the store's write lock"
                                       f" for more than {self.timeout:g} s") from e
            raise StoreError(f"{self.path}: cannot {doing}: {e}") from e
        except sqlite3.DatabaseError as e:
            raise StoreError(f"{self.path}: cannot {doing}: {e}") from e

    def _version(self) -> int | None:
        """The schema version in ``meta``; ``None`` for a store without one (or no store yet)."""
        if self.db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").fetchone() is None:
            return None
        r = self.db.execute("SELECT value FROM meta WHERE key = ?", (_VERSION_KEY,)).fetchone()
        return None if r is None else int(r[0])

    def _has_store(self) -> bool:
        return self.db.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'documents'").fetchone() is not None

    def _refuse_newer(self, version: int | None) -> None:
        if version is not None and version > SCHEMA_VERSION:
            raise StoreVersionError(f"{self.path}: the store has schema version {version}, written by a newer"
                                    f" quoteattr; this one reads versions up to {SCHEMA_VERSION}")

    def _open_for_writing(self) -> None:
        """WAL mode; then, unless the store is already at :data:`SCHEMA_VERSION`, create or upgrade
        it inside the write lock (two processes may open a new file at once)."""
        db = self.db
        db.execute("PRAGMA foreign_keys = ON")
        if self.path != ":memory:":
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = NORMAL")
        version = self._version()
        self._refuse_newer(version)
        if version == SCHEMA_VERSION:
            return
        db.execute("BEGIN IMMEDIATE")
        try:
            version = self._version()
            self._refuse_newer(version)
            if version is None:
                version = 0 if self._has_store() else SCHEMA_VERSION
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    db.execute(statement)
            while version < SCHEMA_VERSION:
                _MIGRATIONS[version](db)
                version += 1
            db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (_VERSION_KEY, str(version)))
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise

    def _check_readable(self) -> None:
        """A read-only store must exist and need no upgrade."""
        if not self._has_store():
            raise StoreError(f"{self.path}: no quoteattr store in this file")
        version = self._version()
        self._refuse_newer(version)
        if (version or 0) < SCHEMA_VERSION and (version is not None or _missing_columns(self.db)):
            raise StoreVersionError(f"{self.path}: the store has schema version {version or 0}, older than"
                                    f" {SCHEMA_VERSION}; open it once for writing to upgrade it")

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
        """Read every speaker into a new index (in one read transaction: one snapshot)."""
        with self._snapshot():
            self.speaker_index = SpeakerIndex()
            self._seen = self._last_entity()
            self._restore_speakers(None)

    @contextlib.contextmanager
    def _snapshot(self) -> Iterator[None]:
        """Reads inside one transaction (the one open, else a read transaction of their own)."""
        db = self.db
        own = not db.in_transaction
        if own:
            db.execute("BEGIN")
        try:
            yield
        finally:
            if own:
                db.execute("COMMIT")

    def _last_entity(self) -> int:
        return self.db.execute("SELECT COALESCE(MAX(rowid), 0) FROM entities").fetchone()[0]

    def _restore_speakers(self, numbers: Sequence[int] | None) -> None:
        """Put speakers ``numbers`` (``None``: all) back into the index as stored, with all their members."""
        db = self.db
        self._traits = None  # speakers change under the traits: derive them again
        where = [("", ())] if numbers is None else [
            (f" WHERE {{}} IN ({','.join('?' * len(ch))})", tuple(ch)) for ch in _chunks(sorted(numbers))]
        for cond, args in where:
            members: dict[int, list[tuple[str, str]]] = defaultdict(list)
            for doc, eid, sp in db.execute(f"SELECT doc, id, speaker FROM entities{cond.format('speaker')}"
                                           " ORDER BY rowid", args):
                members[sp].append((doc, eid))
            for n, type_, names, titles, orgs, labels in db.execute(
                f"SELECT n, type, names, titles, organizations, labels FROM speakers{cond.format('n')} ORDER BY n", args
            ):
                self.speaker_index.restore(speaker_id(n), type_, json.loads(names), json.loads(titles),
                                           json.loads(orgs), json.loads(labels), members.get(n, ()))

    def _sync_speakers(self) -> None:
        """Catch up with the entities (and so the speakers) other writers have added since the
        index last looked: the speakers they joined or made are read again."""
        with self._snapshot():
            last = self._last_entity()
            if last == self._seen:
                return
            if last < self._seen:  # not the store the index was read from
                self._load_speakers()
                return
            changed = [r[0] for r in self.db.execute("SELECT DISTINCT speaker FROM entities WHERE rowid > ?",
                                                     (self._seen,))]
            self._restore_speakers(changed)
            self._seen = last

    # -- adding ------------------------------------------------------------
    def add(self, docs: Iterable[AttributedDocument], batch: int = 200) -> None:
        """Add documents (in transactions of ``batch`` documents) and link them to the corpus.

        Raises ``ValueError`` for a document id already stored (nothing of its batch is kept).
        """
        if self.readonly:
            raise StoreError(f"{self.path}: the store is open read-only")
        docs = list(docs)
        for i in range(0, len(docs), batch):
            self._add_batch(docs[i:i + batch])

    def _add_batch(self, docs: list[AttributedDocument]) -> None:
        if not docs:
            return
        ids = [d.id for d in docs]
        if len(set(ids)) != len(ids):
            raise ValueError("the same document id twice in one batch")
        db = self.db
        with self._errors("add documents"):
            db.execute("BEGIN IMMEDIATE")  # the write lock: numbers below are allocated under it
            try:
                self._sync_speakers()
                stored = self._stored_ids(ids)
                if stored:
                    raise ValueError(f"document {stored[0]!r} is already in the corpus")
                self._insert(docs)
                last = self._last_entity()
                db.execute("COMMIT")
                self._seen = last
            except BaseException:
                try:
                    if db.in_transaction:  # SQLite may have rolled back by itself (disk full, I/O error)
                        db.execute("ROLLBACK")
                finally:
                    self._load_speakers()  # forget speakers made by the failed batch
                raise

    def _stored_ids(self, ids: Sequence[str]) -> list[str]:
        """Those of document ids ``ids`` already stored."""
        out: list[str] = []
        for ch in _chunks(ids):
            out.extend(r[0] for r in self.db.execute(
                f"SELECT id FROM documents WHERE id IN ({','.join('?' * len(ch))})", ch))
        return out

    def _insert(self, docs: list[AttributedDocument]) -> None:
        db = self.db
        idx = self.speaker_index
        self._tr = self._current_traits()
        batch = prepare(docs, idx, _feature_speaker, self._tr)
        db.executemany("INSERT INTO documents(id, source, date, text) VALUES (?, ?, ?, ?)",
                       [(d.id, d.source, d.date, d.text) for d in docs])
        made, changed = idx.take_changed()
        self._tr.update(idx, ((r.id, speaker_number(r.id)) for r in (*made, *changed)))
        db.executemany(
            "INSERT INTO speakers(key, type, firsts, names, titles, organizations, labels, n)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", map(_speaker_row, made))
        cur = db.executemany(
            "UPDATE speakers SET key = ?, type = ?, firsts = ?, names = ?, titles = ?, organizations = ?, labels = ?"
            " WHERE n = ?", map(_speaker_row, changed))
        if changed and cur.rowcount != len(changed):
            raise StoreError(f"{self.path}: a speaker the index holds is not in the store")
        db.executemany(
            "INSERT INTO entities(doc, id, name, title, organization, label, type, mentions, speaker,"
            " organization_entity, aliases) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(d.id, e.id, e.name, e.title, e.organization, e.label, e.type,
              json.dumps([[m.start, m.end] for m in e.mentions]), speaker_number(idx.of_entity[(d.id, e.id)]),
              e.organization_entity, json.dumps(list(e.aliases)))
             for d in docs for e in d.entities])
        if not batch.quotes:
            return
        qns = self._insert_quotes(batch)
        docs_of = np.array([q.doc for q in batch.quotes], dtype=str)
        self._link(batch.features, qns, qns[batch.owner], docs_of)

    def _insert_quotes(self, batch: Batch) -> np.ndarray:
        """Insert a batch's quotes, then its quoted fragments (hidden rows standing for their quote);
        returns the quote number of every feature row."""
        db = self.db
        F = batch.features
        # quote numbers: the store is locked for writing (BEGIN IMMEDIATE), so they are ours
        n0 = db.execute("SELECT COALESCE(MAX(n), 0) FROM quotes").fetchone()[0] + 1
        qns = np.arange(n0, n0 + len(F), dtype=np.int64)
        feats = list(zip(F.norm.tolist(), F.bag.tolist(), F.ncontent.tolist(), F.nbig.tolist(), F.nlem.tolist(),
                         F.names().tolist()))
        db.executemany(
            "INSERT INTO quotes(n, doc, id, kind, start, end, text, said, content_spans, cue, speaker_span, entity,"
            " speaker, cluster, score, reason, norm, bag, ncontent, nbig, nlem, nname, cue_class, frame, negated)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, '', ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(n0 + i, doc.id, q.id, q.kind, q.start, q.end, q.text, info.text,
              json.dumps([[sp.start, sp.end] for sp in q.content_spans]),
              json.dumps(q.cue.to_dict()) if q.cue else None,
              json.dumps(q.speaker.to_dict()) if q.speaker else None,
              q.entity, speaker_number(info.speaker), n0 + i, *feats[i], q.cue_class, q.frame, int(q.negated))
             for i, ((doc, q), info) in enumerate(zip(batch.sources, batch.quotes))])
        # quoted fragments of reported speech: hidden rows standing for their quote
        real = batch.real
        owner = batch.owner.tolist()
        db.executemany(
            "INSERT INTO quotes(n, doc, id, kind, said, speaker, part_of, score, reason, norm, bag, ncontent, nbig, nlem,"
            " nname) VALUES (?, ?, ?, ?, ?, ?, ?, 0, '', ?, ?, ?, ?, ?, ?)",
            [(n0 + i, info.doc, f"{info.quote}#part{i - real + 1}", info.kind, info.text,
              speaker_number(info.speaker), n0 + owner[i], *feats[i])
             for i, info in enumerate(batch.quotes[real:], real)])
        return qns

    # -- linking -----------------------------------------------------------
    def _stored_counts(self, keys: Iterable[int]) -> dict[int, int]:
        """How many stored quotes hold each key (keys held by none are left out)."""
        out: dict[int, int] = {}
        for ch in _chunks(sorted(set(keys))):
            out.update(self.db.execute(
                f"SELECT key, COUNT(*) FROM keys WHERE key IN ({','.join('?' * len(ch))}) GROUP BY key", ch))
        return out

    def _context(self, new: Features, exclude: Iterable[int] = ()):
        """The stored quotes a new batch may link to, as the linker would see them.

        Returns ``(qns, F, owners, docs)``: the stored quote numbers sharing an exact hash or a key
        with a new quote, and ``F`` = their features followed by the new ones.  Keys held by more
        than ``cap`` quotes (stored and new together) are not evidence for the linker: they are
        dropped from every row, so counts of shared keys and of keys per quote are the linker's.
        """
        db = self.db
        found: set[int] = set()
        for col, vals in (("norm", new.norm), ("bag", new.bag)):
            for ch in _chunks(sorted(set(vals.tolist()))):
                found.update(r[0] for r in db.execute(
                    f"SELECT n FROM quotes WHERE {col} IN ({','.join('?' * len(ch))})", ch))
        numbers = new.number_keys()[1]  # counted like the others, but a shared number alone is no candidate
        new_keys = np.concatenate([new.bk, new.lk, new.org_keys()[1], numbers])
        uk, in_new = np.unique(new_keys, return_counts=True)  # rows are distinct (quote, key): quotes per key
        total = dict(zip(uk.tolist(), in_new.tolist()))
        stored = self._stored_counts(total)
        for k, c in stored.items():
            total[k] += c
        only_number = set(numbers.tolist())
        usable = [k for k in stored if not too_common(total[k], self.cap) and k not in only_number]
        for ch in _chunks(usable):
            found.update(r[0] for r in db.execute(
                f"SELECT quote FROM keys WHERE key IN ({','.join('?' * len(ch))})", ch))
        qns = sorted(found.difference(exclude))
        old, owners, docs = self._features_of(qns)
        if old is not None:  # keys of the stored quotes that no new quote holds
            other = set(np.concatenate([old.bk, old.lk, old.org_keys()[1], old.number_keys()[1]]).tolist()
                        ).difference(total)
            total.update(self._stored_counts(other))
        F = Features.concat([old, new]) if old is not None else new
        return qns, F.without_keys(common_keys(total, self.cap)), owners, docs

    def _features_of(self, qns: list[int]) -> tuple[Features | None, list[int], list[str]]:
        """Features of stored quotes ``qns`` (row i = qns[i]), the quote each stands for, its document."""
        if not qns:
            return None, [], []
        db = self.db
        m = len(qns)
        pos = {q: i for i, q in enumerate(qns)}
        sc = {}
        for ch in _chunks(qns):
            for r in db.execute(f"SELECT q.n, q.norm, q.bag, q.ncontent, q.nbig, q.nlem, q.kind, q.speaker, q.part_of,"
                                f" q.doc, d.date, q.nname FROM quotes q LEFT JOIN documents d ON d.id = q.doc"
                                f" WHERE q.n IN ({','.join('?' * len(ch))})", ch):
                sc[r[0]] = r[1:]
        vals = [sc[q] for q in qns]
        owners = [v[7] if v[7] is not None else q for q, v in zip(qns, vals)]
        rows: dict[int, tuple[list[int], list[int]]] = {0: ([], []), 1: ([], []), 2: ([], []), 3: ([], [])}
        for ch in _chunks(qns):
            for key, quote, lemma in db.execute(
                f"SELECT key, quote, lemma FROM keys WHERE quote IN ({','.join('?' * len(ch))})", ch
            ):  # lemma: 0 a bigram key, 1 a speaker-scoped lemma key, 2 an organisation-scoped one, 3 a number
                rows[lemma][0].append(pos[quote])
                rows[lemma][1].append(key)
        (bq, bk), (lq, lk), (oq, ok), (nq, nk) = rows[0], rows[1], rows[2], rows[3]
        arr = lambda x, t: np.array(x, t)  # noqa: E731
        F = Features(
            norm=arr([v[0] for v in vals], np.int64), bag=arr([v[1] for v in vals], np.int64),
            ncontent=arr([v[2] for v in vals], np.int32), nbig=arr([v[3] for v in vals], np.int32),
            nlem=arr([v[4] for v in vals], np.int32), direct=arr([v[5] in DIRECT_KINDS for v in vals], bool),
            speaker=arr([-1 if v[6] is None else v[6] for v in vals], np.int64).reshape(m),
            bq=arr(bq, np.int64), bk=arr(bk, np.int64), lq=arr(lq, np.int64), lk=arr(lk, np.int64),
            day=arr([day_number(v[9]) for v in vals], np.int32), nname=arr([v[10] or 0 for v in vals], np.int32),
            oq=arr(oq, np.int64) if oq else None, ok=arr(ok, np.int64) if oq else None,
            nq=arr(nq, np.int64) if nq else None, nk=arr(nk, np.int64) if nq else None)
        return F, owners, [v[8] for v in vals]

    def _link(self, new: Features, qns: np.ndarray, owner: np.ndarray, docs: np.ndarray) -> None:
        """Link new quotes (stored as ``qns``, standing for ``owner``, of documents ``docs``) to the corpus."""
        db = self.db
        old_qns, F, old_owner, old_docs = self._context(new, qns.tolist())
        # store the new quotes' keys (all of them: counts decide later what is common)
        db.executemany("INSERT INTO keys(key, quote, lemma) VALUES (?, ?, 0)",
                       zip(new.bk.tolist(), qns[new.bq].tolist()))
        db.executemany("INSERT INTO keys(key, quote, lemma) VALUES (?, ?, 1)",
                       zip(new.lk.tolist(), qns[new.lq].tolist()))
        oq, ok = new.org_keys()
        db.executemany("INSERT INTO keys(key, quote, lemma) VALUES (?, ?, 2)", zip(ok.tolist(), qns[oq].tolist()))
        nq, nk = new.number_keys()
        db.executemany("INSERT INTO keys(key, quote, lemma) VALUES (?, ?, 3)", zip(nk.tolist(), qns[nq].tolist()))
        ids = np.concatenate([np.array(old_qns, np.int64), qns])
        owners = np.concatenate([np.array(old_owner, np.int64), owner])
        doc_ids = np.concatenate([np.array(old_docs, dtype=str), np.asarray(docs, dtype=str)]) if old_docs \
            else np.asarray(docs, dtype=str)
        links = new_links(F, len(old_qns), self.cap, ids, owners, doc_ids, self._current_best, self._merge,
                          self._tr)
        if not len(links.a):
            return
        db.executemany("UPDATE quotes SET score = ?, reason = ? WHERE n = ?",
                       zip(links.score.tolist(), [REASONS[r] for r in links.code.tolist()], links.ends.tolist()))
        # merge clusters (each named after its smallest quote number)
        db.executemany("UPDATE quotes SET cluster = ? WHERE cluster = ?", zip(links.new.tolist(), links.old.tolist()))

    def _merge(self, a: np.ndarray, b: np.ndarray, score: np.ndarray, strong: np.ndarray):
        """Cluster merges the links ``a``–``b`` (quote numbers) make, as the linker decides them."""
        cl = self._clusters_of(np.unique(np.concatenate([a, b])).tolist())
        ca = np.array([cl[x] for x in a.tolist()], np.int64)
        cb = np.array([cl[x] for x in b.tolist()], np.int64)
        cids = np.unique(np.concatenate([ca, cb]))
        labs, spks = [], []
        for ch in _chunks(cids.tolist()):
            for c, sp in self.db.execute(f"SELECT cluster, speaker FROM quotes WHERE part_of IS NULL AND cluster IN "
                                         f"({','.join('?' * len(ch))})", ch):
                labs.append(c)
                spks.append(-1 if sp is None else sp)
        lab = np.array(labs, np.int64)
        size = np.bincount(np.searchsorted(cids, lab), minlength=len(cids))
        idx = self.speaker_index
        named = lambda ns: np.array([idx.named(speaker_id(n)) for n in ns.tolist()], bool)  # noqa: E731
        spk = cluster_speakers(lab, np.array(spks, np.int64), named)
        return merge_plan(ca, cb, score, size, np.array([spk.get(c, -1) for c in cids.tolist()], np.int64),
                          lambda s, t: related(self._tr, s, t), strong=strong, quotes=(a, b))

    def _current_traits(self) -> Traits:
        """The traits of every speaker of the index (:class:`~quoteattr.linking.names.Traits`), by
        number: derived once after the index is read, then kept up to date by each batch (the
        speakers it makes or changes) until speakers are read from the store again."""
        if self._traits is None:
            tr = Traits()
            tr.update(self.speaker_index, ((sid, speaker_number(sid)) for sid in self.speaker_index.records))
            self._traits = tr
        return self._traits

    def _clusters_of(self, qns: list[int]) -> dict[int, int]:
        """The cluster number of each stored quote of ``qns``."""
        out: dict[int, int] = {}
        for ch in _chunks(qns):
            out.update(self.db.execute(f"SELECT n, cluster FROM quotes WHERE n IN ({','.join('?' * len(ch))})", ch))
        return out

    def _current_best(self, qns: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Stored (score, reason code) of the best link of quotes ``qns``."""
        got: dict[int, tuple[float, str]] = {}
        for ch in _chunks(qns.tolist()):
            got.update((r[0], r[1:]) for r in self.db.execute(
                f"SELECT n, score, reason FROM quotes WHERE n IN ({','.join('?' * len(ch))})", ch))
        vals = [got[q] for q in qns.tolist()]
        return np.array([v[0] or 0.0 for v in vals]), reason_codes(v[1] for v in vals)

    # -- reading -----------------------------------------------------------
    _QCOLS = "q.n, q.doc, q.id, q.start, q.end, q.said, q.kind, q.speaker, q.entity, d.date, q.score, q.reason, q.cluster"

    def _cluster_from_rows(self, rows: list[tuple]) -> Cluster:
        got = sorted(map(_Stored.of, rows), key=lambda r: r.n)
        return make_cluster(f"c{got[0].cluster}", [r.info for r in got], [r.score for r in got],
                            [r.reason for r in got])

    def cluster(self, cluster_id: str) -> Cluster | None:
        """The cluster with id ``cluster_id`` (``"c12"``)."""
        rows = self.db.execute(
            f"SELECT {self._QCOLS} FROM quotes q JOIN documents d ON d.id = q.doc"
            " WHERE q.cluster = ? AND q.part_of IS NULL",
            (_cluster_number(cluster_id),)).fetchall()
        return self._cluster_from_rows(rows) if rows else None

    def cluster_of(self, doc: str, quote: str) -> Cluster | None:
        """The cluster of quote ``quote`` of document ``doc``."""
        r = self.db.execute("SELECT cluster FROM quotes WHERE doc = ? AND id = ?", (doc, quote)).fetchone()
        return self.cluster(f"c{r[0]}") if r else None

    def clusters(self, min_size: int = 1) -> list[Cluster]:
        """Every cluster with at least ``min_size`` members, in the order of their first quote."""
        groups: dict[int, list[tuple]] = defaultdict(list)
        for r in self.db.execute(
            f"SELECT {self._QCOLS} FROM quotes q JOIN documents d ON d.id = q.doc WHERE q.part_of IS NULL ORDER BY q.n"
        ):
            groups[r[12]].append(r)
        return [self._cluster_from_rows(rows) for _, rows in sorted(groups.items()) if len(rows) >= min_size]

    def speakers(self) -> tuple[Speaker, ...]:
        """All cross-document speakers."""
        self._sync_speakers()
        return self.speaker_index.speakers()

    def to_records(self) -> list[dict[str, Any]]:
        """One flat dict per stored cluster member (see :func:`quoteattr.records.to_records`)."""
        return self.result().to_records()

    def to_pandas(self) -> Any:
        """The stored cluster members as a ``pandas.DataFrame`` (needs ``quoteattr[pandas]``)."""
        return self.result().to_pandas()

    def _repr_html_(self) -> str:
        """Jupyter's rich display: the stored clusters as a table (:func:`quoteattr.render`)."""
        return self.result()._repr_html_()

    def result(self) -> LinkResult:
        """Everything as a :class:`~quoteattr.linking.results.LinkResult` (for :func:`~quoteattr.linking.results.records`)."""
        return LinkResult(tuple(self.clusters()), self.speakers())

    def find(self, text: str, speaker: str | None = None) -> list[Cluster]:
        """Clusters holding a quote that reports ``text`` (optionally as said by ``speaker``, a speaker id):
        the quotes the text would link to if it were added (keys too common are no evidence)."""
        self._sync_speakers()
        tr = self._current_traits()
        num = _feature_speaker(speaker)
        orgs = tr.orgs(np.array([num]))
        probe = featurize([text], ["indirect" if speaker else "direct"], [num], scopes=tr.scope(np.array([num])),
                          orgs=orgs if (orgs >= 0).any() else None)
        old_qns, F, owners, docs = self._context(probe)
        if not old_qns:
            return []
        ids = np.arange(len(F), dtype=np.int64) - len(F)  # the probe is -1, stored quotes are negative too
        ids[:len(old_qns)] = old_qns
        own = np.concatenate([np.array(owners, np.int64), ids[len(old_qns):]])
        a, b, _, _ = link_pairs(F, len(old_qns), self.cap, ids, own, np.array([*docs, ""], dtype=str), tr)
        hit = sorted({x for x in np.concatenate([a, b]).tolist() if x >= 0})
        cluster_of = self._clusters_of(hit)
        cids = list(dict.fromkeys(cluster_of[q] for q in hit))  # in the order of their first quote found
        return [c for c in (self.cluster(f"c{c}") for c in cids) if c is not None]

    def _statement(self, statement: str) -> list[Cluster | None]:
        """The clusters a statement names: a cluster id, else a text to :meth:`find`."""
        return [self.cluster(statement)] if _cluster_number(statement) is not None else self.find(statement)

    def documents_with(self, statement: str) -> list[str]:
        """Ids of the documents carrying a statement: a cluster id (``"c3"``) or a text to :meth:`find`."""
        clusters = self._statement(statement)
        out: list[str] = []
        for c in clusters:
            if c is not None:
                out.extend(d for d in c.docs if d not in out)
        return out

    def earliest(self, statement: str) -> Member | None:
        """The earliest dated appearance of a statement (cluster id or text); ``None`` without dates."""
        clusters = self._statement(statement)
        firsts = [m for c in clusters if c is not None for m in [c.earliest()] if m is not None]
        return min(firsts, key=lambda m: m.date) if firsts else None

    def speaker_ids(self, name: str) -> list[str]:
        """Ids of the speakers ``name`` refers to (:func:`~quoteattr.linking.names.records_named`:
        a name or label, or a person's surname alone), or the id itself."""
        self._sync_speakers()
        if name in self.speaker_index.records:
            return [name]
        return [r.id for r in records_named(self.speaker_index.records.values(), name)]

    def quotes_of(self, speaker: str) -> list[Member]:
        """Every stored quote of a speaker (an id like ``"s3"`` or a name), in the order added."""
        out = []
        for sid in self.speaker_ids(speaker):
            for r in self.db.execute(
                f"SELECT {self._QCOLS} FROM quotes q JOIN documents d ON d.id = q.doc"
                " WHERE q.speaker = ? AND q.part_of IS NULL ORDER BY q.n",
                (speaker_number(sid),)
            ):
                got = _Stored.of(r)
                out.append(Member.of(got.info, got.score, got.reason))
        return out

    def document(self, doc_id: str) -> AttributedDocument | None:
        """A stored document with its quotes and entities (without a stanza parse)."""
        d = self.db.execute("SELECT id, source, date, text FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if d is None:
            return None
        text = d[3]
        quotes = []
        for r in self.db.execute("SELECT id, kind, start, end, text, content_spans, cue, speaker_span, entity,"
                                 " cue_class, frame, negated FROM quotes WHERE doc = ? AND part_of IS NULL ORDER BY n",
                                 (doc_id,)):
            quotes.append(Quote.from_dict({
                "id": r[0], "kind": r[1], "start": r[2], "end": r[3], "text": r[4],
                "content_spans": json.loads(r[5]), "cue": json.loads(r[6]) if r[6] else None,
                "speaker": json.loads(r[7]) if r[7] else None, "entity": r[8], "cue_class": r[9],
                "frame": r[10], "negated": bool(r[11])}, text))
        ents = [Entity.from_dict({"id": r[0], "name": r[1], "title": r[2], "organization": r[3], "label": r[4],
                                  "type": r[5], "mentions": json.loads(r[6]), "organization_entity": r[7],
                                  "aliases": json.loads(r[8]) if r[8] else []}, text)
                for r in self.db.execute("SELECT id, name, title, organization, label, type, mentions,"
                                         " organization_entity, aliases FROM entities"
                                         " WHERE doc = ?", (doc_id,))]
        return AttributedDocument(d[0], text, tuple(quotes), tuple(ents), source=d[1], date=d[2])

    def documents(self) -> list[str]:
        """Ids of the stored documents, in the order added."""
        return [r[0] for r in self.db.execute("SELECT id FROM documents ORDER BY n")]
