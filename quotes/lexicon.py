"""Per-language word lists (reporting verbs, titles, pronouns...) loaded once from `lexicons/*.json`.

Keeping them as data lets a researcher add a language or a verb without touching the rules.
"""

from __future__ import annotations

import json
import re
from dataclasses import Field, dataclass, field, fields
from functools import cache, cached_property
from importlib import resources
from typing import Any

FALLBACK = "en"


@dataclass(frozen=True, eq=False)  # hashed by identity: load() returns one per language
class Lexicon:
    lang: str
    verbs: tuple[str, ...] = ()
    strong_verbs: frozenset[str] = frozenset()
    adverbs: tuple[str, ...] = ()
    # pronoun -> m / f (a man, a woman), x (one person: 同氏), p (a group), s (the writer), n (a thing)
    pronouns: dict[str, str] = field(default_factory=dict)
    titles: frozenset[str] = field(default=frozenset(), metadata={"lower": True})
    female_titles: frozenset[str] = frozenset()
    male_titles: frozenset[str] = frozenset()
    org_nouns: tuple[str, ...] = ()
    person_nouns: tuple[str, ...] = ()
    noun_prefixes: tuple[str, ...] = ()  # ex, vice: written onto a person noun (exalcalde, vicepresidente)
    # countries and regions written before a name as its affiliation (미국 바이든 대통령): not the name
    places: frozenset[str] = frozenset()
    source_markers: tuple[str, ...] = ()
    stop_capitals: frozenset[str] = frozenset()
    not_persons: frozenset[str] = frozenset()
    quote_particles: tuple[str, ...] = ()
    topic_particles: tuple[str, ...] = ()
    name_titles: tuple[str, ...] = ()
    honorifics: frozenset[str] = frozenset()  # 氏, さん: only a person's name stands before them
    anonymous_names: frozenset[str] = frozenset()  # 최모씨: 모 after a surname, "a certain Choi"
    demonstratives: frozenset[str] = frozenset()  # 이 관계자 "this official": the one described before
    definite_articles: frozenset[str] = frozenset()  # "El presidente" after "Carlos Mazón …": the one named
    proper_nouns: tuple[str, ...] = ()  # names the tagger splits (국민의힘 = 국민 + 의 + 힘): taught it whole
    term_cues: tuple[str, ...] = ()
    lower_words: frozenset[str] = frozenset()
    term_marks: frozenset[str] = frozenset()
    according: tuple[str, ...] = ()
    viewpoint: tuple[str, ...] = ()  # "Pour le syndicat, il s'agit d'« une provocation »": a sentence opener
    determiners: tuple[str, ...] = ()
    articles: frozenset[str] = field(
        default=frozenset(), metadata={"lower": True}
    )  # dropped from a description
    capitalized_nouns: bool = False
    not_speakers: frozenset[str] = frozenset()
    auxiliaries: tuple[str, ...] = ()
    reflexives: tuple[str, ...] = ()
    unspaced: bool = False  # Chinese, Japanese: no space between words, so no word boundaries to match
    verb_second: bool = False  # German: verb before subject, then more of the clause
    subject_determiners: tuple[str, ...] = ()  # articles that mark a subject after the verb
    nominative_pronouns: frozenset[str] = (
        frozenset()
    )  # "Die Pläne bezeichnete er als …": er is the subject wherever it stands
    oblique_determiners: frozenset[str] = (
        frozenset()
    )  # articles that never open a subject (German dem, den, des …)
    # a preposition and an article in one word (al, du): what follows is never a speaker nor a source
    contracted_articles: frozenset[str] = frozenset()
    verb_auxiliaries: tuple[str, ...] = ()  # between subject and cue: "has said", "He’s claiming"
    speech_nouns: tuple[str, ...] = ()  # "Trump’s claim that …", 최모씨의 말이다
    irregular_verbs: tuple[str, ...] = ()
    headline_verbs: tuple[str, ...] = ()  # plural verbs of headlines ("Lawmakers Rip Trump")
    object_speaker: tuple[
        str, ...
    ] = ()  # patterns where the speaker is an object: "zitiert {mention} mit den Worten"
    leader_nouns: frozenset[str] = frozenset()  # "the Japanese leader" ...
    leader_titles: frozenset[str] = frozenset()  # ... is whoever holds one of these titles
    title_suffixes: tuple[str, ...] = ()  # German compounds: Innenminister, Regierungssprecher
    prepositions: frozenset[str] = field(
        default=frozenset(), metadata={"lower": True}
    )  # a name right after one is not a subject: "in Tulsa, arguing"
    quote_frames: tuple[str, ...] = ()  # "Mit den Worten „…“, richtete er …": the frame hands the quote on
    anaphoric_openers: tuple[
        str, ...
    ] = ()  # "„…“. Dies gibt der Verband bekannt": the next sentence credits it
    document_nouns: tuple[str, ...] = ()  # statements, letters, reports: sources that are not people
    document_adverbs: tuple[str, ...] = ()  # "Darin heißt es": in the document just named
    document_after: tuple[str, ...] = ()  # „…“, heißt es in …: the words after name where it is written
    document_prepositions: tuple[str, ...] = ()  # … in, auf, im: before the document named after the quote
    document_verbs: tuple[str, ...] = ()  # what a document does in "In X heißt es" / "Darin steht"
    participles: tuple[str, ...] = ()  # "…, saying": the speaker is the clause's subject
    postmod_prepositions: tuple[
        str, ...
    ] = ()  # "a narrator in the Clinton ad asks", "le ministre de l'Intérieur"
    locatives: tuple[str, ...] = ()  # Chinese 在…上 between a speaker and the cue: 李强在会上指出
    source_closers: tuple[str, ...] = ()  # Chinese 据新华社报道: what closes a cited source
    quote_closers: tuple[str, ...] = ()  # Japanese 「…」としている / とした: the particle and the cue in one
    following_cues: tuple[str, ...] = ()  # Japanese 「…」。X首相はこう語った: the next sentence points back
    source_marker_follows: bool = False  # Japanese "NHKによると": the source comes before its marker
    genitive_prepositions: tuple[str, ...] = ()  # "the Ministry of Health", "el Ministerio de Salud"
    pronoun_inversion: str = ""  # French "« … », a-t-il déclaré": a regex with groups `pro` and `cue`
    participle_leads: tuple[str, ...] = ()  # "…, despite admitting that", "… by announcing that"
    group_pronouns: frozenset[str] = frozenset()  # "they": an organisation or a group named nearby
    addressee_verbs: frozenset[str] = (
        frozenset()
    )  # "Mook told CBS, “…”": the name after these verbs is spoken to
    object_only_pronouns: frozenset[str] = frozenset()  # "before asking her, “…”": never the speaker
    subordinators: tuple[str, ...] = ()  # "“…,” when Clinton blasted him": a new clause, not a cue
    feminine_suffixes: tuple[
        str, ...
    ] = ()  # "der Bundesregierung" is dative: the article does not mark a subject
    not_subject_verbs: frozenset[str] = (
        frozenset()
    )  # "Der Fall wird … geprüft", "Er sei „…“": the subject is a topic
    reported_speech: frozenset[str] = (
        frozenset()
    )  # German Konjunktiv I: "Deshalb sei es „…“" reports the last speaker
    clause_words: frozenset[str] = (
        frozenset()
    )  # conjunctions that open a clause (German: und, dass, weil ...; Chinese 但, 而: 但他同时强调)
    object_pronouns: tuple[str, ...] = ()  # "„…“, so charakterisierte ihn der Funktionär": not the speaker
    recipient_prepositions: tuple[str, ...] = ()  # "señaló a Efe el portavoz": whom it was said to
    relatives: frozenset[str] = frozenset()  # "X, who had asked her to ‘…’": the clause has its own subject
    post_nouns: tuple[str, ...] = ()  # "Abe wrote in a Twitter post:" then the post pasted as a paragraph
    askers: tuple[str, ...] = ()  # 記者, 기자들: who asks the questions of a press conference
    question_endings: tuple[str, ...] = ()  # ?, 냐, ですか, 吗: a quoted question
    partitives: tuple[str, ...] = ()  # "una de las afectadas respondió": one of a group speaks
    predicatives: frozenset[str] = frozenset()  # "bezeichnete sie als „Wortbruch“": what X called it
    # verbs whose object is what someone called a thing: "nannte den Bericht eine „Zeitungsente“"
    naming_verbs: frozenset[str] = frozenset()
    function_words: frozenset[str] = field(
        default=frozenset(), metadata={"lower": True}
    )  # the, of, und, que …: text dense with them is in this language without asking a detector

    @cached_property
    def verb_set(self) -> frozenset[str]:
        """Reporting verbs, lower-cased, for word-by-word checks."""
        return frozenset(v.lower() for v in self.verbs)

    @cached_property
    def determiner_set(self) -> frozenset[str]:
        """Determiners, lower-cased, for word-by-word checks."""
        return frozenset(d.lower() for d in self.determiners)

    @cached_property
    def adverb_set(self) -> frozenset[str]:
        return frozenset(a.lower() for a in self.adverbs)

    @cached_property
    def speaker_nouns(self) -> tuple[str, ...]:
        """Nouns for people and bodies, lower-cased: 'sprecher', 'gewerkschaft', 'veranstalter'."""
        return tuple(sorted({n.lower() for n in (*self.person_nouns, *self.org_nouns)}))

    def is_title(self, word: str) -> bool:
        low = word.lower().strip(".,")
        return low in self.titles or (len(low) > 4 and low.endswith(self.title_suffixes))

    def alternation(self, words: tuple[str, ...] | list[str]) -> str:
        """A regex alternation, longest first so that 'went on' wins over 'went'."""
        return "|".join(
            re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True)
        )


