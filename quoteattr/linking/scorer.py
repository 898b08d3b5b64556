"""The statement pair scorer for paraphrase: a weighted sum of features of a candidate pair.

Two quotes of one speaker, at least one in reported speech, say the same thing in other words
when their content lemmas overlap enough, the more so when the words they share are rare for that
speaker and their documents are close in time.  The weights and threshold are data
(``data/link_scorer.tsv``); every link keeps its score (the logit squashed to 0..1).

>>> import numpy as np
>>> f = {"jaccard": np.array([0.7, 0.1]), "overlap": np.array([0.8, 0.2]), "shared": np.log1p([6, 2]),
...      "rare": np.array([1, 0]), "reported_reported": np.array([1, 1]), "day_gap": np.array([0, 0])}
>>> ok, p = paraphrase(f)
>>> ok.tolist(), bool(p[0] > 0.5 > p[1])
([True, False], True)
"""

from __future__ import annotations

import functools

import numpy as np

from ..lexicon.tables import rows

__all__ = ["FEATURES", "paraphrase", "weights"]

#: The features the scorer reads (see ``data/link_scorer.tsv``).
FEATURES = ("jaccard", "overlap", "shared", "rare", "numbers", "reported_reported", "day_gap", "rel_compatible", "rel_affiliated")


@functools.lru_cache(maxsize=None)
def weights() -> dict[str, float]:
    """Weights, bias and threshold of the scorer, from ``data/link_scorer.tsv``.

    >>> set(FEATURES) | {"bias", "threshold"} <= set(weights())
    True
    """
    return {cols[0]: float(cols[1]) for _, cols in rows("link_scorer.tsv") if cols[0] != "feature"}


def paraphrase(features: dict[str, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Which candidate pairs are paraphrases, and their score in 0..1 (the logit squashed)."""
    w = weights()
    z = w["bias"] + sum(w[k] * np.asarray(features[k], float) for k in FEATURES if k in features)
    return z >= w["threshold"], np.round(1.0 / (1.0 + np.exp(-z)), 3)
