"""Contract bugs of the linking package: a speaker found by surname, a bad store path named in the
error, and link results with the same tables and display as documents."""

import pytest

import quoteattr
from quoteattr import AttributedDocument


def _doc(doc_id, who):
    text = f'"The harbour will reopen on Monday," said {who}.'
    return AttributedDocument.from_dict({"id": doc_id, "text": text,
        "quotes": [{"id": "q1", "kind": "direct", "start": 0, "end": 36, "content_spans": [[1, 35]], "entity": "e1"}],
        "entities": [{"id": "e1", "name": who, "label": who, "type": "person"}]})


def test_quotes_of_finds_a_speaker_by_surname():
    with quoteattr.Corpus() as corpus:
        corpus.add([_doc("a", "Dana Miller")])
        assert [m.doc for m in corpus.quotes_of("Miller")] == ["a"]


def test_a_bad_store_path_names_the_path(tmp_path):
    bad = tmp_path / "no" / "such" / "folder" / "quotes.sqlite"
    with pytest.raises(quoteattr.QuoteattrError, match="quotes.sqlite"):
        quoteattr.Corpus(str(bad))


def test_link_results_have_records_and_a_display():
    result = quoteattr.link_documents([_doc("a", "Dana Miller"), _doc("b", "Dana Miller")])
    assert result.to_records() == quoteattr.to_records(result)
    assert result._repr_html_() == quoteattr.render(result)
