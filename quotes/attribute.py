"""Speaker, cue and cited source for each quotation: a sieve of rules, most precise first.

Each rule reads the words around a quote (its sentence, the sentence before, the paragraph
that introduces it with a colon) and the first rule that finds a speaker wins; its name is
recorded in `method` and its confidence reflects how often that rule is right. Quotes no rule
attributes may take the speaker of a neighbouring quote. Mentions become canonical names in
`names.py`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import regex as re

from quotes.cues import Mention, Patterns, clean_name, mention_in, patterns
from quotes.extract import Paragraph, QuoteSpan, title_case_line
from quotes.lexicon import Lexicon

CJK_LANGS = {"ja", "zh", "ko"}


@dataclass(frozen=True)
class Attribution:
    mention: Mention | None
    cue: str | None
    cited_source: str | None
    method: str
    confidence: float


NONE = Attribution(None, None, None, "none", 0.0)

# How often each rule names the right speaker, measured on the English dev data (polnear_dev,
# `quotes eval`) and rounded down, since the rules were written against that data; a lexicon's
# confidence_scale carries them to languages where rules do worse. Rules seen fewer than ~20
# times keep a cautious prior.
CONFIDENCE = {
    "quote-speaker-cue": 0.95,  # 253/254
    "speaker-cue-quote": 0.93,  # 76/79
    "quote-cue-speaker": 0.9,  # 64/69
    "colon": 0.85,
    "colon-subject": 0.75,
    "quote-signed": 0.9,
    "topic-cue": 0.8,
    "continuation": 0.8,  # 137/147
    "cue-speaker-quote": 0.75,
    "sentence-cue": 0.8,  # 159/167
    "participle": 0.75,  # 16/16
    "previous-sentence": 0.7,  # 16/16, and 4/4 in German
    "according-to": 0.7,
    "sentence-subject": 0.7,  # 31/33; 4/8 in German
    "previous-subject": 0.5,
    "following-sentence": 0.6,
    "document": 0.6,
}
PRONOUN_FACTOR = 0.95  # the mention is right, but the name it resolves to may not be
STRONG = {
    "stanza-dep",
    "quote-signed",
    "quote-cue-speaker",
    "quote-speaker-cue",
    "cue-speaker-quote",
    "speaker-cue-quote",
    "colon",
    "topic-cue",
}
_ABBREVIATION = re.compile(
    r"(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gov|Sen|Rep|Gen|Lt|Col|Prof|Rev|U\.S|U\.N|Inc|Corp|Ltd|Co|etc|vs|"
    r"bzw|z\.B|u\.a|ca|usw|Nr|vgl|evtl|inkl|ggf|d\.h|sog|\p{Lu}|\d{1,2})"
)
# a sentence ends at . ! ? (and a colon before a capitalised word: "Steuern: Die SPD will …")
_SENTENCE_BREAK = re.compile(r"[.!?。！？][\"”’»」“]?\s+|[“”»]?:\s+(?=\p{Lu}\p{Ll})")


@dataclass(frozen=True)
class _Context:
    """What every rule may read about one quote."""

    text: str
    span: QuoteSpan
    para: Paragraph
    paras: list[Paragraph]
    lex: Lexicon
    pat: Patterns
    before: str  # from the start of the quote's sentence (or the previous quote) to the quote
    before_start: int
    after: str  # from the quote to the next quote or the paragraph end
    opens_sentence: bool  # nothing but the quote stands in its sentence before it
    source: str | None


def sentence_start(text: str, para: Paragraph, pos: int) -> int:
    """Start of the sentence holding `pos`, inside its paragraph; abbreviations do not end sentences."""
    for m in reversed(
        list(re.finditer(r"[.!?。！？][\"”’»」“]?\s+|[“”»]?:\s+(?=\p{Lu}\p{Ll})", text[para.start : pos]))
    ):
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


def attribute_spans(
    text: str,
    spans: list[QuoteSpan],
    paras: list[Paragraph],
    lex: Lexicon,
    parsed: list[Attribution | None] | None = None,
) -> list[Attribution]:
    """One attribution per span; `parsed` (from a dependency parse) goes before the rules, and
    unattributed quotes may borrow from their neighbours."""
    results = [
        _attribute_one(
            text, span, spans[i - 1] if i else None, spans[i + 1] if i + 1 < len(spans) else None, paras, lex
        )
        for i, span in enumerate(spans)
    ]
    if parsed is not None:
        results = [p if p is not None else r for p, r in zip(parsed, results, strict=True)]
    for i in range(len(spans) - 2, -1, -1):  # "„X“ hätten „Y“, so Murtha": X is Murtha's too
        if (
            results[i].mention is None
            and results[i + 1].method in STRONG
            and _same_sentence(text, spans[i], spans[i + 1])
        ):
            results[i] = _borrow(results[i + 1], results[i])
    for i in range(1, len(spans)):
        if (
            results[i].mention is None
            and results[i - 1].mention is not None
            and _follows(text, spans[i - 1], spans[i], paras)
        ):
            results[i] = _borrow(results[i - 1], results[i])
    return results


def _same_sentence(text: str, a: QuoteSpan, b: QuoteSpan) -> bool:
    gap = text[a.outer_end : b.outer_start]
    return (
        len(gap) < 120
        and not re.search(r"[.!?\n]", gap)
        and not text[a.start : a.end].rstrip().endswith((".", "!", "?"))
    )


def _follows(text: str, prev: QuoteSpan, span: QuoteSpan, paras: list[Paragraph]) -> bool:
    """The same paragraph, or the next one opened by the quote (the continuation convention)."""
    last_para = paras[min(prev.paragraph + len(prev.pieces) - 1, len(paras) - 1)].index
    if span.paragraph == last_para:
        return True
    para = paras[span.paragraph]
    return span.paragraph == last_para + 1 and not text[para.start : span.outer_start].strip()


def _borrow(donor: Attribution, found: Attribution) -> Attribution:
    confidence = round(min(donor.confidence, CONFIDENCE["continuation"]), 3)
    return Attribution(
        donor.mention, donor.cue, found.cited_source or donor.cited_source, "continuation", confidence
    )


def _attribute_one(
    text: str,
    span: QuoteSpan,
    prev: QuoteSpan | None,
    nxt: QuoteSpan | None,
    paras: list[Paragraph],
    lex: Lexicon,
) -> Attribution:
    pat = patterns(lex)
    last_para = paras[min(span.paragraph + len(span.pieces) - 1, len(paras) - 1)]
    para = paras[span.paragraph]
    after_end = last_para.end
    if nxt is not None and nxt.paragraph <= last_para.index:
        after_end = min(after_end, nxt.outer_start)
    after = text[span.outer_end : min(after_end, span.outer_end + 300)]
    start = sentence_start(text, para, span.outer_start)
    before_start = max(start, prev.outer_end) if prev is not None else start
    before = text[before_start : span.outer_start]
    ctx = _Context(
        text=text,
        span=span,
        para=para,
        paras=paras,
        lex=lex,
        pat=pat,
        before=before,
        before_start=before_start,
        after=after,
        opens_sentence=before_start == start and not before.strip(),
        source=_cited_source(pat, before, after),
    )
    for rule in CJK_RULES if lex.lang in CJK_LANGS else RULES:
        found = rule(ctx)
        if found is not None:
            return found
    return Attribution(None, None, ctx.source, "none", 0.0)


def _result(ctx: _Context, mention: Mention, cue: str | None, method: str) -> Attribution:
    conf = (
        CONFIDENCE[method] * ctx.lex.confidence_scale * (PRONOUN_FACTOR if mention.kind == "pronoun" else 1.0)
    )
    return Attribution(mention, " ".join(cue.split()) if cue else None, ctx.source, method, round(conf, 3))


def _after(
    ctx: _Context, pattern: re.Pattern[str], method: str, *, adjacent: bool = True
) -> Attribution | None:
    """A rule that reads the words right after the quote, unless the quote ended its sentence
    with a full stop: '“… even for him.” She says it underscores …' is the next sentence's.
    An `adjacent` cue must follow a quote that closes a clause."""
    quoted = ctx.text[ctx.span.start : ctx.span.end].rstrip()
    if quoted.endswith(".") and re.match(r"\s*\p{Lu}", ctx.after):
        return None
    if (
        adjacent
        and not ctx.opens_sentence
        and not quoted.rstrip("'’‘\"").endswith((",", ".", "!", "?", "…", "—", "–", "-"))
        and not re.match(r"\s*[,;:—–\-(]", ctx.after)
    ):
        return None  # 'describing as “unhinged” a Donald Trump tweet attacking …': the quote ends no clause
    m = pattern.match(ctx.after)
    mention = mention_in(m, ctx.span.outer_end, ctx.lex) if m else None
    return _result(ctx, mention, m.group("cue"), method) if m and mention else None


def _quote_cue_speaker(ctx: _Context) -> Attribution | None:
    """“…,” said X."""
    return _after(ctx, ctx.pat.after_cue_first, "quote-cue-speaker")


def _quote_speaker_cue(ctx: _Context) -> Attribution | None:
    """“…,” X said."""
    found = _after(ctx, ctx.pat.after_speaker_first, "quote-speaker-cue")
    if found is None and title_case_line(ctx.text, ctx.span, ctx.lex.lower_words):
        return _after(ctx, ctx.pat.headline_after, "sentence-cue", adjacent=False)  # terse: less sure
    return found


def _signed(ctx: _Context) -> Attribution | None:
    """Testimonials and epigraphs: “…” ― Sonya Herridge."""
    m = ctx.pat.signed.match(ctx.after)
    mention = clean_name(m.group("name"), m.start("name"), ctx.lex) if m else None
    return _result(ctx, mention.shifted(ctx.span.outer_end), "―", "quote-signed") if m and mention else None


def _trailing_cue(ctx: _Context) -> Attribution | None:
    """“You squeezed employees” to drive up the price, she said."""
    return _after(ctx, ctx.pat.trailing, "sentence-cue", adjacent=False)


def _possessive_speech(ctx: _Context) -> Attribution | None:
    """Donald Trump’s claim that there have been “thousands of shootings”."""
    for m in _rightmost(ctx.pat.possessive, ctx.before):
        if not re.match(r"\s*(?:that\b|[:,]|$)", m.group("rest")):
            continue  # "called Mr. Obama's remarks on Saturday “…”": the remarks are the object
        mention = clean_name(m.group("name"), m.start("name"), ctx.lex)
        if mention is not None:
            return _result(ctx, mention.shifted(ctx.before_start), m.group("cue"), "sentence-cue")
    return None


def _cue_speaker_quote(ctx: _Context) -> Attribution | None:
    """Verb before subject: 'sagte Filep Karma: „…“', 'bezeichnete er als einen „…“'."""
    for m in _rightmost(ctx.pat.inverted, ctx.before):
        mention = mention_in(m, ctx.before_start, ctx.lex)
        if mention is not None and (
            mention.text.lower() in ctx.lex.object_only_pronouns
            or m.group("cue").lower() in ctx.lex.addressee_verbs
        ):
            continue  # 'before asking her, “…”', 'Mook told CBS, “…”': the one spoken to
        nominative = mention is not None and mention.text.lower() in ctx.lex.nominative_pronouns
        if ctx.lex.verb_second and not nominative and _subject_before_verb(ctx, ctx.before_start + m.start()):
            continue  # 'Sie warf der Bundesregierung vor, …': what follows the verb is its object
        rest = m.group("rest").strip()
        # outside verb-second languages 'says Trump “…”' has Trump as object: need 'said Smith: “'
        adjacent = rest in (",", ":") or (ctx.lex.verb_second and rest == "")
        if mention is not None and not ctx.lex.verb_second and mention.kind == "nominal":
            first = mention.text.split()[0].lower()
            if first not in {d.lower() for d in ctx.lex.determiners}:
                continue  # 'told reporters, “…”': a bare noun after the verb is its object
        if mention is not None and (adjacent or (ctx.lex.verb_second and _subject_case(mention, ctx.lex))):
            return _result(ctx, mention, m.group("cue"), "cue-speaker-quote" if adjacent else "sentence-cue")
    return None


def _subject_case(mention: Mention, lex: Lexicon, *, initial: bool = False) -> bool:
    """After a verb-second verb, only a pronoun, a name or a nominative article is the subject;
    opening the clause (`initial`), any article but an oblique one."""
    words = mention.text.split()
    if mention.kind != "nominal":
        return True
    det = words[0].lower()
    feminine = words[-1].lower().endswith(lex.feminine_suffixes) if lex.feminine_suffixes else False
    if feminine and det == "der":
        return False  # "der Bundesregierung": dative
    return det not in lex.oblique_determiners if initial else det in lex.subject_determiners


def _clause_opens(ctx: _Context, pos: int) -> bool:
    """Does a clause open at `pos`: the sentence start, a comma, a colon or a conjunction?"""
    head = ctx.text[sentence_start(ctx.text, ctx.para, pos) : pos].rstrip()
    words = head.split()
    return (
        not head or head.endswith((",", ":", ";", "(", "–", "-")) or words[-1].lower() in ctx.lex.clause_words
    )


def _subject_before_verb(ctx: _Context, verb_at: int) -> bool:
    """In a verb-second clause, does the subject fill the slot before the verb (or is the verb
    the second of two sharing one subject: '… nicht und nannte sie')?"""
    head = ctx.text[sentence_start(ctx.text, ctx.para, verb_at) : verb_at]
    words = [w.strip(",").lower() for w in head.split()]
    if words and words[-1] in ctx.lex.clause_words:
        return True
    if words and words[0] in ctx.lex.clause_words:
        return False  # 'Nachdem er gefragt wurde, entgegnete Suttner': a clause fills the slot
    m = ctx.pat.clause_subject.match(head + " x")
    mention = mention_in(m, 0, ctx.lex) if m else None
    if mention is None or head[: mention.start].strip() or not _subject_case(mention, ctx.lex, initial=True):
        return False
    return not any(w in ctx.lex.verb_set or w in ctx.lex.clause_words for w in words[1:])


def _quote_auxiliary_speaker(ctx: _Context) -> Attribution | None:
    """„…“, hatte VW-Chef Winterkorn in einem Interview erklärt."""
    return _after(ctx, ctx.pat.after_auxiliary, "quote-speaker-cue")


def _participle(ctx: _Context) -> Attribution | None:
    """'Trump attacked Clinton for her support of the war, saying, “…”': the clause's subject speaks."""
    m = ctx.pat.participle.search(ctx.before)
    if not m or ctx.before_start != sentence_start(ctx.text, ctx.para, ctx.span.outer_start):
        return None
    head = ctx.pat.clause_subject.match(ctx.before)
    mention = mention_in(head, ctx.before_start, ctx.lex) if head else None
    if mention is None or mention.end > ctx.before_start + m.start():
        return None
    return _result(ctx, mention, m.group("cue"), "participle")


