"""Corpora for the benchmarks, made from the seed articles: nothing here reads annotated data.

`articles(n)` replicates the seeds with new ids (the issue's "1x / 10x / 100x" corpora);
`quote_table(n)` makes a quote table of n quotes in which each remark is reported by one to six
documents with a few words changed, dropped or added, by speakers drawn from a pool (a fifth
unknown), and documents whose unquoted sentences now and then echo a remark.
"""

from __future__ import annotations

import itertools
import json
import random
from pathlib import Path

import regex as re

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def seed_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]


def articles(path: Path, n: int) -> Path:
    """n articles (the seeds in turn, new ids) as JSONL."""
    texts = seed_texts()
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            f.write(json.dumps({"id": f"a{i:06d}", "text": texts[i % len(texts)]}, ensure_ascii=False) + "\n")
    return path


VOCABULARY = 30_000  # news has tens of thousands of words, used with Zipf's frequencies


def _vocabulary(rng: random.Random) -> list[str]:
    """The seeds' words, then made-up ones, most frequent first."""
    words = sorted(set(re.findall(r"\p{Latin}[\p{Latin}'’-]+", " ".join(seed_texts()).lower())))
    syllables = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]
    while len(words) < VOCABULARY:
        words.append("".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))))
    return words


def quote_table(n: int, seed: int = 0) -> tuple[list[dict[str, object]], list[dict[str, str]]]:
    """(quote rows with the columns compare reads, documents as {id, text})."""
    rng = random.Random(seed)
    vocab = _vocabulary(rng)
    zipf = list(itertools.accumulate(1 / rank for rank in range(1, len(vocab) + 1)))

    def word() -> str:
        return rng.choices(vocab, cum_weights=zipf)[0]

    speakers = [f"{rng.choice(vocab).title()} {rng.choice(vocab).title()}" for _ in range(max(10, n // 20))]
    rows: list[dict[str, object]] = []
    docs: dict[str, list[str]] = {}
    n_docs = max(2, n // 5)
    while len(rows) < n:
        remark = rng.choices(vocab, cum_weights=zipf, k=rng.randint(6, 30))
        speaker = rng.choice(speakers) if rng.random() > 0.2 else None
        for d in rng.sample(range(n_docs), rng.randint(1, 6)):
            words = list(remark)
            for _ in range(rng.randint(0, 3)):
                k = rng.randrange(len(words))
                edit = rng.random()
                if edit < 0.4:
                    words[k] = word()
                elif edit < 0.7 and len(words) > 6:
                    del words[k]
                else:
                    words.insert(k, word())
            doc_id = f"d{d:06d}"
            text = " ".join(words).capitalize() + "."
            docs.setdefault(doc_id, []).append(f"“{text}” said {speaker or 'someone'}.")
            if rng.random() < 0.05:  # an outlet that carries the words without quotation marks
                docs.setdefault(f"d{rng.randrange(n_docs):06d}", []).append(text)
            rows.append(
                {
                    "doc_id": doc_id,
                    "quote_id": f"{doc_id}:{len(docs[doc_id])}",
                    "quote": text,
                    "quote_en": text,
                    "speaker": speaker,
                    "kind": "direct",
                    "lang": "en",
                    "start": 0,
                    "end": len(text),
                    "outlet": f"Outlet {d % 50}",
                }
            )
            if len(rows) >= n:
                break
    documents = [{"id": k, "text": "\n".join(v)} for k, v in sorted(docs.items())]
    return rows, documents
