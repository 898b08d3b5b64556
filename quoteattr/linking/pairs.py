"""Candidate pairs and the rules that decide a link, with the reason codes.

Two quotes are compared only when they share a rare key (an unordered content bigram, or a
content lemma of the same speaker; see :mod:`quoteattr.linking.features`): keys shared by more
than ``cap`` quotes are no evidence, so work grows about linearly with the corpus.  A link
carries a score and one of the :data:`REASONS`:

* ``identical`` — equal after normalisation (case, quote marks, dashes, punctuation, whitespace);
* ``reordered`` — the same content words in another order;
* ``near-duplicate`` — most unordered content-word bigrams shared (spelling/punctuation edits);
* ``containment`` — one is a fragment (at least four content words, or a shorter fragment by the
  same speaker) of the other;
* ``paraphrase`` — an indirect (or mixed) quote against another quote of the same cross-document
  speaker, decided by the statement pair scorer (:mod:`quoteattr.linking.scorer`: overlap of
  content lemmas — stanza lemmas when the document has its parse, else a light stemmer —, rare
  shared words, date gap; weights in ``data/link_scorer.tsv``).

>>> from quoteattr.linking.features import featurize
>>> F = featurize(["Prices will fall next year.", "next year, prices will fall", "The ferry runs daily."],
...               ["direct", "direct", "direct"], [-1, -1, -1])
>>> a, b, score, reason = candidate_edges(F)
>>> [(int(x), int(y), REASONS[r]) for x, y, r in zip(a, b, reason)]  # one edge per rule that fires
[(0, 1, 'reordered'), (0, 1, 'near-duplicate')]
"""

from __future__ import annotations

from typing import Iterable, Sequence

import numpy as np

from .features import _M1, Features, _mix, scoped_hash
from .names import RELATIONS, Traits, relation
from .scorer import paraphrase, weights

__all__ = [
    "CONTAIN_MIN_WORDS",
    "CONTAIN_RATIO",
    "KEY_CAP",
    "MIN_WORDS_EXACT",
    "MIN_WORDS_SAME_SPEAKER",
    "NEAR_DUP_JACCARD",
    "NEAR_DUP_MIN_WORDS",
    "PARA_MIN_SHARED",
    "REASONS",
    "REASON_CODE",
    "SAME_SPEAKER_DIRECT_JACCARD",
    "SHORT_PART_WORDS",
    "SAME_OCCASION_DAYS",
    "CONTEXT_MIN_SHARED",
    "CROWD_NEIGHBOURS",
    "CROWD_WINDOW_DAYS",
    "candidate_edges",
    "crowd_pairs",
    "common_keys",
    "link_pairs",
    "parts_same_speaker",
    "short_parts_in_context",
    "reason_codes",
    "reported_fragment_min_words",
    "reported_fragments",
    "too_common",
    "within_document_identical",
]

REASONS: tuple[str, ...] = ("canonical", "identical", "reordered", "near-duplicate", "containment", "paraphrase", "")

# --- thresholds (tuned on the synthetic benchmark; see docs/linking.md) ---
NEAR_DUP_JACCARD = 0.5  # of unordered content bigrams
CONTAIN_RATIO = 0.9  # share of the smaller quote's bigrams found in the larger
CONTAIN_MIN_WORDS = 4  # content words of a fragment linked whatever its speaker
PARA_MIN_SHARED = 2  # content lemmas a paraphrase shares at least; then the scorer decides (scorer.py)
SAME_SPEAKER_DIRECT_JACCARD = 0.7  # two direct quotes of one speaker, lemma sets
MIN_WORDS_EXACT = 3  # identical/reordered/near-duplicate quotes need this many content words,
MIN_WORDS_SAME_SPEAKER = 2  # or this many when they have the same speaker
NEAR_DUP_MIN_WORDS = 4  # content words of both sides of a near-duplicate (any speakers)
KEY_CAP = 50  # keys shared by more quotes than this are not evidence
#: The code of each reason (its index in :data:`REASONS`), as link arrays carry it.
REASON_CODE: dict[str, int] = {r: i for i, r in enumerate(REASONS)}


