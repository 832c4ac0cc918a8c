"""Per-language word lists (reporting verbs, titles, pronouns...) loaded once from `lexicons/*.json`.

Keeping them as data lets a researcher add a language or a verb without touching the rules.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources

FALLBACK = "en"


@dataclass(frozen=True, eq=False)  # hashed by identity: load() returns one per language
class Lexicon:
    lang: str
    verbs: tuple[str, ...]
    strong_verbs: frozenset[str]
    adverbs: tuple[str, ...]
    pronouns: dict[str, str]
    titles: frozenset[str]
    female_titles: frozenset[str]
    male_titles: frozenset[str]
    org_nouns: tuple[str, ...]
    person_nouns: tuple[str, ...]
    source_markers: tuple[str, ...]
    stop_capitals: frozenset[str]
    not_persons: frozenset[str]
    quote_particles: tuple[str, ...]
    topic_particles: tuple[str, ...]
    name_titles: tuple[str, ...]
    term_cues: tuple[str, ...]
    lower_words: frozenset[str]
    term_marks: frozenset[str]
    according: tuple[str, ...]
    determiners: tuple[str, ...]
    capitalized_nouns: bool
    not_speakers: frozenset[str]
    auxiliaries: tuple[str, ...]
    reflexives: tuple[str, ...]
    verb_second: bool  # German: verb before subject, then more of the clause
    subject_determiners: tuple[str, ...]  # articles that mark a subject after the verb
    nominative_pronouns: frozenset[
        str
    ]  # "Die Pläne bezeichnete er als …": er is the subject wherever it stands
    oblique_determiners: frozenset[str]  # articles that never open a subject (German dem, den, des …)
    verb_auxiliaries: tuple[str, ...]  # between subject and cue: "has said", "He’s claiming"
    speech_nouns: tuple[str, ...]  # "Trump’s claim that …"
    irregular_verbs: tuple[str, ...]
    headline_verbs: tuple[str, ...]  # plural verbs of headlines ("Lawmakers Rip Trump")
    object_speaker: tuple[
        str, ...
    ]  # patterns where the speaker is an object: "zitiert {mention} mit den Worten"
    confidence_scale: float  # how reliable the rules are in this language, measured on dev data
    leader_nouns: frozenset[str]  # "the Japanese leader" ...
    leader_titles: frozenset[str]  # ... is whoever holds one of these titles
    title_suffixes: tuple[str, ...]  # German compounds: Innenminister, Regierungssprecher
    prepositions: frozenset[str]  # a name right after one is not a subject: "in Tulsa, arguing"
    quote_frames: tuple[str, ...]  # "Mit den Worten „…“, richtete er …": the frame hands the quote on
    anaphoric_openers: tuple[str, ...]  # "„…“. Dies gibt der Verband bekannt": the next sentence credits it
    document_nouns: tuple[str, ...]  # statements, letters, reports: sources that are not people
    document_adverbs: tuple[str, ...]  # "Darin heißt es": in the document just named
    document_verbs: tuple[str, ...]  # what a document does in "In X heißt es" / "Darin steht"
    participles: tuple[str, ...]  # "…, saying": the speaker is the clause's subject
    postmod_prepositions: tuple[str, ...]  # "a narrator in the Clinton ad asks", "le ministre de l'Intérieur"
    quote_closers: tuple[str, ...]  # Japanese 「…」としている / とした: the particle and the cue in one
    following_cues: tuple[str, ...]  # Japanese 「…」。X首相はこう語った: the next sentence points back
    source_marker_follows: bool  # Japanese "NHKによると": the source comes before its marker
    genitive_prepositions: tuple[str, ...]  # "the Ministry of Health", "el Ministerio de Salud"
    pronoun_inversion: str  # French "« … », a-t-il déclaré": a regex with groups `pro` and `cue`
    participle_leads: tuple[str, ...]  # "…, despite admitting that", "… by announcing that"
    group_pronouns: frozenset[str]  # "they": an organisation or a group named nearby
    addressee_verbs: frozenset[str]  # "Mook told CBS, “…”": the name after these verbs is spoken to
    object_only_pronouns: frozenset[str]  # "before asking her, “…”": never the speaker
    subordinators: tuple[str, ...]  # "“…,” when Clinton blasted him": a new clause, not a cue
    feminine_suffixes: tuple[str, ...]  # "der Bundesregierung" is dative: the article does not mark a subject
    not_subject_verbs: frozenset[str]  # "Der Fall wird … geprüft", "Er sei „…“": the subject is a topic
    reported_speech: frozenset[str]  # German Konjunktiv I: "Deshalb sei es „…“" reports the last speaker
    clause_words: frozenset[str]  # conjunctions that open a clause (German: und, dass, weil ...)
    object_pronouns: tuple[str, ...]  # "„…“, so charakterisierte ihn der Funktionär": not the speaker

    @cached_property
    def verb_set(self) -> frozenset[str]:
        """Reporting verbs, lower-cased, for word-by-word checks."""
        return frozenset(v.lower() for v in self.verbs)

    def is_title(self, word: str) -> bool:
        low = word.lower().strip(".,")
        return low in self.titles or (len(low) > 4 and low.endswith(self.title_suffixes))

    def alternation(self, words: tuple[str, ...] | list[str]) -> str:
        """A regex alternation, longest first so that 'went on' wins over 'went'."""
        return "|".join(
            re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True)
        )


def available() -> list[str]:
    return sorted(
        p.name[:-5] for p in resources.files("quotes.lexicons").iterdir() if p.name.endswith(".json")
    )


@cache
def load(lang: str | None) -> Lexicon:
    """The lexicon for `lang`, or the English one for a language we have none for."""
    code = (lang or FALLBACK).split("-")[0].lower()
    if code not in available():
        code = FALLBACK
    raw = json.loads(resources.files("quotes.lexicons").joinpath(f"{code}.json").read_text(encoding="utf-8"))

    def words(key: str) -> tuple[str, ...]:
        return tuple(raw.get(key, ()))

    return Lexicon(
        lang=code,
        verbs=words("verbs"),
        strong_verbs=frozenset(words("strong_verbs")),
        adverbs=words("adverbs"),
        pronouns=dict(raw.get("pronouns", {})),
        titles=frozenset(w.lower() for w in words("titles")),
        female_titles=frozenset(words("female_titles")),
        male_titles=frozenset(words("male_titles")),
        org_nouns=words("org_nouns"),
        person_nouns=words("person_nouns"),
        source_markers=words("source_markers"),
        stop_capitals=frozenset(words("stop_capitals")),
        not_persons=frozenset(words("not_persons")),
        quote_particles=words("quote_particles"),
        topic_particles=words("topic_particles"),
        name_titles=words("name_titles"),
        term_cues=words("term_cues"),
        lower_words=frozenset(words("lower_words")),
        term_marks=frozenset(words("term_marks")),
        according=words("according"),
        determiners=words("determiners"),
        capitalized_nouns=bool(raw.get("capitalized_nouns", False)),
        not_speakers=frozenset(words("not_speakers")),
        auxiliaries=words("auxiliaries"),
        reflexives=words("reflexives"),
        verb_second=bool(raw.get("verb_second", False)),
        subject_determiners=words("subject_determiners"),
        oblique_determiners=frozenset(words("oblique_determiners")),
        nominative_pronouns=frozenset(words("nominative_pronouns")),
        verb_auxiliaries=words("verb_auxiliaries"),
        speech_nouns=words("speech_nouns"),
        irregular_verbs=words("irregular_verbs"),
        headline_verbs=words("headline_verbs"),
        object_speaker=words("object_speaker"),
        confidence_scale=float(raw.get("confidence_scale", 1.0)),
        leader_nouns=frozenset(words("leader_nouns")),
        leader_titles=frozenset(words("leader_titles")),
        title_suffixes=words("title_suffixes"),
        prepositions=frozenset(w.lower() for w in words("prepositions")),
        participles=words("participles"),
        postmod_prepositions=words("postmod_prepositions"),
        pronoun_inversion=str(raw.get("pronoun_inversion", "")),
        genitive_prepositions=words("genitive_prepositions"),
        quote_closers=words("quote_closers"),
        following_cues=words("following_cues"),
        source_marker_follows=bool(raw.get("source_marker_follows", False)),
        participle_leads=words("participle_leads"),
        object_only_pronouns=frozenset(words("object_only_pronouns")),
        addressee_verbs=frozenset(words("addressee_verbs")),
        group_pronouns=frozenset(words("group_pronouns")),
        quote_frames=words("quote_frames"),
        anaphoric_openers=words("anaphoric_openers"),
        document_nouns=words("document_nouns"),
        document_adverbs=words("document_adverbs"),
        document_verbs=words("document_verbs"),
        subordinators=words("subordinators"),
        object_pronouns=words("object_pronouns"),
        feminine_suffixes=words("feminine_suffixes"),
        clause_words=frozenset(words("clause_words")),
        reported_speech=frozenset(words("reported_speech")),
        not_subject_verbs=frozenset(words("not_subject_verbs")),
    )
