"""Sentence boundaries inside a paragraph, as the attribution rules need them: abbreviations,
ordinal dates ('14. Juli') and datelines ('WASHINGTON -- ') do not end or open sentences."""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache

import regex as re

from quotes.extract import Paragraph

_ABBREVIATION = re.compile(
    r"(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gov|Sen|Rep|Gen|Lt|Col|Prof|Rev|U\.S|U\.N|Inc|Corp|Ltd|Co|etc|vs|"
    r"bzw|z\.B|u\.a|ca|usw|Nr|vgl|evtl|inkl|ggf|d\.h|sog|\p{Lu}|\d{1,2})"
)


# a sentence ends at . ! ? (and a colon before a capitalised word: "Steuern: Die SPD will …")
_SENTENCE_BREAK = re.compile(r"[.!?。！？][\"”’»」“]?\s+|[“”»]?:\s+(?=\p{Lu}\p{Ll})")


SENTENCE_WINDOW = 1000  # characters looked back or ahead for a sentence break: a longer
# sentence (a page without full stops) is read in part, the same part whoever asks


def sentence_start(text: str, para: Paragraph, pos: int) -> int:
    """Start of the sentence holding `pos`, inside its paragraph; abbreviations do not end sentences."""
    lo = max(para.start, pos - SENTENCE_WINDOW)
    starts, ends = _breaks(text, para.start, para.end)
    i = bisect_left(starts, pos) - 1  # the last break that starts before pos
    if i >= 0 and ends[i] > pos:  # it runs past pos: read only its part before pos, as pos would
        m = _SENTENCE_BREAK.match(text, starts[i], pos)
        if m and starts[i] >= lo:
            return m.end()
        i -= 1
    if i >= 0 and starts[i] >= lo:
        return ends[i]
    dateline = _DATELINE.match(text, para.start, pos) if lo == para.start else None
    return dateline.end() if dateline else lo


def sentence_end(text: str, para: Paragraph, pos: int) -> int:
    """Start of the sentence after the one holding `pos` (the paragraph end if none)."""
    hi = min(para.end, pos + SENTENCE_WINDOW)
    starts, ends = _breaks(text, para.start, para.end)
    i = bisect_left(starts, pos)  # the first break that starts at or after pos
    if i < len(starts) and starts[i] < hi:
        if ends[i] <= hi:
            return ends[i]
        m = _SENTENCE_BREAK.match(text, starts[i], hi)  # cut off by the window, as hi would
        if m:
            return m.end()
    return hi


@lru_cache(maxsize=64)
def _breaks(text: str, start: int, end: int) -> tuple[list[int], list[int]]:
    """The sentence breaks of one paragraph, found once: every quote and candidate in it asks."""
    starts, ends = [], []
    for m in _SENTENCE_BREAK.finditer(text, start, end):
        if not _abbreviation_before(text, m.start()):
            starts.append(m.start())
            ends.append(m.end())
    return starts, ends


def _abbreviation_before(text: str, pos: int) -> bool:
    """Is the word that ends at `pos` an abbreviation ('Mr', 'U.S', '14')?"""
    last = _LAST_WORD.search(text, max(0, pos - 20), pos)
    return bool(last and _ABBREVIATION.fullmatch(last.group(1)))


_LAST_WORD = re.compile(r"(?<!\S)(\S+)$")


# "WASHINGTON -- ", "TOKYO (Reuters) — ": a dateline is not part of the first sentence
_DATELINE = re.compile(r"\p{Lu}[\p{Lu}\p{M} .,'\-]{2,40}(?:\([^()\n]{1,30}\))?\s*(?:--|—|–)\s*")
