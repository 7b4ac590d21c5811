"""Rolling backups with SQLite's online backup API, and restoring one safely."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection as Database
from sqlite_utils import Database as SqliteUtils

from desktop.core.errors import StoreError
from desktop.core.store.db import backup_to, known_migrations
from desktop.core.store.engine import raw_sqlite
from desktop.core.store.migrations import migrations
from desktop.core.store.rows import scalar

KEEP_DAILY = 14
_DAILY_PREFIX = "dagelijks-"
_MANUAL_PREFIX = "handmatig-"
_RESTORE_PREFIX = "voor-herstel-"


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """One backup file."""

    path: Path
    kind: str
    made: dt.datetime
    size: int


def backup_dir(path: Path) -> Path:
    """The folder beside the registry that holds its backups."""
    return path.with_name(f"{path.stem}.backups")


def _stamp() -> str:
    return dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")


def make_backup(
    db: Database, path: Path, *, kind: str = "handmatig", target: Path | None = None
) -> Path:
    """Copy the live registry (consistent, also while others write) to a backup file."""
    prefix = {
        "dagelijks": _DAILY_PREFIX,
        "handmatig": _MANUAL_PREFIX,
        "voor-herstel": _RESTORE_PREFIX,
    }[kind]
    destination = target or backup_dir(path) / f"{prefix}{_stamp()}.db"
    try:
        return backup_to(db, destination)
    except (OSError, sqlite3.Error) as exc:
        raise StoreError(f"De reservekopie naar {destination} is mislukt: {exc}.") from exc


def list_backups(path: Path) -> list[BackupInfo]:
    """Backups of a registry, newest first (migration copies included)."""
    found: list[BackupInfo] = []
    folder = backup_dir(path)
    candidates = list(folder.glob("*.db")) if folder.is_dir() else []
    candidates += list(path.parent.glob(f"{path.stem}.voor-migratie-*{path.suffix or '.db'}"))
    for candidate in candidates:
        name = candidate.name
        if name.startswith(_DAILY_PREFIX):
            kind = "dagelijks"
        elif name.startswith(_MANUAL_PREFIX):
            kind = "handmatig"
        elif name.startswith(_RESTORE_PREFIX):
            kind = "voor herstel"
        else:
            kind = "voor migratie"
        stat = candidate.stat()
        found.append(
            BackupInfo(candidate, kind, dt.datetime.fromtimestamp(stat.st_mtime), stat.st_size)
        )
    return sorted(found, key=lambda b: (b.made, b.path.name), reverse=True)


def daily_backup(db: Database, path: Path, today: dt.date | None = None) -> Path | None:
    """Make today's backup if there is none yet; keep the newest KEEP_DAILY daily ones."""
    today = today or dt.date.today()
    folder = backup_dir(path)
    todays = f"{_DAILY_PREFIX}{today:%Y%m%d}"
    if folder.is_dir() and any(p.name.startswith(todays) for p in folder.iterdir()):
        return None
    has_data = scalar(
        db,
        "SELECT EXISTS (SELECT 1 FROM motions) OR EXISTS (SELECT 1 FROM letters)"
        " OR EXISTS (SELECT 1 FROM convenanten) OR EXISTS (SELECT 1 FROM commitments)",
    )
    if not has_data:
        return None
    made = make_backup(
        db, path, kind="dagelijks", target=folder / f"{todays}-{dt.datetime.now():%H%M%S}.db"
    )
    dailies = sorted(p for p in folder.glob(f"{_DAILY_PREFIX}*.db"))
    for old in dailies[:-KEEP_DAILY]:
        old.unlink(missing_ok=True)
    return made


def verify_backup(candidate: Path) -> None:
    """Refuse a file that is not a sound Voortgang registry this version can open."""
    if not candidate.is_file():
        raise StoreError(f"{candidate} bestaat niet of is geen bestand.")
    with candidate.open("rb") as handle:
        if handle.read(16) != b"SQLite format 3\x00":
            raise StoreError(f"{candidate} is geen Voortgang-register.")
    uri = candidate.resolve().as_uri() + "?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True)
        try:
            check = conn.execute("PRAGMA integrity_check").fetchone()[0]
            applied = [m.name for m in migrations.applied(SqliteUtils(conn))]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{candidate} is beschadigd: {exc}.") from exc
    if check != "ok":
        raise StoreError(f"{candidate} is beschadigd ({check}); er is niets hersteld.")
    if not applied:
        raise StoreError(f"{candidate} is geen Voortgang-register.")
    unknown = [name for name in applied if name not in known_migrations()]
    if unknown:
        raise StoreError(f"{candidate} komt van een nieuwere versie van Voortgang.")


def restore_backup(db: Database, path: Path, candidate: Path) -> Path:
    """Replace the live registry's content with a backup; returns the safety copy made first.

    The current content is backed up first, then the backup is copied in with the online
    backup API inside SQLite's own locking, so other connections never see a half state.
    """
    verify_backup(candidate)
    raw = raw_sqlite(db)
    if raw is None:
        raise StoreError(
            "Een teamregister wordt niet uit een bestand hersteld; vraag de beheerder."
        )
    safety = make_backup(db, path, kind="voor-herstel")
    source = sqlite3.connect(candidate.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        source.backup(raw)
    except sqlite3.Error as exc:
        raise StoreError(
            f"Herstellen is mislukt ({exc}); het register is ongewijzigd of staat in {safety}."
        ) from exc
    finally:
        source.close()
    return safety
