"""Corpus-scale benchmarks against the targets of issue 11; timing lives here, not in tests.

    .venv/bin/python benchmarks/bench.py [--quick] [--report benchmarks/report.json]

Measures, each in fresh processes so that nothing is warm that a user's run would not have:
throughput of the pipeline once started, on English news (PolNeAR dev texts from ../shared/eval
when that folder exists, read at run time and never copied; else the seeds' English articles);
cold start of `quotes extract` on one document; peak RSS of `quotes extract` on 1x/10x/100x
the 84-article corpus made from the seeds (--quick: 1x/10x); the `--jobs 2` speed-up and
that of `--dask` on a two-worker LocalCluster, on 100x the corpus (8,400 documents: at 10x the
second or two every run spends starting up still weighs; --quick: 10x); and
`quotes compare` on 1k/10k/100k synthetic quotes (--quick: 1k/10k). Writes a JSON report.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import synthetic  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
BASE_DOCS = 84  # the corpus size: PolNeAR dev has 84 articles
TARGETS = {
    "chars_per_s_per_core": 500_000,
    "jobs2_speedup": 1.8,
    "dask2_speedup": 1.7,
    "rss_ratio_100x": 1.5,
    "compare_100k_s": 120.0,
    "compare_100k_mb": 2048.0,
    "cold_start_s": 1.5,
}
QUOTES = Path(sys.executable).with_name("quotes")


def _run(argv: list[str]) -> tuple[float, float]:
    """(wall seconds, peak RSS in MB of the largest process) of a command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run(argv, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, max(peak, before) / 1024


def _measured(argv: list[str]) -> tuple[float, float]:
    """Peak RSS from a fresh interpreter: RUSAGE_CHILDREN keeps the largest child ever seen."""
    code = (
        "import resource, subprocess, sys, time; s = time.perf_counter(); "
        "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL); "
        "print(time.perf_counter() - s, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, *argv], check=True, capture_output=True, text=True, cwd=ROOT
    )
    seconds, mb = out.stdout.split()
    return float(seconds), float(mb)


def english_texts() -> tuple[str, list[str]]:
    dev = EVAL / "polnear_dev.jsonl"
    if dev.exists():
        return "polnear_dev", [json.loads(line)["text"] for line in dev.open(encoding="utf-8")]
    return "seeds (English)", [t for t in synthetic.seed_texts() if "本日" not in t]


def throughput() -> dict[str, Any]:
    from quotes.pipeline import Options, extract_quotes

    name, texts = english_texts()
    options = Options(translate=False, cache=False)
    for text in texts[:3]:
        extract_quotes(text, options=options)  # warm: patterns compiled, detector loaded
    runs = []
    for _ in range(3):
        start = time.perf_counter()
        for text in texts:
            extract_quotes(text, options=options)
        runs.append(sum(map(len, texts)) / (time.perf_counter() - start))
    return {"corpus": name, "documents": len(texts), "chars_per_s_per_core": round(max(runs))}


def cold_start(tmp: Path) -> dict[str, Any]:
    one = tmp / "one.txt"
    one.write_text(synthetic.seed_texts()[3], encoding="utf-8")
    times = [_run([str(QUOTES), "extract", str(one), "-o", str(tmp / "one.csv"), "-q"])[0] for _ in range(3)]
    return {"seconds_median": round(statistics.median(times), 2), "runs": [round(t, 2) for t in times]}


def scale(tmp: Path, factors: list[int]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for factor in factors:
        corpus = synthetic.articles(tmp / f"corpus{factor}.jsonl", BASE_DOCS * factor)
        argv = [str(QUOTES), "extract", str(corpus), "-o", str(tmp / "out.csv"), "-q", "--no-translate"]
        seconds, mb = _measured([*argv, "-j", "1"])
        out[f"{factor}x"] = {
            "documents": BASE_DOCS * factor,
            "seconds": round(seconds, 1),
            "peak_rss_mb": round(mb),
        }
    base = out[f"{factors[0]}x"]["peak_rss_mb"]
    for value in out.values():
        value["rss_ratio"] = round(value["peak_rss_mb"] / base, 2)
    return out


def jobs_speedup(tmp: Path, factor: int) -> dict[str, Any]:
    corpus = synthetic.articles(tmp / "jobs.jsonl", BASE_DOCS * factor)
    argv = [str(QUOTES), "extract", str(corpus), "-o", str(tmp / "jobs.csv"), "-q", "--no-translate"]
    runs = 2 if factor <= 10 else 1  # a long run varies less, and takes minutes
    one = min(_measured([*argv, "-j", "1"])[0] for _ in range(runs))
    two = min(_measured([*argv, "-j", "2"])[0] for _ in range(runs))
    return {
        "documents": BASE_DOCS * factor,
        "jobs1_s": round(one, 1),
        "jobs2_s": round(two, 1),
        "speedup": round(one / two, 2),
    }


def dask_speedup(tmp: Path, factor: int) -> dict[str, Any]:
    """`--dask` on a two-worker LocalCluster against one local process, same corpus."""
    from distributed import LocalCluster

    corpus = synthetic.articles(tmp / "dask.jsonl", BASE_DOCS * factor)
    argv = [str(QUOTES), "extract", str(corpus), "-o", str(tmp / "dask.csv"), "-q", "--no-translate"]
    one = _measured([*argv, "-j", "1"])[0]
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        two = _measured([*argv, "--dask", cluster.scheduler_address])[0]
    return {
        "documents": BASE_DOCS * factor,
        "one_process_s": round(one, 1),
        "dask_2_workers_s": round(two, 1),
        "speedup": round(one / two, 2),
    }


def compare_scale(tmp: Path, sizes: list[int]) -> dict[str, Any]:
    out = {}
    for n in sizes:
        rows, docs = synthetic.quote_table(n)
        table, articles = tmp / f"q{n}.jsonl", tmp / f"docs{n}.jsonl"
        with table.open("w", encoding="utf-8") as f:
            for row in rows:
                f.write(json.dumps({**row, "source": str(articles)}, ensure_ascii=False) + "\n")
        with articles.open("w", encoding="utf-8") as f:
            for doc in docs:
                f.write(json.dumps(doc, ensure_ascii=False) + "\n")
        seconds, mb = _measured([str(QUOTES), "compare", str(table), "-o", str(tmp / f"v{n}.csv")])
        out[f"{n}"] = {"quotes": n, "seconds": round(seconds, 1), "peak_rss_mb": round(mb)}
    return out


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="smaller corpora (1x/10x, 1k/10k quotes)")
    parser.add_argument("--report", type=Path, default=ROOT / "benchmarks" / "report.json")
    parser.add_argument("--only", metavar="STEP,…", help="rerun these steps into the existing report")
    args = parser.parse_args()
    report: dict[str, Any] = {
        "machine": {"python": platform.python_version(), "cores": _cores()},
        "targets": TARGETS,
    }
    only = set(args.only.split(",")) if args.only else None
    if only and args.report.exists():
        report = {**json.loads(args.report.read_text(encoding="utf-8")), "targets": TARGETS}
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        steps = [
            ("throughput", lambda: throughput()),
            ("cold_start", lambda: cold_start(tmp)),
            ("jobs", lambda: jobs_speedup(tmp, 10 if args.quick else 100)),
            ("dask", lambda: dask_speedup(tmp, 10 if args.quick else 100)),
            ("scale", lambda: scale(tmp, [1, 10] if args.quick else [1, 10, 100])),
            ("compare", lambda: compare_scale(tmp, [1000, 10000] if args.quick else [1000, 10000, 100000])),
        ]
        for name, step in steps:
            if only and name not in only:
                continue
            start = time.perf_counter()
            report[name] = step()
            print(f"{name} ({time.perf_counter() - start:.0f} s): {json.dumps(report[name])}", flush=True)
    report["met"] = _met(report)
    args.report.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    print(f"report -> {args.report}")
    for target, ok in report["met"].items():
        print(f"{'n/a ' if ok is None else 'met ' if ok else 'MISS'} {target}")
    return 0


def _met(report: dict[str, Any]) -> dict[str, bool | None]:
    """Each target met (True), missed (False), or not measured in this report (None)."""

    def step(name: str) -> dict[str, Any]:
        return report.get(name) or {}

    scale_100 = step("scale").get("100x")
    compare_100k = step("compare").get("100000")
    throughput, jobs, dask = step("throughput"), step("jobs"), step("dask")
    cold = step("cold_start")
    return {
        "chars_per_s_per_core": None
        if not throughput
        else throughput["chars_per_s_per_core"] >= TARGETS["chars_per_s_per_core"],
        "jobs2_speedup": None if not jobs else jobs["speedup"] >= TARGETS["jobs2_speedup"],
        "dask2_speedup": None if not dask else dask["speedup"] >= TARGETS["dask2_speedup"],
        "rss_ratio_100x": None if scale_100 is None else scale_100["rss_ratio"] <= TARGETS["rss_ratio_100x"],
        "compare_100k": None
        if compare_100k is None
        else compare_100k["seconds"] <= TARGETS["compare_100k_s"]
        and compare_100k["peak_rss_mb"] <= TARGETS["compare_100k_mb"],
        "cold_start_s": None if not cold else cold["seconds_median"] <= TARGETS["cold_start_s"],
    }


def _cores() -> int:
    from quotes.batch import default_jobs

    return default_jobs()


if __name__ == "__main__":
    sys.exit(main())
