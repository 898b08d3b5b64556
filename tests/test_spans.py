"""Content spans hold the reported clause and nothing else (issue 13: span boundaries)."""

import re

import pytest

pytestmark = pytest.mark.models


@pytest.mark.parametrize("text, content", [
    ("Democrats argue that the plan would fail, which the court has already put on hold.",
     "the plan would fail"),
    ("The mayor said the bridge would reopen in May, though she conceded that the work was late.",
     "the bridge would reopen in May"),
    ("The mayor said the ferry would stop at the border, forcing drivers to wait for hours.",
     "the ferry would stop at the border"),
    ("The mayor said the bridge, which opened in 1961, would close for repairs.",
     "the bridge, which opened in 1961, would close for repairs"),
    ("The mayor said the ferry would keep running while the bridge was closed.",
     "the ferry would keep running while the bridge was closed"),
])
def test_a_trailing_aside_set_off_by_a_comma_is_the_writers(nlp, text, content):
    assert [q.content for q in nlp(text).quotes if q.cue.text in ("said", "argue")] == [content]


@pytest.mark.parametrize("text, spans", [
    ("Too often, Mr. Varga said, the rules favour the owners.", ["Too often", "the rules favour the owners"]),
    ("Back in Virginia, the mayor said, the plant ran well for years.",
     ["Back in Virginia", "the plant ran well for years"]),
    ("In a statement, the mayor said the plan had failed.", ["the plan had failed"]),
    ("Holding up the report, the mayor said, the plan had failed.", ["the plan had failed"]),
])
def test_a_parenthetical_cue_reports_the_clause_it_interrupts(nlp, text, spans):
    (q,) = [q for q in nlp(text).quotes if q.kind == "indirect"]
    assert [s.text for s in q.content_spans] == spans


def test_a_quotation_after_a_parenthetical_cue_is_the_words_said(nlp):
    doc = nlp("Asked about the delay, the mayor said, “We will open in May.”")
    assert [q.content for q in doc.quotes] == ["We will open in May."]


def test_an_embedded_question_keeps_its_whether(nlp):
    (q,) = nlp("The mayor asked whether the ferry would run in May.").quotes
    assert q.content == "whether the ferry would run in May"


def test_a_passive_cue_reports_its_subject_with_the_to_clause(nlp):
    (q,) = nlp("The new ferry is expected to arrive in May.").quotes
    assert [s.text for s in q.content_spans] == ["The new ferry", "to arrive in May"]


@pytest.mark.parametrize("text, content", [
    ("The senator praised the new quay at a rally in Valmara on Monday.", "the new quay"),
    ("The mayor discussed his commitment to improving care for veterans.",
     "his commitment to improving care for veterans"),
    ("The dockers union endorsed Whitlock in early June.", "Whitlock"),
])
def test_a_reported_noun_phrase_stops_before_the_occasion_it_was_said_on(nlp, text, content):
    (q,) = nlp(text).quotes
    assert q.content == content


def test_a_quoted_report_stops_before_the_speaker_that_follows_it(nlp):
    (q,) = nlp("The plan is “a disaster for the island,” Ana Ruiz, one of the owners suing the council, said.").quotes
    assert q.kind == "mixed" and q.content == "The plan is “a disaster for the island,”"
    assert q.speaker.text.startswith("Ana Ruiz")


@pytest.mark.parametrize("text, cue, spans", [
    ("The council approved a new toll, which the mayor said was unfair to ferry workers.", "said",
     ["which", "was unfair to ferry workers"]),
    ("The harbour plan includes what its authors describe as a fresh start for the docks.", "describe",
     ["what", "as a fresh start for the docks"]),
])
def test_a_relative_clause_cue_reports_its_relative_pronoun_too(nlp, text, cue, spans):
    """The pronoun stands for the part of the content the relative clause leaves out; the
    speaker and cue between it and the rest are not content."""
    qs = [q for q in nlp(text).quotes if q.cue.text == cue]
    assert [[s.text for s in q.content_spans] for q in qs] == [spans]


def test_a_relative_clause_cue_with_its_own_complementizer_reports_the_clause_only(nlp):
    (q,) = [q for q in nlp("The port sold the pier, which critics argued that the city still owned.").quotes
            if q.cue.text == "argued"]
    assert q.content == "the city still owned"


def test_a_relative_pronoun_that_is_the_speaker_is_no_content(nlp):
    (q,) = nlp("The fine angered Lena Fisk, who said the rules favour the owners.").quotes
    assert q.content == "the rules favour the owners"
    assert q.speaker.text == "who"


