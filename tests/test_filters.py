"""Candidates that report nothing in any reading are dropped (quoteattr.attribution.filters):
the writer's questions to the reader, a time or a number read as content, a cue's object
that is its hearer or the object of a sense that is no report."""

import pytest
from trees import tree

from quoteattr.attribution.filters import drop_non_reports
from quoteattr.lexicon.cues import event_not_cues, not_cues, object_not_cues, person_not_cues
from quoteattr.lexicon.tables import lexicon
from quoteattr.model import Candidate, Span


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
    assert any(content.endswith("backed the plan") or content == "the plan" for _, content in found)


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


def test_not_cues_reads_the_event_reading_apart(tmp_path):
    (tmp_path / "not_cues.tsv").write_text("attack\tan assault\tevent\nadd\tjobs added\tobject\n", encoding="utf-8")
    with lexicon(tmp_path):
        assert (event_not_cues(), object_not_cues(), not_cues()) == (frozenset({"attack"}), frozenset({"add"}), frozenset())


def test_not_cues_reads_the_person_reading_apart(tmp_path):
    (tmp_path / "not_cues.tsv").write_text("focus\ta thing's topic\tperson\nattack\tan assault\tevent\n", encoding="utf-8")
    with lexicon(tmp_path):
        assert (person_not_cues(), event_not_cues(), not_cues()) == (frozenset({"focus"}), frozenset({"attack"}), frozenset())


def test_an_unknown_not_cue_reading_is_an_error(tmp_path):
    (tmp_path / "not_cues.tsv").write_text("add\tjobs added\tobjekt\n", encoding="utf-8")
    with lexicon(tmp_path), pytest.raises(ValueError, match="unknown reading 'objekt'"):
        object_not_cues()


def _candidate(doc, content, cue, frame):
    text = doc.text
    start, c = text.index(content), text.index(cue)
    span = Span.of(text, start, start + len(content))
    return Candidate("indirect", span.start, span.end, (span,), Span.of(text, c, c + len(cue)), None, None, 0,
                     "speech", frame)


_QUOTED = [("“", "“", "PUNCT", 5, "punct"), ("The", "the", "DET", 3, "det"), ("ferry", "ferry", "NOUN", 5, "nsubj"),
           ("is", "be", "AUX", 5, "cop"), ("late", "late", "ADJ", 14, "ccomp"), (",", ",", "PUNCT", 5, "punct"),
           ("”", "”", "PUNCT", 5, "punct"), ("Ana", "Ana", "PROPN", 14, "parataxis"),
           ("Ruiz", "Ruiz", "PROPN", 8, "flat"), (",", ",", "PUNCT", 11, "punct"), ("a", "a", "DET", 12, "det"),
           ("spokeswoman", "spokeswoman", "NOUN", 8, "appos"), (",", ",", "PUNCT", 12, "punct"),
           ("said", "say", "VERB", 0, "root"), (".", ".", "PUNCT", 14, "punct")]


def test_the_name_of_a_quotations_speaker_is_not_what_the_cue_after_it_reports():
    doc = tree("“The ferry is late,” Ana Ruiz, a spokeswoman, said.", _QUOTED)
    assert drop_non_reports(doc, [_candidate(doc, "Ana Ruiz", "said", "parataxis")]) == []


def test_a_one_word_report_before_its_cue_stays():
    doc = tree("Sorry, Ana said.", [("Sorry", "Sorry", "PROPN", 4, "parataxis"), (",", ",", "PUNCT", 1, "punct"),
                                    ("Ana", "Ana", "PROPN", 4, "nsubj"), ("said", "say", "VERB", 0, "root"),
                                    (".", ".", "PUNCT", 4, "punct")])
    kept = [_candidate(doc, "Sorry", "said", "parataxis")]
    assert drop_non_reports(doc, kept) == kept


def _attack(text, first):
    """A hand-written parse of "<first> attack on the embassy shocked the town."."""
    det = ("det", "DET") if first.lower() in ("the", "an") else ("nmod:poss", "PRON")
    return tree(text, [(first, first.lower(), det[1], 2, det[0]), ("attack", "attack", "NOUN", 6, "nsubj"),
                       ("on", "on", "ADP", 5, "case"), ("the", "the", "DET", 5, "det"),
                       ("embassy", "embassy", "NOUN", 2, "nmod"), ("shocked", "shock", "VERB", 0, "root"),
                       ("the", "the", "DET", 8, "det"), ("town", "town", "NOUN", 6, "obj"),
                       (".", ".", "PUNCT", 6, "punct")])


