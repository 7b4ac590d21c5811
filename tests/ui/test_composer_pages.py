"""The Secties tab shows the whole letter as pages: the introduction, each section with its
motion paragraphs, the closing; each text is edited there and stays the same text as in the
Brief and Moties tabs."""

from __future__ import annotations

import docx
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QTextCursor, QWheelEvent
from PySide6.QtWidgets import QApplication

from desktop.ui.composer.fields import widget_text
from desktop.ui.composer.models import MOTIONS
from desktop.ui.composer.parts import CLOSING, INTRO, INTRO_PART, Part, page_parts, part_text
from desktop.ui.composer.richdoc import shown_text
from desktop.ui.composer.window import DEFAULT_SIZE
from tests.ui.helpers import assert_real_picture, screenshot_path, show_active
from tests.ui.test_composer import (
    DEMO_LETTER,
    editable_demo,
    open_composer,
    preview_text,
    settle,
    type_into,
)

AMBASSADES = 8  # the demo section with a motion paragraph and then text of its own
DIKS = Part(MOTIONS, 2)  # that motion: de motie Diks/Van den Hul


def active_composer(qtbot, window):
    """The demo letter as a concept, in a composer window that has the keyboard."""
    show_active(qtbot, window)
    composer = editable_demo(qtbot, window)
    with qtbot.waitActive(composer):
        composer.show()
        composer.activateWindow()
    return composer


def test_a_section_page_shows_its_motion_paragraph_then_its_text(qtbot, window):
    composer = editable_demo(qtbot, window)
    panel = composer.sections
    panel.select(AMBASSADES)
    content = composer.document.content
    blocks = panel._blocks()
    assert [block.part for block in blocks] == [DIKS, Part("sectie", AMBASSADES)]
    lead = blocks[0].lead
    assert lead.isVisibleTo(panel)
    assert "<b>De motie Diks/Van den Hul (Kamerstuk 35\u00a0000\u00a0XVII, nr.\u00a034)</b>" in (
        lead.text()
    )
    assert "verzoekt de regering een uitgebreidere IMVO-richtlijn" in lead.text()
    assert widget_text(blocks[0].editor) == content.motions[2].response
    assert widget_text(panel.text) == content.sections[AMBASSADES].tekst
    # The page is laid out as the letter: the paragraph above the section's own text.
    assert blocks[0].mapTo(panel.page, blocks[0].rect().topLeft()).y() < (
        panel.text.mapTo(panel.page, panel.text.rect().topLeft()).y()
    )
    # The list names the introduction first and the closing last.
    names = [panel.outline.index(row, 0).data() for row in range(panel.outline.rowCount())]
    assert names[0] == "Inleiding" and names[-1] == "Slot"
    assert names[1 : len(content.sections) + 1] == [s.titel for s in content.sections]
    assert composer.undo_stack.count() == 0  # showing pages changes nothing


def test_typing_a_response_in_its_section_shows_in_the_moties_tab_and_undoes_in_one_step(
    qtbot, window
):
    composer = active_composer(qtbot, window)
    panel = composer.sections
    panel.select(AMBASSADES)
    before = composer.document.content.motions[2].response
    editor = panel.editor_for(DIKS)
    assert editor is not None
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.Start)
    qtbot.keyClicks(editor, "Inmiddels ")
    assert panel.active_part() == DIKS
    assert composer.document.content.motions[2].response == "Inmiddels " + before
    assert composer.undo_stack.count() == 1  # a word and its space: one step
    # The Moties tab shows the same text at once, and the preview follows.
    composer.tabs.setCurrentWidget(composer.motions)
    assert composer.motions.current_row() == 2
    assert widget_text(composer.motions.response) == "Inmiddels " + before
    settle(qtbot, window, composer)
    assert "UNGP's. Inmiddels In november 2019" in preview_text(composer)
    # Ctrl+Z in the section's page takes the whole word back.
    composer.tabs.setCurrentWidget(composer.sections)
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert composer.document.content.motions[2].response == before
    assert widget_text(editor) == before
    assert not composer.modified
    settle(qtbot, window, composer)
    assert "Inmiddels" not in preview_text(composer)


