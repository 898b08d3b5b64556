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
    (q,) = d.quotes  # one quote over both paragraphs
    assert d.speaker_of(q).name == "Ana Ruiz"
    assert [s.text for s in q.content_spans] == ["The harbour stays open,", "We owe that to the families who work there."]


def test_two_speakers_without_a_question_do_not_start_a_dialogue(nlp):
    d = nlp("\u201cThe harbour stays open,\u201d Ana Ruiz said.\n\n"
            "\u201cThe union agrees,\u201d Ben Okafor said.\n\n"
            "\u201cWe have waited long enough.\u201d")
    assert d.speaker_of(d.quotes[-1]).name == "Ben Okafor"


def test_a_quote_introduced_by_a_colon_takes_the_subject_of_the_introducing_clause(nlp):
    d = nlp("Okafor made the following comment:\n\n\u201cWe will not move.\u201d")
    assert d.speaker_of(d.quotes[0]).name == "Okafor"
    assert d.quotes[0].speaker.text == "Okafor"


def test_a_publication_introducing_a_quote_with_a_colon_is_its_speaker(nlp):
    d = nlp("The shortage is worse than expected.\n\nThe Harbour Gazette reports:\n\n"
            "\u201cOnly four ships docked in May.\u201d")
    assert d.speaker_of(d.quotes[0]).name == "Harbour Gazette"


def test_the_addressee_of_told_is_not_the_speaker(nlp):
    d = nlp("Mayor Ana Ruiz told Ben Okafor that the harbour would close.")
    q = next(q for q in d.quotes if "harbour" in q.text)
    assert d.speaker_of(q).name == "Ana Ruiz"


def test_a_letter_speaks_for_its_author(nlp):
    d = nlp("Mayor Ana Ruiz wrote to the council on Monday. Ruiz\u2019s letter said the harbour would close.")
    e = d.speaker_of(next(q for q in d.quotes if "harbour" in q.text))
    assert (e.name, e.organization) == ("Ana Ruiz", None)


def test_a_statement_from_an_x_of_y_body_is_that_body(nlp):
    d = nlp("The Ministry of Transport and the Ministry of Health met. "
            "A statement from the Ministry of Health said clinics would open.")
    assert d.speaker_of(d.quotes[-1]).name == "Ministry of Health"


def test_a_cue_less_quote_with_no_speaker_before_it_has_none(nlp):
    d = nlp("The harbour closed on Monday after the storm.\n\n\u201cNobody saw it coming.\u201d")
    assert d.quotes[0].speaker is None and d.quotes[0].entity is None


def test_a_run_of_cue_less_turns_keeps_alternating_after_the_last_attributions(nlp):
    d = nlp("\u201cIs the port open?\u201d Ana asked.\n\n\u201cNot yet,\u201d Ben said.\n\n"
            "\u201cWhen?\u201d\n\n\u201cMonday.\u201d\n\n\u201cAre you sure?\u201d\n\n\u201cQuite sure.\u201d")
    assert [d.speaker_of(q).name for q in d.quotes] == ["Ana", "Ben", "Ana", "Ben", "Ana", "Ben"]


def test_a_heading_a_dash_and_a_name_before_a_colon_introduce_a_quote(nlp):
    d = nlp("The forecasts were wrong in Bayport.\n\n"
            "Skippers agree - Nora Quell: \u201cThe main lesson of the season was a plain one.\u201d\n")
    q = next(q for q in d.quotes if "lesson" in q.text)
    assert q.speaker.text == "Nora Quell" and d.speaker_of(q).label == "Nora Quell"


def test_a_quote_going_on_from_the_one_before_hangs_on_its_mention(nlp):
    d = nlp("\u201cThe harbour stays open,\u201d he said on Monday.\n\n\u201cWe owe that to the families.\u201d")
    (q,) = d.quotes  # the quote going on is joined to the one before, its speaker's
    assert q.speaker.text == "he" and [s.text for s in q.content_spans] == [
        "The harbour stays open,", "We owe that to the families."]


def test_a_turn_of_an_exchange_hangs_on_the_mention_two_quotes_back(nlp):
    d = nlp(DIALOGUE)
    assert [q.speaker.text for q in d.quotes] == ["Ana", "Ben", "Ana", "Ben", "Ana"]
