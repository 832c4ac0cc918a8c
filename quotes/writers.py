"""Tables written as the run goes: CSV and JSONL rows appended, Parquet by row groups, Excel
streamed (excel.py), SQLite inserted in batches (database.py).

Every writer writes into a temporary file beside its target and renames it only on `commit`,
so a reader never sees half a table and a failed run leaves the previous output in place.
`RunOutputs` is every file of one run: the table, its segments, errors and, for a database,
the documents.
`Spool` keeps the rows of finished documents on disk while the corpus-wide speaker names are
settled, so memory stays flat in the size of the corpus.
"""

from __future__ import annotations

import csv
import json
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol

from quotes.table import (
    COLUMNS,
    DOCUMENT_COLUMNS,
    ERROR_COLUMNS,
    FORMULA_START,
    SEGMENT_COLUMNS,
    ExportError,
    format_of,
    temp_beside,
)

ROW_GROUP = 10_000  # Parquet rows per row group: what one write holds in memory
_ARROW_TYPES = {"string": "string", "Int64": "int64", "Float64": "float64"}


def safe_cell(value: Any) -> Any:
    """A cell a spreadsheet would run as a formula, prefixed with an apostrophe (OWASP)."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def plain_rows(frame: Any) -> list[dict[str, Any]]:
    """A DataFrame's rows as dicts of plain Python values, missing as None."""
    return [
        {k: None if is_missing(v) else v.item() if hasattr(v, "item") else v for k, v in row.items()}
        for row in frame.to_dict("records")
    ]


def is_missing(value: Any) -> bool:
    """None, NaN or pandas.NA: a cell with nothing in it."""
    if value is None or type(value).__name__ == "NAType":  # pandas.NA, without importing pandas
        return True
    return isinstance(value, float) and value != value


class RowWriter(Protocol):
    rows: int

    def write(self, rows: Iterable[Mapping[str, Any]]) -> None: ...

    def commit(self) -> None: ...

    def abort(self) -> None: ...


def open_writer(
    path: str, columns: Mapping[str, str], excel: bool = False, *, name: str = "quotes", keep: bool = False
) -> RowWriter:
    """A writer for `path` by its extension, or an ExportError in one line when it cannot be
    written. `name` is the sheet or database table; `keep` keeps a database's other tables."""
    fmt = format_of(path)
    with _writable(path):
        if fmt == "xlsx" and path != "-":
            from quotes.excel import XlsxWriter

            return XlsxWriter(path, columns, sheet=name)
        if fmt == "sqlite" and path != "-":
            from quotes.database import RunDatabase

            return RunDatabase(path, keep=keep).only(name, columns)
        return TableWriter(path, columns, excel=excel)


@contextmanager
def _writable(path: str) -> Iterator[None]:
    """Opening an output: a directory in its place, or an OSError, is one line of ExportError."""
    if path != "-" and Path(path).is_dir():
        raise ExportError(f"cannot write {path}: it is a directory")
    try:
        yield
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from None


class RunOutputs:
    """Every file one run writes, all opened before the work starts. A database output holds
    the segments, errors and documents too, besides any --segments/--errors files."""

    def __init__(self, output: str, *, segments_to: str | None, errors: str | None, excel: bool):
        self._database: Any = None
        self._documents: RowWriter | None = None
        self._segments: list[RowWriter] = []
        self._errors: list[RowWriter] = []
        self._errors_file: RowWriter | None = None
        opened: list[RowWriter] = []
        try:
            if output != "-" and format_of(output) == "sqlite":
                self._database = _open_database(output)
                self._documents = self._database.table("documents", DOCUMENT_COLUMNS)
                self.quotes: RowWriter = self._database.table("quotes", COLUMNS)
                self._segments.append(self._database.table("segments", SEGMENT_COLUMNS))
                self._errors.append(self._database.table("errors", ERROR_COLUMNS))
            else:
                self.quotes = open_writer(output, COLUMNS, excel)
                opened.append(self.quotes)
            if segments_to:
                self._segments.append(open_writer(segments_to, SEGMENT_COLUMNS, excel, name="segments"))
                opened.append(self._segments[-1])
            if errors:
                self._errors_file = open_writer(errors, ERROR_COLUMNS, name="errors")
                self._errors.append(self._errors_file)
        except BaseException:
            for writer in opened:
                writer.abort()
            if self._database is not None:
                self._database.abort()
            raise

    def document(self, row: Mapping[str, Any] | None) -> None:
        if self._documents is not None and row is not None:
            self._documents.write([row])

    def segments(self, rows: list[dict[str, Any]]) -> None:
        for writer in self._segments:
            writer.write(rows)

    def errors(self, rows: Iterable[Mapping[str, Any]]) -> None:
        rows = list(rows)
        for writer in self._errors:
            writer.write(rows)

    def commit(self) -> None:
        """Put the table, the segments and the database in place (the errors file: close_errors)."""
        self.quotes.commit()
        for writer in self._segments:
            writer.commit()
        if self._database is not None:
            self._database.commit()

    def abort(self) -> None:
        self.quotes.abort()
        for writer in self._segments:
            writer.abort()
        if self._database is not None:
            self._database.abort()

    def close_errors(self) -> None:
        if self._errors_file is not None:
            self._errors_file.commit()