def _speaker_cue_quote(ctx: _Context) -> Attribution | None:
    found = _rightmost(ctx.pat.before, ctx.before) + _rightmost(ctx.pat.gerund, ctx.before)
    for m in sorted(found, key=lambda m: -m.start("cue")):
        mention = mention_in(m, ctx.before_start, ctx.lex)
        if mention is not None and ctx.lex.verb_second and not _clause_opens(ctx, mention.start):
            continue  # 'erläutert die Arbeitshypothese, …, so:': an object, not 'X sagte:' or 'wie X sagte'
        if mention is not None:
            method = _by_rest(m.group("rest"))
            if method == "sentence-cue":
                outer = _outer_speaker(ctx, m.start())
                if outer is not None:
                    return outer
            return _result(ctx, mention, m.group("cue"), method)
    return None


_CLAUSE_BREAK = re.compile(
    r"[;—–]|,\s+(?:and|but|or|while|whereas)\b|\b(?:while|whereas|although|though|because)\b"
)


def _outer_speaker(ctx: _Context, inner: int) -> Attribution | None:
    """'Trump said at a rally that Clinton once described the deal as “the gold standard”': a quoted
    fragment inside reported speech is the reporter's, the subject of the sentence's first cue."""
    if ctx.before_start != sentence_start(ctx.text, ctx.para, ctx.span.outer_start):
        return None
    m = ctx.pat.subject_first.match(ctx.before, 0, inner)
    if m is None or m.group("cue").lower() not in ctx.lex.strong_verbs:
        return None
    rest = m.group("rest")
    if len(rest) > 80 or _CLAUSE_BREAK.search(rest):
        return None
    mention = mention_in(m, ctx.before_start, ctx.lex)
    return _result(ctx, mention, m.group("cue"), "sentence-cue") if mention is not None else None


