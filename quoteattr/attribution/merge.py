"""Merging the candidates of the direct and indirect stages into one list of quotes.

:func:`combine` applies named policies in order (reports cut at other quotes' cues, repeated
and backward readings dropped, quoted fragments folded into the report that holds them, scare
quotes dropped); :func:`drop_nested` drops attributions reported inside another quote;
:func:`share_speakers` gives a speakerless cue the speaker of the cue it hangs on;
:func:`join_continued` joins a resolved quote carried on in the next paragraph to the one before.
"""

from __future__ import annotations

import bisect
import heapq
from typing import Any, Callable, Sequence

import attrs
import regex

from ..lexicon.clause_words import role_words
from ..lexicon.cues import PREPOSITION_FRAMES, guessed_cue, lookup
from ..lexicon.people import pronouns
from ..lexicon.marks import CLAUSE_ENDS, LINE_BREAK_CHARS, SENTENCE_ENDS, closing_marks, opening_marks, quote_marks
from ..model import Candidate, Quote, Span
from ._content import trim_chars
from ._spans import SpanIndex
from .direct import title_case
from .quotations import Quotation, has_line_break, line_end, opens_lower

__all__ = ["FRAGMENT_WORDS", "combine", "drop_nested", "join_continued", "share_speakers"]


#: A quotation of at most this many words, without closing punctuation, is a fragment, not a quote.
FRAGMENT_WORDS = 3


def _fragment(c: Candidate) -> bool:
    """Whether direct candidate ``c`` is a short quoted phrase rather than a quoted utterance.

    >>> t = 'the “miracle cure” sold'
    >>> _fragment(Candidate("direct", 4, 18, [Span.of(t, 5, 17)]))
    True
    """
    said = " ".join(s.text for s in c.content_spans).strip()
    if not said or said[-1] in SENTENCE_ENDS | CLAUSE_ENDS or len(c.content_spans) > 1:
        return False
    return len(said.split()) <= FRAGMENT_WORDS


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def drop_nested(candidates: Sequence[Candidate]) -> list[Candidate]:
    """``candidates`` without the attributions nested in what another one reports: in
    "Aides said [the senator believes the bill is dead]" the belief is part of what the aides
    said, not a second quote. Each candidate whose cue lies inside the content of a candidate
    kept is dropped, outermost first; direct quotes are always kept.

    >>> from quoteattr.model import Candidate, Span
    >>> t = "Aides said the senator believes the bill is dead."
    >>> outer = Candidate("indirect", 11, 48, [Span.of(t, 11, 48)], cue=Span.of(t, 6, 10))
    >>> inner = Candidate("indirect", 32, 48, [Span.of(t, 32, 48)], cue=Span.of(t, 23, 31))
    >>> [c.cue.text for c in drop_nested([outer, inner])]
    ['said']
    """
    holders = _holders(candidates)
    kept = {id(c) for c in candidates if c.kind == "direct"}
    # outermost first: a candidate held by no other goes first, then what those do not hold
    for n in sorted(range(len(candidates)), key=lambda n: len(holders[n])):
        c = candidates[n]
        if id(c) not in kept and not holders[n] & kept:
            kept.add(id(c))
    return [c for c in candidates if id(c) in kept]


def _holders(candidates: Sequence[Candidate]) -> list[set[int]]:
    """For each candidate, the ids of the other candidates whose content holds its cue's start
    (``span.start <= cue.start < span.end``): one sweep over the content spans in order of start,
    so the cost grows with the candidates and how deeply their contents nest, not their square."""
    spans = sorted((sp.start, sp.end, id(o)) for o in candidates for sp in o.content_spans)
    queries = sorted((c.cue.start, n) for n, c in enumerate(candidates) if c.cue is not None)
    out: list[set[int]] = [set() for _ in candidates]
    active: dict[int, int] = {}  # owner id -> number of its spans holding the sweep position
    ending: list[tuple[int, int]] = []  # (end, owner id) of the spans entered
    k = 0
    for at, n in queries:
        while k < len(spans) and spans[k][0] <= at:
            _, end, owner = spans[k]
            heapq.heappush(ending, (end, owner))
            active[owner] = active.get(owner, 0) + 1
            k += 1
        while ending and ending[0][0] <= at:
            _, owner = heapq.heappop(ending)
            active[owner] -= 1
            if not active[owner]:
                del active[owner]
        out[n] = {o for o in active if o != id(candidates[n])}
    return out


@attrs.frozen
class _Merge:
    """The candidates while the policies of :func:`combine` run: the direct quotes, the reports
    (indirect and mixed), and the reports that lie inside a direct quote's words, each with the
    index of that quote (the quote takes their cue and speaker when it lacks them)."""

    directs: tuple[Candidate, ...]
    reports: tuple[Candidate, ...]
    text: str | None = None
    lent: tuple[tuple[int, Candidate], ...] = ()
    sentences: tuple[tuple[int, int], ...] = ()
    folded: frozenset[int] = frozenset()


class _Directs:
    """The direct quotes of a :class:`_Merge` by start offset (a :class:`SpanIndex`) and by cue, so
    that a report is compared only with the quotes near it or of its cue, never with every quote."""

    def __init__(self, directs: Sequence[Candidate]) -> None:
        self.directs = directs
        self.spans = SpanIndex([(d.start, d.end) for d in directs])
        self.by_cue: dict[Span, list[int]] = {}
        for k, d in enumerate(directs):
            if d.cue is not None:
                self.by_cue.setdefault(d.cue, []).append(k)

    def overlapping(self, start: int, end: int) -> list[int]:
        """The quotes with ``d.start < end`` and ``d.end > start``."""
        return self.spans.overlapping(start, end)

    def holding(self, start: int, end: int) -> list[int]:
        """The quotes with ``d.start <= start`` and ``end <= d.end``."""
        return self.spans.holding(start, end)

    def of_cue(self, cue: Span | None) -> list[Candidate]:
        """The quotes whose cue is ``cue``."""
        return [self.directs[k] for k in self.by_cue.get(cue, ())] if cue is not None else []


