"""Embedded social-media posts pasted into articles as text.

A pasted post is its lines followed by a signature such as
`— Name (@handle) January 2, 2026`, often with `pic.twitter.com/…` or `https://t.co/…` links.
The post is one quotation whose speaker is the signed name.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import regex as re

from quotes.cues import NAME
from quotes.extract import Paragraph, QuoteSpan, paragraphs
from quotes.lexicon import Lexicon

MAX_POST_LINES = 8
LONG_PROSE = 200  # a longer line without links or emoji is the article, not the post
_SIGNATURE = re.compile(
    r"^\s*[—–-]{1,2}\s*(?P<name>[^\n()@]{1,80}?)\s*\((?P<handle>@\w{1,30})\)\s*"
    r"(?P<date>(?:\p{L}+\.?\s+\d{1,2},?\s+\d{4})|(?:\d{1,2}\s+\p{L}+\.?\s+\d{4}))?\s*$"
)
# "… https://t.co/BI2me8m2TU— 安倍晋三 (@AbeShinzo) June 20, 2018": the signature at the end of the line
_INLINE_SIGNATURE = re.compile(
    r"(?<=\S)\s*[—–]\s*(?P<name>[^\n()@—–]{1,80}?)\s*\((?P<handle>@\w{1,30})\)\s*"
    r"(?P<date>(?:\p{L}+\.?\s+\d{1,2},?\s+\d{4})|(?:\d{1,2}\s+\p{L}+\.?\s+\d{4}))?\s*$"
)
# a comment thread pasted as "handle: text" lines ("topgao: The cause you support …")
_HANDLE_LINE = re.compile(r"^(?P<name>[\w.\-]{3,30})\s?[:：]\s*(?=\S)", re.M)
_GLUED_HANDLE = re.compile(r"(?<=[^\x00-\x7f]|[!?.])(?P<name>[A-Za-z][\w.\-]{2,29}):\s")
MIN_THREAD = 2  # so many "handle:" lines make a thread; one is a label
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
    handle: str | None  # None where the page gives no handle
    platform: str | None  # x, instagram; None for a pasted reply thread
    date: str | None
    end: int  # end of the signature line: the region the post occupies ends here


def find_posts(text: str, lex: Lexicon | None = None) -> list[Post]:
    """Signed posts, reply threads and, with a lexicon, posts a sentence introduces."""
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
            inline = _INLINE_SIGNATURE.search(line)
            if inline is not None and inline.start() > 0:
                post = _inline_post(text, para, inline)
                if post is not None:
                    posts.append(post)
                    taken_until = para.end
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
    posts += _thread(text, paras, posts)
    if lex is not None and lex.post_nouns:
        posts += _introduced(text, paras, posts, lex)
    return sorted(posts, key=lambda p: p.span.start)


def _introduced(text: str, paras: list[Paragraph], found: list[Post], lex: Lexicon) -> list[Post]:
    """'This Weibo post by Hu Xijin …' or '…, Abe reciprocated in a Twitter post:' and then the post,
    a paragraph of its own: the post's author is the one it is 'by', else the introducing clause's
    subject (the name right before its verb, nearest the colon)."""
    nouns = lex.alternation(lex.post_nouns)
    # "post by Global Times Chief Editor Hu Xijin had …": the last capitalised words before the verb
    by = re.compile(
        rf"(?:{nouns})\s+(?:by|von|de|par)\s+(?:[\p{{L}}\-]+\s+){{0,6}}?"
        rf"(?P<name>\p{{Lu}}[\p{{L}}\-]*(?:\s+\p{{Lu}}[\p{{L}}\-]*){{0,2}})(?=\s+\p{{Ll}}|[,.;:]|$)"
    )
    subject = re.compile(rf"(?P<name>{NAME})\s+\p{{Ll}}+")
    posts = []
    for intro, body in itertools.pairwise(paras):
        line = text[intro.start : intro.end].rstrip()
        if any(p.span.start <= body.start < p.end or p.span.start <= intro.start < p.end for p in found):
            continue
        if not re.search(rf"(?<!\p{{L}})(?:{nouns})(?!\p{{L}})", line):
            continue
        m = by.search(line) if not line.endswith((":", "：")) else None
        if m is None and line.endswith((":", "：")):
            noun = list(re.finditer(rf"(?<!\p{{L}})(?:{nouns})(?!\p{{L}})", line))[-1]
            m = next(reversed(list(subject.finditer(line, 0, noun.start()))), None)
        if m is None or re.search(r"[“”\"«»„「」]", text[body.start : body.end][:1]):
            continue
        span = _span(text, [body])
        if span is None:
            continue
        start = intro.start + m.start("name")
        name = m.group("name")
        while " " in name and lex.is_title(name.split()[0]):  # "Editor Hu Xijin": the title apart
            start += len(name.split()[0]) + 1
            name = name.split(" ", 1)[1]
        posts.append(Post(span, name, start, start + len(name), None, None, None, body.end))
    return posts


def _handle_shaped(name: str) -> bool:
    """topgao, EastEast31, WeiJinDemeanorGarden, user_name: not a capitalised dictionary word."""
    return name[:1].islower() or bool(re.search(r"[\d_.]|\p{Ll}\p{Lu}", name))


def _inline_post(text: str, para: Paragraph, m: re.Match[str]) -> Post | None:
    end = para.start + m.start()
    span = _span(text, [Paragraph(para.index, para.start, end)])
    if span is None:
        return None
    name_start = para.start + m.start("name")
    name = m.group("name").strip()
    return Post(
        span,
        name,
        name_start,
        name_start + len(name),
        m.group("handle").lstrip("@"),
        "x",
        m.group("date"),
        para.end,
    )


def _thread(text: str, paras: list[Paragraph], found: list[Post]) -> list[Post]:
    """Replies pasted as 'handle: text', one a line: each is its author's post (platform unknown)."""
    lines = []
    for para in paras:
        m = _HANDLE_LINE.match(text, para.start, para.end)
        if m is None or any(p.span.start <= para.start < p.end for p in found):
            continue
        if not re.search(r"[\p{L}\d]", m.group("name")) or m.group("name").isdigit():
            continue
        lines.append((para, m))
    if len(lines) < MIN_THREAD or 2 * sum(_handle_shaped(m.group("name")) for _, m in lines) < len(lines):
        return []  # "Bildung: Die SPD will …", "Verkehr: …": section labels, not replies
    posts = []
    replies = []
    for para, m in lines:  # "…铁笼中的囚徒Kevinclily: What crap.": a reply glued to the line before
        starts = [m, *_GLUED_HANDLE.finditer(text, m.end(), para.end)]
        for a, b in itertools.zip_longest(starts, starts[1:]):
            replies.append((para, a, b.start() if b is not None else para.end))
    for para, m, end in replies:
        span = _span(text, [Paragraph(para.index, m.end(), end)])
        if span is not None:
            posts.append(
                Post(
                    span,
                    m.group("name"),
                    m.start("name"),
                    m.end("name"),
                    m.group("name"),
                    None,
                    None,
                    end,
                )
            )
    return posts


def _post_lines(text: str, paras: list[Paragraph], sig: int, taken_until: int) -> list[Paragraph]:
    """The lines above a signature that belong to the post: short, or carrying links and emoji."""
    lines: list[Paragraph] = []
    j = sig - 1
    while j >= 0 and len(lines) < MAX_POST_LINES and paras[j].start > taken_until:
        line = text[paras[j].start : paras[j].end]
        if _SIGNATURE.match(line) or (len(line) > LONG_PROSE and not _POST_MARK.search(line)):
            break
        if lines and text[paras[j].end : lines[0].start].count("\n") > 1:
            break  # a blank line ends the post: above it stands the article
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
