"""Quotation spans: pairing quotation marks in every convention news uses.

Marks are classified by family (double, single, guillemet, corner brackets) and by flanking
(what stands either side), then paired with a stack inside each paragraph. A quote that is
still open at the end of a paragraph continues only if the next paragraph re-opens it (the
multi-paragraph convention); otherwise it is cut at the paragraph end, so a stray mark never
swallows the rest of the document.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from enum import Enum

_GUILLEMET = re.compile(r"[«»]")

DOUBLE, SINGLE, GUILLEMET, SINGLE_GUILLEMET, CORNER, WHITE_CORNER = (
    "double",
    "single",
    "guillemet",
    "single_guillemet",
    "corner",
    "white_corner",
)


class Role(Enum):
    OPEN = "open"
    CLOSE = "close"
    EITHER = "either"


@dataclass(frozen=True)
class Mark:
    pos: int
    length: int
    char: str
    family: str
    role: Role


@dataclass(frozen=True)
class QuoteSpan:
    """The quoted words of one quotation, as offsets into the document text.

    `start`/`end` exclude the quotation marks; `pieces` are the quoted stretches of a
    multi-paragraph quote (the re-opening marks between them are not part of the quote).
    """

    start: int
    end: int
    open_mark: str
    close_mark: str
    paragraph: int
    pieces: tuple[tuple[int, int], ...]
    closed: bool = True
    pad: tuple[int, int] = (0, 0)  # spaces inside the marks: French « … »

    @property
    def outer_start(self) -> int:
        return self.start - self.pad[0] - len(self.open_mark)

    @property
    def outer_end(self) -> int:
        return self.end + self.pad[1] + len(self.close_mark)

    def text_in(self, text: str) -> str:
        """The quoted words: paragraphs of a long quote on their own lines, fragments joined by '…'."""
        out = text[self.pieces[0][0] : self.pieces[0][1]].strip()
        for (_, prev_end), (s, e) in itertools.pairwise(self.pieces):
            joiner = "\n" if "\n" in text[prev_end:s] else " … "
            out += joiner + text[s:e].strip()
        return out


@dataclass(frozen=True)
class Paragraph:
    index: int
    start: int
    end: int


_PARA = re.compile(r"[^\n]+")
# Two apostrophes or backticks stand for a double quote in some newspaper copy.
_MARK = re.compile(r"''|``|[\"“”„‟＂〝〞〟'‘’‚‛«»‹›「」『』]")
_ELISION = re.compile(r"(?i:n['’]|em\b|tis\b|twas\b|til\b|cause\b|\d0s\b|\d\d\b)")
_OPENING_PUNCT = set("([{—–-/\u00a0\u3000")


def paragraphs(text: str) -> list[Paragraph]:
    """Each non-empty line is a paragraph: news text uses a line break (or two) between them."""
    return [Paragraph(i, m.start(), m.end()) for i, m in enumerate(_PARA.finditer(text))]


# Korean has no apostrophe: a mark before a syllable closes a quote
_HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")


_ELIDED_BEFORE = frozenset('«“„‹"')  # marks that open a quote right after d', l', qu'


def _left_space(text: str, i: int, lo: int) -> bool:
    return i <= lo or text[i - 1].isspace() or text[i - 1] in _OPENING_PUNCT


def _right_space(text: str, j: int, hi: int) -> bool:
    return j >= hi or text[j].isspace() or text[j] in ".,;:!?)]}…—–-\u3000"


def _flank(text: str, i: int, j: int, lo: int, hi: int) -> Role:
    """Opener if it leans on the following word, closer if on the preceding one."""
    left, right = _left_space(text, i, lo), _right_space(text, j, hi)
    if left and not right:
        return Role.OPEN
    if right and not left:
        return Role.CLOSE
    return Role.EITHER


def _classify(text: str, m: re.Match[str], lo: int, hi: int, reversed_guillemets: bool) -> Mark | None:
    ch, i, j = m.group(), m.start(), m.end()
    role_of = {"“": Role.OPEN, "”": Role.CLOSE, "„": Role.OPEN, "‟": Role.OPEN, "``": Role.OPEN}
    if ch in role_of:
        role = role_of[ch]
        if ch == "”" and _flank(text, i, j, lo, hi) is Role.OPEN:
            role = Role.EITHER  # ”…” as in Swedish or careless copy
        if ch == "“":
            role = Role.EITHER  # opens in English, closes German „…“
        return Mark(i, j - i, ch, DOUBLE, role)
    if ch in {'"', "''", "＂"}:
        return Mark(i, j - i, ch, DOUBLE, _flank(text, i, j, lo, hi))
    if ch in "〝〞〟":
        return Mark(i, 1, ch, DOUBLE, Role.OPEN if ch == "〝" else Role.CLOSE)
    if ch in "'’‘‚‛":
        prev_alnum = i > lo and text[i - 1].isalnum()
        next_alnum = j < hi and text[j].isalnum()
        if prev_alnum and next_alnum:
            if _HANGUL.match(text[j]):
                return Mark(
                    i, 1, ch, SINGLE, Role.CLOSE
                )  # ‘김정은의 대변인’이란: a particle follows the closer
            return None  # apostrophe: Japan's, don't, rock'n'roll
        if prev_alnum and j < hi and text[j] in _ELIDED_BEFORE:
            return None  # an elision before a quote: qualifiée d'« inacceptable », l’“affaire”
        if ch in "‚‛":
            return Mark(i, 1, ch, SINGLE, Role.OPEN)
        if ch == "‘":
            return Mark(i, 1, ch, SINGLE, Role.EITHER)  # opens in English, closes German ‚…‘
        role = _flank(text, i, j, lo, hi)
        if ch == "’" and role is Role.OPEN:
            return None  # ’90s, ’em
        if role is Role.OPEN and _ELISION.match(text, j, hi):
            return None  # rock 'n' roll, 'em, '90s
        return Mark(i, 1, ch, SINGLE, role)
    if ch in "«»":
        opens = (ch == "»") if reversed_guillemets else (ch == "«")
        return Mark(i, 1, ch, GUILLEMET, Role.OPEN if opens else Role.CLOSE)
    if ch in "‹›":
        opens = (ch == "›") if reversed_guillemets else (ch == "‹")
        return Mark(i, 1, ch, SINGLE_GUILLEMET, Role.OPEN if opens else Role.CLOSE)
    if ch in "「」":
        return Mark(i, 1, ch, CORNER, Role.OPEN if ch == "「" else Role.CLOSE)
    if ch in "『』":
        return Mark(i, 1, ch, WHITE_CORNER, Role.OPEN if ch == "『" else Role.CLOSE)
    return None


def _marks(text: str, para: Paragraph) -> list[Mark]:
    body = text[para.start : para.end]
    first_guillemet = _GUILLEMET.search(body)
    reversed_guillemets = bool(first_guillemet and first_guillemet.group() == "»")
    out = []
    for m in _MARK.finditer(text, para.start, para.end):
        mark = _classify(text, m, para.start, para.end, reversed_guillemets)
        if mark is not None:
            out.append(mark)
    return out


@dataclass
class _Open:
    mark: Mark
    paragraph: int
    # For a quote spanning paragraphs: alternately where a paragraph ended and where the
    # re-opening mark of the next one ended.
    breaks: list[int]


def _continues(opener: Mark, mark: Mark) -> bool:
    """Does a paragraph-initial `mark` re-open the quote left open by `opener`? Only the same
    mark does: a stray straight quote is not continued by a curly one."""
    return mark.char == opener.char and mark.role is not Role.CLOSE


def find_spans(text: str) -> list[QuoteSpan]:
    """All outermost quotations in `text`, in document order."""
    spans: list[QuoteSpan] = []
    paras = paragraphs(text)
    carried: _Open | None = None  # a quote continuing from the previous paragraph
    for para in paras:
        marks = _marks(text, para)
        stack: list[_Open] = []
        # where in the stack each family's openers stand: the opener a mark closes is found at
        # once, not by walking a stack that a page of stray openers makes thousands deep
        by_family: dict[str, list[int]] = {}
        start_index = 0
        if carried is not None:
            lead = text[para.start : marks[0].pos].strip() if marks else None
            if marks and lead == "" and _continues(carried.mark, marks[0]):
                carried.breaks.append(marks[0].pos + marks[0].length)
                stack.append(carried)
                by_family.setdefault(carried.mark.family, []).append(0)
                start_index = 1
            else:
                _emit_open(spans, carried, text)
            carried = None
        for mark in marks[start_index:]:
            same = by_family.get(mark.family)
            # a mark closes the innermost open quote of its family, unless it only opens
            target = same[-1] if same and mark.role is not Role.OPEN else None
            if target is not None and not (mark.role is Role.EITHER and _prefers_open(mark, stack, target)):
                opened = stack[target]
                del stack[target:]  # unclosed marks nested inside are strays
                for indexes in by_family.values():
                    while indexes and indexes[-1] >= target:
                        indexes.pop()
                if not stack:
                    spans.append(_finish(opened, mark, text))
                continue
            if mark.role is not Role.CLOSE:
                by_family.setdefault(mark.family, []).append(len(stack))
                stack.append(_Open(mark, para.index, []))
        if stack:
            outer = stack[0]
            if outer.mark.family in (DOUBLE, GUILLEMET, CORNER, WHITE_CORNER):
                outer.breaks.append(para.end)
                carried = outer
    if carried is not None:
        _emit_open(spans, carried, text)
    spans.sort(key=lambda s: s.start)
    return spans


def _prefers_open(mark: Mark, stack: list[_Open], target: int) -> bool:
    """An ambiguous mark that could close an outer quote may instead open a nested one."""
    opened = stack[target].mark
    if mark.char == "“" and opened.char != "„":
        return True  # “ closes only German „…“
    return mark.char == "‘" and opened.char != "‚"


def _finish(opened: _Open, closer: Mark, text: str) -> QuoteSpan:
    pieces = _split_pieces(opened, closer.pos)
    return _span(text, pieces, opened.mark.char, closer.char, opened.paragraph, closed=True)


def _split_pieces(opened: _Open, end: int | None) -> list[tuple[int, int]]:
    """Pieces of a quote from its opener to `end` (None: the last paragraph end), across re-openings."""
    bounds = [opened.mark.pos + opened.mark.length, *opened.breaks]
    if end is not None:
        bounds.append(end)
    return list(zip(bounds[0::2], bounds[1::2], strict=False))


def _emit_open(spans: list[QuoteSpan], opened: _Open, text: str) -> None:
    """A quote whose closing mark never came: keep what lies inside its paragraph(s)."""
    pieces = _split_pieces(opened, None)
    if pieces:
        spans.append(_span(text, pieces, opened.mark.char, "", opened.paragraph, closed=False))


def _span(
    text: str, pieces: list[tuple[int, int]], open_mark: str, close_mark: str, paragraph: int, closed: bool
) -> QuoteSpan:
    trimmed = []
    for s, e in pieces:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        trimmed.append((s, e))
    # a re-opening mark with nothing after it adds no words: the quote ends where its words do
    kept = [i for i, (s, e) in enumerate(trimmed) if s < e] or [0]
    pieces, trimmed = pieces[kept[0] : kept[-1] + 1], trimmed[kept[0] : kept[-1] + 1]
    return QuoteSpan(
        start=trimmed[0][0],
        end=trimmed[-1][1],
        open_mark=open_mark,
        close_mark=close_mark,
        paragraph=paragraph,
        pieces=tuple(trimmed),
        closed=closed,
        pad=(trimmed[0][0] - pieces[0][0], pieces[-1][1] - trimmed[-1][1]),
    )


_CLAUSE_BEFORE = set(":,.!?—–-(;")
CJK_MARKS = set("「『〝＂")


def quote_kind(text: str, span: QuoteSpan) -> str:
    """`direct` for a quoted statement, `partial` for a fragment woven into the writer's sentence."""
    content = span.text_in(text)
    if span.open_mark in CJK_MARKS:
        return "direct"
    letters = [c for c in content if c.isalpha()]
    words = len(content.split())
    i = span.outer_start  # the character before the quote, blanks skipped (no copy of the text before it)
    while i > 0 and text[i - 1] in " \u00a0\t":
        i -= 1
    prev = text[i - 1] if i > 0 else ""
    opens_clause = prev in ("", "\n") or prev in _CLAUSE_BEFORE
    capital = bool(letters) and (letters[0].isupper() or not content[:1].isalpha())
    ends_sentence = content.rstrip().endswith((".", "!", "?", "…", ",")) or span.close_mark == ""
    if capital and words >= 3 and (opens_clause or (words >= 8 and ends_sentence)):
        return "direct"
    return "partial"


