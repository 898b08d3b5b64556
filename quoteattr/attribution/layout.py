"""Quotes given by the layout of the text rather than by a cue word: a headline "Speaker: what
they said" and the lines of a transcript ("PENCE: Well, look, …").

>>> from quoteattr.pipeline import get_pipeline
>>> doc = get_pipeline().parse("Mayor Ruiz: the bridge will reopen in May\\n\\nThe bridge closed in March.")
>>> [(c.speaker.text, c.content_spans[0].text) for c in layout_quotes(doc, [])]
[('Mayor Ruiz', 'the bridge will reopen in May')]
"""

from __future__ import annotations

from typing import Any, Sequence

import regex

from ..lexicon.clause_words import role_words
from ..model import Candidate, Span
from ..parsing.tree import word_span
from ..lexicon.marks import closing_marks, quote_marks
from ._clauses import has_role
from ._content import inside_quotation, trim_chars
from .quotations import Quotation, line_end

__all__ = ["headline_quotes", "layout_quotes", "transcript_quotes"]


def headline_quotes(text: str, doc: Any, quotations: Sequence[Quotation]) -> list[Candidate]:
    """A headline in the form "Speaker: what they said" (the document's first line).

    The part before the colon must be a short noun phrase (no verb, capitalised,
    not a label such as "Update" or "Watch" from ``clause_words.tsv``), the part
    after it at least three words; the colon is the cue.
    """
    first_end = line_end(text)
    if first_end < 0:
        return []
    words = [(i, w) for i, sent in enumerate(doc.sentences) for w in sent.words
             if word_span(w)[1] <= first_end]
    colon = next((k for k, (_, w) in enumerate(words) if w.text == ":"), None)
    if colon is None or not 1 <= colon <= 6:
        return []
    before = [w for _, w in words[:colon]]
    after = [w for _, w in words[colon + 1 :] if w.upos != "PUNCT"]
    if len(after) < 3 or not before[0].text[:1].isupper():
        return []
    if any(w.upos in ("VERB", "AUX", "ADP", "SCONJ") or w.text in quote_marks() or w.text in ",;?!" for w in before):
        return []
    if any(has_role(w, "headline-label") for w in before) or inside_quotation(word_span(before[0])[0], quotations):
        return []
    nouns = [w for w in before if w.upos in ("NOUN", "PROPN", "PRON")]
    if not nouns:
        return []
    ids = {w.id for w in before}
    heads = [w for w in nouns if w.head not in ids] or nouns
    head = heads[-1]
    si = words[colon][0]
    if any(i != si for i, _ in words[:colon]):
        return []
    speaker = Span.of(text, word_span(before[0])[0], word_span(before[-1])[1])
    cue = Span.of(text, *word_span(words[colon][1]))
    start, end = trim_chars(text, cue.end, first_end)
    while end > start and text[end - 1] in ".!?" and text[end - 2 : end - 1] not in closing_marks():
        end -= 1
    if end <= start:
        return []
    spans = (Span.of(text, start, end),)
    kind = "mixed" if any(q.start >= start and q.end <= end + 1 for q in quotations if q.depth == 0) else "indirect"
    return [Candidate(kind, start, end, spans, cue, speaker, (si, head.id), si, "speech")]


#: A speaker label opening a transcript line: "TAPPER: …", "SEN. LINDSEY GRAHAM: …" (capitals),
#: or "Matthews: …" in a document where two lines or more open with a label.
_CAPS_LABEL = regex.compile(r"(?:^|(?<=[\n\r\u2028\u2029\u0085]))[ \t]*(\p{Lu}[\p{Lu}\p{M}.'’\- ]{1,38}\p{Lu}\.?)[ \t]*:[ \t]+(?=\S)")


_NAME_LABEL = regex.compile(r"(?:^|(?<=[\n\r\u2028\u2029\u0085]))[ \t]*(\p{Lu}[\p{L}.'’\-]*(?: \p{Lu}[\p{L}.'’\-]*){0,3})[ \t]*:[ \t]+(?=\S)")


def transcript_quotes(text: str, doc: Any, quotations: Sequence[Quotation]) -> list[Candidate]:
    """Lines of a transcript: what follows a speaker's label at the start of a line is theirs,
    to the end of the line ("PENCE: Well, look, …"). The document's first line is a headline
    (see :func:`headline_quotes`)."""
    first_line = line_end(text)
    if first_line < 0:
        return []
    tags = role_words("headline-label")

    def usable(m: Any) -> bool:
        label = m.group(1)
        return m.start() > first_line and sum(ch.isalpha() for ch in label) >= 2 \
            and not any(w.lower().strip(".") in tags for w in label.split()) \
            and not inside_quotation(m.start(1), quotations)

    found = {m.start(1): m for m in _CAPS_LABEL.finditer(text) if usable(m)}
    mixed_case = {m.start(1): m for m in _NAME_LABEL.finditer(text) if usable(m)}
    if len(found) + len(mixed_case.keys() - found.keys()) >= 2:  # a transcript: mixed-case labels too
        found.update({k: m for k, m in mixed_case.items() if k not in found})
    if len(found) < 2 and not any(m.group(1).isupper() for m in found.values()):
        return []
    words = [(i, w) for i, sent in enumerate(doc.sentences) for w in sent.words]
    out = []
    for start_label, m in sorted(found.items()):
        label = m.group(1)
        end_line = line_end(text, m.end())
        start, end = trim_chars(text, m.end(), len(text) if end_line < 0 else end_line)
        inside = [(i, w) for i, w in words if start_label <= word_span(w)[0] < m.start(1) + len(label)]
        names = [(i, w) for i, w in inside if w.upos in ("PROPN", "NOUN", "X")] or inside
        if end - start < 2 or not names:
            continue
        si, head = names[-1]
        spans = (Span.of(text, start, end),)
        colon = text.index(":", m.start(1) + len(label))
        kind = "mixed" if any(q.start >= start and q.end <= end + 1 for q in quotations if q.depth == 0) else "indirect"
        out.append(Candidate(kind, start, end, spans, Span.of(text, colon, colon + 1),
                             Span.of(text, start_label, start_label + len(label)), (si, head.id), si, "speech"))
    return out


def layout_quotes(doc: Any, quotations: Sequence[Quotation]) -> list[Candidate]:
    """The headline quote and the transcript lines of a parsed document (see
    :func:`headline_quotes` and :func:`transcript_quotes`)."""
    return headline_quotes(doc.text, doc, quotations) + transcript_quotes(doc.text, doc, quotations)
