from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from quotes import cli, evaluate

TEXT = "“We will win,” said Ann Lee. The mayor called it “a fine day” again.\n“Nobody asked,” Bo Li replied."


def _gold(tmp_path: Path) -> Path:
    quotes = [
        {"start": 0, "end": 14, "speaker": "Ann Lee", "speaker_start": 20, "speaker_end": 27},
        {
            "start": TEXT.index("“Nobody"),
            "end": TEXT.index(" Bo Li"),
            "speaker": "Bo Li",
            "speaker_start": TEXT.index("Bo Li"),
            "speaker_end": TEXT.index("Bo Li") + 5,
        },
        {
            "start": TEXT.index("“a fine"),
            "end": TEXT.index(" again"),
            "speaker": "The mayor",
            "speaker_start": TEXT.index("The mayor"),
            "speaker_end": TEXT.index("The mayor") + 9,
        },
    ]
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"doc_id": "d1", "text": TEXT, "quotes": quotes}) + "\n", encoding="utf-8")
    return path


def _row(start: int, end: int, speaker: str | None, conf: float) -> dict:
    return {"doc_id": "d1", "start": start, "end": end, "speaker": speaker, "confidence": conf}


def test_score_counts_matches_speakers_and_calibration(tmp_path: Path) -> None:
    gold = evaluate.load_gold(_gold(tmp_path))
    table = pd.DataFrame(
        [
            _row(1, 13, "Ann Lee", 0.9),  # right span, right speaker
            _row(TEXT.index("Nobody"), TEXT.index("Nobody") + 6, "Wrong Person", 0.9),  # partial span
            _row(TEXT.index("mayor"), TEXT.index("mayor") + 5, None, 0.0),  # no gold quote here
        ]
    )
    lenient = evaluate.score(gold, table, 0.3)
    assert (lenient.gold, lenient.pred, lenient.matched, lenient.speaker_right) == (3, 3, 2, 1)
    assert lenient.precision == pytest.approx(2 / 3) and lenient.recall == pytest.approx(2 / 3)
    strict = evaluate.score(gold, table, 0.8)
    assert strict.matched == 1  # 'Nobody' covers too little of 'Nobody asked,'
    band = evaluate.calibration_table(lenient).set_index("confidence").loc["[0.8, 1.0]"]
    assert (band["quotes"], band["speaker_right"]) == (2, 0.5)


def test_eval_command_runs_the_pipeline(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["eval", "--gold", str(_gold(tmp_path)), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["gold"] == 3 and result["quote_R@0.3"] == 1.0
    assert result["speaker_acc"] == 1.0  # Ann Lee, Bo Li and "The mayor" (nominal) are all found


def test_bad_gold_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text('{"doc_id": "x"}\n', encoding="utf-8")
    assert cli.main(["eval", "--gold", str(path)]) == 2
    assert "needs ['quotes', 'text']" in capsys.readouterr().err
