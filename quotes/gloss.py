"""Word-by-word English glosses of Japanese, for when no translation model is installed.

fugashi (unidic-lite) splits the text into words with their dictionary forms; each content
word gets the first English gloss of its first JMdict sense (jamdict); particles and
auxiliaries are dropped, loanwords keep the origin unidic records (トランプ-Trump), names are
romanised. The result is a gloss, not a translation, and is labelled `translation_engine = gloss`.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import regex as re

SKIP_POS = {"助詞", "助動詞", "空白", "接頭辞"}  # particles, auxiliaries, whitespace, honorific prefixes
LIGHT_VERBS = {"為る", "する", "成る", "居る", "有る", "在る"}  # grammar, not content: 建国さ(する)れて
MAX_COMPOUND = 3  # nouns looked up together: アメリカ合衆国, 電話会談
PUNCT = {
    "、": ",",
    "。": ".",
    "！": "!",
    "？": "?",
    "「": '"',
    "」": '"',
    "『": '"',
    "』": '"',
    "…": "…",
    "（": "(",
    "）": ")",
    "・": "/",
}
_PARENS = re.compile(r"\s*\([^)]*\)")


@cache
def _jamdict() -> Any:
    from jamdict import Jamdict

    return Jamdict()


@cache
def available() -> bool:
    try:
        return bool(_jamdict().ready)
    except Exception:
        return False


@cache
def version() -> str:
    from importlib.metadata import version as package_version

    return f"jamdict-data {package_version('jamdict-data')}"


@cache
def lookup(word: str) -> str | None:
    """The first gloss of the first sense of `word` in JMdict, without parenthesised notes."""
    result = _jamdict().lookup(word, strict_lookup=True, lookup_chars=False, lookup_ne=False)
    for entry in result.entries:
        for sense in entry.senses:
            for gloss in sense.gloss:
                text = _PARENS.sub("", str(gloss)).strip()
                if text:
                    return text
    return None


def gloss(text: str) -> str:
    from quotes.romanize import _hepburn, _tagger

    words = list(_tagger()(text))
    out: list[str] = []
    i = 0
    while i < len(words):
        compound = _compound(words, i)
        if compound is not None:
            english, i = compound
            out.append(english)
            continue
        word = words[i]
        i += 1
        feature, surface = word.feature, word.surface
        if str(feature.lemma) in LIGHT_VERBS:
            continue
        if surface in PUNCT:
            out.append(PUNCT[surface])
            continue
        if feature.pos1 in SKIP_POS or feature.pos1 == "補助記号":
            continue
        lemma = str(feature.lemma or surface)
        if "-" in lemma and lemma.split("-", 1)[1].isascii():
            out.append(lemma.split("-", 1)[1])  # loanword: unidic records its origin
            continue
        found = lookup(lemma) or lookup(surface)
        if found is None and feature.kana:
            found = _hepburn(feature.kana)
        out.append(found or surface)
    return re.sub(r"\s+([,.!?…)])", r"\1", " ".join(out)).strip()


def _compound(words: list[Any], i: int) -> tuple[str, int] | None:
    """The longest run of nouns from `i` that JMdict has as one entry, and the index after it."""
    for n in range(MAX_COMPOUND, 1, -1):
        run = words[i : i + n]
        if len(run) == n and all(w.feature.pos1 in ("名詞", "接尾辞") for w in run):
            english = lookup("".join(w.surface for w in run))
            if english:
                return english, i + n
    return None


class GlossTranslator:
    """Japanese to English word glosses from JMdict."""

    engine = "gloss"

    def translate(self, texts: list[str]) -> list[str | None]:
        return [gloss(t) for t in texts]
