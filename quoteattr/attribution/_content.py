"""Building a quote candidate from the words a rule found: the content as character spans
trimmed of edge punctuation and stretched over quotations it cuts, the cue and speaker spans.
"""

from __future__ import annotations

from typing import Any, Sequence

from ..model import Candidate, Span
from ..parsing.tree import Tree, word_span
from ..lexicon.marks import closing_marks, opening_marks, quote_marks
from ..lexicon.cues import PRONOUN_OBJECT_CLASSES
from ._clauses import RELATIVE_TAGS, has_role, without_trailing_asides
from .quotations import Quotation, has_line_break, quotation_index
from .speakers import mention_span

__all__ = [
    "MIN_CONTENT_WORDS", "content_spans", "cue_span", "inside_quotation", "make_candidate", "speaker_span", "trim_chars",
]

#: Shortest content (in words) worth reporting: "X said so" is not a quote.
MIN_CONTENT_WORDS = 2


def content_spans(text: str, s: Tree, ids: set[int]) -> tuple[Span, ...]:
    """Contiguous runs of the words ``ids`` as spans, trimmed of edge punctuation."""
    runs: list[list[Any]] = []
    prev = None
    for w in s.words:
        if w.id not in ids:
            prev = None
            continue
        if prev is None:
            runs.append([])
        runs[-1].append(w)
        prev = w.id
    out = []
    for k, run in enumerate(runs):
        run = _trim_run(run, first=k == 0)
        if not run:
            continue
        start, end = word_span(run[0])[0], word_span(run[-1])[1]
        start, end = trim_chars(text, start, end)
        if end > start:
            out.append(Span.of(text, start, end))
    return tuple(out)


def _balanced_mark(run: list[Any], i: int) -> bool:
    """Whether the quotation mark ``run[i]`` has its partner inside ``run``."""
    mark = run[i].text
    others = [w.text for j, w in enumerate(run) if j != i and w.text in quote_marks()]
    if mark in ('"', "'"):
        return mark in others
    return bool(others)


def _trim_run(run: list[Any], first: bool = True) -> list[Any]:
    while run and (run[0].upos == "PUNCT" or has_role(run[0], "complementizer") and run[0].deprel == "mark"
                   and not has_role(run[0], "kept-mark") or first and _preposition_of_question(run)):
        if run[0].text in opening_marks() and _balanced_mark(run, 0):
            break
        run = run[1:]
    while run and run[-1].upos == "PUNCT":
        if run[-1].text in closing_marks() and _balanced_mark(run, len(run) - 1):
            break
        run = run[:-1]
    return run


def _preposition_of_question(run: list[Any]) -> bool:
    """Whether ``run`` (the first of a content) opens with the preposition of an embedded
    question, which belongs to the cue: "questions [about] whether S", "spoke [of] how S" (a later
    run keeps it: "a model, he said, [for] how S")."""
    return len(run) > 1 and run[0].upos == "ADP" and run[0].deprel in ("case", "mark") and (
        has_role(run[1], "question") or has_role(run[1], "kept-mark"))


