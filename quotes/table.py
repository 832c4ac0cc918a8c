"""The output table: its fixed column list, the DataFrame, and exports.

`COLUMNS` is the single definition of the schema; the README documents it and a test keeps
the two in step.
"""

from __future__ import annotations

import io
import os
import sys
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

# name -> pandas dtype. Text columns use the nullable "string" dtype so that missing is NA.
COLUMNS: dict[str, str] = {
    "doc_id": "string",
    "outlet": "string",
    "outlet_source": "string",
    "url": "string",
    "published": "string",
    "source": "string",
    "quote_id": "string",
    "start": "Int64",
    "end": "Int64",
    "quote": "string",
    "lang": "string",
    "quote_en": "string",
    "translation_engine": "string",
    "kind": "string",
    "speaker": "string",
    "speaker_title": "string",
    "speaker_mention": "string",
    "speaker_start": "Int64",
    "speaker_end": "Int64",
    "speaker_type": "string",
    "cue": "string",
    "cited_source": "string",
    "method": "string",
    "confidence": "Float64",
    "paragraph": "Int64",
    "platform": "string",
    "handle": "string",
    "nlp_engine": "string",
}
SEGMENT_COLUMNS: dict[str, str] = {
    "doc_id": "string",
    "start": "Int64",
    "end": "Int64",
    "lang": "string",
    "script": "string",
    "confidence": "Float64",
}
DOCUMENT_COLUMNS: dict[str, str] = {
    "doc_id": "string",
    "outlet": "string",
    "outlet_source": "string",
    "url": "string",
    "published": "string",
    "title": "string",
    "source": "string",
    "lang": "string",  # the language most of its characters are in
    "chars": "Int64",
    "quotes": "Int64",
}
ERROR_COLUMNS: dict[str, str] = {"doc": "string", "reason": "string"}
FORMATS = {
    ".csv": "csv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".parquet": "parquet",
    ".xlsx": "xlsx",
    ".sqlite": "sqlite",
    ".sqlite3": "sqlite",
    ".db": "sqlite",
}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class ExportError(ValueError):
    pass


def to_frame(rows: Iterable[Mapping[str, Any]], columns: Mapping[str, str] = COLUMNS) -> pd.DataFrame:
    """Rows (dicts keyed by column name) as a DataFrame with exactly `columns`, in order."""
    import pandas as pd

    frame = pd.DataFrame.from_records(list(rows), columns=list(columns))
    for name, dtype in columns.items():
        frame[name] = (
            frame[name]
            .astype("object")
            .where(frame[name].notna(), None)
            .astype(pd.api.types.pandas_dtype(dtype))
        )
    return frame


def neutralise_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """Prefix cells a spreadsheet would run as a formula with an apostrophe (OWASP CSV injection)."""
    out = frame.copy()
    for name in out.columns:
        if str(out[name].dtype) == "string":
            col = out[name]
            risky = col.str.startswith(FORMULA_START).fillna(False)
            out.loc[risky, name] = "'" + col[risky]
    return out


def format_of(path: str | Path) -> str:
    if str(path) == "-":
        return "csv"
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise ExportError(
            f"unknown output format '{suffix or path}': use one of {', '.join(sorted(FORMATS))}"
        )
    return FORMATS[suffix]


def _serialise(frame: pd.DataFrame, fmt: str, excel: bool) -> bytes:
    if fmt == "csv":
        # CRLF row ends (RFC 4180), so that a bare CR inside a cell is quoted (writers.py too)
        text = neutralise_formulas(frame).to_csv(index=False, lineterminator="\r\n")
        return (("\ufeff" if excel else "") + text).encode("utf-8")
    if fmt == "jsonl":
        return frame.to_json(orient="records", lines=True, force_ascii=False).encode("utf-8")
    buf = io.BytesIO()
    frame.to_parquet(buf, index=False)
    return buf.getvalue()


def temp_beside(path: Path) -> tuple[int, Path]:
    """A temporary file in `path`'s folder, with the permissions a plain open() would give."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    mask = os.umask(0)
    os.umask(mask)
    os.chmod(tmp, 0o666 & ~mask)
    return fd, Path(tmp)


def write_atomic(data: bytes, path: Path) -> None:
    """Write to a temporary file beside `path`, then rename: readers never see half a file."""
    fd, tmp = temp_beside(path)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def column_types(frame: pd.DataFrame) -> dict[str, str]:
    """The frame's columns as the schema's three types (text, integer, decimal)."""
    kinds = {"i": "Int64", "u": "Int64", "f": "Float64", "b": "Int64"}
    return {str(c): kinds.get(t.kind, "string") for c, t in frame.dtypes.items()}


def export(frame: pd.DataFrame, path: str | Path, *, excel: bool = False, table: str = "quotes") -> None:
    """Write the table by extension: CSV, JSONL, Parquet, Excel (.xlsx) or SQLite (.sqlite, .db:
    as table `table`, the database's other tables kept); `-` writes CSV to stdout."""
    fmt = format_of(path)
    if fmt in ("xlsx", "sqlite"):
        from quotes.writers import open_writer, plain_rows

        writer = open_writer(str(path), column_types(frame), name=table, keep=True)
        writer.write(plain_rows(frame))
        writer.commit()
        return
    data = _serialise(frame, fmt, excel)
    if str(path) == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    write_atomic(data, Path(path))
