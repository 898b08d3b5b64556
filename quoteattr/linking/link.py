"""Cross-document linking: repeated statements and the same speaker named differently.

Quotes that report the same statement are clustered; every member carries the
``reason`` and ``score`` of its best link:

* ``identical`` — equal after normalisation (case, quote marks, dashes, punctuation, whitespace);
* ``reordered`` — the same content words in another order;
* ``near-duplicate`` — most unordered content-word bigrams shared (spelling/punctuation edits);
* ``containment`` — one is a fragment (at least four content words, or a shorter fragment by the
  same speaker) of the other;
* ``paraphrase`` — an indirect (or mixed) quote against another quote of the same cross-document
  speaker, by overlap of content lemmas (stanza lemmas when the document has its parse, else a
  light stemmer).

Words in quotation marks inside reported speech also link on their own, for their quote, to
quotes of the same speaker (:func:`quoted_fragments`).

Speakers are merged across documents by surname when first names and titles agree
(:class:`SpeakerIndex`).  Quotes of different speakers in different documents are still
linked, but their cluster is flagged ``conflict``.

No pair of quotes is compared unless they share a rare key (an unordered content bigram, or a
content lemma of the same speaker): keys shared by more than ``cap`` quotes are ignored, so work
grows about linearly with the corpus.  Everything after tokenising is vectorised with numpy.

>>> from quoteattr.model import AttributedDocument
>>> a = AttributedDocument.from_dict({"id": "a", "text": '"We will rebuild every bridge in the valley," said Ana Ruiz.',
...     "quotes": [{"id": "q1", "kind": "direct", "start": 0, "end": 45, "content_spans": [[1, 44]], "entity": "e1"}],
...     "entities": [{"id": "e1", "name": "Ana Ruiz", "title": "mayor", "type": "person"}]})
>>> b = AttributedDocument.from_dict({"id": "b", "text": 'Mayor Ruiz said: "we will rebuild every bridge in the valley".',
...     "quotes": [{"id": "q1", "kind": "direct", "start": 17, "end": 61, "content_spans": [[18, 60]], "entity": "e1"}],
...     "entities": [{"id": "e1", "name": "Ruiz", "title": "Mayor", "type": "person"}]})
>>> result = link([a, b])
>>> [(c.canonical, [(m.doc, m.reason) for m in c.members]) for c in result.clusters]
[('We will rebuild every bridge in the valley,', [('a', 'canonical'), ('b', 'identical')])]
>>> [(s.label, s.names) for s in result.speakers]
[('Ana Ruiz', ('Ana Ruiz', 'Ruiz'))]
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections import Counter, defaultdict
from typing import Any, Callable, Iterable, Iterator, Sequence

import attrs
import numpy as np

from ..attribution.speakers import name_keys, split_mention, tokenize
from ..lexicon.people import first_names, name_suffixes
from ..model import AttributedDocument, Entity, Quote, Span  # noqa: F401 (Span: doctests)
from .normalize import SEP, STOPWORDS, all_tokens, stem, tokens

__all__ = [
    "Cluster",
    "LinkResult",
    "Linker",
    "Member",
    "Speaker",
    "SpeakerIndex",
    "link",
    "records",
    "REASONS",
]

#: Reasons, best first; ``canonical`` marks the member a cluster is named after.
REASONS: tuple[str, ...] = ("canonical", "identical", "reordered", "near-duplicate", "containment", "paraphrase", "")

# --- thresholds (tuned on the synthetic benchmark; see docs/linking.md) ---
NEAR_DUP_JACCARD = 0.5  # of unordered content bigrams
CONTAIN_RATIO = 0.9  # share of the smaller quote's bigrams found in the larger
CONTAIN_MIN_WORDS = 4  # content words of a fragment linked whatever its speaker
PARA_JACCARD = 0.5  # of content lemma sets, same speaker, at least one side not direct
PARA_OVERLAP = 0.8  # share of the smaller lemma set, same speaker
PARA_MIN_SHARED = 3
SAME_SPEAKER_DIRECT_JACCARD = 0.7  # two direct quotes of one speaker, lemma sets
MIN_WORDS_EXACT = 3  # identical/reordered/near-duplicate quotes need this many content words,
MIN_WORDS_SAME_SPEAKER = 2  # or this many when they have the same speaker
NEAR_DUP_MIN_WORDS = 4  # content words of both sides of a near-duplicate (any speakers)
KEY_CAP = 50  # keys shared by more quotes than this are not evidence

_MASK = (1 << 64) - 1
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
        self.full_arr = np.zeros(1, np.uint64)
        self.con_arr = np.zeros(1, np.uint64)

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
            self.full_arr = np.array(self._full, np.int64).view(np.uint64)
            self.con_arr = np.array(self._con, np.int64).view(np.uint64)
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
    ``lq``/``lk``: (quote row, speaker-scoped content-lemma key).
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

    def __len__(self) -> int:
        return len(self.norm)

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
        )


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
) -> Features:
    """Features of quotes given their said text, kind, speaker number (-1: none) and, optionally,
    their lemmas (stanza lemmas of the content words; ``None`` for a quote to stem its words).

    >>> f = featurize(["Prices will fall next year.", "next year, prices will fall"], ["direct", "indirect"], [-1, -1])
    >>> bool(f.bag[0] == f.bag[1]), bool(f.norm[0] == f.norm[1]), f.ncontent.tolist()
    (True, False, [4, 4])
    """
    n = len(texts)
    if n <= _CHUNK:
        return _featurize(texts, kinds, speakers, lemmas)
    jobs = [(texts[s:s + _CHUNK], kinds[s:s + _CHUNK], speakers[s:s + _CHUNK],
             lemmas[s:s + _CHUNK] if lemmas is not None else None) for s in range(0, n, _CHUNK)]
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


def _featurize(texts, kinds, speakers, lemmas) -> Features:
    n = len(texts)
    toks = all_tokens(texts)  # tokens of every text, each text followed by SEP
    ids = _VOCAB.lookup(toks)
    full = _VOCAB.full_arr[ids]
    conh = _VOCAB.con_arr[ids]
    del ids
    del toks
    is_sep = full == 0
    qid = np.cumsum(is_sep) - is_sep  # quote of each token
    word = ~is_sep
    qid, full, conh = qid[word], full[word], conh[word]
    starts = np.r_[0, np.cumsum(np.bincount(qid, minlength=n))[:-1]]
    pos = (np.arange(len(qid)) - starts[qid]).astype(np.uint64)
    norm = np.zeros(n, np.uint64)
    with np.errstate(over="ignore"):
        np.add.at(norm, qid, _mix(full + (pos + np.uint64(1)) * _M1))
    norm = norm.view(np.int64)
    keep = conh != 0
    fh, fq = conh[keep], qid[keep]
    del full, conh, pos, keep, qid
    ncontent = np.bincount(fq, minlength=n).astype(np.int32)
    bag = np.zeros(n, np.uint64)
    with np.errstate(over="ignore"):
        np.add.at(bag, fq, _mix(fh))
    bag = bag.view(np.int64)
    # unordered adjacent content bigrams
    if len(fh) > 1:
        same = fq[1:] == fq[:-1]
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
    m = sp[lq] >= 0
    lq, lh = lq[m], lh[m]
    with np.errstate(over="ignore"):
        lk = _mix(lh ^ _mix(sp[lq].astype(np.uint64) + _M3)).view(np.int64)
    lq, lk, _ = _dedupe(lq, lk, n)
    direct = np.array([k == "direct" for k in kinds], bool)
    return Features(norm, bag, ncontent, nbig, nlem, direct, sp, bq, bk, lq, lk)


# ---------------------------------------------------------------------------
# Candidate pairs and decisions (vectorised)


def _group_pairs(q: np.ndarray, k: np.ndarray, first_new: int, cap: int, n: int = 0):
    """All pairs (a < b) of quotes sharing a key held by 2..cap quotes, with b >= first_new.

    One row per shared key, so counting rows per pair gives the number of shared keys
    (``q``/``k`` rows must be distinct).
    """
    empty = np.zeros(0, np.int64), np.zeros(0, np.int64)
    eff = np.bincount(q, minlength=n) if len(q) else np.zeros(n, np.int64)
    if len(q) < 2:
        return empty + (eff,)
    if len(q) and q.max() < 2**31:
        q = q.astype(np.int32)
    order = np.argsort(k)
    k = k[order]
    brk = np.flatnonzero(np.r_[True, k[1:] != k[:-1]])
    sizes = np.diff(np.r_[brk, len(k)])
    # keys held by more than cap quotes are no evidence: count each quote's other keys
    common = np.repeat(sizes > cap, sizes)
    if common.any():
        eff = eff - np.bincount(q[order[common]], minlength=n)
    good = (sizes >= 2) & (sizes <= cap)
    # keep the groups worth it, then check they hold a new quote
    gs = np.repeat(np.where(good, sizes, 0), sizes)
    keep = gs > 0
    q = q[order[keep]]
    gs = gs[keep]
    del k, order, keep
    if not len(q):
        return empty + (eff,)
    gsizes = sizes[good]
    gstarts = np.cumsum(gsizes) - gsizes
    if first_new > 0:
        has_new = np.maximum.reduceat(q, gstarts) >= first_new
        sel = np.repeat(has_new, gsizes)
        q, gs = q[sel], gs[sel]
        gsizes = gsizes[has_new]
        gstarts = np.cumsum(gsizes) - gsizes
        if not len(q):
            return empty + (eff,)
    pos = np.arange(len(q)) - np.repeat(gstarts, gsizes)
    out_a, out_b = [], []
    d = 1
    while len(q) > d:
        m = np.flatnonzero(pos[:-d] + d < gs[:-d])
        x, y = q[m], q[m + d]
        a, b = np.minimum(x, y), np.maximum(x, y)
        sel = b >= first_new
        out_a.append(a[sel])
        out_b.append(b[sel])
        keep = gs > d + 1
        q, gs, pos = q[keep], gs[keep], pos[keep]
        d += 1
    if not out_a:
        return empty + (eff,)
    return np.concatenate(out_a), np.concatenate(out_b), eff


def _equal_edges(h: np.ndarray, ok: np.ndarray, first_new: int) -> tuple[np.ndarray, np.ndarray]:
    """Edges joining quotes with the same hash (each to the first of its group), touching a new quote."""
    idx = np.flatnonzero(ok)
    if len(idx) < 2:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    hv = h[idx]
    order = np.lexsort((idx, hv))
    hv, idx = hv[order], idx[order]
    brk = np.flatnonzero(np.r_[True, hv[1:] != hv[:-1]])
    sizes = np.diff(np.r_[brk, len(hv)])
    first = np.repeat(idx[brk], sizes)
    sel = (idx != first) & (idx >= first_new)
    return first[sel], idx[sel]


_R = {r: i for i, r in enumerate(REASONS)}


def _decide(F: Features, a: np.ndarray, b: np.ndarray, sb: np.ndarray, sl: np.ndarray, nbig: np.ndarray):
    """Score candidate pairs; returns (mask of links, score, reason code).

    ``nbig`` counts each quote's bigram keys that are evidence (held by at most the cap).
    """
    na, nb = nbig[a].astype(float), nbig[b].astype(float)
    la, lb = F.nlem[a].astype(float), F.nlem[b].astype(float)
    ca, cb = F.ncontent[a], F.ncontent[b]
    with np.errstate(divide="ignore", invalid="ignore"):
        jb = np.nan_to_num(sb / (na + nb - sb))
        cbig = np.nan_to_num(sb / np.minimum(na, nb))
        jl = np.nan_to_num(sl / (la + lb - sl))
        cl = np.nan_to_num(sl / np.minimum(la, lb))
    same = (F.speaker[a] == F.speaker[b]) & (F.speaker[a] >= 0)
    both_direct = F.direct[a] & F.direct[b]
    minc = np.minimum(ca, cb)
    near = (jb >= NEAR_DUP_JACCARD) & (np.minimum(na, nb) >= 2) & ((minc >= NEAR_DUP_MIN_WORDS) | same)
    near |= same & both_direct & (jl >= SAME_SPEAKER_DIRECT_JACCARD) & (sl >= PARA_MIN_SHARED)
    shorter = minc < 0.8 * np.maximum(ca, cb)  # a fragment is clearly shorter than the whole
    contain = (cbig >= CONTAIN_RATIO) & (minc >= CONTAIN_MIN_WORDS) & shorter
    contain |= same & (cl >= 1.0) & (np.minimum(la, lb) >= 2) & (sb >= 1) & shorter
    para = same & ~both_direct & (sl >= PARA_MIN_SHARED) & ((jl >= PARA_JACCARD) | (cl >= PARA_OVERLAP))
    score = np.zeros(len(a))
    reason = np.full(len(a), _R[""], np.int8)
    # later rules name the link: a fragment is a containment, reported speech a paraphrase
    for mask, val, r in ((near, np.maximum(jb, jl), "near-duplicate"), (para, np.maximum(jl, cl * 0.9), "paraphrase"),
                         (contain, np.maximum(cbig, cl), "containment")):
        score = np.where(mask, val, score)
        reason = np.where(mask, _R[r], reason)
    linked = near | contain | para
    return linked, np.round(np.minimum(score, 1.0), 3), reason


def _count_pairs(a: np.ndarray, b: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    if not len(a):
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    codes = a.astype(np.int64) * n + b
    codes.sort()
    brk = np.flatnonzero(np.r_[True, codes[1:] != codes[:-1]])
    counts = np.diff(np.r_[brk, len(codes)])
    return codes[brk], counts


def candidate_edges(F: Features, first_new: int = 0, cap: int = KEY_CAP):
    """Links among the quotes of ``F`` that involve a quote at row >= ``first_new``.

    Returns arrays ``(a, b, score, reason_code)``; reason codes index :data:`REASONS`.
    """
    n = len(F)
    ba, bb, nbig = _group_pairs(F.bq, F.bk, first_new, cap, n)
    bc, bn = _count_pairs(ba, bb, n)
    del ba, bb
    la, lb, _ = _group_pairs(F.lq, F.lk, first_new, cap, n)
    lc, ln = _count_pairs(la, lb, n)
    del la, lb
    # no rule links a pair sharing fewer than two bigrams and fewer than two lemmas
    lc, ln = lc[ln >= 2], ln[ln >= 2]
    m = (bn >= 2) | np.isin(bc, lc)
    bc, bn = bc[m], bn[m]
    codes = np.union1d(bc, lc)
    sb = np.zeros(len(codes), np.int32)
    sl = np.zeros(len(codes), np.int32)
    if len(bc):
        sb[np.searchsorted(codes, bc)] = bn
    if len(lc):
        sl[np.searchsorted(codes, lc)] = ln
    del bc, bn, lc, ln
    parts = []
    step = 2_000_000
    for s0 in range(0, len(codes), step):
        c = codes[s0:s0 + step]
        a, b = c // max(n, 1), c % max(n, 1)
        linked, score, reason = _decide(F, a, b, sb[s0:s0 + step].astype(float), sl[s0:s0 + step].astype(float),
                                        nbig)
        parts.append((a[linked], b[linked], score[linked], reason[linked]))
    if parts:
        a, b, score, reason = (np.concatenate(x) for x in zip(*parts))
    else:
        a = b = np.zeros(0, np.int64)
        score, reason = np.zeros(0), np.zeros(0, np.int8)
    # exact and reordered
    ea, eb = _equal_edges(F.norm, F.ncontent >= MIN_WORDS_EXACT, first_new)
    # short quotes (two content words) are identical only when the same speaker said them
    short = (F.ncontent >= MIN_WORDS_SAME_SPEAKER) & (F.ncontent < MIN_WORDS_EXACT) & (F.speaker >= 0)
    with np.errstate(over="ignore"):
        scoped = (F.norm.view(np.uint64) ^ _mix(F.speaker.astype(np.uint64) + _M1)).view(np.int64)
    sa, sb_ = _equal_edges(scoped, short, first_new)
    ea, eb = np.concatenate([ea, sa]), np.concatenate([eb, sb_])
    ra, rb = _equal_edges(F.bag, F.ncontent >= MIN_WORDS_EXACT, first_new)
    a = np.concatenate([ea, ra, a]).astype(np.int64)
    b = np.concatenate([eb, rb, b]).astype(np.int64)
    score = np.concatenate([np.ones(len(ea)), np.ones(len(ra)), score])
    reason = np.concatenate([np.full(len(ea), _R["identical"], np.int8), np.full(len(ra), _R["reordered"], np.int8), reason])
    return a, b, score, reason


# ---------------------------------------------------------------------------
# Speakers across documents

@attrs.frozen
class PersonName:
    """A person's name as the cross-document index compares it (see :func:`person_name`).

    ``key``: the surname without particles or an Arabic article, lower-cased ("leyen", "golani");
    ``given``: given names or initials, lower-cased, particles left out; ``gender`` from an
    honorific, a gendered role word or a given name (lexicon/people.py tables), else ``None``.
    """

    key: str
    given: tuple[str, ...] = ()
    gender: str | None = None


def _core(tok: str) -> str:
    """The part of a name word a shorter mention may use: "" for a particle, "golani" for "al-Golani"."""
    keys = name_keys(tok)
    return min(keys, key=lambda k: (len(k), k)) if keys else ""


def _capitalised(tok: str) -> bool:
    """A name word: capitalised, or capitalised after an Arabic article ("al-Golani")."""
    core = _core(tok)
    return tok[:1].isupper() or (bool(core) and tok[len(tok) - len(core):][:1].isupper())


@functools.lru_cache(maxsize=1 << 16)
def person_name(name: str | None) -> PersonName | None:
    """The surname key, given names and gender of a person's name; ``None`` unless the name
    ends in a capitalised word (a description such as "the official" is not a name).

    Honorifics and role words in front ("Mr.", "President") are peeled off with
    :func:`quoteattr.attribution.speakers.split_mention`; particles and Arabic articles are handled as
    :func:`quoteattr.attribution.speakers.name_keys` does.

    >>> person_name("Mr. Savett"), person_name("Sean Savett")
    (PersonName(key='savett', given=(), gender='m'), PersonName(key='savett', given=('sean',), gender='m'))
    >>> person_name("Ursula von der Leyen").key, person_name("von der Leyen").key, person_name("Ursula von der Leyen").given
    ('leyen', 'leyen', ('ursula',))
    >>> person_name("Abu Mohammed al-Golani").key, person_name("al-Golani").key
    ('golani', 'golani')
    >>> person_name("Martin Luther King Jr.").given, person_name("the official")
    (('martin', 'luther'), None)
    """
    if not name:
        return None
    toks = [t for t in tokenize(name) if t[:1].isalnum()]
    while toks and toks[-1].lower().rstrip(".") in name_suffixes():
        toks.pop()
    if not toks or not _capitalised(toks[-1]):
        return None
    gender = None
    parts = split_mention(" ".join(toks))
    if parts.name and parts.pronoun is None:
        ptoks = [t for t in tokenize(parts.name) if t[:1].isalnum()]
        # use the split only when it peeled words off the front ("Mr.", "President"): a surname
        # that is also a role word ("King") must not lose the name
        if ptoks and ptoks == toks[len(toks) - len(ptoks):]:
            toks, gender = ptoks, parts.gender
    cores = [_core(t) for t in toks]
    if not cores[-1]:
        return None
    given = tuple(c for c in cores[:-1] if c)
    if gender is None and given:
        gender = first_names().get(given[0])
    return PersonName(cores[-1], given, gender)


def _entity_gender(e: Entity, pn: PersonName) -> str | None:
    """Gender of a person entity: from its name, else from its label when that names the same
    person ("Savett" labelled "Mr. Savett")."""
    if pn.gender:
        return pn.gender
    lp = person_name(e.label) if e.label and e.label != e.name else None
    if lp is not None and lp.key == pn.key and (not lp.given or not pn.given or _firsts_agree(lp.given, pn.given)):
        return lp.gender
    return None


def _firsts_agree(x: tuple[str, ...], y: tuple[str, ...]) -> bool:
    if not x or not y:
        return True
    a, b = x[0], y[0]
    return a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


def _title_words(title: str | None) -> frozenset[str]:
    return frozenset(stem(t) for t in tokens(title or "") if t not in STOPWORDS)


def _speaker_key(type_: str, name: str | None) -> tuple[str, tuple[str, ...]]:
    """(index key, given names) of a named entity: ``org:`` + normalised name for an organisation,
    ``per:`` + surname key otherwise; ``""`` when the name is no name."""
    if not name or not tokens(name):
        return "", ()
    if type_ == "organization":
        return "org:" + " ".join(tokens(name)), ()
    pn = person_name(name)
    if pn is None:
        return "", ()
    return "per:" + pn.key, pn.given


@attrs.define
class _SpeakerRec:
    id: str
    type: str
    surname: str  # the index key ("per:savett", "org:red cross"), "" for no key
    firsts: tuple[str, ...] = ()
    names: list[str] = attrs.Factory(list)
    titles: list[str] = attrs.Factory(list)
    organizations: list[str] = attrs.Factory(list)
    labels: list[str] = attrs.Factory(list)
    members: list[tuple[str, str]] = attrs.Factory(list)

    def title_words(self) -> frozenset[str]:
        return frozenset().union(*(_title_words(t) for t in self.titles)) if self.titles else frozenset()

    def genders(self) -> frozenset[str]:
        """Genders its names and labels give (an honorific, a given name), for the same surname."""
        if not self.surname.startswith("per:"):
            return frozenset()
        key = self.surname[4:]
        return frozenset(pn.gender for pn in map(person_name, (*self.names, *self.labels))
                         if pn is not None and pn.gender and pn.key == key)


class SpeakerIndex:
    """Cross-document speakers: entities of several documents that name the same person.

    A person entity joins an earlier speaker with the same surname (particles and Arabic articles
    aside: "von der Leyen", "al-Golani") when their first names agree (equal, an initial, or one
    missing, as for "Mr. Savett"), their genders do not conflict (honorific or given name), and —
    if one of them has no first name — their titles share a word or one is missing; it must be
    the only such speaker.  Organisations join by their normalised name.  Entities without a
    name stay speakers of their own.

    >>> idx = SpeakerIndex()
    >>> idx.add("d1", Entity("e1", name="Abbas Araghchi", title="Iranian Foreign Minister", type="person"))
    's1'
    >>> idx.add("d2", Entity("e4", name="Mr. Araghchi", type="person"))
    's1'
    >>> idx.add("d3", Entity("e2", name="Ali Araghchi", title="professor", type="person"))
    's2'
    >>> idx.add("d4", Entity("e1", name="Ms. Araghchi", type="person"))  # neither Abbas nor Ali
    's3'
    """

    def __init__(self, prefix: str = "s") -> None:
        self.prefix = prefix
        self.records: dict[str, _SpeakerRec] = {}
        self.by_key: dict[str, list[str]] = defaultdict(list)
        self.of_entity: dict[tuple[str, str], str] = {}
        self.changed: set[str] = set()  # speakers made or changed since the last take_changed()
        self._next = 1

    def _new(self, type_: str, key: str, firsts: tuple[str, ...], sid: str | None = None) -> _SpeakerRec:
        if sid is None:
            sid = f"{self.prefix}{self._next}"
        self._next = max(self._next, int(sid[len(self.prefix):]) + 1)
        rec = _SpeakerRec(sid, type_, key, firsts)
        self.records[sid] = rec
        if key:
            self.by_key[key].append(sid)
        return rec

    def _match(self, e: Entity) -> tuple[str, tuple[str, ...], _SpeakerRec | None]:
        key, firsts = _speaker_key(e.type, e.name)
        if not key:
            return "", (), None
        if e.type == "organization":
            ids = self.by_key.get(key, [])
            return key, (), self.records[ids[0]] if ids else None
        gender = _entity_gender(e, person_name(e.name))
        tw = _title_words(e.title)
        fits = []
        for sid in self.by_key.get(key, []):
            rec = self.records[sid]
            if not _firsts_agree(firsts, rec.firsts):
                continue
            genders = rec.genders()
            if gender and genders and gender not in genders:
                continue
            if firsts and rec.firsts:
                fits.append(rec)
                continue
            rw = rec.title_words()
            if tw and rw and not (tw & rw):
                continue
            fits.append(rec)
        if len(fits) == 1:
            return key, firsts, fits[0]
        if firsts:  # a full name: prefer the one speaker with the same first name
            exact = [r for r in fits if r.firsts and r.firsts[0] == firsts[0]]
            if len(exact) == 1:
                return key, firsts, exact[0]
        if tw:  # else the one speaker sharing a title word
            titled = [r for r in fits if tw & r.title_words()]
            if len(titled) == 1:
                return key, firsts, titled[0]
        return key, firsts, None

    def add(self, doc: str, e: Entity) -> str:
        """The cross-document speaker id of entity ``e`` of document ``doc`` (creating it if new)."""
        got = self.of_entity.get((doc, e.id))
        if got:
            return got
        key, firsts, rec = self._match(e)
        if rec is None:
            rec = self._new(e.type, key, firsts)
        elif firsts and not rec.firsts:
            rec.firsts = firsts
        self._merge(rec, e.name, e.title, e.organization, e.label or e.name, e.type)
        rec.members.append((doc, e.id))
        self.of_entity[(doc, e.id)] = rec.id
        self.changed.add(rec.id)
        return rec.id

    @staticmethod
    def _merge(rec: _SpeakerRec, name, title, organization, label, type_) -> None:
        for lst, v in ((rec.names, name), (rec.titles, title), (rec.organizations, organization),
                       (rec.labels, label)):
            if v and v not in lst:
                lst.append(v)
        if rec.type == "unknown" and type_ != "unknown":
            rec.type = type_

    def restore(self, sid: str, type_: str, names: Sequence[str], titles: Sequence[str] = (),
                organizations: Sequence[str] = (), labels: Sequence[str] = (),
                members: Iterable[tuple[str, str]] = ()) -> None:
        """Put back a speaker saved earlier (a store).  Its key and first names are derived again
        from its names, the way :meth:`add` derives them, so a store written by an older version
        is read with today's name rules.

        >>> idx = SpeakerIndex()
        >>> idx.restore("s4", "person", ["Mr. Savett", "Sean Savett"], members=[("d1", "e1")])
        >>> idx.add("d2", Entity("e1", name="Savett", type="person")), idx.records["s4"].firsts
        ('s4', ('sean',))
        """
        key = _speaker_key(type_, names[0])[0] if names else ""  # the first name made the key
        firsts: tuple[str, ...] = ()
        for n in names if key else ():  # first names come from the first name that has them
            k, f = _speaker_key(type_, n)
            if k == key and f:
                firsts = f
                break
        rec = self._new(type_, key, firsts, sid)
        rec.names, rec.titles = list(names), list(titles)
        rec.organizations, rec.labels = list(organizations), list(labels)
        for m in members:
            rec.members.append(tuple(m))
            self.of_entity[tuple(m)] = sid

    def take_changed(self) -> list[_SpeakerRec]:
        """The speakers made or changed since the last call (a store saves them)."""
        out = [self.records[s] for s in sorted(self.changed, key=lambda s: int(s[len(self.prefix):]))]
        self.changed.clear()
        return out

    def speakers(self) -> tuple["Speaker", ...]:
        return tuple(_speaker_of(r) for r in self.records.values())


# ---------------------------------------------------------------------------
# Results


@attrs.frozen
class Member:
    """One quote of a cluster, with where it comes from and why it is there."""

    doc: str
    quote: str
    start: int
    end: int
    text: str
    kind: str
    score: float
    reason: str
    speaker: str | None = None
    entity: str | None = None
    date: str | None = None


@attrs.frozen
class Cluster:
    """Quotes reporting one statement; ``canonical`` is the text of its longest direct variant."""

    id: str
    canonical: str
    speaker: str | None
    conflict: bool
    members: tuple[Member, ...]

    @property
    def docs(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.doc for m in self.members))

    def earliest(self) -> Member | None:
        """The dated member with the earliest date (ISO strings compare in order)."""
        dated = [m for m in self.members if m.date]
        return min(dated, key=lambda m: m.date) if dated else None


@attrs.frozen
class Speaker:
    """A cross-document speaker: the union of its documents' entities."""

    id: str
    label: str
    type: str
    names: tuple[str, ...]
    titles: tuple[str, ...]
    organizations: tuple[str, ...]
    members: tuple[tuple[str, str], ...]