def test_typing_in_the_moties_tab_shows_in_the_section_page(qtbot, window):
    composer = editable_demo(qtbot, window)
    panel = composer.sections
    panel.select(0)
    composer.tabs.setCurrentWidget(composer.motions)
    composer.motions.select(0)
    response = composer.motions.response
    type_into(qtbot, response, "Zie de ")
    qtbot.keyClick(response, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(response, "jaarrapportage")
    qtbot.keyClick(response, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(response, ".")
    assert "**" not in shown_text(response.document())  # formatted in the Moties tab too
    editor = panel.editor_for(Part(MOTIONS, 0))
    assert editor is not None
    assert widget_text(editor) == "Zie de **jaarrapportage**."
    assert "**" not in shown_text(editor.document())  # shown bold, not as markup
    assert panel.current_page() == 0
    # Moving the motion to another section moves its paragraph to that page.
    composer.motions.section.setCurrentIndex(composer.motions.section.findData(2))
    composer.motions.section.activated.emit(composer.motions.section.currentIndex())
    assert panel.editor_for(Part(MOTIONS, 0)) is None
    panel.select(2)
    moved = panel.editor_for(Part(MOTIONS, 0))
    assert moved is not None and widget_text(moved) == "Zie de **jaarrapportage**."


def test_switching_pages_and_tabs_keeps_what_was_typed(qtbot, window):
    composer = editable_demo(qtbot, window)
    panel = composer.sections
    panel.select(AMBASSADES)
    response = panel.editor_for(DIKS)
    assert response is not None
    response.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(response, " Getypt in de reactie.")
    panel.text.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(panel.text, " Getypt in de tekst.")
    panel.select(0)
    composer.tabs.setCurrentWidget(composer.metadata)
    composer.tabs.setCurrentWidget(composer.sections)
    panel.select_page(INTRO)
    panel.select(AMBASSADES)
    content = composer.document.content
    assert content.motions[2].response.endswith("posten. Getypt in de reactie.")
    assert content.sections[AMBASSADES].tekst.endswith("beoordelen. Getypt in de tekst.")
    shown = panel.editor_for(DIKS)
    assert shown is not None and widget_text(shown) == content.motions[2].response
    assert widget_text(panel.text) == content.sections[AMBASSADES].tekst


def test_the_introduction_edited_on_its_page_reaches_the_word_draft(
    qtbot, window, tmp_path, composer_dialogs
):
    composer = active_composer(qtbot, window)
    panel = composer.sections
    panel.select_page(INTRO)
    editor = panel.editor_for(INTRO_PART)
    assert editor is not None and editor.isVisibleTo(panel)
    assert not panel.title.isVisibleTo(panel)
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.Start)
    qtbot.keyClicks(editor, "Vandaag ")
    panel.italic_button.click()  # the toolbar acts on the editor with the cursor
    qtbot.keyClicks(editor, "kort")
    panel.italic_button.click()
    qtbot.keyClicks(editor, " samengevat. ")
    intro = composer.document.content.meta["inleiding"]
    assert intro.startswith("Vandaag *kort* samengevat. Op 20 februari 2020")
    # The Brief tab shows the same introduction.
    assert widget_text(composer.metadata.fields["inleiding"]) == intro
    settle(qtbot, window, composer)
    assert "\nVandaag kort samengevat. Op 20 februari 2020" in preview_text(composer)
    target = tmp_path / "brief.docx"
    composer_dialogs.export_targets.append(target)
    composer.act_export.trigger()
    settle(qtbot, window, composer)
    panel_warnings = composer.flows.warnings_panel
    if panel_warnings.isVisibleTo(composer):
        panel_warnings.export_button.click()
        settle(qtbot, window, composer)
    assert target.exists()
    paragraphs = docx.Document(str(target)).paragraphs
    first = next(p for p in paragraphs if "samengevat" in p.text)
    assert first.text.startswith("Vandaag kort samengevat. Op 20 februari 2020")
    assert any(run.italic and run.text == "kort" for run in first.runs)


def test_find_and_replace_reaches_responses_and_the_introduction(qtbot, window):
    composer = editable_demo(qtbot, window)
    panel = composer.sections
    panel.select(1)
    composer.show_find()
    dialog = composer.find_dialog
    dialog.find_box.setText("Algemeen Overleg")
    assert dialog.result_label.text() == "1 keer gevonden in de inleiding."
    found = dialog.find_next()
    assert found is not None and panel.current_page() == INTRO
    assert panel.editor_for(INTRO_PART).textCursor().selectedText() == "Algemeen Overleg"
    dialog.find_box.setText("uitgebreide IMVO-richtlijnen")
    found = dialog.find_next()
    assert found is not None and found.row == AMBASSADES
    assert panel.active_part() == DIKS
    assert panel.editor_for(DIKS).textCursor().selectedText() == "uitgebreide IMVO-richtlijnen"
    dialog.replace_box.setText("ruimere IMVO-richtlijnen")
    dialog.replace()
    assert "door de ruimere IMVO-richtlijnen" in composer.document.content.motions[2].response
    assert composer.undo_stack.undoText() == "Vervangen"
    # Alles vervangen: the introduction, responses, sections and their footnotes, one step.
    content = composer.document.content
    dialog.find_box.setText("IMVO-convenanten")
    assert dialog.result_label.text() == (
        "7 keer gevonden in de inleiding en 3 secties, waarvan 2 in voetnoten."
    )  # a response's footnote, a section's
    dialog.replace_box.setText("IMVO-afspraken")
    count = composer.undo_stack.count()
    assert dialog.replace_all() == 7
    assert composer.undo_stack.count() == count + 1
    assert composer.undo_stack.undoText() == "Alles vervangen (7×)"
    assert "IMVO-convenanten" not in content.meta["inleiding"]
    assert content.motions[0].response.count("IMVO-afspraken") == 2
    assert "^[SER IMVO-afspraken, " in content.motions[0].response  # in its footnote too
    assert "IMVO-convenanten" not in content.sections[1].tekst + content.sections[2].tekst
    composer.act_undo.trigger()
    assert content.meta["inleiding"].count("IMVO-convenanten") == 1
    assert content.motions[0].response.count("IMVO-convenanten") == 2
    assert "^[SER IMVO-convenanten, " in content.motions[0].response


def test_a_hit_in_a_footnote_of_a_motion_response_opens_it_in_the_note_pane(qtbot, window):
    composer = editable_demo(qtbot, window)
    composer.show()
    panel = composer.sections
    panel.select_page(INTRO)
    response = Part(MOTIONS, 0)  # on the first section's page, with a footnote
    composer.show_find()
    dialog = composer.find_dialog
    dialog.find_box.setText("SER IMVO-convenanten")
    assert dialog.result_label.text() == "1 keer gevonden in 1 sectie, in een voetnoot."
    found = dialog.find_next()
    assert found is not None and (found.row, found.note) == (0, 0)
    assert panel.current_page() == 0 and panel.active_part() == response
    editor = panel.editor_for(response)
    pane = panel.note_pane
    assert pane.main is editor  # the one note pane, attached to the response's editor
    assert pane.isVisible() and pane.label.text() == "Voetnoot 1:"
    assert panel.note_text.textCursor().selectedText() == "SER IMVO-convenanten"
    # Replaced there: one step, in that footnote only.
    dialog.replace_box.setText("SER-overzicht")
    dialog.replace()
    content = composer.document.content
    assert composer.undo_stack.undoText() == "Vervangen"
    assert "^[SER-overzicht, [www.imvoconvenanten.nl]" in content.motions[0].response
    assert "de website van de Sociaal Economische Raad (SER) over de IMVO-convenanten^[" in (
        content.motions[0].response
    )
    assert dialog.result_label.text() == "Niet gevonden in de brief."
    composer.act_undo.trigger()
    assert "^[SER IMVO-convenanten, " in content.motions[0].response
    # From the response's own text, find goes on into its footnote, then to what follows.
    dialog.find_box.setText("IMVO-convenanten")
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.Start)
    panel.note_text.clearFocus()
    hits = [dialog.find_next() for _ in range(3)]
    assert [(h.index, h.row, h.note) for h in hits if h] == [
        (found.index, 0, None),
        (found.index, 0, 0),
        (found.index + 2, 1, None),  # on to the next text with a hit: the second section
    ]
    assert panel.active_part() == Part("sectie", 1) and not panel.note_text.hasFocus()


