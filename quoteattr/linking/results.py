"""What linking gives back: clusters of quotes reporting one statement, cross-document speakers,
and their JSON records (the output of ``quoteattr link``).

>>> info = QuoteInfo("d", "q1", 0, 21, "taxes would rise soon", "indirect", "s1", "e1")
>>> c = make_cluster("c1", [info], [0.0], [""])
>>> c.canonical, [(m.doc, m.reason, m.speaker) for m in c.members]
('taxes would rise soon', [('d', 'canonical', 's1')])
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any, Iterator, Sequence

import attrs

__all__ = ["Cluster", "LinkResult", "Member", "QuoteInfo", "Speaker", "make_cluster", "records"]


@attrs.frozen
class QuoteInfo:
    """A quote as linking keeps it: where it comes from, what it says, and who said it.

    ``kind`` is one of :data:`quoteattr.linking.features.KINDS` (``part`` for a quoted fragment
    standing for its quote); ``speaker`` is a cross-document speaker id, ``entity`` the entity id
    in its document.
    """

    doc: str
    quote: str
    start: int
    end: int
    text: str
    kind: str
    speaker: str | None = None
    entity: str | None = None
    date: str | None = None


@attrs.frozen
class Member(QuoteInfo):
    """One quote of a cluster, with where it comes from and why it is there: the ``score`` and
    ``reason`` of its best link (``canonical`` for the quote the cluster is named after)."""

    score: float = attrs.field(kw_only=True)
    reason: str = attrs.field(kw_only=True)

    @classmethod
    def of(cls, q: QuoteInfo, score: float, reason: str) -> "Member":
        """Quote ``q`` as a cluster member whose best link has ``score`` and ``reason``."""
        return cls(**attrs.asdict(q, recurse=False), score=score, reason=reason)


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
        """The cross-document speaker with id ``speaker_id`` (``None`` if there is none)."""
        for s in self.speakers:
            if s.id == speaker_id:
                return s
        return None

    # -- notebooks and tables (the same functions serve documents and stores) ---------------

    def to_records(self) -> list[dict[str, Any]]:
        """One flat dict per cluster member (see :func:`quoteattr.records.to_records`)."""
        from ..records import to_records

        return to_records(self)

    def to_pandas(self) -> Any:
        """The cluster members as a ``pandas.DataFrame`` (needs ``pip install quoteattr[pandas]``)."""
        from ..records import to_pandas

        return to_pandas(self)

    def _repr_html_(self) -> str:
        """Jupyter's rich display: the clusters as a table (:func:`quoteattr.render`)."""
        from ..display import render

        return render(self)



def make_cluster(cid: str, infos: Sequence[QuoteInfo], scores: Sequence[float], reasons: Sequence[str]) -> Cluster:
    """A :class:`Cluster` of quotes ``infos`` (in the order added) given their best link's score
    and reason: named after its longest direct quote (else its longest quote), spoken by its most
    frequent speaker, in ``conflict`` when two speakers from different documents are in it."""
    rows = range(len(infos))
    direct = [i for i in rows if infos[i].kind == "direct"]
    canon = max(direct or rows, key=lambda i: (len(infos[i].text), -i))
    members = []
    for i, q in enumerate(infos):
        score, reason = (1.0, "canonical") if i == canon else (float(scores[i]), reasons[i])
        members.append(Member.of(q, score, reason))
    spk = Counter(q.speaker for q in infos if q.speaker is not None)
    speaker = spk.most_common(1)[0][0] if spk else None
    # a conflict: two different speakers, coming from different documents
    docs_of: dict[str, set[str]] = defaultdict(set)
    for q in infos:
        if q.speaker is not None:
            docs_of[q.speaker].add(q.doc)
    conflict = len(docs_of) > 1 and len(set().union(*docs_of.values())) > 1
    return Cluster(cid, infos[canon].text, speaker, conflict, tuple(members))


def records(result: LinkResult) -> Iterator[dict[str, Any]]:
    """JSON-able records: one ``cluster`` record per statement, then one ``speaker`` record per speaker.

    >>> from quoteattr.model import AttributedDocument
    >>> from quoteattr.linking.linker import link
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