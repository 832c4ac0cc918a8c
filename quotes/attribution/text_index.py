"""Facts about a whole document that rules ask for every quote, computed once per document:
a rule that searched the whole text for each quote made a long document cost the square of
its length."""

from __future__ import annotations

from functools import lru_cache

import regex as re

_LETTERS = re.compile(r"\p{L}+")
_AFTER_LOWER = re.compile(r"(?<=[\p{Ll},;:]\s+)\w+")
_WORD = re.compile(r"\w+")
_BOUNDARY = re.compile(r"\b")


@lru_cache(maxsize=8)
def _letter_runs(text: str) -> frozenset[str]:
    return frozenset(_LETTERS.findall(text))


def has_word(text: str, word: str) -> bool:
    """Does `word` stand in `text` with no letter either side (as `(?<!\\p{L})word(?!\\p{L})`)?"""
    if _LETTERS.fullmatch(word):
        return word in _letter_runs(text)
    return re.search(rf"(?<!\p{{L}}){re.escape(word)}(?!\p{{L}})", text) is not None


@lru_cache(maxsize=8)
def _after_lower(text: str) -> dict[str, list[int]]:
    """Positions of the words that follow a lower-case letter, a comma, a semicolon or a colon
    and a space, by word."""
    found: dict[str, list[int]] = {}
    for m in _AFTER_LOWER.finditer(text):
        found.setdefault(m.group(), []).append(m.start())
    return found


def mid_sentence(text: str, phrase: str) -> bool:
    """Does `phrase` (starting with a word character) stand, as whole words, right after a
    lower-case word or a comma, semicolon or colon? (`(?<=[\\p{Ll},;:]\\s+)phrase\\b`)"""
    first = _WORD.match(phrase)
    if first is None:
        return re.search(rf"(?<=[\p{{Ll}},;:]\s+){re.escape(phrase)}\b", text) is not None
    for pos in _after_lower(text).get(first.group(), ()):
        if text.startswith(phrase, pos) and _BOUNDARY.match(text, pos + len(phrase)):
            return True
    return False


def blank(text: str, lo: int, hi: int) -> bool:
    """Is text[lo:hi] only whitespace? Read back from `hi`, so asking whether a quote opens a
    one-line page of 10,000 quotes costs the spaces before it, not the line."""
    i = hi
    while i > lo and text[i - 1].isspace():
        i -= 1
    return i <= lo
