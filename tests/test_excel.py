"""`-o quotes.xlsx`: read back with openpyxl, as Excel would open it."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from quotes import cli
from quotes.table import COLUMNS
from tests.conftest import SEEDS

openpyxl = pytest.importorskip("openpyxl")


def sheet_rows(path: Path) -> list[dict[str, object]]:
    book = openpyxl.load_workbook(path, read_only=True)
    found = []
    for sheet in book.worksheets:
        values = list(sheet.iter_rows(values_only=True))
        assert list(values[0]) == list(COLUMNS)
        found += [dict(zip(values[0], row, strict=True)) for row in values[1:]]
    return found


def test_the_workbook_has_the_rows_of_the_csv_and_the_jsonl(tmp_path: Path) -> None:
    outputs = {ext: tmp_path / f"q.{ext}" for ext in ("xlsx", "csv", "jsonl")}
    for path in outputs.values():
        assert cli.main(["extract", str(SEEDS), "-o", str(path), "-q", "-j", "1"]) == 0
    book = sheet_rows(outputs["xlsx"])
    with outputs["csv"].open(encoding="utf-8", newline="") as f:
        table = list(csv.DictReader(f))
    lines = [json.loads(x) for x in outputs["jsonl"].read_text(encoding="utf-8").splitlines()]
    assert len(book) == len(table) == len(lines) > 10
    assert [{k: "" if v is None else str(v) for k, v in r.items()} for r in book] == table
    assert book == lines  # numbers as numbers, missing as empty
    assert any(r["lang"] == "ja" and "トランプ" in str(r["quote"]) for r in book)
    assert any("🚨" in str(r["quote"]) for r in book)


def test_header_frozen_widths_and_filters(tmp_path: Path) -> None:
    path = tmp_path / "q.xlsx"
    assert cli.main(["extract", str(SEEDS), "-o", str(path), "-q", "-j", "1"]) == 0
    sheet = openpyxl.load_workbook(path).active
    assert sheet.freeze_panes == "A2"
    assert all(cell.font.bold for cell in sheet[1])
    quote = list(COLUMNS).index("quote") + 1
    letter = openpyxl.utils.get_column_letter(quote)
    assert sheet.column_dimensions[letter].width >= 60 > sheet.column_dimensions["A"].width
    assert sheet.auto_filter.ref == f"A1:{openpyxl.utils.get_column_letter(len(COLUMNS))}{sheet.max_row}"


def test_formulas_are_text_and_every_character_survives(tmp_path: Path) -> None:
    text = (
        "“=HYPERLINK(A1) is no formula here,” said Ann Lee, the mayor.\n\n"
        "“+1 and 🚨 stay, but \x07 goes,” Ann Lee added.\n\n"
        "高市首相は「日米同盟の新たな章を開きたい」と述べた。"
    )
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "d", "text": text}) + "\n", encoding="utf-8")
    path = tmp_path / "q.xlsx"
    assert cli.main(["extract", str(source), "-o", str(path), "-q", "-j", "1"]) == 0
    sheet = openpyxl.load_workbook(path).active
    quotes = [row[list(COLUMNS).index("quote")] for row in sheet.iter_rows(min_row=2)]
    formula = next(c for c in quotes if str(c.value).startswith("=HYPERLINK"))
    assert formula.data_type == "s"  # Excel shows it, never runs it
    emoji = next(c for c in quotes if "🚨" in str(c.value))
    assert emoji.value.startswith("+1") and "\x07" not in emoji.value and "\ufffd" in emoji.value
    assert any(c.value == "日米同盟の新たな章を開きたい" for c in quotes)


def test_past_the_row_limit_the_table_goes_on_in_another_sheet(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from quotes import excel

    whole = tmp_path / "whole.xlsx"
    assert cli.main(["extract", str(SEEDS), "-o", str(whole), "-q", "-j", "1"]) == 0
    monkeypatch.setattr(excel, "MAX_ROWS", 5)
    split = tmp_path / "split.xlsx"
    assert cli.main(["extract", str(SEEDS), "-o", str(split), "-q", "-j", "1"]) == 0
    book = openpyxl.load_workbook(split, read_only=True)
    assert book.sheetnames == ["quotes", "quotes (2)", "quotes (3)"]
    assert [len(list(sheet.iter_rows())) for sheet in book.worksheets][:2] == [6, 6]  # header + 5
    assert sheet_rows(split) == sheet_rows(whole)


def test_segments_and_errors_can_be_workbooks_too(tmp_path: Path) -> None:
    segs, errs = tmp_path / "s.xlsx", tmp_path / "e.xlsx"
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text('"It works," said Ann Lee.', encoding="utf-8")
    (folder / "b.jsonl").write_text("{not json}\n", encoding="utf-8")
    args = [
        "extract",
        str(folder),
        "-o",
        str(tmp_path / "q.csv"),
        "--segments",
        str(segs),
        "--errors",
        str(errs),
    ]
    assert cli.main([*args, "-q", "-j", "1"]) == 0
    seg_sheet = openpyxl.load_workbook(segs).active
    assert [c.value for c in seg_sheet[1]][:4] == ["doc_id", "start", "end", "lang"]
    assert seg_sheet.max_row >= 2
    err_sheet = openpyxl.load_workbook(errs).active
    assert "b.jsonl" in str(err_sheet["A2"].value)
