"""Odd input never crashes the pipeline, and every offset stays true to the text."""

import pytest

ODD = [
    '"', "“", "” ” “", '""""', 'He said "', "said", '"Yes," said.',
    "«Oui», a-t-il dit.", '😀 "Emoji 😀 quote," she said 😀.', '\x00\x01 control "x" he said',
    "A" * 3000, "According to", "According to him.", ', said he, "', 'مرحبا "quote" قال',
    '\t\t"Tabbed," Ms. Ito said.\r\n\r\n"Next," she said.',
    "\n".join(f'"Line {i}," he said.' for i in range(60)),
]


@pytest.fixture(scope="module")
def docs(nlp):
    return list(nlp.pipe(ODD, batch_size=8))


def test_offsets_are_true_to_the_text(docs):
    for doc in docs:
        ids = {e.id for e in doc.entities}
        for q in doc.quotes:
            assert 0 <= q.start < q.end <= len(doc.text)
            assert doc.text[q.start:q.end] == q.text
            for s in (*q.content_spans, q.cue, q.speaker):
                if s is not None:
                    assert doc.text[s.start:s.end] == s.text
            assert q.entity is None or q.entity in ids
        for e in doc.entities:
            for m in e.mentions:
                assert doc.text[m.start:m.end] == m.text


def test_many_quotes_each_keep_their_speaker(docs):
    doc = docs[-1]
    assert len(doc.quotes) == 60
    assert len({q.entity for q in doc.quotes}) == 1 and doc.quotes[0].entity is not None


def test_an_unclosed_quote_stops_at_its_paragraph(nlp):
    text = "“This quote is never closed, the reporter forgot.\n\nThe mayor said the road would reopen."
    doc = nlp(text)
    cut = text.index("\n\n")
    assert all(q.end <= cut or q.start > cut for q in doc.quotes)
    assert any(q.kind == "indirect" and "road would reopen" in q.content for q in doc.quotes)
