"""Speaker and clause rules for parses the compact models produce on real news, pinned down on
hand-written dependency trees (so the tests do not depend on what the parser does with our own
sentences)."""

from __future__ import annotations

import pytest

from quoteattr import attribute
from trees import tree


def test_clause_subject_hung_on_the_auxiliary():
    # the clause is hung on "began", and its subject on "would": it is still what Dean said
    text = "Dean began by saying he would \u201cnever\u201d diagnose anyone."
    doc = tree(text, [
        ("Dean", "Dean", "PROPN", 2, "nsubj"), ("began", "begin", "VERB", 0, "root"),
        ("by", "by", "SCONJ", 4, "mark"), ("saying", "say", "VERB", 2, "advcl"),
        ("he", "he", "PRON", 6, "nsubj"), ("would", "would", "AUX", 10, "aux"),
        ("\u201c", "\u201c", "PUNCT", 8, "punct"), ("never", "never", "ADV", 10, "advmod"),
        ("\u201d", "\u201d", "PUNCT", 8, "punct"), ("diagnose", "diagnose", "VERB", 2, "ccomp"),
        ("anyone", "anyone", "PRON", 10, "obj"), (".", ".", "PUNCT", 2, "punct"),
    ])
    (q,) = attribute(doc).quotes
    assert q.kind == "mixed" and q.cue.text == "saying" and q.speaker.text == "Dean"
    assert q.content == "he would \u201cnever\u201d diagnose anyone"


def rows(spec: str) -> list[tuple[str, str, str, int, str]]:
    """Rows from a compact "form/lemma/UPOS/head/deprel" listing, one word a space."""
    out = []
    for item in spec.split():
        form, lemma, upos, head, rel = item.split("/")
        out.append((form, lemma, upos, int(head), rel))
    return out


