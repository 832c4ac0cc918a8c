"""End to end on the sample corpus: the quotes and speakers a reader finds in the seed articles."""

from __future__ import annotations

import pandas as pd
import pytest

import quotes
from tests.conftest import SEEDS


@pytest.fixture(scope="module")
def table() -> pd.DataFrame:
    return quotes.extract(SEEDS)


def _row(table: pd.DataFrame, doc: str, words: str) -> pd.Series:
    hits = table[(table["doc_id"].str.startswith(doc)) & table["quote"].str.contains(words, regex=False)]
    assert len(hits) == 1, f"{doc}: expected one quote containing {words!r}, got {len(hits)}"
    return hits.iloc[0]


@pytest.mark.parametrize(
    ("doc", "words", "speaker", "mention"),
    [
        ("000", "I believe it was extremely significant", "Sanae Takaichi", "Takaichi"),
        ("000", "We agreed to proceed with concrete coordination", "Sanae Takaichi", "Takaichi"),
        ("000", "We should make this year one to open a new chapter", "Sanae Takaichi", "she"),
        (
            "001",
            "At the start of the new year, I consider it extremely significant",
            "Sanae Takaichi",
            "Takaichi",
        ),
        (
            "004",
            "The two exchanged views mainly on the Indo-Pacific region",
            "Japanese foreign ministry",
            "the ministry",
        ),
    ],
)
def test_seed_quotes_and_speakers(
    table: pd.DataFrame, doc: str, words: str, speaker: str, mention: str
) -> None:
    row = _row(table, doc, words)
    assert (row["speaker"], row["speaker_mention"], row["kind"]) == (speaker, mention, "direct")
    text = next(SEEDS.glob(f"{doc}_*.txt")).read_text(encoding="utf-8")
    assert text[row["start"] : row["end"]].startswith(words)
    assert text[row["speaker_start"] : row["speaker_end"]] == mention


def test_per_nippon_is_the_cited_source(table: pd.DataFrame) -> None:
    assert _row(table, "000", "We should make this year")["cited_source"] == "Nippon"


def test_partial_quotes(table: pd.DataFrame) -> None:
    assert _row(table, "000", "free and open Indo-Pacific")["kind"] == "partial"
    assert _row(table, "001", "new chapter in the history")["kind"] == "partial"


def test_a_request_is_credited_to_the_one_who_asked(table: pd.DataFrame) -> None:
    assert _row(table, "003", "manage")["speaker"] == "Donald Trump"  # "…, who had asked her to 'manage'"


def test_outlet_and_metadata_come_from_the_manifest(table: pd.DataFrame) -> None:
    row = _row(table, "003", "manage")
    assert (row["outlet"], row["outlet_source"]) == ("Ground News", "manifest")
    assert table[table["doc_id"].str.startswith("000")]["outlet"].isna().all()
