"""Speakers on misleading parses (issue #12): a participle set off by a comma, a second subject
after an auxiliary, a connective read as a subject, a name after a closing quotation mark, a
document issued by someone. Hand-written trees pin the parser's mistakes down."""

from __future__ import annotations

import pytest

from quoteattr import attribute
from quoteattr.attribution.subjects import inverted_noun
from trees import subject_text, tree

Q, U = "\u201c", "\u201d"


_subject = subject_text


def test_a_set_off_participle_hung_on_a_noun_of_the_object_speaks_for_the_sentence_subject():
    text = "Ana Ruiz praised the plan in new efforts to save water, applauding the city."
    spec = ("Ana/Ana/PROPN/NNP/3/nsubj Ruiz/Ruiz/PROPN/NNP/1/flat praised/praise/VERB/VBD/0/root "
            "the/the/DET/DT/5/det plan/plan/NOUN/NN/3/obj in/in/ADP/IN/8/case new/new/ADJ/JJ/8/amod "
            "efforts/effort/NOUN/NNS/5/nmod to/to/PART/TO/10/mark save/save/VERB/VB/8/acl "
            "water/water/NOUN/NN/10/obj ,/,/PUNCT/,/13/punct applauding/applaud/VERB/VBG/10/conj "
            "the/the/DET/DT/15/det city/city/NOUN/NN/13/obj ././././3/punct")
    assert _subject(text, spec, "applauding") == "Ana"


def test_a_participle_hung_on_a_clause_of_its_own_keeps_that_clause_s_subject():
    # "calling" belongs to the reported clause before the cue: the friends call, not Ana
    text = f"Her friends have mocked the plan, calling it {Q}a folly,{U} Ana said."
    spec = ("Her/her/PRON/PRP$/2/nmod:poss friends/friend/NOUN/NNS/4/nsubj have/have/AUX/VBP/4/aux "
            "mocked/mock/VERB/VBN/16/ccomp the/the/DET/DT/6/det plan/plan/NOUN/NN/4/obj ,/,/PUNCT/,/8/punct "
            f"calling/call/VERB/VBG/4/advcl it/it/PRON/PRP/8/obj {Q}/{Q}/PUNCT/``/12/punct a/a/DET/DT/12/det "
            f"folly/folly/NOUN/NN/16/ccomp ,/,/PUNCT/,/12/punct {U}/{U}/PUNCT/''/12/punct "
            "Ana/Ana/PROPN/NNP/16/nsubj said/say/VERB/VBD/0/root ././././16/punct")
    assert _subject(text, spec, "calling") == "friends"


def test_a_second_subject_after_the_auxiliary_is_no_subject():
    # "it" between the auxiliary and the predicate is the object the parser made a subject
    text = "She did it quietly, noting that the law had changed."
    spec = ("She/she/PRON/PRP/4/nsubj did/do/AUX/VBD/4/aux it/it/PRON/PRP/4/nsubj quietly/quietly/NOUN/NN/0/root "
            ",/,/PUNCT/,/6/punct noting/note/VERB/VBG/4/acl that/that/SCONJ/IN/11/mark the/the/DET/DT/9/det "
            "law/law/NOUN/NN/11/nsubj had/have/AUX/VBD/11/aux changed/change/VERB/VBN/6/ccomp ././././4/punct")
    assert _subject(text, spec, "noting") == "She"


def test_a_relative_pronoun_before_the_auxiliary_gives_way_to_nothing_else():
    # "who in the winter has voiced": the relative pronoun stands, the prepositional phrase does not
    text = "Kerr, who in the winter has voiced doubts, left."
    spec = ("Kerr/Kerr/PROPN/NNP/11/nsubj ,/,/PUNCT/,/3/punct who/who/PRON/WP/8/nsubj in/in/ADP/IN/6/case "
            "the/the/DET/DT/6/det winter/winter/NOUN/NN/8/nsubj has/have/AUX/VBZ/8/aux voiced/voice/VERB/VBN/1/acl:relcl "
            "doubts/doubt/NOUN/NNS/8/obj ,/,/PUNCT/,/8/punct left/leave/VERB/VBD/0/root ././././11/punct")
    assert _subject(text, spec, "voiced") == "Kerr"


def test_a_connective_opening_the_sentence_never_speaks():
    text = "Rather, aides close to her say the vote failed."
    spec = ("Rather/Rather/PROPN/NNP/7/nsubj ,/,/PUNCT/,/1/punct aides/aide/NOUN/NNS/4/nsubj "
            "close/close/ADJ/JJ/7/ccomp to/to/ADP/IN/6/case her/she/PRON/PRP/4/obl say/say/VERB/VBP/0/root "
            "the/the/DET/DT/9/det vote/vote/NOUN/NN/10/nsubj failed/fail/VERB/VBD/7/ccomp ././././7/punct")
    assert _subject(text, spec, "say") is None
    inverted = "Nor did they say the vote failed."
    spec = ("Nor/Nor/PROPN/NNP/4/nsubj did/do/AUX/VBD/4/aux they/they/PRON/PRP/4/nsubj say/say/VERB/VB/0/root "
            "the/the/DET/DT/6/det vote/vote/NOUN/NN/7/nsubj failed/fail/VERB/VBD/4/ccomp ././././4/punct")
    assert _subject(inverted, spec, "say") == "they"


def test_a_time_adverb_opening_the_sentence_never_speaks():
    text = "Earlier Tuesday, the port said the vote failed."
    spec = ("Earlier/earlier/ADV/RBR/6/advmod Tuesday/Tuesday/PROPN/NNP/1/obl:tmod ,/,/PUNCT/,/1/punct "
            "the/the/DET/DT/5/det port/port/NOUN/NN/2/appos said/say/VERB/VBD/0/root the/the/DET/DT/8/det "
            "vote/vote/NOUN/NN/9/nsubj failed/fail/VERB/VBD/6/ccomp ././././6/punct")
    assert _subject(text, spec, "said") != "Earlier"


def test_a_name_right_after_a_closing_quotation_mark_is_the_speaker_whatever_its_tag():
    text = f"{Q}We will win,{U} Okafor said."
    spec = (f"{Q}/{Q}/PUNCT/``/4/punct We/we/PRON/PRP/4/nsubj will/will/AUX/MD/4/aux win/win/VERB/VB/8/ccomp "
            f",/,/PUNCT/,/4/punct {U}/{U}/PUNCT/''/4/punct Okafor/Okafor/VERB/VBN/8/ccomp "
            "said/say/VERB/VBD/0/root ././././8/punct")
    (q,) = attribute(tree(text, spec)).quotes
    assert q.kind == "direct" and q.speaker is not None and q.speaker.text == "Okafor"


