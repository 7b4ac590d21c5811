"""From raw Tweede Kamer entities to motion and commitment records.

Rules (see docs/domain.md §3-4), decided here once:

* A motion is a ``Zaak`` with ``Soort`` ``Motie``; a ``$select`` without ``Soort`` still
  gives one when its ``Onderwerp`` (or document kind) says ``Motie …``. Its Kamerstuk
  number is the Kamerstukdossier's ``Nummer`` and ``Toevoeging`` plus the motion
  document's ``Volgnummer`` (``Zaak.Volgnummer`` when no document with a number is
  linked). A motion just submitted has none (``Volgnummer`` -1, no dossier): it is
  imported by its Zaak ``Nummer`` (``2025Z12345``) and gets its number from a later file.
* Signers: ``ZaakActor`` records with ``Relatie`` ``Indiener`` first, then
  ``Medeindiener``, each in the order the data gives them, never a non-person actor (a
  commission, ``TK``). ``ActorNaam`` is written as the Kamer prints it on the motion:
  initials dropped (``W.A. van Laar`` → ``Van Laar``), and the bracketed first name
  (``A.B.C. (Voornaam) van Achternaam``) kept only where the Kamer tells members apart
  by it: when the Onderwerp names the member so, or when two members in the files share
  the surname. Without actors the names come from ``Onderwerp`` (``Motie van de leden
  Bikker en Erkens over ...``).
* The Kamer's own view: ``Zaak.Afgedaan`` and the latest Besluit (``BesluitSoort``, else
  ``BesluitTekst``) are kept beside the ministry's status.
* Outcome: of the Besluiten that decide (``Stemmen - aangenomen``, ``... - verworpen``,
  ``... - niet aangenomen``, ``Motie ingetrokken``, overgenomen, vervallen) the latest by
  ``GewijzigdOp`` (then ``AgendapuntZaakBesluitVolgorde``) wins; a final outcome always
  beats ``aangehouden``, since a held motion can still be voted but a voted one cannot be
  held. Besluiten with ``Status`` ``Voorstel`` or ``Concept`` are proposals, not outcomes.
  No deciding Besluit gives no outcome (the registry's value is kept).
* Replacement: ``VervangenVanuit`` of a Zaak names the motion it replaces,
  ``VervangenDoor`` the one replacing it; without either, ``(t.v.v. 26485-220)`` in the
  ``Onderwerp`` names the replaced motion.
* Records marked ``Verwijderd`` are dropped; related records that are deleted are not used.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from desktop.core.domain.kamerstuk import KamerstukRef
from desktop.core.domain.models import is_zaaknummer, parse_zaaknummer
from desktop.core.domain.naming import proper_case_name
from desktop.core.errors import InvalidInput
from desktop.core.importers.opendata_files import RawEntity
from desktop.core.importers.opendata_graph import EntityGraph, instant

__all__ = [
    "EntityGraph",
    "Members",
    "Skip",
    "TKCommitment",
    "TKMotion",
    "build_records",
    "commitment_status",
    "decisive_outcome",
    "deleted_skip",
    "instant",
    "record_order",
    "signer_name",
    "split_actor_name",
]


@dataclass(slots=True)
class Skip:
    """A record that was not imported, and why (``kind``: motie, toezegging or overig)."""

    kind: str
    reason: str
    example: str


@dataclass(slots=True)
class TKMotion:
    """A motion as the Kamer's open data describes it."""

    tk_id: str
    zaaknummer: str | None
    kamerstuk: KamerstukRef | None
    dossier_titel: str | None = None
    titel: str | None = None
    wijziging: str | None = None
    kamer_afgedaan: bool | None = None
    kamer_besluit: str | None = None
    indieners: list[str] = field(default_factory=list)
    voorgesteld: dt.date | None = None
    onderwerp: str | None = None
    kabinetsappreciatie: str | None = None
    uitslag: str | None = None
    vervangt: KamerstukRef | None = None
    gewijzigd_op: str | None = None
    source: str = ""


