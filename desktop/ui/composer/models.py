"""The composer's list models: sections, motions/commitments to settle, convenant choices.

Each model shows part of the :class:`~desktop.ui.composer.document.ComposerDocument`'s
content (domain dataclasses) and changes only when the document tells it to. A check box
the user clicks does not change the model itself: it calls ``on_check`` so the change
becomes an undo command, which then updates the document and, through it, the model.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractListModel, QAbstractTableModel, QModelIndex, Qt

from desktop.core.domain.models import (
    Commitment,
    Convenant,
    LetterCommitment,
    LetterMotion,
    LetterSection,
    Motion,
)
from desktop.core.services.drafts import DraftContent
from desktop.ui.common.formatting import capitalised, one_line
from desktop.ui.common.table_model import AnyIndex

CheckHandler = Callable[[int, bool], None]
MOTIONS = "moties"
COMMITMENTS = "toezeggingen"
CLOSING_SECTION = {MOTIONS: "Moties (aan het eind)", COMMITMENTS: "Toezeggingen (aan het eind)"}


class _RowHooks:
    """Row insert/remove notifications the document calls around its own changes."""

    def inserting(self: Any, row: int) -> None:
        self.beginInsertRows(QModelIndex(), row, row)

    def inserted(self: Any) -> None:
        self.endInsertRows()

    def removing(self: Any, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)

    def removed(self: Any) -> None:
        self.endRemoveRows()


class SectionListModel(_RowHooks, QAbstractListModel):
    """The letter's sections in order, by title."""

    def __init__(self, content: Callable[[], DraftContent], parent: Any = None) -> None:
        super().__init__(parent)
        self._content = content

    def sections(self) -> list[LetterSection]:
        """The sections shown."""
        return self._content().sections

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.sections())

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        section = self.sections()[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return one_line(section.titel, 80) or "(zonder titel)"
        if role == Qt.ItemDataRole.ToolTipRole:
            return one_line(section.tekst, 400) or "Nog geen tekst."
        return None

    # -- called by the document ----------------------------------------------------------

    def moving(self, source: int, target: int) -> None:
        # Qt's destination is the row *before which* the item lands, in old numbering.
        self.beginMoveRows(QModelIndex(), source, source, QModelIndex(), target + (target > source))

    def moved(self) -> None:
        self.endMoveRows()

    def changed(self, row: int) -> None:
        index = self.index(row, 0)
        self.dataChanged.emit(index, index)

    def reset(self) -> None:
        self.beginResetModel()
        self.endResetModel()


(ITEM_COL_NAAM, ITEM_COL_NUMMER, ITEM_COL_AFDOEN, ITEM_COL_SECTIE) = range(4)


class SettleItemModel(_RowHooks, QAbstractTableModel):
    """Motions (or commitments) the letter reports on; a check box says it settles them."""

    def __init__(
        self,
        kind: str,
        content: Callable[[], DraftContent],
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.kind = kind
        self._content = content
        self.motions: dict[int, Motion] = {}
        self.commitments: dict[int, Commitment] = {}
        self.on_check: CheckHandler | None = None
        self.read_only = False
        first = "Motie" if kind == MOTIONS else "Toezegging"
        second = "Kamerstuk" if kind == MOTIONS else "Nummer"
        self._headers = (first, second, "Afdoen", "In sectie")

    def items(self) -> list[LetterMotion] | list[LetterCommitment]:
        """The letter's items of this kind, in order."""
        content = self._content()
        return content.motions if self.kind == MOTIONS else content.commitments

    def set_registry(self, motions: dict[int, Motion], commitments: dict[int, Commitment]) -> None:
        """The registry items the rows name (for their names and numbers)."""
        self.beginResetModel()
        self.motions = motions
        self.commitments = commitments
        self.endResetModel()

    def item_id(self, row: int) -> int:
        """The motion or commitment id in a row."""
        item = self.items()[row]
        return item.motion_id if isinstance(item, LetterMotion) else item.commitment_id

    def label(self, item_id: int) -> tuple[str, str]:
        """(name, number) of a motion or commitment."""
        if self.kind == MOTIONS:
            motion = self.motions.get(item_id)
            if motion is None:
                return (f"motie {item_id}", "")
            return (capitalised(motion.name), motion.number_label())
        commitment = self.commitments.get(item_id)
        if commitment is None:
            return (f"toezegging {item_id}", "")
        return (one_line(commitment.tekst, 90), commitment.nummer or "")

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items())

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == ITEM_COL_AFDOEN and not self.read_only:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        item = self.items()[index.row()]
        column = index.column()
        name, number = self.label(self.item_id(index.row()))
        if role == Qt.ItemDataRole.DisplayRole:
            if column == ITEM_COL_NAAM:
                return name
            if column == ITEM_COL_NUMMER:
                return number
            if column == ITEM_COL_AFDOEN:
                return "Afdoen" if item.afdoen else "Alleen melden"
            if column == ITEM_COL_SECTIE:
                return self._section_title(item.section_index)
        if role == Qt.ItemDataRole.CheckStateRole and column == ITEM_COL_AFDOEN:
            return Qt.CheckState.Checked if item.afdoen else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            return one_line(item.response, 400) or "Nog geen reactie."
        return None

    def _section_title(self, index: int | None) -> str:
        sections = self._content().sections
        if index is not None and 0 <= index < len(sections):
            return f"{index + 1}. {one_line(sections[index].titel, 60)}"
        return CLOSING_SECTION[self.kind]

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            not index.isValid()
            or index.column() != ITEM_COL_AFDOEN
            or role != Qt.ItemDataRole.CheckStateRole
            or self.on_check is None
            or self.read_only
        ):
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        if checked != self.items()[index.row()].afdoen:
            self.on_check(index.row(), checked)
        return True

    # -- called by the document ----------------------------------------------------------

    def changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def all_changed(self) -> None:
        """Section titles or numbers changed: every row's text may differ."""
        if self.rowCount():
            self.dataChanged.emit(
                self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1)
            )

    def reset(self) -> None:
        self.beginResetModel()
        self.endResetModel()


