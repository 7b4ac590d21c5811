"""The letter being composed: its content, its place in the store, and the models on it.

Undo commands (:mod:`desktop.ui.composer.commands`) call these methods and nothing else
changes the content, so every edit can be undone. The document tells the models what
changes (rows inserted, removed, moved) and emits signals for the editors and preview.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import QObject, Signal

from desktop.core.domain.models import Letter, LetterCommitment, LetterMotion, LetterSection
from desktop.core.services.drafts import DraftContent, to_letter
from desktop.ui.composer.models import (
    COMMITMENTS,
    MOTIONS,
    ConvenantChoiceModel,
    SectionListModel,
    SettleItemModel,
)

SectionRefs = tuple[list[int | None], list[int | None]]


class ComposerDocument(QObject):
    """One letter's editable content; ``letter_id``/``version``/``status`` as last stored."""

    changed = Signal()
    meta_changed = Signal(str)
    section_changed = Signal(int)
    item_changed = Signal(str, int)
    replaced = Signal()
    state_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.content = DraftContent()
        self.letter_id: int | None = None
        self.version = 1
        self.status = "concept"
        self.sections = SectionListModel(lambda: self.content, self)
        self.motions = SettleItemModel(MOTIONS, lambda: self.content, self)
        self.commitments = SettleItemModel(COMMITMENTS, lambda: self.content, self)
        self.convenanten = ConvenantChoiceModel(lambda: self.content, self)

    # -- state --------------------------------------------------------------------------------

    @property
    def read_only(self) -> bool:
        """True for a letter that is no longer a concept (definitief or verzonden)."""
        return self.status != "concept"

    def set_state(self, letter_id: int | None, version: int, status: str) -> None:
        """Where the letter stands in the store (after loading or saving)."""
        self.letter_id, self.version, self.status = letter_id, version, status
        for model in (self.motions, self.commitments, self.convenanten):
            model.read_only = self.read_only
        self.state_changed.emit()

    def letter(self, *, strict: bool = True) -> Letter:
        """The letter as edited (strict: raises InvalidInput for an invalid field)."""
        return to_letter(
            self.content,
            letter_id=self.letter_id,
            version=self.version,
            status=self.status,
            strict=strict,
        )

    def replace(self, content: DraftContent) -> None:
        """Show other content altogether (a letter loaded, a draft restored, an undo of that)."""
        self.content = content.copy()
        for model in (self.sections, self.motions, self.commitments):
            model.reset()
        self.convenanten.refresh()
        self.replaced.emit()
        self.changed.emit()

    def _items(self, kind: str) -> list[Any]:
        return self.content.motions if kind == MOTIONS else self.content.commitments

    def _model(self, kind: str) -> SettleItemModel:
        return self.motions if kind == MOTIONS else self.commitments

    # -- metadata -----------------------------------------------------------------------------

    def set_meta(self, key: str, value: str) -> None:
        """One metadata field (``betreft``, ``datum``, ...) as typed."""
        if self.content.meta.get(key) == value:
            return
        self.content.meta[key] = value
        self.meta_changed.emit(key)
        self.changed.emit()

    # -- sections -----------------------------------------------------------------------------

    def set_section_field(self, row: int, name: str, value: str) -> None:
        """A section's ``titel`` or ``tekst``."""
        section = self.content.sections[row]
        if getattr(section, name) == value:
            return
        setattr(section, name, value)
        self.sections.changed(row)
        if name == "titel":
            self.motions.all_changed()
            self.commitments.all_changed()
        self.section_changed.emit(row)
        self.changed.emit()

    def section_refs(self) -> SectionRefs:
        """Which section each motion and commitment sits in (to restore on undo)."""
        return (
            [m.section_index for m in self.content.motions],
            [c.section_index for c in self.content.commitments],
        )

    def set_section_refs(self, refs: SectionRefs) -> None:
        """Put motions and commitments back in the sections they were in."""
        for item, index in zip(self.content.motions, refs[0], strict=True):
            item.section_index = index
        for commitment, index in zip(self.content.commitments, refs[1], strict=True):
            commitment.section_index = index
        self.motions.all_changed()
        self.commitments.all_changed()

    def _remap_sections(self, mapping: dict[int, int | None]) -> None:
        items: list[LetterMotion | LetterCommitment] = [
            *self.content.motions,
            *self.content.commitments,
        ]
        for item in items:
            if item.section_index is not None:
                item.section_index = mapping.get(item.section_index, item.section_index)
        self.motions.all_changed()
        self.commitments.all_changed()

    def insert_section(self, row: int, section: LetterSection) -> None:
        """Add a section at ``row``; motions in later sections move along."""
        count = len(self.content.sections)
        self.sections.inserting(row)
        self.content.sections.insert(row, dataclasses.replace(section))
        self.sections.inserted()
        self._remap_sections({old: old + 1 for old in range(row, count)})
        self.changed.emit()

    def remove_section(self, row: int) -> LetterSection:
        """Remove a section; its motions move to the closing Moties section."""
        count = len(self.content.sections)
        self.sections.removing(row)
        section = self.content.sections.pop(row)
        self.sections.removed()
        mapping: dict[int, int | None] = {row: None}
        mapping.update({old: old - 1 for old in range(row + 1, count)})
        self._remap_sections(mapping)
        self.changed.emit()
        return section

    def move_section(self, source: int, target: int) -> None:
        """Move a section to another place; motions stay with their section."""
        order = list(range(len(self.content.sections)))
        order.insert(target, order.pop(source))
        self.sections.moving(source, target)
        sections = self.content.sections
        sections.insert(target, sections.pop(source))
        self.sections.moved()
        self._remap_sections({old: new for new, old in enumerate(order)})
        self.changed.emit()

    # -- motions and commitments --------------------------------------------------------------

    def insert_item(self, kind: str, row: int, item: LetterMotion | LetterCommitment) -> None:
        """Add a motion or commitment to settle (or report on)."""
        model = self._model(kind)
        model.inserting(row)
        self._items(kind).insert(row, dataclasses.replace(item))
        model.inserted()
        self.changed.emit()

    def remove_item(self, kind: str, row: int) -> LetterMotion | LetterCommitment:
        """Take a motion or commitment out of the letter."""
        model = self._model(kind)
        model.removing(row)
        item: LetterMotion | LetterCommitment = self._items(kind).pop(row)
        model.removed()
        self.changed.emit()
        return item

    def set_item_field(self, kind: str, row: int, name: str, value: Any) -> None:
        """An item's ``response``, ``afdoen`` or ``section_index``."""
        item = self._items(kind)[row]
        if getattr(item, name) == value:
            return
        setattr(item, name, value)
        self._model(kind).changed(row)
        self.item_changed.emit(kind, row)
        self.changed.emit()

    # -- annex --------------------------------------------------------------------------------

    def set_convenant(self, convenant_id: int, chosen: bool, position: int | None = None) -> int:
        """Add a convenant to the annex (at ``position``, default last) or take it out.

        Returns the position it had (or got).
        """
        ids = self.content.convenant_ids
        if chosen:
            if convenant_id in ids:
                return ids.index(convenant_id)
            position = len(ids) if position is None else position
            ids.insert(position, convenant_id)
        else:
            if convenant_id not in ids:
                return -1
            position = ids.index(convenant_id)
            ids.remove(convenant_id)
        self.convenanten.refresh()
        self.changed.emit()
        return position
