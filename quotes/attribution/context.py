"""What an attribution rule is: it reads a `Context` around one quote and returns an
`Attribution` (or None to pass). A rule's attribution is a proposal: its confidence stays 0
until the ranker chooses among the proposals and gives the chosen one its probability."""

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

CJK_LANGS = frozenset({"ja", "zh", "ko"})  # read by the morphological reader (cjk.py), not by spaces


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
    previous_end: int = 0  # where the quote before this one ends (0: none before it)
    next_start: int = -1  # where the quote after this one starts (-1: none after it)

    @property
    def whole_sentence(self) -> bool:
        """`before` reaches back to the sentence start (no other quote stands between)."""
        return self.before_start == self.sentence


def result(ctx: Context, mention: Mention, cue: str | None, method: str) -> Attribution:
    cue = " ".join(cue.split()).rstrip("、，,") if cue else None  # と述べ、: the verb, not its comma
    return Attribution(mention, cue or None, ctx.source, method, 0.0)


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
