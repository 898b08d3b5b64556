"""``Pipeline(lexicon=DIR)``: a user's folder of data tables read over the packaged ones."""

import pytest

from quoteattr import Pipeline, SettingsError
from quoteattr.lexicon.tables import read

pytestmark = pytest.mark.models

TEXT = "The mayor said that the bridge would reopen in May."


def _cues_without(lemma: str) -> str:
    return "".join(line + "\n" for line in read("cues.tsv").splitlines() if not line.startswith(lemma + "\t"))


def test_a_user_cue_table_is_read_over_the_packaged_one(nlp, tmp_path):
    (tmp_path / "cues.tsv").write_text(_cues_without("say"), encoding="utf-8")
    mine = Pipeline(download=False, lexicon=tmp_path)
    assert [q.cue.text for q in nlp(TEXT).quotes] == ["said"]
    # "say" is no cue of the user's table: as any verb outside the lexicon it still reports
    # its finite clause, with class "clause" instead of "speech"
    assert [(q.cue.text, q.cue_class) for q in mine(TEXT).quotes] == [("said", "clause")]
    # the packaged tables are untouched for every other pipeline
    assert [q.cue_class for q in nlp(TEXT).quotes] == ["speech"]


def test_tables_missing_from_the_folder_stay_as_packaged(nlp, tmp_path):
    mine = Pipeline(download=False, lexicon=tmp_path)  # an empty folder
    assert [(q.kind, q.content) for q in mine(TEXT).quotes] == [(q.kind, q.content) for q in nlp(TEXT).quotes]


def test_a_missing_lexicon_folder_is_a_settings_error(tmp_path):
    with pytest.raises(SettingsError, match="nowhere"):
        Pipeline(lexicon=tmp_path / "nowhere")
