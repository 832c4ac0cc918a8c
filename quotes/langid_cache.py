"""py3langid's model, unpacked once into the model store so that later runs start fast.

The model ships LZMA-compressed inside the py3langid wheel; unpacking it takes about 0.6 s,
a third of a one-document run. The first run writes the unpacked file (the same .npz, about
70 MB) to `.cache/` in the store; later runs read it in a fraction of that. Nothing is
downloaded, and anything unexpected (a read-only store, another py3langid layout) falls back
to py3langid's own loader.
"""

from __future__ import annotations

import lzma
import os
import shutil
from array import array
from importlib.metadata import version
from pathlib import Path
from typing import Any

from quotes import resources

_TYPECODES = {2: "H", 4: "I", 8: "L"}


def cache_path(store: Path | None = None) -> Path:
    return (store or resources.store_dir()) / ".cache" / f"py3langid-{version('py3langid')}.npz"


def identifier() -> Any:
    """A py3langid LanguageIdentifier with normalised probabilities."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    cached = cache_path()
    if cached.is_file():
        try:
            return _from_npz(cached, LanguageIdentifier)
        except (OSError, ValueError, KeyError, TypeError):
            pass  # a damaged or foreign file: py3langid's own loader below
    loaded = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    source = Path(MODEL_FILE) if Path(MODEL_FILE).is_absolute() else Path(MODEL_DIR) / MODEL_FILE
    _unpack(source, cached)
    return loaded


def _from_npz(path: Path, cls: Any) -> Any:
    import numpy as np

    with np.load(path, allow_pickle=False) as data:
        return cls(
            np.asarray(data["ptc"]),
            np.asarray(data["pc"]),
            data["classes"].tolist(),
            _as_array(data["nextmove"]),
            data["out_feat"].tolist(),
            norm_probs=True,
            tk_row=_as_array(data["nextmove_row"]),
        )


def _as_array(values: Any) -> array[int]:
    """An unsigned NumPy array as the stdlib array py3langid's tokenizer walks."""
    import numpy as np

    out = array(_TYPECODES[values.dtype.itemsize])
    out.frombytes(np.ascontiguousarray(values).tobytes())
    return out


def _unpack(source: Path, target: Path) -> None:
    """The shipped .npz.xz, decompressed beside `target` and renamed into place."""
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with lzma.open(source) as src, tmp.open("wb") as dst:
            shutil.copyfileobj(src, dst, length=1 << 20)
        os.replace(tmp, target)
    except OSError:  # a read-only store: every run unpacks in memory, as py3langid does
        tmp.unlink(missing_ok=True)
