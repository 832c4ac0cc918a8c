"""Chinese tokens for the CJK reader, from jieba's part-of-speech tagger: `nr` person names,
`nt` organisations, `ns` places (jieba loads its dictionary once, on first use)."""

from __future__ import annotations

from functools import cache
from typing import Any

from quotes.attribution.cjk import Token

_PRONOUNS = {"他", "她", "他们", "她们", "我们", "对方", "双方"}
_ROLES = {"nr": "name", "nrfg": "name", "nrt": "name", "nt": "org", "ns": "place", "n": "noun", "nz": "noun"}


@cache
def _tagger() -> Any:
    import logging

    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    return jieba.posseg


def tokens(text: str, offset: int) -> list[Token]:
    out = []
    pos = 0
    for pair in _tagger().cut(text):
        word, flag = pair.word, pair.flag
        start = text.find(word, pos)
        if start < 0:
            continue
        pos = start + len(word)
        out.append(Token(word, offset + start, offset + pos, _role(word, flag)))
    return out


def _role(word: str, flag: str) -> str:
    if word in _PRONOUNS:
        return "pron"
    if flag in _ROLES:
        return _ROLES[flag]
    if flag == "l" and word.endswith(("人", "员", "长")):
        return "title"  # 发言人, 新闻发言人
    if flag.startswith("v"):
        return "verb"
    if flag in ("x", "w"):
        return "punct"
    return "other"