def _speaker_of(r: _SpeakerRec) -> Speaker:
    label = max(r.names, key=len) if r.names else (max(r.labels, key=len) if r.labels else "")
    return Speaker(r.id, label, r.type, tuple(r.names), tuple(r.titles), tuple(r.organizations), tuple(r.members))


@attrs.frozen(slots=False)
class LinkResult:
    clusters: tuple[Cluster, ...]
    speakers: tuple[Speaker, ...]

    def cluster_of(self, doc: str, quote: str) -> Cluster | None:
        """The cluster holding quote ``quote`` of document ``doc``."""
        index = self.__dict__.get("_index")
        if index is None:  # built on first use (the class is frozen: set it behind attrs' back)
            index = {(m.doc, m.quote): c for c in self.clusters for m in c.members}
            object.__setattr__(self, "_index", index)
        return index.get((doc, quote))

    def speaker(self, speaker_id: str | None) -> Speaker | None:
        for s in self.speakers:
            if s.id == speaker_id:
                return s
        return None


def quote_lemmas(doc: AttributedDocument, q: Quote) -> list[str] | None:
    """Stanza lemmas of the content words of quote ``q`` (``None`` without a parse)."""
    if doc.stanza_doc is None:
        return None
    spans = q.content_spans or ()
    out: list[str] = []
    try:
        for span in spans:
            for w in doc.words(span):
                if w.upos not in ("PUNCT", "SYM") and w.lemma and w.text.casefold() not in STOPWORDS:
                    out.append(w.lemma)
    except (AttributeError, ValueError):
        return None
    return out


