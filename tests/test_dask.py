"""quotes.dask on a two-worker LocalCluster: the same table as one process."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

from quotes import batch, cli, documents
from quotes.pipeline import Options
from tests.conftest import SEEDS

dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")

OPTIONS = Options(translate=False, cache=False)


@pytest.fixture(scope="module")
def cluster() -> Iterator[object]:
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as c,
        distributed.Client(c),
    ):
        yield c


def _records() -> list[dict[str, object]]:
    read = documents.read_documents(SEEDS).documents
    records: list[dict[str, object]] = [{"id": d.doc_id, "text": d.text, "outlet": d.outlet} for d in read]
    records.insert(2, {"id": "empty", "text": "  "})  # fails, with its reason
    return records


def _local(records: list[dict[str, object]], tmp: Path) -> pd.DataFrame:
    path = tmp / "c.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return batch.run(path, OPTIONS).table.drop(columns=["source"])


def test_a_dataframe_of_articles_gives_the_single_process_table(cluster: object, tmp_path: Path) -> None:
    import quotes.dask

    records = _records()
    articles = dd.from_pandas(pd.DataFrame(records), npartitions=3)
    quotes_, failures = quotes.dask.extract_with_errors(articles, OPTIONS)
    got = quotes_.compute().reset_index(drop=True).drop(columns=["source"])
    pd.testing.assert_frame_equal(got, _local(records, tmp_path))
    assert list(got.columns) == [c for c in quotes.COLUMNS if c != "source"]
    (failure,) = failures.compute().itertuples()
    assert failure.reason == "empty text"


def test_a_bag_of_records_gives_the_same_table(cluster: object, tmp_path: Path) -> None:
    import dask.bag as db

    import quotes.dask

    records = _records()
    got = quotes.dask.extract(db.from_sequence(records, npartitions=2), OPTIONS).compute()
    expected = _local(records, tmp_path)
    assert got.reset_index(drop=True).drop(columns=["source"]).equals(expected)
    assert "Sanae Takaichi" in set(got["speaker"])  # unified across partitions: 高市 is one person


def test_extract_dask_writes_the_table_a_local_run_writes(cluster: object, tmp_path: Path) -> None:
    address = cluster.scheduler_address  # type: ignore[attr-defined]
    local, remote = tmp_path / "local.csv", tmp_path / "remote.csv"
    assert cli.main(["extract", str(SEEDS), "-o", str(local), "-q", "--no-translate", "-j", "1"]) == 0
    assert (
        cli.main(["extract", str(SEEDS), "-o", str(remote), "-q", "--no-translate", "--dask", address]) == 0
    )
    assert remote.read_bytes() == local.read_bytes()


def test_extract_dask_into_a_database_keeps_its_documents(cluster: object, tmp_path: Path) -> None:
    import sqlite3

    address = cluster.scheduler_address  # type: ignore[attr-defined]
    db = tmp_path / "q.sqlite"
    assert cli.main(["extract", str(SEEDS), "-o", str(db), "-q", "--no-translate", "--dask", address]) == 0
    with sqlite3.connect(db) as conn:
        docs = conn.execute("SELECT COUNT(*), COUNT(title) FROM documents").fetchone()
        quoted = conn.execute("SELECT COUNT(DISTINCT doc_id) FROM quotes").fetchone()[0]
    assert docs[0] == len(list(SEEDS.glob("*.txt"))) and docs[1] >= 3 and quoted >= 4


def test_an_unreachable_scheduler_is_a_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["extract", str(SEEDS), "-o", str(tmp_path / "q.csv"), "--dask", "tcp://127.0.0.1:9"]
    import dask

    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        assert cli.main(argv) == 2
    assert "cannot reach the Dask scheduler" in capsys.readouterr().err
    assert not (tmp_path / "q.csv").exists()
