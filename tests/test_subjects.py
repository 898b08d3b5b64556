"""One subject-of-cue walker for direct and indirect quotes, pinned down on hand-written trees
(the sentences of issue #11, where the two stages used to disagree)."""

from __future__ import annotations

import pytest

from quoteattr import attribute
from quoteattr.attribution.subjects import cue_subject
from quoteattr.parsing.tree import Tree
from trees import subject_text, tree


Q, U = "\u201c", "\u201d"
#: (id, text, parse, cue, speaker of the direct quote, the same cue's speaker reported indirectly)
CASES = [
    ("passive_agent", f"{Q}We will act,{U} it was announced by the ministry.",
     f"{Q}/{Q}/PUNCT/``/4/punct We/we/PRON/PRP/4/nsubj will/will/AUX/MD/4/aux act/act/VERB/VB/9/ccomp "
     f",/,/PUNCT/,/4/punct {U}/{U}/PUNCT/''/4/punct it/it/PRON/PRP/9/nsubj:pass was/be/AUX/VBD/9/aux:pass "
     "announced/announce/VERB/VBN/0/root by/by/ADP/IN/12/case the/the/DET/DT/12/det "
     "ministry/ministry/NOUN/NN/9/obl ././././9/punct",
     "announced", "the ministry"),
    ("modal_name", f"{Q}We are ready,{U} May said.",
     f"{Q}/{Q}/PUNCT/``/4/punct We/we/PRON/PRP/4/nsubj are/be/AUX/VBP/4/cop ready/ready/ADJ/JJ/8/ccomp "
     f",/,/PUNCT/,/4/punct {U}/{U}/PUNCT/''/4/punct May/may/AUX/MD/8/aux said/say/VERB/VBD/0/root "
     "././././8/punct",
     "said", "May"),
    ("time_subject", f"{Q}We are ready,{U} Sunday said Kim.",
     f"{Q}/{Q}/PUNCT/``/4/punct We/we/PRON/PRP/4/nsubj are/be/AUX/VBP/4/cop ready/ready/ADJ/JJ/8/ccomp "
     f",/,/PUNCT/,/4/punct {U}/{U}/PUNCT/''/4/punct Sunday/Sunday/PROPN/NNP/8/nsubj "
     "said/say/VERB/VBD/0/root Kim/Kim/PROPN/NNP/8/obj ././././8/punct",
     "said", "Kim"),
]


@pytest.mark.parametrize("key,text,spec,cue,speaker", CASES, ids=[c[0] for c in CASES])
def test_direct_quote_speaker(key, text, spec, cue, speaker):
    (q,) = attribute(tree(text, spec)).quotes
    assert q.kind == "direct" and q.cue.text == cue and q.speaker.text == speaker


@pytest.mark.parametrize("key,text,spec,cue,speaker", CASES, ids=[c[0] for c in CASES])
def test_the_walker_gives_both_stages_one_speaker(key, text, spec, cue, speaker):
    doc = tree(text, spec)
    s = Tree.of(0, doc.sentences[0])
    w = next(x for x in s.words if x.text == cue)
    assert speaker.endswith(cue_subject(s, w).text)


def test_no_speaker_inside_the_quotation_for_the_direct_stage():
    text = f"{Q}Officials say it is done,{U} the report said."
    doc = tree(text, f"{Q}/{Q}/PUNCT/``/3/punct Officials/official/NOUN/NNS/3/nsubj say/say/VERB/VBP/11/ccomp "
                     "it/it/PRON/PRP/6/nsubj is/be/AUX/VBZ/6/cop done/done/ADJ/JJ/3/ccomp ,/,/PUNCT/,/3/punct "
                     f"{U}/{U}/PUNCT/''/3/punct the/the/DET/DT/10/det report/report/NOUN/NN/11/nsubj "
                     "said/say/VERB/VBD/0/root ././././11/punct")
    (q,) = attribute(doc).quotes
    assert q.kind == "direct" and q.speaker.text == "the report"


@pytest.mark.parametrize("pronoun", ["who", "whom", "that"])
def test_a_relative_pronoun_stands_for_the_noun_it_modifies(pronoun):
    # the relative pronouns are those of clause_words.tsv ("whom" among them)
    text = f"The mayor, {pronoun} said the bridge would reopen, left."
    doc = tree(text, "The/the/DET/DT/2/det mayor/mayor/NOUN/NN/11/nsubj ,/,/PUNCT/,/5/punct "
                     f"{pronoun}/{pronoun}/PRON/WP/5/nsubj said/say/VERB/VBD/2/acl:relcl the/the/DET/DT/7/det "
                     "bridge/bridge/NOUN/NN/9/nsubj would/would/AUX/MD/9/aux reopen/reopen/VERB/VB/5/ccomp "
                     ",/,/PUNCT/,/5/punct left/leave/VERB/VBD/0/root ././././11/punct")
    s = Tree.of(0, doc.sentences[0])
    assert cue_subject(s, s.word(5)).text == "mayor"


def test_a_participle_set_off_by_a_comma_speaks_for_the_clause_not_its_object():
    # the parser hung "telling" on the object "Lee"; it is Kim who tells
    text = f"Kim thanked Lee, telling reporters, {Q}We are friends.{U}"
    doc = tree(text, "Kim/Kim/PROPN/NNP/2/nsubj thanked/thank/VERB/VBD/0/root Lee/Lee/PROPN/NNP/2/obj "
                     ",/,/PUNCT/,/5/punct telling/tell/VERB/VBG/3/acl reporters/reporter/NOUN/NNS/5/obj "
                     f",/,/PUNCT/,/10/punct {Q}/{Q}/PUNCT/``/10/punct We/we/PRON/PRP/10/nsubj "
                     f"are/be/AUX/VBP/10/cop friends/friend/NOUN/NNS/5/ccomp ././././10/punct {U}/{U}/PUNCT/''/10/punct")
    s = Tree.of(0, doc.sentences[0])
    assert cue_subject(s, s.word(5)).text == "Kim"


