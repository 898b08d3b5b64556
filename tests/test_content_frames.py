"""What a cue's frame takes as its content when the parser hangs the pieces of the reported phrase
on the cue (quoteattr.attribution.frames), on hand-written parses."""

from trees import tree

from quoteattr.attribution.frames import complements
from quoteattr.lexicon.cues import word_cue
from quoteattr.parsing.tree import Tree


def contents(text: str, items: str, cue: str) -> list[str]:
    """The words of each content the frames of cue word ``cue`` find in the hand-written tree."""
    s = Tree.of(0, tree(text, items).sentences[0])
    w = next(x for x in s.words if x.text == cue)
    return [" ".join(s.word(y).text for y in sorted(ids)) for ids, _ in complements(s, w, word_cue(w))]


def _shifted(items: str, above: int, by: int, first: int = 1) -> str:
    """``items`` with each head above ``above`` moved by ``by`` (a word was dropped or added), from
    the ``first`` word on."""
    out = []
    for i, item in enumerate(items.split(), 1):
        f, l, u, x, h, r = item.split("/")
        out.append(f"{f}/{l}/{u}/{x}/{int(h) + by if i >= first and int(h) > above else h}/{r}")
    return " ".join(out)


# "that S" hung on the cue as an adverbial clause instead of on the noun "idea"
_IDEA = ("The/the/DET/DT/2/det mayor/mayor/NOUN/NN/3/nsubj dismissed/dismiss/VERB/VBD/0/root "
         "the/the/DET/DT/5/det idea/idea/NOUN/NN/3/obj that/that/SCONJ/IN/10/mark the/the/DET/DT/8/det "
         "ferry/ferry/NOUN/NN/10/nsubj would/would/AUX/MD/10/aux close/close/VERB/VB/3/advcl ././PUNCT/./3/punct")


def test_a_nouns_that_clause_hung_on_the_cue_is_part_of_the_object():
    text = "The mayor dismissed the idea that the ferry would close."
    assert contents(text, _IDEA, "dismissed") == ["the idea that the ferry would close"]


def test_a_name_takes_no_that_clause_of_its_own():
    text = "The mayor dismissed Ruiz that the ferry would close."
    items = _shifted(_IDEA.replace("the/the/DET/DT/5/det idea/idea/NOUN/NN/3/obj", "Ruiz/Ruiz/PROPN/NNP/3/obj"), 4, -1)
    assert contents(text, items, "dismissed") == ["Ruiz"]


def test_a_cue_word_after_a_preposition_carries_the_object_on():
    text = "The senator questioned her judgment in supporting the war."
    items = ("The/the/DET/DT/2/det senator/senator/NOUN/NN/3/nsubj questioned/question/VERB/VBD/0/root "
             "her/her/PRON/PRP$/5/nmod:poss judgment/judgment/NOUN/NN/3/obj in/in/SCONJ/IN/7/mark "
             "supporting/support/VERB/VBG/3/advcl the/the/DET/DT/9/det war/war/NOUN/NN/7/obj ././PUNCT/./3/punct")
    assert contents(text, items, "questioned") == ["her judgment in supporting the war"]


# "said [the routes]obj where ferries ran daily are over": the clause's subject, with the relative
# clause the parser made the reported clause, hung on the cue as its object
_ROUTES = ("The/the/DET/DT/2/det mayor/mayor/NOUN/NN/3/nsubj said/say/VERB/VBD/0/root "
         "the/the/DET/DT/5/det routes/route/NOUN/NNS/3/obj where/where/ADV/WRB/8/advmod "
         "ferries/ferry/NOUN/NNS/8/nsubj ran/run/VERB/VBD/3/ccomp daily/daily/ADV/RB/8/advmod "
         "are/be/AUX/VBP/11/cop over/over/ADJ/JJ/8/parataxis ././PUNCT/./3/punct")


def test_an_object_right_before_the_clause_opens_it():
    text = "The mayor said the routes where ferries ran daily are over."
    assert contents(text, _ROUTES, "said") == ["the routes where ferries ran daily are over"]


def test_a_time_or_a_hearer_right_before_the_clause_does_not_open_it():
    text = "The mayor said Tuesday where ferries ran daily are over."
    items = _shifted(_ROUTES.replace("the/the/DET/DT/5/det routes/route/NOUN/NNS/3/obj", "Tuesday/Tuesday/PROPN/NNP/3/obj"),
                     4, -1)
    assert contents(text, items, "said") == ["where ferries ran daily are over"]
    text = "The mayor told the crews where ferries ran daily are over."
    items = _ROUTES.replace("said/say/VERB/VBD", "told/tell/VERB/VBD").replace("routes/route", "crews/crew")
    assert contents(text, items, "told") == ["where ferries ran daily are over"]


