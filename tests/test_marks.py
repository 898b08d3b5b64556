"""Quotation-mark pairing (quoteattr.attribution.quotations): conventions, apostrophes, nesting, paragraphs."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quoteattr.attribution.quotations import Quotation, find_quotations, mark_table, paragraph_spans


def contents(text: str, depth: int | None = None) -> list[str]:
    return [q.content for q in find_quotations(text) if depth is None or q.depth == depth]


# -- the mark conventions --------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("“The road is closed,” the officer said.", ["The road is closed,"]),
        ('"The road is closed," the officer said.', ["The road is closed,"]),
        ("‘The road is closed,’ the officer said.", ["The road is closed,"]),
        ("'The road is closed,' the officer said.", ["The road is closed,"]),
        ("«La route est fermée», a dit l'agent.", ["La route est fermée"]),
        ("„Die Straße ist gesperrt“, sagte der Beamte.", ["Die Straße ist gesperrt"]),
        ("‹Non›, dit-il.", ["Non"]),
        ("»Die Straße ist gesperrt«, sagte er.", ["Die Straße ist gesperrt"]),
    ],
)
def test_each_convention(text, expected):
    assert contents(text) == expected


def test_doubled_single_marks_are_one_double_mark():
    text = "He backed the ''Harbour rule'' and said ''it is fair.''"
    qs = find_quotations(text)
    assert [(q.content, q.open_mark, q.close_mark, q.depth) for q in qs] == [
        ("Harbour rule", "''", "''", 0),
        ("it is fair.", "''", "''", 0),
    ]
    assert text[qs[0].start : qs[0].end] == "''Harbour rule''"


def test_offsets_include_marks_and_content_excludes_them():
    text = "She said “we won” today."
    (q,) = find_quotations(text)
    assert text[q.start : q.end] == "“we won”"
    assert (q.open_mark, q.close_mark, q.depth) == ("“", "”", 0)
    (span,) = q.content_spans
    assert text[span.start : span.end] == span.text == "we won"


def test_two_quotes_in_one_sentence():
    assert contents('"Go," he said, "now."') == ["Go,", "now."]


# -- single quotes versus apostrophes ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Syria's army and Syria’s allies met.",
        "Music of the '90s and the ’80s returned.",
        "They played rock 'n' roll and rock ‘n’ roll all night.",
        "The students' union and the teachers’ union agreed.",
        "We were goin' home when it rained.",
        "Tell 'em it's over.",
    ],
)
def test_apostrophes_are_not_quotes(text):
    assert find_quotations(text) == []


def test_single_quotes_next_to_apostrophes():
    assert contents("He said 'no' twice and 'yes' once, didn't he?") == ["no", "yes"]
    assert contents("'It was the players' fault,' the coach said.") == ["It was the players' fault,"]
    assert contents("‘We were goin’ home,’ she said.") == ["We were goin’ home,"]


def test_unclosed_single_quote_mid_paragraph_is_dropped():
    # an opening single mark that never closes is more likely an odd apostrophe
    assert contents("The ‘new deal of the year, people said.") == []


# -- straight double quotes paired by context ----------------------------------


def test_straight_quotes_without_spaces_around():
    assert contents('"Hello,"he said.') == ["Hello,"]
    assert contents('He said:"Stop."') == ["Stop."]


def test_inch_mark_is_a_stray_closer():
    assert contents('A 12" pipe burst and the plumber said "call me."') == ["call me."]
    assert contents("She is 5'10\" tall and said \"hello\".") == ["hello"]


def test_mixed_straight_and_curly_marks_close_each_other():
    assert contents('Her "harbour-related” notes and her “private letters" differ.') == ["harbour-related", "private letters"]


def test_paragraph_continues_only_with_the_same_mark():
    text = 'He said "the first part\n\n“A new quote.” Then more.'
    qs = find_quotations(text)
    assert [(q.content, q.close_mark) for q in qs] == [("the first part", None), ("A new quote.", "”")]


def test_isolated_and_empty_straight_quotes_are_ignored():
    assert find_quotations('A " lone mark and "" an empty pair.') == []


# -- nesting ------------------------------------------------------------------


def test_nested_curly_quotes():
    qs = find_quotations("“He said ‘no’ twice,” she recalled.")
    assert [(q.content, q.depth) for q in qs] == [("He said ‘no’ twice,", 0), ("no", 1)]
    outer, inner = qs
    assert outer.contains(inner) and not inner.contains(outer)


def test_nested_straight_quotes():
    qs = find_quotations('"They called it "a farce" on air," he said.')
    assert [(q.content, q.depth) for q in qs] == [('They called it "a farce" on air,', 0), ("a farce", 1)]


def test_german_nested():
    qs = find_quotations("„Er sagte ‚nein‘ und ging“, berichtete sie.")
    assert [(q.content, q.depth) for q in qs] == [("Er sagte ‚nein‘ und ging", 0), ("nein", 1)]


# -- paragraphs ----------------------------------------------------------------


def test_multi_paragraph_quote():
    text = "“First, we cut taxes.\n\n“Second, we build roads.\n\n“Third, we hire teachers,” the candidate said."
    (q,) = find_quotations(text)
    assert [s.text for s in q.content_spans] == ["First, we cut taxes.", "Second, we build roads.", "Third, we hire teachers,"]
    assert q.start == 0 and text[q.end - 1] == "”" and q.close_mark == "”"
    assert text[q.end :] == " the candidate said."


def test_multi_paragraph_quote_with_single_newlines():
    text = '"We will rebuild.\n"Every house," she said.\nThe crowd cheered.'
    (q,) = find_quotations(text)
    assert [s.text for s in q.content_spans] == ["We will rebuild.", "Every house,"]


def test_unclosed_quote_stops_at_paragraph_end():
    text = "He said: “We never close this.\n\nThe next paragraph has a “real” quote."
    qs = find_quotations(text)
    assert [(q.content, q.close_mark) for q in qs] == [("We never close this.", None), ("real", "”")]
    assert text[: qs[0].end].endswith("this.")


def test_stray_closing_marks_are_ignored():
    assert contents("It rained.” Then “it snowed” and it stopped.” End.") == ["it snowed"]


def test_soft_line_wrap_keeps_the_quote_whole():
    assert contents("“We will win this\nelection,” he said.") == ["We will win this\nelection,"]


def test_paragraph_spans():
    text = "  Title\n\nOne line,\nwrapped here.\nNext one.\n"
    assert [text[s:e] for s, e in paragraph_spans(text)] == ["Title", "One line,\nwrapped here.", "Next one."]


def test_table_covers_all_conventions():
    t = mark_table()
    for opening in "“\"„«‘'‚‹":
        assert opening in t.closers
    assert "“" in t.closers["„"] and "n" in t.elisions and "''" in t.closers


# -- properties ----------------------------------------------------------------

_ALPHABET = st.sampled_from(list("ab .,\n") + ["\n\n"] + list("“”‘’\"'«»„‹›‚"))
_TEXTS = st.lists(_ALPHABET, max_size=60).map("".join)


def _paragraph_starts(text: str) -> list[int]:
    return [s for s, _ in paragraph_spans(text)][1:]


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_property_never_raises_and_stays_in_bounds(text):
    qs = find_quotations(text)
    for q in qs:
        assert isinstance(q, Quotation)
        assert 0 <= q.start < q.end <= len(text)
        assert q.content_spans
        for s in q.content_spans:
            assert q.start < s.start < s.end <= q.end
            assert text[s.start : s.end] == s.text
            assert s.text == s.text.strip()
        assert text.startswith(q.open_mark, q.start)
        if q.close_mark is not None:
            assert text[q.end - len(q.close_mark) : q.end] == q.close_mark


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_property_no_overlap_at_same_depth_and_proper_nesting(text):
    qs = find_quotations(text)
    assert qs == sorted(qs, key=lambda q: (q.start, -q.end))
    for i, a in enumerate(qs):
        for b in qs[i + 1 :]:
            overlap = a.start < b.end and b.start < a.end
            if overlap:
                assert a.contains(b) and b.depth > a.depth
            if a.depth == b.depth:
                assert not overlap


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_property_paragraph_breaks_only_by_convention(text):
    starts = _paragraph_starts(text)
    marks = mark_table().marks
    for q in find_quotations(text):
        for b in starts:
            if q.start < b < q.end:
                # a quote only runs on into a paragraph that opens again with a mark
                assert text[b] in marks
        for s in q.content_spans:
            assert not any(s.start < b < s.end for b in starts)


def test_a_mark_added_to_the_table_is_honoured_by_every_stage(nlp, tmp_path):
    # one mark inventory: corner brackets added through a user's marks.tsv are quotation marks
    # for the finder, the direct stage and the clause rules alike
    from quoteattr.lexicon.marks import closing_marks, opening_marks, quote_marks
    from quoteattr.lexicon.tables import lexicon, read

    (tmp_path / "marks.tsv").write_text(read("marks.tsv") + "pair\t\u300c\t\u300d\tdouble\n", encoding="utf-8")
    text = "\u300cWe will win the vote,\u300d said the mayor."
    assert "\u300c" not in quote_marks()
    assert [q.kind for q in nlp(text).quotes] != ["direct"]
    with lexicon(tmp_path):
        assert "\u300c" in opening_marks() and "\u300d" in closing_marks() and "\u300d" in quote_marks()
        (q,) = nlp(text).quotes
        assert (q.kind, q.content_spans[0].text, q.speaker.text) == ("direct", "We will win the vote,", "the mayor")
