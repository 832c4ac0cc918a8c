"""The attribution rules for languages written with spaces (English, German, French, Spanish),
most precise first: cues right after the quote, cues before it, the sentence's subject, then
the sentences around it."""

from __future__ import annotations

from functools import cache

import regex as re

from quotes.attribution.context import Attribution, Context, Rule, by_rest, result, rightmost, rightmost_plain
from quotes.attribution.text_index import blank, has_word
from quotes.attribution.verb_second import (
    clause_opens,
    named_elsewhere,
    speaker_noun,
    subject_before_verb,
    subject_case,
    subordinate,
)
from quotes.cues import Mention, clean_name, mention_in
from quotes.extract import title_case_line
from quotes.lexicon import Lexicon
from quotes.sentences import sentence_end, sentence_start

_CAPITAL_NEXT = re.compile(r"\s*\p{Lu}")
_CLAUSE_MARK_NEXT = re.compile(r"\s*[,;:—–\-(]")
_COLON_NEXT = re.compile(r"\s*:")
_THAT_NEXT = re.compile(r"\s*(?:that\b|[:,]|$)")
_WORDS = re.compile(r"\S+")
_QUOTE_MARK = re.compile(r"[“”\"«»„「」]")


def _after(
    ctx: Context, pattern: re.Pattern[str], method: str, *, adjacent: bool = True
) -> Attribution | None:
    """A rule that reads the words right after the quote, unless the quote ended its sentence
    with a full stop: '“… even for him.” She says it underscores …' is the next sentence's.
    An `adjacent` cue must follow a quote that closes a clause."""
    quoted = ctx.text[ctx.span.start : ctx.span.end].rstrip()
    if quoted.endswith(".") and _CAPITAL_NEXT.match(ctx.after):
        return None
    if (
        adjacent
        and not ctx.opens_sentence
        and not quoted.rstrip("'’‘\"").endswith((",", ".", "!", "?", "…", "—", "–", "-"))
        and not _CLAUSE_MARK_NEXT.match(ctx.after)
    ):
        return None  # 'describing as “unhinged” a Donald Trump tweet attacking …': the quote ends no clause
    m = pattern.match(ctx.after)
    if m is not None and _COLON_NEXT.match(ctx.after[m.end("cue") :]):
        return None  # '«…»; ante esta orden, una de las afectadas respondió: «…»': it opens the next quote
    mention = mention_in(m, ctx.span.outer_end, ctx.lex) if m else None
    return result(ctx, mention, m.group("cue"), method) if m and mention else None


@cache
def _verb_endings(lex: Lexicon) -> frozenset[str]:
    """The words that end a multi-word cue, after any of its spaces ('a déclaré' -> 'déclaré')."""
    return frozenset(v.split(" ", i)[i] for v in lex.verb_set for i in range(1, v.count(" ") + 1))


def _quote_cue_speaker(ctx: Context) -> Attribution | None:
    """“…,” said X; French « … », a-t-il déclaré."""
    found = _after(ctx, ctx.pat.after_cue_first, "quote-cue-speaker")
    if found is None and ctx.pat.inverted_pronoun is not None:
        found = _after(ctx, ctx.pat.inverted_pronoun, "quote-cue-speaker")
        cue = (found.cue or "").lower() if found else ""
        if cue not in ctx.lex.verb_set and cue not in _verb_endings(ctx.lex):
            return None  # « … », dit-il: only a reporting verb
    return found


def _quote_speaker_cue(ctx: Context) -> Attribution | None:
    """“…,” X said."""
    found = _after(ctx, ctx.pat.after_speaker_first, "quote-speaker-cue")
    if found is None and title_case_line(ctx.text, ctx.span, ctx.lex.lower_words):
        return _after(ctx, ctx.pat.headline_after, "sentence-cue", adjacent=False)  # terse: less sure
    return found


def _signed(ctx: Context) -> Attribution | None:
    """Testimonials and epigraphs: “…” ― Sonya Herridge."""
    m = ctx.pat.signed.match(ctx.after)
    mention = clean_name(m.group("name"), m.start("name"), ctx.lex) if m else None
    return result(ctx, mention.shifted(ctx.span.outer_end), "―", "quote-signed") if m and mention else None


def _trailing_cue(ctx: Context) -> Attribution | None:
    """“You squeezed employees” to drive up the price, she said."""
    return _after(ctx, ctx.pat.trailing, "sentence-cue", adjacent=False)


