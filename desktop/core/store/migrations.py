"""Append-only schema migrations. Never edit a released migration: add a new one.

Each migration runs in its own transaction (sqlite-utils ``Migrations``). DDL is written
as SQL because the status columns carry CHECK constraints, which sqlite-utils' table
creation does not express.
"""

from __future__ import annotations

import sqlite3

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from desktop.core.domain.models import (
    COMMITMENT_STATUSES,
    CONVENANT_FASEN,
    EU_KINDS,
    LETTER_STATUSES,
    MOTION_STATUSES,
    MOTION_WIJZIGINGEN,
    PARTY_KINDS,
    UITSLAGEN,
)

MIGRATION_SET = "voortgang"
migrations = Migrations(MIGRATION_SET)

_ISO_DATE = "'[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'"


def _in(column: str, values: tuple[str, ...]) -> str:
    quoted = ", ".join("'" + value.replace("'", "''") + "'" for value in values)
    return f"CHECK ({column} IN ({quoted}))"


def _in_or_null(column: str, values: tuple[str, ...]) -> str:
    quoted = ", ".join("'" + value.replace("'", "''") + "'" for value in values)
    return f"CHECK ({column} IS NULL OR {column} IN ({quoted}))"


def _date(column: str) -> str:
    return f"CHECK ({column} IS NULL OR {column} GLOB {_ISO_DATE})"


def _partial_date(column: str) -> str:
    return (
        f"CHECK ({column} IS NULL OR {column} GLOB '[0-9][0-9][0-9][0-9]'"
        f" OR {column} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'"
        f" OR {column} GLOB {_ISO_DATE})"
    )


def _json_list(column: str) -> str:
    return f"CHECK (json_valid({column}) AND json_type({column}) = 'array')"


def _run(db: Database, statements: list[str]) -> None:
    # db.execute, not executescript: executescript would COMMIT the migration's transaction.
    for statement in statements:
        db.execute(statement)


