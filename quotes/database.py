"""A run as one SQLite database (sqlite-utils), for Datasette and for SQL in notebooks.

The tables: `quotes` (the fixed schema, key quote_id), `documents` (one row per article read:
outlet, url, date, title, language, size), `segments`, `errors` (documents that could not be
read and repairs made while reading) and, once `quotes compare` has written into the file,
`variants`. Indexes on speaker, outlet and doc_id; full-text search on quote and quote_en
with SQLite's trigram tokenizer, which finds words in every script (Japanese and Chinese have
no spaces to split on) from three characters up.

A run is written into a new file beside the target and renamed over it when complete, so a
rerun replaces the previous run cleanly and a failed one leaves it in place. `keep` puts one
table (compare's variants) into an existing database the same way: a copy of it, changed,
renamed over it (sqlite-utils commits as it goes, so one transaction could not do it).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from quotes.table import temp_beside

BATCH = 1_000  # rows per insert
_TYPES = {"string": str, "Int64": int, "Float64": float}
KEYS = {"quotes": "quote_id", "documents": "doc_id"}
INDEXES = {
    "quotes": (["speaker"], ["outlet"], ["doc_id"]),
    "segments": (["doc_id"],),
    "errors": (["doc"],),
    "variants": (["cluster_id"], ["doc_id"], ["quote_id"]),
}
SEARCHABLE = {"quotes": ["quote", "quote_en"], "variants": ["text", "text_en"]}


class DatabaseTable:
    """One table of a database being written: the same write/commit/abort as the file writers."""

    def __init__(self, database: RunDatabase, name: str, columns: Mapping[str, str], *, owns: bool = False):
        self.database = database
        self.name = name
        self._owns = owns  # the database holds this table alone: committing it commits the file
        self.columns = list(columns)
        self.rows = 0
        self._pending: list[dict[str, Any]] = []
        create(database.db, name, columns)

    def write(self, rows: Iterable[Mapping[str, Any]]) -> None:
        for row in rows:
            self._pending.append({c: row.get(c) for c in self.columns})
            self.rows += 1
            if len(self._pending) >= BATCH:
                self.flush()

    def flush(self) -> None:
        if self._pending:
            keyed = self.name in KEYS  # a repeated key replaces its row rather than ending the run
            self.database.db.table(self.name).insert_all(self._pending, batch_size=BATCH, replace=keyed)
            self._pending = []

    def commit(self) -> None:
        """Rows reach the file now; the database is put in place by `RunDatabase.commit`."""
        self.flush()
        if self._owns:
            self.database.commit()

    def abort(self) -> None:
        self._pending = []
        if self._owns:
            self.database.abort()


class RunDatabase:
    """The tables of one run in one SQLite file, put in place of `path` on `commit`.
    With `keep`, the file starts as a copy of the database already at `path`."""

    def __init__(self, path: str | Path, *, keep: bool = False):
        import sqlite3

        import sqlite_utils

        self.path = Path(path)
        fd, self._tmp = temp_beside(self.path)
        os.close(fd)
        self.db = sqlite_utils.Database(self._tmp)
        if keep and self.path.exists():
            source = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)
            try:
                source.backup(self.db.conn)
            except sqlite3.DatabaseError as exc:
                self.abort()
                raise ValueError(f"{self.path} is not an SQLite database ({exc})") from None
            finally:
                source.close()
        # a private file until the rename: no journal to keep, nothing to sync on each insert
        self.db.execute("PRAGMA journal_mode = OFF")
        self.db.execute("PRAGMA synchronous = OFF")
        self.tables: dict[str, DatabaseTable] = {}

    def table(self, name: str, columns: Mapping[str, str], *, owns: bool = False) -> DatabaseTable:
        """The table `name`, empty: one the file already had is dropped with its search index."""
        if name not in self.tables:
            if self.db.table(f"{name}_fts").exists():
                self.db.table(name).disable_fts()
            self.db.table(name).drop(ignore=True)
            self.tables[name] = DatabaseTable(self, name, columns, owns=owns)
        return self.tables[name]

    def only(self, name: str, columns: Mapping[str, str]) -> DatabaseTable:
        """The one table this run writes into the file (export, --errors errors.sqlite)."""
        return self.table(name, columns, owns=True)

    def commit(self) -> None:
        try:
            for table in self.tables.values():
                table.flush()
                finish(self.db, table.name)
            self.db.execute("PRAGMA journal_mode = DELETE")  # the journal mode readers expect
            self.db.close()
            os.replace(self._tmp, self.path.resolve())
        except BaseException:
            self.abort()
            raise

    def abort(self) -> None:
        try:
            self.db.close()
        finally:
            self._tmp.unlink(missing_ok=True)


def create(db: Any, name: str, columns: Mapping[str, str]) -> None:
    """An empty table with the schema's columns and types (typed even when it gets no rows).
    A quote's doc_id points at its row in `documents`, which Datasette shows as a link."""
    links = (
        [("doc_id", "documents", "doc_id")] if name != "documents" and db.table("documents").exists() else []
    )
    db.table(name).create(
        {c: _TYPES[t] for c, t in columns.items()},
        pk=KEYS.get(name) if KEYS.get(name) in columns else None,
        column_order=list(columns),
        foreign_keys=[link for link in links if link[0] in columns] or None,
    )


def finish(db: Any, name: str) -> None:
    """Indexes and full-text search, built once after the rows are in (faster than per insert)."""
    table = db.table(name)
    for columns in INDEXES.get(name, ()):
        table.create_index(columns, if_not_exists=True)
    if name in SEARCHABLE:
        table.enable_fts(SEARCHABLE[name], tokenize="trigram", create_triggers=True, replace=True)
