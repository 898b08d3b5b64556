"""The linker: quotes added batch by batch, linked against everything added before, clustered.

Each :meth:`Linker.add` featurises the new quotes (:func:`prepare`), finds their links to each
other and to the quotes already held (:func:`new_links`: candidate pairs and rules of
:mod:`quoteattr.linking.pairs`, then every quote's best link), and merges the clusters the links
join (:func:`~quoteattr.linking.clusters.merge_plan`: average link by rounds, never across
conflicting named speakers; each cluster named after its smallest row).  The store
(:class:`quoteattr.linking.store.Corpus`) keeps the same bookkeeping in SQLite with the same
functions.

Speakers are merged across documents by :class:`~quoteattr.linking.names.SpeakerIndex`.  Quotes
of two different named speakers are not linked unless they speak for one organisation (then
their cluster is flagged ``conflict``).  Everything after tokenising is vectorised with numpy.

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

from collections import defaultdict
from typing import TYPE_CHECKING, Callable, Iterable, Sequence

import attrs
import numpy as np

from ..model import AttributedDocument, Quote
from .features import PART, Features, day_number, featurize, quote_lemmas, quoted_fragments, said_text
from .clusters import cluster_speakers, merge_plan
from .names import RELATIONS, SpeakerIndex, Traits, relation
from .pairs import KEY_CAP, REASON_CODE, REASONS, link_pairs
from .results import Cluster, LinkResult, QuoteInfo, make_cluster

if TYPE_CHECKING:
    from .semantic import TextEncoder

__all__ = [
    "Batch",
    "Linker",
    "Links",
    "Merge",
    "best_links",
    "cluster_renames",
    "components",
    "link",
    "new_links",
    "prepare",
    "related",
]


@attrs.frozen
class Batch:
    """Quotes of some documents, featurised for linking (see :func:`prepare`).

    ``quotes``: the documents' quotes, then one ``part`` row per quoted fragment inside reported
    speech (standing for the quote at row ``owner[i]``); ``features`` has one row per quote.
    """

    quotes: tuple[QuoteInfo, ...]
    features: Features
    owner: np.ndarray  # the quote row each row stands for (itself, or the quote of a fragment)
    sources: tuple[tuple[AttributedDocument, Quote], ...]  # the document and quote of each real quote row

    @property
    def real(self) -> int:
        """The number of real quotes (the rows before the ``part`` rows)."""
        return len(self.sources)


def prepare(docs: Iterable[AttributedDocument], speakers: SpeakerIndex, number: Callable[[str | None], int],
            traits: Traits | None = None) -> Batch:
    """Register the entities of ``docs`` in ``speakers`` and featurise their quotes and the quoted
    fragments of their reported speech; ``number`` maps a speaker id to the int the features use.
    ``traits`` (updated here for the speakers the documents touch) scope the lemma keys by the
    speakers' surname or organisation (:meth:`~quoteattr.linking.names.Traits.scope`).
    """
    infos: list[QuoteInfo] = []
    sources: list[tuple[AttributedDocument, Quote]] = []
    texts, kinds, spk, lemmas = [], [], [], []
    parts: list[tuple[int, str]] = []
    for doc in docs:
        ent_speaker = {e.id: speakers.add(doc.id, e) for e in doc.entities}
        for q in doc.quotes:
            sid = ent_speaker.get(q.entity) if q.entity else None
            text = said_text(q)
            parts.extend((len(texts), frag) for frag in quoted_fragments(q))
            infos.append(QuoteInfo(doc.id, q.id, q.start, q.end, text, q.kind, sid, q.entity, doc.date))
            sources.append((doc, q))
            texts.append(text)
            kinds.append(q.kind)
            spk.append(number(sid))
            lemmas.append(quote_lemmas(doc, q))
    owner = list(range(len(texts)))
    for row, frag in parts:  # quoted words inside reported speech also stand on their own
        owner.append(row)
        infos.append(attrs.evolve(infos[row], text=frag, kind=PART))
        texts.append(frag)
        kinds.append(PART)
        spk.append(spk[row])
        lemmas.append(None)
    scopes = orgs = None
    if traits is not None:
        traits.update(speakers, {(i.speaker, n) for i, n in zip(infos, spk)})
        scopes = traits.scope(np.array(spk, np.int64))
        orgs = traits.orgs(np.array(spk, np.int64))
        orgs = orgs if (orgs >= 0).any() else None
    F = featurize(texts, kinds, spk, lemmas, scopes, orgs)
    F = attrs.evolve(F, day=np.array([day_number(i.date) for i in infos], np.int32))
    return Batch(tuple(infos), F, np.array(owner, np.int64), tuple(sources))


@attrs.frozen
class Links:
    """The links a batch makes (``a``–``b``, quote ids), the cluster merges they make (cluster
    ``old[i]`` becomes ``new[i]``) and the best link of every quote at an end of a link kept
    inside a cluster: ``ends`` with their ``score`` and reason ``code`` (see :func:`best_links`)."""

    a: np.ndarray
    b: np.ndarray
    ends: np.ndarray
    score: np.ndarray
    code: np.ndarray
    old: np.ndarray
    new: np.ndarray


#: ``merge(a, b, score, strong)`` → ``(old clusters, new clusters, mask of links kept)`` (see :func:`new_links`).
Merge = Callable[[np.ndarray, np.ndarray, np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray, np.ndarray]]


def new_links(F: Features, first_new: int, cap: int, ids: np.ndarray, owner: np.ndarray, docs: np.ndarray,
              current: Callable[[np.ndarray], tuple[np.ndarray, np.ndarray]], merge: Merge,
              traits: Traits | None = None, extra: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None) -> Links:
    """The links among the rows of ``F`` that involve a row >= ``first_new``
    (:func:`quoteattr.linking.pairs.link_pairs`), the cluster merges ``merge`` makes of them
    (:func:`quoteattr.linking.clusters.merge_plan` over the caller's clusters), and the best link
    of each quote at an end of a link kept inside a cluster, given ``current(ends)``, the best
    each already has (:func:`best_links`).  The linker and the store both record links with this
    function; ``traits``: of the speakers (:func:`quoteattr.linking.names.relation`); ``extra``:
    paraphrase links ``(a, b, score)`` between rows found otherwise (the semantic extra,
    :func:`quoteattr.linking.semantic.semantic_edges`), kept across documents only.
    """
    a, b, score, reason = link_pairs(F, first_new, cap, ids, owner, docs, traits)
    if extra is not None and len(extra[0]):
        ea, eb, es = extra
        m = (docs[ea] != docs[eb]) | (docs[ea] == "")
        a, b = np.concatenate([a, ids[ea[m]]]), np.concatenate([b, ids[eb[m]]])
        score = np.concatenate([score, es[m]])
        reason = np.concatenate([reason, np.full(int(m.sum()), REASON_CODE["paraphrase"], np.int8)])
    if not len(a):
        empty = np.zeros(0, np.int64)
        return Links(a, b, empty, np.zeros(0), np.zeros(0, np.int8), empty, empty)
    old, new, keep = merge(a, b, score, np.isin(reason, _STRONG))
    a, b, score, reason = a[keep], b[keep], score[keep], reason[keep]
    ends, sc, rc = best_links(a, b, score, reason, current)
    return Links(a, b, ends, sc, rc, old, new)


#: Reasons of links between equal texts (an equivalence: merged whatever the density).
_STRONG = np.array([REASON_CODE["identical"], REASON_CODE["reordered"]], np.int8)


class Linker:
    """Incremental linker: :meth:`add` documents, then :meth:`result`.

    Each :meth:`add` links the new quotes against each other and against everything added
    before (work proportional to the new quotes and the keys they share).
    """

    def __init__(self, cap: int = KEY_CAP, semantic: "TextEncoder | None" = None) -> None:
        self.cap = cap
        self.semantic = semantic  # an encoder of the semantic extra (quoteattr.linking.semantic), or None
        self._emb: np.ndarray | None = None
        self._scope = np.zeros(0, np.int64)
        self.speakers = SpeakerIndex()
        self._F: Features | None = None
        self.info: list[QuoteInfo] = []
        self.parent = np.zeros(0, np.int64)
        self.owner = np.zeros(0, np.int64)
        self.best_score = np.zeros(0)
        self.best_reason = np.zeros(0, np.int8)
        self._spk_num: dict[str, int] = {}
        self._sids: list[str] = []
        self.traits = Traits()

    def __len__(self) -> int:
        return len(self.info)

    def _speaker_number(self, sid: str | None) -> int:
        if sid is None:
            return -1
        return self._spk_num.setdefault(sid, len(self._spk_num))

    def add(self, docs: Iterable[AttributedDocument]) -> None:
        """Add documents and link their quotes against everything already added."""
        batch = prepare(docs, self.speakers, self._speaker_number, self.traits)
        self.info.extend(batch.quotes)
        emb = None
        if self.semantic is not None:
            from .semantic import encode

            emb = encode(self.semantic, [q.text for q in batch.quotes])
        self.add_features(batch.features, batch.owner, emb)

    def add_texts(self, texts: Sequence[str], kinds: Sequence[str], speakers: Sequence[str | None],
                  ids: Sequence[tuple[str, str]] | None = None) -> None:
        """Add bare quotes (benchmarks): ``speakers`` are cross-document speaker ids or None."""
        n0 = len(self.info)
        ids = ids or [("", f"q{n0 + i}") for i in range(len(texts))]
        for (d, qid), t, k, s in zip(ids, texts, kinds, speakers):
            self.info.append(QuoteInfo(d, qid, 0, 0, t, k, s))
        numbers = [self._speaker_number(s) for s in speakers]
        self.traits.update(self.speakers, set(zip(speakers, numbers)))
        self.add_features(featurize(texts, kinds, numbers, scopes=self.traits.scope(np.array(numbers, np.int64))))

    def add_features(self, f: Features, owner: np.ndarray | None = None, emb: np.ndarray | None = None) -> None:
        """Add featurised rows; ``owner[i]`` is the batch row that row ``i`` stands for (itself, or the
        quote a quoted fragment comes from); ``emb``: their vectors for the semantic extra."""
        first_new = 0 if self._F is None else len(self._F)
        F = f if self._F is None else Features.concat([self._F, f])
        self._F = F
        n = len(F)
        rows = np.arange(first_new, n, dtype=np.int64)
        self.owner = np.concatenate([self.owner, rows if owner is None else owner + first_new])
        self.parent = np.concatenate([self.parent, rows])
        self.best_score = np.concatenate([self.best_score, np.zeros(n - first_new)])
        self.best_reason = np.concatenate([self.best_reason, np.full(n - first_new, REASON_CODE[""], np.int8)])
        docs = np.array([q.doc for q in self.info], dtype=str)
        extra = None
        if emb is not None:
            from .semantic import semantic_edges

            mine = self.owner[first_new:] == rows  # quoted fragments are not compared on their own
            self._scope = np.concatenate([self._scope, np.where(mine, self.traits.scope(f.speaker), -1)])
            self._emb = emb if self._emb is None else np.concatenate([self._emb, emb])
            extra = semantic_edges(self._emb, self._scope, F.days(), F.direct, first_new)
        links = new_links(F, first_new, self.cap, np.arange(n, dtype=np.int64), self.owner, docs,
                          lambda u: (self.best_score[u], self.best_reason[u]), self._merge, self.traits, extra)
        self.best_score[links.ends] = links.score
        self.best_reason[links.ends] = links.code
        self.parent[links.old] = links.new
        _compress(self.parent)

    def _merge(self, a: np.ndarray, b: np.ndarray, score: np.ndarray, strong: np.ndarray):
        """Cluster merges the links ``a``–``b`` make (:func:`~quoteattr.linking.clusters.merge_plan`)."""
        _compress(self.parent)
        ca, cb = self.parent[a], self.parent[b]
        cids = np.unique(np.concatenate([ca, cb]))
        real = np.flatnonzero(self.owner == np.arange(len(self.owner)))
        lab = self.parent[real]
        inside = np.isin(lab, cids)
        lab, rows = lab[inside], real[inside]
        size = np.bincount(np.searchsorted(cids, lab), minlength=len(cids))
        spk = cluster_speakers(lab, self._F.speaker[rows], self._named)
        return merge_plan(ca, cb, score, size, np.array([spk.get(c, -1) for c in cids.tolist()], np.int64),
                          self._related, strong=strong, quotes=(a, b))

    def _sid(self, number: int) -> str | None:
        if len(self._sids) != len(self._spk_num):
            self._sids = list(self._spk_num)
        return self._sids[number]

    def _named(self, numbers: np.ndarray) -> np.ndarray:
        """Which speaker numbers are named speakers (a bare speaker id given to :meth:`add_texts` is)."""
        recs = self.speakers.records
        return np.array([n >= 0 and (self._sid(n) not in recs or self.speakers.named(self._sid(n)))
                         for n in numbers.tolist()], bool)

    def _related(self, s: int, t: int) -> bool:
        return related(self.traits, s, t)

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


def related(traits: Traits, s: int, t: int) -> bool:
    """Whether two different named speakers may share a cluster (not a cannot-link): the index could
    not tell them apart, or they speak for one organisation (:func:`~quoteattr.linking.names.relation`).

    >>> related(Traits(), 3, 4)
    False
    """
    r = RELATIONS[int(relation(traits, np.array([s]), np.array([t]))[0])]
    return r in ("compatible", "affiliated")


def best_links(a: np.ndarray, b: np.ndarray, score: np.ndarray, reason: np.ndarray, current):
    """The best link of every quote at an end of links ``(a, b, score, reason code)``, given
    ``current(ends) -> (scores, reason codes)`` of the best each already has: the highest score,
    then the better reason (earlier in :data:`REASONS`).  Returns ``(ends, score, reason code)``.

    >>> e, s, r = best_links(np.array([1]), np.array([2]), np.array([0.8]), np.array([REASON_CODE["paraphrase"]], np.int8),
    ...                      lambda u: (np.array([0.8, 0.9]), np.array([REASON_CODE["containment"], REASON_CODE["paraphrase"]], np.int8)))
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



def cluster_renames(ca: np.ndarray, cb: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The clusters that links between clusters ``ca``–``cb`` merge: ``(old, new)`` ids, each
    merged cluster renamed to the smallest id of its component.

    >>> [x.tolist() for x in cluster_renames(np.array([7, 3, 9]), np.array([3, 5, 9]))]
    [[5, 7], [3, 3]]
    """
    ids, root = components(ca, cb)
    moved = ids != root
    return ids[moved], root[moved]


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


def link(docs: Iterable[AttributedDocument], cap: int = KEY_CAP, semantic: "TextEncoder | None" = None) -> LinkResult:
    """Link the quotes and speakers of ``docs`` (see the module doc for an example); ``semantic``:
    an encoder for the semantic extra (:class:`quoteattr.linking.semantic.Encoder`)."""
    linker = Linker(cap, semantic)
    linker.add(list(docs))
    return linker.result()
