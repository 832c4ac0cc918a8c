"""Speaker candidates for Chinese, Japanese and Korean from a morphological reading of the sentence.

Each language's analyser (ja.py: fugashi/unidic-lite, zh.py: jieba, ko.py: kiwipiepy) turns
text into tokens with one of a few universal roles: a person or organisation name, a noun, a
pronoun, a particle that marks the topic (は, 은/는), the subject (が, 이/가), an object or a
possessor, a verb. Here runs of name and noun tokens become noun phrases, and a phrase that can
speak (it holds a name, a pronoun, or a noun for people or bodies) is a candidate, described by
what transfers from one article to the next: whether a particle marks it as topic or subject,
whether a reporting verb follows it (王毅说, 他表示), where it stands (before the quote in its
sentence, in the sentence before, between the quote and its cue: 「…」と国土交通相は述べた) and
how many candidates stand nearer the quote.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache

import regex as re

from quotes.attribution.candidates import Candidate
from quotes.attribution.context import Context
from quotes.cues import Mention
from quotes.extract import QuoteSpan
from quotes.lexicon import Lexicon

NAME_ROLES = frozenset({"name", "org", "place"})
PHRASE_ROLES = NAME_ROLES | {"noun", "title", "suffix"}
MARKERS = frozenset({"topic", "subject", "object", "genitive", "oblique"})
MAX_PHRASE_CHARS = 24
WINDOW = 300  # characters read on either side of the quote
CARRIED_CHARS = 600  # how far back a topic is carried
_STOPS = re.compile(r"[。！？!?\n]|\.(?=\s|$)")  # Korean ends its sentences with a full stop
_OPENERS = "「『“‘\"'«"
_KIND_FEATURE = {"name": "cjk:name", "pronoun": "cjk:pron", "nominal": "cjk:title"}


@dataclass(frozen=True)
class Token:
    text: str
    start: int  # document offsets
    end: int
    role: str  # name | org | place | noun | title | suffix | pron | topic | subject | object | genitive
    #            oblique | quotative | verb | punct | other


Analyser = Callable[[str, int], list[Token]]  # (text of a window, its offset) -> tokens


@cache
def analyser(lang: str) -> Analyser | None:
    if lang == "ja":
        from quotes.attribution import ja

        return ja.tokens
    if lang == "zh":
        from quotes.attribution import zh

        return zh.tokens
    if lang == "ko":
        from quotes.attribution import ko

        return ko.tokens
    return None


@dataclass(frozen=True)
class Phrase:
    tokens: tuple[Token, ...]
    after: Token | None  # the token right after the phrase
    after2: tuple[Token, ...]  # the few tokens after that

    @property
    def start(self) -> int:
        return self.tokens[0].start

    @property
    def end(self) -> int:
        return self.tokens[-1].end


def candidates(ctx: Context) -> list[Candidate]:
    """Noun phrases that can speak in the quote's sentence, the one before it, and after it."""
    analyse = analyser(ctx.lex.lang)
    if analyse is None:
        return []
    text, span = ctx.text, ctx.span
    lo, sentence, hi = _window(text, span.outer_start, span.outer_end, ctx)
    before_tokens, after = _tagged(text, ctx.lex.lang, lo, span, hi)
    tokens = before_tokens + after
    quote_cue = next((t.text for t in after[:4] if t.role == "verb" and _reporting(t.text, ctx.lex)), None)
    phrases = [p for p in _phrases(tokens, text) if _can_speak(p, ctx.lex)]
    before = [p for p in phrases if p.end <= span.outer_start and p.start >= sentence]
    out = _protagonist(ctx, analyse, {(p.start, p.end) for p in phrases})
    out += _carried_topic(ctx, analyse, lo)
    digest = _next_line_subject(ctx)
    if digest is not None:
        feats = {
            "cjk": 1.0,
            "cjk:next_line_subject": 1.0,
            _KIND_FEATURE[digest.kind]: 1.0,
        }
        out.append(Candidate(digest, None, "next-line", feats))
    subjects = _cue_subjects(tokens, before, ctx, sentence)
    marked = _nearest_marked(before)
    for p in phrases:
        feats = _features(p, ctx, sentence, before, marked)
        if p in subjects:
            feats["cjk:cue_subject"] = 1.0
        mention = Mention(text[p.start : p.end], p.start, p.end, _kind(p))
        own = next((t.text for t in p.after2 if t.role == "verb"), None)
        if quote_cue is not None and p.end <= span.outer_start and not (own and _reporting(own, ctx.lex)):
            own = quote_cue  # 문재인 대통령은 "…"고 말했다: the verb after the quote is the speaker's
        out.append(Candidate(mention, own, "morphology", feats))
    return out


