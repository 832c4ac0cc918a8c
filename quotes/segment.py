"""Language segments: which language each stretch of a document is in.

Script decides first (kana means Japanese, Hangul Korean, Han alone Chinese), with no model.
Only runs in a script that several languages share (Latin, Cyrillic, Arabic …) are told apart,
and only where the function words of the document's language do not already settle it (a
sentence dense with "the", "of", "and" and free of "que", "und", "les" is English), by a
statistical detector: py3langid, a deterministic naive Bayes model that reads a paragraph
in a fraction of a millisecond and was more accurate than langdetect on our dev paragraphs.
The document's language in that script is detected once on a long sample, and a paragraph
keeps it unless another language is clearly likelier, so a Spanish tweet in an English article
is found while an English paragraph of names is not called Dutch. Short runs without enough
letters to judge inherit the language around them.
"""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import Any

import regex as re

from quotes.extract import paragraphs

MIN_LETTERS = 20  # below this a detector guesses wildly; inherit the neighbours' language


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


SURE = 0.95  # a run detected this confidently (its document's language already weighed) stays
SMOOTH_MAX_LETTERS = 200  # a run this short, odd one out between agreeing neighbours, inherits
SHORT_LINE_LETTERS = 60  # a run this short takes the language of the document's text in its script
FIXED_SCRIPTS = {"Kana", "Han", "Hangul", "Hebrew", "Greek", "Thai"}  # the script decides the language


def _codes(codes: str) -> frozenset[str]:
    return frozenset(codes.split())


# the languages a run in each shared script can be in: Latin letters are never Korean
SCRIPT_LANGUAGES = {
    "Latin": _codes(
        "af ca cs cy da de en es et fi fr hr hu id it lt lv nl no pl pt ro sk sl so sq sv sw tl tr vi"
    ),
    "Cyrillic": _codes("bg mk ru uk"),
    "Arabic": _codes("ar fa ur"),
    "Devanagari": _codes("hi mr ne"),
}
# the languages told apart: those langdetect profiles, so that results stay comparable
DETECTED = sorted(
    frozenset().union(*SCRIPT_LANGUAGES.values()) | _codes("bn el gu he ja kn ko ml pa ta te th zh")
)
PRIOR_SHARE = 0.1  # a run keeps its document's language unless another is ten times likelier
SAMPLE_CHARS = 1500  # the document's language in a script is read on this much of its text,
SAMPLE_RUN_CHARS = 300  # at most this much from each run
_CHINESE_ONLY = re.compile(r"[的了們们這这嗎吗呢說说是我你他她]")  # written in kana in Japanese
CHINESE_MIN_HAN = 8  # a Han run this long with no kana and Chinese function words is Chinese
PIECE_LETTERS = 40  # a piece of a paragraph needs this many letters to be detected on its own
_PIECE_CUT = re.compile(r"(?<=[.!?…][\"”’»)]?)\s+|(?=[“«„]|(?<=\s)\")")
_LINK_ONLY = re.compile(r"^\s*(?:(?:https?://|www\.|pic\.twitter\.com/)\S*\s*)+[—–-]*\s*$")


@cache
def _identifier() -> Any:
    """py3langid's model, loaded on first use (from the store's unpacked copy when there is one:
    langid_cache.py) and restricted to DETECTED."""
    from quotes import langid_cache

    identifier = langid_cache.identifier()
    identifier.set_languages(DETECTED)
    return identifier


def _ranked(text: str) -> list[tuple[str, float]]:
    """The five likeliest languages, among those written in the text's script."""
    ranked = [(str(lang), float(p)) for lang, p in _identifier().rank(text)]
    allowed = SCRIPT_LANGUAGES.get(script_of(text))
    return ([r for r in ranked if allowed is None or r[0] in allowed] or ranked)[:5]


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
    lang, prob = _ranked(text)[0]
    return lang, round(prob, 3)


def _with_prior(text: str, prior: str | None) -> tuple[str, float]:
    """The likeliest language, unless the document's own is at least PRIOR_SHARE as likely."""
    ranked = _ranked(text)
    best, p_best = ranked[0]
    p_prior = dict(ranked).get(prior or "", 0.0)
    if prior and prior != best and p_prior >= PRIOR_SHARE * p_best:
        return prior, round(p_prior, 3)
    return best, round(p_best, 3)


