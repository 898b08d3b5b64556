"""Speaker mentions: text-level splitting into name/title/organisation, labels, and mention extent."""

from __future__ import annotations

import pytest

from quoteattr.attribution.speakers import (
    defined_acronyms,
    label_of,
    mention_span,
    name_keys,
    short_organization,
    split_mention,
    tokenize,
)

# (mention, name, role, organization, nationality, kind, label)
CASES = [
    ("White House National Security Council spokesperson Sean Savett", "Sean Savett", "spokesperson",
     "White House National Security Council", None, "person", "NSC spokesperson Sean Savett"),
    ("Iranian Foreign Ministry Spokesman Esmail Baghaei", "Esmail Baghaei", "spokesman", "Foreign Ministry",
     "Iranian", "person", "Iranian Foreign Ministry Spokesman Esmail Baghaei"),
    ("Baghaei, Iran's foreign ministry spokesman", "Baghaei", "spokesman", "foreign ministry", "Iranian",
     "person", "Iranian Foreign Ministry spokesman Baghaei"),
    ("Iranian Foreign Minister Abbas Araghchi", "Abbas Araghchi", "foreign minister", None, "Iranian", "person",
     "Iranian Foreign Minister Abbas Araghchi"),
    ("Russian Foreign Minister Sergey Lavrov", "Sergey Lavrov", "foreign minister", None, "Russian", "person",
     "Russian Foreign Minister Sergey Lavrov"),
    ("Kremlin spokesman Dmitry Peskov", "Dmitry Peskov", "spokesman", "Kremlin", None, "person",
     "Kremlin spokesman Dmitry Peskov"),
    ("Dmitry Peskov, the Kremlin spokesman", "Dmitry Peskov", "spokesman", "Kremlin", None, "person",
     "Kremlin spokesman Dmitry Peskov"),
    ("Chinese President Xi Jinping", "Xi Jinping", "president", None, "Chinese", "person",
     "Chinese President Xi Jinping"),
    ("Chinese foreign ministry spokeswoman Mao Ning", "Mao Ning", "spokeswoman", "foreign ministry", "Chinese",
     "person", "Chinese Foreign Ministry spokeswoman Mao Ning"),
    ("German Chancellor Olaf Scholz", "Olaf Scholz", "chancellor", None, "German", "person",
     "German Chancellor Olaf Scholz"),
    ("French President Emmanuel Macron", "Emmanuel Macron", "president", None, "French", "person",
     "French President Emmanuel Macron"),
    ("Prime Minister Benjamin Netanyahu", "Benjamin Netanyahu", "prime minister", None, None, "person",
     "Prime Minister Benjamin Netanyahu"),
    ("Secretary of State Antony Blinken", "Antony Blinken", "secretary of state", None, None, "person",
     "Secretary of State Antony Blinken"),
    ("UN Secretary-General Antonio Guterres", "Antonio Guterres", "secretary-general", "UN", None, "person",
     "UN Secretary-General Antonio Guterres"),
    ("HTS leader Abu Mohammed al-Golani", "Abu Mohammed al-Golani", "leader", "HTS", None, "person",
     "HTS leader Abu Mohammed al-Golani"),
    ("former US special representative for Syria engagement James Jeffrey", "James Jeffrey",
     "special representative", "Syria engagement", "US", "person",
     "James Jeffrey, former US special representative for Syria engagement"),
    ("Sean Savett, a spokesman for the council", "Sean Savett", "spokesman", "council", None, "person",
     "Sean Savett, spokesman for the council"),
    ("senior Hamas official Osama Hamdan", "Osama Hamdan", "official", "Hamas", None, "person",
     "senior Hamas official Osama Hamdan"),
    ("Ukrainian President Volodymyr Zelensky", "Volodymyr Zelensky", "president", None, "Ukrainian", "person",
     "Ukrainian President Volodymyr Zelensky"),
    ("European Commission President Ursula von der Leyen", "Ursula von der Leyen", "president",
     "European Commission", None, "person", "EC President Ursula von der Leyen"),
    ("Mr. Savett", "Savett", None, None, None, "person", "Mr. Savett"),
    ("Ms. Lopez", "Lopez", None, None, None, "person", "Ms. Lopez"),
    ("Savett", "Savett", None, None, None, "unknown", "Savett"),
    ("the Kremlin", "Kremlin", None, None, None, "organization", "Kremlin"),
    ("Moscow", "Moscow", None, None, None, "organization", "Moscow"),
    ("Russia", "Russia", None, None, None, "organization", "Russia"),
    ("IRNA", "IRNA", None, None, None, "organization", "IRNA"),
    ("the Islamic Republic News Agency", "Islamic Republic News Agency", None, None, None, "organization", "IRNA"),
    ("the United Nations", "United Nations", None, None, None, "organization", "UN"),
    ("the Iranian news agency IRNA", "IRNA", None, None, "Iranian", "organization", "IRNA"),
    ("Hayat Tahrir al-Sham (HTS)", "Hayat Tahrir al-Sham", None, None, None, "organization", "HTS"),
    ("the militant group Hayat Tahrir al-Sham (HTS)", "Hayat Tahrir al-Sham", None, None, None, "organization",
     "HTS"),
    ("a senior official", None, "official", None, None, "person", "a senior official"),
    ("a State Department spokesperson", None, "spokesperson", "State Department", None, "person",
     "a State Department spokesperson"),
    ("critics", None, None, None, None, "unknown", "critics"),
    ("the diplomat", None, "diplomat", None, None, "person", "the diplomat"),
]


