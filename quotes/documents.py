"""Documents and the readers that turn files into them.

Every reader yields `Document`s or `ReadFailure`s: one bad file is reported, never fatal, so
that a batch of hundreds of articles is not lost to one broken download.
"""

from __future__ import annotations

import csv
import glob
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import regex as re

from quotes.normalise import normalise, to_raw

TEXT_SUFFIXES = {".txt", ".md", ".text"}
HTML_SUFFIXES = {".html", ".htm"}
TABLE_SUFFIXES = {".jsonl", ".ndjson", ".csv", ".parquet"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | TABLE_SUFFIXES
MANIFEST_NAME = "manifest.csv"
META_FIELDS = ("lang", "outlet", "url", "published", "title")


@dataclass(frozen=True)
class Document:
    """One article. `text` is what the pipeline reads (NFC, LF line ends); for a record whose
    text needed normalising, `raw_offsets` maps its positions back to the user's string, which
    is what every offset in the output table indexes (normalise.py)."""

    doc_id: str
    text: str
    lang: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    title: str | None = None
    source: str | None = None
    raw_offsets: tuple[int, ...] | None = field(default=None, repr=False, compare=False)
    warnings: tuple[str, ...] = field(default=(), compare=False)  # damage repaired while reading

    def raw(self, pos: int | None) -> int | None:
        """`pos` in `text` as an offset into the text the user gave."""
        return to_raw(self.raw_offsets, pos)


@dataclass(frozen=True)
class ReadFailure:
    """A document that could not be read, and why, in words a user can act on."""

    doc: str
    reason: str


@dataclass
class ReadResult:
    documents: list[Document] = field(default_factory=list)
    failures: list[ReadFailure] = field(default_factory=list)


class InputError(ValueError):
    """The inputs as a whole are unusable (nothing matches, unknown format)."""


def _clean(value: Any) -> str | None:
    """Empty, NaN and None all mean 'not given'."""
    if value is None:
        return None
    if isinstance(value, float) and value != value:
        return None
    text = str(value).strip()
    return text or None


NEARLY_UTF8 = 0.01  # at most this share of bad bytes: a UTF-8 file with damage, not another encoding
_SURROGATE = re.compile("[\ud800-\udfff]")


def decode_bytes(data: bytes, raw: bool = False) -> str:
    """Decode UTF-8 (BOM tolerated); otherwise detect the encoding instead of crashing. The text
    is normalised as the pipeline reads it (normalise.py), unless `raw`: JSONL, whose records
    are normalised one by one with a map back to their own text."""
    return decode_reporting(data, raw)[0]


def decode_reporting(data: bytes, raw: bool = False) -> tuple[str, tuple[str, ...]]:
    """`decode_bytes`, and what had to be repaired: a few invalid bytes in otherwise UTF-8 text
    become U+FFFD (the text is UTF-8 with damage, not Mac Icelandic)."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    warnings: tuple[str, ...] = ()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        replaced = data.decode("utf-8", errors="replace")
        bad = replaced.count("\ufffd") - data.count("\ufffd".encode())
        if bad <= max(1, NEARLY_UTF8 * len(data)):
            text = replaced
            warnings = (f"{bad} invalid UTF-8 byte sequence(s) replaced with U+FFFD",)
        else:
            from charset_normalizer import from_bytes

            best = from_bytes(data).best()
            if best is None:
                raise ValueError("not text: no character encoding fits its bytes") from None
            text = str(best)
    if "\x00" in text:
        raise ValueError("not text: contains NUL bytes (binary file?)")
    return (text if raw else normalise(text)[0]), warnings


def html_to_text(html: str) -> str:
    """Main article text of a web page, without navigation and boilerplate."""
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_recall=True)
    if not text:
        raise ValueError("no article text found in the HTML")
    return str(text)


def _html_title(html: str) -> str | None:
    import trafilatura

    meta = trafilatura.extract_metadata(html)
    return _clean(getattr(meta, "title", None)) if meta is not None else None


def load_manifest(path: Path) -> dict[str, dict[str, str | None]]:
    """Per-file metadata keyed by file name (and by stem, so `000` matches `000.txt`)."""
    with path.open(encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames is None or not ({"file", "id"} & set(reader.fieldnames)):
            raise InputError(f"{path}: a manifest needs a 'file' (or 'id') column; found {reader.fieldnames}")
        rows: dict[str, dict[str, str | None]] = {}
        for row in reader:
            key = _clean(row.get("file")) or _clean(row.get("id"))
            if key:
                meta = {k: _clean(row.get(k)) for k in (*META_FIELDS, "id")}
                rows[key] = meta
                rows[Path(key).stem] = meta
        return rows


def read_record(
    record: dict[str, Any], fallback_id: str, source: str, warnings: tuple[str, ...] = ()
) -> Document | ReadFailure:
    """A record (a JSONL line, a table row) as a document, or why it cannot be one."""
    try:
        return record_to_document(record, fallback_id, source, warnings)
    except ValueError as exc:
        return ReadFailure(fallback_id, str(exc))


def record_to_document(
    record: dict[str, Any], fallback_id: str, source: str, warnings: tuple[str, ...] = ()
) -> Document:
    text = record.get("text")
    if not isinstance(text, str):
        raise ValueError("record has no 'text' string")
    if not text.strip():
        raise ValueError("empty text")
    doc_id = _clean(record.get("id")) or _clean(record.get("doc_id")) or fallback_id
    lone = len(_SURROGATE.findall(text))
    warnings = tuple(warnings) + ((f"{lone} lone surrogate(s) replaced with U+FFFD",) if lone else ())
    normal, offsets = normalise(_SURROGATE.sub("\ufffd", text))  # one for one: offsets hold
    return Document(
        doc_id=doc_id,
        text=normal,
        raw_offsets=offsets,
        source=source,
        warnings=warnings,
        **{k: _clean(record.get(k)) for k in META_FIELDS},
    )


CHUNK_ROWS = 1000  # CSV and Parquet inputs are read this many rows at a time


def _read_records(path: Path) -> Iterator[tuple[str, dict[str, Any] | Exception, tuple[str, ...]]]:
    """Rows of a jsonl/csv/parquet file, a chunk at a time, with what reading them repaired; a
    broken row is yielded as its exception, so one bad line costs that line only."""
    suffix = path.suffix.lower()
    if suffix in {".jsonl", ".ndjson"}:
        with path.open("rb") as f:
            for n, data in enumerate(f, 1):
                where = f"{path.name}:{n}"
                try:
                    line, repaired = decode_reporting(data, raw=True)
                    if not line.strip():
                        continue
                    rec = json.loads(line)
                    if not isinstance(rec, dict):
                        raise ValueError("line is not a JSON object")
                    yield where, rec, repaired
                except ValueError as exc:
                    reason = str(exc) if str(exc).startswith("not text") else f"invalid JSON: {exc}"
                    yield where, ValueError(reason), ()
        return
    for n, rec in enumerate(_table_rows(path), 1):
        yield f"{path.name}:{n}", rec, ()


def _table_rows(path: Path) -> Iterator[dict[str, Any]]:
    """CSV rows by pandas chunks, Parquet rows by record batches: never the whole file at once."""
    if path.suffix.lower() == ".csv":
        import pandas as pd

        chunks = pd.read_csv(
            path, dtype=str, keep_default_na=False, encoding="utf-8-sig", chunksize=CHUNK_ROWS
        )
        for chunk in chunks:
            _require_text(list(chunk.columns))
            for rec in chunk.to_dict("records"):
                yield {str(k): v for k, v in rec.items()}
        return
    import pyarrow.parquet as pq

    table = pq.ParquetFile(path)
    _require_text(table.schema_arrow.names)
    for batch in table.iter_batches(batch_size=CHUNK_ROWS):
        yield from batch.to_pylist()


def _require_text(columns: list[Any]) -> None:
    if "text" not in columns:
        raise ValueError(f"no 'text' column (columns: {', '.join(map(str, columns))})")


def iter_file(
    path: Path, manifest: dict[str, dict[str, str | None]] | None = None
) -> Iterator[Document | ReadFailure]:
    """The documents in one file as they are read; a bad file or row is reported, never raised."""
    suffix = path.suffix.lower()
    try:
        if suffix in TABLE_SUFFIXES:
            for where, rec, repaired in _read_records(path):
                yield (
                    ReadFailure(where, str(rec))
                    if isinstance(rec, Exception)
                    else read_record(rec, where, str(path), repaired)
                )
            return
        raw, repaired = decode_reporting(path.read_bytes())
        title = None
        if suffix in HTML_SUFFIXES:
            title = _html_title(raw)
            raw = html_to_text(raw)
        if not raw.strip():
            raise ValueError("empty document")
        meta = (manifest or {}).get(path.name) or (manifest or {}).get(path.stem) or {}
        doc = Document(
            doc_id=meta.get("id") or path.stem, text=raw, source=str(path), title=title, warnings=repaired
        )
        given: dict[str, Any] = {k: meta[k] for k in META_FIELDS if meta.get(k)}
        yield replace(doc, **given)
    except (OSError, ValueError) as exc:
        yield ReadFailure(str(path), str(exc) or type(exc).__name__)
    except Exception as exc:  # a parser library failing on one file must not end the batch
        yield ReadFailure(str(path), f"{type(exc).__name__}: {exc}")


def read_file(path: Path, manifest: dict[str, dict[str, str | None]] | None = None) -> ReadResult:
    """All documents in one file; never raises for a bad file, reports it instead."""
    return _collect(iter_file(path, manifest))


def _collect(items: Iterable[Document | ReadFailure]) -> ReadResult:
    result = ReadResult()
    for item in items:
        if isinstance(item, Document):
            result.documents.append(item)
        else:
            result.failures.append(item)
    return result


def expand_inputs(inputs: Iterable[str | Path]) -> list[Path]:
    """Directories (recursively, supported suffixes), files and glob patterns, in a stable order."""
    return [p for p in iter_inputs(inputs) if isinstance(p, Path)]


def iter_inputs(inputs: Iterable[str | Path], skip: Iterable[Path] = ()) -> Iterator[Path | ReadFailure]:
    """The files under `inputs`, each once, folders walked as they are reached (hidden files
    left out, and `skip`: the run's own outputs). An input that names nothing raises InputError
    before any file is yielded; a symbolic link loop or a folder with nothing to read is
    reported in its place."""
    items = [Path(i) for i in inputs]
    for item in items:
        if not item.exists() and not item.is_symlink() and not glob.glob(str(item), recursive=True):
            raise InputError(f"no such file, directory or pattern: {item}")
    seen = {p.resolve() for p in skip}
    for item in items:
        if item.is_symlink() and not item.exists():
            yield ReadFailure(str(item), _broken_link(item))
            continue
        found: Iterable[Path] = _walk(item) if item.is_dir() else named_files(item)
        empty = True
        for path in found:
            key = path.resolve()
            empty = False
            if key not in seen:
                seen.add(key)
                yield path
        if empty and item.is_dir():
            yield ReadFailure(
                str(item), f"nothing to read: no {', '.join(sorted(SUPPORTED))} files in this folder"
            )


def named_files(item: Path) -> list[Path]:
    """What an input that is not a folder names: the file itself, or the files its pattern matches."""
    if item.exists():
        return [item]
    return [m for m in sorted(Path(g) for g in glob.glob(str(item), recursive=True)) if m.is_file()]


def _broken_link(path: Path) -> str:
    try:
        path.resolve(strict=True)
    except RuntimeError:
        return "symbolic link loop"
    except OSError:
        pass
    return f"broken symbolic link (to {os.readlink(path)})"


def _walk(folder: Path) -> Iterator[Path]:
    """Supported files under `folder`, depth first in name order, one directory listing at a
    time; hidden files and folders (.git, a run's .partial spool) are not articles."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(root) / name
            if (
                not name.startswith(".")
                and path.suffix.lower() in SUPPORTED
                and name != MANIFEST_NAME
                and path.is_file()
            ):
                yield path


def iter_documents(
    inputs: Iterable[str | Path] | str | Path, skip: Iterable[Path] = ()
) -> Iterator[Document | ReadFailure]:
    """Every document under `inputs` as it is read, picking up a `manifest.csv` beside text files;
    unreadable files and rows come as ReadFailures in their place. `skip`: files never read."""
    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    manifests: dict[Path, dict[str, dict[str, str | None]]] = {}
    for path in iter_inputs(inputs, skip):
        if isinstance(path, ReadFailure):
            yield path
            continue
        if path.name == MANIFEST_NAME:
            continue
        if path.suffix.lower() not in SUPPORTED:
            yield ReadFailure(
                str(path), f"unsupported file type '{path.suffix}' (use one of {sorted(SUPPORTED)})"
            )
            continue
        folder = path.parent
        if folder not in manifests:
            manifests[folder], problem = _manifest_for(folder)
            if problem is not None:
                yield problem
        yield from iter_file(path, manifests[folder])


def _manifest_for(folder: Path) -> tuple[dict[str, dict[str, str | None]], ReadFailure | None]:
    """The folder's manifest, or none and why: a bad manifest costs its metadata, not the batch."""
    path = folder / MANIFEST_NAME
    if not path.exists():
        return {}, None
    try:
        return load_manifest(path), None
    except (InputError, ValueError, csv.Error, OSError) as exc:
        return {}, ReadFailure(
            str(path), f"manifest not used ({exc}); the folder's files are read without it"
        )


def read_documents(inputs: Iterable[str | Path] | str | Path) -> ReadResult:
    """Every document under `inputs`, read into memory (iter_documents streams them)."""
    return _collect(iter_documents(inputs))