class ConvenantChoiceModel(QAbstractListModel):
    """Every convenant, checked when the letter's annex includes it."""

    def __init__(self, content: Callable[[], DraftContent], parent: Any = None) -> None:
        super().__init__(parent)
        self._content = content
        self.convenanten: list[Convenant] = []
        self.on_check: CheckHandler | None = None
        self.read_only = False

    def set_convenanten(self, convenanten: list[Convenant]) -> None:
        """The convenanten to choose from."""
        self.beginResetModel()
        self.convenanten = list(convenanten)
        self.endResetModel()

    def convenant_id(self, row: int) -> int:
        """The id of the convenant in a row."""
        convenant_id = self.convenanten[row].id
        assert convenant_id is not None
        return convenant_id

    def row_of(self, convenant_id: int) -> int | None:
        """The row of a convenant id."""
        for row, item in enumerate(self.convenanten):
            if item.id == convenant_id:
                return row
        return None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.convenanten)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags if self.read_only else flags | Qt.ItemFlag.ItemIsUserCheckable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        item = self.convenanten[index.row()]
        chosen = self._content().convenant_ids
        if role == Qt.ItemDataRole.DisplayRole:
            if item.id in chosen:
                return f"{item.naam}  (bijlage {chosen.index(item.id) + 1})"
            return item.naam
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if item.id in chosen else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            return " · ".join(part for part in (item.sector, capitalised(item.fase)) if part)
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            not index.isValid()
            or role != Qt.ItemDataRole.CheckStateRole
            or self.on_check is None
            or self.read_only
        ):
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        if checked != (self.convenant_id(index.row()) in self._content().convenant_ids):
            self.on_check(index.row(), checked)
        return True

    def refresh(self) -> None:
        """The choice changed: check marks and annex numbers."""
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, 0))
