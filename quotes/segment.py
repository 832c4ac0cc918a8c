"""Language segments: which language each stretch of a document is in.

Script decides first (kana means Japanese, Hangul Korean, Han alone Chinese); within Latin
and other alphabetic scripts langdetect decides, seeded so that runs are deterministic.
Short lines without enough letters to judge inherit the language of the document.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cache

import regex as re

from quotes.extract import paragraphs

MIN_LETTERS = 20  # below this langdetect guesses wildly; inherit the neighbours' language


@dataclass(frozen=True)
class Segment:
    start: int
    end: int
    lang: str | None
    script: str
    confidence: float


_SCRIPTS = (
    ("Kana", re.compile(r"[\p{Hiragana}\p{Katakana}]")),
    ("Hangul", re.compile(r"\p{Hangul}")),
    ("Han", re.compile(r"\p{Han}")),
    ("Cyrillic", re.compile(r"\p{Cyrillic}")),
    ("Arabic", re.compile(r"\p{Arabic}")),
    ("Hebrew", re.compile(r"\p{Hebrew}")),
    ("Greek", re.compile(r"\p{Greek}")),
    ("Thai", re.compile(r"\p{Thai}")),
    ("Devanagari", re.compile(r"\p{Devanagari}")),
)
_LETTER = re.compile(r"\p{L}")
_SCRIPT_LANG = {"Kana": "ja", "Hangul": "ko", "Hebrew": "he", "Greek": "el", "Thai": "th"}


def script_of(text: str) -> str:
    """The dominant script, with any kana making Han text Japanese."""
    counts: Counter[str] = Counter()
    for name, pattern in _SCRIPTS:
        counts[name] = len(pattern.findall(text))
    letters = len(_LETTER.findall(text))
    if counts["Kana"]:
        return "Kana" if counts["Kana"] + counts["Han"] >= letters / 2 else "Latin"
    name, n = max(counts.items(), key=lambda kv: kv[1])
    if n and n >= (letters - n):
        return name
    return "Latin" if letters else "Common"


N_TRIAL = 3  # langdetect's random restarts (default 7); cost is linear in it, paragraphs need few
SMOOTH_MAX_LETTERS = 200
SHORT_LINE_LETTERS = 60  # a paragraph this short, odd one out between agreeing neighbours, inherits


@cache
def _factory() -> object:
    from langdetect import DetectorFactory
    from langdetect.detector_factory import init_factory

    DetectorFactory.seed = 0
    init_factory()
    from langdetect import detector_factory

    return detector_factory._factory


def detect(text: str, default: str | None = None) -> tuple[str | None, float]:
    """(language, confidence) of `text`; `default` when there is too little text to tell."""
    script = script_of(text)
    if script in _SCRIPT_LANG:
        return _SCRIPT_LANG[script], 0.99
    if script == "Han":
        return "zh", 0.9
    letters = len(_LETTER.findall(text))
    if letters < MIN_LETTERS:
        return default, 0.0
    from langdetect import LangDetectException

    detector = _factory().create()  # type: ignore[attr-defined]
    detector.n_trial = N_TRIAL
    detector.append(text)
    try:
        best = detector.get_probabilities()[0]
    except (LangDetectException, IndexError):
        return default, 0.0
    lang = str(best.lang).split("-")[0]
    return lang, round(float(best.prob), 3)


def segments(text: str, default: str | None = None) -> list[Segment]:
    """One segment per paragraph, with adjacent paragraphs of the same language merged."""
    paras = paragraphs(text)
    raw: list[Segment] = []
    for para in paras:
        body = text[para.start : para.end]
        lang, conf = detect(body)
        raw.append(Segment(para.start, para.end, lang, script_of(body), conf))
    doc_lang = default or _majority(raw)
    smoothed = [Segment(s.start, s.end, s.lang or doc_lang, s.script, s.confidence) for s in raw]
    for i in range(1, len(smoothed) - 1):
        prev, seg, nxt = smoothed[i - 1], smoothed[i], smoothed[i + 1]
        letters = len(_LETTER.findall(text[seg.start : seg.end]))
        if (
            prev.lang == nxt.lang != seg.lang
            and seg.script == prev.script == nxt.script
            and letters < SMOOTH_MAX_LETTERS
        ):
            smoothed[i] = Segment(seg.start, seg.end, prev.lang, seg.script, seg.confidence)
        elif prev.lang != seg.lang != nxt.lang and letters < SHORT_LINE_LETTERS and doc_lang:
            # a signature or a line of links between two languages is not a third language
            smoothed[i] = Segment(seg.start, seg.end, doc_lang, seg.script, seg.confidence)
    merged: list[Segment] = []
    for seg in smoothed:
        if merged and merged[-1].lang == seg.lang and merged[-1].script == seg.script:
            last = merged[-1]
            merged[-1] = Segment(
                last.start, seg.end, last.lang, last.script, max(last.confidence, seg.confidence)
            )
        else:
            merged.append(seg)
    return merged


def _majority(segs: list[Segment]) -> str | None:
    weights: Counter[str] = Counter()
    for s in segs:
        if s.lang:
            weights[s.lang] += s.end - s.start
    return weights.most_common(1)[0][0] if weights else None


def document_language(segs: list[Segment]) -> str | None:
    return _majority(segs)


def lang_at(segs: list[Segment], pos: int) -> str | None:
    for s in segs:
        if s.start <= pos < s.end:
            return s.lang
    return None
