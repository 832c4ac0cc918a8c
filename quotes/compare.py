"""The same remark across outlets: clusters of quotes, their wording differences, and echoes.

Quotes from different documents report the same utterance when their speakers are compatible
(the same canonical name, or one unknown) and their English wording is close (rapidfuzz); a
partial quote joins the full quote it is part of. Each cluster's reference is its fullest
wording; every member gets its similarity to it and a word-level diff. Echoes are sentences in
other documents that carry the reference's words without quotation marks. Only pairs that share
wording are scored (shared_words.py), so the work grows with the corpus, not its square.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

import regex as re
from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from quotes.documents import Document
from quotes.shared_words import containing, similar_pairs
from quotes.table import to_frame
from quotes.writers import is_missing

if TYPE_CHECKING:
    import pandas as pd

SAME_REMARK = 62  # token-set similarity (0-100) of two full renderings of one remark
PART_OF = 90  # partial-ratio of a fragment inside a longer quote
ECHO = 85  # partial-ratio of a reference inside an unquoted sentence
MIN_PART_WORDS = 4  # shorter fragments ("extremely") match anything
MIN_WORD_SHARE = 0.3  # of the shorter quote's distinct words, in both: below it neither test passes
MIN_ECHO_WORDS = 5
ECHO_COVERAGE = 0.8  # an echo is at least this long relative to the remark it repeats
ECHO_MIN_SHARED = 4  # shared wording (a word pair 2, a word 0.5) before a sentence is scored as an echo

COMPARE_COLUMNS: dict[str, str] = {
    "cluster_id": "Int64",
    "variant": "string",  # quote | echo
    "doc_id": "string",
    "outlet": "string",
    "quote_id": "string",
    "speaker": "string",
    "kind": "string",
    "lang": "string",
    "text": "string",  # the wording as published
    "text_en": "string",  # its English rendering
    "reference": "string",
    "similarity": "Float64",
    "words_added": "string",
    "words_removed": "string",
    "words_changed": "string",
    "start": "Int64",
    "end": "Int64",
}

_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
_WORD = re.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’.-]*")
_QUOTED = re.compile(r"[“”\"«»„「」『』]")


def normalise(text: str) -> str:
    """Lower case, one kind of hyphen and apostrophe, single spaces: spelling noise is not wording."""
    text = _DASHES.sub("-", text).replace("’", "'").replace("…", " ")
    return " ".join(_WORD.findall(text.lower()))


@dataclass(frozen=True)
class _Item:
    index: int
    doc_id: str
    speaker: str | None
    kind: str
    english: str  # normalised, for comparing
    display: str  # as published (or as rendered in English)
    words: int


def _compatible(a: _Item, b: _Item) -> bool:
    return a.doc_id != b.doc_id and (a.speaker is None or b.speaker is None or a.speaker == b.speaker)


def _same_remark(a: _Item, b: _Item) -> float:
    """How strongly two quotes report one remark (0-100), or 0 when they do not."""
    if not _compatible(a, b) or not a.english or not b.english:
        return 0.0
    short, long_ = (a, b) if a.words <= b.words else (b, a)
    if short.words < MIN_PART_WORDS:
        return 0.0
    # with a cutoff rapidfuzz gives up early on a pair below it (and returns 0)
    part = fuzz.partial_ratio(short.english, long_.english, score_cutoff=PART_OF)
    if part:
        return float(part)
    if short.words >= 0.5 * long_.words:
        return float(fuzz.token_set_ratio(a.english, b.english, score_cutoff=SAME_REMARK))
    return 0.0


def clusters(items: list[_Item]) -> list[int]:
    """Cluster index per item (union-find over pairs that report one remark). Identical
    renderings by one speaker are one item to score; only pairs that share wording are scored."""
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        parent[find(i)] = find(j)

    same: dict[tuple[str, str | None], list[_Item]] = {}
    for item in items:
        if item.english:
            same.setdefault((item.english, item.speaker), []).append(item)
    representatives = []
    for group in same.values():
        docs = {g.doc_id for g in group}
        if len(docs) > 1:  # one wording in several documents: one remark, and any other
            for g in group[1:]:  # document is another than one of its members
                union(g.index, group[0].index)
        representatives.append(group[0] if len(docs) == 1 else replace(group[0], doc_id=_SEVERAL))
    texts = [r.english for r in representatives]
    words = [frozenset(t.split()) for t in texts]
    for i, j in similar_pairs(texts):
        a, b = representatives[i], representatives[j]
        # both tests below need a good share of the shorter one's words (a set intersection
        # costs a microsecond, a fuzzy score twenty)
        if len(words[i] & words[j]) < MIN_WORD_SHARE * min(len(words[i]), len(words[j])):
            continue
        if find(a.index) != find(b.index) and _same_remark(a, b):
            union(a.index, b.index)
    roots = {r: n for n, r in enumerate(dict.fromkeys(find(i) for i in range(len(items))))}
    return [roots[find(i)] for i in range(len(items))]


_SEVERAL = "\x00several documents"  # never a document id: differs from every one


def diff_ops(ref: list[str], new: list[str]) -> list[tuple[str, int, int, int, int]]:
    """Word-level edits on the longest common subsequence (shared runs stay aligned even when the
    wording around them moves); a deletion next to an insertion is a change."""
    ops: list[tuple[str, int, int, int, int]] = []
    for op in Indel.opcodes(ref, new):
        tag, i1, i2, j1, j2 = op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end
        if ops and {ops[-1][0], tag} == {"delete", "insert"} and ops[-1][2] == i1 and ops[-1][4] == j1:
            prev = ops.pop()
            ops.append(("replace", prev[1], i2, prev[3], j2))
        elif tag != "equal":
            ops.append((tag, i1, i2, j1, j2))
        else:
            ops.append(("equal", i1, i2, j1, j2))
    return ops


def word_diff(reference: str, text: str) -> tuple[list[str], list[str], list[str]]:
    """(added, removed, changed 'old -> new') words of `text` against `reference`."""
    ref, new = normalise(reference).split(), normalise(text).split()
    added: list[str] = []
    removed: list[str] = []
    changed: list[str] = []
    for tag, i1, i2, j1, j2 in diff_ops(ref, new):
        if tag == "insert":
            added.append(" ".join(new[j1:j2]))
        elif tag == "delete":
            removed.append(" ".join(ref[i1:i2]))
        elif tag == "replace":
            changed.append(f"{' '.join(ref[i1:i2])} -> {' '.join(new[j1:j2])}")
    return added, removed, changed


def compare(table: pd.DataFrame, documents: Iterable[Document] | None = None) -> pd.DataFrame:
    """One row per quote with its cluster, reference wording, similarity and word diff; plus a
    row per echo (an unquoted sentence in another document carrying a clustered remark).
    Echoes are searched in `documents`, by default the articles named in the table's `source`."""
    if documents is None:
        documents = documents_for(table)
    records = [{str(k): v for k, v in r.items()} for r in table.reset_index(drop=True).to_dict("records")]
    items = [_item(i, r) for i, r in enumerate(records)]
    cluster_of = clusters(items)
    references: dict[int, str] = {}  # the fullest wording, as published
    for item, cluster in zip(items, cluster_of, strict=True):
        if len(item.english) > len(normalise(references.get(cluster, ""))):
            references[cluster] = item.display
    rows = [
        _quote_row(r, item, cluster, references[cluster])
        for r, item, cluster in zip(records, items, cluster_of, strict=True)
    ]
    if documents is not None:
        rows += _echoes(list(documents), items, cluster_of, references, records)
    frame = to_frame(rows, COMPARE_COLUMNS)
    return frame.sort_values(["cluster_id", "variant", "doc_id"], kind="stable").reset_index(drop=True)


