"""Invariants over generated documents (issue 12, item 10): no crash, nothing lost, offsets that
index the user's text, and the same rows in every output format."""

from __future__ import annotations

import csv
import json
import re
import tempfile
from pathlib import Path

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotes import cli
from quotes.extract import find_spans
from quotes.normalise import normalise

MARKS = ["“", "”", '"', "‘", "’", "«", "»", "„", "「", "」", "『", "』", "'"]
PIECES = st.one_of(
    st.sampled_from(MARKS),
    st.sampled_from(
        [
            "said",
            "Ann Lee",
            "told reporters",
            "高市首相は",
            "と述べた",
            "대통령은",
            "라고 말했다",
            "\n",
            "\r\n",
            "\r",
        ]
    ),
    st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=12),
    st.sampled_from(["\u0301", "\u200f", "مرحبا", "😀", "\x00", "\x07", "\ufeff"]),
)
DOCUMENT = st.lists(PIECES, max_size=30).map("".join)


def _run(texts: list[str], folder: Path, suffix: str) -> Path:
    corpus = folder / "c.jsonl"
    corpus.write_text("".join(json.dumps({"id": f"d{i}", "text": t}) + "\n" for i, t in enumerate(texts)))
    out = folder / f"q{suffix}"
    argv = ["extract", str(corpus), "-o", str(out), "--errors", str(folder / "e.csv"), "-q", "--no-translate"]
    cli.main([*argv, "-j", "1", "--include-terms"])  # terms too: every quotation is a row
    return out


@settings(max_examples=60, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(DOCUMENT, min_size=1, max_size=4))
def test_generated_documents_lose_nothing_and_offsets_index_the_raw_text(texts: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        out = _run(texts, folder, ".jsonl")
        rows = [json.loads(line) for line in out.open(encoding="utf-8")]
        with (folder / "e.csv").open(encoding="utf-8", newline="") as f:
            failed = {r["doc"] for r in csv.DictReader(f) if not r["reason"].startswith("warning:")}
        by_doc = {r["doc_id"] for r in rows}
        for i, text in enumerate(texts):
            quoted = any(s.text_in(text).strip() for s in find_spans(normalise(text)[0]))
            # every document is in the table, among the failures, or quotes nothing
            assert f"d{i}" in by_doc or f"c.jsonl:{i + 1}" in failed or not quoted
        for row in rows:
            text = texts[int(row["doc_id"][1:])]
            assert 0 <= row["start"] <= row["end"] <= len(text)
            if "\ufffd" in row["quote"]:
                continue  # repaired: not the user's characters
            raw = normalise(text[row["start"] : row["end"]])[0]  # `quote` is composed, LF (README)
            pieces = re.split(r"\n| … ", row["quote"])
            if len(pieces) == 1:
                assert raw == row["quote"]
            else:  # across paragraphs (without the re-opening marks), or fragments joined by " … "
                assert all(piece in raw for piece in pieces)


@settings(max_examples=20, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(DOCUMENT, min_size=1, max_size=3))
def test_csv_jsonl_and_parquet_hold_the_same_rows(texts: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        with _run(texts, folder, ".jsonl").open(encoding="utf-8") as f:
            jsonl = [json.loads(line) for line in f]
        parquet = pd.read_parquet(_run(texts, folder, ".parquet")).to_dict("records")
        with _run(texts, folder, ".csv").open(encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        assert len(rows) == len(jsonl) == len(parquet)
        for c, j, p in zip(rows, jsonl, parquet, strict=True):
            assert c["quote_id"] == j["quote_id"] == p["quote_id"]
            assert int(c["start"]) == j["start"] == p["start"] and int(c["end"]) == j["end"] == p["end"]
            assert j["quote"] == p["quote"]
            assert c["quote"] in (j["quote"], "'" + j["quote"])  # a formula-like cell is neutralised
