"""Direct quotes with their cue and speaker (quoteattr.attribution.direct) on short sentences."""

from __future__ import annotations

import attrs
import pytest

from quoteattr.attribution.direct import direct_quotes
from quoteattr.attribution.quotations import find_quotations

TEXTS = {
    "said_after": '"The bridge will open in May," the mayor said.',
    "said_inverted": '"We checked every cable," said Maria Lopez, the chief engineer.',
    "colon_before": 'The mayor said: "Nobody will pay a toll."',
    "comma_before": 'Lopez said, "The steel arrived late."',
    "interrupted_comma": '"The budget is tight," she said, "but we will manage."',
    "interrupted_period": '"The budget is tight," she said. "But we will manage."',
    "interrupted_exclaimed": ('"What a huge year for the harbour!" Ann Lee, an aide to the mayor, shouted to the '
                              'crowd. "The vote is in May."'),
    "according": 'According to the ministry, "the repairs are finished."',
    "statement": 'In a statement, the company said it "regrets the delay."',
    "participle": 'The minister left the room, saying, "I have nothing to add."',
    "added": '"It is too early to tell," Dr. Chen added.',
    "floating": 'The coach spoke to reporters after the game.\n\n"We played badly. We need to improve."',
    "scare": "He bought a so-called “smart” fridge and a “vintage” lamp.",
    "title": "She watched “The Old Man and the Sea” twice last summer.",
    "fragment_cue": "The senator said the bill was “dead on arrival” and walked out.",
    "told_colon": "The union leader told members: “We will strike on Monday.”",
    "appositive": "Tom Baker, the union leader, warned: “This is our last offer.”",
    "lemma_slip": '"We are not afraid," the protesters chanted as they marched.',
    "asked": '"Why now?" asked the senator.',
    "multi_paragraph": "“First, we cut taxes.\n\n“Second, we build roads.\n\n“Third, we hire teachers,” the candidate said.",
    "nested": "“I told him ‘no’ twice,” the witness testified.",
    "relative": "“There is no plan B,” insisted Karen Holt, who chairs the committee.",
    "two_lines": "“We won,” he said.\n“They lost,” she said.",
    "mixed_then_direct": 'The spokesman said the firm "will comply with the ruling," adding, "We respect the court."',
    "colon_paragraph": "The statement from the club ended with these words:\n\n“We thank our fans for their patience.”",
    "new_sentence_after": "“We will appeal.” The lawyers then left the court without comment.",
    "plain_verb": "“We go now,” the minister smiled.",
    "adverb_lead": "Then, “We will never come back to this place.”",
    "clause_then_inverted": ('"Many would call that a defeat for the mayor" if she did not win by a wide margin, '
                             'said Peter Walsh, an analyst at the institute.'),
    "scare_first": "“Smart” fridges are popular.",
    "show_name": "On the latest broadcast of “Harbour Sunday Live,” Mayor Ortiz said the port would close.",
    "long_interruption": "“We go,” said Smith, the head of the regional transport authority since last May, “and we stay.”",
    "passive_quoted": "Smith was quoted as saying “the deal is done.”",
    "participle_lead": "Asked about the delay, “We are working on it,” the spokesman said.",
    "according_after": "“The vote is final,” the chairwoman said on Tuesday, according to Reuters.",
    "but_more": '"Look, I like Ned," he said, but "on ferries, Ned has a record of bad deals."',
    "two_speakers": "“We lost,” the coach said. “They played better,” the captain said.",
    "question_then_more": "“Why wait?” the mayor asked. “The money is there.”",
    "reported_between": "“We will appeal.” The lawyer said the verdict was wrong. “It is unfair.”",
    "party_label": "“The rules are clear,” Rep. Ann Kerr (D-Ohio) said Friday.",
    "fragment_after": "“This is wrong,” the senator said, calling the plan “a gift to banks” in her speech.",
    "headline": "Farm news\n\n‘Harvest of the Decade Begins.’\n\nFarmers started early this year.",
    "numbers_before_name": "“The rules were ignored,” said 9/12 flood widow Ann Kerr.",
    "several_sentences": "“We lost. We were tired. We will be back,” the coach said after the game.",
    "inverted_plain_verb": '"Upon my word," cried Ana, "the tide is turning."',
    "inverted_long": ('"Upon my word," cried Ana Ruiz, the captain of the team that won the regional cup last year '
                      'after a long season of hard matches in the north and the south of the country, '
                      '"the tide is turning."'),
    "colon_quotes_in_a_row": 'The coach said: "We will win the cup." The captain said: "We will lose it."',
    "stop_glued_to_name": '"The deal is done," said Tom Berg. Lena Okafor said: "Prices will fall."',
    "title_in_attribution": ("“The port will reopen,” Mayor Ortiz told Harbour Radio’s “Morning Tide” on Monday. "
                             "“We have the money.”"),
    "title_ends_attribution": "“The port will reopen,” she said on “Harbour Sunday.” “We have the money.”",
    "plain_verb_between": "“It was a long season,” the old coach shrugged. “We will be back next year.”",
    "hearer_between": "“Why did you vote for it?” the mayor asked the senators. “What did the port gain?”",
    "relative_verb_after_title": ("On “Harbour Sunday,” Mayor Ortiz, who lost the vote, spoke about the port. "
                                  "“We will rebuild it.”"),
    "quoted_words_end_attribution": ("“We act fast,” the company said, adding that it “condemns the abuse.” "
                                     "The firm also said results were “already visible.”"),
    "term_before_cue": "The “park and ride” scheme keeps growing in the suburbs, the school board chair said.",
    "short_quote_before_cue": "“No deal,” the school board chair said on Monday.",
    "terms_after_comma": "The port runs two ferries, “Sea Star” and “Ocean Mist,” the harbour master said.",
    "colon_hands_cue_on": "“We are sailors,” Ms. Ruiz said. “We are not smugglers.” Mr. Lee said: “We only want to fish.”",
}


