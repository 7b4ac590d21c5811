"""Units of database work the windows run on the worker thread (no Qt here).

Each function takes the open :class:`~desktop.core.store.Store` first, so a window
hands ``functools.partial(add_motion, motion=...)``-style callables to the
the interface's task runner. Writes are one transaction each.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.core.domain.dutch import capitalised, join_list
from desktop.core.domain.models import (
    Commitment,
    Convenant,
    EUFile,
    Kamerstuk,
    Letter,
    Motion,
    StatusChange,
)
from desktop.core.errors import InvalidInput
from desktop.core.store import (
    AddressLike,
    Store,
    commitments,
    convenanten,
    eu,
    history,
    kamerstukken,
    letters,
    motions,
)

if TYPE_CHECKING:
    from sqlalchemy import Connection as Database

    from desktop.core.store.backup import BackupInfo


@dataclass(frozen=True)
class MotionQuery:
    """What the motions view asks for: a status filter, search text, and a page."""

    status: str = "all"
    search: str = ""
    limit: int | None = None
    offset: int = 0
    #: the id of the last motion of the page before (the next page seeks past it)
    after: int | None = None


@dataclass(frozen=True)
class MotionDetail:
    """Everything the motion detail pane shows beyond the row itself."""

    motion: Motion
    history: list[StatusChange]
    settled_by: list[Letter]


@dataclass(frozen=True)
class Settled:
    """The result of settling a motion."""

    motion: Motion
    kenmerk: str
    letter_created: bool
    # What undoing needs: the letter, and the status (and its date) before settling.
    letter_id: int = 0
    previous_status: str = "openstaand"
    previous_datum: dt.date | None = None


# -- reads -------------------------------------------------------------------------------


def list_motions(store: Store, query: MotionQuery) -> list[Motion]:
    """Motions for the view (FTS search in the store)."""
    return motions.list_motions(
        store.db,
        status=query.status,
        search=query.search or None,
        limit=query.limit,
        offset=query.offset,
        after=query.after,
    )


def list_commitments(store: Store, search: str) -> list[Commitment]:
    """All toezeggingen matching a search."""
    return commitments.list_commitments(store.db, search=search or None)


def list_convenanten(store: Store, search: str) -> list[Convenant]:
    """All convenanten matching a search."""
    return convenanten.list_convenanten(store.db, search=search or None)


def list_eu_files(store: Store, search: str) -> list[EUFile]:
    """All EU-dossiers matching a search."""
    return eu.list_eu_files(store.db, search=search or None)


def list_kamerstukken(store: Store, search: str) -> list[Kamerstuk]:
    """All Kamerstukken (the store has no search here: the view filters them)."""
    return kamerstukken.list_all(store.db)


def list_letters(store: Store, search: str) -> list[Letter]:
    """All letters, newest first (the view filters them)."""
    return letters.list_letters(store.db)


def letter_kenmerken(store: Store) -> list[str]:
    """Kenmerken of the registered letters, for completing the settle dialog."""
    return [item.kenmerk for item in letters.list_letters(store.db) if item.kenmerk]


def motion_detail(store: Store, motion_id: int) -> MotionDetail:
    """A motion with its status history and the letters that settled it."""
    motion = motions.get(store.db, motion_id)
    found: list[Letter] = []
    for value in motion.afgedaan_met:
        letter = letters.find_by_kenmerk(store.db, value)
        if letter is not None:
            found.append(letter)
    return MotionDetail(
        motion=motion,
        history=history.for_entity(store.db, "motion", motion_id),
        settled_by=found,
    )


# -- writes ------------------------------------------------------------------------------


def registered_as(store: Store, motion: Motion) -> Motion | None:
    """The motion already in the registry under this Kamerstuk or Zaak number, if any."""
    if motion.kamerstuk is not None:
        found = motions.find(store.db, motion.kamerstuk)
        if found is not None:
            return found
    if motion.zaaknummer:
        return motions.find_by_zaaknummer(store.db, motion.zaaknummer)
    return None


def add_motion(store: Store, motion: Motion) -> Motion:
    """Register a new motion; returns it as stored."""
    with store.transaction() as db:
        motion_id = motions.add(db, motion)
    return motions.get(store.db, motion_id)


def update_motion(store: Store, motion: Motion) -> Motion:
    """Save an edited motion (refused when someone else changed it meanwhile)."""
    assert motion.id is not None
    with store.transaction() as db:
        motions.update(db, motion)
    return motions.get(store.db, motion.id)


def delete_motion(store: Store, motion_id: int) -> None:
    """Remove a motion."""
    with store.transaction() as db:
        motions.delete(db, motion_id)


def settle_motion(store: Store, motion: int | str, kenmerk: str, datum: dt.date) -> Settled:
    """Mark a motion afgedaan by the letter with this kenmerk (registered if new).

    ``motion`` is its id, or as typed: an id or a Kamerstuk number (``26 485, nr. 224``).

    Raises:
        NotFound: no such motion.
    """
    with store.transaction() as db:
        found = motions.get(db, motion) if isinstance(motion, int) else motions.resolve(db, motion)
        assert found.id is not None
        letter_id, created = letters.ensure_letter(db, kenmerk.strip(), None)
        motions.settle(db, found.id, letter_id, datum)
    return Settled(
        motions.get(store.db, found.id),
        kenmerk.strip(),
        created,
        letter_id=letter_id,
        previous_status=found.status,
        previous_datum=found.status_datum,
    )


def undo_settlement(store: Store, settled: Settled) -> Motion:
    """Undo one "Afdoen met brief": that settlement goes, the status before it comes back."""
    assert settled.motion.id is not None
    with store.transaction() as db:
        motions.withdraw_settlement(
            db,
            settled.motion.id,
            settled.letter_id,
            settled.previous_status,
            settled.previous_datum,
            version=settled.motion.version,
        )
    return motions.get(store.db, settled.motion.id)


def reopen_motion(store: Store, motion: int | str) -> Motion:
    """Withdraw a motion's settlements: it is open again (by id, or an id or number as typed)."""
    with store.transaction() as db:
        found = motions.get(db, motion) if isinstance(motion, int) else motions.resolve(db, motion)
        assert found.id is not None
        motions.reopen(db, found.id)
    return motions.get(store.db, found.id)


