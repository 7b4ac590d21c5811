"""Small display helpers shared by the table models and detail panes."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable
from typing import Any

from desktop.core.domain.dutch import capitalised, format_date

__all__ = ["capitalised"]
from desktop.core.errors import InvalidInput


def short_date(value: dt.date | None) -> str:
    """A date for a table cell: ``21-02-2020`` (empty for none)."""
    return value.strftime("%d-%m-%Y") if value else ""


def long_date(value: dt.date | str | None) -> str:
    """A date as in a letter: ``21 februari 2020`` (``juli 2016`` for a partial one)."""
    if not value:
        return ""
    try:
        return format_date(value)
    except (ValueError, InvalidInput):
        return str(value)


def partial_date(value: str | None) -> str:
    """A stored partial date (``2016``, ``2016-07``, ``2016-07-04``) for a table cell."""
    if not value:
        return ""
    parts = value.split("-")
    return "-".join(reversed(parts))


def one_line(text: str | None, limit: int = 240) -> str:
    """Collapse whitespace so a long text fits one table row."""
    collapsed = " ".join((text or "").split())
    return collapsed if len(collapsed) <= limit else collapsed[: limit - 1] + "…"


def fold(text: str) -> str:
    """Lower case without accents, for client-side matching (``Geïnformeerd`` → ``geinformeerd``)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def matches_all(haystack: Iterable[str | None], words: list[str]) -> bool:
    """True when every folded search word occurs in one of the texts."""
    text = fold(" ".join(part for part in haystack if part))
    return all(word in text for word in words)


def search_words(text: str) -> list[str]:
    """The folded words of a search box."""
    return [fold(word) for word in text.split() if word.strip()]


def date_key(value: dt.date | str | None) -> tuple[int, str]:
    """Sort key for a date or partial date; empty dates sort last."""
    if not value:
        return (1, "")
    return (0, value.isoformat() if isinstance(value, dt.date) else value)


def text_key(value: Any) -> tuple[int, str]:
    """Sort key for text; empty text sorts last, case and accents ignored."""
    if value is None or value == "":
        return (1, "")
    return (0, fold(str(value)))
