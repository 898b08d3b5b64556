"""Every kind of line end (\\r, \\r\\n, U+2028, U+2029, U+0085) ends lines and paragraphs like \\n."""

import pytest

from quoteattr.attribution.quotations import find_quotations, paragraph_spans

PARAGRAPHS = (
    "Ana Ruiz said: “We will win the final.",  # never closed
    "Tom Berg said on Monday that the deal was done: “It is signed.”",
    "Lena Okafor said: “We will lose it.”",
)
#: Paragraph breaks, each as long as "\n\n" so that offsets stay the same.
BREAKS = ("\r\r", "\u2028\u2028", "\u2029\u2029", "\u0085\u0085", "\n\r", "\u2029 ")


def _text(brk: str) -> str:
    return brk.join(PARAGRAPHS)


def _quotations(text: str) -> list[tuple[int, int, tuple[str, ...]]]:
    return [(q.start, q.end, tuple(s.text for s in q.content_spans)) for q in find_quotations(text)]


def test_newline_reference() -> None:
    # the unclosed quote ends with its paragraph; the later quotes are found
    assert [c for _, _, c in _quotations(_text("\n\n"))] == [
        ("We will win the final.",), ("It is signed.",), ("We will lose it.",)]


@pytest.mark.parametrize("brk", BREAKS, ids=repr)
def test_unclosed_quote_ends_with_its_paragraph(brk: str) -> None:
    assert _quotations(_text(brk)) == _quotations(_text("\n\n"))
    assert paragraph_spans(_text(brk)) == paragraph_spans(_text("\n\n"))


def test_crlf_gives_the_same_quotes_at_the_original_offsets() -> None:
    text = _text("\r\n\r\n")
    found = _quotations(text)
    assert [c for _, _, c in found] == [c for _, _, c in _quotations(_text("\n\n"))]
    for start, end, _ in found:
        assert text[start] == "“" and text[end - 1] in "”."


def test_single_line_breaks_of_every_kind_end_paragraphs() -> None:
    for brk in ("\n", "\r", "\r\n", "\u2028", "\u0085"):
        text = f"One.{brk}Two."
        assert paragraph_spans(text) == [(0, 4), (4 + len(brk), 8 + len(brk))], repr(brk)


@pytest.fixture(scope="module")
def pipeline():
    import quoteattr

    return quoteattr.Pipeline(download=False)


def _quotes(pipeline, text: str) -> list[tuple[int, int, str, str | None]]:
    doc = pipeline(text)
    names = {e.id: e.label for e in doc.entities}
    return [(q.start, q.end, q.kind, names.get(q.entity)) for q in doc.quotes]


@pytest.mark.parametrize("brk", ("\r\r", "\u2029\u2029", "\u2028\u2028", "\u0085\u0085"), ids=repr)
def test_extract_finds_the_same_quotes_as_with_newlines(pipeline, brk: str) -> None:
    reference = _quotes(pipeline, _text("\n\n"))
    assert len(reference) == 3
    assert _quotes(pipeline, _text(brk)) == reference
