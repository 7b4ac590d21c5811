"""From raw Tweede Kamer entities to motion and commitment records.

Rules (see docs/domain.md §3-4), decided here once:

* A motion is a ``Zaak`` with ``Soort`` ``Motie``. Its Kamerstuk number is the
  Kamerstukdossier's ``Nummer`` and ``Toevoeging`` plus the motion document's
  ``Volgnummer`` (``Zaak.Volgnummer`` when no document with a number is linked).
* Signers: ``ZaakActor`` records with ``Relatie`` ``Indiener`` first, then
  ``Medeindiener``, each in the order the data gives them; initials are dropped from
  ``ActorNaam`` (``W.A. van Laar`` → ``Van Laar``). Without actors the names come from
  ``Onderwerp`` (``Motie van de leden Bikker en Erkens over ...``).
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
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from desktop.core.domain.kamerstuk import KamerstukRef
from desktop.core.domain.naming import proper_case_name
from desktop.core.errors import InvalidInput
from desktop.core.importers.opendata_files import RawEntity
from desktop.core.importers.opendata_graph import EntityGraph, instant

__all__ = [
    "EntityGraph",
    "Skip",
    "TKCommitment",
    "TKMotion",
    "build_records",
    "commitment_status",
    "decisive_outcome",
    "instant",
    "signer_name",
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
    kamerstuk: KamerstukRef
    dossier_titel: str | None = None
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


_INITIALS = re.compile(r"^(?:(?:IJ|[A-Z][a-z]{0,2})\.[\s\u00a0]*)+")


def signer_name(actor_naam: str) -> str:
    """A signer as letters name them: ``W.A. van Laar`` → ``Van Laar``."""
    name = _INITIALS.sub("", " ".join(actor_naam.split()))
    return proper_case_name(name)


_ONDERWERP = re.compile(
    r"^(?:(?:nader\s+)?gewijzigde\s+)?motie\s+van\s+(?:het\s+lid|de\s+leden)\s+(?P<names>.+?)"
    r"(?:\s*\(\s*t\.?\s*v\.?\s*v\.?[^)]*\))?(?:\s+over\s+(?P<over>.+))?$",
    re.IGNORECASE | re.DOTALL,
)
_TVV = re.compile(r"\(\s*t\.?\s*v\.?\s*v\.?\s*(?P<ref>\d{4,6}(?:-[0-9A-Za-z()]+)?-\d{1,5})\s*\)")
_CUM_SUIS = re.compile(r"\s*\bc\.\s*s\.?\s*$", re.IGNORECASE)


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


def _signers(graph: EntityGraph, zaak: RawEntity) -> list[str]:
    actors = graph.related(zaak, "ZaakActor")
    ordered = [a for a in actors if str(a.fields.get("Relatie") or "").lower() == "indiener"]
    ordered += [a for a in actors if str(a.fields.get("Relatie") or "").lower() == "medeindiener"]
    names: list[str] = []
    for actor in ordered:
        name = signer_name(str(actor.fields.get("ActorNaam") or ""))
        if name and name not in names:
            names.append(name)
    return names


def _gewijzigd_op(entities: Iterable[RawEntity]) -> str | None:
    times = [instant(e.fields.get("GewijzigdOp")) for e in entities]
    known = [t for t in times if t]
    return max(known) if known else None


def _motion(graph: EntityGraph, zaak: RawEntity) -> TKMotion | Skip:
    documents = graph.related(zaak, "Document")
    document = _motion_document(documents)
    found = _kamerstuk(graph, zaak, document)
    if found is None:
        return Skip(
            "motie",
            "geen Kamerstuknummer (Kamerstukdossier of Volgnummer ontbreekt; "
            "exporteer met $expand=Kamerstukdossier,Document)",
            _label(zaak),
        )
    ref, dossier_titel = found
    onderwerp_text = _text(zaak.fields.get("Onderwerp"))
    subject_names, over = _subject_parts(onderwerp_text)
    besluiten = graph.related(zaak, "Besluit")
    # The dossier is left out: it changes with every new paper in it, not with the motion.
    related = [zaak, *besluiten, *graph.related(zaak, "ZaakActor"), *documents]
    appreciatie = _text(zaak.fields.get("Kabinetsappreciatie"))
    return TKMotion(
        tk_id=zaak.id,
        zaaknummer=_text(zaak.fields.get("Nummer")),
        kamerstuk=ref,
        dossier_titel=dossier_titel,
        indieners=_signers(graph, zaak) or subject_names,
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
            if other.id in records and other.id != zaak_id:
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


def build_records(graph: EntityGraph) -> tuple[list[TKMotion], list[TKCommitment], list[Skip]]:
    """Turn the merged entities into motion and commitment records, and what was skipped."""
    motions: dict[str, TKMotion] = {}
    commitments: list[TKCommitment] = []
    skipped: list[Skip] = []
    for zaak in graph.of_type("Zaak"):
        soort = _text(zaak.fields.get("Soort"))
        if zaak.deleted:
            kind = "motie" if (soort or "").lower() == "motie" else "overig"
            skipped.append(Skip(kind, "verwijderd bij de Tweede Kamer", _label(zaak)))
            continue
        if soort is None:
            # Only referenced (a link target), never read itself: nothing to import.
            continue
        if soort.lower() != "motie":
            skipped.append(Skip("overig", f"geen motie (Soort ‘{soort}’)", _label(zaak)))
            continue
        result = _motion(graph, zaak)
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
    for kind in ("Besluit", "ZaakActor", "Document", "Kamerstukdossier"):
        for entity in graph.of_type(kind):
            if entity.deleted:
                skipped.append(
                    Skip("overig", f"verwijderd bij de Tweede Kamer ({kind})", entity.id)
                )
    ordered = sorted(motions.values(), key=lambda m: (m.kamerstuk.key, m.tk_id))
    return ordered, commitments, skipped
