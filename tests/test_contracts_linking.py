"""Contract bugs of the linking package (quoteattr/linking/*, owned elsewhere in this session).

Each is marked ``xfail(strict=True)`` until the change listed in its reason lands: then the test
passes, strict xfail turns that into a failure, and the marker must be removed.
"""

import pytest

import quoteattr
from quoteattr import AttributedDocument


def _doc(doc_id, who):
    text = f'"The harbour will reopen on Monday," said {who}.'
    return AttributedDocument.from_dict({"id": doc_id, "text": text,
        "quotes": [{"id": "q1", "kind": "direct", "start": 0, "end": 36, "content_spans": [[1, 35]], "entity": "e1"}],
        "entities": [{"id": "e1", "name": who, "label": who, "type": "person"}]})


@pytest.mark.xfail(strict=True, reason="store.Corpus.speaker_ids should match a person's surname alone")
def test_quotes_of_finds_a_speaker_by_surname():
    with quoteattr.Corpus() as corpus:
        corpus.add([_doc("a", "Dana Miller")])
        assert [m.doc for m in corpus.quotes_of("Miller")] == ["a"]


@pytest.mark.xfail(strict=True, reason="store.Corpus should raise a QuoteattrError naming the path")
def test_a_bad_store_path_names_the_path(tmp_path):
    bad = tmp_path / "no" / "such" / "folder" / "quotes.sqlite"
    with pytest.raises(quoteattr.QuoteattrError, match="quotes.sqlite"):
        quoteattr.Corpus(str(bad))


@pytest.mark.xfail(strict=True, reason="LinkResult and Corpus should get to_records/to_pandas/_repr_html_ "
                                       "delegating to quoteattr.records and quoteattr.display")
def test_link_results_have_records_and_a_display():
    result = quoteattr.link_documents([_doc("a", "Dana Miller"), _doc("b", "Dana Miller")])
    assert result.to_records() == quoteattr.to_records(result)
    assert result._repr_html_() == quoteattr.render(result)
