"""Speaker, cue and cited source for each quotation: a sieve of rules, most precise first.

Each rule reads the words around a quote (its sentence, the sentence before, the paragraph
that introduces it with a colon) and the first rule that finds a speaker wins; its name is
recorded in `method` and its confidence reflects how often that rule is right. Quotes no rule
attributes may take the speaker of a neighbouring quote. The rules live in `rules.py` (with
`verb_second.py` for German clauses) and `rules_cjk.py`; mentions become canonical names in
`names.py`.
"""

from __future__ import annotations

import regex as re

from quotes.cues import Patterns, patterns
from quotes.extract import Paragraph, QuoteSpan
from quotes.lexicon import Lexicon
from quotes.rules import RULES
from quotes.rules_cjk import CJK_RULES
from quotes.sentences import sentence_start
from quotes.sieve import CONFIDENCE, NONE, Attribution, Context

__all__ = ["CONFIDENCE", "NONE", "Attribution", "attribute_spans"]

CJK_LANGS = {"ja", "zh", "ko"}


STRONG = {
    "stanza-dep",
    "quote-signed",
    "quote-cue-speaker",
    "quote-speaker-cue",
    "cue-speaker-quote",
    "speaker-cue-quote",
    "colon",
    "topic-cue",
}


def attribute_spans(
    text: str,
    spans: list[QuoteSpan],
    paras: list[Paragraph],
    lex: Lexicon,
    parsed: list[Attribution | None] | None = None,
) -> list[Attribution]:
    """One attribution per span; `parsed` (from a dependency parse) goes before the rules, and
    unattributed quotes may borrow from their neighbours."""
    results = [
        _attribute_one(
            text, span, spans[i - 1] if i else None, spans[i + 1] if i + 1 < len(spans) else None, paras, lex
        )
        for i, span in enumerate(spans)
    ]
    if parsed is not None:
        results = [p if p is not None else r for p, r in zip(parsed, results, strict=True)]
    for i in range(len(spans) - 2, -1, -1):  # "„X“ hätten „Y“, so Murtha": X is Murtha's too
        if (
            results[i].mention is None
            and results[i + 1].method in STRONG
            and _same_sentence(text, spans[i], spans[i + 1])
        ):
            results[i] = _borrow(results[i + 1], results[i])
    for i in range(1, len(spans)):
        if (
            results[i].mention is None
            and results[i - 1].mention is not None
            and _follows(text, spans[i - 1], spans[i], paras)
        ):
            results[i] = _borrow(results[i - 1], results[i])
    return results


def _same_sentence(text: str, a: QuoteSpan, b: QuoteSpan) -> bool:
    gap = text[a.outer_end : b.outer_start]
    return (
        len(gap) < 120
        and not re.search(r"[.!?\n]", gap)
        and not text[a.start : a.end].rstrip().endswith((".", "!", "?"))
    )


def _follows(text: str, prev: QuoteSpan, span: QuoteSpan, paras: list[Paragraph]) -> bool:
    """The same paragraph, or the next one opened by the quote (the continuation convention)."""
    last_para = paras[min(prev.paragraph + len(prev.pieces) - 1, len(paras) - 1)].index
    if span.paragraph == last_para:
        return True
    para = paras[span.paragraph]
    return span.paragraph == last_para + 1 and not text[para.start : span.outer_start].strip()


def _borrow(donor: Attribution, found: Attribution) -> Attribution:
    confidence = round(min(donor.confidence, CONFIDENCE["continuation"]), 3)
    return Attribution(
        donor.mention, donor.cue, found.cited_source or donor.cited_source, "continuation", confidence
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
    after = text[span.outer_end : min(after_end, span.outer_end + 300)]
    start = sentence_start(text, para, span.outer_start)
    before_start = max(start, prev.outer_end) if prev is not None else start
    before = text[before_start : span.outer_start]
    after_sentence = re.split(r"(?<=[.!?])\s", after, maxsplit=1)[0]
    ctx = Context(
        text=text,
        span=span,
        para=para,
        paras=paras,
        lex=lex,
        pat=pat,
        sentence=start,
        before=before,
        before_start=before_start,
        after=after,
        after_sentence=after_sentence,
        opens_sentence=before_start == start and not before.strip(),
        source=_cited_source(pat, before, after_sentence),
    )
    for rule in CJK_RULES if lex.lang in CJK_LANGS else RULES:
        found = rule(ctx)
        if found is not None:
            return found
    return Attribution(None, None, ctx.source, "none", 0.0)


def _cited_source(pat: Patterns, before: str, after_sentence: str) -> str | None:
    """Whom the outlet credits for the quote: 'per Nippon', 'via Anadolu Ajansı', 'according to NHK'."""
    for window in (after_sentence, before):
        m = pat.source.search(window)
        if m:
            return m.group("src").strip().rstrip(".,")
    return None