def test_an_object_with_its_quoted_complement_is_no_inverted_speaker():
    # "…, called [the plan] “a disgrace”": the plan is what is called, the speaker is Kim
    text = f"Kim said, called the plan {Q}a disgrace.{U}"
    doc = tree(text, "Kim/Kim/PROPN/NNP/2/nsubj said/say/VERB/VBD/0/root ,/,/PUNCT/,/4/punct "
                     "called/call/VERB/VBD/2/ccomp the/the/DET/DT/6/det plan/plan/NOUN/NN/4/obj "
                     f"{Q}/{Q}/PUNCT/``/9/punct a/a/DET/DT/9/det disgrace/disgrace/NOUN/NN/4/xcomp "
                     f"././././4/punct {U}/{U}/PUNCT/''/9/punct")
    s = Tree.of(0, doc.sentences[0])
    assert cue_subject(s, s.word(4)).text == "Kim"


def test_a_conjoined_cue_noun_shares_the_owner_of_the_first():
    text = "The mayor's claims and accusations were denied."
    doc = tree(text, "The/the/DET/DT/2/det mayor/mayor/NOUN/NN/4/nmod:poss 's/'s/PART/POS/2/case "
                     "claims/claim/NOUN/NNS/8/nsubj:pass and/and/CCONJ/CC/6/cc accusations/accusation/NOUN/NNS/4/conj "
                     "were/be/AUX/VBD/8/aux:pass denied/deny/VERB/VBN/0/root ././././8/punct")
    s = Tree.of(0, doc.sentences[0])
    assert cue_subject(s, s.word(6)).text == "mayor"


def test_a_participle_hung_inside_the_quotation_speaks_for_who_reports_it():
    # 'The aide said the firm "will comply," adding …': "adding" hangs on a quoted word
    text = f"The aide said the firm {Q}will comply,{U} adding that it was fair."
    doc = tree(text, "The/the/DET/DT/2/det aide/aide/NOUN/NN/3/nsubj said/say/VERB/VBD/0/root the/the/DET/DT/5/det "
                     f"firm/firm/NOUN/NN/8/nsubj {Q}/{Q}/PUNCT/``/8/punct will/will/AUX/MD/8/aux "
                     f"comply/comply/VERB/VB/3/ccomp ,/,/PUNCT/,/8/punct {U}/{U}/PUNCT/''/8/punct "
                     "adding/add/VERB/VBG/8/advcl that/that/SCONJ/IN/15/mark it/it/PRON/PRP/15/nsubj "
                     "was/be/AUX/VBD/15/cop fair/fair/ADJ/JJ/11/ccomp ././././3/punct")
    s = Tree.of(0, doc.sentences[0])
    quoted = (text.index(Q), text.index(U) + 1)
    keep = lambda w: not (quoted[0] < w.start_char < quoted[1])  # noqa: E731
    assert cue_subject(s, s.word(11), keep=keep).text == "aide"


# ------------------------------------------------------------------ subjects the parser misread (issue #12)


_subject = subject_text