def test_a_perfect_hung_as_a_participle_on_a_noun_is_active():
    text = "There is the risk that Ruiz has proposed a new tax."
    spec = ("There/there/PRON/EX/2/expl is/be/VERB/VBZ/0/root the/the/DET/DT/4/det risk/risk/NOUN/NN/2/nsubj "
            "that/that/SCONJ/IN/8/mark Ruiz/Ruiz/PROPN/NNP/8/nsubj has/have/AUX/VBZ/8/aux "
            "proposed/propose/VERB/VBN/4/acl a/a/DET/DT/11/det new/new/ADJ/JJ/11/amod tax/tax/NOUN/NN/8/obj "
            "././././2/punct")
    assert _subject(text, spec, "proposed") == "Ruiz"


def _document(verb: str, lemma: str) -> tuple[str, str]:
    text = f"Ruiz {verb} a video that said the port would close."
    spec = (f"Ruiz/Ruiz/PROPN/NNP/2/nsubj {verb}/{lemma}/VERB/VBD/0/root a/a/DET/DT/4/det video/video/NOUN/NN/2/obj "
            "that/that/PRON/WDT/6/nsubj said/say/VERB/VBD/4/acl:relcl the/the/DET/DT/8/det port/port/NOUN/NN/10/nsubj "
            "would/would/AUX/MD/10/aux close/close/VERB/VB/6/ccomp ././././2/punct")
    return text, spec


def test_a_document_someone_issued_speaks_for_them():
    assert _subject(*_document("released", "release"), "said") == "Ruiz"


def test_a_document_someone_only_cites_speaks_for_itself():
    assert _subject(*_document("cited", "cite"), "said") == "video"


def _raising(nlp, text: str):
    from quoteattr.attribution.indirect import indirect_quotes
    from quoteattr.attribution.quotations import find_quotations

    cands = [c for c in indirect_quotes(nlp.parse(text), find_quotations(text)) if c.frame == "raising"]
    assert len(cands) == 1, cands
    c = cands[0]
    return (c.speaker.text if c.speaker else None), [s.text for s in c.content_spans]


@pytest.mark.parametrize("text,speaker,said", [
    ("The harbour owners seemed to agree with the mayor.", "The harbour owners", ["to agree with the mayor"]),
    ("The owners seemed ready to complain about the toll.", "The owners", ["ready to complain about the toll"]),
])
def test_a_person_or_group_that_seems_to_agree_is_the_speaker(nlp, text, speaker, said):
    # a predicate that is a cue, or leads to one, is the person's stance, not the writer's seeming
    assert _raising(nlp, text) == (speaker, said)


@pytest.mark.parametrize("text,said", [
    ("She seems to have no quarrel with the new toll.", ["She", "to have no quarrel with the new toll"]),
    ("The senator appeared to gain ground in the northern towns.",
     ["The senator", "to gain ground in the northern towns"]),
])
def test_a_person_whose_seeming_is_no_report_is_part_of_what_seems(nlp, text, said):
    # any other seeming is the writer's judgement: the subject and its predicate are what seems
    assert _raising(nlp, text) == (None, said)


def test_a_person_whose_bare_state_seems_reports_nothing(nlp):
    from quoteattr.attribution.indirect import indirect_quotes
    from quoteattr.attribution.quotations import find_quotations

    text = "The mayor appeared cowed."
    assert not [c for c in indirect_quotes(nlp.parse(text), find_quotations(text)) if c.frame == "raising"]


def test_a_thing_that_seems_has_no_speaker_and_stays_in_what_seems(nlp):
    speaker, said = _raising(nlp, "The harbour plan appears to be dead after the vote.")
    assert speaker is None and said[0] == "The harbour plan"


def test_a_by_phrase_opening_the_sentence_is_no_agent():
    text = "By the close of the day, Ruiz was forced to retreat and said the toll was wrong."
    spec = ("By/by/ADP/IN/3/case the/the/DET/DT/3/det close/close/NOUN/NN/9/obl of/of/ADP/IN/6/case "
            "the/the/DET/DT/6/det day/day/NOUN/NN/3/nmod ,/,/PUNCT/,/9/punct Ruiz/Ruiz/PROPN/NNP/9/nsubj:pass "
            "was/be/AUX/VBD/9/aux:pass forced/force/VERB/VBN/0/root to/to/PART/TO/11/mark "
            "retreat/retreat/VERB/VB/9/xcomp and/and/CCONJ/CC/13/cc said/say/VERB/VBD/9/conj "
            "the/the/DET/DT/15/det toll/toll/NOUN/NN/17/nsubj was/be/AUX/VBD/17/cop wrong/wrong/ADJ/JJ/13/ccomp "
            "././././9/punct")
    assert _subject(text, spec, "said") == "Ruiz"


def test_a_cue_set_off_in_the_middle_of_its_clause_has_its_speaker_after_it():
    text = "Part of the trouble, say engineers, is the soil itself."
    spec = ("Part/part/NOUN/NN/6/nsubj of/of/ADP/IN/4/case the/the/DET/DT/4/det trouble/trouble/NOUN/NN/1/nmod "
            ",/,/PUNCT/,/6/punct say/say/VERB/VBP/0/root engineers/engineer/NOUN/NNS/6/obj ,/,/PUNCT/,/10/punct "
            "is/be/AUX/VBZ/10/cop the/the/DET/DT/10/det soil/soil/NOUN/NN/6/ccomp itself/itself/PRON/PRP/10/nmod:npmod "
            "././././6/punct")
    assert _subject(text, spec, "say") == "engineers"


def test_a_speaker_before_a_set_off_cue_keeps_it():
    # a person before the comma is the speaker; what follows the cue is what was said
    text = "The aides, tired of the fight, said their speeches would change."
    spec = ("The/the/DET/DT/2/det aides/aide/NOUN/NNS/8/nsubj ,/,/PUNCT/,/4/punct tired/tired/ADJ/JJ/2/amod "
            "of/of/ADP/IN/7/case the/the/DET/DT/7/det fight/fight/NOUN/NN/4/obl said/say/VERB/VBD/0/root "
            "their/their/PRON/PRP$/10/nmod:poss speeches/speech/NOUN/NNS/8/obj would/would/AUX/MD/12/aux "
            "change/change/VERB/VB/8/conj ././././8/punct")
    assert _subject(text, spec, "said") == "aides"


