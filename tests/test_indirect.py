"""Indirect and mixed quotes: one test per frame, on our own short sentences."""

from __future__ import annotations

import attrs
import pytest

from quoteattr.attribution.indirect import indirect_quotes
from quoteattr.attribution.merge import combine
from quoteattr.attribution.quotations import find_quotations
from quoteattr.model import Candidate, Span

SENTENCES = {
    "that": "The mayor said that the bridge would reopen in May.",
    "bare": "The coach told reporters the team was ready.",
    "parataxis": "The bridge will reopen in May, the engineer said.",
    "parataxis_mid": "The new law, critics say, will hurt farmers.",
    "according_start": "According to the agency, prices rose sharply last year.",
    "according_end": "Wages fell in the north, according to the union.",
    "in_view": "In his view, the tax is unfair.",
    "as_put": "As the judge put it, the case was closed.",
    "urge": "She urged voters to stay home on Sunday.",
    "warn_obj": "The union warned workers to expect delays.",
    "accuse": "He accused the board of hiding losses.",
    "describe": "The governor described the plan as a disaster for farmers.",
    "call": "She called the deal a betrayal of workers.",
    "passive": "It was announced that the plant would close.",
    "adding": "The minister spoke on Monday, adding that talks would resume.",
    "noting": "Prices rose again, the bank said, noting that demand remained strong.",
    "quoted_as": "The mayor was quoted as saying that the budget was balanced.",
    "noun": "Her claim that the vote was rigged angered voters.",
    "thought": "The fishermen fear that stocks are collapsing.",
    "no_cue": "The bridge will reopen in May after repairs.",
    "inside_quote": '"I think the plan will fail," she said.',
    "talk_about": "The senator talked about the new farm bill.",
    "spoke_on_day": "The senator spoke on Monday in Ohio.",
    "refuse": "The board refused to release the report.",
    "advcl_mid": "The report, Jones argues, is flawed.",
    "vote_against": "Senator Ames voted against the farm bill.",
    "focus_on": "The mayor focused on the housing shortage.",
    "agree_with": "The mayor agreed with the harbour board's plan.",
    "known_as": "The old pier became known as the heart of the town.",
    "questions_about": "The audit raised two questions about whether the pilots would be laid off.",
    "claim_and_that": "The senator claimed farmers do not face losses and that the board is to blame.",
    "after_suggested": "After Hewitt suggested the plan was weak, Trump contradicted him.",
    "describe_self": "The senator described herself as a friend of the fishing towns.",
    "support": "The union supports a higher minimum wage.",
    "warn_against": "The mayor warned the council against raising the ferry fares.",
    "caution_against": "Economists cautioned against reading too much into one month of data.",
    "insist_on": "The senator insisted on paying for the dinner herself.",
    "remind_about": "The clerk reminded the candidates about the filing deadline.",
    "boast_of": "The coach boasted of his perfect record at home.",
    "asked_why": "Asked why the ferry fares rose so sharply, the mayor blamed the price of fuel.",
    "warns_tagged": "Cruz warns voters of higher costs.",
    "respond_to": "The minister responded to the criticism from farmers.",
    "endorse_name": "The dockers union has endorsed Whitlock.",
    "ask_if": "The reporter asked the minister if the bridge would reopen.",
    "obj_after_adverbial": ("Port police announced on Tuesday the closure of a pier in the harbour and said a "
                            "ferry ban would last until the spring."),
    "headline_says": "Mayor Hid Port Losses From Council, Former Harbour Chief Says.",
    "as_pointed_out": "Hawaii, as one of the mayor's advisers pointed out, rarely gets two storms in a row.",
    "seems_that": "It seems that the ferry will stop in May.",
    "appear_to": "The harbour plan appears to be dead after the vote.",
    "appear_cue": "The senator appeared to suggest that the port would close.",
    "appear_on": "The mayor appeared on television on Monday.",
    "clause_on_noun": "Mr. Okafor announced in a letter this week that he had signed a lease with the port.",
    "parataxis_symbol": "The average ferry fare, it says, will be $12.",
    "mock_for": "The mayor mocked Ruiz for not paying her old parking fines.",
    "discuss_tail": "Ms. Okafor discussed her commitment to improving services for veterans.",
    "first_person": "I think the port will close.",
    "passive_agent": "The harbour deal was first reported by the Ledger.",
    "passive_bare": "The purchase price was not disclosed.",
    "offer_obj": "The council offered a new plan for the pier.",
    "comment_on": "The mayor commented on the new harbour budget.",
    "criticism_over": "The council drew sharp criticism over the harbour budget.",
    "comments_about": "The senator made several comments about the ferry plan.",
    "ask_about": "The reporter asked the mayor about the bridge closure.",
    "attack_during": "The senator attacked Whitlock during the debate.",
    "seems_echoing": "Still, the toll seems to be echoing among his critics.",
    "lash_at": "The senator lashed out at the harbour board.",
    "seems_like": "The harbour toll seems like a fair idea.",
    "distance_from": "The mayor distanced herself from the port plan.",
    "adj_confident": "Port officials are confident that the ferry will run.",
    "participle_agent": "The harbour bill, opposed by the dockers union, never became law.",
    "adj_eager": "The union is eager to return to the table.",
    "participle_run_on": "The governor defended the budget, saying the gains in harbour trade would outweigh the losses in fishing.",
    "participle_gap": "Ms. Ruiz praised the ruling, saying voters in the harbour district would finally get a fair hearing.",
    "survey_front": "In a harbour survey released on Monday, most residents backed the new toll.",
    "poll_after": "The mayor holds a wide lead in the latest Ledger poll.",
    "gerund_support": "Most dockers support reforming the harbour board.",
    "gerund_deny": "The mayor denied taking money from the builders.",
    "noun_attack": "His attacks on the harbour board grew sharper in May.",
    "noun_doubt": "Her doubts about the ferry plan are well known.",
    "asked_whether_bare": "Asked whether he would run again, Mr. Ruiz smiled.",
    "asked_about_bare": "Asked about the delay, the mayor smiled.",
    "repeat_obj": "The mayor repeated her promise to rebuild the pier.",
    "call_on": "The senator called on the council to close the pier.",
    "call_on_day": "The senator called on Monday for a vote on the pier.",
    "seemed_obj": "The harbour economy seemed impervious to the storms.",
    "question_is": "The question is whether the ferry will run in May.",
    "claim_was": "Her claim was that the harbour board had hidden its losses.",
    "closing_said_apposition": ("The old ferry will run all winter, said Ana Ruiz, a harbour pilot who has written "
                                "two books about the port."),
    "closing_told_hearer": "The pier was safe and the repairs were finished, a council engineer told the Harbour Gazette.",
    "closing_adding_quote": 'The council will vote next week, Ruiz said, adding, "We need the money."',
    "closing_told_aides": "The ferry is sinking, the mayor told her closest aides as she left the hall.",
    "evidential_adverb": "The mayor allegedly hid the losses from the council.",
    "participle_conj": "The union rejected the offer, saying the council's proposal would cut wages for dockers.",
}