def reason_codes(reasons: Iterable[str | None]) -> np.ndarray:
    """Codes of reason names (``None`` or an unknown name: no link yet, ``""``).

    >>> reason_codes(["identical", None, "paraphrase"]).tolist()
    [1, 6, 5]
    """
    return np.array([REASON_CODE.get(r or "", REASON_CODE[""]) for r in reasons], np.int8)


def too_common(holders: np.ndarray | int, cap: int) -> np.ndarray | bool:
    """Whether a key held by ``holders`` quotes is too common to be evidence (more than ``cap``)."""
    return holders > cap


def common_keys(holders: dict[int, int], cap: int) -> np.ndarray:
    """The keys, sorted, that are no evidence given how many quotes hold each (``key → count``).

    >>> common_keys({7: 3, 5: 1, 9: 4}, cap=2).tolist()
    [7, 9]
    """
    return np.array(sorted(k for k, c in holders.items() if too_common(c, cap)), np.int64)


# ---------------------------------------------------------------------------
# Candidate pairs

def _group_pairs(q: np.ndarray, k: np.ndarray, first_new: int, cap: int, n: int = 0, with_sizes: bool = False):
    """All pairs (a < b) of quotes sharing a key held by 2..cap quotes, with b >= first_new.

    One row per shared key, so counting rows per pair gives the number of shared keys
    (``q``/``k`` rows must be distinct); ``with_sizes``: also how many quotes hold each row's key.
    """
    empty = (np.zeros(0, np.int64), np.zeros(0, np.int64)) + ((np.zeros(0, np.int64),) if with_sizes else ())
    eff = np.bincount(q, minlength=n) if len(q) else np.zeros(n, np.int64)
    if len(q) < 2:
        return _ret(empty, eff, with_sizes)
    if len(q) and q.max() < 2**31:
        q = q.astype(np.int32)
    order = np.argsort(k)
    k = k[order]
    brk = np.flatnonzero(np.r_[True, k[1:] != k[:-1]])
    sizes = np.diff(np.r_[brk, len(k)])
    # keys held by more than cap quotes are no evidence: count each quote's other keys
    common = np.repeat(too_common(sizes, cap), sizes)
    if common.any():
        eff = eff - np.bincount(q[order[common]], minlength=n)
    good = (sizes >= 2) & ~too_common(sizes, cap)
    # keep the groups worth it, then check they hold a new quote
    gs = np.repeat(np.where(good, sizes, 0), sizes)
    keep = gs > 0
    q = q[order[keep]]
    gs = gs[keep]
    del k, order, keep
    if not len(q):
        return _ret(empty, eff, with_sizes)
    gsizes = sizes[good]
    gstarts = np.cumsum(gsizes) - gsizes
    if first_new > 0:
        has_new = np.maximum.reduceat(q, gstarts) >= first_new
        sel = np.repeat(has_new, gsizes)
        q, gs = q[sel], gs[sel]
        gsizes = gsizes[has_new]
        gstarts = np.cumsum(gsizes) - gsizes
        if not len(q):
            return _ret(empty, eff, with_sizes)
    pos = np.arange(len(q)) - np.repeat(gstarts, gsizes)
    out_a, out_b, out_g = [], [], []
    d = 1
    while len(q) > d:
        m = np.flatnonzero(pos[:-d] + d < gs[:-d])
        x, y = q[m], q[m + d]
        a, b = np.minimum(x, y), np.maximum(x, y)
        sel = b >= first_new
        out_a.append(a[sel])
        out_b.append(b[sel])
        out_g.append(gs[m][sel])
        keep = gs > d + 1
        q, gs, pos = q[keep], gs[keep], pos[keep]
        d += 1
    if not out_a:
        return _ret(empty, eff, with_sizes)
    if with_sizes:
        return np.concatenate(out_a), np.concatenate(out_b), eff, np.concatenate(out_g)
    return np.concatenate(out_a), np.concatenate(out_b), eff


