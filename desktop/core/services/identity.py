"""Who signs status changes, settlements and versions: the login name, or a chosen name.

The store reads the name from ``VOORTGANG_USER`` (else the operating system's login
name); the windows let the user choose another name, which this module puts there for
the whole process (the database thread included).
"""

from __future__ import annotations

import os

from desktop.core.domain.user import USER_ENV, current_user

MAX_LENGTH = 80


class _Chosen:
    """The name this process put in VOORTGANG_USER, and what was there before it."""

    name: str | None = None
    before: str | None = None


def user_name() -> str:
    """The name status changes and versions are signed with now."""
    return current_user()


def clean_user_name(name: str | None) -> str:
    """A name as it would be stored: one line, single spaces, at most 80 characters."""
    text = "".join(ch if ch.isprintable() else " " for ch in (name or ""))
    return " ".join(text.split())[:MAX_LENGTH].strip()


def set_user_name(name: str | None) -> str:
    """Sign with ``name`` from now on (empty: as before a name was chosen); returns the name.

    Without a chosen name nothing is touched: VOORTGANG_USER (scripts, tests) or the login
    name stays in force.
    """
    chosen = clean_user_name(name)
    if chosen:
        if _Chosen.name is None:
            _Chosen.before = os.environ.get(USER_ENV)
        os.environ[USER_ENV] = _Chosen.name = chosen
    elif _Chosen.name is not None:
        if os.environ.get(USER_ENV) == _Chosen.name:
            if _Chosen.before is None:
                os.environ.pop(USER_ENV, None)
            else:
                os.environ[USER_ENV] = _Chosen.before
        _Chosen.name = _Chosen.before = None
    return current_user()


def login_name() -> str:
    """The name used without a chosen one (VOORTGANG_USER as it was, else the login name)."""
    if _Chosen.name is None:
        return current_user()
    if _Chosen.before:
        return _Chosen.before
    saved = os.environ.pop(USER_ENV, None)
    try:
        return current_user()
    finally:
        if saved is not None:
            os.environ[USER_ENV] = saved
