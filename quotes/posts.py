"""Embedded social-media posts pasted into articles as text.

A pasted post is its lines followed by a signature such as
`— Name (@handle) January 2, 2026`, often with `pic.twitter.com/…` or `https://t.co/…` links.
The post is one quotation whose speaker is the signed name.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex as re

from quotes.extract import Paragraph, QuoteSpan, paragraphs

MAX_POST_LINES = 8
LONG_PROSE = 200  # a longer line without links or emoji is the article, not the post
_SIGNATURE = re.compile(
    r"^\s*[—–-]{1,2}\s*(?P<name>[^\n()@]{1,80}?)\s*\((?P<handle>@\w{1,30})\)\s*"
    r"(?P<date>(?:\p{L}+\.?\s+\d{1,2},?\s+\d{4})|(?:\d{1,2}\s+\p{L}+\.?\s+\d{4}))?\s*$"
)
_INSTAGRAM = re.compile(r"^\s*A post shared by (?P<name>[^\n()@]{1,80}?)\s*\((?P<handle>@[\w.]{1,30})\)")
_POST_MARK = re.compile(
    r"(?:https?://|pic\.twitter\.com|#\w|@\w|\p{Extended_Pictographic}|[\U0001F1E6-\U0001F1FF])"
)
_TRAILING_JUNK = re.compile(
    r"(?:\s|https?://\S+|pic\.twitter\.com/\S+|\bt\.co/\S+|\p{Extended_Pictographic}|[\U0001F1E6-\U0001F1FF]|\ufe0f|\u200d)+$"
)


@dataclass(frozen=True)
class Post:
    span: QuoteSpan
    name: str
    name_start: int
    name_end: int
    handle: str
    platform: str
    date: str | None
    end: int  # end of the signature line: the region the post occupies ends here


def find_posts(text: str) -> list[Post]:
    paras = paragraphs(text)
    posts = []
    taken_until = -1
    for i, para in enumerate(paras):
        line = text[para.start : para.end]
        m = _SIGNATURE.match(line)
        platform = "x"
        if not m:
            m = _INSTAGRAM.match(line)
            platform = "instagram"
        if not m:
            continue
        body = _post_lines(text, paras, i, taken_until)
        if not body:
            continue
        span = _span(text, body)
        if span is None:
            continue
        name_start = para.start + m.start("name")
        posts.append(
            Post(
                span=span,
                name=m.group("name").strip(),
                name_start=name_start,
                name_end=name_start + len(m.group("name").strip()),
                handle=m.group("handle").lstrip("@"),
                platform=platform,
                date=m.groupdict().get("date"),
                end=para.end,
            )
        )
        taken_until = para.end
    return posts


def _post_lines(text: str, paras: list[Paragraph], sig: int, taken_until: int) -> list[Paragraph]:
    """The lines above a signature that belong to the post: short, or carrying links and emoji."""
    lines: list[Paragraph] = []
    j = sig - 1
    while j >= 0 and len(lines) < MAX_POST_LINES and paras[j].start > taken_until:
        line = text[paras[j].start : paras[j].end]
        if _SIGNATURE.match(line) or (len(line) > LONG_PROSE and not _POST_MARK.search(line)):
            break
        if lines and text[paras[j].end : lines[0].start].count("\n") > 2:
            break  # a gap of several blank lines ends the post
        lines.insert(0, paras[j])
        j -= 1
    return lines


def _span(text: str, lines: list[Paragraph]) -> QuoteSpan | None:
    start = lines[0].start
    end = lines[-1].end
    trimmed = _TRAILING_JUNK.search(text, start, end)
    if trimmed:
        end = trimmed.start()
    pieces = []
    for line in lines:
        s, e = line.start, min(line.end, end)
        if s < e:
            pieces.append((s, e))
    if not pieces:
        return None
    return QuoteSpan(
        start=pieces[0][0],
        end=pieces[-1][1],
        open_mark="",
        close_mark="",
        paragraph=lines[0].index,
        pieces=tuple(pieces),
    )
