"""The quickstart notebook runs top to bottom, and is kept in git without outputs."""

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "examples" / "quickstart.ipynb"


def test_notebook_is_stored_without_outputs():
    nbformat = pytest.importorskip("nbformat")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code and all(not c.outputs and c.execution_count is None for c in code)


@pytest.mark.models
def test_notebook_runs_headlessly(monkeypatch):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(nb, timeout=600, kernel_name="python3",
                                     resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    client.execute()  # raises CellExecutionError on any failing cell
    outputs = [c.outputs for c in nb.cells if c.cell_type == "code"]
    html = [o["data"]["text/html"] for cell in outputs for o in cell if "text/html" in o.get("data", {})]
    assert any('class="qa-quote' in h for h in html)  # the article display
    assert any("data-cluster=" in h for h in html)  # the cluster table
    assert any("image/png" in o.get("data", {}) for cell in outputs for o in cell)  # the plot