@pytest.fixture(scope="module")
def found(nlp):
    """Indirect candidates per sentence key (each sentence parsed once, as one document)."""
    keys = list(SENTENCES)
    text = "\n\n".join(SENTENCES[k] for k in keys)
    doc = nlp.parse(text)
    cands = indirect_quotes(doc, find_quotations(text))
    out: dict[str, list[Candidate]] = {k: [] for k in keys}
    offset = 0
    bounds = []
    for k in keys:
        bounds.append((k, offset, offset + len(SENTENCES[k])))
        offset += len(SENTENCES[k]) + 2
    for c in cands:
        for k, s, e in bounds:
            if s <= c.start < e:
                out[k].append(c)
    return out


def one(found, key) -> Candidate:
    cands = found[key]
    assert len(cands) == 1, [(c.kind, [s.text for s in c.content_spans]) for c in cands]
    return cands[0]


def content(c: Candidate) -> list[str]:
    return [s.text for s in c.content_spans]


def test_ccomp_with_that(found):
    c = one(found, "that")
    assert c.kind == "indirect"
    assert content(c) == ["the bridge would reopen in May"]
    assert c.cue.text == "said"
    assert c.speaker.text == "The mayor"


def test_ccomp_without_that_after_hearer(found):
    c = one(found, "bare")
    assert content(c) == ["the team was ready"]
    assert c.cue.text == "told"
    assert c.speaker.text == "The coach"


def test_parataxis_clause_before_cue(found):
    c = one(found, "parataxis")
    assert content(c) == ["The bridge will reopen in May"]
    assert c.speaker.text == "the engineer"


def test_parataxis_cue_inside_clause(found):
    c = one(found, "parataxis_mid")
    assert content(c) == ["The new law", "will hurt farmers"]
    assert c.speaker.text == "critics"
    assert (c.start, c.end) == (c.content_spans[0].start, c.content_spans[-1].end)


@pytest.mark.parametrize("key,said,source", [
    ("according_start", "prices rose sharply last year", "the agency"),
    ("according_end", "Wages fell in the north", "the union"),
])
def test_according_to_either_side(found, key, said, source):
    c = one(found, key)
    assert content(c) == [said]
    assert c.cue.text.lower() == "according to"
    assert c.speaker.text == source


def test_possessive_view_phrase(found):
    c = one(found, "in_view")
    assert content(c) == ["the tax is unfair"]
    assert c.speaker.text == "his"


def test_as_x_put_it(found):
    c = one(found, "as_put")
    assert content(c) == ["the case was closed"]
    assert c.speaker.text == "the judge"


def test_urge_object_and_infinitive(found):
    c = one(found, "urge")
    assert content(c) == ["voters to stay home on Sunday"]
    assert c.cue.text == "urged"


def test_warn_object_and_infinitive(found):
    assert content(one(found, "warn_obj")) == ["workers to expect delays"]


def test_accuse_of(found):
    c = one(found, "accuse")
    assert content(c) == ["the board of hiding losses"]
    assert c.speaker.text == "He"


def test_describe_as(found):
    assert content(one(found, "describe")) == ["the plan as a disaster for farmers"]


def test_preposition_of_an_embedded_question_is_the_cues(found):
    c = one(found, "questions_about")
    assert c.cue.text == "questions" and content(c) == ["whether the pilots would be laid off"]


def test_second_that_clause_hung_as_adverbial_stays(found):
    # "and that S2" is more of the same report, though the parser hangs it as an adverbial clause
    # whose verb is itself a cue ("blame")
    c = one(found, "claim_and_that")
    assert content(c) == ["farmers do not face losses and that the board is to blame"]


def test_main_clause_after_a_fronted_subordinate_cue_is_no_content(found):
    # the parser hangs the main clause on the cue of "After X suggested S, ..." as a second clause
    c = one(found, "after_suggested")
    assert c.cue.text == "suggested" and content(c) == ["the plan was weak"]


