"""The pipeline for one text: segment -> extract -> attribute -> translate -> records.

`extract_quotes` works on one text and returns records; batch.py runs it over a corpus.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from quotes import lexicon, nlp, segment
from quotes.attribute import Attribution, attribute_spans
from quotes.documents import Document
from quotes.extract import Paragraph, QuoteSpan, find_spans, fragment_groups, join_spans, paragraphs
from quotes.kinds import classify
from quotes.lexicon import Lexicon
from quotes.names import Speaker, resolve_speakers
from quotes.outlets import Outlet, outlet_of
from quotes.posts import Post, find_posts
from quotes.records import Quote
from quotes.segment import Segment, detect, document_language, script_of
from quotes.speakers import unify
from quotes.translate import Translators

POST_CONFIDENCE = 0.95  # a signed post names its author
MIN_QUOTE_LETTERS_FOR_LANG = 12
MIXED_MIN_LETTERS = 100  # a quote and the rest of its paragraph must both be this long to differ


@dataclass(frozen=True, kw_only=True)
class Options:
    """Everything a run can be told; one object instead of a long keyword list."""

    lang: str | None = None  # force the document language (skips detection for the document)
    translate: bool = True  # False: leave quote_en empty for non-English quotes
    models: Path | None = None  # model store; default $QUOTES_MODELS or ./models
    cache: bool = True  # keep translations in the store's cache (translations.sqlite)
    include_terms: bool = False  # keep quoted titles, names and scare quotes (kind = term)
    nlp: str = "auto"  # auto: stanza when its models for the language are installed; rules: never
    max_doc_chars: int = 5_000_000  # a longer document is reported, not processed


def extract_quotes(
    text: str,
    *,
    lang: str | None = None,
    options: Options | None = None,
    translators: Translators | None = None,
) -> list[Quote]:
    """Every quotation in `text` with its speaker and English rendering, in text order."""
    return process_text(text, lang=lang, options=options, translators=translators)[0]


def process_text(
    text: str,
    *,
    lang: str | None = None,
    options: Options | None = None,
    translators: Translators | None = None,
) -> tuple[list[Quote], list[Segment]]:
    """The quotes of `text` (speakers unified within it) and its language segments."""
    options = options or Options(lang=lang)
    translators = translators or Translators(
        store=options.models, enabled=options.translate, use_cache=options.cache
    )
    segs = segment.segments(text, default=lang or options.lang)
    doc_lang = lang or options.lang or document_language(segs) or "en"
    lex, posts, spans, paras = quote_spans(text, doc_lang)
    annotator = nlp.annotator_for(doc_lang, options.models) if options.nlp != "rules" else None
    parsed = nlp.attributions_from_parse(annotator(text), spans, lex) if annotator else None
    attributions = attribute_spans(text, spans, paras, lex, parsed)
    kinds = [classify(text, span, attr, lex) for span, attr in zip(spans, attributions, strict=True)]
    groups = fragment_groups(text, spans, kinds)
    spans = [join_spans([spans[i] for i in g]) for g in groups]
    attributions = [_first_attributed([attributions[i] for i in g]) for g in groups]
    kinds = [kinds[g[0]] for g in groups]
    speakers = resolve_speakers(text, spans, attributions, lex)
    engine = "stanza" if annotator else "rules"
    quotes = [
        _quote(text, span, kind, attr, spk, segs, doc_lang, engine)
        for span, kind, attr, spk in zip(spans, kinds, attributions, speakers, strict=True)
        if options.include_terms or kind != "term"
    ]
    quotes += [_post_quote(text, post, segs, doc_lang, engine) for post in posts]
    quotes.sort(key=lambda q: q.start)
    quotes = [Quote(**record) for record in unify([dict(q.__dict__) for q in quotes])]  # type: ignore[arg-type]
    return _translate(quotes, translators), segs


def quote_spans(text: str, lang: str) -> tuple[Lexicon, list[Post], list[QuoteSpan], list[Paragraph]]:
    """The language's lexicon, the embedded posts, the quotation spans outside them, and the
    paragraphs: what attribution reads (and what fitting its model reads too)."""
    lex = lexicon.load(lang)
    posts = find_posts(text, lex)
    spans = [
        s
        for s in find_spans(text)
        if s.text_in(text).strip() and not any(p.span.start <= s.start < p.end for p in posts)
    ]  # an empty pair of marks (「」, “”) quotes nothing
    return lex, posts, spans, paragraphs(text)


def _first_attributed(attrs: list[Attribution]) -> Attribution:
    return next((a for a in attrs if a.mention is not None), attrs[0])


def _quote(
    text: str,
    span: QuoteSpan,
    kind: str,
    attr: Attribution,
    spk: Speaker,
    segs: list[Segment],
    doc_lang: str,
    engine: str,
) -> Quote:
    content = span.text_in(text)
    mention = spk.mention
    # a mention we could not resolve to a name (they, we) halves the rule's confidence
    confidence = attr.confidence if spk.name or not mention else round(attr.confidence * 0.5, 3)
    return Quote(
        start=span.start,
        end=span.end,
        quote=content,
        kind=kind,
        paragraph=span.paragraph,
        lang=_quote_lang(text, span.start, content, segs, doc_lang),
        speaker=spk.name,
        speaker_title=spk.title,
        speaker_mention=mention.text if mention else None,
        speaker_start=mention.start if mention else None,
        speaker_end=mention.end if mention else None,
        speaker_type=spk.type,
        cue=attr.cue,
        cited_source=attr.cited_source,
        method=attr.method,
        confidence=confidence,
        nlp_engine=engine,
    )


def _post_quote(text: str, post: Post, segs: list[Segment], doc_lang: str, engine: str) -> Quote:
    content = post.span.text_in(text)
    return Quote(
        start=post.span.start,
        end=post.span.end,
        quote=content,
        kind="post",
        paragraph=post.span.paragraph,
        lang=_quote_lang(text, post.span.start, content, segs, doc_lang),
        speaker=post.name,
        speaker_mention=post.name,
        speaker_start=post.name_start,
        speaker_end=post.name_end,
        speaker_type="person",
        cue="posted",
        method="post-signature",
        confidence=POST_CONFIDENCE,
        platform=post.platform,
        handle=post.handle,
        nlp_engine=engine,
    )


def _quote_lang(text: str, span_start: int, content: str, segs: list[Segment], doc_lang: str) -> str | None:
    """A quote's language is its own; the paragraph's detection already speaks for it unless
    the quote is in another script or is a long stretch of a paragraph that mixes languages."""
    i = bisect_right(segs, span_start, key=lambda s: s.start) - 1  # segments run in order
    seg = segs[i] if i >= 0 and span_start < segs[i].end else None
    seg_lang = (seg.lang if seg else None) or doc_lang
    letters = sum(c.isalpha() for c in content)
    if letters < MIN_QUOTE_LETTERS_FOR_LANG:
        return seg_lang
    if seg is not None and script_of(content) == seg.script:
        # the quote's paragraph is its line; looked for only as far as the answer can change
        reach = MIXED_MIN_LETTERS + len(content)
        lo, hi = max(0, span_start - reach), min(len(text), span_start + reach)
        line_start = max(lo, text.rfind("\n", lo, span_start) + 1)
        line_end = text.find("\n", span_start, hi)
        outside = (line_end if line_end >= 0 else hi) - line_start - len(content)
        if letters < MIXED_MIN_LETTERS or outside < MIXED_MIN_LETTERS:
            return seg_lang
    lang, conf = detect(content, default=seg_lang)
    return lang if conf >= 0.9 else seg_lang


def _translate(quotes: list[Quote], translators: Translators) -> list[Quote]:
    by_lang: dict[str | None, list[int]] = {}
    for i, q in enumerate(quotes):
        by_lang.setdefault(q.lang, []).append(i)
    out = list(quotes)
    for lang, idx in by_lang.items():
        translator = translators.for_lang(lang)
        rendered = translator.translate([quotes[i].quote for i in idx])
        for i, en in zip(idx, rendered, strict=True):
            out[i] = replace(quotes[i], quote_en=en, translation_engine=translator.engine)
    return out


def document_row(doc: Document, segments: list[Segment], quotes: int, outlet: Outlet) -> dict[str, Any]:
    """What the `documents` table of a database says about one article."""
    return {
        "doc_id": doc.doc_id,
        "outlet": outlet.name,
        "outlet_source": outlet.source,
        "url": doc.url,
        "published": doc.published,
        "title": doc.title,
        "source": doc.source,
        "lang": document_language(segments) or doc.lang,
        "chars": len(doc.text),
        "quotes": quotes,
    }


def document_rows(doc: Document, quotes: list[Quote], outlet: Outlet | None = None) -> list[dict[str, Any]]:
    """The table rows of a document's quotes; `outlet` when the caller has already found it."""
    outlet = outlet or outlet_of(doc)
    rows = []
    for n, q in enumerate(quotes, 1):
        row = dict(q.__dict__)
        row.update(
            start=doc.raw(q.start),
            end=doc.raw(q.end),
            speaker_start=doc.raw(q.speaker_start),
            speaker_end=doc.raw(q.speaker_end),
            doc_id=doc.doc_id,
            outlet=outlet.name,
            outlet_source=outlet.source,
            url=doc.url,
            published=doc.published,
            source=doc.source,
            quote_id=f"{doc.doc_id}:{n}",
        )
        rows.append(row)
    return rows
