"""Exit codes and opening the registry for a command."""

from __future__ import annotations

import argparse

from desktop import paths
from desktop.cli.output import notice
from desktop.core.services import registry as ops
from desktop.core.store import Store

EXIT_OK = 0
EXIT_USER_ERROR = 1
EXIT_USAGE = 2


def open_store(args: argparse.Namespace) -> Store:
    """The registry of ``--db`` (or VOORTGANG_DB, or the per-user one), with its notices told."""
    store = Store.open(paths.registry_address(args.db))
    for text in ops.open_notices(store):
        notice(text)
    return store
