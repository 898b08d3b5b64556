"""Speaker resolution on candidate lists built by hand over our own parsed texts."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from quoteattr.model import Candidate, Span
from quoteattr.parsing.tree import word_span
from quoteattr.attribution.resolve import resolve

STORY = (
    "Norwegian Health Ministry spokeswoman Ingrid Dahl said on Monday that the clinic would reopen. "
    "\u201cWe expect patients back by May,\u201d she said.\n\n"
    "Dahl added that the staff had been trained. \u201cNothing was left to chance.\u201d\n\n"
    "Prime Minister Lars Berg visited the site later. The minister told reporters that funding was secure.\n\n"
    "A senior official said the budget was tight.\n\n"
    "The Norwegian Medicines Agency published a report on Tuesday. It said that shortages were easing. "
    "\u201cThe worst is over,\u201d the agency said."
)

GENDER = (
    "Mayor Tom Hale met Chief Inspector Anna Berg on Friday. \u201cIt went well,\u201d she said.\n\n"
    "Councillor Alex Shaw arrived late. Councillor Robin Vale spoke first. "
    "He said that the vote would be close. \u201cWe need more time,\u201d she said."
)


def _head(doc, start, end):
    for si, sent in enumerate(doc.sentences):
        inside = [w for w in sent.words if start <= word_span(w)[0] and word_span(w)[1] <= end]
        if inside:
            ids = {w.id for w in inside}
            head = next(w for w in inside if w.head not in ids)
            return si, head.id
    raise AssertionError("no words in span")


def cand(doc, quote, speaker=None, at=None, kind=None, cue=None):
    """A candidate for ``quote`` (its first occurrence); the speaker is ``speaker`` found at the start of ``at``
    (a text or an offset)."""
    text = doc.text
    start = text.index(quote)
    end = start + len(quote)
    direct = quote[0] in "\u201c\""
    content = (Span.of(text, start + 1, end - 1),) if direct else (Span.of(text, start, end),)
    kind = kind or ("direct" if direct else "indirect")
    sp = head = cue_span = None
    if speaker is not None:
        s0 = at if isinstance(at, int) else text.index(at or speaker)
        assert text[s0 : s0 + len(speaker)] == speaker
        sp = Span.of(text, s0, s0 + len(speaker))
        head = _head(doc, sp.start, sp.end)
        cue_word = cue or "said"
        c0 = text.index(cue_word, s0)
        cue_span = Span.of(text, c0, c0 + len(cue_word))
    return Candidate(kind, start, end, content, cue_span, sp, head, None)


@pytest.fixture(scope="module")
def story(nlp):
    doc = nlp.parse(STORY)
    cands = [
        cand(doc, "the clinic would reopen", "Norwegian Health Ministry spokeswoman Ingrid Dahl"),
        cand(doc, "\u201cWe expect patients back by May,\u201d", "she", at="she said"),
        cand(doc, "the staff had been trained", "Dahl", at="Dahl added", cue="added"),
        cand(doc, "\u201cNothing was left to chance.\u201d"),
        cand(doc, "funding was secure", "The minister", cue="told"),
        cand(doc, "the budget was tight", "A senior official"),
        cand(doc, "shortages were easing", "It", at="It said"),
        cand(doc, "\u201cThe worst is over,\u201d", "the agency", at="the agency said"),
    ]
    quotes, entities = resolve(doc, list(reversed(cands)))  # order of the input must not matter
    return doc, quotes, {e.id: e for e in entities}


def _entity(story, content_start):
    doc, quotes, ents = story
    q = next(q for q in quotes if q.text.startswith(content_start) or q.text[1:].startswith(content_start))
    return ents.get(q.entity) if q.entity else None


def test_quote_ids_and_texts(story):
    doc, quotes, _ = story
    assert [q.id for q in quotes] == [f"q{n}" for n in range(1, 9)]
    assert [q.start for q in quotes] == sorted(q.start for q in quotes)
    for q in quotes:
        assert q.text == doc.text[q.start : q.end]


def test_named_speaker_with_title(story):
    e = _entity(story, "the clinic")
    assert e.name == "Ingrid Dahl"
    assert e.type == "person"
    assert e.title == "Norwegian Health Ministry spokeswoman"
    assert e.label == "Norwegian Health Ministry spokeswoman Ingrid Dahl"


def test_pronoun_and_surname_join_the_entity(story):
    dahl = _entity(story, "the clinic")
    assert _entity(story, "We expect") == dahl
    assert _entity(story, "the staff") == dahl
    texts = {m.text for m in dahl.mentions}
    assert {"she", "Dahl"} <= texts


def test_floating_quote_takes_previous_speaker(story):
    assert _entity(story, "Nothing was left").name == "Ingrid Dahl"


def test_definite_description_by_broader_role(story):
    e = _entity(story, "funding")
    assert e.name == "Lars Berg"
    assert "The minister" in {m.text for m in e.mentions}


def test_unnamed_source(story):
    e = _entity(story, "the budget")
    assert e.name is None
    assert e.label == "a senior official"
    assert e.type == "person"


def test_organisation_with_it_and_description(story):
    e = _entity(story, "shortages")
    assert e.type == "organization"
    assert e.name == "Norwegian Medicines Agency"
    assert _entity(story, "The worst") == e


def test_entity_ids_in_order_of_first_mention(story):
    _, _, ents = story
    firsts = [min(m.start for m in ents[k].mentions) for k in sorted(ents, key=lambda k: int(k[1:]))]
    assert firsts == sorted(firsts)
    assert len(ents) == 4


@pytest.fixture(scope="module")
def gender(nlp):
    doc = nlp.parse(GENDER)
    text = doc.text
    last_she = text.rindex("she said")
    cands = [
        cand(doc, "\u201cIt went well,\u201d", "she", at="she said"),
        cand(doc, "the vote would be close", "He", at="He said"),
        cand(doc, "\u201cWe need more time,\u201d", "she", at=last_she),
    ]
    quotes, entities = resolve(doc, cands)
    return quotes, {e.id: e for e in entities}


def test_gender_from_first_name_beats_salience(gender):
    quotes, ents = gender
    assert ents[quotes[0].entity].name == "Anna Berg"


def test_gender_learnt_from_pronoun(gender):
    quotes, ents = gender
    assert ents[quotes[1].entity].name == "Robin Vale"
    assert ents[quotes[2].entity].name == "Alex Shaw"


def test_coref_chains_are_followed(nlp):
    text = "Jo Lind met Sam Berg. The visitor said the talks went well."
    doc = nlp.parse(text)
    s1 = doc.sentences[1]
    visitor = next(w for w in s1.words if w.text == "visitor")
    sam = next(w for w in doc.sentences[0].words if w.text == "Berg")
    chain = SimpleNamespace(index=0)
    for w in doc.sentences[0].words + s1.words:
        w.coref_chains = []
    visitor.coref_chains = [SimpleNamespace(chain=chain)]
    sam.coref_chains = [SimpleNamespace(chain=chain)]
    start = text.index("the talks")
    sp = Span.of(text, text.index("The visitor"), text.index("The visitor") + len("The visitor"))
    c = Candidate("indirect", start, start + len("the talks went well"),
                  (Span.of(text, start, start + len("the talks went well")),), None, sp, (1, visitor.id), 1)
    quotes, entities = resolve(doc, [c])
    assert entities[0].name == "Sam Berg"


ORGS = (
    "The Northern Harbour Guard (NHG) said on Monday that the pier had flooded. "
    "The NHG added that its boats had withdrawn. Moscow reported that storms had hit the area. "
    "The group said that talks were possible."
)


@pytest.fixture(scope="module")
def orgs(nlp):
    doc = nlp.parse(ORGS)
    cands = [
        cand(doc, "the pier had flooded", "The Northern Harbour Guard (NHG)"),
        cand(doc, "its boats had withdrawn", "The NHG", cue="added"),
        cand(doc, "storms had hit the area", "Moscow", cue="reported"),
        cand(doc, "talks were possible", "The group"),
    ]
    quotes, entities = resolve(doc, cands)
    return quotes, {e.id: e for e in entities}


def test_organisation_acronym_links_and_labels(orgs):
    quotes, ents = orgs
    sdf = ents[quotes[0].entity]
    assert sdf.type == "organization"
    assert sdf.name == "Northern Harbour Guard"
    assert sdf.label == "NHG"
    assert quotes[1].entity == quotes[0].entity


def test_place_speaks_as_organisation(orgs):
    quotes, ents = orgs
    moscow = ents[quotes[2].entity]
    assert moscow.type == "organization" and moscow.name == "Moscow"
    assert quotes[2].entity != quotes[0].entity


def test_the_group_is_the_organisation_not_the_place(orgs):
    quotes, ents = orgs
    assert quotes[3].entity == quotes[0].entity


SIGNED = (
    "Readers told us what they thought of the debate.\n\n"
    "\u201cThe answers were vague and the tone was bitter.\u201d \u2015 Maria Lindqvist.\n\n"
    "\u201cI learnt nothing new tonight.\u201d\n"
    "Tomas Okafor, Leeds\n\n"
    "\u201cBoth of them dodged the questions.\u201d\n\n"
    "\u201cThe moderators lost control early on.\u201d \u2015 Priya Raman\u00a0\n"
)


@pytest.fixture(scope="module")
def signed(nlp):
    return nlp(SIGNED)


def test_dash_signature_names_the_speaker(signed):
    q = next(q for q in signed.quotes if "vague" in q.text)
    e = signed.speaker_of(q)
    assert e is not None and e.name == "Maria Lindqvist"
    assert q.speaker is not None and q.speaker.text == "Maria Lindqvist"


def test_signature_line_after_the_paragraph(signed):
    q = next(q for q in signed.quotes if "nothing new" in q.text)
    e = signed.speaker_of(q)
    assert e is not None and e.name == "Tomas Okafor"


def test_unsigned_quote_takes_no_signature(signed):
    q = next(q for q in signed.quotes if "dodged" in q.text)
    e = signed.speaker_of(q)
    assert e is None or e.name not in ("Maria Lindqvist", "Tomas Okafor")


def test_signature_followed_by_a_space_and_line_break(signed):
    q = next(q for q in signed.quotes if "moderators" in q.text)
    e = signed.speaker_of(q)
    assert e is not None and e.name == "Priya Raman"


def test_floating_quote_after_a_speech_verb_takes_its_subject(nlp):
    d = nlp("The council met on Monday. Ruth Ames told the council about her plans. \u201cWe start in May.\u201d")
    q = next(q for q in d.quotes if "May" in q.text)
    e = d.speaker_of(q)
    assert e is not None and e.name == "Ruth Ames"


def test_headline_words_are_not_a_name(nlp):
    d = nlp("Mayor Ruth Ames Vows To Fight Port Closure In Dunmore\n\n"
            "Ruth Ames spoke at the harbour on Monday. She said the port would stay open.")
    q = next(q for q in d.quotes if "stay open" in q.text)
    e = d.speaker_of(q)
    assert e is not None and e.name == "Ruth Ames"


def test_relative_pronoun_is_the_mention_and_its_noun_the_entity(nlp):
    d = nlp("The plan angered Lena Fisk, who said that the port would lose jobs.")
    q = next(q for q in d.quotes if "lose jobs" in q.text)
    assert q.speaker is not None and q.speaker.text == "who"
    e = d.speaker_of(q)
    assert e is not None and e.name == "Lena Fisk" and e.title is None
    assert "who" in {m.text for m in e.mentions}


def test_relative_clause_verb_before_a_coordinated_cue(nlp):
    d = nlp("Lena Fisk, who met the mayor and said that the port was too small, left early.")
    q = next(q for q in d.quotes if "too small" in q.text)
    assert q.speaker is not None and q.speaker.text == "who"
    e = d.speaker_of(q)
    assert e is not None and (e.name or "").endswith("Fisk")


def test_soft_line_wrap_keeps_the_floating_quote_speaker(nlp):
    # a line wrapped inside the sentence is not a paragraph break (quotations.paragraph_spans)
    d = nlp("Lena Okafor said talks with the\nunion were over.\n\n\u201cWe will not come back to the table.\u201d")
    q = next(q for q in d.quotes if "table" in q.text)
    e = d.speaker_of(q)
    assert e is not None and (e.name or "").endswith("Okafor")


@pytest.mark.parametrize("sentence,label", [
    ("Ann Lee, an analyst at Brook Capital, said the deal was off.", "Ann Lee, analyst at Brook Capital"),
    ("Secretary of State Antony Blinken said the deal was off.", "Secretary of State Antony Blinken"),
    ("Sean Savett, a spokesman for the council, said the deal was off.", "Sean Savett, spokesman for the council"),
])
def test_entity_label_is_the_mention_label(nlp, sentence, label):
    d = nlp(sentence)
    e = d.speaker_of(d.quotes[0])
    assert e is not None and e.label == label


def test_signature_before_the_next_quote_on_the_next_line(nlp):
    # the parser runs the signature into the next line's sentence and splits the name in two
    d = nlp("\u201cHe represents our greatest shame.\u201d \u2015 Sonya Herridge\n"
            "\u201cDuring the forum Ruiz said ferry crews live in fear. He is wrong.\u201d \u2015 Pedro Ulmen\n")
    assert [d.speaker_of(q).name for q in d.quotes] == ["Sonya Herridge", "Pedro Ulmen"]


@pytest.mark.parametrize("text,label", [
    # a plural subject naming people is what a later "they" stands for, not an organisation
    ("The Harbour Workers Union opposed the plan. The dockers' supporters are not wrong when they "
     "say that the port ignored them.", "supporters"),
    ("The Coastal Party met on Monday. Many members were dismayed, and they said that the vote was rigged.",
     "Many members"),
])
def test_they_prefers_a_group_of_people_named_before_it(nlp, text, label):
    d = nlp(text)
    q = next(q for q in d.quotes if q.speaker is not None and q.speaker.text == "they")
    e = d.speaker_of(q)
    assert e is not None and label in e.label


def test_they_is_no_group_of_things(nlp):
    # "the calls" is no group of people: "they" goes on to the union
    d = nlp("The Harbour Workers Union held a vote. The calls for a strike grew louder, and they said "
            "that the port was unsafe.")
    q = next(q for q in d.quotes if q.speaker is not None and q.speaker.text == "they")
    e = d.speaker_of(q)
    assert e is None or "calls" not in e.label


@pytest.mark.parametrize("text,content", [
    ("The plan angered Lena Fisk, who launched her campaign by declaring that the port was too small.", "too small"),
    ("Ben Okafor met residents who raised specific concerns about noise and rents.", "noise and rents"),
])
def test_relative_pronoun_of_a_cue_deeper_in_the_relative_clause(nlp, text, content):
    d = nlp(text)
    q = next(q for q in d.quotes if content in q.text)
    assert q.speaker is not None and q.speaker.text == "who"
