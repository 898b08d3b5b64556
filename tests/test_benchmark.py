"""The PolNeAR benchmark's scoring, on a tiny synthetic jsonl made here."""

from __future__ import annotations

import importlib.util
import json
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("polnear_bench", ROOT / "benchmarks" / "polnear.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


TEXT = 'Ana Ruiz said that "the harbour will close." Later, he added that fees would rise. The council met.'


def at(s: str) -> list[int]:
    i = TEXT.index(s)
    return [i, i + len(s)]


@pytest.fixture
def article(tmp_path):
    gold = [
        {"kind": "mixed", "content_spans": [at('that "the harbour will close."')], "speaker": "Ana Ruiz",
         "speaker_spans": [at("Ana Ruiz")]},
        {"kind": "indirect", "content_spans": [at("fees would rise")], "speaker": "he",
         "speaker_spans": [at("he added")[:1] + [at("he added")[0] + 2]]},
        {"kind": "indirect", "content_spans": [at("The council met")], "speaker": None, "speaker_spans": []},
    ]
    path = tmp_path / "tiny.jsonl"
    path.write_text(json.dumps({"id": "a1", "text": TEXT, "quotes": gold}) + "\n", encoding="utf-8")
    return path


def test_trim_drops_marks_punctuation_and_that(bench):
    s, e = bench.trim_span(TEXT, *at('that "the harbour will close."'))
    assert TEXT[s:e] == "the harbour will close"


def test_exact_strict_lenient(bench, article):
    art = bench.read_articles(article)[0]
    gold = art["quotes"]
    pred = [
        {"content_spans": [at("the harbour will close")]},          # exact after trimming
        {"content_spans": [at("fees would ris")]},                   # 12 of 13 characters
        {"content_spans": [at("Later")]},                            # no overlap
    ]
    assert [(p, g) for p, g, _ in bench.match(TEXT, pred, gold, None)] == [(0, 0)]
    assert sorted((p, g) for p, g, _ in bench.match(TEXT, pred, gold, 0.8)) == [(0, 0), (1, 1)]
    assert sorted((p, g) for p, g, _ in bench.match(TEXT, pred, gold, 0.3)) == [(0, 0), (1, 1)]
    loose = [{"content_spans": [at("he added that fees would rise")]}]
    assert bench.match(TEXT, loose, gold, 0.8) == []
    assert len(bench.match(TEXT, loose, gold, 0.3)) == 1


def test_matching_is_one_to_one(bench):
    gold = [{"content_spans": [at("fees would rise")]}]
    pred = [{"content_spans": [at("fees would rise")]}, {"content_spans": [at("fees would")]}]
    assert [(p, g) for p, g, _ in bench.match(TEXT, pred, gold, 0.3)] == [(0, 0)]


def test_score_article_counts(bench, article):
    art = bench.read_articles(article)[0]
    pred = [
        {"kind": "mixed", "content_spans": [at("the harbour will close")], "speaker": at("Ana Ruiz"),
         "speaker_text": "Ana Ruiz", "entity_name": "Ana Ruiz", "entity_mentions": [at("Ana Ruiz")]},
        {"kind": "indirect", "content_spans": [at("fees would rise")], "speaker": at("Later"),
         "speaker_text": "Later", "entity_name": None, "entity_mentions": []},
        {"kind": "direct", "content_spans": [at("Later, he")], "speaker": None, "speaker_text": None},
    ]
    c = bench.score_article(TEXT, pred, art["quotes"])
    assert (c["pred"], c["gold"], c["tp_lenient"], c["tp_exact"]) == (3, 3, 2, 2)
    assert (c["tp_gold_mixed"], c["tp_gold_indirect"]) == (1, 1)
    assert (c["spk_n"], c["spk_ok"]) == (2, 1)
    assert (c["spk_n_name"], c["spk_ok_name"]) == (2, 1)
    assert (c["ent_n"], c["ent_ok"], c["ent_skipped"]) == (1, 1, 1)
    table = bench.report(Counter(c), 2.0, 1)
    assert "lenient     66.67   66.67   66.67" in table
    assert "seconds per article: 2.00" in table


def test_speaker_by_entity_surname(bench):
    gold = {"speaker": "Sen. Ana Ruiz (D)", "speaker_spans": [[100, 117]]}
    assert bench.speaker_correct({"speaker": [0, 2], "entity_name": "Ana Ruiz"}, gold)
    assert not bench.speaker_correct({"speaker": [0, 2], "entity_name": "Bo Lee"}, gold)


def test_mention_types(bench):
    assert bench.mention_type("She") == "pronoun"
    assert bench.mention_type("a spokesman for the team") == "description"
    assert bench.mention_type("Governor Ana Ruiz") == "name"


def test_missing_data_exits_cleanly(bench, tmp_path, capsys):
    assert bench.main(["--data", str(tmp_path / "absent.jsonl")]) == 0
    assert "not found" in capsys.readouterr().out


def test_runs_quoteattr_on_a_file(bench, article, tmp_path, shared):
    totals, seconds, n, classes = bench.run(article, cache=tmp_path / "cache")
    total = totals[bench.RUNS[0]]
    assert n == 1 and total["gold"] == 3
    assert total["tp_lenient"] >= 1
    speech_all, speech_gold = totals[bench.RUNS[1]], totals[bench.RUNS[2]]
    assert speech_all["pred"] <= total["pred"] and speech_all["gold"] == 3
    assert speech_gold["gold"] == classes["speech"] + classes["writing"] <= 3
    again, _, _, _ = bench.run(article, cache=tmp_path / "cache")
    assert again == totals
    assert list((tmp_path / "cache").glob("*.pkl"))


def test_surname_counts_when_punctuation_follows_it_in_the_gold_source(bench):
    gold = {"speaker": "Flynn, a top surrogate,", "speaker_spans": [[100, 123]]}
    assert bench.speaker_correct({"speaker": None, "entity_name": "Michael Flynn"}, gold)
    assert not bench.speaker_correct({"speaker": None, "entity_name": "Ann Flyn"}, gold)


def test_gold_cue_class_reads_the_cue_lexicon(bench, nlp):
    text = ("Ana Ruiz has said the port will close. Traders believe fees will rise. "
            "According to the council, the vote is near. The mayor unveiled a plan to widen the road. "
            "The sign read: “Closed.”")
    doc = nlp.parse(text)

    def cls(cue, kind="indirect"):
        start = text.index(cue)
        return bench.gold_cue_class(doc, {"kind": kind, "cue_spans": [[start, start + len(cue)]]})

    assert cls("has said") == "speech"
    assert cls("believe") == "thought"
    assert cls("According to") == "speech"
    assert cls("unveiled") == "other"
    assert cls(":", kind="direct") == "speech"
    assert bench.gold_cue_class(doc, {"kind": "direct", "cue_spans": []}) == "speech"
