"""Hard-wrapped text reads like the same text unwrapped, with offsets into the original."""

import textwrap

import pytest

from quoteattr.parsing.wrapping import hard_wrapped, unwrap

PARAGRAPHS = [
    "Harbour workers at the port of Valmara walked out on Tuesday morning, and the union said the "
    "strike would last until the owners of the container terminal agreed to a new contract for the crews.",
    "“We have waited eleven months for an answer, and our members are tired of promises that never "
    "arrive,” said Ines Carvalho, the union's regional secretary, standing at the main gate of the terminal.",
    "The terminal operator, Baltic Quay Holdings, said in a statement that its offer was fair and that "
    "it remained open to talks with the union at any time this week.",
    "A spokesman for the harbour authority, Tomas Lind, told reporters that ships would be sent to "
    "other ports if the strike went on past Friday. “Nobody wants that,” he added, “but we cannot leave "
    "cargo sitting in the bay for weeks.”",
    "Carvalho called the operator's offer “an insult to every crane driver in this city” and warned "
    "that the walkout could spread to the rail yards.",
]


def _wrapped(width: int) -> tuple[str, str]:
    """The article hard-wrapped at ``width`` and its unwrapped form (same length, same offsets)."""
    flat = "\n\n".join(PARAGRAPHS) + "\n"
    wrapped = "\n\n".join(textwrap.fill(p, width, break_long_words=False, break_on_hyphens=False)
                          for p in PARAGRAPHS) + "\n"
    assert len(wrapped) == len(flat) and wrapped.count("\n") > 10
    return wrapped, flat


def _quotes(doc):
    return [(q.kind, [(s.start, s.end) for s in q.content_spans],
             (q.speaker.start, q.speaker.end) if q.speaker else None,
             (q.cue.start, q.cue.end) if q.cue else None, q.cue_class,
             doc.speaker_of(q).label if doc.speaker_of(q) else None) for q in doc.quotes]


@pytest.mark.parametrize("width", [60, 72])
def test_detects_and_unwraps_a_hard_wrapped_article(width):
    wrapped, flat = _wrapped(width)
    assert hard_wrapped(wrapped) and not hard_wrapped(flat)
    assert unwrap(wrapped) == flat
    assert unwrap(flat) is flat


def test_keeps_line_breaks_that_end_a_line_on_purpose():
    text = ("PORT STRIKE AT VALMARA\n"
            "Harbour workers at the port of Valmara walked out on Tuesday\n"
            "morning, and the union said the strike would last until the\n"
            "owners agreed to a new contract.\n"
            "The terminal operator said in a statement that its offer was\n"
            "fair and that it remained open to talks with the union.\n"
            "    A spokesman for the harbour authority told reporters that\n"
            "ships would be sent to other ports if the strike went on.\n")
    flat = unwrap(text)
    assert len(flat) == len(text)
    assert [line[:12] for line in flat.splitlines()] == ["PORT STRIKE ", "Harbour work", "The terminal",
                                                         "    A spokes"]


def test_crlf_and_unwrapped_text():
    wrapped, flat = _wrapped(64)
    want = "\r\n\r\n".join(textwrap.fill(p, 64, break_long_words=False, break_on_hyphens=False)
                           .replace("\n", "  ") for p in PARAGRAPHS) + "\r\n"
    assert unwrap(wrapped.replace("\n", "\r\n")) == want
    one_per_line = "\n".join(PARAGRAPHS)
    assert not hard_wrapped(one_per_line) and unwrap(one_per_line) is one_per_line


@pytest.mark.models
@pytest.mark.parametrize("width", [58, 70])
def test_wrapped_article_gives_the_quotes_of_its_unwrapped_form(nlp, width):
    wrapped, flat = _wrapped(width)
    got, want = nlp(wrapped), nlp(flat)
    assert len(want.quotes) >= 5
    assert _quotes(got) == _quotes(want)
    assert got.text == wrapped
    for q in got.quotes:
        assert q.text == wrapped[q.start:q.end]
        assert all(s.text == wrapped[s.start:s.end] for s in q.content_spans)
        assert q.speaker is None or q.speaker.text == wrapped[q.speaker.start:q.speaker.end]
    assert any("\n" in s.text for q in got.quotes for s in q.content_spans)
    for e in got.entities:
        assert all(m.text == wrapped[m.start:m.end] for m in e.mentions)
    assert got.stanza_doc.text == wrapped


@pytest.mark.models
def test_a_users_own_stanza_document_is_read_unwrapped_and_left_as_it_was(nlp):
    wrapped, flat = _wrapped(62)
    doc = nlp.parse(wrapped)
    assert doc.text == wrapped
    assert _quotes(nlp(doc)) == _quotes(nlp(flat))
    assert doc.text == wrapped