def is_letter_reference(store: Store, target: str) -> bool:
    """True when ``target`` (not a bare id) is the kenmerk of a registered letter."""
    return not target.strip().isdigit() and letters.find_by_kenmerk(store.db, target) is not None


def read_motion_text(text: str, *, source: str | None = None) -> tuple[Motion, list[str]]:
    """The motion in an official motion text (pasted or from a file); nothing is stored.

    Returns the motion and the parser's warnings (Dutch), such as a missing closing
    formula: the text was read, but the user should check it.

    Raises:
        SourcedInputError: the text is not a motion text, with what was missing.
    """
    from desktop.core.importers.motion_text import read_motion_text as read_with_warnings

    return read_with_warnings(text, source=source)


def read_motion_file(path: Path) -> tuple[Motion, list[str]]:
    """The motion in an official motion text file (UTF-8 or UTF-16), with its warnings.

    Nothing is stored; each warning names the file.
    """
    from desktop.core.importers.motion_text import read_motion_file as read_with_warnings

    return read_with_warnings(path)


def _registered_text(db: Database, motion: Motion) -> tuple[int, bool]:
    """Store an official motion text: a new motion, or the text of a motion the registry
    holds without one (from open data, or entered by hand before the text was out).

    Returns:
        The motion's id, and True when an existing motion was completed.

    Raises:
        AlreadyExists: the motion is registered with its text already.
    """
    from desktop.core.errors import AlreadyExists

    try:
        return motions.add(db, motion), False
    except AlreadyExists:
        existing = (
            motions.find(db, motion.kamerstuk) if motion.kamerstuk is not None else None
        ) or (motions.find_by_zaaknummer(db, motion.zaaknummer) if motion.zaaknummer else None)
        if existing is None or existing.id is None or existing.verzoeken or existing.overwegingen:
            raise
    # -- the text's own parts; what the registry knows (status, uitslag, notes, the Kamer's
    # -- numbers and decisions) stays, and only what it lacks is taken from the text --
    existing.overwegingen = motion.overwegingen
    existing.verzoeken = motion.verzoeken
    for name in ("indieners", "dossier_titel", "voorgesteld", "onderwerp", "vervangt", "wijziging"):
        if not getattr(existing, name) and getattr(motion, name):
            setattr(existing, name, getattr(motion, name))
    if existing.kamerstuk is None and motion.kamerstuk is not None:
        existing.kamerstuk = motion.kamerstuk
    motions.update(db, existing)
    return existing.id, True


def import_motion_text(store: Store, motion: Motion) -> tuple[Motion, bool]:
    """Register one official motion text (``Motie importeren``); see :func:`_registered_text`.

    Returns:
        The motion as stored, and True when it completed a motion already registered.
    """
    with store.transaction() as db:
        motion_id, completed = _registered_text(db, motion)
    return motions.get(store.db, motion_id), completed


