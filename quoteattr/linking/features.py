"""Features of quotes for linking: what text of a quote is compared, and its hashed keys.

A quote is compared by what it says (:func:`said_text`); words in quotation marks inside
reported speech also stand on their own, as ``part`` rows of their quote
(:func:`quoted_fragments`).  :func:`featurize` turns a batch of texts into :class:`Features`:
a hash of the normalised text, an order-free hash of the content words, and the quote's keys
(unordered content bigrams; content lemmas scoped by speaker) that candidate pairs are found by.
Hashes are stable across processes (:func:`stable_hash`), so a store can keep them.

>>> f = featurize(["Prices will fall next year.", "Prices will fall next year!"], ["direct", "mixed"], [-1, -1])
>>> bool(f.norm[0] == f.norm[1]), f.direct.tolist()
(True, [True, False])
"""

from __future__ import annotations

import hashlib
import re
from typing import Sequence

import attrs
import numpy as np

from ..model import QUOTE_KINDS, AttributedDocument, Quote
from .normalize import SEP, STOPWORDS, all_tokens, name_words, stem, tokens

__all__ = [
    "DIRECT_KINDS",
    "Features",
    "KINDS",
    "PART",
    "WORKERS",
    "day_number",
    "featurize",
    "quote_lemmas",
    "quoted_fragments",
    "said_text",
    "scoped_hash",
    "stable_hash",
]

#: The kind of a linked row that stands for a quoted fragment inside reported speech
#: (:func:`quoted_fragments`): it links on its own, for its quote, and is never a cluster member.
PART = "part"
#: Kinds of the rows the linker and the store hold: the model's quote kinds, and :data:`PART`.
KINDS: tuple[str, ...] = (*QUOTE_KINDS, PART)
#: Kinds compared as direct speech (a quoted fragment is words in quotation marks).
DIRECT_KINDS: frozenset[str] = frozenset(("direct", PART))

_M1 = np.uint64(0x9E3779B97F4A7C15)
_M2 = np.uint64(0xBF58476D1CE4E5B9)
_M3 = np.uint64(0x94D049BB133111EB)


def stable_hash(s: str) -> int:
    """A 64-bit hash of ``s`` that is the same in every process (as a signed int64).

    >>> stable_hash("plan") == stable_hash("plan") and stable_hash("plan") != stable_hash("plot")
    True
    """
    return int.from_bytes(hashlib.blake2b(s.encode("utf-8"), digest_size=8).digest(), "little", signed=True)


def _mix(x: np.ndarray) -> np.ndarray:
    """splitmix64 finaliser over a uint64 array."""
    x = x.astype(np.uint64, copy=True)
    with np.errstate(over="ignore"):
        x ^= x >> np.uint64(30)
        x *= _M2
        x ^= x >> np.uint64(27)
        x *= _M3
        x ^= x >> np.uint64(31)
    return x


# ---------------------------------------------------------------------------
# Features of quotes


class _Vocab:
    """Token cache: token → id, with per-id stable hashes of the token and of its stem.

    The content hash is 0 for a function word; both hashes are 0 for the separator.
    """

    def __init__(self) -> None:
        self.ids: dict[str, int] = {SEP: 0}
        self._full: list[int] = [0]
        self._con: list[int] = [0]
        self._num: list[bool] = [False]
        self.full_arr = np.zeros(1, np.uint64)
        self.con_arr = np.zeros(1, np.uint64)
        self.num_arr = np.zeros(1, bool)  # a number ("916", "30,000")

    @staticmethod
    def _compute(tok: str) -> int:
        if tok in STOPWORDS or not any(c.isalnum() for c in tok):
            return 0
        return stable_hash(stem(tok)) or 1

    def lookup(self, toks: list[str]) -> np.ndarray:
        """Ids of ``toks`` (adding new tokens first)."""
        ids = self.ids
        new = set(toks).difference(ids)
        if new:
            for t in new:
                ids[t] = len(self._full)
                self._full.append(stable_hash(t) or 1)
                self._con.append(self._compute(t))
                self._num.append(t[:1].isdigit())
            self.full_arr = np.array(self._full, np.int64).view(np.uint64)
            self.con_arr = np.array(self._con, np.int64).view(np.uint64)
            self.num_arr = np.array(self._num, bool)
        return np.fromiter(map(ids.__getitem__, toks), np.int64, len(toks))

    def hashes(self, toks: list[str]) -> list[int]:
        """Content hashes of ``toks``."""
        ids = self.lookup(toks)  # first: it may grow the arrays
        return self.con_arr[ids].view(np.int64).tolist()


