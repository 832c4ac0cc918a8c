from __future__ import annotations

import pytest

from quotes import extract_quotes
from quotes.attribute import attribute_spans
from quotes.kinds import classify
from quotes.pipeline import quote_spans


def kind_of(text: str, lang: str = "en") -> str:
    """The kind the pipeline gives, on the evidence its attribution found (as in a run)."""
    lex, _, spans, paras = quote_spans(text, lang)
    (span,) = spans
    (attribution,) = attribute_spans(text, spans, paras, lex)
    return classify(text, span, attribution, lex)


@pytest.mark.parametrize(
    ("text", "lang", "kind"),
    [
        ("In his 2002 book, “Make Your Kid a Millionaire,” he suggested saving.", "en", "term"),
        ("The 30-second spot, titled “Arrogant,” features a reporter.", "en", "term"),
        ("In an interview on CBS's “Face the Nation,” the speaker was calm.", "en", "term"),
        ("He pushed for the so-called “pass through” rule.", "en", "term"),
        ('<tweet author="carlquintanilla">', "en", "term"),
        ("Die Saturnsonde „Cassini“ passiert den Mond.", "de", "term"),
        ("Die „Partij voor de Vrijheid“ gewann Sitze.", "de", "term"),
        ("Sarkozy nannte sie „Gesindel“ und blieb dabei.", "de", "term"),  # a scare quote, as in German gold
        ("Trump tweeted that Machado was “disgusting” this week.", "en", "partial"),
        ("She described the plan as “a big, big problem in this country” on Monday.", "en", "partial"),
        ("“We will not give up,” the mayor told the crowd.", "en", "direct"),
        ("It was a long winter.\n\n'Legend in the Coal Fields.'\n\nBankruptcy is hard.", "en", "term"),
        ("It was a long winter.\n\n“We will rebuild this town.”\n\nBankruptcy is hard.", "en", "direct"),
        # a headline capitalises every word: capitals are no evidence of a title there
        ("Chris Christie Calls Hillary Clinton ‘A Disgrace’", "en", "partial"),
    ],
)
def test_kind(text: str, lang: str, kind: str) -> None:
    assert kind_of(text, lang) == kind


def test_terms_are_left_out_unless_asked_for() -> None:
    text = "In his 2002 book, “Make Your Kid a Millionaire,” he said saving “is everything.”"
    assert [q.quote for q in extract_quotes(text, lang="en")] == ["is everything."]
    from quotes.pipeline import Options

    kept = extract_quotes(text, options=Options(lang="en", include_terms=True))
    assert [q.kind for q in kept] == ["term", "partial"]


def test_fragments_of_one_sentence_are_one_quote() -> None:
    text = "Trump tweeted that Machado was “disgusting” and “a con” and left it there."
    (q,) = extract_quotes(text, lang="en")
    assert q.quote == "disgusting … a con"
    assert text[q.start : q.end] == "disgusting” and “a con"


def test_fragments_across_a_sentence_end_stay_apart() -> None:
    text = "Sie sagte, es seien „viele Frauen mit Erfahrung.“ Sie seien „gut geeignet“ für die Arbeit."
    assert len(extract_quotes(text, lang="de")) == 2
