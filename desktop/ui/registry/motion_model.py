"""The motions table: lazy (registries reach 100 000 motions), overdue rows highlighted."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from desktop.core.domain.models import Motion
from desktop.ui.common.formatting import capitalised, date_key, one_line, short_date, text_key
from desktop.ui.common.table_model import Column, LazyRecordTableModel

(
    COL_KAMERSTUK,
    COL_INDIENERS,
    COL_ONDERWERP,
    COL_VOORGESTELD,
    COL_UITSLAG,
    COL_STATUS,
    COL_TERMIJN,
) = range(7)

OVERDUE_TOOLTIP = "Termijn verstreken"
OVERDUE_BACKGROUND = QColor("#fbe3e1")
OVERDUE_FOREGROUND = QColor("#8b1a10")


def kamerstuk_key(motion: Motion) -> tuple[int, str, int, str]:
    """Order of the register: dossier, toevoeging, then ondernummer as a number."""
    ref = motion.kamerstuk
    if ref is None:  # no number yet: first, by Zaak number
        return (0, "", 0, motion.zaaknummer or "")
    number = ref.nummer if ref.nummer is not None else 1 << 30
    return (ref.dossier, ref.toevoeging or "", number, ref.ondernummer)


def subject(motion: Motion) -> str:
    """What the motion is about: its onderwerp, else the first request."""
    if motion.onderwerp:
        return one_line(motion.onderwerp)
    if motion.verzoeken:
        return one_line(motion.verzoeken[0])
    return ""


def indieners(motion: Motion) -> str:
    """The signers, comma-separated."""
    return ", ".join(motion.indieners)


COLUMNS: tuple[Column[Motion], ...] = (
    Column("Kamerstuk", lambda m: m.number_label(), kamerstuk_key, 128),
    Column("Indieners", indieners, lambda m: text_key(indieners(m)), 160, full_text_tooltip=True),
    Column("Onderwerp", subject, lambda m: text_key(subject(m)), 320, True, True),
    Column(
        "Voorgesteld", lambda m: short_date(m.voorgesteld), lambda m: date_key(m.voorgesteld), 96
    ),
    Column("Uitslag", lambda m: capitalised(m.uitslag), lambda m: text_key(m.uitslag), 96),
    Column("Status", lambda m: capitalised(m.status), lambda m: text_key(m.status), 104),
    Column("Termijn", lambda m: short_date(m.deadline), lambda m: date_key(m.deadline), 88),
)


class MotionTableModel(LazyRecordTableModel[Motion]):
    """Motions, fetched by the view in batches; open motions past their deadline in red."""

    COLUMNS = COLUMNS
    NATURAL_ORDER = (COL_KAMERSTUK, Qt.SortOrder.AscendingOrder)  # list_motions' ORDER BY

    def __init__(
        self,
        parent: Any = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
        batch_size: int | None = None,
    ) -> None:
        super().__init__(parent, batch_size=batch_size)
        self._today_fn = today
        self.today = today()

    def set_rows(self, rows: Sequence[Motion], *, keep_fetched: bool = False) -> None:
        self.today = self._today_fn()
        super().set_rows(rows, keep_fetched=keep_fetched)

    def search_text(self, record: Motion) -> Sequence[str | None]:
        return [
            record.number_label(),
            indieners(record),
            record.onderwerp,
            record.status,
            *record.verzoeken,
        ]

    def is_overdue(self, record: Motion) -> bool:
        """True when the motion is open and its deadline has passed."""
        return record.is_overdue(self.today)

    def row_tooltip(self, record: Motion) -> str | None:
        return OVERDUE_TOOLTIP if self.is_overdue(record) else None

    def row_background(self, record: Motion) -> Any:
        return OVERDUE_BACKGROUND if self.is_overdue(record) else None

    def row_foreground(self, record: Motion) -> Any:
        return OVERDUE_FOREGROUND if self.is_overdue(record) else None
