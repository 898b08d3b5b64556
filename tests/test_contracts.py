"""The public contract: arguments are used or refused, never dropped; values stay JSON-able."""

import datetime
import json

import pytest

import quoteattr
from quoteattr import AttributedDocument, Pipeline, SettingsError


def test_extract_keeps_source_date_and_nested(nlp):
    text = "Aides said that the senator believes that the bill is dead."
    doc = quoteattr.extract(text, id="n1", source="Capitol Wire", date="2024-02-03", nested=True)
    assert (doc.id, doc.source, doc.date) == ("n1", "Capitol Wire", "2024-02-03")
    assert [q.cue.text for q in doc.quotes] == ["said", "believes"]


@pytest.mark.models
def test_extract_builds_one_pipeline_whatever_the_per_document_arguments():
    from quoteattr.pipeline import _DEFAULT

    quoteattr.extract("Ana said it was fine.", source="A", date="2024-01-01")
    before = len(_DEFAULT)
    quoteattr.extract("Ana said it was fine.", source="B", date="2024-01-02", nested=True)
    assert len(_DEFAULT) == before


def test_unknown_settings_are_refused():
    """Refused before any model is loaded."""
    with pytest.raises(TypeError):
        Pipeline(foo=1)
    with pytest.raises(TypeError):
        quoteattr.extract("Ana said it was fine.", foo=1)


def test_cuda_without_cuda_is_a_settings_error_not_missing_models():
    import torch

    if torch.cuda.is_available():  # pragma: no cover
        pytest.skip("this machine has CUDA")
    with pytest.raises(SettingsError, match="no CUDA"):
        Pipeline(device="cuda")


def test_dates_become_iso_strings_and_ids_must_be_strings():
    doc = AttributedDocument("a", "Text.", date=datetime.date(2024, 5, 6))
    assert json.loads(json.dumps(doc.to_dict()))["date"] == "2024-05-06"
    stamp = AttributedDocument("b", "Text.", date=datetime.datetime(2024, 5, 6, 7, 8))
    assert stamp.date == "2024-05-06T07:08:00"
    with pytest.raises(TypeError, match="id must be a str"):
        AttributedDocument(7, "Text.")
    with pytest.raises(TypeError, match="date must be a str"):
        AttributedDocument("c", "Text.", date=20240506)
    with pytest.raises(TypeError, match="JSON"):
        AttributedDocument("d", "Text.", metadata={"when": datetime.date(2024, 1, 1)})


def test_repr_is_a_short_summary_and_pretty_lists_quotes(nlp):
    doc = nlp('"We are ready," the coach said. ' + "Filler sentence. " * 300, id="match")
    assert repr(doc) == f"<AttributedDocument 'match': 1 quote, 1 speaker, {len(doc.text)} characters>"
    from IPython.lib.pretty import pretty

    lines = pretty(doc).splitlines()
    assert lines[0] == repr(doc)
    assert lines[1].split() == ["q1", "direct", "the", "coach:", "We", "are", "ready,"]


def test_missing_model_message_says_what_to_do(tmp_path):
    nlp = Pipeline(model_dir=tmp_path, download=False)
    with pytest.raises(quoteattr.ModelNotFoundError) as info:
        nlp("Anything.")
    message = str(info.value)
    assert "STANZA_RESOURCES_DIR" in message and "model_dir=" in message
    assert "stanza.download('en'" in message and "\n" not in message