def test_known_as_without_object(found):
    # with no object before it "as" belongs to the cue ("became known as", "is seen as")
    assert content(one(found, "known_as")) == ["the heart of the town"]


def test_describe_oneself_as(found):
    # a reflexive object of "as" is what the speaker says of themselves ("distanced herself from" drops it)
    c = one(found, "describe_self")
    assert content(c) == ["herself as a friend of the fishing towns"] and c.speaker.text == "The senator"


def test_call_object_predicate(found):
    assert content(one(found, "call")) == ["the deal a betrayal of workers"]


def test_passive_has_no_speaker(found):
    c = one(found, "passive")
    assert content(c) == ["the plant would close"]
    assert c.speaker is None and c.speaker_head is None


def test_participle_adding_takes_main_subject(found):
    c = one(found, "adding")
    assert content(c) == ["talks would resume"]
    assert c.cue.text == "adding"
    assert c.speaker.text == "The minister"


def test_participle_after_parataxis_cue(found):
    got = sorted((c.cue.text, content(c)[0]) for c in found["noting"])
    assert got == [("noting", "demand remained strong"), ("said", "Prices rose again")]
    assert all(c.speaker.text == "the bank" for c in found["noting"])


def test_quoted_as_saying(found):
    c = one(found, "quoted_as")
    assert content(c) == ["the budget was balanced"]
    assert c.speaker.text == "The mayor"


def test_noun_cue_with_possessive_source(found):
    c = one(found, "noun")
    assert c.cue.text == "claim"
    assert c.speaker.text == "Her"
    assert content(c)[0].startswith("the vote was rigged")


def test_thought_verbs_count(found):
    assert content(one(found, "thought")) == ["stocks are collapsing"]


def test_no_cue_no_quote(found):
    assert found["no_cue"] == []


def test_cue_inside_quotation_is_not_used(found):
    # "think" inside the quotation is no cue; "said" may report the quotation, which combine() leaves to direct
    assert [c.cue.text for c in found["inside_quote"]] in ([], ["said"])
    assert all(c.content_spans[0].text.startswith("I think") for c in found["inside_quote"])


@pytest.mark.parametrize("key,cue,said,speaker", [
    ("vote_against", "voted", "the farm bill", "Senator Ames"),
    ("focus_on", "focused", "the housing shortage", "The mayor"),
    # "with" and "as" too when no object comes before them
    ("agree_with", "agreed", "the harbour board's plan", "The mayor"),
])
def test_prepositional_stance_frames(found, key, cue, said, speaker):
    c = one(found, key)
    assert content(c) == [said]  # the preposition itself is not part of the content
    assert c.cue.text == cue
    assert c.speaker.text == speaker


@pytest.mark.parametrize("key,cue,said", [
    ("respond_to", "responded", "the criticism from farmers"),
    ("endorse_name", "endorsed", "Whitlock"),  # a lone name is content enough for a stance
])
def test_object_and_to_frames(found, key, cue, said):
    c = one(found, key)
    assert c.cue.text == cue and content(c) == [said]


@pytest.mark.parametrize("key,said", [
    # the reason and the noun's own complement, whichever word the parser hung them on
    ("mock_for", "Ruiz for not paying her old parking fines"),
    ("discuss_tail", "her commitment to improving services for veterans"),
    # but the circumstances of the report are not part of its object
    ("attack_during", "Whitlock"),
])
def test_object_runs_on_over_its_modifiers(found, key, said):
    assert content(one(found, key)) == [said]


@pytest.mark.parametrize("key,cue,speaker,said", [
    # the passive subject is what was reported; the agent, when there is one, reported it
    ("passive_agent", "reported", "the Ledger", "The harbour deal"),
    ("passive_bare", "disclosed", None, "The purchase price"),
    ("offer_obj", "offered", "The council", "a new plan for the pier"),
    ("comment_on", "commented", "The mayor", "the new harbour budget"),
    # the topic asked about, without the person asked
    ("ask_about", "asked", "The reporter", "the bridge closure"),
    ("lash_at", "lashed out", "The senator", "the harbour board"),
    # a reflexive object is the speaker again, not part of the content
    ("distance_from", "distanced", "The mayor", "the port plan"),
    # a participle with its agent: the noun it modifies is the object
    ("participle_agent", "opposed", "the dockers union", "The harbour bill"),
    # adjectives predicated of the speaker
    ("adj_confident", "confident", "Port officials", "the ferry will run"),
    ("adj_eager", "eager", "The union", "to return to the table"),
])
def test_object_frames_active_and_passive(found, key, cue, speaker, said):
    c = one(found, key)
    assert content(c) == [said] and c.cue.text == cue
    assert (c.speaker.text if c.speaker else None) == speaker


def test_first_person_thought_is_reported(found):
    # outside quotation marks "I think S" is still a report (of the interviewee, of the writer)
    c = one(found, "first_person")
    assert content(c) == ["the port will close"] and c.speaker.text == "I" and c.cue_class == "thought"


def test_stance_verb_with_object(found):
    c = one(found, "support")
    assert content(c) == ["a higher minimum wage"]
    assert c.cue.text == "supports"