def _subject_first(ctx: _Context) -> Attribution | None:
    """A sentence opening with its subject reaches a cue later: 'Sie wird mit den Worten zitiert: „…“'."""
    if ctx.before_start != sentence_start(ctx.text, ctx.para, ctx.span.outer_start):
        return None
    m = ctx.pat.subject_first.match(ctx.before)
    mention = mention_in(m, ctx.before_start, ctx.lex) if m else None
    return _result(ctx, mention, m.group("cue"), _by_rest(m.group("rest"))) if m and mention else None


def _sentence_subject(ctx: _Context) -> Attribution | None:
    """Partial quotes: the subject of a sentence with any verb ('Trump admires Putin as a “…”',
    'Die SPD will hohe Einkommen („…“) stärker belasten')."""
    if ctx.before_start != sentence_start(ctx.text, ctx.para, ctx.span.outer_start):
        return None
    if ctx.lex.lang == "en":
        m = ctx.pat.subject.match(ctx.before)
        mention = mention_in(m, ctx.before_start, ctx.lex) if m else None
        return _result(ctx, mention, m.group("cue"), "sentence-subject") if m and mention else None
    if not ctx.lex.verb_second:
        return None
    m = ctx.pat.clause_subject.match(ctx.before)
    mention = mention_in(m, ctx.before_start, ctx.lex) if m else None
    if (
        mention is None
        or ctx.text[ctx.before_start : mention.start].strip()
        or not _subject_case(mention, ctx.lex, initial=True)
    ):
        return None  # in a verb-second clause only the first constituent can be its subject
    if mention.kind == "name" and len(mention.text.split()) == 1 and not _named_elsewhere(ctx.text, mention):
        return None  # 'Ähnlich äußerte sich …': a capitalised first word, not a name
    verb = ctx.text[mention.end : ctx.span.outer_start].split()[:1]
    if verb and verb[0].lower() in ctx.lex.not_subject_verbs:
        return None  # 'Der Fall wird „…“ geprüft', 'Er sei „…“': the subject is what is talked about
    if mention.kind == "nominal" and not any(_speaker_noun(w, ctx.lex) for w in mention.text.split()[1:]):
        return None
    return _result(ctx, mention, None, "sentence-subject")


