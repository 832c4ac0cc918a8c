from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(autouse=True)
def empty_model_store(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Tests never see models a developer happens to have installed in ./models."""
    store = tmp_path_factory.mktemp("models")
    monkeypatch.setenv("QUOTES_MODELS", str(store))
    return store


def span_texts(text: str) -> list[str]:
    from quotes.extract import find_spans

    return [s.text_in(text) for s in find_spans(text)]
