"""The one small protocol through which a use case reports progress and hears a cancel.

The GUI's task control (on the database thread) and the command line's console printer
both implement it; a use case never knows which one it talks to.
"""

from __future__ import annotations

from typing import Protocol


class Cancelled(Exception):
    """Raised by :meth:`Progress.raise_if_cancelled` when the user stopped the work."""


class Progress(Protocol):
    """Where a use case reports how far it is, and learns whether to stop."""

    def report(self, done: int, total: int, text: str = "") -> None:
        """``done`` of ``total`` (0 of 0: busy, no figure), with a short Dutch text."""
        ...

    def raise_if_cancelled(self) -> None:
        """Raise :class:`Cancelled` when the user asked to stop."""
        ...


class NoProgress:
    """Progress nobody watches, and a cancel that never comes."""

    def report(self, done: int, total: int, text: str = "") -> None:
        """Ignore the report."""

    def raise_if_cancelled(self) -> None:
        """Never cancelled."""


__all__ = ["Cancelled", "NoProgress", "Progress"]
