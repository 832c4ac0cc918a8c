"""Patterns for speakers and reporting cues, built once per language from its lexicon.

A mention is a name ("Sanae Takaichi", "White House press secretary Josh Earnest"), a
pronoun, or a description ("the ministry", "der zuständige Gewerkschaftsvorstand Uwe Foullong").
"""

from __future__ import annotations

import gc
from dataclasses import dataclass
from functools import cache
from typing import Any

import regex as re

from quotes.lexicon import Lexicon


@dataclass(frozen=True)
class Mention:
    """A stretch of text that names (or points at) a speaker."""

    text: str
    start: int
    end: int
    kind: str  # name | pronoun | nominal

    def shifted(self, offset: int) -> Mention:
        return Mention(self.text, self.start + offset, self.end + offset, self.kind)


# a capitalised word; only an abbreviation or initial (Mr., Gov., E.) may end in a period, so a
# name never runs across a sentence end ("Japan. Following Takaichi", "aus dem Irak. Nach …")
_ABBREVIATIONS = (
    "Mr|Mrs|Ms|Mx|Dr|Drs|Prof|Gov|Sen|Rep|Reps|Gen|Lt|Col|Maj|Capt|Cmdr|Adm|Sgt|Cpl|Pvt|Gens|Rev|Msgr|"
    "Fr|St|Ste|Jr|Sr|Sra|Srta|Hon|Pres|Supt|Insp|Det|Atty|Mme|Mlle|Hr|Hrn|Fa|Dres|Mgr|Me|Pr|Vt|Ft|Mt"
)
_NAME_WORD = (
    rf"(?<![\p{{L}}\p{{M}}\p{{N}}]|\p{{Lu}}\.)"  # "U.S. While Clinton": no name starts at the S
    rf"(?:(?:{_ABBREVIATIONS})\.(?=[ \u00a0]+\p{{Lu}})|\p{{Lu}}\.|\p{{Lu}}[\p{{L}}\p{{M}}’'\-]*)"
)
_PARTICLE = r"(?:de|van|von|der|den|bin|al|da|del|la|le|di|du|y)"
NAME = rf"{_NAME_WORD}(?:[ \u00a0]+(?:{_NAME_WORD}|{_PARTICLE}(?=[ \u00a0]+\p{{Lu}})))*"
# an appositive ("Takaichi, who took office in October, said") or a party tag ("Pence (R-IN)")
APPOS = (
    r"(?:[ \u00a0]*\([^()\n]{1,24}\))?"
    r"(?:,[ \u00a0](?P<appos>[^,“”\"«»„\n]{1,160}?)(?:,[ \u00a0][^,“”\"«»„\n]{1,160}?){0,2},)?"
)
_LEAD = r"^[\s,;:—–\-]*"
_SP = r"[ \u00a0]+"
_JA_NAME = r"[\p{Han}\p{Katakana}ー・]{2,16}"
# 他, 李强, 外交部发言人汪文斌; never across 在/于 (毛宁在记者会上: where, not who)
_ZH_SPEAKER = r"(?:(?![在于於])[\p{Han}·A-Za-z]){1,20}?"
MAX_WORDS_TO_CUE = 10  # a sentence-initial subject may stand this many words before its cue


