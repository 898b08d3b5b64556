"""Speaker acceptance on the seed articles (read from shared/seeds, never copied here).

Two levels: resolve() on candidates built here over the parsed seeds (tests this module alone),
and the full pipeline.
"""

from __future__ import annotations

import pytest

from quoteattr.model import Candidate, Span
from quoteattr.parsing.tree import word_span
from quoteattr.attribution.resolve import resolve



def _doc(seed_docs, prefix):
    return next(d for k, d in seed_docs.items() if k.startswith(prefix))


def _head(doc, start, end):
    for si, sent in enumerate(doc.sentences):
        inside = [w for w in sent.words if start <= word_span(w)[0] and word_span(w)[1] <= end]
        if inside:
            ids = {w.id for w in inside}
            return si, next(w for w in inside if w.head not in ids).id
    raise AssertionError("no words in span")


def _cand(sdoc, content, speaker=None, at=None):
    """A candidate: a direct quote starting with ``content``, or an indirect one of exactly ``content``."""
    text = sdoc.text
    start = text.index(content)
    if content[0] in "\u201c\"":
        close = text.index("\u201d" if content[0] == "\u201c" else '"', start + 1)
        end = close + 1
        spans = (Span.of(text, start + 1, close),)
        kind = "direct"
    else:
        end = start + len(content)
        spans = (Span.of(text, start, end),)
        kind = "indirect"
    sp = head = None
    if speaker:
        s0 = text.index(at or speaker, max(0, start - 400) if at is None else 0)
        sp = Span.of(text, s0, s0 + len(speaker))
        assert sp.text == speaker
        head = _head(sdoc, sp.start, sp.end)
    return Candidate(kind, start, end, spans, None, sp, head, None)


def _speaker(quotes, entities, content):
    ents = {e.id: e for e in entities}
    q = next(q for q in quotes if content in q.text)
    return ents.get(q.entity) if q.entity else None


# --------------------------------------------------------------------------- resolve alone


@pytest.fixture(scope="module")
def resolved_004(seed_docs):
    sdoc = _doc(seed_docs, "004").stanza_doc
    cands = [
        _cand(sdoc, "The jihadist offensive", "Iranian Foreign Ministry Spokesman Esmail Baghaei"),
        _cand(sdoc, "it is no coincidence", "the diplomat", at="the diplomat, it"),
        _cand(sdoc, "Washington and West Jerusalem were using", "The official", at="The official suggested"),
        _cand(sdoc, "Washington and West Jerusalem are using HTS", "He", at="He suggested that Washington and West"),
    ]
    return resolve(sdoc, cands)


def test_004_descriptions_resolve_to_baghaei(resolved_004):
    quotes, entities = resolved_004
    for content in ("it is no coincidence", "were using"):
        e = _speaker(quotes, entities, content)
        assert e is not None and e.name == "Esmail Baghaei"
        assert "foreign ministry spokesman" in e.title.lower()
        assert "iranian" in e.title.lower()


def test_004_he_resolves_to_araghchi(resolved_004):
    quotes, entities = resolved_004
    assert _speaker(quotes, entities, "are using HTS").name == "Abbas Araghchi"


@pytest.fixture(scope="module")
def resolved_000(seed_docs):
    sdoc = _doc(seed_docs, "000").stanza_doc
    first = "White House National Security Council spokesperson Sean Savett"
    cands = [
        _cand(sdoc, "\u201cThe United States is not involved", first, at=first),
        _cand(sdoc, "the U.S. is closely monitoring", "Savett", at="Savett added"),
        _cand(sdoc, "\u201cThe United States, along with", "he", at="he said"),
        _cand(sdoc, "the necessity of a political resolution", "He", at="He also emphasized"),
        _cand(sdoc, "\u201cWe will continue to fully defend"),
    ]
    return resolve(sdoc, cands)


def test_000_savett_label_and_pronouns(resolved_000):
    quotes, entities = resolved_000
    e = _speaker(quotes, entities, "The United States is not involved")
    assert e.label in ("NSC spokesperson Sean Savett", "White House NSC spokesperson Sean Savett")
    assert e.name == "Sean Savett" and e.type == "person"
    for content in ("closely monitoring", "along with its partners", "political resolution", "fully defend"):
        assert _speaker(quotes, entities, content) == e
    assert len(entities) == 1


# --------------------------------------------------------------------------- full pipeline


def _pipeline_speaker(doc, phrase):
    start = doc.text.index(phrase)
    for q in doc.quotes:
        if q.start <= start < q.end:
            return doc.speaker_of(q)
    raise AssertionError(f"no quote covers {phrase!r}")


def test_pipeline_000_savett_label(seed_docs):
    doc = _doc(seed_docs, "000")
    e = _pipeline_speaker(doc, "is not involved in the attack")
    assert e.label in ("NSC spokesperson Sean Savett", "White House NSC spokesperson Sean Savett")


def test_pipeline_000_floating_quote(seed_docs):
    doc = _doc(seed_docs, "000")
    assert _pipeline_speaker(doc, "We will continue to fully defend").name == "Sean Savett"


def test_pipeline_000_he_also_emphasized(seed_docs):
    doc = _doc(seed_docs, "000")
    assert _pipeline_speaker(doc, "necessity of a political resolution").name == "Sean Savett"


def test_pipeline_001_floating_quote(seed_docs):
    doc = _doc(seed_docs, "001")
    assert _pipeline_speaker(doc, "along with its partners and allies").name == "Sean Savett"


@pytest.mark.parametrize("phrase", [
    "it is no coincidence",
    "weaken Syria",
    "all Islamic countries",
])
def test_pipeline_004_descriptions(seed_docs, phrase):
    doc = _doc(seed_docs, "004")
    e = _pipeline_speaker(doc, phrase)
    assert e.name == "Esmail Baghaei"
    assert "foreign ministry spokesman" in e.title.lower()


def test_pipeline_004_he_suggested(seed_docs):
    doc = _doc(seed_docs, "004")
    assert _pipeline_speaker(doc, "are using HTS as a proxy").name == "Abbas Araghchi"
