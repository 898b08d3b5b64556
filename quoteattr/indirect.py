"""Indirect and mixed quotations from the dependency parse.

FIRST VERSION — placeholder stage: finds nothing yet.
"""

from __future__ import annotations

from typing import Any, Sequence

from .marks import Quotation
from .model import Candidate


def indirect_quotes(doc: Any, quotations: Sequence[Quotation]) -> list[Candidate]:
    """Indirect (and mixed) quote candidates of a parsed document."""
    return []


def combine(direct: Sequence[Candidate], indirect: Sequence[Candidate]) -> list[Candidate]:
    """Merge direct and indirect candidates into one list in document order."""
    return sorted([*direct, *indirect], key=lambda c: (c.start, c.end))
