"""Speaker candidates for one quote, each with the evidence for it as features.

A candidate is a mention near the quote. It comes from any of three places: a rule that
proposes it (every rule runs and none wins outright, so a rule is one piece of evidence, not
a verdict), a plain reading of the quote's sentence and the one before it for every name,
description or pronoun, or the speaker of the quote before it. The features describe what
transfers from one article to the next: which rules agree, where the mention stands
(before or after the quote, in its sentence or the previous one, how far), what it looks like
(a full name, a lone capitalised word, a description with a speaker noun, a pronoun), and
whether a reporting verb stands next to it. `ranker.py` weighs them.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache

import regex as re

from quotes.attribution.context import CJK_LANGS, Attribution, Context
from quotes.attribution.text_index import blank
from quotes.attribution.verb_second import speaker_noun, subject_case
from quotes.cues import NAME, Mention, mention_in
from quotes.extract import Paragraph
from quotes.lexicon import Lexicon
from quotes.sentences import sentence_start

_CAPITAL_NEXT = re.compile(r"\s*\p{Lu}")

# rules whose evidence lets a neighbouring quote borrow their speaker
STRONG = frozenset(
    {
        "stanza-dep",
        "quote-signed",
        "quote-cue-speaker",
        "quote-speaker-cue",
        "cue-speaker-quote",
        "speaker-cue-quote",
        "colon",
        "topic-cue",
        "reported-clause",
    }
)
# constructions whose grammar names the speaker outright: no other candidate is read
DECISIVE = frozenset({"object_speaker"})
MAX_DISTANCE = 400  # characters; farther mentions are not read as candidates
MAX_NEARBY = 12  # mentions on each side of a quote read as candidates, the closest first
LABEL_CHARS = 120  # a line this short, with no full stop, above a quote is a label


@dataclass(frozen=True)
class Candidate:
    mention: Mention
    cue: str | None
    method: str  # the most precise rule that proposed it, or continuation / nearby
    features: Mapping[str, float] = field(default_factory=dict)


Proposal = tuple[str, Attribution]  # (rule name, what the rule found)


@dataclass(frozen=True)
class Neighbours:
    """What the quotes around this one say: the previous quote's speaker (when this quote
    continues it) and the next quote's speaker (when a strong cue after it names it in the
    same sentence)."""

    previous: Attribution | None = None
    previous_paragraph: bool = False  # the previous quote ended in an earlier paragraph
    following: Attribution | None = None


def gather(
    ctx: Context,
    proposals: list[Proposal],
    neighbours: Neighbours,
    quoted: Callable[[int], bool],
    extra: Iterable[Candidate] = (),
) -> list[Candidate]:
    """Every candidate for the quote in `ctx`, merged by mention span. `quoted(pos)` says
    whether a position lies inside a quotation (nobody inside a quote is its speaker)."""
    found: dict[tuple[int, int], _Builder] = {}

    def add(
        mention: Mention,
        cue: str | None,
        method: str,
        features: Mapping[str, float],
        described: dict[str, float] | None = None,
    ) -> None:
        if quoted(mention.start):
            return
        key = (mention.start, mention.end)
        if key not in found:
            if described is None:
                described = _described(ctx, mention)
            found[key] = _Builder(mention, cue, method, described)
        b = found[key]
        for name, value in features.items():
            b.features[name] = max(b.features.get(name, 0.0), value)
        if b.method in ("nearby", "continuation") and method not in ("nearby", "continuation"):
            b.method, b.cue = method, cue or b.cue

    for rank, (rule, attr) in enumerate(proposals):
        if attr.mention is not None:
            feats = {f"rule:{rule}": 1.0, "proposed": 1.0}
            if rank == 0:
                feats["rule_first"] = 1.0
            if attr.method in STRONG:  # pooled: a rare precise rule borrows the others' record
                feats["rule_strong"] = 1.0
            add(attr.mention, attr.cue, attr.method, feats)
    prev = neighbours.previous
    if prev is not None and prev.mention is not None:
        feats = {"continuation": 1.0}
        if prev.method in STRONG:
            feats["continuation_strong"] = 1.0
        if neighbours.previous_paragraph:
            feats["continuation_paragraph"] = 1.0
        add(prev.mention, prev.cue, "continuation", feats)
    nxt = neighbours.following
    if nxt is not None and nxt.mention is not None:
        add(nxt.mention, nxt.cue, "continuation", {"next_strong": 1.0})
    if any(rule in DECISIVE for rule, _ in proposals):  # "zitiert einen Augenzeugen mit den Worten"
        return [c for c in _finish(found) if any(f"rule:{r}" in c.features for r in DECISIVE)]
    for mention in nearby(ctx):
        same = next((b for b in found.values() if _overlap(b.mention, mention)), None)
        if same is not None:  # "Said Ellis" read plainly, "Ellis" by a rule: one candidate
            same.features["nearby"] = 1.0
            continue
        feats = mention_features(ctx, mention)
        antecedent = _antecedent(ctx, mention)
        if feats.keys() & {"after_preposition", "not_nominative", "in_parenthesis"} and not antecedent:
            continue  # "in Tulsa", "den Aufsichtsrat", "(…, Le Monde)": the grammar rules out a subject
        add(
            mention,
            None,
            "nearby",
            {"nearby": 1.0, **_label(ctx, mention), **antecedent},
            _described(ctx, mention, feats),
        )
    if prev is not None and prev.mention is not None:  # "Sie sagte, … „…“. Sie seien „…“": named again
        for b in found.values():
            if b.mention != prev.mention and _same_words(b.mention, prev.mention):
                b.features["same_as_previous"] = 1.0
                if b.method == "nearby":
                    b.method, b.cue = "continuation", prev.cue
    for c in extra:  # after the repeated-name check: on the CJK develop half it helps the reader less
        add(c.mention, c.cue, c.method, c.features)
    antecedents = [b.mention.start for b in found.values() if "relative_antecedent" in b.features]
    if antecedents:  # the quote is inside "…, who had asked her to ‘manage’": that clause has its subject
        found = {
            k: b
            for k, b in found.items()
            if not ("relative_between" in b.features and b.mention.end <= max(antecedents))
        }
    return _finish(found)


def _described(ctx: Context, mention: Mention, features: dict[str, float] | None = None) -> dict[str, float]:
    """A mention's own features. Chinese, Japanese and Korean candidates keep only their kind:
    the morphological reader (cjk.py) describes them, and the Latin-script shape features
    (capitals, words, distance in characters) only doubled its evidence on a small fit
    (5-fold CV on the develop half: 74 -> 75 of 96 at C=1, 74 -> 77 at C=0.3)."""
    if ctx.lex.lang in CJK_LANGS:
        return {f"kind:{mention.kind}": 1.0}
    return features if features is not None else mention_features(ctx, mention)


def _finish(found: Mapping[tuple[int, int], _Builder]) -> list[Candidate]:
    for b in found.values():  # agreement: how many rules named this mention
        b.features["rules_n"] = min(3.0, sum(1.0 for k in b.features if k.startswith("rule:"))) / 3
    return [Candidate(b.mention, b.cue, b.method, b.features) for b in found.values()]


def _overlap(a: Mention, b: Mention) -> bool:
    return min(a.end, b.end) > max(a.start, b.start)


def _same_words(a: Mention, b: Mention) -> bool:
    """The same pronoun, or names that share their last word ('Takaichi', 'Sanae Takaichi')."""
    if a.kind == "pronoun" or b.kind == "pronoun":
        return a.kind == b.kind and a.text.lower() == b.text.lower()
    return a.text.split()[-1].lower() == b.text.split()[-1].lower()


@dataclass
class _Builder:
    mention: Mention
    cue: str | None
    method: str
    features: dict[str, float]


@cache
def mention_re(lex: Lexicon) -> re.Pattern[str]:
    """The mention pattern, tried only where a word starts: a scan of the text then skips the
    other positions at once, and "other" holds no "her"."""
    from quotes.cues import patterns

    return re.compile(rf"(?<![\p{{L}}\p{{M}}\p{{N}}])(?=\p{{L}})(?:{patterns(lex).mention})")


@cache
def _relative_re(lex: Lexicon) -> re.Pattern[str]:
    return re.compile(rf",\s*(?:{'|'.join(map(re.escape, lex.relatives))})(?!\p{{L}})")


def _antecedent(ctx: Context, mention: Mention) -> dict[str, float]:
    """'… with President Donald Trump, who had asked her to ‘manage’ …': the mention a relative
    pronoun stands for is the subject of the clause that holds the quote."""
    lex = ctx.lex
    if not lex.relatives or mention.end > ctx.span.outer_start:
        return {}
    m = _COMMA_WORD.match(ctx.text[mention.end : mention.end + 20])
    if m is None or m.group(1).lower() not in lex.relatives or mention.kind == "pronoun":
        return {}
    rest = ctx.text[mention.end + m.end() : ctx.span.outer_start]
    return {} if _CLAUSE_BREAK.search(rest) else {"relative_antecedent": 1.0}


_COMMA_WORD = re.compile(r",\s*(\S+)")
_CLAUSE_BREAK = re.compile(r"[,;:.!?]")


def _label(ctx: Context, mention: Mention) -> dict[str, float]:
    """A short line of its own right above a quote that opens its paragraph names its speaker:
    'Christian Jacob, président de Les Républicains' then '« … »'; an interview's 'PENCE:'."""
    para = ctx.para
    if para.index == 0 or not blank(ctx.text, para.start, ctx.span.outer_start):
        return {}
    label = ctx.paras[para.index - 1]
    line = ctx.text[label.start : label.end].strip()
    if not label.start <= mention.start < label.end:
        return {}
    if line.endswith((":", "：")):  # "Y el alcalde, sin cambiar el gesto, sentenció:" then the quote
        return {"colon_intro": 1.0}
    if len(line) > LABEL_CHARS or line.endswith((".", "!", "?")):
        return {}
    return {"label_line": 1.0}