def _text(record: Mapping[str, Any], key: str) -> str:
    value = record.get(key)
    return "" if is_missing(value) else str(value)


def _item(index: int, record: Mapping[str, Any]) -> _Item:
    display = _text(record, "quote_en") or (_text(record, "quote") if record.get("lang") == "en" else "")
    english = normalise(display)
    return _Item(
        index,
        _text(record, "doc_id"),
        _text(record, "speaker") or None,
        _text(record, "kind"),
        english,
        display,
        len(english.split()),
    )


def _quote_row(record: Mapping[str, Any], item: _Item, cluster: int, reference: str) -> dict[str, Any]:
    added, removed, changed = word_diff(reference, item.english)
    return {
        "cluster_id": cluster,
        "variant": "quote",
        "doc_id": record.get("doc_id"),
        "outlet": record.get("outlet"),
        "quote_id": record.get("quote_id"),
        "speaker": record.get("speaker"),
        "kind": record.get("kind"),
        "lang": record.get("lang"),
        "text": record.get("quote"),
        "text_en": record.get("quote_en"),
        "reference": reference,
        "similarity": round(fuzz.ratio(normalise(reference), item.english) / 100, 3)
        if item.english
        else None,
        "words_added": "; ".join(added) or None,
        "words_removed": "; ".join(removed) or None,
        "words_changed": "; ".join(changed) or None,
        "start": record.get("start"),
        "end": record.get("end"),
    }


