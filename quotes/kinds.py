"""What a quotation is: a statement (`direct`), a fragment of one (`partial`), or a `term`.

A quoted title, name, nickname or scare-quoted word that nobody is reported as saying is a
`term`, decided on evidence: a title cue before it ("the book", "dubbed", "CBS's"), a
name-like shape, markup or a bare link, an article before it, and what attribution found (a cue
rule naming its speaker is evidence of speech, a mention merely standing near is not). A
logistic model fitted on annotated train news weighs that evidence (weights/kinds.json).
"""

from __future__ import annotations

import bisect
from functools import lru_cache

import regex as re

from quotes.attribute import Attribution
from quotes.attribution import ranker as ranking
from quotes.cues import patterns
from quotes.extract import CJK_MARKS, QuoteSpan, quote_kind, title_case_line
from quotes.lexicon import Lexicon

_LETTER = re.compile(r"\p{L}")
_ATTRIBUTE_END = re.compile(r"[A-Za-z]=$")
_LAST_WORD = re.compile(r"(\S+)\s*$")

STRONG_METHODS = {"quote-cue-speaker", "quote-speaker-cue", "speaker-cue-quote", "colon", "topic-cue"}
UNCUED_METHODS = {"nearby", "protagonist"}  # chosen for where they stand or whom the page is about
MAX_TERM_WORDS = 8
MAX_BARE_WORDS = 2  # this short and with no reporting verb in its sentence: a term
_LINKISH = re.compile(r"^(?:[@#]\w+|(?:https?://)?[\w-]+(?:\.[\w-]+)+(?:/\S*)?)$")
_SENTENCE_END = re.compile(r"[.!?…。！？][\"”’']?$")
_UNSPACED = re.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]")


def classify(text: str, span: QuoteSpan, attribution: Attribution, lex: Lexicon) -> str:
    """`term` when the fitted model finds a title or name likelier than speech (languages
    written with spaces; the rules' verdict is one of its features), else direct or partial."""
    base = quote_kind(text, span)
    if lex.lang in UNFITTED_LANGS:  # 「」 marks titles and labels as often as speech
        return "term" if _rule_term(text, span, attribution, lex) else base
    if span.open_mark in CJK_MARKS:
        return base
    features = term_features(text, span, attribution, lex)
    if "title_cue" in features and attribution.method not in STRONG_METHODS:
        return "term"  # "the so-called “pass through” rule", "the book “…”", unless a cue names a speaker
    model = ranking.load("kinds")
    speech = model.probability(model.score(features, lex.lang), None)
    return "term" if speech < model.threshold else base


UNFITTED_LANGS = {"ja", "zh", "ko"}  # no train data to fit the model on: the rules decide


def _rule_term(text: str, span: QuoteSpan, attribution: Attribution, lex: Lexicon) -> bool:
    strong = attribution.method in STRONG_METHODS
    # a mention merely standing near the quote says nothing about whether anyone said it
    spoken = attribution.mention is not None and attribution.method not in UNCUED_METHODS
    if spoken and lex.unspaced:
        # the CJK reader takes a clause's verb as its cue (接受, 展現): speech only if it reports
        spoken = bool(attribution.cue) and bool(patterns(lex).reporting_cue.search(attribution.cue or ""))
    return is_term(text, span, lex, attributed=strong, speaker=spoken)


def term_features(text: str, span: QuoteSpan, attribution: Attribution, lex: Lexicon) -> dict[str, float]:
    """Evidence for speech or for a title: the rules' verdict, the quote's shape, what stands
    before it, and what attribution found (a cue rule, a mention standing near, nobody)."""
    content = span.text_in(text).strip()
    words = content.split()
    before = text[max(0, span.outer_start - 40) : span.outer_start]
    feats: dict[str, float] = {"bias": 1.0}
    if _rule_term(text, span, attribution, lex):
        feats["rule_term"] = 1.0
    n = len(words)
    feats[f"words:{'1' if n <= 1 else '2' if n == 2 else '3-5' if n <= 5 else '6-8' if n <= 8 else '9+'}"] = (
        1.0
    )
    if _SENTENCE_END.search(content):
        feats["sentence_end"] = 1.0
    if content[:1].isupper():
        feats["capital"] = 1.0
    lower = sum(1 for w in words if w[:1].islower())
    feats["lower_share"] = lower / n if n else 0.0
    if _name_like(words, before, lex):
        feats["name_like"] = 1.0
    if _heading(text, span, words, lex):
        feats["heading"] = 1.0  # a paragraph that is only a title-case quote
    if _title_cue(before, lex, False):
        feats["title_cue"] = 1.0
    if span.open_mark in lex.term_marks:
        feats["term_mark"] = 1.0
    feats.update(_cue_evidence(text, span, lex))
    prev = before.split()[-1].lower().strip("(") if before.split() else ""
    if prev in lex.determiner_set:
        feats["after_determiner"] = 1.0  # "die „Netzeitung“", "the “Access Hollywood” tape"
    if any(w.isupper() and len(w) > 1 for w in words) and n <= 2:
        feats["acronym"] = 1.0
    if any(c.isdigit() for c in content):
        feats["digits"] = 1.0
    if quote_kind(text, span) == "partial":
        feats["partial"] = 1.0
    family = "none" if attribution.mention is None else attribution.method  # each rule its own evidence
    feats[f"method:{family}"] = 1.0
    feats["confidence"] = attribution.confidence
    # a cue rule naming a speaker outweighs a title's shape; a mention standing near it does not
    for shape in ("name_like", "title_cue", "after_determiner", "rule_term"):
        if shape in feats:
            feats[f"method:{family}&{shape}"] = 1.0
    return feats


