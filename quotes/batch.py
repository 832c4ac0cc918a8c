"""A corpus run: documents stream from the readers through the pipeline, one at a time or in
worker processes, in input order.

The first document is processed in the main process, so that the patterns it compiles and
the models it loads are in memory before the workers fork from it: each worker then starts
warm, and none loads anything twice. Reading runs ahead of the workers by a bounded number
of documents, so memory holds a window, never the corpus.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quotes import nlp
from quotes.documents import Document, ReadFailure, iter_documents, named_files
from quotes.outlets import outlet_of
from quotes.pipeline import Options, document_row, document_rows, process_text
from quotes.speakers import canonical_map, unify
from quotes.table import SEGMENT_COLUMNS, ExportError, to_frame
from quotes.translate import Translators
from quotes.writers import RunOutputs, Spool

if TYPE_CHECKING:
    import pandas as pd

WINDOW_PER_JOB = 16  # documents read ahead per worker: memory holds this many at most
CHUNK = 2  # documents a worker takes at a time


@dataclass
class Outcome:
    """What one document gave: its rows and segments, or why it failed."""

    doc_id: str
    chars: int = 0
    rows: list[dict[str, Any]] = field(default_factory=list)
    segments: list[dict[str, Any]] = field(default_factory=list)
    failure: ReadFailure | None = None
    missing_models: frozenset[str] = frozenset()
    warnings: tuple[str, ...] = ()  # repaired while reading, renamed: processed, but worth knowing
    document: dict[str, Any] | None = None  # its row of the database's documents table


def default_jobs() -> int:
    """All the cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def process(doc: Document, options: Options, translators: Translators) -> Outcome:
    """One document through the pipeline; an internal error fails this document only."""
    if len(doc.text) > options.max_doc_chars:
        reason = f"{len(doc.text):,} characters, more than --max-doc-chars {options.max_doc_chars:,}"
        return Outcome(doc.doc_id, len(doc.text), failure=ReadFailure(doc.doc_id, reason))
    try:
        quotes, segs = process_text(
            doc.text, lang=doc.lang or options.lang, options=options, translators=translators
        )
    except Exception as exc:  # one document must never end the batch
        where = traceback.extract_tb(exc.__traceback__)[-1]
        reason = f"internal error {type(exc).__name__}: {exc} ({Path(where.filename).name}:{where.lineno})"
        return Outcome(doc.doc_id, len(doc.text), failure=ReadFailure(doc.doc_id, reason))
    segments = [
        {"doc_id": doc.doc_id, **s.__dict__, "start": doc.raw(s.start), "end": doc.raw(s.end)} for s in segs
    ]
    outlet = outlet_of(doc)  # read once, for the rows and for the document's own row
    return Outcome(
        doc.doc_id,
        len(doc.text),
        document_rows(doc, quotes, outlet),
        segments,
        None,
        frozenset(translators.missing),
        doc.warnings,
        document_row(doc, segs, len(quotes), outlet),
    )


def outcomes(
    inputs: Iterable[str | Path] | str | Path, options: Options, jobs: int = 1, skip: Iterable[Path] = ()
) -> Iterator[Outcome]:
    """Every document's outcome, in input order; unreadable inputs come as failed outcomes.
    `skip`: files not to read (the run's own outputs, when they lie among the inputs)."""
    items = unique_ids(iter_documents(inputs, skip))
    translators = translators_for(options)
    for item in items:  # the first document warms this process before any worker forks
        yield outcome_of(item, options, translators)
        break
    if jobs <= 1:
        for item in items:
            yield outcome_of(item, options, translators)
        return
    context = multiprocessing.get_context("fork")
    in_flight = threading.Semaphore(jobs * WINDOW_PER_JOB)
    stop = threading.Event()

    def feed() -> Iterator[Document | ReadFailure]:
        # the pool reads its input as fast as it can: hold it to a window of documents
        for item in items:
            in_flight.acquire()
            if stop.is_set():
                return
            yield item

    with context.Pool(jobs, initializer=_start_worker, initargs=(options,)) as pool:
        try:
            for outcome in pool.imap(_work, feed(), chunksize=CHUNK):
                in_flight.release()
                yield outcome
        finally:
            stop.set()
            in_flight.release()  # a feeder waiting for a slot sees the stop


