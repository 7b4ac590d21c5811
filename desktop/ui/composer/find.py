"""Zoeken en vervangen in alle secties (match case, whole word), and the word count.

Find moves through the letter's texts in the letter's order from the cursor (the
introduction, each section's motion responses and text, the closing), wrapping at the end;
a single replacement is an undo step of its own, and "Alles vervangen" is one step for all
texts together.
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
from desktop.core.drafting.richtext import note_texts, parse_blocks, visible_text
from desktop.ui.composer.commands import ReplaceTextsCommand
from desktop.ui.composer.document import ComposerDocument
from desktop.ui.composer.editor import RichTextEdit
from desktop.ui.composer.fields import Push, SpellingEditing
from desktop.ui.composer.parts import CLOSING_PART, INTRO_PART, Part, letter_parts, part_text
from desktop.ui.composer.richdoc import replace_in_document, replace_in_markdown, shown_text
from desktop.ui.composer.sections import SectionsPanel

WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")


def count_words(text: str) -> int:
    """Words as Word counts them, Markdown markup (``**``, ``^[``) not counted."""
    return sum(1 for _ in WORD.finditer(text))


@dataclass(frozen=True, slots=True)
class Match:
    """A hit in the letter's text number ``index`` (in the letter's order) from ``start`` to
    ``end``; ``row`` is the section it is in (-1: the introduction or the closing)."""

    row: int
    start: int
    end: int
    index: int = 0


def pattern(needle: str, *, match_case: bool, whole_word: bool) -> re.Pattern[str] | None:
    """The search as a regular expression (the user's text is never read as one)."""
    if not needle:
        return None
    body = re.escape(needle)
    if whole_word:
        body = rf"(?<!\w){body}(?!\w)"
    return re.compile(body, 0 if match_case else re.IGNORECASE)


def find_all(texts: list[str], search: re.Pattern[str], rows: list[int]) -> list[Match]:
    """Every hit in the texts, in order (``rows``: the section of each text)."""
    return [
        Match(rows[index], m.start(), m.end(), index)
        for index, text in enumerate(texts)
        for m in search.finditer(text)
    ]


def next_match(matches: list[Match], index: int, position: int) -> Match | None:
    """The first hit at or after ``position`` in text ``index``, else further on, else the first."""
    for match in matches:
        if (match.index, match.start) >= (index, position):
            return match
    return matches[0] if matches else None


def where_found(matches: list[Match], parts: list[Part]) -> str:
    """Where the hits are, in Dutch: ``de inleiding en 2 secties``."""
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
    return join_list(places)


class FindReplaceDialog(QDialog):
    """Zoeken en vervangen in alle secties of the letter; not modal."""

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

    def _markdown(self, part: Part) -> str:
        editor = self.sections.editor_for(part)
        return editor.markdown() if editor is not None else part_text(self.document.content, part)

    def _texts(self) -> list[str]:
        """Each text as its editor shows it (those on the page being edited: as they are now)."""
        texts = []
        for part in self._parts():
            editor = self.sections.editor_for(part)
            if editor is not None:
                texts.append(shown_text(editor.document()))
            else:
                texts.append(visible_text(parse_blocks(part_text(self.document.content, part))))
        return texts

    def _matches(self) -> list[Match]:
        search = self._pattern()
        if search is None:
            return []
        return find_all(self._texts(), search, self._rows())

    def _note_hits(self) -> int:
        """Hits inside footnotes, which this window does not step into (yet): told, not hidden."""
        search = self._pattern()
        if search is None:
            return 0
        total = 0
        for part in self._parts():
            total += sum(len(search.findall(text)) for text in note_texts(self._markdown(part)))
        return total

    def _in_notes(self) -> str:
        hits = self._note_hits()
        if not hits:
            return ""
        return (
            f" Ook {dutch_count(hits)} keer in voetnoten: daar zoekt en vervangt dit venster niet;"
            " klik op het nummer van de voetnoot om haar te wijzigen."
        )

    def _count(self) -> None:
        matches = self._matches()
        if not self.find_box.text():
            self.result_label.setText("")
        elif not matches:
            self.result_label.setText("Niet gevonden in de secties." + self._in_notes())
        else:
            self.result_label.setText(
                f"{dutch_count(len(matches))} keer gevonden in "
                f"{where_found(matches, self._parts())}." + self._in_notes()
            )

    def _editor(self) -> RichTextEdit:
        return self.sections.active_editor() or self.sections.text

    def _current_index(self) -> int:
        """Where find starts: the text with the cursor (-1: none)."""
        part = self.sections.active_part()
        parts = self._parts()
        return parts.index(part) if part in parts else -1

    def find_next(self) -> Match | None:
        """Select the next hit (from the cursor, on through the letter, then from the top)."""
        matches = self._matches()
        self._count()
        index = self._current_index()
        position = self._editor().textCursor().selectionEnd() if index >= 0 else 0
        found = next_match(matches, max(index, 0), position)
        if found is None:
            return None
        self._show_sections()
        editor = self.sections.show_part(self._parts()[found.index])
        if editor is None:
            return None
        selection = QTextCursor(editor.document())
        selection.setPosition(found.start)
        selection.setPosition(found.end, QTextCursor.MoveMode.KeepAnchor)
        editor.setTextCursor(selection)
        editor.ensureCursorVisible()
        return found

    def _selected_match(self) -> bool:
        search = self._pattern()
        cursor = self._editor().textCursor()
        if search is None or not cursor.hasSelection() or self._current_index() < 0:
            return False
        text = shown_text(self._editor().document())
        hit = search.match(text, cursor.selectionStart())
        return hit is not None and hit.end() == cursor.selectionEnd()

    def replace(self) -> None:
        """Replace the selected hit (one undo step), then select the next one."""
        if self.document.read_only:
            return
        if self._selected_match():
            editor = self._editor()
            cursor = editor.textCursor()
            with editor.change("Vervangen"):
                cursor.insertText(self.replace_box.text())
            editor.setTextCursor(cursor)
        self.find_next()

    def replace_all(self) -> int:
        """Replace every hit in every section, as one undo step; returns how many."""
        search = self._pattern()
        if search is None or self.document.read_only:
            return 0
        replacement = self.replace_box.text()
        changes: list[tuple[Part, str, str]] = []
        total = 0
        for part, text in zip(self._parts(), self._texts(), strict=True):
            hits = [(m.start(), m.end()) for m in search.finditer(text)]
            if not hits:
                continue
            old = part_text(self.document.content, part)
            editor = self.sections.editor_for(part)
            if editor is not None:  # the editor's own document: its formats exactly as shown
                new = replace_in_document(editor.document().clone(), hits, replacement).markdown
            else:
                new = replace_in_markdown(old, hits, replacement).markdown
            if new != old:
                changes.append((part, old, new))
            total += len(hits)
        if changes:
            self._push(
                ReplaceTextsCommand(
                    self.document, changes, f"Alles vervangen ({dutch_count(total)}×)"
                )
            )
        self.result_label.setText(
            (f"{dutch_count(total)} keer vervangen." if total else "Niet gevonden in de secties.")
            + self._in_notes()
        )
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
