"""Tables written as the run goes: CSV and JSONL rows appended, Parquet by row groups.

Every writer writes into a temporary file beside its target and renames it only on `commit`,
so a reader never sees half a table and a failed run leaves the previous output in place.
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
from pathlib import Path
from typing import Any

from quotes.table import COLUMNS, FORMULA_START, format_of, temp_beside

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

    def write(self, rows: Iterable[Mapping[str, Any]]) -> None:
        for row in rows:
            self._file.write(json.dumps(row, ensure_ascii=False) + "\n")
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
