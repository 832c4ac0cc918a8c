"""Chinese tokens for the CJK reader, from jieba's part-of-speech tagger: `nr` person names,
`nt` organisations, `ns` places (jieba loads its dictionary once, on first use)."""

from __future__ import annotations

from functools import cache
from typing import Any

from quotes.attribution.cjk import Token

_PRONOUNS = {"他", "她", "他们", "她们", "我们", "对方", "双方"}
# verbs of speech that jieba's tagger files as nouns (问 总理, 形容 泽连斯基, 发帖 称): left as nouns
# they join the name after them into one mention ("问总理")
_MISTAGGED_VERBS = {"问", "形容", "发帖", "追问", "提问", "质问", "发问", "喊话", "回复", "回覆", "留言"}
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
    if word in _MISTAGGED_VERBS:
        return "verb"
    if flag in _ROLES:
        return _ROLES[flag]
    if flag == "l" and word.endswith(("人", "员", "长")):
        return "title"  # 发言人, 新闻发言人
    if flag.startswith("v"):
        return "verb"
    if flag in ("x", "w"):
        return "punct"
    return "other"


_PERSON_FLAGS = ("nr", "nrfg", "nrt")


def leading_person(text: str) -> str | None:
    """The person's name `text` opens with, as the tagger cuts it (李强在会上 -> 李强), or None when
    it opens with a common noun or a place (国防, 美国): decides whether 习近平主席 is a name."""
    words = iter(_tagger().cut(text))
    first = next(words, None)
    if first is None or first.flag not in _PERSON_FLAGS:
        return None
    if len(first.word) == 1:  # a surname cut from its given name: 蔡 + 英文
        given = next(words, None)
        if given is None or len(given.word) > 2 or not given.flag.startswith("n"):
            return None
        return first.word + given.word
    return first.word
