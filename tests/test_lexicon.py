from dataclasses import fields

import pytest

from quotes import lexicon
from quotes.lexicon import Lexicon, available


@pytest.mark.parametrize("lang", available())
def test_every_lexicon_loads_with_its_verbs(lang: str) -> None:
    lex = lexicon.load(lang)
    assert lex.lang == lang and lex.verbs


def test_a_misspelt_key_is_an_error_that_lists_the_known_ones(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lexicon.json, "loads", lambda _: {"verbs": ["said"], "verbz": ["says"]})
    with pytest.raises(ValueError, match=r"unknown keys \['verbz'\].*'verbs'"):
        lexicon.load.__wrapped__("en")


def test_values_take_their_field_types(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = {"verbs": ["said"], "titles": ["Mr."], "verb_second": True, "relatives": ["who"]}
    monkeypatch.setattr(lexicon.json, "loads", lambda _: raw)
    lex = lexicon.load.__wrapped__("en")
    assert (lex.verbs, lex.titles, lex.verb_second, lex.relatives) == (("said",), {"mr."}, True, {"who"})
    assert lex.person_nouns == () and lex.pronouns == {}


def test_a_word_list_must_be_a_list_of_strings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lexicon.json, "loads", lambda _: {"verbs": "said"})
    with pytest.raises(ValueError, match="'verbs' must be a list of strings"):
        lexicon.load.__wrapped__("en")


def test_every_field_has_a_default_so_a_language_lists_only_what_it_needs() -> None:
    assert Lexicon(lang="xx").verbs == ()
    assert {f.name for f in fields(Lexicon)} > {"verbs", "titles", "prepositions"}
