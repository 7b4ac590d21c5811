"""Start the desktop application (Qt is imported only here and in desktop.ui)."""

from __future__ import annotations

from desktop.core.errors import UserError


def run_gui(db: str | None) -> int:
    """Start the windowed application on the given (or default) registry."""
    try:
        from desktop.ui.main_window import run
    except ImportError as exc:  # pragma: no cover - PySide6 is a dependency
        raise UserError(
            f"De vensters van Voortgang kunnen niet starten ({exc}); "
            "gebruik de opdrachten (voortgang --help) of installeer Voortgang opnieuw."
        ) from exc
    return int(run(db))
