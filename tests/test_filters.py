"""Candidates that report nothing in any reading are dropped (quoteattr.attribution.filters):
the writer's questions to the reader, a time or a number read as content, a cue's object
that is its hearer or the object of a sense that is no report."""

import pytest

from quoteattr.lexicon.cues import not_cues, object_not_cues
from quoteattr.lexicon.tables import lexicon


def _reports(nlp, text):
    return [(q.cue.text if q.cue else None, q.content) for q in nlp(text).quotes]


@pytest.mark.models
@pytest.mark.parametrize("text", [
    "Do you support the harbour plan?",
    "What do you think of the new ferry timetable?",
])
def test_a_question_to_the_reader_is_no_report(nlp, text):
    assert _reports(nlp, text) == []


@pytest.mark.models
def test_a_report_next_to_a_question_to_the_reader_stays(nlp):
    assert _reports(nlp, "Do you support the harbour plan? The mayor said the plan will pass.") == [
        ("said", "the plan will pass")]


@pytest.mark.models
def test_you_as_the_speaker_of_a_statement_still_reports(nlp):
    assert _reports(nlp, "You said the ferry would be late.") == [("said", "the ferry would be late")]


@pytest.mark.models
def test_the_time_of_a_report_is_not_its_content(nlp):
    found = _reports(nlp, "The council backed the plan, the mayor tweeted last Saturday.")
    assert ("tweeted", "last Saturday") not in found
    assert ("backed", "the plan") in found


@pytest.mark.models
def test_the_hearer_of_a_parenthetical_cue_is_not_its_content(nlp):
    found = _reports(nlp, "The island needs a second boat, a port official told the Harbour Gazette.")
    assert ("told", "the Harbour Gazette") not in found


@pytest.mark.models
def test_a_story_told_stays_a_report(nlp):
    assert _reports(nlp, "Lena Okafor told a very different story.") == [("told", "a very different story")]


@pytest.mark.models
def test_an_added_object_is_no_report_but_an_added_clause_is(nlp):
    assert _reports(nlp, "The shipyard added 300 jobs last year.") == []
    assert _reports(nlp, "The shipyard added that the jobs would stay on the island.") == [
        ("added", "the jobs would stay on the island")]


def test_not_cues_reads_the_object_reading_apart(tmp_path):
    (tmp_path / "not_cues.tsv").write_text("mean\tconsequence\nadd\tjobs added\tobject\n", encoding="utf-8")
    with lexicon(tmp_path):
        assert (not_cues(), object_not_cues()) == (frozenset({"mean"}), frozenset({"add"}))


def test_an_unknown_not_cue_reading_is_an_error(tmp_path):
    (tmp_path / "not_cues.tsv").write_text("add\tjobs added\tobjekt\n", encoding="utf-8")
    with lexicon(tmp_path), pytest.raises(ValueError, match="unknown reading 'objekt'"):
        object_not_cues()