def _possessive_speech(ctx: Context) -> Attribution | None:
    """Donald Trump’s claim that there have been “thousands of shootings”."""
    for m in rightmost(ctx.pat.possessive, ctx.before):
        if not _THAT_NEXT.match(m.group("rest")):
            continue  # "called Mr. Obama's remarks on Saturday “…”": the remarks are the object
        mention = clean_name(m.group("name"), m.start("name"), ctx.lex)
        if mention is not None:
            return result(ctx, mention.shifted(ctx.before_start), m.group("cue"), "sentence-cue")
    return None


def _cue_speaker_quote(ctx: Context) -> Attribution | None:
    """Verb before subject: 'sagte Filep Karma: „…“', 'bezeichnete er als einen „…“'."""
    for m in rightmost(ctx.pat.inverted, ctx.before):
        mention = mention_in(m, ctx.before_start, ctx.lex)
        if mention is not None and (
            mention.text.lower() in ctx.lex.object_only_pronouns
            or m.group("cue").lower() in ctx.lex.addressee_verbs
        ):
            continue  # 'before asking her, “…”', 'Mook told CBS, “…”': the one spoken to
        nominative = mention is not None and mention.text.lower() in ctx.lex.nominative_pronouns
        if ctx.lex.verb_second and not nominative and subject_before_verb(ctx, ctx.before_start + m.start()):
            continue  # 'Sie warf der Bundesregierung vor, …': what follows the verb is its object
        rest = m.group("rest").strip()
        # outside verb-second languages 'says Trump “…”' has Trump as object: need 'said Smith: “'
        adjacent = rest in (",", ":") or (ctx.lex.verb_second and rest == "")
        if mention is not None and not ctx.lex.verb_second and mention.kind == "nominal":
            first = mention.text.split()[0].lower()
            if first not in {d.lower() for d in ctx.lex.determiners}:
                continue  # 'told reporters, “…”': a bare noun after the verb is its object
        if mention is not None and (adjacent or (ctx.lex.verb_second and subject_case(mention, ctx.lex))):
            return result(ctx, mention, m.group("cue"), "cue-speaker-quote" if adjacent else "sentence-cue")
    return None


def _quote_auxiliary_speaker(ctx: Context) -> Attribution | None:
    """„…“, hatte VW-Chef Winterkorn in einem Interview erklärt."""
    return _after(ctx, ctx.pat.after_auxiliary, "quote-speaker-cue")


def _participle(ctx: Context) -> Attribution | None:
    """'Trump attacked Clinton for her support of the war, saying, “…”': the clause's subject speaks."""
    m = ctx.pat.participle.search(ctx.before)
    if not m or not ctx.whole_sentence:
        return None
    head = ctx.pat.clause_subject.match(ctx.before)
    mention = mention_in(head, ctx.before_start, ctx.lex) if head else None
    if mention is None or mention.end > ctx.before_start + m.start():
        return None
    return result(ctx, mention, m.group("cue"), "participle")


def _speaker_cue_quote(ctx: Context) -> Attribution | None:
    found = rightmost(ctx.pat.before, ctx.before) + rightmost(ctx.pat.gerund, ctx.before)
    for m in sorted(found, key=lambda m: -m.start("cue")):
        mention = mention_in(m, ctx.before_start, ctx.lex)
        if mention is not None and ctx.lex.verb_second and not clause_opens(ctx, mention.start):
            continue  # 'erläutert die Arbeitshypothese, …, so:': an object, not 'X sagte:' or 'wie X sagte'
        if mention is not None and ctx.lex.verb_second and not subject_case(mention, ctx.lex, initial=True):
            continue  # 'Der englischsprachigen Zeitung sagte Filep Karma': the first place holds an object
        if ctx.lex.verb_second and _pronoun_after_verb(ctx, m.end("cue")):
            continue  # 'Die Pläne bezeichnete er als …': er is the subject, the first place the object
        if mention is not None:
            method = by_rest(m.group("rest"))
            if method == "sentence-cue":
                outer = _outer_speaker(ctx, m.start())
                if outer is not None:
                    return outer
            return result(ctx, mention, m.group("cue"), method)
    return None


def _pronoun_after_verb(ctx: Context, verb_end: int) -> bool:
    after = ctx.before[verb_end:].split(maxsplit=1)
    return bool(after) and after[0].lower() in ctx.lex.nominative_pronouns


_CLAUSE_BREAK = re.compile(
    r"[;—–]|,\s+(?:and|but|or|while|whereas)\b|\b(?:while|whereas|although|though|because)\b"
)


