"""Japanese personal names in Latin script, in the order English-language news uses.

fugashi with unidic-lite tags each part of a name as surname (姓) or given name (名) and
gives its reading; cutlet turns the reading into Hepburn: 高市早苗 -> "Sanae Takaichi". (pykakasi
does too, but loads its whole kanji dictionary for 0.6 s; cutlet reuses fugashi and starts in
milliseconds.) Readings of given names are dictionary guesses (文雄 reads ブンユウ, not Fumio), so matching
against Latin names leans on the surname.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
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
