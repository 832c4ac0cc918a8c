"""Translation: identity, none, and real argostranslate on a tiny package built in a fixture."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotes import cli, extract_quotes, resources
from quotes.translate import PunctuationSentencizer, Translators
from tests.argos_fixture import build_argosmodel

JAPANESE = "高市首相は記者団に「日米同盟の新たな章を開きたい。」と述べた。"


@pytest.fixture(scope="session")
def argosmodel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_argosmodel(tmp_path_factory.mktemp("argos-build"))


@pytest.fixture
def installed(argosmodel: Path, empty_model_store: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    assert cli.main(["models", "install", "--from", str(argosmodel)]) == 0
    assert "installed ja->en 0.1" in capsys.readouterr().out
    return empty_model_store


def direct_translation(package: Path, text: str) -> str:
    """What the model itself says for one sentence, computed without quotes or argostranslate."""
    import ctranslate2
    import sentencepiece as spm
    from argostranslate import settings

    sp = spm.SentencePieceProcessor(model_file=str(package / "sentencepiece.model"))
    model = ctranslate2.Translator(str(package / "model"), device="cpu")
    result = model.translate_batch(
        [sp.encode(text, out_type=str)],
        beam_size=max(1, settings.beam_size),
        num_hypotheses=1,
        length_penalty=0.2,
        replace_unknowns=True,
    )
    return sp.decode_pieces(result[0].hypotheses[0]).replace("▁", " ").replace("_", " ").lstrip(" ")


def test_installed_package_is_listed(installed: Path) -> None:
    (package,) = resources.argos_packages(installed)
    assert (package.from_code, package.to_code, package.version) == ("ja", "en", "0.1")
    assert (package.path / "model" / "model.bin").exists()


def test_japanese_quote_is_translated_by_the_model(installed: Path) -> None:
    (q,) = extract_quotes(JAPANESE)
    assert (q.lang, q.translation_engine) == ("ja", "argos")
    package = resources.argos_packages(installed)[0].path
    assert q.quote_en == direct_translation(package, q.quote)
    assert q.quote_en and q.quote_en != q.quote


def test_seed_post_gets_an_english_rendering(installed: Path) -> None:
    from tests.conftest import SEEDS

    text = (SEEDS / "000_d65c9caa59ab3960.txt").read_text(encoding="utf-8")
    post = next(q for q in extract_quotes(text) if q.kind == "post" and q.lang == "ja")
    assert post.translation_engine == "argos" and post.quote_en


def test_without_a_package_japanese_falls_back_to_glosses_and_the_hint_names_the_command() -> None:
    translators = Translators()
    (q,) = extract_quotes(JAPANESE, translators=translators)
    assert q.translation_engine == "gloss" and "alliance" in (q.quote_en or "")
    assert translators.missing == {"ja"}
    assert "quotes models install ja en" in resources.install_hint("ja")


def test_install_refuses_what_is_not_a_package(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bogus = tmp_path / "x.argosmodel"
    bogus.write_text("not a zip", encoding="utf-8")
    assert cli.main(["models", "install", "--from", str(bogus)]) == 2
    assert "not an argos package" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("一つ目。二つ目！", ["一つ目。", "二つ目！"]),
        ("First. Second?", ["First.", "Second?"]),
        ("no end", ["no end"]),
    ],
)
def test_punctuation_sentencizer(text: str, sentences: list[str]) -> None:
    assert PunctuationSentencizer().split_sentences(text) == sentences