def test_a_root_cue_after_a_clause_without_a_subject_of_its_own_is_inverted():
    # "Whether S will be decided later, said Ann Lee, editor of the Post.": the clause is a subject clause
    text = "Whether the toll stays will be decided later, said Ann Lee, editor of the Post."
    spec = ("Whether/whether/SCONJ/IN/4/mark the/the/DET/DT/3/det toll/toll/NOUN/NN/4/nsubj "
            "stays/stay/VERB/VBZ/7/csubj:pass will/will/AUX/MD/7/aux be/be/AUX/VB/7/aux:pass "
            "decided/decide/VERB/VBN/10/csubj later/later/ADV/RB/7/advmod ,/,/PUNCT/,/10/punct "
            "said/say/VERB/VBD/0/root Ann/Ann/PROPN/NNP/10/obj Lee/Lee/PROPN/NNP/11/flat ,/,/PUNCT/,/14/punct "
            "editor/editor/NOUN/NN/11/conj of/of/ADP/IN/17/case the/the/DET/DT/17/det Post/Post/PROPN/NNP/14/nmod "
            "././././10/punct")
    assert _subject(text, spec, "said") == "Ann"


def test_one_of_a_group_after_an_inverted_cue_is_the_speaker():
    text = f"{Q}We will stay,{U} said one of the advisers, who asked not to be named."
    spec = (f"{Q}/{Q}/PUNCT/``/4/punct We/we/PRON/PRP/4/nsubj will/will/AUX/MD/4/aux stay/stay/VERB/VB/0/root "
            f",/,/PUNCT/,/4/punct {U}/{U}/PUNCT/''/4/punct said/say/VERB/VBD/4/parataxis one/one/NUM/CD/7/obj "
            "of/of/ADP/IN/11/case the/the/DET/DT/11/det advisers/adviser/NOUN/NNS/8/nmod ,/,/PUNCT/,/14/punct "
            "who/who/PRON/WP/14/nsubj asked/ask/VERB/VBD/11/acl:relcl not/not/PART/RB/18/advmod "
            "to/to/PART/TO/18/mark be/be/AUX/VB/18/aux:pass named/name/VERB/VBN/14/xcomp ././././4/punct")
    assert _subject(text, spec, "said") == "one"


def test_about_a_share_of_voters_is_a_subject_not_a_prepositional_phrase():
    text = "About 12 percent said they had no view."
    spec = ("About/about/ADP/IN/3/case 12/12/NUM/CD/3/nummod percent/percent/NOUN/NN/4/nsubj "
            "said/say/VERB/VBD/0/root they/they/PRON/PRP/6/nsubj had/have/VERB/VBD/4/ccomp "
            "no/no/DET/DT/8/det view/view/NOUN/NN/6/obj ././././4/punct")
    assert _subject(text, spec, "said") == "percent"


def test_the_subject_before_an_aside_between_dashes():
    # the parser hung the name on the time phrase before it; the cue has no subject of its own
    text = "Reached on Tuesday, Okafor — who is a lawyer — told the Post he would appeal."
    spec = ("Reached/reach/VERB/VBN/11/advcl on/on/ADP/IN/3/case Tuesday/Tuesday/PROPN/NNP/1/obl "
            ",/,/PUNCT/,/5/punct Okafor/Okafor/PROPN/NNP/3/appos —/—/PUNCT/:/10/punct "
            "who/who/PRON/WP/10/nsubj is/be/AUX/VBZ/10/cop a/a/DET/DT/10/det lawyer/lawyer/NOUN/NN/5/acl:relcl "
            "—/—/PUNCT/:/11/punct told/tell/VERB/VBD/0/root the/the/DET/DT/13/det Post/Post/PROPN/NNP/11/obj "
            "he/he/PRON/PRP/16/nsubj would/would/AUX/MD/16/aux appeal/appeal/VERB/VB/11/ccomp ././././11/punct")
    assert _subject(text, spec, "told") == "Okafor"


def test_the_noun_of_an_absolute_construction_speaks_for_its_participle():
    text = "The two had been friends, with Ruiz repeatedly calling Lee a partner."
    spec = ("The/the/DET/DT/2/det two/two/NUM/CD/5/nsubj had/have/AUX/VBD/5/aux been/be/AUX/VBN/5/cop "
            "friends/friend/NOUN/NNS/0/root ,/,/PUNCT/,/10/punct with/with/ADP/IN/8/case Ruiz/Ruiz/PROPN/NNP/10/obl "
            "repeatedly/repeatedly/ADV/RB/10/advmod calling/call/VERB/VBG/5/advcl Lee/Lee/PROPN/NNP/10/obj "
            "a/a/DET/DT/13/det partner/partner/NOUN/NN/10/obj ././././5/punct")
    assert _subject(text, spec, "calling") == "Ruiz"
    hung = "Lee gained ground, with 30 percent of sailors saying they like him."
    spec = ("Lee/Lee/PROPN/NNP/2/nsubj gained/gain/VERB/VBD/0/root ground/ground/NOUN/NN/2/obj ,/,/PUNCT/,/7/punct "
            "with/with/ADP/IN/7/case 30/30/NUM/CD/7/nummod percent/percent/NOUN/NN/2/obl of/of/ADP/IN/9/case "
            "sailors/sailor/NOUN/NNS/7/nmod saying/say/VERB/VBG/7/acl they/they/PRON/PRP/12/nsubj "
            "like/like/VERB/VBP/10/ccomp him/he/PRON/PRP/12/obj ././././2/punct")
    assert _subject(hung, spec, "saying") == "percent"


def test_a_thing_someone_made_or_spent_speaks_for_them_through_its_participle():
    text = "The council approved a motion condemning the toll."
    spec = ("The/the/DET/DT/2/det council/council/NOUN/NN/3/nsubj approved/approve/VERB/VBD/0/root "
            "a/a/DET/DT/5/det motion/motion/NOUN/NN/3/obj condemning/condemn/VERB/VBG/5/acl "
            "the/the/DET/DT/8/det toll/toll/NOUN/NN/6/obj ././././3/punct")
    assert _subject(text, spec, "condemning") == "council"
    # a group of people named as the object does what the participle says
    people = "The council thanked the residents backing the plan."
    spec = ("The/the/DET/DT/2/det council/council/NOUN/NN/3/nsubj thanked/thank/VERB/VBD/0/root "
            "the/the/DET/DT/5/det residents/resident/NOUN/NNS/3/obj backing/back/VERB/VBG/5/acl "
            "the/the/DET/DT/8/det plan/plan/NOUN/NN/6/obj ././././3/punct")
    assert _subject(people, spec, "backing") == "residents"


