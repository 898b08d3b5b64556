"""Speaker and clause rules for parses the compact models produce on real news, pinned down on
hand-written dependency trees (so the tests do not depend on what the parser does with our own
sentences)."""

from __future__ import annotations

from stanza.utils.conll import CoNLL

from quoteattr import attribute


def tree(text: str, rows: list[tuple[str, str, str, int, str]]):
    """A stanza Document of one sentence from (form, lemma, upos, head, deprel) rows."""
    lines, pos = [f"# text = {text}"], 0
    for i, (form, lemma, upos, head, rel) in enumerate(rows, 1):
        start = text.index(form, pos)
        pos = start + len(form)
        lines.append(f"{i}\t{form}\t{lemma}\t{upos}\t_\t_\t{head}\t{rel}\t_\tstart_char={start}|end_char={pos}")
    doc = CoNLL.conll2doc(input_str="\n".join(lines) + "\n\n")
    doc.text = text
    return doc


def test_subject_behind_a_misparsed_after():
    # "after" hung on "Okafor" as a case marker: Okafor is still the subject of "said"
    text = "Protesters left shortly after Okafor said the port would close."
    doc = tree(text, [
        ("Protesters", "protester", "NOUN", 2, "nsubj"), ("left", "leave", "VERB", 0, "root"),
        ("shortly", "shortly", "ADV", 6, "advmod"), ("after", "after", "ADP", 5, "case"),
        ("Okafor", "Okafor", "PROPN", 6, "nsubj"), ("said", "say", "VERB", 2, "parataxis"),
        ("the", "the", "DET", 8, "det"), ("port", "port", "NOUN", 10, "nsubj"),
        ("would", "would", "AUX", 10, "aux"), ("close", "close", "VERB", 6, "ccomp"), (".", ".", "PUNCT", 2, "punct"),
    ])
    (q,) = attribute(doc).quotes
    assert (q.content, q.speaker.text) == ("the port would close", "Okafor")


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