def _speaker_noun(word: str, lex: Lexicon) -> bool:
    """Nouns for people and bodies that speak: 'Informationsminister', 'Gewerkschaft', 'Veranstalter'."""
    low = word.lower()
    nouns = {n.lower() for n in (*lex.person_nouns, *lex.org_nouns)}
    acronym = len(word) > 1 and word.isupper()  # "Die SPD", "Die CCE"
    return acronym or low in nouns or lex.is_title(low) or low.endswith(tuple(nouns))


def _named_elsewhere(text: str, mention: Mention) -> bool:
    return bool(re.search(rf"(?<=[\p{{Ll}},;:]\s+){re.escape(mention.text)}\b", text))


def _object_speaker(ctx: _Context) -> Attribution | None:
    """'Die Frankfurter Rundschau zitiert einen Augenzeugen mit den Worten: „…“': the object speaks."""
    for pattern in ctx.pat.object_speaker:
        for m in _rightmost_plain(pattern, ctx.before):
            mention = mention_in(m, ctx.before_start, ctx.lex)
            if mention is not None:
                return _result(ctx, mention, m.group().split()[0], "speaker-cue-quote")
    return None


def _colon_subject(ctx: _Context) -> Attribution | None:
    """A sentence that opens with its subject and hands over to the quote with a colon:
    'Die Autoren der Studie werfen den Behörden vor: „…“'."""
    if ctx.before_start != sentence_start(ctx.text, ctx.para, ctx.span.outer_start):
        return None
    m = ctx.pat.colon_subject.match(ctx.before)
    mention = mention_in(m, ctx.before_start, ctx.lex) if m else None
    return _result(ctx, mention, ":", "colon-subject") if m and mention else None