@lru_cache(maxsize=16)
def _tagged(text: str, lang: str, lo: int, span: QuoteSpan, hi: int) -> tuple[list[Token], list[Token]]:
    """The tokens before a quote (from `lo`) and after it (to `hi`), tagged once for the reader's
    candidates and for the reported-clause rule. The text after the quote is tagged with its
    closing mark: ”라고 is a quotative, 라고 at the start of a text a noun."""
    analyse = analyser(lang)
    assert analyse is not None
    mark = max(span.end, span.outer_end - 1)
    after = [t for t in analyse(text[mark:hi], mark) if t.start >= span.outer_end]
    return analyse(text[lo : span.outer_start], lo), after


def cue_subject(ctx: Context) -> tuple[Mention, str] | None:
    """The speaker a reporting verb earlier in the quote's sentence names, with that verb:
    梅德韦杰夫在社交媒体上发帖称，泽连斯基受到“狠狠一击” is 梅德韦杰夫's, not 泽连斯基's."""
    if analyser(ctx.lex.lang) is None:
        return None
    text, span = ctx.text, ctx.span
    lo, sentence, hi = _window(text, span.outer_start, span.outer_end, ctx)
    tokens = _tagged(text, ctx.lex.lang, lo, span, hi)[0]  # as candidates() reads it: tagged once
    before = [p for p in _phrases(tokens, text) if _can_speak(p, ctx.lex) and sentence <= p.start]
    found = _cue_subjects(tokens, before, ctx, sentence)
    if not found:
        return None
    p = max(found, key=lambda p: p.start)
    cue = next(
        t.text for t in tokens if t.start >= p.end and t.role == "verb" and _reporting(t.text, ctx.lex)
    )
    return Mention(text[p.start : p.end], p.start, p.end, _kind(p)), cue


def person_before(text: str, pos: int, lang: str) -> Mention | None:
    """The person a pronoun at `pos` most likely stands for when no quote before named one: the
    nearest name opening a clause before it (總統蔡英文1日接受專訪,挑戰「快問快答」,她透露), else the
    nearest name."""
    analyse = analyser(lang)
    if analyse is None:
        return None
    lo = max(0, pos - CARRIED_CHARS)
    tokens = [t for t in _document_tokens(text, analyse) if lo <= t.start and t.end <= pos]
    people = [p for p in _phrases(tokens, text) if any(t.role == "name" for t in p.tokens)]
    if not people:
        return None
    index = {t.start: k for k, t in enumerate(tokens)}
    opening = [p for p in people if index[p.start] == 0 or tokens[index[p.start] - 1].role == "punct"]
    p = (opening or people)[-1]
    return Mention(text[p.start : p.end], p.start, p.end, "name")


def _carried_topic(ctx: Context, analyse: Analyser, lo: int) -> list[Candidate]:
    """The last person marked as topic before the window: Japanese and Korean drop a subject
    that stays the topic ('松岡サチエさん(78)は…。…。「何とかしないと」と不安を抱く')."""
    start = max(0, lo - CARRIED_CHARS)
    if start >= lo:
        return []
    tokens = [t for t in _document_tokens(ctx.text, analyse) if start <= t.start and t.end <= lo]
    topics = [
        p
        for p in _phrases(tokens, ctx.text)
        if p.after is not None
        and p.after.role == "topic"
        and {t.role for t in p.tokens} & {"name", "pron", "title"}
    ]
    if not topics:
        return []
    p = topics[-1]
    feats = {"cjk": 1.0, "cjk:carried_topic": 1.0, "cjk:name": 1.0}
    return [
        Candidate(Mention(ctx.text[p.start : p.end], p.start, p.end, _kind(p)), None, "continuation", feats)
    ]