@pytest.mark.parametrize("key,cue,speaker,said", [
    # "argues" hung on "flawed" as an adverbial clause: the clause around it is still what was argued
    ("advcl_mid", "argues", "Jones", ["The report", "is flawed"]),
    # "pointed" made the root: the phrase still reports the clause on both sides
    ("as_pointed_out", "as", "one of the mayor's advisers", ["Hawaii", "rarely gets two storms in a row"]),
    # the if-clause hung as an advcl of "asked": for a verb of asking it is the question
    ("ask_if", "asked", "The reporter", ["if the bridge would reopen"]),
    # a judgement without a source, and one whose subject belongs to the content
    ("seems_that", "seems", None, ["the ferry will stop in May"]),
    ("appear_to", "appears", None, ["The harbour plan", "to be dead after the vote"]),
    # "appeared to suggest that S": the suggestion is the attribution
    ("appear_cue", "suggest", "The senator", ["the port would close"]),
    # "echoing" is a cue, but with nothing reported of its own it is what seems
    ("seems_echoing", "seems", None, ["the toll", "to be echoing among his critics"]),
    ("seems_like", "seems", None, ["The harbour toll", "like a fair idea"]),
    # the that-clause hung on "week": still what was announced
    ("clause_on_noun", "announced", "Mr. Okafor", ["he had signed a lease with the port"]),
    ("parataxis_symbol", "says", "it", ["The average ferry fare", "will be $12"]),
    # a title-case headline: "Says" made the root, the headline's subject a second subject of it
    ("headline_says", "Says", "Former Harbour Chief", ["Mayor Hid Port Losses From Council"]),
    # the compact tagger tags "warns" as a plural noun; quoteattr retags it before parsing
    ("warns_tagged", "warns", "Cruz", ["voters of higher costs"]),
])
def test_cues_the_parser_hangs_oddly(found, key, cue, speaker, said):
    c = one(found, key)
    assert c.cue.text == cue and content(c) == said
    assert (c.speaker.text if c.speaker else None) == speaker


def test_object_after_an_adverbial_and_a_second_report(found):
    # "the closure" is parsed as an obl after "on Tuesday"; the conjoined "said S" is a report of its own
    got = sorted((c.cue.text, content(c)[0]) for c in found["obj_after_adverbial"])
    assert got == [("announced", "the closure of a pier in the harbour"),
                   ("said", "a ferry ban would last until the spring")]


def test_appeared_on_is_no_cue(found):
    assert found["appear_on"] == []

def test_speaker_head_points_at_subject(found, nlp):
    c = one(found, "that")
    assert c.speaker_head is not None and c.sentence == c.speaker_head[0]


# ------------------------------------------------------------------ mixed quotes (whole pipeline)

MIXED = {
    "pledge": 'The senator pledged to "respond forcefully" to any attack.',
    "describe": 'The governor described the plan as "a disaster" for farmers.',
    "scare": 'The so-called "miracle cure" sold well in the spring.',
    "call_lower": "Ortiz called half of the mayor’s backers “freeloaders.”",
    "runs_on": ("The mayor said that the ferry crews “do a splendid job. And it is so vital for "
                "the islands.” The council met later."),
    "inner_cue": 'The pastor said that he would offer "a short prayer" for the winner.',
    "later_long": "Ortiz called the plan a \u201cdisaster\u201d that \u201cnobody in this town ever asked for.\u201d",
    "later_fragments": "Ortiz called the ferry plan a \u201cdisaster\u201d that is \u201creckless\u201d and \u201clate.\u201d",
}


@pytest.fixture(scope="module")
def mixed_docs(nlp):
    return {k: nlp(t) for k, t in MIXED.items()}


def test_pledge_with_fragment_is_one_mixed_quote(mixed_docs):
    quotes = mixed_docs["pledge"].quotes
    assert [q.kind for q in quotes] == ["mixed"]
    assert "respond forcefully" in quotes[0].content
    assert quotes[0].content.endswith("to any attack")
    assert quotes[0].speaker.text == "The senator"


def test_describe_with_fragment_is_one_mixed_quote(mixed_docs):
    quotes = mixed_docs["describe"].quotes
    assert [q.kind for q in quotes] == ["mixed"]
    assert quotes[0].content == 'the plan as "a disaster" for farmers'


def test_called_y_quoted_z_hung_lower_is_one_mixed_quote(mixed_docs):
    (q,) = mixed_docs["call_lower"].quotes
    assert q.kind == "mixed" and q.cue.text == "called"
    assert q.content == "half of the mayor’s backers “freeloaders.”"


@pytest.mark.parametrize("key,said", [
    ("later_fragments", "the ferry plan a \u201cdisaster\u201d that is \u201creckless\u201d and \u201clate.\u201d"),
    ("later_long", "the plan a \u201cdisaster\u201d that \u201cnobody in this town ever asked for.\u201d"),
])
def test_later_fragments_of_the_same_cue_join_the_mixed_quote(mixed_docs, key, said):
    (q,) = mixed_docs[key].quotes
    assert q.kind == "mixed" and q.cue.text == "called"
    assert q.content == said


def test_quotation_running_on_over_the_next_sentence(mixed_docs):
    (q,) = mixed_docs["runs_on"].quotes
    assert q.kind == "mixed" and q.speaker.text == "The mayor"
    assert q.content.startswith("the ferry crews")
    assert q.content.endswith("so vital for the islands.”")  # not the council's sentence after it


# ------------------------------------------------------------------ combine on hand-made candidates

TEXT = 'She vowed to "fight on" and win. A "cure" sold. "We won," he said.'


def span(s: str, start_at: int = 0) -> Span:
    i = TEXT.index(s, start_at)
    return Span.of(TEXT, i, i + len(s))


