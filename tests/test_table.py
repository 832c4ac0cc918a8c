from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest

import quotes
from quotes.table import COLUMNS, export, to_frame
from tests.conftest import ROOT

ROW = {
    "doc_id": "d",
    "quote_id": "d:1",
    "start": 1,
    "end": 5,
    "quote": '=HYPERLINK("x")',
    "kind": "direct",
    "speaker": None,
    "confidence": 0.5,
    "paragraph": 0,
    "lang": "ja",
}


def test_readme_documents_every_column_with_its_dtype() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    documented = dict(re.findall(r"^\| `(\w+)` \| (\w+) \|", readme, flags=re.M))
    assert documented == COLUMNS


def test_frame_has_fixed_columns_and_real_missing_values() -> None:
    frame = to_frame([ROW])
    assert list(frame.columns) == list(COLUMNS)
    assert frame["speaker"].isna().all() and frame["outlet"].isna().all()
    assert str(frame["start"].dtype) == "Int64"


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet"])
def test_roundtrip_keeps_empty_as_empty(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"out{suffix}"
    export(to_frame([ROW]), path)
    if suffix == ".csv":
        back = pd.read_csv(path)
        assert "None" not in path.read_text(encoding="utf-8")
    elif suffix == ".jsonl":
        back = pd.DataFrame([json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()])
    else:
        back = pd.read_parquet(path)
    assert back["speaker"].isna().all()
    assert int(back["end"][0]) == 5


def test_csv_neutralises_formulas_and_excel_adds_bom(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    export(to_frame([ROW]), path, excel=True)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert "'=HYPERLINK" in raw.decode("utf-8-sig")
    export(to_frame([ROW]), tmp_path / "out.jsonl")  # JSONL keeps the exact text
    assert json.loads((tmp_path / "out.jsonl").read_text(encoding="utf-8"))["quote"].startswith("=HYPERLINK")


def test_failed_export_leaves_previous_file_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "out.parquet"
    path.write_bytes(b"previous")

    def boom(*args: object, **kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(pd.DataFrame, "to_parquet", boom)
    with pytest.raises(OSError):
        export(to_frame([ROW]), path)
    assert path.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["out.parquet"]


def test_public_columns_are_the_table_columns() -> None:
    assert quotes.COLUMNS is COLUMNS


def test_exports_get_the_usual_permissions(tmp_path: Path) -> None:
    import os

    path = tmp_path / "variants.csv"
    export(to_frame([ROW]), path)  # compare and the HTML report write through here
    mask = os.umask(0)
    os.umask(mask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~mask
