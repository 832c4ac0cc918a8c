"""The comparison as one self-contained HTML page: each remark's renderings side by side."""

from __future__ import annotations

from typing import Any

import pandas as pd
from jinja2 import Environment, PackageLoader, select_autoescape

from quotes.compare import diff_ops, normalise


def _marked(reference: str, text: str, echo: bool = False) -> list[tuple[str, str | None]]:
    """The words of `text`, each with 'added', 'changed' or None against `reference`. In an echo,
    the sentence around the repeated words (before the first, after the last shared word) stays plain."""
    words = text.split()
    keys = [normalise(w) for w in words]
    index = [i for i, k in enumerate(keys) if k]  # words that normalise to nothing (dashes) stay plain
    ops = diff_ops(normalise(reference).split(), [keys[i] for i in index])
    equal = [op for op in ops if op[0] == "equal"]
    if not equal:
        return [(w, None) for w in words]
    first, last = (equal[0][3], equal[-1][4]) if echo else (0, len(index))
    classes: list[str | None] = [None] * len(words)
    for tag, _, _, j1, j2 in ops:
        if tag in ("insert", "replace"):
            for j in range(max(j1, first), min(j2, last)):
                classes[index[j]] = "added" if tag == "insert" else "changed"
    return list(zip(words, classes, strict=True))


def render(variants: pd.DataFrame, title: str = "Quote wording across outlets") -> str:
    """HTML for the clusters with more than one member (quotes or echoes)."""
    clusters: list[dict[str, Any]] = []
    for cluster_id, group in variants.groupby("cluster_id", sort=True):
        if len(group) < 2:
            continue
        rows = group.to_dict("records")
        speakers = [r["speaker"] for r in rows if isinstance(r.get("speaker"), str)]
        members = []
        for r in rows:
            english = r.get("text_en") if isinstance(r.get("text_en"), str) else ""
            tokens = _marked(str(r["reference"]), english or str(r["text"]), echo=r["variant"] == "echo")
            members.append(
                {
                    **r,
                    "tokens": tokens,
                    "similarity": float(r["similarity"]) if pd.notna(r["similarity"]) else 0.0,
                }
            )
        clusters.append(
            {
                "id": int(str(cluster_id)),
                "speaker": speakers[0] if speakers else None,
                "reference": rows[0]["reference"],
                "variants": members,
            }
        )
    env = Environment(
        loader=PackageLoader("quotes", "templates"), autoescape=select_autoescape(["html", "j2"])
    )
    quotes = variants[variants["variant"] == "quote"]
    return env.get_template("report.html.j2").render(
        title=title,
        clusters=clusters,
        n_clusters=len(clusters),
        n_quotes=len(quotes),
        n_docs=quotes["doc_id"].nunique(),
    )
