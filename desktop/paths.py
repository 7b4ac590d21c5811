"""Where things live: the registry file, bundled resources and user templates."""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from platformdirs import user_data_dir

APP_NAME = "Voortgang"
DB_ENV = "VOORTGANG_DB"

if TYPE_CHECKING:
    from desktop.core.drafting.templates import TemplateLibrary


def _bundle_root() -> Path:
    """The folder holding ``resources/`` and ``letter_templates/`` (also when frozen)."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    """Bundled resources (demo registry, emblem placeholder, reference document)."""
    return Path(os.environ.get("VOORTGANG_RESOURCES", _bundle_root() / "resources"))


def shipped_templates_dir() -> Path:
    """The letter templates shipped with the app (never written to)."""
    return _bundle_root() / "letter_templates"


def data_dir() -> Path:
    """The per-user data folder."""
    return Path(user_data_dir(APP_NAME, appauthor=False))


def user_templates_dir() -> Path:
    """The per-user folder for the user's own letter templates."""
    return data_dir() / "sjablonen"


def default_db_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The registry file: ``--db``, else ``VOORTGANG_DB``, else the per-user data folder."""
    if explicit:
        return Path(explicit).expanduser()
    if os.environ.get(DB_ENV):
        return Path(os.environ[DB_ENV]).expanduser()
    return data_dir() / "register.db"


def registry_address(explicit: str | os.PathLike[str] | None = None) -> Path | str:
    """``--db``, else ``VOORTGANG_DB``, else the per-user file.

    A ``postgresql://`` address (a team registry) is returned as typed; anything else is
    a file path.
    """
    from desktop.core.store.engine import is_server_address

    value = explicit or os.environ.get(DB_ENV)
    if value and is_server_address(str(value)):
        return str(value).strip()
    return default_db_path(explicit)


def drafts_dir(registry: str = "") -> Path:
    """Where the composer autosaves drafts of letters in ``registry`` (its saved address).

    The registry in the user's data folder keeps the plain ``concepten`` folder it always
    had; every other registry gets a folder of its own.
    """
    base = data_dir() / "concepten"
    if not registry or registry == str(default_db_path()):
        return base
    digest = hashlib.sha256(registry.encode("utf-8")).hexdigest()[:12]
    return base / f"register-{digest}"


def default_library() -> TemplateLibrary:
    """The shipped letter templates plus the user's own folder."""
    from desktop.core.drafting.templates import TemplateLibrary

    return TemplateLibrary(shipped_templates_dir(), user_templates_dir())