def _ret(empty, eff, with_sizes):
    return (*empty[:2], eff, *empty[2:]) if with_sizes else empty + (eff,)


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



_SAME, _COMPATIBLE, _AFFILIATED, _UNKNOWN, _CONFLICT = range(len(RELATIONS))


def _decide(F: Features, a: np.ndarray, b: np.ndarray, sb: np.ndarray, sl: np.ndarray, nbig: np.ndarray,
            rare: np.ndarray | None = None, traits: Traits | None = None, numbers: np.ndarray | None = None):
    """Score candidate pairs; returns (mask of links, score, reason code).

    ``nbig`` counts each quote's bigram keys that are evidence (held by at most the cap);
    ``rare`` the shared lemmas of a pair that no other quote of the speaker has; ``traits`` the
    speakers' (:func:`quoteattr.linking.names.relation`; none: every speaker is its own).
    """
    rel = relation(traits if traits is not None else Traits(), F.speaker[a], F.speaker[b])
    na, nb = nbig[a].astype(float), nbig[b].astype(float)
    la, lb = F.nlem[a].astype(float), F.nlem[b].astype(float)
    ca, cb = F.ncontent[a], F.ncontent[b]
    with np.errstate(divide="ignore", invalid="ignore"):
        jb = np.nan_to_num(sb / (na + nb - sb))
        cbig = np.nan_to_num(sb / np.minimum(na, nb))
        jl = np.nan_to_num(sl / (la + lb - sl))
        cl = np.nan_to_num(sl / np.minimum(la, lb))
    # one speaker, or two the index could not tell apart ("Clinton", "Hillary Clinton")
    same = (rel == _SAME) | (rel == _COMPATIBLE)
    both_direct = F.direct[a] & F.direct[b]
    minc = np.minimum(ca, cb)
    near = (jb >= NEAR_DUP_JACCARD) & (np.minimum(na, nb) >= 2) & ((minc >= NEAR_DUP_MIN_WORDS) | same)
    near |= same & both_direct & (jl >= SAME_SPEAKER_DIRECT_JACCARD) & (sl >= PARA_MIN_SHARED)
    shorter = minc < 0.8 * np.maximum(ca, cb)  # a fragment is clearly shorter than the whole
    contain = (cbig >= CONTAIN_RATIO) & (minc >= CONTAIN_MIN_WORDS) & shorter
    contain |= same & (cl >= 1.0) & (np.minimum(la, lb) >= 2) & (sb >= 1) & shorter
    # or all but its names (one
    # outlet names the person another calls "him"): at least that many shared lemmas that are
    # not names, counting every name of the side with fewer as possibly shared
    names = F.names()
    bare = np.minimum(la, lb) - names[np.where(la <= lb, a, b)]
    contain |= same & (bare >= 2) & (sl - np.minimum(names[a], names[b]) >= bare) & (sb >= 1) & shorter
    day = F.days()
    da, db = day[a], day[b]
    gap = np.where((da >= 0) & (db >= 0), np.minimum(np.abs(da - db), 30), 0)
    para_ok, para_score = paraphrase({
        "jaccard": jl, "overlap": cl, "shared": np.log1p(sl),
        "rare": np.minimum(rare if rare is not None else 0, 3),
        "numbers": np.minimum(numbers if numbers is not None else 0, 2),
        "reported_reported": ~(F.direct[a] | F.direct[b]), "day_gap": gap,
        "rel_compatible": rel == _COMPATIBLE, "rel_affiliated": rel == _AFFILIATED})
    para = (same | (rel == _AFFILIATED)) & ~both_direct & (sl >= PARA_MIN_SHARED) & para_ok
    score = np.zeros(len(a))
    reason = np.full(len(a), REASON_CODE[""], np.int8)
    # later rules name the link: a fragment is a containment, reported speech a paraphrase
    for mask, val, r in ((near, np.maximum(jb, jl), "near-duplicate"), (para, para_score, "paraphrase"),
                         (contain, np.maximum(cbig, cl), "containment")):
        score = np.where(mask, val, score)
        reason = np.where(mask, REASON_CODE[r], reason)
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