@migrations(name="0001_registry")
def m0001_registry(db: Database) -> None:
    """Create the registry tables."""
    _run(
        db,
        [
            """CREATE TABLE dossiers (
                id INTEGER PRIMARY KEY,
                nummer INTEGER NOT NULL CHECK (nummer > 0),
                toevoeging TEXT NOT NULL DEFAULT '',
                titel TEXT,
                UNIQUE (nummer, toevoeging)
            )""",
            f"""CREATE TABLE kamerstukken (
                id INTEGER PRIMARY KEY,
                dossier_id INTEGER NOT NULL REFERENCES dossiers(id),
                ondernummer TEXT NOT NULL CHECK (ondernummer <> ''),
                kamer TEXT NOT NULL DEFAULT 'II' CHECK (kamer IN ('I', 'II')),
                soort TEXT,
                datum TEXT {_date("datum")},
                titel TEXT,
                vergaderjaar TEXT,
                UNIQUE (dossier_id, ondernummer, kamer)
            )""",
            f"""CREATE TABLE motions (
                id INTEGER PRIMARY KEY,
                kamerstuk_id INTEGER NOT NULL UNIQUE REFERENCES kamerstukken(id),
                indieners TEXT NOT NULL DEFAULT '[]' {_json_list("indieners")},
                voorgesteld TEXT {_date("voorgesteld")},
                voorgesteld_bij TEXT,
                onderwerp TEXT,
                overwegingen TEXT NOT NULL DEFAULT '[]' {_json_list("overwegingen")},
                verzoeken TEXT NOT NULL DEFAULT '[]' {_json_list("verzoeken")},
                kabinetsappreciatie TEXT,
                uitslag TEXT NOT NULL DEFAULT 'ingediend' {_in("uitslag", UITSLAGEN)},
                status TEXT NOT NULL DEFAULT 'openstaand' {_in("status", MOTION_STATUSES)},
                status_datum TEXT {_date("status_datum")},
                directie TEXT,
                deadline TEXT {_date("deadline")},
                notities TEXT NOT NULL DEFAULT '',
                vervangt_kamerstuk_id INTEGER REFERENCES kamerstukken(id),
                version INTEGER NOT NULL DEFAULT 1,
                aangemaakt TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now')),
                gewijzigd TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now'))
            )""",
            f"""CREATE TABLE commitments (
                id INTEGER PRIMARY KEY,
                nummer TEXT UNIQUE,
                tekst TEXT NOT NULL CHECK (tekst <> ''),
                minister TEXT,
                datum_gedaan TEXT {_date("datum_gedaan")},
                datum_nakoming TEXT {_date("datum_nakoming")},
                status TEXT NOT NULL DEFAULT 'openstaand' {_in("status", COMMITMENT_STATUSES)},
                status_datum TEXT {_date("status_datum")},
                kamerstuk_id INTEGER REFERENCES kamerstukken(id),
                notities TEXT NOT NULL DEFAULT '',
                version INTEGER NOT NULL DEFAULT 1,
                aangemaakt TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now')),
                gewijzigd TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now'))
            )""",
            f"""CREATE TABLE convenanten (
                id INTEGER PRIMARY KEY,
                naam TEXT NOT NULL UNIQUE CHECK (naam <> ''),
                sector TEXT,
                facilitator TEXT,
                ondertekend TEXT {_partial_date("ondertekend")},
                in_werking TEXT {_partial_date("in_werking")},
                looptijd_jaren INTEGER CHECK (looptijd_jaren IS NULL OR looptijd_jaren > 0),
                einde TEXT {_partial_date("einde")},
                fase TEXT NOT NULL DEFAULT 'verkenning' {_in("fase", CONVENANT_FASEN)},
                kerncijfers TEXT NOT NULL DEFAULT '[]' {_json_list("kerncijfers")},
                notities TEXT NOT NULL DEFAULT '',
                version INTEGER NOT NULL DEFAULT 1
            )""",
            f"""CREATE TABLE convenant_partijen (
                id INTEGER PRIMARY KEY,
                convenant_id INTEGER NOT NULL REFERENCES convenanten(id) ON DELETE CASCADE,
                positie INTEGER NOT NULL,
                soort TEXT NOT NULL {_in("soort", PARTY_KINDS)},
                naam TEXT,
                aantal INTEGER NOT NULL DEFAULT 1 CHECK (aantal > 0)
            )""",
            f"""CREATE TABLE convenant_voortgang (
                id INTEGER PRIMARY KEY,
                convenant_id INTEGER NOT NULL REFERENCES convenanten(id) ON DELETE CASCADE,
                datum TEXT NOT NULL {_partial_date("datum")},
                periode TEXT,
                bron TEXT,
                tekst TEXT NOT NULL CHECK (tekst <> '')
            )""",
            f"""CREATE TABLE eu_files (
                id INTEGER PRIMARY KEY,
                titel TEXT NOT NULL CHECK (titel <> ''),
                soort TEXT NOT NULL DEFAULT 'overig' {_in("soort", EU_KINDS)},
                identificatie TEXT UNIQUE,
                celex TEXT,
                bnc_kamerstuk_id INTEGER REFERENCES kamerstukken(id),
                raadsformatie TEXT,
                notities TEXT NOT NULL DEFAULT '',
                version INTEGER NOT NULL DEFAULT 1
            )""",
            f"""CREATE TABLE eu_datums (
                id INTEGER PRIMARY KEY,
                eu_file_id INTEGER NOT NULL REFERENCES eu_files(id) ON DELETE CASCADE,
                datum TEXT NOT NULL {_partial_date("datum")},
                omschrijving TEXT NOT NULL
            )""",
            f"""CREATE TABLE eu_ontwikkelingen (
                id INTEGER PRIMARY KEY,
                eu_file_id INTEGER NOT NULL REFERENCES eu_files(id) ON DELETE CASCADE,
                datum TEXT NOT NULL {_partial_date("datum")},
                tekst TEXT NOT NULL CHECK (tekst <> ''),
                bron TEXT
            )""",
            f"""CREATE TABLE letters (
                id INTEGER PRIMARY KEY,
                kenmerk TEXT UNIQUE,
                datum TEXT {_date("datum")},
                betreft TEXT NOT NULL DEFAULT '',
                geadresseerde TEXT NOT NULL DEFAULT '',
                aanhef TEXT NOT NULL DEFAULT 'Geachte voorzitter,',
                inleiding TEXT NOT NULL DEFAULT '',
                slot TEXT NOT NULL DEFAULT '',
                ondertekenaar_functie TEXT,
                ondertekenaar_naam TEXT,
                template TEXT NOT NULL DEFAULT 'voortgangsbrief',
                status TEXT NOT NULL DEFAULT 'concept' {_in("status", LETTER_STATUSES)},
                kamerstuk_id INTEGER REFERENCES kamerstukken(id),
                version INTEGER NOT NULL DEFAULT 1,
                aangemaakt TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now')),
                gewijzigd TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now'))
            )""",
            """CREATE TABLE letter_sections (
                id INTEGER PRIMARY KEY,
                letter_id INTEGER NOT NULL REFERENCES letters(id) ON DELETE CASCADE,
                positie INTEGER NOT NULL,
                titel TEXT NOT NULL DEFAULT '',
                tekst TEXT NOT NULL DEFAULT '',
                eu_file_id INTEGER REFERENCES eu_files(id) ON DELETE SET NULL
            )""",
            """CREATE TABLE letter_motions (
                letter_id INTEGER NOT NULL REFERENCES letters(id) ON DELETE CASCADE,
                motion_id INTEGER NOT NULL REFERENCES motions(id) ON DELETE CASCADE,
                positie INTEGER NOT NULL,
                response TEXT NOT NULL DEFAULT '',
                afdoen INTEGER NOT NULL DEFAULT 1 CHECK (afdoen IN (0, 1)),
                section_positie INTEGER,
                PRIMARY KEY (letter_id, motion_id)
            )""",
            """CREATE TABLE letter_commitments (
                letter_id INTEGER NOT NULL REFERENCES letters(id) ON DELETE CASCADE,
                commitment_id INTEGER NOT NULL REFERENCES commitments(id) ON DELETE CASCADE,
                positie INTEGER NOT NULL,
                response TEXT NOT NULL DEFAULT '',
                afdoen INTEGER NOT NULL DEFAULT 1 CHECK (afdoen IN (0, 1)),
                section_positie INTEGER,
                PRIMARY KEY (letter_id, commitment_id)
            )""",
            """CREATE TABLE letter_convenanten (
                letter_id INTEGER NOT NULL REFERENCES letters(id) ON DELETE CASCADE,
                convenant_id INTEGER NOT NULL REFERENCES convenanten(id) ON DELETE CASCADE,
                positie INTEGER NOT NULL,
                PRIMARY KEY (letter_id, convenant_id)
            )""",
            f"""CREATE TABLE motion_settlements (
                motion_id INTEGER NOT NULL REFERENCES motions(id) ON DELETE CASCADE,
                letter_id INTEGER NOT NULL REFERENCES letters(id) ON DELETE CASCADE,
                datum TEXT NOT NULL {_date("datum")},
                PRIMARY KEY (motion_id, letter_id)
            )""",
            f"""CREATE TABLE commitment_settlements (
                commitment_id INTEGER NOT NULL REFERENCES commitments(id) ON DELETE CASCADE,
                letter_id INTEGER NOT NULL REFERENCES letters(id) ON DELETE CASCADE,
                datum TEXT NOT NULL {_date("datum")},
                PRIMARY KEY (commitment_id, letter_id)
            )""",
            """CREATE TABLE status_history (
                id INTEGER PRIMARY KEY,
                entity TEXT NOT NULL
                    CHECK (entity IN ('motion', 'commitment', 'letter', 'convenant', 'eu_file')),
                entity_id INTEGER NOT NULL,
                veld TEXT NOT NULL,
                van TEXT,
                naar TEXT,
                wie TEXT NOT NULL,
                wanneer TEXT NOT NULL,
                toelichting TEXT
            )""",
            """CREATE TABLE settings (
                key TEXT PRIMARY KEY,
                value TEXT NOT NULL CHECK (json_valid(value))
            )""",
            "CREATE INDEX idx_kamerstukken_dossier ON kamerstukken(dossier_id)",
            "CREATE INDEX idx_motions_status ON motions(status, deadline)",
            "CREATE INDEX idx_commitments_status ON commitments(status, datum_nakoming)",
            "CREATE INDEX idx_history_entity ON status_history(entity, entity_id)",
            "CREATE INDEX idx_sections_letter ON letter_sections(letter_id, positie)",
            "CREATE INDEX idx_voortgang_convenant ON convenant_voortgang(convenant_id, datum)",
        ],
    )