SEPARATOR = "\n\n\n"


def _shift(span, base):
    return None if span is None else attrs.evolve(span, start=span.start - base, end=span.end - base)


@pytest.fixture(scope="module")
def parsed_doc(nlp):
    """All texts parsed once, as paragraphs of one document: (doc, {name: base offset})."""
    bases, pos = {}, 0
    for name, text in TEXTS.items():
        bases[name] = pos
        pos += len(text) + len(SEPARATOR)
    return nlp.parse(SEPARATOR.join(TEXTS.values())), bases


@pytest.fixture(scope="module")
def parsed(parsed_doc):
    """name -> (text, candidates with offsets relative to the text)."""
    doc, bases = parsed_doc
    cands = direct_quotes(doc, find_quotations(doc.text))
    out = {}
    for name, text in TEXTS.items():
        base = bases[name]
        mine = [c for c in cands if base <= c.start < base + len(text)]
        out[name] = (
            text,
            [
                attrs.evolve(
                    c,
                    start=c.start - base,
                    end=c.end - base,
                    content_spans=tuple(_shift(s, base) for s in c.content_spans),
                    cue=_shift(c.cue, base),
                    speaker=_shift(c.speaker, base),
                )
                for c in mine
            ],
        )
    return out


def one(parsed, name):
    text, cands = parsed[name]
    assert len(cands) == 1, [c.content_spans for c in cands]
    return text, cands[0]


def pieces(c):
    return [s.text for s in c.content_spans]


