from __future__ import annotations

import itertools
from pathlib import Path

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
    post = text[text.index("本日、") : text.index("確認しました。…") + len("確認しました。…")]
    assert text[ja.start : ja.end].startswith(post)
    assert text[ja.start : ja.end].rstrip() == post + "\n— 高市早苗"  # the signer's name is Japanese too


def test_deterministic() -> None:
    text = "Ein kurzer Satz auf Deutsch über die Regierung und das Wetter in Berlin."
    assert {detect(text) for _ in range(5)} == {detect(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The minister said this.\n外交部发言人表示，中方坚决反对。\nThen he left the room.",
            [
                ("en", "The minister said this."),
                ("zh", "外交部发言人表示，中方坚决反对。"),
                ("en", "Then he left the room."),
            ],
        ),
        # kanji in a document that has kana is Japanese
        ("首相官邸\n本日、電話会談を行いました。", [("ja", "首相官邸\n本日、電話会談を行いました。")]),
        (
            "Президент сказал, что переговоры продолжатся в понедельник утром.\n"
            "The talks will resume on Monday morning in the capital.",
            [
                ("ru", "Президент сказал, что переговоры продолжатся в понедельник утром."),
                ("en", "The talks will resume on Monday morning in the capital."),
            ],
        ),
    ],
)
def test_runs_by_script_then_language(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(s.lang, text[s.start : s.end]) for s in segments(text)] == expected


def test_a_line_mixing_scripts_is_split_by_script() -> None:
    text = (
        "Both leaders spoke on the phone for about twenty minutes on Friday.\n"
        "— 高市早苗 (@takaichi_sanae) January 2"
    )
    langs = [(s.lang, text[s.start : s.end].strip()) for s in segments(text)]
    assert ("zh", "— 高市早苗") in langs  # no kana anywhere: Han alone reads as Chinese
    assert all(lang in ("en", "zh") for lang, _ in langs)


def test_segments_cover_every_paragraph_once() -> None:
    text = (SEEDS / "000_d65c9caa59ab3960.txt").read_text(encoding="utf-8")
    segs = segments(text)
    assert all(a.end <= b.start for a, b in itertools.pairwise(segs))
    covered = sum(s.end - s.start for s in segs)
    assert covered >= sum(len(line) for line in text.split("\n"))


def test_a_quoted_sentence_in_another_latin_language_is_its_own_segment() -> None:
    text = (
        "In a post on Tuesday the senator wrote to his followers in Texas and beyond: “Hoy es un gran "
        "día para todos los mexicanos que viven en este país y luchan cada día.” He later deleted the "
        "post and apologised to his followers for the confusion it caused."
    )
    spanish = "“Hoy es un gran día para todos los mexicanos que viven en este país y luchan cada día.”"
    assert [(s.lang, text[s.start : s.end].strip()) for s in segments(text)] == [
        ("en", "In a post on Tuesday the senator wrote to his followers in Texas and beyond:"),
        ("es", spanish),
        ("en", "He later deleted the post and apologised to his followers for the confusion it caused."),
    ]


def test_a_line_of_names_keeps_the_documents_language() -> None:
    names = "Salah Abu-Laban, Sahar Quaider, Ghassan Abu-Laban and Reem As-Saba’ee."
    assert detect(names)[0] != "en"  # alone, the detector guesses another language
    text = (
        "The campaign released the list of its new volunteers in Iowa on Monday afternoon.\n"
        f"{names}\n"
        "The volunteers will start knocking on doors next week in the eastern counties."
    )
    assert [s.lang for s in segments(text)] == ["en"]


def test_links_labels_and_chinese_posts_in_a_japanese_page() -> None:
    text = (
        "本日、台湾の皆さんから応援メッセージをいただきました。 https://t.co/PE5eMAdFft\n"
        "非常感謝溫暖的慰問，也感謝台灣許多老朋友的聲援。\n"
        "X（旧Twitter）に投稿した。"
    )
    assert [(s.lang, text[s.start : s.end].strip()) for s in segments(text)] == [
        ("ja", "本日、台湾の皆さんから応援メッセージをいただきました。 https://t.co/PE5eMAdFft"),
        ("zh", "非常感謝溫暖的慰問，也感謝台灣許多老朋友的聲援。"),  # no kana, Chinese function words
        ("ja", "X（旧Twitter）に投稿した。"),
    ]


def test_function_words_settle_a_plain_paragraph_without_the_detector(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from quotes import segment

    asked: list[str] = []
    real = segment._ranked
    monkeypatch.setattr(segment, "_ranked", lambda text: asked.append(text) or real(text))
    text = (
        "The prime minister said on Friday that the two countries would work together on trade.\n"
        "He added that the agreement was the result of a year of talks in both capitals.\n"
        "“Hoy es un gran día para todos los mexicanos que viven en este país”, escribió el senador."
    )
    segs = segments(text)
    assert [s.lang for s in segs] == ["en", "es"]
    # the detector read the document's sample (it mixes languages) and the Spanish line, never
    # an English line on its own
    assert [a for a in asked if not a.startswith("The prime")] == [text.splitlines()[2]]


def test_the_unpacked_detector_model_ranks_as_py3langid_does(empty_model_store: Path) -> None:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    from quotes import langid_cache

    first = langid_cache.identifier()  # py3langid's loader; writes the unpacked copy
    assert langid_cache.cache_path(empty_model_store).stat().st_size > 10_000_000
    second = langid_cache.identifier()  # read from the copy
    reference = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    texts = ["The minister said on Friday.", "Der Minister sagte am Freitag.", "El ministro dijo el viernes."]
    for model in (first, second, reference):
        model.set_languages(["en", "de", "es", "fr", "nl"])
    for text in texts:
        assert second.rank(text) == reference.rank(text) == first.rank(text)
    assert [second.classify(t)[0] for t in texts] == ["en", "de", "es"]


def test_a_damaged_unpacked_model_falls_back_to_py3langid(empty_model_store: Path) -> None:
    from quotes import langid_cache

    path = langid_cache.cache_path(empty_model_store)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not an npz")
    assert langid_cache.identifier().classify("The minister said on Friday.")[0] == "en"
