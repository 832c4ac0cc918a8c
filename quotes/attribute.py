"""Speaker, cue and cited source for each quotation: candidates, their evidence, and a fitted choice.

For each quote every rule runs (attribution/rules.py, verb_second.py for German clauses,
rules_cjk.py) and proposes a mention; the sentence is also read for every other mention near
the quote, and the previous quote's speaker is a candidate where this quote continues it
(attribution/candidates.py). A linear model fitted on annotated training news weighs the
candidates' features and picks one, or nobody when no candidate is convincing
(attribution/ranker.py); its probability is the quote's confidence. Quotes are decided in text
order, so a quote can take the speaker chosen for the one before it. Mentions become
canonical names in `names.py`.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator
from dataclasses import replace

import regex as re

from quotes.attribution import cjk
from quotes.attribution import ranker as ranking
from quotes.attribution.candidates import STRONG, Candidate, Neighbours, Proposal, best_proposal, gather
from quotes.attribution.context import CJK_LANGS, NONE, Attribution, Context, Rule
from quotes.attribution.rules import RULES
from quotes.attribution.rules_cjk import CJK_RULES
from quotes.attribution.text_index import blank
from quotes.cues import Patterns, patterns
from quotes.extract import Paragraph, QuoteSpan
from quotes.lexicon import Lexicon
from quotes.sentences import sentence_start

_CLAUSE_END = re.compile(r"[.!?;\n]")
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s|(?<=[。！？])")

__all__ = ["NONE", "Attribution", "attribute_spans", "contexts", "decisions", "proposals"]


def attribute_spans(
    text: str,
    spans: list[QuoteSpan],
    paras: list[Paragraph],
    lex: Lexicon,
    parsed: list[Attribution | None] | None = None,
    model: ranking.Ranker | None = None,
) -> list[Attribution]:
    """One attribution per span; `parsed` (from a dependency parse) is one more proposal,
    the most precise. `model` defaults to the fitted ranker for the language's family."""
    return [found for _, found in decisions(text, spans, paras, lex, parsed, model)]


def decisions(
    text: str,
    spans: list[QuoteSpan],
    paras: list[Paragraph],
    lex: Lexicon,
    parsed: list[Attribution | None] | None = None,
    model: ranking.Ranker | None = None,
) -> Iterator[tuple[list[Candidate], Attribution]]:
    """Each span's candidates and what was decided, in text order: a quote's neighbour
    evidence is the decision for the quote before it (fitting reads the candidates too)."""
    ctxs = contexts(text, spans, paras, lex)
    props = [proposals(ctx) for ctx in ctxs]
    if parsed is not None:
        props = [([("stanza", p)] if p is not None else []) + ps for p, ps in zip(parsed, props, strict=True)]
    model = model or ranking.load(family(lex))
    quoted = inside(spans)
    decided: list[Attribution] = []
    origins: list[str] = []  # the method that first named each quote's speaker, through continuations
    for i, ctx in enumerate(ctxs):
        found = candidates(ctx, props[i], neighbours(text, spans, paras, props, decided, i, origins), quoted)
        decided.append(decide(ctx, found, model))
        continued = i and decided[-1].method == "continuation" and decided[-1].mention == decided[-2].mention
        origins.append(origins[-1] if continued else decided[-1].method)
        yield found, decided[-1]


def family(lex: Lexicon) -> str:
    return "cjk" if lex.lang in CJK_LANGS else "latin"


def candidates(
    ctx: Context, props: list[Proposal], near: Neighbours, quoted: Callable[[int], bool]
) -> list[Candidate]:
    """The rules' proposals, the neighbours' speakers, the mentions near the quote and, for
    Chinese, Japanese and Korean, what a morphological reading of the sentence finds."""
    extra = cjk.candidates(ctx) if ctx.lex.lang in CJK_LANGS else []
    return gather(ctx, props, near, quoted, extra)