class Patterns:
    """One language's patterns. Each compiles on first use: the rules that settle most quotes use
    a few of them, and compiling all (each embeds the lexicon's word lists) dominated start-up."""

    mention: str
    after_cue_first: re.Pattern[str]  # “…,” said X
    after_speaker_first: re.Pattern[str]  # “…,” X said
    headline_after: re.Pattern[str]  # ‘…’ Could Address Clean Energy, Lindsey Graham Says
    inverted_pronoun: re.Pattern[str] | None  # « … », a-t-il déclaré
    trailing: re.Pattern[str]  # “…” to drive up the price, she said
    signed: re.Pattern[str]  # “…” ― Sonya Herridge
    possessive: re.Pattern[str]  # Trump’s claim that there were “…”
    inverted: re.Pattern[str]  # ... sagte X: „…“ / bezeichnete er als einen „…“
    after_auxiliary: re.Pattern[str]  # „…“, hatte X in einem Interview erklärt
    before: re.Pattern[str]  # X said: “…” / X told reporters, “…”
    gerund: re.Pattern[str]  # footage of Trump saying, “…” (a preposition's object, subject of -ing)
    subject_first: re.Pattern[str]  # X (many words) cue ...: “…” at a sentence start
    colon_subject: re.Pattern[str]  # X (any verb, more words): “…”
    object_speaker: tuple[re.Pattern[str], ...]  # zitiert X mit den Worten: „…“
    reporting_cue: re.Pattern[str]  # any reporting verb, for deciding whether a quote is a term
    title_cue: re.Pattern[str] | None  # "the book “…", "dubbed “…"
    title_cue_possessive: re.Pattern[str] | None  # "CBS's “…" (only before a title-shaped quote)
    subject: re.Pattern[str]  # X verbed ... “…” (English partial quotes)
    participle: re.Pattern[str]  # ..., saying “…” / ..., arguing that “…”
    framed: re.Pattern[str] | None  # Mit den Worten „…“ …
    framed_after: re.Pattern[str]  # „…“, richtete er … / “…”, he turned …
    subordinate: re.Pattern[str]  # …, indem sie den Aufsichtsrat zum Handeln aufforderte: „…“
    following: re.Pattern[str] | None  # „…“. Dies gibt der Verband bekannt.
    document_opening: re.Pattern[str] | None  # In einem Memorandum wird …, „…“ / Darin steht: „…“
    document_after: re.Pattern[str] | None  # „…“, heißt es in dem Schreiben an …
    document: re.Pattern[str] | None  # the document 'Darin' points back to
    clause_subject: re.Pattern[str]  # (lead-in,) X verb ...: the subject of a clause
    colon_speaker: re.Pattern[str]
    according: re.Pattern[str]
    viewpoint: re.Pattern[str] | None  # Pour X, … « … » / Para X, … «…»: the sentence is X's view
    source: re.Pattern[str]
    ja_after: re.Pattern[str] | None  # 「…」と述べた, 「…」と国土交通相は述べた, 「…」としている
    ja_following: re.Pattern[str] | None  # 「…」。石破茂首相はこう語った
    ja_topic: re.Pattern[str]
    zh_before: re.Pattern[str]
    zh_after: re.Pattern[str]

    def __init__(self, mention: str, sources: dict[str, Source]) -> None:
        self.mention = mention
        self._sources = sources

    def __getattr__(self, name: str) -> Any:
        sources = self.__dict__.get("_sources", {})
        if name not in sources:
            raise AttributeError(name)
        value = _compile(sources[name])
        setattr(self, name, value)  # compiled once, then a plain attribute
        return value


# a pattern's source and flags, a tuple of them, or None where the language has no such pattern
Source = tuple[str, int] | tuple[tuple[str, int], ...] | None


def _src(pattern: str, flags: int = 0) -> tuple[str, int]:
    return (pattern, flags)


def _compile(source: Source) -> Any:
    if source is None:
        return None
    if not source or isinstance(source[0], tuple):  # several patterns (maybe none)
        return tuple(_compile(s) for s in source)
    pattern, flags = source
    # the parser allocates a node per character of a 10k-character pattern: with the cyclic
    # collector running over them, compiling takes twice as long (the nodes are freed anyway)
    gc.disable()
    try:
        return re.compile(pattern, flags)
    finally:
        gc.enable()


@cache
def name_pattern(lex: Lexicon) -> str:
    """A capitalised run that may hold lower-case title words: 'White House press secretary Josh Earnest'."""
    inner = lex.alternation(lex.name_titles)
    if not inner:
        return NAME
    word = rf"(?:{_NAME_WORD}|{_PARTICLE}(?=[ \u00a0]+\p{{Lu}}))"
    return rf"{_NAME_WORD}(?:[ \u00a0]+(?:(?:{inner})[ \u00a0]+)*{word})*"