@pytest.mark.parametrize("text, spans", [
    ("At the rally in Valmara, where the mayor grew up, the senator said the port would reopen in May.",
     ["the port would reopen in May"]),
    ("In the long run, the engineers say, the bridge will need new cables.",
     ["In the long run", "the bridge will need new cables"]),
])
def test_only_a_parenthetical_cue_reports_the_words_before_it(nlp, text, spans):
    """"S1, X said, S2" reports S1 too; before "X said S" the words are the writer's."""
    (q,) = nlp(text).quotes
    assert [s.text for s in q.content_spans] == spans


def test_a_cue_verb_joined_to_the_reported_clause_is_the_speakers_second_act(nlp):
    """"X said S and praised Y": the praise is not part of what was said, and X praised."""
    quotes = nlp("The mayor said the port will reopen in May and praised the dock workers.").quotes
    assert [(q.cue.text, q.content, q.speaker.text) for q in quotes] == [
        ("said", "the port will reopen in May", "The mayor"),
        ("praised", "the dock workers", "The mayor"),
    ]


def test_a_verb_of_the_same_form_as_the_reported_one_stays_in_the_clause(nlp):
    (q,) = nlp("The mayor said the council would meet and discuss the budget.").quotes
    assert q.content == "the council would meet and discuss the budget"


def test_call_with_a_quoted_name_after_its_object_is_one_mixed_quote(nlp):
    """"called X “Y”": the quoted name is the second object whatever label the parser gave it."""
    (q,) = nlp("The senator called Whitlock “unhinged.”").quotes
    assert (q.kind, q.content_spans[0].text, q.cue.text) == ("mixed", "Whitlock “unhinged.”", "called")


@pytest.mark.parametrize("text, content", [
    ("Whitlock says if elected mayor “I will work closely with the council.”",
     "if elected mayor “I will work closely with the council.”"),
    ("The mayor said when the port reopens the fares will fall.", "when the port reopens the fares will fall"),
])
def test_a_condition_between_the_cue_and_its_clause_opens_what_was_said(nlp, text, content):
    (q,) = nlp(text).quotes
    assert q.content == content


@pytest.mark.parametrize("text, content", [
    ("The mayor said Thursday that the port would reopen.", "the port would reopen"),
    ("The mayor said Saturday would be a holiday.", "Saturday would be a holiday"),
])
def test_a_time_word_right_after_the_cue_is_when_it_was_said(nlp, text, content):
    (q,) = nlp(text).quotes
    assert q.content == content


@pytest.mark.parametrize("text, content", [
    ("The senator told a town hall in Bayport on Monday that the port is “peanuts.”", "the port is “peanuts.”"),
    ("The mayor tells the harbour radio show that the ferry will run.", "the ferry will run"),
])
def test_the_hearer_of_tell_before_that_is_not_what_was_said(nlp, text, content):
    (q,) = nlp(text).quotes
    assert q.content == content


def test_a_clause_with_a_finite_copula_is_reported_whole_despite_its_to(nlp):
    (q,) = nlp("Ann Lee says the only way to save the ferry line may be to rally behind the mayor.").quotes
    assert q.content == "the only way to save the ferry line may be to rally behind the mayor"


@pytest.mark.parametrize("text, content", [
    ("The union vowed not to return to the table.", "not to return to the table"),
    ("The union did not vow to return to the table.", "to return to the table"),
])
def test_a_not_before_the_to_clause_is_part_of_what_was_vowed(nlp, text, content):
    (q,) = nlp(text).quotes
    assert q.content == content


def _direct(text, quoted, cue, speaker):
    """A direct candidate of ``quoted`` (its marks around it in ``text``) with its cue and speaker."""
    from quoteattr.model import Candidate, Span

    at = text.index(quoted)
    span = lambda s: Span.of(text, text.index(s), text.index(s) + len(s))  # noqa: E731
    return Candidate("direct", at - 1, at + len(quoted) + 1, [Span.of(text, at, at + len(quoted))],
                     cue=span(cue), speaker=span(speaker))