def _cut_at_other_cues(m: _Merge) -> _Merge:
    """A report stops where another quote's cue starts inside it (``X accused Y of Z, calling it
    "…"``: the participle starts a quote of its own); a report left empty goes."""
    cues = sorted((c.cue for c in (*m.directs, *m.reports) if c.cue is not None), key=lambda c: c.start)
    cut = (_cut_at_cues(c, cues) for c in m.reports)
    return attrs.evolve(m, reports=tuple(c for c in cut if c is not None))


def _quote_attribution_at_end(text: str, c: Candidate, d: Candidate) -> int | None:
    """Where the attribution of direct quote ``d`` starts when report ``c``'s content ends with it
    (its cue and speaker, and nothing after them: 'according to [“…,” Lee said]', 'asked if S,
    [he laughed and said]'), else ``None``."""
    if d.cue is None or d.speaker is None or not c.content_spans:
        return None
    last = c.content_spans[-1]
    if not (c.start <= d.speaker.start and d.speaker.end <= last.end and last.start <= d.cue.start and d.cue.end <= last.end):
        return None
    if _letters(text[max(d.cue.end, d.speaker.end) : last.end]):
        return None
    return min(d.cue.start, d.speaker.start)


def _opens_inside(c: Candidate, d: Candidate) -> bool:
    """Whether report ``c`` opens inside the quoted words of direct quote ``d``."""
    return bool(c.content_spans) and any(sp.start <= c.content_spans[0].start < sp.end for sp in d.content_spans)


def _cut_at_quote_attributions(m: _Merge) -> _Merge:
    """A report that runs on into the attribution of a direct quote (see
    :func:`_quote_attribution_at_end`) stops before it ('asked [if S], he laughed and said'); a
    report left with less than two words goes ('according to [Lee said]', 'said [when] he
    blogged')."""
    text = m.text
    if text is None:
        return m
    directs = [d for d in m.directs if d.cue is not None and d.speaker is not None]
    if not directs:
        return m
    reports = []
    for c in m.reports:
        at = min((a for d in directs if (c.kind == "indirect" or _opens_inside(c, d)) and c.start < d.cue.end and d.cue.start < c.end
                  for a in (_quote_attribution_at_end(text, c, d),) if a is not None), default=None)
        if at is not None:
            c = _cut_at_cues(c, [Span(at, at, "")], own=False) if at > c.content_spans[0].start else None
            if c is None or sum(len(_WORD.findall(sp.text)) for sp in c.content_spans) < 2:
                continue
        reports.append(c)
    return attrs.evolve(m, reports=tuple(reports))


def _drop_repeated_quotes(m: _Merge) -> _Merge:
    """A report that runs into a direct quote of the same cue (not one holding it as a
    fragment) is that quote seen again."""
    directs = _Directs(m.directs)
    return attrs.evolve(m, reports=tuple(
        c for c in m.reports
        if not any(d.start < c.end and c.start < d.end and not _holds(c, d) for d in directs.of_cue(c.cue))
    ))


def _drop_backward_reads(m: _Merge) -> _Merge:
    """A report whose speaker lies inside a direct quote of the same cue is that quote read
    backwards ('"The lack of X is deplorable," said Ann Lee': "lack" is no speaker)."""
    directs = _Directs(m.directs)
    return attrs.evolve(m, reports=tuple(
        c for c in m.reports
        if c.speaker is None or not any(
            any(sp.overlap(c.speaker) for sp in d.content_spans) for d in directs.of_cue(c.cue))
    ))


def _names_cue(words: str) -> bool:
    """Whether ``words`` hold a form of a verb of the cue lexicon ("adding", "noted")."""
    return any(lookup(w) is not None or guessed_cue(w) is not None
               for w in (m.group().lower() for m in _WORD.finditer(words)))


def _opens_other_words(gap: str) -> bool:
    """Whether the words ``gap`` between a cue and what follows it hold a complementizer or
    another cue ('said, [that] S', 'said, [adding] that S'): what follows is reported, not part
    of the attribution."""
    return any(w.group().lower() in role_words("complementizer") for w in _WORD.finditer(gap)) or _names_cue(gap)


def _after_own_quote(m: _Merge, c: Candidate, directs: "_Directs") -> bool:
    """Whether report ``c`` reads words after a cue that follows, in the same paragraph, the
    direct quote it attributes ('“…,” he said [as the crowd roared]', '“…,” she told [2,000
    people gathered at the hall]', '“…,” Lee said, [clutching the lectern]'): the quotation is
    what the cue reports; the words after it are when, where, to whom or how it was said. Not
    so when a complementizer or another cue stands between ('“…,” he said, [that] S', '“…,” she
    said, [adding] that S')."""
    cue, text = c.cue, m.text
    if cue is None or text is None or c.start < cue.end:
        return False
    if _opens_other_words(text[cue.end : c.start]):
        return False
    return any(d.content_spans and d.content_spans[-1].end <= cue.start
               and not has_line_break(text[d.content_spans[-1].end : cue.start]) for d in directs.of_cue(cue))


#: The last word before an offset (or a possessive 's).
_LAST_WORD = regex.compile(r"(\w+|['\u2019]s)\s*$")


def _in_noun_phrase(text: str, start: int) -> bool:
    """Whether the quotation opening at ``start`` follows an article, a determiner or a
    possessive (the ``noun-lead`` words: 'the “…” loophole', 'NBC's “…”'): it names or
    qualifies something, as a noun or a modifier inside a noun phrase."""
    before = _LAST_WORD.search(text[max(0, start - 30) : start])
    if before is None or before.group(1).lower() not in role_words("noun-lead"):
        return False
    # a possessive 's after a name ('NBC's'), not the clitic of 'he's', 'that's'
    owner = _LAST_WORD.search(text[max(0, start - 60) : start - len(before.group(0))])
    return before.group(1)[0].isalpha() or (owner is not None and owner.group(1)[0].isupper())


