"""Score the tool against a user's own annotations, with the metrics of the project's scorer.

Gold is JSONL, one document per line: {"doc_id", "text", "quotes": [{"start", "end", "speaker",
"speaker_start", "speaker_end", ...}]} with quote offsets including the quotation marks.
A predicted quote matches a gold quote when the Jaccard overlap of their character spans,
after trimming quotation marks, spaces and edge punctuation, reaches the threshold (0.3
lenient, 0.8 strict); pairs are taken greedily, best overlap first. The speaker is right when
the predicted mention overlaps the gold speaker span, or the predicted name shares a name
token with the gold speaker text.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

TRIM = set(" \t\n\r\"'“”‘’«»‹›„‚「」『』《》〈〉〝〟＂,.;:!?…—–-")
_PRONOUNS = {
    "he",
    "she",
    "they",
    "it",
    "we",
    "i",
    "you",
    "him",
    "her",
    "them",
    "his",
    "its",
    "their",
    "er",
    "sie",
    "es",
    "wir",
    "ich",
    "man",
}
_STOP = {
    "the",
    "a",
    "an",
    "of",
    "and",
    "der",
    "die",
    "das",
    "mr",
    "mrs",
    "ms",
    "dr",
    "said",
    "von",
    "und",
    "president",
    "minister",
    "prime",
    "japanese",
    "u.s.",
    "us",
    "former",
    "senator",
    "sen",
    "rep",
    "governor",
    "gov",
    "spokesman",
    "spokeswoman",
}
_CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]")
CONFIDENCE_BINS = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0001)


@dataclass
class Score:
    threshold: float
    gold: int = 0
    pred: int = 0
    matched: int = 0
    speaker_right: int = 0
    # per matched prediction: (confidence, speaker right?) for calibration
    calibration: list[tuple[float, bool]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_right / self.matched if self.matched else 0.0

    @property
    def attribution_f1(self) -> float:
        p = self.speaker_right / self.pred if self.pred else 0.0
        r = self.speaker_right / self.gold if self.gold else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in TRIM:
        start += 1
    while end > start and text[end - 1] in TRIM:
        end -= 1
    return start, end


def jaccard(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union > 0 else 0.0


def name_tokens(name: object) -> set[str]:
    if not isinstance(name, str) or not name:
        return set()
    if _CJK.search(name):
        return {re.sub(r"\s+", "", name)}
    tokens = re.findall(r"[^\W\d_][\w.'’-]*", name.lower())
    return {t.strip(".'’") for t in tokens if len(t) > 2 and t not in _STOP and t not in _PRONOUNS}


def _int(value: Any) -> int | None:
    if value is None or (isinstance(value, float) and value != value) or value is pd.NA:
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def speaker_right(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> bool:
    ps, pe = _int(pred.get("speaker_start")), _int(pred.get("speaker_end"))
    gs, ge = _int(gold.get("speaker_start")), _int(gold.get("speaker_end"))
    if ps is not None and pe is not None and gs is not None and ge is not None and min(pe, ge) > max(ps, gs):
        return True
    names = name_tokens(pred.get("speaker"))
    golds = [
        *(gold.get("speaker_alts") or []),
        *(gold.get("speaker_aliases") or []),
        gold.get("speaker"),
        gold.get("speaker_name_auto"),
        gold.get("speaker_mention"),
        *(gold.get("speakers") or [] if isinstance(gold.get("speakers"), list) else []),
    ]
    if names and any(names & name_tokens(g) for g in golds):
        return True
    predicted = re.sub(r"\s+", "", str(pred.get("speaker") or ""))
    return bool(_CJK.search(predicted)) and any(
        isinstance(g, str) and len(predicted) >= 2 and (predicted in g or re.sub(r"\s+", "", g) in predicted)
        for g in golds
    )


def score(gold_docs: Iterable[Mapping[str, Any]], table: pd.DataFrame, threshold: float) -> Score:
    result = Score(threshold)
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for row in table.to_dict("records"):
        by_doc.setdefault(str(row.get("doc_id")), []).append({str(k): v for k, v in row.items()})
    for doc in gold_docs:
        text = doc["text"]
        golds = doc.get("quotes", [])
        preds = [(trim(text, int(p["start"]), int(p["end"])), p) for p in by_doc.get(str(doc["doc_id"]), [])]
        pairs = sorted(
            (
                (jaccard(_gold_span(text, g), ps), gi, pi)
                for gi, g in enumerate(golds)
                for pi, (ps, _) in enumerate(preds)
            ),
            reverse=True,
        )
        used_g: set[int] = set()
        used_p: set[int] = set()
        optional = {gi for gi, g in enumerate(golds) if g.get("optional") or g.get("nested_in")}
        for overlap, gi, pi in pairs:
            if overlap < threshold or gi in used_g or pi in used_p:
                continue
            used_g.add(gi)
            used_p.add(pi)
            right = speaker_right(golds[gi], preds[pi][1])
            result.speaker_right += right
            conf = preds[pi][1].get("confidence")
            result.calibration.append((float(conf) if conf is not None and conf == conf else 0.0, right))
        result.gold += len(golds) - len(optional - used_g)  # an optional quote counts only when found
        result.pred += len(preds)
        result.matched += len(used_g)
    return result


def _gold_span(text: str, quote: Mapping[str, Any]) -> tuple[int, int]:
    segments = quote.get("quoted_segments")
    if segments:
        return trim(text, min(s[0] for s in segments), max(s[1] for s in segments))
    return trim(text, int(quote["start"]), int(quote["end"]))


def load_gold(path: Path) -> list[dict[str, Any]]:
    docs = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            doc = json.loads(line)
        except ValueError as exc:
            raise ValueError(f"{path}:{n}: not JSON ({exc})") from None
        missing = {"doc_id", "text", "quotes"} - set(doc)
        if missing:
            raise ValueError(f"{path}:{n}: a gold document needs {sorted(missing)}")
        docs.append(doc)
    return docs


def calibration_table(score_: Score) -> pd.DataFrame:
    """Share of right speakers per confidence band, over matched quotes."""
    rows = []
    for lo, hi in itertools.pairwise(CONFIDENCE_BINS):
        band = [right for conf, right in score_.calibration if lo <= conf < hi]
        rows.append(
            {
                "confidence": f"[{lo:.1f}, {min(hi, 1.0):.1f}{']' if hi > 1 else ')'}",
                "quotes": len(band),
                "speaker_right": round(sum(band) / len(band), 3) if band else None,
            }
        )
    return pd.DataFrame(rows)


def read_table(path: Path) -> pd.DataFrame:
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        return pd.read_parquet(path)
    if suffix in (".jsonl", ".ndjson"):
        return pd.read_json(path, lines=True)
    if suffix in (".sqlite", ".sqlite3", ".db"):
        import sqlite3

        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            return pd.read_sql_query("SELECT * FROM quotes", db)
    if suffix == ".xlsx":
        return pd.read_excel(path, sheet_name=0, dtype=object)
    return pd.read_csv(path, encoding="utf-8-sig")


def run_on(gold: list[dict[str, Any]], lang: str | None = None) -> pd.DataFrame:
    """The pipeline's table for the gold documents' texts."""
    from quotes.documents import Document
    from quotes.pipeline import document_rows, extract_quotes
    from quotes.table import to_frame

    rows: list[dict[str, Any]] = []
    for doc in gold:
        quotes = extract_quotes(doc["text"], lang=lang or doc.get("lang"))
        rows += document_rows(Document(doc_id=str(doc["doc_id"]), text=doc["text"]), quotes)
    return to_frame(rows)


def report(gold: list[dict[str, Any]], table: pd.DataFrame) -> tuple[dict[str, Any], pd.DataFrame]:
    lenient, strict = score(gold, table, 0.3), score(gold, table, 0.8)
    result = {
        "docs": len(gold),
        "gold": lenient.gold,
        "pred": lenient.pred,
        "quote_P@0.3": round(lenient.precision, 4),
        "quote_R@0.3": round(lenient.recall, 4),
        "quote_F1@0.3": round(lenient.f1, 4),
        "quote_F1@0.8": round(strict.f1, 4),
        "speaker_acc": round(lenient.speaker_accuracy, 4),
        "attr_F1": round(lenient.attribution_f1, 4),
    }
    return result, calibration_table(lenient)
