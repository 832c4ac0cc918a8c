"""Translation to English: identity for English, argostranslate when its package is installed.

Each quote records the engine that produced its `quote_en`, so a reader can tell a neural
translation from a missing one (`none`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from quotes import resources

TARGET = "en"


class Translator(Protocol):
    engine: str

    def translate(self, texts: list[str]) -> list[str | None]: ...


class IdentityTranslator:
    """English stays as it is."""

    engine = "identity"

    def translate(self, texts: list[str]) -> list[str | None]:
        return list(texts)


class NoTranslator:
    """No engine for this language: `quote_en` is left empty, never invented."""

    engine = "none"

    def translate(self, texts: list[str]) -> list[str | None]:
        return [None for _ in texts]


@dataclass
class ArgosTranslator:
    """A CTranslate2 model from an argos package in the store, loaded on first use."""

    src: str
    package_dir: Path
    engine: str = "argos"
    _translation: Any = field(default=None, repr=False)

    def _load(self) -> Any:
        if self._translation is None:
            os.environ["ARGOS_PACKAGES_DIR"] = str(self.package_dir)
            import argostranslate.settings as settings

            settings.package_data_dir = self.package_dir
            settings.package_dirs = [self.package_dir]
            import argostranslate.translate as argos

            self._translation = argos.get_translation_from_codes(self.src, TARGET)
        return self._translation

    def translate(self, texts: list[str]) -> list[str | None]:
        model = self._load()
        return [str(model.translate(t)) for t in texts]


@dataclass
class Translators:
    """One translator per source language, chosen once and cached (route by language)."""

    store: Path | None = None
    enabled: bool = True
    _cache: dict[str, Translator] = field(default_factory=dict)
    missing: set[str] = field(default_factory=set)

    def for_lang(self, lang: str | None) -> Translator:
        if lang == TARGET:
            return IdentityTranslator()
        if not lang or not self.enabled:
            return NoTranslator()
        if lang not in self._cache:
            package = resources.argos_package(lang, TARGET, self.store)
            if package is None:
                self.missing.add(lang)
                self._cache[lang] = NoTranslator()
            else:
                self._cache[lang] = ArgosTranslator(lang, package.path.parent)
        return self._cache[lang]