def _named_in_noun_phrase(text: str, d: Candidate, cue: Span) -> bool:
    """Whether direct quote ``d`` after its ``cue`` is a quotation inside a noun phrase of the
    attribution (see :func:`_in_noun_phrase`) with nothing reported between ('“…,” he told NBC's
    “Today”', '“…,” said Ann Lee, who waited in an “endless line”'): capitalised, or after the
    speaker of an inverted attribution; a lower-case one right after the cue's words may continue
    the clause they begin ('said, introducing Lee as a “great leader”', see
    :func:`_quotes_opening_reports`)."""
    if not _in_noun_phrase(text, d.start) or _opens_other_words(text[cue.end : d.start]):
        return False
    return not opens_lower(d.content_spans) or d.speaker is not None and cue.end <= d.speaker.start < d.start


def _named_in_attribution(m: _Merge, d: Candidate, directs: "_Directs") -> bool:
    """Whether direct quote ``d`` is a title-cased quotation after the cue of another quote of
    that cue before it in the paragraph ('“…,” Lee told NBC's [“Morning Tide”]', '“…,” she said
    on [“Fox News Sunday.”]'): a show or a title the attribution names, not more words of the
    speaker (a short quotation there may be: '“…,” he said of “how the system is rigged”')."""
    cue, text = d.cue, m.text
    if cue is None or text is None or d.start < cue.end or not d.content_spans:
        return False
    if not title_case([d]) and not _named_in_noun_phrase(text, d, cue):
        return False
    return any(o is not d and o.content_spans and o.content_spans[0].end <= cue.start
               and not has_line_break(text[o.content_spans[0].end : d.start]) for o in directs.of_cue(cue))


def _drop_reports_after_own_quotes(m: _Merge) -> _Merge:
    """A report read after the cue of the direct quote before it is no report (see
    :func:`_after_own_quote`), nor a title-cased quotation there (see
    :func:`_named_in_attribution`)."""
    directs = _Directs(m.directs)
    return attrs.evolve(m, reports=tuple(c for c in m.reports if not _after_own_quote(m, c, directs)),
                        directs=tuple(d for d in m.directs if not _named_in_attribution(m, d, directs)))


#: Frames whose content is a clause: before a colon and a quotation of its cue, the quotation goes
#: on with it ('observed [that S]: “…”').
_CLAUSE_FRAMES = frozenset({"ccomp", "parataxis"})


def _colon_quote(m: _Merge, c: Candidate, directs: "_Directs") -> Candidate | None:
    """The direct quote of report ``c``'s cue that a colon right after ``c`` introduces ('called
    [them on it]: “…”', 'said [that S]: “…”'), or ``None``."""
    text = m.text
    if text is None or c.cue is None or not c.content_spans or c.cue.start > c.start:
        return None
    for d in directs.of_cue(c.cue):
        if d.speaker is None and c.speaker is None or d.speaker is not None and c.start <= d.speaker.start < c.end:
            continue  # 'Asked [whether S, Ann shot back]: “…”': the report ran over the quote's attribution
        if d.content_spans and d.start >= c.end:
            gap = text[c.content_spans[-1].end : d.content_spans[0].start]
            rest = "".join(ch for ch in gap if not ch.isspace() and ch not in quote_marks())
            if rest == ":":
                return d
    return None


def _said_to_or_about(c: Candidate) -> bool:
    """Whether report ``c`` is whom or what its cue was said to or about: a prepositional frame
    ('said [about the plan]') or an object that opens with a personal or reflexive pronoun
    ('called [them on it]', 'explained [it this way]', 'describes [itself] as follows')."""
    if c.frame in PREPOSITION_FRAMES:
        return True
    first = _WORD.match(c.content_spans[0].text) if c.content_spans else None
    word = first.group().lower() if first is not None else ""
    return c.frame == "obj" and (word in pronouns() or word in role_words("reflexive"))


def _give_way_to_colon_quotes(m: _Merge) -> _Merge:
    """A report whose cue goes on, after a colon, to a direct quote (see :func:`_colon_quote`)
    gives way to it: whom or what it was said to or about (see :func:`_said_to_or_about`) is no
    content, the quotation is what was said, and the report goes; a reported clause begins what
    the quotation goes on with ('observed [that S]: “…”'), and the quote takes it as its first
    piece (a mixed quote). An object noun phrase stays a report of its own ('listed [the
    qualities a nominee needs]: “…”')."""
    directs = _Directs(m.directs)
    taken: set[int] = set()
    reports = []
    for c in m.reports:
        d = _colon_quote(m, c, directs) if c.kind == "indirect" else None
        if d is None or c.frame not in _CLAUSE_FRAMES and not _said_to_or_about(c):
            reports.append(c)
        elif c.frame in _CLAUSE_FRAMES and id(d) not in taken:
            taken.add(id(d))
            reports.append(attrs.evolve(_joined(m.text, [c, d]), kind="mixed"))
    return attrs.evolve(m, reports=tuple(reports), directs=tuple(d for d in m.directs if id(d) not in taken))


def _coordinated(text: str, a: Candidate, b: Candidate) -> bool:
    """Whether direct quotes ``a`` and ``b`` of one cue, both after it, are joined by a
    coordinator and nothing else ('chanting “We are here” and “Go home”', 'telling them, “…,”
    and, “…”')."""
    if a.cue is None or a.cue != b.cue or not a.content_spans or not b.content_spans \
            or a.content_spans[0].start < a.cue.end or b.start < a.end:
        return False
    gap = text[a.content_spans[-1].end : b.content_spans[0].start]
    words = _WORD.findall(gap)
    rest = "".join(ch for ch in _WORD.sub("", gap) if not ch.isspace() and ch not in quote_marks())
    return len(words) == 1 and words[0].lower() in role_words("coordinator") and rest in ("", ",", ",,")