def test_a_motion_in_no_section_is_edited_on_the_closing_page_and_the_preview_follows(
    qtbot, window
):
    composer = editable_demo(qtbot, window)
    composer.resize(1200, 700)
    composer.show()
    panel = composer.sections
    composer.tabs.setCurrentWidget(composer.motions)
    composer.motions.select(1)
    box = composer.motions.section
    box.setCurrentIndex(box.findData(None))
    box.activated.emit(box.currentIndex())  # "Moties (aan het eind)"
    settle(qtbot, window, composer)
    composer.tabs.setCurrentWidget(composer.sections)
    last = panel.outline.rowCount() - 1
    assert panel.outline.index(last, 0).data() == "Moties en slot"
    panel.select_page(CLOSING)
    blocks = panel._blocks()
    assert [block.part for block in blocks[:-1]] == [Part(MOTIONS, 1)]
    assert blocks[0].heading.text() == "Moties" and blocks[0].heading.isVisibleTo(panel)
    assert "De motie Van Ojik/Karabulut" in blocks[0].lead.text()
    panel.show_part(Part(MOTIONS, 1))
    assert panel.followed_heading() == "Moties"
    heading = composer.preview.heading_top("Moties")
    assert heading is not None
    top = composer.preview.paragraph_top("De motie Van Ojik/Karabulut", heading)
    assert top is not None and top > heading
    # The paragraph is the first under its heading: both are in view, at the top.
    scroll = composer.preview.browser.verticalScrollBar()
    assert scroll.value() == min(heading - 8, scroll.maximum()) > 0
    blocks[0].editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(blocks[0].editor, " Klaar.")
    assert composer.document.content.motions[1].response.endswith("NAP. Klaar.")
    settle(qtbot, window, composer)
    assert "herziening van het NAP. Klaar." in preview_text(composer)