# "said that [despite the new limits]obl(said) there are many ferries": the phrase between the
# complementizer and the clause's subject hung on the cue
_LIMITS = ("The/the/DET/DT/2/det mayor/mayor/NOUN/NN/3/nsubj said/say/VERB/VBD/0/root "
           "that/that/SCONJ/IN/12/mark despite/despite/ADP/IN/7/case the/the/DET/DT/7/det "
           "limits/limit/NOUN/NNS/3/obl ,/,/PUNCT/,/12/punct there/there/PRON/EX/12/expl "
           "are/be/VERB/VBP/12/cop many/many/ADJ/JJ/12/amod ferries/ferry/NOUN/NNS/3/ccomp ././PUNCT/./3/punct")


def test_a_phrase_between_the_complementizer_and_the_clause_is_part_of_the_clause():
    text = "The mayor said that despite the limits, there are many ferries."
    assert contents(text, _LIMITS, "said") == ["that despite the limits , there are many ferries"]
    # the complementizer made the cue's object, the phrase after it hung on the cue too
    text = "The mayor said that, on average, fares rose."
    items = ("The/the/DET/DT/2/det mayor/mayor/NOUN/NN/3/nsubj said/say/VERB/VBD/0/root that/that/PRON/DT/3/obj "
             ",/,/PUNCT/,/7/punct on/on/ADP/IN/7/case average/average/NOUN/NN/3/obl ,/,/PUNCT/,/7/punct "
             "fares/fare/NOUN/NNS/10/nsubj rose/rise/VERB/VBD/3/ccomp ././PUNCT/./3/punct")
    assert contents(text, items, "said") == ["that , on average , fares rose"]


def test_a_phrase_on_the_cue_before_the_complementizer_is_not_part_of_the_clause():
    text = "The mayor said on Monday that fares rose."
    items = ("The/the/DET/DT/2/det mayor/mayor/NOUN/NN/3/nsubj said/say/VERB/VBD/0/root on/on/ADP/IN/5/case "
             "Monday/Monday/PROPN/NNP/3/obl that/that/SCONJ/IN/8/mark fares/fare/NOUN/NNS/8/nsubj "
             "rose/rise/VERB/VBD/3/ccomp ././PUNCT/./3/punct")
    assert contents(text, items, "said") == ["that fares rose"]


# "expressed [concern]obj [about the toll]obl(expressed)": the attitude noun is part of the cue
_CONCERN = ("The/the/DET/DT/2/det mayor/mayor/NOUN/NN/3/nsubj expressed/express/VERB/VBD/0/root "
            "concern/concern/NOUN/NN/3/obj about/about/ADP/IN/7/case the/the/DET/DT/7/det "
            "toll/toll/NOUN/NN/3/obl ././PUNCT/./3/punct")


def test_an_expressing_verb_with_an_attitude_noun_reports_what_the_noun_is_about():
    text = "The mayor expressed concern about the toll."
    assert contents(text, _CONCERN, "expressed") == ["the toll"]
    text = "The mayor voiced concern about the toll."
    assert contents(text, _CONCERN.replace("expressed/express", "voiced/voice"), "voiced") == ["the toll"]


def test_an_attitude_noun_with_a_determiner_or_after_another_verb_is_what_was_reported():
    text = "The mayor expressed her concern about the toll."
    items = _shifted(_CONCERN.replace("concern/concern/NOUN/NN/3/obj",
                                      "her/her/PRON/PRP$/5/nmod:poss concern/concern/NOUN/NN/3/obj"), 3, 1, first=5)
    assert contents(text, items, "expressed") == ["her concern about the toll"]
    text = "The mayor dismissed concern about the toll."
    assert contents(text, _CONCERN.replace("expressed/express", "dismissed/dismiss"), "dismissed") == [
        "concern about the toll"]