def _open_database(path: str) -> Any:
    from quotes.database import RunDatabase

    with _writable(path):
        return RunDatabase(path)


class TableWriter:
    """Rows with `columns` into `path` (.csv, .jsonl, .parquet; '-' is CSV on stdout)."""

    def __init__(self, path: str | Path, columns: Mapping[str, str] = COLUMNS, *, excel: bool = False):
        self.format = format_of(path)
        self.columns = list(columns)
        self._types = dict(columns)
        self.rows = 0
        self._stdout = str(path) == "-"
        self.path = Path(path)
        self._tmp: Path | None = None
        self._parquet: Any = None
        self._pending: list[Mapping[str, Any]] = []
        if self._stdout:
            self._file: Any = sys.stdout
        else:
            fd, self._tmp = temp_beside(self.path)
            if self.format == "parquet":
                self._file = os.fdopen(fd, "wb")
            else:
                # a lone surrogate in some text must not lose the table: it is written as '?'
                self._file = os.fdopen(fd, "w", encoding="utf-8", errors="replace", newline="")
        if self.format == "csv":
            # CRLF row ends (RFC 4180): a bare CR inside a cell is then quoted, so every CSV
            # reader sees the same rows as the JSONL
            self._csv = csv.writer(self._file, lineterminator="\r\n")
            if excel:
                self._file.write("\ufeff")
            self._csv.writerow(self.columns)

    def write(self, rows: Iterable[Mapping[str, Any]]) -> None:
        for row in rows:
            self.rows += 1
            if self.format == "csv":
                self._csv.writerow(["" if (v := row.get(c)) is None else safe_cell(v) for c in self.columns])
            elif self.format == "jsonl":
                record = {c: row.get(c) for c in self.columns}
                self._file.write(json.dumps(record, ensure_ascii=False) + "\n")
            else:
                self._pending.append(row)
                if len(self._pending) >= ROW_GROUP:
                    self._flush_parquet()

    def _flush_parquet(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        schema = pa.schema([(c, _ARROW_TYPES[self._types[c]]) for c in self.columns])
        if self._parquet is None:
            self._parquet = pq.ParquetWriter(self._file, schema)
        arrays = {c: [r.get(c) for r in self._pending] for c in self.columns}
        self._parquet.write_table(pa.table(arrays, schema=schema))
        self._pending = []

    def commit(self) -> None:
        """Finish the file and put it in place of the target."""
        if self.format == "parquet" and (self._pending or self._parquet is None):
            self._flush_parquet()
        if self._parquet is not None:
            self._parquet.close()
        self._file.flush()
        if self._stdout:
            return
        os.fsync(self._file.fileno())
        self._file.close()
        assert self._tmp is not None
        os.replace(self._tmp, self.path.resolve())  # through a symlink: its target is written

    def abort(self) -> None:
        """Drop the temporary file; the previous output stays as it was."""
        if self._stdout or self._file.closed:
            return
        self._file.close()
        if self._tmp is not None:
            self._tmp.unlink(missing_ok=True)


class Spool:
    """Rows of finished documents, appended to a file beside the output and read back once.
    A run that dies keeps it (`path`): the rows of every document finished before the end."""

    def __init__(self, beside: Path | None):
        folder = beside.parent if beside is not None else Path(tempfile.gettempdir())
        name = f".{beside.name}.partial.jsonl" if beside is not None else "quotes.partial.jsonl"
        fd, tmp = tempfile.mkstemp(prefix=name[:-6] + ".", suffix=".jsonl", dir=folder)
        self.path = Path(tmp)
        self._file = os.fdopen(fd, "w", encoding="utf-8", errors="replace")
        self.rows = 0

    def write(self, rows: Iterable[Mapping[str, Any]]) -> None:
        for row in rows:
            self._file.write(json.dumps(row, ensure_ascii=False) + "\n")
            self.rows += 1
        self._file.flush()

    def read(self) -> Iterator[dict[str, Any]]:
        self._file.close()
        with self.path.open(encoding="utf-8") as f:
            for line in f:
                yield json.loads(line)

    def remove(self) -> None:
        if not self._file.closed:
            self._file.close()
        self.path.unlink(missing_ok=True)

    def keep_if_any(self) -> None:
        """After a failed run: rows worth keeping stay on disk, an empty spool goes."""
        if self.rows == 0:
            self.remove()
        elif not self._file.closed:
            self._file.close()