# Columns indexed for full-text search, per table.
FTS_COLUMNS: dict[str, tuple[str, ...]] = {
    "motions": ("onderwerp", "indieners", "overwegingen", "verzoeken", "notities"),
    "commitments": ("tekst", "minister", "notities"),
    "convenanten": ("naam", "sector", "facilitator", "notities"),
    "convenant_voortgang": ("tekst",),
    "eu_files": ("titel", "identificatie", "celex", "notities"),
    "eu_ontwikkelingen": ("tekst",),
}
FTS_TOKENIZER = "unicode61 remove_diacritics 2"


@migrations(name="0002_full_text_search")
def m0002_full_text_search(db: Database) -> None:
    """Add FTS5 indexes (external content, kept current by triggers)."""
    for table, columns in FTS_COLUMNS.items():
        cols = ", ".join(columns)
        new = ", ".join(f"new.{c}" for c in columns)
        old = ", ".join(f"old.{c}" for c in columns)
        fts = f"{table}_fts"
        _run(
            db,
            [
                f"CREATE VIRTUAL TABLE {fts} USING fts5({cols}, content={table}, "
                f"content_rowid=id, tokenize='{FTS_TOKENIZER}')",
                f"CREATE TRIGGER {table}_ai AFTER INSERT ON {table} BEGIN "
                f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.id, {new}); END",
                f"CREATE TRIGGER {table}_ad AFTER DELETE ON {table} BEGIN "
                f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.id, {old}); END",
                f"CREATE TRIGGER {table}_au AFTER UPDATE ON {table} BEGIN "
                f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.id, {old}); "
                f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.id, {new}); END",
                f"INSERT INTO {fts}({fts}) VALUES ('rebuild')",
            ],
        )