# a word before the noun of a description: "U.S.", "Gov." and "vice-président" are, a word that
# ends its sentence ("… en la escalera. La testigo") is not
_MODIFIER = rf"(?:[\p{{L}}\d’'/\-]+(?:\.[\p{{L}}\d’'/\-]+)+\.?|(?:{_ABBREVIATIONS})\.|[\p{{L}}\d’'/\-]+)"


def _nominal(lex: Lexicon) -> str:
    nouns = lex.alternation(lex.org_nouns + lex.person_nouns) or "(?!)"
    if lex.noun_prefixes:  # "el exalcalde", "l'ex-ministre", "the co-founder"
        nouns = rf"(?:{lex.alternation(lex.noun_prefixes)})?(?:{nouns})"
    # "Gary Johnson’s doctor", "the ad’s narrator": a possessive before the noun
    possessor = rf"(?:{NAME}|(?i:the){_SP}[\p{{L}}\-]+)(?:’s|'s){_SP}"
    plural_nouns = (
        lex.alternation([n for n in (*lex.person_nouns, *lex.org_nouns) if n.endswith("s")]) or "(?!)"
    )
    dets = lex.alternation(lex.determiners) or "(?!)"
    articles = lex.alternation(sorted(lex.articles)) or dets
    preps = lex.alternation(sorted(lex.prepositions)) or "(?!)"
    stops = lex.alternation(sorted(lex.stop_capitals)) or "(?!)"
    after_det = rf"(?:{_SP}|(?<=['’]))"  # "the ministry", "l'Élysée"
    # "the Ministry of Health", "le ministère de l'Intérieur": a capitalised genitive belongs to it
    genitive = lex.alternation(lex.genitive_prepositions)
    tail = (
        rf"(?:{_SP}(?i:{genitive}){after_det}(?:(?i:{dets}){after_det})?\p{{Lu}}[\p{{L}}\-]*"
        rf"(?:{_SP}\p{{Lu}}[\p{{L}}\-]*){{0,3}})?"
        if genitive
        else ""
    )
    # "una de las afectadas", "one of the protesters": one of a group, named by its noun
    partitives = lex.alternation(lex.partitives)
    partitive = (
        rf"|(?<!\p{{L}})(?i:{partitives}){after_det}(?:[\p{{Ll}}\-]+{_SP}){{0,2}}?(?i:{nouns})\b"
        if partitives
        else ""
    )
    nominal = (
        # no second article among the modifiers: "en la radio el ministro" holds two mentions
        rf"(?:(?i:{dets}){after_det}(?!(?i:{dets}){_SP})(?:(?!(?i:{articles}|{preps}|that|which|who|whom|whose|what|dass)\b)"
        rf"{_MODIFIER}{_SP}){{0,3}}?"
        rf"(?i:{nouns})s?\b{tail}|(?<![\p{{L}}])(?:(?!(?:{stops})\b)\p{{Lu}}\p{{Ll}}+{_SP})?(?i:{plural_nouns})\b"
        rf"|{possessor}(?:[\p{{Ll}}\-]+{_SP}){{0,2}}?(?i:{nouns})\b{partitive})"
    )
    if not lex.capitalized_nouns:
        return nominal
    # German: article, lower-case adjectives, a capitalised noun, maybe a genitive and a name
    # ("der zuständige Gewerkschaftsvorstand Uwe Foullong", "ein Sprecher des Ministeriums")
    return (
        rf"(?:(?<!\p{{L}})(?i:{dets}){_SP}(?:[\p{{Ll}}\d][\p{{L}}\d\-]*{_SP}){{0,3}}(?:\p{{Lu}}|\d+-\p{{Lu}})[\p{{L}}\-]*"
        rf"(?:{_SP}(?:des|der|von|vom){_SP}(?:\p{{Ll}}[\p{{L}}\-]*{_SP})?\p{{Lu}}[\p{{L}}\-]*){{0,2}}"
        rf"(?:{_SP}{NAME})?|{nominal})"
    )


