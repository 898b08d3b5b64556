"""Which attributions are returned: nested reports, verbs outside the lexicon that report a
clause, verbs that take a clause without reporting it, and the class of every cue.

Each sentence is our own; all are parsed once, as one document, by the offline models.
"""

from __future__ import annotations

import pytest

from quoteattr import attribute

SENTENCES = {
    "nested": "Aides said that the senator believes that the bill is dead.",
    "discover": "The inspectors discovered that the ledgers had been altered.",
    "means": "This means that ferry fares will rise next year.",
    "ensure": "The crew ensured that the harbour roads were cleared.",
    "relative": "The plan angered Lena Fisk, who said that the port would lose jobs.",
    "relative_inside": "Aides said that the senator, who believes the bill is dead, will vote against it.",
    "direct": '"We are ready," the coach said.',
    "according": "According to the agency, bread prices rose sharply last year.",
    "smiled": '"Not today," he smiled.',
}


def _split(doc):
    out: dict[str, list] = {k: [] for k in SENTENCES}
    offset = 0
    for k, sentence in SENTENCES.items():
        end = offset + len(sentence)
        out[k] = [q for q in doc.quotes if offset <= q.start < end]
        offset = end + 2
    return out


@pytest.fixture(scope="module")
def parsed(nlp):
    return nlp.parse("\n\n".join(SENTENCES.values()))


@pytest.fixture(scope="module")
def quotes(parsed):
    return _split(attribute(parsed))


@pytest.fixture(scope="module")
def with_nested(parsed):
    return _split(attribute(parsed, nested=True))


def test_a_report_inside_another_is_part_of_it(quotes):
    assert [(q.cue.text, q.content) for q in quotes["nested"]] == [
        ("said", "the senator believes that the bill is dead")]


def test_nested_reports_on_request(with_nested):
    got = {(q.cue.text, q.content, q.speaker.text) for q in with_nested["nested"]}
    assert got == {("said", "the senator believes that the bill is dead", "Aides"),
                   ("believes", "the bill is dead", "the senator")}


def test_a_report_in_a_relative_clause_stays(quotes):
    q = next(q for q in quotes["relative"] if q.cue.text == "said")
    assert q.content == "the port would lose jobs" and q.speaker.text == "who"


def test_a_report_in_a_relative_clause_inside_another_is_part_of_it(quotes):
    assert [q.cue.text for q in quotes["relative_inside"]] == ["said"]


def test_verb_outside_the_lexicon_reporting_a_clause(quotes):
    (q,) = quotes["discover"]
    assert (q.cue.text, q.content, q.speaker.text) == ("discovered", "the ledgers had been altered", "The inspectors")
    assert q.cue_class == "clause"


@pytest.mark.parametrize("key", ["means", "ensure"])
def test_verbs_that_take_a_clause_without_reporting_it(quotes, key):
    assert quotes[key] == []


@pytest.mark.parametrize("key,cue,cls", [
    ("nested", "said", "speech"),
    ("direct", "said", "speech"),
    ("according", "According to", "speech"),
    ("smiled", "smiled", "other"),
])
def test_cue_class(quotes, key, cue, cls):
    (q,) = quotes[key]
    assert q.cue.text == cue and q.cue_class == cls


def test_cue_class_survives_json_and_the_store(nlp):
    from quoteattr import AttributedDocument
    from quoteattr.linking.store import Corpus

    doc = nlp("Aides said the senator believes the bill is dead.", id="d")
    assert [q.cue_class for q in doc.quotes] == ["speech"]
    back = AttributedDocument.from_dict(doc.to_dict())
    assert [q.cue_class for q in back.quotes] == ["speech"]
    with Corpus() as corpus:
        corpus.add([doc])
        assert [q.cue_class for q in corpus.document("d").quotes] == ["speech"]