_MARKED = re.compile(r'["\u201c\u201e\u00ab]([^"\u201c\u201d\u201e\u00ab\u00bb]{2,}?)["\u201d\u00bb]')


def quoted_fragments(q: Quote) -> list[str]:
    """The words in quotation marks inside reported speech (indirect or mixed quotes) with at
    least two content words: they are linked on their own, for the quote they come from.

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


@attrs.frozen
class Batch:
    """Quotes of some documents, featurised for linking (see :func:`prepare`)."""

    quotes: tuple[tuple[AttributedDocument, Quote, str | None, str], ...]  # (document, quote, speaker id, said text)
    parts: tuple[tuple[int, str], ...]  # (row of the quote, quoted fragment inside it)
    features: Features  # the quotes' rows, then the parts' rows
    owner: np.ndarray  # the quote row each feature row stands for


def prepare(docs: Iterable[AttributedDocument], speakers: SpeakerIndex, number: Callable[[str | None], int]) -> Batch:
    """Register the entities of ``docs`` in ``speakers`` and featurise their quotes and the quoted
    fragments of their reported speech; ``number`` maps a speaker id to the int the features use.
    """
    quotes, texts, kinds, spk, lemmas = [], [], [], [], []
    parts: list[tuple[int, str]] = []
    for doc in docs:
        ent_speaker = {e.id: speakers.add(doc.id, e) for e in doc.entities}
        for q in doc.quotes:
            sid = ent_speaker.get(q.entity) if q.entity else None
            text = said_text(q)
            parts.extend((len(texts), frag) for frag in quoted_fragments(q))
            quotes.append((doc, q, sid, text))
            texts.append(text)
            kinds.append(q.kind)
            spk.append(number(sid))
            lemmas.append(quote_lemmas(doc, q))
    owner = list(range(len(texts)))
    for row, frag in parts:
        owner.append(row)
        texts.append(frag)
        kinds.append("direct")
        spk.append(spk[row])
        lemmas.append(None)
    return Batch(tuple(quotes), tuple(parts), featurize(texts, kinds, spk, lemmas), np.array(owner, np.int64))


class Linker:
    """Incremental linker: :meth:`add` documents, then :meth:`result`.

    Each :meth:`add` links the new quotes against each other and against everything added
    before (work proportional to the new quotes and the keys they share).
    """

    def __init__(self, cap: int = KEY_CAP) -> None:
        self.cap = cap
        self.speakers = SpeakerIndex()
        self._feats: list[Features] = []
        self._F: Features | None = None
        self.info: list[tuple] = []  # (doc, quote id, start, end, text, kind, speaker id, entity id, date)
        self.parent = np.zeros(0, np.int64)
        self.owner = np.zeros(0, np.int64)
        self.best_score = np.zeros(0)
        self.best_reason = np.zeros(0, np.int8)
        self._spk_num: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self.info)

    def _speaker_number(self, sid: str | None) -> int:
        if sid is None:
            return -1
        return self._spk_num.setdefault(sid, len(self._spk_num))

    def add(self, docs: Iterable[AttributedDocument]) -> None:
        """Add documents and link their quotes against everything already added."""
        batch = prepare(docs, self.speakers, self._speaker_number)
        base = len(self.info)
        for doc, q, sid, text in batch.quotes:
            self.info.append((doc.id, q.id, q.start, q.end, text, q.kind, sid, q.entity, doc.date))
        for row, frag in batch.parts:  # quoted words inside reported speech also stand on their own
            info = self.info[base + row]
            self.info.append(info[:4] + (frag, "part") + info[6:])
        self.add_features(batch.features, batch.owner)

    def add_texts(self, texts: Sequence[str], kinds: Sequence[str], speakers: Sequence[str | None],
                  ids: Sequence[tuple[str, str]] | None = None) -> None:
        """Add bare quotes (benchmarks): ``speakers`` are cross-document speaker ids or None."""
        n0 = len(self.info)
        ids = ids or [("", f"q{n0 + i}") for i in range(len(texts))]
        for (d, qid), t, k, s in zip(ids, texts, kinds, speakers):
            self.info.append((d, qid, 0, 0, t, k, s, None, None))
        self.add_features(featurize(texts, kinds, [self._speaker_number(s) for s in speakers]))

    def add_features(self, f: Features, owner: np.ndarray | None = None) -> None:
        """Add featurised rows; ``owner[i]`` is the batch row that row ``i`` stands for (itself, or the
        quote a quoted fragment comes from)."""
        first_new = 0 if self._F is None else len(self._F)
        F = f if self._F is None else Features.concat([self._F, f])
        self._F = F
        n = len(F)
        rows = np.arange(first_new, n, dtype=np.int64)
        self.owner = np.concatenate([self.owner, rows if owner is None else owner + first_new])
        self.parent = np.concatenate([self.parent, rows])
        self.best_score = np.concatenate([self.best_score, np.zeros(n - first_new)])
        self.best_reason = np.concatenate([self.best_reason, np.full(n - first_new, _R[""], np.int8)])
        docs = np.array([row[0] for row in self.info], dtype=str)
        a, b, score, reason = link_pairs(F, first_new, self.cap, np.arange(n, dtype=np.int64), self.owner, docs)
        ends, sc, rc = best_links(a, b, score, reason, lambda u: (self.best_score[u], self.best_reason[u]))
        self.best_score[ends] = sc
        self.best_reason[ends] = rc
        _union(self.parent, a, b)

    def labels(self) -> np.ndarray:
        """Cluster label (the smallest quote row of its cluster) of every quote, in order added."""
        _compress(self.parent)
        return self.parent.copy()

    def result(self) -> LinkResult:
        """Clusters and speakers of everything added so far."""
        lab = self.labels()
        groups: dict[int, list[int]] = defaultdict(list)
        own = self.owner.tolist()
        for i, l in enumerate(lab.tolist()):
            if own[i] == i:
                groups[l].append(i)
        clusters = []
        bs, br = self.best_score.tolist(), self.best_reason.tolist()
        for n, (root, members) in enumerate(sorted(groups.items()), 1):
            clusters.append(self._cluster(f"c{n}", members, bs, br))
        return LinkResult(tuple(clusters), self.speakers.speakers())

    def _cluster(self, cid: str, members: list[int], bs: list[float], br: list[int]) -> Cluster:
        return make_cluster(cid, [self.info[i] for i in members], [bs[i] for i in members],
                            [REASONS[br[i]] for i in members])


def make_cluster(cid: str, infos: Sequence[tuple], scores: Sequence[float], reasons: Sequence[str]) -> Cluster:
    """A :class:`Cluster` from its members' ``(doc, quote, start, end, text, kind, speaker, entity, date)``
    tuples and their best link's score and reason."""
    rows = range(len(infos))
    direct = [i for i in rows if infos[i][5] == "direct"]
    canon = max(direct or rows, key=lambda i: (len(infos[i][4]), -i))
    members = []
    for i in rows:
        d, qid, s, e, text, kind, sid, ent, date = infos[i]
        score, reason = (1.0, "canonical") if i == canon else (float(scores[i]), reasons[i])
        members.append(Member(d, qid, s, e, text, kind, score, reason, sid, ent, date))
    spk = Counter(infos[i][6] for i in rows if infos[i][6] is not None)
    speaker = spk.most_common(1)[0][0] if spk else None
    # a conflict: two different speakers, coming from different documents
    docs_of: dict[str, set[str]] = defaultdict(set)
    for i in rows:
        if infos[i][6] is not None:
            docs_of[infos[i][6]].add(infos[i][0])
    conflict = len(docs_of) > 1 and len(set().union(*docs_of.values())) > 1
    return Cluster(cid, infos[canon][4], speaker, conflict, tuple(members))