@cache
def patterns(lex: Lexicon) -> Patterns:
    verbs = lex.alternation(lex.verbs)
    adverbs = lex.alternation(lex.adverbs) or "(?!)"
    pronouns = lex.alternation([*lex.pronouns, *(p.capitalize() for p in lex.pronouns)]) or "(?!)"
    nominal = _nominal(lex)
    dets = lex.alternation(lex.determiners) or "(?!)"
    # "the Times wrote", "estime la CGT": an article before a name is not part of it
    mention = (
        rf"(?P<nom>{nominal})|(?P<pro>\b(?:{pronouns})\b)"
        rf"|(?:(?<!\p{{L}})(?i:{dets})(?:{_SP}|(?<=['’])))?(?P<name>{name_pattern(lex)})"
    )
    # "It" opens many sentences it does not speak in ("It is clear that …"): next to a cue only
    neuter = lex.alternation([p for p, g in lex.pronouns.items() if g == "n"])
    opening = rf"(?!(?i:{neuter})\b)(?:{mention})" if neuter else rf"(?:{mention})"
    preps = lex.alternation(sorted(lex.prepositions)) or "(?!)"
    # the subject of a cue before the quote, not the object of a preposition ("in Tulsa", "en la Nochebuena")
    after_prep = rf"(?<!\p{{L}})(?i:{preps}){_SP}"
    subject = rf"(?<!{after_prep})(?<!{after_prep}(?i:{dets}){_SP})(?:{mention})"
    if lex.capitalized_nouns:
        dets = lex.alternation(lex.determiners) or "(?!)"
        subject = rf"(?<!(?<!\p{{L}})(?i:{dets}){_SP}){subject}"
    verb = rf"(?P<cue>(?<!\p{{L}})(?:{verbs}))(?!\p{{L}})"  # lower case: "the United States" holds no cue
    capitals = lex.alternation([v[:1].upper() + v[1:] for v in lex.verbs])
    # a capital cue only opens a sentence ("Said Ellis: “…”") or ends a headline ("…, Graham Says.")
    opening_verb = rf"(?P<cue>(?<!\p{{L}})(?:{verbs}|(?<=^\s*)(?:{capitals})))(?!\p{{L}})"
    aux = lex.alternation(lex.verb_auxiliaries)
    adverb = rf"(?:(?:{adverbs}|\p{{Ll}}{{3,}}ly){_SP})?" if lex.lang == "en" else rf"(?:(?:{adverbs}){_SP})?"
    adv = rf"(?:(?:{aux}){_SP})?{adverb}" if aux else adverb
    gap = rf"(?:{_SP}|(?=[’']s{_SP}))"  # "He said", and "He’s claiming" with no space before ’s
    # "a narrator in the Clinton ad asks": a short prepositional phrase after the speaker
    post_preps = lex.alternation(lex.postmod_prepositions) or "(?!)"
    dets = lex.alternation(lex.determiners) or "(?!)"
    postmod = (
        rf"(?:{_SP}(?:{post_preps})(?:{_SP}|(?<=['’]))(?:(?:{dets}){_SP})?[\p{{L}}’'\-]+"
        rf"(?:{_SP}[\p{{L}}’'\-]+){{0,2}}?)?"
    )
    irregular = lex.alternation(lex.irregular_verbs) or "(?!)"
    speech = lex.alternation(lex.speech_nouns) or "(?!)"
    markers = lex.alternation([m for m in lex.source_markers if m != "told"]) or "(?!)"
    according = lex.alternation(lex.according) or "(?!)"
    auxiliaries = lex.alternation(lex.auxiliaries) or "(?!)"
    reflexive = lex.alternation(lex.reflexives) or "(?!)"
    subordinators = lex.alternation(lex.subordinators) or "(?!)"
    objects = lex.alternation(lex.object_pronouns) or "(?!)"
    # "«…», señaló a Efe el portavoz", "a déclaré à l'AFP le ministre": the outlet told, then who told it
    recipients = lex.alternation(lex.recipient_prepositions) or "(?!)"
    told = (
        rf"(?:(?:{recipients}){_SP}(?:(?:{dets}){_SP}|\p{{Ll}}['’])?"
        rf"\p{{Lu}}[\p{{L}}\-]*(?:{_SP}\p{{Lu}}[\p{{L}}\-]*){{0,2}}{_SP})?"
    )
    leads = lex.alternation(lex.participle_leads) or "(?!)"
    participles = lex.alternation(lex.participles) or "(?!)"
    # "with chants of", "his claims": a cue word after an article or a preposition is a noun
    noun_guard = rf"(?<!(?<!\p{{L}})(?i:{dets}|{preps}){_SP})"
    # "said the Rev. Peter Wherry", "said 9/11 widow Terry Strada": words before a name
    title_lead = rf"(?:the{_SP}(?=\p{{Lu}}\p{{Ll}}{{0,3}}\.)|\S*\d\S*{_SP}(?:\p{{Ll}}+{_SP})?(?=\p{{Lu}}))"
    # "Only European immigrants are": a plural noun before a copula is not the cue
    copulas = "are|were|is|was|have|has|had|will|would|can|could|should|may|might|must"
    # a lead-in before the subject: "During the speech, Trump …", or "On September 27 they …"
    lead_in = (
        rf"(?:\p{{Lu}}[^,“”\"\n]{{0,100}},{_SP}|\p{{Lu}}[^,“”\"\n]{{0,60}}?{_SP}(?=(?:{pronouns}){_SP}))?"
    )
    ja_after = ja_following = None
    if lex.quote_particles:
        closers = lex.alternation(lex.quote_closers) or "(?!)"
        ja_after = _src(
            rf"^[\s、]*(?:(?P<cue>{closers})|(?:{lex.alternation(lex.quote_particles)})[、\s]*"
            rf"(?P<between>[^。「」]{{0,24}}?)(?P<cue>{verbs}))"
        )
        following = lex.alternation(lex.following_cues) or "(?!)"
        topic = lex.alternation(lex.topic_particles) or "(?!)"
        ja_following = _src(
            rf"^[。\s]*(?P<name>{_JA_NAME})(?:{topic})[^。「」]{{0,60}}?(?:{following})(?P<cue>{verbs})"
        )
    rest = r"(?P<rest>[^.!?“”\"«»„]{0,200})$"
    title_words = tuple(c for c in lex.term_cues if c[:1] not in "’'")
    word_start = "" if lex.unspaced else r"(?:^|[^\p{L}])"  # 这个所谓“委员会”: no space before a word
    possessives = tuple(c for c in lex.term_cues if c[:1] in "’'")
    return Patterns(
        mention,
        dict(
            after_cue_first=_src(
                rf"{_LEAD}(?:so{_SP}(?=\p{{Ll}}))?{verb}{_SP}(?:(?:{objects}){_SP}(?=\p{{Ll}}))?{told}(?!that\b)"
                rf"(?:{mention}|{title_lead}(?P<name>{name_pattern(lex)}))"
            ),
            # "“…,” panel Chairman Rep. Jason Chaffetz said": a few lower-case words may lead into a name;
            # "“…,” as a Homeland Security memo put it"
            after_speaker_first=_src(
                rf"{_LEAD}(?:as{_SP})?(?:(?!(?:{subordinators}){_SP})\p{{Ll}}+{_SP}(?=\p{{Lu}})){{0,2}}(?:{mention}){postmod}{APPOS}{gap}{adv}{verb}"
            ),
            inverted_pronoun=_src(rf"{_LEAD}(?:{lex.pronoun_inversion})") if lex.pronoun_inversion else None,
            headline_after=_src(
                rf"^[^\n“”‘’\"]*,{_SP}(?:{mention}){_SP}(?P<cue>{capitals})"
                rf"(?!\p{{L}})[.!?]?[ \u00a0]*(?:\n|$)"
            ),
            signed=_src(rf"^[\s.,!?]*[―—–]\s*(?P<name>{NAME})\s*(?:[.,;]|$)", re.M),
            trailing=_src(
                rf"^[^.!?“”\"«»„\n]{{0,100}}?,{_SP}(?:as{_SP})?(?:{mention}){APPOS}{gap}{adv}{verb}"
            ),
            possessive=_src(
                rf"(?P<name>{name_pattern(lex)})(?:’s|'s|’){_SP}(?:\p{{Ll}}+{_SP}){{0,2}}?(?P<cue>{speech})\b{rest}"
            ),
            inverted=_src(rf"{opening_verb}{_SP}(?:{reflexive}{_SP})?(?:{mention}){APPOS}{rest}"),
            after_auxiliary=_src(
                rf"{_LEAD}(?:{auxiliaries}){_SP}(?:{mention}){APPOS}{_SP}(?:[^\s„“”\"«».]+{_SP}){{0,6}}?{verb}"
            ),
            before=_src(rf"{subject}{postmod}{APPOS}{gap}{adv}{verb}{rest}"),
            gerund=_src(
                rf"(?<=(?<!\p{{L}})(?i:{preps}){_SP})(?:{mention}){_SP}(?P<cue>(?:{verbs}))(?<=ing)(?!\p{{L}}){rest}"
            ),
            subject_first=_src(
                rf"^\s*{opening}{postmod}{APPOS}{_SP}(?:[^\s„“”\"«»]+{_SP}){{0,{MAX_WORDS_TO_CUE}}}?{noun_guard}{verb}{rest}"
            ),
            colon_subject=_src(rf"^\s*{opening}{APPOS}{_SP}\p{{Ll}}[^.!?“”\"«»„\n]{{0,160}}:\s*$"),
            reporting_cue=_src(rf"(?i:{verbs})" if lex.unspaced else rf"(?<!\p{{L}})(?i:{verbs})(?!\p{{L}})"),
            title_cue=_ending_with(rf"{word_start}(?:{lex.alternation(title_words)})", test=True)
            if title_words
            else None,
            title_cue_possessive=(
                _ending_with(rf"\p{{L}}(?:{lex.alternation(possessives)})", test=True)
                if possessives
                else None
            ),
            object_speaker=tuple(_src(p.replace("{mention}", f"(?:{mention})")) for p in lex.object_speaker),
            subject=_src(
                rf"^\s*{lead_in}{opening}{postmod}{APPOS}{_SP}"
                rf"(?:(?:\p{{Ll}}+ly|then|also|later|now|again|once|first|still){_SP})?"
                rf"(?P<cue>(?:\p{{Ll}}{{3,}}(?:ed|es|s)|{irregular})(?!{_SP}(?:{copulas})\b)"
                rf"|(?:is|was|are|were|has been|had been){_SP}"  # "is once again questioning"
                rf"(?:(?:\p{{Ll}}+ly|once again|again|now|still){_SP})?\p{{Ll}}+ing)\b"
            ),
            framed=_ending_with(rf"(?<!\p{{L}})(?i:{lex.alternation(lex.quote_frames)})")
            if lex.quote_frames
            else None,
            framed_after=_src(rf"^[\s,]*(?:\p{{Ll}}+{_SP})?(?:{mention})"),
            subordinate=_src(
                rf",{_SP}(?:{lex.alternation(sorted(lex.clause_words)) or '(?!)'}){_SP}(?:{mention})"
                rf"[^,.;:!?„“”\"«»]{{0,150}}?{_SP}{verb}\s*[:,]?\s*$"
            ),
            following=_src(
                rf"(?:{lex.alternation(lex.anaphoric_openers)}){_SP}(?P<cue>\p{{Ll}}+){_SP}(?:{mention})"
            )
            if lex.anaphoric_openers
            else None,
            document_opening=_document_opening(lex),
            document_after=_document_after(lex),
            document=_src(_document(lex) or "(?!)") if lex.document_nouns else None,
            participle=_src(
                rf"(?:,|{_SP}(?:{leads})){_SP}(?:(?:{leads}){_SP})?(?P<cue>{participles})(?!\p{{L}}){rest}"
            ),
            clause_subject=_src(rf"^\s*{lead_in}{opening}{postmod}{APPOS}{_SP}{adv}\p{{Ll}}"),
            colon_speaker=_src(rf"^(?P<name>{NAME}|\p{{Lu}}[\p{{Lu}} .’'\-]+)\s*:\s"),
            according=_src(
                rf"(?<!\p{{L}})(?i:{according}){_SP}(?:{mention}|(?:\p{{Ll}}+{_SP}){{1,2}}(?P<name>{name_pattern(lex)}))"
            ),
            viewpoint=_src(rf"\s*(?:{lex.alternation(lex.viewpoint)}){_SP}(?:{mention})\s*,")
            if lex.viewpoint
            else None,
            source=_src(_source(lex, markers, rf"{nominal}|{NAME}")),
            ja_after=ja_after,
            ja_following=ja_following,
            ja_topic=_src(rf"(?P<name>{_JA_NAME})(?:{lex.alternation(lex.topic_particles) or '(?!)'})"),
            zh_before=_src(
                rf"(?:^|(?<=[，。；！？、,\s]))(?P<name>{_ZH_SPEAKER}){_zh_between(lex)}(?P<cue>(?:{verbs}){{1,2}})[：:，,]?\s*$"
            ),
            zh_after=_src(
                # the cue ends its clause: in “…”，他形容泽连斯基“…” 他 speaks the next quote
                rf"^[，,。\s]*(?P<name>{_ZH_SPEAKER}){_zh_between(lex)}(?P<cue>(?:{verbs}){{1,2}})(?=\s*(?:[。，,；;：:！!？?]|$))"
            ),
        ),
    )