def is_term(
    text: str, span: QuoteSpan, lex: Lexicon, attributed: bool = False, speaker: bool = False
) -> bool:
    """Evidence that the quote is a title or name. `attributed` (a cue rule found its speaker)
    takes a title cue and a title shape together to outweigh; `speaker` (any rule found one)
    rules out the bare-word test."""
    content = span.text_in(text).strip()
    if not _LETTER.search(content) or _LINKISH.match(content):
        return True  # numbers, ids, handles, domains
    before = text[max(0, span.outer_start - 40) : span.outer_start]
    if _ATTRIBUTE_END.search(before):
        return True  # a markup attribute value: <tweet author="..."> (a headline's "=" is not one)
    words = content.rstrip(",;:.").split()
    unspaced = _UNSPACED.search(content) is not None
    if unspaced and len(words) == 1:  # Chinese, Japanese: about two characters a word
        words = [content[i : i + 2] for i in range(0, len(content.rstrip("，、,;:。")), 2)]
    if len(words) > MAX_TERM_WORDS or content.rstrip(",;:").endswith(("!", "?", "！", "？")):
        return False
    if _heading(text, span, words, lex):
        return True
    shaped = _name_like(words, before, lex) and not title_case_line(text, span, lex.lower_words)
    cue = _title_cue(before, lex, shaped)
    if attributed:
        return cue and shaped
    if cue or span.open_mark in lex.term_marks:
        return True  # a title cue, or a mark this language uses for terms ('…' in German)
    cased = content[:1].isupper() or (unspaced and not content[:1].isascii())  # CJK has no capitals
    sentence = cased and _SENTENCE_END.search(content) is not None
    if (
        not (speaker or sentence)
        and len(words) <= MAX_BARE_WORDS
        and not _reporting_cue_near(text, span, lex)
    ):
        return True  # a word or two, and nobody in the sentence says or calls anything
    return shaped and not _SENTENCE_END.search(content.rstrip(",;:"))


SENTENCE_WINDOW = 400  # characters either side: a sentence longer than this is read in part


def _sentence_bounds(text: str, span: QuoteSpan) -> tuple[int, int]:
    """Where the quote's sentence starts and ends, each looked for within a bounded window so
    that a quote in an endless line costs the same as one in a short sentence."""
    return _bounds(text, span.outer_start, span.outer_end)


@lru_cache(maxsize=16)
def _bounds(text: str, outer_start: int, outer_end: int) -> tuple[int, int]:
    """(the kind model and the rules ask for the same quote's bounds: found once)"""
    lo = max(0, outer_start - SENTENCE_WINDOW)
    start = max(lo, max(text.rfind(c, lo, outer_start) for c in ".!?\n。！？") + 1)
    hi = min(len(text), outer_end + SENTENCE_WINDOW)
    ends = [i for i in (text.find(c, outer_end, hi) for c in ".!?\n。！？") if i >= 0]
    return start, min(ends) if ends else hi


@lru_cache(maxsize=4)
def _cues(text: str, lex: Lexicon) -> tuple[list[int], list[int]]:
    """(starts, ends) of every reporting verb in the document, found in one pass: each quote
    then looks its sentence up instead of rescanning it."""
    found = [(m.start(), m.end()) for m in patterns(lex).reporting_cue.finditer(text)]
    return [s for s, _ in found], [e for _, e in found]


def _cues_between(text: str, lex: Lexicon, lo: int, hi: int) -> list[tuple[int, int]]:
    starts, ends = _cues(text, lex)
    i = bisect.bisect_left(starts, lo)
    out = []
    while i < len(starts) and starts[i] < hi:
        if ends[i] <= hi:
            out.append((starts[i], ends[i]))
        i += 1
    return out


@lru_cache(maxsize=4)
def _reported_speech(text: str, lex: Lexicon) -> list[int]:
    """Where the document's subjunctives of reported speech ("sei", "habe") stand, found once."""
    return [
        m.start()
        for m in re.finditer(r"[^\s.!?。！？]+", text)  # words as the sentence bounds cut them
        if m.group().strip(",").lower() in lex.reported_speech
    ]


