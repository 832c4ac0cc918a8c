"""What an attribution rule is: it reads a `Context` around one quote and returns an
`Attribution` (or None to pass); `CONFIDENCE` holds how often each rule is right."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import regex as re

from quotes.cues import Mention, Patterns
from quotes.extract import Paragraph, QuoteSpan
from quotes.lexicon import Lexicon


@dataclass(frozen=True)
class Attribution:
    mention: Mention | None
    cue: str | None
    cited_source: str | None
    method: str
    confidence: float


NONE = Attribution(None, None, None, "none", 0.0)


# How often each rule names the right speaker, measured on the English dev data (polnear_dev,
# `quotes eval`) and rounded down, since the rules were written against that data; a lexicon's
# confidence_scale carries them to languages where rules do worse. Rules seen fewer than ~20
# times keep a cautious prior.
CONFIDENCE = {
    "quote-speaker-cue": 0.95,  # 253/254
    "speaker-cue-quote": 0.93,  # 76/79
    "quote-cue-speaker": 0.9,  # 64/69
    "colon": 0.85,
    "colon-subject": 0.75,
    "quote-signed": 0.9,
    "topic-cue": 0.8,
    "continuation": 0.8,  # 137/147
    "cue-speaker-quote": 0.75,
    "sentence-cue": 0.8,  # 159/167
    "participle": 0.75,  # 16/16
    "previous-sentence": 0.7,  # 16/16, and 4/4 in German
    "according-to": 0.7,
    "sentence-subject": 0.7,  # 31/33; 4/8 in German
    "previous-subject": 0.5,
    "following-sentence": 0.6,
    "document": 0.6,
}


PRONOUN_FACTOR = 0.95  # the mention is right, but the name it resolves to may not be


@dataclass(frozen=True)
class Context:
    """What every rule may read about one quote."""

    text: str
    span: QuoteSpan
    para: Paragraph
    paras: list[Paragraph]
    lex: Lexicon
    pat: Patterns
    sentence: int  # where the quote's sentence starts
    before: str  # from the start of the quote's sentence (or the previous quote) to the quote
    before_start: int
    after: str  # from the quote to the next quote or the paragraph end
    after_sentence: str  # `after` up to the end of the quote's sentence
    opens_sentence: bool  # nothing but the quote stands in its sentence before it
    source: str | None

    @property
    def whole_sentence(self) -> bool:
        """`before` reaches back to the sentence start (no other quote stands between)."""
        return self.before_start == self.sentence


def result(ctx: Context, mention: Mention, cue: str | None, method: str) -> Attribution:
    conf = (
        CONFIDENCE[method] * ctx.lex.confidence_scale * (PRONOUN_FACTOR if mention.kind == "pronoun" else 1.0)
    )
    return Attribution(mention, " ".join(cue.split()) if cue else None, ctx.source, method, round(conf, 3))


Rule = Callable[[Context], Attribution | None]


def rightmost(pattern: re.Pattern[str], window: str) -> list[re.Match[str]]:
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


def rightmost_plain(pattern: re.Pattern[str], window: str) -> list[re.Match[str]]:
    return sorted(pattern.finditer(window), key=lambda m: -m.end())


def by_rest(rest: str) -> str:
    """Cue right before the quote ('told reporters, “') or further away in the sentence."""
    rest = rest.strip()
    return (
        "speaker-cue-quote"
        if len(rest) <= 40 and (rest in ("", ",", ":") or rest.endswith((",", ":")))
        else "sentence-cue"
    )