@dataclass(slots=True)
class TKCommitment:
    """A toezegging as the Kamer's open data describes it."""

    tk_id: str
    nummer: str | None
    tekst: str
    kamer_status: str | None = None
    minister: str | None = None
    ministerie: str | None = None
    datum_gedaan: dt.date | None = None
    datum_nakoming: dt.date | None = None
    kamerbrief_nakoming: str | None = None
    gewijzigd_op: str | None = None
    source: str = ""

    @property
    def status(self) -> str | None:
        """Our status for the Kamer's (None when the Kamer gives none we know)."""
        return commitment_status(self.kamer_status)


# -- value helpers ------------------------------------------------------------------------


def _date(value: Any) -> dt.date | None:
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and re.fullmatch(r"-?\d+", value.strip()):
        return int(value)
    return None


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


_INITIALS = re.compile(r"^(?:(?:IJ|Th|Ch|Ph|[A-Z][a-z]{0,2})\.[\s\u00a0]*)+")
_FIRST_NAME = re.compile(r"^\(\s*(?P<first>[^()]+?)\s*\)\s*")


# Names recur in thousands of records: the helpers below remember the last few thousand.
_NAMES = 4096


@functools.lru_cache(maxsize=_NAMES)
def split_actor_name(actor_naam: str) -> tuple[str | None, str]:
    """``A.B.C. (Voornaam) van Achternaam`` → (``Voornaam``, ``van Achternaam``)."""
    name = _INITIALS.sub("", " ".join(actor_naam.replace("\u00a0", " ").split()))
    match = _FIRST_NAME.match(name)
    if match:
        return match.group("first"), name[match.end() :].strip()
    return None, name


@functools.lru_cache(maxsize=_NAMES)
def signer_name(actor_naam: str, *, with_first_name: bool = False) -> str:
    """A signer as the Kamer prints it on a motion.

    ``W.A. van Laar`` → ``Van Laar``; ``A.B.C. (Voornaam) van Achternaam`` → ``Van
    Achternaam``, or with ``with_first_name`` ``Voornaam van Achternaam`` (the Kamer's
    form when two members share a surname).
    """
    first, surname = split_actor_name(actor_naam)
    if with_first_name and first:
        return (
            f"{first} {surname}"
            if any(c.islower() for c in surname)
            else proper_case_name(f"{first} {surname}".upper())
        )
    return proper_case_name(surname)


@functools.lru_cache(maxsize=_NAMES)
def _surname_key(actor_naam: str) -> str:
    return "".join(ch for ch in split_actor_name(actor_naam)[1].casefold() if ch.isalnum())


_NON_PERSON = re.compile(
    r"^(?:TK|EK|Tweede\s+Kamer|Eerste\s+Kamer)\b|commissie|\bkamer\b|griffie|presidium",
    re.IGNORECASE,
)


def _is_person(actor: RawEntity) -> bool:
    """False for commissions and the Kamer itself (``TK``), which sign no motion."""
    return "Commissie" not in actor.links and _person_name(str(actor.fields.get("ActorNaam") or ""))


@functools.lru_cache(maxsize=_NAMES)
def _person_name(actor_naam: str) -> bool:
    name = " ".join(actor_naam.split())
    if not name or _NON_PERSON.search(name):
        return False
    # A person's name has a lower-case letter ("Van Laar"); "TK" and "GL-PvdA" do not
    # all, but fractions are no signers either.
    return any(ch.islower() for ch in name)


_ONDERWERP = re.compile(
    r"^(?:(?P<nader>nader\s+)?(?P<gewijzigd>gewijzigde)\s+)?motie\s+van\s+(?:het\s+lid|de\s+leden)\s+(?P<names>.+?)"
    r"(?:\s*\(\s*t\.?\s*v\.?\s*v\.?[^)]*\))?(?:\s+over\s+(?P<over>.+))?$",
    re.IGNORECASE | re.DOTALL,
)
_TVV = re.compile(r"\(\s*t\.?\s*v\.?\s*v\.?\s*(?P<ref>\d{4,6}(?:-[0-9A-Za-z()]+)?-\d{1,5})\s*\)")
_CUM_SUIS = re.compile(r"\s*\bc\.\s*s\.?\s*$", re.IGNORECASE)


