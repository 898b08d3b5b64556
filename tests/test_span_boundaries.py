"""Where a reported clause starts and ends (issue #13): pieces the parser hung on the cue that
carry the reported clause on. Short own texts, parsed by the shared pipeline or with the parse
pinned (``tests/trees.py``)."""

from __future__ import annotations

import pytest

from trees import tree as tree_of

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
    quotes = _quotes(nlp, "He said he made many requests to the port but that those pleas were refused.")
    assert ("said", ["he made many requests to the port but that those pleas were refused"], "He") in quotes


def test_a_gloss_set_off_by_a_dash_is_the_writers(nlp):
    # "… — a delay that S": an indefinite noun phrase after a dash glosses the clause, like one
    # after a comma
    quotes = _quotes(nlp, "The mayor said the port would reopen after the storm — a delay that the owners had long feared.")
    assert ("said", ["the port would reopen after the storm"], "The mayor") in quotes


def test_a_participle_on_the_source_of_a_cue_phrase_is_not_reported(nlp):
    # "In a poll [published last Tuesday], S": the participle describes the source, even when the
    # parser hangs it on the time noun after it
    quotes = _quotes(nlp, "In a poll published last Tuesday, 79 percent of owners said they were satisfied with the port.")
    assert ("In", ["79 percent of owners said they were satisfied with the port"], "a poll") in quotes


@pytest.mark.parametrize("text,reported", [
    # the parser reads the participle as the main verb of the sentence: it still describes the source
    ("In a Harbour Times poll released Monday, 40 percent of owners backed the toll.",
     "40 percent of owners backed the toll"),
    ("In the new Harbour Times poll, conducted June 2-4, 40 percent of owners back the toll.",
     "40 percent of owners back the toll"),
    ("According to a 2016 study by the Harbour Institute based on census data, owners of ferries skew younger.",
     "owners of ferries skew younger"),
])
def test_a_participle_after_the_source_of_a_cue_phrase_is_not_reported_whatever_its_parse(nlp, text, reported):
    assert [said for cue, said, _ in _quotes(nlp, text) if cue in ("In", "According to")] == [[reported]]


def _condition(comma: str) -> str:
    """The parse of the shared models of "She said the fares would rise[,] if the owners announce a
    sale", pinned: an adverbial clause whose verb is a cue with a subject of its own hung inside the
    reported clause, set off by a comma or not."""
    words = ["She/she/PRON/PRP/2/nsubj", "said/say/VERB/VBD/0/root", "the/the/DET/DT/4/det",
             "fares/fare/NOUN/NNS/6/nsubj", "would/would/AUX/MD/6/aux", "rise/rise/VERB/VB/2/ccomp",
             "if/if/SCONJ/IN/{v}/mark", "the/the/DET/DT/{n}/det", "owners/owner/NOUN/NNS/{v}/nsubj",
             "announce/announce/VERB/VBP/6/advcl", "a/a/DET/DT/{o}/det", "sale/sale/NOUN/NN/{v}/obj",
             "././PUNCT/./2/punct"]
    if comma:
        words.insert(6, ",/,/PUNCT/,/{v}/punct")
    k = 1 if comma else 0
    return " ".join(words).format(v=10 + k, n=9 + k, o=12 + k)


def _pinned(text: str, items: str) -> list[tuple[str | None, list[str], str | None]]:
    cands = indirect_quotes(tree_of(text, items), find_quotations(text))
    return [(c.cue.text if c.cue else None, [s.text for s in c.content_spans],
             c.speaker.text if c.speaker else None) for c in cands]


def test_a_clause_of_another_cue_not_set_off_is_part_of_the_clause():
    # "said S if X announce Y": hung inside S without a comma, the clause is S's condition even though
    # its verb is a cue with its own subject
    quotes = _pinned("She said the fares would rise if the owners announce a sale.", _condition(""))
    assert ("said", ["the fares would rise if the owners announce a sale"], "She") in quotes


def test_a_clause_of_another_cue_set_off_by_a_comma_is_a_report_of_its_own():
    quotes = _pinned("She said the fares would rise, if the owners announce a sale.", _condition(","))
    assert ("said", ["the fares would rise"], "She") in quotes


