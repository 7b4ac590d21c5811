"""Undo commands for the letter composer; each calls the :class:`ComposerDocument`.

All of them go on the main window's single ``QUndoStack``. Typing merges as in Word: one
step per word burst (a word and the space after it; a run of deletions), never with a
footnote, citation, correction or anything else, which are each their own step with a
Dutch label ("Voetnoot invoegen"). Row numbers stay valid because the stack replays in
order.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QUndoCommand

from desktop.core.domain.dutch import capitalised
from desktop.core.domain.models import LetterCommitment, LetterMotion, LetterSection
from desktop.core.services.drafts import DraftContent
from desktop.ui.composer.document import ComposerDocument
from desktop.ui.composer.fields import TYPING, Edit, first_difference
from desktop.ui.composer.models import MOTIONS
from desktop.ui.composer.parts import META, SECTION, Part, set_part_text

# What the undo menu says for typing in a field ("Ongedaan maken: Betreft wijzigen").
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


def _common_suffix(a: str, b: str, limit: int) -> int:
    """How many trailing characters two texts share, at most ``limit`` (halving, as
    :func:`first_difference` does at the start)."""
    low, high = 0, min(len(a), len(b), limit)
    while low < high:
        middle = (low + high + 1) // 2
        if a[len(a) - middle : len(a) - low] == b[len(b) - middle : len(b) - low]:
            low = middle
        else:
            high = middle - 1
    return low


def edit_span(old: str, new: str) -> tuple[int, str, str]:
    """Where two texts differ: the position, the text removed there and the text inserted."""
    start = first_difference(old, new)
    same_end = _common_suffix(old, new, min(len(old), len(new)) - start)
    return start, old[start : len(old) - same_end], new[start : len(new) - same_end]


def insert_range(old: str, new: str) -> tuple[int, int] | None:
    """Where ``new`` could have been made by inserting text into ``old``: the first and last
    possible position (typing "I" before "In" fits at 0 and at 1); None for other changes."""
    added = len(new) - len(old)
    if added <= 0:
        return None
    prefix = first_difference(old, new)
    suffix = _common_suffix(old, new, len(old))
    first = len(old) - suffix
    return (first, prefix) if first <= prefix else None


class TypingBurst:
    """Merges typing into one step per word burst, as Word does.

    A burst is a run of typed characters at the cursor up to and including the space (or
    new line) after a word, or a run of deletions. Anything with a label (a correction, a
    footnote) is never merged.
    """

    old: str
    new: str
    edit: Edit

    def start_burst(self, old: str, new: str, edit: Edit) -> None:
        """Remember how this edit began (called by the command's constructor)."""
        self.edit = edit
        position, removed, inserted = edit_span(old, new)
        self._deleting = bool(removed) and not inserted
        # Where the burst ends: a range, as the same text typed may fit more than one place.
        end = position + len(inserted)
        self._ends = self._after(old, new) or (end, end)
        # Typing over a selection starts a burst too; a pasted text ending in a space ends one.
        self._closed = not edit.typing or inserted[-1:].isspace()

    @staticmethod
    def _after(old: str, new: str) -> tuple[int, int] | None:
        spots = insert_range(old, new)
        added = len(new) - len(old)
        return (spots[0] + added, spots[1] + added) if spots is not None else None

    def merge_burst(self, old: str, new: str, edit: Edit) -> bool:
        """True (and taken in) when this typing continues the burst."""
        if self._closed or not edit.typing:
            return False
        _position, removed, inserted = edit_span(old, new)
        deleting = bool(removed) and not inserted
        if deleting != self._deleting or (removed and inserted):
            return False
        if not deleting:
            spots, ends = insert_range(old, new), self._ends
            if spots is None:
                return False
            first, last = max(spots[0], ends[0]), min(spots[1], ends[1])
            if first > last:
                return False  # typed elsewhere: a new step
            added = len(new) - len(old)
            self._ends = (first + added, last + added)
            inserted = new[last : last + added]
        if inserted[-1:].isspace():
            self._closed = True  # the word and the space after it are one step
        return True


class SetMetaCommand(TypingBurst, QUndoCommand):
    """Change one metadata field; typing in that field merges per word burst."""

    def __init__(
        self, document: ComposerDocument, key: str, old: str, new: str, edit: Edit = TYPING
    ) -> None:
        super().__init__(edit.label or f"{capitalised(META_LABELS.get(key, key))} wijzigen")
        self.document, self.key, self.old, self.new = document, key, old, new
        self.start_burst(old, new, edit)

    def id(self) -> int:
        return ID_META if self.edit.typing else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetMetaCommand) or other.key != self.key:
            return False
        if not self.merge_burst(other.old, other.new, other.edit):
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        self.document.set_meta(self.key, self.new)

    def undo(self) -> None:
        self.document.set_meta(self.key, self.old)


