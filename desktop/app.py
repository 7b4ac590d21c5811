"""Start the desktop application (Qt is imported only here and in desktop.ui)."""

from __future__ import annotations

import importlib.util

from desktop.core.errors import UserError


def run_gui(db: str | None) -> int:
    """Start the windowed application on the given (or default) registry."""
    if importlib.util.find_spec("desktop.ui.main_window") is None:
        raise UserError(
            "Deze versie van Voortgang heeft nog geen vensters; gebruik voorlopig de opdrachten "
            "(voortgang --help)."
        )
    from desktop.ui.main_window import run  # pragma: no cover - built with the desktop app

    return int(run(db))  # pragma: no cover
