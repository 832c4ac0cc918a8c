"""What a quotation is: a statement (`direct`), a fragment of one (`partial`), or a `term`.

A quoted title, name, nickname or scare-quoted word that nobody is reported as saying is a
`term`, decided on evidence: a title cue before it ("the book", "dubbed", "CBS's"), a
name-like shape, markup or a bare link, and never when a cue rule found who said it.
"""

from __future__ import annotations

import regex as re

from quotes.attribute import Attribution
from quotes.extract import CJK_MARKS, QuoteSpan, quote_kind
from quotes.lexicon import Lexicon

STRONG_METHODS = {"quote-cue-speaker", "quote-speaker-cue", "speaker-cue-quote", "colon", "topic-cue"}
MAX_TERM_WORDS = 8
_LINKISH = re.compile(r"^(?:[@#]\w+|(?:https?://)?[\w-]+(?:\.[\w-]+)+(?:/\S*)?)$")
_SENTENCE_END = re.compile(r"[.!?…][\"”’']?$")


def classify(text: str, span: QuoteSpan, attribution: Attribution, lex: Lexicon) -> str:
    base = quote_kind(text, span)
    if span.open_mark in CJK_MARKS:
        return base
    return "term" if is_term(text, span, lex, attributed=attribution.method in STRONG_METHODS) else base


def is_term(text: str, span: QuoteSpan, lex: Lexicon, attributed: bool = False) -> bool:
    """Evidence that the quote is a title or name; `attributed` (a cue rule found its speaker)
    then takes a title cue and a title shape together to outweigh."""
    content = span.text_in(text).strip()
    if not re.search(r"\p{L}", content) or _LINKISH.match(content):
        return True  # numbers, ids, handles, domains
    before = text[max(0, span.outer_start - 40) : span.outer_start]
    if before.endswith("="):
        return True  # a markup attribute value: <tweet author="...">
    words = content.rstrip(",;:.").split()
    if len(words) > MAX_TERM_WORDS or content.rstrip(",;:").endswith(("!", "?")):
        return False
    cue = _title_cue(before, lex)
    shaped = _name_like(words, before, lex) and not _title_case_line(text, span, lex)
    if attributed:
        return cue and shaped
    if cue:
        return True
    return shaped and not _SENTENCE_END.search(content.rstrip(",;:"))


def _title_cue(before: str, lex: Lexicon) -> bool:
    if not lex.term_cues:
        return False
    cues = lex.alternation(lex.term_cues)
    return bool(re.search(rf"(?:^|[^\p{{L}}])(?:{cues})[\s,:]*$", before))


def _title_case_line(text: str, span: QuoteSpan, lex: Lexicon) -> bool:
    """A headline capitalises every word, so there capitals say nothing about the quote."""
    start = text.rfind("\n", 0, span.outer_start) + 1
    end = text.find("\n", span.outer_end)
    line = text[start : end if end >= 0 else len(text)]
    outside = (line[: span.outer_start - start] + " " + line[span.outer_end - start :]).split()
    words = [w for w in outside if w[:1].isalpha() and w.lower() not in lex.lower_words]
    return len(words) >= 2 and sum(w[:1].isupper() for w in words) >= 0.8 * len(words)


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
        previous = re.search(r"(\S+)\s*$", before)
        apposition = bool(previous and previous.group(1)[:1].isupper() and previous.group(1)[-1:].isalpha())
        return len(significant) >= 2 or apposition
    return True
