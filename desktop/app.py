"""The program's entry point: the command line, and the windows (Qt only in desktop.ui)."""

from __future__ import annotations

from collections.abc import Sequence

from desktop.core.errors import UserError


def preload_core() -> None:
    """Import the core the windows use before PySide6 is imported.

    PySide6 installs an import hook (its ``__feature__`` support) that looks at the source of
    every module imported after it; for the store, SQLAlchemy and sqlite-utils that costs
    about a tenth of a second at start (``bench/startup.py``). Imported first, they skip it.
    So is what the store loads only when a registry opens (SQLAlchemy's SQLite dialect, the
    back-up) and the program's folders (platformdirs).
    """
    import sqlalchemy.dialects.sqlite  # noqa: F401

    import desktop.core.services.drafts
    import desktop.core.services.dropped
    import desktop.core.services.identity
    import desktop.core.services.imports
    import desktop.core.services.letters
    import desktop.core.services.planning
    import desktop.core.services.registry
    import desktop.core.services.team
    import desktop.core.store.backup
    import desktop.paths  # noqa: F401


def run_gui(db: str | None) -> int:
    """Start the windowed application on the given (or default) registry."""
    preload_core()
    try:
        from desktop.ui.app import run
    except ImportError as exc:  # pragma: no cover - PySide6 is a dependency
        raise UserError(
            f"De vensters van Voortgang kunnen niet starten ({exc}); "
            "gebruik de opdrachten (voortgang --help) of installeer Voortgang opnieuw."
        ) from exc
    return int(run(db))


def main(argv: Sequence[str] | None = None) -> int:
    """``voortgang``: the command line, which starts the windows for ``gui`` or no command."""
    from desktop.cli import main as cli_main

    return cli_main(argv, start_gui=run_gui)