_SOURCE_TAIL = re.compile(r"\s*(?:[=＝―—].{0,40})?\s*")  # =9月14日付『毎日新聞』: where it was printed


def _next_line_subject(ctx: Context) -> Mention | None:
    """A quote alone on its line (a dateline and paper after it at most), as a digest of remarks
    prints them: 「…」=14日付『読売新聞』 then '小渕優子選対委員長=写真=が記者会見で、…について。' The
    person the next line makes its subject said it."""
    analyse = analyser(ctx.lex.lang)
    text, span = ctx.text, ctx.span
    last = ctx.paras[min(span.paragraph + len(span.pieces) - 1, len(ctx.paras) - 1)]
    if analyse is None or not ctx.opens_sentence or last.index + 1 >= len(ctx.paras):
        return None
    if not _SOURCE_TAIL.fullmatch(text, span.outer_end, last.end):
        return None
    nxt = ctx.paras[last.index + 1]
    end = min(nxt.end, nxt.start + WINDOW)
    tokens = analyse(text[nxt.start : end], nxt.start)
    phrases = _phrases(tokens, text)
    said = _whose_words(text, tokens, phrases, ctx.lex)
    if said is not None:
        return said
    for p in phrases:
        marked = p.after is not None and p.after.role in ("topic", "subject")
        if marked and {t.role for t in p.tokens} & {"name", "title", "pron"}:
            return Mention(text[p.start : p.end], p.start, p.end, _kind(p))
    return None


def _whose_words(text: str, tokens: list[Token], phrases: list[Phrase], lex: Lexicon) -> Mention | None:
    """'학부모 최모(42)씨의 말이다.': a line that ends saying whose words these were (key
    `speech_nouns`: 말, 설명, 주장)."""
    for i in range(len(tokens) - 1, 0, -1):
        if tokens[i].text in lex.speech_nouns and tokens[i - 1].role == "genitive":
            if len(tokens) - i > 4:  # 의 말이다. ends the line
                return None
            owner = [p for p in phrases if p.end <= tokens[i - 1].start and _can_speak(p, lex)]
            if not owner or tokens[i - 1].start - owner[-1].end > 8:  # 최모(42)씨의
                return None
            p = owner[-1]
            names = [k for k, t in enumerate(p.tokens) if t.role == "name"]
            start = p.tokens[names[-1]].start if names else p.start  # 학부모 최모씨: the name
            return Mention(text[start : p.end], start, p.end, _kind(p))
    return None


def _protagonist(ctx: Context, analyse: Analyser, seen: set[tuple[int, int]]) -> list[Candidate]:
    """The person the article is about, named most often: in an interview ('――質問' then the
    answer) or a profile, a quote nobody near it speaks is theirs."""
    found = _names(ctx.text, analyse)
    if not found:
        return []
    count, start, end = found
    if (start, end) in seen or start >= ctx.span.outer_start:
        return []
    feats = {"cjk": 1.0, "cjk:protagonist": 1.0, "cjk:name": 1.0, "cjk:protagonist_count": min(count, 8) / 8}
    return [Candidate(Mention(ctx.text[start:end], start, end, "name"), None, "protagonist", feats)]


@lru_cache(maxsize=8)
def _document_tokens(text: str, analyse: Analyser) -> list[Token]:
    """The whole document's tokens, analysed once for all its quotes."""
    return analyse(text, 0)


@lru_cache(maxsize=8)
def _names(text: str, analyse: Analyser) -> tuple[int, int, int] | None:
    """(times named, where first named) of the person a document names most, twice at least."""
    counts: Counter[str] = Counter()
    first: dict[str, tuple[int, int]] = {}
    for p in _phrases(_document_tokens(text, analyse), text):
        names = [t for t in p.tokens if t.role == "name"]
        if names:
            counts[names[0].text] += 1
            first.setdefault(names[0].text, (p.start, p.end))
    if not counts:
        return None
    key, count = counts.most_common(1)[0]
    return (count, *first[key]) if count >= 2 else None


