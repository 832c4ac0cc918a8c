"""The `quotes` command: argument parsing, one library call per command, clean errors."""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TextIO

from quotes import __version__, resources
from quotes import models as models_mod
from quotes.batch import Outcome, RunStats, default_jobs, write_run
from quotes.documents import InputError, read_documents
from quotes.pipeline import Options
from quotes.table import ExportError, export, format_of, write_atomic

PROGRESS_AFTER_S = 2.0  # a run that takes longer than this shows its progress (on a terminal)

EXTRACT_HELP = """\
Extract every direct quotation, its speaker and an English rendering from news articles.

Inputs are folders (searched recursively), files or glob patterns: .txt/.md (UTF-8; other
encodings are detected), .html (article text extracted by trafilatura), and .jsonl/.csv/.parquet
with columns id, text and optional lang, outlet, url, published, title. A manifest.csv beside
text files (columns: file, outlet, url, published, title, lang) supplies their metadata.

The output format follows the extension of -o: .csv, .jsonl, .parquet, .xlsx (Excel: header
frozen, text never run as a formula) or .sqlite (a database for Datasette and SQL: tables
quotes, documents, segments, errors, with full-text search on quote and quote_en; a rerun
replaces it); '-o -' writes CSV to standard output. Documents that cannot be read are reported
and skipped; the rest is processed.
Documents stream through the run (memory stays flat in corpus size) on all cores by default;
the table appears in one rename when the run ends, and the rows of finished documents wait in
a hidden '.NAME.partial.*.jsonl' beside it meanwhile (kept if the run is killed).

examples:
  quotes extract seeds/ -o quotes.csv
  quotes extract 'articles/*.html' -o quotes.parquet --errors errors.csv
  quotes extract seeds/ -o quotes.sqlite && datasette quotes.sqlite
  quotes extract corpus.jsonl -o - --no-translate | head
"""


