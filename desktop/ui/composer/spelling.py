"""Spell checking in the composer's text fields: red wavy underline, right-click suggestions.

One :class:`SpellCheck` per composer holds the speller (the Dutch dictionary, the personal
list, the registry's names) and tells every highlighter to redraw when a word is ignored
or added. Hunspell answers a known word in microseconds and the answers are cached, so
the check runs as the text is drawn; suggestions (slower for Dutch compounds) are asked
only when the user right-clicks a flagged word. The word being typed is not underlined, nor
is a citation of a registry item (its text is the registry's).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import (
    QColor,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QTextEdit

from desktop.core.errors import UserError
from desktop.core.services.spelling import Misspelling, Speller
from desktop.ui.composer.richdoc import citation_ranges

UNDERLINE = QColor("#d0021b")
PERSONAL_LIST = "woordenlijst.txt"


class SpellCheck(QObject):
    """The composer's speller; ``changed`` when a word is ignored, added or terms arrive."""

    changed = Signal()
    failed = Signal(str)

    def __init__(self, speller: Speller, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.speller = speller

    @classmethod
    def load(cls, resources: Path, data_dir: Path, parent: QObject | None = None) -> SpellCheck:
        """The bundled Dutch dictionary with the personal list in ``data_dir``."""
        speller = Speller(resources / "spelling", data_dir / "enchant", data_dir / PERSONAL_LIST)
        return cls(speller, parent)

    @property
    def available(self) -> bool:
        """True when the dictionary could be loaded."""
        return self.speller.available

    def set_terms(self, terms: list[str]) -> None:
        """Names and kenmerken from the registry: never flagged."""
        self.speller.set_terms(terms)
        self.changed.emit()

    def ignore(self, word: str) -> None:
        """Accept ``word`` for the rest of this session."""
        self.speller.ignore(word)
        self.changed.emit()

    def add(self, word: str) -> None:
        """Add ``word`` to the personal list."""
        try:
            self.speller.add(word)
        except UserError as error:
            self.failed.emit(str(error))
        self.changed.emit()


class SpellHighlighter(QSyntaxHighlighter):
    """Underlines unknown words of one editor's document in red (a wavy line)."""

    def __init__(
        self,
        document: QTextDocument,
        check: SpellCheck,
        typing_at: Callable[[], int | None],
    ) -> None:
        super().__init__(document)
        self.check = check
        self._typing_at = typing_at
        self.underline = QTextCharFormat()
        self.underline.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        self.underline.setUnderlineColor(UNDERLINE)
        check.changed.connect(self.rehighlight)

    def misspellings(self, text: str) -> list[Misspelling]:
        """The flagged words of one paragraph (without the word being typed)."""
        block = self.currentBlock()
        found = _outside_citations(
            self.check.speller.misspellings(text), block.document(), block.position()
        )
        typing = self._typing_at()
        if typing is None:
            return found
        offset = typing - block.position()
        return [m for m in found if not m.start <= offset <= m.end]

    def highlightBlock(self, text: str) -> None:
        for misspelling in self.misspellings(text):
            self.setFormat(misspelling.start, len(misspelling.word), self.underline)


def _outside_citations(
    found: list[Misspelling], document: QTextDocument | None, offset: int
) -> list[Misspelling]:
    """The misspellings that are not in a citation (positions from ``offset`` on)."""
    if document is None or not found:
        return found
    return [m for m in found if not citation_ranges(document, offset + m.start, offset + m.end)]


def word_at(
    editor: QPlainTextEdit | QTextEdit, position: int, speller: Speller
) -> Misspelling | None:
    """The flagged word at a document position, with its position in the document."""
    block = editor.document().findBlock(position)
    if not block.isValid():
        return None
    offset = position - block.position()
    found = _outside_citations(
        speller.misspellings(block.text()), block.document(), block.position()
    )
    for misspelling in found:
        if misspelling.start <= offset <= misspelling.end:
            return Misspelling(block.position() + misspelling.start, misspelling.word)
    return None


def add_spelling_actions(
    menu: QMenu,
    editor: QPlainTextEdit | QTextEdit,
    check: SpellCheck,
    position: int,
    replace: Callable[[QTextCursor, str], None],
) -> Misspelling | None:
    """Put suggestions, Negeren and Toevoegen aan woordenlijst at the top of ``menu``."""
    found = word_at(editor, position, check.speller)
    if found is None:
        return None
    first = menu.actions()[0] if menu.actions() else None
    actions = []
    suggestions = check.speller.suggest(found.word)
    for suggestion in suggestions:
        action = menu.addAction(suggestion)
        bold = action.font()
        bold.setBold(True)
        action.setFont(bold)
        action.setObjectName("spelling_suggestie")
        action.triggered.connect(
            lambda _checked=False, text=suggestion: replace(_select(editor, found), text)
        )
        actions.append(action)
    if not suggestions:
        none = menu.addAction("(geen suggesties)")
        none.setEnabled(False)
        actions.append(none)
    ignore = menu.addAction("&Negeren")
    ignore.setObjectName("spelling_negeren")
    ignore.triggered.connect(lambda _checked=False: check.ignore(found.word))
    add = menu.addAction("&Toevoegen aan woordenlijst")
    add.setObjectName("spelling_toevoegen")
    add.triggered.connect(lambda _checked=False: check.add(found.word))
    actions += [ignore, add]
    if first is not None:
        for action in actions:
            menu.removeAction(action)
        menu.insertActions(first, actions)
        menu.insertSeparator(first)
    return found


def _select(editor: QPlainTextEdit | QTextEdit, found: Misspelling) -> QTextCursor:
    cursor = QTextCursor(editor.document())
    cursor.setPosition(found.start)
    cursor.setPosition(found.end, QTextCursor.MoveMode.KeepAnchor)
    return cursor