def test_combine_folds_fragment_into_mixed():
    frag = span('"fight on"')
    d = Candidate("direct", frag.start, frag.end, [span("fight on")], cue=span("vowed"))
    body = span('to "fight on" and win')
    i = Candidate("indirect", body.start, body.end, [body], cue=span("vowed"), speaker=span("She"))
    out = combine([d], [i])
    assert [(c.kind, c.start, c.end) for c in out] == [("mixed", body.start, body.end)]
    assert out[0].speaker.text == "She"


def test_combine_drops_scare_quotes():
    q = span('"cure"')
    d = Candidate("direct", q.start, q.end, [span("cure")])
    assert combine([d], []) == []


def test_combine_direct_covering_indirect_wins_and_inherits():
    q = span('"We won,"')
    d = Candidate("direct", q.start, q.end, [span("We won,")])
    inner = span("We won")
    i = Candidate("indirect", inner.start, inner.end, [inner], cue=span("said"), speaker=span("he", q.end))
    out = combine([d], [i])
    assert len(out) == 1 and out[0].kind == "direct"
    assert out[0].cue.text == "said" and out[0].speaker.text == "he"


def test_combine_removes_duplicates_and_sorts():
    a = span("A \"cure\" sold")
    i1 = Candidate("indirect", a.start, a.end, [a], cue=span("sold"))
    body = span('to "fight on" and win')
    i2 = Candidate("indirect", body.start, body.end, [body], cue=span("vowed"))
    out = combine([], [i1, i2, i1])
    assert [c.start for c in out] == [body.start, a.start]


def test_combine_joins_the_reports_of_one_cue():
    t = "Lee vowed to fight the closure should the board approve it."
    cue = Span.of(t, 4, 9)
    a, b = Span.of(t, 10, 30), Span.of(t, 31, 58)
    first = Candidate("indirect", a.start, a.end, [a], cue=cue, speaker=Span.of(t, 0, 3), frame="xcomp")
    second = Candidate("indirect", b.start, b.end, [b], cue=cue, frame="ccomp")
    (out,) = combine([], [second, first], None, t, [(0, len(t))])
    assert [s.text for s in out.content_spans] == ["to fight the closure", "should the board approve it"]
    assert (out.start, out.end, out.speaker.text, out.frame) == (a.start, b.end, "Lee", "xcomp")


def test_combine_joins_a_report_repeated_in_part_into_one_span():
    t = 'Ng said her worry is that he is "reckless" now.'
    cue = Span.of(t, 3, 7)
    whole, part = Span.of(t, 8, 46), Span.of(t, 18, 42)
    a = Candidate("mixed", whole.start, whole.end, [whole], cue=cue, speaker=Span.of(t, 0, 2))
    b = Candidate("indirect", part.start, part.end, [part], cue=cue)
    (out,) = combine([], [a, b], None, t, [(0, len(t))])
    assert out.kind == "mixed" and [s.text for s in out.content_spans] == [whole.text]


@pytest.mark.parametrize("text, after, kept", [
    ("\u201cWe won,\u201d he said as the crowd roared.", "as the crowd roared", False),
    ("\u201cWe won,\u201d he told 200 people gathered at the hall.", "200 people gathered at the hall", False),
    ("\u201cWe won,\u201d he said, adding that the vote was fair.", "the vote was fair", True),
    ("\u201cWe won,\u201d he said, that the vote was fair.", "the vote was fair", True),
])
def test_combine_drops_a_report_read_after_the_cue_of_its_own_quote(text, after, kept):
    cue_word = "told" if "told" in text else "said"
    cue = Span.of(text, text.index(cue_word), text.index(cue_word) + len(cue_word))
    quoted = Span.of(text, 1, text.index("\u201d"))
    d = Candidate("direct", 0, quoted.end + 1, [quoted], cue=cue, speaker=Span.of(text, cue.start - 3, cue.start - 1))
    a = text.index(after)
    r = Candidate("indirect", a, a + len(after), [Span.of(text, a, a + len(after))], cue=cue)
    out = combine([d], [r], None, text, [(0, len(text))])
    assert [c.kind for c in out] == (["direct", "indirect"] if kept else ["direct"])


@pytest.mark.parametrize("text, kept", [
    ("\u201cWe need ferries,\u201d she told \u201cHarbour Sunday Live\u201d on Monday.", False),
    ("\u201cWe need ferries,\u201d she said of \u201cthe rigged system\u201d on Monday.", True),
    ("\u201cWe need ferries,\u201d she told \u201cHarbour Sunday Live.\u201d \u201cWe have the money.\u201d", False),
])
def test_combine_drops_a_title_named_in_the_attribution_of_a_quote(text, kept):
    cue_word = "told" if "told" in text else "said"
    cue = Span.of(text, text.index(cue_word), text.index(cue_word) + len(cue_word))
    first = Candidate("direct", 0, text.index("\u201d") + 1, [Span.of(text, 1, text.index("\u201d"))], cue=cue,
                      speaker=Span.of(text, cue.start - 4, cue.start - 1))
    a = text.index("\u201c", cue.end)
    b = text.index("\u201d", a)
    if text.count("\u201c") == 3:  # the quote goes on after the title: one quote of two pieces
        c = text.rindex("\u201c")
        first = attrs.evolve(first, end=len(text), content_spans=(*first.content_spans, Span.of(text, c + 1, len(text) - 1)))
    second = Candidate("direct", a, b + 1, [Span.of(text, a + 1, b)], cue=cue, speaker=first.speaker)
    out = combine([first, second], [], None, text, [(0, len(text))])
    assert any(text[a + 1 : b] in sp.text for c in out[1:] for sp in c.content_spans) is kept
    assert out[0].start == 0 and len(out) == (2 if kept else 1)


