"""Japanese tokens for the CJK reader, from fugashi with unidic-lite (loaded once, on first use)."""

from __future__ import annotations

from functools import cache
from typing import Any

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
    return out


def _role(surface: str, f: Any) -> str:
    if f.pos1 == "名詞":
        if f.pos2 == "固有名詞":
            return {"人名": "name", "組織": "org", "地名": "place"}.get(f.pos3, "name")
        if f.pos2 == "数詞":
            return "other"
        return "noun"
    if f.pos1 == "代名詞":
        return "pron" if surface in {"彼", "彼女", "彼ら", "同氏", "同相"} else "other"
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
