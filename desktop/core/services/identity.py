"""Who signs status changes, settlements and versions: the login name, or a chosen name.

The store reads the name from ``VOORTGANG_USER`` (else the operating system's login
name); the windows let the user choose another name, which this module puts there for
the whole process (the database thread included).
"""

from __future__ import annotations

import os

from desktop.core.store.rows import current_user

USER_ENV = "VOORTGANG_USER"
MAX_LENGTH = 80

# What VOORTGANG_USER was before the first chosen name, to go back to when it is cleared.
_before: list[str | None] = []


def user_name() -> str:
    """The name status changes and versions are signed with now."""
    return current_user()


def clean_user_name(name: str | None) -> str:
    """A name as it would be stored: one line, single spaces, at most 80 characters."""
    text = "".join(ch if ch.isprintable() else " " for ch in (name or ""))
    return " ".join(text.split())[:MAX_LENGTH].strip()


def set_user_name(name: str | None) -> str:
    """Sign with ``name`` from now on (empty: the login name again); returns the name in use."""
    if not _before:
        _before.append(os.environ.get(USER_ENV))
    chosen = clean_user_name(name)
    if chosen:
        os.environ[USER_ENV] = chosen
    elif _before[0] is None:
        os.environ.pop(USER_ENV, None)
    else:
        os.environ[USER_ENV] = _before[0]
    return current_user()


def login_name() -> str:
    """The name used without a chosen one (VOORTGANG_USER as started, else the login name)."""
    if _before and _before[0]:
        return _before[0]
    if not _before and os.environ.get(USER_ENV):
        return os.environ[USER_ENV]
    saved = os.environ.pop(USER_ENV, None)
    try:
        return current_user()
    finally:
        if saved is not None:
            os.environ[USER_ENV] = saved
