"""The formatted section editor: formats shown, Markdown stored, nothing lost on the way."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QTextCursor

from desktop.core.drafting.richtext import NOTE_CHAR, count_notes, is_citation, to_markdown
from desktop.ui.composer import editor as editor_module
from desktop.ui.composer.editor import RichTextEdit
from desktop.ui.composer.fields import widget_text
from desktop.ui.composer.richdoc import NOTE_OBJECT, citation_ranges, shown_text
from desktop.ui.composer.window import DEFAULT_SIZE
from tests.core.drafting.test_richtext import documents
from tests.ui.helpers import assert_real_picture, screenshot_path, show_active
from tests.ui.test_composer import DEMO_LETTER, editable_demo, open_composer, settle


def new_section(qtbot, window):
    composer = open_composer(qtbot, window)
    composer.tabs.setCurrentWidget(composer.sections)
    composer.sections.select(0)
    editor = composer.sections.text
    editor.setFocus()
    composer.undo_stack.clear()
    return composer, editor


def test_every_section_of_the_demo_letter_goes_through_the_editor_unchanged(qtbot, window):
    composer = open_composer(qtbot, window, DEMO_LETTER)
    composer.tabs.setCurrentWidget(composer.sections)
    sections = composer.document.content.sections
    assert len(sections) >= 9
    for row, section in enumerate(sections):
        composer.sections.select(row)
        assert widget_text(composer.sections.text) == section.tekst, section.titel
    assert composer.undo_stack.count() == 0  # showing a section changes nothing
    # The motion responses are Markdown too: the same editor keeps them as they are.
    scratch = RichTextEdit()
    qtbot.addWidget(scratch)
    for motion in composer.document.content.motions:
        scratch.show_markdown(motion.response)
        assert scratch.markdown() == motion.response


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(documents())
def test_generated_text_goes_through_the_editor_unchanged(qtbot, blocks):
    markdown = to_markdown(blocks)
    editor = RichTextEdit()
    qtbot.addWidget(editor)
    editor.show_markdown(markdown)
    assert editor.markdown() == markdown
    # Each citation is one object, also two side by side.
    cited = [span for block in blocks for span in block.spans if is_citation(span.link)]
    assert len(citation_ranges(editor.document())) == len(cited)


def test_the_demo_section_shows_formats_not_markup(qtbot, window):
    composer = editable_demo(qtbot, window)
    composer.sections.select(1)
    editor = composer.sections.text
    text = shown_text(editor.document())
    assert "**" not in text and "^[" not in text and "](" not in text
    assert text.count(NOTE_CHAR) == count_notes(composer.document.content.sections[1].tekst) == 6
    block = editor.document().findBlock(text.index("Kennis- en datavergaring"))
    assert block.textList() is not None and block.textList().count() == 3
    # The cursor in italic text: the toolbar says so.
    cursor = editor.textCursor()
    cursor.setPosition(text.index("Guiding Principles") + 3)
    editor.setTextCursor(cursor)
    assert composer.sections.italic_button.isChecked()
    assert not composer.sections.bold_button.isChecked()
    cursor.setPosition(text.index("Kennis- en") + 2)
    editor.setTextCursor(cursor)
    assert composer.sections.numbers_button.isChecked()


def test_ctrl_b_and_ctrl_i_format_what_is_typed_and_the_selection(qtbot, window):
    composer, editor = new_section(qtbot, window)
    qtbot.keyClicks(editor, "Dit is ")
    qtbot.keyClick(editor, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert composer.sections.bold_button.isChecked()
    qtbot.keyClicks(editor, "vet")
    qtbot.keyClick(editor, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, " en dit schuin")
    assert widget_text(editor) == "Dit is **vet** en dit schuin"
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.StartOfWord)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfWord, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    qtbot.keyClick(editor, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert widget_text(editor) == "Dit is **vet** en dit *schuin*"
    assert composer.document.content.sections[0].tekst == "Dit is **vet** en dit *schuin*"
    assert composer.act_undo.text() == "&Ongedaan maken: Cursief"
    composer.act_undo.trigger()
    assert widget_text(editor) == "Dit is **vet** en dit schuin"
    # Typed asterisks are text, not markup.
    qtbot.keyClick(editor, Qt.Key.Key_End)
    qtbot.keyClicks(editor, " *ster*")
    assert widget_text(editor).endswith(" \\*ster\\*")


def test_lists_headings_and_links_from_the_toolbar(qtbot, window, monkeypatch):
    composer, editor = new_section(qtbot, window)
    panel = composer.sections
    qtbot.keyClicks(editor, "Tussenkop")
    panel.heading_button.click()
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "een")
    panel.bullets_button.click()
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "twee")
    assert widget_text(editor) == "## Tussenkop\n\n- een\n- twee"
    panel.bullets_button.click()
    panel.numbers_button.click()
    assert widget_text(editor) == "## Tussenkop\n\n- een\n\n1. twee"
    monkeypatch.setattr(
        editor_module, "ask_link", lambda parent, current: "https://www.rijksoverheid.nl"
    )
    qtbot.keyClick(editor, Qt.Key.Key_End)
    qtbot.keyClicks(editor, " zie ")
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Left)
    cursor.movePosition(QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.KeepAnchor, 3)
    editor.setTextCursor(cursor)
    panel.link_button.click()
    assert widget_text(editor).endswith("1. twee [zie](https://www.rijksoverheid.nl) ")


def test_pasting_from_word_keeps_only_the_letters_formats(qtbot, window):
    composer, editor = new_section(qtbot, window)
    data = QMimeData()
    data.setHtml(
        "<html><body><p class=MsoNormal><span style='font-family:Calibri;color:red;"
        "font-size:14pt;background:yellow'><b>Vet</b> en <i>schuin</i> met een "
        "<a href='https://www.tweedekamer.nl'>link</a></span></p>"
        "<ul><li>een</li><li>twee</li></ul>"
        "<h2 style='color:green'>Kop</h2></body></html>"
    )
    data.setText("Vet en schuin met een link")
    editor.insertFromMimeData(data)
    assert widget_text(editor) == (
        "**Vet** en *schuin* met een [link](https://www.tweedekamer.nl)\n\n- een\n- twee\n\n## Kop"
    )
    assert composer.act_undo.text() == "&Ongedaan maken: Plakken"
    # No colours or fonts came along.
    cursor = QTextCursor(editor.document())
    cursor.setPosition(2)
    assert cursor.charFormat().foreground().color().name() != "#ff0000"
    assert not cursor.charFormat().fontFamilies()
    # Copy and paste inside the editor keeps footnotes too.
    editor.show_markdown("")
    composer.undo_stack.clear()
    own = QMimeData()
    own.setData("application/x-voortgang-markdown", b"Zie *dit*^[Bron.]")
    editor.insertFromMimeData(own)
    assert widget_text(editor) == "Zie *dit*^[Bron.]"


def test_footnotes_are_markers_edited_in_their_pane_and_renumbered_live(qtbot, window):
    composer, editor = new_section(qtbot, window)
    panel = composer.sections
    qtbot.keyClicks(editor, "Eerste")
    panel.note_button.click()
    assert panel.note_pane.isVisibleTo(composer) and panel.note_text.hasFocus()
    assert panel.note_pane.label.text() == "Voetnoot 1:"
    qtbot.keyClicks(panel.note_text, "Bron ")
    qtbot.keyClick(panel.note_text, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(panel.note_text, "een")
    assert widget_text(editor) == "Eerste^[Bron **een**]"
    # A footnote before it: the first becomes number 2.
    cursor = editor.textCursor()
    cursor.setPosition(0)
    editor.setTextCursor(cursor)
    panel.note_button.click()
    qtbot.keyClicks(panel.note_text, "Nieuw")
    assert widget_text(editor) == "^[Nieuw]Eerste^[Bron **een**]"
    assert [editor.notes.number(p) for p in (0, 7)] == [1, 2]
    cursor.setPosition(8)
    editor.setTextCursor(cursor)
    assert panel.note_pane.label.text() == "Voetnoot 2:"
    assert panel.note_text.markdown() == "Bron **een**"
    # The marker is one character: drawn as a number, not as its text.
    cursor.setPosition(1)
    assert cursor.charFormat().objectType() == NOTE_OBJECT
    # Undo takes the new footnote away as one step.
    for _ in range(2):
        composer.act_undo.trigger()
    assert widget_text(editor) == "Eerste^[Bron **een**]"
    # Back in the text and away from a footnote, the pane goes.
    editor.setFocus()
    cursor = editor.textCursor()
    cursor.setPosition(2)
    editor.setTextCursor(cursor)
    assert not panel.note_pane.isVisibleTo(composer)


def test_footnote_numbers_continue_from_the_sections_before(qtbot, window):
    composer = editable_demo(qtbot, window)
    composer.sections.select(2)
    editor = composer.sections.text
    text = shown_text(editor.document())
    first = text.index(NOTE_CHAR)
    # Section 1 has six, and the motion response printed in section 0 one: as the preview.
    assert editor.notes.number(first) == 8
    cursor = editor.textCursor()
    cursor.setPosition(first + 1)
    editor.setTextCursor(cursor)
    assert composer.sections.note_pane.label.text() == "Voetnoot 8:"
    assert composer.sections.note_text.markdown() == (
        "[www.takingnextsteps.nl](http://www.takingnextsteps.nl)"
    )


def test_find_and_replace_across_sections_keeps_the_formats(qtbot, window):
    composer = editable_demo(qtbot, window)
    composer.sections.select(0)
    composer.show_find()
    dialog = composer.find_dialog
    dialog.find_box.setText("Green Deal")
    found = dialog.find_next()
    assert found is not None and found.row == 5
    assert composer.sections.current_row() == 5
    assert composer.sections.text.textCursor().selectedText() == "Green Deal"
    dialog.replace_box.setText("Groene Deal")
    dialog.replace()
    assert "de *Groene Deal* met" in composer.document.content.sections[5].tekst
    dialog.find_box.setText("OESO-richtlijnen")
    dialog.replace_box.setText("OESO-normen")
    before = sum(s.tekst.count("OESO-richtlijnen") for s in composer.document.content.sections)
    assert dialog.replace_all() == before > 0
    texts = [s.tekst for s in composer.document.content.sections]
    assert not any("OESO-richtlijnen" in t for t in texts)
    assert sum(t.count("Groene Deal") for t in texts) == 1
    assert "^[" in texts[1] and "*Guiding Principles" in texts[1]  # notes and formats stay
    composer.act_undo.trigger()  # Alles vervangen: one step
    assert (
        sum(s.tekst.count("OESO-richtlijnen") for s in composer.document.content.sections) == before
    )


def test_screenshot_of_formatted_text_and_a_footnote_being_edited(qtbot, window, tmp_path):
    show_active(qtbot, window)
    composer = editable_demo(qtbot, window)
    composer.resize(*DEFAULT_SIZE)
    composer.splitter.setSizes([DEFAULT_SIZE[0] // 2, DEFAULT_SIZE[0] // 2])
    composer.sections.select(1)
    editor = composer.sections.text
    editor.setFocus()
    text = shown_text(editor.document())
    cursor = editor.textCursor()
    cursor.setPosition(text.index(NOTE_CHAR) + 1)
    editor.setTextCursor(cursor)
    composer.sections.note_text.setFocus()
    composer.preview.render_now()
    settle(qtbot, window, composer)
    qtbot.wait(50)
    assert composer.sections.note_pane.isVisibleTo(composer)
    picture = composer.grab()
    target = screenshot_path(tmp_path, "opsteller-opmaak.png")
    assert picture.save(str(target))
    assert_real_picture(target, DEFAULT_SIZE)


def test_selecting_past_a_footnote_marker_changes_nothing(qtbot):
    # The selection once took the plain format meant for what is typed after a marker:
    # the bold and the footnote were gone.
    editor = RichTextEdit()
    qtbot.addWidget(editor)
    editor.show_markdown("Een **vet** woord^[noot] en meer")
    editor.moveCursor(QTextCursor.MoveOperation.Start)
    for _ in range(len("Een vet woord") + 2):
        qtbot.keyClick(editor, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert editor.textCursor().selectedText() == f"Een vet woord{NOTE_CHAR} "
    assert editor.markdown() == "Een **vet** woord^[noot] en meer"
