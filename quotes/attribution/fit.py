"""Fit the candidate ranker on annotated news (gold JSONL as `quotes eval` reads it).

Every quote the tool finds that matches a gold quote gives its candidates, each labelled by
whether it is the gold speaker (its mention overlaps the gold mention, or shares a name word
with the gold name or an alias). A logistic regression over their features is the model.
Quotes are decided in text order, so a candidate's "continuation" evidence depends on the
speaker chosen for the quote before: the first pass decides with `PRIOR` (the old sieve:
the first rule wins, else the previous quote's speaker), the second with the first fit.

    python -m quotes.attribution.fit GOLD.jsonl [GOLD.jsonl …] -o weights.json
    python -m quotes.attribution.fit GOLD.jsonl … --cv 5 [--kinds]   # cross-validated, writes nothing

A change to the features is kept when the cross-validated figure on the train data improves
and the held-out part does not fall (`make eval`); the fitted figures alone flatter the model.
scikit-learn is needed here only, never to run the pipeline.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import regex as re

from quotes.attribution import ranker as ranking
from quotes.attribution.candidates import Candidate
from quotes.evaluate import _gold_span, jaccard, load_gold, name_tokens, trim

_CJK = re.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")

# the sieve as a model: the first rule's candidate wins, else the previous quote's speaker
PRIOR = ranking.from_dict(
    {"bias": -2.0, "threshold": 0.5, "weights": {"rule_first": 4.0, "proposed": 1.0, "continuation": 2.0}}
)
MIN_OVERLAP = 0.3
THRESHOLD = 0.3  # a winner less likely than this to be right is not named


Row = tuple[str, str, dict[str, float], bool]  # (quote key, language, features, is the gold speaker)
Group = list[tuple[dict[str, float], bool]]  # one quote's candidates: (features, is the speaker)


def rows(docs: Iterable[Mapping[str, Any]], model: ranking.Ranker) -> list[Row]:
    """Labelled candidates of every matched quote, decided with `model`. In Chinese, Japanese and
    Korean a pronoun is the speaker when it resolves to the gold speaker, as the pipeline resolves
    it: those annotations give the nearest naming mention as the span, so 她 for 蔡英文 would be
    taught as wrong (English and German gold marks the pronoun itself)."""
    from quotes.attribute import decisions
    from quotes.attribution.context import CJK_LANGS
    from quotes.names import DocumentNames, Speaker, resolve
    from quotes.pipeline import quote_spans

    out: list[Row] = []
    for doc in docs:
        text = doc["text"]
        lex, _, spans, paras = quote_spans(text, _lang(doc))
        names = DocumentNames(text, spans, lex) if lex.lang in CJK_LANGS else None
        earlier: list[Speaker] = []  # the speakers decided so far, as a pronoun is resolved
        for i, (candidates, decided) in enumerate(decisions(text, spans, paras, lex, model=model)):
            gold = _matching_gold(doc, spans[i].start, spans[i].end)
            if gold is not None:
                key = f"{doc['doc_id']}:{i}"
                for c in candidates:
                    right = is_speaker(c, gold)
                    if not right and c.mention.kind == "pronoun" and names is not None:
                        named = resolve(c.mention, names, earlier, lex).name
                        right = named is not None and names_match(named, gold)
                    out.append((key, lex.lang, dict(c.features), right))
            if names is not None:
                earlier.append(resolve(decided.mention, names, earlier, lex))
    return out


def _lang(doc: Mapping[str, Any]) -> str:
    """The gold's language, else the one the pipeline detects."""
    from quotes import segment

    return str(doc.get("lang") or segment.document_language(segment.segments(doc["text"])) or "en")


def _matching_gold(doc: Mapping[str, Any], start: int, end: int) -> Mapping[str, Any] | None:
    span = trim(doc["text"], start, end)
    best = max(
        ((jaccard(_gold_span(doc["text"], g), span), g) for g in doc["quotes"]),
        default=(0.0, None),
        key=lambda x: x[0],
    )
    return best[1] if best[0] >= MIN_OVERLAP else None


