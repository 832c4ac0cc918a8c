"""Quality gate: score the pipeline on annotated data, fitted part beside held-out part, and fail
if a held-out figure drops below its floor in eval_baseline.json.

The data (../shared/eval in the workplace) is not part of the checkout and the test suite
never reads it; this gate runs where the data is:

    .venv/bin/python benchmarks/eval_gate.py [--data DIR] [--update] [--quick]

What is fitted and what is held out (the split is fixed here, and the rankers' weights name
the same data, quotes/attribution/weights/README.md):
- polnear, gernews: `*_train.jsonl` is fitted on; `*_dev.jsonl` is held out.
- multilingual_dev: per language, documents with an odd number (jd-1, jd-3, …) are the part we
  develop on; even numbers (jd-2, jd-4, …) are held out.
- mixed_dev: developed on (the post finder was written against its pages; its own README names
  it the set for segments and posts), so it has no floor.
Only held-out figures have floors: a change that helps the fitted part alone is no gain.
The documents go to the pipeline as the scorer sends them: id and text, no language.
--update rewrites the floors from this run; --quick skips the large train files.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from quotes.evaluate import load_gold, report, run_on

HERE = Path(__file__).resolve().parent
BASELINE = HERE / "eval_baseline.json"
GATED = ("quote_F1@0.3", "quote_F1@0.8", "speaker_acc", "attr_F1")
SLACK = 0.005  # rounding noise between runs is below this
MULTILINGUAL = ("ja", "zh", "ko", "fr", "es")


def develop_part(doc: dict[str, Any]) -> bool:
    """The multilingual documents we develop on: odd document numbers ('jd-3')."""
    return int(str(doc["doc_id"]).rsplit("-", 1)[1]) % 2 == 1


def splits(data: Path, quick: bool) -> list[tuple[str, str, Callable[[], list[dict[str, Any]]]]]:
    """(name, 'fitted' or 'held-out', loader) for every scored part of the data."""
    out: list[tuple[str, str, Callable[[], list[dict[str, Any]]]]] = []
    for corpus in ("polnear", "gernews"):
        if not quick and (data / f"{corpus}_train.jsonl").exists():
            out.append((f"{corpus}_train", "fitted", lambda c=corpus: load_gold(data / f"{c}_train.jsonl")))
        if (data / f"{corpus}_dev.jsonl").exists():
            out.append((f"{corpus}_dev", "held-out", lambda c=corpus: load_gold(data / f"{c}_dev.jsonl")))
    multi = data / "multilingual_dev.jsonl"
    if multi.exists():
        for lang in MULTILINGUAL:
            for part, keep in (("fitted", True), ("held-out", False)):
                out.append(
                    (
                        f"multilingual_{lang}_{'develop' if keep else 'heldout'}",
                        part,
                        lambda lang=lang, keep=keep: [
                            d for d in load_gold(multi) if d["lang"] == lang and develop_part(d) == keep
                        ],
                    )
                )
    if (data / "mixed_dev.jsonl").exists():
        out.append(("mixed_dev", "develop", lambda: load_gold(data / "mixed_dev.jsonl")))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=HERE.parent.parent / "shared" / "eval")
    parser.add_argument(
        "--update", action="store_true", help="write this run's held-out figures as the floors"
    )
    parser.add_argument(
        "--quick", action="store_true", help="skip the train files (minutes) and score held-out only"
    )
    args = parser.parse_args()
    floors: dict[str, dict[str, float]] = json.loads(BASELINE.read_text()) if BASELINE.exists() else {}
    parts = splits(args.data, args.quick)
    if not parts:
        print(f"no annotated data in {args.data}; nothing to gate", file=sys.stderr)
        return 2
    failed = []
    calibrations: list[tuple[str, Any]] = []
    print(f"{'part':32s} {'':9s} " + " ".join(f"{k:>13s}" for k in GATED) + "   conf>=0.8 right")
    for name, role, load in parts:
        gold = [{k: v for k, v in d.items() if k != "lang"} for d in load()]  # as the scorer sends them
        result, calibration = report(gold, run_on(gold))
        high = calibration.iloc[-1]
        print(
            f"{name:32s} {role:9s} "
            + " ".join(f"{result[k]:13.4f}" for k in GATED)
            + f"   {high['quotes']} at {high['speaker_right']}"
        )
        if role != "held-out":
            continue
        calibrations.append((name, calibration))
        if args.update:
            floors[name] = {k: result[k] for k in GATED}
            continue
        for key, floor in floors.get(name, {}).items():
            if result[key] < floor - SLACK:
                failed.append(f"{name} {key}: {result[key]} < floor {floor}")
    print_calibration(calibrations)
    if args.update:
        BASELINE.write_text(json.dumps(floors, indent=2, sort_keys=True) + "\n")
        print(f"floors written to {BASELINE}")
    for line in failed:
        print("REGRESSION", line, file=sys.stderr)
    return 1 if failed else 0


def print_calibration(parts: list[tuple[str, Any]]) -> None:
    """Per held-out part: in each confidence band, right speakers / matched quotes. Calibrated
    means the share right stays near the band's confidence, in every language."""
    if not parts:
        return
    bands = list(parts[0][1]["confidence"])
    print("\ncalibration on held-out data (speaker right / quotes, per confidence band)")
    print(f"{'part':32s} " + " ".join(f"{b:>13s}" for b in bands))
    for name, table in parts:
        pairs = zip(table["quotes"], table["speaker_right"], strict=True)
        cells = [f"{round(r * q)}/{q}" if q else "-" for q, r in pairs]
        print(f"{name:32s} " + " ".join(f"{c:>13s}" for c in cells))


if __name__ == "__main__":
    sys.exit(main())