def test_clause_split_at_a_misparse_is_one_quote(nlp):
    # the parser reads "should the board approve it" as a clause of "vowed" of its own
    (q,) = nlp("Lee vowed to fight the closure should the board approve it.").quotes
    assert q.cue.text == "vowed" and q.speaker.text == "Lee"
    assert " ".join(s.text for s in q.content_spans) == "to fight the closure should the board approve it"


@pytest.mark.parametrize("text", [
    "\u201cReally,\u201d she added when the host expressed surprise.",
    "\u201cAre you hurt? Don't slip,\u201d he said, when a sailor seemed to stumble.",
])
def test_when_clause_after_an_attributed_quotation_is_no_report(nlp, text):
    # the clause tells when the quoted words were said; "when" is hung on it as an adverb
    quotes = nlp(text).quotes
    assert [q.kind for q in quotes if q.cue is not None and q.cue.text in ("added", "said")] == ["direct"]


def test_when_clause_opening_what_was_said_stays(nlp):
    (q,) = nlp("The mayor said when the port reopens, fares will fall.").quotes
    assert q.content == "when the port reopens, fares will fall"


def test_apposition_of_an_inverted_speaker_after_a_quotation_is_no_report(nlp):
    # the quotation is hung on the cue as an adverbial clause, the apposition as its complement
    quotes = nlp('"They seem keen to run it like a casino," said Ana Ruiz, an adviser to harbour firms '
                 'and an old hand at the port.').quotes
    assert [(q.kind, q.speaker.text) for q in quotes] == [("direct", "Ana Ruiz")]


# ------------------------------------------------------------------ seed articles


def _find(doc, phrase):
    return [q for q in doc.quotes if phrase in q.text]


def _seed_with(seed_docs, phrase):
    for doc in seed_docs.values():
        if phrase in doc.text:
            return doc
    pytest.skip(f"no seed article contains {phrase!r}")


@pytest.mark.parametrize("phrase,kind,speaker", [
    ("the U.S. is closely monitoring", "indirect", "Savett"),
    ("these strikes targeted", "indirect", "Moscow"),
    ("it is no coincidence", "indirect", "the diplomat"),
    ("respond forcefully", "mixed", "Prime Minister Benjamin Netanyahu"),
    ("an asset", "mixed", "James Jeffrey"),
])
def test_seed_quotes(seed_docs, phrase, kind, speaker):
    doc = _seed_with(seed_docs, phrase)
    quotes = _find(doc, phrase)
    assert len(quotes) == 1, [(q.kind, q.text) for q in quotes]
    assert quotes[0].kind == kind
    assert quotes[0].speaker is not None and speaker in quotes[0].speaker.text


@pytest.mark.parametrize("phrase,name", [
    ("the U.S. is closely monitoring", "Sean Savett"),
    ("it is no coincidence", "Esmail Baghaei"),
    ("an asset", "James Jeffrey"),
])
def test_seed_speaker_entities(seed_docs, phrase, name):
    doc = _seed_with(seed_docs, phrase)
    quote = _find(doc, phrase)[0]
    assert doc.speaker_of(quote).name == name


def test_combine_drops_unheld_fragments_but_keeps_utterances():
    frag = span('"cure"')
    d1 = Candidate("direct", frag.start, frag.end, [span("cure")], cue=span("sold"))
    q = span('"We won,"')
    d2 = Candidate("direct", q.start, q.end, [span("We won,")], cue=span("said"), speaker=span("he", q.end))
    assert [c.start for c in combine([d1, d2], [])] == [q.start]


def test_scare_quote_is_not_a_quote(mixed_docs):
    assert mixed_docs["scare"].quotes == ()


@pytest.fixture(scope="module")
def headlines(nlp):
    texts = {
        "speaker": "Senator Lee: Farm subsidies will end next year.\n\nThe senator spoke in Ohio.",
        "label": "Update: Farm subsidies will end next year.\n\nThe senator spoke in Ohio.",
        "body": "The senator spoke in Ohio.\n\nSenator Lee: Farm subsidies will end next year.",
    }
    return {k: (t, indirect_quotes(nlp.parse(t), find_quotations(t))) for k, t in texts.items()}


def test_headline_speaker_colon(headlines):
    text, cands = headlines["speaker"]
    c = [c for c in cands if c.cue is not None and c.cue.text == ":"]
    assert len(c) == 1
    assert content(c[0]) == ["Farm subsidies will end next year"]
    assert c[0].speaker.text == "Senator Lee"
    assert c[0].speaker_head is not None


@pytest.mark.parametrize("key", ["label", "body"])
def test_headline_colon_needs_speaker_in_title(headlines, key):
    text, cands = headlines[key]
    assert not [c for c in cands if c.cue is not None and c.cue.text == ":"]


def test_cue_verb_inside_reported_clause_does_not_cut_it(mixed_docs):
    quotes = mixed_docs["inner_cue"].quotes
    assert len(quotes) == 1, [(q.kind, q.text) for q in quotes]
    assert quotes[0].kind == "mixed"
    assert quotes[0].content.rstrip(". ").endswith("for the winner")


