"""Speakers the parse does not hand over directly: owners of speech nouns, participles hung on
the wrong clause, names mistagged by the tagger, quantity subjects, cues that share a speaker.

Each sentence is our own; all are parsed once, as one document, by the offline models.
"""

from __future__ import annotations

import pytest

from quoteattr import attribute

SENTENCES = {
    "statement_saying": "The ferry company issued a statement saying it would appeal the ruling.",
    "said_in_statement": "He said in a statement that the harbour plan would fail.",
    "citing": "Trade analysts said economic factors have helped the region, citing the importance of exports.",
    "adding": ('"Permits should not be a formality," Councillor Ruth Okafor said in a statement, '
               'adding that the permits were handed out "like sweets."'),
    "modal_name": "May said last week that the port would close by the spring.",
    "quantifier": "Many of the growers believe lower tariffs are acceptable.",
    "conj_shared": "The transport minister said the rail line would open in June and warned that fares would rise.",
}


@pytest.fixture(scope="module")
def quotes(nlp):
    keys = list(SENTENCES)
    text = "\n\n".join(SENTENCES[k] for k in keys)
    doc = attribute(nlp.parse(text))
    out: dict[str, list] = {k: [] for k in keys}
    offset = 0
    for k in keys:
        end = offset + len(SENTENCES[k])
        out[k] = [q for q in doc.quotes if offset <= q.start < end]
        offset = end + 2
    return out


def _by_content(quotes, key, words):
    hits = [q for q in quotes[key] if words in q.text]
    assert hits, [(q.text, q.cue and q.cue.text) for q in quotes[key]]
    return hits[0]


@pytest.mark.parametrize("key,words,speaker", [
    ("statement_saying", "would appeal the ruling", "The ferry company"),
    ("said_in_statement", "harbour plan would fail", "He"),
    ("citing", "importance of exports", "Trade analysts"),
    ("adding", "handed out", "Councillor Ruth Okafor"),
    ("modal_name", "port would close", "May"),
    ("quantifier", "lower tariffs are acceptable", "Many of the growers"),
    ("conj_shared", "fares would rise", "The transport minister"),
])
def test_speaker(quotes, key, words, speaker):
    q = _by_content(quotes, key, words)
    assert q.speaker is not None, (q.text, q.cue and q.cue.text)
    assert q.speaker.text == speaker


def test_statement_content_is_the_clause_not_the_statement(quotes):
    q = _by_content(quotes, "statement_saying", "would appeal")
    assert [s.text for s in q.content_spans] == ["it would appeal the ruling"]


def test_participle_is_not_inverted_onto_its_object(quotes):
    q = _by_content(quotes, "citing", "importance of exports")
    assert "importance" not in q.speaker.text


def test_share_speakers_gives_a_hung_cue_its_heads_speaker(nlp):
    from quoteattr.attribution.merge import share_speakers
    from quoteattr.model import Candidate, Span

    text = "The mayor said the bridge was safe, adding that repairs would start soon."
    doc = nlp.parse(text)
    words = {w.text: w for w in doc.sentences[0].words}
    assert words["adding"].head == words["said"].id  # the parse this test is about

    def span(s: str) -> Span:
        start = text.index(s)
        return Span.of(text, start, start + len(s))

    said = Candidate("indirect", span("the bridge").start, span("safe").end, [span("the bridge was safe")],
                     cue=span("said"), speaker=span("The mayor"), speaker_head=(0, words["mayor"].id), sentence=0)
    adding = Candidate("indirect", span("repairs").start, span("soon").end, [span("repairs would start soon")],
                       cue=span("adding"), sentence=0)
    orphan = Candidate("indirect", span("repairs").start, span("soon").end, [span("repairs would start soon")],
                       cue=span("adding"), sentence=0)
    out = share_speakers(doc, [said, adding])
    assert out[0] == said
    assert out[1].speaker == span("The mayor") and out[1].speaker_head == said.speaker_head
    # without a speaking head cue nothing is invented
    assert share_speakers(doc, [orphan])[0].speaker is None


# ------------------------------------------------------------------ subjects the parser hung elsewhere

MORE = {
    "run_in_name": "At a lunch with the owners of the Harbour Post Whitlock said that the ferry line would close.",
    "because": "A union source said the talks failed because the company had asked for more time.",
    "participle_inside": "She says the mayor\u2019s tweets accusing the union of lying are unfair.",
    "hearer_clause": "Ortiz is telling a dockers group that the harbour is \u201cfull\u201d and says he will expand it.",
    "stance_after_quote": "\u201cThe ferry must stay,\u201d the council voted.",
    "speaker_in_quote": "''The lack of dock space is shameful,'' said Ruth Okafor, the director of the harbour board.",
    "asked_first": "Asked about the bridge, Okafor said, \u201cWe will fix it before the winter.\u201d",
    "inverted_root": "Lee's refusal to answer plainly did not go down well with the board, said one aide at the table.",
}


@pytest.fixture(scope="module")
def more(nlp):
    return {k: nlp(t) for k, t in MORE.items()}


def test_a_name_run_into_the_phrase_before_the_cue_speaks(more):
    (q,) = more["run_in_name"].quotes
    assert q.content == "the ferry line would close"
    assert q.speaker is not None and q.speaker.text.endswith("Whitlock")
    assert more["run_in_name"].speaker_of(q).name == "Whitlock"


def test_a_reason_clause_stays_in_what_was_said(more):
    (q,) = more["because"].quotes
    assert q.content == "the talks failed because the company had asked for more time"
    assert q.speaker.text == "A union source"


def test_a_participle_inside_the_reported_clause_does_not_cut_it(more):
    (q,) = more["participle_inside"].quotes
    assert q.cue.text == "says" and q.speaker.text == "She"
    assert q.content == "the mayor\u2019s tweets accusing the union of lying are unfair"


def test_second_report_of_the_speaker_whose_clause_hangs_on_the_hearer(more):
    q = next(q for q in more["hearer_clause"].quotes if q.cue.text == "says")
    assert q.content == "he will expand it" and q.speaker.text == "Ortiz"


def test_a_stance_verb_after_a_direct_quote_is_no_speech_cue(more):
    (q,) = more["stance_after_quote"].quotes
    assert q.speaker.text == "the council"
    assert q.cue_class == "other"  # "voted" is a stance cue in the lexicon, not a verb of saying


def test_s_said_x_with_the_cue_made_the_root(more):
    # the parser makes "said" the root with "refusal" its subject; the speaker follows the cue
    (q,) = more["inverted_root"].quotes
    assert q.cue.text == "said" and q.speaker.text == "one aide"
    assert q.content == "Lee's refusal to answer plainly did not go down well with the board"


def test_no_speaker_inside_the_quotation(more):
    # the parser takes "lack" for the subject of "said" and the speaker for its object
    (q,) = more["speaker_in_quote"].quotes
    assert q.kind == "direct" and q.speaker.text == "Ruth Okafor"


def test_a_reporter_s_question_opening_the_sentence_is_no_cue(more):
    # "Asked" is tagged as a past tense here; the question is the reporter's, the quote Okafor's
    (q,) = more["asked_first"].quotes
    assert q.kind == "direct" and q.cue.text == "said" and q.speaker.text == "Okafor"
