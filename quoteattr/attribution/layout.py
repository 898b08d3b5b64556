"""The layout of the text: quotes given by it rather than by a cue word (a headline "Speaker:
what they said", the lines of a transcript "PENCE: Well, look, …"), and the lines of page
furniture that no quote comes from (:func:`prose`).

>>> from quoteattr.pipeline import get_pipeline
>>> doc = get_pipeline().parse("Mayor Ruiz: the bridge will reopen in May\\n\\nThe bridge closed in March.")
>>> [(c.speaker.text, c.content_spans[0].text) for c in layout_quotes(doc, [])]
[('Mayor Ruiz', 'the bridge will reopen in May')]
"""

from __future__ import annotations

import bisect
from typing import Any, Sequence

import attrs
import regex

from ..lexicon.clause_words import role_words
from ..model import Candidate, Span
from ..parsing.tree import word_span
from ..lexicon.marks import LINE_BREAK_CHARS, SENTENCE_ENDS, closing_marks, quote_marks
from ..lexicon.people import is_furniture
from ._clauses import has_role
from ._content import inside_quotation, trim_chars
from .quotations import LINE_BREAK, Quotation, Quotations, line_end

__all__ = ["Prose", "furniture_lines", "headline_quotes", "is_short_label", "layout_quotes", "prose", "transcript_quotes"]


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
    while end > start and text[end - 1] in SENTENCE_ENDS and text[end - 2 : end - 1] not in closing_marks():
        end -= 1
    if end <= start:
        return []
    spans = (Span.of(text, start, end),)
    kind = "mixed" if any(q.start >= start and q.end <= end + 1 for q in quotations if q.depth == 0) else "indirect"
    return [Candidate(kind, start, end, spans, cue, speaker, (si, head.id), si, "speech")]


#: A speaker label opening a transcript line: "TAPPER: …", "SEN. LINDSEY GRAHAM: …" (capitals),
#: or "Matthews: …" in a document where two lines or more open with a label.
_CAPS_LABEL = regex.compile(r"(?:^|(?<=[" + LINE_BREAK_CHARS + r"]))[ \t]*(\p{Lu}[\p{Lu}\p{M}.'’\- ]{1,38}\p{Lu}\.?)[ \t]*:[ \t]+(?=\S)")


_NAME_LABEL = regex.compile(r"(?:^|(?<=[" + LINE_BREAK_CHARS + r"]))[ \t]*(\p{Lu}[\p{L}.'’\-]*(?: \p{Lu}[\p{L}.'’\-]*){0,3})[ \t]*:[ \t]+(?=\S)")


#: A label of one or two capitals ("Q:", "A:", "JB:"): a turn label only in a transcript.
_SHORT_LABEL = regex.compile(r"^\p{Lu}{1,2}$")


def is_short_label(text: str) -> bool:
    """Whether ``text`` is a turn label of one or two capitals ("Q", "A").

    >>> is_short_label("Q"), is_short_label("A"), is_short_label("Ann")
    (True, True, False)
    """
    return bool(_SHORT_LABEL.match(text))


def _transcript_labels(text: str, quotations: Sequence[Quotation]) -> dict[int, Any]:
    """The label matches of a transcript's lines by the offset of their label (none when ``text``
    is no transcript).

    A label in capitals of three characters or more ("TAPPER:", "MR. OKAFOR:") opens a line of
    its own; mixed-case ("Matthews:") and short labels ("Q:", "A:") count only in a document where
    two lines or more open with a label. The first line is a headline (:func:`headline_quotes`)
    unless a label opens another line too: then it is the transcript's first turn.
    """
    first_line = line_end(text)
    if first_line < 0:
        return {}
    tags = role_words("headline-label")

    def usable(m: Any, letters: int) -> bool:
        label = m.group(1)
        return sum(ch.isalpha() for ch in label) >= letters \
            and not any(w.lower().strip(".") in tags for w in label.split()) \
            and not inside_quotation(m.start(1), quotations)

    found = {m.start(1): m for m in _CAPS_LABEL.finditer(text) if usable(m, 2)}
    mixed_case = {m.start(1): m for m in _NAME_LABEL.finditer(text)
                  if usable(m, 2) or is_short_label(m.group(1)) and usable(m, 1)}
    if len(found) + len(mixed_case.keys() - found.keys()) >= 2:  # a transcript: mixed-case labels too
        found.update({k: m for k, m in mixed_case.items() if k not in found})
    if not any(m.start() > first_line for m in found.values()):
        return {}
    if len(found) < 2 and not any(m.group(1).isupper() for m in found.values()):
        return {}
    return found