def _join_coordinated_quotes(m: _Merge) -> _Merge:
    """Direct quotes of one cue joined by a coordinator after it are one quote of several pieces
    (see :func:`_coordinated`), as gold takes them: what was chanted, shouted or said in turn."""
    text = m.text
    if text is None or len(m.directs) < 2:
        return m
    out: list[Candidate] = []
    for d in m.directs:
        if out and _coordinated(text, out[-1], d):
            prev = out[-1]
            out[-1] = attrs.evolve(prev, end=d.end, content_spans=(*prev.content_spans, *d.content_spans))
            continue
        out.append(d)
    return m if len(out) == len(m.directs) else attrs.evolve(m, directs=tuple(out))


def _covering_quote(m: _Merge, cand: Candidate, directs: "_Directs") -> int | None:
    """The first direct quote whose quoted words hold report ``cand`` (not merely the gap between
    two of its pieces: '"…," Mr. Hedge said, referring to the resorts. "…"' is a report of its own)."""
    return next((k for k in directs.holding(cand.start, cand.end) for d in (m.directs[k],)
                 if not any(a.end <= cand.start and cand.end <= b.start
                             for a, b in zip(d.content_spans, d.content_spans[1:]))), None)


def _lend_to_covering_quotes(m: _Merge) -> _Merge:
    """A report inside a direct quote's words is no quote of its own; the quote may take its cue
    and speaker (see :func:`_inherit`)."""
    lent, reports = [], []
    directs = _Directs(m.directs)
    for cand in m.reports:
        k = _covering_quote(m, cand, directs)
        if k is None:
            reports.append(cand)
        else:
            lent.append((k, cand))
    return attrs.evolve(m, reports=tuple(reports), lent=tuple(lent))


def _fold(m: _Merge, cand: Candidate, directs: "_Directs") -> tuple[Candidate, list[int]]:
    """Report ``cand`` with the quoted fragments it holds, and their indices."""
    inside = []
    for k in directs.overlapping(cand.start, cand.end):
        d = m.directs[k]
        ov = _overlap((cand.start, cand.end), (d.start, d.end))
        if ov and (ov >= 0.5 * (d.end - d.start) or _holds(cand, d)):
            inside.append(k)
    # quoted fragments of the same cue further on in the sentence belong to this report:
    # 'called Trump a “pathological liar” who is “utterly amoral,” a “bully”'
    later = [k for k in (directs.by_cue.get(cand.cue, ()) if cand.cue is not None else ())
             for d in (m.directs[k],) if k not in inside
             and d.start >= cand.end and d.sentence == cand.sentence and opens_lower(d.content_spans)]
    if later and cand.content_spans and m.text is not None:
        text = m.text
        end = max(m.directs[k].end for k in later)
        last = cand.content_spans[-1]
        own = [x.end for x in (cand.cue, cand.speaker) if x is not None and cand.end <= x.start < end]
        if own:  # 'Mills “got immunity,” Jordan said, and still “sat in”': a piece after the cue
            spans = (*cand.content_spans, Span.of(text, *trim_chars(text, max(own), end)))
        else:
            spans = (*cand.content_spans[:-1], Span.of(text, last.start, end))
        cand = attrs.evolve(cand, end=end, content_spans=spans)
        inside += later
    if inside:
        cand = attrs.evolve(cand, kind="mixed")
        if cand.speaker is None:
            # a mixed quote with no speaker takes the one its fragments found for the same cue
            same_cue = [m.directs[k] for k in inside if m.directs[k].speaker is not None and m.directs[k].cue == cand.cue]
            if same_cue:
                d = same_cue[0]
                cand = attrs.evolve(cand, speaker=d.speaker, speaker_head=d.speaker_head)
    return cand, inside


def _fold_fragments(m: _Merge) -> _Merge:
    """Reported speech containing quoted fragments is ONE ``mixed`` candidate: the direct quotes
    inside its content (and, given the text, those of its cue further on in its sentence) are
    folded into it."""
    reports, folded = [], set(m.folded)
    directs = _Directs(m.directs)
    for cand in m.reports:
        cand, inside = _fold(m, cand, directs)
        folded.update(inside)
        reports.append(cand)
    return attrs.evolve(m, reports=tuple(reports), folded=frozenset(folded))


def _inherit(m: _Merge) -> _Merge:
    """A direct quote left standing that has no cue or no speaker takes those of the first
    report inside its words; folded quotes go."""
    lent: dict[int, Candidate] = {}
    for k, cand in m.lent:
        lent.setdefault(k, cand)
    directs = []
    for k, d in enumerate(m.directs):
        if k in m.folded:
            continue
        if k in lent and (d.cue is None or d.speaker is None):
            src = lent[k]
            d = attrs.evolve(
                d,
                cue=d.cue or src.cue,
                speaker=d.speaker or src.speaker,
                speaker_head=d.speaker_head if d.speaker else src.speaker_head,
                sentence=d.sentence if d.sentence is not None else src.sentence,
            )
        directs.append(d)
    return attrs.evolve(m, directs=tuple(directs), lent=(), folded=frozenset())


def _drop_scare_quotes(m: _Merge) -> _Merge:
    """A short quoted phrase nobody is said to have said (a scare quote, a title) goes; a direct
    quote standing alone (a floating quote) stays for the resolve stage."""
    return attrs.evolve(m, directs=tuple(d for d in m.directs if not (_fragment(d) and (d.cue is None or d.speaker is None))))


#: Most words the rest of a sentence after a quotation may have to be taken into the report the
#: quotation continues.
_TAIL_WORDS = 25
#: Characters that end what was quoted: nothing after them carries on its clause.
_QUOTE_STOPS = ".?!,;:\u2026"


