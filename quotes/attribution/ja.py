"""Japanese tokens for the CJK reader, from fugashi with unidic-lite (loaded once, on first use)."""

from __future__ import annotations

from functools import cache
from typing import Any

from quotes import lexicon
from quotes.attribution.cjk import Token

_PARTICLES = {
    "は": "topic",
    "も": "topic",
    "が": "subject",
    "を": "object",
    "に": "oblique",
    "の": "genitive",
}


@cache
def _tagger() -> Any:
    import fugashi

    return fugashi.Tagger()


def tokens(text: str, offset: int) -> list[Token]:
    out = []
    pos = 0
    for word in _tagger()(text):
        surface = word.surface
        start = text.find(surface, pos)
        if start < 0:
            continue
        pos = start + len(surface)
        out.append(Token(surface, offset + start, offset + pos, _role(surface, word.feature)))
    return _numeral_names(out)


_KANJI_NUMERALS = frozenset("一二三四五六七八九十百千")


def _numeral_names(tokens: list[Token]) -> list[Token]:
    """二階幹事長, 一階堂氏: a kanji numeral written against the noun after it is part of a name
    (the tagger reads 二 + 階 as a count); '3人' keeps its Arabic numeral outside."""
    out = list(tokens)
    for i, tok in enumerate(out[:-1]):
        nxt = out[i + 1]
        joined = nxt.start == tok.end and nxt.role in ("noun", "name", "suffix")
        if tok.role == "numeral" and set(tok.text) <= _KANJI_NUMERALS and joined:
            out[i] = Token(tok.text, tok.start, tok.end, "noun")
    return [Token(t.text, t.start, t.end, "other") if t.role == "numeral" else t for t in out]


def _role(surface: str, f: Any) -> str:
    if f.pos1 == "名詞":
        if f.pos2 == "固有名詞":
            return {"人名": "name", "組織": "org", "地名": "place"}.get(f.pos3, "name")
        if f.pos2 == "数詞":
            return "numeral"
        return "noun"
    if f.pos1 == "代名詞":
        return "pron" if surface in lexicon.load("ja").pronouns else "other"  # 彼, 同氏
    if f.pos1 == "接尾辞" and f.pos2 in ("名詞的",) and f.pos3 != "助数詞":
        return "suffix"  # 氏, さん, 首相 after a name
    if f.pos1 == "助詞":
        if surface == "と" or surface == "って":
            return "quotative"
        return _PARTICLES.get(surface, "other") if f.pos2 in ("係助詞", "格助詞") else "other"
    if f.pos1 == "動詞":
        return "verb"
    if f.pos1 == "補助記号":
        return "punct"
    return "other"