@migrations(name="0003_open_data")
def m0003_open_data(db: Database) -> None:
    """Link records to the Tweede Kamer's open data; Kamer fields of commitments.

    ``open_data_links`` keeps, per imported Zaak or Toezegging (its GUID), which motion or
    commitment it became, the Kamer's own number, the newest ``GewijzigdOp`` seen and, for
    commitments, the status the Kamer gave last (so an import can tell whether the user
    changed the status since). Triggers drop the link when the record is deleted.
    """
    _run(
        db,
        [
            "ALTER TABLE commitments ADD COLUMN ministerie TEXT",
            "ALTER TABLE commitments ADD COLUMN kamerbrief_nakoming TEXT",
            """CREATE TABLE open_data_links (
                tk_id TEXT PRIMARY KEY CHECK (tk_id <> ''),
                entity TEXT NOT NULL CHECK (entity IN ('motion', 'commitment')),
                entity_id INTEGER NOT NULL,
                nummer TEXT,
                gewijzigd_op TEXT,
                status TEXT,
                geimporteerd TEXT NOT NULL,
                UNIQUE (entity, entity_id)
            )""",
            "CREATE TRIGGER motions_open_data_ad AFTER DELETE ON motions BEGIN "
            "DELETE FROM open_data_links WHERE entity = 'motion' AND entity_id = old.id; END",
            "CREATE TRIGGER commitments_open_data_ad AFTER DELETE ON commitments BEGIN "
            "DELETE FROM open_data_links WHERE entity = 'commitment' AND entity_id = old.id; END",
        ],
    )


@migrations(name="0004_letter_versions")
def m0004_letter_versions(db: Database) -> None:
    """Snapshots of a letter, one per export, so any two versions can be compared."""
    _run(
        db,
        [
            """CREATE TABLE letter_versions (
                id INTEGER PRIMARY KEY,
                letter_id INTEGER NOT NULL REFERENCES letters(id) ON DELETE CASCADE,
                nummer INTEGER NOT NULL CHECK (nummer > 0),
                gemaakt TEXT NOT NULL,
                wie TEXT NOT NULL,
                bestand TEXT,
                snapshot TEXT NOT NULL CHECK (json_valid(snapshot)),
                markdown TEXT NOT NULL,
                UNIQUE (letter_id, nummer)
            )""",
            "CREATE INDEX idx_letter_versions ON letter_versions(letter_id, nummer)",
        ],
    )


