"""The stanza adapter on hand-built stanza Documents (tokens, upos, lemma, heads, deprel, ner)."""

from __future__ import annotations

from pathlib import Path

import pytest

stanza_doc = pytest.importorskip("stanza.models.common.doc")

from quotes import extract_quotes, nlp, resources  # noqa: E402
from quotes.extract import find_spans  # noqa: E402
from quotes.lexicon import load  # noqa: E402
from quotes.pipeline import Options  # noqa: E402

# (text, upos, lemma, head, deprel, ner) per token; offsets are found in the text in order
Token = tuple[str, str, str, int, str, str]


def build(text: str, tokens: list[Token]) -> object:
    words, pos = [], 0
    for i, (tok, upos, lemma, head, deprel, ner) in enumerate(tokens, 1):
        start = text.index(tok, pos)
        pos = start + len(tok)
        words.append(
            {
                "id": i,
                "text": tok,
                "upos": upos,
                "lemma": lemma,
                "head": head,
                "deprel": deprel,
                "ner": ner,
                "start_char": start,
                "end_char": pos,
            }
        )
    return stanza_doc.Document([words], text=text)


ANN_LEE = "“We will win,” Ann Lee told reporters."
ANN_LEE_TOKENS: list[Token] = [
    ("“", "PUNCT", "“", 4, "punct", "O"),
    ("We", "PRON", "we", 4, "nsubj", "O"),
    ("will", "AUX", "will", 4, "aux", "O"),
    ("win", "VERB", "win", 9, "ccomp", "O"),
    (",", "PUNCT", ",", 4, "punct", "O"),
    ("”", "PUNCT", "”", 4, "punct", "O"),
    ("Ann", "PROPN", "Ann", 9, "nsubj", "B-PERSON"),
    ("Lee", "PROPN", "Lee", 7, "flat", "E-PERSON"),
    ("told", "VERB", "tell", 0, "root", "O"),
    ("reporters", "NOUN", "reporter", 9, "obj", "O"),
    (".", "PUNCT", ".", 9, "punct", "O"),
]


def test_subject_of_the_reporting_verb_is_the_speaker() -> None:
    (found,) = nlp.attributions_from_parse(build(ANN_LEE, ANN_LEE_TOKENS), find_spans(ANN_LEE), load("en"))
    assert found is not None
    assert (found.mention.text, found.mention.kind, found.cue, found.method) == (
        "Ann Lee",
        "name",
        "told",
        "stanza-dep",
    )
    assert ANN_LEE[found.mention.start : found.mention.end] == "Ann Lee"


def test_a_cue_inside_the_quote_is_not_the_quotes_cue() -> None:
    text = "“He said no,” the report noted."
    tokens: list[Token] = [
        ("“", "PUNCT", "“", 3, "punct", "O"),
        ("He", "PRON", "he", 3, "nsubj", "O"),
        ("said", "VERB", "say", 9, "ccomp", "O"),
        ("no", "INTJ", "no", 3, "obj", "O"),
        (",", "PUNCT", ",", 3, "punct", "O"),
        ("”", "PUNCT", "”", 3, "punct", "O"),
        ("the", "DET", "the", 8, "det", "O"),
        ("report", "NOUN", "report", 9, "nsubj", "O"),
        ("noted", "VERB", "note", 0, "root", "O"),
        (".", "PUNCT", ".", 9, "punct", "O"),
    ]
    (found,) = nlp.attributions_from_parse(build(text, tokens), find_spans(text), load("en"))
    assert found is not None and (found.mention.text, found.mention.kind, found.cue) == (
        "the report",
        "nominal",
        "noted",
    )


def test_no_subject_leaves_the_quote_to_the_rules() -> None:
    text = "“Never,” came the reply."
    tokens: list[Token] = [
        ("“", "PUNCT", "“", 2, "punct", "O"),
        ("Never", "ADV", "never", 4, "advmod", "O"),
        (",", "PUNCT", ",", 2, "punct", "O"),
        ("”", "PUNCT", "”", 2, "punct", "O"),
        ("came", "VERB", "come", 0, "root", "O"),
        ("the", "DET", "the", 7, "det", "O"),
        ("reply", "NOUN", "reply", 5, "nsubj", "O"),
        (".", "PUNCT", ".", 5, "punct", "O"),
    ]
    assert nlp.attributions_from_parse(build(text, tokens), find_spans(text), load("en")) == [None]


def test_pipeline_uses_the_parse_when_models_are_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        nlp, "annotator_for", lambda lang, store=None: lambda text: build(text, ANN_LEE_TOKENS)
    )
    (q,) = extract_quotes(ANN_LEE, lang="en")
    assert (q.speaker, q.method, q.nlp_engine) == ("Ann Lee", "stanza-dep", "stanza")
    (rules,) = extract_quotes(ANN_LEE, options=Options(lang="en", nlp="rules"))
    assert (rules.method, rules.nlp_engine) == ("quote-speaker-cue", "rules")


def test_without_models_the_rules_run_and_say_so(empty_model_store: Path) -> None:
    assert nlp.annotator_for("en") is None
    (q,) = extract_quotes(ANN_LEE, lang="en")
    assert q.nlp_engine == "rules"


def test_models_are_found_in_the_store_and_missing_ones_named(empty_model_store: Path) -> None:
    with pytest.raises(resources.ModelMissing, match="quotes models install-stanza en"):
        nlp.StanzaAnnotator("en")("text")
    (empty_model_store / "stanza" / "en" / "tokenize").mkdir(parents=True)
    assert nlp.available("en") and isinstance(nlp.annotator_for("en"), nlp.StanzaAnnotator)
