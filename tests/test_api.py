from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import quotes
from quotes.translate import ArgosTranslator, Translators


def test_import_loads_no_heavy_libraries() -> None:
    heavy = "{'torch', 'stanza', 'argostranslate'}"
    code = f"import sys, quotes; print(sorted(m for m in sys.modules if m.split('.')[0] in {heavy}))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_extract_returns_the_documented_table(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("“Done,” said Ann Lee.", encoding="utf-8")
    table = quotes.extract(tmp_path)
    assert list(table.columns) == list(quotes.COLUMNS)
    assert table.loc[0, "speaker"] == "Ann Lee"


def test_quote_in_a_language_without_any_engine_is_marked_none() -> None:
    (q,) = quotes.extract_quotes("대통령은 기자들에게 “우리는 계속 협력할 것입니다”라고 말했다.")
    assert q.lang == "ko" and q.translation_engine == "none" and q.quote_en is None


def test_english_is_identity() -> None:
    (q,) = quotes.extract_quotes("“We agreed to proceed,” she said.")
    assert q.translation_engine == "identity" and q.quote_en == q.quote


def test_installed_argos_package_is_routed_to_argos(empty_model_store: Path) -> None:
    pkg = empty_model_store / "argos" / "translate-ja_en"
    pkg.mkdir(parents=True)
    (pkg / "metadata.json").write_text('{"from_code": "ja", "to_code": "en", "package_version": "1.9"}')
    translators = Translators()
    chosen = translators.for_lang("ja")
    assert chosen.engine == "argos"
    assert isinstance(chosen.inner, ArgosTranslator) and chosen.inner.package_dir == pkg.parent  # type: ignore[attr-defined]
    assert not translators.missing
    assert translators.for_lang("ko").engine == "none" and translators.missing == {"ko"}
