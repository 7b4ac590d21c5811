"""The demo registry: real facts from the 2020 IMVO letter and the SER progress report."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from desktop.core.domain.kamerstuk import KamerstukRef
from desktop.core.domain.models import (
    Convenant,
    EUDate,
    EUDevelopment,
    EUFile,
    Letter,
    LetterMotion,
    LetterSection,
    Motion,
    Party,
    ProgressEntry,
    SenderSettings,
)
from desktop.core.errors import InvalidInput
from desktop.core.importers.motion_text import parse_motion_file
from desktop.core.store import Store, convenanten, eu, kamerstukken, letters, motions, settings


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _convenant(data: dict[str, Any]) -> Convenant:
    return Convenant(
        naam=data["naam"],
        sector=data.get("sector"),
        facilitator=data.get("facilitator"),
        ondertekend=data.get("ondertekend"),
        in_werking=data.get("in_werking"),
        looptijd_jaren=data.get("looptijd_jaren"),
        einde=data.get("einde"),
        fase=data["fase"],
        partijen=[
            Party(soort=p["soort"], naam=p.get("naam"), aantal=p.get("aantal") or 1)
            for p in data.get("partijen", [])
        ],
        kerncijfers=list(data.get("kerncijfers", [])),
        voortgang=[
            ProgressEntry(
                datum=v["datum"], tekst=v["tekst"], periode=v.get("periode"), bron=v.get("bron")
            )
            for v in data.get("voortgang", [])
        ],
    )


def _eu_file(data: dict[str, Any]) -> EUFile:
    return EUFile(
        titel=data["titel"],
        soort=data["soort"],
        identificatie=data.get("identificatie"),
        celex=data.get("celex"),
        bnc_fiche=KamerstukRef.parse(data["bnc_fiche"]) if data.get("bnc_fiche") else None,
        raadsformatie=data.get("raadsformatie"),
        datums=[EUDate(datum=d["datum"], omschrijving=d["omschrijving"]) for d in data["datums"]],
        ontwikkelingen=[
            EUDevelopment(datum=d["datum"], tekst=d["tekst"], bron=d.get("bron"))
            for d in data["ontwikkelingen"]
        ],
    )


def load_demo(store: Store, resources: Path) -> dict[str, int]:
    """Fill an empty store with the demo registry in one transaction; returns counts.

    Raises:
        InvalidInput: when the store already holds data (the demo never mixes with it).
    """
    if not store.is_empty():
        raise InvalidInput(
            "Het register bevat al gegevens; de demo wordt alleen in een leeg register geladen."
        )
    demo = resources / "demo"
    registry = json.loads((demo / "registry.json").read_text(encoding="utf-8"))
    convenant_data = json.loads((demo / "convenanten.json").read_text(encoding="utf-8"))
    counts = {"moties": 0, "kamerstukken": 0, "convenanten": 0, "eu_dossiers": 0, "brieven": 0}
    with store.transaction() as db:
        settings.set_sender(db, SenderSettings(**registry["afzender"]))
        for item in registry["kamerstukken"]:
            ref = KamerstukRef.parse(item["nummer"])
            datum = _date(item.get("datum"))
            kamerstukken.ensure_kamerstuk(
                db, ref, soort=item.get("soort"), datum=datum, titel=item.get("titel")
            )
            counts["kamerstukken"] += 1
            if item.get("soort") == "Brief":
                # Earlier letters the 2020 letter cites: sent, known by Kamerstuk and date.
                letters.add(
                    db,
                    Letter(
                        betreft=item.get("titel") or "",
                        datum=datum,
                        status="verzonden",
                        kamerstuk=ref,
                    ),
                )
                counts["brieven"] += 1
        motion_ids: dict[tuple[int, str, str], int] = {}
        for item in registry["moties"]:
            motion = Motion(
                kamerstuk=KamerstukRef.parse(item["nummer"]),
                indieners=list(item["indieners"]),
                onderwerp=item.get("onderwerp"),
                verzoeken=list(item.get("verzoeken", [])),
                uitslag=item.get("uitslag") or "ingediend",
                # Settled motions are settled below by finalising the letter, so that
                # their settlement and history name the letter, as in real use.
                status="openstaand" if item.get("status") == "afgedaan" else item["status"],
            )
            assert motion.kamerstuk is not None  # the demo motions are numbered
            motion_ids[motion.kamerstuk.key] = motions.add(db, motion)
        for path in sorted((demo / "moties").glob("*.txt")):
            parsed = parse_motion_file(path)
            assert parsed.kamerstuk is not None  # a parsed text always has its number
            motion_ids[parsed.kamerstuk.key] = motions.add(db, parsed)
        counts["moties"] = len(motion_ids)
        ordered = sorted(
            convenant_data["convenanten"],
            key=lambda c: (c.get("bijlage_volgorde") is None, c.get("bijlage_volgorde") or 0),
        )
        annex_ids = []
        for item in ordered:
            convenant_id = convenanten.add(db, _convenant(item))
            if item.get("bijlage_volgorde") is not None:
                annex_ids.append(convenant_id)
        counts["convenanten"] = len(ordered)
        eu_ids: dict[str, int] = {}
        for item in registry["eu_dossiers"]:
            eu_ids[item["identificatie"]] = eu.add(db, _eu_file(item))
        counts["eu_dossiers"] = len(eu_ids)
        brief = registry["brief"]
        letter = Letter(
            betreft=brief["betreft"],
            kenmerk=brief["kenmerk"],
            datum=_date(brief["datum"]),
            geadresseerde=brief["geadresseerde"],
            aanhef=brief["aanhef"],
            inleiding=brief["inleiding"],
            ondertekenaar_functie=registry["afzender"]["ondertekenaar_functie"],
            ondertekenaar_naam=registry["afzender"]["ondertekenaar_naam"],
            status="concept",
            sections=[
                LetterSection(
                    titel=s["titel"],
                    tekst=s.get("tekst") or "",
                    eu_file_id=eu_ids[s["eu_dossier"]] if s.get("eu_dossier") else None,
                )
                for s in brief["secties"]
            ],
            motions=[
                LetterMotion(
                    motion_id=motion_ids[KamerstukRef.parse(m["nummer"]).key],
                    response=m.get("reactie") or "",
                    afdoen=bool(m.get("afdoen", True)),
                    section_index=m.get("sectie"),
                )
                for m in brief["moties"]
            ],
            convenant_ids=annex_ids,
        )
        letter_id = letters.add(db, letter)
        # The real letter was sent: settle what it settled, as finalising would have.
        if brief.get("status", "concept") != "concept":
            letters.finalize(db, letter_id, letter.datum)
            if brief["status"] == "verzonden":
                letters.mark_sent(db, letter_id)
        counts["brieven"] += 1
    return counts