#: (text, its parse as word/lemma/upos/xpos/head/deprel, the cue, the subject cue_subject must find)
SUBJECTS = [
    pytest.param("About half of the dockers said they would strike.",
                 "About/about/ADP/IN/2/case half/half/NOUN/NN/6/obl of/of/ADP/IN/5/case the/the/DET/DT/5/det "
                 "dockers/docker/NOUN/NNS/2/nmod said/say/VERB/VBD/0/root they/they/PRON/PRP/9/nsubj "
                 "would/would/AUX/MD/9/aux strike/strike/VERB/VB/6/ccomp ././././6/punct",
                 "said", "half", id="an_approximate_quantity_read_as_a_preposition_is_the_subject"),
    pytest.param("As the Gazette reported, the port will close.",
                 "As/as/ADP/IN/3/case the/the/DET/DT/3/det Gazette/Gazette/PROPN/NNP/4/obl "
                 "reported/report/VERB/VBD/0/root ,/,/PUNCT/,/9/punct the/the/DET/DT/7/det port/port/NOUN/NN/9/nsubj "
                 "will/will/AUX/MD/9/aux close/close/VERB/VB/4/ccomp ././././4/punct",
                 "reported", "Gazette", id="as_a_publication_reported_gives_the_publication"),
    # "Gov. Ann Lee (D-OR), said": the name hung on the phrase before it, the aside between
    pytest.param("After the vote, Gov. Ann Lee (D-OR), said the port would close.",
                 "After/after/ADP/IN/3/case the/the/DET/DT/3/det vote/vote/NOUN/NN/15/obl ,/,/PUNCT/,/5/punct "
                 "Gov./Gov./PROPN/NNP/3/appos Ann/Ann/PROPN/NNP/5/flat Lee/Lee/PROPN/NNP/5/flat "
                 "(/(/PUNCT/-LRB-/9/punct D/D/NOUN/NN/11/compound -/-/PUNCT/HYPH/9/punct OR/OR/PROPN/NNP/7/appos "
                 ")/)/PUNCT/-RRB-/11/punct ,/,/PUNCT/,/5/punct said/say/VERB/VBD/0/root "
                 "the/the/DET/DT/17/det port/port/NOUN/NN/19/nsubj would/would/AUX/MD/19/aux "
                 "close/close/VERB/VB/15/ccomp ././././15/punct",
                 "said", "Lee", id="a_name_before_a_bracketed_aside_is_the_subject"),
    # "Kim(vocative), still, was making a pitch, refusing to concede S"
    pytest.param("Kim, still, was making a pitch, refusing to concede.",
                 "Kim/Kim/PROPN/NNP/6/vocative ,/,/PUNCT/,/3/punct still/still/ADV/RB/6/advmod "
                 ",/,/PUNCT/,/3/punct was/be/AUX/VBD/6/aux making/make/VERB/VBG/0/root a/a/DET/DT/8/det "
                 "pitch/pitch/NOUN/NN/6/obj ,/,/PUNCT/,/10/punct refusing/refuse/VERB/VBG/6/advcl to/to/PART/TO/12/mark "
                 "concede/concede/VERB/VB/10/xcomp ././././6/punct",
                 "refusing", "Kim", id="a_name_opening_the_sentence_speaks_for_a_participle_on_its_verb"),
    pytest.param("The threats prompted the alliance to order more troops.",
                 "The/the/DET/DT/2/det threats/threat/NOUN/NNS/3/nsubj prompted/prompt/VERB/VBD/0/root "
                 "the/the/DET/DT/5/det alliance/alliance/NOUN/NN/3/obj to/to/PART/TO/7/mark order/order/VERB/VB/3/advcl "
                 "more/more/ADJ/JJR/9/amod troops/troop/NOUN/NNS/7/obj ././././3/punct",
                 "order", "alliance", id="the_object_of_prompted_does_what_its_infinitive_says"),
    pytest.param("The rules require delegates to back the winner.",
                 "The/the/DET/DT/2/det rules/rule/NOUN/NNS/3/nsubj require/require/VERB/VBP/0/root "
                 "delegates/delegate/NOUN/NNS/3/obj to/to/PART/TO/6/mark back/back/VERB/VB/3/xcomp "
                 "the/the/DET/DT/8/det winner/winner/NOUN/NN/6/obj ././././3/punct",
                 "back", "rules", id="rules_that_require_something_are_not_object_control"),
    pytest.param("The group called a meeting to discuss the ballot.",
                 "The/the/DET/DT/2/det group/group/NOUN/NN/3/nsubj called/call/VERB/VBD/0/root a/a/DET/DT/5/det "
                 "meeting/meeting/NOUN/NN/3/obj to/to/PART/TO/7/mark discuss/discuss/VERB/VB/5/acl "
                 "the/the/DET/DT/9/det ballot/ballot/NOUN/NN/7/obj ././././3/punct",
                 "discuss", "group", id="the_purpose_of_a_meeting_is_that_of_who_called_it"),
    pytest.param("Kim was heard on a radio telling Lee to leave.",
                 "Kim/Kim/PROPN/NNP/3/nsubj:pass was/be/AUX/VBD/3/aux:pass heard/hear/VERB/VBN/0/root "
                 "on/on/ADP/IN/6/case a/a/DET/DT/6/det radio/radio/NOUN/NN/3/obl "
                 "telling/tell/VERB/VBG/6/acl Lee/Lee/PROPN/NNP/7/obj to/to/PART/TO/10/mark leave/leave/VERB/VB/7/xcomp "
                 "././././3/punct",
                 "telling", "Kim", id="a_participle_on_a_prepositional_phrase_speaks_for_the_clause"),
    # "…, BFMTV reported.": the cue read as a participle on the noun before it, its subject as passive
    pytest.param("They were on vacation, the Gazette reported.",
                 "They/they/PRON/PRP/4/nsubj were/be/AUX/VBD/4/cop on/on/ADP/IN/4/case vacation/vacation/NOUN/NN/0/root "
                 ",/,/PUNCT/,/8/punct the/the/DET/DT/7/det Gazette/Gazette/PROPN/NNP/8/nsubj:pass "
                 "reported/report/VERB/VBN/4/acl ././././4/punct",
                 "reported", "Gazette", id="a_source_reporting_at_the_end_is_the_subject_of_a_misread_participle"),
    pytest.param("The port will close, his aide, Ned Farrow, told the Gazette.",
                 "The/the/DET/DT/2/det port/port/NOUN/NN/4/nsubj will/will/AUX/MD/4/aux close/close/VERB/VB/0/root "
                 ",/,/PUNCT/,/7/punct his/his/PRON/PRP$/7/nmod:poss aide/aide/NOUN/NN/4/conj ,/,/PUNCT/,/9/punct "
                 "Ned/Ned/PROPN/NNP/7/appos Farrow/Farrow/PROPN/NNP/9/flat ,/,/PUNCT/,/10/punct "
                 "told/tell/VERB/VBD/4/parataxis the/the/DET/DT/14/det Gazette/Gazette/PROPN/NNP/12/obj ././././4/punct",
                 "told", "Ned", id="the_hearer_after_told_is_never_an_inverted_speaker"),
    # "On Sunday, Ann Lee, the governor, called on X": the name parsed as part of "Sunday"
    pytest.param("On Sunday, Ann Lee, the governor, called on the mayor to resign.",
                 "On/on/ADP/IN/2/case Sunday/Sunday/PROPN/NNP/10/obl ,/,/PUNCT/,/2/punct Ann/Ann/PROPN/NNP/2/flat "
                 "Lee/Lee/PROPN/NNP/4/flat ,/,/PUNCT/,/4/punct the/the/DET/DT/8/det governor/governor/NOUN/NN/4/appos "
                 ",/,/PUNCT/,/4/punct called/call/VERB/VBD/0/root on/on/ADP/IN/13/case the/the/DET/DT/13/det "
                 "mayor/mayor/NOUN/NN/10/obl to/to/PART/TO/15/mark resign/resign/VERB/VB/10/advcl ././././10/punct",
                 "called", "Ann", id="a_name_before_its_apposition_is_the_subject_of_a_cue_left_without_one"),
    # "…, as China and Russia support(VB) the government": the subject read as a prepositional phrase
    pytest.param("Fighting goes on as Oslo and Bergen support the plan.",
                 "Fighting/fighting/NOUN/NN/2/nsubj goes/go/VERB/VBZ/0/root on/on/ADP/RP/2/compound:prt "
                 "as/as/ADP/IN/5/case Oslo/Oslo/PROPN/NNP/2/obl and/and/CCONJ/CC/7/cc Bergen/Bergen/PROPN/NNP/5/conj "
                 "support/support/VERB/VB/2/conj the/the/DET/DT/10/det plan/plan/NOUN/NN/8/obj ././././2/punct",
                 "support", "Bergen", id="a_conjoined_cue_tagged_as_a_base_form_takes_the_name_right_before_it"),
    pytest.param("Kim sent tweets early Friday saying the port would close.",
                 "Kim/Kim/PROPN/NNP/2/nsubj sent/send/VERB/VBD/0/root tweets/tweet/NOUN/NNS/2/obj "
                 "early/early/ADV/RB/5/advmod Friday/Friday/PROPN/NNP/3/nmod saying/say/VERB/VBG/2/advcl "
                 "the/the/DET/DT/8/det port/port/NOUN/NN/10/nsubj would/would/AUX/MD/10/aux close/close/VERB/VB/6/ccomp "
                 "././././2/punct",
                 "saying", "Kim", id="a_time_word_before_a_participle_is_never_its_subject"),
    # "in the winter" parsed as a second subject of the relative clause's verb
    pytest.param("Lee, who in the winter has voiced doubts, told reporters.",
                 "Lee/Lee/PROPN/NNP/11/nsubj ,/,/PUNCT/,/1/punct who/who/PRON/WP/8/nsubj in/in/ADP/IN/6/case "
                 "the/the/DET/DT/6/det winter/winter/NOUN/NN/8/nsubj has/have/AUX/VBZ/8/aux voiced/voice/VERB/VBN/11/ccomp "
                 "doubts/doubt/NOUN/NNS/8/obj ,/,/PUNCT/,/11/punct told/tell/VERB/VBD/0/root "
                 "reporters/reporter/NOUN/NNS/11/obj ././././11/punct",
                 "voiced", "who", id="a_prepositional_phrase_read_as_a_subject_gives_way_to_the_relative_pronoun"),
    # the parser made the name the object and its apposition the subject
    pytest.param("It is crazy, said Ann Lee, the author of a history.",
                 "It/it/PRON/PRP/3/nsubj is/be/AUX/VBZ/3/cop crazy/crazy/ADJ/JJ/0/root ,/,/PUNCT/,/5/punct "
                 "said/say/VERB/VBD/3/parataxis Ann/Ann/PROPN/NNP/5/obj Lee/Lee/PROPN/NNP/6/flat ,/,/PUNCT/,/10/punct "
                 "the/the/DET/DT/10/det author/author/NOUN/NN/5/nsubj of/of/ADP/IN/13/case a/a/DET/DT/13/det "
                 "history/history/NOUN/NN/10/nmod ././././5/punct",
                 "said", "Ann", id="after_an_inverted_cue_the_name_speaks_not_its_description"),
    # the speaker's phrase split into two objects of the inverted cue
    pytest.param("It is a red flag, said election lawyer Ann Kerr.",
                 "It/it/PRON/PRP/5/nsubj is/be/AUX/VBZ/5/cop a/a/DET/DT/5/det red/red/ADJ/JJ/5/amod "
                 "flag/flag/NOUN/NN/0/root ,/,/PUNCT/,/7/punct said/say/VERB/VBD/5/parataxis "
                 "election/election/NOUN/NN/7/obj lawyer/lawyer/ADJ/JJ/11/amod Ann/Ann/PROPN/NNP/11/compound "
                 "Kerr/Kerr/PROPN/NNP/7/obj ././PUNCT/./7/punct",
                 "said", "Kerr", id="a_speaker_phrase_split_into_two_objects_of_the_inverted_cue"),
    # a title modifier read as a verb with the name for its object, the name's relative clause after it
    pytest.param("It is a mistake, said retired Gen. Ann Kerr, who served in Iraq.",
                 "It/it/PRON/PRP/4/nsubj is/be/AUX/VBZ/4/cop a/a/DET/DT/4/det mistake/mistake/NOUN/NN/0/root "
                 ",/,/PUNCT/,/6/punct said/say/VERB/VBD/4/parataxis retired/retire/VERB/VBD/6/ccomp "
                 "Gen./Gen./PROPN/NNP/7/obj Ann/Ann/PROPN/NNP/8/flat Kerr/Kerr/PROPN/NNP/8/flat ,/,/PUNCT/,/13/punct "
                 "who/who/PRON/WP/13/nsubj served/serve/VERB/VBD/10/acl:relcl in/in/ADP/IN/15/case "
                 "Iraq/Iraq/PROPN/NNP/13/obl ././PUNCT/./6/punct",
                 "said", "Gen.", id="a_title_modifier_read_as_a_verb_before_an_inverted_speaker"),
    pytest.param("The cost, said Kerr and others, would be huge.",
                 "The/the/DET/DT/2/det cost/cost/NOUN/NN/4/nsubj ,/,/PUNCT/,/2/punct said/say/VERB/VBD/0/root "
                 "Kerr/Kerr/PROPN/NNP/4/obj and/and/CCONJ/CC/7/cc others/other/NOUN/NNS/5/conj ,/,/PUNCT/,/2/punct "
                 "would/would/AUX/MD/11/aux be/be/AUX/VB/11/cop huge/huge/ADJ/JJ/4/ccomp ././PUNCT/./4/punct",
                 "said", "Kerr", id="a_coordinated_speaker_after_an_inverted_cue"),
    pytest.param(f"{Q}The port is closed,{U} tweeted another.",
                 f"{Q}/{Q}/PUNCT/``/5/punct The/the/DET/DT/3/det port/port/NOUN/NN/5/nsubj:pass "
                 "is/be/AUX/VBZ/5/aux:pass closed/close/VERB/VBN/0/root ,/,/PUNCT/,/5/punct "
                 f"{U}/{U}/PUNCT/''/8/punct tweeted/tweet/VERB/VBD/5/parataxis another/another/DET/DT/8/obj "
                 "././PUNCT/./5/punct",
                 "tweeted", "another", id="a_quantifier_after_an_inverted_cue_is_its_speaker"),
    # a time word taken for the subject of told: its object is the hearer, not an inverted speaker
    pytest.param("Kim later Thursday told Fox News the port would close.",
                 "Kim/Kim/PROPN/NNP/3/compound later/late/ADJ/JJR/3/amod Thursday/Thursday/PROPN/NNP/4/nsubj "
                 "told/tell/VERB/VBD/0/root Fox/Fox/PROPN/NNP/4/obj News/News/PROPN/NNP/4/obj the/the/DET/DT/8/det "
                 "port/port/NOUN/NN/10/nsubj would/would/AUX/MD/10/aux close/close/VERB/VB/4/ccomp ././PUNCT/./4/punct",
                 "told", "Kim", id="the_hearer_of_told_after_a_time_subject_is_no_speaker"),
    # the relative clause of a noun inside the object does not make the object an inverted speaker
    pytest.param("Lee Sunday night recounted a talk with Kim that took place in May.",
                 "Lee/Lee/PROPN/NNP/3/compound Sunday/Sunday/PROPN/NNP/3/compound night/night/NOUN/NN/4/nsubj "
                 "recounted/recount/VERB/VBD/0/root a/a/DET/DT/6/det talk/talk/NOUN/NN/4/obj with/with/ADP/IN/8/case "
                 "Kim/Kim/PROPN/NNP/6/nmod that/that/PRON/WDT/10/nsubj took/take/VERB/VBD/8/acl:relcl "
                 "place/place/NOUN/NN/10/obj in/in/ADP/IN/13/case May/May/PROPN/NNP/10/obl ././PUNCT/./4/punct",
                 "recounted", "Lee", id="an_object_with_a_relative_clause_inside_is_no_inverted_speaker"),
    # "after Kim told Y S" broken up: Kim the object of "after", told a conjunct of the main verb
    pytest.param("The vote comes two days after Kim told the Gazette the port would close.",
                 "The/the/DET/DT/2/det vote/vote/NOUN/NN/3/nsubj comes/come/VERB/VBZ/0/root two/two/NUM/CD/5/nummod "
                 "days/day/NOUN/NNS/3/obj after/after/ADP/IN/7/case Kim/Kim/PROPN/NNP/5/nmod told/tell/VERB/VBD/3/conj "
                 "the/the/DET/DT/10/det Gazette/Gazette/PROPN/NNP/8/obj the/the/DET/DT/12/det port/port/NOUN/NN/14/nsubj "
                 "would/would/AUX/MD/14/aux close/close/VERB/VB/8/ccomp ././PUNCT/./3/punct",
                 "told", "Kim", id="the_subject_of_a_broken_up_subordinate_clause_read_as_a_prepositional_object"),
    pytest.param("Lee held firm, even as some of her critics called for a recount.",
                 "Lee/Lee/PROPN/NNP/2/nsubj held/hold/VERB/VBD/0/root firm/firm/ADJ/JJ/2/xcomp ,/,/PUNCT/,/7/punct "
                 "even/even/ADV/RB/7/advmod as/as/ADP/IN/7/case some/some/DET/DT/2/obl of/of/ADP/IN/10/case "
                 "her/her/PRON/PRP$/10/nmod:poss critics/critic/NOUN/NNS/7/nmod called/call/VERB/VBD/2/conj "
                 "for/for/ADP/IN/14/case a/a/DET/DT/14/det recount/recount/NOUN/NN/11/obl ././PUNCT/./2/punct",
                 "called", "some", id="a_quantifier_read_as_the_object_of_as_is_the_subject_of_the_clause"),
    # the purpose clause hung on a time word inside the place phrase of the verb
    pytest.param("Kim appeared in the press room this month to discuss the budget.",
                 "Kim/Kim/PROPN/NNP/2/nsubj appeared/appear/VERB/VBD/0/root in/in/ADP/IN/6/case the/the/DET/DT/6/det "
                 "press/press/NOUN/NN/6/compound room/room/NOUN/NN/2/obl this/this/DET/DT/8/det month/month/NOUN/NN/6/nmod "
                 "to/to/PART/TO/10/mark discuss/discuss/VERB/VB/8/acl the/the/DET/DT/12/det budget/budget/NOUN/NN/10/obj "
                 "././PUNCT/./2/punct",
                 "discuss", "Kim", id="a_purpose_clause_hung_inside_a_place_phrase_is_the_verb_subject_s"),
    # the cue hung on the relative clause between dashes: its "whose" stands for the name before it
    pytest.param("On the other side, Ann Lee -- whose brother drafted the act -- has derided the plan.",
                 "On/on/ADP/IN/4/case the/the/DET/DT/4/det other/other/ADJ/JJ/4/amod side/side/NOUN/NN/17/obl "
                 ",/,/PUNCT/,/4/punct Ann/Ann/PROPN/NNP/7/compound Lee/Lee/PROPN/NNP/4/appos --/--/PUNCT/,/4/punct "
                 "whose/whose/PRON/WP$/10/nmod:poss brother/brother/NOUN/NN/11/nsubj drafted/draft/VERB/VBD/0/root "
                 "the/the/DET/DT/13/det act/act/NOUN/NN/11/obj --/--/PUNCT/,/17/punct has/have/AUX/VBZ/17/aux "
                 "derided/deride/VERB/VBN/11/parataxis the/the/DET/DT/19/det plan/plan/NOUN/NN/17/obj ././PUNCT/./11/punct",
                 "derided", "Lee", id="a_whose_clause_read_as_the_main_clause_gives_its_owner"),
]