def test_call_with_its_object_a_relative_pronoun_reports_the_predicate():
    # "[what] the mayor called [a disgrace]": the pronoun is the Y of "call Y Z"
    text = "The town faces what the mayor called a disgrace."
    items = ("The/the/DET/DT/2/det town/town/NOUN/NN/3/nsubj faces/face/VERB/VBZ/0/root what/what/PRON/WP/3/obj "
             "the/the/DET/DT/6/det mayor/mayor/NOUN/NN/7/nsubj called/call/VERB/VBD/4/acl:relcl a/a/DET/DT/9/det "
             "disgrace/disgrace/NOUN/NN/7/obj ././PUNCT/./3/punct")
    assert contents(text, items, "called") == ["a disgrace"]
    # "the mayor called [a meeting]": no second object, no report
    text = "The town waits for the meeting the mayor called."
    items = ("The/the/DET/DT/2/det town/town/NOUN/NN/3/nsubj waits/wait/VERB/VBZ/0/root for/for/ADP/IN/6/case "
             "the/the/DET/DT/6/det meeting/meeting/NOUN/NN/3/obl the/the/DET/DT/8/det mayor/mayor/NOUN/NN/9/nsubj "
             "called/call/VERB/VBD/6/acl:relcl ././PUNCT/./3/punct")
    assert contents(text, items, "called") == []


def test_a_relative_pronoun_before_call_opens_the_mixed_quote(nlp):
    (q,) = nlp("The town is bracing for what the mayor called “the busiest summer in decades.”").quotes
    assert [s.text for s in q.content_spans] == ["what", "the busiest summer in decades"]


def test_a_phrase_after_the_complementizer_hung_on_the_cues_modifier_is_part_of_the_clause():
    # "said on radio that [for one], there were delays": the phrase hung on "radio", the clause made
    # a conjunct of the cue and "that" its subject
    text = "The mayor said on radio that for one, there were delays."
    items = ("The/the/DET/DT/2/det mayor/mayor/NOUN/NN/3/nsubj said/say/VERB/VBD/0/root on/on/ADP/IN/5/case "
             "radio/radio/NOUN/NN/3/obl that/that/PRON/DT/11/nsubj for/for/ADP/IN/8/case one/one/NUM/CD/5/nmod "
             ",/,/PUNCT/,/11/punct there/there/PRON/EX/11/expl were/be/VERB/VBD/3/conj delays/delay/NOUN/NNS/11/nsubj "
             "././PUNCT/./3/punct")
    assert contents(text, items, "said") == ["that for one , there were delays"]


# "S, she said, [to V]": the to-infinitive after a parenthetical cue is the rest of the clause it
# interrupts (an extraposed subject or its noun's complement), hung on the cue as an adverbial
_JOB = ("It/it/PRON/PRP/4/nsubj is/be/AUX/VBZ/4/cop her/her/PRON/PRP$/4/nmod:poss job/job/NOUN/NN/7/ccomp "
        ",/,/PUNCT/,/7/punct she/she/PRON/PRP/7/nsubj said/say/VERB/VBD/0/root ,/,/PUNCT/,/10/punct "
        "to/to/PART/TO/10/mark warn/warn/VERB/VB/7/advcl the/the/DET/DT/12/det public/public/NOUN/NN/10/obj "
        "././PUNCT/./7/punct")


def test_a_to_infinitive_after_a_parenthetical_cue_continues_the_reported_clause():
    text = "It is her job, she said, to warn the public."
    assert contents(text, _JOB, "said") == ["It is her job , to warn the public"]
    # the cue hung on the clause it interrupts
    items = _JOB.replace("job/job/NOUN/NN/7/ccomp", "job/job/NOUN/NN/0/root").replace(
        "said/say/VERB/VBD/0/root", "said/say/VERB/VBD/4/parataxis")
    assert contents(text, items, "said") == ["It is her job , to warn the public"]


def test_a_to_infinitive_after_a_cue_not_set_off_is_not_the_reported_clause():
    text = "It is her job, she said to warn the public."
    items = _shifted(_JOB.replace(",/,/PUNCT/,/7/punct she", "she", 1).replace(",/,/PUNCT/,/10/punct ", ""), 4, -1, 6)
    assert "to warn the public" not in " ".join(contents(text, items, "said"))


# "[V-ing …], they said, can be risky": a gerund before a parenthetical cue, hung on the cue as an
# adverbial, is the subject of a reported clause that has none of its own
_RIDING = ("Riding/ride/VERB/VBG/7/advcl alone/alone/ADV/RB/1/advmod at/at/ADP/IN/4/case night/night/NOUN/NN/1/obl "
           ",/,/PUNCT/,/1/punct residents/resident/NOUN/NNS/7/nsubj said/say/VERB/VBD/0/root ,/,/PUNCT/,/11/punct "
           "can/can/AUX/MD/11/aux be/be/AUX/VB/11/cop risky/risky/ADJ/JJ/7/ccomp ././PUNCT/./7/punct")


