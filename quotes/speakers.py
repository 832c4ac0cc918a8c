"""One canonical name per person across the whole corpus, across scripts.

Within a document names.py already maps "Takaichi" and "she" to "Sanae Takaichi". Across
documents a bare surname takes the one full name the corpus gives for it, and a Japanese
name (高市早苗) takes the Latin-script name with the same surname, or its own romanisation
when the corpus has none: a
dictionary reading of a given name can be wrong (岸田文雄 -> "Bunyuu"), the native spelling never is.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from quotes.romanize import japanese_name


def canonical_map(speakers: Iterable[tuple[str, str | None]]) -> dict[str, str]:
    """{name as found: corpus-wide canonical name} for (speaker, speaker_type) pairs."""
    names = {name for name, kind in speakers if name and kind == "person"}
    latin = [n for n in names if n.isascii() or not japanese_name(n)]
    by_surname: dict[str, set[str]] = defaultdict(set)
    for name in latin:
        parts = name.split()
        if len(parts) >= 2:
            by_surname[parts[-1].lower()].add(name)
    mapping: dict[str, str] = {}
    for name in names:
        parts = name.split()
        if name in latin:
            if len(parts) == 1 and len(by_surname.get(parts[0].lower(), ())) == 1:
                mapping[name] = next(iter(by_surname[parts[0].lower()]))
            continue
        jp = japanese_name(name)
        if jp is None:
            continue
        full = by_surname.get(jp.surname.lower(), set())
        exact = {n for n in full if jp.given and n.split()[0].lower() == jp.given.lower()}
        if len(exact) == 1:
            mapping[name] = next(iter(exact))
        elif len(full) == 1:
            mapping[name] = next(iter(full))  # the given name's reading may be a dictionary guess
    return mapping


def unify(records: list[dict[str, object]]) -> list[dict[str, object]]:
    """Rows (or record dicts) with `speaker` replaced by its corpus-wide canonical name."""
    mapping = canonical_map(
        (str(r["speaker"]), str(r.get("speaker_type"))) for r in records if r.get("speaker")
    )
    if not mapping:
        return records
    return [
        {**r, "speaker": mapping.get(str(r["speaker"]), r["speaker"])} if r.get("speaker") else r
        for r in records
    ]
