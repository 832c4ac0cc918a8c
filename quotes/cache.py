"""A translation cache in the model store, so a second run over a corpus translates nothing again.

Keyed by engine, engine version (package version, dictionary version) and source text: a new
model or dictionary never serves an old rendering. The cache is a convenience: when another
process holds it locked for longer than LOCK_WAIT_S, or it cannot be read or written at all,
the run goes on without it, and never loses a rendering or a quote.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SCHEMA = """
CREATE TABLE IF NOT EXISTS translations (
    engine TEXT NOT NULL, version TEXT NOT NULL, src TEXT NOT NULL, text TEXT NOT NULL, result TEXT,
    PRIMARY KEY (engine, version, src, text)
)
"""


LOCK_WAIT_S = 60.0  # how long to wait for another process's write before going on without


@dataclass
class TranslationCache:
    path: Path
    _db: sqlite3.Connection | None = field(default=None, repr=False)
    skipped: int = 0  # reads or writes given up on (locked or unusable cache)

    def _conn(self) -> sqlite3.Connection:
        if self._db is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, timeout=LOCK_WAIT_S)
            self._db.execute(SCHEMA)
        return self._db

    def get(self, engine: str, version: str, src: str, texts: list[str]) -> dict[str, str | None]:
        found: dict[str, str | None] = {}
        try:
            db = self._conn()
            for text in set(texts):
                row = db.execute(
                    "SELECT result FROM translations WHERE engine=? AND version=? AND src=? AND text=?",
                    (engine, version, src, text),
                ).fetchone()
                if row is not None:
                    found[text] = row[0]
        except (sqlite3.Error, OSError):
            self.skipped += 1  # translate them again rather than wait or fail
        return found

    def put(self, engine: str, version: str, src: str, pairs: dict[str, str | None]) -> None:
        try:
            with self._conn() as db:
                db.executemany(
                    "INSERT OR REPLACE INTO translations VALUES (?, ?, ?, ?, ?)",
                    [(engine, version, src, text, result) for text, result in pairs.items()],
                )
        except (sqlite3.Error, OSError):
            self.skipped += 1  # the renderings are returned all the same


@dataclass
class CachedTranslator:
    """Any translator, with its renderings kept in the cache."""

    inner: Any
    version: str
    src: str
    cache: TranslationCache
    computed: int = 0  # how many texts the inner translator actually translated

    @property
    def engine(self) -> str:
        return str(self.inner.engine)

    def translate(self, texts: list[str]) -> list[str | None]:
        known = self.cache.get(self.engine, self.version, self.src, texts)
        todo = list(dict.fromkeys(t for t in texts if t not in known))
        if todo:
            fresh = dict(zip(todo, self.inner.translate(todo), strict=True))
            self.computed += len(todo)
            self.cache.put(self.engine, self.version, self.src, fresh)
            known.update(fresh)
        return [known[t] for t in texts]
