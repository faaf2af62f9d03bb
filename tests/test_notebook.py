"""Execute examples/explore.ipynb from top to bottom (needs the ``notebook`` extra)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "examples" / "explore.ipynb"

_REASON = "running the notebook needs nbclient, nbformat and ipykernel: pip install gov_extract[notebook]"
nbformat = pytest.importorskip("nbformat", reason=_REASON)
nbclient = pytest.importorskip("nbclient", reason=_REASON)
pytest.importorskip("ipykernel", reason=_REASON)
pytest.importorskip("pandas", reason="the notebook needs pandas: pip install gov_extract[pandas]")
pytest.importorskip("matplotlib", reason="the notebook needs matplotlib: pip install gov_extract[plot]")


def test_notebook_runs_and_shows_its_parts() -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    # Run from the repository root, so that the checkout's gov_extract is imported.
    client = nbclient.NotebookClient(nb, timeout=600, kernel_name="python3",
                                     resources={"metadata": {"path": str(ROOT)}})
    client.execute()
    outputs = [out for cell in nb.cells if cell.cell_type == "code" for out in cell.outputs]
    assert not [out for out in outputs if out.output_type == "error"]
    html = [out["data"]["text/html"] for out in outputs if "text/html" in out.get("data", {})]
    assert any('class="gx-doc"' in h and "<mark" in h for h in html), "the highlighted bulletin"
    assert any("trigger" in h and "agent" in h for h in html), "the events table"
    assert sum("image/png" in out.get("data", {}) for out in outputs) >= 2, "the charts"


def test_notebook_is_stored_without_outputs() -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    assert all(not cell.get("outputs") for cell in nb.cells if cell.cell_type == "code")
