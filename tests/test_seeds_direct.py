"""Direct quotes in the three seed articles (read from shared/seeds, never copied here)."""

from __future__ import annotations

import re

import pytest

from quoteattr.attribution.direct import direct_quotes
from quoteattr.attribution.quotations import find_quotations

#: An independent, simple pairing of the marks the seed articles use.
_PAIRS = re.compile(r"“([^”\n]*)”|\"([^\"\n]*)\"")


@pytest.fixture(scope="module")
def seed_direct(seed_docs):
    """stem prefix ("000", "001", "004") -> (text, direct candidates)."""
    out = {}
    for name, adoc in seed_docs.items():
        doc = adoc.stanza_doc
        out[name[:3]] = (doc.text, direct_quotes(doc, find_quotations(doc.text)))
    return out


def by_start(seed_direct, stem, phrase):
    """The candidate whose content starts with ``phrase``."""
    text, cands = seed_direct[stem]
    found = [c for c in cands if c.content_spans and c.content_spans[0].text.startswith(phrase)]
    assert len(found) == 1, f"{stem}: {phrase!r} found {len(found)} times"
    return text, found[0]


def marked(text):
    """(start, end, content) of every quoted stretch, by the simple regex."""
    out = []
    for m in _PAIRS.finditer(text):
        g = 1 if m.group(1) is not None else 2
        out.append((m.start(), m.end(), m.group(g).strip()))
    return out


def test_seeds_are_there(seed_direct):
    assert set(seed_direct) == {"000", "001", "004"}


@pytest.mark.parametrize("stem", ["000", "001", "004"])
def test_every_full_quote_is_found_whole(seed_direct, stem):
    text, cands = seed_direct[stem]
    pieces = {(s.start, s.end) for c in cands for s in c.content_spans}
    full = [(s, e, body) for s, e, body in marked(text) if body[:1].isupper() and len(body.split()) >= 5]
    assert full, "the seed has full-sentence quotes"
    for s, e, body in full:
        start = text.index(body, s)
        assert (start, start + len(body)) in pieces, body[:40]


@pytest.mark.parametrize("stem", ["000", "001", "004"])
def test_no_content_is_cut_or_run_on(seed_direct, stem):
    text, cands = seed_direct[stem]
    quoted = {(text.index(body, s), text.index(body, s) + len(body)) for s, e, body in marked(text)}
    for c in cands:
        assert text[c.start] in "“\"" and text[c.end - 1] in "”\""
        for span in c.content_spans:
            assert (span.start, span.end) in quoted, span.text[:40]


def test_001_not_involved_quote_points_at_savett(seed_direct):
    text, c = by_start(seed_direct, "001", "The United States is not involved in the attack led by Hayat Tahrir al-Sham (HTS)")
    assert c.content_spans[0].text.endswith("terrorist organization.")
    assert text[c.end - 1] == '"'
    assert c.cue.text == "emphasizing"
    assert c.speaker.text == "Savett"


def test_001_fragment_in_reported_speech(seed_direct):
    _, c = by_start(seed_direct, "001", "has been in contact")
    assert c.cue.text == "indicated" and c.speaker.text == "Savett"


def test_001_according_to_agency(seed_direct):
    text, c = by_start(seed_direct, "001", "Araghchi made this statement")
    assert c.content_spans[0].text.endswith("events in Syria.")
    assert c.cue.text == "According to"
    assert c.speaker.text.endswith("IRNA")


@pytest.mark.parametrize("phrase", ["The United States, along with", "During the call"])
def test_001_floating_paragraph_quotes(seed_direct, phrase):
    _, c = by_start(seed_direct, "001", phrase)
    assert c.cue is None and c.speaker is None


def test_001_concluded(seed_direct):
    _, c = by_start(seed_direct, "001", "We will continue")
    assert (c.cue.text, c.speaker.text) == ("concluded", "he")


def test_000_participle_stating(seed_direct):
    _, c = by_start(seed_direct, "000", "The United States is not involved")
    assert c.cue.text == "stating"
    assert c.speaker.text.endswith("spokesperson Sean Savett")
    assert c.speaker.text.startswith("White House")


def test_000_he_said_and_floating(seed_direct):
    _, c = by_start(seed_direct, "000", "The United States, along with")
    assert (c.cue.text, c.speaker.text) == ("said", "he")
    _, c = by_start(seed_direct, "000", "We will continue")
    assert c.cue is None and c.speaker is None


def test_004_direct_quotes(seed_direct):
    _, c = by_start(seed_direct, "004", "The concurrence of the recent developments")
    assert (c.cue.text, c.speaker.text) == ("said", "Baghaei")
    _, c = by_start(seed_direct, "004", "Everyone acknowledges")
    assert (c.cue.text, c.speaker.text) == ("stated", "he")
    assert c.content_spans[0].text.endswith("is still alive,")


def test_004_fragments_with_cues(seed_direct):
    _, c = by_start(seed_direct, "004", "an asset")
    assert c.cue.text == "described" and c.speaker.text.endswith("James Jeffrey")
    _, c = by_start(seed_direct, "004", "respond forcefully")
    assert c.cue.text == "pledged" and c.speaker.text.endswith("Netanyahu")


# -- entity level: needs resolve.py from the speakers branch ----------------------


def quote_starting(adoc, phrase):
    found = [q for q in adoc.quotes if q.content_spans and q.content_spans[0].text.startswith(phrase)]
    assert len(found) == 1, [q.content[:30] for q in adoc.quotes]
    return found[0]


def seed(seed_docs, stem):
    return next(d for name, d in seed_docs.items() if name.startswith(stem))


@pytest.mark.parametrize(
    "stem, phrase",
    [
        ("000", "The United States is not involved"),
        ("000", "The United States, along with"),
        ("000", "We will continue"),
        ("001", "The United States is not involved"),
        ("001", "The United States, along with"),
        ("001", "We will continue"),
    ],
)
def test_savett_quotes_resolve_to_savett(seed_docs, stem, phrase):
    adoc = seed(seed_docs, stem)
    q = quote_starting(adoc, phrase)
    entity = adoc.speaker_of(q)
    assert entity is not None and entity.name == "Sean Savett"


def test_004_stated_resolves_to_baghaei(seed_docs):
    adoc = seed(seed_docs, "004")
    entity = adoc.speaker_of(quote_starting(adoc, "Everyone acknowledges"))
    assert entity is not None and entity.name == "Esmail Baghaei"
