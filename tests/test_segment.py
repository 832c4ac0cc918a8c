from __future__ import annotations

import pytest

from quotes.segment import detect, script_of, segments
from tests.conftest import SEEDS


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("本日、トランプ大統領と電話会談を行いました。", "Kana"),
        ("习近平主席发表讲话", "Han"),
        ("대통령이 말했다", "Hangul"),
        ("Президент сказал", "Cyrillic"),
        ("The president said", "Latin"),
    ],
)
def test_script(text: str, script: str) -> None:
    assert script_of(text) == script


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("本日、トランプ大統領と電話会談を行いました。", "ja"),
        ("习近平主席在北京发表重要讲话并会见外国客人", "zh"),
        ("Der Bundeskanzler sagte am Montag, die Regierung werde die Steuern nicht erhöhen.", "de"),
        ("Le président a déclaré lundi que le gouvernement n'augmenterait pas les impôts.", "fr"),
        ("The president said on Monday that the government would not raise taxes.", "en"),
    ],
)
def test_detect(text: str, lang: str) -> None:
    assert detect(text)[0] == lang


def test_short_line_inherits_neighbours() -> None:
    text = (
        "The prime minister spoke with the president on Friday evening for about twenty minutes.\n"
        "EPIC!\n"
        "Both leaders agreed to meet in the spring and to deepen their economic cooperation."
    )
    segs = segments(text)
    assert [s.lang for s in segs] == ["en"]


def test_seed_000_japanese_post_is_one_ja_segment() -> None:
    text = (SEEDS / "000_d65c9caa59ab3960.txt").read_text(encoding="utf-8")
    segs = segments(text)
    assert {s.lang for s in segs} == {"en", "ja"}
    (ja,) = [s for s in segs if s.lang == "ja"]
    assert text[ja.start : ja.end].startswith("本日、トランプ大統領")
    assert text[ja.start : ja.end].endswith("確認しました。…")


def test_deterministic() -> None:
    text = "Ein kurzer Satz auf Deutsch über die Regierung und das Wetter in Berlin."
    assert {detect(text) for _ in range(5)} == {detect(text)}
