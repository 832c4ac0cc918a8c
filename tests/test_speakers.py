from __future__ import annotations

import pytest

from quotes.romanize import japanese_name
from quotes.speakers import canonical_map


@pytest.mark.parametrize(
    ("text", "western"),
    [
        ("高市早苗", "Sanae Takaichi"),
        ("高市早苗首相", "Sanae Takaichi"),  # the title is not part of the name
        ("岸田", "Kishida"),
    ],
)
def test_japanese_names_in_western_order(text: str, western: str) -> None:
    name = japanese_name(text)
    assert name is not None and name.western == western


def test_not_a_japanese_name() -> None:
    assert japanese_name("Donald Trump") is None
    assert japanese_name("外務省") is None  # an organisation, not a person


def test_one_canonical_name_across_documents_and_scripts() -> None:
    mapping = canonical_map(
        [
            ("高市早苗", "person"),
            ("Sanae Takaichi", "person"),
            ("Takaichi", "person"),
            ("Trump", "person"),
            ("Donald Trump", "person"),
            ("Japanese foreign ministry", "organization"),
        ]
    )
    assert mapping == {"高市早苗": "Sanae Takaichi", "Takaichi": "Sanae Takaichi", "Trump": "Donald Trump"}


def test_ambiguous_surname_and_unmatched_native_name_stay_as_they_are() -> None:
    mapping = canonical_map(
        [("Smith", "person"), ("Ann Smith", "person"), ("Bob Smith", "person"), ("岸田文雄", "person")]
    )
    assert mapping == {}  # two Smiths; no Latin Kishida, and a guessed reading is not a name


@pytest.mark.parametrize(
    ("native", "lang", "latin"),
    [
        ("习近平", "zh", "Xi Jinping"),
        ("習近平", "zh", "Xi Jinping"),  # traditional characters read the same
        ("문재인", "ko", "Moon Jae-in"),  # the conventional surname spelling, not Revised "Mun"
        ("김정은", "ko", "Kim Jong Un"),
    ],
)
def test_chinese_and_korean_names_take_the_latin_name_they_spell(native: str, lang: str, latin: str) -> None:
    mapping = canonical_map(
        [(native, "person", lang), (latin, "person", "en"), ("Donald Trump", "person", "en")]
    )
    assert mapping.get(native) == latin


def test_a_similar_romanisation_never_replaces_a_right_name() -> None:
    mapping = canonical_map(
        [
            ("王毅", "person", "zh"),
            ("Wang Yang", "person", "en"),
            ("문재인", "person", "ko"),
            ("Moon Jae-hwan", "person", "en"),
        ]
    )
    assert mapping == {}


def test_traditional_and_simplified_spellings_become_one() -> None:
    mapping = canonical_map([("習近平", "person", "zh"), ("习近平", "person", "zh")])
    assert mapping == {"習近平": "习近平"}


def test_two_latin_candidates_for_one_native_name_link_neither() -> None:
    mapping = canonical_map(
        [("李强", "person", "zh"), ("Li Qiang", "person", "en"), ("Qiang Li", "person", "en")]
    )
    assert "李强" not in mapping
