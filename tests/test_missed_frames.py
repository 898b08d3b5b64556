"""Reports the frame rules used to miss with no candidate at their cue: the object of a relative
clause's cue ("the levy, [which] the mayor opposed"), a personal pronoun as a stance's object
("endorsed [her]"), and the phrase of a cue noun hung on the verb the noun is the object of
("raised questions [about Y]"). Parses are written by hand (see ``trees.py``)."""

from __future__ import annotations

from trees import tree

from quoteattr.attribution.indirect import indirect_quotes


def _reports(text: str, items: str) -> list[tuple[str, str, str | None]]:
    """(content, cue, speaker) of the indirect candidates of one hand-parsed sentence."""
    return [(" | ".join(sp.text for sp in c.content_spans), c.cue.text, c.speaker.text if c.speaker else None)
            for c in indirect_quotes(tree(text, items), [])]


_OPPOSED = ("The/the/DET/DT/2/det council/council/NOUN/NN/3/nsubj dropped/drop/VERB/VBD/0/root the/the/DET/DT/6/det "
            "ferry/ferry/NOUN/NN/6/compound levy/levy/NOUN/NN/3/obj ,/,/PUNCT/,/12/punct which/which/PRON/WDT/12/obj "
            "the/the/DET/DT/10/det mayor/mayor/NOUN/NN/12/nsubj had/have/AUX/VBD/12/aux "
            "opposed/oppose/VERB/VBN/6/acl:relcl for/for/ADP/IN/14/case years/year/NOUN/NNS/12/obl ././PUNCT/./3/punct")


def test_the_relative_pronoun_a_stance_takes_for_object_is_its_content():
    text = "The council dropped the ferry levy, which the mayor had opposed for years."
    assert ("which", "opposed", "the mayor") in _reports(text, _OPPOSED)


_REPORTED = ("The/the/DET/DT/2/det levy/levy/NOUN/NN/13/nsubj ,/,/PUNCT/,/2/punct which/which/PRON/WDT/7/nsubj:pass "
             "was/be/AUX/VBD/7/aux:pass first/first/ADV/RB/7/advmod reported/report/VERB/VBN/2/acl:relcl "
             "by/by/ADP/IN/10/case the/the/DET/DT/10/det Gazette/Gazette/PROPN/NNP/7/obl ,/,/PUNCT/,/7/punct "
             "will/will/AUX/MD/13/aux rise/rise/VERB/VB/0/root ././PUNCT/./13/punct")


def test_the_relative_subject_of_a_passive_cue_with_an_agent_is_its_content():
    text = "The levy, which was first reported by the Gazette, will rise."
    assert ("which", "reported", "the Gazette") in _reports(text, _REPORTED)


_WHO_SAID = ("Officials/official/NOUN/NNS/5/nsubj who/who/PRON/WP/3/nsubj opposed/oppose/VERB/VBD/1/acl:relcl "
             "it/it/PRON/PRP/3/obj left/leave/VERB/VBD/0/root ././PUNCT/./5/punct")


def test_a_relative_pronoun_that_is_the_subject_is_the_speaker_not_the_content():
    text = "Officials who opposed it left."
    assert all(content != "who" for content, _, _ in _reports(text, _WHO_SAID))


_IN_WHICH = ("a/a/DET/DT/2/det game/game/NOUN/NN/0/root in/in/ADP/IN/4/case which/which/PRON/WDT/6/obl "
             "firms/firm/NOUN/NNS/6/nsubj back/back/VERB/VBP/2/acl:relcl rules/rule/NOUN/NNS/6/obj")


def test_a_relative_pronoun_in_a_prepositional_phrase_is_no_object():
    assert _reports("a game in which firms back rules", _IN_WHICH.replace(" rules/rule/NOUN/NNS/6/obj", "")) == []


_ENDORSED = ("The/the/DET/DT/2/det governor/governor/NOUN/NN/3/nsubj endorsed/endorse/VERB/VBD/0/root "
             "her/she/PRON/PRP/3/obj on/on/ADP/IN/6/case Monday/Monday/PROPN/NNP/3/obl ././PUNCT/./3/punct")
