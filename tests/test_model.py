"""Value classes: validation and the JSON round trip."""

import json

import pytest

from quoteattr.model import SCHEMA_VERSION, AttributedDocument, Candidate, Entity, Quote, Span

TEXT = 'Ana Ruiz said: "We won." Then she left.'


def make_doc() -> AttributedDocument:
    quote = Quote(
        id="q1",
        kind="direct",
        start=15,
        end=24,
        text=TEXT[15:24],
        content_spans=[Span.of(TEXT, 16, 23)],
        cue=Span.of(TEXT, 9, 13),
        speaker=Span.of(TEXT, 0, 8),
        entity="e1",
    )
    entity = Entity("e1", name="Ana Ruiz", label="Ana Ruiz", type="person",
                    mentions=[Span.of(TEXT, 0, 8), Span.of(TEXT, 30, 33)])
    return AttributedDocument("d1", TEXT, [quote], [entity], source="Example Times", date="2024-12-01")


def test_span_carries_its_text_and_validates():
    assert Span.of(TEXT, 0, 3).text == "Ana"
    with pytest.raises(ValueError):
        Span(5, 2)
    with pytest.raises(ValueError):
        Span(-1, 2)
    assert Span(0, 10).contains(Span(2, 3)) and not Span(2, 3).contains(Span(0, 10))
    assert Span(0, 5).overlap(Span(10, 12)) == 0


def test_kinds_and_types_are_checked():
    with pytest.raises(ValueError):
        Quote("q", "rumour", 0, 1, "x", ())
    with pytest.raises(ValueError):
        Entity("e", type="animal")
    with pytest.raises(ValueError):
        Candidate("paraphrase", 0, 1, ())


def test_json_round_trip_is_lossless():
    doc = make_doc()
    data = json.loads(json.dumps(doc.to_dict()))
    assert data["schema"] == SCHEMA_VERSION
    assert data["quotes"][0]["content_spans"] == [[16, 23]]
    assert data["quotes"][0]["speaker"] == {"start": 0, "end": 8, "text": "Ana Ruiz"}
    assert data["entities"][0]["mentions"] == [[0, 8], [30, 33]]
    again = AttributedDocument.from_dict(data)
    assert again == doc
    assert again.quotes[0].content_spans[0].text == "We won."
    assert again.speaker_of(again.quotes[0]).name == "Ana Ruiz"


def test_contract_fields_are_present():
    data = make_doc().to_dict()
    assert {"id", "text", "quotes", "entities"} <= set(data)
    assert {"id", "kind", "start", "end", "text", "content_spans", "cue", "speaker", "entity"} <= set(data["quotes"][0])
    assert {"id", "name", "title", "organization", "label", "type", "mentions"} <= set(data["entities"][0])


def test_words_needs_the_stanza_document():
    with pytest.raises(ValueError, match="no stanza Document"):
        make_doc().words(Span(0, 3))