def test_a_name_before_an_aside_speaks_for_a_cue_the_parser_left_without_subject():
    # "Ruiz" hung on "port" as an apposition, "said" with no subject: the name before ", 70,"
    text = "At the port, Ana Ruiz, 70, said the vote failed."
    spec = ("At/at/ADP/IN/3/case the/the/DET/DT/3/det port/port/NOUN/NN/10/obl ,/,/PUNCT/,/5/punct "
            "Ana/Ana/PROPN/NNP/3/appos Ruiz/Ruiz/PROPN/NNP/5/flat ,/,/PUNCT/,/8/punct 70/70/NUM/CD/6/nmod "
            ",/,/PUNCT/,/8/punct said/say/VERB/VBD/0/root the/the/DET/DT/12/det vote/vote/NOUN/NN/13/nsubj "
            "failed/fail/VERB/VBD/10/ccomp ././././10/punct")
    assert _subject(text, spec, "said") == "Ana"
    # a phrase after a preposition is no subject, whatever aside follows it
    text = "They met with Ana Ruiz, 70, and said the vote failed."
    spec = ("They/they/PRON/PRP/2/nsubj met/meet/VERB/VBD/0/root with/with/ADP/IN/5/case "
            "Ana/Ana/PROPN/NNP/5/compound Ruiz/Ruiz/PROPN/NNP/2/obl ,/,/PUNCT/,/7/punct 70/70/NUM/CD/5/nmod "
            ",/,/PUNCT/,/7/punct and/and/CCONJ/CC/10/cc said/say/VERB/VBD/2/conj the/the/DET/DT/12/det "
            "vote/vote/NOUN/NN/13/nsubj failed/fail/VERB/VBD/10/ccomp ././././2/punct")
    assert _subject(text, spec, "said") != "Ruiz"


def test_a_by_phrase_whose_preposition_hangs_on_a_title_is_the_agent():
    text = "The plan was criticized by former mayor Ana Ruiz."
    spec = ("The/the/DET/DT/2/det plan/plan/NOUN/NN/4/nsubj:pass was/be/AUX/VBD/4/aux:pass "
            "criticized/criticize/VERB/VBN/0/root by/by/ADP/IN/6/case former/former/ADJ/JJ/9/amod "
            "mayor/mayor/NOUN/NN/9/compound Ana/Ana/PROPN/NNP/9/compound Ruiz/Ruiz/PROPN/NNP/4/obl ././././4/punct")
    assert _subject(text, spec, "criticized") == "Ruiz"


def test_a_by_phrase_hung_on_a_noun_after_the_passive_is_its_agent():
    text = "Kerr was criticized over the plans by Ana Ruiz."
    spec = ("Kerr/Kerr/PROPN/NNP/3/nsubj:pass was/be/AUX/VBD/3/aux:pass criticized/criticize/VERB/VBN/0/root "
            "over/over/ADP/IN/6/case the/the/DET/DT/6/det plans/plan/NOUN/NNS/3/obl by/by/ADP/IN/9/case "
            "Ana/Ana/PROPN/NNP/9/compound Ruiz/Ruiz/PROPN/NNP/6/nmod ././././3/punct")
    assert _subject(text, spec, "criticized") == "Ruiz"
    # but not across a verb: the remarks were made by Ruiz, who criticized Kerr is not said
    text = "Kerr was criticized for remarks made by Ana Ruiz."
    spec = ("Kerr/Kerr/PROPN/NNP/3/nsubj:pass was/be/AUX/VBD/3/aux:pass criticized/criticize/VERB/VBN/0/root "
            "for/for/ADP/IN/5/case remarks/remark/NOUN/NNS/3/obl made/make/VERB/VBN/5/acl by/by/ADP/IN/9/case "
            "Ana/Ana/PROPN/NNP/9/compound Ruiz/Ruiz/PROPN/NNP/5/nmod ././././3/punct")
    assert _subject(text, spec, "criticized") != "Ruiz"


def test_a_name_set_off_before_an_aside_misread_as_a_second_subject_speaks():
    text = "Ana Ruiz, speaking in Akron, Ohio, warned that the port would close."
    spec = ("Ana/Ana/PROPN/NNP/10/nsubj Ruiz/Ruiz/PROPN/NNP/1/flat ,/,/PUNCT/,/4/punct "
            "speaking/speak/VERB/VBG/10/advcl in/in/ADP/IN/6/case Akron/Akron/PROPN/NNP/4/obl ,/,/PUNCT/,/8/punct "
            "Ohio/Ohio/PROPN/NNP/10/nsubj ,/,/PUNCT/,/8/punct warned/warn/VERB/VBD/0/root that/that/SCONJ/IN/15/mark "
            "the/the/DET/DT/13/det port/port/NOUN/NN/15/nsubj would/would/AUX/MD/15/aux close/close/VERB/VB/10/ccomp "
            "././././10/punct")
    assert _subject(text, spec, "warned") == "Ana"
    # the description set off between commas after the name, misread as a second subject
    text = "Ruiz, the new mayor, has been scathing, threatening to quit."
    spec = ("Ruiz/Ruiz/PROPN/NNP/9/nsubj ,/,/PUNCT/,/5/punct the/the/DET/DT/5/det new/new/ADJ/JJ/5/amod "
            "mayor/mayor/NOUN/NN/9/nsubj ,/,/PUNCT/,/1/punct has/have/AUX/VBZ/9/aux been/be/AUX/VBN/9/aux "
            "scathing/scathing/VERB/VBG/0/root ,/,/PUNCT/,/11/punct threatening/threaten/VERB/VBG/9/advcl "
            "to/to/PART/TO/13/mark quit/quit/VERB/VB/11/xcomp ././PUNCT/./9/punct")
    assert _subject(text, spec, "threatening") == "Ruiz"
    # a cue set off itself keeps its own subject: "Kerr, aides said, will run"
    text = "Kerr, aides said, will run."
    spec = ("Kerr/Kerr/PROPN/NNP/7/nsubj ,/,/PUNCT/,/4/punct aides/aide/NOUN/NNS/4/nsubj said/say/VERB/VBD/7/parataxis "
            ",/,/PUNCT/,/4/punct will/will/AUX/MD/7/aux run/run/VERB/VB/0/root ././././7/punct")
    assert _subject(text, spec, "said") == "aides"