@pytest.mark.parametrize("text, quoted, cue, content", [
    # the quotation carries on the clause the words after the cue begin, and the rest of the sentence on
    ("The mayor called the new fares “a scandal” for a small town.", "a scandal", "called",
     "the new fares “a scandal” for a small town"),
    ("The mayor said the ferry plan is “a waste of money.”", "a waste of money.", "said",
     "the ferry plan is “a waste of money."),
    # after "that" the quotation is what was said; after a colon or a comma, or right after the cue, too
    ("The mayor said on Monday that “the damage is done.”", "the damage is done.", "said", None),
    ("The mayor told reporters: “the damage is done.”", "the damage is done.", "told", None),
    ("The mayor said, “the damage is done.”", "the damage is done.", "said", None),
    ("The mayor said “the damage is done.”", "the damage is done.", "said", None),
    # a capital letter opens words said of their own
    ("The mayor told reporters “The damage is done.”", "The damage is done.", "told", None),
])
def test_a_quotation_opening_in_lower_case_continues_the_words_after_its_cue(text, quoted, cue, content):
    from quoteattr.attribution.merge import combine

    d = _direct(text, quoted, cue, "The mayor")
    (out,) = combine([d], [], None, text, [(0, len(text))])
    assert (out.kind, out.content_spans[0].text) == (("mixed", content) if content else ("direct", quoted))


def test_a_quotation_continuing_the_words_after_its_cue_takes_the_later_fragments_of_the_cue():
    from quoteattr.attribution.merge import combine

    text = "The mayor described Lee as “a reckless man” and “a bully.”"
    first, second = _direct(text, "a reckless man", "described", "The mayor"), _direct(text, "a bully.", "described", "The mayor")
    (out,) = combine([first, second], [], None, text, [(0, len(text))])
    assert (out.kind, [s.text for s in out.content_spans]) == ("mixed", ["Lee as “a reckless man” and “a bully.”"])


@pytest.mark.parametrize("text, quoted, content", [
    # the first words of the sentence begin the clause the quotation carries on, its cue after it
    ("The new ferry “is a waste of money,” the mayor said.", "is a waste of money,",
     "The new ferry “is a waste of money,"),
    ("For now, the ferry “is a waste of money,” the mayor said.", "is a waste of money,",
     "For now, the ferry “is a waste of money,"),
    # a capital letter opens words said of their own; a colon or a dash introduces them
    ("For now, “The ferry is a waste,” the mayor said.", "The ferry is a waste,", None),
    ("One thing is clear: “the ferry is a waste,” the mayor said.", "the ferry is a waste,", None),
    ("One thing is clear — “the ferry is a waste,” the mayor said.", "the ferry is a waste,", None),
])
def test_a_quotation_opening_in_lower_case_continues_the_first_words_of_its_sentence(text, quoted, content):
    from quoteattr.attribution.merge import combine

    d = _direct(text, quoted, "said", "the mayor")
    (out,) = combine([d], [], None, text, [(0, len(text))])
    assert (out.kind, out.content_spans[0].text) == (("mixed", content) if content else ("direct", quoted))


def test_words_before_a_quotation_with_a_cue_of_their_own_are_a_report_of_their_own():
    from quoteattr.attribution.merge import combine
    from quoteattr.model import Candidate, Span

    text = "Lee said the plan failed and the ferry “is a waste of money,” the mayor added."
    d = _direct(text, "is a waste of money,", "added", "the mayor")
    at, end = text.index("the plan"), text.index(" and")
    r = Candidate("indirect", at, end, [Span.of(text, at, end)], cue=Span.of(text, 4, 8), speaker=Span.of(text, 0, 3))
    out = combine([d], [r], None, text, [(0, len(text))])
    assert [c.kind for c in out if c.content_spans[0].text.startswith("is a")] == ["direct"]


def test_a_quotation_the_parser_cut_from_its_clause_is_one_mixed_quote(nlp):
    (q,) = nlp("The mayor has in the past described Lee as “a reckless and vain man” for a small town.").quotes
    assert (q.kind, q.content, q.speaker.text) == ("mixed", "Lee as “a reckless and vain man” for a small town",
                                                   "The mayor")