def _rightmost_plain(pattern: re.Pattern[str], window: str) -> list[re.Match[str]]:
    return sorted(pattern.finditer(window), key=lambda m: -m.end())


def _headline(ctx: _Context) -> Attribution | None:
    """Headlines capitalise their verbs: 'Black Lawmakers Rip Trump As A ‘Disgusting Fraud’'."""
    if not title_case_line(ctx.text, ctx.span, ctx.lex.lower_words):
        return None
    words = list(re.finditer(r"\S+", ctx.before))
    for i, word in enumerate(words[1:6], 1):
        cue = word.group().lower().strip(",:")
        if (
            cue in ctx.lex.verb_set or cue in ctx.lex.headline_verbs
        ):  # an "-s" ending alone cannot tell "Speaks" from "Lawmakers"
            start, end = words[0].start(), words[i - 1].end()
            mention = clean_name(ctx.before[start:end], start, ctx.lex)
            if mention is not None:
                return _result(ctx, mention.shifted(ctx.before_start), word.group(), "sentence-subject")
            return None
    return None


def _colon(ctx: _Context) -> Attribution | None:
    """'PENCE: ...' transcripts, and 'Caddell continued:' introducing the next paragraph."""
    text, span, para = ctx.text, ctx.span, ctx.para
    m = ctx.pat.colon_speaker.match(text, para.start, span.outer_start)
    if m:
        mention = clean_name(m.group("name").strip(), m.start("name"), ctx.lex)
        if mention is not None:
            return _result(ctx, mention, ":", "colon")
    if text[para.start : span.outer_start].strip() or para.index == 0:
        return None
    prev_para = ctx.paras[para.index - 1]
    intro = text[prev_para.start : prev_para.end].rstrip()
    if not intro.endswith(":"):
        return None
    start = sentence_start(text, prev_para, prev_para.start + len(intro))
    window = text[start : prev_para.start + len(intro)]
    for pattern in (ctx.pat.inverted, ctx.pat.before, ctx.pat.subject_first):
        for found in _rightmost(pattern, window):
            mention = mention_in(found, start, ctx.lex)
            if mention is not None:
                return _result(ctx, mention, found.group("cue"), "colon")
    return None


