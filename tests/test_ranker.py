"""The attribution core: every rule proposes, the sentence is read for other mentions, and a
fitted ranker chooses (or names nobody)."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from quotes import attribute
from quotes.attribution import fit, ranker
from quotes.attribution.candidates import FAR_SIDE_KEPT, Candidate, Neighbours, gather, nearby
from quotes.cues import Mention
from quotes.pipeline import quote_spans


def _candidates(text: str, lang: str = "en", index: int = 0) -> list[Candidate]:
    lex, _, spans, paras = quote_spans(text, lang)
    ctxs = attribute.contexts(text, spans, paras, lex)
    props = attribute.proposals(ctxs[index])
    return attribute.candidates(ctxs[index], props, Neighbours(), attribute.inside(spans))


def _by_text(cands: list[Candidate]) -> dict[str, Candidate]:
    return {c.mention.text: c for c in cands}


def test_every_rule_proposes_and_agreement_is_a_feature() -> None:
    cands = _by_text(_candidates("“We will win,” said Maria Lopez."))
    lopez = cands["Maria Lopez"]
    assert lopez.features["rule:quote_cue_speaker"] == 1.0
    assert lopez.features["rule_first"] == 1.0 and lopez.features["rule_strong"] == 1.0
    assert lopez.method == "quote-cue-speaker"


def test_the_subordinate_clause_proposes_its_pronoun() -> None:
    text = (
        "Die Vereinigung schlug in die gleiche Kerbe, indem sie den Aufsichtsrat zum Handeln "
        "aufforderte: „Jetzt ist der Aufsichtsrat gefordert.“"
    )
    cands = _by_text(_candidates(text, "de"))
    assert "rule:subordinate" in cands["sie"].features
    assert "den Aufsichtsrat" not in cands  # an accusative object is never read as a subject


def test_the_sentence_is_read_for_mentions_no_rule_names() -> None:
    text = "Critics of the plan, among them Senator Ann Wu, fear “a slow disaster” ahead."
    cands = _by_text(_candidates(text))
    wu = next(c for t, c in cands.items() if "Ann Wu" in t)
    assert wu.features["nearby"] == 1.0


def test_mentions_inside_quotes_are_never_candidates() -> None:
    text = "“Tell Bo Chen we are done,” said Maria Lopez."
    assert "Bo Chen" not in _by_text(_candidates(text))


def test_a_quote_ending_its_sentence_reads_nothing_after_it() -> None:
    cands = _by_text(_candidates("Mayor Ann Lee spoke.\n“The plan is dead.” Bo Chen says it will return."))
    assert "Bo Chen" not in cands


def test_the_previous_speaker_is_a_candidate_and_a_repeated_name_joins_it() -> None:
    text = "Sie sagte, es seien „viele Frauen mit Erfahrung.“ Sie seien „gut geeignet“ für die Arbeit."
    lex, _, spans, paras = quote_spans(text, "de")
    ctxs = attribute.contexts(text, spans, paras, lex)
    previous = attribute.decide(ctxs[0], _candidates(text, "de"), ranker.load("latin"))
    assert previous.mention is not None and previous.mention.text == "Sie"
    cands = gather(ctxs[1], attribute.proposals(ctxs[1]), Neighbours(previous), attribute.inside(spans))
    second = next(c for c in cands if c.mention.start > 40 and c.mention.text == "Sie")
    assert second.features.get("same_as_previous") == 1.0
    assert second.method == "continuation"


def _model(weights: dict[str, float], threshold: float = 0.5) -> ranker.Ranker:
    return ranker.Ranker(weights, bias=0.0, threshold=threshold, calibration=(1.0, 0.0, 0.0))


def _cand(text: str, start: int, **features: float) -> Candidate:
    return Candidate(Mention(text, start, start + len(text), "name"), None, "nearby", features)


def test_the_ranker_picks_the_highest_score() -> None:
    a, b = _cand("Ann", 0, near=1.0), _cand("Bo", 10, cue=1.0)
    chosen = _model({"near": 1.0, "cue": 3.0}).choose([a, b], "en")
    assert chosen is not None and chosen[0] is b
    assert chosen[1] == pytest.approx(1 / (1 + math.exp(-3.0)))


def test_the_ranker_names_nobody_below_its_threshold() -> None:
    assert _model({"near": -2.0}, threshold=0.5).choose([_cand("Ann", 0, near=1.0)], "en") is None
    assert _model({}).choose([], "en") is None


def test_language_corrections_apply_only_to_their_language() -> None:
    model = ranker.Ranker({"cue": 1.0, "de|cue": -3.0}, 0.0, 0.0, frozenset({"de"}))
    feats = {"cue": 1.0}
    assert model.score(feats, "en") == 1.0
    assert model.score(feats, "fr") == 1.0  # no correction fitted: the shared weight alone
    assert model.score(feats, "de") == -2.0


def test_calibration_reads_the_lead_over_the_runner_up() -> None:
    model = ranker.Ranker({}, 0.0, 0.0, calibration=(0.0, 1.0, 0.0))
    assert model.probability(2.0, 1.5) < model.probability(2.0, -1.0)
    assert model.probability(2.0, None) == model.probability(2.0, 2.0 - ranker.LONE_LEAD)


def test_the_shipped_weights_load_and_name_their_data() -> None:
    for family in ("latin", "cjk"):
        model = ranker.load(family)
        assert model.weights and 0.0 < model.threshold < 1.0
    raw = json.loads(Path(ranker.__file__).with_name("weights").joinpath("latin.json").read_text())
    assert raw["fitted_on"] == ["polnear_train.jsonl", "gernews_train.jsonl"]


def _gold_doc(n: int, speaker: str, other: str) -> dict[str, object]:
    """A quote whose speaker stands after it with a cue, and a distractor before it."""
    text = f"{other} arrived late. “We will fight on,” {speaker} told the crowd on day {n}."
    start = text.index("“")
    end = text.index("”") + 1
    s = text.index(speaker)
    return {
        "doc_id": f"d{n}",
        "lang": "en",
        "text": text,
        "quotes": [
            {
                "start": start,
                "end": end,
                "speaker": speaker,
                "speaker_start": s,
                "speaker_end": s + len(speaker),
            }
        ],
    }


def test_fitting_learns_which_evidence_names_the_speaker() -> None:
    docs = [_gold_doc(n, f"Maria Lopez{'' if n % 2 else ' Jr'}", "Bo Chen") for n in range(12)]
    unnamed = _gold_doc(99, "Maria Lopez", "Bo Chen")  # gold names someone the text never does
    unnamed["quotes"] = [{**unnamed["quotes"][0], "speaker": "Ann Lee", "speaker_start": None}]  # type: ignore[index]
    rows = fit.rows([*docs, unnamed, {**unnamed, "doc_id": "d100"}], fit.PRIOR)
    assert {label for *_, label in rows} == {True, False}
    weights = fit.fit(rows, ["en"])
    model = ranker.from_dict(weights)
    for doc in docs[:3]:
        text = str(doc["text"])
        chosen = model.choose(_candidates(text), "en")
        assert chosen is not None and chosen[0].mention.text.startswith("Maria Lopez")


def test_each_quote_weighs_one_in_the_fit_however_many_rivals_it_has() -> None:
    from sklearn.feature_extraction import DictVectorizer

    # one quote's speaker has x and ten rivals y; another's speaker has y and one rival x: the
    # evidence is even, and the quote with more candidates must not outvote the other tenfold
    many = [({"x": 1.0}, True)] + [({"y": 1.0}, False)] * 10
    few = [({"y": 1.0}, True), ({"x": 1.0}, False)]
    vec = DictVectorizer().fit([{"x": 1.0, "y": 1.0}])
    weights = fit._pairwise([many, few], vec, 1.0)
    assert abs(weights["x"] - weights["y"]) < 1e-6


def test_a_cjk_pronoun_is_labelled_by_whom_it_stands_for() -> None:
    text = "總統蔡英文1日接受專訪，她透露：「我最想改變這件事。」"
    start = text.index("「") + 1
    doc = {
        "doc_id": "z1",
        "lang": "zh",
        "text": text,
        "quotes": [
            {
                "start": start,
                "end": text.index("」"),
                "speaker": "蔡英文",
                "speaker_start": 2,
                "speaker_end": 5,
            }
        ],
    }
    labels = {
        feats.get("kind:pronoun", 0.0): label for _, _, feats, label in fit.rows([doc], ranker.load("cjk"))
    }
    assert labels[1.0] is True  # 她 resolves to 蔡英文, though the gold span is the name


def test_a_label_line_above_a_quote_names_its_speaker() -> None:
    text = (
        "Christian Jacob, président du parti\n"
        "« Cela n’existe pas, c’est un mensonge. » (07/06/2020, Les Échos)"
    )
    cands = _by_text(_candidates(text, "fr"))
    assert cands["Christian Jacob"].features["label_line"] == 1.0
    assert not any("Échos" in t for t in cands)  # a parenthesis after the quote names where, not who


def test_the_governing_preposition_is_read_past_the_article() -> None:
    text = (
        "La vecina de la mujer asesinada en la Nochebuena ha asegurado que se oyeron "
        "“unos trompazos tremendos”."
    )
    cands = _by_text(_candidates(text, "es"))
    assert "Nochebuena" not in cands


def test_a_relative_pronoun_hands_the_quote_to_its_antecedent() -> None:
    text = (
        "Prime Minister Sanae Takaichi sought alignment with President Donald Trump, who had asked "
        "her to 'manage' relations."
    )
    cands = _by_text(_candidates(text))
    assert cands["President Donald Trump"].features["relative_antecedent"] == 1.0
    assert "relative_between" not in cands["President Donald Trump"].features  # its own clause
    assert "Prime Minister Sanae Takaichi" not in cands  # outside the clause that holds the quote


def test_calibration_scores_each_document_with_a_model_that_never_saw_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    docs = [_gold_doc(n, f"Maria Lopez{'' if n % 2 else ' Jr'}", "Bo Chen") for n in range(10)]
    unnamed = _gold_doc(99, "Maria Lopez", "Bo Chen")
    unnamed["quotes"] = [{**unnamed["quotes"][0], "speaker": "Ann Lee", "speaker_start": None}]  # type: ignore[index]
    rows = fit.rows([*docs, unnamed], fit.PRIOR)
    fitted_on: list[set[int]] = []  # the quotes each model was fitted on, in order
    scored: dict[int, set[int]] = {}  # model number -> the quotes it scored for the calibration
    real_pairwise, real_winner = fit._pairwise, fit._winner

    def pairwise(groups, vec, c):  # type: ignore[no-untyped-def]
        fitted_on.append({id(g) for g in groups})
        return real_pairwise(groups, vec, c)

    def winner(model, group):  # type: ignore[no-untyped-def]
        scored.setdefault(len(fitted_on) - 1, set()).add(id(group))  # the model fitted last
        return real_winner(model, group)

    monkeypatch.setattr(fit, "_pairwise", pairwise)
    monkeypatch.setattr(fit, "_winner", winner)
    fit.fit(rows, ["en"])
    assert 0 not in scored  # model 0 is fitted on everything: the shipped weights
    assert len(scored) >= 2
    for model, judged in scored.items():
        assert judged and not fitted_on[model] & judged


def test_mentions_beyond_a_neighbouring_quote_are_read_only_nearest_first() -> None:
    text = "Smith Jones said “a” and “b”. " + "“c” ― Xavier Bell " * 30
    lex, _, spans, paras = quote_spans(text, "en")
    ctxs = attribute.contexts(text, spans, paras, lex)
    second = [m.text for m in nearby(ctxs[1])]
    assert "Smith Jones" in second  # beyond “a”, but among the nearest on that side
    middle = nearby(ctxs[15])
    beyond = [m for m in middle if m.end <= ctxs[15].previous_end or m.start >= ctxs[15].next_start]
    assert FAR_SIDE_KEPT <= 3 and len(beyond) <= 2 * FAR_SIDE_KEPT  # not every Xavier Bell in reach


def test_cross_validation_decides_each_document_with_a_model_that_never_saw_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    docs = [_gold_doc(n, "Maria Lopez", "Bo Chen") for n in range(10)]
    unnamed = _gold_doc(99, "Maria Lopez", "Bo Chen")
    unnamed["quotes"] = [{**unnamed["quotes"][0], "speaker": "Ann Lee", "speaker_start": None}]  # type: ignore[index]
    rows = fit.rows([*docs, unnamed], fit.PRIOR)
    fitted_on: list[int] = []
    real_pairwise = fit._pairwise

    def recording(
        groups: list[list[tuple[dict[str, float], bool]]], vec: object, c: float
    ) -> dict[str, float]:
        fitted_on.append(len(groups))
        return real_pairwise(groups, vec, c)

    monkeypatch.setattr(fit, "_pairwise", recording)
    right, total, reachable = fit.cross_validated(rows, ["en"], 1.0, folds=5)
    assert total == 11 and reachable == 10 and right == 10  # the unnamed speaker is never a candidate
    assert fitted_on == [11 - len(range(k, 11, 5)) for k in range(5)]  # each fold fitted without its own


def test_cross_validated_quote_or_term_counts_each_span_once() -> None:
    docs = []
    for n in range(6):
        spoken = f"“We will win on day {n},” Maria Lopez told the crowd."
        title = f"The book “Winter Light {n}” sold well."
        docs.append(
            {
                "doc_id": f"s{n}",
                "lang": "en",
                "text": spoken,
                "quotes": [{"start": 0, "end": spoken.index("”") + 1}],
            }
        )
        docs.append({"doc_id": f"t{n}", "lang": "en", "text": title, "quotes": []})
    tp, fp, fn = fit.cross_validated_kinds(docs, ["en"], 1.0, folds=3)
    assert tp + fn == 6 and tp >= 5 and fp <= 1
