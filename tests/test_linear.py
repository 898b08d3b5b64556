"""The indexes behind the linear-cost stages give what comparing every pair gives (issue 16)."""

import random

from quoteattr.attribution.merge import _Directs, drop_nested
from quoteattr.attribution.quotations import find_quotations, quotation_index
from quoteattr.attribution.speakers import short_organization, split_mention
from quoteattr.model import Candidate, Span

PIECES = ("“", "”", "‘", "’", '"', "word ", "Two ", ", ", ". ", "\n\n", "\r", "it’s ")


def _texts(n: int = 200):
    rng = random.Random(16)
    for _ in range(n):
        yield "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 60)))


def test_quotation_index_agrees_with_a_scan_of_every_quotation() -> None:
    for text in _texts():
        qs = find_quotations(text)
        ix = quotation_index(qs)
        for k in range(len(text) + 1):
            assert ix.holds(k) == any(q.start < k < q.end for q in qs), (text, k)
            for e in range(k, min(len(text), k + 8) + 1):
                assert ix.top_overlaps(k, e) == any(q.start < e and q.end > k for q in qs if q.depth == 0)


def _candidates(rng: random.Random, text: str, n: int) -> list[Candidate]:
    out = []
    for _ in range(n):
        a = rng.randrange(len(text) - 1)
        b = rng.randrange(a + 1, len(text))
        c = rng.randrange(len(text) - 1)
        out.append(Candidate(rng.choice(("direct", "indirect")), a, b, [Span.of(text, a, b)],
                             cue=Span.of(text, c, c + 1) if rng.random() < 0.8 else None))
    return out


def _drop_nested_by_pairs(candidates):
    def inside(c, o):
        return c.cue is not None and o is not c and any(s.start <= c.cue.start < s.end for s in o.content_spans)

    kept = [c for c in candidates if c.kind == "direct"]
    for c in sorted(candidates, key=lambda c: sum(inside(c, o) for o in candidates)):
        if not any(c is k for k in kept) and not any(inside(c, k) for k in kept):
            kept.append(c)
    return [c for c in candidates if any(c is k for k in kept)]


def test_drop_nested_and_direct_lookups_agree_with_comparing_every_pair() -> None:
    rng = random.Random(3)
    text = "x" * 120
    for _ in range(200):
        cands = _candidates(rng, text, rng.randint(1, 12))
        assert drop_nested(cands) == _drop_nested_by_pairs(cands)
        directs = _Directs(cands)
        s = rng.randrange(120)
        e = rng.randrange(s, 121)
        assert directs.overlapping(s, e) == [k for k, d in enumerate(cands) if d.start < e and d.end > s]
        assert directs.holding(s, e) == [k for k, d in enumerate(cands) if d.start <= s and e <= d.end]


def test_long_mentions_keep_their_known_organisations() -> None:
    filler = " ".join(["Northern"] * 400)
    assert short_organization(f"{filler} White House National Security Council").endswith("NSC")
    assert split_mention(f"{filler} spokesman Ana Ruiz").name is not None


def test_span_index_agrees_with_a_scan_of_every_span() -> None:
    from quoteattr.attribution._spans import SpanIndex

    rng = random.Random(7)
    for _ in range(300):
        spans = [(a, a + rng.randrange(0, 15)) for a in (rng.randrange(40) for _ in range(rng.randint(0, 10)))]
        ix = SpanIndex(spans)
        s = rng.randrange(45)
        e = rng.randrange(s, 50)
        assert ix.overlapping(s, e) == [k for k, (a, b) in enumerate(spans) if a < e and b > s]
        assert ix.holding(s, e) == [k for k, (a, b) in enumerate(spans) if a <= s and e <= b]
        assert ix.any_holding(s, e) == any(a <= s and e <= b for a, b in spans)
        assert ix.any_overlapping(s, e) == any(a < e and b > s for a, b in spans)
        assert ix.any_inside(s, e) == any(s <= a and b <= e for a, b in spans)
        assert ix.holds(s) == any(a < s < b for a, b in spans)
