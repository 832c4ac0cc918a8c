from __future__ import annotations

import pytest

from quotes import extract_quotes
from quotes.posts import find_posts
from tests.conftest import SEEDS

ARTICLE = (
    "The minister spoke on Friday about the talks with the neighbouring country, saying progress was "
    "slow but real and that a further round of negotiations would follow in the spring. Officials from both "
    "sides declined to give details of the agenda.\n"
    "Great meeting today with @PM. The alliance is STRONG 🇺🇸🇯🇵 pic.twitter.com/AbCdEf123\n"
    "— Jane Doe (@janedoe) March 3, 2026\n"
    "The article goes on with more reporting."
)


def test_post_is_one_quote_with_signer_handle_and_trimmed_links() -> None:
    (post,) = find_posts(ARTICLE)
    assert (post.name, post.handle, post.platform, post.date) == ("Jane Doe", "janedoe", "x", "March 3, 2026")
    assert post.span.text_in(ARTICLE) == "Great meeting today with @PM. The alliance is STRONG"


def test_post_row() -> None:
    (q,) = [q for q in extract_quotes(ARTICLE, lang="en") if q.kind == "post"]
    assert (q.speaker, q.method, q.handle) == ("Jane Doe", "post-signature", "janedoe")
    assert ARTICLE[q.speaker_start : q.speaker_end] == "Jane Doe"


@pytest.fixture(scope="module")
def seed_posts() -> list:
    text = (SEEDS / "000_d65c9caa59ab3960.txt").read_text(encoding="utf-8")
    return [q for q in extract_quotes(text) if q.kind == "post"]


def test_seed_000_has_three_posts(seed_posts: list) -> None:
    assert [(q.speaker_mention, q.handle, q.lang) for q in seed_posts] == [
        ("高市早苗", "takaichi_sanae", "ja"),
        ("Ian Jaeger", "IanJaeger29", "en"),
        ("Eric Daugherty", "EricLDaugh", "en"),
    ]


def test_japanese_signature_joins_the_latin_name_in_the_article(seed_posts: list) -> None:
    assert seed_posts[0].speaker == "Sanae Takaichi"  # 高市早苗, surname first, in kanji


@pytest.mark.parametrize(
    ("index", "first", "last"),
    [
        (0, "本日、トランプ大統領と電話会談を行いました。", "緊密な連携を確認しました。…"),
        (1, "Conservative Prime Minister of Japan", "new close alliance and partnership."),
        (2, "🚨 BREAKING: Japan’s right-wing", "The Trump X Takaich alliance is STRONG"),
    ],
)
def test_seed_post_texts(seed_posts: list, index: int, first: str, last: str) -> None:
    text = seed_posts[index].quote
    assert text.startswith(first) and text.endswith(last)