def _opens_report(m: _Merge, d: Candidate, sentence: tuple[int, int]) -> Candidate | None:
    """Direct quote ``d`` as the mixed report it continues, or ``None`` (see
    :func:`_quotes_opening_reports`)."""
    text = m.text
    cue, first = d.cue, d.content_spans[0] if d.content_spans else None
    if text is None or cue is None or first is None or not cue.end <= d.start < sentence[1] \
            or not opens_lower(d.content_spans):
        return None
    gap = text[cue.end : d.start]
    if has_line_break(gap) or gap.rstrip()[-1:] in (",", ":", ""):
        return None  # 'said: “…”', 'said, “…”', 'said “…”': the quotation is the words said
    start = cue.end
    for w in _WORD.finditer(gap):  # 'said Tuesday that “…”': what was said opens after its "that"
        if w.group().lower() in role_words("complementizer") and w.group().lower() not in role_words("kept-mark"):
            start = cue.end + w.end()
    start, _ = trim_chars(text, start, d.start)
    if not _WORD.search(text[start : d.start]):
        return None
    end = first.end if len(d.content_spans) > 1 else _tail_end(text, d.content_spans[-1], sentence)
    if d.speaker is not None and d.speaker.start < end and start < d.speaker.end:
        return None
    spans = (Span.of(text, start, end), *d.content_spans[1:])
    return attrs.evolve(d, kind="mixed", start=start, end=max(end, d.end), content_spans=spans)


#: A word of the text between a cue and a quotation.
_WORD = regex.compile(r"\w[\w'\u2019-]*")


def _tail_end(text: str, last: Span, sentence: tuple[int, int]) -> int:
    """Where a report continued by the quoted words ``last`` ends: at the end of their sentence
    when the quotation stops mid-clause and the rest of the sentence carries straight on
    ('described the fares as “a scandal” for a small town'), else where the quoted words end."""
    if last.text.rstrip()[-1:] in _QUOTE_STOPS:
        return last.end
    at = last.end
    while at < sentence[1] and (text[at] in closing_marks() or text[at].isspace()):
        at += 1
    rest = text[at : sentence[1]].rstrip().rstrip(_QUOTE_STOPS + "".join(closing_marks())).rstrip()
    if not rest or at == last.end or not text[at - 1].isspace() or "," in rest \
            or any(ch in quote_marks() for ch in rest) or len(rest.split()) > _TAIL_WORDS:
        return last.end
    return at + len(rest)


def _quotes_opening_reports(m: _Merge) -> _Merge:
    """A direct quote that opens in lower case after its cue and some words of the cue's sentence
    continues the clause those words begin when no report of that cue was found (the parser
    lost the clause): 'said the plan is a “critical part of our strategy”', 'described Lee as
    “a reckless man”'. It becomes one mixed report from the words after the cue (after a
    complementizer among them) over the quotation, and on to the end of the sentence when the
    quotation stops mid-clause and the rest carries straight on, and over the later quoted
    fragments of its cue in its sentence (as :func:`_fold` does for a report). A quotation right
    after its cue or after a comma or colon stays the words said."""
    if m.text is None or not m.sentences:
        return m
    cues = {c.cue for c in m.reports if c.cue is not None}
    starts = [s for s, _ in m.sentences]
    index = _Directs(m.directs)
    reports, folded = list(m.reports), set()
    for n, d in enumerate(m.directs):
        if n in folded or d.cue is None or d.cue in cues:
            continue
        k = bisect.bisect_right(starts, d.cue.start) - 1
        cand = _opens_report(m, d, m.sentences[k]) if k >= 0 else None
        if cand is not None:
            # with the later quoted fragments of its cue in its sentence ('as “a bully” and “a liar”')
            cand, inside = _fold(m, cand, index)
            folded.update(inside, (n,))
            reports.append(cand)
    return attrs.evolve(m, reports=tuple(reports), directs=tuple(d for n, d in enumerate(m.directs) if n not in folded))


def _lead_into(m: _Merge, d: Candidate, sentence: tuple[int, int]) -> Candidate | None:
    """Direct quote ``d`` as the mixed report its sentence's first words open, or ``None`` (see
    :func:`_leads_into_quotes`)."""
    text = m.text
    first = d.content_spans[0] if d.content_spans else None
    if text is None or d.cue is None or first is None or d.cue.start < first.end \
            or not sentence[0] < d.start or not opens_lower(d.content_spans):
        return None
    if d.speaker is not None and d.speaker.start < d.start or any(
            c.cue is not None and sentence[0] <= c.cue.start < d.start for c in (*m.reports, *m.directs)):
        return None  # 'Lee said the plan was “a failure,” she added': the lead is a report of its own
    lead = text[sentence[0] : d.start]
    if has_line_break(lead) or lead.rstrip()[-1:] in _LEAD_STOPS or not _WORD.search(lead):
        return None
    start, _ = trim_chars(text, sentence[0], d.start)
    spans = (Span.of(text, start, first.end), *d.content_spans[1:])
    return attrs.evolve(d, kind="mixed", start=start, content_spans=spans)


#: Characters that, ending the words before a quotation, introduce it rather than begin its clause.
_LEAD_STOPS = ":;\u2014\u2013-("


def _leads_into_quotes(m: _Merge) -> _Merge:
    """A direct quote that opens in lower case after the first words of its sentence, with its
    cue after it, continues the clause those words begin: '[The plan] “is a critical part of
    our strategy,” she said' is one mixed report from the sentence start, also after a comma
    ('For now, the plan “is …”'). Not after words that end in a colon, a semicolon, a dash or a
    parenthesis, which introduce the quotation ('One thing is clear: “…”'), nor after words with
    a cue of their own."""
    if m.text is None or not m.sentences:
        return m
    starts = [s for s, _ in m.sentences]
    reports, directs = list(m.reports), []
    for d in m.directs:
        k = bisect.bisect_right(starts, d.start) - 1
        cand = _lead_into(m, d, m.sentences[k]) if k >= 0 else None
        if cand is None:
            directs.append(d)
        else:
            reports.append(cand)
    return attrs.evolve(m, reports=tuple(reports), directs=tuple(directs))