@pytest.mark.parametrize("text, spec, cue, want", SUBJECTS)
def test_the_subject_of_a_cue_on_a_misleading_parse(text: str, spec: str, cue: str, want: str | None) -> None:
    assert _subject(text, spec, cue) == want


def test_a_place_before_the_cue_is_no_subject():
    text = "In Oslo, said the port would close."  # no subject: a place is not made one
    spec = ("In/in/ADP/IN/2/case Oslo/Oslo/PROPN/NNP/4/obl ,/,/PUNCT/,/2/punct said/say/VERB/VBD/0/root "
            "the/the/DET/DT/6/det port/port/NOUN/NN/8/nsubj would/would/AUX/MD/8/aux close/close/VERB/VB/4/ccomp "
            "././././4/punct")
    assert _subject(text, spec, "said") is None


def test_a_name_made_a_modifier_of_a_time_word_is_the_subject():
    text = "Kim earlier Tuesday said the port would close."
    spec = ("Kim/Kim/PROPN/NNP/3/compound earlier/early/ADJ/JJR/3/amod Tuesday/Tuesday/PROPN/NNP/4/nsubj "
            "said/say/VERB/VBD/0/root the/the/DET/DT/6/det port/port/NOUN/NN/8/nsubj would/would/AUX/MD/8/aux "
            "close/close/VERB/VB/4/ccomp ././././4/punct")
    assert _subject(text, spec, "said") == "Kim"
    (q,) = attribute(tree(text, spec)).quotes
    assert q.speaker.text == "Kim"