@pytest.mark.parametrize("gloss, cut", [
    ("the/the/DET/DT/12/det owner/owner/NOUN/NN/9/appos", True),  # "…Tom Berg, the owner of the yard"
    ("Tom/Tom/PROPN/NNP/12/compound Berg/Berg/PROPN/NNP/9/appos", False),  # "…the owner, Tom Berg": a name
    ("the/the/DET/DT/12/det owner/owner/NOUN/NN/9/obj", False),  # not in apposition
    ("a/a/DET/DT/12/det lawyer/lawyer/NOUN/NN/7/obl", True),  # "…, a lawyer of the yard", whatever its label
    ("a/a/DET/DT/12/det lawyer/lawyer/NOUN/NN/9/conj", False),  # an item of a list
])
def test_a_trailing_gloss_opened_by_an_article_is_the_writers(gloss, cut):
    from trees import tree

    from quoteattr.attribution._clauses import without_trailing_asides
    from quoteattr.parsing.tree import Tree

    head = gloss.split()[-1].split("/")[0]
    text = f"The mayor said she had not met the yard man , {gloss.split()[0].split('/')[0]} {head} of the yard ."
    items = ("The/the/DET/DT/2/det mayor/mayor/NOUN/NN/3/nsubj said/say/VERB/VBD/0/root "
             "she/she/PRON/PRP/7/nsubj had/have/AUX/VBD/7/aux not/not/PART/RB/7/advmod met/meet/VERB/VBN/3/ccomp "
             "yard/yard/NOUN/NN/9/compound man/man/NOUN/NN/7/obj ,/,/PUNCT/,/12/punct "
             f"{gloss} of/of/ADP/IN/15/case the/the/DET/DT/15/det yard/yard/NOUN/NN/12/nmod ././PUNCT/./3/punct")
    s = Tree.of(0, tree(text, items).sentences[0])
    content = set(range(4, 16))
    assert (without_trailing_asides(s, content) == set(range(4, 10))) is cut


def _quote(text, quoted, entity, cue=None):
    """A resolved direct quote of ``quoted`` (its marks around it in ``text``) by ``entity``."""
    from quoteattr.model import Quote, Span

    at = text.index(quoted)
    c = Span.of(text, text.index(cue), text.index(cue) + len(cue)) if cue else None
    return Quote("q", "direct", at - 1, at + len(quoted) + 1, text[at - 1 : at + len(quoted) + 1],
                 [Span.of(text, at, at + len(quoted))], cue=c, entity=entity)


@pytest.mark.parametrize("text, speakers, joined", [
    ("“We will reopen in May,” the mayor said.\n\n“The work is nearly done.”\n\nThe council meets today.",
     ("e1", "e1"), True),
    # a turn of an exchange: another speaker
    ("“We will reopen in May,” the mayor said.\n\n“The work is nearly done.”", ("e1", "e2"), False),
    # the second quotation has words of its own around it, or the first one no attribution after it
    ("“We will reopen in May,” the mayor said.\n\n“The work is nearly done,” she added.", ("e1", "e1"), False),
    ("“We will reopen in May,” the mayor said.\n\nAsked about it: “The work is nearly done.”", ("e1", "e1"), False),
    ("The mayor said: “We will reopen in May,”\n\n“The work is nearly done.”", ("e1", "e1"), False),
    # in the same paragraph, right after the sentence of the attribution
    ("“We will reopen in May,” the mayor said on Monday. “The work is nearly done.”", ("e1", "e1"), True),
    ("“We will reopen in May,” the mayor said. “The work is nearly done.”", ("e1", "e2"), False),
    ("“We will reopen in May,” the mayor said, “The work is nearly done.”", ("e1", "e1"), False),
])
def test_a_quotation_filling_the_next_paragraph_carries_the_attributed_quote_on(text, speakers, joined):
    from quoteattr.attribution.merge import join_continued

    first = _quote(text, "We will reopen in May,", speakers[0], "said")
    second = _quote(text, "The work is nearly done", speakers[1], "added" if "added" in text else None)
    out = join_continued(text, [first, second])
    pieces = ["We will reopen in May,", "The work is nearly done"]
    assert [[s.text for s in q.content_spans] for q in out] == ([pieces] if joined else [[p] for p in pieces])
    assert [q.id for q in out] == (["q1"] if joined else ["q", "q"])


