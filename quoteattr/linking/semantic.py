"""Optional semantic similarity (``pip install quoteattr[semantic]``): paraphrases that share few words.

An :class:`Encoder` turns said texts into unit vectors with a sentence-transformers model the
user names (a model name or a local path; none is bundled or downloaded by quoteattr itself).
:func:`semantic_edges` compares each quote with the quotes nearest in date of the same speaker
family (the lemma-key scope, :meth:`quoteattr.linking.names.Traits.scope`: one speaker, a
surname the index could not tell apart, one organisation) — at most :data:`NEIGHBOURS` on each
side, so the work grows linearly — and links a pair as a ``paraphrase`` when at least one side is
reported speech, their documents are at most :data:`WINDOW_DAYS` apart and the cosine of their
vectors reaches ``semantic_threshold`` (``data/link_scorer.tsv``).  Any object with an
``encode(texts) -> array`` method will do as encoder (tests use a fake one).

>>> import numpy as np
>>> class Fake:
...     def encode(self, texts):
...         return np.array([[1.0, 0.0] if "port" in t else [0.0, 1.0] for t in texts])
>>> emb = encode(Fake(), ["the port reopens", "harbour: port open again", "taxes rise"])
>>> a, b, s = semantic_edges(emb, np.array([5, 5, 5]), np.array([0, 1, 1]), np.array([True, False, False]), 0)
>>> a.tolist(), b.tolist(), s.tolist()
([0], [1], [1.0])
"""

from __future__ import annotations

from typing import Any, Protocol, Sequence

import numpy as np

from .scorer import weights

__all__ = ["NEIGHBOURS", "WINDOW_DAYS", "Encoder", "SemanticExtraMissing", "TextEncoder", "encode", "semantic_edges"]

#: Quotes of the same speaker family compared on each side of a quote, nearest in date first.
NEIGHBOURS = 20
#: Documents further apart than this many days are not compared (undated ones always are).
WINDOW_DAYS = 14


class SemanticExtraMissing(ImportError):
    """sentence-transformers is not installed: ``pip install quoteattr[semantic]``."""


class TextEncoder(Protocol):
    def encode(self, texts: Sequence[str]) -> Any: ...


class Encoder:
    """A sentence-transformers model as encoder; ``model`` is a model name or a local folder.

    Raises :class:`SemanticExtraMissing` when the extra is not installed.
    """

    def __init__(self, model: str, device: str = "cpu") -> None:
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as e:
            raise SemanticExtraMissing(
                "semantic linking needs sentence-transformers: pip install 'quoteattr[semantic]'") from e
        self.model = SentenceTransformer(model, device=device)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        return np.asarray(self.model.encode(list(texts), batch_size=64, show_progress_bar=False,
                                            convert_to_numpy=True), np.float32)


def encode(encoder: TextEncoder, texts: Sequence[str]) -> np.ndarray:
    """Unit vectors (float32, one row per text) of ``texts``.

    >>> class Fake:
    ...     def encode(self, texts): return [[3.0, 4.0] for _ in texts]
    >>> encode(Fake(), ["a"]).tolist()
    [[0.6000000238418579, 0.800000011920929]]
    """
    if not len(texts):
        return np.zeros((0, 0), np.float32)
    v = np.asarray(encoder.encode(list(texts)), np.float32)
    norm = np.linalg.norm(v, axis=1, keepdims=True)
    return v / np.where(norm > 0, norm, 1.0)


def semantic_edges(emb: np.ndarray, scope: np.ndarray, day: np.ndarray, direct: np.ndarray, first_new: int,
                   neighbours: int = NEIGHBOURS, window: int = WINDOW_DAYS, threshold: float | None = None):
    """Paraphrase links ``(a, b, cosine)`` (rows, ``a < b``, ``b >= first_new``) between rows of one
    ``scope`` (>= 0; -1: not compared) at most ``neighbours`` apart in date order, ``window`` days
    apart at most, not both ``direct``, with a cosine of at least ``threshold`` (default: the
    scorer's ``semantic_threshold``)."""
    if threshold is None:
        threshold = weights()["semantic_threshold"]
    rows = np.flatnonzero(np.asarray(scope) >= 0)
    empty = np.zeros(0, np.int64)
    if len(rows) < 2:
        return empty, empty, np.zeros(0)
    order = rows[np.lexsort((rows, day[rows], scope[rows]))]
    sc = scope[order]
    out_a, out_b, out_s = [], [], []
    for d in range(1, neighbours + 1):
        if d >= len(order):
            break
        x, y = order[:-d], order[d:]
        m = sc[:-d] == sc[d:]
        x, y = x[m], y[m]
        a, b = np.minimum(x, y), np.maximum(x, y)
        dx, dy = day[a], day[b]
        m = (b >= first_new) & ~(direct[a] & direct[b])
        m &= (dx < 0) | (dy < 0) | (np.abs(dx - dy) <= window)
        a, b = a[m], b[m]
        if not len(a):
            continue
        s = np.einsum("ij,ij->i", emb[a], emb[b])
        m = s >= threshold
        out_a.append(a[m])
        out_b.append(b[m])
        out_s.append(s[m])
    if not out_a:
        return empty, empty, np.zeros(0)
    a, b, s = np.concatenate(out_a), np.concatenate(out_b), np.concatenate(out_s)
    return a.astype(np.int64), b.astype(np.int64), np.round(np.minimum(s, 1.0), 3).astype(float)
