"""The text the pipeline reads, and the way back to the text the user gave.

Rules and lexicons expect composed characters (NFC) and LF line ends, but a user's `text` field
may hold decomposed accents or CRLF, and every offset in the output must index *their* string.
So a text is normalised one cluster at a time (a starter with the marks and conjoining jamo
after it, or a CRLF pair), and the start of each cluster in the raw text is kept.
"""

from __future__ import annotations

import unicodedata

import regex as re

# a line end (CRLF, CR, LF: nothing composes with it), or a character and what composes with it:
# combining marks, Hangul vowel and final jamo (a mark after a line end stands alone)
_CLUSTER = re.compile(r"\r\n?|\n|[^\r\n][\p{M}\u1160-\u11ff\ud7b0-\ud7ff]*", re.DOTALL)


def normalise(text: str) -> tuple[str, tuple[int, ...] | None]:
    """(NFC text with LF line ends, raw offset of each of its characters plus one for its end),
    or (text, None) when nothing changes, which is the common case and costs one check."""
    if "\r" not in text and unicodedata.is_normalized("NFC", text):
        return text, None
    out: list[str] = []
    offsets: list[int] = []
    for m in _CLUSTER.finditer(text):
        cluster = m.group()
        piece = "\n" if cluster[0] in "\r\n" else unicodedata.normalize("NFC", cluster)
        out.append(piece)
        if piece == cluster:  # unchanged: character for character
            offsets.extend(range(m.start(), m.end()))
        else:  # composed or a line end: its characters stand for the whole cluster
            offsets.extend([m.start()] * len(piece))
    offsets.append(len(text))
    return "".join(out), tuple(offsets)


def to_raw(offsets: tuple[int, ...] | None, pos: int | None) -> int | None:
    """The raw offset of a position in the normalised text (an end maps to a cluster's end)."""
    if offsets is None or pos is None:
        return pos
    return offsets[min(max(pos, 0), len(offsets) - 1)]