def _document(lex: Lexicon) -> str | None:
    """A document as a source: 'einem inoffiziellen Memorandum vom August 2002', 'the letter'."""
    if not lex.document_nouns:
        return None
    nouns = lex.alternation(lex.document_nouns)
    dets = lex.alternation(lex.determiners) or "(?!)"
    return (
        rf"(?P<nom>(?<!\p{{L}})(?i:{dets}){_SP}(?:[\p{{Ll}}\d][\p{{L}}\d\-]*{_SP}){{0,3}}"
        rf"[\p{{L}}\-]*(?i:{nouns})(?!\p{{L}})(?:{_SP}(?:vom|von|des|der|of){_SP}[^\s,.:;]+(?:{_SP}\d+)?){{0,2}})"
    )


def _document_opening(lex: Lexicon) -> tuple[str, int] | None:
    """'In einem Memorandum vom August 2002 wird …' and 'Darin steht …' open a sentence."""
    document = _document(lex)
    if document is None or not lex.document_verbs:
        return None
    verbs = lex.alternation(lex.document_verbs)
    adverbs = lex.alternation(lex.document_adverbs) or "(?!)"
    return _src(
        rf"\s*(?:(?:In|Im){_SP}{document}{_SP}(?i:{verbs})\b|(?P<adv>(?i:{adverbs})){_SP}(?i:{verbs})\b)"
    )