def test_the_attack_on_a_place_is_an_event_not_a_report():
    doc = _attack("The attack on the embassy shocked the town.", "The")
    assert drop_non_reports(doc, [_candidate(doc, "the embassy", "attack", "on")]) == []


def test_an_authors_attack_stays_a_report():
    doc = _attack("His attack on the embassy shocked the town.", "His")
    kept = [_candidate(doc, "the embassy", "attack", "on")]
    assert drop_non_reports(doc, kept) == kept


def _focused(text, first, subject):
    """A hand-written parse of "<first> <subject> focused on the harbour levy." and its candidate,
    the subject as its speaker."""
    doc = tree(text, [(first, first.lower(), "DET", 2, "det"), (subject, subject.lower(), "NOUN", 3, "nsubj"),
                      ("focused", "focus", "VERB", 0, "root"), ("on", "on", "ADP", 7, "case"),
                      ("the", "the", "DET", 7, "det"), ("harbour", "harbour", "NOUN", 7, "compound"),
                      ("levy", "levy", "NOUN", 3, "obl"), (".", ".", "PUNCT", 3, "punct")])
    content, c, who = text.index("the harbour levy"), text.index("focused"), text.index(subject)
    span = Span.of(text, content, content + len("the harbour levy"))
    return doc, Candidate("indirect", span.start, span.end, (span,), Span.of(text, c, c + len("focused")),
                          Span.of(text, text.index(first), who + len(subject)), (0, 2), 0, "attitude", "on")


def test_what_a_thing_focuses_on_is_no_stance():
    doc, c = _focused("The debate focused on the harbour levy.", "The", "debate")
    assert drop_non_reports(doc, [c]) == []


def test_what_a_person_focuses_on_stays_a_stance():
    doc, c = _focused("The mayor focused on the harbour levy.", "The", "mayor")
    assert drop_non_reports(doc, [c]) == [c]


def _threatened(subject):
    """A hand-written parse of "The <subject> threatened to close the port." and its candidate, the
    subject as its speaker."""
    text = f"The {subject} threatened to close the port."
    doc = tree(text, [("The", "the", "DET", 2, "det"), (subject, subject, "NOUN", 3, "nsubj"),
                      ("threatened", "threaten", "VERB", 0, "root"), ("to", "to", "PART", 5, "mark"),
                      ("close", "close", "VERB", 3, "xcomp"), ("the", "the", "DET", 7, "det"),
                      ("port", "port", "NOUN", 5, "obj"), (".", ".", "PUNCT", 3, "punct")])
    content, c = text.index("close the port"), text.index("threatened")
    span = Span.of(text, content, content + len("close the port"))
    return doc, Candidate("indirect", span.start, span.end, (span,), Span.of(text, c, c + len("threatened")),
                          Span.of(text, 0, 4 + len(subject)), (0, 2), 0, "speech", "xcomp")


def test_a_thing_that_threatens_is_a_risk_not_a_threat():
    doc, c = _threatened("storm")
    assert drop_non_reports(doc, [c]) == []


@pytest.mark.parametrize("subject", ["mayor", "Officials"])
def test_someone_who_threatens_makes_a_threat(subject):
    doc, c = _threatened(subject)
    assert drop_non_reports(doc, [c]) == [c]


def _seen(text, items):
    """A hand-written parse of ``text`` ("The mayor was seen ... the hall.") and its candidate: the
    words after "seen" as content, "The mayor" as speaker."""
    doc = tree(text, "The/the/DET/DT/2/det mayor/mayor/NOUN/NN/4/nsubj:pass was/be/AUX/VBD/4/aux:pass "
                     "seen/see/VERB/VBN/0/root " + items)
    c = text.index("seen")
    span = Span.of(text, c + 5, len(text) - 1)
    return doc, Candidate("indirect", span.start, span.end, (span,), Span.of(text, c, c + 4),
                          Span.of(text, 0, 9), (0, 2), 0, "thought", "xcomp")


def test_what_someone_was_seen_doing_is_a_sight_not_a_view():
    doc, c = _seen("The mayor was seen leaving the hall.",
                   "leaving/leave/VERB/VBG/4/xcomp the/the/DET/DT/7/det hall/hall/NOUN/NN/5/obj ././PUNCT/./4/punct")
    assert drop_non_reports(doc, [c]) == []


def test_what_someone_is_seen_to_do_stays_a_view():
    doc, c = _seen("The mayor was seen to favour the hall.", "to/to/PART/TO/6/mark favour/favour/VERB/VB/4/xcomp "
                   "the/the/DET/DT/8/det hall/hall/NOUN/NN/6/obj ././PUNCT/./4/punct")
    assert drop_non_reports(doc, [c]) == [c]
