"""Bounded memory: no run longer than the limit reaches stanza's dependency parser, the tree
is one tree per piece, and the quotes of a very long sentence are still found."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from quoteattr.parsing.annotate import MAX_PARSE_WORDS, annotate

ROOT = Path(__file__).resolve().parent.parent

# One sentence of about 420 words: a quote at its start and a quote near its end.
LONG = ('"We will rebuild the bridge," said Ana Ruiz, '
        + ", ".join(f"after the council had met in district {i} with the engineers" for i in range(38))
        + ', and Tom Berg said: "The money is there."')


@pytest.fixture
def parser_sizes(nlp, monkeypatch):
    """The lengths of the sentences handed to stanza's dependency parser."""
    depparse = nlp.stanza.processors["depparse"]
    seen: list[int] = []
    original = depparse.process

    def spy(doc):
        seen.extend(len(s.words) for s in doc.sentences)
        return original(doc)

    monkeypatch.setattr(depparse, "process", spy)
    return seen


def assert_forest(sentence, pieces):
    """Every word reaches a root without a cycle, and there is one root per piece."""
    words = {w.id: w for w in sentence.words}
    assert sum(w.head == 0 for w in sentence.words) == len(pieces)
    for w in sentence.words:
        seen = set()
        while w.head != 0:
            assert w.head in words and w.id not in seen
            seen.add(w.id)
            w = words[w.head]


def test_a_long_sentence_reaches_the_parser_in_pieces(nlp, parser_sizes):
    doc = annotate(nlp.stanza, [LONG], max_words=60)[0]
    assert len(doc.sentences) == 1 and len(doc.sentences[0].words) > 400
    assert parser_sizes and max(parser_sizes) <= 60 and sum(parser_sizes) == len(doc.sentences[0].words)
    assert_forest(doc.sentences[0], parser_sizes)
    assert doc.text == LONG


def test_the_pieces_end_at_punctuation():
    from quoteattr.parsing.annotate import _cuts

    class W:
        def __init__(self, text):
            self.upos = "PUNCT" if text == "," else "NOUN"

    words = [W(t) for t in ("a b c , d e f g , h i j k l m".split())]
    assert list(_cuts(words, 6)) == [(0, 4), (4, 9), (9, 15)]


def test_short_sentences_are_parsed_whole(nlp, parser_sizes):
    text = "Ana Ruiz said the bridge would reopen. Tom Berg denied it."
    annotate(nlp.stanza, [text])
    assert sorted(parser_sizes) == [5, 8]


def test_the_quotes_of_a_very_long_sentence_are_found(nlp):
    assert len(LONG.split()) > MAX_PARSE_WORDS
    doc = nlp(LONG)
    got = {q.content_spans[0].text: q.speaker.text if q.speaker else None for q in doc.quotes if q.kind == "direct"}
    assert got == {"We will rebuild the bridge,": "Ana Ruiz", "The money is there.": "Tom Berg"}


@pytest.mark.parametrize("text", ['" ' * 1000, "word " * 3000])
def test_a_thousand_quote_marks_or_words_parse_in_little_memory(shared, text):
    """It took 3 GB (1,000 marks) and 45 GB (a long unpunctuated sentence) before the limit."""
    code = ("import json, resource, sys\n"
            "from quoteattr.pipeline import Pipeline\n"
            "nlp = Pipeline(download=False)\n"
            "nlp.parse('x')\n"
            "base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
            "doc = nlp.parse(sys.stdin.read())\n"
            "print(json.dumps([base, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,"
            " max(len(s.words) for s in doc.sentences)]))\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", code], input=text, capture_output=True, text=True, env=env,
                         check=True, timeout=600)
    base, peak, longest = json.loads(out.stdout.strip().splitlines()[-1])
    assert longest > 0
    assert (peak - base) / 1024 < 600, f"parsing took {(peak - base) / 1024:.0f} MB more"