def _letters(text: str) -> bool:
    return any(ch.isalpha() for ch in text)


def _continues(text: str, a: Candidate | Quote, b: Candidate | Quote) -> bool:
    """Whether direct quote ``b`` is the paragraph after quote ``a``'s, all of it, with no cue of
    its own, while ``a``'s paragraph ends in its attribution ('“…,” she said.' + '“…”')."""
    if b.cue is not None or not a.content_spans or not b.content_spans:
        return False
    gap = text[a.content_spans[-1].end : b.content_spans[0].start]
    first = line_end(gap)
    if first < 0 or not _letters(gap[:first]) or _letters(gap[first:]):
        return False
    stop = line_end(text, b.content_spans[-1].end)
    return not _letters(text[b.content_spans[-1].end : stop if stop >= 0 else len(text)])


def _continues_in_paragraph(text: str, a: Candidate | Quote, b: Candidate | Quote) -> bool:
    """Whether direct quote ``b``, with no cue of its own, comes right after the sentence that
    attributes quote ``a`` in the same paragraph ('“We open,” she said. “It is done.”'): ``a``'s
    cue lies between the two quotations and its sentence ends before ``b`` opens."""
    if b.cue is not None or a.cue is None or not a.content_spans or not b.content_spans:
        return False
    end, start = a.content_spans[-1].end, b.content_spans[0].start
    if not end <= a.cue.start < a.cue.end <= start or has_line_break(text[end:start]):
        return False
    tail = text[a.cue.end : start].rstrip()
    while tail and (tail[-1] in opening_marks() or tail[-1].isspace()):
        tail = tail[:-1]
    return not tail or tail[-1] in SENTENCE_ENDS  # ('“…,” she said[.] “…”')


def _carries_on(q: Quote) -> bool:
    """Whether a cue-less quotation after ``q`` (and its attribution) may continue it: a direct
    quote, or a report whose cue comes after its content ('Also, he is no conservative, she
    said. “He is a liberal!”', 'Y “is a shortcut,” X wrote.' + '“This is the year.”'); a report
    whose cue opens it ('X said that S.' + '“…”') leaves no attribution between the two."""
    if q.kind == "direct":
        return True
    return q.cue is not None and bool(q.content_spans) and q.content_spans[-1].end <= q.cue.start


#: Most reports read inside an attribution that a quotation after it may carry the quote on across.
_MAX_IN_ATTRIBUTION = 3


def _in_attribution(prev: Quote, between: Sequence[Quote], sentences: Sequence[tuple[int, int]]) -> bool:
    """Whether the quotes ``between`` are reports read inside the attribution of ``prev``: each
    has a cue after ``prev``'s cue, in the sentence of that cue ('“…,” said Ann Lee, [referring
    to the bill]'; '“…,” said Ann Lee, a nurse who [backed him]'), so a quotation after them may
    still carry ``prev`` on."""
    if prev.cue is None:
        return False
    sentence = next(((a, b) for a, b in sentences if a <= prev.cue.start < b), None)
    return sentence is not None and all(
        q.kind != "direct" and q.cue is not None and prev.cue.end <= q.cue.start and q.cue.end <= sentence[1]
        for q in between)


def _continued_by(text: str, out: Sequence[Quote], q: Quote, sentences: Sequence[tuple[int, int]]) -> int | None:
    """The index in ``out`` of the quote that cue-less direct quote ``q`` carries on (see
    :func:`join_continued`): the last quote, or the last before reports read inside its
    attribution (see :func:`_in_attribution`), whose cue's speaker ``q`` has (or the speaker of
    one of those reports, or none, when the resolver took it from them)."""
    if q.kind != "direct" or q.cue is not None:
        return None
    for k in range(len(out) - 1, max(-1, len(out) - 2 - _MAX_IN_ATTRIBUTION), -1):
        prev, between = out[k], out[k + 1 :]
        if between and not _in_attribution(prev, between, sentences):
            if prev.kind == "direct" or prev.cue is None:
                return None
            continue
        speakers = {prev.entity} | ({None} | {b.entity for b in between} if between else set())
        if _carries_on(prev) and prev.entity is not None and q.entity in speakers \
                and (_continues(text, prev, q) or _continues_in_paragraph(text, prev, q)):
            return k
        if prev.kind == "direct" or prev.cue is None:
            return None
    return None


def join_continued(text: str, quotes: Sequence[Quote], sentences: Sequence[tuple[int, int]] = ()) -> list[Quote]:
    """``quotes`` (resolved, in document order) with each quotation that fills the paragraph after
    an attributed direct quote, with no attribution of its own and the same speaker, joined to
    that quote: the news convention of a quote running over paragraphs ('“We will reopen,” she
    said.' + '“The work is nearly done.”'); so is one that follows the sentence of the
    attribution in the same paragraph ('“We will reopen,” she said. “The work is nearly done.”',
    see :func:`_continues_in_paragraph`); a report attributed after its words carries on the
    same way and becomes ``mixed`` (see :func:`_carries_on`). Given the ``sentences`` (start and end
    offsets), a quotation carries a quote on across the reports read inside its attribution
    ('“We open,” said Ann Lee, who [runs the yard]. “It is done.”', see :func:`_continued_by`).
    Quotes are numbered again in order. In an exchange the cue-less turn has another speaker and
    stays a quote of its own.

    >>> from quoteattr.model import Quote, Span
    >>> t = "“We open,” she said.\\n\\n“It is done.”"
    >>> a = Quote("q1", "direct", 0, 10, t[:10], [Span.of(t, 1, 9)], cue=Span.of(t, 15, 19), entity="e1")
    >>> b = Quote("q2", "direct", 22, 35, t[22:], [Span.of(t, 23, 34)], entity="e1")
    >>> [(q.id, [s.text for s in q.content_spans]) for q in join_continued(t, [a, b])]
    [('q1', ['We open,', 'It is done.'])]
    """
    out: list[Quote] = []
    for q in quotes:
        k = _continued_by(text, out, q, sentences)
        if k is not None:
            prev = out[k]
            out[k] = attrs.evolve(prev, end=q.end, text=text[prev.start : q.end],
                                  kind="direct" if prev.kind == "direct" else "mixed",
                                  content_spans=(*prev.content_spans, *q.content_spans))
            continue
        out.append(q)
    if len(out) == len(quotes):
        return list(quotes)
    return [attrs.evolve(q, id=f"q{k}") for k, q in enumerate(out, 1)]