@pytest.mark.parametrize("text, speaker, joined", [
    # a report read inside the attribution ('who backed him', 'referring to …') stands between the
    # two quotations; the resolver may have given the second one the report's speaker
    ("“We will reopen in May,” said Ann Lee, a nurse who backed the plan. “The work is nearly done.”", "e1", True),
    ("“We will reopen in May,” said Ann Lee, a nurse who backed the plan. “The work is nearly done.”", "e2", True),
    ("“We will reopen in May,” said Ann Lee, a nurse who backed the plan.\n\n“The work is nearly done.”", None, True),
    # the report is a sentence of its own after the attribution: the quotation stays apart
    ("“We will reopen in May,” said Ann Lee. Lee backed the plan. “The work is nearly done.”", "e1", False),
    # another speaker than the quote's and the report's: a turn of an exchange
    ("“We will reopen in May,” said Ann Lee, a nurse who backed the plan. “The work is nearly done.”", "e3", False),
])
def test_a_quotation_carries_a_quote_on_across_a_report_inside_its_attribution(text, speaker, joined):
    from quoteattr.attribution.merge import join_continued
    from quoteattr.model import Quote, Span

    first = _quote(text, "We will reopen in May,", "e1", "said")
    at, cue = text.index("the plan"), text.index("backed")
    report = Quote("q", "indirect", at, at + 8, "the plan", [Span.of(text, at, at + 8)],
                   cue=Span.of(text, cue, cue + 6), entity="e2")
    second = _quote(text, "The work is nearly done.", speaker)
    ends = [m.end() for m in re.finditer(r"\.\s", text)] + [len(text)]
    sentences, start = [], 0
    for end in ends:
        sentences.append((start, end))
        start = end
    out = join_continued(text, [first, report, second], sentences)
    assert [[s.text for s in q.content_spans] for q in out] == (
        [["We will reopen in May,", "The work is nearly done."], ["the plan"]] if joined
        else [["We will reopen in May,"], ["the plan"], ["The work is nearly done."]])
    assert join_continued(text, [first, report, second]) == [first, report, second]  # no sentences, no join


@pytest.mark.parametrize("text, joined", [
    # a report attributed after its words: the quotation after the attribution carries it on
    ("Also, the bridge will not open in May, the mayor said. “The work is far from done.”", True),
    ("The bridge “will not open in May,” the mayor said.\n\n“The work is far from done.”", True),
    # a report whose cue opens it leaves no attribution between the two: a quotation of its own
    ("The mayor said the bridge will not open in May. “The work is far from done.”", False),
])
def test_a_quotation_after_the_attribution_of_a_report_carries_the_report_on(text, joined):
    from quoteattr.attribution.merge import join_continued
    from quoteattr.model import Quote, Span

    words = "the bridge will not open in May" if "“will" not in text else "The bridge “will not open in May,”"
    at = text.index(words)
    cue = text.index("said")
    report = Quote("q", "indirect", at, at + len(words), words, [Span.of(text, at, at + len(words))],
                   cue=Span.of(text, cue, cue + 4), entity="e1")
    second = _quote(text, "The work is far from done.", "e1")
    out = join_continued(text, [report, second])
    assert [[s.text for s in q.content_spans] for q in out] == (
        [[words, "The work is far from done."]] if joined else [[words], ["The work is far from done."]])
    assert [q.kind for q in out] == (["mixed"] if joined else ["indirect", "direct"])


@pytest.mark.parametrize("text, content", [
    ("Officers favored Ruiz 48 percent to 31 percent.", "Ruiz"),
    ("Older voters preferred Lee 55 percent to 21 percent.", "Lee"),
    ("Sailors backed Lee, 58 percent to 23 percent.", "Lee"),
])
def test_a_polls_score_after_the_object_is_no_part_of_it(nlp, text, content):
    assert [q.content for q in nlp(text).quotes] == [content]


def test_a_clause_keeps_its_score(nlp):
    (q,) = nlp("The poll showed Lee leading Ruiz 47 percent to 43 percent.").quotes
    assert q.content == "Lee leading Ruiz 47 percent to 43 percent"


@pytest.mark.parametrize("text, content", [
    ("Clinton Calls Sanders Unqualified; \nSenator sharpens attacks as test looms", "Sanders Unqualified"),
    ("Putin says praise from Trump helps Russia; \nAfter the debate, the candidate holds the spotlight",
     "praise from Trump helps Russia"),
])
def test_a_headlines_content_stops_at_the_line_break(nlp, text, content):
    assert [q.content for q in nlp(text).quotes] == [content]


def test_a_quotation_on_the_next_line_goes_on_with_the_content(nlp):
    (q,) = nlp("The mayor cited the words of the engineer:\n“The pier is safe.”").quotes
    assert q.content.endswith("“The pier is safe.”")


def test_a_clause_before_its_cue_stops_at_the_line_break_before_it(nlp):
    doc = nlp("Mayor Vows Action On Ferries\nRuiz will hold a vote in May, according to the council.")
    assert [q.content for q in doc.quotes if q.cue.text == "according to"] == ["Ruiz will hold a vote in May"]


