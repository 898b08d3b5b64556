"""The command line: JSON Lines out, ids from file names, errors."""

import io
import json
import subprocess
import sys
from pathlib import Path

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


def test_extract_reads_standard_input():
    status, records = run(["extract", "-"], stdin='"Fine," Ana said.')
    assert status == 0 and records[0]["id"] == "stdin" and len(records[0]["quotes"]) == 1


def test_missing_file_is_reported_and_the_rest_still_runs(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text('"Yes," Ana said.', encoding="utf-8")
    status, records = run(["extract", str(tmp_path / "nope.txt"), str(good)])
    assert status == 1
    assert [r["id"] for r in records] == ["good"]
    assert "nope.txt" in capsys.readouterr().err


def test_python_dash_m_runs_the_cli(tmp_path):
    path = tmp_path / "art.txt"
    path.write_text('"Soon," the mayor said.', encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "quoteattr", "extract", str(path)],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["id"] == "art"