def test_a_participle_after_an_inverted_reporting_verb_speaks_for_its_speaker():
    text = f"{Q}The talks have failed,{U} said Ana Ruiz, referring to the strike."
    spec = (f"{Q}/{Q}/PUNCT/``/5/punct The/the/DET/DT/3/det talks/talk/NOUN/NNS/5/nsubj have/have/AUX/VBP/5/aux "
            f"failed/fail/VERB/VBN/0/root ,/,/PUNCT/,/5/punct {U}/{U}/PUNCT/''/5/punct said/say/VERB/VBD/5/parataxis "
            "Ana/Ana/PROPN/NNP/8/obj Ruiz/Ruiz/PROPN/NNP/9/flat ,/,/PUNCT/,/12/punct "
            "referring/refer/VERB/VBG/8/advcl to/to/ADP/IN/15/case the/the/DET/DT/15/det strike/strike/NOUN/NN/12/obl "
            "././././5/punct")
    assert _subject(text, spec, "referring") == "Ana"


def test_the_object_of_a_causative_verb_does_what_its_infinitive_says():
    text = "The delay led voters to say the plan failed."
    spec = ("The/the/DET/DT/2/det delay/delay/NOUN/NN/3/nsubj led/lead/VERB/VBD/0/root voters/voter/NOUN/NNS/3/obj "
            "to/to/PART/TO/6/mark say/say/VERB/VB/3/xcomp the/the/DET/DT/8/det plan/plan/NOUN/NN/9/nsubj "
            "failed/fail/VERB/VBD/6/ccomp ././././3/punct")
    assert _subject(text, spec, "say") == "voters"


def test_a_group_named_by_a_participle_speaks_when_the_parser_made_it_the_verb():
    text = "Again, those surveyed said the port was best."
    spec = ("Again/again/ADV/RB/5/advmod ,/,/PUNCT/,/1/punct those/that/DET/DT/4/nsubj "
            "surveyed/survey/VERB/VBD/5/ccomp said/say/VERB/VBD/0/root the/the/DET/DT/7/det "
            "port/port/NOUN/NN/9/nsubj was/be/AUX/VBD/9/cop best/good/ADJ/JJS/5/ccomp ././././5/punct")
    assert _subject(text, spec, "said") == "those"


def test_a_verb_tagged_as_a_noun_after_a_quotation_is_its_cue():
    # '"…," the statement read(NN).': the parser made "read" the head of "the statement"
    text = f"{Q}We will appeal the ruling,{U} the statement read."
    spec = (f"{Q}/{Q}/PUNCT/``/4/punct We/we/PRON/PRP/4/nsubj will/will/AUX/MD/4/aux appeal/appeal/VERB/VB/0/root "
            f"the/the/DET/DT/6/det ruling/ruling/NOUN/NN/4/obj ,/,/PUNCT/,/4/punct {U}/{U}/PUNCT/''/4/punct "
            "the/the/DET/DT/11/det statement/statement/NOUN/NN/11/compound read/read/NOUN/NN/4/parataxis "
            "././PUNCT/./4/punct")
    (q,) = attribute(tree(text, spec)).quotes
    assert q.cue is not None and q.cue.text == "read"
    assert q.speaker is not None and q.speaker.text == "the statement"
    # the same phrase inside a sentence, not after a quotation, is a noun phrase
    doc = tree("They read the statement read aloud.", (
        ("They", "they", "PRON", 2, "nsubj"), ("read", "read", "VERB", 0, "root"), ("the", "the", "DET", 5, "det"),
        ("statement", "statement", "NOUN", 5, "compound"), ("read", "read", "NOUN", 2, "obj"),
        ("aloud", "aloud", "ADV", 5, "advmod"), (".", ".", "PUNCT", 2, "punct")))
    assert not inverted_noun(doc.sentences[0], doc.sentences[0].words[4])


def test_a_role_the_parser_made_a_modifier_of_a_time_word_is_the_subject():
    text = "A judge last week ordered the port to reopen."
    spec = ("A/a/DET/DT/4/det judge/judge/ADJ/JJ/4/amod last/last/ADJ/JJ/4/amod week/week/NOUN/NN/5/nsubj "
            "ordered/order/VERB/VBD/0/root the/the/DET/DT/7/det port/port/NOUN/NN/5/obj to/to/PART/TO/9/mark "
            "reopen/reopen/VERB/VB/5/xcomp ././PUNCT/./5/punct")
    assert _subject(text, spec, "ordered") == "judge"
    text = "Lee last week invited the board to vote."
    spec = ("Lee/Lee/ADJ/JJ/3/amod last/last/ADJ/JJ/3/amod week/week/NOUN/NN/4/nsubj invited/invite/VERB/VBD/0/root "
            "the/the/DET/DT/6/det board/board/NOUN/NN/4/obj to/to/PART/TO/8/mark vote/vote/VERB/VB/4/xcomp "
            "././PUNCT/./4/punct")
    assert _subject(text, spec, "invited") == "Lee"


def test_an_inverted_speaker_may_keep_its_relative_clause():
    text = f"{Q}The talks have failed,{U} said an official who was briefed."
    spec = (f"{Q}/{Q}/PUNCT/``/5/punct The/the/DET/DT/3/det talks/talk/NOUN/NNS/5/nsubj have/have/AUX/VBP/5/aux "
            f"failed/fail/VERB/VBN/0/root ,/,/PUNCT/,/5/punct {U}/{U}/PUNCT/''/5/punct said/say/VERB/VBD/5/parataxis "
            "an/a/DET/DT/10/det official/official/NOUN/NN/8/obj who/who/PRON/WP/13/nsubj:pass was/be/AUX/VBD/13/aux:pass "
            "briefed/brief/VERB/VBN/10/acl:relcl ././PUNCT/./5/punct")
    assert _subject(text, spec, "said") == "official"