def _joined(text: str | None, pieces: Sequence[Candidate]) -> Candidate:
    """The reports ``pieces`` of one cue (in document order) as one: the first with the content
    spans of all, overlapping spans made one, ``mixed`` when one of them is, and the first
    speaker found."""
    first = pieces[0]
    spans: list[Span] = []
    for sp in sorted((sp for c in pieces for sp in c.content_spans), key=lambda sp: (sp.start, sp.end)):
        if spans and sp.start <= spans[-1].end:
            if sp.end > spans[-1].end:
                last = spans[-1]
                spans[-1] = Span.of(text, last.start, sp.end) if text is not None \
                    else Span(last.start, sp.end, last.text + sp.text[last.end - sp.start:])
            continue
        spans.append(sp)
    speaker = next((c for c in pieces if c.speaker is not None), first)
    kind = "mixed" if any(c.kind == "mixed" for c in pieces) else first.kind
    return attrs.evolve(first, kind=kind, start=min(c.start for c in pieces), end=max(c.end for c in pieces),
                        content_spans=tuple(spans), speaker=speaker.speaker, speaker_head=speaker.speaker_head)


def _join_reports_of_one_cue(m: _Merge) -> _Merge:
    """The reports of one cue are one report: the frames of a cue may read its content in pieces
    where the parser split one clause ("promised [to act] [should he win]", "expects [the
    board] … [to approve it]") or a mixed quote twice ("said [her worry is that he is “X”]" and
    "[is that he is “X”]"); the pieces become the content spans of one report (see
    :func:`_joined`)."""
    by_cue: dict[Span, list[Candidate]] = {}
    for c in m.reports:
        if c.cue is not None:
            by_cue.setdefault(c.cue, []).append(c)
    if all(len(v) == 1 for v in by_cue.values()):
        return m
    reports = []
    for c in m.reports:
        pieces = by_cue.get(c.cue) if c.cue is not None else None
        if not pieces or len(pieces) == 1:
            reports.append(c)
        elif c is pieces[0]:
            reports.append(_joined(m.text, sorted(pieces, key=lambda p: (p.start, p.end))))
    return attrs.evolve(m, reports=tuple(reports))


#: The policies of :func:`combine`, applied in this order.
_POLICIES: tuple[Callable[[_Merge], _Merge], ...] = (
    _cut_at_other_cues,
    _cut_at_quote_attributions,
    _drop_repeated_quotes,
    _drop_backward_reads,
    _drop_reports_after_own_quotes,
    _give_way_to_colon_quotes,
    _lend_to_covering_quotes,
    _fold_fragments,
    _inherit,
    _drop_scare_quotes,
    _quotes_opening_reports,
    _leads_into_quotes,
    _join_coordinated_quotes,
    _join_reports_of_one_cue,
)


def _in_order(candidates: Sequence[Candidate], quotations: Sequence[Quotation] | None) -> list[Candidate]:
    """``candidates`` in document order without duplicates; given the ``quotations``, a report
    is ``mixed`` exactly when it holds quoted text."""
    out: list[Candidate] = []
    seen: set[tuple[int, int, tuple[tuple[int, int], ...]]] = set()
    pieces = SpanIndex([(p.start, p.end) for q in quotations for p in q.content_spans]) if quotations is not None else None
    for c in sorted(candidates, key=lambda c: (c.start, c.end, c.kind)):
        key = (c.start, c.end, tuple((s.start, s.end) for s in c.content_spans))
        if key in seen:
            continue
        seen.add(key)
        if quotations is not None and c.kind != "direct":
            c = attrs.evolve(c, kind="mixed" if _holds_quotation(c, pieces) else "indirect")
        out.append(c)
    return out


def combine(
    direct: Sequence[Candidate],
    indirect: Sequence[Candidate],
    quotations: Sequence[Quotation] | None = None,
    text: str | None = None,
    sentences: Sequence[tuple[int, int]] = (),
) -> list[Candidate]:
    """Merge direct and indirect candidates into one list in document order; ``sentences`` are
    the ``(start, end)`` offsets of the sentences of ``text``, in order.

    The policies run in this order (see each function):

    - :func:`_cut_at_other_cues`: a report stops where another quote's cue starts inside it;
    - :func:`_drop_repeated_quotes`: a report running into a direct quote of its cue is that quote;
    - :func:`_drop_backward_reads`: a report whose speaker is inside a quote of its cue goes;
    - :func:`_lend_to_covering_quotes`: a report inside a quote's words lends it cue and speaker;
    - :func:`_fold_fragments`: reported speech with quoted fragments is ONE ``mixed`` candidate;
    - :func:`_inherit`: quotes take what was lent to them, folded quotes go;
    - :func:`_drop_scare_quotes`: short quoted phrases without cue or speaker go;
    - :func:`_quotes_opening_reports`: a quotation opening in lower case after its cue and some
      words continues the report they begin (given the text and its sentences);
    - :func:`_leads_into_quotes`: a quotation opening in lower case after the first words of its
      sentence, its cue after it, continues the clause they begin;
    - :func:`_join_reports_of_one_cue`: the reports of one cue are one report;

    then duplicates go and, given the ``quotations``, each report is ``mixed`` or ``indirect``.

    >>> from quoteattr.model import Candidate, Span
    >>> t = 'She vowed to "fight on" and win.'
    >>> d = Candidate("direct", 13, 23, [Span.of(t, 14, 22)])
    >>> i = Candidate("indirect", 10, 31, [Span.of(t, 10, 31)], cue=Span.of(t, 4, 9))
    >>> [(c.kind, c.start, c.end) for c in combine([d], [i])]
    [('mixed', 10, 31)]
    """
    m = _Merge(tuple(direct), tuple(indirect), text, sentences=tuple(sentences))
    for policy in _POLICIES:
        m = policy(m)
    return _in_order([*m.reports, *m.directs], quotations)