@pytest.mark.parametrize(
    "name, content, cue, speaker",
    [
        ("said_after", "The bridge will open in May,", "said", "the mayor"),
        ("said_inverted", "We checked every cable,", "said", "Maria Lopez"),
        ("colon_before", "Nobody will pay a toll.", "said", "The mayor"),
        ("comma_before", "The steel arrived late.", "said", "Lopez"),
        ("according", "the repairs are finished.", "According to", "the ministry"),
        ("statement", "regrets the delay.", "said", "the company"),
        ("participle", "I have nothing to add.", "saying", "The minister"),
        ("added", "It is too early to tell,", "added", "Dr. Chen"),
        ("told_colon", "We will strike on Monday.", "told", "The union leader"),
        ("lemma_slip", "We are not afraid,", "chanted", "the protesters"),
        ("asked", "Why now?", "asked", "the senator"),
        ("nested", "I told him ‘no’ twice,", "testified", "the witness"),
        ("relative", "There is no plan B,", "insisted", "Karen Holt"),
        ("fragment_cue", "dead on arrival", "said", "The senator"),
        ("plain_verb", "We go now,", "smiled", "the minister"),
        ("passive_quoted", "the deal is done.", "saying", "Smith"),
        ("participle_lead", "We are working on it,", "said", "the spokesman"),
        ("according_after", "The vote is final,", "said", "the chairwoman"),
        ("party_label", "The rules are clear,", "said", "Rep. Ann Kerr (D-Ohio)"),
        ("numbers_before_name", "The rules were ignored,", "said", "9/12 flood widow Ann Kerr"),
        ("several_sentences", "We lost. We were tired. We will be back,", "said", "the coach"),
        # a clause runs on after the quote before the inverted cue: its subject is not the speaker
        ("clause_then_inverted", "Many would call that a defeat for the mayor", "said", "Peter Walsh"),
    ],
)
def test_cue_and_speaker(parsed, name, content, cue, speaker):
    text, c = one(parsed, name)
    assert c.kind == "direct"
    assert pieces(c) == [content]
    assert c.cue is not None and c.cue.text == cue
    assert c.speaker is not None and c.speaker.text == speaker
    # the cue and the speaker lie outside the quotation
    for span in (c.cue, c.speaker):
        assert span.end <= c.start or span.start >= c.end
        assert text[span.start : span.end] == span.text


def test_speaker_head_and_sentence_point_at_the_parse(parsed, parsed_doc):
    doc, _ = parsed_doc
    _, c = one(parsed, "said_inverted")
    si, wid = c.speaker_head
    assert doc.sentences[si].words[wid - 1].text in ("Maria", "Lopez")
    assert c.sentence == si
    assert doc.sentences[c.sentence].text.startswith('"We checked')


def test_appositive_speaker_keeps_the_name(parsed):
    _, c = one(parsed, "appositive")
    assert c.cue.text == "warned"
    assert c.speaker.text.startswith("Tom Baker")


def test_quote_resumed_after_but_is_one_candidate(parsed):
    _, c = one(parsed, "but_more")
    assert pieces(c) == ["Look, I like Ned,", "on ferries, Ned has a record of bad deals."]
    assert c.cue.text == "said" and c.speaker.text == "he"


def test_quote_goes_on_after_a_longer_attribution(parsed):
    # after a full quoted sentence, an attribution with a title and a place still joins the pieces
    text, c = one(parsed, "interrupted_exclaimed")
    assert pieces(c) == ["What a huge year for the harbour!", "The vote is in May."]
    assert c.cue.text == "shouted"


@pytest.mark.parametrize("name", ["interrupted_comma", "interrupted_period"])
def test_interrupted_quote_is_one_candidate(parsed, name):
    text, c = one(parsed, name)
    assert pieces(c) == ["The budget is tight,", text[text.index("ut we") - 1 : -1]]
    assert (c.start, c.end) == (0, len(text))
    assert c.cue.text == "said" and c.speaker.text == "she"


def test_multi_paragraph_quote_is_one_candidate(parsed):
    text, c = one(parsed, "multi_paragraph")
    assert pieces(c) == ["First, we cut taxes.", "Second, we build roads.", "Third, we hire teachers,"]
    assert c.cue.text == "said" and c.speaker.text == "the candidate"
    assert c.start == 0 and text[c.end - 1] == "”"


def test_floating_quote_has_no_cue(parsed, parsed_doc):
    text, c = one(parsed, "floating")
    assert pieces(c) == ["We played badly. We need to improve."]
    assert c.cue is None and c.speaker is None and c.speaker_head is None
    assert parsed_doc[0].sentences[c.sentence].text.startswith('"We played')


def test_quote_after_colon_paragraph_gets_the_introducing_sentence(parsed):
    text, cands = parsed["colon_paragraph"]
    assert [pieces(c) for c in cands] == [["We thank our fans for their patience."]]


def test_full_quote_followed_by_new_sentence_is_floating(parsed):
    _, c = one(parsed, "new_sentence_after")
    assert pieces(c) == ["We will appeal."]
    assert c.cue is None


@pytest.mark.parametrize("name", ["scare", "title", "scare_first", "headline", "show_name"])
def test_fragments_without_cue_are_left_out(parsed, name):
    assert parsed[name][1] == []


def test_full_sentence_quote_after_adverb_is_floating(parsed):
    _, c = one(parsed, "adverb_lead")
    assert pieces(c) == ["We will never come back to this place."]
    assert c.cue is None


