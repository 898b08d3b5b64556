"""The command line: JSON Lines out, ids from file names, errors."""

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from quoteattr.cli import main

ROOT = Path(__file__).resolve().parents[1]


def run(argv, stdin=""):
    out = io.StringIO()
    status = main(argv, stdin=io.StringIO(stdin), stdout=out)
    return status, [json.loads(line) for line in out.getvalue().splitlines()]


def test_extract_prints_one_record_per_document(tmp_path, nlp):
    a = tmp_path / "first.txt"
    a.write_text('"The vote is tomorrow," Senator Li Wei said.', encoding="utf-8")
    b = tmp_path / "second.txt"
    b.write_text("No quotes at all.", encoding="utf-8")
    status, records = run(["extract", str(a), str(b)])
    assert status == 0
    assert [r["id"] for r in records] == ["first", "second"]
    quote = records[0]["quotes"][0]
    text = records[0]["text"]
    assert text[quote["start"]:quote["end"]] == quote["text"]
    s, e = quote["content_spans"][0]
    assert text[s:e] == "The vote is tomorrow,"
    assert records[1]["quotes"] == [] and records[1]["entities"] == []


@pytest.mark.models
def test_extract_reads_standard_input():
    status, records = run(["extract", "-"], stdin='"Fine," Ana said.')
    assert status == 0 and records[0]["id"] == "stdin" and len(records[0]["quotes"]) == 1


