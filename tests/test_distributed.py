"""The Dask recipe on a local cluster of two workers gives the single-process output."""

import json
import os
from pathlib import Path

import pytest

distributed = pytest.importorskip("dask.distributed", reason="the 'dask' extra is not installed")

from quoteattr.distributed import extract_jsonl, link_jsonl  # noqa: E402
from quoteattr.linking.linker import link  # noqa: E402
from quoteattr.linking.results import records  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent

ARTICLES = [
    {"id": "a1", "source": "Example Times",
     "text": '"We will rebuild every bridge in the valley," Mayor Ana Ruiz said on Monday.'},
    {"id": "a2", "text": 'Ruiz told reporters: "We will rebuild every bridge in the valley." Tom Berg disagreed.'},
    {"id": "a3", "text": "Tom Berg, the council's budget chief, said that the money would run out by May."},
    {"id": "a4", "date": "2024-05-02",
     "text": 'According to Berg, the money would run out by May. "It is simple arithmetic," he said.'},
    {"id": "a5", "text": "No one was quoted in this short note about the weather."},
]


def test_two_workers_give_the_single_process_output(tmp_path, nlp, shared):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    env = {"STANZA_RESOURCES_DIR": os.environ["STANZA_RESOURCES_DIR"],
           "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  env=env) as cluster, distributed.Client(cluster) as client:
        paths = extract_jsonl(str(corpus), tmp_path / "out", client=client, settings={"download": False},
                              blocksize=200)
        used = set(client.run(os.getpid).values())
    assert len(paths) > 1 and len(used) == 2  # several partitions, two worker processes
    got = [json.loads(line) for p in paths for line in Path(p).read_text(encoding="utf-8").splitlines()]
    alone = [nlp(a["text"], id=a["id"], source=a.get("source"), date=a.get("date")) for a in ARTICLES]
    assert got == [d.to_dict() for d in alone]
    errors: list[str] = []
    result = link_jsonl(paths, errors)
    assert not errors
    assert list(records(result)) == list(records(link(alone)))
