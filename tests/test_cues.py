"""The cue lexicon is data: tables load, validate, and drive lookups."""

from __future__ import annotations

import pytest

from quoteattr.lexicon.cues import CuePhrase, load_cues, load_phrases, lookup, word_cue


@pytest.mark.parametrize("lemma", [
    "say", "tell", "state", "add", "claim", "argue", "warn", "insist", "deny", "admit", "acknowledge",
    "explain", "note", "stress", "emphasize", "highlight", "announce", "report", "reveal", "write",
    "tweet", "suggest", "predict", "urge", "accuse", "describe", "call", "ask", "answer", "reply",
    "conclude", "confirm", "believe", "think", "fear", "hope",
])
def test_reporting_verbs_are_listed(lemma):
    assert lookup(lemma) is not None


@pytest.mark.parametrize("lemma,frame", [
    ("say", "ccomp"), ("say", "parataxis"), ("urge", "objxcomp"), ("pledge", "xcomp"),
    ("accuse", "of"), ("describe", "as"), ("call", "obj"), ("talk", "about"),
])
def test_frames(lemma, frame):
    assert frame in lookup(lemma).frames


def test_lookup_is_by_lemma_and_pos():
    assert lookup("SAY").lemma == "say"
    assert lookup("claim", "NOUN").pos == "NOUN"
    assert lookup("walk") is None
    assert lookup("statement", "VERB") is None


def test_a_linguist_can_add_a_verb(tmp_path):
    table = tmp_path / "cues.tsv"
    table.write_text("# my cues\nmurmur\tVERB\tccomp,parataxis\tspeech\n", encoding="utf-8")
    cues = load_cues(str(table))
    assert set(cues) == {("murmur", "VERB")}
    assert cues[("murmur", "VERB")].frames == frozenset({"ccomp", "parataxis"})


def test_a_reading_gives_one_frame_of_a_cue_another_class(tmp_path):
    table = tmp_path / "cues.tsv"
    table.write_text("murmur\tVERB\tccomp,about,xcomp\tspeech\tabout:topic, xcomp:attitude\n", encoding="utf-8")
    cue = load_cues(str(table))[("murmur", "VERB")]
    assert [cue.class_of(f) for f in ("ccomp", "about", "xcomp", None)] == ["speech", "topic", "attitude", "speech"]
    assert cue.cls == "speech"


def test_packaged_readings_tell_topics_and_stances_from_reports():
    assert lookup("talk").class_of("about") == "topic" and lookup("discuss").class_of("obj") == "topic"
    assert lookup("respond").class_of("to") == "topic" and lookup("respond").class_of("ccomp") == "speech"
    assert lookup("agree").class_of("xcomp") == "attitude" and lookup("agree").class_of("ccomp") == "speech"
    assert lookup("call").class_of("obj") == "speech"  # "called him a liar": the words given


@pytest.mark.parametrize("line", ["murmur\tVERB\tccomp,telepathy", "murmur\tVERB", "murmur\tVERB\tccomp\tgossip",
                                  "murmur\tVERB\tccomp\tspeech\tabout:topic", "murmur\tVERB\tccomp\tspeech\tccomp:gossip",
                                  "murmur\tVERB\tccomp\tspeech\tccomp"])
def test_bad_lines_are_reported(tmp_path, line):
    table = tmp_path / "bad.tsv"
    table.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="bad.tsv:1"):
        load_cues(str(table))


def test_a_lemma_listed_twice_is_reported(tmp_path):
    table = tmp_path / "twice.tsv"
    table.write_text("murmur\tVERB\tccomp\tspeech\nmurmur\tVERB\tobj\tspeech\n", encoding="utf-8")
    with pytest.raises(ValueError, match="twice.tsv:2: murmur VERB is listed twice"):
        load_cues(str(table))


def test_phrases_have_a_speaker_slot(tmp_path):
    patterns = {p.pattern for p in load_phrases()}
    assert {"according to X", "in X 's view", "as X put it"} <= patterns
    p = CuePhrase.parse("in the words of X")
    assert (p.before, p.after) == (("in", "the", "words", "of"), ())
    table = tmp_path / "phrases.tsv"
    table.write_text("according to\tspeech\n", encoding="utf-8")
    with pytest.raises(ValueError, match="speaker slot"):
        load_phrases(str(table))


class _Word:
    def __init__(self, text, lemma, upos):
        self.text, self.lemma, self.upos = text, lemma, upos


def test_word_cue_reads_stanza_words():
    assert word_cue(_Word("warned", "warn", "VERB")).lemma == "warn"
    assert word_cue(_Word("claim", "claim", "NOUN")).pos == "NOUN"
    assert word_cue(_Word("quickly", "quickly", "ADV")) is None
    assert word_cue(_Word("said", None, "VERB")) is None


def test_a_user_folder_of_tables_replaces_the_packaged_ones(tmp_path):
    from quoteattr.lexicon.clause_words import role_words
    from quoteattr.lexicon.marks import mark_table
    from quoteattr.lexicon.people import honorifics
    from quoteattr.lexicon.tables import lexicon

    (tmp_path / "cues.tsv").write_text("murmur\tVERB\tccomp\tspeech\n", encoding="utf-8")
    (tmp_path / "cue_phrases.tsv").write_text("in the eyes of X\tthought\n", encoding="utf-8")
    (tmp_path / "clause_words.tsv").write_text("that\tcomplementizer\n", encoding="utf-8")
    (tmp_path / "honorifics.tsv").write_text("Dame\tfemale\n", encoding="utf-8")
    with lexicon(tmp_path):
        assert lookup("murmur") is not None and lookup("say") is None
        assert [p.pattern for p in load_phrases()] == ["in the eyes of X"]
        assert role_words("complementizer") == {"that"} and role_words("relative") == frozenset()
        assert "dame" in honorifics() and "mr" not in honorifics()
        assert "“" in mark_table().closers  # not in the folder: the packaged table
    # outside the block, and with the cache filled for the folder, the packaged tables again
    assert lookup("say") is not None and lookup("murmur") is None
    assert "mr" in honorifics() and "according to X" in [p.pattern for p in load_phrases()]


def test_an_unknown_clause_word_role_is_an_error(tmp_path):
    from quoteattr.lexicon.clause_words import clause_words, role_words
    from quoteattr.lexicon.tables import lexicon

    with pytest.raises(KeyError):
        role_words("relatives")
    (tmp_path / "clause_words.tsv").write_text("that\tcomplementiser\n", encoding="utf-8")
    with lexicon(tmp_path), pytest.raises(ValueError, match="complementiser"):
        clause_words()


def test_named_class_sets_name_classes_of_the_table():
    from quoteattr.lexicon import cues
    for name in ("SPEECH_CLASSES", "EVIDENCE_CLASSES", "INNER_CLASSES", "PRONOUN_OBJECT_CLASSES"):
        assert getattr(cues, name) <= cues.CLASSES, name
    # a stance takes a pronoun object as content; speech does not ("told [him]" is the hearer)
    assert "attitude" in cues.PRONOUN_OBJECT_CLASSES and "speech" not in cues.PRONOUN_OBJECT_CLASSES
