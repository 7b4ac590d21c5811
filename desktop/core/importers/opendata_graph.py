"""The entities read from open-data files, merged by type and id, with links both ways.

A record can arrive more than once (expanded under several parents, or in several pages
and files); the newest ``GewijzigdOp`` wins and links are united. Only the fields the
import uses are kept, so a large download stays small in memory.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import sys
from typing import Any

from desktop.core.importers.opendata_files import ENTITY_TYPES, NAVIGATION, RawEntity

__all__ = ["FIELDS_USED", "EntityGraph", "instant", "merge_into", "slim"]

# Only these fields are kept per entity: a large download stays small in memory.
_KEEP: dict[str, frozenset[str]] = {
    "Zaak": frozenset(
        {
            "Nummer",
            "Soort",
            "Onderwerp",
            "Titel",
            "Vergaderjaar",
            "Volgnummer",
            "GestartOp",
            "Kabinetsappreciatie",
            "Afgedaan",
        }
    ),
    "Kamerstukdossier": frozenset({"Nummer", "Toevoeging", "Titel"}),
    "Document": frozenset({"Volgnummer", "Datum", "Soort"}),
    "Besluit": frozenset(
        {"BesluitSoort", "BesluitTekst", "Status", "AgendapuntZaakBesluitVolgorde"}
    ),
    "ZaakActor": frozenset({"ActorNaam", "Relatie"}),
    "Toezegging": frozenset(
        {
            "Nummer",
            "Tekst",
            "Status",
            "DatumNakoming",
            "KamerbriefNakoming",
            "Ministerie",
            "Naam",
            "Voornaam",
            "Initialen",
            "Tussenvoegsel",
            "Achternaam",
            "Aanmaakdatum",
        }
    ),
}
_ALWAYS = frozenset({"Id", "GewijzigdOp", "Verwijderd"})
#: The fields the import uses of each entity type (for reading only those).
FIELDS_USED = {kind: _KEEP.get(kind, frozenset()) | _ALWAYS for kind in ENTITY_TYPES}
_NOT_A_MOTION = frozenset({"Soort", "Nummer"}) | _ALWAYS
# Links kept besides the navigation properties: only whether there is one matters (an
# actor that is a Commissie signs no motion).
_MARKER_LINKS = frozenset({"Commissie"})
# Short texts (a kind, a name, a moment) recur across thousands of records: one copy each
# (also in the import's temporary file, which writes a shared text once per part).
_SHARED_LENGTH = 40
# Following a link backwards: Y.VervangenDoor = Z is Z.VervangenVanuit = Y.
_INVERSE = {"VervangenVanuit": "VervangenDoor", "VervangenDoor": "VervangenVanuit"}


_INSTANT = re.compile(
    r"^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?)(?:\.(\d+))?)?(Z|[+-]\d{2}:?\d{2})?$"
)


def instant(value: Any) -> str | None:
    """A ``GewijzigdOp`` as comparable UTC text (``2019-11-13T10:00:00.000000Z``)."""
    if not isinstance(value, str):
        return None
    return _instant(value)


# An import compares the same moments several times per record (its own, its Besluiten'):
# the last few thousand are remembered.
@functools.lru_cache(maxsize=8192)
def _instant(value: str) -> str | None:
    match = _INSTANT.match(value.strip())
    if not match:
        return None
    day, clock, fraction, zone = match.groups()
    clock = clock or "00:00:00"
    if len(clock) == 5:
        clock += ":00"
    micro = (fraction or "0")[:6].ljust(6, "0")
    try:
        moment = dt.datetime.fromisoformat(f"{day}T{clock}.{micro}")
    except ValueError:
        return None
    if zone and zone != "Z":
        sign = 1 if zone[0] == "+" else -1
        digits = zone[1:].replace(":", "")
        offset = dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
        moment = moment - sign * offset
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def slim(entity: RawEntity) -> RawEntity:
    """Keep only what the import uses of an entity (in place); returns it.

    A Zaak that is no motion keeps its number, kind and replacement links only. (The
    readers already share one copy of each field name; see ``read_open_data_file``.)
    """
    kind = entity.type
    fields = entity.fields
    keep = FIELDS_USED.get(kind, _ALWAYS)
    if kind == "Zaak" and str(fields.get("Soort") or "").lower() not in ("motie", ""):
        keep = _NOT_A_MOTION
        entity.links = {k: v for k, v in entity.links.items() if k.startswith("Vervangen")}
    drop = [name for name in fields if name not in keep]
    if "Verwijderd" in fields and fields["Verwijderd"] in (False, None):
        drop.append("Verwijderd")
    for name in drop:
        del fields[name]
    intern = sys.intern
    for name, value in fields.items():
        if type(value) is str and len(value) <= _SHARED_LENGTH and name != "Id":
            fields[name] = intern(value)  # a value only: the keys stay as they are
    entity.links = {
        intern(k): ([] if k in _MARKER_LINKS else v)
        for k, v in entity.links.items()
        if k in NAVIGATION or k in _MARKER_LINKS
    }
    return entity


def merge_into(existing: RawEntity, entity: RawEntity) -> None:
    """Merge a later copy of the same record: the newest ``GewijzigdOp`` wins, links are united."""
    new_time = instant(entity.fields.get("GewijzigdOp")) or ""
    old_time = instant(existing.fields.get("GewijzigdOp")) or ""
    if new_time >= old_time:
        merged = {**existing.fields, **entity.fields}
    else:
        merged = {**entity.fields, **existing.fields}
    existing.fields = merged
    for name, ids in entity.links.items():
        current = existing.links.setdefault(name, [])
        current.extend(i for i in ids if i not in current)


class EntityGraph:
    """Entities read from the files, merged by type and id, with links both ways."""

    def __init__(self) -> None:
        self.entities: dict[tuple[str, str], RawEntity] = {}
        self._incoming: dict[tuple[str, str], list[tuple[str, str, str]]] | None = None

    def add(self, entity: RawEntity) -> None:
        """Add (or merge) one entity as read; the newest ``GewijzigdOp`` wins, links are united."""
        self.merge(slim(entity))

    def merge(self, entity: RawEntity) -> None:
        """Add (or merge) an entity already passed through :func:`slim`."""
        key = (entity.type, entity.id)
        existing = self.entities.get(key)
        self._incoming = None
        if existing is None:
            self.entities[key] = entity
        else:
            merge_into(existing, entity)

    def put(self, entity: RawEntity) -> None:
        """Add an entity that is already complete (merged elsewhere), unless it is here."""
        key = (entity.type, entity.id)
        if key not in self.entities:
            self._incoming = None
            self.entities[key] = entity

    def __contains__(self, key: tuple[str, str]) -> bool:
        return key in self.entities

    def get(self, kind: str, identifier: str) -> RawEntity | None:
        """A live (not deleted) entity, if read."""
        entity = self.entities.get((kind, identifier))
        return None if entity is None or entity.deleted else entity

    def _incoming_links(self) -> dict[tuple[str, str], list[tuple[str, str, str]]]:
        if self._incoming is None:
            incoming: dict[tuple[str, str], list[tuple[str, str, str]]] = {}
            for (kind, identifier), entity in self.entities.items():
                for name, ids in entity.links.items():
                    target_kind = NAVIGATION.get(name)
                    if target_kind is None:
                        continue
                    for target in ids:
                        # related() reads the target's own links first: an entry that only
                        # repeats one of them (an expanded child's Zaak_Id) is not kept.
                        other = self.entities.get((target_kind, target))
                        if (
                            name == target_kind
                            and other is not None
                            and identifier in other.links.get(kind, ())
                        ):
                            continue
                        incoming.setdefault((target_kind, target), []).append(
                            (kind, identifier, name)
                        )
            self._incoming = incoming
        return self._incoming

    def related(self, entity: RawEntity, kind: str, *, via: str | None = None) -> list[RawEntity]:
        """Live entities of ``kind`` linked to ``entity`` in either direction, in order."""
        entities = self.entities
        found: list[RawEntity] = []
        seen: set[str] = set()
        for identifier in entity.links.get(via or kind, ()):
            other = entities.get((kind, identifier))
            if other is not None and other.id not in seen and not other.deleted:
                seen.add(other.id)
                found.append(other)
        index = self._incoming if self._incoming is not None else self._incoming_links()
        incoming = index.get((entity.type, entity.id))
        if incoming:
            back = entity.type if via is None else _INVERSE.get(via, via)
            for source_kind, source_id, link_name in incoming:
                if source_kind == kind and link_name == back and source_id not in seen:
                    other = self.get(kind, source_id)
                    if other is not None:
                        seen.add(source_id)
                        found.append(other)
        return found

    def of_type(self, kind: str) -> list[RawEntity]:
        """Every entity of a type (deleted ones included), in reading order."""
        return [entity for (k, _), entity in self.entities.items() if k == kind]