def unique_ids(items: Iterable[Document | ReadFailure]) -> Iterator[Document | ReadFailure]:
    """Documents with an id seen before get `id#2`, `id#3` …, and a warning saying so: quote_ids
    stay unique. Only the ids are remembered."""
    seen: dict[str, int] = {}
    for item in items:
        if isinstance(item, Document):
            n = seen[item.doc_id] = seen.get(item.doc_id, 0) + 1
            if n > 1:
                new = f"{item.doc_id}#{n}"
                note = f"document id {item.doc_id!r} seen before (in {item.source}): renamed {new!r}"
                item = replace(item, doc_id=new, warnings=(*item.warnings, note))
                seen.setdefault(new, 1)
        yield item


def outcome_of(item: Document | ReadFailure, options: Options, translators: Translators) -> Outcome:
    """A document processed, or a read failure passed on as a failed outcome."""
    if isinstance(item, ReadFailure):
        return Outcome(item.doc, failure=item)
    return process(item, options, translators)


def translators_for(options: Options) -> Translators:
    return Translators(store=options.models, enabled=options.translate, use_cache=options.cache)


_WORKER: dict[str, Any] = {}


def _start_worker(options: Options) -> None:
    # a worker opens its own translators: a forked SQLite connection must not be shared
    _WORKER["options"] = options
    _WORKER["translators"] = translators_for(options)


def _work(item: Document | ReadFailure) -> Outcome:
    return outcome_of(item, _WORKER["options"], _WORKER["translators"])


@dataclass
class RunStats:
    """What the summary reports, counted as rows are written: nothing here grows with the corpus
    but the names of outlets, speakers and engines."""

    documents: int = 0
    chars: int = 0
    quotes: int = 0
    failures: list[ReadFailure] = field(default_factory=list)
    outlets: Counter[str] = field(default_factory=Counter)
    speakers: Counter[str] = field(default_factory=Counter)
    unattributed: int = 0
    engines: Counter[str] = field(default_factory=Counter)
    attribution: Counter[str] = field(default_factory=Counter)
    langs: Counter[str] = field(default_factory=Counter)
    engines_by_lang: dict[str, Counter[str]] = field(default_factory=dict)
    missing_models: set[str] = field(default_factory=set)
    missing_stanza: set[str] = field(default_factory=set)
    seconds: float = 0.0
    jobs: int = 1
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (document, what was repaired)

    def add_outcome(self, outcome: Outcome) -> None:
        self.warnings.extend((outcome.doc_id, w) for w in outcome.warnings)
        if outcome.failure is not None:
            self.failures.append(outcome.failure)
            return
        self.documents += 1
        self.chars += outcome.chars
        self.missing_models |= outcome.missing_models

    def add_rows(self, rows: Iterable[dict[str, Any]]) -> None:
        for row in rows:
            self.quotes += 1
            self.outlets[row.get("outlet") or "(no outlet)"] += 1
            if row.get("speaker"):
                self.speakers[str(row["speaker"])] += 1
            else:
                self.unattributed += 1
            engine, lang = row.get("translation_engine"), row.get("lang")
            if engine:
                self.engines[str(engine)] += 1
            if lang:
                self.langs[str(lang)] += 1
                if engine:
                    self.engines_by_lang.setdefault(str(lang), Counter())[str(engine)] += 1
            if row.get("nlp_engine"):
                self.attribution[str(row["nlp_engine"])] += 1

    def finish(self, options: Options, seconds: float) -> None:
        self.seconds = seconds
        if options.nlp == "auto":
            self.missing_stanza = {lang for lang in self.langs if not nlp.available(lang, options.models)}