def test_an_inverted_speaker_wins_over_a_subject_taken_from_the_quotation():
    text = f"{Q}Many would call it a loss,{U} said David Lee, an analyst."
    spec = (f"{Q}/{Q}/PUNCT/``/4/punct Many/many/ADJ/JJ/10/nsubj would/would/AUX/MD/4/aux call/call/VERB/VB/10/ccomp "
            "it/it/PRON/PRP/4/obj a/a/DET/DT/7/det loss/loss/NOUN/NN/4/xcomp ,/,/PUNCT/,/4/punct "
            f"{U}/{U}/PUNCT/''/4/punct said/say/VERB/VBD/0/root David/David/PROPN/NNP/10/obj Lee/Lee/PROPN/NNP/11/flat "
            ",/,/PUNCT/,/15/punct an/a/DET/DT/15/det analyst/analyst/NOUN/NN/11/appos ././PUNCT/./10/punct")
    assert _subject(text, spec, "said") == "David"
    # a verb that does not invert keeps its subject: "Lee, a plumber, blamed Ana Ruiz for it"
    text = "Lee, a plumber, blamed Ana Ruiz."
    spec = ("Lee/Lee/PROPN/NNP/6/nsubj ,/,/PUNCT/,/4/punct a/a/DET/DT/4/det plumber/plumber/NOUN/NN/1/appos "
            ",/,/PUNCT/,/4/punct blamed/blame/VERB/VBD/0/root Ana/Ana/PROPN/NNP/6/obj Ruiz/Ruiz/PROPN/NNP/7/flat "
            "././PUNCT/./6/punct")
    assert _subject(text, spec, "blamed") == "Lee"


def test_a_name_with_its_possessive_glued_on_owns_the_cue_noun():
    text = "Lee's warm endorsement of Ruiz surprised the board."
    spec = ("Lee's/Lee's/NOUN/NN/3/compound warm/warm/ADJ/JJ/3/amod endorsement/endorsement/NOUN/NN/6/nsubj "
            "of/of/ADP/IN/5/case Ruiz/Ruiz/PROPN/NNP/3/nmod surprised/surprise/VERB/VBD/0/root "
            "the/the/DET/DT/8/det board/board/NOUN/NN/6/obj ././PUNCT/./6/punct")
    assert _subject(text, spec, "endorsement") == "Lee's"


def test_the_owner_of_the_subject_of_a_copular_cue_noun_speaks():
    text = "Lee's main lesson is a belief that the port will close."
    spec = ("Lee/Lee/PROPN/NNP/4/nmod:poss 's/'s/PART/POS/1/case main/main/ADJ/JJ/4/amod "
            "lesson/lesson/NOUN/NN/7/nsubj is/be/AUX/VBZ/7/cop a/a/DET/DT/7/det belief/belief/NOUN/NN/0/root "
            "that/that/SCONJ/IN/12/mark the/the/DET/DT/10/det port/port/NOUN/NN/12/nsubj will/will/AUX/MD/12/aux "
            "close/close/VERB/VB/7/acl ././PUNCT/./7/punct")
    assert _subject(text, spec, "belief") == "Lee"


def test_a_time_word_taken_for_the_subject_does_not_hide_the_name_before_an_aside():
    text = "Friday, Ohio, leading a group of states, asked the court to act."
    spec = ("Friday/Friday/PROPN/NNP/11/nsubj ,/,/PUNCT/,/3/punct Ohio/Ohio/PROPN/NNP/1/appos ,/,/PUNCT/,/5/punct "
            "leading/lead/VERB/VBG/11/advcl a/a/DET/DT/7/det group/group/NOUN/NN/5/obj of/of/ADP/IN/9/case "
            "states/state/NOUN/NNS/7/nmod ,/,/PUNCT/,/5/punct asked/ask/VERB/VBD/0/root the/the/DET/DT/13/det "
            "court/court/NOUN/NN/11/obj to/to/PART/TO/15/mark act/act/VERB/VB/11/xcomp ././PUNCT/./11/punct")
    assert _subject(text, spec, "asked") == "Ohio"


def test_a_share_after_over_is_the_subject_the_parser_made_a_prepositional_phrase():
    text = "Just over a quarter say they will vote."
    spec = ("Just/just/ADV/RB/4/advmod over/over/ADP/IN/4/case a/a/DET/DT/4/det quarter/quarter/NOUN/NN/5/obl "
            "say/say/VERB/VBP/0/root they/they/PRON/PRP/8/nsubj will/will/AUX/MD/8/aux vote/vote/VERB/VB/5/ccomp "
            "././PUNCT/./5/punct")
    assert _subject(text, spec, "say") == "quarter"


def test_an_active_conjunct_of_a_passive_shares_its_subject_not_its_agent():
    text = "Dockers were dismayed by the lease and predicted it would collapse."
    spec = ("Dockers/docker/NOUN/NNS/3/nsubj:pass were/be/AUX/VBD/3/aux:pass dismayed/dismay/VERB/VBN/0/root "
            "by/by/ADP/IN/6/case the/the/DET/DT/6/det lease/lease/NOUN/NN/3/obl and/and/CCONJ/CC/8/cc "
            "predicted/predict/VERB/VBD/3/conj it/it/PRON/PRP/11/nsubj would/would/AUX/MD/11/aux "
            "collapse/collapse/VERB/VB/8/ccomp ././PUNCT/./3/punct")
    assert _subject(text, spec, "predicted") == "Dockers"
    # but a passive inside the reported clause is content: "Lee tells Y that the fund is depleted and says S"
    text = "Lee tells donors that the fund is depleted and says he will act."
    spec = ("Lee/Lee/PROPN/NNP/2/nsubj tells/tell/VERB/VBZ/0/root donors/donor/NOUN/NNS/2/obj that/that/SCONJ/IN/8/mark "
            "the/the/DET/DT/6/det fund/fund/NOUN/NN/8/nsubj:pass is/be/AUX/VBZ/8/aux:pass depleted/deplete/VERB/VBN/2/ccomp "
            "and/and/CCONJ/CC/10/cc says/say/VERB/VBZ/8/conj he/he/PRON/PRP/13/nsubj will/will/AUX/MD/13/aux "
            "act/act/VERB/VB/10/ccomp ././PUNCT/./2/punct")
    assert _subject(text, spec, "says") != "fund"