_TOLD = ("The/the/DET/DT/2/det governor/governor/NOUN/NN/3/nsubj told/tell/VERB/VBD/0/root "
         "her/she/PRON/PRP/3/obj on/on/ADP/IN/6/case Monday/Monday/PROPN/NNP/3/obl ././PUNCT/./3/punct")


def test_a_personal_pronoun_is_content_enough_for_a_stance_but_not_for_speech():
    assert ("her", "endorsed", "The governor") in _reports("The governor endorsed her on Monday.", _ENDORSED)
    assert _reports("The governor told her on Monday.", _TOLD) == []


_QUESTIONS = ("The/the/DET/DT/2/det protest/protest/NOUN/NN/3/nsubj raised/raise/VERB/VBD/0/root "
              "fresh/fresh/ADJ/JJ/5/amod questions/question/NOUN/NNS/3/obj about/about/ADP/IN/8/case "
              "the/the/DET/DT/8/det fares/fare/NOUN/NNS/3/obl ././PUNCT/./3/punct")


def test_the_phrase_of_a_cue_noun_hung_on_its_verb_is_the_nouns():
    text = "The protest raised fresh questions about the fares."
    assert ("the fares", "questions", "The protest") in _reports(text, _QUESTIONS)


_MADE_CLEAR = ("The/the/DET/DT/2/det mayor/mayor/NOUN/NN/3/nsubj made/make/VERB/VBD/0/root it/it/PRON/PRP/3/obj "
               "clear/clear/ADJ/JJ/3/xcomp on/on/ADP/IN/7/case Monday/Monday/PROPN/NNP/5/obl that/that/SCONJ/IN/12/mark "
               "the/the/DET/DT/10/det ferry/ferry/NOUN/NN/12/nsubj will/will/AUX/MD/12/aux run/run/VERB/VB/3/advcl "
               "late/late/ADV/RB/12/advmod ././PUNCT/./3/punct")


def test_made_it_clear_reports_the_clause_hung_on_make():
    text = "The mayor made it clear on Monday that the ferry will run late."
    assert ("the ferry will run late", "clear", "The mayor") in _reports(text, _MADE_CLEAR)


_SLAMS = ("Mayor/mayor/PROPN/NNP/2/compound slams/slam/NOUN/NNS/0/root harbour/harbour/NOUN/NN/4/compound "
          "levy/levy/NOUN/NN/2/appos")


def test_a_headline_cue_taken_for_a_noun_takes_its_object():
    """"Mayor slams harbour levy": a headline without a finite verb whose cue ("slams", a noun to
    the tagger) reports a stance on an object, by the cue's ``obj`` frame."""
    assert _reports("Mayor slams harbour levy", _SLAMS) == [("harbour levy", "slams", "Mayor")]


_FINDS = ("Poll/poll/NOUN/NN/2/compound finds/find/NOUN/NNS/0/root mayor/mayor/NOUN/NN/5/nsubj "
          "would/would/AUX/MD/5/aux win/win/VERB/VB/2/acl")
_REMARKS = ("New/new/ADJ/JJ/2/amod remarks/remark/NOUN/NNS/3/nsubj suggest/suggest/VERB/VBP/0/root "
            "mayor/mayor/NOUN/NN/6/nsubj will/will/AUX/MD/6/aux resign/resign/VERB/VB/3/ccomp")


def test_a_headline_cue_taken_for_a_noun_may_report_a_finite_clause():
    """"Poll finds mayor would win": the only finite verb of the line is in what the cue (a noun to
    the tagger) reports, so the line is still a headline whose cue comes before any finite verb."""
    assert ("mayor would win", "finds", "Poll") in _reports("Poll finds mayor would win", _FINDS)


def test_a_noun_before_the_verb_of_a_headline_is_no_cue():
    """"New remarks suggest mayor will resign": a plural noun followed by a verb is that verb's subject."""
    assert [cue for _, cue, _ in _reports("New remarks suggest mayor will resign", _REMARKS)] == ["suggest"]


