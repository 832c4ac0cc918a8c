from __future__ import annotations

import pytest

from quotes.documents import Document
from quotes.outlets import infer_outlet, outlet_of
from tests.conftest import SEEDS


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("WASHINGTON (AP) — The president said on Monday.", "AP"),
        ("LOS ANGELES, Sept. 28 (UPI) — In a preview clip, the singer appears.", "UPI"),
        ("(Tokyo = Yonhap News) Correspondent Park reports.", "Yonhap News"),
        ("By Jane Doe, Reuters\nThe talks resumed on Friday.", "Reuters"),
        ("The talks resumed.\n(Reporting by Jane Doe; Editing by Bob Roe)", "Reuters"),
        (
            "Think freely.Subscribe and get full access to Ground NewsSubscriptions start at $9.99",
            "Ground News",
        ),
        ("The talks resumed.\nCopyright 2026 The Japan Times. All rights reserved.", "The Japan Times"),
        ("The talks resumed on Friday, officials said.", None),
        # a dateline deep inside the text quotes another outlet's story; it is not this page's
        ("Intro.\n" + "Text of the article. " * 40 + "\n(Tokyo = Yonhap News) Correspondent Park", None),
    ],
)
def test_infer_outlet(text: str, outlet: str | None) -> None:
    assert infer_outlet(text) == outlet


def test_manifest_wins_and_inference_is_marked() -> None:
    assert outlet_of(Document("a", "WASHINGTON (AP) — Text.", outlet="Daily Star")).source == "manifest"
    inferred = outlet_of(Document("a", "WASHINGTON (AP) — Text."))
    assert (inferred.name, inferred.source) == ("AP", "inferred")
    assert outlet_of(Document("a", "Plain text.")).source is None


def test_seed_003_names_itself() -> None:
    text = (SEEDS / "003_01023ee02995b4af.txt").read_text(encoding="utf-8")
    assert infer_outlet(text) == "Ground News"
