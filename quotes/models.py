"""Installing and removing models in the store: the only place `quotes` ever downloads, and only
when asked.

argos packages come from an argos package index (argostranslate's own index and download code;
`ARGOS_PACKAGE_INDEX` or `--index` points it elsewhere) or from a local .argosmodel file; stanza
models through `stanza.download` (`STANZA_RESOURCES_URL` or `--url`). Everything is fetched and
checked in a staging folder inside the store and moved into place only when complete, so a
broken download leaves the store as it was. Each failure is one sentence that says what to do.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

from quotes import resources

STANZA_PROCESSORS = "tokenize,pos,lemma,depparse,ner"
INDEX_VAR = "ARGOS_PACKAGE_INDEX"  # argostranslate's setting: the folder URL that holds index.json
STANZA_URL_VAR = "STANZA_RESOURCES_URL"  # stanza's setting: the folder URL of resources_VERSION.json


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


@contextlib.contextmanager
def _argos_settings(settings: ModuleType, **values: Any) -> Iterator[None]:
    """argostranslate's module-level settings set for one install and put back after it, so
    that no later call reads a staging folder that is gone or an index it was not given."""
    before = {name: getattr(settings, name) for name in values}
    for name, value in values.items():
        setattr(settings, name, value)
    try:
        yield
    finally:
        for name, value in before.items():
            setattr(settings, name, value)


@contextlib.contextmanager
def _staging(store: Path | None) -> Iterator[Path]:
    """A scratch folder inside the store (same file system, so moving out of it is a rename),
    removed afterwards whatever happened."""
    root = store or resources.store_dir()
    root.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=".staging-", dir=root))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _put_in_place(new: Path, target: Path) -> None:
    """Replace `target` (a folder) by `new` with renames, so it is never half there."""
    target.parent.mkdir(parents=True, exist_ok=True)
    old = target.with_name(f".{target.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    try:
        new.rename(target)
    except OSError:
        if old.exists():
            old.rename(target)
        raise
    shutil.rmtree(old, ignore_errors=True)


def _check_archive(path: Path, name: str | None = None) -> str:
    """The name of the package folder inside an .argosmodel, after checking the zip is whole."""
    name = name or str(path)
    if not path.is_file():
        raise InstallError(f"no such file: {name}")
    if not zipfile.is_zipfile(path):
        raise InstallError(
            f"{name} is not a complete zip archive: an incomplete download, or not an argos package"
        )
    try:
        with zipfile.ZipFile(path) as archive:
            bad = archive.testzip()
            names = archive.namelist()
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise InstallError(f"{name} is damaged ({exc}): download it again") from None
    if bad is not None:
        raise InstallError(f"{name} is damaged ({bad} does not match its checksum): download it again")
    tops = {n.split("/", 1)[0] for n in names if n.endswith("metadata.json") and n.count("/") == 1}
    if len(tops) != 1:
        raise InstallError(
            f"{name} has no package folder with a metadata.json: not an argos translation package"
        )
    return tops.pop()


def install_argos_file(
    path: Path, store: Path | None = None, name: str | None = None
) -> resources.ArgosPackage:
    """Install a .argosmodel file (a zip of one folder with metadata.json, model/, sentencepiece.model);
    `name` is what messages call it (the URL it came from)."""
    folder = _check_archive(path, name)
    package, _ = argos_modules(store)
    import argostranslate.settings as settings

    root = resources.argos_dir(store)
    with _staging(store) as staging:
        with _argos_settings(settings, package_data_dir=staging):  # unpacked here, not in the store
            try:
                package.install_from_path(path)
            except Exception as exc:
                raise InstallError(f"could not unpack {path} ({exc})") from None
        _put_in_place(staging / folder, root / folder)
    installed = next((p for p in resources.argos_packages(store) if p.path.name == folder), None)
    if installed is None:
        raise InstallError(f"{path} unpacked, but its metadata.json names no language pair")
    return installed


def index_url(index: str | None = None) -> str:
    """The argos index location: `index`, else $ARGOS_PACKAGE_INDEX, else argostranslate's default.
    A folder URL gets index.json appended, as argostranslate does."""
    import argostranslate.settings as settings

    given = index or os.environ.get(INDEX_VAR)
    if not given:
        return str(settings.remote_package_index)
    return given if given.endswith(".json") else given.rstrip("/") + "/index.json"


def install_argos_pair(
    src: str, tgt: str, store: Path | None = None, index: str | None = None
) -> resources.ArgosPackage:
    """Download the argos package src->tgt listed in the package index, check it, install it.
    An index entry may carry a `sha256` of the package file (argostranslate's index format has
    no checksum of its own); it is checked when present, and the zip's own checksums always."""
    package, _ = argos_modules(store)
    import argostranslate.settings as settings

    url = index_url(index)
    with (
        _staging(store) as staging,
        _quiet("argostranslate.utils"),
        _argos_settings(
            settings,
            remote_package_index=url,
            local_package_index=staging / "index.json",
            downloads_dir=staging,
        ),
    ):
        package.update_package_index()  # logs and returns on failure instead of raising
        try:
            entries = json.loads(settings.local_package_index.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            raise InstallError(
                f"could not download the argos package index from {url}; without internet, copy a "
                f"{src}->{tgt} .argosmodel file to this machine and run "
                "`quotes models install --from FILE.argosmodel`"
            ) from None
        available = package.get_available_packages()
        match = [
            (p, e) for p, e in zip(available, entries, strict=False) if (p.from_code, p.to_code) == (src, tgt)
        ]
        if not match:
            pairs = ", ".join(sorted(f"{p.from_code}->{p.to_code}" for p in available)) or "none"
            raise InstallError(f"the argos index at {url} has no {src}->{tgt} package (it lists: {pairs})")
        chosen, entry = match[-1]
        try:
            downloaded = Path(chosen.download())  # argostranslate's own download, tried on every link
        except Exception:
            raise InstallError(
                f"could not download the {src}->{tgt} package from {', '.join(chosen.links) or 'no link'} "
                "(missing, or the connection broke off); nothing was installed, try again"
            ) from None
        expected = str(entry.get("sha256") or "").lower() if isinstance(entry, dict) else ""
        if expected:
            actual = hashlib.sha256(downloaded.read_bytes()).hexdigest()
            if actual != expected:
                raise InstallError(
                    f"the {src}->{tgt} package downloaded incomplete or altered (sha256 {actual[:12]}…, "
                    f"the index says {expected[:12]}…); nothing was installed, try again"
                )
        return install_argos_file(downloaded, store, name=chosen.links[0] if chosen.links else None)


def remove_argos_pair(src: str, tgt: str, store: Path | None = None) -> resources.ArgosPackage:
    """Delete the installed src->tgt package from the store."""
    installed = resources.argos_package(src, tgt, store)
    if installed is None:
        raise InstallError(
            f"no {src}->{tgt} translation package is installed in {resources.argos_dir(store)}"
        )
    _remove_folder(installed.path)
    return installed


def install_stanza(
    lang: str, store: Path | None = None, url: str | None = None, processors: str = STANZA_PROCESSORS
) -> Path:
    """Download stanza's models for `lang` with stanza's own downloader (its md5 checks
    included) into a staging folder, then move the language and resources.json into the store."""
    import stanza
    from stanza.resources import common

    target = resources.stanza_dir(store)
    source = url or os.environ.get(STANZA_URL_VAR) or common.DEFAULT_RESOURCES_URL
    with _staging(store) as staging:
        try:
            stanza.download(
                lang,
                model_dir=str(staging),
                processors=processors,
                resources_url=source,
                logging_level="WARN",
            )
        except Exception as exc:
            raise InstallError(
                f"could not download stanza models for '{lang}' from {source} ({_reason(exc)}); nothing was "
                f"installed. Without internet, copy a stanza model folder for '{lang}' into {target}"
            ) from None
        fetched = [p for p in staging.iterdir() if p.is_dir()]
        if len(fetched) != 1:
            raise InstallError(
                f"stanza's download for '{lang}' gave no language folder; nothing was installed"
            )
        folder = fetched[0]
        (folder / resources.STANZA_RECORD).write_text(
            json.dumps(
                {
                    "resources_version": common.DEFAULT_RESOURCES_VERSION,
                    "processors": processors,
                    "url": source,
                }
            ),
            encoding="utf-8",
        )
        target.mkdir(parents=True, exist_ok=True)
        _put_in_place(folder, target / folder.name)
        os.replace(staging / "resources.json", target / "resources.json")
    return target / folder.name


def remove_stanza(lang: str, store: Path | None = None) -> Path:
    """Delete stanza's models for `lang` from the store (resources.json stays for the others)."""
    folder = resources.stanza_dir(store) / lang
    if lang not in resources.stanza_languages(store):
        raise InstallError(f"no stanza models for '{lang}' are installed in {resources.stanza_dir(store)}")
    _remove_folder(folder)
    return folder


def _remove_folder(folder: Path) -> None:
    """Rename away first, then delete: a reader never finds half a model."""
    doomed = folder.with_name(f".{folder.name}.removing")
    shutil.rmtree(doomed, ignore_errors=True)
    folder.rename(doomed)
    shutil.rmtree(doomed)


def _reason(exc: BaseException) -> str:
    """What went wrong, in a few words: the HTTP status, the checksum, or the broken connection."""
    import requests

    response: Any = getattr(exc, "response", None)
    if response is not None and getattr(response, "status_code", None):
        return f"HTTP {response.status_code}"
    if isinstance(exc, requests.exceptions.ChunkedEncodingError):
        return "the server closed the connection mid-transfer"
    if isinstance(exc, requests.exceptions.ConnectionError):
        return "the server could not be reached"
    text = str(exc)
    if text.startswith("md5 for"):
        return "a file was missing on the server or did not match its md5 checksum"
    return f"{type(exc).__name__}: {text[:120]}" if text else type(exc).__name__


@contextlib.contextmanager
def _quiet(logger: str) -> Iterator[None]:
    """argostranslate logs each failed attempt; the one sentence quotes prints says it better."""
    log = logging.getLogger(logger)
    level = log.level
    log.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        log.setLevel(level)
