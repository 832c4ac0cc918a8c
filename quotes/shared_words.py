"""Which texts share enough wording to be worth scoring: candidate pairs for `compare`.

Scoring every pair of quotes grows with the square of the corpus. Two renderings of one remark,
a fragment and the quote it comes from, or a sentence that echoes a remark always share words,
and nearly always a word pair (bigram). So texts become rows of a sparse matrix of their word
pairs and their less common words, and the pairs worth scoring are the non-zero entries of its
product with itself (scipy.sparse): the work is the sum over features of the squared number of
texts that share each, and features in more than COMMON_MIN texts (or COMMON_SHARE of them:
"of the", "we") are left out, which bounds it by the number of texts times COMMON_MIN.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from itertools import pairwise
from typing import Any

MIN_SHARED = 2  # a shared word pair counts 2, a shared word 0.5: one pair, or four words
COMMON_SHARE = 0.001  # a feature in more than this share of the texts is too common to index,
COMMON_MIN = 100  # or in more texts than this: the work is bounded by texts x this


def features(text: str) -> list[str]:
    """The words of a normalised text and its word pairs."""
    words = text.split()
    return words + [f"{a} {b}" for a, b in pairwise(words)]


def _matrix(texts: Sequence[str], vocabulary: dict[str, int], grow: bool = True) -> Any:
    """Sparse (text x feature) matrix whose dot products count a shared word pair 2 and a shared
    word 0.5; features not in `vocabulary` are added to it when `grow`, else left out."""
    import numpy as np  # numpy and scipy are loaded when compare runs, not when quotes starts
    from scipy.sparse import csr_matrix

    columns: list[int] = []
    values: list[float] = []
    bounds = [0]
    for text in texts:
        for feature in set(features(text)):
            column = vocabulary.setdefault(feature, len(vocabulary)) if grow else vocabulary.get(feature)
            if column is not None:
                columns.append(column)
                values.append(_PAIR if " " in feature else _WORD)
        bounds.append(len(columns))
    return csr_matrix(
        (np.array(values, dtype=np.float32), np.array(columns, dtype=np.int64), np.array(bounds)),
        shape=(len(texts), len(vocabulary)),
    )


_PAIR, _WORD = math.sqrt(2.0), math.sqrt(0.5)


def _common(x: Any) -> Any:
    """Columns (features) found in too large a share of the rows of `x`."""
    import numpy as np

    frequency = np.asarray((x > 0).sum(axis=0)).ravel()
    return frequency > max(COMMON_MIN, COMMON_SHARE * x.shape[0])


def _without(x: Any, columns: Any) -> Any:
    import numpy as np

    keep = np.flatnonzero(~columns)
    return x[:, keep]


def similar_pairs(texts: Sequence[str]) -> Iterator[tuple[int, int]]:
    """(i, j), i < j, for texts that share a word pair or four less common words."""
    if len(texts) < 2:
        return
    x = _matrix(texts, {})
    x = _without(x, _common(x))
    shared = (x @ x.T).tocoo()
    for i, j, score in zip(shared.row, shared.col, shared.data, strict=True):
        if i < j and score >= MIN_SHARED - 1e-3:
            yield int(i), int(j)


def containing(
    needles: Sequence[str], haystacks: Sequence[str], min_shared: float
) -> Iterator[tuple[int, int]]:
    """(needle, haystack) index pairs that share at least `min_shared` (pairs 2, words 0.5),
    counting only features common in neither collection."""
    if not needles or not haystacks:
        return
    vocabulary: dict[str, int] = {}
    x = _matrix(needles, vocabulary)
    y = _matrix(haystacks, vocabulary, grow=False)
    common = _common(x) | _common(y)
    shared = (_without(x, common) @ _without(y, common).T).tocoo()
    for i, j, score in zip(shared.row, shared.col, shared.data, strict=True):
        if score >= min_shared - 1e-3:
            yield int(i), int(j)