def test_an_infinitive_on_a_predicate_noun_speaks_for_the_copular_subject():
    text = "Lee was one of just a dozen skippers to vote for the plan."
    spec = ("Lee/Lee/PROPN/NNP/3/nsubj was/be/AUX/VBD/3/cop one/one/NUM/CD/0/root of/of/ADP/IN/8/case "
            "just/just/ADV/RB/7/advmod a/a/DET/DT/7/det dozen/dozen/NUM/CD/8/nummod skippers/skipper/NOUN/NNS/3/nmod "
            "to/to/PART/TO/10/mark vote/vote/VERB/VB/8/acl for/for/ADP/IN/13/case the/the/DET/DT/13/det "
            "plan/plan/NOUN/NN/10/obl ././PUNCT/./3/punct")
    assert _subject(text, spec, "vote") == "Lee"
    # its "to" hung on the object as a preposition
    text = "Lee was the first senator to endorse Ruiz."
    spec = ("Lee/Lee/PROPN/NNP/5/nsubj was/be/AUX/VBD/5/cop the/the/DET/DT/5/det first/first/ADJ/JJ/5/amod "
            "senator/senator/NOUN/NN/0/root to/to/ADP/IN/8/case endorse/endorse/VERB/VB/5/acl "
            "Ruiz/Ruiz/PROPN/NNP/7/obj ././PUNCT/./5/punct")
    assert _subject(text, spec, "endorse") == "Lee"


def test_for_before_an_infinitive_gives_its_subject():
    text = "It is common for news outlets to portray the port as a failure."
    spec = ("It/it/PRON/PRP/3/nsubj is/be/AUX/VBZ/3/cop common/common/ADJ/JJ/0/root for/for/ADP/IN/6/case "
            "news/news/NOUN/NN/6/compound outlets/outlet/NOUN/NNS/3/obl to/to/PART/TO/8/mark "
            "portray/portray/VERB/VB/3/advcl the/the/DET/DT/10/det port/port/NOUN/NN/8/obj as/as/ADP/IN/13/case "
            "a/a/DET/DT/13/det failure/failure/NOUN/NN/8/obl ././PUNCT/./3/punct")
    assert _subject(text, spec, "portray") == "outlets"


def test_a_subordinate_clause_s_subject_read_as_the_object_of_its_conjunction_speaks():
    text = "After Lee argued that the port should close, Ruiz left."
    spec = ("After/after/ADP/IN/2/case Lee/Lee/PROPN/NNP/3/obl argued/argue/VERB/VBD/0/root that/that/SCONJ/IN/8/mark "
            "the/the/DET/DT/6/det port/port/NOUN/NN/8/nsubj should/should/AUX/MD/8/aux close/close/VERB/VB/3/ccomp "
            ",/,/PUNCT/,/3/punct Ruiz/Ruiz/PROPN/NNP/11/nsubj left/leave/VERB/VBD/3/parataxis ././PUNCT/./3/punct")
    assert _subject(text, spec, "argued") == "Lee"
    # a phrase set off by commas is no subject: "Lee, after a brief pause, said S"
    text = "Lee, after a brief pause, said the port would close."
    spec = ("Lee/Lee/PROPN/NNP/8/dislocated ,/,/PUNCT/,/6/punct after/after/ADP/IN/6/case a/a/DET/DT/6/det "
            "brief/brief/ADJ/JJ/6/amod pause/pause/NOUN/NN/8/obl ,/,/PUNCT/,/6/punct said/say/VERB/VBD/0/root "
            "the/the/DET/DT/10/det port/port/NOUN/NN/12/nsubj would/would/AUX/MD/12/aux close/close/VERB/VB/8/ccomp "
            "././PUNCT/./8/punct")
    assert _subject(text, spec, "said") != "pause"


def test_a_floating_quantifier_is_not_the_subject():
    text = "Aides for both parties all agree that the port failed."
    spec = ("Aides/aide/NOUN/NNS/6/nsubj for/for/ADP/IN/4/case both/both/DET/DT/4/det parties/party/NOUN/NNS/1/nmod "
            "all/all/DET/DT/6/nsubj agree/agree/VERB/VBP/0/root that/that/SCONJ/IN/10/mark the/the/DET/DT/9/det "
            "port/port/NOUN/NN/10/nsubj failed/fail/VERB/VBD/6/ccomp ././PUNCT/./6/punct")
    assert _subject(text, spec, "agree") == "Aides"


def test_a_sentence_adverb_set_off_is_a_connective_not_a_speaker():
    text = "Interestingly, after the board asked Lee to resign, Ruiz left."
    spec = ("Interestingly/Interestingly/PROPN/NNP/6/nsubj ,/,/PUNCT/,/1/punct after/after/ADP/IN/5/case "
            "the/the/DET/DT/5/det board/board/NOUN/NN/6/obl asked/ask/VERB/VBD/0/root Lee/Lee/PROPN/NNP/6/obj "
            "to/to/PART/TO/9/mark resign/resign/VERB/VB/6/xcomp ,/,/PUNCT/,/6/punct Ruiz/Ruiz/PROPN/NNP/12/nsubj "
            "left/leave/VERB/VBD/6/parataxis ././PUNCT/./6/punct")
    assert _subject(text, spec, "asked") == "board"


def test_a_cue_noun_made_a_conjunct_of_the_opening_name_speaks_for_it():
    text = "Lee, meanwhile, hopes that the port will reopen."
    spec = ("Lee/Lee/PROPN/NNP/0/root ,/,/PUNCT/,/3/punct meanwhile/meanwhile/ADV/RB/1/advmod ,/,/PUNCT/,/3/punct "
            "hopes/hope/NOUN/NNS/1/conj that/that/SCONJ/IN/10/mark the/the/DET/DT/8/det port/port/NOUN/NN/10/nsubj "
            "will/will/AUX/MD/10/aux reopen/reopen/VERB/VB/5/acl ././PUNCT/./1/punct")
    assert _subject(text, spec, "hopes") == "Lee"
    text = "Lee, the party chair, said the vote failed."
    spec = ("Lee/Lee/PROPN/NNP/0/root ,/,/PUNCT/,/5/punct the/the/DET/DT/5/det party/party/NOUN/NN/5/compound "
            "chair/chair/NOUN/NN/1/appos ,/,/PUNCT/,/5/punct said/say/VERB/VBD/1/conj the/the/DET/DT/9/det "
            "vote/vote/NOUN/NN/10/nsubj failed/fail/VERB/VBD/7/ccomp ././PUNCT/./1/punct")
    assert _subject(text, spec, "said") == "Lee"