def nearby(ctx: Context) -> list[Mention]:
    """Every name, description or pronoun in the quote's sentence and the sentence before it
    (the paragraph before, when the quote opens its own)."""
    text, para = ctx.text, ctx.para
    lo = sentence_start(text, para, ctx.sentence - 1) if ctx.sentence > para.start else ctx.sentence
    if lo == para.start and para.index > 0 and blank(text, para.start, ctx.span.outer_start):
        previous = ctx.paras[para.index - 1]
        lo = sentence_start(text, previous, previous.end)
    lo = max(lo, ctx.span.outer_start - MAX_DISTANCE)
    hi = min(ctx.span.outer_end + len(ctx.after_sentence), ctx.span.outer_end + MAX_DISTANCE)
    quoted = text[ctx.span.start : ctx.span.end].rstrip()
    if quoted.endswith((".", "!", "?", "。", "！", "？")) and _CAPITAL_NEXT.match(ctx.after):
        hi = ctx.span.outer_end  # “The plan is dead.” Bo Chen says …: the next sentence is another's
    # only the nearest can be kept (MAX_NEARBY, of which FAR_SIDE_KEPT beyond the neighbour)
    keep = MAX_NEARBY + FAR_SIDE_KEPT
    before = _mentions_within(ctx, lo, ctx.span.outer_start, keep, nearest_last=True)
    after = _mentions_within(ctx, ctx.span.outer_end, hi, keep)
    before = _far_side_trimmed(before, lambda m: m.end <= ctx.previous_end, reverse=True)
    after = _far_side_trimmed(after, lambda m: 0 <= ctx.next_start <= m.start, reverse=False)
    # the closest on each side: a page of bare capitals ("X X X …") must not cost quotes x names
    return before[-MAX_NEARBY:] + after[:MAX_NEARBY]