def parts_same_speaker(F: Features, part: np.ndarray, a, b, score, reason):
    """Drop links of a quoted fragment (``part[i]``: row ``i`` stands for another quote) to a quote
    of another or an unknown speaker: a catchphrase repeated by someone else is another statement."""
    same = (F.speaker[a] == F.speaker[b]) & (F.speaker[a] >= 0)
    keep = ~(part[a] | part[b]) | same
    return a[keep], b[keep], score[keep], reason[keep]


def link_pairs(F: Features, first_new: int, cap: int, ids: np.ndarray, owner: np.ndarray, docs: np.ndarray):
    """The links to record among the rows of ``F`` that involve a row >= ``first_new``: candidate
    edges (:func:`candidate_edges`), quoted fragments only to the same speaker, between the quotes
    the rows stand for (no quote to itself), and inside one document only ``identical`` ones.

    ``ids[i]`` is the id of row ``i``, ``owner[i]`` the id of the quote it stands for (its own id,
    or the quote a quoted fragment comes from), ``docs[i]`` its document id.  Returns
    ``(a, b, score, reason code)`` with ``a``/``b`` quote ids.  The linker and the store both
    decide with this function.
    """
    a, b, score, reason = candidate_edges(F, first_new, cap)
    a, b, score, reason = parts_same_speaker(F, owner != ids, a, b, score, reason)
    oa, ob = owner[a], owner[b]
    keep = (oa != ob)
    if len(keep):
        keep &= within_document_identical(docs[a], docs[b], reason)
    return oa[keep], ob[keep], score[keep], reason[keep]


