"""Undo commands for the letter composer; each calls the :class:`ComposerDocument`.

All of them go on the main window's single ``QUndoStack``. Typing in one field merges
into one command (``id``/``mergeWith``), so Ctrl+Z takes back a burst of typing in that
field, not one letter at a time. Row numbers stay valid because the stack replays in order.
"""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtGui import QUndoCommand

from desktop.core.domain.models import LetterCommitment, LetterMotion, LetterSection
from desktop.core.services.drafts import DraftContent
from desktop.ui.composer.document import ComposerDocument
from desktop.ui.composer.fields import TYPING, Edit
from desktop.ui.composer.models import MOTIONS

META_LABELS = {
    "kenmerk": "kenmerk",
    "datum": "datum",
    "betreft": "betreft",
    "kamerstuk": "Kamerstuk",
    "geadresseerde": "geadresseerde",
    "aanhef": "aanhef",
    "inleiding": "inleiding",
    "slot": "slot",
    "ondertekenaar_functie": "functie ondertekenaar",
    "ondertekenaar_naam": "naam ondertekenaar",
    "template": "sjabloon",
}
ID_META, ID_SECTION, ID_ITEM = 1001, 1002, 1003


class SetMetaCommand(QUndoCommand):
    """Change one metadata field; consecutive typing in that field merges."""

    def __init__(
        self, document: ComposerDocument, key: str, old: str, new: str, edit: Edit = TYPING
    ) -> None:
        super().__init__(edit.label or f"{META_LABELS.get(key, key)} wijzigen")
        self.document, self.key, self.old, self.new, self.edit = document, key, old, new, edit

    def id(self) -> int:
        return ID_META if self.edit.typing else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetMetaCommand) or other.key != self.key or not other.edit.typing:
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        self.document.set_meta(self.key, self.new)

    def undo(self) -> None:
        self.document.set_meta(self.key, self.old)


class SetSectionFieldCommand(QUndoCommand):
    """Change a section's title or text; typing in the same section field merges."""

    def __init__(
        self,
        document: ComposerDocument,
        row: int,
        name: str,
        old: str,
        new: str,
        edit: Edit = TYPING,
    ) -> None:
        what = "sectietitel" if name == "titel" else "sectietekst"
        super().__init__(edit.label or f"{what} wijzigen")
        self.document, self.row, self.name, self.old, self.new = document, row, name, old, new
        self.edit = edit

    def id(self) -> int:
        return ID_SECTION if self.edit.typing else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetSectionFieldCommand) or (other.row, other.name) != (
            self.row,
            self.name,
        ):
            return False
        if not other.edit.typing:
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        self.document.set_section_field(self.row, self.name, self.new)

    def undo(self) -> None:
        self.document.set_section_field(self.row, self.name, self.old)


class AddSectionCommand(QUndoCommand):
    """Insert a section."""

    def __init__(self, document: ComposerDocument, row: int, section: LetterSection) -> None:
        super().__init__("sectie toevoegen")
        self.document, self.row, self.section = document, row, section
        self.refs = document.section_refs()

    def redo(self) -> None:
        self.document.insert_section(self.row, self.section)

    def undo(self) -> None:
        self.document.remove_section(self.row)
        self.document.set_section_refs(self.refs)


class RemoveSectionCommand(QUndoCommand):
    """Remove a section (its motions move to the closing Moties section until undone)."""

    def __init__(self, document: ComposerDocument, row: int) -> None:
        super().__init__("sectie verwijderen")
        self.document, self.row = document, row
        self.section = document.content.sections[row]
        self.refs = document.section_refs()

    def redo(self) -> None:
        self.section = self.document.remove_section(self.row)

    def undo(self) -> None:
        self.document.insert_section(self.row, self.section)
        self.document.set_section_refs(self.refs)


class MoveSectionCommand(QUndoCommand):
    """Move a section up or down."""

    def __init__(self, document: ComposerDocument, source: int, target: int) -> None:
        super().__init__("sectie verplaatsen")
        self.document, self.source, self.target = document, source, target

    def redo(self) -> None:
        self.document.move_section(self.source, self.target)

    def undo(self) -> None:
        self.document.move_section(self.target, self.source)


