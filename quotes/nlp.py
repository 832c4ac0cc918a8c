"""stanza behind the same interface as the rules: the subject of the reporting verb is the speaker.

When stanza models for a document's language are in the model store, the document is parsed
(tokens, POS, lemmas, dependencies, NER) and, for each quote, the reporting verb nearest to it
outside the quote gives its `nsubj`, widened to the whole name or entity. Quotes the parse
cannot attribute fall through to the rules. Nothing is downloaded: without models the rules
do all the work and the summary says which models are missing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from quotes import resources
from quotes.attribute import Attribution
from quotes.cues import Mention
from quotes.extract import QuoteSpan
from quotes.lexicon import Lexicon

PROCESSORS = "tokenize,pos,lemma,depparse,ner"
CONFIDENCE = 0.9  # not yet measured: no stanza models can be fetched where this was built
SUBJECTS = {"nsubj", "nsubj:pass", "csubj"}
NAME_PARTS = {"compound", "flat", "flat:name", "amod", "det", "nmod:poss", "nummod"}
MAX_DISTANCE = 200  # characters between a quote and its reporting verb

Annotator = Callable[[str], Any]  # text -> stanza.Document


def available(lang: str, store: Path | None = None) -> bool:
    return lang in resources.stanza_languages(store)


@dataclass
class StanzaAnnotator:
    """A stanza pipeline for one language, loaded from the store on first use."""

    lang: str
    store: Path | None = None
    _pipeline: Any = field(default=None, repr=False)

    def __call__(self, text: str) -> Any:
        if self._pipeline is None:
            if not available(self.lang, self.store):
                raise resources.ModelMissing(
                    f"no stanza models for '{self.lang}' in {resources.stanza_dir(self.store)}; "
                    f"install them with `quotes models install-stanza {self.lang}`"
                )
            import stanza

            self._pipeline = stanza.Pipeline(
                self.lang,
                dir=str(resources.stanza_dir(self.store)),
                processors=PROCESSORS,
                download_method=None,
                logging_level="WARN",
            )
        return self._pipeline(text)


def annotator_for(lang: str, store: Path | None = None) -> Annotator | None:
    """The annotator for `lang`, or None when its models are not installed."""
    return StanzaAnnotator(lang, store) if available(lang, store) else None


def attributions_from_parse(doc: Any, spans: list[QuoteSpan], lex: Lexicon) -> list[Attribution | None]:
    """One attribution per quote from a stanza Document (None where the parse finds no speaker)."""
    return [_attribute(doc, span, lex.verb_set) for span in spans]


def _attribute(doc: Any, span: QuoteSpan, verbs: frozenset[str]) -> Attribution | None:
    cues = []
    for sentence in doc.sentences:
        if sentence.words[0].start_char > span.outer_end + MAX_DISTANCE:
            break
        if sentence.words[-1].end_char < span.outer_start - MAX_DISTANCE:
            continue
        for word in sentence.words:
            inside = span.outer_start <= word.start_char < span.outer_end
            said = (word.lemma or "").lower() in verbs or word.text.lower() in verbs
            if not inside and said and word.upos in ("VERB", "AUX"):
                distance = max(span.outer_start - word.end_char, word.start_char - span.outer_end)
                if distance <= MAX_DISTANCE:
                    cues.append((distance, word, sentence))
    for _, cue, sentence in sorted(cues, key=lambda c: c[0]):
        subject = next((w for w in sentence.words if w.head == cue.id and w.deprel in SUBJECTS), None)
        if subject is None:
            continue
        start, end = _extent(subject, sentence)
        text = doc.text[start:end]
        kind = "pronoun" if subject.upos == "PRON" else "name" if subject.upos == "PROPN" else "nominal"
        return Attribution(Mention(text, start, end, kind), cue.text, None, "stanza-dep", CONFIDENCE)
    return None


def _extent(head: Any, sentence: Any) -> tuple[int, int]:
    """The subject's name or entity: its compound/flat/modifier children, or its NER span."""
    for entity in sentence.ents:
        if entity.start_char <= head.start_char < entity.end_char:
            return entity.start_char, entity.end_char
    parts = [head, *(w for w in sentence.words if w.head == head.id and w.deprel in NAME_PARTS)]
    return min(w.start_char for w in parts), max(w.end_char for w in parts)