def test_topic_of_talk_about(found):
    c = one(found, "talk_about")
    assert content(c) == ["the new farm bill"]
    assert c.speaker.text == "The senator"


def test_spoke_on_a_day_is_no_topic(found):
    assert found["spoke_on_day"] == []


def test_refuse_to(found):
    assert content(one(found, "refuse")) == ["to release the report"]


def test_it_as_subject_of_an_active_cue_speaks_but_not_as_a_dummy(nlp):
    doc = nlp("The agency said on Monday that it regretted the delay. It also warned that fares would rise. "
              "It was announced that the bridge would close.")
    warned = next(q for q in doc.quotes if "fares would rise" in q.content)
    assert warned.speaker is not None and warned.speaker.text == "It"
    assert doc.speaker_of(warned).label == "the agency"
    announced = next(q for q in doc.quotes if "bridge would close" in q.content)
    assert announced.speaker is None


# ------------------------------------------------------------------ transcripts

TRANSCRIPT = (
    "The port debate in full\n\n"
    "TAPPER: Governor, do you think the port will close this winter?\n\n"
    "WHITLOCK: No. The port will stay open, and we will hire more dockers.\n\n"
    "Okafor: That is what you said last year.\n\n"
    "Whitlock: And I kept my word.\n\n"
    "Note: This transcript was edited for length.\n"
)


@pytest.fixture(scope="module")
def transcript(nlp):
    return nlp(TRANSCRIPT)


def test_transcript_lines_belong_to_their_label(transcript):
    got = [(q.speaker.text, q.content, q.cue.text) for q in transcript.quotes]
    assert got == [
        ("TAPPER", "Governor, do you think the port will close this winter?", ":"),
        ("WHITLOCK", "No. The port will stay open, and we will hire more dockers.", ":"),
        ("Okafor", "That is what you said last year.", ":"),
        ("Whitlock", "And I kept my word.", ":"),
    ]  # "Note:" opens one line only, and the headline is no transcript line


def test_transcript_speakers_resolve_across_case(transcript):
    ents = {transcript.speaker_of(q).id for q in transcript.quotes if q.speaker.text.lower() == "whitlock"}
    assert len(ents) == 1


def test_report_between_two_pieces_of_a_direct_quote_is_kept():
    # one direct quote in two pieces; the report between them is not inside the quoted words
    t = '"The timing was right," Lee said, referring to the resorts. "It worked."'
    first, second = t.index("The timing"), t.index("It worked")
    direct = Candidate("direct", 0, len(t), [Span.of(t, first, first + 21), Span.of(t, second, second + 10)],
                       cue=Span.of(t, 28, 32))
    start = t.index("the resorts")
    report = Candidate("indirect", start, start + 11, [Span.of(t, start, start + 11)],
                       cue=Span.of(t, t.index("referring"), t.index("referring") + 9))
    out = combine([direct], [report])
    assert [(c.kind, c.cue.text) for c in out] == [("direct", "said"), ("indirect", "referring")]


@pytest.mark.parametrize("text, want", [
    ('Ana said "yes" and Tom said "no".', {("yes", "Ana"), ("no", "Tom")}),
    ("Ana said the ferry was late and Tom said the bridge was closed.",
     {("the ferry was late", "Ana"), ("the bridge was closed", "Tom")}),
])
def test_a_second_speech_verb_joined_by_and_is_a_report_of_its_own(nlp, text, want):
    assert {(q.content, q.speaker.text if q.speaker else None) for q in nlp(text).quotes} == want


@pytest.mark.parametrize("key,cue,said", [
    # a noun cue with the topic or target of what was said in a prepositional phrase
    ("criticism_over", "criticism", "the harbour budget"),
    ("comments_about", "comments", "the ferry plan"),
])
def test_noun_cues_with_a_topic_phrase(found, key, cue, said):
    c = one(found, key)
    assert (c.cue.text, content(c)) == (cue, [said])


@pytest.mark.parametrize("key,speaker,said", [
    # the clause's subject read as the participle's object, its predicate hung on the main verb
    ("participle_run_on", "The governor", "the gains in harbour trade would outweigh the losses in fishing"),
    # ... with the subject's own modifier hung on the participle in between
    ("participle_gap", "Ms. Ruiz", "voters in the harbour district would finally get a fair hearing"),
    # the whole clause hung on the main verb as a conjunct
    ("participle_conj", "The union", "the council's proposal would cut wages for dockers"),
])
def test_participle_clause_misattached(found, key, speaker, said):
    c = next(c for c in found[key] if c.cue.text == "saying")
    assert content(c) == [said] and c.speaker.text == speaker and c.cue_class == "speech"


@pytest.mark.parametrize("key,speaker,said", [
    # "in X poll/survey" reports the clause it belongs to; the poll, not its owner, is the source,
    # and a participle describing the poll is no part of what it found
    ("survey_front", "a harbour survey", "most residents backed the new toll"),
    ("poll_after", "the latest Ledger poll", "The mayor holds a wide lead"),
])
def test_poll_as_source(found, key, speaker, said):
    c = next(c for c in found[key] if c.cue.text.lower() == "in")
    assert content(c) == [said] and c.speaker.text == speaker and c.cue_class == "report"


@pytest.mark.parametrize("key,cue,said,cls", [
    # a gerund phrase the parser made a clausal complement is the object of an obj-frame cue
    ("gerund_support", "support", "reforming the harbour board", "attitude"),
    ("gerund_deny", "denied", "taking money from the builders", "speech"),
])
def test_gerund_object(found, key, cue, said, cls):
    c = one(found, key)
    assert c.cue.text == cue and content(c) == [said] and c.cue_class == cls


