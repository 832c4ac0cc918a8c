import pytest

from quotes import lexicon
from quotes.cues import Patterns, _src, patterns


def test_patterns_compile_on_first_use_and_once() -> None:
    pat = Patterns("x", {"before": _src(r"said"), "object_speaker": (), "framed": None})
    assert "before" not in vars(pat)
    first = pat.before
    assert first.search("she said") and pat.before is first and "before" in vars(pat)
    assert pat.object_speaker == () and pat.framed is None


def test_a_language_without_a_pattern_gets_none_or_nothing() -> None:
    fr = patterns(lexicon.load("fr"))
    assert fr.object_speaker == () and fr.ja_after is None
    assert patterns(lexicon.load("ja")).ja_after.match("と述べた")


@pytest.mark.parametrize(
    ("text", "lang", "not_a_mention"),
    [
        ("Er kam aus dem Irak. Nach Gerüchten soll er geflohen sein.", "de", "Irak. Nach"),
        ("Sie sprach in Rom. Danach reiste sie ab.", "de", "Rom. Danach"),
        ("No vio sangre en la escalera. La testigo calló.", "es", "escalera. La"),
        ("They want jobs in the U.S. While Clinton agreed, Sanders did not.", "en", "S. While"),
    ],
)
def test_no_mention_runs_over_a_sentence_end(text: str, lang: str, not_a_mention: str) -> None:
    from quotes.attribution.candidates import mention_re

    found = [m.group() for m in mention_re(lexicon.load(lang)).finditer(text)]
    assert found and not any(not_a_mention in m for m in found)


def test_abbreviated_titles_stay_in_the_name() -> None:
    from quotes.attribution.candidates import mention_re

    found = [
        m.group() for m in mention_re(lexicon.load("en")).finditer("Gov. Jerry Brown met Sen. Bob Dole.")
    ]
    assert "Gov. Jerry Brown" in found and "Sen. Bob Dole" in found
