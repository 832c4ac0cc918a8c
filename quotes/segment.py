"""Language segments: which language each stretch of a document is in.

Script decides first (kana means Japanese, Hangul Korean, Han alone Chinese); within Latin
and other alphabetic scripts langdetect decides, seeded so that runs are deterministic.
Short lines without enough letters to judge inherit the language of the document.
"""

from __future__ import annotations

import itertools
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
SMOOTH_MAX_LETTERS = 200  # a run this short, odd one out between agreeing neighbours, inherits
SHORT_LINE_LETTERS = 60  # a run this short takes the language of the document's text in its script
FIXED_SCRIPTS = {"Kana", "Han", "Hangul", "Hebrew", "Greek", "Thai"}  # the script decides the language


@cache
def _factory() -> object:
    from langdetect import DetectorFactory
    from langdetect.detector_factory import init_factory

    DetectorFactory.seed = 0
    init_factory()
    from langdetect import detector_factory

    return detector_factory._factory


def detect(text: str, default: str | None = None, min_letters: int = MIN_LETTERS) -> tuple[str | None, float]:
    """(language, confidence) of `text`; `default` when there is too little text to tell."""
    script = script_of(text)
    if script in _SCRIPT_LANG:
        return _SCRIPT_LANG[script], 0.99
    if script == "Han":
        return "zh", 0.9
    letters = len(_LETTER.findall(text))
    if letters < min_letters:
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


_RUN = re.compile(
    r"(?P<Kana>[\p{Hiragana}\p{Katakana}ー][\p{Hiragana}\p{Katakana}ー\p{Han}々〆]*|\p{Han}[\p{Han}々〆]*"
    r"(?:[\p{Hiragana}\p{Katakana}ー][\p{Hiragana}\p{Katakana}ー\p{Han}々〆]*)?)"
    r"|(?P<Hangul>\p{Hangul}+)|(?P<Cyrillic>\p{Cyrillic}+)|(?P<Arabic>\p{Arabic}+)|(?P<Hebrew>\p{Hebrew}+)"
    r"|(?P<Greek>\p{Greek}+)|(?P<Thai>\p{Thai}+)|(?P<Devanagari>\p{Devanagari}+)|(?P<Latin>\p{Latin}+)"
)
_KANA = re.compile(r"[\p{Hiragana}\p{Katakana}]")


def script_runs(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Runs of one script between `start` and `end`; spaces, digits and punctuation join the run
    before them (or the first run), so the runs tile the stretch."""
    runs: list[tuple[int, int, str]] = []
    for m in _RUN.finditer(text, start, end):
        script = m.lastgroup or "Latin"
        if script == "Kana" and not _KANA.search(m.group()):
            script = "Han"
        if runs and runs[-1][2] == script:
            runs[-1] = (runs[-1][0], m.end(), script)
        else:
            runs.append((m.start(), m.end(), script))
    if not runs:
        return [(start, end, "Common")]
    # a gap between two runs splits after its last space: "高市早苗 (@takaichi" -> "高市早苗 " | "(@takaichi"
    bounds = [start]
    for (_, prev_end, _), (next_start, _, _) in itertools.pairwise(runs):
        gap = text[prev_end:next_start]
        cut = max(gap.rfind(" "), gap.rfind("\n"), gap.rfind("\u3000"))
        bounds.append(prev_end + cut + 1 if cut >= 0 else next_start)
    bounds.append(end)
    return [(bounds[i], bounds[i + 1], script) for i, (_, _, script) in enumerate(runs)]


def _run_language(body: str, script: str, doc_has_kana: bool) -> tuple[str | None, float]:
    if script == "Kana":
        return "ja", 0.99
    if script == "Han":
        return ("ja", 0.9) if doc_has_kana else ("zh", 0.9)  # kanji among Japanese text is Japanese
    return detect(body)


def segments(text: str, default: str | None = None) -> list[Segment]:
    """Language runs: by script inside each paragraph, then by language (langdetect) within a
    script, smoothed so short runs take their neighbours' language, adjacent runs merged."""
    doc_has_kana = bool(_KANA.search(text))
    raw: list[Segment] = []
    for para in paragraphs(text):
        for start, end, script in script_runs(text, para.start, para.end):
            lang, conf = _run_language(text[start:end], script, doc_has_kana)
            raw.append(Segment(start, end, lang, script, conf))
    smoothed = [s if s.lang else _undetected(text, s, raw, default) for s in raw]
    # short alphabetic runs (a signature, "EPIC!", a line of links) take the language of the
    # document's substantial text in their script, not langdetect's guess on a few words
    majors = {}  # per script, from the runs as detected: the long ones if any, else all, by length
    for script in {s.script for s in smoothed}:
        runs = [s for s in smoothed if s.script == script]
        majors[script] = _majority([s for s in runs if _letters(text, s) >= SHORT_LINE_LETTERS]) or _majority(
            runs
        )
    for i, seg in enumerate(smoothed):
        if seg.script in FIXED_SCRIPTS or _letters(text, seg) >= SHORT_LINE_LETTERS:
            continue
        major = majors[seg.script] or default
        if major and major != seg.lang:
            smoothed[i] = Segment(seg.start, seg.end, major, seg.script, seg.confidence)
    for i in range(1, len(smoothed) - 1):  # an odd one out between two agreeing neighbours
        prev, seg, nxt = smoothed[i - 1], smoothed[i], smoothed[i + 1]
        if (
            prev.lang == nxt.lang != seg.lang
            and seg.script == prev.script == nxt.script
            and seg.script not in FIXED_SCRIPTS
            and _letters(text, seg) < SMOOTH_MAX_LETTERS
        ):
            smoothed[i] = Segment(seg.start, seg.end, prev.lang, seg.script, seg.confidence)
    merged: list[Segment] = []
    for seg in smoothed:
        if merged and merged[-1].lang == seg.lang:
            last = merged[-1]
            script = last.script if (last.end - last.start) >= (seg.end - seg.start) else seg.script
            merged[-1] = Segment(last.start, seg.end, last.lang, script, max(last.confidence, seg.confidence))
        else:
            merged.append(seg)
    return merged


def _letters(text: str, seg: Segment) -> int:
    return len(_LETTER.findall(text[seg.start : seg.end]))


def _undetected(text: str, seg: Segment, raw: list[Segment], default: str | None) -> Segment:
    """Too short to detect: the language of the document's other runs in this script, else the
    caller's default, else langdetect's best guess anyway (a Latin run is never zh or ja)."""
    same = raw if seg.script == "Common" else [s for s in raw if s.script == seg.script]  # "___", "1 p.m."
    lang = _majority(same) or default
    if lang is None:
        lang, _ = detect(text[seg.start : seg.end], default=None, min_letters=1)
    return Segment(seg.start, seg.end, lang, seg.script, seg.confidence)


def _majority(segs: list[Segment]) -> str | None:
    weights: Counter[str] = Counter()
    for s in segs:
        if s.lang:
            weights[s.lang] += s.end - s.start
    return weights.most_common(1)[0][0] if weights else None


def document_language(segs: list[Segment]) -> str | None:
    return _majority(segs)