@pytest.mark.parametrize("text,name,role,org,nationality,kind,label", CASES, ids=[c[0] for c in CASES])
def test_split_mention(text, name, role, org, nationality, kind, label):
    p = split_mention(text)
    assert p.name == name
    assert p.role == role
    assert p.organization == org
    assert p.nationality == nationality
    assert p.kind == kind
    assert p.label == label


def test_title_keeps_the_phrase_as_written():
    assert split_mention("Baghaei, Iran's foreign ministry spokesman").title == "Iran's foreign ministry spokesman"
    assert split_mention("Iranian Foreign Ministry Spokesman Esmail Baghaei").title == \
        "Iranian Foreign Ministry Spokesman"


def test_document_acronyms_shorten_labels():
    acr = {"Syrian Observatory for Human Rights": "SOHR"}
    p = split_mention("Syrian Observatory for Human Rights director Rami Abdel Rahman", acr)
    assert p.name == "Rami Abdel Rahman"
    assert p.short_title == "SOHR director"


def test_gender_cues():
    assert split_mention("Mrs. Patel").gender == "f"
    assert split_mention("spokeswoman Maria Zakharova").gender == "f"
    assert split_mention("Kremlin spokesman Dmitry Peskov").gender == "m"
    assert split_mention("Dr. Kim").gender is None


def test_broader_terms_let_descriptions_refer():
    baghaei = split_mention("Iranian Foreign Ministry Spokesman Esmail Baghaei")
    assert {"diplomat", "official", "spokesperson"} <= baghaei.broader
    netanyahu = split_mention("Prime Minister Benjamin Netanyahu")
    assert "official" in netanyahu.broader and "diplomat" not in netanyahu.broader
    assert "group" in split_mention("the Hezbollah group").broader


def test_pronouns_and_descriptions():
    he = split_mention("he")
    assert he.pronoun == "he" and he.gender == "m" and he.kind == "person"
    assert split_mention("it").kind == "organization"
    d = split_mention("the official")
    assert d.definite and d.name is None
    assert not split_mention("an official").definite


def test_helpers():
    assert tokenize("the U.S. envoy's aide") == ["the", "U.S.", "envoy", "'s", "aide"]
    assert short_organization("White House National Security Council") == "NSC"
    assert short_organization("Defense Ministry") == "Defense Ministry"
    assert "savett" in name_keys("Sean Savett")
    assert defined_acronyms("crews of the Northern Harbour Guard (NHG) said") == {
        "Northern Harbour Guard": "NHG"}
    assert defined_acronyms("in the spring (2024) and (B)") == {}


# --------------------------------------------------------------------------- through the parse

SENTENCES = {
    "split": "White House National Security Council spokesperson Sean Savett clarified the position.",
    "appos": "Sean Savett, a spokesman for the council, said the talks were over.",
    "after": "Baghaei, Iran's foreign ministry spokesman, told reporters that the talks would resume.",
    "according": "According to Baghaei, Washington has long been assisting armed groups.",
    "quote": "“The talks failed,” said Dmitry Peskov, the Kremlin spokesman, on Tuesday.",
    "pron": "He said that the plan would fail.",
}


@pytest.fixture(scope="module")
def parsed(nlp):
    return {k: nlp.parse(v) for k, v in SENTENCES.items()}


def _span(doc, word_text):
    sent = doc.sentences[0]
    w = next(w for w in sent.words if w.text == word_text)
    a, b = mention_span(sent, w.id)
    return doc.text[a:b]


@pytest.mark.parametrize("key,head,expected", [
    ("split", "Savett", "White House National Security Council spokesperson Sean Savett"),
    ("split", "spokesperson", "White House National Security Council spokesperson Sean Savett"),
    ("appos", "Savett", "Sean Savett, a spokesman for the council"),
    ("after", "Baghaei", "Baghaei, Iran's foreign ministry spokesman"),
    ("according", "Baghaei", "Baghaei"),
    ("quote", "Peskov", "Dmitry Peskov, the Kremlin spokesman"),
    ("pron", "He", "He"),
])
def test_mention_span(parsed, key, head, expected):
    assert _span(parsed[key], head) == expected


def test_mention_span_never_takes_verb_or_quote(parsed):
    for key, doc in parsed.items():
        sent = doc.sentences[0]
        for w in sent.words:
            if w.deprel.startswith("nsubj"):
                a, b = mention_span(sent, w.id)
                piece = doc.text[a:b]
                assert "“" not in piece and "”" not in piece
                assert not any(v.upos == "VERB" and v.id == w.head and a <= v.start_char < b for v in sent.words)


@pytest.mark.parametrize("text", [c[0] for c in CASES])
def test_one_label_function_for_mentions_and_entities(text):
    # resolve labels an entity with label_of from the parts of its mentions: a one-mention entity
    # must get the mention's own label
    p = split_mention(text)
    if p.name is None:
        return
    assert label_of(p.name, p.short_title, role=p.role, honorific=p.honorific, kind=p.kind) == p.label


def test_label_drops_a_dangling_preposition():
    assert label_of("Ann Lee", "analyst at", role="analyst") == "analyst Ann Lee"
    assert label_of("Ann Lee", "lawyer in", role="lawyer") == "lawyer Ann Lee"


@pytest.mark.parametrize("lead", ["according to", "In the words of", "as reported by"])
def test_a_cue_phrase_before_the_speaker_is_no_part_of_the_mention(lead):
    # the lead words of every phrase of cue_phrases.tsv, not a list of its own
    parts = split_mention(f"{lead} port spokesperson Ana Ruiz")
    assert (parts.name, parts.role, parts.label) == ("Ana Ruiz", "spokesperson", "port spokesperson Ana Ruiz")