#: One report each, from a parse the compact models produce on real news: (id, text, the parse as
#: "form/lemma/UPOS/head/deprel" items (or "form/lemma/UPOS/XPOS/head/deprel"), expected content,
#: expected speaker).
SINGLE_REPORTS = [
    # "after" hung on "Okafor" as a case marker: Okafor is still the subject of "said"
    ("subject_behind_after", "Protesters left shortly after Okafor said the port would close.",
     "Protesters/protester/NOUN/2/nsubj left/leave/VERB/0/root shortly/shortly/ADV/6/advmod "
     "after/after/ADP/5/case Okafor/Okafor/PROPN/6/nsubj said/say/VERB/2/parataxis the/the/DET/8/det "
     "port/port/NOUN/10/nsubj would/would/AUX/10/aux close/close/VERB/6/ccomp ./././2/punct",
     "the port would close", "Okafor"),
    # "he was cheated …" hung on "builder" beside "who said": it is still what the builder said
    ("second_relative", "The inspector met a builder who said he was cheated after the pier opened.",
     "The/the/DET/2/det inspector/inspector/NOUN/3/nsubj met/meet/VERB/0/root a/a/DET/5/det "
     "builder/builder/NOUN/3/obj who/who/PRON/7/nsubj said/say/VERB/5/acl:relcl "
     "he/he/PRON/10/nsubj:pass was/be/AUX/10/aux:pass cheated/cheat/VERB/5/acl:relcl "
     "after/after/SCONJ/14/mark the/the/DET/13/det pier/pier/NOUN/14/nsubj opened/open/VERB/10/advcl "
     "./././3/punct",
     "he was cheated after the pier opened", "who"),
    # "S, he said, and S2" with S2 hung on "said": S is what he said, S2 is the writer's
    ("parenthetical_cue", "The repairs would take three weeks, he said, and the delay could be costly.",
     "The/the/DET/2/det repairs/repair/NOUN/4/nsubj would/would/AUX/4/aux take/take/VERB/0/root "
     "three/three/NUM/6/nummod weeks/week/NOUN/4/obj ,/,/PUNCT/9/punct he/he/PRON/9/nsubj "
     "said/say/VERB/4/parataxis ,/,/PUNCT/16/punct and/and/CCONJ/13/cc the/the/DET/13/det "
     "delay/delay/NOUN/16/nsubj could/could/AUX/16/aux be/be/AUX/16/cop costly/costly/ADJ/9/conj "
     "./././4/punct",
     "The repairs would take three weeks", "he"),
    # "reported" made a clause of "vacation", its subject labelled passive without an auxiliary
    ("closing_cue_on_noun", "They were headed to Lagos on their vacation, the Ledger reported.",
     "They/they/PRON/3/nsubj:pass were/be/AUX/3/aux:pass headed/head/VERB/0/root to/to/ADP/5/case "
     "Lagos/Lagos/PROPN/3/obl on/on/ADP/8/case their/their/PRON/8/nmod:poss vacation/vacation/NOUN/3/obl "
     ",/,/PUNCT/11/punct the/the/DET/11/det Ledger/Ledger/PROPN/12/nsubj:pass reported/report/VERB/8/acl "
     "./././3/punct",
     "They were headed to Lagos on their vacation", "the Ledger"),
    # the reported clause hung on the cue as an adverbial clause before it
    ("clause_as_adverbial", "The engineer worked for the port, the Ledger reported.",
     "The/the/DET/2/det engineer/engineer/NOUN/3/nsubj worked/work/VERB/10/advcl for/for/ADP/6/case "
     "the/the/DET/6/det port/port/NOUN/3/obl ,/,/PUNCT/10/punct the/the/DET/9/det "
     "Ledger/Ledger/PROPN/10/nsubj reported/report/VERB/0/root ./././10/punct",
     "The engineer worked for the port", "the Ledger"),
    # "Mr." and "Lee" both hung on "said" as subjects, the clause's subject as its object: only a
    # subject set off by commas after the cue ("The law, critics say, …") joins the clause
    ("name_as_two_subjects", "Mr. Lee said his work on the pier was an example of his care.",
     "Mr./Mr./PROPN/3/nsubj Lee/Lee/PROPN/3/nsubj said/say/VERB/0/root his/his/PRON/5/nmod:poss "
     "work/work/NOUN/3/obj on/on/ADP/8/case the/the/DET/8/det pier/pier/NOUN/5/nmod was/be/AUX/11/cop "
     "an/a/DET/11/det example/example/NOUN/3/ccomp of/of/ADP/14/case his/his/PRON/14/nmod:poss "
     "care/care/NOUN/11/nmod ./././3/punct",
     "his work on the pier was an example of his care", "Mr. Lee"),
    # "the council" made the object of "said" and "the board … careful" a conjunct of it
    ("split_coordinated_subject", "Ann Lee said the council and the board had been careful about donors.",
     "Ann/Ann/PROPN/3/nsubj Lee/Lee/PROPN/1/flat said/say/VERB/0/root the/the/DET/5/det "
     "council/council/NOUN/3/obj and/and/CCONJ/11/cc the/the/DET/8/det board/board/NOUN/11/nsubj "
     "had/have/AUX/11/aux been/be/AUX/11/cop careful/careful/ADJ/3/conj about/about/ADP/13/case "
     "donors/donor/NOUN/11/obl ./././3/punct",
     "the council and the board had been careful about donors", "Ann Lee"),
    # the clause came out as objects of "said", its reason as an adverbial clause of "said"
    ("reason_on_the_cue", "Police have said officers stopped Lee because they were searching for a man.",
     "Police/police/NOUN/3/nsubj have/have/AUX/3/aux said/say/VERB/0/root officers/officer/NOUN/3/obj "
     "stopped/stop/VERB/6/amod Lee/Lee/PROPN/3/obj because/because/SCONJ/10/mark they/they/PRON/10/nsubj "
     "were/be/AUX/10/aux searching/search/VERB/3/advcl for/for/ADP/13/case a/a/DET/13/det "
     "man/man/NOUN/10/obl ./././3/punct",
     "officers stopped Lee because they were searching for a man", "Police"),
    # the quote and the speaker's apposition both came out as ccomps of "said"
    ("inverted_speaker_apposition", "\u201cThe vote is in May!\u201d said Ann Lee, an aide to the mayor.",
     "\u201c/\u201c/PUNCT/6/punct The/the/DET/3/det vote/vote/NOUN/6/nsubj is/be/AUX/6/cop in/in/ADP/6/case "
     "May/May/PROPN/9/ccomp !/!/PUNCT/6/punct \u201d/\u201d/PUNCT/6/punct said/say/VERB/0/root "
     "Ann/Ann/PROPN/9/iobj Lee/Lee/PROPN/10/flat ,/,/PUNCT/14/punct an/a/DET/14/det aide/aide/NOUN/9/ccomp "
     "to/to/ADP/17/case the/the/DET/17/det mayor/mayor/NOUN/14/nmod ./././9/punct",
     "The vote is in May!", "Ann Lee"),
    # "S, officials said" with S's subject hung on "said" beside the speaker: it opens the clause
    # "S, she said, because S2" with the reason hung on the parenthetical cue: it is still said
    ("reason_after_parenthetical_cue", "The ferry will be late, she said, because the crew is sick.",
     "The/the/DET/2/det ferry/ferry/NOUN/5/nsubj will/will/AUX/5/aux be/be/AUX/5/cop late/late/ADJ/0/root "
     ",/,/PUNCT/8/punct she/she/PRON/8/nsubj said/say/VERB/5/parataxis ,/,/PUNCT/14/punct "
     "because/because/SCONJ/14/mark the/the/DET/12/det crew/crew/NOUN/14/nsubj is/be/AUX/14/cop "
     "sick/sick/ADJ/8/advcl ./././5/punct",
     "The ferry will be late because the crew is sick", "she"),
    ("fronted_clause_subject_on_the_cue", "New ferries for the port will be ordered, officials said.",
     "New/new/ADJ/2/amod ferries/ferry/NOUN/11/nsubj for/for/ADP/5/case the/the/DET/5/det "
     "port/port/NOUN/2/nmod will/will/AUX/8/aux be/be/AUX/8/aux:pass ordered/order/VERB/11/ccomp "
     ",/,/PUNCT/8/punct officials/official/NOUN/11/nsubj said/say/VERB/0/root ./././11/punct",
     "New ferries for the port will be ordered", "officials"),
    # the clause's subject made the object of "admit", its predicate hung on the main verb: the
    # finite verb right after the object carries the report on ("admit [the ferry was late]")
    ("object_of_clause_verb_carries_on", "The mayor is trying to admit the ferry was late.",
     "The/the/DET/DT/2/det mayor/mayor/NOUN/NN/4/nsubj is/be/AUX/VBZ/4/aux "
     "trying/try/VERB/VBG/0/root to/to/PART/TO/6/mark admit/admit/VERB/VB/4/xcomp "
     "the/the/DET/DT/8/det ferry/ferry/NOUN/NN/6/obj was/be/AUX/VBD/10/cop "
     "late/late/ADJ/JJ/4/ccomp ././PUNCT/./4/punct",
     "the ferry was late", "The mayor"),
    # "last week" parsed as the object of passive "revealed": the passive subject is what was revealed
    ("time_made_object_of_passive_cue", "The deal was revealed last week by the Ledger.",
     "The/the/DET/DT/2/det deal/deal/NOUN/NN/4/nsubj:pass was/be/AUX/VBD/4/aux:pass "
     "revealed/reveal/VERB/VBN/0/root last/last/ADJ/JJ/6/amod week/week/NOUN/NN/4/obj "
     "by/by/ADP/IN/9/case the/the/DET/DT/9/det Ledger/Ledger/PROPN/NNP/4/obl "
     "././PUNCT/./4/punct",
     "The deal", "the Ledger"),
    # "Tuesday" parsed as a second object of "praised": when it was said, not what was praised
    ("time_made_second_object", "The mayor praised the ferry plan Tuesday.",
     "The/the/DET/DT/2/det mayor/mayor/NOUN/NN/3/nsubj praised/praise/VERB/VBD/0/root "
     "the/the/DET/DT/6/det ferry/ferry/NOUN/NN/6/compound plan/plan/NOUN/NN/3/obj "
     "Tuesday/Tuesday/PROPN/NNP/3/obj ././PUNCT/./3/punct",
     "the ferry plan", "The mayor"),
]