def _outer_speaker(ctx: Context, inner: int) -> Attribution | None:
    """'Trump said at a rally that Clinton once described the deal as “the gold standard”': a quoted
    fragment inside reported speech is the reporter's, the subject of the sentence's first cue."""
    if not ctx.whole_sentence:
        return None
    m = ctx.pat.subject_first.match(ctx.before, 0, inner)
    if m is None or m.group("cue").lower() not in ctx.lex.strong_verbs:
        return None
    rest = m.group("rest")
    if len(rest) > 80 or _CLAUSE_BREAK.search(rest):
        return None
    mention = mention_in(m, ctx.before_start, ctx.lex)
    return result(ctx, mention, m.group("cue"), "sentence-cue") if mention is not None else None


def _subject_first(ctx: Context) -> Attribution | None:
    """A sentence opening with its subject reaches a cue later: 'Sie wird mit den Worten zitiert: „…“'."""
    if not ctx.whole_sentence:
        return None
    m = ctx.pat.subject_first.match(ctx.before)
    mention = mention_in(m, ctx.before_start, ctx.lex) if m else None
    if mention is None or _lone_capital(ctx, mention) or not _nominative(ctx, mention):
        return None
    return result(ctx, mention, m.group("cue"), by_rest(m.group("rest")))


def _lone_capital(ctx: Context, mention: Mention) -> bool:
    """'Pressure is building on …': one capitalised word opening a sentence, named nowhere else
    and written in lower case elsewhere, is a common noun, not a name."""
    word = mention.text
    if mention.kind != "name" or " " in word or named_elsewhere(ctx.text, mention):
        return False
    return has_word(ctx.text, word.lower())


def _sentence_subject(ctx: Context) -> Attribution | None:
    """Partial quotes: the subject of a sentence with any verb ('Trump admires Putin as a “…”',
    'Die SPD will hohe Einkommen („…“) stärker belasten')."""
    if not ctx.whole_sentence:
        return None
    if ctx.lex.lang == "en":
        m = ctx.pat.subject.match(ctx.before)
        mention = mention_in(m, ctx.before_start, ctx.lex) if m else None
        if mention is None or _lone_capital(ctx, mention):
            return None
        return result(ctx, mention, m.group("cue"), "sentence-subject")
    if not ctx.lex.verb_second:
        return None
    m = ctx.pat.clause_subject.match(ctx.before)
    mention = mention_in(m, ctx.before_start, ctx.lex) if m else None
    if (
        mention is None
        or ctx.text[ctx.before_start : mention.start].strip()
        or not subject_case(mention, ctx.lex, initial=True)
    ):
        return None  # in a verb-second clause only the first constituent can be its subject
    if mention.kind == "name" and len(mention.text.split()) == 1 and not named_elsewhere(ctx.text, mention):
        return None  # 'Ähnlich äußerte sich …': a capitalised first word, not a name
    verb = ctx.text[mention.end : ctx.span.outer_start].split()[:1]
    if verb and verb[0].lower() in ctx.lex.not_subject_verbs:
        return None  # 'Der Fall wird „…“ geprüft', 'Er sei „…“': the subject is what is talked about
    if mention.kind == "nominal" and not any(speaker_noun(w, ctx.lex) for w in mention.text.split()[1:]):
        return None
    return result(ctx, mention, None, "sentence-subject")


def _object_speaker(ctx: Context) -> Attribution | None:
    """'Die Frankfurter Rundschau zitiert einen Augenzeugen mit den Worten: „…“': the object speaks."""
    for pattern in ctx.pat.object_speaker:
        for m in rightmost_plain(pattern, ctx.before):
            mention = mention_in(m, ctx.before_start, ctx.lex)
            if mention is not None:
                return result(ctx, mention, m.group().split()[0], "speaker-cue-quote")
    return None


def _colon_subject(ctx: Context) -> Attribution | None:
    """A sentence that opens with its subject and hands over to the quote with a colon:
    'Die Autoren der Studie werfen den Behörden vor: „…“'."""
    if not ctx.whole_sentence:
        return None
    m = ctx.pat.colon_subject.match(ctx.before)
    mention = mention_in(m, ctx.before_start, ctx.lex) if m else None
    return result(ctx, mention, ":", "colon-subject") if m and mention and _nominative(ctx, mention) else None


def _nominative(ctx: Context, mention: Mention) -> bool:
    """Outside verb-second languages any opening mention may be the subject; in German, not a
    dative or genitive one."""
    return not ctx.lex.verb_second or subject_case(mention, ctx.lex, initial=True)