_RUN = re.compile(
    r"(?P<Kana>[\p{Hiragana}\p{Katakana}ー][\p{Hiragana}\p{Katakana}ー\p{Han}々〆]*|\p{Han}[\p{Han}々〆]*"
    r"(?:[\p{Hiragana}\p{Katakana}ー][\p{Hiragana}\p{Katakana}ー\p{Han}々〆]*)?)"
    r"|(?P<Hangul>\p{Hangul}+)|(?P<Cyrillic>\p{Cyrillic}+)|(?P<Arabic>\p{Arabic}+)|(?P<Hebrew>\p{Hebrew}+)"
    r"|(?P<Greek>\p{Greek}+)|(?P<Thai>\p{Thai}+)|(?P<Devanagari>\p{Devanagari}+)|(?P<Latin>\p{Latin}+)"
)
_KANA = re.compile(r"[\p{Hiragana}\p{Katakana}]")
_HAN = re.compile(r"\p{Han}")


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


def _pieces(text: str, runs: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A run in a shared script, cut at sentence ends and quotation marks into pieces of at least
    PIECE_LETTERS letters, so that a Spanish tweet quoted inside an English paragraph is its own."""
    out: list[tuple[int, int, str]] = []
    for start, end, script in runs:
        if script in FIXED_SCRIPTS or script == "Common":
            out.append((start, end, script))
            continue
        cuts = [m.end() for m in _PIECE_CUT.finditer(text, start, end) if start < m.end() < end]
        pieces: list[tuple[int, int, str]] = []
        lo = start
        for cut in [*cuts, end]:
            if cut < end and len(_LETTER.findall(text, lo, cut)) < PIECE_LETTERS:
                continue
            if cut == end and pieces and len(_LETTER.findall(text, lo, cut)) < PIECE_LETTERS:
                pieces[-1] = (pieces[-1][0], end, script)  # a short tail joins the piece before
            else:
                pieces.append((lo, cut, script))
            lo = cut
        out.extend(pieces)
    return out


def _run_language(body: str, script: str, doc_has_kana: bool, prior: str | None) -> tuple[str | None, float]:
    if script == "Kana":
        return "ja", 0.99
    if script == "Han":
        chinese = len(_HAN.findall(body)) >= CHINESE_MIN_HAN and _CHINESE_ONLY.search(body)
        # kanji among Japanese text is Japanese, unless it is a Chinese sentence (Japanese prose
        # writes its particles and pronouns in kana)
        return ("ja", 0.9) if doc_has_kana and not chinese else ("zh", 0.9)
    if script in _SCRIPT_LANG:
        return _SCRIPT_LANG[script], 0.99
    if len(_LETTER.findall(body)) < MIN_LETTERS:
        return None, 0.0
    if prior is not None and _plainly(body, prior):
        return prior, PLAIN_CONFIDENCE
    return _with_prior(body, prior)


PLAIN_MIN_WORDS = 6  # fewer words than this say too little about their language
PLAIN_SHARE = 0.25  # English prose is about 40 % function words, German, French, Spanish alike
FOREIGN_SHARE = 0.08  # this many of another language's own function words: ask the detector
PLAIN_CONFIDENCE = 0.99
_WORD = re.compile(r"\p{L}+")


@cache
def _function_words() -> dict[str, frozenset[str]]:
    from quotes import lexicon

    lexicons = [lexicon.load(lang) for lang in lexicon.available()]
    return {lex.lang: lex.function_words for lex in lexicons if lex.function_words}


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _plainly(body: str | list[str], prior: str) -> bool:
    """The piece (or its lower-cased words) is dense with its document's function words and has
    next to none that only another language has ("the … of … and", no "que … los … y"): no
    detector needed."""
    lists = _function_words()
    own = lists.get(prior)
    if not own:
        return False
    words = _words(body) if isinstance(body, str) else body
    if len(words) < PLAIN_MIN_WORDS or sum(w in own for w in words) < PLAIN_SHARE * len(words):
        return False
    return all(
        sum(w in other and w not in own for w in words) < FOREIGN_SHARE * len(words)
        for lang, other in lists.items()
        if lang != prior
    )


def _priors(text: str, runs: list[tuple[int, int, str]]) -> dict[str, str | None]:
    """The document's language in each shared script, read once on a sample of its runs (a
    little of each, in order: one long list of names must not speak for the article)."""
    priors: dict[str, str | None] = {}
    for script in {s for _, _, s in runs if s not in FIXED_SCRIPTS and s != "Common"}:
        sample = ""
        for a, b, s in runs:
            if s == script and len(sample) < SAMPLE_CHARS and len(_LETTER.findall(text, a, b)) >= MIN_LETTERS:
                sample += text[a : min(b, a + SAMPLE_RUN_CHARS)] + "\n"
        words = _words(sample)  # read once, tried against each language
        plain = [lang for lang in _function_words() if _plainly(words, lang)]
        if len(plain) == 1:
            priors[script] = plain[0]  # the function words settle it
        else:
            priors[script] = detect(sample)[0] if len(_LETTER.findall(sample)) >= MIN_LETTERS else None
    return priors


def segments(text: str, default: str | None = None) -> list[Segment]:
    """Language runs: by script inside each paragraph, then by language (py3langid) within a
    script, smoothed so short runs take their neighbours' language, adjacent runs merged."""
    doc_has_kana = bool(_KANA.search(text))
    by_para = [_pieces(text, script_runs(text, para.start, para.end)) for para in paragraphs(text)]
    priors = _priors(text, [run for runs in by_para for run in runs])
    raw: list[Segment] = []
    for runs in by_para:
        para: list[Segment] = []
        for start, end, script in runs:
            lang, conf = _run_language(text[start:end], script, doc_has_kana, priors.get(script))
            para.append(Segment(start, end, lang, script, conf))
        raw.extend(_within_paragraph(text, para))
    known = {script: _majority([s for s in raw if s.script == script]) for script in {s.script for s in raw}}
    known["Common"] = _majority(raw)  # "___", "1 p.m.": the document's language
    smoothed = [s if s.lang else _undetected(text, s, known[s.script], default) for s in raw]
    # short alphabetic runs (a signature, "EPIC!", a line of links) take the language of the
    # document's substantial text in their script, not the detector's guess on a few words
    majors = {}  # per script, from the runs as detected: the long ones if any, else all, by length
    for script in {s.script for s in smoothed}:
        same = [s for s in smoothed if s.script == script]
        majors[script] = _majority([s for s in same if _letters(text, s) >= SHORT_LINE_LETTERS]) or _majority(
            same
        )
    for i, seg in enumerate(smoothed):
        if seg.script in FIXED_SCRIPTS or seg.confidence >= SURE or _letters(text, seg) >= SHORT_LINE_LETTERS:
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
            and seg.confidence < SURE
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