def test_footnotes_count_on_through_the_page_in_the_letters_order(qtbot, window):
    composer = editable_demo(qtbot, window)
    panel = composer.sections
    panel.select(0)
    response = panel.editor_for(Part(MOTIONS, 0))
    assert response is not None
    text = shown_text(response.document())
    assert response.notes.number(text.index("\ufffc")) == 1  # the letter's first footnote
    # A footnote added to the response from the toolbar: the one editor with the cursor.
    response.setFocus()
    response.activated.emit()
    response.moveCursor(QTextCursor.MoveOperation.End)
    panel.note_button.click()
    assert panel.note_pane.isVisibleTo(panel) and panel.note_pane.main is response
    qtbot.keyClicks(panel.note_text, "Zie de SER.")
    assert composer.document.content.motions[0].response.endswith("rapportage.^[Zie de SER.]")
    assert panel.note_pane.label.text() == "Voetnoot 2:"
    assert widget_text(panel.text) == ""  # the section's own text is untouched
    panel.select(1)
    first = shown_text(panel.text.document()).index("\ufffc")
    assert panel.text.notes.number(first) == 3  # renumbered after the new one


def test_an_empty_section_says_it_is_left_out_and_the_preview_leaves_out_its_heading(qtbot, window):
    composer = editable_demo(qtbot, window)
    panel = composer.sections
    title = composer.document.content.sections[0].titel
    settle(qtbot, window, composer)
    assert title in preview_text(composer)
    # The motion leaves the letter (as a settled one does in the next letter).
    composer.tabs.setCurrentWidget(composer.motions)
    composer.motions.select(0)
    composer.motions.remove_button.click()
    composer.tabs.setCurrentWidget(composer.sections)
    panel.select(0)
    assert panel.page_hint.isVisibleTo(panel)
    assert "leeg" in panel.page_hint.text()
    settle(qtbot, window, composer)
    assert title not in preview_text(composer)
    panel.text.setFocus()
    qtbot.keyClicks(panel.text, "De monitoring loopt.")
    assert not panel.page_hint.isVisibleTo(panel)
    settle(qtbot, window, composer)
    assert title in preview_text(composer)


