"""Errors a user can act on, each with a clear Dutch message.

Everything that is not one of these is a bug and reaches the crash dialog (GUI) or a
traceback (command line).
"""

from __future__ import annotations


class UserError(Exception):
    """Base for problems the user can act on; ``str(error)`` is the Dutch message."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class InvalidInput(UserError):
    """Input that does not have the expected form (a Kamerstuk number, a date, a motion text)."""


class NotFound(UserError):
    """A record the user named does not exist in the store."""


class AlreadyExists(UserError):
    """A record the user tried to add is already in the store."""


class StoreError(UserError):
    """The store cannot be used: locked, corrupt, read-only, full disk, newer version."""


class ConflictError(StoreError):
    """A record changed elsewhere since it was read; the user chooses which version wins."""

    def __init__(self, message: str, *, entity: str, entity_id: int) -> None:
        super().__init__(message)
        self.entity = entity
        self.entity_id = entity_id


class TemplateProblem(UserError):
    """A letter template that cannot be rendered (syntax error, undefined name, limits)."""


class FileProblem(UserError):
    """A file that cannot be read or written (locked, open in Word, read-only, disk full)."""

    @classmethod
    def reading(cls, name: str, error: OSError) -> FileProblem:
        """Why the file ``name`` cannot be read, in Dutch (for every importer and reader)."""
        if isinstance(error, FileNotFoundError):
            why = "het bestand bestaat niet (meer)."
        elif isinstance(error, IsADirectoryError):
            why = "dit is een map, geen bestand."
        elif isinstance(error, PermissionError):
            why = "geen toegang tot het bestand. Is het geopend in een ander programma?"
        else:
            why = "het bestand kan niet worden gelezen."
        return cls(f"{name}: {why}")


class SourcedInputError(InvalidInput):
    """Invalid input located in a file: the message names the file and line."""

    def __init__(self, message: str, *, source: str | None = None, line: int | None = None) -> None:
        where = ""
        if source and line:
            where = f"{source}, regel {line}: "
        elif source:
            where = f"{source}: "
        super().__init__(where + message)
        self.source = source
        self.line = line