def transcript_quotes(text: str, doc: Any, quotations: Sequence[Quotation]) -> list[Candidate]:
    """Lines of a transcript: what follows a speaker's label at the start of a line is theirs,
    to the end of the line ("PENCE: Well, look, …", "Q: …", "MR. OKAFOR: …"); the label is the
    speaker (see :func:`_transcript_labels` for what counts as a transcript)."""
    found = _transcript_labels(text, quotations)
    if not found:
        return []
    words = [(i, w) for i, sent in enumerate(doc.sentences) for w in sent.words]
    starts = [word_span(w)[0] for _, w in words]  # in document order: a label's words by bisection
    out = []
    for start_label, m in sorted(found.items()):
        label = m.group(1)
        end_line = line_end(text, m.end())
        start, end = trim_chars(text, m.end(), len(text) if end_line < 0 else end_line)
        inside = words[bisect.bisect_left(starts, start_label) : bisect.bisect_left(starts, m.start(1) + len(label))]
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
    lines = transcript_quotes(doc.text, doc, quotations)
    first_line = line_end(doc.text)
    if any(c.start < first_line for c in lines):
        return lines  # the first line is a turn of the transcript, not a headline
    return headline_quotes(doc.text, doc, quotations) + lines


# --------------------------------------------------------------------------- page furniture


def furniture_lines(text: str) -> list[tuple[int, int]]:
    """Spans of the lines of page furniture (``data/page_furniture.tsv``: "READ MORE: …",
    "Advertisement"): no quote or speaker comes from them.

    >>> t = "The port reopened.\\nAdvertisement\\nShips docked."
    >>> [t[a:b] for a, b in furniture_lines(t)]
    ['Advertisement']
    """
    out = []
    pos = 0
    for brk in [*LINE_BREAK.finditer(text), None]:
        end = brk.start() if brk is not None else len(text)
        if is_furniture(text[pos:end]):
            out.append((pos, end))
        pos = brk.end() if brk is not None else pos
    return out


@attrs.frozen
class Prose:
    """A stanza document seen without its lines of page furniture: the same ``text`` (offsets
    unchanged), without the sentences that lie on such lines. Quote candidates are made from it,
    so a furniture line gives no quote, cue or speaker; ``document`` is the whole parse."""

    document: Any
    text: str
    sentences: list[Any]
    furniture: tuple[tuple[int, int], ...] = ()

    @property
    def coref(self) -> Any:
        return getattr(self.document, "coref", None)


def _on(lines: Sequence[tuple[int, int]], sentence: Any) -> bool:
    if not sentence.tokens:
        return False
    a, b = sentence.tokens[0].start_char, sentence.tokens[-1].end_char
    return any(x <= a and b <= y for x, y in lines)


def prose(doc: Any, quotations: Sequence[Quotation]) -> tuple[Any, Quotations]:
    """``doc`` without the sentences on lines of page furniture (a :class:`Prose`, or ``doc`` itself
    when it has none) and the ``quotations`` that do not start on such a line.

    >>> from quoteattr.pipeline import get_pipeline
    >>> from quoteattr.attribution.quotations import find_quotations
    >>> t = "READ MORE: \\u2018Strike\\u2019 blamed for delays: Mayor\\n\\nShips docked at dawn."
    >>> d = get_pipeline().parse(t)
    >>> view, quotations = prose(d, find_quotations(t))
    >>> [s.text for s in view.sentences], quotations
    (['Ships docked at dawn.'], [])
    """
    lines = furniture_lines(doc.text)
    if not lines:
        # a Quotations keeps its index, built once (a plain list would be indexed again at every lookup)
        return doc, quotations if isinstance(quotations, Quotations) else Quotations(quotations)
    sentences = [s for s in doc.sentences if not _on(lines, s)]
    kept = Quotations(q for q in quotations if not any(a <= q.start < b for a, b in lines))
    return Prose(doc, doc.text, sentences, tuple(lines)), kept