def test_screenshot_of_a_section_with_its_motion_paragraph(qtbot, window, tmp_path):
    show_active(qtbot, window)
    composer = editable_demo(qtbot, window)
    composer.resize(*DEFAULT_SIZE)
    composer.splitter.setSizes([DEFAULT_SIZE[0] // 2, DEFAULT_SIZE[0] // 2])
    panel = composer.sections
    panel.select(AMBASSADES)
    editor = panel.editor_for(DIKS)
    assert editor is not None
    editor.setFocus()
    composer.preview.render_now()
    settle(qtbot, window, composer)
    qtbot.wait(50)
    picture = composer.grab()
    target = screenshot_path(tmp_path, "opsteller-secties.png")
    assert picture.save(str(target))
    assert_real_picture(target, DEFAULT_SIZE)
    # The paragraph's opening and the page's text fit the page: nothing cut off sideways.
    assert editor.width() <= panel.page.width()
    assert not panel.page_area.horizontalScrollBar().isVisible()


def test_the_page_scrolls_under_the_wheel_not_the_editor(qtbot, window):
    composer = editable_demo(qtbot, window)
    composer.resize(1200, 700)
    composer.show()
    panel = composer.sections
    panel.select(1)  # a long section
    scroll = panel.page_area.verticalScrollBar()
    qtbot.waitUntil(lambda: scroll.maximum() > 0)  # once the page is laid out
    assert scroll.value() == 0
    assert panel.text.height() > panel.page_area.viewport().height()  # as tall as its text
    viewport = panel.text.viewport()
    spot = QPoint(20, 20)
    wheel = QWheelEvent(
        QPointF(spot),
        QPointF(viewport.mapToGlobal(spot)),
        QPoint(0, 0),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(viewport, wheel)
    assert scroll.value() > 0


def test_a_sent_letter_shows_its_pages_read_only(qtbot, window):
    composer = open_composer(qtbot, window, DEMO_LETTER)
    composer.tabs.setCurrentWidget(composer.sections)
    panel = composer.sections
    panel.select(AMBASSADES)
    response = panel.editor_for(DIKS)
    assert response is not None and response.isReadOnly()
    assert panel.text.isReadOnly()
    assert not panel.bold_button.isEnabled() and not panel.note_button.isEnabled()
    before = composer.document.content.motions[2].response
    qtbot.keyClicks(response, "x")
    assert composer.document.content.motions[2].response == before
    assert composer.undo_stack.count() == 0


def test_arrow_keys_go_on_from_one_text_of_the_page_to_the_next(qtbot, window):
    composer = active_composer(qtbot, window)
    panel = composer.sections
    panel.select(AMBASSADES)
    response = panel.editor_for(DIKS)
    assert response is not None
    response.setFocus()
    response.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(response, Qt.Key.Key_Down)
    assert panel.text.hasFocus() and panel.active_part() == Part("sectie", AMBASSADES)
    assert panel.text.textCursor().position() == 0
    qtbot.keyClick(panel.text, Qt.Key.Key_Up)
    assert response.hasFocus() and panel.active_part() == DIKS
    qtbot.keyClick(response, Qt.Key.Key_Home)
    qtbot.keyClick(response, Qt.Key.Key_Up)  # the first line: on to the title
    qtbot.keyClick(response, Qt.Key.Key_Up)
    assert panel.title.hasFocus()
    assert composer.undo_stack.count() == 0


def test_the_page_follows_sections_and_motions_as_they_move_and_come_back(qtbot, window):
    composer = editable_demo(qtbot, window)
    panel = composer.sections
    content = composer.document.content

    def page_is_the_letter():
        page = panel.current_page()
        assert page is not None
        assert [block.part for block in panel._blocks()] == page_parts(content, page)
        for block in panel._blocks():
            assert widget_text(block.editor) == part_text(content, block.part)

    panel.select(0)  # with the motion Van Laar
    page_is_the_letter()
    panel.remove_section()  # its motion goes to the closing
    page_is_the_letter()
    assert content.motions[0].section_index is None
    composer.act_undo.trigger()
    page_is_the_letter()
    panel.select(3)
    panel.up_button.click()  # the NAP section with its motion moves up
    page_is_the_letter()
    assert panel.editor_for(Part(MOTIONS, 1)) is not None
    composer.act_undo.trigger()
    page_is_the_letter()
    panel.select(8)
    composer.motions.select(2)
    composer.motions.remove_current()  # from the Moties tab
    page_is_the_letter()
    assert not panel._item_blocks
    composer.act_undo.trigger()
    page_is_the_letter()
    assert panel.editor_for(DIKS) is not None
