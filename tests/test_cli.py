from __future__ import annotations

import argparse
import csv
import re
import subprocess
import sys
from pathlib import Path

import pytest

from quotes import cli


def _all_parsers(parser: argparse.ArgumentParser) -> list[tuple[str, argparse.ArgumentParser]]:
    found = [(parser.prog, parser)]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {a.dest: a.help for a in action._choices_actions}
            for name, sub in action.choices.items():
                assert helps.get(name), f"subcommand {name} has no help line"
                found += _all_parsers(sub)
    return found


@pytest.mark.parametrize("prog", [p for p, _ in _all_parsers(cli._parser())])
def test_every_command_has_help(prog: str, capsys: pytest.CaptureFixture[str]) -> None:
    parser = dict(_all_parsers(cli._parser()))[prog]
    assert parser.description, f"{prog} has no description"
    for action in parser._actions:
        if action.dest not in ("help", "command", "models_command"):
            assert action.help, f"{prog}: option {action.option_strings or action.dest} has no help"
    argv = [*prog.split()[1:], "--help"]
    with pytest.raises(SystemExit) as done:
        cli.main(argv)
    assert done.value.code == 0
    assert "usage:" in capsys.readouterr().out


def _corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Mayor Ann Lee spoke.\n“We are ready,” Lee told reporters.", encoding="utf-8"
    )
    (folder / "b.txt").write_text("", encoding="utf-8")
    (folder / "manifest.csv").write_text("file,outlet\na.txt,Daily Star\n", encoding="utf-8")
    return folder


def test_extract_writes_table_errors_and_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out, errors = tmp_path / "q.csv", tmp_path / "errors.csv"
    code = cli.main(["extract", str(_corpus(tmp_path)), "-o", str(out), "--errors", str(errors)])
    assert code == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [(r["quote"], r["speaker"], r["outlet"]) for r in rows] == [
        ("We are ready,", "Ann Lee", "Daily Star")
    ]
    (failure,) = list(csv.DictReader(errors.open(encoding="utf-8")))
    assert failure["doc"].endswith("b.txt") and "empty" in failure["reason"]
    summary = capsys.readouterr().out
    assert "1 document(s) read, 1 failed; 1 quote(s)" in summary
    assert "Daily Star 1" in summary and "Ann Lee 1" in summary and "b.txt" in summary


def test_stdout_output_keeps_summary_off_stdout(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "quotes.cli", "extract", str(_corpus(tmp_path)), "-o", "-"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.splitlines()[0].startswith("doc_id,outlet,")
    assert "quote(s) -> -" in done.stderr


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["extract", "does/not/exist", "-o", "x.csv"], "no such file"),
        (["extract", "seeds", "-o", "x.docx"], "unknown output format"),
    ],
)
def test_user_errors_are_one_line_and_exit_2(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_models_status_reads_the_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pkg = tmp_path / "argos" / "translate-ja_en-1_0"
    pkg.mkdir(parents=True)
    (pkg / "metadata.json").write_text('{"from_code": "ja", "to_code": "en", "package_version": "1.0"}')
    (tmp_path / "stanza" / "en" / "tokenize").mkdir(parents=True)
    assert cli.main(["models", "status", "--models", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert re.search(r"ja->en +version 1\.0 +\d+ B ", out)
    assert re.search(r"stanza languages .*\n +en +resources \? +0 B", out)


def test_segments_file(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "The prime minister spoke with the president on Friday evening for twenty minutes.\n"
        "本日、トランプ大統領と電話会談を行いました。\n"
        "Both leaders agreed to meet in the spring and to deepen their cooperation.",
        encoding="utf-8",
    )
    segs = tmp_path / "segments.csv"
    assert (
        cli.main(["extract", str(folder), "-o", str(tmp_path / "q.csv"), "--segments", str(segs), "-q"]) == 0
    )
    rows = list(csv.DictReader(segs.open(encoding="utf-8")))
    assert [(r["lang"], r["script"]) for r in rows] == [("en", "Latin"), ("ja", "Kana"), ("en", "Latin")]
    assert rows[1]["start"] == str(
        len("The prime minister spoke with the president on Friday evening for twenty minutes.\n")
    )
