"""``voortgang import tk`` of 100 000 motions in one OData file, on SQLite and PostgreSQL.

Usage: .venv/bin/python bench/import_100k.py [--count 100000] [--engines sqlite,postgresql]
       [--out bench/import_100k.json]

The file is generated (in a temp dir) from the record shape of the open-data fixtures in
``tests/core/importers/fixtures`` (``tk-zaak-expand.json``, ``tk-zaak-numbered.json``): an
OData v4 page of ``Zaak`` records with ``Soort`` ``Motie``, each with
``$expand=Kamerstukdossier,Document,Besluit,ZaakActor`` and every field the service
writes, compact as the service delivers it. Dossiers hold ~60 motions each; a motion has
one document, one to three Besluiten and a Voortouwcommissie plus one to four signers
(some written with a bracketed first name). Ids, numbers and dates are made up; the names
are the fixtures' name forms.

For each engine the real command line runs as a whole process (``python -m desktop --db
… import tk FILE --json``) twice: the first import (everything new) and the same file again
(everything unchanged; nothing may change). Wall time is measured around the process and
peak memory is the process's own maximum resident set (``wait4``'s rusage). For PostgreSQL a
throw-away server is started as the tests do (``tests/postgres.py``); its own memory is the
server's and not counted.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET_SECONDS = 60.0
TARGET_MB = 400.0
CONTEXT = (
    "https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/"
    "$metadata#Zaak(Kamerstukdossier(),Document(),Besluit(),ZaakActor())"
)
MEMBERS = (
    ("M.J.M. van Laar", "PvdA"),
    ("J.J. (Jasper) van Dijk", "SP"),
    ("A.M. (Attje) Kuiken", "PvdA"),
    ("R.J.M. van Ojik", "GroenLinks"),
    ("S. Karabulut", "SP"),
    ("M. Diks", "GroenLinks"),
    ("J.M. van den Hul", "PvdA"),
    ("M.R.H.M. (Mustafa) Amhaouch", "CDA"),
    ("J.S. Voordewind", "ChristenUnie"),
    ("J.J.G. (Jan) Vos", "PvdA"),
    ("C.J.L. (Carla) Dik-Faber", "ChristenUnie"),
    ("D.G. (Dion) Graus", "PVV"),
    ("T.M.Th. (Tom) van der Lee", "GroenLinks"),
    ("A.A. (Agnes) Mulder", "CDA"),
    ("H.J. (Henk) Nijboer", "PvdA"),
    ("S.J. Bikker", "ChristenUnie"),
    ("H.A.M. Erkens", "VVD"),
    ("E.P. (Eppo) Bruins", "ChristenUnie"),
)
SUBJECTS = (
    "toezicht op de IMVO-convenanten",
    "een verbod op kinderarbeid in de productieketen",
    "due diligence in de textielsector",
    "mensenrechten in de goudketen",
    "een gelijk speelveld voor bedrijven in Europa",
    "klimaatrisico's bij exportkredietverzekeringen",
    "ontbossing in de sojaketen",
    "conflictmineralen in elektronica",
    "leefbaar loon in de kledingindustrie",
    "transparantie over de herkomst van natuursteen",
)
COMMISSIONS = (
    "vaste commissie voor Buitenlandse Handel en Ontwikkelingssamenwerking",
    "vaste commissie voor Economische Zaken en Klimaat",
    "TK",
)


def _guid(kind: int, number: int) -> str:
    return f"{kind:08x}-0000-4000-8000-{number:012d}"


def _motion_record(rng: random.Random, index: int) -> dict[str, Any]:
    """One Zaak (Soort Motie) with its expansions, as the OData service writes it."""
    dossier_index = index // 60
    dossier_nummer = 20_000 + dossier_index
    toevoeging = "XVII" if dossier_index % 7 == 0 else None
    volgnummer = index % 60 + 1
    year = 2009 + index * 16 // 100_000 % 16
    vergaderjaar = f"{year}-{year + 1}"
    day = f"{year}-{rng.randint(10, 12)}-{rng.randint(10, 28)}"
    signers = rng.sample(MEMBERS, rng.randint(1, 4))
    surnames = [name.split(") ")[-1].split(". ")[-1] for name, _ in signers]
    if len(surnames) == 1:
        who = f"Motie van het lid {surnames[0]}"
    elif len(surnames) == 2:
        who = f"Motie van de leden {surnames[0]} en {surnames[1]}"
    else:
        who = f"Motie van het lid {surnames[0]} c.s."
    onderwerp = f"{who} over {rng.choice(SUBJECTS)} ({index})"
    dossier_titel = f"Beleidsdossier {dossier_nummer}"
    zaak_id = _guid(0x7D1A3C52, index)
    actors = [
        {
            "Id": _guid(0xA0000000, index * 5),
            "Zaak_Id": zaak_id,
            "Persoon_Id": None,
            "Fractie_Id": None,
            "Commissie_Id": _guid(0xC0000000, index % 3),
            "ActorNaam": COMMISSIONS[index % 3],
            "ActorFractie": None,
            "ActorAfkorting": "BHO",
            "Functie": None,
            "Relatie": "Voortouwcommissie",
            "SidActor": None,
            "GewijzigdOp": f"{day}T20:00:00+02:00",
            "ApiGewijzigdOp": "2019-07-21T12:00:00Z",
            "Verwijderd": False,
        }
    ]
    for position, (name, fractie) in enumerate(signers, start=1):
        actors.append(
            {
                "Id": _guid(0xA0000000, index * 5 + position),
                "Zaak_Id": zaak_id,
                "Persoon_Id": _guid(0xB0000000, MEMBERS.index((name, fractie))),
                "Fractie_Id": _guid(0xF0000000, hash(fractie) % 1000),
                "Commissie_Id": None,
                "ActorNaam": name,
                "ActorFractie": fractie,
                "ActorAfkorting": None,
                "Functie": "Tweede Kamerlid",
                "Relatie": "Indiener" if position == 1 else "Medeindiener",
                "SidActor": None,
                "GewijzigdOp": f"{day}T20:00:00+02:00",
                "ApiGewijzigdOp": "2019-07-21T12:00:00Z",
                "Verwijderd": False,
            }
        )
    besluiten = [
        {
            "Id": _guid(0xE1F2A3B4, index * 3),
            "Agendapunt_Id": _guid(0xF0000001, index * 3),
            "StemmingsSoort": None,
            "BesluitSoort": "Ingediend",
            "BesluitTekst": "Ingediend.",
            "Opmerking": None,
            "Status": "Besluit",
            "AgendapuntZaakBesluitVolgorde": 1,
            "GewijzigdOp": f"{day}T20:00:00+02:00",
            "ApiGewijzigdOp": "2019-07-21T12:00:00Z",
            "Verwijderd": False,
        }
    ]
    for step, soort in enumerate(
        rng.choice(
            (
                (),
                ("Stemmen - aangenomen",),
                ("Stemmen - verworpen",),
                ("Stemmen - aangehouden",),
                ("Stemmen - aangehouden", "Stemmen - aangenomen"),
            )
        ),
        start=1,
    ):
        besluiten.append(
            {
                "Id": _guid(0xE1F2A3B4, index * 3 + step),
                "Agendapunt_Id": _guid(0xF0000001, index * 3 + step),
                "StemmingsSoort": "Met handopsteken",
                "BesluitSoort": soort,
                "BesluitTekst": soort.split(" - ")[-1].capitalize() + ".",
                "Opmerking": None,
                "Status": "Besluit",
                "AgendapuntZaakBesluitVolgorde": 1,
                "GewijzigdOp": f"{year + 1}-01-{10 + step}T16:30:00+01:00",
                "ApiGewijzigdOp": "2019-07-21T12:00:00Z",
                "Verwijderd": False,
            }
        )
    return {
        "Id": zaak_id,
        "Nummer": f"{year}Z{index % 100_000:05d}",
        "Soort": "Motie",
        "Titel": dossier_titel,
        "Citeertitel": None,
        "Alias": None,
        "Status": "Vrijgegeven",
        "Onderwerp": onderwerp,
        "GestartOp": f"{day}T00:00:00+02:00",
        "Organisatie": "Tweede Kamer der Staten-Generaal",
        "Grondslagvoorhang": None,
        "Termijn": None,
        "Vergaderjaar": vergaderjaar,
        "Volgnummer": 0,
        "HuidigeBehandelstatus": None,
        "Afgedaan": len(besluiten) > 1,
        "GrootProject": False,
        "Kabinetsappreciatie": rng.choice(("Oordeel Kamer", "Ontraden", "Overgenomen", None)),
        "GewijzigdOp": f"{year + 1}-01-20T09:15:00.5970000+01:00",
        "ApiGewijzigdOp": "2019-07-21T12:00:00Z",
        "Verwijderd": False,
        "Kamerstukdossier": [
            {
                "Id": _guid(0x2B6F0A55, dossier_nummer),
                "Titel": dossier_titel,
                "Citeertitel": None,
                "Alias": None,
                "Nummer": dossier_nummer,
                "Toevoeging": toevoeging,
                "HoogsteVolgnummer": 60,
                "Afgesloten": False,
                "Kamer": "Tweede Kamer",
                "GewijzigdOp": "2019-10-28T17:00:00+01:00",
                "ApiGewijzigdOp": "2019-10-28T17:00:00Z",
                "Verwijderd": False,
            }
        ],
        "Document": [
            {
                "Id": _guid(0xC4E9D1F0, index),
                "Soort": "Motie",
                "DocumentNummer": f"{year}D{index % 100_000:05d}",
                "Titel": onderwerp,
                "Onderwerp": onderwerp,
                "Datum": f"{day}T00:00:00+02:00",
                "Volgnummer": volgnummer,
                "Vergaderjaar": vergaderjaar,
                "Kamer": 2,
                "Citeertitel": None,
                "Alias": None,
                "DatumRegistratie": f"{day}T18:00:00+02:00",
                "DatumOntvangst": None,
                "Aanhangselnummer": None,
                "KenmerkAfzender": None,
                "Organisatie": "Tweede Kamer der Staten-Generaal",
                "ContentType": "application/pdf",
                "ContentLength": rng.randint(40_000, 90_000),
                "GewijzigdOp": f"{day}T10:00:00+02:00",
                "ApiGewijzigdOp": "2019-07-21T12:00:00Z",
                "Verwijderd": False,
            }
        ],
        "Besluit": besluiten,
        "ZaakActor": actors,
    }


def write_file(path: Path, count: int) -> None:
    """An OData page of ``count`` expanded motion Zaken (compact JSON, one per line)."""
    rng = random.Random(14)
    with path.open("w", encoding="utf-8") as out:
        out.write('{"@odata.context":' + json.dumps(CONTEXT) + ',"value":[\n')
        for index in range(count):
            if index:
                out.write(",\n")
            out.write(json.dumps(_motion_record(rng, index), ensure_ascii=False))
        out.write("\n]}\n")


def run_cli(address: str, *arguments: str) -> dict[str, Any]:
    """Run ``python -m desktop --db ADDRESS …`` as a whole process: seconds, peak MB, output.

    Started through ``/usr/bin/time`` (GNU time), so the peak is the command's own maximum
    resident set, not this script's (a forked child starts with its parent's pages).
    """
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    with tempfile.NamedTemporaryFile("r", suffix=".time") as measured:
        command = [
            "/usr/bin/time",
            "-f",
            "%M",
            "-o",
            measured.name,
            sys.executable,
            "-m",
            "desktop",
            "--db",
            address,
            *arguments,
        ]
        started = time.perf_counter()
        done = subprocess.run(command, env=env, capture_output=True, text=True)
        seconds = time.perf_counter() - started
        peak_kb = int(measured.read().strip().splitlines()[-1])
    if done.returncode != 0:
        raise RuntimeError(
            f"{' '.join(arguments)} failed ({done.returncode}): {done.stderr[-2000:]}"
        )
    return {"seconds": round(seconds, 2), "peak_mb": round(peak_kb / 1024, 1), "out": done.stdout}


def measure(address: str, source: Path) -> dict[str, Any]:
    """Init, first import, re-import, and the motion count afterwards, on one registry."""
    run_cli(address, "init")
    first = run_cli(address, "import", "tk", str(source), "--json")
    again = run_cli(address, "import", "tk", str(source), "--json")
    first_report, again_report = json.loads(first.pop("out")), json.loads(again.pop("out"))
    listed = run_cli(address, "motions", "--status", "all", "--format", "json")
    count = len(json.loads(listed["out"]))
    return {
        "first_import": {**first, "motions": first_report["motions"]},
        "reimport": {**again, "motions": again_report["motions"]},
        "motions_in_registry": count,
        "reimport_changed_nothing": again_report["motions"]["new"] == 0
        and again_report["motions"]["updated"] == 0,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--engines", default="sqlite,postgresql")
    parser.add_argument("--out", type=Path, help="write the figures as JSON")
    args = parser.parse_args()
    engines = [name.strip() for name in args.engines.split(",") if name.strip()]
    work = Path(tempfile.mkdtemp(prefix="voortgang-import-"))
    server = None
    try:
        source = work / "zaak-moties.json"
        write_file(source, args.count)
        results: dict[str, Any] = {
            "motions_in_file": args.count,
            "file_mb": round(source.stat().st_size / 1024 / 1024, 1),
            "target_s": TARGET_SECONDS,
            "target_peak_mb": TARGET_MB,
        }
        if "sqlite" in engines:
            results["sqlite"] = measure(str(work / "register.db"), source)
        if "postgresql" in engines:
            from tests import postgres

            os.chmod(work, 0o755)
            server = postgres.start(work / "pg")
            address = server.url(server.create_database("import", template=None))
            results["postgresql"] = measure(address, source)
        # The floor: a process that starts the command line and reads an empty registry.
        floor_address = str(work / "leeg.db")
        run_cli(floor_address, "init")
        floor = run_cli(floor_address, "letters", "--format", "json")
        results["floor_cli_process"] = {k: v for k, v in floor.items() if k != "out"}
    finally:
        if server is not None:
            server.stop()
        shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(results, indent=2))
    if args.out:
        args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