def _window(text: str, start: int, end: int, ctx: Context) -> tuple[int, int, int]:
    """(start of the previous sentence, start of the quote's sentence, end of its sentence),
    inside the paragraphs around the quote; stops inside other quotes do not count."""
    para_lo = ctx.para.start
    last = ctx.paras[min(ctx.span.paragraph + len(ctx.span.pieces) - 1, len(ctx.paras) - 1)]
    lo = max(para_lo, start - WINDOW)
    stops = [m.start() for m in _STOPS.finditer(text, lo, start) if not _quoted(text, m.start(), para_lo)]
    sentence = stops[-1] + 1 if stops else para_lo
    previous = lo  # the topic may be carried from any earlier sentence of the paragraph
    if sentence == para_lo and ctx.para.index > 0:  # the quote opens its paragraph: read the one before
        prev_para = ctx.paras[ctx.para.index - 1]
        previous = max(prev_para.start, para_lo - WINDOW)
    m = _STOPS.search(text, end, min(last.end, end + WINDOW))
    while m is not None and _quoted(text, m.start(), end):
        m = _STOPS.search(text, m.end(), min(last.end, end + WINDOW))
    return previous, sentence, m.start() if m else min(last.end, end + WINDOW)


def _quoted(text: str, pos: int, lo: int) -> bool:
    """Is `pos` inside a quotation opened after `lo`? (Counting marks: 「 opens, 」 closes.)"""
    depth = 0
    for ch in text[lo:pos]:
        if ch in "「『“《":
            depth += 1
        elif ch in "」』”》" and depth:
            depth -= 1
    return depth > 0


_ASIDES = {"(": ")）", "（": ")）", "=": "=＝", "＝": "=＝"}  # an aside's opener -> its closers


_ASIDE_GAP = re.compile(r"\s?(?:\([^()\n]{0,12}\)|（[^（）\n]{0,12}）|[=＝][^=＝\n]{0,12}[=＝])\s?")