_SURVEY = ("The/the/DET/DT/3/det survey/survey/NOUN/NN/3/compound finds/find/NOUN/NNS/0/root "
           "most/most/ADJ/JJS/5/amod voters/voter/NOUN/NNS/6/nsubj back/back/VERB/VBP/3/acl "
           "the/the/DET/DT/8/det levy/levy/NOUN/NN/6/obj ././PUNCT/./3/punct")
_STATES = ("Many/many/ADJ/JJ/2/amod states/state/NOUN/NNS/5/nsubj that/that/PRON/WDT/4/nsubj "
           "border/border/VERB/VBP/2/acl:relcl voted/vote/VERB/VBD/0/root ././PUNCT/./5/punct")


def test_a_verb_taken_for_a_noun_in_prose_reports_what_follows():
    """"The survey finds most voters back the levy." inside a paragraph: the cue the tagger took for
    a noun ends its subject and opens what it reports, as on a headline line."""
    text = "The survey finds most voters back the levy. It was taken in May."
    assert ("most voters back the levy", "finds", "The survey") in _reports(text, _SURVEY)


def test_a_plural_noun_after_its_adjective_in_prose_is_no_cue():
    """"Many states that border Y voted.": "states" follows its adjective, not a subject."""
    text = "Many states that border voted. It was close."
    assert not _reports(text, _STATES)


_SEEMS = ("Lee/Lee/PROPN/NNP/2/nsubj seems/seem/VERB/VBZ/0/root to/to/PART/TO/4/mark "
          "recognize/recognize/VERB/VB/2/xcomp the/the/DET/DT/7/det quay/quay/NOUN/NN/7/compound "
          "problem/problem/NOUN/NN/4/obj ././PUNCT/./2/punct")


def test_seeming_to_do_what_a_cue_verb_names_without_reporting_is_the_writers_judgement():
    """"Lee seems to recognize the quay problem": "recognize" reports a clause, not an object, so no
    report of its own: the seeming is the attribution, Lee and the predicate its content."""
    assert _reports("Lee seems to recognize the quay problem.", _SEEMS) == [
        ("Lee | to recognize the quay problem", "seems", None)]


_SAME = ("Most/most/ADJ/JJS/2/amod dockers/docker/NOUN/NNS/3/nsubj said/say/VERB/VBD/0/root "
         "the/the/DET/DT/5/det same/same/ADJ/JJ/3/xcomp ././PUNCT/./3/punct")
_OPPOSITE = ("Ruiz/Ruiz/PROPN/NNP/3/nsubj was/be/AUX/VBD/3/aux saying/say/VERB/VBG/0/root "
             "the/the/DET/DT/5/det opposite/opposite/NOUN/NN/3/obj ././PUNCT/./3/punct")


def test_a_word_standing_for_a_clause_said_before_is_what_a_speech_verb_reports():
    """"Most dockers said the same", "Ruiz was saying the opposite": the object stands for a clause
    said before (``clause-anaphor`` in ``clause_words.tsv``), however short."""
    assert _reports("Most dockers said the same.", _SAME) == [("the same", "said", "Most dockers")]
    assert _reports("Ruiz was saying the opposite.", _OPPOSITE) == [("the opposite", "saying", "Ruiz")]


_SO = ("Ruiz/Ruiz/PROPN/NNP/2/nsubj thinks/think/VERB/VBZ/0/root so/so/ADV/RB/2/advmod ,/,/PUNCT/,/5/punct "
       "too/too/ADV/RB/2/advmod ././PUNCT/./2/punct")


def test_so_right_after_a_cue_stands_for_the_clause_it_reports():
    """"Ruiz thinks so, too.": "so" stands for a clause said before, one word content enough."""
    assert _reports("Ruiz thinks so, too.", _SO) == [("so", "thinks", "Ruiz")]


_HYPHENED_POLL = ("In/in/ADP/IN/8/case an/a/DET/DT/8/det early/early/ADJ/JJ/5/amod -/-/PUNCT/HYPH/3/punct "
                  "May/May/PROPN/NNP/8/compound Harbour/Harbour/PROPN/NNP/7/compound Ledger/Ledger/PROPN/NNP/8/compound "
                  "poll/poll/NOUN/NN/12/obl ,/,/PUNCT/,/8/punct the/the/DET/DT/11/det mayor/mayor/NOUN/NN/12/nsubj "
                  "led/lead/VERB/VBD/0/root easily/easily/ADV/RB/12/advmod ././PUNCT/./12/punct")


