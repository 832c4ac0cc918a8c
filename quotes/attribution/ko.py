"""Korean tokens for the CJK reader, from kiwipiepy with its model package: NNP proper nouns
(and the lexicon's `proper_nouns`, which the model splits), Latin letters (A씨), NP pronouns,
JX topic 은/는/도, JKS subject 이/가/께서, JKQ quotative 라고/고 (the model loads once, on first use)."""

from __future__ import annotations

from functools import cache
from typing import Any

from quotes import lexicon
from quotes.attribution.cjk import Token

_ROLES = {
    "NNP": "name",
    "NNG": "noun",
    "NNB": "other",
    "NP": "pron",
    "JKS": "subject",
    "JKO": "object",
    "JKB": "oblique",
    "JKG": "genitive",
    "JKQ": "quotative",
    "VV": "verb",
    "XSN": "suffix",
    "SL": "name",  # Latin letters: A씨 (an unnamed person), BTS
}
_TOPIC = {"은", "는", "도"}
_QUOTATIVES = {"라고", "이라고", "고", "며", "라며", "이라며", "면서", "라는", "이라는"}
_PERSONAL = {"그", "그녀", "그들", "이들", "저", "나", "우리"}


@cache
def _kiwi() -> Any:
    from kiwipiepy import Kiwi

    kiwi = Kiwi()
    for word in lexicon.load("ko").proper_nouns:
        kiwi.add_user_word(word, "NNP")
    return kiwi


def tokens(text: str, offset: int) -> list[Token]:
    lex = lexicon.load("ko")
    out: list[Token] = []
    for tok in _kiwi().tokenize(text):
        start, end = tok.start, tok.start + tok.len
        role = _role(tok.form, tok.tag)
        if out and out[-1].role == "punct" and out[-1].end == offset + start and tok.form in _QUOTATIVES:
            role = "quotative"  # ”라고: whatever the tagger made of it after a closing mark
        if tok.tag.startswith("XSV") and out and out[-1].role == "noun" and out[-1].end == offset + start:
            prev = out.pop()  # 강조 + 하: a verb made from a noun
            out.append(Token(prev.text + tok.form, prev.start, offset + end, "verb"))
            continue
        if (
            tok.form in lex.anonymous_names
            and out
            and out[-1].role == "name"
            and out[-1].end == offset + start
        ):
            prev = out.pop()  # 김모씨: "a certain Kim" is one name
            out.append(Token(prev.text + tok.form, prev.start, offset + end, "name"))
            continue
        if tok.tag == "NNB" and lex.is_title(tok.form):
            role = "title"  # A씨, 홍길동 님
        out.append(Token(text[start:end], offset + start, offset + end, role))
    return _surnames(out)


def _surnames(tokens: list[Token]) -> list[Token]:
    """고 대변인: a lone syllable the tagger took for a determiner, before a title, is a surname
    (그 시기, "that time", stays a determiner)."""
    out = list(tokens)
    for i, tok in enumerate(out[:-1]):
        if tok.role == "determiner" and len(tok.text) == 1 and lexicon.load("ko").is_title(out[i + 1].text):
            out[i] = Token(tok.text, tok.start, tok.end, "name")
    return [Token(t.text, t.start, t.end, "other") if t.role == "determiner" else t for t in out]


def _role(form: str, tag: str) -> str:
    if tag == "JX":
        return "topic" if form in _TOPIC else "other"
    if tag == "NP":
        return "pron" if form in _PERSONAL else "other"
    if tag == "MM":
        return "determiner"
    if tag == "EC" and form in ("며", "라며", "면서", "고", "라고"):
        return "quotative"
    if tag.startswith(("SS", "SF", "SP", "SW")):
        return "punct"
    return _ROLES.get(tag, "other")
