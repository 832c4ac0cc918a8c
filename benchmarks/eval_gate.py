"""Quality gate: score the pipeline on annotated dev data and fail if any figure drops below
its floor in eval_baseline.json.

The dev data (../shared/eval in the workplace) is not part of the checkout and the test suite
never reads it; this gate runs where the data is:

    .venv/bin/python benchmarks/eval_gate.py [--data DIR] [--update]

--update rewrites the floors from this run (do it when a change is meant to move them).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from quotes.evaluate import load_gold, report, run_on

HERE = Path(__file__).resolve().parent
BASELINE = HERE / "eval_baseline.json"
GATED = ("quote_F1@0.3", "quote_F1@0.8", "speaker_acc", "attr_F1")
SLACK = 0.005  # rounding noise between runs is below this


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=HERE.parent.parent / "shared" / "eval")
    parser.add_argument("--update", action="store_true", help="write this run's figures as the new floors")
    args = parser.parse_args()
    floors: dict[str, dict[str, float]] = json.loads(BASELINE.read_text()) if BASELINE.exists() else {}
    files = sorted(args.data.glob("*_dev.jsonl"))
    if not files:
        print(f"no *_dev.jsonl in {args.data}; nothing to gate", file=sys.stderr)
        return 2
    failed = []
    for path in files:
        result, calibration = report(gold := load_gold(path), run_on(gold))
        print(f"{path.name}: " + ", ".join(f"{k} {result[k]}" for k in GATED))
        high = calibration.iloc[-1]
        print(f"  confidence >= 0.8: {high['quotes']} quotes, {high['speaker_right']} right")
        if args.update:
            floors[path.name] = {k: result[k] for k in GATED}
            continue
        for key, floor in floors.get(path.name, {}).items():
            if result[key] < floor - SLACK:
                failed.append(f"{path.name} {key}: {result[key]} < floor {floor}")
    if args.update:
        BASELINE.write_text(json.dumps(floors, indent=2, sort_keys=True) + "\n")
        print(f"floors written to {BASELINE}")
    for line in failed:
        print("REGRESSION", line, file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
