"""Direct quotations: quoted text with the cue and speaker next to it.

FIRST VERSION — to be deepened (interrupted quotes, floating quotes, frames).
"""

from __future__ import annotations

from typing import Any, Sequence

from .cues import word_cue
from .marks import Quotation
from .model import Candidate, Span
from .parse import word_span
from .speakers import mention_span


def direct_quotes(doc: Any, quotations: Sequence[Quotation]) -> list[Candidate]:
    """Direct quote candidates: one per top-level quotation."""
    text = doc.text
    out = []
    for q in quotations:
        if q.depth:
            continue
        cue = speaker = head = None
        sent_index = None
        for i, sent in enumerate(doc.sentences):
            s0, s1 = sent.tokens[0].start_char, sent.tokens[-1].end_char
            if s1 <= q.start or s0 >= q.end:
                continue
            sent_index = i if sent_index is None else sent_index
            for w in sent.words:
                ws, we = word_span(w)
                if q.start <= ws < q.end:
                    continue
                if word_cue(w) is not None:
                    subj = [c for c in sent.words if c.head == w.id and c.deprel in ("nsubj", "nsubj:pass")]
                    cue = Span.of(text, ws, we)
                    if subj:
                        ms, me = mention_span(sent, subj[0].id)
                        speaker, head = Span.of(text, ms, me), (i, subj[0].id)
                    break
            if cue:
                break
        out.append(Candidate("direct", q.start, q.end, q.content_spans, cue, speaker, head, sent_index))
    return out
