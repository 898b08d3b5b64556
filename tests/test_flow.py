"""quoteattr.attribute on a user's own stanza Document: the same stages as the Pipeline, with
the hard-wrap unwrap and the profile filter."""

import textwrap

import pytest

import quoteattr
from quoteattr.errors import SettingsError

PARAGRAPHS = [
    "The ferry operator said on Tuesday that the crossing to Lund would close for a month "
    "while the ramps at both quays were rebuilt by a contractor from the mainland.",
    "“We know this hurts the island, and we are sorry for it,” said Mira Holm, the operator's "
    "director, speaking at the harbour office before a crowd of residents.",
    "Residents believe the works will run late, and the council wants a second boat on the "
    "route before the summer season begins in earnest.",
]


def _texts(width: int) -> tuple[str, str]:
    flat = "\n\n".join(PARAGRAPHS) + "\n"
    wrapped = "\n\n".join(textwrap.fill(p, width, break_long_words=False, break_on_hyphens=False)
                          for p in PARAGRAPHS) + "\n"
    assert len(wrapped) == len(flat) and wrapped != flat
    return wrapped, flat


def _quotes(doc):
    return [(q.kind, [(s.start, s.end) for s in q.content_spans], q.cue.text if q.cue else None,
             (q.speaker.start, q.speaker.end) if q.speaker else None, q.cue_class) for q in doc.quotes]


@pytest.mark.models
def test_attribute_reads_a_users_wrapped_stanza_document_as_its_unwrapped_form(nlp):
    wrapped, flat = _texts(64)
    stanza_doc = nlp.stanza(wrapped)  # parsed by the user, lines and all
    got = quoteattr.attribute(stanza_doc)
    want = quoteattr.attribute(nlp.parse(flat))
    assert len(want.quotes) >= 3
    assert _quotes(got) == _quotes(want)
    assert stanza_doc.text == wrapped and got.text == wrapped
    assert all(s.text == wrapped[s.start:s.end] for q in got.quotes for s in q.content_spans)
    assert any("\n" in s.text for q in got.quotes for s in q.content_spans)


@pytest.mark.models
def test_attribute_applies_the_profile(nlp):
    _, flat = _texts(64)
    doc = nlp.parse(flat)
    wide = quoteattr.attribute(doc)
    narrow = quoteattr.attribute(doc, profile="speech")
    assert {q.cue_class for q in wide.quotes} >= {"speech", "thought"}
    assert {q.cue_class for q in narrow.quotes} == {"speech"}
    assert {q.id for q in narrow.quotes} < {q.id for q in wide.quotes}
    assert [q.id for q in nlp.with_profile("speech").attribute(doc).quotes] == [q.id for q in narrow.quotes]
    with pytest.raises(SettingsError):
        quoteattr.attribute(doc, profile="speeches")