@pytest.mark.parametrize("text,spec,content,speaker", [r[1:] for r in SINGLE_REPORTS],
                         ids=[r[0] for r in SINGLE_REPORTS])
def test_single_report_from_a_misparse(text, spec, content, speaker):
    # a spec of five fields a word is read by rows(); one of six (with the XPOS tag) as it is
    (q,) = attribute(tree(text, rows(spec) if spec.split()[0].count("/") == 4 else spec)).quotes
    assert (q.content, q.speaker.text) == (content, speaker)


def test_second_verb_of_a_coordination_borrows_the_subject():
    # "said" has no subject of its own, and its clause came out as an object with a relative clause
    text = "Councillors criticized the vote, and said the board might be damaged by it."
    doc = tree(text, rows(
        "Councillors/councillor/NOUN/2/nsubj criticized/criticize/VERB/0/root the/the/DET/4/det "
        "vote/vote/NOUN/2/obj ,/,/PUNCT/7/punct and/and/CCONJ/7/cc said/say/VERB/2/conj "
        "the/the/DET/9/det board/board/NOUN/7/obj might/might/AUX/12/aux be/be/AUX/12/aux:pass "
        "damaged/damage/VERB/9/acl:relcl by/by/ADP/14/case it/it/PRON/12/obl ./././2/punct"))
    quotes = attribute(doc).quotes
    said = [q for q in quotes if q.cue.text == "said"]
    assert [(q.content, q.speaker.text) for q in said] == [("the board might be damaged by it", "Councillors")]