@pytest.mark.parametrize("verb,lemma,speaker", [("frustrated", "frustrate", "Dockers"), ("told", "tell", None)])
def test_the_passive_subject_of_a_feeling_is_who_feels_it_never_the_hearer(verb, lemma, speaker):
    text = f"Dockers were {verb} that the port would close."
    spec = (f"Dockers/docker/NOUN/NNS/3/nsubj:pass were/be/AUX/VBD/3/aux:pass {verb}/{lemma}/VERB/VBN/0/root "
            "that/that/SCONJ/IN/8/mark the/the/DET/DT/6/det port/port/NOUN/NN/8/nsubj would/would/AUX/MD/8/aux "
            "close/close/VERB/VB/3/ccomp ././././3/punct")
    assert _subject(text, spec, verb) == speaker


def test_a_verb_read_as_a_noun_with_its_clause_has_its_compound_for_subject():
    text = "But dockers worry that the port will close."
    spec = ("But/but/CCONJ/CC/3/cc dockers/docker/NOUN/NNS/3/compound worry/worry/NOUN/NN/0/root "
            "that/that/SCONJ/IN/8/mark the/the/DET/DT/6/det port/port/NOUN/NN/8/nsubj will/will/AUX/MD/8/aux "
            "close/close/VERB/VB/3/acl ././././3/punct")
    assert _subject(text, spec, "worry") == "dockers"
    (q,) = attribute(tree(text, spec)).quotes
    assert q.speaker.text == "dockers"


