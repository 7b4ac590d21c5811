"""Large open-data files: read in two passes, stored part by part, in bounded memory.

The records are the fixtures' (see fixtures/README.md), copied with new ids and numbers.
"""

from __future__ import annotations

import json
import tracemalloc
from pathlib import Path

from desktop.core.domain.kamerstuk import KamerstukRef
from desktop.core.importers import opendata_files, opendata_scan
from desktop.core.importers.opendata import import_open_data, read_open_data
from desktop.core.importers.opendata_graph import EntityGraph
from desktop.core.importers.opendata_records import build_records
from desktop.core.importers.opendata_scan import scan_open_data
from desktop.core.store import motions
from desktop.core.store.rows import execute

FIXTURES = Path(__file__).parent / "fixtures"
EXPAND = FIXTURES / "tk-zaak-expand.json"
RELATED = [
    EXPAND,
    FIXTURES / "tk-zaak-page1.json",
    FIXTURES / "tk-zaak-page2.json",
    FIXTURES / "tk-syncfeed.xml",
    FIXTURES / "tk-toezegging.json",
    FIXTURES / "tk-zaak-new-bare.json",
    FIXTURES / "tk-zaak-numbered.json",
]


def _write_motions(path: Path, count: int) -> Path:
    """An OData page of ``count`` expanded motion Zaken, 50 to a dossier, one per line."""
    template = json.loads(EXPAND.read_text(encoding="utf-8"))["value"][0]
    with path.open("w", encoding="utf-8") as out:
        out.write('{"@odata.context": "x/$metadata#Zaak(Kamerstukdossier(),Document())",\n')
        out.write('"value": [\n')
        for index in range(count):
            zaak = json.loads(json.dumps(template))
            zaak["Id"] = f"7d1a3c52-0e1f-4b8e-9a51-{index:012d}"
            zaak["Nummer"] = f"2016Z{index:05d}"
            for position, item in enumerate(zaak["Besluit"] + zaak["ZaakActor"] + zaak["Document"]):
                item["Id"] = f"{zaak['Id']}-{position}"
            for actor in zaak["ZaakActor"]:
                actor["Zaak_Id"] = zaak["Id"]
            (dossier,) = zaak["Kamerstukdossier"]
            dossier["Id"] = f"2b6f0a55-7e6c-4d2b-8a8f-{index // 50:012d}"
            dossier["Nummer"] = 30_000 + index // 50
            zaak["Document"][0]["Volgnummer"] = index % 50 + 1
            out.write(("," if index else "") + json.dumps(zaak) + "\n")
        out.write("]}\n")
    return path


def _one_graph(paths: list[Path]):
    """The records as when every entity of every file was held in one graph at once."""
    graph = EntityGraph()
    for path in paths:
        opendata_files.read_open_data_file(path, lambda unit: [graph.add(e) for e in unit])
    return build_records(graph)


def test_parts_of_one_record_give_what_one_graph_gives(monkeypatch):
    # Records that refer to others (a Besluit page, VervangenVanuit, a SyncFeed, the same
    # Zaken in two files) next to records on their own, cut into parts of one record.
    with scan_open_data(RELATED) as scan:
        parts = list(scan.batches(1))
    assert len(parts) > 3 and all(len(part.motions) <= 1 for part in parts[:-1])
    monkeypatch.setattr(opendata_scan, "BATCH_SIZE", 1)
    data = read_open_data(RELATED)
    found_motions, found_commitments, skipped = _one_graph(RELATED)
    assert data.motions == found_motions
    assert data.commitments == found_commitments
    assert sorted(map(repr, data.skipped)) == sorted(map(repr, skipped))


def test_a_file_larger_than_a_part_is_stored_part_by_part(store, tmp_path, monkeypatch):
    source = _write_motions(tmp_path / "moties.json", 230)
    monkeypatch.setattr(opendata_scan, "BATCH_SIZE", 40)
    # While a part is built, the parts before it are already in the registry.
    stored_before: list[int] = []
    build = opendata_scan.OpenDataScan._build

    def counting(self, units, *, first, last):
        stored_before.append(motions.count_motions(store.db))
        return build(self, units, first=first, last=last)

    monkeypatch.setattr(opendata_scan.OpenDataScan, "_build", counting)
    report = import_open_data(store, [source])
    assert stored_before == [0, 40, 80, 120, 160, 200]
    assert report.motions.as_json() == {"new": 230, "updated": 0, "unchanged": 0, "skipped": 0}
    # Reported in register order, as when everything was one part.
    expected = [m.tk_id for m in read_open_data([source]).motions]
    assert [change.tk_id for change in report.changes] == expected
    first = motions.list_motions(store.db, limit=3)
    assert [(m.kamerstuk.dossier, m.kamerstuk.ondernummer) for m in first] == [
        (30_000, "1"),
        (30_000, "2"),
        (30_000, "3"),
    ]
    last = motions.find(store.db, KamerstukRef.of(30_004, 30))
    assert last is not None and last.indieners == ["Van Laar"] and last.uitslag == "aangenomen"

    before = [tuple(r) for r in execute(store.db, "SELECT * FROM motions ORDER BY id")]
    again = import_open_data(store, [source])
    assert again.motions.as_json() == {"new": 0, "updated": 0, "unchanged": 230, "skipped": 0}
    assert [tuple(r) for r in execute(store.db, "SELECT * FROM motions ORDER BY id")] == before


def _peak_reading(path: Path) -> int:
    """Peak Python memory (bytes) while reading ``path`` and building its records."""
    tracemalloc.start()
    try:
        with scan_open_data([path]) as scan:
            built = sum(len(part.motions) for part in scan.batches())
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert built > 0
    return peak


def test_memory_for_reading_grows_only_by_a_small_key_per_record(tmp_path, monkeypatch):
    monkeypatch.setattr(opendata_scan, "BATCH_SIZE", 100)
    monkeypatch.setattr(opendata_files, "CHUNK_SIZE", 64 * 1024)  # both files outgrow it
    small = _peak_reading(_write_motions(tmp_path / "klein.json", 300))
    large = _peak_reading(_write_motions(tmp_path / "groot.json", 1500))
    # Holding every record until all are read took some 10 kB a record; now only the
    # hashes of its ids stay (well under 1 kB) and a part of 100 records at a time.
    assert (large - small) / 1200 < 2500
