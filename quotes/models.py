"""Installing models into the store: the only place `quotes` ever downloads, and only when asked.

argos packages come from the argos index (or a local .argosmodel file, for offline machines);
stanza models from stanza's own server. Each failure is one sentence that says what to do.
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path
from types import ModuleType

from quotes import resources

STANZA_PROCESSORS = "tokenize,pos,lemma,depparse,ner"


class InstallError(RuntimeError):
    """An install that could not be done; the message says why and what to do instead."""


def argos_modules(store: Path | None = None) -> tuple[ModuleType, ModuleType]:
    """argostranslate's package and translate modules, pointed at the store's argos folder."""
    root = resources.argos_dir(store)
    root.mkdir(parents=True, exist_ok=True)
    os.environ["ARGOS_PACKAGES_DIR"] = str(root)
    import argostranslate.settings as settings

    settings.package_data_dir = root
    settings.package_dirs = [root]
    settings.downloads_dir = root.parent / ".downloads"
    settings.downloads_dir.mkdir(parents=True, exist_ok=True)
    import argostranslate.package as package
    import argostranslate.translate as translate

    translate.get_installed_languages.cache_clear()
    return package, translate


def install_argos_file(path: Path, store: Path | None = None) -> resources.ArgosPackage:
    """Install a .argosmodel file (a zip with metadata.json, model/, sentencepiece.model)."""
    if not path.is_file():
        raise InstallError(f"no such file: {path}")
    if not zipfile.is_zipfile(path):
        raise InstallError(f"{path} is not an argos package (an .argosmodel is a zip archive)")
    with zipfile.ZipFile(path) as archive:
        if not any(n.endswith("metadata.json") for n in archive.namelist()):
            raise InstallError(f"{path} has no metadata.json: not an argos translation package")
    before = {p.path for p in resources.argos_packages(store)}
    package, _ = argos_modules(store)
    package.install_from_path(path)
    added = [p for p in resources.argos_packages(store) if p.path not in before]
    if not added:
        raise InstallError(f"{path} unpacked, but no package with a metadata.json appeared in the store")
    return added[0]


def install_argos_pair(src: str, tgt: str, store: Path | None = None) -> resources.ArgosPackage:
    """Download and install the argos package src->tgt from the argos package index."""
    package, _ = argos_modules(store)
    import argostranslate.settings as settings

    index = Path(settings.local_package_index)
    index.unlink(missing_ok=True)
    package.update_package_index()  # logs and returns on failure instead of raising
    if not index.exists():
        raise InstallError(
            f"could not download the argos package index ({settings.remote_package_index}); without "
            f"internet, copy a {src}->{tgt} .argosmodel file to this machine and run "
            "`quotes models install --from FILE.argosmodel`"
        )
    match = [p for p in package.get_available_packages() if p.from_code == src and p.to_code == tgt]
    if not match:
        raise InstallError(f"the argos index has no {src}->{tgt} package")
    try:
        downloaded = match[0].download()
    except Exception as exc:
        raise InstallError(f"could not download the {src}->{tgt} package ({exc})") from None
    return install_argos_file(Path(downloaded), store)


def install_stanza(lang: str, store: Path | None = None) -> Path:
    """Download stanza's models for `lang` into the store."""
    import stanza

    target = resources.stanza_dir(store)
    try:
        stanza.download(lang, model_dir=str(target), processors=STANZA_PROCESSORS, logging_level="WARN")
    except Exception as exc:
        raise InstallError(
            f"could not download stanza models for '{lang}' ({type(exc).__name__}); without internet, "
            f"copy a stanza model folder for '{lang}' into {target}"
        ) from None
    return target / lang
