"""Attribution rules for Japanese and Chinese: 「…」と述べた with the topic as speaker, 王毅说：“…”."""

from __future__ import annotations

import regex as re

from quotes.attribution.cjk import cue_subject
from quotes.attribution.context import Attribution, Context, Rule, result
from quotes.cues import Mention
from quotes.sentences import sentence_start


def _topic_cue(ctx: Context) -> Attribution | None:
    """「…」と述べた: the cue follows the quote, the speaker is the topic (は/が) before it,
    in the quote's sentence or the one before."""
    if ctx.pat.ja_after is None:
        return None
    m = ctx.pat.ja_after.match(ctx.after)
    if not m:
        return _following(ctx)
    between = m.groupdict().get("between")
    inside = ctx.pat.ja_topic.search(between) if between else None
    if inside:  # 「安全が第一だ」と国土交通相は述べた
        start = ctx.span.outer_end + m.start("between") + inside.start("name")
        name = inside.group("name")
        return result(ctx, Mention(name, start, start + len(name), "name"), m.group("cue"), "topic-cue")
    window_start = sentence_start(ctx.text, ctx.para, max(ctx.para.start, ctx.before_start - 1))
    topics = list(ctx.pat.ja_topic.finditer(ctx.text, window_start, ctx.span.outer_start))
    if not topics:
        return None
    t = topics[-1]
    return result(
        ctx, Mention(t.group("name"), t.start("name"), t.end("name"), "name"), m.group("cue"), "topic-cue"
    )


def _following(ctx: Context) -> Attribution | None:
    """「全力で取り組む」。石破茂首相は記者団にこう語った: the next sentence says who said it."""
    m = ctx.pat.ja_following.match(ctx.after) if ctx.pat.ja_following is not None else None
    if m is None:
        return None
    start = ctx.span.outer_end + m.start("name")
    name = m.group("name")
    return result(ctx, Mention(name, start, start + len(name), "name"), m.group("cue"), "following-sentence")


def _reported_clause(ctx: Context) -> Attribution | None:
    """梅德韦杰夫在社交媒体上发帖称，泽连斯基受到“狠狠一击”: the quote is in the clause a reporting
    verb introduces; its subject is the speaker (cjk.cue_subject)."""
    found = cue_subject(ctx)
    return result(ctx, found[0], found[1], "reported-clause") if found is not None else None


def _zh_before(ctx: Context) -> Attribution | None:
    """王毅说：“…”"""
    m = ctx.pat.zh_before.search(ctx.before)
    if not m:
        return None
    return result(ctx, _zh_mention(ctx, m, ctx.before_start), m.group("cue"), "speaker-cue-quote")


def _zh_after(ctx: Context) -> Attribution | None:
    """“…”王毅表示"""
    m = ctx.pat.zh_after.match(ctx.after)
    if not m:
        return None
    return result(ctx, _zh_mention(ctx, m, ctx.span.outer_end), m.group("cue"), "quote-speaker-cue")


def _zh_mention(ctx: Context, m: re.Match[str], offset: int) -> Mention:
    name, start = m.group("name"), offset + m.start("name")
    opener = max(
        (c for c in ctx.lex.clause_words if name.startswith(c) and len(name) > len(c)), key=len, default=""
    )
    name, start = name[len(opener) :], start + len(opener)  # 但他 -> 他
    kind = "pronoun" if name in ctx.lex.pronouns else "name"
    return Mention(name, start, start + len(name), kind)


CJK_RULES: tuple[Rule, ...] = (_topic_cue, _zh_before, _zh_after, _reported_clause)