@pytest.mark.parametrize("text,spec,speaker", [
    # the parser made the fronted adverb the subject and the speaker its conjunct
    ("Happily, Ms. Kerr agreed to pay the bill.",
     "Happily/happily/PROPN/NNP/5/nsubj ,/,/PUNCT/,/4/punct Ms./Ms./PROPN/NNP/4/compound Kerr/Kerr/PROPN/NNP/1/conj "
     "agreed/agree/VERB/VBD/0/root to/to/PART/TO/7/mark pay/pay/VERB/VB/5/xcomp the/the/DET/DT/9/det "
     "bill/bill/NOUN/NN/7/obj ././././5/punct", "Kerr"),
    ("Back in Ohio, Mr. Lee said the port would close.",
     "Back/back/PROPN/NNP/7/nsubj in/in/ADP/IN/3/case Ohio/Ohio/PROPN/NNP/7/obl ,/,/PUNCT/,/3/punct "
     "Mr./Mr./PROPN/NNP/6/compound Lee/Lee/PROPN/NNP/1/conj said/say/VERB/VBD/0/root the/the/DET/DT/9/det "
     "port/port/NOUN/NN/11/nsubj would/would/AUX/MD/11/aux close/close/VERB/VB/7/ccomp ././././7/punct", "Lee"),
    # a real coordination keeps its first conjunct as the head
    ("Kerr, Lee and Ruiz said the port would close.",
     "Kerr/Kerr/PROPN/NNP/6/nsubj ,/,/PUNCT/,/3/punct Lee/Lee/PROPN/NNP/1/conj and/and/CCONJ/CC/5/cc "
     "Ruiz/Ruiz/PROPN/NNP/1/conj said/say/VERB/VBD/0/root the/the/DET/DT/8/det port/port/NOUN/NN/10/nsubj "
     "would/would/AUX/MD/10/aux close/close/VERB/VB/6/ccomp ././././6/punct", "Kerr"),
])
def test_a_fronted_word_set_off_by_a_comma_is_not_the_subject(text, spec, speaker):
    assert _subject(text, spec, "said" if "said" in text else "agreed") == speaker


def test_a_sentence_adverb_set_off_by_a_comma_never_speaks():
    text = "Rather, dockers close to the union say the port will shut."
    spec = ("Rather/rather/ADV/RB/8/advmod ,/,/PUNCT/,/1/punct dockers/docker/NOUN/NNS/4/nsubj close/close/ADJ/JJ/8/ccomp "
            "to/to/ADP/IN/7/case the/the/DET/DT/7/det union/union/NOUN/NN/4/obl say/say/VERB/VBP/0/root "
            "the/the/DET/DT/10/det port/port/NOUN/NN/12/nsubj will/will/AUX/MD/12/aux shut/shut/VERB/VB/8/ccomp "
            "././././8/punct")
    assert _subject(text, spec, "say") != "Rather"


@pytest.mark.parametrize("text,spec,cue,speaker", [
    ("The council issued a memo this week charging the pilots.",
     "The/the/DET/DT/2/det council/council/NOUN/NN/3/nsubj issued/issue/VERB/VBD/0/root a/a/DET/DT/5/det "
     "memo/memo/NOUN/NN/3/obj this/this/DET/DT/7/det week/week/NOUN/NN/3/obj charging/charge/VERB/VBG/7/acl "
     "the/the/DET/DT/10/det pilots/pilot/NOUN/NNS/8/obj ././././3/punct", "charging", "council"),
    ("One week after announcing his vote, Ann Lee still believes it.",
     "One/one/NUM/CD/2/nummod week/week/NOUN/NN/11/nsubj after/after/SCONJ/IN/4/mark "
     "announcing/announce/VERB/VBG/2/acl his/his/PRON/PRP$/6/nmod:poss vote/vote/NOUN/NN/4/obj "
     ",/,/PUNCT/,/4/punct Ann/Ann/PROPN/NNP/11/nsubj Lee/Lee/PROPN/NNP/8/flat still/still/ADV/RB/11/advmod "
     "believes/believe/VERB/VBZ/0/root it/it/PRON/PRP/11/obj ././././11/punct", "announcing", "Ann"),
])
def test_a_participle_hung_on_a_time_phrase_speaks_for_its_clause(text, spec, cue, speaker):
    assert _subject(text, spec, cue) == speaker



@pytest.mark.parametrize("text,speaker", [
    # a dateline that the parser reads as the subject is never who speaks: the name after its dash is
    ("PORT ELLIS, Me. - Sen. Ana Ruiz continued her attack on the port on Saturday, calling the plan a disaster.",
     "Sen. Ana Ruiz"),
    ("DENVER — The union said on Monday that the strike would go on.", "The union"),
])
def test_dateline_is_no_speaker(nlp, text, speaker):
    d = nlp(text)
    assert d.quotes and all(q.speaker is not None and q.speaker.text == speaker for q in d.quotes)