def test_a_gerund_before_a_parenthetical_cue_is_the_subject_of_a_subjectless_clause():
    text = "Riding alone at night, residents said, can be risky."
    assert contents(text, _RIDING, "said") == ["Riding alone at night , can be risky"]


def test_a_gerund_before_a_parenthetical_cue_is_how_it_was_said_when_the_clause_has_a_subject():
    text = "Riding alone at night, residents said, it can be risky."
    items = _shifted(_RIDING.replace("can/can/AUX/MD/11/aux", "it/it/PRON/PRP/11/nsubj can/can/AUX/MD/11/aux"), 8, 1, 9)
    (found,) = contents(text, items, "said")
    assert found.endswith("it can be risky") and "Riding" not in found


# "described [the risks]obj [the town is facing]ccomp": a relative clause without a relative word
# hung on the cue as its complement
_FACING = ("The/the/DET/DT/2/det mayor/mayor/NOUN/NN/3/nsubj described/describe/VERB/VBD/0/root "
           "the/the/DET/DT/5/det risks/risk/NOUN/NNS/3/obj the/the/DET/DT/7/det town/town/NOUN/NN/9/nsubj "
           "is/be/AUX/VBZ/9/aux facing/face/VERB/VBG/3/ccomp ././PUNCT/./3/punct")


def test_a_relative_clause_hung_on_the_cue_right_after_the_object_is_part_of_it():
    text = "The mayor described the risks the town is facing."
    assert contents(text, _FACING, "described") == ["the risks the town is facing"]


def test_a_clause_after_a_comma_or_a_subordinator_is_no_relative_clause_of_the_object():
    text = "The mayor described the risks, the town is facing."
    items = _shifted(_FACING, 5, 1, 6).replace("the/the/DET/DT/8/det town", ",/,/PUNCT/,/10/punct the/the/DET/DT/8/det town")
    assert contents(text, items, "described") == ["the risks"]
    text = "The mayor described the risks because the town is facing."
    items = items.replace(",/,/PUNCT/,/10/punct", "because/because/SCONJ/IN/10/mark")
    assert contents(text, items, "described") == ["the risks"]


# "thinks that [whoever wins]ccomp [as the last candidate will raise the most]ccomp": the parser
# split one reported clause into two complements of the cue
_WHOEVER = ("Aides/aide/NOUN/NNS/2/nsubj think/think/VERB/VBP/0/root that/that/SCONJ/IN/5/mark "
            "whoever/whoever/PRON/WP/5/nsubj wins/win/VERB/VBZ/2/ccomp as/as/SCONJ/IN/11/mark "
            "the/the/DET/DT/9/det last/last/ADJ/JJ/9/amod candidate/candidate/NOUN/NN/11/nsubj "
            "will/will/AUX/MD/11/aux raise/raise/VERB/VB/2/ccomp the/the/DET/DT/13/det "
            "most/most/ADJ/JJS/11/obj ././PUNCT/./2/punct")


def test_a_second_complement_right_after_the_first_carries_the_reported_clause_on():
    text = "Aides think that whoever wins as the last candidate will raise the most."
    assert contents(text, _WHOEVER, "think") == ["that whoever wins as the last candidate will raise the most"]


def test_a_second_complement_after_a_comma_is_no_rest_of_the_first():
    text = "Aides think that whoever wins, as the last candidate will raise the most."
    items = _shifted(_WHOEVER, 5, 1, 6).replace("wins/win/VERB/VBZ/2/ccomp", "wins/win/VERB/VBZ/2/ccomp ,/,/PUNCT/,/12/punct")
    assert "that whoever wins" in contents(text, items, "think")


# "hopes [his endorsement]obj [before the vote will give him a boost]advcl": the reported clause's
# subject read as the cue's object and its predicate hung on the cue as an adverbial clause
_BOOST = ("The/the/DET/DT/2/det governor/governor/NOUN/NN/3/nsubj hopes/hope/VERB/VBZ/0/root "
          "his/his/PRON/PRP$/5/nmod:poss endorsement/endorsement/NOUN/NN/3/obj before/before/SCONJ/IN/10/mark "
          "the/the/DET/DT/8/det vote/vote/NOUN/NN/10/nsubj will/will/AUX/MD/10/aux give/give/VERB/VB/3/advcl "
          "him/he/PRON/PRP/10/iobj a/a/DET/DT/13/det boost/boost/NOUN/NN/10/obj ././PUNCT/./3/punct")