@pytest.mark.parametrize("text", [
    "“The queue was a disgrace,” said Ann Kerr, a nurse who waited in an “endless line” at the school.",
    "“The queue was a disgrace,” said Ann Kerr, who had heard about the “two-hour wait” from friends.",
    "“The queue was a disgrace,” Ann Kerr told Harbour Radio’s “Daybreak” on Monday.",
])
def test_a_quotation_inside_a_noun_phrase_of_the_attribution_is_no_quote(nlp, text):
    assert [q.content for q in nlp(text).quotes] == ["The queue was a disgrace,"]


def test_a_lower_case_quotation_after_the_words_of_the_cue_continues_them(nlp):
    doc = nlp("“We are ready,” the mayor said, introducing Ann Kerr as a “tireless worker for the port.”")
    assert "tireless worker for the port." in " ".join(q.content for q in doc.quotes)


@pytest.mark.parametrize("text, quotes", [
    # whom or what the cue was said to or about, before a colon: the quotation is what was said
    ("The mayor called them on it: “You have no money left for the ferry.”",
     [["You have no money left for the ferry."]]),
    ("The mayor said about the ferry: “We have no money left.”", [["We have no money left."]]),
    # a reported clause before the colon: the quotation goes on with it
    ("Ms. Lee said that given the choice between the two plans:\n\n“We would take the bridge. It is cheaper.”",
     [["that given the choice between the two plans", "We would take the bridge. It is cheaper."]]),
    # an object noun phrase stays a report of its own
    ("The mayor listed the reasons for the delay: “We have no money and no staff.”",
     [["the reasons for the delay"], ["We have no money and no staff."]]),
])
def test_a_report_before_a_colon_gives_way_to_the_quotation_of_its_cue(nlp, text, quotes):
    assert [[s.text for s in q.content_spans] for q in nlp(text).quotes] == quotes


@pytest.mark.parametrize("text, pieces", [
    ("The crowd was chanting “Open the port” and “Save the ferry” until midnight.", ["Open the port", "Save the ferry"]),
    ("The mayor kept telling them, “We are nearly there,” and, “The money is coming.”",
     ["We are nearly there,", "The money is coming."]),
])
def test_quotations_of_one_cue_joined_by_a_coordinator_are_one_quote(nlp, text, pieces):
    assert [[s.text for s in q.content_spans] for q in nlp(text).quotes if q.kind == "direct"] == [pieces]


def test_a_report_that_runs_into_the_attribution_of_a_quote_stops_before_it(nlp):
    # the report opens inside the quotation and ends with its cue: no words of its own are left
    doc = nlp("“Nobody knows what the plan is. Who would?” the mayor asked, according to a record of the meeting.")
    assert [(q.kind, q.content) for q in doc.quotes] == [("direct", "Nobody knows what the plan is. Who would?")]


@pytest.mark.parametrize("words, content", [
    ("if the port would reopen, he laughed and said", "if the port would reopen"),
    ("when he said", None),
])
def test_a_report_cut_before_the_attribution_of_a_quote_keeps_what_comes_before(words, content):
    from quoteattr.attribution import merge
    from quoteattr.model import Candidate, Span

    text = f"Lee was asked {words}, “We will see.”"
    at, cue, he = text.index(words), text.index("said"), text.rindex(" he ") + 1
    quote = text.index("We will see.")
    report = Candidate("indirect", at, at + len(words), [Span.of(text, at, at + len(words))],
                       cue=Span.of(text, text.index("asked"), text.index("asked") + 5))
    direct = Candidate("direct", quote - 1, len(text), [Span.of(text, quote, quote + 12)],
                       cue=Span.of(text, cue, cue + 4), speaker=Span.of(text, he, he + 2))
    m = merge._cut_at_quote_attributions(merge._Merge(directs=(direct,), reports=(report,), text=text))
    assert [c.content_spans[0].text for c in m.reports] == ([content] if content else [])


@pytest.mark.parametrize("text, pieces", [
    # the comma after the cue left out: the quotation after it still goes on with the one before
    ("“We are ready for winter,” the mayor said “The ferry will run every day.”",
     [["We are ready for winter,", "The ferry will run every day."]]),
    # a title-cased quotation there names the hearer or the show
    ("“We are ready for winter,” the mayor told “Harbour Radio Today.”", [["We are ready for winter,"]]),
])
def test_a_quotation_right_after_the_cue_of_a_quote_continues_it(nlp, text, pieces):
    assert [[s.text for s in q.content_spans] for q in nlp(text).quotes if q.kind == "direct"] == pieces
