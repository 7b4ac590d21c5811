"""Who is working on this computer (no database needed, so cheap to import)."""

from __future__ import annotations

import getpass
import os

USER_ENV = "VOORTGANG_USER"


def current_user() -> str:
    """Who is making a change on this computer: the chosen name, else the login name."""
    if os.environ.get(USER_ENV):
        return os.environ[USER_ENV]
    try:
        # The login name: USER/LOGNAME/USERNAME, else the account database.
        return getpass.getuser() or "onbekend"
    except (OSError, KeyError):
        return "onbekend"
