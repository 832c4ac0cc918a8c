"""`-o quotes.sqlite`: the run as a database, opened in a real Datasette (and a real browser)."""

from __future__ import annotations

import csv
import json
import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from quotes import cli
from quotes.table import COLUMNS
from tests.conftest import SEEDS
from tests.test_compare import CHROMIUM, FLAGS


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("db") / "q.sqlite"
    assert cli.main(["extract", str(SEEDS), "-o", str(out), "-q", "-j", "1"]) == 0
    return out


def rows(db: Path, sql: str, *args: object) -> list[sqlite3.Row]:
    with sqlite3.connect(db) as conn:
        conn.row_factory = sqlite3.Row
        return list(conn.execute(sql, args))


def test_the_database_holds_the_same_quotes_as_the_csv(seed_db: Path, tmp_path: Path) -> None:
    table = tmp_path / "q.csv"
    assert cli.main(["extract", str(SEEDS), "-o", str(table), "-q", "-j", "1"]) == 0
    expected = list(csv.DictReader(table.open(encoding="utf-8", newline="")))
    got = rows(seed_db, "SELECT * FROM quotes ORDER BY rowid")
    assert [list(r.keys()) for r in got[:1]] == [list(COLUMNS)]
    as_text = [{k: "" if r[k] is None else str(r[k]) for k in r.keys()} for r in got]  # noqa: SIM118 (sqlite3.Row)
    assert as_text == expected and len(got) > 10