def _words_between(text: str, lex: Lexicon, lo: int, hi: int) -> bool:
    found = _reported_speech(text, lex)
    i = bisect.bisect_left(found, lo)
    return i < len(found) and found[i] < hi


def _reporting_cue_near(text: str, span: QuoteSpan, lex: Lexicon) -> bool:
    """A reporting verb in the quote's sentence, outside the quote."""
    start, end = _sentence_bounds(text, span)
    return bool(
        _cues_between(text, lex, start, span.outer_start) or _cues_between(text, lex, span.outer_end, end)
    )


def _cue_evidence(text: str, span: QuoteSpan, lex: Lexicon) -> dict[str, float]:
    """Whether the sentence outside the quote has a reporting verb, and where it stands: a cue
    a few words before the quote with no clause break between ("nannte den Bericht eine
    „Zeitungsente“") governs it; a subjunctive ("sei", "habe") reports speech without a verb
    of saying."""
    start, end = _sentence_bounds(text, span)
    before = text[start : span.outer_start]
    feats: dict[str, float] = {}
    cues = _cues_between(text, lex, start, span.outer_start)
    later = _cues_between(text, lex, span.outer_end, end)
    if cues or later:
        feats["cue_in_sentence"] = 1.0
    if cues:
        between = text[cues[-1][1] : span.outer_start]
        n = len(between.rsplit(None, 7))  # the word count up to 8: all the buckets need
        feats[f"cue_before:{'0-2' if n <= 2 else '3-6' if n <= 6 else '7+'}"] = 1.0
        if any(c in between for c in ",;:"):
            feats["cue_before_break"] = 1.0
    elif later:
        feats["cue_after"] = 1.0
    if lex.reported_speech and (
        _words_between(text, lex, start, span.outer_start) or _words_between(text, lex, span.outer_end, end)
    ):
        feats["reported_speech"] = 1.0
    near = before.rsplit(None, 6)[-6:]  # the last words only: a sentence may be a page long
    clause = near[max((i + 1 for i, w in enumerate(near) if w.endswith((",", ";", ":"))), default=0) :]
    if any(w.lower() in lex.naming_verbs for w in clause):
        feats["naming_verb_before"] = 1.0  # nannte dies einen „…“, sprach von einer „…“
    words = [w.strip("(,").lower() for w in before.rsplit(None, 3)[-3:]]
    while words and words[-1] in lex.determiner_set:
        words.pop()  # "als einen „…“"
    if words and words[-1] in lex.predicatives:
        feats["after_predicative"] = 1.0
    return feats


def _title_cue(before: str, lex: Lexicon, shaped: bool) -> bool:
    """A word that introduces a title or name; a possessive only before a title-shaped quote."""
    pat = patterns(lex)
    if pat.title_cue is not None and pat.title_cue.search(before):
        return True
    return shaped and pat.title_cue_possessive is not None and bool(pat.title_cue_possessive.search(before))


HEADING_MAX = 300  # characters of text beside a quote on its line: more is prose, not a heading


def _heading(text: str, span: QuoteSpan, words: list[str], lex: Lexicon) -> bool:
    """A paragraph that is only a title-case quote is a section heading ('Legend in the Coal Fields.')."""
    start = text.rfind("\n", max(0, span.outer_start - HEADING_MAX), span.outer_start) + 1
    end = text.find("\n", span.outer_end, span.outer_end + HEADING_MAX)
    if (start == 0 and span.outer_start > HEADING_MAX) or (
        end < 0 and len(text) - span.outer_end > HEADING_MAX
    ):
        return False  # a long line is no heading (and is not rescanned for every quote)
    outside = text[start : span.outer_start] + text[span.outer_end : end if end >= 0 else len(text)]
    if outside.strip(" .:") or len(words) < 2:
        return False
    significant = [w for w in words if w.lower() not in lex.lower_words]
    return sum(w[:1].isupper() for w in significant) >= 0.8 * len(significant)


def _name_like(words: list[str], before: str, lex: Lexicon) -> bool:
    """Every word capitalised (small function words aside), as in titles and proper names."""
    significant = [w for w in words if w.lower().strip(",;:") not in lex.lower_words]
    if not significant:
        return False
    if not all(w[:1].isupper() or w[:1].isdigit() for w in significant):
        return False
    if lex.lang == "de":
        # German capitalises every noun: a lone noun is a term only in apposition to a noun
        # ("Saturnsonde „Cassini“"); a name of several capitalised words is a term.
        previous = _LAST_WORD.search(before)
        apposition = bool(previous and previous.group(1)[:1].isupper() and previous.group(1)[-1:].isalpha())
        return len(significant) >= 2 or apposition
    return True
