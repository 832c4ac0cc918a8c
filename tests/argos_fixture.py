"""A tiny but real argos translation package, built from nothing in a test fixture.

A SentencePiece model trained on a few sentences, a one-layer CTranslate2 Transformer with
random weights over that vocabulary, metadata.json and a blank spaCy pipeline for sentence
splitting, zipped as .argosmodel: argostranslate installs and runs it like any package.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

import numpy as np

SENTENCES = [
    "本日、トランプ大統領と電話会談を行いました。",
    "日米同盟の新たな章を開きたい。",
    "今年は記念すべき年です。",
    "We agreed to open a new chapter.",
    "This year is a year to remember.",
    "I spoke with the president today.",
]
D_MODEL, FFN, HEADS = 16, 32, 2


def _sentencepiece(folder: Path) -> list[str]:
    import sentencepiece as spm

    buffer = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(SENTENCES * 5),
        model_writer=buffer,
        vocab_size=80,
        model_type="char",
        character_coverage=1.0,
        minloglevel=2,
    )
    (folder / "sentencepiece.model").write_bytes(buffer.getvalue())
    processor = spm.SentencePieceProcessor(model_proto=buffer.getvalue())
    return [processor.id_to_piece(i) for i in range(processor.get_piece_size())]


def _shape(name: str, vocab: int) -> tuple[int, ...]:
    if name.endswith(("gamma", "beta")):
        return (D_MODEL,)
    if "embeddings" in name:
        return (vocab, D_MODEL)
    if name.endswith("projection/weight"):
        return (vocab, D_MODEL)
    if "ffn/linear_0" in name:
        return (FFN, D_MODEL)
    if "ffn/linear_1" in name:
        return (D_MODEL, FFN)
    if "self_attention/linear_0" in name:
        return (3 * D_MODEL, D_MODEL)  # fused query, key, value
    if "/attention/linear_1" in name:
        return (2 * D_MODEL, D_MODEL)  # fused key, value of the encoder output
    return (D_MODEL, D_MODEL)


def _set(spec: object, name: str, value: np.ndarray) -> None:
    obj = spec
    parts = name.split("/")
    for part in parts[:-1]:
        m = re.fullmatch(r"(.+)_(\d+)", part)
        if m and isinstance(getattr(obj, m.group(1), None), list):
            obj = getattr(obj, m.group(1))[int(m.group(2))]
        else:
            obj = getattr(obj, part)
    setattr(obj, parts[-1], value)


def _model(folder: Path, pieces: list[str]) -> None:
    from ctranslate2.specs import transformer_spec

    spec = transformer_spec.TransformerSpec.from_config((1, 1), HEADS)
    rng = np.random.default_rng(7)
    for name, value in spec.variables().items():
        if value is None or (isinstance(value, np.ndarray) and value.dtype == np.float32 and value.size == 0):
            _set(spec, name, rng.normal(0, 0.5, _shape(name, len(pieces))).astype(np.float32))
    spec.register_source_vocabulary(pieces)
    spec.register_target_vocabulary(pieces)
    spec.validate()
    spec.optimize(quantization=None)
    (folder / "model").mkdir()
    spec.save(str(folder / "model"))


def build_argosmodel(workdir: Path, src: str = "ja", tgt: str = "en") -> Path:
    """Write translate-{src}_{tgt}.argosmodel in `workdir` and return its path."""
    import spacy

    name = f"translate-{src}_{tgt}-0_1"
    folder = workdir / name
    folder.mkdir(parents=True)
    pieces = _sentencepiece(folder)
    _model(folder, pieces)
    spacy.blank("xx").to_disk(folder / "spacy")
    metadata = {
        "package_version": "0.1",
        "argos_version": "1.11",
        "from_code": src,
        "from_name": "Japanese",
        "to_code": tgt,
        "to_name": "English",
        "type": "translate",
    }
    (folder / "metadata.json").write_text(json.dumps(metadata), encoding="utf-8")
    archive = workdir / f"{name}.argosmodel"
    with zipfile.ZipFile(archive, "w") as z:
        for path in sorted(folder.rglob("*")):
            z.write(path, path.relative_to(workdir))
    return archive
