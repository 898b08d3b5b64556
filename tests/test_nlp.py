"""The stanza pipeline: offline models, user documents, clear errors."""

import stanza
import pytest

import quoteattr
from quoteattr import AnnotationError, ModelNotFoundError, Pipeline


def test_pipeline_builds_once_and_has_the_processors(nlp):
    first = nlp.stanza
    assert nlp.stanza is first
    assert {"tokenize", "pos", "lemma", "depparse"} <= set(first.processors)


def test_quotes_point_back_at_stanza_words(nlp):
    doc = nlp('"The bridge is safe," engineer Mia Holt said.', id="x")
    quote = doc.quotes[0]
    words = doc.words(quote.content_spans[0])
    assert [w.text for w in words][:3] == ["The", "bridge", "is"]
    assert doc.stanza_doc is not None and doc.id == "x"


def test_accepts_a_users_stanza_document(nlp):
    parsed = nlp.stanza('"We are ready," the coach said.')
    doc = nlp(parsed, id="mine")
    assert doc.stanza_doc is parsed
    assert doc.quotes and doc.quotes[0].kind == "direct"


def test_rejects_a_document_without_the_annotations_it_needs(shared):
    tokenize_only = stanza.Pipeline(
        "en", dir=str(shared / "models" / "stanza-en"), processors="tokenize",
        download_method=stanza.DownloadMethod.REUSE_RESOURCES, logging_level="WARN",
    )
    with pytest.raises(AnnotationError, match="depparse"):
        quoteattr.attribute(tokenize_only("He said it."))
    with pytest.raises(AnnotationError, match="stanza.Document"):
        quoteattr.attribute("just a string")


def test_missing_models_give_a_clear_error(tmp_path):
    nlp = Pipeline(model_dir=tmp_path, download=False)
    with pytest.raises(ModelNotFoundError) as info:
        nlp("Anything.")
    message = str(info.value)
    assert "depparse" in message and "stanza.download" in message and str(tmp_path) in message


def test_empty_and_blank_text_give_no_quotes(nlp):
    assert nlp("").quotes == ()
    assert nlp("   \n\n ").quotes == ()


def test_wrong_input_type_is_a_type_error(nlp):
    with pytest.raises(TypeError):
        nlp(42)


def test_pipe_keeps_order_and_ids(nlp):
    texts = ['"One," Ana said.', "", 'Nothing quoted here.', '"Two," Ben said.']
    docs = list(nlp.pipe(texts, ids=["a", "b", "c", "d"], batch_size=3))
    assert [d.id for d in docs] == ["a", "b", "c", "d"]
    assert [len(d.quotes) for d in docs] == [1, 0, 0, 1]
    assert docs[3].text == texts[3]


def _tagged(words):
    """A one-sentence stanza Document with the given (text, upos, xpos, lemma) words."""
    import stanza

    return stanza.Document([[{"id": i, "text": t, "upos": u, "xpos": x, "lemma": l}
                             for i, (t, u, x, l) in enumerate(words, 1)]])


def test_repair_tags_makes_speech_verbs_of_nouns():
    from quoteattr.parsing.repairs import repair_tags

    doc = _tagged([("Jones", "PROPN", "NNP", "Jones"), ("Argues", "NOUN", "NNS", "argue"),
                   ("claims", "NOUN", "NNS", "claim"), ("said", "ADJ", "JJ", "said"),
                   ("says", "VERB", "VBZ", "say")])
    assert repair_tags(doc) == 1
    words = doc.sentences[0].words
    assert (words[1].upos, words[1].xpos, words[1].lemma) == ("VERB", "VBZ", "argue")
    # nouns with a noun reading, adjectives and words already verbs stay as they were
    assert [(w.upos, w.xpos) for w in (words[2], words[3], words[4])] == [
        ("NOUN", "NNS"), ("ADJ", "JJ"), ("VERB", "VBZ")]


def test_repair_tags_reads_the_word_before():
    from quoteattr.parsing.repairs import repair_tags

    doc = _tagged([("They", "PRON", "PRP", "they"), ("would", "AUX", "MD", "would"), ("insist", "NOUN", "NN", "insist"),
                   ("on", "ADP", "IN", "on"), ("a", "DET", "DT", "a"), ("say", "NOUN", "NN", "say"),
                   ("voters", "NOUN", "NNS", "voter"), ("argue", "NOUN", "NN", "argue")])
    assert repair_tags(doc) == 2
    words = doc.sentences[0].words
    assert (words[2].upos, words[2].xpos) == ("VERB", "VB")  # after a modal: the infinitive
    assert (words[5].upos, words[5].xpos) == ("NOUN", "NN")  # "a say" stays a noun
    assert (words[7].upos, words[7].xpos) == ("VERB", "VBP")


def test_a_users_document_is_not_retagged(nlp):
    parsed = nlp.stanza("He says the plan works.")
    says = parsed.sentences[0].words[1]
    says.upos = "NOUN"  # as the user's tagger left it
    nlp(parsed)
    assert says.upos == "NOUN"
