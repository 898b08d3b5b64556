"""What a cue reports by the frame its content was read by (``frame``, ``cue_class``), negated
and refused reports (``negated``), and what the speech profile keeps of them."""

import json

import pytest

import quoteattr
from quoteattr.model import AttributedDocument

pytestmark = pytest.mark.models


def _one(nlp, text):
    doc = nlp(text)
    assert len(doc.quotes) == 1, [(q.cue.text if q.cue else None, q.content) for q in doc.quotes]
    return doc.quotes[0]


@pytest.mark.parametrize("text, cue, frame, cls", [
    ("The harbour master said that the quay would open in June.", "said", "ccomp", "speech"),
    ("The quay will open in June, the harbour master said.", "said", "parataxis", "speech"),
    ("The harbour master talked about the new quay for an hour.", "talked", "about", "topic"),
    ("The council discussed the harbour budget on Monday night.", "discussed", "obj", "topic"),
    ("The operator did not respond to questions about the crane.", "respond", "to", "topic"),
    ("The clinic will confirm appointments by telephone.", "confirm", "obj", "topic"),
    ("The port authority agreed to release the shipping records.", "agreed", "xcomp", "attitude"),
    ("The mayor vowed to reopen the ferry route before winter.", "vowed", "xcomp", "speech"),
    ("The mayor called the delay a disgrace to the island.", "called", "obj", "speech"),
])
def test_the_frame_and_its_reading_travel_on_the_quote(nlp, text, cue, frame, cls):
    q = _one(nlp, text)
    assert (q.cue.text, q.frame, q.cue_class) == (cue, frame, cls)


def test_a_cue_phrase_and_a_direct_quote_have_their_own_frames(nlp):
    doc = nlp("According to the ferry company, the crossing will close. “We are sorry,” Ana Ruiz said.")
    assert [(q.kind, q.frame) for q in doc.quotes] == [("indirect", "phrase"), ("direct", None)]


@pytest.mark.parametrize("text, cue", [
    ("An attorney for the operator did not respond to requests for comment.", "respond"),
    ("A spokeswoman would not say whether the port would reopen in May.", "say"),
    ("The minister never said that the bridge would close for the summer.", "said"),
    ("The mayor declined to comment on the closure of the quay.", "declined"),
    ("The director refused to say when the ferry would run again.", "refused"),
    ("The director failed to mention that the ferry had been sold.", "mention"),
])
def test_negated_and_refused_reports_are_flagged(nlp, text, cue):
    doc = nlp(text)
    flagged = [q for q in doc.quotes if q.negated]
    assert [q.cue.text for q in flagged] == [cue]
    assert not [q for q in nlp.with_profile("speech")(text).quotes if q.cue is not None and q.cue.text == cue]


@pytest.mark.parametrize("text", [
    "The minister said that the bridge would close for the summer.",
    "The study not only documented faster warming but also linked it to shipping.",
    "The director did not hesitate; she said the ferry would run again in May.",
])
def test_reports_that_are_not_negated(nlp, text):
    doc = nlp(text)
    assert doc.quotes and not any(q.negated for q in doc.quotes)


def test_the_speech_profile_keeps_words_said_and_drops_topics(nlp):
    text = ("The harbour master said that the quay would open in June. "
            "She talked about the cranes for an hour. "
            "The council discussed the harbour budget. "
            "The operator agreed to release the records. "
            "A spokeswoman did not say whether the port would close.")
    wide = nlp(text)
    narrow = nlp.with_profile("speech")(text)
    assert len(wide.quotes) == 5
    assert [q.content for q in narrow.quotes] == ["the quay would open in June"]


def test_a_mixed_quote_of_a_topic_keeps_its_quoted_words_in_the_speech_profile(nlp):
    text = "The mayor referred to the ferry as “a floating disgrace to the whole island” on Monday."
    wide = [q for q in nlp(text).quotes if q.kind == "mixed"]
    narrow = [q for q in nlp.with_profile("speech")(text).quotes if q.kind == "mixed"]
    assert [q.cue_class for q in wide] == ["topic"] and [q.id for q in narrow] == [q.id for q in wide]


def test_a_second_object_of_a_passive_cue_is_no_report(nlp):
    assert not nlp("Customers were charged fees they never agreed to.").quotes
    assert _one(nlp, "The crew was told the ferry would not sail on Sunday.").content == "the ferry would not sail on Sunday"


def test_frame_and_negated_survive_json(nlp):
    doc = nlp("A spokeswoman would not say whether the port would reopen. Ana Ruiz talked about the cranes.")
    back = AttributedDocument.from_dict(json.loads(json.dumps(doc.to_dict())))
    assert [(q.frame, q.negated, q.cue_class) for q in back.quotes] == [("ccomp", True, "speech"),
                                                                         ("about", False, "topic")]
    assert quoteattr.attribute(doc.stanza_doc).quotes == doc.quotes


@pytest.mark.parametrize("text, cue, speaker, content, frame", [
    ("Ana Ruiz told the Harbour Gazette the rules favour the owners.",
     "told", "Ana Ruiz", "the rules favour the owners", "ccomp"),
    ("Mayor Says Port Will Reopen\n\nThe port closed in March after a storm.",
     "Says", "Mayor", "Port Will Reopen", "ccomp"),
    ("Ruiz Claims Owners Ignored Safety Rules\n\nThe inquiry opens on Monday.",
     "Claims", "Ruiz", "Owners Ignored Safety Rules", "ccomp"),
    ("Harbour Union Vows To Block New Quay Rules\n\nThe vote is on Friday.",
     "Vows", "Harbour Union", "To Block New Quay Rules", "xcomp"),
    ("Port To Reopen Next Week, Mayor Says\n\nThe port closed in March.",
     "Says", "Mayor", "Port To Reopen Next Week", "parataxis"),
])
def test_told_with_an_addressee_and_title_case_headlines(nlp, text, cue, speaker, content, frame):
    q = nlp(text).quotes[0]
    assert (q.cue.text, q.speaker.text, q.content, q.frame, q.cue_class) == (cue, speaker, content, frame, "speech")


def test_a_headline_stance_reads_as_the_same_stance_in_a_sentence(nlp):
    """A headline's stance verb taken for a noun takes its object as the sentence's verb does."""
    head = [(q.content, q.frame, q.cue_class) for q in nlp("Ben Carson Defends Himself Against Critics\n\n"
                                                             "The book sold well.").quotes]
    line = [(q.content, q.frame, q.cue_class) for q in nlp("Ben Carson defended himself against critics.").quotes]
    assert head == [("Himself Against Critics", "obj", "attitude")]
    assert line == [("himself against critics", "obj", "attitude")]


def test_a_name_inside_a_quotation_is_no_headline_cue(nlp):
    text = "“The United States, along with its partners, urges calm and the protection of civilians.”"
    assert [(q.kind, q.cue) for q in nlp(text).quotes] == [("direct", None)]


def test_frame_and_negated_are_columns_of_the_quote_table(nlp):
    doc = nlp("The mayor declined to comment on the quay. The harbour master said that the quay would open.")
    rows = {r["cue"]: r for r in doc.to_records()}
    assert (rows["declined"]["negated"], rows["said"]["negated"]) == (True, False)
    assert rows["said"]["frame"] == "ccomp"