def _without_asides(tokens: list[Token]) -> list[Token]:
    """Drop a short aside after a noun, 松岡サチエさん(78)は: the particle marks the noun."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        closer = _ASIDES.get(tok.text)  # 松岡サチエさん(78)は, 岡田彰布監督=写真=が
        if closer is not None and out and out[-1].role in PHRASE_ROLES:
            close = next((j for j in range(i + 1, min(i + 8, len(tokens))) if tokens[j].text in closer), None)
            if close is not None:
                i = close + 1
                continue
        out.append(tok)
        i += 1
    return out


def _phrases(tokens: list[Token], text: str) -> list[Phrase]:
    """Runs of name and noun tokens, not across a line break (a headline is not its next line's name)."""
    tokens = _without_asides(tokens)
    out: list[Phrase] = []
    run: list[Token] = []
    for i, tok in enumerate(tokens):
        joins = (
            run
            and (tok.start - run[-1].end <= 1 or _ASIDE_GAP.fullmatch(text, run[-1].end, tok.start))
            and tok.end - run[0].start <= MAX_PHRASE_CHARS
            and "\n" not in text[run[-1].end : tok.start]
        )
        if tok.role in PHRASE_ROLES and (not run or joins):
            run.append(tok)
            continue
        if run:
            out.append(Phrase(tuple(run), tok, tuple(tokens[i : i + 4])))
            run = []
        if tok.role == "pron":
            out.append(Phrase((tok,), *_next(tokens, i + 1)))
        elif tok.role in PHRASE_ROLES:
            run = [tok]
    if run:
        out.append(Phrase(tuple(run), None, ()))
    return out


def _next(tokens: list[Token], i: int) -> tuple[Token | None, tuple[Token, ...]]:
    return (tokens[i] if i < len(tokens) else None, tuple(tokens[i : i + 4]))


def _can_speak(p: Phrase, lex: Lexicon) -> bool:
    roles = {t.role for t in p.tokens}
    if roles & {"name", "org", "pron"}:
        return True
    words = "".join(t.text for t in p.tokens)
    core = len(p.tokens)
    while core > 1 and p.tokens[core - 1].role == "suffix":
        core -= 1  # 전문가들, 记者们, 記者たち: the plural ending does not change who speaks
    stem = "".join(t.text for t in p.tokens[:core])
    nouns = (*lex.person_nouns, *lex.org_nouns, *lex.titles)
    return "title" in roles or any(words.endswith(n) or stem.endswith(n) for n in nouns)


def _kind(p: Phrase) -> str:
    roles = {t.role for t in p.tokens}
    if roles == {"pron"}:
        return "pronoun"
    return "name" if roles & NAME_ROLES else "nominal"


def _features(
    p: Phrase, ctx: Context, sentence: int, before: list[Phrase], marked: Phrase | None
) -> dict[str, float]:
    """`marked`: the nearest topic or subject before the quote in its sentence (found once per quote)."""
    span = ctx.span
    roles = {t.role for t in p.tokens}
    feats: dict[str, float] = {"cjk": 1.0}
    for role in ("name", "org", "place", "title", "pron"):
        if role in roles:
            feats[f"cjk:{role}"] = 1.0
    if p.end <= span.outer_start:
        gap = span.outer_start - p.end
        feats["cjk:before" if p.start >= sentence else "cjk:previous"] = 1.0
        if p in before:
            rank = len(before) - 1 - before.index(p)
            feats[f"cjk:nearest{min(rank, 2)}"] = 1.0
    else:
        gap = p.start - span.outer_end
        feats["cjk:after"] = 1.0
        if any(t.role == "verb" for t in p.after2):
            feats["cjk:between_quote_and_cue"] = 1.0
    feats["cjk:distance"] = math.log1p(max(gap, 0)) / math.log1p(WINDOW)
    marker = p.after.role if p.after is not None and p.after.role in MARKERS else "none"
    feats[f"cjk:marked_{marker}"] = 1.0
    if marker in ("topic", "subject"):  # 公明党幹部も「…」と: a subject in the quote's own sentence
        where = next(k for k in ("before", "previous", "after") if f"cjk:{k}" in feats)
        feats[f"cjk:{marker}@{where}"] = 1.0
        if p is marked:
            feats["cjk:nearest_marked"] = 1.0
    words = "".join(t.text for t in p.tokens)
    if any(a in words for a in ctx.lex.askers):  # “今年是否有更多惠港政策?”: the reporter asks
        feats["cjk:asker_question" if _question(ctx) else "cjk:asker"] = 1.0
    if any(words.endswith(n) for n in ctx.lex.org_nouns):
        feats["cjk:org_noun"] = 1.0  # 自民党, 外務省: a body, whatever the tagger called it
    verb = next((t for t in p.after2[:3] if t.role == "verb"), None)
    if verb is not None and _reporting(verb.text, ctx.lex):
        feats["cjk:cue_follows"] = 1.0
    head = ctx.text[p.end : span.outer_start].strip()
    if p.end <= span.outer_start and len(head) <= 12 and head.endswith((":", "：")):
        feats["cjk:colon_before_quote"] = 1.0
    return feats


_CLAUSE_MARKS = frozenset("，,；;：:、")


def _cue_subjects(tokens: list[Token], before: list[Phrase], ctx: Context, sentence: int) -> set[Phrase]:
    """Phrases that open a clause whose verb reports speech, before the quote in its sentence:
    梅德韦杰夫在社交媒体上发帖称，泽连斯基受到“狠狠一击” (the speaker is who 称, not who is named
    next to the quote)."""
    index = {t.start: k for k, t in enumerate(tokens)}
    found: set[Phrase] = set()
    for p in before:
        k = index.get(p.start)
        if k is None:
            continue
        prev = tokens[k - 1] if k else None
        if prev is not None and prev.start >= sentence and prev.role != "punct":
            continue  # not the first words of its clause
        for t in tokens[k + len(p.tokens) :]:
            if t.start >= ctx.span.outer_start or t.text in _CLAUSE_MARKS:
                break
            if t.role == "verb" and _reporting(t.text, ctx.lex):
                found.add(p)
                break
    return found


def _question(ctx: Context) -> bool:
    quoted = ctx.text[ctx.span.start : ctx.span.end].rstrip(" 」』”’\"'。.!！")
    return quoted.endswith(ctx.lex.question_endings)


def _nearest_marked(before: list[Phrase]) -> Phrase | None:
    """The phrase nearest the quote, before it in its sentence, marked as topic or subject."""
    return next(
        (p for p in reversed(before) if p.after is not None and p.after.role in ("topic", "subject")), None
    )


def _reporting(word: str, lex: Lexicon) -> bool:
    return bool(word) and any(word.startswith(v) or v.startswith(word) for v in lex.verb_set)