def best_links(a: np.ndarray, b: np.ndarray, score: np.ndarray, reason: np.ndarray, current):
    """The best link of every quote at an end of links ``(a, b, score, reason code)``, given
    ``current(ends) -> (scores, reason codes)`` of the best each already has: the highest score,
    then the better reason (earlier in :data:`REASONS`).  Returns ``(ends, score, reason code)``.

    >>> e, s, r = best_links(np.array([1]), np.array([2]), np.array([0.8]), np.array([_R["paraphrase"]], np.int8),
    ...                      lambda u: (np.array([0.8, 0.9]), np.array([_R["containment"], _R["paraphrase"]], np.int8)))
    >>> e.tolist(), s.tolist(), [REASONS[x] for x in r]
    ([1, 2], [0.8, 0.9], ['containment', 'paraphrase'])
    """
    if not len(a):
        return np.zeros(0, np.int64), np.zeros(0), np.zeros(0, np.int8)
    ends = np.concatenate([a, b])
    uniq = np.unique(ends)
    cs, cr = current(uniq)
    ends = np.concatenate([ends, uniq])
    sc = np.concatenate([score, score, np.asarray(cs, float)])
    rc = np.concatenate([reason, reason, np.asarray(cr, np.int8)]).astype(np.int8)
    order = np.lexsort((rc, -sc, ends))
    ends, sc, rc = ends[order], sc[order], rc[order]
    first = np.r_[True, ends[1:] != ends[:-1]]
    return ends[first], sc[first], rc[first]


