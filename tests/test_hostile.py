"""Hostile inputs (issue 12): nothing lost, nothing aborts the batch, clear one-line errors."""

from __future__ import annotations

import csv
import functools
import json
import os
from pathlib import Path

import pandas as pd
import pytest

from quotes import cli, documents

QUOTE = "“We will not raise taxes this year,” Mayor Ann Lee told reporters."


def _extract(*argv: str) -> int:
    return cli.main(["extract", *argv, "-q", "--no-translate", "-j", "1"])


def _errors(path: Path) -> dict[str, str]:
    with path.open(encoding="utf-8", newline="") as f:
        return {r["doc"]: r["reason"] for r in csv.DictReader(f)}


def test_a_lone_surrogate_is_replaced_and_reported_and_the_batch_goes_on(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    bad = json.dumps({"id": "bad", "text": "“We are \ud800 ready,” Lee said."})  # JSON escapes it
    corpus.write_text(bad + "\n" + json.dumps({"id": "good", "text": QUOTE}) + "\n", encoding="utf-8")
    out, errors = tmp_path / "q.csv", tmp_path / "e.csv"
    assert _extract(str(corpus), "-o", str(out), "--errors", str(errors)) == 0
    table = pd.read_csv(out)
    assert table["doc_id"].tolist() == ["bad", "good"]
    assert table["quote"][0] == "We are \ufffd ready,"
    assert _errors(errors) == {"bad": "warning: 1 lone surrogate(s) replaced with U+FFFD"}


def test_nearly_utf8_is_utf8_with_damage_not_another_encoding(tmp_path: Path) -> None:
    text = ("Ann Lee spoke in Tokyo on Monday. " * 20 + QUOTE).encode("utf-8")
    (tmp_path / "a.txt").write_bytes(text[:100] + b"\xff\xfe" + text[100:])
    (doc,) = documents.read_documents(tmp_path).documents
    assert "“We will not raise taxes" in doc.text  # not ‚ÄúWe will … (mac_iceland)
    assert doc.warnings == ("2 invalid UTF-8 byte sequence(s) replaced with U+FFFD",)


def test_a_bad_manifest_costs_its_metadata_not_the_batch(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(QUOTE, encoding="utf-8")
    (tmp_path / "manifest.csv").write_bytes(b"name,outlet\n\xff\xfe,x\n")
    read = documents.read_documents(tmp_path)
    assert [d.doc_id for d in read.documents] == ["a"]
    (failure,) = read.failures
    assert failure.doc.endswith("manifest.csv") and "read without it" in failure.reason


@pytest.mark.parametrize(
    "where",
    [
        "directory",
        "under a file",
        "an input",
        "the errors file",
        "directory (sqlite)",
        "under a file (sqlite)",
        "directory (xlsx)",
    ],
)
def test_an_output_that_cannot_or_must_not_be_written_is_refused_before_any_work(
    tmp_path: Path, where: str, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "a", "text": QUOTE}) + "\n", encoding="utf-8")
    for name in ("dir.csv", "dir.sqlite", "dir.xlsx"):
        (tmp_path / name).mkdir()
    target = {
        "directory": tmp_path / "dir.csv",
        "directory (sqlite)": tmp_path / "dir.sqlite",
        "directory (xlsx)": tmp_path / "dir.xlsx",
        "under a file": corpus / "q.csv",
        "under a file (sqlite)": corpus / "q.sqlite",
        "an input": corpus,
        "the errors file": tmp_path / "e.csv",
    }[where]
    before = corpus.read_bytes()
    code = _extract(str(corpus), "-o", str(target), "--errors", str(tmp_path / "e.csv"))
    err = capsys.readouterr().err
    assert code == 2 and err.startswith("quotes: error: ") and err.count("\n") == 1
    assert corpus.read_bytes() == before
    assert not list(tmp_path.glob(".*.tmp")) and not list(tmp_path.glob(".*partial*"))


def test_outputs_inside_an_input_folder_are_not_read_back(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(QUOTE, encoding="utf-8")
    out = tmp_path / "q.jsonl"
    assert _extract(str(tmp_path), "-o", str(out)) == 0
    assert _extract(str(tmp_path), "-o", str(out)) == 0  # the first run's table is not an input
    assert [json.loads(line)["doc_id"] for line in out.open(encoding="utf-8")] == ["a"]


def test_duplicate_ids_are_renamed_with_a_warning(tmp_path: Path) -> None:
    for name in ("x.jsonl", "y.jsonl"):
        (tmp_path / name).write_text(json.dumps({"id": "same", "text": QUOTE}) + "\n", encoding="utf-8")
    out, errors = tmp_path / "q.csv", tmp_path / "e.csv"
    assert (
        _extract(
            str(tmp_path / "x.jsonl"), str(tmp_path / "y.jsonl"), "-o", str(out), "--errors", str(errors)
        )
        == 0
    )
    table = pd.read_csv(out)
    assert table["quote_id"].tolist() == ["same:1", "same#2:1"]
    assert "renamed 'same#2'" in _errors(errors)["same#2"]


def test_empty_quotes_are_no_rows(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "a", "text": "He said “” and 「」 then “Yes,” Lee said."}) + "\n")
    out = tmp_path / "q.csv"
    assert _extract(str(corpus), "-o", str(out)) == 0
    assert pd.read_csv(out)["quote"].tolist() == ["Yes,"]


