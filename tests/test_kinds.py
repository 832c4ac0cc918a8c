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
        # what somebody called it is their word: 'nannte dies einen „Militärputsch“' is a gold quote
        ("Sarkozy nannte sie „Gesindel“ und blieb dabei.", "de", "partial"),
        ("Die Aktion „Saubere Hände“ begann im Mai.", "de", "term"),
        ("El entrenador habló de un partido “muy difícil” y elogió el equipo.", "es", "partial"),
        ("Les syndicats dénoncent un projet « injuste » pour les retraités.", "fr", "partial"),
        ("Trump tweeted that Machado was “disgusting” this week.", "en", "partial"),
        ("She described the plan as “a big, big problem in this country” on Monday.", "en", "partial"),
        ("“We will not give up,” the mayor told the crowd.", "en", "direct"),
        ("It was a long winter.\n\n'Legend in the Coal Fields.'\n\nBankruptcy is hard.", "en", "term"),
        ("It was a long winter.\n\n“We will rebuild this town.”\n\nBankruptcy is hard.", "en", "direct"),
        # Chinese and Japanese: a label after 所谓, a word or two under a verb that reports nothing,
        # a newspaper's name in 『』; but a remark under a reporting verb or after a headline's "="
        ("赵立坚回应称蓬佩奥留下的不是所谓“遗产”,而是遗毒。", "zh", "term"),
        ("蔡總統展現談判專家本色,硬是把「直球」打成好球。", "zh", "term"),
        ("蔡總統曾透露,小時候的英文科目的確「很菜」。", "zh", "direct"),
        ("李克强被问到感受时笑答“问题太大”", "zh", "partial"),
        ("首相は会見で語った。=14日付『読売新聞』", "ja", "term"),
        ("岡野外務次官、中国大使に直接抗議=「日本、火の中に」発言", "ja", "direct"),
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


def _features(text: str, lang: str) -> dict[str, float]:
    from quotes.kinds import term_features

    lex, _, spans, paras = quote_spans(text, lang)
    (span,) = spans
    (attribution,) = attribute_spans(text, spans, paras, lex)
    return term_features(text, span, attribution, lex)


def test_cue_evidence_reads_where_the_reporting_verb_stands() -> None:
    governed = _features("Wiefelspütz nannte den Bericht eine „Zeitungsente“.", "de")
    assert governed.get("cue_before:3-6") == 1.0 and "cue_before_break" not in governed
    called = _features("Er bezeichnete die Pläne als „Wortbruch“.", "de")
    assert called.get("after_predicative") == 1.0
    reported = _features("Bis vor zwei Jahren sei es der „Normalfall“ gewesen.", "de")
    assert reported.get("reported_speech") == 1.0 and not any(k.startswith("cue_before") for k in reported)
    broken = _features("Sie sagte das, doch die Fans wollten mehr „Zugabe“.", "de")
    assert broken.get("cue_before_break") == 1.0


def test_the_sentence_read_around_a_quote_is_bounded() -> None:
    from quotes.extract import find_spans
    from quotes.kinds import SENTENCE_WINDOW, _sentence_bounds

    text = "a " * 50_000 + "„Wort“" + " b" * 50_000
    (span,) = [s for s in find_spans(text) if s.text_in(text) == "Wort"]
    start, end = _sentence_bounds(text, span)
    assert span.outer_start - start <= SENTENCE_WINDOW and end - span.outer_end <= SENTENCE_WINDOW
    assert text[start : span.outer_start].endswith("a ") and text[span.outer_end : end].startswith(" b")