_VOCAB = _Vocab()


@attrs.frozen
class Features:
    """Linking features of a batch of quotes (row ``i`` = the batch's ``i``-th quote).

    ``bq``/``bk``: (quote row, unordered content-bigram key), one per distinct key of a quote;
    ``lq``/``lk``: (quote row, speaker-scoped content-lemma key); ``oq``/``ok``: (quote row,
    organisation-scoped content-lemma key) for quotes of a speaker who is or speaks for an
    organisation (None: none); ``nq``/``nk``: (quote row, speaker-scoped key of a number it
    holds) (None: none).
    """

    norm: np.ndarray  # int64 hash of the normalised text
    bag: np.ndarray  # int64 order-free hash of the content words
    ncontent: np.ndarray  # int32 content words
    nbig: np.ndarray  # int32 distinct bigram keys
    nlem: np.ndarray  # int32 distinct content lemmas
    direct: np.ndarray  # bool
    speaker: np.ndarray  # int64 speaker number, -1 if none
    bq: np.ndarray
    bk: np.ndarray
    lq: np.ndarray
    lk: np.ndarray
    day: np.ndarray | None = None  # int32 day number of the quote's document date, -1 unknown (None: all unknown)
    oq: np.ndarray | None = None
    ok: np.ndarray | None = None
    nname: np.ndarray | None = None  # int32 distinct content words that are name words (None: none known)
    nq: np.ndarray | None = None
    nk: np.ndarray | None = None

    def __len__(self) -> int:
        return len(self.norm)

    def org_keys(self) -> tuple[np.ndarray, np.ndarray]:
        """``(oq, ok)``: the organisation-scoped lemma keys (empty arrays for none)."""
        if self.oq is None:
            return np.zeros(0, np.int64), np.zeros(0, np.int64)
        return self.oq, self.ok

    def number_keys(self) -> tuple[np.ndarray, np.ndarray]:
        """``(nq, nk)``: the speaker-scoped keys of the numbers the rows hold (empty arrays for none)."""
        if self.nq is None:
            return np.zeros(0, np.int64), np.zeros(0, np.int64)
        return self.nq, self.nk

    def names(self) -> np.ndarray:
        """The number of distinct name words of every row (see :func:`quoteattr.linking.normalize.name_words`)."""
        return self.nname if self.nname is not None else np.zeros(len(self), np.int32)

    def days(self) -> np.ndarray:
        """The day number of every row's document date (-1: unknown; see :func:`day_number`)."""
        return self.day if self.day is not None else np.full(len(self), -1, np.int32)

    @classmethod
    def concat(cls, parts: Sequence["Features"]) -> "Features":
        offs = np.cumsum([0] + [len(p) for p in parts])[:-1]
        cat = np.concatenate
        return cls(
            *(cat([getattr(p, f) for p in parts]) for f in ("norm", "bag", "ncontent", "nbig", "nlem", "direct", "speaker")),
            bq=cat([p.bq + o for p, o in zip(parts, offs)]),
            bk=cat([p.bk for p in parts]),
            lq=cat([p.lq + o for p, o in zip(parts, offs)]),
            lk=cat([p.lk for p in parts]),
            day=cat([p.days() for p in parts]) if any(p.day is not None for p in parts) else None,
            nname=cat([p.names() for p in parts]) if any(p.nname is not None for p in parts) else None,
            nq=cat([p.number_keys()[0] + o for p, o in zip(parts, offs)]) if any(p.nq is not None for p in parts) else None,
            nk=cat([p.number_keys()[1] for p in parts]) if any(p.nq is not None for p in parts) else None,
            oq=cat([p.org_keys()[0] + o for p, o in zip(parts, offs)]) if any(p.oq is not None for p in parts) else None,
            ok=cat([p.org_keys()[1] for p in parts]) if any(p.oq is not None for p in parts) else None,
        )

    def without_keys(self, keys: np.ndarray) -> "Features":
        """The same rows without the keys ``keys`` (those too common to be evidence)."""
        if not len(keys):
            return self
        kb, kl = ~np.isin(self.bk, keys), ~np.isin(self.lk, keys)
        out = attrs.evolve(self, bq=self.bq[kb], bk=self.bk[kb], lq=self.lq[kl], lk=self.lk[kl])
        if self.oq is not None:
            ko = ~np.isin(self.ok, keys)
            out = attrs.evolve(out, oq=self.oq[ko], ok=self.ok[ko])
        if self.nq is not None:
            kn = ~np.isin(self.nk, keys)
            out = attrs.evolve(out, nq=self.nq[kn], nk=self.nk[kn])
        return out