def test_a_symlink_loop_and_an_empty_folder_are_reported(tmp_path: Path) -> None:
    loop = tmp_path / "loop.txt"
    os.symlink(loop, loop)
    empty = tmp_path / "empty"
    empty.mkdir()
    good = tmp_path / "a.txt"
    good.write_text(QUOTE, encoding="utf-8")
    read = documents.read_documents([loop, empty, good])
    assert [d.doc_id for d in read.documents] == ["a"]
    reasons = {Path(f.doc).name: f.reason for f in read.failures}
    assert reasons["loop.txt"] == "symbolic link loop"
    assert reasons["empty"].startswith("nothing to read")


def test_a_document_over_the_budget_is_reported_not_hung_on(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(
        json.dumps({"id": "big", "text": QUOTE * 50}) + "\n" + json.dumps({"id": "ok", "text": QUOTE}) + "\n"
    )
    out, errors = tmp_path / "q.csv", tmp_path / "e.csv"
    assert _extract(str(corpus), "-o", str(out), "--errors", str(errors), "--max-doc-chars", "1000") == 0
    assert pd.read_csv(out)["doc_id"].tolist() == ["ok"]
    assert "more than --max-doc-chars 1,000" in _errors(errors)["big"]


def test_errors_file_neutralises_formulas_and_a_leading_tab(tmp_path: Path) -> None:
    from quotes.writers import safe_cell

    assert safe_cell("\tx") == "'\tx" and safe_cell("\rx") == "'\rx" and safe_cell("x=1") == "x=1"
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "\t=cmd", "text": QUOTE * 50}) + "\n")
    errors = tmp_path / "e.csv"
    _extract(str(corpus), "-o", str(tmp_path / "q.csv"), "--errors", str(errors), "--max-doc-chars", "100")
    assert list(_errors(errors)) == ["'=cmd"]  # the id, stripped, as a spreadsheet shows it


def test_cost_per_quote_does_not_grow_with_the_line_or_the_page(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every window is bounded and every paragraph scanned once: the sentence breaks a quote's
    sentence is looked up in, the mentions read as candidates. Counted in characters, not timed."""
    from quotes import kinds, sentences
    from quotes.attribution import candidates
    from quotes.pipeline import Options, extract_quotes

    scanned: list[int] = []
    real = sentences._SENTENCE_BREAK

    class Counting:
        def finditer(self, text: str, lo: int = 0, hi: int | None = None):  # type: ignore[no-untyped-def]
            scanned.append((len(text) if hi is None else hi) - lo)
            return real.finditer(text, lo, len(text) if hi is None else hi)

        def match(self, text: str, lo: int = 0, hi: int | None = None):  # type: ignore[no-untyped-def]
            scanned.append((len(text) if hi is None else hi) - lo)
            return real.match(text, lo, len(text) if hi is None else hi)

    monkeypatch.setattr(sentences, "_SENTENCE_BREAK", Counting())
    real_mentions = candidates._paragraph_mentions.__wrapped__
    mention_scans: list[int] = []

    def counting_mentions(text: str, start: int, end: int, lex: object):  # type: ignore[no-untyped-def]
        mention_scans.append(end - start)
        return real_mentions(text, start, end, lex)

    monkeypatch.setattr(candidates, "_paragraph_mentions", functools.lru_cache(maxsize=64)(counting_mentions))
    options = Options(translate=False, cache=False, lang="en")
    for n in (100, 1000):
        scanned.clear()
        mention_scans.clear()
        sentences._breaks.cache_clear()
        text = "'a' 'b' X " * n  # one endless line, a quote every five characters
        extract_quotes(text, options=options)
        assert sum(scanned) <= 2 * len(text)  # the line once, and a few characters per quote
        assert sum(mention_scans) <= len(text)
    assert kinds.SENTENCE_WINDOW <= 400


def test_a_pronoun_on_an_endless_line_reads_a_bounded_stretch_before_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Resolving 'it' or 'she' looks back over its paragraph; on a one-line page that was the
    whole page, once per pronoun."""
    from quotes import names
    from quotes.pipeline import Options, extract_quotes

    read: list[int] = []
    real = names._organizations

    def counting(text: str, lo: int, hi: int, *args: object):  # type: ignore[no-untyped-def]
        read.append(hi - lo)
        return real(text, lo, hi, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(names, "_organizations", counting)
    text = "The ministry met on Monday. “We will act,” it said. " * 400  # 21,000 characters, one line
    quotes = extract_quotes(text, options=Options(translate=False, cache=False, lang="en"))
    assert len(quotes) == 400 and len(read) >= 300
    assert max(read) <= 2 * names.PARAGRAPH_WINDOW + 1  # its paragraph and the one before, each bounded
    assert {q.speaker for q in quotes[-5:]} == {quotes[0].speaker}
