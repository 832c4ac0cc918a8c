"""The record the pipeline returns for each quotation (one row of the table)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Quote:
    """A quotation with its speaker, in one document. Offsets index the document text."""

    start: int
    end: int
    quote: str
    kind: str
    paragraph: int
    lang: str | None = None
    quote_en: str | None = None
    translation_engine: str | None = None
    speaker: str | None = None
    speaker_title: str | None = None
    speaker_mention: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_type: str | None = None
    cue: str | None = None
    cited_source: str | None = None
    method: str = "none"
    confidence: float = 0.0
    platform: str | None = None
    handle: str | None = None
    nlp_engine: str = "rules"