def day_number(date: str | None) -> int:
    """Days since 1970-01-01 of an ISO date (its first ten characters); -1 when there is none.

    >>> day_number("2024-03-02"), day_number("2024-03-01T10:00"), day_number(None), day_number("soon")
    (19784, 19783, -1, -1)
    """
    import datetime

    try:
        return (datetime.date.fromisoformat((date or "")[:10]) - datetime.date(1970, 1, 1)).days
    except ValueError:
        return -1


def _dedupe(q: np.ndarray, k: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Distinct (q, k) rows (in no particular order), and the count per q."""
    if len(q):
        code = k.view(np.uint64) ^ _mix(q.astype(np.uint64) + _M2)
        order = np.argsort(code)
        code = code[order]
        keep = np.ones(len(code), bool)
        keep[1:] = code[1:] != code[:-1]
        order = order[keep]
        q, k = q[order], k[order]
    counts = np.bincount(q, minlength=n).astype(np.int32) if len(q) else np.zeros(n, np.int32)
    return q, k, counts


_CHUNK = 50_000


def featurize(
    texts: Sequence[str],
    kinds: Sequence[str],
    speakers: Sequence[int],
    lemmas: Sequence[Sequence[str] | None] | None = None,
    scopes: Sequence[int] | None = None,
    orgs: Sequence[int] | None = None,
) -> Features:
    """Features of quotes given their said text, kind, speaker number (-1: none) and, optionally,
    their lemmas (stanza lemmas of the content words; ``None`` for a quote to stem its words) and
    the scope of their lemma keys (default: the speaker number; -1: no lemma keys): quotes whose
    scopes are equal meet on their content lemmas (the linker scopes by the speaker's surname or
    organisation, :meth:`quoteattr.linking.names.Traits.scope`); ``orgs``: the organisation each
    quote's speaker is or speaks for (a hash; -1 none), whose quotes also meet on content lemmas.

    >>> f = featurize(["Prices will fall next year.", "next year, prices will fall"], ["direct", "indirect"], [-1, -1])
    >>> bool(f.bag[0] == f.bag[1]), bool(f.norm[0] == f.norm[1]), f.ncontent.tolist()
    (True, False, [4, 4])
    """
    n = len(texts)
    if n <= _CHUNK:
        return _featurize(texts, kinds, speakers, lemmas, scopes, orgs)
    jobs = [(texts[s:s + _CHUNK], kinds[s:s + _CHUNK], speakers[s:s + _CHUNK],
             lemmas[s:s + _CHUNK] if lemmas is not None else None,
             scopes[s:s + _CHUNK] if scopes is not None else None,
             orgs[s:s + _CHUNK] if orgs is not None else None) for s in range(0, n, _CHUNK)]
    workers = min(WORKERS, len(jobs))
    if workers > 1:
        try:  # chunks are independent and hashes are stable: featurise them in parallel
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            ctx = multiprocessing.get_context("fork")
            with ProcessPoolExecutor(workers, mp_context=ctx) as pool:
                return Features.concat(list(pool.map(_featurize_job, jobs)))
        except (ValueError, OSError, ImportError, RuntimeError):  # no fork on this platform
            pass
    return Features.concat([_featurize_job(j) for j in jobs])


#: Processes used to featurise large batches (forked; 1 = in this process).  Left at 1 by default:
#: forking a process that has loaded stanza/torch threads is not safe everywhere.
WORKERS = 1


def _featurize_job(job: tuple) -> Features:
    return _featurize(*job)


def _featurize(texts, kinds, speakers, lemmas, scopes=None, orgs=None) -> Features:
    n = len(texts)
    toks = all_tokens(texts)  # tokens of every text, each text followed by SEP
    ids = _VOCAB.lookup(toks)
    full = _VOCAB.full_arr[ids]
    conh = _VOCAB.con_arr[ids]
    num = _VOCAB.num_arr[ids]
    del ids
    del toks
    is_sep = full == 0
    qid = np.cumsum(is_sep) - is_sep  # quote of each token
    word = ~is_sep
    name = np.zeros(len(full), bool)  # name words: their pairs are no content bigram keys
    name[name_words(texts, np.bincount(qid[word], minlength=n).tolist())] = True
    qid, full, conh, name, num = qid[word], full[word], conh[word], name[word], num[word]
    starts = np.r_[0, np.cumsum(np.bincount(qid, minlength=n))[:-1]]
    pos = (np.arange(len(qid)) - starts[qid]).astype(np.uint64)
    norm = np.zeros(n, np.uint64)
    with np.errstate(over="ignore"):
        np.add.at(norm, qid, _mix(full + (pos + np.uint64(1)) * _M1))
    norm = norm.view(np.int64)
    keep = conh != 0
    fh, fq, fname, fnum = conh[keep], qid[keep], name[keep], num[keep]
    del full, conh, pos, keep, qid, name, num
    ncontent = np.bincount(fq, minlength=n).astype(np.int32)
    _, _, nname = _dedupe(fq[fname], fh[fname].view(np.int64), n)
    bag = np.zeros(n, np.uint64)
    with np.errstate(over="ignore"):
        np.add.at(bag, fq, _mix(fh))
    bag = bag.view(np.int64)
    # unordered adjacent content bigrams, but for two name words ("Vladimir Putin": a topic, not a claim)
    if len(fh) > 1:
        same = (fq[1:] == fq[:-1]) & ~(fname[1:] & fname[:-1])
        a, b = fh[:-1][same], fh[1:][same]
        lo, hi = np.minimum(a, b), np.maximum(a, b)
        with np.errstate(over="ignore"):
            bk = _mix(lo * _M1 + _mix(hi)).view(np.int64)
        bq = fq[:-1][same]
        del a, b, lo, hi, same
    else:
        bk = np.zeros(0, np.int64)
        bq = np.zeros(0, np.int64)
    bq, bk, nbig = _dedupe(bq, bk, n)
    # content lemmas: stanza lemmas where given, else the stems
    sp = np.asarray(speakers, np.int64)
    lh, lq = fh, fq
    if lemmas is not None and any(lm is not None for lm in lemmas):
        given = np.array([lm is not None for lm in lemmas], bool)
        extra = [(i, h) for i, lm in enumerate(lemmas) if lm is not None
                 for h in _VOCAB.hashes([t.casefold() for t in lm]) if h]
        eq = np.array([i for i, _ in extra], np.int64)
        eh = np.array([h for _, h in extra], np.int64).view(np.uint64)
        m = ~given[fq]
        lq, lh = np.concatenate([fq[m], eq]), np.concatenate([fh[m], eh])
    _, _, nlem = _dedupe(lq, lh.view(np.int64), n)
    sc = sp if scopes is None else np.asarray(scopes, np.int64)
    oq = ok = None
    if orgs is not None:  # organisation-scoped keys (another mixing constant: never equal to a speaker's)
        og = np.asarray(orgs, np.int64)
        m = og[lq] >= 0
        with np.errstate(over="ignore"):
            ok = _mix(lh[m] ^ _mix(og[lq[m]].astype(np.uint64) + _M1)).view(np.int64)
        oq, ok, _ = _dedupe(lq[m], ok, n)
    nq = nk = None
    if fnum.any():  # numbers, scoped as the lemma keys (another mixing constant: never equal to one)
        m = fnum & (sc[fq] >= 0)
        with np.errstate(over="ignore"):
            nk = _mix(fh[m] ^ _mix(sc[fq[m]].astype(np.uint64) + _M2)).view(np.int64)
        nq, nk, _ = _dedupe(fq[m], nk, n)
    m = sc[lq] >= 0
    lq, lh = lq[m], lh[m]
    with np.errstate(over="ignore"):
        lk = _mix(lh ^ _mix(sc[lq].astype(np.uint64) + _M3)).view(np.int64)
    lq, lk, _ = _dedupe(lq, lk, n)
    direct = np.array([k in DIRECT_KINDS for k in kinds], bool)
    return Features(norm, bag, ncontent, nbig, nlem, direct, sp, bq, bk, lq, lk, oq=oq, ok=ok, nname=nname, nq=nq, nk=nk)



def scoped_hash(h: np.ndarray, speaker: np.ndarray) -> np.ndarray:
    """Hashes ``h`` (int64) made specific to a speaker number each: equal only for equal hashes
    of the same speaker.

    >>> x = scoped_hash(np.array([5, 5, 5]), np.array([1, 1, 2]))
    >>> bool(x[0] == x[1]), bool(x[0] == x[2])
    (True, False)
    """
    with np.errstate(over="ignore"):
        return (h.view(np.uint64) ^ _mix(speaker.astype(np.uint64) + _M1)).view(np.int64)


# ---------------------------------------------------------------------------
# What of a quote is compared

def quote_lemmas(doc: AttributedDocument, q: Quote) -> list[str] | None:
    """Lemmas of the content words of quote ``q`` (:meth:`AttributedDocument.lemmas` without the
    function words), the same whether the document was parsed here or read from JSON; ``None``
    when unknown (then its words are stemmed).

    >>> from quoteattr.model import Span
    >>> q = Quote("q1", "direct", 0, 20, "They were not ready", (Span(0, 19, "They were not ready"),),
    ...           lemmas=("they", "be", "not", "ready"))
    >>> quote_lemmas(AttributedDocument("d", "They were not ready.", (q,)), q)
    ['not', 'ready']
    """
    lemmas = doc.lemmas(q)
    if lemmas is None:
        return None
    return [lm for lm in lemmas if lm.casefold() not in STOPWORDS]


_MARKED = re.compile(r'["\u201c\u201e\u00ab]([^"\u201c\u201d\u201e\u00ab\u00bb]{2,}?)["\u201d\u00bb]')


def quoted_fragments(q: Quote) -> list[str]:
    """The words in quotation marks inside reported speech (indirect or mixed quotes) with at
    least two content words: they are linked on their own, for the quote they come from.

    >>> from quoteattr.model import Span
    >>> quoted_fragments(Quote("q1", "mixed", 0, 45, 'part of a "Zionist-American plan" to divide',
    ...                        (Span(0, 45, 'part of a "Zionist-American plan" to divide'),)))
    ['Zionist-American plan']
    """
    if q.kind == "direct":
        return []
    out = []
    for m in _MARKED.finditer(q.text or q.content):
        frag = m.group(1).strip(" ,.")
        if sum(1 for t in tokens(frag) if t not in STOPWORDS) >= 2:
            out.append(frag)
    return out


def said_text(q: Quote) -> str:
    """What a quote says: its content spans, else its whole text."""
    c = q.content
    return c if c.strip() else q.text
