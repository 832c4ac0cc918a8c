"""The exploration notebook runs top to bottom against the public API, so it cannot rot."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")


@pytest.mark.timeout(300)
def test_explore_notebook_runs() -> None:
    path = ROOT / "notebooks" / "explore.ipynb"
    notebook = nbformat.read(path, as_version=4)
    nbclient.NotebookClient(
        notebook, timeout=240, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    ).execute()
    outputs = "\n".join(
        str(out.get("data", {}).get("text/plain", "")) + str(out.get("text", ""))
        for cell in notebook.cells
        if cell.cell_type == "code"
        for out in cell.outputs
    )
    assert "Sanae Takaichi" in outputs
    assert "gloss" in outputs or "argos" in outputs  # the Japanese post with its rendering's engine
    assert "partnership -> coordination" in outputs  # the two renderings of one remark
    assert any(
        out.get("data", {}).get("image/png") for cell in notebook.cells for out in cell.get("outputs", [])
    )
