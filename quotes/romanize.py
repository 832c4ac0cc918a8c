"""Japanese personal names in Latin script, in the order English-language news uses.

fugashi with unidic-lite tags each part of a name as surname (姓) or given name (名) and
gives its reading; cutlet turns the reading into Hepburn: 高市早苗 -> "Sanae Takaichi". (pykakasi
does too, but loads its whole kanji dictionary for 0.6 s; cutlet reuses fugashi and starts in
milliseconds.) Readings of given names are dictionary guesses (文雄 reads ブンユウ, not Fumio), so matching
against Latin names leans on the surname.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

import regex as re

_JAPANESE = re.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]")


@dataclass(frozen=True)
class JapaneseName:
    surname: str  # Hepburn, capitalised
    given: str | None

    @property
    def western(self) -> str:
        return f"{self.given} {self.surname}" if self.given else self.surname


@cache
def _tagger() -> Any:
    import fugashi

    return fugashi.Tagger()


@cache
def _cutlet() -> Any:
    import cutlet

    return cutlet.Cutlet()


def _hepburn(kana: str) -> str:
    return str(_cutlet().romaji(kana)).replace(" ", "").capitalize()


# name readings are pure functions of the name: cached, since canonical_map asks both whether a
# name is one it can read and then what it reads as, and names.py asks again for titles
NAME_CACHE = 4096


@lru_cache(maxsize=NAME_CACHE)
def japanese_name(text: str) -> JapaneseName | None:
    """The person name in `text` (titles such as 首相 are skipped), or None if there is none."""
    if not _JAPANESE.search(text):
        return None
    surname = given = None
    for word in _tagger()(text):
        feature = word.feature
        if feature.pos2 != "固有名詞" or feature.pos3 != "人名" or not feature.kana:
            if surname:
                break  # the name is over (首相, さん ...)
            continue
        if feature.pos4 == "姓" and surname is None:
            surname = _hepburn(feature.kana)
        elif feature.pos4 == "名" and surname is not None and given is None:
            given = _hepburn(feature.kana)
    return JapaneseName(surname, given) if surname else None


@lru_cache(maxsize=NAME_CACHE)
def japanese_name_end(text: str) -> int:
    """Where the personal name that opens `text` ends (surname, then a given name if any), or 0:
    片山善博総務大臣 -> 4, so that a title of several words (総務大臣) comes off whole."""
    end = 0
    for word in _tagger()(text):
        feature = word.feature
        start = text.find(word.surface, end)
        person = feature.pos2 == "固有名詞" and feature.pos3 == "人名"
        if not person or start != end or (end and feature.pos4 == "姓"):
            break
        end = start + len(word.surface)
        if feature.pos4 != "姓":
            break  # the given name closes it
    return end


@dataclass(frozen=True)
class RomanName:
    """A Chinese or Korean personal name in Latin script, surname first as news writes them."""

    surname: str  # "Xi", "Mun"
    given: str  # "Jinping", "Jae-in"

    def matches(self, latin: str) -> bool:
        """Is `latin` ('Xi Jinping', 'Moon Jae-in') this name? The given name must match exactly;
        the surname exactly for pinyin, or by its first sound for Korean, whose surnames have
        conventional spellings (문 is Moon, not Mun)."""
        parts = latin.replace("-", " ").lower().split()
        if len(parts) < 2:
            return False
        given = _sound(self.given)
        for surname, rest in ((parts[0], parts[1:]), (parts[-1], parts[:-1])):
            if _sound("".join(rest)) == given and _same_surname(self.surname.lower(), surname):
                return True
        return False


# spellings of one vowel in Korean names across romanisations: 정은 Jeong-eun / Jong Un
_VOWELS = (("yeo", "yo"), ("eo", "o"), ("eu", "u"), ("oo", "u"), ("ee", "i"), ("ae", "e"))


def _sound(given: str) -> str:
    key = given.replace("-", "").replace(" ", "").lower()
    for spelling, vowel in _VOWELS:
        key = key.replace(spelling, vowel)
    return key


# Korean surnames keep old spellings (Kim for 김/Gim, Park for 박/Bak, Lee for 이/I, Choi for 최/Choe):
# the first letters each Revised-Romanization initial is written with in news
_SURNAME_INITIALS = {"g": "gk", "k": "kg", "b": "bp", "p": "pb", "d": "dt", "t": "td", "j": "jc", "c": "cj"}


def _same_surname(romanized: str, latin: str) -> bool:
    if romanized == latin:
        return True
    if not romanized or not latin:
        return False
    if romanized[0] in "aeiouy" or romanized == "i":  # 이 Lee / Yi / Rhee, 오 Oh, 윤 Yoon
        return latin[0] in "aeiouylrw"
    return latin[0] in _SURNAME_INITIALS.get(romanized[0], romanized[0])


_HAN_NAME = re.compile(r"\p{Han}{2,4}")
HANGUL_NAME = re.compile(r"[\uac00-\ud7a3]{2,4}")  # a Korean personal name: two to four syllables


@lru_cache(maxsize=NAME_CACHE)
def chinese_name(text: str) -> RomanName | None:
    """习近平 / 習近平 -> Xi Jinping (pypinyin); a one-character surname is assumed."""
    if not _HAN_NAME.fullmatch(text):
        return None
    from pypinyin import lazy_pinyin

    syllables = lazy_pinyin(text)
    return RomanName(syllables[0].capitalize(), "".join(syllables[1:]).capitalize())


@cache
def _korean() -> Any:
    from hangul_names.transliterator import Transliterator

    return Transliterator()


@lru_cache(maxsize=NAME_CACHE)
def korean_name(text: str) -> RomanName | None:
    """문재인 -> Mun Jae-in (Revised Romanization, hangul-names)."""
    if not HANGUL_NAME.fullmatch(text):
        return None
    surname, given = str(_korean().romanize(text)).split(" ", 1)
    return RomanName(surname, given)


@cache
def _t2s() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


def simplified(text: str) -> str:
    """習近平 -> 习近平: one spelling for the traditional and simplified forms of a name."""
    return str(_t2s().convert(text))