def write_run(
    inputs: Iterable[str | Path] | str | Path,
    options: Options,
    output: str,
    *,
    errors: str | None = None,
    segments_to: str | None = None,
    excel: bool = False,
    jobs: int = 1,
    progress: Callable[[Iterator[Outcome]], Iterator[Outcome]] | None = None,
    elsewhere: Callable[[list[Path]], Iterator[Outcome]] | None = None,
) -> RunStats:
    """Extract every quote under `inputs` into `output` as the documents are processed. Rows of
    finished documents wait in a spool beside the output until the corpus-wide speaker names
    are known (speakers.py), then the table is written and put in place in one rename.
    `elsewhere(skip)` replaces the local processes (quotes.dask.outcomes runs them on a cluster);
    `skip` lists the outputs, not to be read as inputs."""
    started = time.perf_counter()
    stats = RunStats(jobs=jobs if elsewhere is None else 0)  # 0: the processes were a cluster's
    targets = [t for t in (output, segments_to, errors) if t and t != "-"]
    check_targets(inputs, targets)
    # every output is opened before any work, so an unwritable one fails in a second, not an hour
    outputs = RunOutputs(output, segments_to=segments_to, errors=errors, excel=excel)
    spool = Spool(None if output == "-" else Path(output))
    names: set[tuple[str, str | None, str | None]] = set()
    try:
        skip = [Path(t) for t in targets]
        stream = elsewhere(skip) if elsewhere is not None else outcomes(inputs, options, jobs, skip)
        for outcome in progress(stream) if progress else stream:
            stats.add_outcome(outcome)
            outputs.errors({"doc": outcome.doc_id, "reason": f"warning: {w}"} for w in outcome.warnings)
            if outcome.failure is not None:
                outputs.errors([{"doc": outcome.failure.doc, "reason": outcome.failure.reason}])
                continue
            spool.write(outcome.rows)
            names.update(_speaker_key(r) for r in outcome.rows if r.get("speaker"))
            outputs.segments(outcome.segments)
            outputs.document(outcome.document)
        mapping = canonical_map(names)
        for row in spool.read():
            if row.get("speaker"):
                row["speaker"] = mapping.get(row["speaker"], row["speaker"])
            outputs.quotes.write([row])
            stats.add_rows([row])
        outputs.commit()
    except BaseException:
        outputs.abort()
        spool.keep_if_any()
        raise
    finally:
        outputs.close_errors()  # what failed is worth keeping even when the run did not finish
    spool.remove()
    stats.finish(options, time.perf_counter() - started)
    return stats


def check_targets(inputs: Iterable[str | Path] | str | Path, targets: list[str]) -> None:
    """Refuse outputs that would overwrite an input file or each other."""
    resolved = [Path(t).resolve() for t in targets]
    if len(set(resolved)) < len(resolved):
        raise ExportError("the table, --errors and --segments must be different files")
    named = [inputs] if isinstance(inputs, (str, Path)) else list(inputs)
    for item in named:
        for path in named_files(Path(item)):
            if path.is_file() and path.resolve() in resolved:
                raise ExportError(f"{path} is an input: write the output somewhere else")


def _speaker_key(row: dict[str, Any]) -> tuple[str, str | None, str | None]:
    return (str(row["speaker"]), row.get("speaker_type"), row.get("lang"))


@dataclass
class RunResult:
    """A run held in memory, for notebooks: the table, the segments and what went wrong."""

    table: pd.DataFrame
    failures: list[ReadFailure]
    documents: int = 0
    missing_models: set[str] = field(default_factory=set)
    segments: pd.DataFrame | None = None


def run(
    inputs: Iterable[str | Path] | str | Path, options: Options | None = None, jobs: int = 1
) -> RunResult:
    """Read all inputs and extract every quote; a document that fails is reported, not fatal."""
    options = options or Options()
    rows: list[dict[str, Any]] = []
    segment_rows: list[dict[str, Any]] = []
    failures: list[ReadFailure] = []
    missing: set[str] = set()
    documents = 0
    for outcome in outcomes(inputs, options, jobs):
        if outcome.failure is not None:
            failures.append(outcome.failure)
            continue
        documents += 1
        rows.extend(outcome.rows)
        segment_rows.extend(outcome.segments)
        missing |= outcome.missing_models
    return RunResult(
        to_frame(unify(rows)), failures, documents, missing, to_frame(segment_rows, SEGMENT_COLUMNS)
    )


def extract(inputs: Iterable[str | Path] | str | Path, **options: Any) -> pd.DataFrame:
    """The quote table for files, folders or globs. Options are the fields of `Options`."""
    return run(inputs, Options(**options)).table


def segments(inputs: Iterable[str | Path] | str | Path, **options: Any) -> pd.DataFrame:
    """The language segments of files, folders or globs: doc_id, start, end, lang, script, confidence."""
    result = run(inputs, Options(**options))
    assert result.segments is not None
    return result.segments
