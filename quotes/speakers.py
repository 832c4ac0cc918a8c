"""One canonical name per person across the whole corpus, across scripts.

Within a document names.py already maps "Takaichi" and "she" to "Sanae Takaichi". Across
documents a bare surname takes the one full name the corpus gives for it, and a Japanese
name (高市早苗) takes the Latin-script name with the same surname; a Chinese name (习近平 or
習近平) the Latin name its pinyin spells (Xi Jinping), and a Korean name (문재인) the Latin name
with its given name and a surname of the same first sound (Moon Jae-in). Where the corpus has
no such name the native spelling stays: a dictionary reading can be wrong (岸田文雄 -> "Bunyuu"),
the native spelling never is.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from quotes.romanize import chinese_name, japanese_name, korean_name, simplified


def canonical_map(
    speakers: Iterable[tuple[str, str | None] | tuple[str, str | None, str | None]],
) -> dict[str, str]:
    """{name as found: corpus-wide canonical name} for (speaker, speaker_type[, lang]) rows."""
    langs: dict[str, set[str | None]] = defaultdict(set)
    for row in speakers:
        name, kind = row[0], row[1]
        if name and kind == "person":
            langs[name].add(row[2] if len(row) > 2 else None)
    names = set(langs)
    latin = [n for n in names if n.isascii() or not _native(n, langs[n])]
    by_surname: dict[str, set[str]] = defaultdict(set)
    for name in latin:
        parts = name.split()
        if len(parts) >= 2:
            by_surname[parts[-1].lower()].add(name)
    full_latin = [n for n in latin if len(n.split()) >= 2]
    mapping: dict[str, str] = {}
    for name in names:
        parts = name.split()
        if name in latin:
            if len(parts) == 1 and len(by_surname.get(parts[0].lower(), ())) == 1:
                mapping[name] = next(iter(by_surname[parts[0].lower()]))
            continue
        found = _across_scripts(name, langs[name], by_surname, full_latin, names)
        if found is not None:
            mapping[name] = found
    return mapping


def _native(name: str, langs: set[str | None]) -> bool:
    """A name in a script of its own that we can read: Japanese, Chinese or Korean."""
    return bool(
        ("zh" in langs and chinese_name(name))
        or ("ko" in langs and korean_name(name))
        or (langs - {"zh", "ko"} and japanese_name(name))
    )


def _across_scripts(
    name: str, langs: set[str | None], by_surname: dict[str, set[str]], full_latin: list[str], names: set[str]
) -> str | None:
    """The one Latin name in the corpus this native name is, or None: never a guess."""
    roman = chinese_name(name) if "zh" in langs else korean_name(name) if "ko" in langs else None
    if roman is not None:
        found = {n for n in full_latin if roman.matches(n)}
        if len(found) == 1:
            return next(iter(found))
        if "zh" in langs and simplified(name) != name and simplified(name) in names:
            return simplified(name)  # 習近平 and 习近平 in one corpus: one spelling
        return None
    if langs & {"zh", "ko"}:
        return None  # not a name we can read (a title with it, a compound surname): keep it
    jp = japanese_name(name)
    if jp is None:
        return None
    full = by_surname.get(jp.surname.lower(), set())
    exact = {n for n in full if jp.given and n.split()[0].lower() == jp.given.lower()}
    if len(exact) == 1:
        return next(iter(exact))
    if len(full) == 1:
        return next(iter(full))  # the given name's reading may be a dictionary guess
    return None


def unify(records: list[dict[str, object]]) -> list[dict[str, object]]:
    """Rows (or record dicts) with `speaker` replaced by its corpus-wide canonical name."""
    mapping = canonical_map(
        (str(r["speaker"]), str(r.get("speaker_type")), _text(r.get("lang")))
        for r in records
        if r.get("speaker")
    )
    if not mapping:
        return records
    return [
        {**r, "speaker": mapping.get(str(r["speaker"]), r["speaker"])} if r.get("speaker") else r
        for r in records
    ]


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None