@pytest.mark.models
def test_missing_file_is_reported_and_the_rest_still_runs(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text('"Yes," Ana said.', encoding="utf-8")
    status, records = run(["extract", str(tmp_path / "nope.txt"), str(good)])
    assert status == 1
    assert [r["id"] for r in records] == ["good"]
    assert "nope.txt" in capsys.readouterr().err


@pytest.mark.models
def test_python_dash_m_runs_the_cli(tmp_path):
    path = tmp_path / "art.txt"
    path.write_text('"Soon," the mayor said.', encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "quoteattr", "extract", str(path)],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["id"] == "art"


def _record(doc_id, text, said, speaker_name):
    s = text.index(said)
    return {
        "id": doc_id, "text": text,
        "quotes": [{"id": "q1", "kind": "direct", "start": s - 1, "end": s + len(said) + 1,
                    "text": text[s - 1:s + len(said) + 1], "content_spans": [[s, s + len(said)]],
                    "cue": None, "speaker": None, "entity": "e1"}],
        "entities": [{"id": "e1", "name": speaker_name, "title": None, "organization": None,
                      "label": speaker_name, "type": "person", "mentions": []}],
    }


def test_link_reads_extract_output_and_prints_clusters_and_speakers(tmp_path):
    said = "The harbour will reopen to all ships on Monday morning"
    a = _record("a", f'Mayor Jo Park said: "{said}."', said, "Jo Park")
    b = _record("b", f'"{said}," Park said.', said, "Jo Park")
    c = _record("c", 'Ed Moss said: "Taxes must never rise again in this town."',
                "Taxes must never rise again in this town", "Ed Moss")
    path = tmp_path / "quotes.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in (a, b, c)) + "\n", encoding="utf-8")
    status, records = run(["link", str(path)])
    assert status == 0
    clusters = [r for r in records if r["type"] == "cluster"]
    speakers = [r for r in records if r["type"] == "speaker"]
    shared = [c for c in clusters if len(c["members"]) == 2]
    assert len(shared) == 1 and {m["doc"] for m in shared[0]["members"]} == {"a", "b"}
    assert shared[0]["conflict"] is False
    assert any(len(c["members"]) == 1 and c["members"][0]["doc"] == "c" for c in clusters)
    park = [s for s in speakers if "Jo Park" in s["names"]]
    assert len(park) == 1 and {m["doc"] for m in park[0]["members"]} == {"a", "b"}
    assert {"id", "canonical", "speaker", "conflict", "members"} <= set(shared[0])
    assert {"doc", "quote", "start", "end", "text", "kind", "score", "reason"} <= set(shared[0]["members"][0])


def test_link_reports_a_bad_jsonl_line_and_keeps_the_rest(tmp_path, capsys):
    path = tmp_path / "quotes.jsonl"
    good = _record("a", 'Jo Park said: "We will rebuild the pier."', "We will rebuild the pier", "Jo Park")
    path.write_text("{not json\n" + json.dumps(good) + "\n", encoding="utf-8")
    status, records = run(["link", str(path)])
    assert status == 1
    assert [r["type"] for r in records].count("cluster") == 1
    assert "quotes.jsonl:1" in capsys.readouterr().err


@pytest.mark.parametrize("line_break", ["\u2028", "\u2029", "\u0085", "\r"])
def test_link_reads_records_whose_text_holds_a_unicode_line_break(tmp_path, line_break):
    # extract writes these raw inside JSON strings (ensure_ascii=False): a record is one \n-ended line
    path = tmp_path / "quotes.jsonl"
    good = _record("a", f'Jo Park said:{line_break}"We will rebuild the pier."', "We will rebuild the pier",
                   "Jo Park")
    path.write_text(json.dumps(good, ensure_ascii=False) + "\n", encoding="utf-8", newline="")
    status, records = run(["link", str(path)])
    assert status == 0
    assert [r["type"] for r in records].count("cluster") == 1


def test_extract_refuses_jsonl_input(tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_text("{}\n", encoding="utf-8")
    status, _ = run(["extract", str(path)])
    assert status == 2


def _park_records():
    said = "The harbour will reopen to all ships on Monday morning"
    return (_record("a", f'Mayor Jo Park said: "{said}."', said, "Jo Park"),
            _record("b", f'"{said}," Park said.', said, "Jo Park"))


def _park_cluster(records):
    clusters = [r for r in records if r["type"] == "cluster"]
    return [sorted(m["doc"] for m in c["members"]) for c in clusters]


def test_link_reads_indented_extract_output_whatever_the_file_name(tmp_path):
    a, b = _park_records()
    for name in ("x.json", "quotes.out", "quotes"):
        path = tmp_path / name
        path.write_text(json.dumps(a, indent=2) + "\n" + json.dumps(b, indent=2) + "\n", encoding="utf-8")
        status, records = run(["link", str(path)])
        assert status == 0 and _park_cluster(records) == [["a", "b"]], name


def test_link_reads_json_lines_on_standard_input():
    a, b = _park_records()
    status, records = run(["link", "-"], stdin=json.dumps(a) + "\n" + json.dumps(b) + "\n")
    assert status == 0 and _park_cluster(records) == [["a", "b"]]


def test_link_input_option_forces_records(tmp_path):
    a, _ = _park_records()
    path = tmp_path / "odd.txt"
    path.write_text("\n\n" + json.dumps(a) + "\n", encoding="utf-8")
    status, records = run(["link", "--input", "records", str(path)])
    assert status == 0 and _park_cluster(records) == [["a"]]


def test_version_and_help_name_what_the_commands_read(capsys):
    import quoteattr

    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0 and capsys.readouterr().out.strip() == f"quoteattr {quoteattr.__version__}"
    with pytest.raises(SystemExit):
        main(["link", "--help"])
    assert "'quoteattr extract' output" in " ".join(capsys.readouterr().out.split())


def test_models_folder_that_does_not_exist_is_refused_not_created(tmp_path, capsys):
    missing = tmp_path / "nowhere"
    status, _ = run(["extract", "--models", str(missing), "-"], stdin="Text.")
    assert status == 2 and not missing.exists()
    assert f"quoteattr: --models {missing}: no such folder" in capsys.readouterr().err


def test_missing_models_message_speaks_the_command_line(tmp_path, capsys):
    status, _ = run(["extract", "--models", str(tmp_path), "--no-download", "-"], stdin="Text.")
    err = capsys.readouterr().err
    assert status == 2
    assert "--models DIR" in err and "model_dir=" not in err and "Traceback" not in err
    assert err.startswith("quoteattr: ") and err.count("\n") == 1


def test_a_bad_article_is_reported_and_the_others_still_come_out(tmp_path, capsys, nlp):
    good = tmp_path / "good.txt"
    good.write_text('"Yes," Ana said.', encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\xff")
    later = tmp_path / "later.txt"
    later.write_text('"No," Ben said.', encoding="utf-8")
    status, records = run(["extract", str(good), str(empty), str(binary), str(later)])
    assert status == 1
    assert [r["id"] for r in records] == ["good", "later"]
    err = capsys.readouterr().err.splitlines()
    assert err == [f"quoteattr: {empty}: empty document",
                   f"quoteattr: {binary}: not valid UTF-8 (byte 0x89 at position 0)"]


def test_a_closed_pipe_ends_quietly(tmp_path):
    a, b = _park_records()
    lines = [json.dumps(dict(a, id=f"a{n}")) for n in range(1500)]
    path = tmp_path / "many.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "quoteattr", "link", str(path)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read().decode()
    proc.wait(timeout=300)
    assert "Traceback" not in err and "BrokenPipeError" not in err



@pytest.mark.models
def test_articles_with_the_same_file_name_get_distinct_ids(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    for folder in ("a", "b"):
        (tmp_path / folder / "story.txt").write_text('"Fine," Ana said.', encoding="utf-8")
    status, records = run(["extract", str(tmp_path / "a" / "story.txt"), str(tmp_path / "b" / "story.txt")])
    assert status == 0
    assert [r["id"] for r in records] == ["story", "story-1"]


def test_extract_nested_reports_on_request(nlp):
    text = "Aides said that the senator believes that the bill is dead."
    _, plain = run(["extract", "-"], stdin=text)
    _, nested = run(["extract", "--nested", "-"], stdin=text)
    assert [q["cue"]["text"] for q in plain[0]["quotes"]] == ["said"]
    assert [q["cue"]["text"] for q in nested[0]["quotes"]] == ["said", "believes"]
    assert [q["cue_class"] for q in nested[0]["quotes"]] == ["speech", "thought"]


def test_workers_option_gives_the_records_of_one_process(tmp_path, nlp):
    paths = []
    for i, text in enumerate(['"The vote is tomorrow," Senator Li Wei said.', "No quotes at all.",
                              'Ana Ruiz said the port would reopen. "We are ready," she added.']):
        paths.append(tmp_path / f"art{i}.txt")
        paths[-1].write_text(text, encoding="utf-8")
    files = [str(p) for p in paths]
    status, alone = run(["extract", *files, "-q"])
    status2, workers = run(["extract", *files, "-q", "--workers", "2"])
    assert status == status2 == 0
    assert workers == alone and [r["id"] for r in workers] == ["art0", "art1", "art2"]


@pytest.mark.parametrize("bad", ["0", "-2", "two"])
def test_workers_option_refuses_zero_negative_counts_and_words(bad, capsys):
    with pytest.raises(SystemExit):
        main(["extract", "x.txt", "--workers", bad])
    assert "--workers" in capsys.readouterr().err