FAR_SIDE_KEPT = 3  # mentions read beyond the neighbouring quote, on each side


def _far_side_trimmed(
    mentions: list[Mention], far: Callable[[Mention], bool], reverse: bool
) -> list[Mention]:
    """The mentions up to the neighbouring quote, and only the nearest FAR_SIDE_KEPT beyond it:
    'Smith said “a” and “b”' keeps Smith for “b”; a page of “a” ― X “a” ― X … does not give every
    quote every X."""
    near = [m for m in mentions if not far(m)]
    beyond = [m for m in mentions if far(m)]
    beyond = beyond[-FAR_SIDE_KEPT:] if reverse else beyond[:FAR_SIDE_KEPT]
    return beyond + near if reverse else near + beyond


def _mentions_within(
    ctx: Context, lo: int, hi: int, keep: int | None = None, nearest_last: bool = False
) -> list[Mention]:
    """The mentions matched inside [lo, hi) in text order, read from each paragraph's mentions
    (found once per paragraph, not once per quote: a paragraph of many quotes is scanned one
    time); with `keep`, only that many at the end (`nearest_last`) or at the start of the window."""
    paras = ctx.paras[max(0, _para_of(ctx, lo)) : _para_of(ctx, max(lo, hi - 1)) + 1]
    found: list[Mention] = []
    for para in reversed(paras) if nearest_last else paras:
        if para.end <= lo or para.start >= hi:
            continue
        starts, matches = _paragraph_mentions(ctx.text, para.start, para.end, ctx.lex)
        inside = range(bisect_left(starts, lo), bisect_left(starts, hi))
        for k in reversed(inside) if nearest_last else inside:
            (_, m_end), mention = matches[k]
            if m_end > hi:
                continue  # straddles the window's end
            found.append(mention)
            if keep is not None and len(found) >= keep:
                return found[::-1] if nearest_last else found
    return found[::-1] if nearest_last else found