def _holds(report: Candidate, quote: Candidate) -> bool:
    """Whether ``quote`` lies within ``report``, but for the punctuation and closing marks after
    the report's last word (``called them “deplorables.”``).

    >>> from quoteattr.model import Candidate, Span
    >>> t = 'She called them “deplorables.”'
    >>> r = Candidate("indirect", 11, 28, [Span.of(t, 11, 28)])
    >>> q = Candidate("direct", 16, 30, [Span.of(t, 17, 29)])
    >>> _holds(r, q), _holds(q, r)
    (True, False)
    """
    if quote.start < report.start:
        return False
    if quote.end <= report.end + 1:
        return True
    last = quote.content_spans[-1] if quote.content_spans else None
    if last is None or report.end < last.start:
        return False
    return not any(ch.isalnum() for ch in last.text[report.end - last.start :])


def share_speakers(doc: Any, candidates: Sequence[Candidate]) -> list[Candidate]:
    """Give a speakerless cue that hangs on another quote's cue that quote's speaker.

    ``"S1," X said in a statement, adding that S2``: the parser often finds no subject
    for "adding" (or for the second verb of "X said S1 and warned S2"); whoever said S1
    also adds S2.
    """
    by_cue: dict[tuple[int, int], Candidate] = {}
    for c in candidates:
        if c.cue is not None and c.speaker is not None and c.sentence is not None:
            by_cue.setdefault((c.sentence, c.cue.start), c)
    out = []
    for c in candidates:
        if c.speaker is None and c.cue is not None and c.sentence is not None:
            sentence = doc.sentences[c.sentence]
            cue = next((w for w in sentence.words if w.start_char == c.cue.start), None)
            if cue is not None and cue.head and cue.deprel.split(":")[0] in ("advcl", "conj", "xcomp", "parataxis", "dep"):
                head = sentence.words[cue.head - 1]
                src = by_cue.get((c.sentence, head.start_char))
                if src is not None and head.id < cue.id:
                    c = attrs.evolve(c, speaker=src.speaker, speaker_head=src.speaker_head)
        out.append(c)
    return out


def _holds_quotation(cand: Candidate, pieces: SpanIndex) -> bool:
    """Whether some quoted text (``pieces``: the content spans of the quotations) lies within the
    content of ``cand``."""
    return any(pieces.any_inside(span.start, span.end) for span in cand.content_spans)


#: Characters trimmed off a report cut short.
_CUT_TRAIL = " \t" + LINE_BREAK_CHARS + ",;:\u2014\u2013-"


def _starts_report(cand: Candidate, cue: Span) -> bool:
    """Whether the cue ``cue`` inside ``cand`` starts a report of its own: a cue after a break
    (", calling it …", "; X added", a dash, a colon); a verb inside the reported clause ("said
    he would offer “a prayer”", "says tweets accusing Y of Z are lies") does not.

    >>> t = 'said he would offer "a prayer" soon'
    >>> c = Candidate("indirect", 5, 35, [Span.of(t, 5, 35)])
    >>> _starts_report(c, Span.of(t, 14, 19)), _starts_report(c, Span.of(t, 5, 7))
    (False, True)
    """
    for span in cand.content_spans:
        if span.start <= cue.start < span.end:
            before = span.text[: cue.start - span.start].rstrip().rstrip("\"'\u201d\u2019").rstrip()
            return not before or before[-1] in ",;:(\u2014\u2013-"  # '…," emphasizing' too
    return True


def _cut_at_cues(cand: Candidate, cues: Sequence[Span], own: bool = True) -> Candidate | None:
    """``cand`` with its content cut where another quote's cue starts inside it; ``cues`` sorted
    by start (only those starting inside ``cand`` are looked at); with ``own`` false, at the first
    of ``cues`` inside it wherever it stands.

    Returns ``None`` when nothing of the content is left.
    """
    mine = cand.cue
    lo = bisect.bisect_right(cues, cand.start, key=lambda c: c.start)
    hi = bisect.bisect_left(cues, cand.end, key=lambda c: c.start)
    inner = [c.start for c in cues[lo:hi] if not own or c != mine and cand.start < c.start < cand.end
             and not (mine is not None and mine.start <= c.start < mine.end) and _starts_report(cand, c)]
    if not inner:
        return cand
    at = min(inner)
    pieces = []
    for span in cand.content_spans:
        if span.start >= at:
            break
        if span.end > at:
            kept = span.text[: at - span.start].rstrip(_CUT_TRAIL)
            if not kept.strip():
                break
            span = Span(span.start, span.start + len(kept), kept)
        pieces.append(span)
    if not pieces:
        return None
    if len(pieces) == len(cand.content_spans) and pieces[-1] == cand.content_spans[-1]:
        return cand
    return attrs.evolve(cand, end=pieces[-1].end, content_spans=tuple(pieces))