def components(a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Connected components of the edges ``a``–``b`` (any int ids): ``(ids, root)`` with the
    smallest id of its component as each id's root.

    >>> [x.tolist() for x in components(np.array([7, 3, 9]), np.array([3, 5, 12]))]
    [[3, 5, 7, 9, 12], [3, 3, 3, 9, 9]]
    """
    ids = np.unique(np.concatenate([a, b]).astype(np.int64))
    parent = np.arange(len(ids), dtype=np.int64)
    _union(parent, np.searchsorted(ids, a), np.searchsorted(ids, b))
    _compress(parent)
    return ids, ids[parent]


def within_document_identical(doc_a: Sequence[str], doc_b: Sequence[str], reason: np.ndarray) -> np.ndarray:
    """Mask of links to keep: inside one document only ``identical`` quotes link.

    An article quotes each statement once; two of its quotes that share a
    phrase ("the Zionist regime") or a speaker are different statements.
    An empty document id (bare texts) is no document.
    """
    if not len(reason):
        return np.zeros(0, bool)
    doc_a, doc_b = np.asarray(doc_a, dtype=str), np.asarray(doc_b, dtype=str)
    return (doc_a != doc_b) | (doc_a == "") | (reason == _R["identical"])


def _compress(parent: np.ndarray) -> None:
    while True:
        p2 = parent[parent]
        if np.array_equal(p2, parent):
            return
        parent[:] = p2


def _union(parent: np.ndarray, a: np.ndarray, b: np.ndarray) -> None:
    """Union-find over edge arrays, vectorised (roots are the smallest row of a set)."""
    while len(a):
        _compress(parent)
        ra, rb = parent[a], parent[b]
        m = ra != rb
        if not m.any():
            return
        a, b, ra, rb = a[m], b[m], ra[m], rb[m]
        lo, hi = np.minimum(ra, rb), np.maximum(ra, rb)
        np.minimum.at(parent, hi, lo)


def link(docs: Iterable[AttributedDocument], cap: int = KEY_CAP) -> LinkResult:
    """Link the quotes and speakers of ``docs`` (see the module doc for an example)."""
    linker = Linker(cap)
    linker.add(list(docs))
    return linker.result()


def records(result: LinkResult) -> Iterator[dict[str, Any]]:
    """JSON-able records: one ``cluster`` record per statement, then one ``speaker`` record per speaker.

    >>> from quoteattr.model import AttributedDocument
    >>> d = AttributedDocument.from_dict({"id": "d", "text": 'Lee said taxes would rise soon.',
    ...     "quotes": [{"id": "q1", "kind": "indirect", "start": 9, "end": 30, "content_spans": [[9, 30]], "entity": "e1"}],
    ...     "entities": [{"id": "e1", "name": "Lee", "type": "person"}]})
    >>> for r in records(link([d])): print(r)  # doctest: +NORMALIZE_WHITESPACE
    {'type': 'cluster', 'id': 'c1', 'canonical': 'taxes would rise soon', 'speaker': 's1', 'conflict': False,
     'members': [{'doc': 'd', 'quote': 'q1', 'start': 9, 'end': 30, 'text': 'taxes would rise soon', 'kind': 'indirect',
                  'score': 1.0, 'reason': 'canonical', 'speaker': 's1', 'entity': 'e1'}]}
    {'type': 'speaker', 'id': 's1', 'label': 'Lee', 'names': ['Lee'], 'titles': [], 'organizations': [],
     'entity_type': 'person', 'members': [{'doc': 'd', 'entity': 'e1'}]}
    """
    for c in result.clusters:
        yield {
            "type": "cluster",
            "id": c.id,
            "canonical": c.canonical,
            "speaker": c.speaker,
            "conflict": c.conflict,
            "members": [
                {"doc": m.doc, "quote": m.quote, "start": m.start, "end": m.end, "text": m.text, "kind": m.kind,
                 "score": m.score, "reason": m.reason, "speaker": m.speaker, "entity": m.entity}
                for m in c.members
            ],
        }
    for s in result.speakers:
        yield {
            "type": "speaker",
            "id": s.id,
            "label": s.label,
            "names": list(s.names),
            "titles": list(s.titles),
            "organizations": list(s.organizations),
            "entity_type": s.type,
            "members": [{"doc": d, "entity": e} for d, e in s.members],
        }