def import_motion_files(store: Store, files: Sequence[Path]) -> tuple[list[Motion], list[str]]:
    """Register official motion texts (all of them or none, in one transaction).

    Returns the motions as stored and the warnings about the texts (such as a missing
    closing formula), each naming its file.

    Raises:
        SourcedInputError: a file is not a motion text (naming the file).
        AlreadyExists: a motion is already registered (naming the file).
    """
    from desktop.core.errors import AlreadyExists
    from desktop.core.importers.motion_text import read_motion_file as read_with_warnings

    read = [read_with_warnings(path) for path in files]
    parsed = [motion for motion, _ in read]
    # The importer's warnings for a file already start with the file's name.
    warnings = [text for _, found in read for text in found]
    first_file: dict[str, Path] = {}
    for path, motion in zip(files, parsed, strict=True):
        key = motion.reference
        if key in first_file:
            raise AlreadyExists(
                f"{path.name}: {capitalised(motion.name)} ({key}) staat ook in "
                f"{first_file[key].name}; geef elke motie één keer op."
            )
        first_file[key] = path
    ids: list[int] = []
    with store.transaction() as db:
        for path, motion in zip(files, parsed, strict=True):
            try:
                motion_id, completed = _registered_text(db, motion)
            except AlreadyExists as error:
                raise AlreadyExists(
                    f"{path.name}: {error} De officiële tekst staat er al bij."
                ) from error
            ids.append(motion_id)
            if completed:
                warnings.append(
                    f"{path.name}: {capitalised(motion.name)} stond al in het register "
                    "(zonder tekst); de officiële tekst is toegevoegd."
                )
    return [motions.get(store.db, motion_id) for motion_id in ids], warnings


# -- opening, backups ----------------------------------------------------------------------


def open_notices(store: Store) -> list[str]:
    """What the user must hear after opening: the copy made before a migration, a failed backup."""
    notices: list[str] = []
    if store.migration_backup is not None:
        notices.append(
            "Het register is bijgewerkt voor deze versie van Voortgang; een kopie van het "
            f"register van vóór de update staat in {store.migration_backup}."
        )
    if store.backup_failed:
        notices.append(
            "Let op: de dagelijkse reservekopie kon niet worden gemaakt "
            "(zie Bestand of ‘voortgang backup’)."
        )
    return notices


def init_registry(address: AddressLike, *, demo: bool, resources: Path) -> dict[str, int] | None:
    """Create (or open) the registry at ``address``; with ``demo``, fill it with the demo.

    On a server this creates or migrates the schema: ``init`` is the explicit request a
    team registry needs. Returns the demo's counts, or None without ``demo``.
    """
    with Store.open(address, allow_migrate=True) as store:
        return load_demo_registry(store, resources) if demo else None


def backup_registry(store: Store, target: Path | None = None) -> Path:
    """A consistent copy of the open registry (in the backup folder, or at ``target``).

    A team registry is copied into a new SQLite file at ``target`` (checked afterwards).
    """
    from desktop.core.store.backup import make_backup

    if store.is_server:
        if target is None:
            raise InvalidInput(
                "Geef voor een teamregister aan waar de kopie moet komen (--to BESTAND.db)."
            )
        from desktop.core.services.team import copy_into_new_file

        return copy_into_new_file(store, target)
    assert store.path is not None, "an in-memory registry has no backups"
    return make_backup(store.db, store.path, target=target)


def registry_backups(path: Path) -> list[BackupInfo]:
    """The backups of the registry at ``path``, oldest first."""
    from desktop.core.store.backup import list_backups

    return list_backups(path)


def restore_registry(store: Store, backup: Path) -> Path:
    """Replace the registry's content by a verified backup; returns where the old content went."""
    from desktop.core.store.backup import restore_backup

    if store.is_server:
        raise InvalidInput(
            "Een teamregister wordt niet uit een bestand teruggezet; dat doet de beheerder "
            "(pg_restore, of copy-registry KOPIE.db … --vervang)."
        )
    assert store.path is not None, "an in-memory registry has no backups"
    return restore_backup(store.db, store.path, backup)


def load_demo_registry(store: Store, resources: Path) -> dict[str, int]:
    """Fill an empty registry with the demo."""
    from desktop.core.demo import load_demo  # only on first start; keeps startup lean

    return load_demo(store, resources)


_NOUNS = {
    "moties": ("motie", "moties"),
    "kamerstukken": ("Kamerstuk", "Kamerstukken"),
    "convenanten": ("convenant", "convenanten"),
    "eu_dossiers": ("EU-dossier", "EU-dossiers"),
    "brieven": ("brief", "brieven"),
}


def demo_summary(counts: dict[str, int]) -> str:
    """``5 moties, 5 Kamerstukken, 14 convenanten, 2 EU-dossiers en 5 brieven``."""
    return join_list(
        f"{count} {_NOUNS[key][0] if count == 1 else _NOUNS[key][1]}"
        for key, count in counts.items()
        if key in _NOUNS
    )


def dossier_choices(rows: Sequence[Motion]) -> list[tuple[tuple[int, str], str]]:
    """The dossiers of these motions as (key, label) pairs, by number."""
    seen: dict[tuple[int, str], str] = {}
    for motion in rows:
        ref = motion.kamerstuk
        if ref is None:
            continue
        key = (ref.dossier, ref.toevoeging or "")
        if key not in seen:
            label = ref.dossier_label()
            if motion.dossier_titel:
                label += f" – {motion.dossier_titel}"
            seen[key] = label
    return sorted(seen.items())
