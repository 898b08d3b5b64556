"""HTML display and tables of attributed documents and linked clusters."""

import csv
import io
from html.parser import HTMLParser

import pytest

import quoteattr
from quoteattr.cli import main
from quoteattr.records import MEMBER_COLUMNS, QUOTE_COLUMNS


class _Tree(HTMLParser):
    """Elements with their classes, attributes and text, and the raw tags seen."""

    def __init__(self):
        super().__init__()
        self.elements, self.stack, self.tags = [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag in ("meta", "br", "link", "img", "hr"):
            return
        element = {"tag": tag, "attrs": dict(attrs), "class": set((dict(attrs).get("class") or "").split()),
                   "text": ""}
        self.elements.append(element)
        self.stack.append(element)

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1]["tag"] == tag, f"badly nested </{tag}>"
        self.stack.pop()

    def handle_data(self, data):
        for element in self.stack:
            element["text"] += data


def parse(html):
    tree = _Tree()
    tree.feed(html)
    tree.close()
    assert not tree.stack
    return tree


def test_seed_article_html_has_one_element_per_quote_with_kind_and_label(seed_docs):
    for name, doc in seed_docs.items():
        tree = parse(doc._repr_html_())
        quotes = [e for e in tree.elements if "qa-quote" in e["class"]]
        assert [e["attrs"]["data-quote"] for e in quotes] == [q.id for q in doc.quotes], name
        for element, q in zip(quotes, doc.quotes):
            label = doc.speaker_of(q).label if q.entity else (q.speaker.text if q.speaker else "unattributed")
            assert element["attrs"]["data-kind"] == q.kind and f"qa-{q.kind}" in element["class"]
            assert element["attrs"]["data-speaker"] == label and label in element["attrs"]["title"]
            assert element["text"].startswith(q.text[:20]) or q.kind != "direct"
        labels = {e["attrs"]["data-for"]: e["text"] for e in tree.elements if "qa-who" in e["class"]}
        assert set(labels) == {q.id for q in doc.quotes}
        cues = {e["text"] for e in tree.elements if "qa-cue" in e["class"] and e["tag"] == "span"}
        assert {q.cue.text for q in doc.quotes if q.cue} - {"cue"} <= cues
        mentions = {e["text"] for e in tree.elements if "qa-mention" in e["class"]}
        assert {q.speaker.text for q in doc.quotes if q.speaker} <= mentions | {"speaker mention"}
        rows = [e for e in tree.elements if e["tag"] == "tr" and "data-entity" in e["attrs"]]
        assert [r["attrs"]["data-entity"] for r in rows] == [e.id for e in doc.entities]
        assert "script" not in tree.tags and "link" not in tree.tags and "http" not in doc._repr_html_()
        assert quoteattr.render(doc) == doc._repr_html_()


def test_hostile_text_is_shown_escaped(nlp):
    text = '"<script>alert(1)</script> is fine," said Dr. <b>Evil</b> & co.'
    doc = nlp(text)
    html = quoteattr.render(doc)
    tree = parse(html)
    assert "script" not in tree.tags and "b" not in tree.tags
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    text_div = next(e for e in tree.elements if "qa-text" in e["class"])
    assert "<script>alert(1)</script>" in text_div["text"] and "<b>Evil</b>" in text_div["text"]


def test_seed_quotes_as_a_table_and_as_csv(seed_docs, shared):
    pd = pytest.importorskip("pandas")
    docs = list(seed_docs.values())
    frame = quoteattr.to_pandas(docs)
    assert list(frame.columns) == list(QUOTE_COLUMNS)
    assert len(frame) == sum(len(d.quotes) for d in docs)
    first = docs[0]
    assert list(first.to_pandas()["quote"]) == [q.id for q in first.quotes]
    assert isinstance(frame, pd.DataFrame)
    out = io.StringIO()
    paths = [str(shared / "seeds" / f"{name}.txt") for name in seed_docs]
    assert main(["extract", "--format", "csv", *paths], stdout=out) == 0
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    expected = [{k: "" if v is None else str(v) for k, v in r.items()} for d in docs for r in d.to_records()]
    assert rows == expected


def test_to_pandas_names_the_extra_when_pandas_is_missing(monkeypatch):
    import builtins

    real = builtins.__import__

    def no_pandas(name, *args, **kwargs):
        if name == "pandas":
            raise ImportError("No module named 'pandas'")
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pandas)
    doc = quoteattr.AttributedDocument("d", "No quotes.")
    with pytest.raises(ImportError, match=r"quoteattr\[pandas\]"):
        doc.to_pandas()


def _record(doc_id, text, said, who, date=None):
    s = text.index(said)
    data = {"id": doc_id, "text": text, "date": date,
            "quotes": [{"id": "q1", "kind": "direct", "start": s - 1, "end": s + len(said) + 1,
                        "content_spans": [[s, s + len(said)]], "entity": "e1"}],
            "entities": [{"id": "e1", "name": who, "label": who, "type": "person", "organization": "Harbour Board"}]}
    return quoteattr.AttributedDocument.from_dict(data)


def test_clusters_render_as_a_table_and_as_records():
    said = "The harbour will reopen to <all> ships on Monday morning"
    docs = [_record("a", f'Mayor Jo Park said: "{said}."', said, "Jo Park", "2024-03-01"),
            _record("b", f'"{said}," Park said.', said, "Jo Park", "2024-03-02"),
            _record("c", f'"{said}," Ed Moss said.', said, "Ed Moss", "2024-03-03")]
    result = quoteattr.link_documents(docs)
    tree = parse(quoteattr.render(result))
    rows = [e for e in tree.elements if e["tag"] == "tr" and "data-cluster" in e["attrs"]]
    assert len(rows) == len(result.clusters) == 1
    assert "conflict" in rows[0]["text"] and "2024-03-02" in rows[0]["text"] and "<all>" in rows[0]["text"]
    records = quoteattr.to_records(result)
    assert [(r["doc"], r["date"], r["conflict"]) for r in records] == [
        ("a", "2024-03-01", True), ("b", "2024-03-02", True), ("c", "2024-03-03", True)]
    assert all(list(r) == list(MEMBER_COLUMNS) for r in records)
    with quoteattr.Corpus() as corpus:
        corpus.add(docs)
        assert quoteattr.to_records(corpus) == records
        assert quoteattr.render(corpus.find(said)).count("data-cluster=") == 1


def test_extract_writes_an_html_page(tmp_path, nlp):
    art = tmp_path / "art.txt"
    art.write_text('"We are ready," the coach said.', encoding="utf-8")
    page = tmp_path / "out.html"
    out = io.StringIO()
    assert main(["extract", "--html", str(page), str(art)], stdout=out) == 0
    assert out.getvalue() == ""
    tree = parse(page.read_text(encoding="utf-8"))
    assert [e["attrs"]["data-kind"] for e in tree.elements if "qa-quote" in e["class"]] == ["direct"]