def _sentences(text: str) -> Iterable[tuple[int, int]]:
    """Sentence spans; a full stop ends a sentence only before a capital ("U.S. officials" does not)."""
    start = 0
    for m in re.finditer(r"(?<=[.!?。])\s+(?=[\p{Lu}\p{Lo}•\-–—\"“])|\n+", text):
        yield start, m.start()
        start = m.end()
    yield start, len(text)


@dataclass(frozen=True)
class _Sentence:
    doc: Document
    start: int
    end: int
    words: str  # normalised


def _sentence_index(documents: list[Document]) -> list[_Sentence]:
    """Every unquoted sentence of every document, normalised once."""
    out = []
    for doc in documents:
        for start, end in _sentences(doc.text):
            sentence = doc.text[start:end]
            if not _QUOTED.search(sentence):
                out.append(_Sentence(doc, start, end, normalise(sentence)))
    return out


def _echoes(
    documents: list[Document],
    items: list[_Item],
    cluster_of: list[int],
    references: dict[int, str],
    records: list[dict[str, Any]],
) -> list[dict[str, Any]]:
    quoted_in: dict[int, set[str]] = {}
    for item, cluster in zip(items, cluster_of, strict=True):
        quoted_in.setdefault(cluster, set()).add(item.doc_id)
    wanted = [
        (c, p, normalise(p)) for c, p in references.items() if len(normalise(p).split()) >= MIN_ECHO_WORDS
    ]
    sentences = _sentence_index(documents)
    # an echo carries nearly all of a remark's words: it shares at least two word pairs
    candidates = sorted(containing([w for *_, w in wanted], [s.words for s in sentences], ECHO_MIN_SHARED))
    rows = []
    for r, k in candidates:
        cluster, published, reference = wanted[r]
        sentence = sentences[k]
        if sentence.doc.doc_id in quoted_in[cluster]:
            continue
        # the reference must be the needle: a sentence shorter than it is no echo of it
        if len(sentence.words) < ECHO_COVERAGE * len(reference):
            continue
        score = fuzz.partial_ratio(reference, sentence.words)
        if score < ECHO:
            continue
        text = sentence.doc.text[sentence.start : sentence.end]
        added, removed, changed = word_diff(reference, _best_window(reference, text))
        rows.append(
            {
                "cluster_id": cluster,
                "variant": "echo",
                "doc_id": sentence.doc.doc_id,
                "outlet": sentence.doc.outlet,
                "text": text.strip(),
                "text_en": text.strip(),
                "reference": published,
                "similarity": round(score / 100, 3),
                "words_added": "; ".join(added) or None,
                "words_removed": "; ".join(removed) or None,
                "words_changed": "; ".join(changed) or None,
                "start": sentence.start,
                "end": sentence.end,
                "lang": "en",
            }
        )
    return rows


def _best_window(reference: str, sentence: str) -> str:
    """The stretch of `sentence` that lines up with `reference`."""
    alignment = fuzz.partial_ratio_alignment(reference, normalise(sentence))
    if alignment is None:
        return sentence
    return normalise(sentence)[alignment.dest_start : alignment.dest_end]


def documents_for(table: pd.DataFrame) -> list[Document]:
    """The articles a quote table was read from, found through its `source` column."""
    from quotes.documents import read_documents

    if "source" not in table.columns:
        return []
    wanted = set(table["doc_id"].astype(str))
    sources = sorted({str(s) for s in table["source"].dropna().unique()})
    found = []
    for source in sources:
        try:
            found += [d for d in read_documents(source).documents if d.doc_id in wanted]
        except ValueError:
            continue  # moved or deleted since the table was made
    return found