MAX_FRAGMENT_GAP = 80
# what may stand between two fragments of one quotation: list connectors and short glue
_FRAGMENT_GAP = re.compile(
    r"[\s,]*(?:(?:and|or|but|as|who\s+is|who\s+was|to|by|a|an|the|its|her|his|their)[\s,]+)*"
)


def fragment_groups(text: str, spans: list[QuoteSpan], kinds: list[str]) -> list[list[int]]:
    """Partial quotes strung through one sentence ("called it “disgusting” and “a con”") are
    one quotation: indices of the spans to report together, in order."""
    groups: list[list[int]] = []
    for i, (span, kind) in enumerate(zip(spans, kinds, strict=True)):
        if groups and kind == "partial" and len(span.pieces) == 1:
            last = groups[-1][-1]
            gap = text[spans[last].outer_end : span.outer_start]
            ends_sentence = text[spans[last].start : spans[last].end].rstrip().endswith((".", "!", "?"))
            if (
                kinds[last] == "partial"
                and not ends_sentence
                and len(gap) <= MAX_FRAGMENT_GAP
                and _FRAGMENT_GAP.fullmatch(gap) is not None
            ):
                groups[-1].append(i)
                continue
        groups.append([i])
    return groups


def join_spans(spans: list[QuoteSpan]) -> QuoteSpan:
    first, last = spans[0], spans[-1]
    return QuoteSpan(
        start=first.start,
        end=last.end,
        open_mark=first.open_mark,
        close_mark=last.close_mark,
        paragraph=first.paragraph,
        pieces=tuple(p for s in spans for p in s.pieces),
        closed=all(s.closed for s in spans),
        pad=(first.pad[0], last.pad[1]),
    )


HEADLINE_MAX = 300  # characters either side of a quote: a headline line is shorter


def title_case_line(text: str, span: QuoteSpan, small_words: frozenset[str]) -> bool:
    """Is the quote's line a headline (nearly every word outside the quote capitalised)?"""
    start = text.rfind("\n", max(0, span.outer_start - HEADLINE_MAX), span.outer_start) + 1
    end = text.find("\n", span.outer_end, span.outer_end + HEADLINE_MAX)
    if (start == 0 and span.outer_start > HEADLINE_MAX) or (
        end < 0 and len(text) - span.outer_end > HEADLINE_MAX
    ):
        return False  # a line this long is prose, whatever its capitals (and is not rescanned)
    line = text[start : end if end >= 0 else len(text)]
    outside = (line[: span.outer_start - start] + " " + line[span.outer_end - start :]).split()
    words = [w for w in outside if w[:1].isalpha() and w.lower() not in small_words]
    return len(words) >= 2 and sum(w[:1].isupper() for w in words) >= 0.8 * len(words)
