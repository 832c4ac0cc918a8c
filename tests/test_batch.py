"""The corpus run: streaming readers and writers, worker processes, nothing lost on failure."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from quotes import batch, cli, documents, writers
from quotes.pipeline import Options
from tests.conftest import SEEDS

QUOTE = "“We will not raise taxes this year,” Mayor Ann Lee told reporters on {day}."


def _jsonl(path: Path, n: int, bad: set[int] = frozenset()) -> Path:  # type: ignore[assignment]
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            if i in bad:
                f.write("{not json\n")
            else:
                f.write(json.dumps({"id": f"d{i}", "text": QUOTE.format(day=f"day {i}")}) + "\n")
    return path


def _extract(*argv: str) -> int:
    return cli.main(["extract", *argv, "-q", "--no-translate"])


def test_jobs_give_the_same_table_as_one_process(tmp_path: Path) -> None:
    corpus = _jsonl(tmp_path / "c.jsonl", 40, bad={7})
    one, two = tmp_path / "one.csv", tmp_path / "two.csv"
    assert _extract(str(SEEDS), str(corpus), "-o", str(one), "-j", "1") == 0
    assert _extract(str(SEEDS), str(corpus), "-o", str(two), "-j", "2") == 0
    assert one.read_bytes() == two.read_bytes()
    table = pd.read_csv(one)
    assert len(table) == 14 + 39  # the seeds, and every good line of the JSONL
    assert "Sanae Takaichi" in set(table["speaker"])


def test_one_bad_line_costs_that_line_only(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    lines = [json.dumps({"id": "a", "text": QUOTE.format(day="Monday")}).encode(), b"\x00{}", b"{broken"]
    lines.append(json.dumps({"id": "b", "text": QUOTE.format(day="Friday")}).encode())
    corpus.write_bytes(b"\n".join(lines) + b"\n")
    read = documents.read_documents(corpus)
    assert [d.doc_id for d in read.documents] == ["a", "b"]
    assert [f.doc for f in read.failures] == ["c.jsonl:2", "c.jsonl:3"]
    assert "NUL" in read.failures[0].reason and "invalid JSON" in read.failures[1].reason


def test_documents_are_read_as_they_are_needed(tmp_path: Path) -> None:
    corpus = _jsonl(tmp_path / "c.jsonl", 3)
    stream = documents.iter_documents(corpus)
    first = next(stream)
    with corpus.open("a", encoding="utf-8") as f:  # appended after the first was read
        f.write(json.dumps({"id": "late", "text": QUOTE.format(day="Sunday")}) + "\n")
    assert isinstance(first, documents.Document) and first.doc_id == "d0"
    assert [d.doc_id for d in stream if isinstance(d, documents.Document)] == ["d1", "d2", "late"]


def test_a_run_that_dies_keeps_the_old_table_and_the_finished_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = _jsonl(tmp_path / "c.jsonl", 5)
    out = tmp_path / "q.csv"
    out.write_text("the previous run\n", encoding="utf-8")
    real = batch.process

    def dies_on_the_fourth(doc: documents.Document, *args: object) -> batch.Outcome:
        if doc.doc_id == "d3":
            raise KeyboardInterrupt
        return real(doc, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(batch, "process", dies_on_the_fourth)
    with pytest.raises(KeyboardInterrupt):
        _extract(str(corpus), "-o", str(out), "-j", "1")
    assert out.read_text(encoding="utf-8") == "the previous run\n"
    (spool,) = tmp_path.glob(".q.csv.partial.*.jsonl")
    assert [json.loads(line)["doc_id"] for line in spool.open(encoding="utf-8")] == ["d0", "d1", "d2"]
    assert not list(tmp_path.glob(".q.csv.*.tmp"))  # no half-written table left behind


def test_a_run_that_fails_before_any_row_leaves_nothing_behind(tmp_path: Path) -> None:
    assert _extract(str(tmp_path / "missing"), "-o", str(tmp_path / "q.csv")) == 2
    assert list(tmp_path.iterdir()) == []


def test_csv_reads_back_as_the_jsonl_rows_even_with_bare_carriage_returns(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    text = "“We are ready,” Lee told reporters.\n“=SUM(A1),” he said."
    record = {"id": "cr", "text": text, "url": "https://example.org/a\rb", "title": "x"}
    corpus.write_text(json.dumps(record) + "\n", encoding="utf-8")
    as_csv, as_jsonl = tmp_path / "q.csv", tmp_path / "q.jsonl"
    assert _extract(str(corpus), "-o", str(as_csv)) == 0
    assert _extract(str(corpus), "-o", str(as_jsonl)) == 0
    jsonl = [json.loads(line) for line in as_jsonl.open(encoding="utf-8")]
    with as_csv.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == len(jsonl) == len(pd.read_csv(as_csv)) == 2
    assert [r["url"] for r in rows] == [r["url"] for r in jsonl] == ["https://example.org/a\rb"] * 2
    assert [r["quote"] for r in rows] == [jsonl[0]["quote"], "'" + jsonl[1]["quote"]]  # no formula


def test_parquet_is_written_by_row_groups(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(writers, "ROW_GROUP", 4)
    corpus = _jsonl(tmp_path / "c.jsonl", 10)
    out, ref = tmp_path / "q.parquet", tmp_path / "q.jsonl"
    assert _extract(str(corpus), "-o", str(out)) == 0
    assert _extract(str(corpus), "-o", str(ref)) == 0
    assert pq.ParquetFile(out).num_row_groups == 3
    table = pd.read_parquet(out)
    assert table["quote_id"].tolist() == [json.loads(r)["quote_id"] for r in ref.open(encoding="utf-8")]
    assert str(table["start"].dtype) == "int64"


def test_writer_abort_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "q.jsonl"
    writer = writers.TableWriter(target)
    writer.write([{"doc_id": "x", "quote": "a"}])
    writer.abort()
    assert list(tmp_path.iterdir()) == []


def test_output_files_get_the_usual_permissions(tmp_path: Path) -> None:
    out = tmp_path / "q.csv"
    assert _extract(str(SEEDS), "-o", str(out)) == 0
    import os

    mask = os.umask(0)
    os.umask(mask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~mask


def test_summary_ends_with_the_rate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["extract", str(SEEDS), "-o", str(tmp_path / "q.csv"), "-j", "1"]) == 0
    last = capsys.readouterr().out.strip().splitlines()[-1]
    chars = sum(len(d.text) for d in documents.read_documents(SEEDS).documents)
    assert last.startswith(f"rate: 5 document(s), {chars:,} characters in ")
    assert last.endswith("(1 job(s))")


def test_the_library_run_matches_the_command(tmp_path: Path) -> None:
    out = tmp_path / "q.csv"
    assert _extract(str(SEEDS), "-o", str(out), "-j", "1") == 0
    table = batch.run(SEEDS, Options(translate=False)).table
    buffer = io.StringIO(out.read_text(encoding="utf-8"))
    assert table["quote_id"].tolist() == pd.read_csv(buffer)["quote_id"].tolist()
