"""Full-text search input: any string the user types becomes a safe FTS5 query."""

from __future__ import annotations

import re

_TOKEN = re.compile(r"\w+", re.UNICODE)


def fts_query(text: str) -> str | None:
    """Turn free text into an FTS5 query that cannot be a syntax error.

    Every word becomes a quoted prefix term (``"motie"*``), so operators such as
    ``AND``, ``NEAR(``, ``*``, ``"`` and ``-`` typed by the user are searched as words
    or ignored, never interpreted. Returns None when nothing searchable remains.
    """
    tokens = _TOKEN.findall(text.replace("_", " "))
    if not tokens:
        return None
    return " ".join(f'"{token}"*' for token in tokens[:32])