@lru_cache(maxsize=64)
def _paragraph_mentions(
    text: str, start: int, end: int, lex: Lexicon
) -> tuple[list[int], list[tuple[tuple[int, int], Mention]]]:
    """Every speaker mention of one paragraph, with the span its pattern matched, in order."""
    matches = []
    for m in mention_re(lex).finditer(text, start, end):
        mention = mention_in(m, 0, lex)
        if mention is not None:
            matches.append((m.span(), mention))
    return [span[0] for span, _ in matches], matches


@lru_cache(maxsize=8)
def _document_words(text: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(lower-case words, words of multi-word capitalised names, capitalised words seen
    after a lower-case word) of a document, computed once per document."""
    lower = frozenset(re.findall(r"(?<![\p{L}\p{M}])\p{Ll}[\p{L}\p{M}'’\-]*", text))
    in_names = frozenset(
        w for m in re.finditer(NAME, text) if " " in m.group() for w in m.group().split()[1:]
    )
    mid = frozenset(re.findall(r"(?<=[\p{Ll},;]\s+)\p{Lu}[\p{L}\p{M}'’\-]*", text))
    return lower, in_names, mid


def mention_features(ctx: Context, mention: Mention) -> dict[str, float]:
    """What a mention looks like and where it stands relative to the quote."""
    text, lex, span = ctx.text, ctx.lex, ctx.span
    feats: dict[str, float] = {f"kind:{mention.kind}": 1.0}
    sentence_end = span.outer_end + len(ctx.after_sentence)
    if mention.end <= span.outer_start:
        gap = span.outer_start - mention.end
        where = "before" if mention.start >= ctx.sentence else "previous"
    else:
        gap = max(0, mention.start - span.outer_end)
        where = "after" if mention.start <= sentence_end else "later"
    feats[f"pos:{where}"] = 1.0
    feats["distance"] = math.log1p(gap) / math.log1p(MAX_DISTANCE)
    if gap <= 3:
        feats["adjacent"] = 1.0
    feats.update(_shape(text, mention, lex, ctx.paras[_para_of(ctx, mention.start)]))
    if where == "before" and lex.relatives:
        between = text[mention.end : span.outer_start].lower()
        rel = _relative_re(lex).search(between)
        if rel is not None and rel.start() > 0:  # right after the mention it is the antecedent's clause
            feats["relative_between"] = 1.0  # "Takaichi sought …, who had asked her to ‘manage’"
    return feats


@lru_cache(maxsize=4096)
def _shape(text: str, mention: Mention, lex: Lexicon, para: Paragraph) -> dict[str, float]:
    """The features of a mention that do not depend on the quote: found once though every quote
    near it asks (a paragraph of many short quotes asks for the same mentions again and again).
    Callers copy it."""
    feats: dict[str, float] = {}
    words = mention.text.split()
    head = text[max(0, mention.start - 40) : mention.start]
    starts = sentence_start(text, para, mention.start)
    if not text[starts : mention.start].strip():
        feats["sentence_initial"] = 1.0
    before_words = [w.lower().strip(",;:(") for w in head.split()]
    prev_word = before_words[-1] if before_words else ""
    governing = next((w for w in reversed(before_words[-3:]) if w not in lex.determiner_set), "")
    if prev_word in lex.prepositions or governing in lex.prepositions:
        feats["after_preposition"] = 1.0  # "in Tulsa", "en la Nochebuena"
    if _in_parenthesis(text, mention.start):
        feats["in_parenthesis"] = 1.0  # "« … » (11/06/2020, Le Monde)": where it was said, not who
    after = text[mention.end : mention.end + 40].lower()
    if any(w.strip(",.:;") in lex.verb_set for w in after.split()[:3]):
        feats["verb_after"] = 1.0
    if prev_word.strip(".,") in lex.verb_set:
        feats["verb_before"] = 1.0
    if mention.kind == "name":
        lower, in_names, mid = _document_words(text)
        feats["words"] = min(len(words), 4) / 4
        if len(words) == 1:
            feats["one_word"] = 1.0
            word = words[0]
            if word.lower() in lower:
                feats["lower_elsewhere"] = 1.0
            if word in in_names:
                feats["surname_of_name"] = 1.0
            if word in mid:
                feats["capital_mid_sentence"] = 1.0
    elif mention.kind == "nominal":
        if any(speaker_noun(w, lex) for w in words):
            feats["speaker_noun"] = 1.0
        if words[0].lower() in lex.oblique_determiners:
            feats["oblique"] = 1.0
            if words[0].lower() in lex.prepositions:  # "al procesado", "du maire": a + el, de + le
                feats["after_preposition"] = 1.0
        if lex.verb_second and not subject_case(mention, lex, initial=True):
            feats["not_nominative"] = 1.0  # "der Bundesregierung", "den Aufsichtsrat"
    else:
        gender = lex.pronouns.get(mention.text.lower(), "")
        feats[f"pronoun:{gender or 'x'}"] = 1.0
    return feats


def _in_parenthesis(text: str, pos: int) -> bool:
    """Is `pos` inside a short parenthesis on its line?"""
    lo = max(0, pos - 60)  # a parenthesis opened farther back does not count: look no farther
    line_start = max(lo, text.rfind("\n", lo, pos) + 1)
    opened = text.rfind("(", line_start, pos)
    return opened >= 0 and text.find(")", opened, pos) < 0


def _para_of(ctx: Context, pos: int) -> int:
    """The paragraph holding `pos`, searched back from the quote's last one (no copy of the list)."""
    for i in range(min(ctx.para.index + len(ctx.span.pieces), len(ctx.paras) - 1), -1, -1):
        if ctx.paras[i].start <= pos:
            return ctx.paras[i].index
    return 0


def best_proposal(proposals: list[Proposal]) -> Attribution | None:
    return next((a for _, a in proposals if a.mention is not None), None)