def _headline(ctx: Context) -> Attribution | None:
    """Headlines capitalise their verbs: 'Black Lawmakers Rip Trump As A ‘Disgusting Fraud’'."""
    if not title_case_line(ctx.text, ctx.span, ctx.lex.lower_words):
        return None
    words = list(_WORDS.finditer(ctx.before))
    for i, word in enumerate(words[1:6], 1):
        cue = word.group().lower().strip(",:")
        if (
            cue in ctx.lex.verb_set or cue in ctx.lex.headline_verbs
        ):  # an "-s" ending alone cannot tell "Speaks" from "Lawmakers"
            start, end = words[0].start(), words[i - 1].end()
            mention = clean_name(ctx.before[start:end], start, ctx.lex)
            if mention is not None:
                return result(ctx, mention.shifted(ctx.before_start), word.group(), "sentence-subject")
            return None
    return None


LABEL_MAX = 100  # characters of a 'PENCE:' label, colon included


def _colon(ctx: Context) -> Attribution | None:
    """'PENCE: ...' transcripts, and 'Caddell continued:' introducing the next paragraph."""
    text, span, para = ctx.text, ctx.span, ctx.para
    # a label is short: bounded, the pattern's search for its colon does not read the whole line
    m = ctx.pat.colon_speaker.match(text, para.start, min(span.outer_start, para.start + LABEL_MAX))
    if m:
        mention = clean_name(m.group("name").strip(), m.start("name"), ctx.lex)
        if mention is not None:
            return result(ctx, mention, ":", "colon")
    if not blank(text, para.start, span.outer_start) or para.index == 0:
        return None
    prev_para = ctx.paras[para.index - 1]
    intro = text[prev_para.start : prev_para.end].rstrip()
    if not intro.endswith(":"):
        return None
    start = sentence_start(text, prev_para, prev_para.start + len(intro))
    window = text[start : prev_para.start + len(intro)]
    for pattern in (ctx.pat.inverted, ctx.pat.before, ctx.pat.subject_first):
        for found in rightmost(pattern, window):
            mention = mention_in(found, start, ctx.lex)
            if mention is not None:
                return result(ctx, mention, found.group("cue"), "colon")
    return None


def _framed(ctx: Context) -> Attribution | None:
    """'Mit den Worten „…“, richtete er seinen Blick …': the frame's clause goes on after the quote."""
    if ctx.pat.framed is None or not ctx.pat.framed.search(ctx.before):
        return None
    m = ctx.pat.framed_after.match(ctx.after)
    mention = mention_in(m, ctx.span.outer_end, ctx.lex) if m else None
    if mention is None or not subject_case(mention, ctx.lex):
        return None
    return result(ctx, mention, ctx.pat.framed.search(ctx.before).group().strip(), "sentence-cue")


def _following_sentence(ctx: Context) -> Attribution | None:
    """'… keine „leistungsaushelfende Versicherung“ haben … . Dies gibt der Verband bekannt.'"""
    if ctx.pat.following is None:
        return None
    end = sentence_end(ctx.text, ctx.paras[ctx.span.paragraph + len(ctx.span.pieces) - 1], ctx.span.outer_end)
    m = ctx.pat.following.match(ctx.text, end)
    mention = mention_in(m, 0, ctx.lex) if m else None
    if mention is None or not subject_case(mention, ctx.lex) or m.group("cue") in ctx.lex.not_subject_verbs:
        return None  # 'Das ist der Grund': a copula names no source
    return result(ctx, mention, m.group("cue"), "following-sentence")


def _document_source(ctx: Context) -> Attribution | None:
    """'In einem Memorandum vom August 2002 wird …, „…“', 'Darin steht: „…“': a document is the source."""
    if ctx.pat.document_opening is None or ctx.pat.document is None:
        return None
    this = ctx.sentence
    m = ctx.pat.document_opening.match(ctx.text, this, ctx.span.outer_start)
    if m is None:
        return None
    if m.group("nom"):
        return result(ctx, Mention(m.group("nom"), m.start("nom"), m.end("nom"), "nominal"), "in", "document")
    if this <= ctx.para.start:
        return None
    documents = list(ctx.pat.document.finditer(ctx.text, sentence_start(ctx.text, ctx.para, this - 1), this))
    if not documents:
        return None
    found = documents[-1]
    return result(
        ctx, Mention(found.group(), found.start(), found.end(), "nominal"), m.group("adv"), "document"
    )


