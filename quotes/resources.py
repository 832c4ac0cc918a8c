"""The local model store: where argos packages and stanza models live, and what is installed.

Nothing here downloads. Status is read from the files on disk, so `import quotes` and
`quotes models status` never import torch, stanza or argostranslate.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

ENV_VAR = "QUOTES_MODELS"
STANZA_RECORD = "quotes-install.json"  # beside a stanza language: what was fetched, from where


class ModelMissing(LookupError):
    """A model the user asked for is not in the store; the message says how to install it."""


@dataclass(frozen=True)
class ArgosPackage:
    from_code: str
    to_code: str
    version: str
    path: Path


def store_dir() -> Path:
    """`$QUOTES_MODELS`, else `models/` of the checkout (the package's parent folder)."""
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    return Path(__file__).resolve().parent.parent / "models"


def argos_dir(store: Path | None = None) -> Path:
    return (store or store_dir()) / "argos"


def stanza_dir(store: Path | None = None) -> Path:
    return (store or store_dir()) / "stanza"


def argos_packages(store: Path | None = None) -> list[ArgosPackage]:
    """Installed argos packages, read from their metadata.json files."""
    root = argos_dir(store)
    found = []
    if root.is_dir():
        for meta in sorted(root.glob("*/metadata.json")):
            try:
                data = json.loads(meta.read_text(encoding="utf-8"))
                found.append(
                    ArgosPackage(
                        data["from_code"], data["to_code"], str(data.get("package_version", "?")), meta.parent
                    )
                )
            except (OSError, ValueError, KeyError):
                continue
    return found


def argos_package(src: str, tgt: str = "en", store: Path | None = None) -> ArgosPackage | None:
    return next((p for p in argos_packages(store) if p.from_code == src and p.to_code == tgt), None)


def stanza_languages(store: Path | None = None) -> list[str]:
    """Languages with stanza models in the store (a folder per language with a tokenizer)."""
    root = stanza_dir(store)
    if not root.is_dir():
        return []
    return sorted(p.name for p in root.iterdir() if p.is_dir() and (p / "tokenize").is_dir())


def install_hint(src: str, store: Path | None = None) -> str:
    return (
        f"no translation model {src}->en in {argos_dir(store)}; install one with "
        f"`quotes models install {src} en` (or offline: `quotes models install --from FILE.argosmodel`)"
    )


def size_of(path: Path) -> int:
    """Bytes in the files under `path` (or of `path` itself)."""
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def stanza_record(folder: Path) -> dict[str, str]:
    """What `quotes models install-stanza` recorded about a language folder, if it installed it."""
    try:
        data = json.loads((folder / STANZA_RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}