class AddItemCommand(QUndoCommand):
    """Add a motion or commitment to the letter."""

    def __init__(
        self,
        document: ComposerDocument,
        kind: str,
        row: int,
        item: LetterMotion | LetterCommitment,
    ) -> None:
        super().__init__("motie toevoegen" if kind == MOTIONS else "toezegging toevoegen")
        self.document, self.kind, self.row, self.item = document, kind, row, item

    def redo(self) -> None:
        self.document.insert_item(self.kind, self.row, self.item)

    def undo(self) -> None:
        self.document.remove_item(self.kind, self.row)


class RemoveItemCommand(QUndoCommand):
    """Take a motion or commitment out of the letter (with its response)."""

    def __init__(self, document: ComposerDocument, kind: str, row: int) -> None:
        super().__init__("motie verwijderen" if kind == MOTIONS else "toezegging verwijderen")
        self.document, self.kind, self.row = document, kind, row
        items = document.content.motions if kind == MOTIONS else document.content.commitments
        self.item: LetterMotion | LetterCommitment = items[row]

    def redo(self) -> None:
        self.item = self.document.remove_item(self.kind, self.row)

    def undo(self) -> None:
        self.document.insert_item(self.kind, self.row, self.item)


class SetItemFieldCommand(QUndoCommand):
    """Change a motion's (or commitment's) response, settling flag or section."""

    TEXTS: ClassVar[dict[str, str]] = {"response": "reactie wijzigen", "afdoen": "afdoen wijzigen"}

    def __init__(
        self,
        document: ComposerDocument,
        kind: str,
        row: int,
        name: str,
        old: Any,
        new: Any,
        edit: Edit = TYPING,
    ) -> None:
        super().__init__(edit.label or self.TEXTS.get(name, "sectie kiezen"))
        self.document, self.kind, self.row, self.name = document, kind, row, name
        self.old, self.new, self.edit = old, new, edit

    def id(self) -> int:
        # Only typed responses merge; a check box click is its own step.
        return ID_ITEM if self.name == "response" and self.edit.typing else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetItemFieldCommand) or (other.kind, other.row, other.name) != (
            self.kind,
            self.row,
            self.name,
        ):
            return False
        if not other.edit.typing:
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        self.document.set_item_field(self.kind, self.row, self.name, self.new)

    def undo(self) -> None:
        self.document.set_item_field(self.kind, self.row, self.name, self.old)


class ToggleConvenantCommand(QUndoCommand):
    """Add a convenant to the annex or take it out (undo puts it back in its place)."""

    def __init__(self, document: ComposerDocument, convenant_id: int, chosen: bool) -> None:
        super().__init__("convenant in bijlage" if chosen else "convenant uit bijlage")
        self.document, self.convenant_id, self.chosen = document, convenant_id, chosen
        self.position: int | None = None

    def redo(self) -> None:
        self.position = self.document.set_convenant(self.convenant_id, self.chosen, self.position)

    def undo(self) -> None:
        self.document.set_convenant(self.convenant_id, not self.chosen, self.position)


class ReplaceContentCommand(QUndoCommand):
    """Swap the whole content (a restored draft, the other version of a conflict)."""

    def __init__(
        self, document: ComposerDocument, before: DraftContent, after: DraftContent, text: str
    ) -> None:
        super().__init__(text)
        self.document, self.before, self.after = document, before.copy(), after.copy()

    def redo(self) -> None:
        self.document.replace(self.after)

    def undo(self) -> None:
        self.document.replace(self.before)


class ReplaceSectionTextsCommand(QUndoCommand):
    """Change the text of several sections at once (Alles vervangen): one undo step."""

    def __init__(
        self, document: ComposerDocument, changes: list[tuple[int, str, str]], text: str
    ) -> None:
        super().__init__(text)
        self.document, self.changes = document, changes

    def redo(self) -> None:
        for row, _old, new in self.changes:
            self.document.set_section_field(row, "tekst", new)

    def undo(self) -> None:
        for row, old, _new in reversed(self.changes):
            self.document.set_section_field(row, "tekst", old)
