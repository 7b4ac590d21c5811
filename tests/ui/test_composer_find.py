"""Zoeken en vervangen across all sections, and the word count of the letter and selection."""

from __future__ import annotations

from PySide6.QtCore import Qt

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
    assert dialog.result_label.text() == "Niet gevonden in de secties."


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


def test_hits_inside_footnotes_are_told_not_silently_skipped(qtbot, window):
    composer = open_composer(qtbot, window)
    composer.tabs.setCurrentWidget(composer.sections)
    composer.sections.select(0)
    editor = composer.sections.text
    editor.selectAll()
    qtbot.keyClicks(editor, "Het convenant loopt")
    composer.sections.note_button.click()
    qtbot.keyClicks(composer.sections.note_text, "Zie het convenant textiel.")
    composer.show_find()
    dialog = composer.find_dialog
    dialog.find_box.setText("convenant")
    assert dialog.result_label.text().startswith("1 keer gevonden in 1 sectie.")
    assert "Ook 1 keer in voetnoten" in dialog.result_label.text()
    dialog.replace_box.setText("afspraak")
    dialog.replace_all()
    assert "Ook 1 keer in voetnoten" in dialog.result_label.text()