def test_a_hyphen_inside_the_slot_of_a_cue_phrase_keeps_the_phrase():
    # "In an early-May Harbour Ledger poll, S": the hyphen joins the words of the source's name
    text = "In an early-May Harbour Ledger poll, the mayor led easily."
    assert ("the mayor led easily", "In", "an early-May Harbour Ledger poll") in _reports(text, _HYPHENED_POLL)


_VIEW_AS = ("Most/most/ADJ/JJS/2/amod voters/voter/NOUN/NNS/3/nsubj view/view/VERB/VBP/0/root the/the/DET/DT/5/det "
            "mayor/mayor/NOUN/NN/3/obj as/as/ADP/IN/8/case a/a/DET/DT/8/det reformer/reformer/NOUN/NN/3/obl "
            "././PUNCT/./3/punct")


def test_view_as_is_a_stance_like_see_as():
    # "X views Y as Z" (cues.tsv: view, frame as) reports Y with the as-phrase, X the holder
    text = "Most voters view the mayor as a reformer."
    assert ("the mayor as a reformer", "view", "Most voters") in _reports(text, _VIEW_AS)


_SOUGHT_AS_NOUN = ("The/the/DET/DT/3/det mayor/mayor/NOUN/NN/3/compound sought/seek/NOUN/NN/0/root to/to/PART/TO/5/mark "
                   "calm/calm/VERB/VB/3/acl the/the/DET/DT/7/det dockers/docker/NOUN/NNS/5/obj ././PUNCT/./3/punct")


def test_a_verb_form_the_tagger_made_a_noun_is_read_by_the_verb_entry():
    # "sought" tagged as a noun: no noun of "seek" has that form, so the verb cue reads its to-clause
    text = "The mayor sought to calm the dockers."
    assert [r[:2] for r in _reports(text, _SOUGHT_AS_NOUN)] == [("to calm the dockers", "sought")]


_WORRIED = ("Dockers/docker/NOUN/NNS/6/nsubj worried/worry/VERB/VBN/1/acl about/about/ADP/IN/5/case "
            "the/the/DET/DT/5/det toll/toll/NOUN/NN/2/obl staged/stage/VERB/VBD/0/root a/a/DET/DT/8/det "
            "protest/protest/NOUN/NN/6/obj ././PUNCT/./6/punct")
_FOCUSED = ("A/a/DET/DT/2/det debate/debate/NOUN/NN/7/nsubj focused/focus/VERB/VBN/2/acl on/on/ADP/IN/6/case "
            "the/the/DET/DT/6/det toll/toll/NOUN/NN/3/obl ended/end/VERB/VBD/0/root early/early/ADV/RB/7/advmod "
            "././PUNCT/./7/punct")
_KNOWN = ("Dockers/docker/NOUN/NNS/7/nsubj ,/,/PUNCT/,/3/punct known/know/VERB/VBN/1/acl as/as/ADP/IN/5/case "
          "wharfies/wharfie/NOUN/NNS/3/obl ,/,/PUNCT/,/3/punct voted/vote/VERB/VBD/0/root ././PUNCT/./7/punct")


def test_a_participle_on_a_noun_naming_people_reports_their_stance():
    # "[Dockers] worried about the toll …": the bare participle is the stance of the people it
    # describes (before, any bare participle was skipped as "Known as X, …")
    text = "Dockers worried about the toll staged a protest."
    assert ("the toll", "worried", "Dockers") in _reports(text, _WORRIED)


def test_a_participle_on_a_thing_or_naming_its_noun_reports_nothing():
    # "a debate focused on Y" gives a thing's topic; "Dockers, known as wharfies," a name given to them
    assert not [r for r in _reports("A debate focused on the toll ended early.", _FOCUSED) if r[1] == "focused"]
    assert not [r for r in _reports("Dockers, known as wharfies, voted.", _KNOWN) if r[1] == "known"]
