"""What an open-data import would change in a registered motion, and how it names it.

Shared by the record-by-record path (:mod:`opendata`) and the batched one
(:mod:`opendata_batch`), so both decide the same.
"""

from __future__ import annotations

import functools
from typing import Any

from desktop.core.domain.models import Motion
from desktop.core.importers.opendata_records import TKMotion

__all__ = ["HISTORY_NOTE", "motion_changes", "motion_label"]

HISTORY_NOTE = "import Tweede Kamer (open data)"


@functools.lru_cache(maxsize=4096)  # the same signers recur in thousands of motions
def _name_key(name: str) -> str:
    return "".join(ch for ch in name.casefold() if ch.isalnum())


def _same_people(stored: list[str], incoming: list[str]) -> bool:
    """True when both lists name the same signers (``Jasper van Dijk`` ~ ``Van Dijk``)."""
    if len(stored) != len(incoming):
        return False
    return all(
        _name_key(a).endswith(_name_key(b)) or _name_key(b).endswith(_name_key(a))
        for a, b in zip(stored, incoming, strict=True)
    )


def motion_changes(motion: Motion, record: TKMotion) -> dict[str, Any]:
    """Field values the import would change, by :class:`Motion` field name."""
    changes: dict[str, Any] = {}
    if record.kamerstuk is not None and motion.kamerstuk is None:
        changes["kamerstuk"] = record.kamerstuk
    if record.zaaknummer and not motion.zaaknummer:
        changes["zaaknummer"] = record.zaaknummer
    if record.indieners and not _same_people(motion.indieners, record.indieners):
        changes["indieners"] = record.indieners
    if record.uitslag and record.uitslag != motion.uitslag:
        changes["uitslag"] = record.uitslag
    if record.kabinetsappreciatie and record.kabinetsappreciatie != motion.kabinetsappreciatie:
        changes["kabinetsappreciatie"] = record.kabinetsappreciatie
    if record.onderwerp and not (motion.onderwerp or "").strip():
        changes["onderwerp"] = record.onderwerp
    if record.titel and record.titel != motion.titel:
        changes["titel"] = record.titel
    if record.voorgesteld and motion.voorgesteld is None:
        changes["voorgesteld"] = record.voorgesteld
    if record.vervangt is not None and (
        motion.vervangt is None or motion.vervangt.key != record.vervangt.key
    ):
        changes["vervangt"] = record.vervangt
    if record.wijziging and motion.wijziging is None:
        changes["wijziging"] = record.wijziging
    if record.kamer_afgedaan is not None and record.kamer_afgedaan != motion.kamer_afgedaan:
        changes["kamer_afgedaan"] = record.kamer_afgedaan
    if record.kamer_besluit and record.kamer_besluit != motion.kamer_besluit:
        changes["kamer_besluit"] = record.kamer_besluit
    return changes


def motion_label(motion: Motion) -> str:
    return f"{motion.name} ({motion.reference})"


def new_motion(record: TKMotion) -> Motion:
    """The motion a Kamer record becomes when the registry does not have it yet."""
    return Motion(
        kamerstuk=record.kamerstuk,
        zaaknummer=record.zaaknummer,
        titel=record.titel,
        indieners=list(record.indieners),
        dossier_titel=record.dossier_titel,
        voorgesteld=record.voorgesteld,
        onderwerp=record.onderwerp,
        kabinetsappreciatie=record.kabinetsappreciatie,
        uitslag=record.uitslag or "ingediend",
        vervangt=record.vervangt,
        wijziging=record.wijziging,
        kamer_afgedaan=record.kamer_afgedaan,
        kamer_besluit=record.kamer_besluit,
    )