def _within_paragraph(text: str, runs: list[Segment]) -> list[Segment]:
    """A link carries no language: it takes the run before it ("…続けていきます。 https://t.co/…");
    a few Latin letters that open a paragraph in another script, or stand between two runs of one
    language, belong to it ("X（旧Twitter）に投稿")."""
    out = list(runs)
    for i, seg in enumerate(out):
        prev = out[i - 1] if i else None
        nxt = out[i + 1] if i + 1 < len(out) else None
        body = text[seg.start : seg.end]
        if prev and prev.lang and _LINK_ONLY.match(body):
            out[i] = replace(seg, lang=prev.lang, script=prev.script)
        elif (
            seg.script not in FIXED_SCRIPTS
            and nxt
            and nxt.script in FIXED_SCRIPTS
            and nxt.lang
            and (prev is None or prev.lang == nxt.lang)
            and _letters(text, seg) < MIN_LETTERS
        ):
            # a few letters before text in a script with its own language, and after nothing or
            # the same language: a brand or a label in that sentence ("topgao:您支持的…")
            out[i] = replace(seg, lang=nxt.lang, script=nxt.script)
    return out


def _letters(text: str, seg: Segment) -> int:
    return len(_LETTER.findall(text[seg.start : seg.end]))


def _undetected(text: str, seg: Segment, known: str | None, default: str | None) -> Segment:
    """Too short to detect: the language of the document's other runs in this script (`known`),
    else the caller's default, else the detector's best guess anyway (a Latin run is never zh)."""
    lang = known or default
    if lang is None:
        lang = _guess(text[seg.start : seg.end])
    return Segment(seg.start, seg.end, lang, seg.script, seg.confidence)


@lru_cache(maxsize=4096)
def _guess(run: str) -> str | None:
    """The detector's guess for a short run; a page of one short line repeated asks once."""
    return detect(run, default=None, min_letters=1)[0]


def _majority(segs: list[Segment]) -> str | None:
    weights: Counter[str] = Counter()
    for s in segs:
        if s.lang:
            weights[s.lang] += s.end - s.start
    return weights.most_common(1)[0][0] if weights else None


def document_language(segs: list[Segment]) -> str | None:
    return _majority(segs)