def test_finite_clause_with_an_infinitive():
    # "was to make" carries a "to", yet the clause has its own subject: it is a reported clause
    text = 'Kent said the goal was to make Lee a "one-term mayor."'
    doc = tree(text, rows(
        "Kent/Kent/PROPN/2/nsubj said/say/VERB/0/root the/the/DET/4/det goal/goal/NOUN/7/nsubj "
        "was/be/AUX/7/aux to/to/PART/7/mark make/make/VERB/2/ccomp Lee/Lee/PROPN/7/obj a/a/DET/14/det "
        '"/"/PUNCT/14/punct one/one/NUM/13/nummod -/-/PUNCT/13/punct term/term/NOUN/14/compound '
        'mayor/mayor/NOUN/7/xcomp ./././2/punct "/"/PUNCT/2/punct'))
    (q,) = attribute(doc).quotes
    assert q.kind == "mixed" and q.speaker.text == "Kent"
    assert q.content == 'the goal was to make Lee a "one-term mayor."'


def test_cue_with_words_after_it_is_no_headline_tail():
    # three subjects before a root "said" with an object after it: not "S, X Says." (the name
    # before the comma is no reported clause)
    text = "Ann Lee, a spokeswoman, said the council."
    doc = tree(text, rows(
        "Ann/Ann/PROPN/7/nsubj Lee/Lee/PROPN/7/nsubj ,/,/PUNCT/5/punct a/a/DET/5/det "
        "spokeswoman/spokeswoman/NOUN/7/nsubj ,/,/PUNCT/2/punct said/say/VERB/0/root the/the/DET/9/det "
        "council/council/NOUN/7/obj ./././7/punct"))
    assert [q.content for q in attribute(doc).quotes] == []


def test_that_clause_joined_to_the_verb_above_the_cue():
    # "that S" follows "say" directly but the parser joined S to "went": still what she said
    text = "She went on to say that the ferry owners are angry at the council."
    spec = ("She/she/PRON/PRP/2/nsubj went/go/VERB/VBD/0/root on/on/ADP/IN/5/mark to/to/PART/TO/5/mark "
            "say/say/VERB/VB/2/xcomp that/that/SCONJ/IN/11/mark the/the/DET/DT/9/det ferry/ferry/NOUN/NN/9/compound "
            "owners/owner/NOUN/NNS/11/nsubj:pass are/be/AUX/VBP/11/aux:pass angry/angry/VERB/VBN/2/conj "
            "at/at/ADP/IN/14/case the/the/DET/DT/14/det council/council/NOUN/NN/11/obl ././PUNCT/./2/punct")
    (q,) = attribute(tree(text, spec)).quotes
    assert q.cue.text == "say" and q.speaker.text == "She"
    assert q.content == "the ferry owners are angry at the council"


def test_that_clause_hung_on_a_modifier_of_the_cue():
    # "that it's up to the council ..." hung on "council", an oblique of "said" after its time
    text = "Local leaders said on Monday that it's up to the council to decide the fares."
    spec = ("Local/local/ADJ/JJ/2/amod leaders/leader/NOUN/NNS/3/nsubj said/say/VERB/VBD/0/root "
            "on/on/ADP/IN/5/case Monday/Monday/PROPN/NNP/3/obl that/that/SCONJ/IN/8/mark it/it/PRON/PRP/8/nsubj "
            "'s/be/AUX/VBZ/12/cop up/up/ADP/RP/3/compound:prt to/to/ADP/IN/12/case the/the/DET/DT/12/det "
            "council/council/NOUN/NN/3/obl to/to/PART/TO/14/mark decide/decide/VERB/VB/12/acl "
            "the/the/DET/DT/16/det fares/fare/NOUN/NNS/14/obj ././PUNCT/./3/punct")
    (q,) = attribute(tree(text, spec)).quotes
    assert q.cue.text == "said" and q.speaker.text == "Local leaders"
    assert q.content == "it's up to the council to decide the fares"