def _document_after(lex: Lexicon) -> tuple[str, int] | None:
    """'„…“, heißt es in dem LSVD-Schreiben an …', '„…“, hieß es auf der Webseite des Preises':
    whatever the words name, the quote is read from it."""
    if not lex.document_after:
        return None
    cues = lex.alternation(lex.document_after)
    dets = lex.alternation(lex.determiners) or "(?!)"
    preps = lex.alternation(lex.document_prepositions) or "(?!)"
    return _src(
        rf"^[\s,]*(?P<cue>{cues}){_SP}(?i:{preps}){_SP}"
        rf"(?P<nom>(?:(?i:{dets}){_SP})?[^\s,.;:„“”\"]+(?:{_SP}[^\s,.;:„“”\"]+){{0,6}}?)(?=\s*[,.;:(]|\s*$)"
    )


def _source(lex: Lexicon, markers: str, mention: str) -> str:
    """'according to NHK'; 'NHKによると' (source first); '据新华社报道' (between marker and closer)."""
    if lex.source_marker_follows:
        return rf"(?P<src>[\p{{Han}}\p{{Katakana}}\p{{Lu}}ー・]{{2,20}}?)(?P<marker>{markers})"
    if lex.source_closers:
        closers = lex.alternation(lex.source_closers)
        return rf"(?P<marker>{markers})(?P<src>[\p{{Han}}A-Za-z·]{{2,12}}?)(?:{closers})"
    return rf"(?<![\p{{L}}])(?P<marker>{markers}){_SP}(?P<src>{mention})"


