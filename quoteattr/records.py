"""Flat tables of quotes and cluster members: lists of dicts, CSV rows, pandas DataFrames.

One record per quote of an attributed document (:data:`QUOTE_COLUMNS`), and one
per member of a cluster of linked quotes (:data:`MEMBER_COLUMNS`).  pandas is an
optional extra: ``pip install "quoteattr[pandas]"``.

>>> from quoteattr.model import AttributedDocument
>>> doc = AttributedDocument.from_dict({"id": "d1", "text": 'Mayor Ana Ruiz said: "We won."',
...     "quotes": [{"id": "q1", "kind": "direct", "start": 21, "end": 30, "content_spans": [[22, 29]],
...                 "cue": {"start": 15, "end": 19, "text": "said"},
...                 "speaker": {"start": 0, "end": 14, "text": "Mayor Ana Ruiz"},
...                 "entity": "e1", "cue_class": "speech"}],
...     "entities": [{"id": "e1", "name": "Ana Ruiz", "title": "Mayor", "label": "Mayor Ana Ruiz",
...                   "type": "person"}]})
>>> row = to_records(doc)[0]
>>> row["doc"], row["quote"], row["kind"], row["content"], row["mention"], row["label"], row["title"]
('d1', 'q1', 'direct', 'We won.', 'Mayor Ana Ruiz', 'Mayor Ana Ruiz', 'Mayor')
>>> list(row) == list(QUOTE_COLUMNS)
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .model import AttributedDocument

if TYPE_CHECKING:  # pragma: no cover
    from .linking.results import Cluster

__all__ = ["MEMBER_COLUMNS", "QUOTE_COLUMNS", "cluster_records", "clusters_of", "quote_records", "to_pandas",
           "to_records"]

#: The columns of a quote record, in order.
QUOTE_COLUMNS: tuple[str, ...] = (
    "doc",           # document id
    "quote",         # quote id within the document
    "kind",          # direct, indirect, mixed
    "cue_class",     # speech, writing, thought, report, attitude, clause, other, or None
    "content",       # what was said (the content spans joined by a space)
    "start",         # character offsets of the whole quote in the document text
    "end",
    "cue",           # the cue's text ("said", "according to")
    "mention",       # the speaker mention the quote hangs on ("he", "Savett")
    "entity",        # the speaker entity's id in the document
    "label",         # the speaker's display label ("NSC spokesperson Sean Savett")
    "name",
    "title",
    "organization",
    "entity_type",   # person, organization, unknown
    "source",        # the document's outlet and date, when given
    "date",
    "frame",         # the cue frame the content was read by ("ccomp", "obj", "about", …), or None
    "negated",       # whether the report is negated or refused ("did not say", "declined to comment")
)

#: The columns of a cluster member record, in order.
MEMBER_COLUMNS: tuple[str, ...] = (
    "cluster",       # cluster id
    "canonical",     # the cluster's canonical text
    "conflict",      # whether the cluster's quotes have different speakers
    "doc",
    "quote",
    "kind",
    "text",          # the member quote's text
    "start",
    "end",
    "score",         # score and reason of the member's best link
    "reason",
    "speaker",       # cross-document speaker id
    "label",         # its label
    "entity",        # the entity id in the member's document
    "date",
)


def quote_records(doc: AttributedDocument) -> list[dict[str, Any]]:
    """One record per quote of ``doc`` (columns :data:`QUOTE_COLUMNS`)."""
    entities = {e.id: e for e in doc.entities}
    out = []
    for q in doc.quotes:
        e = entities.get(q.entity) if q.entity is not None else None
        out.append({
            "doc": doc.id,
            "quote": q.id,
            "kind": q.kind,
            "cue_class": q.cue_class,
            "content": q.content,
            "start": q.start,
            "end": q.end,
            "cue": q.cue.text if q.cue else None,
            "mention": q.speaker.text if q.speaker else None,
            "entity": q.entity,
            "label": e.label if e else None,
            "name": e.name if e else None,
            "title": e.title if e else None,
            "organization": e.organization if e else None,
            "entity_type": e.type if e else None,
            "source": doc.source,
            "date": doc.date,
            "frame": q.frame,
            "negated": q.negated,
        })
    return out


def clusters_of(obj: Any) -> tuple[list["Cluster"], dict[str, Any]]:
    """The clusters of a ``LinkResult``, a ``Corpus``, one ``Cluster`` or a list of them, with the speakers by id."""
    from .linking.results import Cluster, LinkResult
    from .linking.store import Corpus

    if isinstance(obj, Corpus):
        obj = obj.result()
    if isinstance(obj, LinkResult):
        return list(obj.clusters), {s.id: s for s in obj.speakers}
    if isinstance(obj, Cluster):
        return [obj], {}
    clusters = list(obj)
    if not all(isinstance(c, Cluster) for c in clusters):
        raise TypeError("expected a LinkResult, a Corpus, a Cluster or a list of Clusters")
    return clusters, {}


def cluster_records(obj: Any) -> list[dict[str, Any]]:
    """One record per cluster member (columns :data:`MEMBER_COLUMNS`) of a ``LinkResult``, ``Corpus`` or clusters.

    >>> from quoteattr.linking.linker import link
    >>> from quoteattr.model import AttributedDocument
    >>> d = AttributedDocument.from_dict({"id": "d", "text": 'Lee said taxes would rise soon.',
    ...     "quotes": [{"id": "q1", "kind": "indirect", "start": 9, "end": 30, "content_spans": [[9, 30]],
    ...                 "entity": "e1"}], "entities": [{"id": "e1", "name": "Lee", "type": "person"}]})
    >>> [(r["cluster"], r["doc"], r["text"], r["label"]) for r in cluster_records(link([d]))]
    [('c1', 'd', 'taxes would rise soon', 'Lee')]
    """
    clusters, speakers = clusters_of(obj)
    out = []
    for c in clusters:
        for m in c.members:
            sp = speakers.get(m.speaker) if m.speaker else None
            out.append({
                "cluster": c.id, "canonical": c.canonical, "conflict": c.conflict,
                "doc": m.doc, "quote": m.quote, "kind": m.kind, "text": m.text, "start": m.start, "end": m.end,
                "score": m.score, "reason": m.reason, "speaker": m.speaker,
                "label": sp.label if sp else None, "entity": m.entity, "date": m.date,
            })
    return out


def to_records(obj: Any) -> list[dict[str, Any]]:
    """Records of an :class:`AttributedDocument` or an iterable of them (one per quote), or of
    a ``LinkResult``, ``Corpus`` or clusters (one per cluster member)."""
    if isinstance(obj, AttributedDocument):
        return quote_records(obj)
    from .linking.results import Cluster, LinkResult
    from .linking.store import Corpus

    if isinstance(obj, (LinkResult, Corpus, Cluster)):
        return cluster_records(obj)
    items = list(obj)
    if all(isinstance(d, AttributedDocument) for d in items):
        return [r for d in items for r in quote_records(d)]
    return cluster_records(items)


def _columns(obj: Any) -> tuple[str, ...]:
    if isinstance(obj, AttributedDocument):
        return QUOTE_COLUMNS
    if isinstance(obj, (list, tuple)) and obj and all(isinstance(d, AttributedDocument) for d in obj):
        return QUOTE_COLUMNS
    return MEMBER_COLUMNS


def to_pandas(obj: Any) -> Any:
    """The records of ``obj`` (see :func:`to_records`) as a ``pandas.DataFrame``.

    Raises ``ImportError`` naming the extra to install when pandas is missing.
    """
    try:
        import pandas as pd
    except ImportError as exc:
        raise ImportError('to_pandas() needs pandas: pip install "quoteattr[pandas]" (or pip install pandas)') from exc
    if not isinstance(obj, (AttributedDocument, list, tuple)) and not hasattr(obj, "clusters") \
            and not hasattr(obj, "result"):
        obj = list(obj)
    return pd.DataFrame(to_records(obj), columns=list(_columns(obj)))
