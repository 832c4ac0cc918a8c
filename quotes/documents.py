"""Documents and the readers that turn files into them.

Every reader yields `Document`s or `ReadFailure`s: one bad file is reported, never fatal, so
that a batch of hundreds of articles is not lost to one broken download.
"""

from __future__ import annotations

import csv
import glob
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

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


def decode_bytes(data: bytes, raw: bool = False) -> str:
    """Decode UTF-8 (BOM tolerated); otherwise detect the encoding instead of crashing. The text
    is normalised as the pipeline reads it (normalise.py), unless `raw`: JSONL, whose records
    are normalised one by one with a map back to their own text."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None:
            raise ValueError("not text: no character encoding fits its bytes") from None
        text = str(best)
    if "\x00" in text:
        raise ValueError("not text: contains NUL bytes (binary file?)")
    return text if raw else normalise(text)[0]


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


def _record_to_document(record: dict[str, Any], fallback_id: str, source: str) -> Document:
    text = record.get("text")
    if not isinstance(text, str):
        raise ValueError("record has no 'text' string")
    if not text.strip():
        raise ValueError("empty text")
    doc_id = _clean(record.get("id")) or _clean(record.get("doc_id")) or fallback_id
    normal, offsets = normalise(text)
    return Document(
        doc_id=doc_id,
        text=normal,
        raw_offsets=offsets,
        source=source,
        **{k: _clean(record.get(k)) for k in META_FIELDS},
    )


def _read_records(path: Path) -> Iterator[tuple[str, dict[str, Any] | Exception]]:
    """Rows of a jsonl/csv/parquet file; a broken row is yielded as its exception."""
    suffix = path.suffix.lower()
    if suffix in {".jsonl", ".ndjson"}:
        text = decode_bytes(path.read_bytes(), raw=True)
        for n, line in enumerate(text.split("\n"), 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
                if not isinstance(rec, dict):
                    raise ValueError("line is not a JSON object")
                yield f"{path.name}:{n}", rec
            except ValueError as exc:
                yield f"{path.name}:{n}", ValueError(f"invalid JSON: {exc}")
        return
    import pandas as pd

    if suffix == ".csv":
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    else:
        frame = pd.read_parquet(path)
    if "text" not in frame.columns:
        raise ValueError(f"no 'text' column (columns: {', '.join(map(str, frame.columns))})")
    for n, rec in enumerate(frame.to_dict("records"), 1):
        yield f"{path.name}:{n}", {str(k): v for k, v in rec.items()}


def read_file(path: Path, manifest: dict[str, dict[str, str | None]] | None = None) -> ReadResult:
    """All documents in one file; never raises for a bad file, reports it instead."""
    result = ReadResult()
    suffix = path.suffix.lower()
    try:
        if suffix in TABLE_SUFFIXES:
            for where, rec in _read_records(path):
                if isinstance(rec, Exception):
                    result.failures.append(ReadFailure(where, str(rec)))
                    continue
                try:
                    result.documents.append(_record_to_document(rec, where, str(path)))
                except ValueError as exc:
                    result.failures.append(ReadFailure(where, str(exc)))
            return result
        raw = decode_bytes(path.read_bytes())
        title = None
        if suffix in HTML_SUFFIXES:
            title = _html_title(raw)
            raw = html_to_text(raw)
        if not raw.strip():
            raise ValueError("empty document")
        meta = (manifest or {}).get(path.name) or (manifest or {}).get(path.stem) or {}
        doc = Document(doc_id=meta.get("id") or path.stem, text=raw, source=str(path), title=title)
        given: dict[str, Any] = {k: meta[k] for k in META_FIELDS if meta.get(k)}
        doc = replace(doc, **given)
        result.documents.append(doc)
    except (OSError, ValueError) as exc:
        result.failures.append(ReadFailure(str(path), str(exc) or type(exc).__name__))
    except Exception as exc:  # a parser library failing on one file must not end the batch
        result.failures.append(ReadFailure(str(path), f"{type(exc).__name__}: {exc}"))
    return result


def expand_inputs(inputs: Iterable[str | Path]) -> list[Path]:
    """Directories (recursively, supported suffixes), files and glob patterns, in a stable order."""
    paths: list[Path] = []
    for item in inputs:
        p = Path(item)
        if p.is_dir():
            found = sorted(
                f
                for f in p.rglob("*")
                if f.is_file() and f.suffix.lower() in SUPPORTED and f.name != MANIFEST_NAME
            )
            paths.extend(found)
        elif p.exists():
            paths.append(p)
        else:
            matches = sorted(Path(m) for m in glob.glob(str(item), recursive=True))
            if not matches:
                raise InputError(f"no such file, directory or pattern: {item}")
            paths.extend(m for m in matches if m.is_file())
    unique: dict[Path, Path] = {}
    for p in paths:
        unique.setdefault(p.resolve(), p)
    return list(unique.values())


def read_documents(inputs: Iterable[str | Path] | str | Path) -> ReadResult:
    """Read every document under `inputs`, picking up a `manifest.csv` beside text files."""
    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    result = ReadResult()
    manifests: dict[Path, dict[str, dict[str, str | None]]] = {}
    for path in expand_inputs(inputs):
        if path.name == MANIFEST_NAME:
            continue
        if path.suffix.lower() not in SUPPORTED:
            result.failures.append(
                ReadFailure(
                    str(path), f"unsupported file type '{path.suffix}' (use one of {sorted(SUPPORTED)})"
                )
            )
            continue
        folder = path.parent
        if folder not in manifests:
            mpath = folder / MANIFEST_NAME
            manifests[folder] = load_manifest(mpath) if mpath.exists() else {}
        one = read_file(path, manifests[folder])
        result.documents.extend(one.documents)
        result.failures.extend(one.failures)
    return result