@pytest.mark.parametrize("text,said", [
    ("The port may not reopen this year, they say, but it is still a good investment.",
     ["The port may not reopen this year", "but it is still a good investment"]),
    ("The port is closed, he said, because the owners are away.", ["The port is closed", "because the owners are away"]),
])
def test_a_parenthetical_cue_reports_the_rest_of_the_clause_joined_to_it(nlp, text, said):
    # "S, they say, but S2": the parser joins the rest of the clause to the cue; it is still said
    assert [c[1] for c in _quotes(nlp, text) if c[0] in ("say", "said")] == [said]


def test_a_participle_after_a_parenthetical_cue_reports_on_its_own(nlp):
    quotes = _quotes(nlp, "The port is closed, he said, adding that the owners are away.")
    assert ("said", ["The port is closed"], "he") in quotes


def test_a_content_goes_on_over_a_sentence_break_after_a_title():
    # the tokenizer ends the sentence after "Sen.": the name after it is still what was said
    text = "She said the vote would favor Maine Sen. Ana Ruiz. Others disagree."
    doc = tree_of(text,
                  "She/she/PRON/PRP/2/nsubj said/say/VERB/VBD/0/root the/the/DET/DT/4/det vote/vote/NOUN/NN/6/nsubj "
                  "would/would/AUX/MD/6/aux favor/favor/VERB/VB/2/ccomp Maine/Maine/PROPN/NNP/8/compound "
                  "Sen./Sen./PROPN/NNP/6/obj",
                  "Ana/Ana/PROPN/NNP/0/root Ruiz/Ruiz/PROPN/NNP/1/flat ././PUNCT/./1/punct",
                  "Others/other/NOUN/NNS/2/nsubj disagree/disagree/VERB/VBP/0/root ././PUNCT/./2/punct")
    quotes = [(c.cue.text, [s.text for s in c.content_spans]) for c in indirect_quotes(doc, find_quotations(text))]
    assert ("said", ["the vote would favor Maine Sen. Ana Ruiz"]) in quotes


def test_a_sentence_break_after_a_title_before_an_attribution_ends_the_content():
    text = "She said the vote would favor Ms. White said so too."
    doc = tree_of(text,
                  "She/she/PRON/PRP/2/nsubj said/say/VERB/VBD/0/root the/the/DET/DT/4/det vote/vote/NOUN/NN/6/nsubj "
                  "would/would/AUX/MD/6/aux favor/favor/VERB/VB/2/ccomp Ms./Ms./PROPN/NNP/6/obj",
                  "White/White/PROPN/NNP/2/nsubj said/say/VERB/VBD/0/root so/so/ADV/RB/2/advmod too/too/ADV/RB/2/advmod "
                  "././PUNCT/./2/punct")
    quotes = [(c.cue.text, [s.text for s in c.content_spans]) for c in indirect_quotes(doc, find_quotations(text))]
    assert ("said", ["the vote would favor Ms."]) in quotes


def _joined(last: str) -> str:
    """The parse of "The mayor said the port is closed and the owners ___ …", pinned, with the
    second clause hung on the cue as a conjunct: ``last`` is its predicate's items."""
    return ("The/the/DET/DT/2/det mayor/mayor/NOUN/NN/3/nsubj said/say/VERB/VBD/0/root the/the/DET/DT/5/det "
            "port/port/NOUN/NN/7/nsubj is/be/AUX/VBZ/7/cop closed/closed/ADJ/JJ/3/ccomp and/and/CCONJ/CC/12/cc "
            "the/the/DET/DT/10/det owners/owner/NOUN/NNS/12/nsubj " + last + " ././PUNCT/./3/punct")


def test_a_clause_joined_to_the_report_by_and_is_part_of_it():
    # "said S1 and S2" with S2 hung on the cue: with its own subject and no comma it goes on with
    # what was said, unless its verb is a cue (a second report: "…and the owners fear S2")
    text = "The mayor said the port is closed and the owners are away."
    quotes = _pinned(text, _joined("are/be/AUX/VBP/12/cop away/away/ADV/RB/3/conj"))
    assert ("said", ["the port is closed and the owners are away"], "The mayor") in quotes
    text = "The mayor said the port is closed and the owners fear a strike."
    quotes = _pinned(text, _joined("fear/fear/VERB/VBP/3/conj a/a/DET/DT/13/det strike/strike/NOUN/NN/11/obj"))
    assert ("said", ["the port is closed"], "The mayor") in quotes
