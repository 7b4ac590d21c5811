"""Zoeken en vervangen in de hele brief (match case, whole word), and the word count.

Find moves through the letter's texts in the letter's order from the cursor (the
introduction, each section's motion responses and text, the closing), wrapping at the end:
in each text first the text, then its footnotes (as Word does), a hit in a footnote shown in
the note pane of that text. A single replacement is an undo step of its own, and "Alles
vervangen" is one step for all texts and their footnotes together. A citation's text is the
registry's: found, never replaced.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.domain.dutch import dutch_count, join_list
from desktop.core.drafting.richtext import parse_blocks, visible_text
from desktop.ui.composer.commands import ReplaceTextsCommand
from desktop.ui.composer.document import ComposerDocument
from desktop.ui.composer.editor import RichTextEdit
from desktop.ui.composer.fields import Push, SpellingEditing
from desktop.ui.composer.parts import CLOSING_PART, INTRO_PART, Part, letter_parts, part_text
from desktop.ui.composer.richdoc import (
    Replaced,
    note_positions,
    note_shown_text,
    replace_in_document,
    replace_in_markdown,
    shown_text,
)
from desktop.ui.composer.sections import SectionsPanel

NOT_FOUND = "Niet gevonden in de brief."
WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_LINK_TARGET = re.compile(r"\]\((?:<[^>\n]*>|[^()\s]*)\)")


def count_words(text: str) -> int:
    """Words as Word counts them, Markdown markup (``**``, ``^[``, a link's address) not counted."""
    return sum(1 for _ in WORD.finditer(_LINK_TARGET.sub("]", text)))


@dataclass(frozen=True, slots=True)
class Match:
    """A hit in the letter's text number ``index`` (in the letter's order) from ``start`` to
    ``end``: in the text itself, or in its footnote ``note`` (its footnotes counted from 0, in
    the order of the text); ``row`` is the section it is in (-1: the introduction or the
    closing)."""

    row: int
    start: int
    end: int
    index: int = 0
    note: int | None = None

    @property
    def place(self) -> tuple[int, int, int]:
        """Where the hit is, in the order find goes: the text, itself then its notes, offset."""
        return (self.index, -1 if self.note is None else self.note, self.start)


@dataclass(frozen=True, slots=True)
class PartText:
    """What find searches in one of the letter's texts: the text as shown, and each footnote's."""

    text: str
    notes: list[str]


def pattern(needle: str, *, match_case: bool, whole_word: bool) -> re.Pattern[str] | None:
    """The search as a regular expression (the user's text is never read as one)."""
    if not needle:
        return None
    body = re.escape(needle)
    if whole_word:
        body = rf"(?<!\w){body}(?!\w)"
    return re.compile(body, 0 if match_case else re.IGNORECASE)


def find_all(texts: list[PartText], search: re.Pattern[str], rows: list[int]) -> list[Match]:
    """Every hit in the texts and their footnotes, in the order find goes (``rows``: the
    section of each text)."""
    found: list[Match] = []
    for index, part in enumerate(texts):
        row = rows[index]
        found += [Match(row, m.start(), m.end(), index) for m in search.finditer(part.text)]
        for note, text in enumerate(part.notes):
            found += [Match(row, m.start(), m.end(), index, note) for m in search.finditer(text)]
    return found


def next_match(
    matches: list[Match], index: int, position: int, note: int | None = None
) -> Match | None:
    """The first hit at or after ``position`` (in text ``index``, or in its footnote ``note``),
    else further on, else the first."""
    here = (index, -1 if note is None else note, position)
    for match in matches:
        if match.place >= here:
            return match
    return matches[0] if matches else None


def where_found(matches: list[Match], parts: list[Part]) -> str:
    """Where the hits are, in Dutch: ``de inleiding en 2 secties, waarvan 1 in een voetnoot``."""
    places = []
    if any(parts[m.index] == INTRO_PART for m in matches):
        places.append("de inleiding")
    rows = len({m.row for m in matches if m.row >= 0})
    if rows:
        places.append(f"{dutch_count(rows)} {'sectie' if rows == 1 else 'secties'}")
    if any(parts[m.index].is_item and m.row < 0 for m in matches):
        places.append("de moties en toezeggingen aan het eind")
    if any(parts[m.index] == CLOSING_PART for m in matches):
        places.append("het slot")
    where = join_list(places)
    in_notes = sum(1 for m in matches if m.note is not None)
    if not in_notes:
        return where
    if in_notes == len(matches):
        return where + (", in een voetnoot" if in_notes == 1 else ", alle in voetnoten")
    return where + (
        ", waarvan 1 in een voetnoot"
        if in_notes == 1
        else f", waarvan {dutch_count(in_notes)} in voetnoten"
    )


class FindReplaceDialog(QDialog):
    """Zoeken en vervangen in de hele brief, its footnotes too; not modal."""

    def __init__(
        self,
        document: ComposerDocument,
        sections: SectionsPanel,
        push: Push,
        show_sections: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("zoeken_vervangen")
        self.setWindowTitle("Zoeken en vervangen")
        self.document, self.sections, self._push = document, sections, push
        self._show_sections = show_sections
        self.find_box = QLineEdit(self)
        self.find_box.setObjectName("zoek_tekst")
        self.replace_box = QLineEdit(self)
        self.replace_box.setObjectName("vervang_tekst")
        self.match_case = QCheckBox("&Hoofdlettergevoelig", self)
        self.whole_word = QCheckBox("Alleen &hele woorden", self)
        self.next_button = QPushButton("&Volgende zoeken", self)
        self.next_button.setDefault(True)
        self.replace_button = QPushButton("&Vervangen", self)
        self.replace_all_button = QPushButton("&Alles vervangen", self)
        close = QPushButton("Sluiten", self)
        self.result_label = QLabel("", self)
        self.result_label.setObjectName("zoek_resultaat")
        grid = QGridLayout()
        for line, (text, box) in enumerate(
            (("&Zoeken naar:", self.find_box), ("Vervangen &door:", self.replace_box))
        ):
            label = QLabel(text, self)
            label.setBuddy(box)
            grid.addWidget(label, line, 0)
            grid.addWidget(box, line, 1)
        options = QHBoxLayout()
        options.addWidget(self.match_case)
        options.addWidget(self.whole_word)
        options.addStretch(1)
        buttons = QHBoxLayout()
        for button in (self.next_button, self.replace_button, self.replace_all_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addLayout(options)
        layout.addWidget(self.result_label)
        layout.addLayout(buttons)
        self.next_button.clicked.connect(self.find_next)
        self.replace_button.clicked.connect(self.replace)
        self.replace_all_button.clicked.connect(self.replace_all)
        close.clicked.connect(self.close)
        for option in (self.match_case, self.whole_word):
            option.toggled.connect(lambda _checked: self._count())
        self.find_box.textChanged.connect(lambda _text: self._count())
        self._note_shown: tuple[Part | None, int] | None = None  # (text, marker) find opened
        self.resize(520, self.sizeHint().height())

    # -- searching ---------------------------------------------------------------------------

    def _pattern(self) -> re.Pattern[str] | None:
        return pattern(
            self.find_box.text(),
            match_case=self.match_case.isChecked(),
            whole_word=self.whole_word.isChecked(),
        )

    def _parts(self) -> list[Part]:
        return [part for _page, part in letter_parts(self.document.content)]

    def _rows(self) -> list[int]:
        return [
            page if isinstance(page, int) else -1
            for page, _part in letter_parts(self.document.content)
        ]

    def _texts(self) -> list[PartText]:
        """Each text and its footnotes as shown (those on the page being edited: as they are
        now)."""
        texts = []
        for part in self._parts():
            editor = self.sections.editor_for(part)
            if editor is not None:
                document = editor.document()
                notes = [note_shown_text(editor.note_text(p)) for p in note_positions(document)]
                texts.append(PartText(shown_text(document), notes))
            else:
                blocks = parse_blocks(part_text(self.document.content, part))
                notes = [
                    note_shown_text(span.note)
                    for block in blocks
                    for span in block.spans
                    if span.note is not None
                ]
                texts.append(PartText(visible_text(blocks), notes))
        return texts

    def _matches(self) -> list[Match]:
        search = self._pattern()
        if search is None:
            return []
        return find_all(self._texts(), search, self._rows())

    def _count(self) -> None:
        matches = self._matches()
        if not self.find_box.text():
            self.result_label.setText("")
        elif not matches:
            self.result_label.setText(NOT_FOUND)
        else:
            self.result_label.setText(
                f"{dutch_count(len(matches))} keer gevonden in "
                f"{where_found(matches, self._parts())}."
            )

    def _editor(self) -> RichTextEdit:
        return self.sections.active_editor() or self.sections.text

    def _note_editor(self) -> RichTextEdit:
        return self.sections.note_text

    def _current_index(self) -> int:
        """Where find starts: the text with the cursor (-1: none)."""
        part = self.sections.active_part()
        parts = self._parts()
        return parts.index(part) if part in parts else -1

    def _in_note(self) -> int | None:
        """The footnote of the text with the cursor that find goes on in (its place in that
        text), None: the text itself.

        That is the footnote the user is editing, or the one find showed a hit in (as long
        as the note pane still shows it).
        """
        pane = self.sections.note_pane
        position = pane.position
        if position is None or pane.main is not self._editor():
            return None
        if not pane.showing_note_at_cursor():
            return None  # the text's cursor has gone elsewhere
        shown_by_find = self._note_shown == (self.sections.active_part(), position)
        if not (self._note_editor().hasFocus() or shown_by_find):
            return None
        positions = note_positions(self._editor().document())
        return positions.index(position) if position in positions else None

    def find_next(self) -> Match | None:
        """Select the next hit (from the cursor, on through the letter, then from the top)."""
        matches = self._matches()
        self._count()
        index = self._current_index()
        note = self._in_note() if index >= 0 else None
        if note is not None:
            position = self._note_editor().textCursor().selectionEnd()
        else:
            position = self._editor().textCursor().selectionEnd() if index >= 0 else 0
        found = next_match(matches, max(index, 0), position, note)
        if found is None:
            return None
        self._show_sections()
        part = self._parts()[found.index]
        editor = self.sections.show_part(part)
        if editor is None:
            return None
        if found.note is not None:
            self._select_in_note(editor, part, found)
            return found
        self._note_shown = None
        selection = QTextCursor(editor.document())
        selection.setPosition(found.start)
        selection.setPosition(found.end, QTextCursor.MoveMode.KeepAnchor)
        editor.setTextCursor(selection)
        editor.ensureCursorVisible()
        return found

    def _select_in_note(self, editor: RichTextEdit, part: Part, found: Match) -> None:
        """Open the footnote of a hit in the note pane (attached to ``editor``), the hit
        selected."""
        marker = note_positions(editor.document())[found.note or 0]
        cursor = QTextCursor(editor.document())
        cursor.setPosition(marker + 1)  # just after the marker: the pane shows its note
        editor.setTextCursor(cursor)
        editor.ensureCursorVisible()
        self.sections.note_pane.show_note(marker)  # the pane follows the active editor
        self._note_shown = (part, marker)
        note_editor = self._note_editor()
        selection = QTextCursor(note_editor.document())
        selection.setPosition(found.start)
        selection.setPosition(found.end, QTextCursor.MoveMode.KeepAnchor)
        note_editor.setTextCursor(selection)
        note_editor.ensureCursorVisible()

    def _selected_match(self, editor: RichTextEdit) -> bool:
        search = self._pattern()
        cursor = editor.textCursor()
        if search is None or not cursor.hasSelection() or self._current_index() < 0:
            return False
        text = shown_text(editor.document())
        hit = search.match(text, cursor.selectionStart())
        return hit is not None and hit.end() == cursor.selectionEnd()

    def replace(self) -> None:
        """Replace the selected hit (one undo step), then select the next one."""
        if self.document.read_only:
            return
        editor = self._editor() if self._in_note() is None else self._note_editor()
        if self._selected_match(editor):
            cursor = editor.textCursor()
            with editor.change("Vervangen"):
                cursor.insertText(self.replace_box.text())
            editor.setTextCursor(cursor)
        self.find_next()

    def replace_all(self) -> int:
        """Replace every hit in every text and footnote, as one undo step; returns how many."""
        search = self._pattern()
        if search is None or self.document.read_only:
            return 0
        replacement = self.replace_box.text()
        changes: list[tuple[Part, str, str]] = []
        total = kept = 0
        for part, texts in zip(self._parts(), self._texts(), strict=True):
            hits = [(m.start(), m.end()) for m in search.finditer(texts.text)]
            note_hits = {
                note: found
                for note, text in enumerate(texts.notes)
                if (found := [(m.start(), m.end()) for m in search.finditer(text)])
            }
            if not hits and not note_hits:
                continue
            old = part_text(self.document.content, part)
            editor = self.sections.editor_for(part)
            result: Replaced
            if editor is not None:  # the editor's own document: its formats exactly as shown
                document = editor.document().clone()
                result = replace_in_document(document, hits, replacement, note_hits)
            else:
                result = replace_in_markdown(old, hits, replacement, note_hits)
            if result.markdown != old:
                changes.append((part, old, result.markdown))
            total += result.count
            kept += result.kept
        if changes:
            self._push(
                ReplaceTextsCommand(
                    self.document, changes, f"Alles vervangen ({dutch_count(total)}×)"
                )
            )
        message = f"{dutch_count(total)} keer vervangen." if total else ""
        if kept:
            message += (
                f" {dutch_count(kept)} keer niet: in een verwijzing uit het register, "
                "waarvan de tekst uit het register komt."
            )
        self.result_label.setText(message.strip() or NOT_FOUND)
        return total

    def open_with(self, text: str) -> None:
        """Show the dialog with ``text`` (the selection) to search for."""
        if text and "\u2029" not in text:
            self.find_box.setText(text)
        self.show()
        self.raise_()
        self.activateWindow()
        self.find_box.setFocus()
        self.find_box.selectAll()
        self._count()


class WordCount(QObject):
    """The number of words of the letter, and of the selection, in a status bar label."""

    def __init__(
        self, document: ComposerDocument, editors: list[SpellingEditing], label: QLabel
    ) -> None:
        super().__init__(label)
        self.document, self.editors, self.label = document, editors, label
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.update)
        document.changed.connect(self._timer.start)
        for editor in editors:
            editor._qt().selectionChanged.connect(self.update)
        self.update()

    def watch(self, editor: QObject) -> None:
        """Count the selection in an editor made later (a motion's response on a page)."""
        if isinstance(editor, SpellingEditing) and editor not in self.editors:
            self.editors.append(editor)
            editor._qt().selectionChanged.connect(self.update)

    def letter_words(self) -> int:
        """The words of everything the letter says (details, sections, responses)."""
        content = self.document.content
        meta = content.meta
        texts = [meta.get(key, "") for key in ("betreft", "aanhef", "inleiding", "slot")]
        for section in content.sections:
            texts += [section.titel, section.tekst]
        texts += [item.response for item in content.motions]
        texts += [item.response for item in content.commitments]
        return sum(count_words(text) for text in texts if text)

    def selection_words(self) -> int:
        """The words selected in the editor that has the focus (0: none)."""
        for editor in (e._qt() for e in self.editors):
            cursor = editor.textCursor()
            if cursor.hasSelection() and (editor.hasFocus() or len(self.editors) == 1):
                return count_words(cursor.selectedText())
        return 0

    def update(self) -> None:
        """Show the counts now."""
        total = self.letter_words()
        text = f"{total:,}".replace(",", ".") + (" woord" if total == 1 else " woorden")
        selected = self.selection_words()
        if selected:
            text += f" · selectie: {selected:,}".replace(",", ".")
        self.label.setText(text)