def test_long_interruption_still_joins(parsed):
    _, c = one(parsed, "long_interruption")
    assert pieces(c) == ["We go,", "and we stay."]
    assert (c.cue.text, c.speaker.text) == ("said", "Smith")


def test_each_quote_with_its_own_attribution_stays_apart(parsed):
    _, cands = parsed["two_speakers"]
    assert [(pieces(c), c.speaker.text) for c in cands] == [(["We lost,"], "the coach"), (["They played better,"], "the captain")]


def test_a_cue_before_a_colon_introduces_the_next_quotation_not_the_one_before(parsed):
    _, cands = parsed["colon_hands_cue_on"]
    assert [(pieces(c), c.speaker.text) for c in cands] == [
        (["We are sailors,", "We are not smugglers."], "Ms. Ruiz"), (["We only want to fish."], "Mr. Lee")]


def test_question_then_continuation_is_one_quote(parsed):
    _, c = one(parsed, "question_then_more")
    assert pieces(c) == ["Why wait?", "The money is there."]
    assert (c.cue.text, c.speaker.text) == ("asked", "the mayor")


def test_reported_speech_between_quotes_does_not_join_them(parsed):
    _, cands = parsed["reported_between"]
    assert [pieces(c) for c in cands] == [["We will appeal."], ["It is unfair."]]


def test_fragment_after_an_attribution_is_not_joined(parsed):
    _, cands = parsed["fragment_after"]
    assert [pieces(c) for c in cands] == [["This is wrong,"], ["a gift to banks"]]
    assert cands[0].speaker.text == "the senator"


def test_two_quotes_on_two_lines(parsed):
    _, cands = parsed["two_lines"]
    assert [(pieces(c), c.speaker.text) for c in cands] == [(["We won,"], "he"), (["They lost,"], "she")]
    assert cands[1].sentence == cands[0].sentence + 1


def test_participle_after_mixed_fragment(parsed):
    _, cands = parsed["mixed_then_direct"]
    assert [pieces(c) for c in cands] == [["will comply with the ruling,"], ["We respect the court."]]
    assert [c.cue.text for c in cands] == ["said", "adding"]
    assert {c.speaker.text for c in cands} == {"The spokesman"}


def test_nested_quotations_are_not_separate_candidates(parsed):
    _, cands = parsed["nested"]
    assert len(cands) == 1


def test_no_quotations_no_candidates(parsed_doc):
    doc, _ = parsed_doc
    assert direct_quotes(doc, []) == []


PARTICIPLES = (
    "After saying her left knee was \u201ctoo stiff to bend,\u201d she was taken to a clinic.\n\n"
    "The two men debated the budget for an hour, with Kerr noting \u201ca couple of hundred jobs here and there.\u201d"
)


@pytest.fixture(scope="module")
def participles(nlp):
    doc = nlp.parse(PARTICIPLES)
    return direct_quotes(doc, find_quotations(PARTICIPLES))


def test_what_follows_a_participle_is_not_its_speaker(participles):
    c = next(c for c in participles if PARTICIPLES[c.start : c.end].startswith("\u201ctoo"))
    assert c.cue is not None and c.cue.text == "saying"
    assert c.speaker is None or "knee" not in c.speaker.text


def test_name_before_its_participle_speaks(participles):
    c = next(c for c in participles if "hundred" in PARTICIPLES[c.start : c.end])
    assert c.cue is not None and c.cue.text == "noting"
    assert c.speaker is not None and c.speaker.text == "Kerr"


INVERTED = "The mayor said the plan was sound. Said Moore: \u201cI do not see any interest in reform.\u201d"


def test_capitalised_inverted_cue_at_sentence_start(nlp):
    doc = nlp.parse(INVERTED)
    c = next(c for c in direct_quotes(doc, find_quotations(INVERTED)) if "reform" in INVERTED[c.start : c.end])
    assert c.cue is not None and c.cue.text == "Said"
    assert c.speaker is not None and c.speaker.text == "Moore"


@pytest.mark.parametrize("phrase", ["According to", "In the words of"])
def test_cue_phrases_with_the_speaker_last_are_direct_cues_alike(nlp, phrase):
    # "according to X" and "in the words of X" come from cue_phrases.tsv in both stages
    text = f"{phrase} Anna Kowalski, \u201cwe will reopen the bridge.\u201d"
    (q,) = nlp(text).quotes
    assert (q.kind, q.cue.text, q.speaker.text) == ("direct", phrase, "Anna Kowalski")


