"""Quotes given by the layout of the text (transcripts, Q&A), lines of page furniture, and an
office that speaks for a person. Our own short texts."""

from __future__ import annotations

from quoteattr.attribution.layout import furniture_lines, is_short_label, prose
from quoteattr.attribution.quotations import find_quotations

QA = ("Q: Will the port close this winter?\n"
      "A: No. The port will stay open.\n"
      "Q: And the dockers?\n"
      "A: We will hire forty more.\n")


def test_short_labels_open_the_turns_of_a_q_and_a(nlp):
    d = nlp(QA)
    got = [(q.speaker.text, q.content) for q in d.quotes]
    assert got == [
        ("Q", "Will the port close this winter?"),  # the first line is a turn, not a headline
        ("A", "No. The port will stay open."),
        ("Q", "And the dockers?"),
        ("A", "We will hire forty more."),
    ]


def test_every_turn_of_one_label_is_one_speaker(nlp):
    d = nlp(QA)
    ids = [d.speaker_of(q).id for q in d.quotes]
    assert ids[0] == ids[2] and ids[1] == ids[3] and ids[0] != ids[1]
    assert [d.speaker_of(q).label for q in d.quotes[:2]] == ["Q", "A"]


def test_a_q_and_a_after_a_headline_keeps_the_headline_out(nlp):
    d = nlp("Talking to the harbour master\n\n" + QA.replace("\n", "\n\n"))
    assert [q.speaker.text for q in d.quotes] == ["Q", "A", "Q", "A"]


def test_a_lone_short_label_is_no_transcript(nlp):
    d = nlp("The port stays open this winter.\n\nA: forty dockers will be hired.\n")
    assert not any(q.speaker is not None and q.speaker.text == "A" for q in d.quotes)


def test_honorific_labels_keep_their_person_from_the_first_line(nlp):
    d = nlp("MR. OKAFOR: The port will close in May.\n\n"
            "MS. RUIZ: It will not close at all.\n\n"
            "MR. OKAFOR: Then we disagree, as always.\n")
    got = [(q.speaker.text, d.speaker_of(q).name) for q in d.quotes]
    assert got == [("MR. OKAFOR", "OKAFOR"), ("MS. RUIZ", "RUIZ"), ("MR. OKAFOR", "OKAFOR")]
    assert d.speaker_of(d.quotes[0]).id == d.speaker_of(d.quotes[2]).id


def test_is_short_label():
    assert [is_short_label(t) for t in ("Q", "A", "JB", "Ann", "q", "")] == [True, True, True, False, False, False]


# ------------------------------------------------------------------ page furniture

FURNITURE = ("The harbour reopened on Monday.\n\n"
             "READ MORE: \u201cStrike\u201d blamed for delays, Mayor says\n\n"
             "Advertisement\n\n"
             "\u201cWe are ready,\u201d Ana Ruiz said.")


def test_furniture_lines_are_found_by_the_table():
    lines = [FURNITURE[a:b] for a, b in furniture_lines(FURNITURE)]
    assert lines == ["READ MORE: \u201cStrike\u201d blamed for delays, Mayor says", "Advertisement"]


def test_furniture_lines_are_removed_before_candidates_are_made(nlp):
    parse = nlp.parse(FURNITURE)
    view, quotations = prose(parse, find_quotations(FURNITURE))
    assert view.text == parse.text  # offsets unchanged
    assert not any("READ MORE" in s.text or s.text == "Advertisement" for s in view.sentences)
    assert [FURNITURE[q.start : q.end] for q in quotations] == ["\u201cWe are ready,\u201d"]


def test_no_quote_from_a_furniture_line(nlp):
    d = nlp(FURNITURE)
    assert [("We are ready" in q.content, d.speaker_of(q).name) for q in d.quotes] == [(True, "Ana Ruiz")]
    assert len(d.stanza_doc.sentences) == 4  # the whole parse is kept


def test_a_furniture_line_run_into_the_next_sentence_gives_no_quote(nlp):
    # single line breaks: the parser runs the furniture lines into the quote's sentence
    d = nlp(FURNITURE.replace("\n\n", "\n"))
    assert [("We are ready" in q.content, d.speaker_of(q).name) for q in d.quotes] == [(True, "Ana Ruiz")]


# ------------------------------------------------------------------ an office speaks for its owner


def test_an_office_speaks_for_the_person_it_is_named_after(nlp):
    d = nlp("Senator Tom Berg said the bridge was unsafe. "
            "Tom Berg's office said on Friday that the bridge would reopen in May.")
    office = d.speaker_of(next(q for q in d.quotes if "reopen" in q.text))
    senator = d.speaker_of(next(q for q in d.quotes if "unsafe" in q.text))
    assert (office.name, office.organization, office.type) == (None, "Tom Berg", "organization")
    assert office.label == "Tom Berg's office"
    assert office.organization_entity == senator.id
    assert senator.name == "Tom Berg"


def test_an_office_named_by_a_surname_finds_the_person_named_later(nlp):
    d = nlp("Berg's office said the bridge would reopen in May. Tom Berg said he was pleased.")
    office = d.speaker_of(d.quotes[0])
    assert (office.name, office.organization) == (None, "Berg")
    assert office.organization_entity == d.speaker_of(d.quotes[1]).id


def test_prose_keeps_the_quotations_indexed_once(nlp):
    # a plain list would make every later lookup build the quotation index again (quadratic)
    from quoteattr.attribution.quotations import Quotations, quotation_index

    plain = 'Ana said: "We sail at dawn." Tom said: "We wait."'
    quotations = find_quotations(plain)
    view, kept = prose(nlp.parse(plain), quotations)
    assert kept is quotations and quotation_index(kept) is quotation_index(kept)
    furnished = 'READ MORE: "Strike" blamed for delays\n\nAna said: "We sail at dawn."'
    view, kept = prose(nlp.parse(furnished), find_quotations(furnished))
    assert isinstance(kept, Quotations) and [q.content_spans[0].text for q in kept] == ["We sail at dawn."]