@migrations(name="0005_motion_indexes")
def m0005_motion_indexes(db: Database) -> None:
    """Indexes the motion list needs at 100 000 motions (replacing links, settlements)."""
    _run(
        db,
        [
            "CREATE INDEX idx_motions_vervangt ON motions(vervangt_kamerstuk_id)",
            "CREATE INDEX idx_settlements_letter ON motion_settlements(letter_id)",
            "CREATE INDEX idx_letter_motions_motion ON letter_motions(motion_id)",
        ],
    )


@migrations(name="0006_motion_order")
def m0006_motion_order(db: Database) -> None:
    """An index in register order, so the first page of 100 000 motions needs no sort."""
    _run(
        db,
        [
            "CREATE INDEX idx_kamerstukken_volgorde"
            " ON kamerstukken(dossier_id, CAST(ondernummer AS INTEGER))",
        ],
    )


# The motions table as of 0007; kept here so the rebuild below is readable.
_MOTION_COLUMNS_0006 = (
    "id, kamerstuk_id, indieners, voorgesteld, voorgesteld_bij, onderwerp, overwegingen,"
    " verzoeken, kabinetsappreciatie, uitslag, status, status_datum, directie, deadline,"
    " notities, vervangt_kamerstuk_id, version, aangemaakt, gewijzigd"
)


