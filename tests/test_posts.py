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


def test_a_signature_glued_to_the_post_line_signs_it() -> None:
    text = (
        "Abe added another post in Japanese.\n"
        "心温まるお見舞いの言葉、ありがとうございます。 https://t.co/PE5eMAdFft"
        "— 安倍晋三 (@AbeShinzo) June 20, 2018\n"
        "The post received many comments."
    )
    (post,) = find_posts(text)
    assert (post.name, post.handle, post.date) == ("安倍晋三", "AbeShinzo", "June 20, 2018")
    assert post.span.text_in(text) == "心温まるお見舞いの言葉、ありがとうございます。"


def test_a_blank_line_ends_a_post_above_its_signature() -> None:
    text = (
        "日本の出生数が過去最低を更新したニュースに引用する形で投稿しました。\n\n"
        "Japan will disappear if something doesn’t change https://t.co/1nmYIkYWD9\n\n"
        "— Elon Musk (@elonmusk) February 29, 2024\n\n"
        "厚生労働省によると、出生数は過去最小です。"
    )
    (post,) = find_posts(text)
    assert post.span.text_in(text) == "Japan will disappear if something doesn’t change"


def test_a_pasted_reply_thread_is_one_post_per_reply() -> None:
    text = (
        "Some choice replies, translated:\n"
        "topgao: The cause you support is an iron cage.\n"
        "Kevinclily: What crap. You support the party.\n"
        "The replies have since been removed."
    )
    posts = find_posts(text)
    assert [(p.name, p.platform, p.span.text_in(text)) for p in posts] == [
        ("topgao", None, "The cause you support is an iron cage."),
        ("Kevinclily", None, "What crap. You support the party."),
    ]


def test_one_label_line_is_no_thread() -> None:
    assert find_posts("Note: the figures are provisional.\nThe ministry will publish them later.") == []


def test_a_reply_glued_to_the_line_before_is_its_own_post() -> None:
    text = "Replies:\ntopgao:您支持的事业是铁笼Kevinclily: What crap.\nEastEast31: Wake up!\nThe end of it."
    assert [(p.name, p.span.text_in(text)) for p in find_posts(text)] == [
        ("topgao", "您支持的事业是铁笼"),
        ("Kevinclily", "What crap."),
        ("EastEast31", "Wake up!"),
    ]


@pytest.mark.parametrize(
    ("intro", "author"),
    [
        ("This Weibo post by Global Times Chief Editor Hu Xijin had 790 forwards.", "Hu Xijin"),
        ("Sharing a post by Tsai, Abe reciprocated in a Twitter post written in Chinese today:", "Abe"),
    ],
)
def test_a_post_a_sentence_introduces_is_its_authors(intro: str, author: str) -> None:
    from quotes import lexicon

    text = f"{intro}\nThank you for the warm words of consolation from Taiwan.\nThe article goes on."
    (post,) = find_posts(text, lexicon.load("en"))
    assert (post.name, post.span.text_in(text)) == (
        author,
        "Thank you for the warm words of consolation from Taiwan.",
    )


def test_section_labels_are_no_reply_thread() -> None:
    text = "Bildung: Die SPD will mehr Geld für Schulen.\nVerkehr: Die SPD will mehr Schienen.\nEnde."
    assert find_posts(text) == []