@pytest.mark.parametrize("key,cue,speaker,said,cls", [
    # noun cues with the preposition of their stance or topic: the owner is the speaker
    ("noun_attack", "attacks", "His", "the harbour board", "attitude"),
    ("noun_doubt", "doubts", "Her", "the ferry plan", "thought"),
])
def test_noun_cue_prepositions(found, key, cue, speaker, said, cls):
    c = one(found, key)
    assert c.cue.text == cue and content(c) == [said] and c.cue_class == cls
    assert c.speaker is not None and c.speaker.text == speaker


def test_bare_participle_of_asking_reports_only_its_question(found):
    # the reporter's yes-no question is reported, with no speaker (the subject answers, not asks)
    c = one(found, "asked_whether_bare")
    assert (c.cue.text, content(c), c.speaker) == ("Asked", ["whether he would run again"], None)
    # a topic asked about is no report
    assert found["asked_about_bare"] == []


@pytest.mark.parametrize("key,cue,said,cls", [
    # what was repeated is named, not said again here: a topic
    ("repeat_obj", "repeated", "her promise to rebuild the pier", "topic"),
])
def test_object_readings_of_repeat(found, key, cue, said, cls):
    c = one(found, key)
    assert c.cue.text == cue and content(c) == [said] and c.cue_class == cls


@pytest.mark.parametrize("key,said", [
    # "call on Y to V" is one report (not also its to-clause alone); a day called on is no content
    ("call_on", "the council to close the pier"),
    ("call_on_day", "a vote on the pier"),
])
def test_call_on_and_time_phrases(found, key, said):
    c = one(found, key)
    assert c.cue.text == "called" and content(c) == [said]


def test_raising_predicate_tagged_as_object(found):
    # the predicate the tagger took for a noun object is still what seems; a thing's seeming has no source
    c = one(found, "seemed_obj")
    assert c.cue.text == "seemed" and content(c)[0] == "The harbour economy" and "impervious" in content(c)[-1]
    assert c.speaker is None and c.cue_class == "thought"


@pytest.mark.parametrize("key,cue,said,speaker", [
    # a cue noun as the subject of a copula whose predicate is a marked clause reports that clause
    ("question_is", "question", "whether the ferry will run in May", None),
    ("claim_was", "claim", "the harbour board had hidden its losses", "Her"),
])
def test_cue_noun_with_predicate_clause(found, key, cue, said, speaker):
    c = one(found, key)
    assert c.cue.text == cue and content(c) == [said]
    assert (c.speaker.text if c.speaker else None) == speaker


@pytest.mark.parametrize("key,cue,said,speaker", [
    # a closing cue hung on the clause as a conjunct: the clause is what was said, not the
    # speaker's apposition or the hearer after the cue
    ("closing_said_apposition", "said", "The old ferry will run all winter", "Ana Ruiz"),
    ("closing_told_hearer", "told", "The pier was safe and the repairs were finished", "a council engineer"),
])
def test_closing_cue_hung_as_conjunct(found, key, cue, said, speaker):
    c = one(found, key)
    assert c.cue.text == cue and content(c) == [said] and c.speaker.text == speaker


def test_closing_hearer_verb_with_hearer_and_adverbial_clause(found):
    # "S, X told [her aides] as S2" with the cue hung on S as its complement: the hearer is no
    # content and S is what was told
    told = [c for c in found["closing_told_aides"] if c.cue.text == "told"]
    assert [content(c) for c in told] == [["The ferry is sinking"]]
    assert told[0].speaker.text == "the mayor"


def test_closing_cue_then_participle_and_quotation(found):
    # "S, X said, adding, “Q”" with the quotation hung on "said": the cue reports S, the
    # quotation is the participle's
    said = [c for c in found["closing_adding_quote"] if c.cue.text == "said"]
    assert [content(c) for c in said] == [["The council will vote next week"]]
    assert said[0].speaker.text == "Ruiz"


def test_evidential_adverb_reports_its_clause_without_a_source(found):
    c = one(found, "evidential_adverb")
    assert c.cue.text == "allegedly" and content(c) == ["The mayor", "hid the losses from the council"]
    assert c.speaker is None and c.cue_class == "report"


@pytest.mark.parametrize("key,cue,speaker,said", [
    # prepositional frames of speech verbs (cues.tsv): the hearer stays in with "against"
    ("warn_against", "warned", "The mayor", "the council against raising the ferry fares"),
    ("caution_against", "cautioned", "Economists", "reading too much into one month of data"),
    ("insist_on", "insisted", "The senator", "paying for the dinner herself"),
    # the hearer of a hearer verb is left out of the topic
    ("remind_about", "reminded", "The clerk", "the filing deadline"),
    ("boast_of", "boasted", "The coach", "his perfect record at home"),
])
def test_prepositional_speech_frames(found, key, cue, speaker, said):
    c = one(found, key)
    assert c.cue.text == cue and c.speaker.text == speaker and content(c) == [said]


def test_bare_participle_of_asking_reports_its_wh_question(found):
    # a question word opens the reporter's question too, even hung on the participle itself
    asked = [c for c in found["asked_why"] if c.cue.text == "Asked"]
    assert [content(c) for c in asked] == [["why the ferry fares rose so sharply"]]
    assert asked[0].speaker is None  # the reporter asked, not the subject who answers
