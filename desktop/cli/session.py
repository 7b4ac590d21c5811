"""Opening the registry for a command (and the exit codes, re-exported)."""

from __future__ import annotations

import argparse

from desktop import paths
from desktop.cli.codes import EXIT_OK, EXIT_USAGE, EXIT_USER_ERROR
from desktop.cli.output import notice
from desktop.core.services import registry as ops
from desktop.core.store import Store

__all__ = ["EXIT_OK", "EXIT_USAGE", "EXIT_USER_ERROR", "open_store"]


def open_store(args: argparse.Namespace) -> Store:
    """The registry of ``--db`` (or VOORTGANG_DB, or the per-user one), with its notices told."""
    store = Store.open(paths.registry_address(args.db))
    for text in ops.open_notices(store):
        notice(text)
    return store