def is_speaker(candidate: Candidate, gold: Mapping[str, Any]) -> bool:
    m = candidate.mention
    gs, ge = gold.get("speaker_start"), gold.get("speaker_end")
    if gs is not None and ge is not None and min(m.end, ge) > max(m.start, gs):
        return True
    return names_match(m.text, gold)


def names_match(name: str, gold: Mapping[str, Any]) -> bool:
    """Does `name` name the gold speaker (its name, automatic name or an alias)?"""
    golds = [gold.get("speaker"), gold.get("speaker_name_auto"), *(gold.get("speaker_aliases") or [])]
    golds = [g for g in golds if isinstance(g, str)]
    if _CJK.search(name):  # CJK names carry no spaces: containment either way, as the scorer reads them
        return len(name) >= 2 and any(len(g) >= 2 and (g in name or name in g) for g in golds)
    tokens = name_tokens(name)
    return bool(tokens) and any(tokens & name_tokens(g) for g in golds)


CALIBRATION_FOLDS = 5


def fit(training: list[Row], languages: Iterable[str], c: float = 1.0) -> dict[str, Any]:
    """Pairwise ranking weights (a logistic regression on feature differences between the
    gold speaker and each other candidate of a quote), then a calibration of the winner's
    score and lead into the probability that it is right. The calibration reads scores from
    models fitted without the document being scored (cross-fitting by document): scores a model
    gives its own training quotes are too confident."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    langs = frozenset(languages)
    groups = _groups(training, langs)
    vec = DictVectorizer()
    vec.fit([f for g in groups.values() for f, _ in g])
    weights = _pairwise(list(groups.values()), vec, c)
    tops: list[list[float]] = []
    rights: list[bool] = []
    for inside, outside in _document_folds(groups, CALIBRATION_FOLDS):
        held = ranking.Ranker(_pairwise(inside, vec, c), 0.0, 0.0, langs)
        for group in outside:
            top, right = _winner(held, group)
            tops.append(top)
            rights.append(right)
    if len(set(rights)) < 2:
        raise ValueError(
            "calibration needs quotes whose best candidate is right and quotes where it is wrong; "
            f"all {len(rights)} are {'right' if rights and rights[0] else 'wrong'}: fit on more documents"
        )
    calibrator = LogisticRegression(max_iter=1000).fit(tops, rights)
    a, b = (float(x) for x in calibrator.coef_[0])
    return {
        "bias": 0.0,
        "threshold": THRESHOLD,
        "calibration": [round(a, 4), round(b, 4), round(float(calibrator.intercept_[0]), 4)],
        "calibration_folds": CALIBRATION_FOLDS,
        "languages": sorted(langs),
        "weights": dict(sorted((k, round(v, 4)) for k, v in weights.items() if abs(v) >= 1e-4)),
    }


def _pairwise(groups: list[Group], vec: Any, c: float) -> dict[str, float]:
    """Weights from a logistic regression on (gold speaker - other candidate) differences, each
    quote's pairs together weighing one: a quote with twelve candidates must not count eleven times
    as much as one with two (5-fold CV: 7,700 -> 7,713 of 8,622 English/German quotes, 71 -> 77 of
    96 CJK)."""
    from scipy.sparse import vstack
    from sklearn.linear_model import LogisticRegression

    diffs: list[Any] = []
    ys: list[bool] = []
    sample: list[float] = []
    for group in groups:
        good = [vec.transform([f]) for f, label in group if label]
        bad = [vec.transform([f]) for f, label in group if not label]
        for g, b in ((g, b) for g in good for b in bad):
            flip = len(ys) % 2 == 1  # both orders, so the model learns no side
            diffs.append(b - g if flip else g - b)
            ys.append(not flip)
            sample.append(1.0 / (len(good) * len(bad)))  # each quote weighs one, however many rivals
    if not diffs:
        return {}
    pairwise = LogisticRegression(C=c, max_iter=2000, fit_intercept=False)
    pairwise.fit(vstack(diffs), ys, sample_weight=sample)
    return {n: float(w) for n, w in zip(vec.get_feature_names_out(), pairwise.coef_[0], strict=True)}


def _winner(model: ranking.Ranker, group: Group) -> tuple[list[float], bool]:
    """([winner's score, its lead], whether it is the gold speaker): what the calibrator reads."""
    scored = sorted(((model.score(f, ""), label) for f, label in group), reverse=True)
    second = scored[1][0] if len(scored) > 1 else None
    lead = scored[0][0] - second if second is not None else ranking.LONE_LEAD
    return [scored[0][0], min(lead, ranking.LONE_LEAD)], scored[0][1]


def kind_rows(docs: Iterable[Mapping[str, Any]]) -> list[tuple[str, dict[str, float], bool]]:
    """(language, term evidence, is it a gold quote) for every span the tool extracts."""
    from quotes.attribute import attribute_spans
    from quotes.kinds import term_features
    from quotes.pipeline import quote_spans

    out = []
    for doc in docs:
        text = doc["text"]
        lex, _, spans, paras = quote_spans(text, _lang(doc))
        for span, attr in zip(spans, attribute_spans(text, spans, paras, lex), strict=True):
            gold = _matching_gold(doc, span.start, span.end)
            out.append((lex.lang, term_features(text, span, attr, lex), gold is not None))
    return out


def fit_kinds(
    training: list[tuple[str, dict[str, float], bool]], languages: Iterable[str], c: float = 1.0
) -> dict[str, Any]:
    """A logistic regression: P(a quoted span is somebody's words) from its term evidence."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    langs = frozenset(languages)
    vec = DictVectorizer()
    x = vec.fit_transform([ranking.expand(f, lang, langs) for lang, f, _ in training])
    model = LogisticRegression(C=c, max_iter=2000, fit_intercept=False).fit(
        x, [label for *_, label in training]
    )
    weights = {
        n: round(float(w), 4) for n, w in zip(vec.get_feature_names_out(), model.coef_[0], strict=True)
    }
    return {
        "bias": 0.0,
        "threshold": 0.5,
        "calibration": [1.0, 0.0, 0.0],
        "languages": sorted(langs),
        "weights": dict(sorted((k, v) for k, v in weights.items() if abs(v) >= 1e-4)),
    }


def _groups(training: list[Row], langs: frozenset[str]) -> dict[str, Group]:
    """Each quote's candidates, keyed doc_id:quote, their features expanded for `langs`."""
    groups: dict[str, Group] = {}
    for key, lang, feats, label in training:
        groups.setdefault(key, []).append((ranking.expand(feats, lang, langs), label))
    return groups


def _document_folds(groups: dict[str, Group], folds: int) -> Iterator[tuple[list[Group], list[Group]]]:
    """(the quotes fitted on, the quotes held out) for each fold of documents, skipping a fold
    with nothing held out or no speaker to learn from."""
    doc_of = {key: key.rsplit(":", 1)[0] for key in groups}
    fold_of = {doc: i % folds for i, doc in enumerate(sorted(set(doc_of.values())))}
    for fold in range(folds):
        inside = [g for k, g in groups.items() if fold_of[doc_of[k]] != fold]
        outside = [g for k, g in groups.items() if fold_of[doc_of[k]] == fold]
        if outside and any(label for g in inside for _, label in g):
            yield inside, outside


def cross_validated(
    training: list[Row], languages: Iterable[str], c: float, folds: int
) -> tuple[int, int, int]:
    """(quotes whose best candidate is the speaker, quotes, quotes with the speaker among their
    candidates) when each document is decided by a ranking fitted without it (folds by document):
    the figure to trust before a change to the features is kept."""
    from sklearn.feature_extraction import DictVectorizer

    right = total = reachable = 0
    for inside, outside in _document_folds(_groups(training, frozenset(languages)), folds):
        vec = DictVectorizer().fit([f for g in inside for f, _ in g])
        model = ranking.Ranker(_pairwise(inside, vec, c), 0.0, 0.0)  # features already expanded
        for group in outside:
            best = max(group, key=lambda fl: model.score(fl[0], ""))
            right += best[1]
            total += 1
            reachable += any(label for _, label in group)
    return right, total, reachable


def cross_validated_kinds(
    docs: Sequence[Mapping[str, Any]], languages: Iterable[str], c: float, folds: int
) -> tuple[int, int, int]:
    """(true positives, false positives, false negatives) of the quote-or-term model on the
    spans of the documents in `languages`, each fold decided by a model fitted without it
    (documents in other languages are always fitted on)."""
    langs = frozenset(languages)
    per_doc = [(str(d["doc_id"]), kind_rows([d])) for d in docs]
    scored = [doc for doc, rows in per_doc if any(lang in langs for lang, _, _ in rows)]
    fold_of = {doc: i % folds for i, doc in enumerate(sorted(scored))}
    tp = fp = fn = 0
    for fold in range(folds):
        inside = [r for doc, rows in per_doc if fold_of.get(doc, -1) != fold for r in rows]
        outside = [r for doc, rows in per_doc if fold_of.get(doc, -1) == fold for r in rows]
        if not outside:
            continue
        model = ranking.from_dict(fit_kinds(inside, langs, c))
        for lang, feats, label in outside:
            speech = model.probability(model.score(feats, lang), None) >= model.threshold
            tp, fp, fn = tp + (speech and label), fp + (speech and not label), fn + (label and not speech)
    return tp, fp, fn


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("gold", nargs="+", type=Path, help="annotated documents (JSONL) to fit on")
    parser.add_argument("-o", "--output", type=Path, help="the weights file to write (JSON)")
    parser.add_argument(
        "--cv",
        type=int,
        metavar="K",
        help="report K-fold cross-validated figures (folds by document); write nothing",
    )
    parser.add_argument("--lang", action="append", default=[], help="languages to give their own weights")
    parser.add_argument("--only", help="keep documents whose doc_id matches this regex")
    parser.add_argument("-C", type=float, default=1.0, help="inverse regularisation strength")
    parser.add_argument("--kinds", action="store_true", help="fit the quote-or-term model instead")
    args = parser.parse_args(argv)

    docs = [d for path in args.gold for d in load_gold(path)]
    if args.only:
        docs = [d for d in docs if re.search(args.only, str(d["doc_id"]))]
    if args.output is None and not args.cv:
        parser.error("give -o FILE to write weights, or --cv K to cross-validate")
    if args.cv and args.kinds:
        tp, fp, fn = cross_validated_kinds(docs, args.lang, args.C, args.cv)
        p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
        print(
            f"{args.cv}-fold quote or term ({', '.join(args.lang) or 'all'}): P {p:.3f} R {r:.3f} "
            f"F1 {2 * p * r / max(p + r, 1e-9):.3f}"
        )
        return 0
    if args.kinds:
        kinds = kind_rows(docs)
        weights = fit_kinds(kinds, args.lang, args.C)
        weights["fitted_on"] = [p.name for p in args.gold]
        weights["spans"] = len(kinds)
        args.output.write_text(json.dumps(weights, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"{len(kinds)} spans -> {args.output}", file=sys.stderr)
        return 0
    model = PRIOR
    for _ in range(2):
        training = rows(docs, model)
        weights = fit(training, args.lang, args.C)
        model = ranking.from_dict(weights)
    if args.cv:
        right, total, reachable = cross_validated(training, args.lang, args.C, args.cv)
        print(
            f"{args.cv}-fold ranking: best candidate is the speaker for {right} of {total} quotes "
            f"({right / max(total, 1):.3f}; the speaker is a candidate for {reachable})"
        )
        return 0
    weights["fitted_on"] = [p.name for p in args.gold]
    weights["documents"] = len(docs)
    weights["quotes"] = len({k for k, _, _, _ in training})
    args.output.write_text(json.dumps(weights, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{weights['quotes']} quotes, {len(training)} candidates -> {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
