"""Where a reported clause starts and ends (issue #13): pieces the parser hung on the cue that
carry the reported clause on. Short own texts, parsed by the shared pipeline."""

from __future__ import annotations

import pytest

from quoteattr.attribution.indirect import indirect_quotes
from quoteattr.attribution.quotations import find_quotations


def _quotes(nlp, text: str) -> list[tuple[str | None, list[str], str | None]]:
    cands = indirect_quotes(nlp.parse(text), find_quotations(text))
    return [(c.cue.text if c.cue else None, [s.text for s in c.content_spans],
             c.speaker.text if c.speaker else None) for c in cands]


@pytest.mark.parametrize("text,said", [
    # a predicate without a subject joined to the cue right after its clause carries the clause on
    ("She said she had called the owners but could not reach them since they were away.",
     "she had called the owners but could not reach them since they were away"),
])
def test_a_conjoined_predicate_after_the_clause_is_part_of_it(nlp, text, said):
    assert ("said", [said], "She") in _quotes(nlp, text)


def test_a_conjoined_cue_after_the_clause_is_a_second_report(nlp):
    # "said S and warned that S2": the speaker's second act, not more of S
    quotes = _quotes(nlp, "The mayor said the toll was fair and warned that the owners would sue.")
    assert ("said", ["the toll was fair"], "The mayor") in quotes
    assert ("warned", ["the owners would sue"], "The mayor") in quotes


def test_a_second_that_clause_joined_to_the_clause_is_part_of_the_report(nlp):
    # "said S1 but that S2": the complementizer makes S2 a second clause of the same report, even
    # with a cue of its own
    quotes = _quotes(nlp, "He said he made many requests to the port but that those requests were denied.")
    assert ("said", ["he made many requests to the port but that those requests were denied"], "He") in quotes


def test_a_gloss_set_off_by_a_dash_is_the_writers(nlp):
    # "… — a delay that S": an indefinite noun phrase after a dash glosses the clause, like one
    # after a comma
    quotes = _quotes(nlp, "The mayor said the port would reopen after the storm — a delay that the owners had long feared.")
    assert ("said", ["the port would reopen after the storm"], "The mayor") in quotes


def test_a_participle_on_the_source_of_a_cue_phrase_is_not_reported(nlp):
    # "In a survey [released last Thursday], S": the participle describes the source, even when the
    # parser hangs it on the time noun after it
    quotes = _quotes(nlp, "In a survey released last Thursday, 79 percent of owners said they were satisfied with the port.")
    assert ("In", ["79 percent of owners said they were satisfied with the port"], "a survey") in quotes


@pytest.mark.parametrize("text,reported", [
    # the parser reads the participle as the main verb of the sentence: it still describes the source
    ("In a Harbour Times poll released Monday, 40 percent of owners backed the toll.",
     "40 percent of owners backed the toll"),
    ("In the new Harbour Times poll, conducted May 11-13, 40 percent of owners back the toll.",
     "40 percent of owners back the toll"),
    ("According to a 2016 study by the Harbour Institute based on census data, owners of ferries skew younger.",
     "owners of ferries skew younger"),
])
def test_a_participle_after_the_source_of_a_cue_phrase_is_not_reported_whatever_its_parse(nlp, text, reported):
    assert [said for cue, said, _ in _quotes(nlp, text) if cue in ("In", "According to")] == [[reported]]