def test_an_adverbial_clause_right_after_the_unlabelled_content_carries_it_on():
    text = "The governor hopes his endorsement before the vote will give him a boost."
    assert contents(text, _BOOST, "hopes") == ["his endorsement before the vote will give him a boost"]


def test_an_adverbial_clause_after_a_comma_does_not_carry_the_unlabelled_content_on():
    text = "The governor hopes his endorsement, before the vote will give him a boost."
    items = _shifted(_BOOST, 5, 1, 6).replace("endorsement/endorsement/NOUN/NN/3/obj",
                                              "endorsement/endorsement/NOUN/NN/3/obj ,/,/PUNCT/,/11/punct")
    assert contents(text, items, "hopes") == []


# "added that [the plan seems weak] [because, in the end, we vote for someone]parataxis": the
# reason clause that ends the reported clause hung on the cue as a parataxis
_WEAK = ("She/she/PRON/PRP/2/nsubj added/add/VERB/VBD/0/root that/that/SCONJ/IN/6/mark "
         "the/the/DET/DT/5/det plan/plan/NOUN/NN/6/nsubj seems/seem/VERB/VBZ/2/ccomp weak/weak/ADJ/JJ/6/xcomp "
         "because/because/SCONJ/IN/15/mark ,/,/PUNCT/,/8/punct in/in/ADP/IN/12/case the/the/DET/DT/12/det "
         "end/end/NOUN/NN/15/obl ,/,/PUNCT/,/12/punct we/we/PRON/PRP/15/nsubj vote/vote/VERB/VBP/2/parataxis "
         "for/for/ADP/IN/17/case someone/someone/PRON/NN/15/obl ././PUNCT/./2/punct")


def test_a_clause_hung_on_the_cue_as_a_parataxis_right_after_the_reported_clause_carries_it_on():
    text = "She added that the plan seems weak because, in the end, we vote for someone."
    assert contents(text, _WEAK, "added") == ["that the plan seems weak because , in the end , we vote for someone"]


# "owners who wanted [to keep the pier] could be fined": the main clause's modal and predicate hung
# inside the to-infinitive of the relative clause that holds the report
_PIER = ("Owners/owner/NOUN/NNS/0/root who/who/PRON/WP/3/nsubj wanted/want/VERB/VBD/1/acl:relcl "
         "to/to/PART/TO/5/mark keep/keep/VERB/VB/3/xcomp the/the/DET/DT/7/det pier/pier/NOUN/NN/5/obj "
         "could/could/AUX/MD/10/aux be/be/AUX/VB/10/aux:pass fined/fine/VERB/VBN/5/ccomp ././PUNCT/./1/punct")


def test_a_to_clause_stops_before_a_stray_main_predicate():
    text = "Owners who wanted to keep the pier could be fined."
    assert contents(text, _PIER, "wanted") == ["to keep the pier"]


def test_a_to_clause_keeps_a_finite_verb_after_a_question_word():
    text = "Owners who wanted to know what is in the pier."
    items = ("Owners/owner/NOUN/NNS/0/root who/who/PRON/WP/3/nsubj wanted/want/VERB/VBD/1/acl:relcl "
             "to/to/PART/TO/5/mark know/know/VERB/VB/3/xcomp what/what/PRON/WP/5/obj "
             "is/be/AUX/VBZ/10/cop in/in/ADP/IN/10/case the/the/DET/DT/10/det pier/pier/NOUN/NN/5/ccomp "
             "././PUNCT/./1/punct")
    assert contents(text, items, "wanted") == ["to know what is in the pier"]


# "seemed [shaky]xcomp [after the vote failed]advcl": what seems runs on over the clause the parser
# hung on the raising verb right after its predicate
_SHAKY = ("The/the/DET/DT/2/det plan/plan/NOUN/NN/3/nsubj seemed/seem/VERB/VBD/0/root shaky/shaky/ADJ/JJ/3/xcomp "
          "after/after/SCONJ/IN/8/mark the/the/DET/DT/7/det vote/vote/NOUN/NN/8/nsubj failed/fail/VERB/VBD/3/advcl "
          "././PUNCT/./3/punct")


def test_a_clause_right_after_a_raising_predicate_is_part_of_what_seems():
    text = "The plan seemed shaky after the vote failed."
    assert contents(text, _SHAKY, "seemed") == ["The plan shaky after the vote failed"]


