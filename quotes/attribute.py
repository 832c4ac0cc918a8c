"""Speaker, cue and cited source for each quotation: a sieve of rules, most precise first.

Each rule reads the words around a quote (same sentence, same paragraph, or the paragraph
that introduces it with a colon) and records its name in `method`; confidence reflects
how often that rule is right. Mentions are resolved to canonical names in `names.py`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex as re

from quotes.extract import Paragraph, QuoteSpan
from quotes.lexicon import Lexicon

CJK_LANGS = {"ja", "zh", "ko"}


@dataclass(frozen=True)
class Mention:
    """A stretch of text that names (or points at) a speaker."""

    text: str
    start: int
    end: int
    kind: str  # name | pronoun | nominal


@dataclass(frozen=True)
class Attribution:
    mention: Mention | None
    cue: str | None
    cited_source: str | None
    method: str
    confidence: float


NONE = Attribution(None, None, None, "none", 0.0)

# How often each rule is right, as a prior; pronoun and continuation hops lower it.
CONFIDENCE = {
    "quote-cue-speaker": 0.92,
    "quote-speaker-cue": 0.92,
    "speaker-cue-quote": 0.88,
    "colon": 0.8,
    "sentence-cue": 0.65,
    "according-to": 0.7,
    "sentence-subject": 0.5,
    "topic-cue": 0.8,
    "continuation": 0.75,
}
PRONOUN_FACTOR = 0.92

_NAME_WORD = r"(?:\p{Lu}[\p{L}\p{M}’'\-]*\.?|\p{Lu}\.)"
_PARTICLE = r"(?:de|van|von|der|den|bin|al|da|del|la|le|di|du|y)"
NAME = rf"{_NAME_WORD}(?:[ \u00a0]+(?:{_NAME_WORD}|{_PARTICLE}(?=[ \u00a0]+\p{{Lu}})))*"
# an appositive ("Takaichi, who took office in October, said") or a party tag ("Pence (R-IN)")
_APPOS = r"(?:[ \u00a0]*\([^()\n]{1,24}\))?(?:,[ \u00a0][^,“”\"«»„\n]{1,160}?,)?"
_LEAD = r"^[\s,;:—–\-]*"
_JA_NAME = r"[\p{Han}\p{Katakana}ー・]{2,16}"


@dataclass(frozen=True)
class _Patterns:
    mention: str
    after_cue_first: re.Pattern[str]
    after_speaker_first: re.Pattern[str]
    before: re.Pattern[str]
    colon_speaker: re.Pattern[str]
    according: re.Pattern[str]
    source: re.Pattern[str]
    ja_after: re.Pattern[str] | None
    ja_topic: re.Pattern[str]
    subject: re.Pattern[str]
    zh_before: re.Pattern[str]
    zh_after: re.Pattern[str]


@cache
def name_pattern(lex: Lexicon) -> str:
    """A capitalised run that may hold lower-case title words: 'White House press secretary Josh Earnest'."""
    inner = lex.alternation(lex.name_titles)
    if not inner:
        return NAME
    word = rf"(?:{_NAME_WORD}|{_PARTICLE}(?=[ \u00a0]+\p{{Lu}}))"
    return rf"{_NAME_WORD}(?:[ \u00a0]+(?:(?:{inner})[ \u00a0]+)*{word})*"


@cache
def patterns(lex: Lexicon) -> _Patterns:
    verbs = lex.alternation(lex.verbs)
    adverbs = lex.alternation(lex.adverbs) or "(?!)"
    nouns = lex.alternation(lex.org_nouns + lex.person_nouns) or "(?!)"
    pronouns = lex.alternation([p for p in lex.pronouns] + [p.capitalize() for p in lex.pronouns]) or "(?!)"
    plural_nouns = lex.alternation([n for n in lex.person_nouns if n.endswith("s")]) or "(?!)"
    nominal = (
        rf"(?:(?i:the|a|an|der|die|das|le|la|les|el|los|las)[ \u00a0]+(?:[\p{{L}}.’'\-]+[ \u00a0]+){{0,3}}?"
        rf"(?i:{nouns})s?\b|(?<![\p{{L}}])(?i:{plural_nouns})\b)"
    )
    mention = rf"(?P<nom>{nominal})|(?P<pro>\b(?:{pronouns})\b)|(?P<name>{name_pattern(lex)})"
    verb = rf"(?P<cue>\b(?:{verbs}))\b"
    markers = lex.alternation([m for m in lex.source_markers if m not in ("told",)]) or "(?!)"
    ja_after = None
    if lex.quote_particles:
        ja_after = re.compile(
            rf"^[\s、]*(?:{lex.alternation(lex.quote_particles)})[、\s]*[^。「」]{{0,24}}?(?P<cue>{verbs})"
        )
    return _Patterns(
        mention=mention,
        after_cue_first=re.compile(rf"{_LEAD}{verb}[ \u00a0]+(?:{mention})"),
        after_speaker_first=re.compile(
            rf"{_LEAD}(?:{mention}){_APPOS}[ \u00a0]+(?:(?:{adverbs})[ \u00a0]+)?{verb}"
        ),
        before=re.compile(
            rf"(?:{mention}){_APPOS}[ \u00a0]+(?:(?:{adverbs})[ \u00a0]+)?{verb}"
            rf"(?P<rest>[^.!?“”\"«»„]{{0,200}})$"
        ),
        colon_speaker=re.compile(rf"^(?P<name>{NAME}|\p{{Lu}}[\p{{Lu}} .’'\-]+)\s*:\s"),
        according=re.compile(rf"\b(?i:according[ \u00a0]+to)[ \u00a0]+(?:{mention})"),
        source=re.compile(rf"(?<![\p{{L}}])(?P<marker>{markers})[ \u00a0]+(?P<src>{nominal}|{NAME})"),
        ja_after=ja_after,
        subject=re.compile(
            rf"^\s*(?:\p{{Lu}}[^,“”\"\n]{{0,40}},[ \u00a0]+)?(?:{mention}){_APPOS}[ \u00a0]+"
            rf"(?:\p{{Ll}}+ly[ \u00a0]+)?(?P<cue>\p{{Ll}}{{3,}}(?:ed|es|s))\b"
        ),
        zh_before=re.compile(rf"(?P<name>\p{{Han}}{{2,12}}?)(?P<cue>{verbs})[：:，,]?\s*$"),
        zh_after=re.compile(rf"^[，,。\s]*(?P<name>\p{{Han}}{{2,12}}?)(?P<cue>{verbs})"),
        ja_topic=re.compile(rf"(?P<name>{_JA_NAME})(?:{lex.alternation(lex.topic_particles) or '(?!)'})"),
    )


def _mention_from(m: re.Match[str], lex: Lexicon) -> Mention | None:
    for kind, group in (("nominal", "nom"), ("pronoun", "pro"), ("name", "name")):
        if m.group(group):
            start, end = m.span(group)
            text = m.group(group)
            if kind == "name":
                return _clean_name(text, start, lex)
            return Mention(text, start, end, kind)
    return None


def _clean_name(text: str, start: int, lex: Lexicon) -> Mention | None:
    """Drop sentence-initial function words ('But Trump') and possessives from a capitalised run."""
    words = text.split()
    offset = 0
    while words and words[0].strip(".") in lex.stop_capitals:
        offset = text.index(words[0], offset) + len(words[0])
        words.pop(0)
    if not words:
        return None
    begin = text.index(words[0], offset)
    name = text[begin:].rstrip(".")
    for suffix in ("’s", "'s"):
        if name.endswith(suffix):
            return None  # a possessive is not a speaker ("Takaichi’s post")
    if name in lex.not_persons:
        return None
    return Mention(name, start + begin, start + begin + len(name), "name")


def _sentence_start(text: str, para: Paragraph, pos: int) -> int:
    """Start of the sentence holding `pos`, inside its paragraph; abbreviations do not end sentences."""
    for m in reversed(list(re.finditer(r"[.!?。！？][\"”’»」]?\s+", text[para.start : pos]))):
        before = text[para.start : para.start + m.start()]
        last = re.search(r"(\S+)$", before)
        word = last.group(1) if last else ""
        if re.fullmatch(r"(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gov|Sen|Rep|Gen|Lt|Col|Prof|Rev|U\.S|U\.N|\p{Lu})", word):
            continue
        return para.start + m.end()
    return para.start


def _attach(match: re.Match[str], offset: int, lex: Lexicon) -> Mention | None:
    mention = _mention_from(match, lex)
    if mention is None:
        return None
    return Mention(mention.text, mention.start + offset, mention.end + offset, mention.kind)


def attribute_spans(
    text: str, spans: list[QuoteSpan], paras: list[Paragraph], lex: Lexicon
) -> list[Attribution]:
    """One attribution per span, using neighbouring quotes for continuation."""
    results: list[Attribution] = []
    for i, span in enumerate(spans):
        prev = spans[i - 1] if i else None
        nxt = spans[i + 1] if i + 1 < len(spans) else None
        found = _attribute_one(text, span, prev, nxt, paras, lex)
        if found.mention is None and prev is not None and results:
            found = _continuation(span, prev, results[-1], found, text, paras)
        results.append(found)
    return results


def _continuation(
    span: QuoteSpan,
    prev: QuoteSpan,
    prev_attr: Attribution,
    found: Attribution,
    text: str,
    paras: list[Paragraph],
) -> Attribution:
    """An unattributed quote right after an attributed one keeps its speaker."""
    if prev_attr.mention is None:
        return found
    last_para = paras[prev.paragraph + len(prev.pieces) - 1].index if prev.pieces else prev.paragraph
    same_para = span.paragraph == last_para
    para = paras[span.paragraph]
    opens_next_para = span.paragraph == last_para + 1 and not text[para.start : span.outer_start].strip()
    if not (same_para or opens_next_para):
        return found
    conf = round(min(prev_attr.confidence, CONFIDENCE["continuation"]), 3)
    return Attribution(
        prev_attr.mention, prev_attr.cue, found.cited_source or prev_attr.cited_source, "continuation", conf
    )


def _attribute_one(
    text: str,
    span: QuoteSpan,
    prev: QuoteSpan | None,
    nxt: QuoteSpan | None,
    paras: list[Paragraph],
    lex: Lexicon,
) -> Attribution:
    pat = patterns(lex)
    last_para = paras[min(span.paragraph + len(span.pieces) - 1, len(paras) - 1)]
    para = paras[span.paragraph]
    after_end = last_para.end
    if nxt is not None and nxt.paragraph <= last_para.index:
        after_end = min(after_end, nxt.outer_start)
    after_end = min(after_end, span.outer_end + 300)
    after = text[span.outer_end : after_end]
    before_start = _sentence_start(text, para, span.outer_start)
    if prev is not None and prev.outer_end > before_start:
        before_start = prev.outer_end
    before = text[before_start : span.outer_start]
    source = _cited_source(pat, before, before_start, after, span.outer_end, lex)

    if lex.lang in CJK_LANGS:
        return _attribute_cjk(text, span, para, after, before, before_start, pat, source, lex)

    for method, regex_ in (
        ("quote-cue-speaker", pat.after_cue_first),
        ("quote-speaker-cue", pat.after_speaker_first),
    ):
        m = regex_.match(after)
        if m:
            mention = _attach(m, span.outer_end, lex)
            if mention is not None:
                return _result(mention, m.group("cue"), source, method)

    for m in _rightmost(pat.before, before):
        mention = _attach(m, before_start, lex)
        if mention is None:
            continue
        rest = m.group("rest")
        method = (
            "speaker-cue-quote"
            if len(rest.strip()) <= 40
            and (rest.strip() in ("", ",", ":") or rest.rstrip().endswith((",", ":")))
            else "sentence-cue"
        )
        return _result(mention, m.group("cue"), source, method)

    sentence_start = before_start == _sentence_start(text, para, span.outer_start)
    m = pat.subject.match(before) if sentence_start and lex.lang == "en" else None
    if m:
        mention = _attach(m, before_start, lex)
        if mention is not None:
            return _result(mention, m.group("cue"), source, "sentence-subject")

    colon = _colon_speaker(text, span, para, paras, lex)
    if colon is not None:
        return (
            colon
            if source is None
            else Attribution(colon.mention, colon.cue, source, colon.method, colon.confidence)
        )

    for window, offset in ((before, before_start), (after, span.outer_end)):
        m = pat.according.search(window)
        if m:
            mention = _attach(m, offset, lex)
            if mention is not None:
                return _result(mention, "according to", source, "according-to")
    return Attribution(None, None, source, "none", 0.0)


def _rightmost(pattern: re.Pattern[str], window: str) -> list[re.Match[str]]:
    """Matches of `pattern` ending at the window end, the one nearest the quote first."""
    out = []
    pos = 0
    while pos < len(window):
        m = pattern.search(window, pos)
        if not m:
            break
        out.append(m)
        pos = m.start() + 1
    return sorted(out, key=lambda m: -m.start("cue"))


def _colon_speaker(
    text: str, span: QuoteSpan, para: Paragraph, paras: list[Paragraph], lex: Lexicon
) -> Attribution | None:
    """'PENCE: ...' transcripts, and 'Caddell continued:' introducing the next paragraph."""
    m = patterns(lex).colon_speaker.match(text, para.start, span.outer_start)
    if m:
        mention = _clean_name(m.group("name").strip(), m.start("name"), lex)
        if mention is not None:
            return _result(mention, ":", None, "colon")
    if text[para.start : span.outer_start].strip() or para.index == 0:
        return None
    prev_para = paras[para.index - 1]
    intro = text[prev_para.start : prev_para.end].rstrip()
    if not intro.endswith(":"):
        return None
    start = _sentence_start(text, prev_para, prev_para.start + len(intro))
    window = text[start : prev_para.start + len(intro)]
    for found in _rightmost(patterns(lex).before, window):
        mention = _attach(found, start, lex)
        if mention is not None:
            return _result(mention, found.group("cue"), None, "colon")
    return None


def _attribute_cjk(
    text: str,
    span: QuoteSpan,
    para: Paragraph,
    after: str,
    before: str,
    before_start: int,
    pat: _Patterns,
    source: str | None,
    lex: Lexicon,
) -> Attribution:
    """「…」と述べた: the cue follows the quote, the speaker is the topic (は/が) before it.
    Chinese puts the speaker and cue right before (王毅说：“…”) or after (“…”王毅表示) the quote."""
    if pat.ja_after is None:
        return _attribute_zh(text, span, before, before_start, after, pat, source)
    m = pat.ja_after.match(after)
    if not m:
        return Attribution(None, None, source, "none", 0.0)
    window_start = _sentence_start(text, para, max(para.start, before_start - 1))
    window = text[window_start : span.outer_start]
    topics = list(pat.ja_topic.finditer(window))
    if not topics:
        return Attribution(None, m.group("cue"), source, "none", 0.0)
    t = topics[-1]
    mention = Mention(t.group("name"), window_start + t.start("name"), window_start + t.end("name"), "name")
    return _result(mention, m.group("cue"), source, "topic-cue")


def _attribute_zh(
    text: str, span: QuoteSpan, before: str, before_start: int, after: str, pat: _Patterns, source: str | None
) -> Attribution:
    m = pat.zh_before.search(before)
    if m:
        mention = Mention(
            m.group("name"), before_start + m.start("name"), before_start + m.end("name"), "name"
        )
        return _result(mention, m.group("cue"), source, "speaker-cue-quote")
    m = pat.zh_after.match(after)
    if m:
        start = span.outer_end + m.start("name")
        return _result(
            Mention(m.group("name"), start, start + len(m.group("name")), "name"),
            m.group("cue"),
            source,
            "quote-speaker-cue",
        )
    return Attribution(None, None, source, "none", 0.0)


def _cited_source(
    pat: _Patterns, before: str, before_start: int, after: str, after_start: int, lex: Lexicon
) -> str | None:
    """Whom the outlet credits for the quote: 'per Nippon', 'via Anadolu Ajansı', 'according to NHK'."""
    sentence_after = re.split(r"(?<=[.!?])\s", after, maxsplit=1)[0]
    for window in (sentence_after, before):
        m = pat.source.search(window)
        if m:
            return m.group("src").strip().rstrip(".,")
    return None


def _result(mention: Mention, cue: str | None, source: str | None, method: str) -> Attribution:
    conf = CONFIDENCE[method] * (PRONOUN_FACTOR if mention.kind == "pronoun" else 1.0)
    return Attribution(mention, " ".join(cue.split()) if cue else None, source, method, round(conf, 3))
