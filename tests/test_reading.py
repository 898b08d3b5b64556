"""Extract records read back: every field checked, bad records reported by line, the rest kept."""

import io
import json

import pytest

from quoteattr.errors import RecordError
from quoteattr.model import SCHEMA_VERSION, AttributedDocument, Entity, Quote, Span
from quoteattr.reading import read_records

TEXT = 'Ana Ruiz said: "We won." Then she left.'


def record(**changes):
    quote = {"id": "q1", "kind": "direct", "start": 15, "end": 24, "text": '"We won."',
             "content_spans": [[16, 23]], "cue": {"start": 9, "end": 13, "text": "said"},
             "speaker": {"start": 0, "end": 8, "text": "Ana Ruiz"}, "entity": "e1", "cue_class": "speech"}
    entity = {"id": "e1", "name": "Ana Ruiz", "title": None, "organization": None, "label": "Ana Ruiz",
              "type": "person", "mentions": [[0, 8], [30, 33]], "organization_entity": None, "aliases": []}
    doc = {"id": "d1", "text": TEXT, "quotes": [quote], "entities": [entity], "schema": SCHEMA_VERSION}
    for path, value in changes.items():
        target = doc
        keys = path.split("__")
        for key in keys[:-1]:
            target = target[int(key)] if isinstance(target, list) else target[key]
        target[keys[-1]] = value
    return doc


def test_a_sound_record_round_trips():
    data = record()
    assert AttributedDocument.from_dict(data).to_dict() == data


@pytest.mark.parametrize("changes, message", [
    ({"quotes__0__content_spans": [[10]]}, r"quotes\[0\]\.content_spans\[0\]: expected \[start, end\], got \[10\]"),
    ({"entities__0__name": 7}, r"entities\[0\]: name must be a string, got 7"),
    ({"quotes__0__start": -5}, r"quotes\[0\]: start -5 is negative"),
    ({"quotes__0__end": 10**9}, r"quotes\[0\]: end 1000000000 is beyond the text \(length 39\)"),
    ({"quotes__0__end": 1e9}, r"quotes\[0\]: end must be an integer, got 1000000000.0"),
    ({"quotes__0__end": 3}, r"quotes\[0\]: end 3 is before start 15"),
    ({"text": None}, r"document: text is null"),
    ({"id": None}, r"document: id is null"),
    ({"quotes__0__id": True}, r"quotes\[0\]: id must be a string"),
    ({"quotes__0__kind": "rumour"}, r"quotes\[0\]: kind must be one of"),
    ({"quotes__0__text": "We lost"}, r"quotes\[0\]: text 'We lost' is not the document's text at 15:24"),
    ({"quotes__0__speaker": {"start": 0, "end": 99}}, r"quotes\[0\]\.speaker: end 99 is beyond the text"),
    ({"quotes__0__cue": [9, 13]}, r"quotes\[0\]\.cue: expected an object, got list"),
    ({"quotes__0__entity": "e9"}, r"quotes\[0\]: entity 'e9' is not among the document's entities"),
    ({"entities__0__mentions": [[0, 8], [33, 30]]}, r"entities\[0\]\.mentions\[1\]: end 30 is before start 33"),
    ({"entities__0__type": "animal"}, r"entities\[0\]: type must be one of"),
    ({"quotes": {"id": "q1"}}, r"document: quotes must be a list"),
])
def test_a_bad_field_is_named(changes, message):
    with pytest.raises(RecordError, match=message):
        AttributedDocument.from_dict(record(**changes))


def test_ids_must_be_unique_within_a_document():
    data = record()
    data["quotes"].append(dict(data["quotes"][0]))
    with pytest.raises(RecordError, match=r"quotes: id 'q1' is used twice"):
        AttributedDocument.from_dict(data)


def test_an_integer_id_is_read_as_its_string():
    assert AttributedDocument.from_dict(record(id=7)).id == "7"


def test_missing_span_texts_are_restored_from_the_document():
    data = record()
    del data["quotes"][0]["text"], data["quotes"][0]["cue"]["text"]
    doc = AttributedDocument.from_dict(data)
    assert doc.quotes[0].text == '"We won."' and doc.quotes[0].cue.text == "said"


def test_the_value_classes_check_on_their_own():
    with pytest.raises(RecordError, match="speaker: start -1 is negative"):
        Span.from_dict({"start": -1, "end": 2}, where="speaker")
    assert Quote.from_dict({"id": "q", "kind": "indirect", "start": 1, "end": 4}).text == ""
    with pytest.raises(RecordError, match="entity: id is missing"):
        Entity.from_dict({"name": "Ana"})


def lines(*records):
    return io.StringIO("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records))


def test_bad_records_are_reported_by_line_and_the_rest_kept():
    stream = lines(record(), "", record(id="d2", quotes__0__start=-5), '{"id": "d3", "te', "oops",
                   record(id="d4"), "null", record(id="d5"))
    got = [(r.line, r.document.id if r.document else str(r.error)) for r in read_records(stream, name="x.jsonl")]
    assert [g[0] for g in got] == [1, 3, 4, 5, 6, 7, 8]
    assert got[0] == (1, "d1") and got[4] == (6, "d4") and got[6] == (8, "d5")
    assert got[1][1] == "x.jsonl:3: quotes[0]: start -5 is negative"
    assert got[2][1].startswith("x.jsonl:4: not JSON")
    assert got[3][1].startswith("x.jsonl:5: not JSON")
    assert got[5][1] == "x.jsonl:7: document: expected an object, got NoneType"


def test_duplicate_ids_are_rejected_or_renamed_across_files():
    seen: dict[str, str] = {}
    first = list(read_records(lines(record(), record()), name="a.jsonl", seen=seen))
    again = list(read_records(lines(record()), name="b.jsonl", seen=seen))
    assert first[0].document.id == "d1"
    assert str(first[1].error) == "a.jsonl:2: document id 'd1' was already read (a.jsonl:1)"
    assert str(again[0].error) == "b.jsonl:1: document id 'd1' was already read (a.jsonl:1)"
    renamed = [r.document.id for r in read_records(lines(record(), record(), record(id="d1-1"), record()),
                                                   duplicates="rename")]
    assert renamed == ["d1", "d1-1", "d1-1-1", "d1-2"]


def test_pretty_printed_records_and_arrays_are_read_with_their_first_line():
    pretty = json.dumps(record(), indent=2) + "\n" + json.dumps(record(id="d2"), indent=2) + "\n"
    got = [(r.line, r.document.id) for r in read_records(io.StringIO(pretty))]
    assert got == [(1, "d1"), (pretty.count("\n", 0, pretty.index('{\n  "id": "d2"')) + 1, "d2")]
    array = json.dumps([record(), record(id="d2")], indent=2)
    assert [r.document.id for r in read_records(io.StringIO(array))] == ["d1", "d2"]


def test_a_broken_pretty_record_does_not_lose_the_next():
    broken = json.dumps(record(), indent=2).replace('"kind": "direct",', '"kind": "direct"')
    text = broken + "\n" + json.dumps(record(id="d2"), indent=2) + "\n"
    got = list(read_records(io.StringIO(text), name="p.json"))
    assert "not JSON" in str(got[0].error) and got[1].document.id == "d2"
