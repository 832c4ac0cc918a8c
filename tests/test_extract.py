from __future__ import annotations

import itertools
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotes.extract import find_spans, quote_kind
from tests.conftest import span_texts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“We will win,” she said.", ["We will win,"]),
        ('"We will win," she said.', ["We will win,"]),
        ("He said: «Nous gagnerons.»", ["Nous gagnerons."]),
        ("Il a dit : « Nous gagnerons » hier.", ["Nous gagnerons"]),
        ("Sie sagte: „Wir werden gewinnen.“", ["Wir werden gewinnen."]),
        ("Sie sagte: „Wir werden gewinnen.”", ["Wir werden gewinnen."]),
        ("Er sagte: »Wir schaffen das.«", ["Wir schaffen das."]),
        ("首相は「全力で取り組む」と述べた。", ["全力で取り組む"]),
        ("首相は『全力で』と述べた。", ["全力で"]),
        ("''This isn't tax reform,'' said Douglas Holtz-Eakin.", ["This isn't tax reform,"]),
        ("``It works,'' he said.", ["It works,"]),
        ("Trump Was ‘Mocking’ Clinton Camp", ["Mocking"]),
        ("It’s ‘in Their Heads.’", ["in Their Heads."]),
        ("He asked her to 'manage' relations.", ["manage"]),
        ("Il a dit ‹ non › hier.", ["non"]),
        ("Sie sagte: „Wir kommen.”", ["Wir kommen."]),
        ("Er sagte: ‚Wir kommen.‘", ["Wir kommen."]),
        ("«Non», a-t-il répondu.", ["Non"]),
        # an elided article or conjunction before the mark is not a quote of its own
        ("Il s'agit d'« une provocation », selon lui.", ["une provocation"]),
        ("Il l’a qualifiée d’“inacceptable”.", ["inacceptable"]),
        ("彼は＂大丈夫＂と言った。", ["大丈夫"]),
        ("彼は〝大丈夫〟と言った。", ["大丈夫"]),
        ("他说：“我们会赢。”", ["我们会赢。"]),
        ("《人民日报》报道说“我们会赢”。", ["我们会赢"]),  # 《》 is a title, not a quote
        ("〈論文〉によると増えた。", []),
        ("首相は「『新しい資本主義』を進める」と述べた。", ["『新しい資本主義』を進める"]),
        ("首相は「全力で取り組む。」と述べた。", ["全力で取り組む。"]),
        ("首相は「全力で取り組む」。", ["全力で取り組む"]),
    ],
)
def test_conventions(text: str, expected: list[str]) -> None:
    assert span_texts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Japan’s leader and the leaders’ meeting",
        "Japan's leader met rock 'n' roll fans in the '90s.",
        "Don't stop, won't stop, can't stop.",
    ],
)
def test_apostrophes_are_not_quotes(text: str) -> None:
    assert span_texts(text) == []


def test_nested_quote_stays_inside_outer() -> None:
    text = "“He told me ‘never again’ and left,” she said."
    assert span_texts(text) == ["He told me ‘never again’ and left,"]


def test_multi_paragraph_quote_is_one_quote() -> None:
    text = "He said:\n\n“The first part goes on.\n\n“And the second part ends here.”\n\nThe end."
    spans = find_spans(text)
    assert len(spans) == 1
    assert spans[0].text_in(text) == "The first part goes on.\nAnd the second part ends here."
    assert len(spans[0].pieces) == 2


def test_stray_mark_is_bounded_by_its_paragraph() -> None:
    text = "She called it “absurd and left.\n\nThe next paragraph has “a real quote” inside."
    texts = span_texts(text)
    assert "a real quote" in texts
    assert all("\n" not in t for t in texts)


def test_offsets_exclude_marks() -> None:
    text = "Intro. “Exactly this,” he said."
    (span,) = find_spans(text)
    assert text[span.start : span.end] == "Exactly this,"
    assert text[span.outer_start] == "“" and text[span.outer_end - 1] == "”"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("“We agreed to proceed with the visit,” Takaichi said.", "direct"),
        ("Takaichi told reporters, “At the start of the year I spoke to him.”", "direct"),
        ("They agreed to open a “new chapter in the history of the alliance,” expanding ties.", "partial"),
        ("She promoted a “free and open Indo-Pacific,” a phrase she reiterated.", "partial"),
    ],
)
def test_kind(text: str, kind: str) -> None:
    (span,) = find_spans(text)
    assert quote_kind(text, span) == kind


SOUP = [*"\"“”‘’'«»„‚‹›「」『』＂〝〟\n ", "x", "’s", "''", "``", "word", ". "]


@pytest.mark.timeout(30)  # a hang fails the test instead of stalling the suite
@pytest.mark.parametrize("seed", range(20))
def test_long_random_mark_soup_never_crashes(seed: int) -> None:
    rng = random.Random(seed)
    text = "".join(rng.choice(SOUP) for _ in range(5000))
    spans = find_spans(text)
    assert all(0 <= s.outer_start <= s.start <= s.end <= s.outer_end <= len(text) for s in spans)
    assert all(a.outer_end <= b.outer_start for a, b in itertools.pairwise(spans))


MARKS = st.sampled_from([*"\"“”‘’'«»„「」『』 \n", "''", "abc", "Japan's", ". ", "he said"])


@settings(max_examples=300, deadline=None)
@given(st.lists(MARKS, max_size=40).map("".join))
def test_spans_inside_text_and_not_overlapping(text: str) -> None:
    spans = find_spans(text)
    assert spans == find_spans(text)  # deterministic
    for s in spans:
        assert 0 <= s.outer_start <= s.start <= s.end <= s.outer_end <= len(text)
    for a, b in itertools.pairwise(spans):
        assert a.outer_end <= b.outer_start
