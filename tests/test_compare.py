from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pytest

import quotes
from quotes import cli
from quotes.compare import compare, normalise, word_diff
from tests.conftest import SEEDS


def _row(doc: str, text: str, speaker: str | None, kind: str = "direct", lang: str = "en") -> dict:
    return {
        "doc_id": doc,
        "quote_id": f"{doc}:1",
        "quote": text,
        "quote_en": text if lang == "en" else None,
        "speaker": speaker,
        "kind": kind,
        "lang": lang,
        "start": 0,
        "end": len(text),
    }


def test_two_renderings_of_one_remark_share_a_cluster_with_their_differences() -> None:
    table = pd.DataFrame(
        [
            _row("a", "We confirmed the strong coordination of the alliance this year.", "Ann Lee"),
            _row("b", "We confirmed the strong partnership of the alliance this year.", "Ann Lee"),
            _row("c", "The weather will stay dry over the weekend in the capital.", "Ann Lee"),
        ]
    )
    variants = compare(table, documents=[]).set_index("doc_id")
    assert (
        variants.loc["a", "cluster_id"] == variants.loc["b", "cluster_id"] != variants.loc["c", "cluster_id"]
    )
    changed = {variants.loc["a", "words_changed"], variants.loc["b", "words_changed"]}
    assert changed & {"partnership -> coordination", "coordination -> partnership"}


def test_different_speakers_are_not_one_remark() -> None:
    table = pd.DataFrame(
        [
            _row("a", "We confirmed the strong coordination of the alliance this year.", "Ann Lee"),
            _row("b", "We confirmed the strong coordination of the alliance this year.", "Bo Chen"),
        ]
    )
    assert compare(table, documents=[])["cluster_id"].nunique() == 2


def test_partial_joins_the_full_quote_but_a_single_word_does_not() -> None:
    table = pd.DataFrame(
        [
            _row("a", "We should open a new chapter in the history of the alliance.", "Ann Lee"),
            _row("b", "new chapter in the history of the alliance", None, kind="partial"),
            _row("c", "alliance", None, kind="partial"),
        ]
    )
    clusters = compare(table, documents=[]).set_index("doc_id")["cluster_id"]
    assert clusters["a"] == clusters["b"] != clusters["c"]


@pytest.mark.parametrize(
    ("reference", "text", "expected"),
    [
        (
            "the two exchanged views mainly on the region",
            "exchanged views primarily on the region",
            ([], ["the two"], ["mainly -> primarily"]),
        ),
        ("we agreed", "we agreed today", (["today"], [], [])),
    ],
)
def test_word_diff(reference: str, text: str, expected: tuple) -> None:
    assert word_diff(reference, text) == expected


def test_normalise_ignores_hyphen_and_case_noise() -> None:
    assert normalise("Indo‑Pacific  Region") == normalise("indo-pacific region")


@pytest.fixture(scope="module")
def seed_variants() -> pd.DataFrame:
    return quotes.compare(quotes.extract(SEEDS))


def _cluster(variants: pd.DataFrame, doc: str, words: str) -> int:
    hit = variants[variants["doc_id"].str.startswith(doc) & variants["text"].str.contains(words, regex=False)]
    assert len(hit) == 1, hit
    return int(hit["cluster_id"].iloc[0])


def test_seed_remark_rendered_twice_is_one_cluster(seed_variants: pd.DataFrame) -> None:
    cluster = _cluster(seed_variants, "000", "I believe it was extremely significant")
    assert cluster == _cluster(seed_variants, "001", "I consider it extremely significant")
    row = seed_variants[
        (seed_variants["cluster_id"] == cluster) & seed_variants["doc_id"].str.startswith("000")
    ]
    assert "partnership -> coordination" in row["words_changed"].iloc[0]


def test_seed_new_chapter_fragment_joins_the_full_quote(seed_variants: pd.DataFrame) -> None:
    assert _cluster(seed_variants, "001", "new chapter in the history") == _cluster(
        seed_variants, "000", "We should make this year one"
    )


