"""The letter composer on the demo registry, driven through its real widgets."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
from PySide6.QtCore import Qt

from desktop.core.store import Store, letters, motions
from desktop.ui.composer.fields import widget_text
from desktop.ui.composer.window import ComposerWindow
from desktop.ui.main_window import MainWindow
from tests.ui.composer_doubles import WAIT_MS, choose_labels
from tests.ui.helpers import wait_idle

DEMO_LETTER = 5


def open_composer(qtbot: Any, window: MainWindow, letter_id: int | None = None) -> ComposerWindow:
    """Open a letter (None: "Nieuwe brief") and wait until it is shown with its preview."""
    if letter_id is None:
        window.letters.act_new.trigger()
    else:
        window.letter_open_requested.emit(letter_id)
    composer = window.letters.composer
    assert composer is not None
    qtbot.waitUntil(lambda: composer.data is not None, timeout=WAIT_MS)
    settle(qtbot, window, composer)
    return composer


def settle(qtbot: Any, window: MainWindow, composer: ComposerWindow) -> None:
    """Wait until the composer and the database thread have nothing left to do."""
    qtbot.waitUntil(lambda: not composer.busy and not window.tasks.busy, timeout=WAIT_MS)


def editable_demo(qtbot: Any, window: MainWindow) -> ComposerWindow:
    """The demo letter in the composer, back to a concept (it was sent), on the Secties tab."""
    composer = open_composer(qtbot, window, DEMO_LETTER)
    composer.flows.reopen()
    settle(qtbot, window, composer)
    composer.undo_stack.clear()
    composer.tabs.setCurrentWidget(composer.sections)
    return composer


def preview_text(composer: ComposerWindow) -> str:
    return composer.preview.plain_text().replace("\u00a0", " ")


def type_into(qtbot: Any, widget: Any, text: str, *, replace: bool = True) -> None:
    if replace:
        widget.selectAll()
        qtbot.keyClick(widget, Qt.Key.Key_Delete)
    qtbot.keyClicks(widget, text)


def motion_status(db: Path, number: str) -> str:
    with Store.open(db, daily_backup=False) as store:
        found = [m for m in motions.list_motions(store.db) if m.citation.endswith(number)]
        return found[0].status


def check_convenant(composer: ComposerWindow, name: str, checked: bool = True) -> None:
    """Tick a convenant as the list view does when its box is clicked."""
    model = composer.document.convenanten
    row = next(r for r in range(model.rowCount()) if model.convenanten[r].naam == name)
    state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
    assert model.setData(model.index(row, 0), state.value, Qt.ItemDataRole.CheckStateRole)


def test_compose_settle_two_motions_annex_a_convenant_export_finalise_undo(
    qtbot, window, demo_db, tmp_path, composer_dialogs, message_boxes
):
    composer = open_composer(qtbot, window)
    assert composer.isVisible()
    assert composer.windowTitle().startswith("Nieuwe brief")
    meta = composer.metadata.fields
    type_into(qtbot, meta["betreft"], "Voortgang IMVO najaar")
    type_into(qtbot, meta["kenmerk"], "BZ-2020-77")
    type_into(qtbot, meta["datum"], "1 september 2020")

    composer.tabs.setCurrentWidget(composer.sections)
    composer.sections.select(0)
    type_into(qtbot, composer.sections.text, "Zoals toegezegd volgt hier de voortgang.")
    composer.sections.bold_button.click()
    qtbot.keyClicks(composer.sections.text, "vet")

    composer.tabs.setCurrentWidget(composer.motions)
    composer_dialogs.picks.append(choose_labels("26 485, nr. 229", "34 300 XVII, nr. 38"))
    composer.motions.add_button.click()
    assert composer.document.motions.rowCount() == 2
    composer.motions.select(0)
    type_into(qtbot, composer.motions.response, "Hiermee doe ik deze motie af.")

    composer.tabs.setCurrentWidget(composer.annex)
    check_convenant(composer, "Convenant Duurzame Kleding en Textiel")
    settle(qtbot, window, composer)

    shown = preview_text(composer)
    assert "Voortgang IMVO najaar" in shown
    assert "1 september 2020" in shown
    assert "De motie Voordewind (Kamerstuk 26 485, nr. 229)" in shown
    assert "De motie Jan Vos/Van Veldhoven (Kamerstuk 34 300 XVII, nr. 38)" in shown
    assert "Hiermee doe ik deze motie af." in shown
    assert "Bijlage I: Voortgang IMVO-convenanten" in shown
    assert "Convenant Duurzame Kleding en Textiel" in shown
    assert "<b>vet</b>" in composer.preview.html
    assert composer.modified

    target = tmp_path / "uit" / "brief.docx"
    target.parent.mkdir()
    composer_dialogs.export_targets.append(target)
    composer_dialogs.open_folder.append(True)
    composer.act_export.trigger()
    settle(qtbot, window, composer)
    # First the checks: the second motion is settled without a response.
    panel = composer.flows.warnings_panel
    assert panel.isVisibleTo(composer)
    assert [w.where for w in panel.warnings] == ["motie"]
    assert "De motie Jan Vos/Van Veldhoven" in panel.warnings[0].message.replace(
        "de motie", "De motie"
    )
    panel.go_to_buttons()[0].click()
    assert composer.tabs.currentWidget() is composer.motions
    assert composer.motions.current_row() == 1
    panel.export_button.click()
    settle(qtbot, window, composer)
    assert composer.document.letter_id is not None  # saved first
    assert not composer.modified
    assert target.exists()
    assert composer_dialogs.opened_folders == [target.parent]
    assert "versie 1" in composer_dialogs.open_folder_messages[0]
    text = "\n".join(p.text for p in docx.Document(str(target)).paragraphs)
    assert "De motie Voordewind" in text.replace("\u00a0", " ")
    assert "Convenant Duurzame Kleding en Textiel" in text

    composer.act_finalize.trigger()
    settle(qtbot, window, composer)
    assert composer.document.status == "definitief"
    assert composer.document.read_only
    assert composer.metadata.fields["betreft"].isReadOnly()
    assert "De brief doet 2 moties af" in message_boxes.confirmations[0]
    assert motion_status(demo_db, "26 485, nr. 229") == "afgedaan"
    assert motion_status(demo_db, "34 300 XVII, nr. 38") == "afgedaan"
    wait_idle(qtbot, window)
    settled_rows = [m for m in window.views.motions.model.rows() if m.status == "afgedaan"]
    assert len(settled_rows) == 4  # the demo's two plus these two

    composer.act_undo.trigger()  # undo the finalising: a concept again, motions open
    settle(qtbot, window, composer)
    assert composer.document.status == "concept"
    assert not composer.document.read_only
    assert motion_status(demo_db, "26 485, nr. 229") == "openstaand"
    assert not composer.modified

    composer.act_undo.trigger()  # the convenant leaves the annex again
    settle(qtbot, window, composer)
    assert composer.document.content.convenant_ids == []
    assert "Bijlage I" not in preview_text(composer)
    assert composer.modified
    composer.act_redo.trigger()
    settle(qtbot, window, composer)
    assert "Bijlage I" in preview_text(composer)
    assert not composer.modified


def test_typing_merges_per_word_and_undo_restores_it(qtbot, window):
    composer = open_composer(qtbot, window)
    stack = composer.undo_stack
    type_into(qtbot, composer.metadata.fields["betreft"], "Eerste onderwerp", replace=False)
    type_into(qtbot, composer.metadata.fields["aanhef"], "Geachte heer,")
    # One step per word (with its space), as in Word; clearing the field is a step too.
    assert stack.count() == 5
    composer.act_undo.trigger()
    assert composer.metadata.fields["aanhef"].text() == "Geachte "
    composer.act_undo.trigger()
    composer.act_undo.trigger()
    assert composer.metadata.fields["aanhef"].text() == "Geachte voorzitter,"
    composer.act_undo.trigger()
    assert composer.metadata.fields["betreft"].text() == "Eerste "
    composer.act_undo.trigger()
    assert composer.metadata.fields["betreft"].text() == ""
    assert not composer.modified
    composer.act_redo.trigger()
    composer.act_redo.trigger()
    assert composer.document.content.meta["betreft"] == "Eerste onderwerp"
    # The main window's Undo works on the same stack.
    window.letters.act_undo.trigger()
    assert composer.document.content.meta["betreft"] == "Eerste "


def test_sections_add_move_remove_and_undo_keep_motions_with_their_section(qtbot, window):
    composer = open_composer(qtbot, window, DEMO_LETTER)
    window.letters.composer.flows.reopen()  # the demo letter was sent: make it a concept
    settle(qtbot, window, composer)
    document = composer.document
    titles = [s.titel for s in document.content.sections]
    assert document.content.motions[0].section_index == 0
    panel = composer.sections
    panel.select(0)
    panel.down_button.click()
    assert [s.titel for s in document.content.sections][:2] == [titles[1], titles[0]]
    assert document.content.motions[0].section_index == 1  # it moved with its section
    panel.select(1)
    panel.remove_button.click()
    assert len(document.content.sections) == len(titles) - 1
    assert document.content.motions[0].section_index is None  # to the closing section
    panel.add_button.click()
    qtbot.keyClicks(panel.title, "Ketenverantwoordelijkheid")  # replaces the selected title
    assert document.content.sections[2].titel == "Ketenverantwoordelijkheid"
    for _ in range(4):
        composer.act_undo.trigger()
    assert [s.titel for s in document.content.sections] == titles
    assert document.content.motions[0].section_index == 0


def test_inline_validation_next_to_the_fields_and_nothing_saved(qtbot, window, demo_db):
    composer = open_composer(qtbot, window)
    errors = composer.metadata.errors
    type_into(qtbot, composer.metadata.fields["datum"], "31 februari 2020")
    assert "geen geldige datum" in errors["datum"].message
    assert errors["datum"].isVisibleTo(composer)
    type_into(qtbot, composer.metadata.fields["kamerstuk"], "nr. xyz")
    assert errors["kamerstuk"].message
    composer.act_save.trigger()
    assert "Betreft" in errors["betreft"].message
    assert "verbeter eerst" in composer.banner.text()
    assert composer.document.letter_id is None
    # What was typed stays, and fixing the field clears its message.
    assert composer.metadata.fields["datum"].text() == "31 februari 2020"
    type_into(qtbot, composer.metadata.fields["datum"], "28 februari 2020")
    assert errors["datum"].message == ""
    with Store.open(demo_db, daily_backup=False) as store:
        assert len(letters.list_letters(store.db)) == 5


def test_a_kenmerk_in_use_is_shown_next_to_the_field(qtbot, window):
    composer = open_composer(qtbot, window)
    type_into(qtbot, composer.metadata.fields["betreft"], "Dubbel")
    type_into(qtbot, composer.metadata.fields["kenmerk"], "Min-BuZa.2020.396")
    composer.act_save.trigger()
    settle(qtbot, window, composer)
    assert "al een brief met kenmerk" in composer.metadata.errors["kenmerk"].message
    assert composer.modified
    assert composer.metadata.fields["betreft"].text() == "Dubbel"


def test_a_broken_template_shows_its_error_in_the_preview(qtbot, window, message_boxes):
    user_templates = window.letters.library.user
    assert user_templates is not None
    user_templates.mkdir(parents=True, exist_ok=True)
    (user_templates / "kapot.md.j2").write_text("# {{ brief.betreft }\n", encoding="utf-8")
    (user_templates / "onbekend.md.j2").write_text("{{ bestaat_niet }}\n", encoding="utf-8")
    composer = open_composer(qtbot, window)
    names = [
        composer.metadata.template.itemText(i) for i in range(composer.metadata.template.count())
    ]
    assert {"kapot", "onbekend", "voortgangsbrief"} <= set(names)
    composer.metadata.template.setCurrentText("kapot")
    composer.metadata.template.activated.emit(composer.metadata.template.currentIndex())
    settle(qtbot, window, composer)
    assert composer.preview.problem is not None
    assert "Fout in sjabloon ‘kapot’, regel 1" in composer.preview.problem
    assert "#a0281b" in composer.preview.html or "fbe3e1" in composer.preview.html
    composer.metadata.template.setCurrentText("onbekend")
    composer.metadata.template.activated.emit(composer.metadata.template.currentIndex())
    settle(qtbot, window, composer)
    assert "‘bestaat_niet’" in (composer.preview.problem or "")
    assert message_boxes.warnings == []  # in the pane, not a dialog
    composer.act_undo.trigger()
    composer.act_undo.trigger()
    settle(qtbot, window, composer)
    assert composer.preview.problem is None


def test_preview_waits_for_a_pause_and_shows_only_the_newest_result(qtbot, window):
    composer = open_composer(qtbot, window)
    renders: list[int] = []
    composer.preview.rendered.connect(lambda: renders.append(1))
    for letter in "Tussenstand":
        qtbot.keyClicks(composer.metadata.fields["betreft"], letter)
    assert composer.preview.pending
    settle(qtbot, window, composer)
    assert renders == [1]
    # Two requests in a row: the first is dropped, the second shown.
    composer.preview.render_now()
    composer.document.set_meta("betreft", "Laatste stand")
    composer.preview.render_now()
    settle(qtbot, window, composer)
    assert "Laatste stand" in preview_text(composer)
    assert "Tussenstand" not in preview_text(composer)


def test_footnotes_are_numbered_like_word_and_listed_at_the_end(qtbot, window):
    composer = open_composer(qtbot, window)
    composer.tabs.setCurrentWidget(composer.sections)
    composer.sections.select(0)
    editor = composer.sections.text
    qtbot.keyClicks(editor, "Eerste bron")
    editor.selectAll()
    composer.sections.note_button.click()  # the selection becomes the footnote's text
    qtbot.keyClick(editor, Qt.Key.Key_End)
    qtbot.keyClicks(editor, " en een tweede")
    composer.sections.note_button.click()  # a new footnote: its text is typed in the pane
    qtbot.keyClicks(composer.sections.note_text, "Kamerstuk 26 485, nr. 293.")
    assert widget_text(editor) == "^[Eerste bron] en een tweede^[Kamerstuk 26 485, nr. 293.]"
    assert composer.sections.note_pane.label.text() == "Voetnoot 2:"
    settle(qtbot, window, composer)
    html = composer.preview.html
    assert "href='#voetnoot-1'>1</a></sup>" in html
    assert "href='#voetnoot-2'>2</a></sup>" in html
    shown = preview_text(composer)
    assert shown.index("Voetnoten") < shown.index("Eerste bron")  # the note is at the end
    assert shown.rstrip().endswith("Kamerstuk 26 485, nr. 293.")


def test_the_sent_demo_letter_opens_read_only_and_can_go_back_to_concept(
    qtbot, window, message_boxes
):
    composer = open_composer(qtbot, window, DEMO_LETTER)
    assert composer.document.status == "verzonden"
    assert composer.read_only_label.isVisibleTo(composer)
    assert composer.sections.text.isReadOnly()
    assert not composer.act_finalize.isEnabled()
    shown = preview_text(composer)
    assert "De motie Van Laar (Kamerstuk 26 485, nr. 224)" in shown
    assert "Bijlage I: Voortgang IMVO-convenanten" in shown
    composer.act_reopen.trigger()
    settle(qtbot, window, composer)
    # It asked first, naming the motions that reopen.
    assert "de motie Van Laar (Kamerstuk 26 485, nr. 224)" in message_boxes.confirmations[-1]
    assert composer.document.status == "concept"
    assert not composer.sections.text.isReadOnly()
    composer.act_undo.trigger()
    settle(qtbot, window, composer)
    # Undo gives back exactly the status the letter had: sent, not merely definitive.
    assert composer.document.status == "verzonden"
    composer.act_redo.trigger()
    settle(qtbot, window, composer)
    assert composer.document.status == "concept"
    composer.act_undo.trigger()
    settle(qtbot, window, composer)
    assert composer.document.status == "verzonden"