@migrations(name="0007_unnumbered_motions")
def m0007_unnumbered_motions(db: Database) -> None:
    """Motions without a Kamerstuk number yet, the Kamer's Zaak number and its own view.

    ``kamerstuk_id`` becomes optional (a motion just submitted has only a Zaak number,
    ``2025Z12345``), which SQLite can only do by rebuilding the table. New columns:
    ``zaaknummer`` (unique where set), ``titel`` (the Kamer's Onderwerp, ``Motie van het
    lid X over Y``), ``wijziging`` (gewijzigd / nader gewijzigd), and the Kamer's view
    beside ours: ``kamer_afgedaan`` (``Zaak.Afgedaan``) and ``kamer_besluit`` (the latest
    Besluit).

    The rebuild runs inside the migration's transaction, where ``PRAGMA foreign_keys``
    cannot be switched off; dropping the old table would cascade into
    ``letter_motions`` and ``motion_settlements``, so their rows are kept aside in temp
    tables and put back. The FTS and open-data triggers and the indexes are recreated
    exactly as 0002, 0003 and 0005 made them; motion ids do not change, so the
    full-text index stays valid (it is rebuilt anyway, cheaply, to be sure).
    """
    fts_columns = FTS_COLUMNS["motions"]
    cols = ", ".join(fts_columns)
    new = ", ".join(f"new.{c}" for c in fts_columns)
    old = ", ".join(f"old.{c}" for c in fts_columns)
    _run(
        db,
        [
            "CREATE TEMP TABLE keep_letter_motions AS SELECT * FROM letter_motions",
            "CREATE TEMP TABLE keep_motion_settlements AS SELECT * FROM motion_settlements",
            "DROP TRIGGER motions_ai",
            "DROP TRIGGER motions_ad",
            "DROP TRIGGER motions_au",
            "DROP TRIGGER motions_open_data_ad",
            f"""CREATE TABLE motions_0007 (
                id INTEGER PRIMARY KEY,
                kamerstuk_id INTEGER UNIQUE REFERENCES kamerstukken(id),
                indieners TEXT NOT NULL DEFAULT '[]' {_json_list("indieners")},
                voorgesteld TEXT {_date("voorgesteld")},
                voorgesteld_bij TEXT,
                onderwerp TEXT,
                overwegingen TEXT NOT NULL DEFAULT '[]' {_json_list("overwegingen")},
                verzoeken TEXT NOT NULL DEFAULT '[]' {_json_list("verzoeken")},
                kabinetsappreciatie TEXT,
                uitslag TEXT NOT NULL DEFAULT 'ingediend' {_in("uitslag", UITSLAGEN)},
                status TEXT NOT NULL DEFAULT 'openstaand' {_in("status", MOTION_STATUSES)},
                status_datum TEXT {_date("status_datum")},
                directie TEXT,
                deadline TEXT {_date("deadline")},
                notities TEXT NOT NULL DEFAULT '',
                vervangt_kamerstuk_id INTEGER REFERENCES kamerstukken(id),
                version INTEGER NOT NULL DEFAULT 1,
                aangemaakt TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now')),
                gewijzigd TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now')),
                zaaknummer TEXT CHECK (zaaknummer IS NULL OR zaaknummer <> ''),
                titel TEXT,
                wijziging TEXT {_in_or_null("wijziging", MOTION_WIJZIGINGEN)},
                kamer_afgedaan INTEGER CHECK (kamer_afgedaan IS NULL OR kamer_afgedaan IN (0, 1)),
                kamer_besluit TEXT,
                CHECK (kamerstuk_id IS NOT NULL OR zaaknummer IS NOT NULL)
            )""",
            f"INSERT INTO motions_0007 ({_MOTION_COLUMNS_0006})"
            f" SELECT {_MOTION_COLUMNS_0006} FROM motions",
            "DROP TABLE motions",
            "ALTER TABLE motions_0007 RENAME TO motions",
            "INSERT INTO letter_motions SELECT * FROM temp.keep_letter_motions",
            "INSERT INTO motion_settlements SELECT * FROM temp.keep_motion_settlements",
            "DROP TABLE temp.keep_letter_motions",
            "DROP TABLE temp.keep_motion_settlements",
            "CREATE INDEX idx_motions_status ON motions(status, deadline)",
            "CREATE INDEX idx_motions_vervangt ON motions(vervangt_kamerstuk_id)",
            "CREATE UNIQUE INDEX idx_motions_zaaknummer ON motions(zaaknummer)"
            " WHERE zaaknummer IS NOT NULL",
            "CREATE TRIGGER motions_ai AFTER INSERT ON motions BEGIN "
            f"INSERT INTO motions_fts(rowid, {cols}) VALUES (new.id, {new}); END",
            "CREATE TRIGGER motions_ad AFTER DELETE ON motions BEGIN "
            f"INSERT INTO motions_fts(motions_fts, rowid, {cols}) VALUES ('delete', old.id, {old});"
            " END",
            "CREATE TRIGGER motions_au AFTER UPDATE ON motions BEGIN "
            f"INSERT INTO motions_fts(motions_fts, rowid, {cols}) VALUES ('delete', old.id, {old}); "
            f"INSERT INTO motions_fts(rowid, {cols}) VALUES (new.id, {new}); END",
            "CREATE TRIGGER motions_open_data_ad AFTER DELETE ON motions BEGIN "
            "DELETE FROM open_data_links WHERE entity = 'motion' AND entity_id = old.id; END",
            "INSERT INTO motions_fts(motions_fts) VALUES ('rebuild')",
        ],
    )
    problems = db.execute("PRAGMA foreign_key_check").fetchall()
    if problems:  # pragma: no cover - the copy keeps every id, so nothing can dangle
        raise sqlite3.IntegrityError(f"Verwijzing zonder doel na migratie 0007: {problems[0]}")


@migrations(name="0008_letterhead")
def m0008_letterhead(db: Database) -> None:
    """The ministry's letterhead, shared by the team: a Word template or an emblem image.

    Stands on its own (needs no other migration than 0001): one row at most.
    """
    _run(
        db,
        [
            """CREATE TABLE IF NOT EXISTS letterhead (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                soort TEXT NOT NULL CHECK (soort IN ('sjabloon', 'embleem')),
                bestandsnaam TEXT NOT NULL CHECK (bestandsnaam <> ''),
                inhoud BLOB NOT NULL CHECK (length(inhoud) > 0),
                gewijzigd TEXT NOT NULL,
                wie TEXT NOT NULL
            )""",
        ],
    )


# What is searched now, per table: 0009 added the Kamer's title of a motion (``Motie van
# het lid X over Y``), the only name a motion without a number has.
SEARCH_COLUMNS: dict[str, tuple[str, ...]] = {
    **FTS_COLUMNS,
    "motions": (*FTS_COLUMNS["motions"], "titel"),
}


