"""Translation to English: identity for English, argostranslate when its package is installed.

Each quote records the engine that produced its `quote_en`, so a reader can tell a neural
translation from a missing one (`none`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import regex as re

from quotes import gloss, resources
from quotes.cache import CachedTranslator, TranslationCache

TARGET = "en"


class Translator(Protocol):
    @property
    def engine(self) -> str: ...

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


class PunctuationSentencizer:
    """Sentence splitting for packages that ship no splitter of their own.

    argostranslate would otherwise fetch a MiniSBD model on first use; quotes are short and end
    their sentences with punctuation, which is all this needs.
    """

    _END = re.compile(r"(?<=[.!?。！？…])\s*")

    def split_sentences(self, text: str) -> list[str]:
        return [s for s in self._END.split(text) if s.strip()] or [text]


def sentencizer_for(pkg: Any) -> Any:
    """The package's own splitter when it ships one that loads from disk, else punctuation."""
    from argostranslate import sbd

    packaged = str(pkg.packaged_sbd_path or "")
    if packaged.endswith("spacy"):
        return sbd.SpacySentencizerSmall(pkg)
    if packaged.endswith("minisbd") and any(Path(packaged).glob("*.onnx")):
        return sbd.MiniSBDSentencizer(pkg)
    return PunctuationSentencizer()


@dataclass
class ArgosTranslator:
    """A CTranslate2 model from an argos package in the store, loaded on first use."""

    src: str
    package_dir: Path
    engine: str = "argos"
    _run: Any = field(default=None, repr=False)

    def _load(self) -> Any:
        if self._run is None:
            import ctranslate2

            from quotes.models import argos_modules

            package, argos = argos_modules(self.package_dir.parent)
            pkg = next(
                p for p in package.get_installed_packages() if p.from_code == self.src and p.to_code == TARGET
            )
            model = ctranslate2.Translator(str(pkg.package_path / "model"), device="cpu")
            splitter = sentencizer_for(pkg)
            self._run = lambda text: argos.apply_packaged_translation(pkg, text, model, splitter, 1)[0].value
        return self._run

    def translate(self, texts: list[str]) -> list[str | None]:
        run = self._load()
        return [str(run(t)) for t in texts]


@dataclass
class Translators:
    """One translator per source language, chosen once (route by language): argos when its
    package is installed, else JMdict glosses for Japanese, else none. Renderings are cached."""

    store: Path | None = None
    enabled: bool = True
    use_cache: bool = True
    _chosen: dict[str, Translator] = field(default_factory=dict)
    missing: set[str] = field(default_factory=set)

    def for_lang(self, lang: str | None) -> Translator:
        if lang == TARGET:
            return IdentityTranslator()
        if not lang or not self.enabled:
            return NoTranslator()
        if lang not in self._chosen:
            self._chosen[lang] = self._choose(lang)
        return self._chosen[lang]

    def _choose(self, lang: str) -> Translator:
        package = resources.argos_package(lang, TARGET, self.store)
        if package is not None:
            return self._cached(
                ArgosTranslator(lang, package.path.parent), f"{package.path.name} {package.version}", lang
            )
        self.missing.add(lang)
        if lang == "ja" and gloss.available():
            return self._cached(gloss.GlossTranslator(), gloss.version(), lang)
        return NoTranslator()

    def _cached(self, translator: Translator, version: str, lang: str) -> Translator:
        if not self.use_cache:
            return translator
        store = self.store or resources.store_dir()
        return CachedTranslator(translator, version, lang, TranslationCache(store / "translations.sqlite"))