def _zh_between(lex: Lexicon) -> str:
    """What may stand between a Chinese speaker and the cue: 在例行记者会上, 也, 再次."""
    locatives = lex.alternation(lex.locatives) or "(?!)"
    adverbs = lex.alternation(lex.adverbs) or "(?!)"
    return rf"(?:(?:{locatives})[^，。：:“”]{{1,20}}?(?:上|中|时|時|后|後|前|里|裡|会|會))?(?:{adverbs})?"


def _ending_with(cue: str, *, test: bool = False) -> tuple[str, int]:
    """`cue` at the end of a window, before a quotation mark. A `test` (is it there?) searches
    from the end backwards: it fails at once where the forward search tried every position."""
    return _src(rf"{cue}[\s,:]*$", re.REVERSE if test else 0)


def mention_in(m: re.Match[str], offset: int, lex: Lexicon) -> Mention | None:
    """The speaker mention a pattern matched, in document offsets; None for non-speakers."""
    groups = m.groupdict()
    for kind, group in (("nominal", "nom"), ("pronoun", "pro"), ("name", "name")):
        if groups.get(group):
            start, end = m.span(group)
            text = m.group(group)
            if lex.contracted_articles and _after_contraction(m.string, start, text, kind, lex):
                return None  # "ha criticado al Gobierno": the object of a preposition says nothing
            if kind == "name":
                found = clean_name(text, start, lex)
                return found.shifted(offset) if found else None
            if text.split()[-1].rstrip(".") in lex.not_speakers:
                return None  # "mit den Worten" is how a quote is introduced, not who speaks
            appos = m.groupdict().get("appos")
            if kind == "nominal" and appos and re.fullmatch(NAME, appos.strip()):
                named = clean_name(appos.strip(), m.start("appos"), lex)  # "le ministre, Gérald Darmanin,"
                if named is not None:
                    return named.shifted(offset)
            if text.endswith(".") and len(text.split()[-1]) > 3:
                text, end = text[:-1], end - 1  # the sentence's full stop, not an abbreviation
            return Mention(text, start + offset, end + offset, kind)
    return None