def _motion_fts_triggers(columns: tuple[str, ...]) -> list[str]:
    """The triggers that keep ``motions_fts`` current, for its columns."""
    cols = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    return [
        "CREATE TRIGGER motions_ai AFTER INSERT ON motions BEGIN "
        f"INSERT INTO motions_fts(rowid, {cols}) VALUES (new.id, {new}); END",
        "CREATE TRIGGER motions_ad AFTER DELETE ON motions BEGIN "
        f"INSERT INTO motions_fts(motions_fts, rowid, {cols}) VALUES ('delete', old.id, {old});"
        " END",
        "CREATE TRIGGER motions_au AFTER UPDATE ON motions BEGIN "
        f"INSERT INTO motions_fts(motions_fts, rowid, {cols}) VALUES ('delete', old.id, {old}); "
        f"INSERT INTO motions_fts(rowid, {cols}) VALUES (new.id, {new}); END",
    ]


@migrations(name="0009_search_motion_titles")
def m0009_search_motion_titles(db: Database) -> None:
    """Search the Kamer's title of a motion through the full-text index.

    Before, a search also scanned every motion's title with LIKE, which made each search
    of a large registry read the whole table. The FTS table gets the column; its triggers
    are recreated for it and the index is rebuilt from the motions.
    """
    columns = SEARCH_COLUMNS["motions"]
    _run(
        db,
        [
            "DROP TRIGGER motions_ai",
            "DROP TRIGGER motions_ad",
            "DROP TRIGGER motions_au",
            "DROP TABLE motions_fts",
            f"CREATE VIRTUAL TABLE motions_fts USING fts5({', '.join(columns)}, content=motions, "
            f"content_rowid=id, tokenize='{FTS_TOKENIZER}')",
            *_motion_fts_triggers(columns),
            "INSERT INTO motions_fts(motions_fts) VALUES ('rebuild')",
        ],
    )


# The register-order key of a numbered motion, as SQL over ``k`` and ``d`` (0010): the
# dossier number and the number at the start of the ondernummer padded to nine digits, so
# that the text order is register order (``26 485, nr. 9`` before ``nr. 10``).
_ORDER_KEY_SQL = (
    "printf('%09d|%s|%09d|%s', d.nummer, d.toevoeging, CAST(k.ondernummer AS INTEGER),"
    " k.ondernummer)"
)


@migrations(name="0010_motion_order_key")
def m0010_motion_order_key(db: Database) -> None:
    """A register-order key on each motion, with an index that pages follow.

    A page of a search in register order used to sort every match first (tens of
    milliseconds at 100 000 motions for a common word); walking this index and keeping
    the matches stops after one page. Motions without a number have the empty key, so
    they come first, in the order they were registered (by id).
    """
    _run(
        db,
        [
            "ALTER TABLE motions ADD COLUMN volgorde TEXT NOT NULL DEFAULT ''",
            # Filling the key changes no searchable text: the full-text trigger is off meanwhile.
            "DROP TRIGGER motions_au",
            f"UPDATE motions SET volgorde = (SELECT {_ORDER_KEY_SQL} FROM kamerstukken k"
            " JOIN dossiers d ON d.id = k.dossier_id WHERE k.id = motions.kamerstuk_id)"
            " WHERE kamerstuk_id IS NOT NULL",
            _motion_fts_triggers(SEARCH_COLUMNS["motions"])[2],
            "CREATE INDEX idx_motions_volgorde ON motions(volgorde, id)",
        ],
    )


@migrations(name="0011_kamerstuk_number_index")
def m0011_kamerstuk_number_index(db: Database) -> None:
    """An index on a Kamerstuk's own number, for a search on a bare number (``224``).

    Without it such a search read every Kamerstuk (the unique key starts with the dossier).
    """
    _run(db, ["CREATE INDEX idx_kamerstukken_ondernummer ON kamerstukken(ondernummer)"])


@migrations(name="0012_motion_search_table")
def m0012_motion_search_table(db: Database) -> None:
    """On a team registry this stores each motion's text vector in ``motions_fts``.

    SQLite has kept motions in its FTS5 table ``motions_fts`` since 0002; nothing to do here.
    The migration exists on both engines so that both know the same list.
    """
