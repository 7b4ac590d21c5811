"""Zoeken en vervangen across all sections, and the word count of the letter and selection."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from desktop.core.services.letters import Citation
from desktop.ui.composer.fields import widget_text
from desktop.ui.composer.find import count_words
from tests.ui.test_composer import open_composer, type_into


def three_sections(qtbot, composer) -> None:
    composer.tabs.setCurrentWidget(composer.sections)
    texts = [
        "De motie vraagt om een Convenant. Het convenant loopt.",
        "Geen treffer hier, behalve convenanten.",
        "Een laatste convenant.",
    ]
    while composer.document.sections.rowCount() < len(texts):
        composer.sections.add_section()
    for row, text in enumerate(texts):
        composer.sections.select(row)
        type_into(qtbot, composer.sections.text, text)


def test_find_moves_through_all_sections_and_replace_is_one_step(qtbot, window):
    composer = open_composer(qtbot, window)
    three_sections(qtbot, composer)
    composer.sections.select(0)
    composer.show_find()
    dialog = composer.find_dialog
    assert dialog.isVisible()
    dialog.find_box.setText("convenant")
    dialog.whole_word.setChecked(True)
    assert dialog.result_label.text() == "3 keer gevonden in 2 secties."
    dialog.match_case.setChecked(True)
    assert dialog.result_label.text() == "2 keer gevonden in 2 secties."
    dialog.match_case.setChecked(False)
    hits = [dialog.find_next() for _ in range(4)]
    first = "De motie vraagt om een Convenant. Het convenant loopt."
    assert [(h.row, h.start) for h in hits if h] == [
        (0, first.index("Convenant")),
        (0, first.index("convenant")),
        (2, len("Een laatste ")),
        (0, first.index("Convenant")),
    ]
    # Replace the selected hit, then the next one is selected.
    dialog.replace_box.setText("afspraak")
    dialog.replace()
    assert composer.document.content.sections[0].tekst.startswith(
        "De motie vraagt om een afspraak."
    )
    assert composer.undo_stack.undoText() == "Vervangen"
    assert composer.sections.text.textCursor().selectedText() == "convenant"
    count = composer.undo_stack.count()
    assert dialog.replace_all() == 2
    assert composer.undo_stack.count() == count + 1
    assert composer.undo_stack.undoText() == "Alles vervangen (2×)"
    texts = [s.tekst for s in composer.document.content.sections]
    assert texts[1] == "Geen treffer hier, behalve convenanten."  # whole words only
    assert "convenant" not in texts[0] + texts[2]
    composer.act_undo.trigger()
    assert [s.tekst for s in composer.document.content.sections][2] == "Een laatste convenant."


def test_searching_for_nothing_or_regex_characters_is_harmless(qtbot, window):
    composer = open_composer(qtbot, window)
    three_sections(qtbot, composer)
    dialog = composer.find_dialog
    dialog.find_box.setText("")
    assert dialog.find_next() is None and dialog.replace_all() == 0
    dialog.find_box.setText("(.*")
    assert dialog.find_next() is None
    assert dialog.result_label.text() == "Niet gevonden in de brief."


def test_word_count_of_the_letter_and_the_selection(qtbot, window):
    composer = open_composer(qtbot, window)
    editor = composer.sections.text
    composer.tabs.setCurrentWidget(composer.sections)
    composer.sections.select(0)
    before = composer.word_count.letter_words()
    type_into(qtbot, editor, "Dit zijn **vijf** woorden^[en twee].")
    qtbot.waitUntil(lambda: composer.word_count.letter_words() != before)
    total = composer.word_count.letter_words()
    qtbot.waitUntil(lambda: composer.word_count_label.text() == f"{total} woorden")
    editor.setFocus()
    editor.selectAll()
    assert composer.word_count_label.text() == f"{total} woorden · selectie: 6"
    assert widget_text(editor).startswith("Dit zijn")
    qtbot.keyClick(editor, Qt.Key.Key_End)


def test_counting_words_like_word():
    assert count_words("Noord-Holland en zo'n **vet** ^[voetnoot] 26 485") == 7
    assert count_words("") == 0


def test_counting_words_leaves_out_where_a_link_goes():
    assert count_words("Zie [de motie Van Laar](motie:1) en [site](<https://x.nl/a b>).") == 7


def note(qtbot, composer, text: str, note_text: str) -> None:
    """Type ``text`` at the end of the section, then a footnote with ``note_text``."""
    editor = composer.sections.text
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor, text)
    composer.sections.note_button.click()
    qtbot.keyClicks(composer.sections.note_text, note_text)


def test_find_and_replace_look_inside_footnotes_too(qtbot, window):
    composer = open_composer(qtbot, window)
    composer.tabs.setCurrentWidget(composer.sections)
    composer.sections.select(0)
    composer.sections.text.selectAll()
    qtbot.keyClick(composer.sections.text, Qt.Key.Key_Delete)
    note(qtbot, composer, "Het convenant loopt", "Zie het Convenant textiel.")
    note(qtbot, composer, " en verder", "Over het convenant en convenanten.")
    composer.sections.add_section("Tweede")
    composer.sections.select(1)
    note(qtbot, composer, "Geen treffer", "Nog een convenant.")
    composer.sections.select(0)
    composer.sections.text.moveCursor(QTextCursor.MoveOperation.Start)
    undo_count = composer.undo_stack.count()
    composer.show_find()
    dialog = composer.find_dialog
    dialog.find_box.setText("convenant")
    dialog.whole_word.setChecked(True)
    assert dialog.result_label.text() == "4 keer gevonden in 2 secties, waarvan 3 in voetnoten."
    dialog.match_case.setChecked(True)
    assert dialog.result_label.text() == "3 keer gevonden in 2 secties, waarvan 2 in voetnoten."
    dialog.match_case.setChecked(False)
    # First the text of a section, then its footnotes in order, then the next section.
    pane, note_text = composer.sections.note_pane, composer.sections.note_text
    hits = [dialog.find_next() for _ in range(5)]
    assert [(h.row, h.note, h.start) for h in hits if h] == [
        (0, None, len("Het ")),
        (0, 0, len("Zie het ")),
        (0, 1, len("Over het ")),
        (1, 0, len("Nog een ")),
        (0, None, len("Het ")),
    ]
    # Ga naar a hit in a footnote: the note pane shows that footnote, the hit selected.
    dialog.find_next()
    assert composer.sections.current_row() == 0
    assert pane.isVisible() and pane.label.text() == "Voetnoot 1:"
    assert note_text.textCursor().selectedText() == "Convenant"
    # Replacing it there is one step, and find goes on in the footnotes.
    dialog.replace_box.setText("afspraak")
    dialog.replace()
    assert composer.undo_stack.undoText() == "Vervangen"
    assert composer.document.content.sections[0].tekst == (
        "Het convenant loopt^[Zie het afspraak textiel.] en verder"
        "^[Over het convenant en convenanten.]"
    )
    assert pane.label.text() == "Voetnoot 2:"
    assert note_text.textCursor().selectedText() == "convenant"
    composer.act_undo.trigger()
    assert "^[Zie het Convenant textiel.]" in composer.document.content.sections[0].tekst
    # Alles vervangen: text and footnotes of every section, one step.
    assert dialog.replace_all() == 4
    assert composer.undo_stack.count() == undo_count + 1
    assert composer.undo_stack.undoText() == "Alles vervangen (4×)"
    texts = [s.tekst for s in composer.document.content.sections]
    assert texts == [
        "Het afspraak loopt^[Zie het afspraak textiel.] en verder"
        "^[Over het afspraak en convenanten.]",
        "Geen treffer^[Nog een afspraak.]",
    ]
    composer.act_undo.trigger()
    assert [s.tekst for s in composer.document.content.sections] == [
        "Het convenant loopt^[Zie het Convenant textiel.] en verder"
        "^[Over het convenant en convenanten.]",
        "Geen treffer^[Nog een convenant.]",
    ]


def test_replace_leaves_the_text_of_a_citation_to_the_registry(qtbot, window, composer_dialogs):
    composer = open_composer(qtbot, window)
    composer.tabs.setCurrentWidget(composer.sections)
    composer.sections.select(0)
    editor = composer.sections.text
    type_into(qtbot, editor, "De motie ")
    composer_dialogs.citations.append(
        Citation("Van Laar", "de motie Van Laar (Kamerstuk 26\u00a0485, nr.\u00a0224)", "motie:1")
    )
    composer.sections.cite_button.click()
    qtbot.keyClicks(editor, " en nog een motie.")
    composer.show_find()
    dialog = composer.find_dialog
    dialog.find_box.setText("motie")
    assert dialog.result_label.text() == "3 keer gevonden in 1 sectie."
    dialog.replace_box.setText("brief")
    assert dialog.replace_all() == 2
    assert dialog.result_label.text() == (
        "2 keer vervangen. 1 keer niet: in een verwijzing uit het register, waarvan de tekst "
        "uit het register komt."
    )
    assert widget_text(editor) == (
        "De brief [de motie Van Laar (Kamerstuk 26\u00a0485, nr.\u00a0224)](motie:1) "
        "en nog een brief."
    )