@pytest.mark.parametrize("text,speaker", [
    # "'s" for "has" read as a passive auxiliary: the perfect's subject speaks
    ("Mayor Ruiz met the union on Monday. She's said that the port will reopen in May.", "She"),
    ("The plan angered Lena Fisk, who\u2019s argued for years that the port is too small.", "who"),
])
def test_clitic_has_is_no_passive(nlp, text, speaker):
    d = nlp(text)
    q = next(q for q in d.quotes if "port" in q.text and q.cue is not None and q.cue.text in ("said", "argued"))
    assert q.speaker is not None and q.speaker.text == speaker


@pytest.mark.parametrize("text,speaker", [
    # a name opening the sentence that the tagger read as a verb it could not lemmatise
    ("Okoreing said the dockers will still meet on Fridays.", "Okoreing"),
    ("Husted continued by saying that the ruling would be appealed.", "Husted"),
    # but a participle opening the sentence is no name
    ("Dashing into the hall, Mayor Ruiz said that the plan was dead.", "Mayor Ruiz"),
])
def test_name_read_as_a_verb(nlp, text, speaker):
    d = nlp(text)
    assert d.quotes and d.quotes[0].speaker is not None and d.quotes[0].speaker.text == speaker


def test_a_subject_hung_on_the_clause_after_the_cue_is_the_cue_s():
    # the parser made "treasurer" a second subject of "received", across the cue "said"
    text = "Ana Ruiz, the treasurer, said she had received threats."
    doc = tree(text, "Ana/Ana/PROPN/NNP/5/compound Ruiz/Ruiz/PROPN/NNP/1/flat ,/,/PUNCT/,/5/punct "
                     "the/the/DET/DT/5/det treasurer/treasurer/NOUN/NN/10/nsubj ,/,/PUNCT/,/5/punct "
                     "said/say/VERB/VBD/0/root she/she/PRON/PRP/10/nsubj had/have/AUX/VBD/10/aux "
                     "received/receive/VERB/VBN/7/ccomp threats/threat/NOUN/NNS/10/obj ././././7/punct")
    s = Tree.of(0, doc.sentences[0])
    assert cue_subject(s, s.word(7)).text == "treasurer"
    (q,) = attribute(doc).quotes
    assert q.kind == "indirect" and q.text == "she had received threats" and "treasurer" in q.speaker.text


def test_a_noun_right_before_a_finite_cue_is_its_subject():
    # the parser hung "pilots" on the clause before the "and" and left "said" without a subject
    text = "Although the port declined to reply and Harbour pilots later said the ferry was late."
    doc = tree(text, "Although/although/SCONJ/IN/4/mark the/the/DET/DT/3/det port/port/NOUN/NN/4/nsubj "
                     "declined/decline/VERB/VBD/11/advcl to/to/PART/TO/6/mark reply/reply/VERB/VB/4/xcomp "
                     "and/and/CCONJ/CC/9/cc Harbour/Harbour/PROPN/NNP/9/compound pilots/pilot/NOUN/NNS/4/obl "
                     "later/late/ADV/RBR/11/advmod said/say/VERB/VBD/0/root the/the/DET/DT/13/det "
                     "ferry/ferry/NOUN/NN/15/nsubj was/be/AUX/VBD/15/cop late/late/ADJ/JJ/11/ccomp "
                     "././././11/punct")
    s = Tree.of(0, doc.sentences[0])
    assert cue_subject(s, s.word(11)).text == "pilots"


def test_a_noun_before_a_passive_cue_is_no_speaker():
    # "can be seen" (the parser left it no subject): what the passive reports on, never who reports
    text = "The endorsements from Lee and Kim can be seen as a sign."
    doc = tree(text, "The/the/DET/DT/2/det endorsements/endorsement/NOUN/NNS/9/dep "
                     "from/from/ADP/IN/4/case Lee/Lee/PROPN/NNP/2/nmod and/and/CCONJ/CC/6/cc "
                     "Kim/Kim/PROPN/NNP/4/conj can/can/AUX/MD/9/aux be/be/AUX/VB/9/aux:pass "
                     "seen/see/VERB/VBN/0/root as/as/ADP/IN/12/case a/a/DET/DT/12/det sign/sign/NOUN/NN/9/obl "
                     "././././9/punct")
    s = Tree.of(0, doc.sentences[0])
    assert cue_subject(s, s.word(9)) is None


def test_another_is_a_speaker():
    # "another" heads its phrase as a determiner (quantifier in clause_words.tsv)
    text = "One company says the count is high, another says it is low."
    doc = tree(text, "One/one/NUM/CD/2/nummod company/company/NOUN/NN/3/nsubj says/say/VERB/VBZ/11/advcl "
                     "the/the/DET/DT/5/det count/count/NOUN/NN/7/nsubj is/be/AUX/VBZ/7/cop "
                     "high/high/ADJ/JJ/3/ccomp ,/,/PUNCT/,/3/punct another/another/DET/DT/11/nsubj "
                     "says/say/VERB/VBZ/0/root it/it/PRON/PRP/14/nsubj is/be/AUX/VBZ/14/cop "
                     "low/low/ADJ/JJ/11/ccomp ././././11/punct")
    s = Tree.of(0, doc.sentences[0])
    assert cue_subject(s, s.word(11)).text == "another"


def test_the_name_opening_the_sentence_speaks_for_a_cue_after_its_aside():
    # the tagger read "Murshed" as a verb, so the cue "said" got no subject
    text = "But Murshed Zaheed, the director of the fund, which wrote the letter, said the plan failed."
    doc = tree(text, "But/but/CCONJ/CC/16/cc Murshed/murshed/VERB/VBN/16/advcl Zaheed/Zaheed/PROPN/NNP/2/obj "
                     ",/,/PUNCT/,/6/punct the/the/DET/DT/6/det director/director/NOUN/NN/3/appos "
                     "of/of/ADP/IN/9/case the/the/DET/DT/9/det fund/fund/NOUN/NN/6/nmod ,/,/PUNCT/,/12/punct "
                     "which/which/PRON/WDT/12/nsubj wrote/write/VERB/VBD/9/acl:relcl the/the/DET/DT/14/det "
                     "letter/letter/NOUN/NN/12/obj ,/,/PUNCT/,/16/punct said/say/VERB/VBD/0/root "
                     "the/the/DET/DT/18/det plan/plan/NOUN/NN/19/nsubj failed/fail/VERB/VBD/16/ccomp "
                     "././././16/punct")
    s = Tree.of(0, doc.sentences[0])
    assert cue_subject(s, s.word(16)).text == "Zaheed"


