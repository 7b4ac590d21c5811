"""The ``voortgang`` command line. Exit 0 on success, 1 on a user error, 2 on wrong usage.

Every command parses its arguments, calls one use case in :mod:`desktop.core.services`
and prints the result. Starting the windows (``voortgang gui``, or no command) is handed
to the caller's ``start_gui``: the command line never imports the interface.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from desktop.cli.codes import EXIT_OK, EXIT_USAGE, EXIT_USER_ERROR
from desktop.cli.parser import build_parser
from desktop.core.errors import UserError

__all__ = ["EXIT_OK", "EXIT_USAGE", "EXIT_USER_ERROR", "build_parser", "main"]


def main(
    argv: Sequence[str] | None = None,
    *,
    start_gui: Callable[[str | None], int] | None = None,
) -> int:
    """Run the command line; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    func: Callable[[argparse.Namespace], int] | None = getattr(args, "func", None)
    try:
        if func is None:
            if start_gui is None:
                raise UserError("De vensters zijn hier niet beschikbaar; geef een opdracht.")
            return start_gui(args.db)
        return func(args)
    except UserError as error:
        print(f"voortgang: {error}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("voortgang: afgebroken.", file=sys.stderr)
        return EXIT_USER_ERROR
