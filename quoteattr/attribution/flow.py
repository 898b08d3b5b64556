"""The extraction pipeline over one parsed document.

text → stanza ``Document`` → quotation marks → quote candidates (direct,
indirect, mixed; :mod:`.filters` drops those that report nothing in any reading) →
attributed quotes with speaker entities → the quotes of a profile.

A hard-wrapped text (wire copy, e-mail: a newline every ~70 characters inside paragraphs)
is read with its wrapped lines joined (:func:`quoteattr.parsing.wrapping.unwrap`), whoever
parsed it; the quotes still index and quote the original text.
"""

from __future__ import annotations

from typing import Any

import attrs

from ..model import AttributedDocument, Span
from ..parsing.document import check_document
from ..parsing.tree import word_span
from ..parsing.wrapping import unwrap
from . import direct, filters, indirect, merge, resolve
from .layout import prose
from .profiles import DEFAULT_PROFILE, apply_profile, check_profile
from .quotations import find_quotations

__all__ = ["attribute"]


def attribute(
    doc: Any,
    id: str = "doc",
    *,
    source: str | None = None,
    date: str | None = None,
    nested: bool = False,
    profile: str = DEFAULT_PROFILE,
) -> AttributedDocument:
    """Find and attribute the quotes of an annotated stanza ``Document``.

    ``doc`` must carry tokenize, pos, lemma and depparse annotations (see
    :func:`quoteattr.parsing.document.check_document`).  An attribution reported inside another
    quote ("Aides said *the senator believes* the bill is dead") is part of that quote
    and not returned on its own unless ``nested`` is true.  ``profile`` says which
    attributions count as quotes (:mod:`quoteattr.attribution.profiles`: ``"attribution"``,
    every one; ``"speech"``, what people said or wrote).

    When ``doc.text`` is hard-wrapped, the stages read it with its wrapped lines joined, and
    the result indexes and quotes ``doc.text`` as given (``doc`` itself is left as it was).

    >>> import quoteattr
    >>> nlp = quoteattr.Pipeline()
    >>> text = ("The mayor said on Monday that the new ferry will run all\\n"
    ...         "winter, whatever the weather, and that the fares will not\\n"
    ...         "rise before the spring. Residents believe the crossing\\n"
    ...         "will be crowded, and the council wants a second boat.\\n")
    >>> doc = nlp.parse(text)
    >>> [q.content for q in attribute(doc, profile="speech").quotes]  # doctest: +NORMALIZE_WHITESPACE
    ['the new ferry will run all\\nwinter, whatever the weather, and that the fares will not\\nrise before the spring']
    >>> doc.text == text
    True
    """
    check_document(doc)
    check_profile(profile)
    text = doc.text
    flat = unwrap(text) if isinstance(text, str) else text
    if flat == text:
        found = _stages(doc, id, source, date, nested)
    else:
        doc.text = flat
        try:
            found = _on_text(_stages(doc, id, source, date, nested), text)
        finally:
            doc.text = text
    return apply_profile(found, profile)


def _stages(doc: Any, id: str, source: str | None, date: str | None, nested: bool) -> AttributedDocument:
    """The stages in order over ``doc`` as it reads."""
    parse = doc
    doc, quotations = prose(parse, find_quotations(parse.text))  # no quote from page furniture
    candidates = direct.direct_quotes(doc, quotations)
    reports = filters.drop_non_reports(doc, indirect.indirect_quotes(doc, quotations))  # no report in any reading
    sentences = [(word_span(s.words[0])[0], word_span(s.words[-1])[1]) for s in doc.sentences if s.words]
    candidates = merge.combine(candidates, reports, quotations, doc.text, sentences)
    candidates = merge.share_speakers(doc, candidates)
    if not nested:
        candidates = merge.drop_nested(candidates)
    quotes, entities = resolve.resolve(doc, candidates)
    quotes = merge.join_continued(doc.text, quotes, sentences)
    return AttributedDocument(
        id=id, text=doc.text, quotes=quotes, entities=entities, source=source, date=date, stanza_doc=parse
    )


def _on_text(doc: AttributedDocument, text: str) -> AttributedDocument:
    """``doc`` (found on a same-length form of ``text``) with ``text`` and every span's text sliced from it."""

    def span(s: Span | None) -> Span | None:
        return None if s is None else Span.of(text, s.start, s.end)

    quotes = [attrs.evolve(q, text=text[q.start : q.end], content_spans=tuple(map(span, q.content_spans)),
                           cue=span(q.cue), speaker=span(q.speaker)) for q in doc.quotes]
    entities = [attrs.evolve(e, mentions=tuple(map(span, e.mentions))) for e in doc.entities]
    return attrs.evolve(doc, text=text, quotes=quotes, entities=entities)