def trim_chars(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-"):
        end -= 1
    return start, end


def speaker_span(text: str, s: Tree, head: Any | None, clip: tuple[int, int] | None = None) -> Span | None:
    """The speaker mention around word ``head`` (kept inside ``clip``), or ``None``."""
    if head is None:
        return None
    start, end = mention_span(s, head.id)
    if clip is not None:
        start, end = max(start, clip[0]), min(end, clip[1])
        if end <= start:
            start, end = word_span(head)
    return Span.of(text, start, end)


def cue_span(text: str, s: Tree, w: Any) -> Span:
    """The span of cue word ``w`` with a particle right after it ("lashed [out]")."""
    start, end = word_span(w)
    for c in s.children(w.id, "compound:prt"):
        if c.id == w.id + 1:
            end = word_span(c)[1]
    return Span.of(text, start, end)


def inside_quotation(offset: int, quotations: Sequence[Quotation]) -> bool:
    """Whether ``offset`` lies inside one of ``quotations`` (after its opening mark's start, before its end)."""
    return quotation_index(quotations).holds(offset)


def make_candidate(text: str, s: Tree, ids: set[int], cue: Span, speaker: Span | None,
          head: Any | None, quotations: Sequence[Quotation], cue_class: str | None = None,
          frame: str | None = None, negated: bool = False) -> Candidate | None:
    """The candidate reporting words ``ids`` of sentence ``s`` (``None`` when too short or when it
    overlaps its speaker): ``mixed`` when a top-level quotation overlaps it, else ``indirect``."""
    ids = _without_time_after_cue(text, s, without_trailing_asides(s, ids), cue)
    if frame not in _OTHER_LINE_FRAMES:
        ids = _within_cue_line(text, s, ids, cue)
    words = [w for w in s.words if w.id in ids and w.upos != "PUNCT"]
    if len(words) < MIN_CONTENT_WORDS and not (len(words) == 1 and _word_enough(words[0], cue_class, frame)):
        return None
    spans = content_spans(text, s, ids)
    if not spans:
        return None
    spans = _cover_quotations(text, s, spans, quotations)
    start, end = spans[0].start, spans[-1].end
    if speaker is not None and any(sp.overlap(speaker) for sp in spans):
        return None
    kind = "mixed" if quotation_index(quotations).top_overlaps(start, end) else "indirect"
    return Candidate(kind, start, end, spans, cue, speaker, (s.index, head.id) if head is not None else None, s.index,
                     cue_class, frame, negated)


#: Contents not read by a frame (a colon's quotation), which may run over lines.
_OTHER_LINE_FRAMES = (None,)


def _within_cue_line(text: str, s: Tree, ids: set[int], cue: Span) -> set[int]:
    """``ids`` on the cue's own line, between the line breaks around the cue that start a line of
    their own: a headline's content does not run on into the subhead or the paragraph after it
    ("Mayor calls [levy unfair]; \nCouncil hits back"), nor does a clause before
    a cue reach back into the line before ('“Let me talk.”\n[“Quiet,”] he demanded'). A break
    counts when the line before it ends in punctuation or the next one opens with a capital or a
    quotation mark; after the cue, a quotation opening the next line goes on with the content
    ('quoted Ann Lee:\n“S”'). A wrapped line ("from\nentering") is no break."""
    lo, hi = 0, len(s.words) + 1
    prev = None
    for w in s.words:
        if prev is not None:
            gap = text[word_span(prev)[1] : word_span(w)[0]]
            if has_line_break(gap) and (w.text[:1].isupper() or w.text in opening_marks()
                                        or prev.upos == "PUNCT" or gap.strip()):
                if word_span(w)[0] <= cue.start:
                    lo = w.id
                elif w.text not in opening_marks() and hi > w.id:
                    hi = w.id
        prev = w
    return {y for y in ids if lo <= y < hi}


#: Tags of a personal pronoun (him, her, them, it).
_PERSONAL_TAGS = ("PRP",)


def _word_enough(word: Any, cue_class: str | None, frame: str | None) -> bool:
    """Whether one word is content enough: a name for any cue ("has endorsed [Trump]"), a relative
    pronoun for the noun it stands for ("the plan, [which] she opposed"), and a personal pronoun as
    the object of a stance ("has endorsed [him]", "opposed [it]"), and a word standing for a clause
    said before ("thinks [so]")."""
    if word.upos == "PROPN" or has_role(word, "relative") and word.xpos in RELATIVE_TAGS \
            or has_role(word, "clause-anaphor"):
        return True
    return frame == "obj" and cue_class in PRONOUN_OBJECT_CLASSES and word.xpos in _PERSONAL_TAGS


def _without_time_after_cue(text: str, s: Tree, ids: set[int], cue: Span) -> set[int]:
    """``ids`` without the time words that open them right after the cue, when of the report and
    not the subject of the clause: "said [Thursday] that S", "a poll released [Sunday] showed
    Y"; "said Saturday would be a holiday" and "praised Friday's vote" keep theirs."""
    lead = []
    for w in s.words:
        if w.id not in ids or w.upos == "PUNCT":
            continue
        if not has_role(w, "time"):
            break
        lead.append(w)
    if not lead or text[cue.end : word_span(lead[0])[0]].strip():
        return ids
    after = lead[-1].id + 1
    if after <= len(s.words) and (s.word(after).upos in ("AUX", "VERB") or s.word(after).deprel == "case"):
        return ids  # (nor "praised [Friday]'s vote": a possessive)
    return ids - {w.id for w in lead}


def _cover_quotations(text: str, s: Tree, spans: tuple[Span, ...], quotations: Sequence[Quotation]) -> tuple[Span, ...]:
    """Stretch the content's edges over quotations it cuts in the middle (same sentence only)."""
    s0 = word_span(s.words[0])[0]
    s1 = word_span(s.words[-1])[1] + 1
    first, last = spans[0], spans[-1]
    # only quotations from min(sentence start, content start) on can touch the content, in order of
    # start; past max(sentence end, the content's ends) none can any more (first only moves left,
    # last only right)
    ix = quotation_index(quotations)
    for q in ix.ordered[ix.from_start(min(s0, first.start)):]:
        if q.start >= s1 and q.start >= first.start and q.start >= last.end:
            break
        if q.depth:
            continue
        if q.start < first.start < q.end and q.start >= s0 and q.end <= last.end:
            first = Span.of(text, q.start, first.end if first is not last else last.end)
        # a quotation the content ends in may run on over the next sentences of the paragraph
        # ('said that “ethanol people” “do a fantastic job. And it’s so important.”')
        runs_on = q.end <= s1 or not has_line_break(text[s1 : q.end])
        if q.start < last.end < q.end and runs_on and q.start >= first.start:
            last = Span.of(text, last.start if first is not last else first.start, q.end)
        elif last.end <= q.start and not text[last.end : q.start].strip() and q.end <= s1:
            last = Span.of(text, last.start if first is not last else first.start, q.end)  # to make Apple “…”
    if len(spans) == 1:
        return (Span.of(text, min(first.start, last.start), max(first.end, last.end)),)
    return (first, *spans[1:-1], last)
