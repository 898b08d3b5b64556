"""The extraction pipeline over one parsed document.

text → stanza ``Document`` → quotation marks → quote candidates (direct,
indirect, mixed) → attributed quotes with speaker entities.
"""

from __future__ import annotations

from typing import Any

from ..model import AttributedDocument
from ..parsing.document import check_document
from . import direct, indirect, merge, resolve
from .layout import prose
from .quotations import find_quotations

__all__ = ["attribute"]


def attribute(
    doc: Any,
    id: str = "doc",
    *,
    source: str | None = None,
    date: str | None = None,
    nested: bool = False,
) -> AttributedDocument:
    """Find and attribute the quotes of an annotated stanza ``Document``.

    ``doc`` must carry tokenize, pos, lemma and depparse annotations (see
    :func:`quoteattr.parsing.document.check_document`).  An attribution reported inside another
    quote ("Aides said *the senator believes* the bill is dead") is part of that quote
    and not returned on its own unless ``nested`` is true.
    """
    check_document(doc)
    parse = doc
    doc, quotations = prose(parse, find_quotations(parse.text))  # no quote from page furniture
    candidates = direct.direct_quotes(doc, quotations)
    candidates = merge.combine(candidates, indirect.indirect_quotes(doc, quotations), quotations, doc.text)
    candidates = merge.share_speakers(doc, candidates)
    if not nested:
        candidates = merge.drop_nested(candidates)
    quotes, entities = resolve.resolve(doc, candidates)
    return AttributedDocument(
        id=id, text=doc.text, quotes=quotes, entities=entities, source=source, date=date, stanza_doc=parse
    )