class SetSectionFieldCommand(TypingBurst, QUndoCommand):
    """Change a section's title or text; typing in the same field merges per word burst."""

    def __init__(
        self,
        document: ComposerDocument,
        row: int,
        name: str,
        old: str,
        new: str,
        edit: Edit = TYPING,
    ) -> None:
        super().__init__(edit.label or ("Sectietitel wijzigen" if name == "titel" else "Typen"))
        self.document, self.row, self.name, self.old, self.new = document, row, name, old, new
        self.start_burst(old, new, edit)

    def id(self) -> int:
        return ID_SECTION if self.edit.typing else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetSectionFieldCommand) or (other.row, other.name) != (
            self.row,
            self.name,
        ):
            return False
        if not self.merge_burst(other.old, other.new, other.edit):
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
        super().__init__("Sectie toevoegen")
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
        super().__init__("Sectie verwijderen")
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
        super().__init__("Sectie verplaatsen")
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
        super().__init__("Motie toevoegen" if kind == MOTIONS else "Toezegging toevoegen")
        self.document, self.kind, self.row, self.item = document, kind, row, item

    def redo(self) -> None:
        self.document.insert_item(self.kind, self.row, self.item)

    def undo(self) -> None:
        self.document.remove_item(self.kind, self.row)


class RemoveItemCommand(QUndoCommand):
    """Take a motion or commitment out of the letter (with its response)."""

    def __init__(self, document: ComposerDocument, kind: str, row: int) -> None:
        noun = "Motie" if kind == MOTIONS else "Toezegging"
        super().__init__(f"{noun} uit de brief halen")
        self.document, self.kind, self.row = document, kind, row
        items = document.content.motions if kind == MOTIONS else document.content.commitments
        self.item: LetterMotion | LetterCommitment = items[row]

    def redo(self) -> None:
        self.item = self.document.remove_item(self.kind, self.row)

    def undo(self) -> None:
        self.document.insert_item(self.kind, self.row, self.item)


class SetItemFieldCommand(TypingBurst, QUndoCommand):
    """Change a motion's (or commitment's) response, settling flag or section."""

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
        super().__init__(edit.label or self._label(kind, name, new))
        self.document, self.kind, self.row, self.name = document, kind, row, name
        self.old, self.new = old, new
        if name == "response":
            self.start_burst(str(old), str(new), edit)
        else:
            self.edit = edit

    @staticmethod
    def _label(kind: str, name: str, new: Any) -> str:
        noun = "motie" if kind == MOTIONS else "toezegging"
        if name == "response":
            return "Typen in de reactie"
        if name == "afdoen":
            return f"{capitalised(noun)} {'afdoen' if new else 'niet afdoen'}"
        return f"Sectie van de {noun} kiezen"

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
        if not self.merge_burst(str(other.old), str(other.new), other.edit):
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
        super().__init__("Convenant in de bijlage" if chosen else "Convenant uit de bijlage")
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


def edit_command(
    document: ComposerDocument, part: Part, old: str, new: str, edit: Edit = TYPING
) -> QUndoCommand:
    """The undo command for typing in one of the letter's texts, wherever it is edited.

    The same commands as in the Brief, Secties and Moties tabs, so typing in one place
    merges and undoes exactly as typing in the other.
    """
    if part.kind == META:
        return SetMetaCommand(document, str(part.key), old, new, edit)
    if part.kind == SECTION:
        return SetSectionFieldCommand(document, int(part.key), "tekst", old, new, edit)
    return SetItemFieldCommand(document, part.kind, int(part.key), "response", old, new, edit)


class ReplaceTextsCommand(QUndoCommand):
    """Change several of the letter's texts at once (Alles vervangen): one undo step."""

    def __init__(
        self, document: ComposerDocument, changes: list[tuple[Part, str, str]], text: str
    ) -> None:
        super().__init__(text)
        self.document, self.changes = document, changes

    def redo(self) -> None:
        for part, _old, new in self.changes:
            set_part_text(self.document, part, new)

    def undo(self) -> None:
        for part, old, _new in reversed(self.changes):
            set_part_text(self.document, part, old)
