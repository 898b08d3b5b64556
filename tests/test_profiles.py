"""Profiles: "attribution" keeps every attribution, "speech" only what people said or wrote."""

import io
import json

import pytest

import quoteattr
from quoteattr.attribution.profiles import PROFILES, apply_profile, check_profile, profile_keeps
from quoteattr.cli import main
from quoteattr.errors import SettingsError
from quoteattr.model import AttributedDocument, Entity, Quote

ARTICLE = (
    "The harbour master said the new quay will open in June. "
    "Fishermen believe the works will run late. "
    "The council wants a second crane. "
    "“We will be ready,” the contractor, Ana Ruiz, wrote in a letter. "
    "“It is a good day for the town.”"
)


def test_unknown_profile_is_a_settings_error_naming_the_known_ones():
    with pytest.raises(SettingsError, match="'attribution', 'speech'"):
        quoteattr.Pipeline(profile="speeches")
    with pytest.raises(SettingsError):
        check_profile(None)


@pytest.mark.parametrize(
    "kind, cue_class, kept",
    [("indirect", "speech", True), ("mixed", "writing", True), ("direct", "speech", True),
     ("indirect", "thought", False), ("indirect", "attitude", False), ("indirect", "report", False),
     ("indirect", "clause", False), ("direct", "thought", False),
     ("direct", None, True), ("direct", "other", True), ("indirect", None, False), ("mixed", None, False),
     ("indirect", "topic", False), ("mixed", "topic", True), ("direct", "topic", False)],
)
def test_speech_profile_keeps_speech_writing_and_cueless_direct_quotes(kind, cue_class, kept):
    assert profile_keeps("speech", kind, cue_class) is kept
    assert profile_keeps("attribution", kind, cue_class) is True
    assert profile_keeps("speech", kind, cue_class, negated=True) is False
    assert profile_keeps("attribution", kind, cue_class, negated=True) is True


def test_apply_profile_drops_the_speakers_left_without_quotes():
    quotes = (Quote("q1", "indirect", 0, 3, "abc", (), entity="e1", cue_class="speech"),
              Quote("q2", "indirect", 4, 7, "def", (), entity="e2", cue_class="attitude"),
              Quote("q3", "indirect", 8, 9, "g", (), entity="e2", cue_class="writing"))
    doc = AttributedDocument("d", "abc def g", quotes=quotes, entities=(Entity("e1"), Entity("e2"), Entity("e3")))
    narrow = apply_profile(doc, "speech")
    assert [q.id for q in narrow.quotes] == ["q1", "q3"]
    assert [e.id for e in narrow.entities] == ["e1", "e2"]
    only = apply_profile(AttributedDocument("d", "abc def g", quotes=quotes[1:2], entities=(Entity("e2"),)), "speech")
    assert only.quotes == () and only.entities == ()


@pytest.mark.models
def test_speech_profile_is_a_subset_of_attribution_with_the_same_ids(nlp):
    wide = nlp(ARTICLE)
    narrow = nlp.with_profile("speech")(ARTICLE)
    assert nlp.profile == "attribution" and len(PROFILES) == 2
    by_id = {q.id: q for q in wide.quotes}
    assert {q.id for q in narrow.quotes} < set(by_id)
    assert all(by_id[q.id] == q for q in narrow.quotes)
    said = {q.content for q in narrow.quotes}
    assert "the new quay will open in June" in said
    assert any("We will be ready" in c for c in said)
    assert any("good day for the town" in c for c in said)  # a quotation without a cue is speech
    dropped = {(q.cue.text if q.cue else None) for q in wide.quotes if q.id not in {n.id for n in narrow.quotes}}
    assert {"believe", "wants"} <= dropped


@pytest.mark.models
def test_stream_and_extract_take_the_profile(nlp):
    streamed = list(quoteattr.stream([ARTICLE], profile="speech", progress=False))
    assert streamed[0].quotes == nlp.with_profile("speech")(ARTICLE).quotes
    assert quoteattr.extract(ARTICLE, profile="speech").quotes == streamed[0].quotes
    with pytest.raises(SettingsError):
        quoteattr.extract(ARTICLE, profile="stance")


@pytest.mark.models
def test_cli_profile_for_extract_and_for_records_given_to_link(tmp_path):
    path = tmp_path / "quay.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    out = io.StringIO()
    assert main(["extract", "--profile", "speech", str(path)], stdin=io.StringIO(), stdout=out) == 0
    record = json.loads(out.getvalue())
    assert record["quotes"] and {q["cue_class"] for q in record["quotes"]} <= {"speech", "writing", None}
    wide = io.StringIO()
    assert main(["extract", str(path)], stdin=io.StringIO(), stdout=wide) == 0
    assert len(json.loads(wide.getvalue())["quotes"]) > len(record["quotes"])
    records = tmp_path / "wide.jsonl"
    records.write_text(wide.getvalue(), encoding="utf-8")
    linked = io.StringIO()
    assert main(["link", "--profile", "speech", str(records)], stdin=io.StringIO(), stdout=linked) == 0
    text = linked.getvalue()
    assert "believe" not in text and "quay" in text


def test_cli_refuses_an_unknown_profile(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["extract", "--profile", "stance", "x.txt"], stdin=io.StringIO(), stdout=io.StringIO())
    assert exc.value.code == 2 and "stance" in capsys.readouterr().err
