"""Which outlet published a document: the manifest when it says, otherwise the text.

Evidence in the text: a dateline naming an agency ("WASHINGTON (AP) —", "(Tokyo = Yonhap
News)"), a byline ("By Jane Doe, Reuters"), boilerplate ("Subscribe and get full access to
Ground News", "© 2026 The Japan Times") and house signatures ("(Reporting by …; Editing by …)"
is Reuters). An inferred outlet is marked as such; with no evidence the outlet stays empty.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

import regex as re

from quotes.documents import Document

HEAD_CHARS = 600  # datelines and bylines stand at the top of an article


@dataclass(frozen=True)
class Outlet:
    name: str | None
    source: str | None  # manifest | inferred | None


@dataclass(frozen=True)
class _Rules:
    dateline: re.Pattern[str]
    byline: re.Pattern[str]
    boilerplate: tuple[re.Pattern[str], ...]
    signatures: tuple[tuple[re.Pattern[str], str], ...]


@cache
def _rules() -> _Rules:
    raw = json.loads(resources.files("quotes.lexicons").joinpath("outlets.json").read_text(encoding="utf-8"))
    agencies = "|".join(re.escape(a) for a in sorted(raw["agencies"], key=len, reverse=True))
    return _Rules(
        dateline=re.compile(
            rf"(?m)^\s*(?:[\p{{Lu}}][\p{{L}}\d .,'’-]{{1,60}}?\s*)?"  # WASHINGTON, Sept. 28
            rf"\(\s*(?:[\p{{L}} ]+\s*=\s*)?(?P<outlet>{agencies})\s*\)"  # (AP) or (Tokyo = Yonhap News)
            rf"\s*(?:[—–-]|=|\p{{Lu}})"
        ),
        byline=re.compile(
            r"(?m)^\s*By\s+\p{Lu}[\p{L}.' -]{1,40}?\s*(?:,|\||—|–)\s*"
            r"(?P<outlet>\p{Lu}[\p{L}&.' -]{1,40}?)\s*$"
        ),
        boilerplate=tuple(re.compile(p, re.M) for p in raw["boilerplate"]),
        signatures=tuple((re.compile(p, re.S), name) for p, name in raw["signatures"]),
    )


def outlet_of(doc: Document) -> Outlet:
    if doc.outlet:
        return Outlet(doc.outlet, "manifest")
    found = infer_outlet(doc.text)
    return Outlet(found, "inferred" if found else None)


def infer_outlet(text: str) -> str | None:
    rules = _rules()
    head = text[:HEAD_CHARS]
    for pattern in (rules.dateline, rules.byline):
        m = pattern.search(head)
        if m:
            return m.group("outlet").strip()
    for pattern, name in rules.signatures:
        if pattern.search(text):
            return name
    for pattern in rules.boilerplate:
        m = pattern.search(text)
        if m:
            return m.group("outlet").strip(" .,")
    return None
