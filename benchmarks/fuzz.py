"""Fuzzing at volume (issue 12): generated documents through the reader's record path and the
pipeline, checked for crashes, hangs, lost documents and offsets that do not index the text.

    .venv/bin/python benchmarks/fuzz.py [--docs 100000] [--jobs 2] [--seed 0]

Documents mix every quotation-mark family, CJK and Hangul cues, right-to-left text, emoji,
combining marks, NUL and control characters, lone surrogates, CR/CRLF/LF and, now and then, a
very long line. A hang is more than 1 s per 100 KB of a document. The property tests in
tests/test_properties.py check the same invariants on a few dozen documents in every run.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quotes.batch import process  # noqa: E402
from quotes.documents import record_to_document  # noqa: E402
from quotes.extract import find_spans  # noqa: E402
from quotes.normalise import normalise  # noqa: E402
from quotes.pipeline import Options  # noqa: E402
from quotes.translate import Translators  # noqa: E402

MARKS = [*"“”\"‘’«»„「」『』‹›'", "‚", "〝", "〞", "＂"]
WORDS = [
    "said",
    "Ann Lee",
    "told reporters",
    "according to NHK",
    "高市首相は",
    "と述べた",
    "习近平表示",
    "대통령은",
]
WORDS += [
    "라고 말했다",
    "a-t-il déclaré",
    "sagte er",
    "dijo",
    "مرحبا بكم",
    "שלום",
    "😀👍🏽",
    "e\u0301",
    "\u200f",
]
CONTROLS = ["\x00", "\x07", "\x1b", "\ufeff", "\ud800", "\udfff", "\r", "\r\n", "\n", "\n\n", "\t"]
HANG_S_PER_100KB = 1.0
OPTIONS = Options(translate=False, cache=False, include_terms=True)


def document(rng: random.Random) -> str:
    pieces = []
    for _ in range(rng.randint(1, 60)):
        roll = rng.random()
        if roll < 0.3:
            pieces.append(rng.choice(MARKS))
        elif roll < 0.6:
            pieces.append(rng.choice(WORDS))
        elif roll < 0.7:
            pieces.append(rng.choice(CONTROLS))
        else:
            pieces.append(
                " ".join(
                    "".join(rng.choice("abcdefghij ABC") for _ in range(rng.randint(1, 8))) for _ in range(3)
                )
            )
        pieces.append(" " if rng.random() < 0.7 else "")
    text = "".join(pieces)
    if rng.random() < 0.002:  # a very long line
        text = (text.replace("\n", " ") + " ") * rng.randint(200, 2000)
    return text


def check(args: tuple[int, int]) -> dict[str, Any]:
    """Generate documents [start, stop) of the run's seed and check each."""
    start, stop, seed = args[0], args[1], _SEED[0]
    found: dict[str, Any] = {"docs": 0, "chars": 0, "crashes": [], "hangs": [], "lost": [], "mismatches": []}
    translators = Translators(enabled=False, use_cache=False)
    for n in range(start, stop):
        text = document(random.Random(seed * 1_000_003 + n))
        found["docs"] += 1
        found["chars"] += len(text)
        try:
            doc = record_to_document({"id": f"f{n}", "text": text}, f"f{n}", "fuzz")
        except ValueError:
            continue  # an empty text: reported by the reader, as it should be
        began = time.perf_counter()
        outcome = process(doc, OPTIONS, translators)
        elapsed = time.perf_counter() - began
        if outcome.failure is not None and outcome.failure.reason.startswith("internal error"):
            found["crashes"].append((n, outcome.failure.reason[:200]))
            continue
        if elapsed > HANG_S_PER_100KB * max(1.0, len(text) / 100_000):
            found["hangs"].append((n, len(text), round(elapsed, 2)))
        normal = doc.text
        if (
            not outcome.rows
            and outcome.failure is None
            and any(s.text_in(normal).strip() for s in find_spans(normal))
        ):
            found["lost"].append(n)
        for row in outcome.rows:
            if not _indexes(text, row):
                found["mismatches"].append((n, row["start"], row["end"], row["quote"][:60]))
                break
    return found


def _indexes(text: str, row: dict[str, Any]) -> bool:
    if not 0 <= row["start"] <= row["end"] <= len(text):
        return False
    if "\ufffd" in row["quote"]:
        return True  # repaired characters are not the user's
    raw = normalise(text[row["start"] : row["end"]])[0]
    pieces = row["quote"].replace(" … ", "\n").split("\n")
    return raw == row["quote"] if len(pieces) == 1 else all(p in raw for p in pieces)


_SEED = [0]


WARM = [
    "“Yes,” Ann Lee said.",
    "高市首相は「はい」と述べた。",
    "习近平表示：“是的。”",
    '대통령은 "네"라고 말했다.',
    "« Oui », a-t-il déclaré.",
    "„Ja“, sagte er.",
    "«Sí», dijo.",
    "مرحبا بكم «نعم» قال",
]


def _init(seed: int) -> None:
    """Each worker loads what every language needs first: a model's first load is no hang."""
    _SEED[0] = seed
    translators = Translators(enabled=False, use_cache=False)
    for n, text in enumerate(WARM):
        process(record_to_document({"id": f"w{n}", "text": text}, "warm", "fuzz"), OPTIONS, translators)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--report", type=Path, default=ROOT / "benchmarks" / "fuzz-report.json")
    args = parser.parse_args()
    began = time.perf_counter()
    chunks = [(i, min(i + 500, args.docs)) for i in range(0, args.docs, 500)]
    total: dict[str, Any] = {"docs": 0, "chars": 0, "crashes": [], "hangs": [], "lost": [], "mismatches": []}
    with multiprocessing.get_context("fork").Pool(
        args.jobs, initializer=_init, initargs=(args.seed,)
    ) as pool:
        for done, found in enumerate(pool.imap_unordered(check, chunks), 1):
            for key, value in found.items():
                total[key] += value
            if done % 20 == 0:
                print(
                    f"{total['docs']:,} documents: {len(total['crashes'])} crashes, "
                    f"{len(total['hangs'])} hangs, {len(total['lost'])} lost",
                    flush=True,
                )
    summary = {k: len(v) if isinstance(v, list) else v for k, v in total.items()}
    report = {
        "seed": args.seed,
        "seconds": round(time.perf_counter() - began, 1),
        **summary,
        "examples": {k: v[:10] for k, v in total.items() if isinstance(v, list)},
    }
    args.report.write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(summary), f"-> {args.report}")
    return 0 if not any(summary[k] for k in ("crashes", "hangs", "lost", "mismatches")) else 1


if __name__ == "__main__":
    sys.exit(main())