def _document_after(ctx: Context) -> Attribution | None:
    """„…“, heißt es in dem LSVD-Schreiben an Staatsminister Müller."""
    if ctx.pat.document_after is None:
        return None
    m = ctx.pat.document_after.match(ctx.after_sentence)
    if m is None:
        return None
    nom = Mention(
        m.group("nom"), ctx.span.outer_end + m.start("nom"), ctx.span.outer_end + m.end("nom"), "nominal"
    )
    return result(ctx, nom, m.group("cue"), "document")


def _according_to(ctx: Context) -> Attribution | None:
    """'according to X', 'selon X' in the quote's sentence; or a sentence that opens with whose
    view it gives ('Pour le syndicat, …', 'Para el sindicato, …')."""
    if ctx.pat.viewpoint is not None:
        m = ctx.pat.viewpoint.match(ctx.text, ctx.sentence, ctx.span.outer_start)
        mention = mention_in(m, 0, ctx.lex) if m else None
        if m and mention:
            return result(ctx, mention, m.group().split()[0], "according-to")
    for window, offset in ((ctx.before, ctx.before_start), (ctx.after_sentence, ctx.span.outer_end)):
        m = ctx.pat.according.search(window)
        mention = mention_in(m, offset, ctx.lex) if m else None
        if m and mention:
            return result(
                ctx, mention, " ".join(m.group().split()[: -len(mention.text.split())]), "according-to"
            )
    return None


def _previous_sentence(ctx: Context) -> Attribution | None:
    """A quote opening a sentence right after 'X sagte zu den Anschuldigungen, dass …' is X's; so is
    a quote in a German sentence of reported speech ('Deshalb sei es „…“') after 'In X heißt es'."""
    this = ctx.sentence
    reported = bool(ctx.lex.reported_speech) and any(
        w.strip(",").lower() in ctx.lex.reported_speech for w in ctx.text[this : ctx.span.outer_start].split()
    )
    if not (ctx.opens_sentence or reported) or this <= ctx.para.start:
        return None
    end = this
    for _ in range(2 if reported else 1):  # reported speech may run on for a sentence
        start = sentence_start(ctx.text, ctx.para, end - 1)
        window = ctx.text[start:end].rstrip().rstrip(".!?")
        if _QUOTE_MARK.search(window):
            return None  # a sentence with its own quote: continuation decides
        for pattern in (*ctx.pat.object_speaker, ctx.pat.subject_first, ctx.pat.before):
            m = pattern.match(window) if pattern is ctx.pat.subject_first else pattern.search(window)
            mention = mention_in(m, start, ctx.lex) if m else None
            if m and mention is not None:
                cue = m.groupdict().get("cue") or m.group().split()[0]
                return result(ctx, mention, cue, "previous-sentence")
        if start <= ctx.para.start:
            break
        end = start
    return None


def _previous_subject(ctx: Context) -> Attribution | None:
    """'Die SPD will am Kurs festhalten. „Wir wollen ein Europa, …“': a whole-sentence quote with no
    cue, after a sentence about a speaker in the same paragraph, is that speaker's."""
    this = ctx.sentence
    quoted = ctx.text[ctx.span.start : ctx.span.end].rstrip()
    if not ctx.opens_sentence or this <= ctx.para.start or not quoted.endswith((".", "!", "?")):
        return None
    start = sentence_start(ctx.text, ctx.para, this - 1)  # after a label too: "Europapolitik: Die SPD …"
    window = ctx.text[start:this]
    if _QUOTE_MARK.search(window):
        return None
    m = ctx.pat.clause_subject.match(window)
    mention = mention_in(m, start, ctx.lex) if m else None
    if mention is None or ctx.text[start : mention.start].strip() or mention.kind == "pronoun":
        return None
    if not subject_case(mention, ctx.lex, initial=True) or (
        mention.kind == "nominal" and not any(speaker_noun(w, ctx.lex) for w in mention.text.split()[1:])
    ):
        return None
    return result(ctx, mention, None, "previous-subject")


RULES: tuple[Rule, ...] = (
    _quote_cue_speaker,
    _quote_speaker_cue,
    _signed,
    _quote_auxiliary_speaker,
    _object_speaker,
    _cue_speaker_quote,
    _participle,
    _speaker_cue_quote,
    subordinate,
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
    _document_after,
    _previous_sentence,
    _following_sentence,
    _previous_subject,
)