# "wants voters [to recall]xcomp [that the ferry ran daily]advcl": the to-clause's complement hung
# on the cue
_RECALL = ("The/the/DET/DT/2/det mayor/mayor/NOUN/NN/3/nsubj wants/want/VERB/VBZ/0/root voters/voter/NOUN/NNS/3/obj "
           "to/to/PART/TO/6/mark recall/recall/VERB/VB/3/xcomp that/that/SCONJ/IN/10/mark the/the/DET/DT/9/det "
           "ferry/ferry/NOUN/NN/10/nsubj ran/run/VERB/VBD/3/advcl daily/daily/ADV/RB/10/advmod ././PUNCT/./3/punct")


def test_a_clause_right_after_a_to_clause_carries_it_on():
    text = "The mayor wants voters to recall that the ferry ran daily."
    assert contents(text, _RECALL, "wants") == ["voters to recall that the ferry ran daily"]


def test_a_subordinate_clause_after_a_to_clause_tells_when_not_what():
    text = "The mayor wants voters to recall as the ferry ran daily."
    assert contents(text, _RECALL.replace("that/that/SCONJ", "as/as/SCONJ"), "wants") == ["voters to recall"]


def test_a_cue_modifying_a_noun_takes_no_rest_of_the_sentence():
    text = "The reason he refuses to talk is fear."
    items = ("The/the/DET/DT/2/det reason/reason/NOUN/NN/0/root he/he/PRON/PRP/4/nsubj "
             "refuses/refuse/VERB/VBZ/2/acl:relcl to/to/PART/TO/6/mark talk/talk/VERB/VB/4/xcomp "
             "is/be/AUX/VBZ/8/cop fear/fear/NOUN/NN/4/ccomp ././PUNCT/./2/punct")
    assert "to talk is fear" not in contents(text, items, "refuses")


# "focused on [what she said]obl [was the key issue]ccomp": the predicate of a prepositional
# frame's free relative hung on the cue
_KEY = ("The/the/DET/DT/2/det mayor/mayor/NOUN/NN/3/nsubj focused/focus/VERB/VBD/0/root on/on/ADP/IN/5/case "
        "what/what/PRON/WP/3/obl she/she/PRON/PRP/7/nsubj said/say/VERB/VBD/5/acl:relcl was/be/AUX/VBD/11/cop "
        "the/the/DET/DT/11/det key/key/ADJ/JJ/11/amod issue/issue/NOUN/NN/3/ccomp ././PUNCT/./3/punct")


def test_a_clause_right_after_a_prepositional_content_carries_it_on():
    text = "The mayor focused on what she said was the key issue."
    assert contents(text, _KEY, "focused") == ["what she said was the key issue"]


def test_a_clause_of_a_cue_of_its_own_after_a_prepositional_content_is_no_part_of_it():
    text = "The mayor focused on what she said they reported the key issue."
    items = _KEY.replace("was/be/AUX/VBD/11/cop", "they/they/PRON/PRP/9/nsubj reported/report/VERB/VBD/3/ccomp")
    items = _shifted(items, 8, 1, 10).replace("the/the/DET/DT/12/det key/key/ADJ/JJ/12/amod issue/issue/NOUN/NN/3/ccomp",
                                              "the/the/DET/DT/12/det key/key/ADJ/JJ/12/amod issue/issue/NOUN/NN/9/obj")
    assert contents(text, items, "focused") == ["what she said"]


# "shows [most voters]obj [like the plan]conj": the predicate of the reported clause made a
# conjunct of the cue, with no coordinator
_LIKE = ("The/the/DET/DT/2/det poll/poll/NOUN/NN/3/nsubj shows/show/VERB/VBZ/0/root most/most/ADJ/JJS/5/amod "
         "voters/voter/NOUN/NNS/3/obj like/like/VERB/VBP/3/conj the/the/DET/DT/8/det plan/plan/NOUN/NN/6/obj "
         "././PUNCT/./3/punct")


def test_a_conjunct_without_coordinator_right_after_the_content_carries_it_on():
    text = "The poll shows most voters like the plan."
    assert contents(text, _LIKE, "shows") == ["most voters like the plan"]


def test_a_conjunct_opened_by_a_coordinator_is_no_rest_of_the_content():
    text = "The poll shows most voters and like the plan."
    items = _shifted(_LIKE, 5, 1, 6).replace("voters/voter/NOUN/NNS/3/obj", "voters/voter/NOUN/NNS/3/obj and/and/CCONJ/CC/7/cc")
    assert contents(text, items, "shows") == ["most voters"]