#: A quote of a speaker so prolific that some of their content lemmas are held by more than the
#: cap is also compared with this many quotes on each side of it, in date order, among those
#: holding such a lemma (:func:`crowd_pairs`) ...
CROWD_NEIGHBOURS = 5
#: ... dated at most this many days apart (undated quotes: any).
CROWD_WINDOW_DAYS = 7


def crowd_pairs(F: Features, first_new: int = 0, cap: int = KEY_CAP,
                neighbours: int = CROWD_NEIGHBOURS, window: int = CROWD_WINDOW_DAYS) -> tuple[np.ndarray, np.ndarray]:
    """Candidate pairs the key index cannot give: the speaker-scoped lemma keys held by more than
    ``cap`` quotes (a prolific speaker's common words: no evidence on their own) group quotes of
    one speaker; in each such group every quote is paired with its ``neighbours`` nearest quotes
    on each side in date order, ``window`` days apart at most, so the work stays linear.  Returns
    the pair codes (``a * len(F) + b``, ``a < b``, ``b >= first_new``) and the number of lemma keys
    each pair shares, counted on all their keys.

    >>> from quoteattr.linking.features import featurize
    >>> F = featurize(["taxes are high in Leeds", "Leeds taxes must be paid", "taxes will rise"], ["direct"] * 3, [0, 0, 0])
    >>> c, k = crowd_pairs(F, cap=2)  # "taxes": held by three quotes of the speaker, more than the cap
    >>> [(int(x) // 3, int(x) % 3) for x in c], k.tolist()
    ([(0, 1), (0, 2), (1, 2)], [2, 1, 1])
    """
    n = len(F)
    empty = np.zeros(0, np.int64), np.zeros(0, np.int64)
    if not len(F.lk):
        return empty
    uk, inv, cnt = np.unique(F.lk, return_inverse=True, return_counts=True)
    crowded = cnt[inv] > cap
    if not crowded.any():
        return empty
    q, g = F.lq[crowded], inv[crowded]
    day = F.days()[q]
    order = np.lexsort((q, day, g))
    q, g, day = q[order], g[order], day[order]
    out_a, out_b = [], []
    for d in range(1, neighbours + 1):
        if d >= len(q):
            break
        x, y = q[:-d], q[d:]
        m = (g[:-d] == g[d:]) & ((day[:-d] < 0) | (day[d:] < 0) | (np.abs(day[d:] - day[:-d]) <= window))
        a, b = np.minimum(x[m], y[m]), np.maximum(x[m], y[m])
        m = (b >= first_new) & (a != b)
        out_a.append(a[m])
        out_b.append(b[m])
    codes = np.unique(np.concatenate(out_a).astype(np.int64) * n + np.concatenate(out_b)) if out_a else empty[0]
    if not len(codes):
        return empty
    a, b = codes // n, codes % n
    # shared keys, exactly: every key of a looked up among the keys of b
    held = np.sort(_mix(F.lq.astype(np.uint64) + _M1) ^ F.lk.view(np.uint64))
    by_row = np.argsort(F.lq, kind="stable")
    starts = np.searchsorted(F.lq[by_row], np.arange(n + 1))
    nk = starts[a + 1] - starts[a]
    pair = np.repeat(np.arange(len(a)), nk)
    pos = np.arange(len(pair)) - np.repeat(np.cumsum(nk) - nk, nk) + np.repeat(starts[a], nk)
    keys = F.lk[by_row[pos]].view(np.uint64)
    probe = _mix(b[pair].astype(np.uint64) + _M1) ^ keys
    i = np.minimum(np.searchsorted(held, probe), len(held) - 1)
    shared = np.bincount(pair[held[i] == probe], minlength=len(a))
    return codes, shared.astype(np.int64)


