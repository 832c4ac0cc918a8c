"""The pipeline mapped over Dask collections, for corpora larger than one machine.

    import dask.dataframe as dd, quotes.dask
    articles = dd.read_parquet("corpus/*.parquet")          # id, text, and lang, outlet, … if any
    table = quotes.dask.extract(articles)                   # a Dask DataFrame with quotes.COLUMNS
    table.to_parquet("quotes/")

Dask schedules; nothing here does. Each partition runs through the same `batch.process` as a
local run, with one set of translators per worker process. Speakers are then unified across
the whole corpus from the distinct names alone (a small table), so the result equals the
single-process table.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quotes.batch import Outcome, outcome_of, translators_for, unique_ids
from quotes.documents import Document, ReadFailure, iter_documents, read_record
from quotes.pipeline import Options
from quotes.speakers import canonical_map
from quotes.table import COLUMNS, ERROR_COLUMNS, to_frame
from quotes.translate import Translators

if TYPE_CHECKING:
    import dask.bag as db
    import dask.dataframe as dd
    import pandas as pd

_TRANSLATORS: dict[Options, Translators] = {}  # per worker process, per run's options


def _translators(options: Options) -> Translators:
    if options not in _TRANSLATORS:
        _TRANSLATORS[options] = translators_for(options)
    return _TRANSLATORS[options]


Parts = tuple["pd.DataFrame", "pd.DataFrame", "pd.DataFrame"]  # quotes, failures, counts
COUNT_COLUMNS = {"documents": "Int64", "chars": "Int64"}


def _run(items: Iterable[Document | ReadFailure], options: Options) -> Parts:
    """A partition's quote rows, its failures, and how many documents and characters it had."""
    rows: list[dict[str, Any]] = []
    failures: list[dict[str, Any]] = []
    documents = chars = 0
    for item in items:
        outcome = outcome_of(item, options, _translators(options))
        if outcome.failure is not None:
            failures.append({"doc": outcome.failure.doc, "reason": outcome.failure.reason})
        else:
            rows.extend(outcome.rows)
            documents += 1
            chars += outcome.chars
    counts = to_frame([{"documents": documents, "chars": chars}], COUNT_COLUMNS)
    return to_frame(rows), to_frame(failures, ERROR_COLUMNS), counts


def _records(records: Iterable[Mapping[str, Any]], partition: str) -> Iterable[Document | ReadFailure]:
    for n, record in enumerate(records, 1):
        yield read_record(dict(record), f"{partition}:{n}", str(record.get("source") or partition))


def _frame_part(frame: pd.DataFrame, options: Options, number: int) -> Parts:
    records = [{str(k): v for k, v in r.items()} for r in frame.to_dict("records")]
    return _run(_records(records, f"partition {number}"), options)


def _items_part(items: list[Any], options: Options, number: int) -> Parts:
    where = f"partition {number}"
    docs = (
        item
        if isinstance(item, Document)
        else read_record(dict(item), f"{where}:{n}", str(item.get("source") or where))
        for n, item in enumerate(items, 1)
    )
    return _run(docs, options)


def extract(collection: db.Bag | dd.DataFrame, options: Options | None = None) -> dd.DataFrame:
    """The quote table of a Dask DataFrame of `id, text, …` rows or a bag of such dicts (or of
    `quotes.Document`s), as a Dask DataFrame with `quotes.COLUMNS`, speakers unified corpus-wide."""
    return extract_with_errors(collection, options)[0]


def extract_with_errors(
    collection: db.Bag | dd.DataFrame, options: Options | None = None
) -> tuple[dd.DataFrame, dd.DataFrame]:
    """(quotes, failures): also the documents that could not be read or processed, and why."""
    import dask.dataframe as ddf

    part = _frame_part if isinstance(collection, ddf.DataFrame) else _items_part
    return _extract(collection, options or Options(), part)[:2]


def _extract(collection: Any, options: Options, part: Any) -> tuple[dd.DataFrame, dd.DataFrame, dd.DataFrame]:
    import dask
    import dask.dataframe as ddf

    done = [dask.delayed(part, pure=True)(p, options, n) for n, p in enumerate(collection.to_delayed())]
    frames = [
        ddf.from_delayed([d[k] for d in done], meta=to_frame([], columns), verify_meta=False)
        for k, columns in enumerate((COLUMNS, ERROR_COLUMNS, COUNT_COLUMNS))
    ]
    quotes, errors, counts = dask.persist(*frames)  # each partition runs once, for all three
    return unify(quotes), errors, counts


def unify(quotes: dd.DataFrame) -> dd.DataFrame:
    """Speakers replaced by their corpus-wide canonical names (speakers.py), read from the
    distinct (speaker, type, language) triples only."""
    names = quotes[["speaker", "speaker_type", "lang"]].dropna(subset=["speaker"]).drop_duplicates().compute()
    mapping = canonical_map(
        (str(r.speaker), _text(r.speaker_type), _text(r.lang)) for r in names.itertuples(index=False)
    )
    if not mapping:
        return quotes
    return quotes.map_partitions(_rename, mapping, meta=quotes._meta)


def _rename(frame: pd.DataFrame, mapping: dict[str, str]) -> pd.DataFrame:
    out = frame.copy()
    out["speaker"] = (
        out["speaker"].map(lambda s: mapping.get(s, s) if isinstance(s, str) else s).astype("string")
    )
    return out


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


class SchedulerUnreachable(ConnectionError):
    """No Dask scheduler answers at the address given."""


BATCH = 32  # documents per task sent to the cluster
IN_FLIGHT = 4  # tasks per worker waiting or running: what the driver holds in memory


def outcomes(
    inputs: Iterable[str | Path] | str | Path, options: Options, address: str, skip: Iterable[Path] = ()
) -> Iterator[Outcome]:
    """`quotes extract --dask ADDRESS`: documents are read here as a local run reads them,
    sent to the cluster in batches, and their outcomes come back in input order, a bounded
    number in flight; batch.write_run writes them as it writes a local run's."""
    from distributed import Client

    try:
        client = Client(address)
    except (OSError, TimeoutError) as exc:
        raise SchedulerUnreachable(f"cannot reach the Dask scheduler at {address}: {exc}") from None
    with client:
        workers = max(1, len(client.scheduler_info()["workers"]))
        pending: deque[Any] = deque()
        batches = _batches(unique_ids(iter_documents(inputs, skip)), BATCH)
        for batch_ in batches:
            pending.append(client.submit(_outcomes, batch_, options, pure=False))
            if len(pending) >= workers * IN_FLIGHT:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


def _batches(items: Iterator[Document | ReadFailure], size: int) -> Iterator[list[Document | ReadFailure]]:
    while batch_ := list(islice(items, size)):
        yield batch_


def _outcomes(items: list[Document | ReadFailure], options: Options) -> list[Outcome]:
    return [outcome_of(item, options, _translators(options)) for item in items]