def available() -> list[str]:
    """Languages with a lexicon: the two- or three-letter files beside outlets.json."""
    return sorted(
        p.name[:-5]
        for p in resources.files("quotes.lexicons").iterdir()
        if re.fullmatch(r"[a-z]{2,3}\.json", p.name)
    )


@cache
def load(lang: str | None) -> Lexicon:
    """The lexicon for `lang`, or the English one for a language we have none for."""
    code = (lang or FALLBACK).split("-")[0].lower()
    if code not in available():
        code = FALLBACK
    raw = json.loads(resources.files("quotes.lexicons").joinpath(f"{code}.json").read_text(encoding="utf-8"))
    known = {f.name: f for f in fields(Lexicon) if f.name != "lang"}
    unknown = sorted(set(raw) - set(known))
    if unknown:
        raise ValueError(f"lexicons/{code}.json: unknown keys {unknown}; known keys: {sorted(known)}")
    return Lexicon(lang=code, **{key: _value(known[key], value) for key, value in raw.items()})


def _value(spec: Field[Any], value: Any) -> Any:
    """A JSON value as the field's type: lists become tuples or frozensets."""
    kind = str(spec.type)
    if kind.startswith(("tuple", "frozenset")):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ValueError(f"lexicon key {spec.name!r} must be a list of strings")
        words = [v.lower() for v in value] if spec.metadata.get("lower") else value
        return tuple(words) if kind.startswith("tuple") else frozenset(words)
    if kind.startswith("dict"):
        return dict(value)
    return {"bool": bool, "float": float, "str": str}[kind](value)
