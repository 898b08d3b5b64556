"""Dialogue turns and who speaks: our own short texts."""

from __future__ import annotations

DIALOGUE = ("\u201cWhere were you last night?\u201d Ana asked.\n\n\u201cAt the port,\u201d Ben said.\n\n"
            "\u201cAll night?\u201d\n\n\u201cAll night. The ships were late.\u201d\n\n\u201cAnd the cargo?\u201d")


def test_cue_less_turns_of_an_exchange_alternate(nlp):
    d = nlp(DIALOGUE)
    speakers = [d.speaker_of(q).name if d.speaker_of(q) else None for q in d.quotes]
    assert speakers == ["Ana", "Ben", "Ana", "Ben", "Ana"]


def test_a_news_quote_continued_in_a_new_paragraph_keeps_its_speaker(nlp):
    d = nlp("\u201cThe harbour stays open,\u201d Mayor Ana Ruiz said on Monday.\n\n"
            "\u201cWe owe that to the families who work there.\u201d")
    assert [d.speaker_of(q).name for q in d.quotes] == ["Ana Ruiz", "Ana Ruiz"]


def test_two_speakers_without_a_question_do_not_start_a_dialogue(nlp):
    d = nlp("\u201cThe harbour stays open,\u201d Ana Ruiz said.\n\n"
            "\u201cThe union agrees,\u201d Ben Okafor said.\n\n"
            "\u201cWe have waited long enough.\u201d")
    assert d.speaker_of(d.quotes[-1]).name == "Ben Okafor"
