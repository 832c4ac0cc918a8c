"""Sentence boundaries inside a paragraph, as the attribution rules need them: abbreviations,
ordinal dates ('14. Juli') and datelines ('WASHINGTON -- ') do not end or open sentences."""

from __future__ import annotations

import regex as re

from quotes.extract import Paragraph

_ABBREVIATION = re.compile(
    r"(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gov|Sen|Rep|Gen|Lt|Col|Prof|Rev|U\.S|U\.N|Inc|Corp|Ltd|Co|etc|vs|"
    r"bzw|z\.B|u\.a|ca|usw|Nr|vgl|evtl|inkl|ggf|d\.h|sog|\p{Lu}|\d{1,2})"
)


# a sentence ends at . ! ? (and a colon before a capitalised word: "Steuern: Die SPD will …")
_SENTENCE_BREAK = re.compile(r"[.!?。！？][\"”’»」“]?\s+|[“”»]?:\s+(?=\p{Lu}\p{Ll})")


def sentence_start(text: str, para: Paragraph, pos: int) -> int:
    """Start of the sentence holding `pos`, inside its paragraph; abbreviations do not end sentences."""
    for m in reversed(list(_SENTENCE_BREAK.finditer(text[para.start : pos]))):
        last = re.search(r"(\S+)$", text[para.start : para.start + m.start()])
        if last and _ABBREVIATION.fullmatch(last.group(1)):
            continue
        return para.start + m.end()
    dateline = _DATELINE.match(text, para.start, pos)
    return dateline.end() if dateline else para.start


def sentence_end(text: str, para: Paragraph, pos: int) -> int:
    """Start of the sentence after the one holding `pos` (the paragraph end if none)."""
    for m in _SENTENCE_BREAK.finditer(text, pos, para.end):
        last = re.search(r"(\S+)$", text[para.start : m.start()])
        if not (last and _ABBREVIATION.fullmatch(last.group(1))):
            return m.end()
    return para.end


# "WASHINGTON -- ", "TOKYO (Reuters) — ": a dateline is not part of the first sentence
_DATELINE = re.compile(r"\p{Lu}[\p{Lu}\p{M} .,'\-]{2,40}(?:\([^()\n]{1,30}\))?\s*(?:--|—|–)\s*")