def _framed(ctx: _Context) -> Attribution | None:
    """'Mit den Worten „…“, richtete er seinen Blick …': the frame's clause goes on after the quote."""
    if ctx.pat.framed is None or not ctx.pat.framed.search(ctx.before):
        return None
    m = ctx.pat.framed_after.match(ctx.after)
    mention = mention_in(m, ctx.span.outer_end, ctx.lex) if m else None
    if mention is None or not _subject_case(mention, ctx.lex):
        return None
    return _result(ctx, mention, ctx.pat.framed.search(ctx.before).group().strip(), "sentence-cue")


def _subordinate(ctx: _Context) -> Attribution | None:
    """'…, indem sie den Aufsichtsrat zum Handeln aufforderte: „…“': a verb-final clause, subject first."""
    if not ctx.lex.verb_second:
        return None
    m = ctx.pat.subordinate.search(ctx.before)
    mention = mention_in(m, ctx.before_start, ctx.lex) if m else None
    if mention is None or not _subject_case(mention, ctx.lex, initial=True):
        return None
    return _result(ctx, mention, m.group("cue"), _by_rest(ctx.before[m.end("cue") :]))


def _following_sentence(ctx: _Context) -> Attribution | None:
    """'… keine „leistungsaushelfende Versicherung“ haben … . Dies gibt der Verband bekannt.'"""
    if ctx.pat.following is None:
        return None
    end = sentence_end(ctx.text, ctx.paras[ctx.span.paragraph + len(ctx.span.pieces) - 1], ctx.span.outer_end)
    m = ctx.pat.following.match(ctx.text, end)
    mention = mention_in(m, 0, ctx.lex) if m else None
    if mention is None or not _subject_case(mention, ctx.lex) or m.group("cue") in ctx.lex.not_subject_verbs:
        return None  # 'Das ist der Grund': a copula names no source
    return _result(ctx, mention, m.group("cue"), "following-sentence")