@pytest.mark.parametrize("name, speaker", [("inverted_plain_verb", "Ana"), ("inverted_long", "Ana Ruiz")])
def test_inverted_attribution_joins_the_pieces_whatever_its_length(parsed, name, speaker):
    # a verb outside the cue lexicon, then its speaker: one quote in two pieces, however long the attribution
    _, c = one(parsed, name)
    assert pieces(c) == ["Upon my word,", "the tide is turning."]
    assert c.cue.text == "cried" and c.speaker.text.startswith(speaker)


def test_no_quote_runs_on_across_a_sentence_and_a_second_speaker(parsed):
    _, cands = parsed["colon_quotes_in_a_row"]
    assert [(pieces(c), c.speaker.text) for c in cands] == [(["We will win the cup."], "The coach"),
                                                            (["We will lose it."], "The captain")]


def test_no_quote_runs_on_across_a_full_stop_glued_to_a_name(parsed):
    # stanza keeps "Berg." as one token: the sentence still ends there, and the name has no full stop
    _, cands = parsed["stop_glued_to_name"]
    assert [(pieces(c), c.speaker.text) for c in cands] == [(["The deal is done,"], "Tom Berg"),
                                                            (["Prices will fall."], "Lena Okafor")]


@pytest.mark.parametrize("name", ["title_in_attribution", "title_ends_attribution"])
def test_quote_goes_on_across_a_title_inside_its_attribution(parsed, name):
    _, cands = parsed[name]
    joined = [c for c in cands if len(c.content_spans) == 2]
    assert [pieces(c) for c in joined] == [["The port will reopen,", "We have the money."]]


def test_quote_goes_on_after_a_plain_verb_attribution(parsed):
    _, c = one(parsed, "plain_verb_between")
    assert pieces(c) == ["It was a long season,", "We will be back next year."]
    assert c.speaker.text == "the old coach"


def test_question_to_a_hearer_then_more_is_one_quote(parsed):
    _, c = one(parsed, "hearer_between")
    assert pieces(c) == ["Why did you vote for it?", "What did the port gain?"]
    assert (c.cue.text, c.speaker.text) == ("asked", "the mayor")


def test_verb_of_a_relative_clause_joins_nothing(parsed):
    _, cands = parsed["relative_verb_after_title"]
    assert ["We will rebuild it."] in [pieces(c) for c in cands]


def test_quoted_words_ending_a_sentence_stop_the_quote(parsed):
    _, cands = parsed["quoted_words_end_attribution"]
    assert pieces(cands[0]) == ["We act fast,"]
    assert all("already visible." not in pieces(c) or len(c.content_spans) == 1 for c in cands)


def test_cue_verb_tagged_as_its_own_plural_noun(nlp):
    # the tagger may read "concludes" as a plural noun and leave it as its own lemma
    d = nlp("\u201cThe port could win in a landslide,\u201d Okafor concludes.")
    q = d.quotes[0]
    assert q.cue is not None and q.cue.text == "concludes"
    assert q.speaker is not None and q.speaker.text == "Okafor"


def test_short_quoted_term_inside_a_sentence_before_its_cue_is_no_quote(parsed):
    # a quoted term with words on both sides and the cue further on is a label, not words said
    _, cands = parsed["term_before_cue"]
    assert cands == []
    _, cands = parsed["terms_after_comma"]
    assert cands == []
    # the same few words opening the sentence are the words said
    _, c = one(parsed, "short_quote_before_cue")
    assert pieces(c) == ["No deal,"]


@pytest.mark.parametrize("text", [
    "“The ferry will run all winter,” the mayor said, adding, “The fares will not rise.”",
    "“The ferry will run all winter,” the mayor said before adding: “The fares will not rise.”",
])
def test_a_quotation_after_a_participle_cue_is_a_quote_of_its_own(nlp, text):
    # the participle right before the second quotation reports it: two quotes, not one interrupted
    cands = direct_quotes(nlp.parse(text), find_quotations(text))
    assert [(c.cue.text, pieces(c)) for c in cands] == [
        ("said", ["The ferry will run all winter,"]), ("adding", ["The fares will not rise."])]