def candidate_edges(F: Features, first_new: int = 0, cap: int = KEY_CAP, traits: Traits | None = None):
    """Links among the quotes of ``F`` that involve a quote at row >= ``first_new``; ``traits``: of
    the speakers, for their relation (:func:`quoteattr.linking.names.relation`).

    Returns arrays ``(a, b, score, reason_code)``; reason codes index :data:`REASONS`.
    """
    n = len(F)
    ba, bb, nbig = _group_pairs(F.bq, F.bk, first_new, cap, n)
    bc, bn = _count_pairs(ba, bb, n)
    del ba, bb
    la, lb, _, lsz = _group_pairs(F.lq, F.lk, first_new, cap, n, with_sizes=True)
    lc, ln = _count_pairs(la, lb, n)
    rc, rn = _count_pairs(la[lsz == 2], lb[lsz == 2], n)  # lemmas only the two quotes of the speaker have
    del la, lb, lsz
    oq, ok = F.org_keys()
    if len(oq):  # quotes of one organisation (or its people) meet on lemmas too: the larger count holds
        oa, ob, _ = _group_pairs(oq, ok, first_new, cap, n)
        oc, on = _count_pairs(oa, ob, n)
        both = np.union1d(lc, oc)
        cnt = np.zeros(len(both), ln.dtype if len(ln) else np.int64)
        if len(lc):
            cnt[np.searchsorted(both, lc)] = ln
        if len(oc):
            i = np.searchsorted(both, oc)
            cnt[i] = np.maximum(cnt[i], on)
        lc, ln = both, cnt
    wc, wn = crowd_pairs(F, first_new, cap)
    if len(wc):  # a prolific speaker's quotes near in date, counted on all their lemmas
        both = np.union1d(lc, wc)
        cnt = np.zeros(len(both), np.int64)
        if len(lc):
            cnt[np.searchsorted(both, lc)] = ln
        i = np.searchsorted(both, wc)
        cnt[i] = np.maximum(cnt[i], wn)
        lc, ln = both, cnt
    # no rule links a pair sharing fewer than two bigrams and fewer than two lemmas
    lc, ln = lc[ln >= 2], ln[ln >= 2]
    m = (bn >= 2) | np.isin(bc, lc)
    bc, bn = bc[m], bn[m]
    codes = np.union1d(bc, lc)
    sb = np.zeros(len(codes), np.int32)
    sl = np.zeros(len(codes), np.int32)
    rare = np.zeros(len(codes), np.int32)
    nums = np.zeros(len(codes), np.int32)  # numbers shared
    nq, nk = F.number_keys()
    if len(nq) and len(codes):
        na_, nb_, _ = _group_pairs(nq, nk, first_new, cap, n)
        nc, nn = _count_pairs(na_, nb_, n)
        hit = np.isin(nc, codes)
        nums[np.searchsorted(codes, nc[hit])] = nn[hit]
    if len(bc):
        sb[np.searchsorted(codes, bc)] = bn
    if len(lc):
        sl[np.searchsorted(codes, lc)] = ln
    if len(rc):
        rc, rn = rc[np.isin(rc, codes)], rn[np.isin(rc, codes)]
        rare[np.searchsorted(codes, rc)] = rn
    del bc, bn, lc, ln
    parts = []
    step = 2_000_000
    for s0 in range(0, len(codes), step):
        c = codes[s0:s0 + step]
        a, b = c // max(n, 1), c % max(n, 1)
        linked, score, reason = _decide(F, a, b, sb[s0:s0 + step].astype(float), sl[s0:s0 + step].astype(float),
                                        nbig, rare[s0:s0 + step], traits, nums[s0:s0 + step])
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
    scoped = scoped_hash(F.norm, F.speaker)
    sa, sb_ = _equal_edges(scoped, short, first_new)
    ea, eb = np.concatenate([ea, sa]), np.concatenate([eb, sb_])
    ra, rb = _equal_edges(F.bag, F.ncontent >= MIN_WORDS_EXACT, first_new)
    a = np.concatenate([ea, ra, a]).astype(np.int64)
    b = np.concatenate([eb, rb, b]).astype(np.int64)
    score = np.concatenate([np.ones(len(ea)), np.ones(len(ra)), score])
    reason = np.concatenate([np.full(len(ea), REASON_CODE["identical"], np.int8), np.full(len(ra), REASON_CODE["reordered"], np.int8), reason])
    return a, b, score, reason