def _document_source(ctx: _Context) -> Attribution | None:
    """'In einem Memorandum vom August 2002 wird …, „…“', 'Darin steht: „…“': a document is the source."""
    if ctx.pat.document_opening is None or ctx.pat.document is None:
        return None
    this = sentence_start(ctx.text, ctx.para, ctx.span.outer_start)
    m = ctx.pat.document_opening.match(ctx.text, this, ctx.span.outer_start)
    if m is None:
        return None
    if m.group("nom"):
        return _result(
            ctx, Mention(m.group("nom"), m.start("nom"), m.end("nom"), "nominal"), "in", "document"
        )
    if this <= ctx.para.start:
        return None
    documents = list(ctx.pat.document.finditer(ctx.text, sentence_start(ctx.text, ctx.para, this - 1), this))
    if not documents:
        return None
    found = documents[-1]
    return _result(
        ctx, Mention(found.group(), found.start(), found.end(), "nominal"), m.group("adv"), "document"
    )


def _according_to(ctx: _Context) -> Attribution | None:
    sentence_after = re.split(r"(?<=[.!?])\s", ctx.after, maxsplit=1)[0]
    for window, offset in ((ctx.before, ctx.before_start), (sentence_after, ctx.span.outer_end)):
        m = ctx.pat.according.search(window)
        mention = mention_in(m, offset, ctx.lex) if m else None
        if m and mention:
            return _result(
                ctx, mention, " ".join(m.group().split()[: -len(mention.text.split())]), "according-to"
            )
    return None


def _previous_sentence(ctx: _Context) -> Attribution | None:
    """A quote opening a sentence right after 'X sagte zu den Anschuldigungen, dass …' is X's; so is
    a quote in a German sentence of reported speech ('Deshalb sei es „…“') after 'In X heißt es'."""
    this = sentence_start(ctx.text, ctx.para, ctx.span.outer_start)
    reported = bool(ctx.lex.reported_speech) and any(
        w.strip(",").lower() in ctx.lex.reported_speech for w in ctx.text[this : ctx.span.outer_start].split()
    )
    if not (ctx.opens_sentence or reported) or this <= ctx.para.start:
        return None
    end = this
    for _ in range(2 if reported else 1):  # reported speech may run on for a sentence
        start = sentence_start(ctx.text, ctx.para, end - 1)
        window = ctx.text[start:end].rstrip().rstrip(".!?")
        if re.search(r"[“”\"«»„「」]", window):
            return None  # a sentence with its own quote: continuation decides
        for pattern in (*ctx.pat.object_speaker, ctx.pat.subject_first, ctx.pat.before):
            m = pattern.match(window) if pattern is ctx.pat.subject_first else pattern.search(window)
            mention = mention_in(m, start, ctx.lex) if m else None
            if m and mention is not None:
                cue = m.groupdict().get("cue") or m.group().split()[0]
                return _result(ctx, mention, cue, "previous-sentence")
        if start <= ctx.para.start:
            break
        end = start
    return None


