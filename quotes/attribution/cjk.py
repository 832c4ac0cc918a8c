from __future__ import annotations

from quotes.attribution.candidates import Candidate
from quotes.sieve import Context


def candidates(ctx: Context) -> list[Candidate]:
    return []
