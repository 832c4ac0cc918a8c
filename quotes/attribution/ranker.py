"""Choose a quote's speaker among its candidates with a linear model over their features.

The weights are data (`weights/<family>.json`), fitted on annotated training news by
`quotes.attribution.fit`; a model never sees the data it is judged on. A feature may be
language-specific (`de|rule:_colon`): languages the model was fitted on get their own
correction on top of the shared weight, any other language uses the shared weights alone.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from quotes.attribution.candidates import Candidate

WEIGHTS_PACKAGE = "quotes.attribution.weights"


@dataclass(frozen=True)
class Ranker:
    """A logistic model: P(candidate is the speaker) = sigmoid(bias + sum of its feature weights)."""

    weights: Mapping[str, float]
    bias: float
    threshold: float  # below this probability no candidate is convincing: the quote keeps no speaker
    languages: frozenset[str] = frozenset()  # languages with their own feature corrections
    # P(the best candidate is right) = sigmoid(a * its score + b * its lead over the next + c)
    calibration: tuple[float, float, float] = (1.0, 0.0, 0.0)
    _folded: dict[str, dict[str, float]] = field(default_factory=dict, compare=False, repr=False)

    def score(self, features: Mapping[str, float], lang: str) -> float:
        """bias + the features' weights, each with its language's correction (see `expand`)."""
        weights = self._folded.get(lang)
        if weights is None:
            weights = self._folded.setdefault(lang, self._fold(lang))
        z = self.bias
        for name, value in features.items():
            z += weights.get(name, 0.0) * value
        return z

    def _fold(self, lang: str) -> dict[str, float]:
        """The shared weights with `lang`'s corrections added in: one lookup per feature."""
        if lang not in self.languages:
            return dict(self.weights)
        prefix = f"{lang}|"
        out = {k: w for k, w in self.weights.items() if "|" not in k}
        for k, w in self.weights.items():
            if k.startswith(prefix):
                out[k[len(prefix) :]] = out.get(k[len(prefix) :], 0.0) + w
        return out

    def probability(self, best: float, runner_up: float | None) -> float:
        a, b, c = self.calibration
        lead = best - runner_up if runner_up is not None else LONE_LEAD
        return _sigmoid(a * best + b * min(lead, LONE_LEAD) + c)

    def choose(self, candidates: list[Candidate], lang: str) -> tuple[Candidate, float] | None:
        """The best candidate and the probability that it is right, or None when that
        probability does not reach the threshold."""
        if not candidates:
            return None
        scored = sorted(
            ((self.score(c.features, lang), -i, c) for i, c in enumerate(candidates)),
            key=lambda s: (s[0], s[1]),
            reverse=True,
        )
        p = self.probability(scored[0][0], scored[1][0] if len(scored) > 1 else None)
        return (scored[0][2], p) if p >= self.threshold else None


LONE_LEAD = 5.0  # the lead of a candidate with no rival, and the most a lead counts


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def expand(features: Mapping[str, float], lang: str, languages: frozenset[str]) -> dict[str, float]:
    """The shared features plus, for a language the model knows, a copy keyed by language."""
    out = dict(features)
    if lang in languages:
        out.update({f"{lang}|{k}": v for k, v in features.items()})
    return out


@cache
def load(family: str) -> Ranker:
    """The fitted model for a language family ('latin', 'cjk')."""
    raw = json.loads(resources.files(WEIGHTS_PACKAGE).joinpath(f"{family}.json").read_text(encoding="utf-8"))
    return from_dict(raw)


def from_dict(raw: Mapping[str, Any]) -> Ranker:
    return Ranker(
        weights={str(k): float(v) for k, v in raw["weights"].items()},
        bias=float(raw["bias"]),
        threshold=float(raw["threshold"]),
        languages=frozenset(raw.get("languages", ())),
        calibration=_triple(raw.get("calibration", (1.0, 0.0, 0.0))),
    )


def _triple(values: Any) -> tuple[float, float, float]:
    a, b, c = (float(v) for v in values)
    return (a, b, c)