def test_a_phrase_opening_the_sentence_is_no_name_before_an_aside():
    text = "Of Kim, Lee, who funds the party, said the plan failed."
    doc = tree(text, "Of/of/ADP/IN/2/case Kim/Kim/PROPN/NNP/10/obl ,/,/PUNCT/,/2/punct "
                     "Lee/Lee/PROPN/NNP/10/dep ,/,/PUNCT/,/6/punct who/who/PRON/WP/6/nsubj "
                     "funds/fund/VERB/VBZ/4/acl:relcl the/the/DET/DT/8/det party/party/NOUN/NN/6/obj "
                     ",/,/PUNCT/,/10/punct said/say/VERB/VBD/0/root the/the/DET/DT/12/det "
                     "plan/plan/NOUN/NN/13/nsubj failed/fail/VERB/VBD/10/ccomp ././././10/punct")
    s = Tree.of(0, doc.sentences[0])
    found = cue_subject(s, s.word(10))
    assert found is None or found.text != "Kim"


def test_a_noun_phrase_read_as_a_clause_before_the_cue_is_its_speaker_not_its_content():
    # "people close(ccomp) to the mayor said S": the phrase speaks; only S is what was said
    text = "People close to the mayor said the port would close."
    spec = ("People/people/NOUN/NNS/2/nsubj close/close/ADJ/JJ/6/ccomp to/to/ADP/IN/5/case the/the/DET/DT/5/det "
            "mayor/mayor/NOUN/NN/2/obl said/say/VERB/VBD/0/root the/the/DET/DT/8/det port/port/NOUN/NN/10/nsubj "
            "would/would/AUX/MD/10/aux close/close/VERB/VB/6/ccomp ././PUNCT/./6/punct")
    assert _subject(text, spec, "said") == "People"
    (q,) = attribute(tree(text, spec)).quotes
    assert q.speaker is not None and q.speaker.text.startswith("People")
    assert [c.text for c in q.content_spans] == ["the port would close"]


def test_a_name_with_its_description_read_as_a_clause_before_the_cue_is_the_speaker():
    text = "Ann Lee, another unaligned strategist, said the port would close."
    spec = ("Ann/Ann/PROPN/NNP/2/compound Lee/Lee/PROPN/NNP/5/nsubj ,/,/PUNCT/,/2/punct another/another/DET/DT/5/nsubj "
            "unaligned/unalign/VERB/VBD/8/ccomp strategist/strategist/NOUN/NN/5/obj ,/,/PUNCT/,/2/punct "
            "said/say/VERB/VBD/0/root the/the/DET/DT/10/det port/port/NOUN/NN/12/nsubj would/would/AUX/MD/12/aux "
            "close/close/VERB/VB/8/ccomp ././PUNCT/./8/punct")
    assert _subject(text, spec, "said") == "Lee"
    (q,) = attribute(tree(text, spec)).quotes
    assert q.speaker is not None and q.speaker.text.startswith("Ann Lee")
    assert [c.text for c in q.content_spans] == ["the port would close"]


def test_a_conjunction_opening_the_sentence_is_never_the_speaker():
    # "When(ADV) asked(VBD) by Lee …": the capitalised first word is no name mistagged as an adverb
    text = "When asked by Lee about the port, Kim said it would close."
    spec = ("When/when/ADV/WRB/2/advmod asked/ask/VERB/VBD/10/ccomp by/by/ADP/IN/4/case Lee/Lee/PROPN/NNP/2/obl "
            "about/about/ADP/IN/7/case the/the/DET/DT/7/det port/port/NOUN/NN/2/obl ,/,/PUNCT/,/2/punct "
            "Kim/Kim/PROPN/NNP/10/nsubj said/say/VERB/VBD/0/root it/it/PRON/PRP/13/nsubj would/would/AUX/MD/13/aux "
            "close/close/VERB/VB/10/ccomp ././PUNCT/./10/punct")
    assert _subject(text, spec, "asked") is None


def test_an_evidential_adverb_takes_the_source_the_sentence_names():
    # "X allegedly sent Y, the Gazette reported": the report's subject is the source of "allegedly"
    text = "Kim allegedly sent the letters to the mayor, the Gazette reported."
    spec = ("Kim/Kim/PROPN/NNP/3/nsubj allegedly/allegedly/ADV/RB/3/advmod sent/send/VERB/VBD/0/root "
            "the/the/DET/DT/5/det letters/letter/NOUN/NNS/3/obj to/to/ADP/IN/8/case the/the/DET/DT/8/det "
            "mayor/mayor/NOUN/NN/3/obl ,/,/PUNCT/,/12/punct the/the/DET/DT/11/det Gazette/Gazette/PROPN/NNP/12/nsubj "
            "reported/report/VERB/VBD/3/parataxis ././PUNCT/./3/punct")
    from quoteattr.attribution.indirect import _evidential_source

    s = Tree.of(0, tree(text, spec).sentences[0])
    assert _evidential_source(s, s.word(2)).text == "Gazette"
    # a passive's agent is the source too; with neither, the source is unnamed
    text = "The donors were allegedly targeted by the party."
    spec = ("The/the/DET/DT/2/det donors/donor/NOUN/NNS/5/nsubj:pass were/be/AUX/VBD/5/aux:pass "
            "allegedly/allegedly/ADV/RB/5/advmod targeted/target/VERB/VBN/0/root by/by/ADP/IN/8/case "
            "the/the/DET/DT/8/det party/party/NOUN/NN/5/obl ././PUNCT/./5/punct")
    s = Tree.of(0, tree(text, spec).sentences[0])
    assert _evidential_source(s, s.word(4)).text == "party"
    text = "Kim allegedly sent the letters."
    spec = ("Kim/Kim/PROPN/NNP/3/nsubj allegedly/allegedly/ADV/RB/3/advmod sent/send/VERB/VBD/0/root "
            "the/the/DET/DT/5/det letters/letter/NOUN/NNS/3/obj ././PUNCT/./3/punct")
    s = Tree.of(0, tree(text, spec).sentences[0])
    assert _evidential_source(s, s.word(2)) is None
