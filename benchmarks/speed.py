"""Speed benchmark: the README's main command on the sample corpus, and the pipeline's throughput
once started, against the targets below. Timing lives here, not in the test suite.

    .venv/bin/python benchmarks/speed.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_COMMAND_S = 5.0  # `quotes extract seeds/ -o quotes.csv`, start-up included
TARGET_CHARS_PER_S = 50_000  # extraction and attribution once imported (no translation model)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    quotes_cli = Path(sys.executable).with_name("quotes")
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(args.runs):
            start = time.perf_counter()
            subprocess.run(
                [str(quotes_cli), "extract", str(ROOT / "seeds"), "-o", f"{tmp}/q.csv", "-q"],
                check=True,
                cwd=ROOT,
            )
            times.append(time.perf_counter() - start)
    command = statistics.median(times)
    print(
        f"quotes extract seeds/: median {command:.2f} s over {args.runs} runs (target {TARGET_COMMAND_S} s)"
    )

    from quotes.documents import read_documents
    from quotes.pipeline import Options, extract_quotes

    texts = [d.text for d in read_documents(ROOT / "seeds").documents] * 20
    options = Options(translate=False, cache=False)
    extract_quotes(texts[0], options=options)  # warm: patterns compiled, profiles loaded
    start = time.perf_counter()
    for text in texts:
        extract_quotes(text, options=options)
    elapsed = time.perf_counter() - start
    rate = sum(len(t) for t in texts) / elapsed
    print(
        f"throughput: {rate:,.0f} chars/s ({len(texts)} documents in {elapsed:.2f} s;"
        f" target {TARGET_CHARS_PER_S:,})"
    )
    ok = command <= TARGET_COMMAND_S and rate >= TARGET_CHARS_PER_S
    print("within targets" if ok else "SLOWER THAN TARGET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