def _after_contraction(string: str, start: int, text: str, kind: str, lex: Lexicon) -> bool:
    """Does the mention open with a contracted article (a description) or follow one (a name)?"""
    before = string[max(0, start - 5) : start].split()
    lead = text.split()[0] if kind == "nominal" else (before[-1] if before else "")
    return lead.lower() in lex.contracted_articles


def _known_word(word: str, lex: Lexicon) -> bool:
    """A capitalised word the lexicon knows in lower case opens a sentence, not a name:
    'Tampoco', 'Sin', 'Reveló', 'Said' (adverbs, prepositions, reporting verbs)."""
    low = word.strip(".,").lower()
    return word[:1].isupper() and (low in lex.verb_set or low in lex.prepositions or low in lex.adverb_set)


def clean_name(text: str, start: int, lex: Lexicon) -> Mention | None:
    """Drop sentence-initial function words ('But Trump') and possessives from a capitalised run."""
    words = text.split()
    offset = 0
    while words and (words[0].strip(".") in lex.stop_capitals or _known_word(words[0], lex)):
        if len(words) > 2 and re.fullmatch(_PARTICLE, words[0].lower()) and re.fullmatch(_PARTICLE, words[1]):
            break  # "Von der Leyen"
        if words[0].lower() in lex.prepositions:
            return None  # "In Tulsa", "With Democratic leaders": the object of a preposition
        offset = text.index(words[0], offset) + len(words[0])
        words.pop(0)
    if not words:
        return None
    begin = text.index(words[0], offset)
    name = text[begin:].rstrip(".")
    if name.endswith(("’s", "'s")):
        return None  # a possessive is not a speaker ("Takaichi’s post")
    if name in lex.not_speakers:
        return None
    return Mention(name, start + begin, start + begin + len(name), "name")
