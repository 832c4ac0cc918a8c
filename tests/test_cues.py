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
