"""Streaming a corpus: order, ids, metadata, laziness, the three error modes, progress, logging."""

import datetime
import logging

import pytest

import quoteattr
from quoteattr import DocumentError

GOOD_A = '"We will open the port on Monday," said harbour master Ines Moreau.'
GOOD_B = "The union said the strike would go on."
MIXED = [
    (GOOD_A, {"id": "port", "source": "Coast News", "date": datetime.date(2024, 3, 1), "section": "local"}),
    "",
    b"\xff\xfe\x00 broken bytes",
    (GOOD_B, {"id": "union"}),
    "   \n ",
]


def test_record_mode_keeps_order_ids_metadata_and_errors(nlp):
    docs = list(nlp.pipe(MIXED, progress=False))
    assert [d.id for d in docs] == ["port", "doc1", "doc2", "union", "doc4"]
    port, empty, broken, union, blank = docs
    assert (port.source, port.date, port.metadata) == ("Coast News", "2024-03-01", {"section": "local"})
    assert port.error is None and port.quotes[0].kind == "direct"
    assert union.error is None and union.quotes[0].kind == "indirect" and union.metadata == {}
    assert empty.error == "empty document" and blank.error == "empty document" and empty.quotes == ()
    assert broken.error.startswith("not valid UTF-8") and broken.quotes == ()
    assert port.to_dict()["metadata"] == {"section": "local"}
    assert "error" not in port.to_dict() and broken.to_dict()["error"] == broken.error


def test_skip_mode_drops_bad_documents_with_a_warning(nlp, caplog):
    with caplog.at_level(logging.WARNING, logger="quoteattr"):
        docs = list(nlp.pipe(MIXED, errors="skip", progress=False))
    assert [d.id for d in docs] == ["port", "union"]
    warned = [r.getMessage() for r in caplog.records if r.name == "quoteattr"]
    assert len(warned) == 3 and "doc2: not valid UTF-8" in warned[1]


def test_raise_mode_raises_at_the_bad_document_after_yielding_the_ones_before(nlp):
    out = nlp.pipe(MIXED, errors="raise", progress=False, batch_size=1)
    assert next(out).id == "port"
    with pytest.raises(DocumentError, match="empty document"):
        next(out)


def test_ids_are_given_one_per_document(nlp):
    docs = list(nlp.pipe([GOOD_A, GOOD_B], ids=["a", "b"], progress=False))
    assert [d.id for d in docs] == ["a", "b"]
    with pytest.raises(ValueError, match="fewer ids"):
        list(nlp.pipe([GOOD_A, GOOD_B], ids=["a"], progress=False))
    with pytest.raises(ValueError, match="more ids"):
        list(nlp.pipe([GOOD_A], ids=["a", "b"], progress=False))


def test_a_single_string_is_not_a_corpus(nlp):
    with pytest.raises(TypeError, match="wrap it in a list"):
        list(nlp.pipe("one text, not a list of texts"))


def test_results_are_lazy(nlp):
    taken = []

    def texts():
        for n in range(100):
            taken.append(n)
            yield f'"Number {n}," Ana said.'

    out = nlp.pipe(texts(), batch_size=2, progress=False)
    first = next(out)
    assert first.id == "doc0" and len(taken) == 2


def test_a_document_that_fails_in_stanza_does_not_stop_the_batch(nlp, monkeypatch):
    real = nlp._annotate

    def fragile(texts):
        if any("BOOM" in t for t in texts):
            raise MemoryError("out of memory")
        return real(texts)

    monkeypatch.setattr(nlp, "_annotate", fragile)
    docs = list(nlp.pipe([GOOD_A, "BOOM goes this one.", GOOD_B], progress=False))
    assert [d.error for d in docs] == [None, "MemoryError: out of memory", None]
    assert docs[0].quotes and docs[2].quotes


def test_too_long_documents_are_refused_per_document(nlp, monkeypatch):
    monkeypatch.setattr(nlp, "max_chars", 20)
    docs = list(nlp.pipe(["Short.", "A text far longer than twenty characters."], progress=False))
    assert docs[0].error is None
    assert docs[1].error == "41 characters, over the limit of 20 (max_chars)"
    with pytest.raises(DocumentError, match="max_chars"):
        nlp("A text far longer than twenty characters.")


def test_stanza_documents_and_id_pairs_are_accepted(nlp):
    parsed = nlp.stanza(GOOD_A)
    docs = list(quoteattr.stream([parsed, (GOOD_B, "second")], progress=False))
    assert [d.id for d in docs] == ["doc0", "second"]
    assert docs[0].stanza_doc is parsed


def test_progress_bar_only_when_wanted(nlp, capsys):
    list(nlp.pipe([GOOD_B], progress=False))
    assert "quoteattr" not in capsys.readouterr().err
    list(nlp.pipe([GOOD_B], progress=None))  # stderr is not a terminal under pytest
    assert "quoteattr" not in capsys.readouterr().err
    list(nlp.pipe([GOOD_B], progress=True))
    assert "1/1" in capsys.readouterr().err


def test_unknown_error_mode_is_refused(nlp):
    with pytest.raises(ValueError, match="errors must be one of"):
        list(nlp.pipe([GOOD_B], errors="ignore"))


def test_worker_processes_give_the_output_of_one_process_in_input_order(nlp):
    items = [*MIXED, (GOOD_B, "again"), GOOD_A, "A third text said nothing at all."]
    alone = list(nlp.pipe(items, batch_size=2, progress=False))
    workers = list(nlp.pipe(items, batch_size=2, progress=False, n_process=2))
    assert [d.to_dict() for d in workers] == [d.to_dict() for d in alone]
    assert workers == alone and workers[0].stanza_doc is not None  # the parse comes back with the document
    assert [d.id for d in workers] == ["port", "doc1", "doc2", "union", "doc4", "again", "doc6", "doc7"]


def test_n_process_must_be_a_positive_count_or_minus_one(nlp):
    for bad in (0, -2, 1.5, True):
        with pytest.raises(ValueError, match="n_process"):
            list(nlp.pipe([GOOD_A], n_process=bad))


def test_a_partition_of_json_lines_is_read_as_pipe_reads_text_and_metadata(nlp):
    import json

    from quoteattr.distributed import extract_lines

    rows = [{"id": 7, "text": GOOD_A, "source": "Coast News", "date": "2024-03-01", "section": "local"},
            {"text": GOOD_B}, {"id": "no-text"}]
    got = [json.loads(r) for r in extract_lines([json.dumps(r) for r in rows], {"download": False})]
    assert [(r["id"], r.get("source"), r.get("date"), r.get("metadata")) for r in got[:2]] == [
        ("7", "Coast News", "2024-03-01", {"section": "local"}), ("line1", None, None, None)]
    assert got[0]["quotes"] == nlp(GOOD_A).to_dict()["quotes"]
    assert got[2]["id"] == "no-text" and got[2]["error"].startswith("expected a text")


class _KillsTheWorker:
    """Metadata whose unpickling ends the worker process that reads it (as the kernel's OOM killer would)."""

    def __reduce__(self):
        import os

        return os._exit, (3,)


def test_a_document_that_kills_its_worker_fails_alone_and_the_others_go_on(nlp):
    items = [(GOOD_A, {"id": "killer", "boom": _KillsTheWorker()}), (GOOD_B, "after")]
    docs = list(nlp.pipe(items, batch_size=1, progress=False, n_process=2))
    assert [(d.id, d.error) for d in docs] == [("killer", "the worker process parsing it died (out of memory?)"),
                                               ("after", None)]
    assert docs[1].quotes == nlp(GOOD_B).quotes