def parts_same_speaker(F: Features, part: np.ndarray, a, b, score, reason, traits: Traits | None = None):
    """Drop links of a quoted fragment (``part[i]``: row ``i`` stands for another quote) to a quote
    of another or an unknown speaker (a person the index could not tell from the fragment's counts
    as the same): a catchphrase repeated by someone else is another statement."""
    rel = relation(traits if traits is not None else Traits(), F.speaker[a], F.speaker[b])
    same = (rel == _SAME) | (rel == _COMPATIBLE)
    # a fragment of CONTAIN_MIN_WORDS - 1 content words or more may link where one side's speaker
    # is unknown ("the former secretary of state" against "Clinton"): only a named other conflicts
    long_part = np.where(part[a], F.ncontent[a], 0) + np.where(part[b], F.ncontent[b], 0) >= CONTAIN_MIN_WORDS - 1
    same |= (rel == _UNKNOWN) & long_part & (F.speaker[a] >= 0) & (F.speaker[b] >= 0)
    keep = ~(part[a] | part[b]) | same
    return a[keep], b[keep], score[keep], reason[keep]


#: A quoted fragment with at most this many content words is a catch-phrase: it links only when
#: the quotes around it agree too (:func:`short_parts_in_context`).
SHORT_PART_WORDS = 3
#: Content lemmas the quotes around a short fragment must share besides the fragment's own ...
CONTEXT_MIN_SHARED = 1
#: ... unless their documents are dated at most this many days apart (or either is undated).
SAME_OCCASION_DAYS = 3


def _lemma_sets(F: Features, rows: np.ndarray) -> dict[int, set[int]]:
    m = np.isin(F.lq, rows)
    out: dict[int, set[int]] = {int(r): set() for r in rows.tolist()}
    for q, k in zip(F.lq[m].tolist(), F.lk[m].tolist()):
        out[q].add(k)
    return out


def short_parts_in_context(F: Features, part: np.ndarray, owner_row: np.ndarray, a, b, score, reason):
    """Drop links of a short quoted fragment (at most :data:`SHORT_PART_WORDS` content words) made
    on another occasion: their documents dated more than :data:`SAME_OCCASION_DAYS` apart, and the
    quotes around both ends sharing fewer than :data:`CONTEXT_MIN_SHARED` content lemmas besides
    the fragment's.  A catch-phrase ("a reckless gamble") a speaker used about another matter is
    another statement.  ``owner_row[i]`` is the row of the quote row ``i`` stands for.
    """
    short = part & (F.ncontent <= SHORT_PART_WORDS)
    day = F.days()
    apart = (day[a] >= 0) & (day[b] >= 0) & (np.abs(day[a] - day[b]) > SAME_OCCASION_DAYS)
    check = (short[a] | short[b]) & apart
    if not check.any():
        return a, b, score, reason
    idx = np.flatnonzero(check)
    oa, ob = owner_row[a[idx]], owner_row[b[idx]]
    sets = _lemma_sets(F, np.unique(np.concatenate([oa, ob])))
    frag = np.maximum(np.where(short[a[idx]], F.nlem[a[idx]], 0), np.where(short[b[idx]], F.nlem[b[idx]], 0))
    ok = np.array([len(sets[x] & sets[y]) >= f + CONTEXT_MIN_SHARED
                   for x, y, f in zip(oa.tolist(), ob.tolist(), frag.tolist())], bool)
    keep = ~check
    keep[idx] = ok
    return a[keep], b[keep], score[keep], reason[keep]


