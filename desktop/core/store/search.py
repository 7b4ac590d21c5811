"""Full-text search on both engines: what the user types, as a safe query.

SQLite searches its FTS5 tables (``unicode61 remove_diacritics 2``); PostgreSQL a GIN
index over ``to_tsvector('voortgang', …)``, a configuration of ``simple`` plus
``unaccent``. Both: every word a prefix, all words required, accents and case ignored.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Connection

from desktop.core.store.rows import execute, is_server
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


FEW_MATCHES = 5_000
#: tables whose text vectors the server stores in a table of their own: (its key, its name)
STORED_VECTORS = {"motions": ("motion_id", "motions_fts")}


# How the per-row test of a search with many matches begins (see tests_each_row).
_PER_ROW_TEST = "(SELECT f.document FROM "


def tests_each_row(condition: str) -> bool:
    """True for a server condition that tests each row's stored vector (many matches).

    A page of such a search must walk the register-order index and stop when it is full.
    PostgreSQL's planner cannot estimate how many rows the test passes (it guesses a few
    dozen for ``'van':* & 'l':*``, which matches 22 000 of 100 000 motions) and then reads
    and tests every motion to sort the few it expects: 95 ms instead of 1 ms.
    """
    return _PER_ROW_TEST in condition


def _few_matches(db: Connection, matches: str, params: dict[str, Any]) -> bool:
    """True when a server search matches fewer than FEW_MATCHES rows (stops counting there)."""
    found = execute(
        db, f"SELECT count(*) FROM ({matches} LIMIT {FEW_MATCHES}) AS treffers", params
    ).scalar()
    return int(found or 0) < FEW_MATCHES


def match_condition(
    db: Connection,
    table: str,
    alias: str | None,
    text: str,
    name: str = "zoek",
    *,
    counting: bool = False,
) -> tuple[str, dict[str, Any]] | None:
    """A WHERE condition (on ``alias``) for rows of ``table`` matching ``text``.

    ``counting``: the condition is for counting every match, not for a page in order.
    None when the text holds nothing searchable.
    """
    if is_server(db):
        query = ts_query(text)
        if query is None:
            return None
        row_id = f"{alias}.id" if alias else "id"
        if table in STORED_VECTORS:
            # The text vectors stored beside the table (migration 0012).
            key, vectors = STORED_VECTORS[table]
            matches = (
                f"SELECT {key} FROM {vectors} WHERE document"
                f" @@ to_tsquery('{SEARCH_CONFIG}', :{name})"
            )
        else:
            matches = (
                f"SELECT id FROM {table} WHERE {search_document(table)}"
                f" @@ to_tsquery('{SEARCH_CONFIG}', :{name})"
            )
        if _few_matches(db, matches, {name: query}):
            # Few matches: the GIN index finds them once (an InitPlan), and only they are
            # read and sorted. Otherwise the planner may walk the register order and
            # compute every motion's text vector on the way to a page it never fills.
            return f"{row_id} = ANY (ARRAY({matches}))", {name: query}
        if table in STORED_VECTORS and not counting:
            # Many: a page walks the register order and tests each row's stored vector (a
            # subquery per row, which the planner cannot turn into a join that first
            # collects every match), and stops when the page is full.
            key, vectors = STORED_VECTORS[table]
            return (
                f"{_PER_ROW_TEST}{vectors} f WHERE f.{key} = {row_id})"
                f" @@ to_tsquery('{SEARCH_CONFIG}', :{name})"
            ), {name: query}
        # Many, counted (or no stored vectors): a semi-join.
        return f"{row_id} IN ({matches})", {name: query}
    match = fts_query(text)
    if match is None:
        return None
    row_id = f"{alias}.id" if alias else "id"
    return (
        f"{row_id} IN (SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH :{name})",
        {name: match},
    )