class CliError(Exception):
    """A problem the user can fix; printed as one line, exit status 2."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quotes",
        description="Multilingual quote extraction and attribution for news.",
        epilog="Run 'quotes COMMAND --help' for the options of each command.",
    )
    parser.add_argument("--version", action="version", version=f"quotes {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    ex = sub.add_parser(
        "extract",
        help="extract quotes and speakers from articles into a table",
        description=EXTRACT_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ex.add_argument("inputs", nargs="+", metavar="INPUT", help="folders, files or glob patterns to read")
    ex.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="FILE",
        help="where to write the table (.csv, .jsonl, .parquet, .xlsx, .sqlite, or - for CSV on stdout)",
    )
    ex.add_argument(
        "--excel",
        action="store_true",
        help="CSV for spreadsheets: add a UTF-8 byte-order mark so non-Latin text opens correctly",
    )
    ex.add_argument(
        "--errors",
        metavar="FILE",
        help="also write (doc, reason) the documents that failed and what reading repaired in others "
        "('warning: …'), in the format of its extension",
    )
    ex.add_argument(
        "--segments",
        metavar="FILE",
        help="also write the language segments (doc_id, start, end, lang, script, confidence)",
    )
    ex.add_argument("--lang", metavar="CODE", help="treat every document as this language (default: detect)")
    ex.add_argument("--no-translate", action="store_true", help="do not translate non-English quotes")
    ex.add_argument(
        "--include-terms",
        action="store_true",
        help="keep quoted titles, names and scare quotes nobody is reported as saying (kind=term)",
    )
    ex.add_argument(
        "--models",
        metavar="DIR",
        type=Path,
        help=f"model store (default: ${resources.ENV_VAR} or models/ of the checkout)",
    )
    ex.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        default=None,
        metavar="N",
        help=f"worker processes (default: all cores, here {default_jobs()}); output is identical for any N",
    )
    ex.add_argument(
        "--max-doc-chars",
        type=int,
        default=Options.max_doc_chars,
        metavar="N",
        help="report documents longer than N characters instead of processing them (default: %(default)s)",
    )
    ex.add_argument(
        "--dask",
        metavar="ADDRESS",
        help="process the documents on a Dask cluster (scheduler address, e.g. tcp://10.0.0.5:8786); "
        "they are read here and sent in batches; the workers need quotes installed",
    )
    ex.add_argument("-q", "--quiet", action="store_true", help="print no summary, rate or progress")
    ex.set_defaults(func=cmd_extract)

    ev = sub.add_parser(
        "eval",
        help="score quotes against your own annotated documents",
        description=(
            "Run the pipeline on annotated documents and report quote precision/recall/F1 (span overlap "
            "0.3 and 0.8), speaker accuracy, attribution F1, and how well confidence predicts a right "
            "speaker. "
            "Gold is JSONL, one document per line: {doc_id, text, quotes: [{start, end, speaker, "
            "speaker_start, speaker_end}]}, quote offsets including the quotation marks."
        ),
    )
    ev.add_argument("--gold", required=True, type=Path, metavar="FILE.jsonl", help="annotated documents")
    ev.add_argument(
        "--pred",
        type=Path,
        metavar="FILE",
        help="score an exported table (.csv/.jsonl/.parquet) instead of running the pipeline",
    )
    ev.add_argument("--lang", metavar="CODE", help="treat every document as this language (default: detect)")
    ev.add_argument("--json", action="store_true", help="print the scores as one JSON object")
    ev.set_defaults(func=cmd_eval)

    cmp = sub.add_parser(
        "compare",
        help="group the same remark across outlets and show how its wording differs",
        description=(
            "Read a quote table made by 'quotes extract' and group quotes that report the same remark "
            "across documents (compatible speaker, similar English wording; a partial quote joins the full "
            "quote it is part of). Writes one row per quote with cluster_id, the cluster's fullest wording, "
            "similarity to it and the words added, removed and changed, plus 'echo' rows: sentences in other "
            "articles that carry the same words without quotation marks."
        ),
    )
    cmp.add_argument(
        "table",
        type=Path,
        metavar="QUOTES",
        help="a table from quotes extract (.csv/.jsonl/.parquet/.xlsx/.sqlite)",
    )
    cmp.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="FILE",
        help="where to write the variants table (by extension; into a .sqlite as its table 'variants', "
        "the other tables kept: quotes compare q.sqlite -o q.sqlite)",
    )
    cmp.add_argument("--html", metavar="FILE", help="also write a self-contained HTML report")
    cmp.add_argument(
        "--docs",
        nargs="+",
        metavar="INPUT",
        help="the articles, to search for echoes (default: the files named in the table's source column)",
    )
    cmp.set_defaults(func=cmd_compare)

    models = sub.add_parser(
        "models",
        help="install, remove and list models in the local model store",
        description=(
            "The local model store holds argos translation packages and stanza models. Nothing is "
            "downloaded except by the install commands below."
        ),
    )
    msub = models.add_subparsers(dest="models_command", metavar="ACTION", required=True)
    status = msub.add_parser(
        "status",
        help="list installed models with their versions and sizes",
        description="List installed translation packages and stanza languages, with versions and sizes.",
    )
    status.add_argument("--models", metavar="DIR", type=Path, help="model store to inspect")
    status.set_defaults(func=cmd_models_status)
    install = msub.add_parser(
        "install",
        help="install an argos translation package (FROM TO, or --from FILE.argosmodel)",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=(
            "Install an argostranslate package into the model store: download FROM->TO from an argos\n"
            "package index (needs network), or install a local .argosmodel file with --from (offline).\n"
            "The package is downloaded and checked in a staging folder and moved into the store only\n"
            "when complete: a failed download leaves the store as it was."
        ),
        epilog=(
            f"The index is argostranslate's; ${models_mod.INDEX_VAR} (argostranslate's own setting) or\n"
            "--index points at another one, e.g. a mirror on your network:\n"
            f"  {models_mod.INDEX_VAR}=http://mirror.example/argos/ quotes models install ja en\n"
            "An index entry with a sha256 field is checked against it."
        ),
    )
    install.add_argument("codes", nargs="*", metavar="CODE", help="source and target language, e.g. ja en")
    install.add_argument(
        "--from", dest="from_file", type=Path, metavar="FILE", help="a local .argosmodel file"
    )
    install.add_argument(
        "--index",
        metavar="URL",
        help=f"argos package index: index.json or the folder that holds it (default: ${models_mod.INDEX_VAR} "
        "or argostranslate's index)",
    )
    install.add_argument("--models", metavar="DIR", type=Path, help="model store to install into")
    install.set_defaults(func=cmd_models_install)
    stanza_install = msub.add_parser(
        "install-stanza",
        help="download stanza models for the given languages (needs network)",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=(
            "Download stanza's tokenize, pos, lemma, depparse and ner models into the model store,\n"
            "through stanza's own downloader and its md5 checks, into a staging folder first."
        ),
        epilog=(
            f"--url or ${models_mod.STANZA_URL_VAR} (stanza's own setting) points at another copy of\n"
            "stanza's resources (the folder that holds resources_VERSION.json)."
        ),
    )
    stanza_install.add_argument("langs", nargs="+", metavar="LANG", help="language codes, e.g. en ja")
    stanza_install.add_argument(
        "--url",
        metavar="URL",
        help=f"stanza resources folder (default: ${models_mod.STANZA_URL_VAR} or stanza's)",
    )
    stanza_install.add_argument("--models", metavar="DIR", type=Path, help="model store to install into")
    stanza_install.set_defaults(func=cmd_models_install_stanza)
    remove = msub.add_parser(
        "remove",
        help="remove an installed argos translation package (FROM TO)",
        description="Delete the FROM->TO translation package from the model store.",
    )
    remove.add_argument("codes", nargs=2, metavar="CODE", help="source and target language, e.g. ja en")
    remove.add_argument("--models", metavar="DIR", type=Path, help="model store to remove from")
    remove.set_defaults(func=cmd_models_remove)
    stanza_remove = msub.add_parser(
        "remove-stanza",
        help="remove stanza models for the given languages",
        description="Delete stanza's models for the given languages from the model store.",
    )
    stanza_remove.add_argument("langs", nargs="+", metavar="LANG", help="language codes, e.g. en ja")
    stanza_remove.add_argument("--models", metavar="DIR", type=Path, help="model store to remove from")
    stanza_remove.set_defaults(func=cmd_models_remove_stanza)
    return parser


def _jobs(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of processes: {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError("--jobs must be at least 1")
    return n


def _progress(quiet: bool) -> Callable[[Iterator[Outcome]], Iterator[Outcome]] | None:
    """Documents and quotes per second on stderr, once a run has gone on for a while."""
    if quiet or not sys.stderr.isatty():
        return None

    def show(stream: Iterator[Outcome]) -> Iterator[Outcome]:
        from tqdm import tqdm

        started = time.perf_counter()
        bar = None
        quotes = 0
        for outcome in stream:
            quotes += len(outcome.rows)
            elapsed = time.perf_counter() - started
            if bar is None and elapsed > PROGRESS_AFTER_S:
                bar = tqdm(desc="documents", unit=" doc", file=sys.stderr, initial=0)
            if bar is not None:
                bar.update(1)
                bar.set_postfix_str(f"{quotes} quotes, {quotes / elapsed:.0f} quotes/s", refresh=False)
            yield outcome
        if bar is not None:
            bar.close()

    return show


def cmd_extract(args: argparse.Namespace) -> int:
    try:
        format_of(args.output)
        if args.errors:
            format_of(args.errors)
        if args.segments:
            format_of(args.segments)
    except ExportError as exc:
        raise CliError(str(exc)) from None
    options = Options(
        lang=args.lang,
        translate=not args.no_translate,
        models=args.models,
        include_terms=args.include_terms,
        max_doc_chars=args.max_doc_chars,
    )
    elsewhere = None
    if args.dask:
        try:
            from quotes import dask as on_dask
        except ImportError as exc:
            raise CliError(f"--dask needs dask and distributed installed ({exc})") from None

        def elsewhere(skip: list[Path]) -> Iterator[Outcome]:
            return on_dask.outcomes(args.inputs, options, args.dask, skip)

    try:
        stats = write_run(
            args.inputs,
            options,
            args.output,
            errors=args.errors,
            segments_to=args.segments,
            excel=args.excel,
            jobs=args.jobs or default_jobs(),
            progress=_progress(args.quiet),
            elsewhere=elsewhere,
        )
    except (InputError, ExportError) as exc:
        raise CliError(str(exc)) from None
    except ConnectionError as exc:  # quotes.dask.SchedulerUnreachable
        raise CliError(str(exc)) from None
    if not args.quiet:
        out = sys.stderr if args.output == "-" else sys.stdout
        print_summary(stats, args.output, out)
    if stats.documents == 0 and stats.failures:
        return 1
    return 0


def print_summary(stats: RunStats, output: str, out: TextIO) -> None:
    print(
        f"{stats.documents} document(s) read, {len(stats.failures)} failed; "
        f"{stats.quotes} quote(s) -> {output}",
        file=out,
    )
    if stats.quotes:
        outlets = ", ".join(f"{k} {v}" for k, v in stats.outlets.most_common())
        print(f"quotes per outlet: {outlets}", file=out)
        top = ", ".join(f"{k} {v}" for k, v in stats.speakers.most_common(5)) or "none"
        print(f"top speakers: {top}; without speaker: {stats.unattributed}", file=out)
        engines = ", ".join(f"{k} {v}" for k, v in sorted(stats.engines.items()))
        attribution = ", ".join(f"{k} {v}" for k, v in stats.attribution.most_common())
        print(f"translation engines: {engines}; attribution: {attribution}", file=out)
    fallback = {
        "gloss": "word-by-word JMdict glosses (translation_engine=gloss)",
        "none": "no English (translation_engine=none)",
    }
    for lang in sorted(stats.missing_models):
        used = stats.engines_by_lang.get(lang)
        engine = used.most_common(1)[0][0] if used else "none"
        got = fallback.get(engine, engine)
        print(f"note: {resources.install_hint(lang)}; its quotes got {got}", file=out)
    if stats.missing_stanza:
        langs = " ".join(sorted(stats.missing_stanza))
        print(
            f"note: no stanza models for {langs} in {resources.stanza_dir()}; the built-in rules attributed "
            f"those quotes (add models with `quotes models install-stanza {langs}`)",
            file=out,
        )
    for failure in stats.failures[:10]:
        print(f"failed: {failure.doc}: {failure.reason}", file=out)
    if len(stats.failures) > 10:
        print(f"... and {len(stats.failures) - 10} more (use --errors FILE for the full list)", file=out)
    for doc, warning in stats.warnings[:10]:
        print(f"warning: {doc}: {warning}", file=out)
    if len(stats.warnings) > 10:
        print(f"... and {len(stats.warnings) - 10} more warnings (in --errors FILE)", file=out)
    rate = stats.chars / stats.seconds if stats.seconds else 0.0
    print(
        f"rate: {stats.documents} document(s), {stats.chars:,} characters in {stats.seconds:.1f} s: "
        f"{rate:,.0f} chars/s, {stats.documents / (stats.seconds or 1):.1f} docs/s "
        + (f"({stats.jobs} job(s))" if stats.jobs else "(on a Dask cluster)"),
        file=out,
    )


def cmd_compare(args: argparse.Namespace) -> int:
    from quotes import evaluate, report
    from quotes.compare import compare, documents_for

    try:
        format_of(args.output)
        table = evaluate.read_table(args.table)
        documents = read_documents(args.docs).documents if args.docs else documents_for(table)
    except (OSError, ValueError) as exc:
        raise CliError(str(exc)) from None
    if "quote_id" not in table.columns:
        raise CliError(f"{args.table} is not a quote table from 'quotes extract' (no quote_id column)")
    variants = compare(table, documents)
    export(variants, args.output, table="variants")
    if args.html:
        write_atomic(report.render(variants).encode("utf-8"), Path(args.html))
    sizes = variants[variants["variant"] == "quote"].groupby("cluster_id").size()
    echoes = int((variants["variant"] == "echo").sum())
    shared = int((sizes > 1).sum())
    written = args.output + (f", {args.html}" if args.html else "")
    print(
        f"{len(sizes)} remark(s) in {int(sizes.sum())} quote(s); {shared} reported by more than one "
        f"document; {echoes} echo(es) -> {written}"
    )
    if not documents:
        print("note: no article texts found, so no echoes were searched (give --docs)")
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from quotes import evaluate

    try:
        gold = evaluate.load_gold(args.gold)
        table = evaluate.read_table(args.pred) if args.pred else evaluate.run_on(gold, args.lang)
    except (OSError, ValueError) as exc:
        raise CliError(str(exc)) from None
    result, calibration = evaluate.report(gold, table)
    if args.json:
        print(json.dumps({**result, "calibration": calibration.to_dict("records")}, ensure_ascii=False))
        return 0
    for key, value in result.items():
        print(f"{key}: {value}")
    print("\nspeaker right by confidence (matched quotes):")
    print(calibration.to_string(index=False))
    return 0


def cmd_models_status(args: argparse.Namespace) -> int:
    store = args.models or resources.store_dir()
    print(f"model store: {store}" + ("" if store.exists() else " (does not exist yet)"))
    packages = resources.argos_packages(store)
    print(f"translation (argos {_version('argostranslate')}): " + ("" if packages else "none"))
    for p in packages:
        print(
            f"  {p.from_code}->{p.to_code}  version {p.version}  {_size(resources.size_of(p.path))}  {p.path}"
        )
    langs = resources.stanza_languages(store)
    print(f"stanza languages (stanza {_version('stanza')}): " + ("" if langs else "none"))
    for lang in langs:
        folder = resources.stanza_dir(store) / lang
        record = resources.stanza_record(folder)
        version = record.get("resources_version", "?")
        print(f"  {lang}  resources {version}  {_size(resources.size_of(folder))}  {folder}")
    print(f"gloss (ja, no model needed): jamdict-data {_version('jamdict-data')}")
    from quotes import langid_cache

    unpacked = langid_cache.cache_path(store)
    if unpacked.exists():
        size = _size(unpacked.stat().st_size)
        print(f"language detector, unpacked once for fast starts: {size} in {unpacked}")
    cache = store / "translations.sqlite"
    if cache.exists():
        import sqlite3

        with sqlite3.connect(cache) as db:
            (cached,) = db.execute("SELECT COUNT(*) FROM translations").fetchone()
        print(f"translation cache: {cached} rendering(s), {_size(cache.stat().st_size)} in {cache}")
    return 0


def _size(n: int) -> str:
    """Bytes in the decimal units `du -h --si` and file managers show."""
    size = float(n)
    for unit in ("B", "KB", "MB"):
        if size < 1000:
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1000
    return f"{size:.1f} GB"


def _version(package: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(package)
    except PackageNotFoundError:
        return "not installed"


def cmd_models_install(args: argparse.Namespace) -> int:
    try:
        if args.from_file:
            if args.codes or args.index:
                raise CliError("give either FROM TO (from an index) or --from FILE, not both")
            package = models_mod.install_argos_file(args.from_file, args.models)
        elif len(args.codes) == 2:
            package = models_mod.install_argos_pair(args.codes[0], args.codes[1], args.models, args.index)
        else:
            raise CliError("give the source and target language (quotes models install ja en) or --from FILE")
    except models_mod.InstallError as exc:
        raise CliError(str(exc)) from None
    print(f"installed {package.from_code}->{package.to_code} {package.version} in {package.path}")
    return 0


def cmd_models_install_stanza(args: argparse.Namespace) -> int:
    return _each_language(
        args.langs, lambda lang: models_mod.install_stanza(lang, args.models, args.url), "installed {} in {}"
    )


def cmd_models_remove(args: argparse.Namespace) -> int:
    try:
        package = models_mod.remove_argos_pair(args.codes[0], args.codes[1], args.models)
    except models_mod.InstallError as exc:
        raise CliError(str(exc)) from None
    print(f"removed {package.from_code}->{package.to_code} {package.version} from {package.path.parent}")
    return 0


def cmd_models_remove_stanza(args: argparse.Namespace) -> int:
    return _each_language(
        args.langs, lambda lang: models_mod.remove_stanza(lang, args.models).parent, "removed {} from {}"
    )


def _each_language(langs: list[str], act: Callable[[str], Path], done: str) -> int:
    """Run `act` for each language and say where (`done`: "verb {what} in {where}"); the first
    that fails stops with its one-line reason."""
    for lang in langs:
        try:
            path = act(lang)
        except models_mod.InstallError as exc:
            raise CliError(str(exc)) from None
        print(done.format(f"stanza models for {lang}", path))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except CliError as exc:
        print(f"quotes: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
