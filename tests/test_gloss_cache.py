from __future__ import annotations

from pathlib import Path

import pytest

from quotes import extract_quotes
from quotes.cache import CachedTranslator, TranslationCache
from quotes.gloss import gloss, lookup
from quotes.translate import Translators


@pytest.mark.parametrize(
    ("word", "english"),
    [("大統領", "president"), ("同盟国", "ally"), ("電話", "telephone call"), ("本日", "today")],
)
def test_jmdict_entries(word: str, english: str) -> None:
    assert lookup(word) == english


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("本日、トランプ大統領と電話会談を行いました。", ["today", "Trump", "president", "telephone call"]),
        ("日本の大切な同盟国のアメリカ合衆国", ["Japan", "important", "ally", "United States of America"]),
    ],
)
def test_gloss_keeps_content_words_in_order(text: str, words: list[str]) -> None:
    out = gloss(text).lower()
    positions = [out.find(w.lower()) for w in words]
    assert all(p >= 0 for p in positions) and positions == sorted(positions), out
    assert "prefix" not in out and "to do" not in out  # honorifics and light verbs are grammar


def test_japanese_without_argos_package_is_glossed() -> None:
    (q,) = extract_quotes("首相は「大統領と会談した」と述べた。")
    assert q.translation_engine == "gloss" and "president" in (q.quote_en or "")


class Counting:
    engine = "fake"

    def __init__(self) -> None:
        self.seen: list[str] = []

    def translate(self, texts: list[str]) -> list[str | None]:
        self.seen += texts
        return [t.upper() for t in texts]


def test_second_run_translates_nothing(tmp_path: Path) -> None:
    cache = TranslationCache(tmp_path / "t.sqlite")
    first = CachedTranslator(Counting(), "v1", "xx", cache)
    assert first.translate(["a", "b", "a"]) == ["A", "B", "A"]
    assert first.computed == 2
    again = CachedTranslator(inner := Counting(), "v1", "xx", TranslationCache(tmp_path / "t.sqlite"))
    assert again.translate(["b", "a"]) == ["B", "A"] and inner.seen == []
    newer = CachedTranslator(inner := Counting(), "v2", "xx", cache)  # a new model version misses
    newer.translate(["a"])
    assert inner.seen == ["a"]


def test_pipeline_uses_the_store_cache(empty_model_store: Path) -> None:
    text = "首相は「大統領と会談した」と述べた。"
    translators = Translators()
    extract_quotes(text, translators=translators)
    assert (empty_model_store / "translations.sqlite").exists()
    second = Translators()
    (q,) = extract_quotes(text, translators=second)
    assert second.for_lang("ja").computed == 0 and q.translation_engine == "gloss"  # type: ignore[attr-defined]


def test_a_locked_cache_costs_time_never_renderings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sqlite3

    from quotes import cache

    monkeypatch.setattr(cache, "LOCK_WAIT_S", 0.2)
    path = tmp_path / "translations.sqlite"
    TranslationCache(path).put("gloss", "1", "ja", {"本日": "today"})  # the file exists
    holder = sqlite3.connect(path)
    holder.execute("BEGIN EXCLUSIVE")  # another process is writing, and keeps at it
    try:

        class Upper:
            engine = "gloss"

            def translate(self, texts: list[str]) -> list[str | None]:
                return [t.upper() for t in texts]

        translator = CachedTranslator(Upper(), "1", "ja", TranslationCache(path))
        assert translator.translate(["abc", "本日"]) == ["ABC", "本日"]  # computed, not served or lost
        assert translator.cache.skipped == 2  # the read and the write, each given up after the wait
    finally:
        holder.rollback()
        holder.close()
