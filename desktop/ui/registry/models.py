"""Table models of the other registries: toezeggingen, convenanten, EU-dossiers,
Kamerstukken and brieven."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt

from desktop.core.domain.models import Commitment, Convenant, EUFile, Kamerstuk, Letter
from desktop.ui.common.formatting import (
    capitalised,
    date_key,
    one_line,
    partial_date,
    short_date,
    text_key,
)
from desktop.ui.common.table_model import Column, LazyRecordTableModel, RecordTableModel
from desktop.ui.registry.motion_model import OVERDUE_BACKGROUND, OVERDUE_FOREGROUND, OVERDUE_TOOLTIP


def _ref_key(ref: Any) -> tuple[int, int, str, int, str]:
    if ref is None:
        return (1, 0, "", 0, "")
    number = ref.nummer if ref.nummer is not None else 1 << 30
    return (0, ref.dossier, ref.toevoeging or "", number, ref.ondernummer)


# -- toezeggingen -----------------------------------------------------------------------

(
    COMMITMENT_COL_NUMMER,
    COMMITMENT_COL_TEKST,
    COMMITMENT_COL_MINISTER,
    COMMITMENT_COL_GEDAAN,
    COMMITMENT_COL_NAKOMING,
    COMMITMENT_COL_STATUS,
) = range(6)


class CommitmentTableModel(RecordTableModel[Commitment]):
    """Toezeggingen; open ones past their DatumNakoming in red."""

    COLUMNS = (
        Column[Commitment]("Nummer", lambda c: c.nummer or "", lambda c: text_key(c.nummer), 90),
        Column[Commitment](
            "Toezegging", lambda c: one_line(c.tekst), lambda c: text_key(c.tekst), 360, True, True
        ),
        Column[Commitment](
            "Minister", lambda c: c.minister or "", lambda c: text_key(c.minister), 150
        ),
        Column[Commitment](
            "Gedaan", lambda c: short_date(c.datum_gedaan), lambda c: date_key(c.datum_gedaan), 96
        ),
        Column[Commitment](
            "Nakoming",
            lambda c: short_date(c.datum_nakoming),
            lambda c: date_key(c.datum_nakoming),
            96,
        ),
        Column[Commitment](
            "Status", lambda c: capitalised(c.status), lambda c: text_key(c.status), 110
        ),
    )

    def __init__(self, parent: Any = None, *, today: Callable[[], dt.date] = dt.date.today) -> None:
        super().__init__(parent)
        self._today_fn = today
        self.today = today()

    def set_rows(self, rows: Sequence[Commitment]) -> None:
        self.today = self._today_fn()
        super().set_rows(rows)

    def row_tooltip(self, record: Commitment) -> str | None:
        return OVERDUE_TOOLTIP if record.is_overdue(self.today) else None

    def row_background(self, record: Commitment) -> Any:
        return OVERDUE_BACKGROUND if record.is_overdue(self.today) else None

    def row_foreground(self, record: Commitment) -> Any:
        return OVERDUE_FOREGROUND if record.is_overdue(self.today) else None


# -- convenanten ------------------------------------------------------------------------

(
    CONVENANT_COL_NAAM,
    CONVENANT_COL_SECTOR,
    CONVENANT_COL_FASE,
    CONVENANT_COL_ONDERTEKEND,
    CONVENANT_COL_EINDE,
    CONVENANT_COL_PARTIJEN,
) = range(6)


def party_count(item: Convenant) -> int:
    """How many parties signed (a counted group counts as its number)."""
    return sum(party.aantal for party in item.partijen)


class ConvenantTableModel(RecordTableModel[Convenant]):
    """IMVO convenanten."""

    COLUMNS = (
        Column[Convenant]("Naam", lambda c: c.naam, lambda c: text_key(c.naam), 300, True, True),
        Column[Convenant]("Sector", lambda c: c.sector or "", lambda c: text_key(c.sector), 170),
        Column[Convenant]("Fase", lambda c: capitalised(c.fase), lambda c: text_key(c.fase), 110),
        Column[Convenant](
            "Ondertekend",
            lambda c: partial_date(c.ondertekend),
            lambda c: date_key(c.ondertekend),
            100,
        ),
        Column[Convenant](
            "Einde", lambda c: partial_date(c.einde), lambda c: date_key(c.einde), 90
        ),
        Column[Convenant](
            "Partijen", lambda c: str(party_count(c) or ""), lambda c: party_count(c), 76
        ),
    )


# -- EU-dossiers ------------------------------------------------------------------------

(EU_COL_TITEL, EU_COL_SOORT, EU_COL_IDENTIFICATIE, EU_COL_BNC, EU_COL_ONTWIKKELING) = range(5)


def _latest(item: EUFile) -> str | None:
    latest = item.latest_development()
    return latest.datum if latest else None


class EUFileTableModel(RecordTableModel[EUFile]):
    """EU regulations, directives and proposals we report on."""

    COLUMNS = (
        Column[EUFile]("Titel", lambda e: e.titel, lambda e: text_key(e.titel), 340, True, True),
        Column[EUFile]("Soort", lambda e: capitalised(e.soort), lambda e: text_key(e.soort), 110),
        Column[EUFile](
            "Identificatie",
            lambda e: e.identificatie or "",
            lambda e: text_key(e.identificatie),
            180,
            full_text_tooltip=True,
        ),
        Column[EUFile](
            "BNC-fiche",
            lambda e: e.bnc_fiche.number_label() if e.bnc_fiche else "",
            lambda e: _ref_key(e.bnc_fiche),
            150,
        ),
        Column[EUFile](
            "Laatste ontwikkeling",
            lambda e: partial_date(_latest(e)),
            lambda e: date_key(_latest(e)),
            140,
        ),
    )


# -- Kamerstukken -----------------------------------------------------------------------

(
    KAMERSTUK_COL_NUMMER,
    KAMERSTUK_COL_SOORT,
    KAMERSTUK_COL_DATUM,
    KAMERSTUK_COL_TITEL,
    KAMERSTUK_COL_DOSSIER,
) = range(5)


class KamerstukTableModel(LazyRecordTableModel[Kamerstuk]):
    """Kamerstukken (every motion is one, so this grows like the motions: lazy)."""

    NATURAL_ORDER = (0, Qt.SortOrder.AscendingOrder)  # kamerstukken.list_all's ORDER BY

    COLUMNS = (
        Column[Kamerstuk](
            "Kamerstuk", lambda k: k.ref.number_label(), lambda k: _ref_key(k.ref), 150
        ),
        Column[Kamerstuk]("Soort", lambda k: k.soort or "", lambda k: text_key(k.soort), 110),
        Column[Kamerstuk]("Datum", lambda k: short_date(k.datum), lambda k: date_key(k.datum), 96),
        Column[Kamerstuk](
            "Titel", lambda k: one_line(k.titel), lambda k: text_key(k.titel), 280, True, True
        ),
        Column[Kamerstuk](
            "Dossier",
            lambda k: k.dossier_titel or "",
            lambda k: text_key(k.dossier_titel),
            260,
            False,
            True,
        ),
    )


# -- brieven ----------------------------------------------------------------------------

(
    LETTER_COL_KENMERK,
    LETTER_COL_DATUM,
    LETTER_COL_BETREFT,
    LETTER_COL_KAMERSTUK,
    LETTER_COL_STATUS,
) = range(5)


class LetterTableModel(RecordTableModel[Letter]):
    """Letters to the Kamer: kenmerk, datum, betreft, status."""

    COLUMNS = (
        Column[Letter]("Kenmerk", lambda b: b.kenmerk or "", lambda b: text_key(b.kenmerk), 160),
        Column[Letter]("Datum", lambda b: short_date(b.datum), lambda b: date_key(b.datum), 96),
        Column[Letter](
            "Betreft", lambda b: one_line(b.betreft), lambda b: text_key(b.betreft), 320, True, True
        ),
        Column[Letter](
            "Kamerstuk",
            lambda b: b.kamerstuk.number_label() if b.kamerstuk else "",
            lambda b: _ref_key(b.kamerstuk),
            150,
        ),
        Column[Letter](
            "Status", lambda b: capitalised(b.status), lambda b: text_key(b.status), 100
        ),
    )
