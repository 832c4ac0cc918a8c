import pytest

from quotes.extract import paragraphs
from quotes.sentences import sentence_end, sentence_start


@pytest.mark.parametrize(
    ("text", "at", "opens"),
    [
        ("Mr. Smith spoke. Then Ms. Jones said it.", "said", "Then Ms. Jones"),
        ("WASHINGTON -- President Obama said it.", "said", "President Obama"),
        ("TOKYO (Reuters) — Takaichi said it.", "said", "Takaichi"),
        ("Steuern: Die SPD will mehr.", "will", "Die SPD"),
        ("Bis zum 14. Juli muss sie es tun.", "muss", "Bis zum 14. Juli"),
        ("Er kam bzw. ging. Dann sagte er es.", "sagte", "Dann sagte"),
    ],
)
def test_sentence_start(text: str, at: str, opens: str) -> None:
    (para,) = paragraphs(text)
    assert text[sentence_start(text, para, text.index(at)) :].startswith(opens)


@pytest.mark.parametrize(
    ("text", "after", "next_sentence"),
    [
        ("Sie muss es bis zum 14. Juli bzw. später tun. Dies gibt der Verband bekannt.", "muss", "Dies gibt"),
        ("He said so. She agreed.", "He", "She agreed"),
        ("Only one sentence here", "one", ""),
    ],
)
def test_sentence_end(text: str, after: str, next_sentence: str) -> None:
    (para,) = paragraphs(text)
    assert text[sentence_end(text, para, text.index(after)) :].startswith(next_sentence)