def test_seed_ministry_quote_has_the_003_sentence_as_echo(seed_variants: pd.DataFrame) -> None:
    cluster = _cluster(seed_variants, "004", "The two exchanged views mainly")
    echoes = seed_variants[(seed_variants["cluster_id"] == cluster) & (seed_variants["variant"] == "echo")]
    assert list(echoes["doc_id"].str[:3]) == ["003"]
    assert "exchanged views primarily on the Indo" in echoes["text"].iloc[0]
    assert "mainly -> primarily" in echoes["words_changed"].iloc[0]


def test_seed_nothing_unrelated_is_clustered(seed_variants: pd.DataFrame) -> None:
    shared = seed_variants.groupby("cluster_id").size()
    assert sorted(shared[shared > 1].tolist()) == [2, 2, 2]  # the three remarks above, and nothing else


def test_compare_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    table, variants = tmp_path / "q.csv", tmp_path / "variants.csv"
    assert cli.main(["extract", str(SEEDS), "-o", str(table), "-q"]) == 0
    assert cli.main(["compare", str(table), "-o", str(variants)]) == 0
    assert "1 echo(es)" in capsys.readouterr().out
    rows = list(csv.DictReader(variants.open(encoding="utf-8")))
    assert {r["variant"] for r in rows} == {"quote", "echo"}


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (make setup installs it)")
def test_report_renders_in_a_real_browser(tmp_path: Path, seed_variants: pd.DataFrame) -> None:
    from quotes.report import render

    page = tmp_path / "report.html"
    page.write_text(render(seed_variants), encoding="utf-8")
    base = [str(CHROMIUM), *FLAGS, f"--user-data-dir={tmp_path / 'profile'}"]
    dom = subprocess.run(
        [*base, "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=120
    ).stdout
    assert dom.count('class="cluster"') == 3
    assert '<mark class="changed">speak</mark>' in dom and '<mark class="changed">primarily</mark>' in dom
    assert 'class="echo"' in dom and "Ground News" in dom
    shot = tmp_path / "report.png"  # kept so a regression can be looked at
    subprocess.run(
        [*base, "--window-size=1280,1000", f"--screenshot={shot}", page.as_uri()],
        capture_output=True,
        timeout=120,
        check=True,
    )
    assert shot.stat().st_size > 20_000 and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    print(f"report screenshot: {shot}")


def test_shared_wording_index_proposes_renderings_and_fragments_not_strangers() -> None:
    from quotes.shared_words import similar_pairs

    texts = [
        normalise("We confirmed the strong coordination of the alliance this year."),
        normalise("We confirmed the strong partnership of the alliance this year."),
        normalise("new chapter in the history of the alliance"),
        normalise("We should open a new chapter in the history of the alliance."),
        normalise("Rain is expected over the mountains by Thursday evening."),
    ]
    pairs = set(similar_pairs(texts))
    assert {(0, 1), (2, 3)} <= pairs
    assert not any(4 in pair for pair in pairs)


def test_compare_scores_only_pairs_that_share_wording(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib
    import random

    module = importlib.import_module("quotes.compare")  # the module, not quotes.compare()

    rng = random.Random(1)
    words = [f"w{i}" for i in range(5000)]
    rows = [_row(f"d{i}", " ".join(rng.sample(words, 12)), None) for i in range(300)]
    rows += [
        _row(f"e{i}", "We will open a new chapter in the history of the alliance.", "Ann Lee")
        for i in range(50)
    ]
    scored = []
    real = module._same_remark

    def counting(a: object, b: object) -> float:
        scored.append(1)
        return real(a, b)  # type: ignore[arg-type]

    monkeypatch.setattr(module, "_same_remark", counting)
    variants = compare(pd.DataFrame(rows), documents=[])
    assert len(scored) < 50  # not the 61,000 pairs of 350 quotes
    sizes = variants.groupby("cluster_id").size()
    assert sorted(sizes)[-1] == 50 and len(sizes) == 301  # fifty copies are one remark