def decide(ctx: Context, candidates: list[Candidate], model: ranking.Ranker) -> Attribution:
    chosen = model.choose(candidates, ctx.lex.lang)
    if chosen is None:
        return Attribution(None, None, ctx.source, "none", 0.0)
    best, p = chosen
    cue = " ".join(best.cue.split()) if best.cue else None
    return Attribution(best.mention, cue, ctx.source, best.method, round(p, 3))


def neighbours(
    text: str,
    spans: list[QuoteSpan],
    paras: list[Paragraph],
    props: list[list[Proposal]],
    decided: list[Attribution],
    i: int,
    origins: list[str] | None = None,
) -> Neighbours:
    """The previous quote's decided speaker, and the next quote's strongest proposal. A speaker
    carried from quote to quote keeps the method that first named it (`origins`): in 'said Jon
    Meacham, the author of “Destiny and Power”' the title, and the quote after it, inherit the
    strong cue of the first quote."""
    previous = decided[i - 1] if i and _follows(text, spans[i - 1], spans[i], paras) else None
    if previous is not None and previous.method == "continuation" and origins:
        previous = replace(previous, method=origins[i - 1])
    following = None
    if i + 1 < len(spans) and _same_sentence(text, spans[i], spans[i + 1]):
        nxt = best_proposal(props[i + 1])
        following = nxt if nxt is not None and nxt.method in STRONG else None
    previous_paragraph = previous is not None and spans[i - 1].paragraph < spans[i].paragraph
    return Neighbours(previous, previous_paragraph, following)


def inside(spans: list[QuoteSpan]) -> Callable[[int], bool]:
    starts = [s.outer_start for s in spans]

    def quoted(pos: int) -> bool:
        i = bisect.bisect_right(starts, pos) - 1
        return i >= 0 and pos < spans[i].outer_end

    return quoted


def _same_sentence(text: str, a: QuoteSpan, b: QuoteSpan) -> bool:
    gap = text[a.outer_end : b.outer_start]
    return (
        len(gap) < 120
        and not _CLAUSE_END.search(gap)  # '«…»; ante esta orden, X respondió: «…»' is a new clause
        and not text[a.start : a.end].rstrip().endswith((".", "!", "?"))
    )


def _follows(text: str, prev: QuoteSpan, span: QuoteSpan, paras: list[Paragraph]) -> bool:
    """The same paragraph, or the next one opened by the quote (the continuation convention)."""
    last_para = paras[min(prev.paragraph + len(prev.pieces) - 1, len(paras) - 1)].index
    if span.paragraph == last_para:
        return True
    para = paras[span.paragraph]
    return span.paragraph == last_para + 1 and blank(text, para.start, span.outer_start)


def contexts(text: str, spans: list[QuoteSpan], paras: list[Paragraph], lex: Lexicon) -> list[Context]:
    return [
        _context(
            text, span, spans[i - 1] if i else None, spans[i + 1] if i + 1 < len(spans) else None, paras, lex
        )
        for i, span in enumerate(spans)
    ]


def _context(
    text: str,
    span: QuoteSpan,
    prev: QuoteSpan | None,
    nxt: QuoteSpan | None,
    paras: list[Paragraph],
    lex: Lexicon,
) -> Context:
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
    after_sentence = _SENTENCE_SPLIT.split(after, maxsplit=1)[0]
    return Context(
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
        previous_end=prev.outer_end if prev is not None else 0,
        next_start=nxt.outer_start if nxt is not None else -1,
    )


def proposals(ctx: Context) -> list[Proposal]:
    """What every rule finds for the quote, in the order of the rules (most precise first)."""
    rules: tuple[Rule, ...] = CJK_RULES if ctx.lex.lang in CJK_LANGS else RULES
    out = []
    for rule in rules:
        found = rule(ctx)
        if found is not None and found.mention is not None:
            out.append((rule.__name__.lstrip("_"), found))
    return out


def _cited_source(pat: Patterns, before: str, after_sentence: str) -> str | None:
    """Whom the outlet credits for the quote: 'per Nippon', 'via Anadolu Ajansı', 'according to NHK'."""
    for window in (after_sentence, before):
        m = pat.source.search(window)
        if m:
            return m.group("src").strip().rstrip(".,")
    return None
