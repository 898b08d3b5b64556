"""The same document gives the same output alone, in any batch, in any order, in any process.

Across processes the output used to differ from run to run, whatever the hash seed: stanza left
some weights to torch's random initialisation ("council's" one word or two); the pipeline is now
built under a fixed seed (docs/limits.md)."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

OWN = [
    '"We will not raise taxes," Mayor Ana Ruiz said on Tuesday. Tom Berg\'s office said the plan was late.',
    "The minister's spokesman, Lena Okafor, said that the talks would resume in May, according to Reuters.",
    "Tom Berg, the council's budget chief, said that the money would run out by May.",
    '“It’s over,” said Kim’s lawyer. He added that the court’s ruling “changes nothing for the family.”',
]


def records(docs):
    return [d.to_dict() for d in docs]


def test_a_document_gets_the_same_output_alone_and_in_any_batch(nlp, seeds):
    texts = [*seeds.values(), *OWN]
    ids = [f"d{i}" for i in range(len(texts))]
    alone = records(nlp(t, id=i) for t, i in zip(texts, ids))
    together = records(nlp.pipe(texts, ids=ids, batch_size=len(texts)))
    backwards = records(nlp.pipe(texts[::-1], ids=ids[::-1], batch_size=4))[::-1]
    assert together == alone
    assert backwards == alone


def test_every_process_gives_the_same_output_whatever_the_hash_seed(tmp_path, seeds):
    files = []
    for n, text in enumerate([*OWN, next(iter(seeds.values()))]):
        path = tmp_path / f"t{n}.txt"
        path.write_text(text, encoding="utf-8")
        files.append(str(path))
    outputs = []
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONHASHSEED": seed}
        run = subprocess.run([sys.executable, "-m", "quoteattr", "extract", "--no-download", *files],
                             capture_output=True, text=True, env=env, check=True, timeout=600)
        outputs.append([json.loads(line) for line in run.stdout.splitlines()])
    assert len(outputs[0]) == len(files)
    assert outputs[0] == outputs[1] == outputs[2]