def reported_fragment_min_words() -> int:
    """Content words a fragment in reported speech needs to link by containment (``data/link_scorer.tsv``)."""
    return int(weights()["reported_fragment_min_words"])


def reported_fragments(F: Features, part: np.ndarray, a, b, score, reason, traits: Traits | None = None):
    """Drop ``containment`` links whose fragment (the side with fewer content words) is reported
    speech (an indirect or mixed quote, not a quoted fragment) of fewer than
    :func:`reported_fragment_min_words` content words, between two speakers not known to be one
    (``traits``, :func:`quoteattr.linking.names.relation`): the reporter's words for a topic
    ("House Speaker Paul Ryan", "the party's July convention") recur in other quotes without being
    the same statement.  Other reasons of the pair stand.

    >>> from quoteattr.linking.features import featurize
    >>> F = featurize(["the harbour plan", "Ruiz said she backs the harbour plan for the city"],
    ...               ["indirect", "direct"], [-1, 0])  # the fragment's speaker unknown
    >>> c = REASON_CODE["containment"]
    >>> part = np.zeros(2, bool)
    >>> [x.tolist() for x in reported_fragments(F, part, np.array([0]), np.array([1]), np.ones(1), np.array([c], np.int8))[:2]]
    [[], []]
    """
    small = np.where(F.ncontent[a] <= F.ncontent[b], a, b)
    weak = (reason == REASON_CODE["containment"]) & ~F.direct[small] & ~part[small]
    weak &= F.ncontent[small] < reported_fragment_min_words()
    weak &= relation(traits if traits is not None else Traits(), F.speaker[a], F.speaker[b]) != _SAME
    return a[~weak], b[~weak], score[~weak], reason[~weak]


def link_pairs(F: Features, first_new: int, cap: int, ids: np.ndarray, owner: np.ndarray, docs: np.ndarray,
               traits: Traits | None = None):
    """The links to record among the rows of ``F`` that involve a row >= ``first_new``: candidate
    edges (:func:`candidate_edges`), quoted fragments only to the same speaker, between the quotes
    the rows stand for (no quote to itself), and inside one document only ``identical`` ones.

    ``ids[i]`` is the id of row ``i``, ``owner[i]`` the id of the quote it stands for (its own id,
    or the quote a quoted fragment comes from), ``docs[i]`` its document id.  Returns
    ``(a, b, score, reason code)`` with ``a``/``b`` quote ids; ``traits``: of the speakers (see
    :func:`candidate_edges`).  The linker and the store both decide with this function.
    """
    a, b, score, reason = candidate_edges(F, first_new, cap, traits)
    part = owner != ids
    a, b, score, reason = reported_fragments(F, part, a, b, score, reason, traits)
    a, b, score, reason = parts_same_speaker(F, part, a, b, score, reason, traits)
    if part.any():
        order = np.argsort(ids, kind="stable")
        owner_row = order[np.searchsorted(ids, owner, sorter=order)]
        a, b, score, reason = short_parts_in_context(F, part, owner_row, a, b, score, reason)
    oa, ob = owner[a], owner[b]
    keep = (oa != ob)
    if len(keep):
        keep &= within_document_identical(docs[a], docs[b], reason)
    return oa[keep], ob[keep], score[keep], reason[keep]



def within_document_identical(doc_a: Sequence[str], doc_b: Sequence[str], reason: np.ndarray) -> np.ndarray:
    """Mask of links to keep: inside one document only ``identical`` quotes link.

    An article quotes each statement once; two of its quotes that share a
    phrase ("the Zionist regime") or a speaker are different statements.
    An empty document id (bare texts) is no document.
    """
    if not len(reason):
        return np.zeros(0, bool)
    doc_a, doc_b = np.asarray(doc_a, dtype=str), np.asarray(doc_b, dtype=str)
    return (doc_a != doc_b) | (doc_a == "") | (reason == REASON_CODE["identical"])