def test_a_capitalised_adjective_before_a_verb_read_as_a_noun_is_its_subject():
    text = "Ruiz plans to close the port."
    spec = ("Ruiz/Ruiz/ADJ/JJ/2/amod plans/plan/NOUN/NNS/0/root to/to/PART/TO/4/mark close/close/VERB/VB/2/acl "
            "the/the/DET/DT/6/det port/port/NOUN/NN/4/obj ././PUNCT/./2/punct")
    assert _subject(text, spec, "plans") == "Ruiz"
    # but not a nationality: "American plans to V"
    text = "American plans to close the port."
    spec = spec.replace("Ruiz/Ruiz", "American/American")
    assert _subject(text, spec, "plans") != "American"



def test_a_stance_s_passive_subject_speaks_a_speech_cue_s_is_what_it_reports():
    # "focused on" takes no object: Lee is who focuses, the on-phrase what she focuses on;
    # "referred to": the case is what was referred, never who refers
    cases = [("Ana Lee was still focused on the harbour budget.",
              "Ana/Ana/PROPN/NNP/2/compound Lee/Lee/PROPN/NNP/5/nsubj:pass was/be/AUX/VBD/5/aux:pass "
              "still/still/ADV/RB/5/advmod focused/focus/VERB/VBN/0/root on/on/ADP/IN/9/case the/the/DET/DT/9/det "
              "harbour/harbour/NOUN/NN/9/compound budget/budget/NOUN/NN/5/obl ././././5/punct",
              ("Ana Lee", "the harbour budget")),
             ("The harbour case was referred to the inspector.",
              "The/the/DET/DT/3/det harbour/harbour/NOUN/NN/3/compound case/case/NOUN/NN/5/nsubj:pass "
              "was/be/AUX/VBD/5/aux:pass referred/refer/VERB/VBN/0/root to/to/ADP/IN/8/case the/the/DET/DT/8/det "
              "inspector/inspector/NOUN/NN/5/obl ././././5/punct",
              (None, "The harbour case to the inspector"))]
    for text, spec, expected in cases:
        (q,) = attribute(tree(text, spec)).quotes
        assert (q.speaker and q.speaker.text, q.content) == expected


def test_a_noun_with_its_possessive_glued_on_owns_the_cue_noun_and_ends_its_mention():
    # "harbourmaster's" made a compound of "attacks": the owner speaks, and the mention stops
    # before the cue noun (not "harbourmaster's attacks")
    text = "The harbourmaster's attacks on the port board went on."
    spec = ("The/the/DET/DT/3/det harbourmaster's/harbourmaster's/NOUN/NN/3/compound attacks/attack/NOUN/NNS/8/nsubj "
            "on/on/ADP/IN/7/case the/the/DET/DT/7/det port/port/NOUN/NN/7/compound board/board/NOUN/NN/3/nmod "
            "went/go/VERB/VBD/0/root on/on/ADP/RP/8/compound:prt ././././8/punct")
    (q,) = attribute(tree(text, spec)).quotes
    assert (q.speaker and q.speaker.text, q.content) == ("harbourmaster's", "the port board")
    # but not a time: "last year's attacks on Y"
    text = "Last year's attacks on the port board went on."
    spec = ("Last/last/ADJ/JJ/2/amod year's/year's/NOUN/NN/3/compound attacks/attack/NOUN/NNS/8/nsubj "
            "on/on/ADP/IN/7/case the/the/DET/DT/7/det port/port/NOUN/NN/7/compound board/board/NOUN/NN/3/nmod "
            "went/go/VERB/VBD/0/root on/on/ADP/RP/8/compound:prt ././././8/punct")
    (q,) = attribute(tree(text, spec)).quotes
    assert q.speaker is None


def _owner_spec(subject: str, upos: str, pron: str) -> str:
    return (f"{subject}/{subject.lower()}/{upos}/_/2/nsubj stepped/step/VERB/VBD/0/root up/up/ADP/RP/2/compound:prt "
            f"{pron}/{pron.lower()}/PRON/PRP$/5/nmod:poss attacks/attack/NOUN/NNS/2/obj on/on/ADP/IN/7/case "
            "Lee/Lee/PROPN/NNP/5/nmod ././././2/punct")


def _owner(text: str, spec: str, feats: dict[str, str]) -> str | None:
    from quoteattr.attribution.subjects import cue_subject
    from quoteattr.parsing.tree import Tree
    from trees import tree as make

    s = Tree.of(0, make(text, spec).sentences[0])
    for w in s.words:
        w.feats = feats.get(w.text)
    found = cue_subject(s, next(w for w in s.words if w.text == "attacks"))
    return None if found is None else found.text


def test_a_possessive_pronoun_on_a_cue_noun_is_bound_by_the_agreeing_clause_subject():
    # "He stepped up his attacks": the subject, not the pronoun, names the speaker
    feats = {"He": "Gender=Masc|Number=Sing|Person=3|PronType=Prs",
             "his": "Gender=Masc|Number=Sing|Person=3|Poss=Yes|PronType=Prs"}
    assert _owner("He stepped up his attacks on Lee.", _owner_spec("He", "PRON", "his"), feats) == "He"
    feats = {"party": "Number=Sing", "its": "Gender=Neut|Number=Sing|Person=3|Poss=Yes|PronType=Prs"}
    spec = ("The/the/DET/DT/2/det party/party/NOUN/NN/3/nsubj stepped/step/VERB/VBD/0/root "
            "up/up/ADP/RP/3/compound:prt its/its/PRON/PRP$/6/nmod:poss attacks/attack/NOUN/NNS/3/obj "
            "on/on/ADP/IN/8/case Lee/Lee/PROPN/NNP/6/nmod ././././3/punct")
    assert _owner("The party stepped up its attacks on Lee.", spec, feats) == "party"


def test_a_possessive_pronoun_that_disagrees_with_the_subject_stays_the_owner():
    # "She stepped up his attacks": his is someone else; "They ... its attacks": number differs
    feats = {"She": "Gender=Fem|Number=Sing|Person=3|PronType=Prs",
             "his": "Gender=Masc|Number=Sing|Person=3|Poss=Yes|PronType=Prs"}
    assert _owner("She stepped up his attacks on Lee.", _owner_spec("She", "PRON", "his"), feats) == "his"
    feats = {"Voters": "Number=Plur", "its": "Gender=Neut|Number=Sing|Person=3|Poss=Yes|PronType=Prs"}
    assert _owner("Voters stepped up its attacks on Lee.", _owner_spec("Voters", "NOUN", "its"), feats) == "its"
