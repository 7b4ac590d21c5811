"""Full-text search on both engines: what the user types, as a safe query.

SQLite searches its FTS5 tables (``unicode61 remove_diacritics 2``); PostgreSQL a GIN
index over ``to_tsvector('voortgang', …)``, a configuration of ``simple`` plus
``unaccent``. Both: every word a prefix, all words required, accents and case ignored.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Connection

from desktop.core.store.rows import is_server
from desktop.core.store.server_migrations import SEARCH_CONFIG, search_document

_TOKEN = re.compile(r"\w+", re.UNICODE)
MAX_TERMS = 32


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.replace("_", " "))[:MAX_TERMS]


def fts_query(text: str) -> str | None:
    """Turn free text into an FTS5 query that cannot be a syntax error.

    Every word becomes a quoted prefix term (``"motie"*``), so operators such as
    ``AND``, ``NEAR(``, ``*``, ``"`` and ``-`` typed by the user are searched as words
    or ignored, never interpreted. Returns None when nothing searchable remains.
    """
    tokens = _tokens(text)
    if not tokens:
        return None
    return " ".join(f'"{token}"*' for token in tokens)


def ts_query(text: str) -> str | None:
    """The same query for PostgreSQL's ``to_tsquery``: ``'motie':* & 'laar':*``."""
    tokens = _tokens(text)
    if not tokens:
        return None
    return " & ".join(f"'{token}':*" for token in tokens)


def match_condition(
    db: Connection, table: str, alias: str | None, text: str, name: str = "zoek"
) -> tuple[str, dict[str, Any]] | None:
    """A WHERE condition (on ``alias``) for rows of ``table`` matching ``text``.

    None when the text holds nothing searchable.
    """
    if is_server(db):
        query = ts_query(text)
        if query is None:
            return None
        # A semi-join, as on SQLite: the GIN index finds the matches once, also when the
        # caller ORs this with another condition.
        row_id = f"{alias}.id" if alias else "id"
        document = search_document(table)
        return (
            f"{row_id} IN (SELECT id FROM {table}"
            f" WHERE {document} @@ to_tsquery('{SEARCH_CONFIG}', :{name}))",
            {name: query},
        )
    match = fts_query(text)
    if match is None:
        return None
    row_id = f"{alias}.id" if alias else "id"
    return (
        f"{row_id} IN (SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH :{name})",
        {name: match},
    )