def _wijziging(onderwerp: str | None, documents: list[RawEntity]) -> str | None:
    """``nader gewijzigd``, ``gewijzigd`` or None, from the Onderwerp or the document kind."""
    match = _ONDERWERP.match(" ".join((onderwerp or "").split()))
    if match and match.group("gewijzigd"):
        return "nader gewijzigd" if match.group("nader") else "gewijzigd"
    kinds = " ".join(str(d.fields.get("Soort") or "").lower() for d in documents)
    return "gewijzigd" if "gewijzigd" in kinds else None


def _latest_besluit(besluiten: Iterable[dict[str, Any]]) -> str | None:
    """The latest Besluit (not a proposal) as the Kamer words it, for beside our status."""
    found: list[tuple[tuple[str, int], str]] = []
    for besluit in besluiten:
        if str(besluit.get("Status") or "").strip().lower() in ("voorstel", "concept"):
            continue
        text = _text(besluit.get("BesluitSoort")) or _text(besluit.get("BesluitTekst"))
        if text:
            key = (
                instant(besluit.get("GewijzigdOp")) or "",
                _int(besluit.get("AgendapuntZaakBesluitVolgorde")) or 0,
            )
            found.append((key, text))
    return max(found, key=lambda item: item[0])[1] if found else None


def _bool(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    return None


def _subject_parts(onderwerp: str | None) -> tuple[list[str], str | None]:
    """Signer names and subject from ``Motie van het lid X over Y``."""
    if not onderwerp:
        return [], None
    match = _ONDERWERP.match(" ".join(onderwerp.split()))
    if not match:
        return [], None
    names_text = _CUM_SUIS.sub("", match.group("names"))
    names = [
        proper_case_name(name) for name in re.split(r"\s*,\s*|\s+en\s+", names_text) if name.strip()
    ]
    over = (match.group("over") or "").strip().rstrip(".") or None
    if over and over[0].isupper() and over[1:2].islower():
        over = over[0].lower() + over[1:]
    return names, over


def decisive_outcome(besluiten: Iterable[dict[str, Any]]) -> str | None:
    """The procedural outcome (uitslag) of a motion from its Besluiten; see the module rules."""
    finals: list[tuple[tuple[str, int], str]] = []
    held: list[tuple[tuple[str, int], str]] = []
    for besluit in besluiten:
        status = str(besluit.get("Status") or "").strip().lower()
        if status in ("voorstel", "concept"):
            continue
        outcome = _outcome(besluit.get("BesluitSoort")) or _outcome(besluit.get("BesluitTekst"))
        if outcome is None:
            continue
        key = (
            instant(besluit.get("GewijzigdOp")) or "",
            _int(besluit.get("AgendapuntZaakBesluitVolgorde")) or 0,
        )
        (held if outcome == "aangehouden" else finals).append((key, outcome))
    chosen = finals or held
    return max(chosen, key=lambda item: item[0])[1] if chosen else None


def _outcome(value: Any) -> str | None:
    text = str(value or "").lower()
    if not text:
        return None
    if "niet aangenomen" in text or "verworpen" in text:
        return "verworpen"
    if "aangenomen" in text or "aannemen" in text:
        return "aangenomen"
    if "ingetrokken" in text or "intrekken" in text:
        return "ingetrokken"
    if "overgenomen" in text or "overnemen" in text:
        return "overgenomen"
    if "vervallen" in text or "vervalt" in text:
        return "vervallen"
    if "aangehouden" in text or "aanhouden" in text:
        return "aangehouden"
    return None


_COMMITMENT_STATUS = {
    "openstaand": "openstaand",
    "voldaan": "voldaan",
    "deels voldaan": "deels voldaan",
    "vervallen": "vervallen",
    "afgedaan": "voldaan",
    "deels afgedaan": "deels voldaan",
}


def commitment_status(kamer_status: str | None) -> str | None:
    """Our commitment status for the Kamer's ``Toezegging.Status`` (``Deels Voldaan`` → ...)."""
    if not kamer_status:
        return None
    return _COMMITMENT_STATUS.get(" ".join(kamer_status.lower().split()))


# -- records -------------------------------------------------------------------------------


def _label(entity: RawEntity) -> str:
    return str(entity.fields.get("Nummer") or entity.id)


def _motion_document(documents: list[RawEntity]) -> RawEntity | None:
    numbered = [d for d in documents if (_int(d.fields.get("Volgnummer")) or 0) > 0]
    motions = [d for d in numbered if str(d.fields.get("Soort") or "").lower().startswith("motie")]
    candidates = motions or numbered
    if not candidates:
        return None
    return max(candidates, key=lambda d: str(d.fields.get("Datum") or ""))


def _kamerstuk(
    graph: EntityGraph, zaak: RawEntity, document: RawEntity | None
) -> tuple[KamerstukRef, str | None] | None:
    volgnummer = _int(document.fields.get("Volgnummer")) if document else None
    if not volgnummer or volgnummer <= 0:
        volgnummer = _int(zaak.fields.get("Volgnummer"))
    dossiers = graph.related(document, "Kamerstukdossier") if document else []
    dossiers = dossiers or graph.related(zaak, "Kamerstukdossier")
    dossiers = [d for d in dossiers if (_int(d.fields.get("Nummer")) or 0) > 0]
    if not dossiers or not volgnummer or volgnummer <= 0:
        return None
    dossier = dossiers[0]
    vergaderjaar = _text(zaak.fields.get("Vergaderjaar"))
    toevoeging = _text(dossier.fields.get("Toevoeging"))
    try:
        ref = KamerstukRef.of(
            _int(dossier.fields["Nummer"]) or 0, volgnummer, toevoeging, vergaderjaar=vergaderjaar
        )
    except InvalidInput:
        ref = KamerstukRef.of(_int(dossier.fields["Nummer"]) or 0, volgnummer, toevoeging)
    return ref, _text(dossier.fields.get("Titel")) or _text(zaak.fields.get("Titel"))


def _signer_actors(related: list[RawEntity]) -> list[RawEntity]:
    actors = [a for a in related if _is_person(a)]
    ordered = [a for a in actors if str(a.fields.get("Relatie") or "").lower() == "indiener"]
    ordered += [a for a in actors if str(a.fields.get("Relatie") or "").lower() == "medeindiener"]
    return ordered


class Members:
    """Who signs in the files, to tell members apart who share a surname (``Van Dijk``).

    Fed every ``ZaakActor`` read (also of other Zaken than motions): a surname that two
    different members have is written with the first name where the Kamer gives one. An
    import feeds it every copy of an actor as read (a copy that names the member
    differently counts too), not only the newest.
    """

    def __init__(self) -> None:
        self._people: dict[str, set[str]] = {}

    def add(self, actor: RawEntity) -> None:
        """Count one actor (non-persons, such as a commission, are left out)."""
        if _is_person(actor):
            surname, who = _member(str(actor.fields.get("ActorNaam") or ""))
            self._people.setdefault(surname, set()).add(who)

    def shared_surnames(self) -> set[str]:
        """Surnames that two different members share."""
        return {surname for surname, who in self._people.items() if len(who) > 1}


@functools.lru_cache(maxsize=_NAMES)
def _member(naam: str) -> tuple[str, str]:
    """A member's surname key and who they are (first name and initials)."""
    first, _ = split_actor_name(naam)
    initials = _INITIALS.match(" ".join(naam.split()))
    who = (first or "") + "|" + (initials.group(0).replace(" ", "") if initials else "")
    return _surname_key(naam), who


def _shared_surnames(graph: EntityGraph) -> set[str]:
    """Surnames that two different members in the files share (``Van Dijk``)."""
    members = Members()
    for actor in graph.of_type("ZaakActor"):
        members.add(actor)
    return members.shared_surnames()


def _signers(actors: list[RawEntity], onderwerp: str | None, shared: set[str]) -> list[str]:
    subject = " ".join((onderwerp or "").casefold().split())
    names: list[str] = []
    for actor in _signer_actors(actors):
        naam = str(actor.fields.get("ActorNaam") or "")
        first, surname = split_actor_name(naam)
        written = f"{first} {surname}".casefold() if first else None
        with_first = bool(
            first
            and (
                _surname_key(naam) in shared
                or (written and re.search(rf"\b{re.escape(written)}\b", subject))
            )
        )
        name = signer_name(naam, with_first_name=with_first)
        if name and name not in names:
            names.append(name)
    return names


def _gewijzigd_op(entities: Iterable[RawEntity]) -> str | None:
    times = [instant(e.fields.get("GewijzigdOp")) for e in entities]
    known = [t for t in times if t]
    return max(known) if known else None


def _motion(graph: EntityGraph, zaak: RawEntity, shared: set[str]) -> TKMotion | Skip:
    documents = graph.related(zaak, "Document")
    document = _motion_document(documents)
    found = _kamerstuk(graph, zaak, document)
    zaaknummer = _text(zaak.fields.get("Nummer"))
    if zaaknummer is not None and not is_zaaknummer(zaaknummer):
        zaaknummer = None
    if found is None and zaaknummer is None:
        return Skip(
            "motie",
            "geen Kamerstuknummer en geen zaaknummer (Kamerstukdossier, Volgnummer en Nummer "
            "ontbreken; exporteer met $expand=Kamerstukdossier,Document en Nummer)",
            _label(zaak),
        )
    ref, dossier_titel = found if found is not None else (None, None)
    onderwerp_text = _text(zaak.fields.get("Onderwerp"))
    subject_names, over = _subject_parts(onderwerp_text)
    besluiten = graph.related(zaak, "Besluit")
    actors = graph.related(zaak, "ZaakActor")
    # The dossier is left out: it changes with every new paper in it, not with the motion.
    related = [zaak, *besluiten, *actors, *documents]
    appreciatie = _text(zaak.fields.get("Kabinetsappreciatie"))
    return TKMotion(
        tk_id=zaak.id,
        zaaknummer=parse_zaaknummer(zaaknummer) if zaaknummer else None,
        kamerstuk=ref,
        dossier_titel=dossier_titel,
        titel=onderwerp_text,
        wijziging=_wijziging(onderwerp_text, documents),
        kamer_afgedaan=_bool(zaak.fields.get("Afgedaan")),
        kamer_besluit=_latest_besluit({**b.fields} for b in besluiten),
        indieners=_signers(actors, onderwerp_text, shared) or subject_names,
        voorgesteld=_date(zaak.fields.get("GestartOp"))
        or (_date(document.fields.get("Datum")) if document else None),
        onderwerp=over,
        kabinetsappreciatie=appreciatie,
        uitslag=decisive_outcome({**b.fields} for b in besluiten),
        gewijzigd_op=_gewijzigd_op(related),
        source=zaak.source,
    )


def _minister(fields: dict[str, Any]) -> str | None:
    if _text(fields.get("Naam")):
        return _text(fields.get("Naam"))
    parts = [
        _text(fields.get(key))
        for key in ("Voornaam", "Initialen", "Tussenvoegsel", "Achternaam")
        if key != "Voornaam" or not _text(fields.get("Initialen"))
    ]
    return " ".join(p for p in parts if p) or None


def _commitment(entity: RawEntity) -> TKCommitment | Skip:
    fields = entity.fields
    tekst = _text(fields.get("Tekst"))
    if not tekst:
        return Skip("toezegging", "zonder tekst", _label(entity))
    return TKCommitment(
        tk_id=entity.id,
        nummer=_text(fields.get("Nummer")),
        tekst=str(fields.get("Tekst")).strip(),
        kamer_status=_text(fields.get("Status")),
        minister=_minister(fields),
        ministerie=_text(fields.get("Ministerie")),
        datum_gedaan=_date(fields.get("Aanmaakdatum")),
        datum_nakoming=_date(fields.get("DatumNakoming")),
        kamerbrief_nakoming=_text(fields.get("KamerbriefNakoming")),
        gewijzigd_op=instant(fields.get("GewijzigdOp")),
        source=entity.source,
    )


def _replacements(graph: EntityGraph, records: dict[str, TKMotion]) -> None:
    """Fill ``vervangt`` from VervangenVanuit/VervangenDoor links or a ``t.v.v.`` note."""
    for zaak_id, record in records.items():
        zaak = graph.entities[("Zaak", zaak_id)]
        for other in graph.related(zaak, "Zaak", via="VervangenVanuit"):
            if other.id in records and other.id != zaak_id and records[other.id].kamerstuk:
                record.vervangt = records[other.id].kamerstuk
    for zaak_id, record in records.items():
        if record.vervangt is not None:
            continue
        onderwerp = str(graph.entities[("Zaak", zaak_id)].fields.get("Onderwerp") or "")
        match = _TVV.search(onderwerp)
        if match:
            try:
                record.vervangt = KamerstukRef.parse("kst-" + match.group("ref"))
            except InvalidInput:
                continue


def _implied_soort(graph: EntityGraph, zaak: RawEntity) -> str | None:
    """``Motie`` for a Zaak read without ``Soort`` whose Onderwerp or document is one."""
    onderwerp = " ".join(str(zaak.fields.get("Onderwerp") or "").split())
    if _ONDERWERP.match(onderwerp):
        return "Motie"
    for document in graph.related(zaak, "Document"):
        if str(document.fields.get("Soort") or "").lower().startswith("motie"):
            return "Motie"
    return None


def record_order(motion: TKMotion) -> tuple[bool, tuple[int, str, str], str, str]:
    """The order motions are stored and reported in: register order, unnumbered ones last."""
    return (
        motion.kamerstuk is None,
        motion.kamerstuk.key if motion.kamerstuk else (0, "", ""),
        motion.zaaknummer or "",
        motion.tk_id,
    )


def build_records(
    graph: EntityGraph, shared: set[str] | None = None, *, deleted_dossiers: bool = True
) -> tuple[list[TKMotion], list[TKCommitment], list[Skip]]:
    """Turn the merged entities into motion and commitment records, and what was skipped.

    Args:
        graph: The entities.
        shared: Surnames two members share (:class:`Members`); by default those of the
            actors in ``graph``. A graph holding part of the files is given those of all.
        deleted_dossiers: Whether deleted Kamerstukdossiers are reported as skipped; a
            caller that builds the files part by part reports them once itself.
    """
    motions: dict[str, TKMotion] = {}
    commitments: list[TKCommitment] = []
    skipped: list[Skip] = []
    if shared is None:
        shared = _shared_surnames(graph)
    for zaak in graph.of_type("Zaak"):
        soort = _text(zaak.fields.get("Soort"))
        if zaak.deleted:
            kind = "motie" if (soort or "").lower() == "motie" else "overig"
            skipped.append(Skip(kind, "verwijderd bij de Tweede Kamer", _label(zaak)))
            continue
        if soort is None:
            soort = _implied_soort(graph, zaak)
            if soort is None:
                if set(zaak.fields) - {"Id", "Verwijderd", "GewijzigdOp", "ApiGewijzigdOp"}:
                    skipped.append(
                        Skip(
                            "overig",
                            "soort onbekend (Soort ontbreekt in $select en het Onderwerp "
                            "noemt geen motie)",
                            _label(zaak),
                        )
                    )
                # Otherwise only referenced (a link target), never read: nothing to import.
                continue
        if soort.lower() != "motie":
            skipped.append(Skip("overig", f"geen motie (Soort ‘{soort}’)", _label(zaak)))
            continue
        result = _motion(graph, zaak, shared)
        if isinstance(result, Skip):
            skipped.append(result)
        else:
            motions[zaak.id] = result
    _replacements(graph, motions)
    for entity in graph.of_type("Toezegging"):
        if entity.deleted:
            skipped.append(Skip("toezegging", "verwijderd bij de Tweede Kamer", _label(entity)))
            continue
        outcome = _commitment(entity)
        if isinstance(outcome, Skip):
            skipped.append(outcome)
        else:
            commitments.append(outcome)
    kinds = ("Besluit", "ZaakActor", "Document", "Kamerstukdossier")
    for kind in kinds if deleted_dossiers else kinds[:-1]:
        skipped += [deleted_skip(entity) for entity in graph.of_type(kind) if entity.deleted]
    return sorted(motions.values(), key=record_order), commitments, skipped


def deleted_skip(entity: RawEntity) -> Skip:
    """How a deleted related record (a Besluit, a dossier) is reported."""
    return Skip("overig", f"verwijderd bij de Tweede Kamer ({entity.type})", entity.id)