def _previous_subject(ctx: _Context) -> Attribution | None:
    """'Die SPD will am Kurs festhalten. „Wir wollen ein Europa, …“': a whole-sentence quote with no
    cue, after a sentence about a speaker in the same paragraph, is that speaker's."""
    this = sentence_start(ctx.text, ctx.para, ctx.span.outer_start)
    quoted = ctx.text[ctx.span.start : ctx.span.end].rstrip()
    if not ctx.opens_sentence or this <= ctx.para.start or not quoted.endswith((".", "!", "?")):
        return None
    start = sentence_start(ctx.text, ctx.para, this - 1)
    label = re.match(r"\s*[^\s:]{1,30}:\s+", ctx.text[start:this])  # "Europapolitik: Die SPD will …"
    start += label.end() if label else 0
    window = ctx.text[start:this]
    if re.search(r"[“”\"«»„「」]", window):
        return None
    m = ctx.pat.clause_subject.match(window)
    mention = mention_in(m, start, ctx.lex) if m else None
    if mention is None or ctx.text[start : mention.start].strip() or mention.kind == "pronoun":
        return None
    if not _subject_case(mention, ctx.lex, initial=True) or (
        mention.kind == "nominal" and not any(_speaker_noun(w, ctx.lex) for w in mention.text.split()[1:])
    ):
        return None
    return _result(ctx, mention, None, "previous-subject")


def _by_rest(rest: str) -> str:
    """Cue right before the quote ('told reporters, “') or further away in the sentence."""
    rest = rest.strip()
    return (
        "speaker-cue-quote"
        if len(rest) <= 40 and (rest in ("", ",", ":") or rest.endswith((",", ":")))
        else "sentence-cue"
    )


def _rightmost(pattern: re.Pattern[str], window: str) -> list[re.Match[str]]:
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


def _topic_cue(ctx: _Context) -> Attribution | None:
    """「…」と述べた: the cue follows the quote, the speaker is the topic (は/が) before it,
    in the quote's sentence or the one before."""
    if ctx.pat.ja_after is None:
        return None
    m = ctx.pat.ja_after.match(ctx.after)
    if not m:
        return None
    window_start = sentence_start(ctx.text, ctx.para, max(ctx.para.start, ctx.before_start - 1))
    topics = list(ctx.pat.ja_topic.finditer(ctx.text, window_start, ctx.span.outer_start))
    if not topics:
        return None
    t = topics[-1]
    return _result(
        ctx, Mention(t.group("name"), t.start("name"), t.end("name"), "name"), m.group("cue"), "topic-cue"
    )


def _zh_before(ctx: _Context) -> Attribution | None:
    """王毅说：“…”"""
    m = ctx.pat.zh_before.search(ctx.before)
    if not m:
        return None
    start = ctx.before_start + m.start("name")
    return _result(
        ctx,
        Mention(m.group("name"), start, start + len(m.group("name")), "name"),
        m.group("cue"),
        "speaker-cue-quote",
    )


def _zh_after(ctx: _Context) -> Attribution | None:
    """“…”王毅表示"""
    m = ctx.pat.zh_after.match(ctx.after)
    if not m:
        return None
    start = ctx.span.outer_end + m.start("name")
    return _result(
        ctx,
        Mention(m.group("name"), start, start + len(m.group("name")), "name"),
        m.group("cue"),
        "quote-speaker-cue",
    )


Rule = Callable[[_Context], Attribution | None]
RULES: tuple[Rule, ...] = (
    _quote_cue_speaker,
    _quote_speaker_cue,
    _signed,
    _quote_auxiliary_speaker,
    _object_speaker,
    _cue_speaker_quote,
    _participle,
    _speaker_cue_quote,
    _subordinate,
    _subject_first,
    _colon,
    _colon_subject,
    _trailing_cue,
    _possessive_speech,
    _sentence_subject,
    _headline,
    _framed,
    _according_to,
    _document_source,
    _previous_sentence,
    _following_sentence,
    _previous_subject,
)
CJK_RULES: tuple[Rule, ...] = (_topic_cue, _zh_before, _zh_after)


def _cited_source(pat: Patterns, before: str, after: str) -> str | None:
    """Whom the outlet credits for the quote: 'per Nippon', 'via Anadolu Ajansı', 'according to NHK'."""
    sentence_after = re.split(r"(?<=[.!?])\s", after, maxsplit=1)[0]
    for window in (sentence_after, before):
        m = pat.source.search(window)
        if m:
            return m.group("src").strip().rstrip(".,")
    return None