def test_documents_segments_and_indexes_are_there(seed_db: Path) -> None:
    docs = {r["doc_id"]: r for r in rows(seed_db, "SELECT * FROM documents")}
    assert len(docs) == len(list(SEEDS.glob("*.txt")))
    counted = rows(seed_db, "SELECT doc_id, COUNT(*) AS n FROM quotes GROUP BY doc_id")
    assert all(docs[r["doc_id"]]["quotes"] == r["n"] for r in counted)
    assert any(d["outlet"] == "Ground News" for d in docs.values())
    assert any(d["published"] for d in docs.values()) and all(d["lang"] == "en" for d in docs.values())
    assert {r["lang"] for r in rows(seed_db, "SELECT lang FROM segments")} >= {"en", "ja"}
    indexed = {r["name"] for r in rows(seed_db, "SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"idx_quotes_speaker", "idx_quotes_outlet", "idx_quotes_doc_id"} <= indexed


@pytest.mark.parametrize(
    ("query", "speaker"), [('"extremely significant"', "Sanae Takaichi"), ('"電話会談"', "Sanae Takaichi")]
)
def test_full_text_search_finds_quotes_in_any_script(seed_db: Path, query: str, speaker: str) -> None:
    found = rows(
        seed_db,
        "SELECT q.speaker, q.quote FROM quotes_fts JOIN quotes q ON q.rowid = quotes_fts.rowid "
        "WHERE quotes_fts MATCH ?",
        query,
    )
    assert found and all(r["speaker"] == speaker for r in found)
    assert all(query.strip('"').lower() in r["quote"].lower() for r in found)


def test_a_rerun_replaces_the_run_and_compare_adds_its_variants(tmp_path: Path) -> None:
    db = tmp_path / "q.sqlite"
    assert cli.main(["extract", str(SEEDS), "-o", str(db), "-q", "-j", "1"]) == 0
    first = len(rows(db, "SELECT * FROM quotes"))
    assert cli.main(["compare", str(db), "-o", str(db)]) == 0
    variants = len(rows(db, "SELECT * FROM variants"))
    assert variants >= first and len(rows(db, "SELECT * FROM quotes")) == first
    assert cli.main(["compare", str(db), "-o", str(db)]) == 0
    assert len(rows(db, "SELECT * FROM variants")) == variants  # replaced, not appended

    one = tmp_path / "one"
    one.mkdir()
    (one / "a.txt").write_text('"We will win," said Ann Lee, the mayor of Springfield.', encoding="utf-8")
    assert cli.main(["extract", str(one), "-o", str(db), "-q", "-j", "1"]) == 0
    assert [r["speaker"] for r in rows(db, "SELECT speaker FROM quotes")] == ["Ann Lee"]
    assert [r["doc_id"] for r in rows(db, "SELECT doc_id FROM documents")] == ["a"]
    tables = {r["name"] for r in rows(db, "SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "variants" not in tables  # the new run is the whole file
    assert sorted(p.name for p in tmp_path.iterdir()) == ["one", "q.sqlite"]  # no temporary left


def test_unreadable_documents_are_in_the_errors_table(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text('"It works," said Ann Lee.', encoding="utf-8")
    (folder / "bad.jsonl").write_text('{"id": "x"}\n', encoding="utf-8")
    db = tmp_path / "q.sqlite"
    assert cli.main(["extract", str(folder), "-o", str(db), "-q", "-j", "1"]) == 0
    (error,) = rows(db, "SELECT * FROM errors")
    assert "bad.jsonl" in error["doc"] and "text" in error["reason"]
    assert len(rows(db, "SELECT * FROM quotes")) == 1


def test_a_run_that_dies_leaves_the_previous_database(tmp_path: Path) -> None:
    from quotes.batch import write_run
    from quotes.pipeline import Options

    db = tmp_path / "q.sqlite"
    assert cli.main(["extract", str(SEEDS), "-o", str(db), "-q", "-j", "1"]) == 0
    before = db.read_bytes()

    def dies(stream: Iterator[object]) -> Iterator[object]:
        yield next(stream)
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_run(SEEDS, Options(), str(db), progress=dies)  # type: ignore[arg-type]
    assert db.read_bytes() == before
    left = sorted(p.name for p in tmp_path.iterdir() if p.name != "q.sqlite")
    assert len(left) == 1 and ".partial." in left[0]  # the finished documents' rows, kept (writers.Spool)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def datasette(seed_db: Path, tmp_path: Path) -> Iterator[str]:
    """`datasette q.sqlite` on loopback, as a user starts it."""
    port = free_port()
    env = {**os.environ, "NO_PROXY": "127.0.0.1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "datasette", str(seed_db), "-h", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(base + "/-/versions.json", timeout=2).read()
                break
            except OSError:
                if server.poll() is not None:
                    message = server.stderr.read().decode() if server.stderr else "datasette died"
                    raise AssertionError(message) from None
                time.sleep(0.1)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_datasette_answers_a_full_text_search_with_the_speaker(datasette: str, seed_db: Path) -> None:
    url = datasette + "/q/quotes.json?_search=extremely+significant&_shape=array"
    found = json.loads(urllib.request.urlopen(url, timeout=30).read())
    assert found and {r["speaker"] for r in found} == {"Sanae Takaichi"}
    assert all("extremely significant" in r["quote"] for r in found)
    facets = json.loads(
        urllib.request.urlopen(datasette + "/q/quotes.json?_facet=speaker", timeout=30).read()
    )
    speakers = {f["value"]: f["count"] for f in facets["facet_results"]["speaker"]["results"]}
    counted = rows(seed_db, "SELECT speaker, COUNT(*) AS n FROM quotes WHERE speaker > '' GROUP BY speaker")
    assert speakers == {r["speaker"]: r["n"] for r in counted}


@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (make setup installs it)")
def test_datasette_page_renders_the_search_in_a_browser(datasette: str, tmp_path: Path) -> None:
    page = datasette + "/q/quotes?_search=extremely+significant&_col=speaker&_col=cue&_col=quote"
    base = [str(CHROMIUM), *FLAGS, f"--user-data-dir={tmp_path / 'profile'}"]
    dom = subprocess.run([*base, "--dump-dom", page], capture_output=True, text=True, timeout=120).stdout
    assert "2 rows where search matches" in dom and dom.count("Sanae Takaichi") >= 2
    shot = Path(os.environ.get("QUOTES_SCREENSHOT_DIR", tmp_path)) / "datasette.png"
    subprocess.run(
        [*base, "--window-size=1280,720", f"--screenshot={shot}", page],
        capture_output=True,
        timeout=120,
        check=True,
    )
    assert shot.stat().st_size > 20_000 and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_export_from_python_replaces_one_table_and_keeps_the_others(seed_db: Path, tmp_path: Path) -> None:
    import shutil

    import quotes
    from quotes.evaluate import read_table

    db = tmp_path / "copy.sqlite"
    shutil.copy(seed_db, db)
    table = read_table(db)
    attributed = table[table["speaker"].notna()].reset_index(drop=True)
    quotes.export(attributed, db)
    assert len(rows(db, "SELECT * FROM quotes")) == len(attributed) < len(table)
    assert len(rows(db, "SELECT * FROM documents")) == len(rows(seed_db, "SELECT * FROM documents"))
    assert rows(
        db,
        "SELECT speaker FROM quotes_fts JOIN quotes ON quotes.rowid = quotes_fts.rowid "
        "WHERE quotes_fts MATCH '\"extremely significant\"'",
    )  # the search index follows
