"""Citations in the composer: objects linked to the registry, written as the registry says."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import docx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QDialog

from desktop import paths
from desktop.core.domain.kamerstuk import KamerstukRef
from desktop.core.domain.models import Motion
from desktop.core.services import letters as ops
from desktop.core.services.letters import Citation
from desktop.core.store import Store, letters, motions
from desktop.ui.composer.dialogs import CitationPickerDialog
from desktop.ui.composer.fields import widget_text
from desktop.ui.composer.richdoc import citation_ranges, shown_text
from tests.ui.composer_doubles import WAIT_MS
from tests.ui.helpers import screenshot_path
from tests.ui.test_composer import DEMO_LETTER, open_composer, preview_text, settle, type_into

# The real dialog's ask (the autouse stand-in replaces it for every other test).
REAL_ASK = CitationPickerDialog.__dict__["ask"]
NBSP = "\u00a0"
VAN_LAAR = "de motie Van Laar (Kamerstuk 26\u00a0485, nr.\u00a0224)"


def add_unnumbered_motion(db: Path) -> int:
    """A motion just submitted in a debate: a Zaak number, no Kamerstuk number yet."""
    motion = Motion(
        None,
        indieners=["Van den Hul"],
        onderwerp="eerlijke handel",
        voorgesteld=dt.date(2020, 11, 12),
        zaaknummer="2020Z21999",
        titel="Motie van het lid Van den Hul over eerlijke handel",
    )
    with Store.open(db, daily_backup=False) as store, store.transaction() as tx:
        return motions.add(tx, motion)


def number_and_rename(db: Path, motion_id: int) -> None:
    """The Kamer numbers the motion, and two more members turn out to have signed it."""
    with Store.open(db, daily_backup=False) as store, store.transaction() as tx:
        motion = motions.get(tx, motion_id)
        motion.kamerstuk = KamerstukRef.of(26485, 317)
        motion.indieners = ["Van den Hul", "Diks", "Alkaya"]
        motions.update(tx, motion)


def pick_in_real_dialog(
    monkeypatch, qtbot, tmp_path: Path, query: str, label_part: str
) -> list[str]:
    """Let the real picker run: type ``query``, wait for the search, take what it found."""
    shown: list[str] = []

    def run(dialog: CitationPickerDialog) -> int:
        dialog.show()
        qtbot.keyClicks(dialog.query, query)
        # The search as you type has answered: only what matches is listed.
        qtbot.waitUntil(
            lambda: (
                dialog.list.count() > 0
                and all(
                    label_part in dialog.list.item(row).text() for row in range(dialog.list.count())
                )
            ),
            timeout=WAIT_MS,
        )
        shown.extend(dialog.list.item(row).text() for row in range(dialog.list.count()))
        row = next(
            r for r in range(dialog.list.count()) if label_part in dialog.list.item(r).text()
        )
        dialog.list.setCurrentRow(row)
        dialog.grab().save(str(screenshot_path(tmp_path, "verwijzing-invoegen.png")))
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(CitationPickerDialog, "ask", REAL_ASK)
    monkeypatch.setattr(CitationPickerDialog, "exec", run)
    return shown


def docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    return "\n".join(p.text for p in document.paragraphs).replace(NBSP, " ")


def export(qtbot, window, composer, composer_dialogs, target: Path) -> None:
    composer_dialogs.export_targets.append(target)
    composer.act_export.trigger()
    settle(qtbot, window, composer)
    if composer.flows.warnings_panel.isVisibleTo(composer):
        composer.flows.warnings_panel.export_button.click()
        settle(qtbot, window, composer)
    assert target.exists()


def section_editor(qtbot, composer):
    composer.tabs.setCurrentWidget(composer.sections)
    composer.sections.select(0)
    editor = composer.sections.text
    editor.setFocus()
    composer.undo_stack.clear()
    return editor


def test_a_citation_from_the_dialog_stays_linked_and_says_what_the_registry_says_now(
    qtbot, window, demo_db, composer_dialogs, monkeypatch, tmp_path
):
    motion_id = add_unnumbered_motion(demo_db)
    composer = open_composer(qtbot, window)
    type_into(qtbot, composer.metadata.fields["betreft"], "Voortgang eerlijke handel")
    editor = section_editor(qtbot, composer)
    qtbot.keyClicks(editor, "Het kabinet voert ")
    shown = pick_in_real_dialog(monkeypatch, qtbot, tmp_path, "2020Z21999", "zaak 2020Z21999")
    composer.sections.cite_button.click()
    qtbot.keyClicks(editor, " uit.")
    assert shown == ["de motie Van den Hul (zaak 2020Z21999) – eerlijke handel"]
    # Stored: a link to the motion, its text as it is now (the fallback).
    old_text = (
        "de motie Van den Hul (motie van het lid Van den Hul over eerlijke handel, "
        "voorgesteld 12 november 2020)"
    )
    assert composer.document.content.sections[0].tekst == (
        f"Het kabinet voert [{old_text}](motie:{motion_id}) uit."
    )
    assert composer.undo_stack.undoText() == "Typen"
    assert [composer.undo_stack.text(i) for i in range(composer.undo_stack.count())][-3] == (
        "Verwijzing invoegen"
    )
    settle(qtbot, window, composer)
    assert f"Het kabinet voert {old_text} uit." in preview_text(composer)

    # The Kamer numbers the motion and it turns out to have three signers.
    number_and_rename(demo_db, motion_id)
    composer.preview.render_now()
    settle(qtbot, window, composer)
    new_text = "de motie Van den Hul c.s. (Kamerstuk 26 485, nr. 317)"
    assert f"Het kabinet voert {new_text} uit." in preview_text(composer)
    assert "motie:" not in composer.preview.html
    target = tmp_path / "brief.docx"
    export(qtbot, window, composer, composer_dialogs, target)
    text = docx_text(target)
    assert f"Het kabinet voert {new_text} uit." in text
    assert "motie:" not in text and "voorgesteld" not in text
    # Still a link in the stored letter; opened again, the composer shows the new text.
    letter_id = composer.document.letter_id
    with Store.open(demo_db, daily_backup=False) as store:
        stored = letters.get(store.db, letter_id).sections[0].tekst
        assert stored.endswith(f"](motie:{motion_id}) uit.")
        again = ops.composer_data(store, letter_id, paths.default_library(), dt.date(2021, 3, 1))
    stored_new = f"de motie Van den Hul c.s. (Kamerstuk 26{NBSP}485, nr.{NBSP}317)"
    assert again.letter.sections[0].tekst == (
        f"Het kabinet voert [{stored_new}](motie:{motion_id}) uit."
    )


def test_a_citation_is_one_unit_for_the_cursor_backspace_and_the_clipboard(
    qtbot, window, composer_dialogs
):
    composer = open_composer(qtbot, window)
    editor = section_editor(qtbot, composer)
    qtbot.keyClicks(editor, "Zie ")
    composer_dialogs.citations.append(Citation("Van Laar", VAN_LAAR, "motie:1"))
    composer.sections.cite_button.click()
    qtbot.keyClicks(editor, " hierover.")  # typed at its edge: plain text, not more citation
    stored = f"Zie [{VAN_LAAR}](motie:1) hierover."
    assert widget_text(editor) == stored
    start, end = 4, 4 + len(VAN_LAAR)
    assert citation_ranges(editor.document()) == [(start, end)]
    cursor = editor.textCursor()
    cursor.setPosition(end)
    editor.setTextCursor(cursor)
    # The cursor steps over it as one character would.
    qtbot.keyClick(editor, Qt.Key.Key_Left)
    assert editor.textCursor().position() == start
    qtbot.keyClick(editor, Qt.Key.Key_Right)
    assert editor.textCursor().position() == end
    # A click inside puts the cursor at the nearer edge: typing inside is not possible.
    cursor.setPosition(start + 3)
    editor.setTextCursor(cursor)
    assert editor.textCursor().position() == start
    qtbot.keyClicks(editor, "o")
    assert widget_text(editor) == f"Zie o[{VAN_LAAR}](motie:1) hierover."
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    # Selecting into it selects all of it.
    qtbot.keyClick(editor, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert editor.textCursor().selectedText() == VAN_LAAR
    # Copy and paste inside the composer: a second citation, still linked.
    editor.copy()
    qtbot.keyClick(editor, Qt.Key.Key_End)
    qtbot.keyClicks(editor, " En ")
    editor.paste()
    assert widget_text(editor) == f"{stored} En [{VAN_LAAR}](motie:1)"
    assert "motie:1" not in QApplication.clipboard().mimeData().html()  # Word gets the text
    assert len(citation_ranges(editor.document())) == 2
    assert composer.undo_stack.undoText() == "Plakken"
    for _ in range(3):  # the paste, "En ", the space
        composer.act_undo.trigger()
    assert widget_text(editor) == stored
    # Backspace at its end takes all of it, as one step; Ctrl+Z brings it back.
    cursor = editor.textCursor()
    cursor.setPosition(end)
    editor.setTextCursor(cursor)
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    assert widget_text(editor) == "Zie  hierover."
    assert composer.undo_stack.undoText() == "Verwijzing verwijderen"
    composer.act_undo.trigger()
    assert widget_text(editor) == stored
    assert citation_ranges(editor.document()) == [(start, end)]
    # Delete before it does the same.
    cursor = editor.textCursor()
    cursor.setPosition(start)
    editor.setTextCursor(cursor)
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    assert widget_text(editor) == "Zie  hierover."
    assert composer.undo_stack.undoText() == "Verwijzing verwijderen"
    composer.act_undo.trigger()
    assert widget_text(editor) == stored


def test_a_citation_that_begins_a_sentence_says_de_motie_with_a_capital(
    qtbot, window, composer_dialogs
):
    composer = open_composer(qtbot, window)
    editor = section_editor(qtbot, composer)
    qtbot.keyClicks(editor, "Dat is gedaan. ")
    composer_dialogs.citations.append(Citation("Van Laar", VAN_LAAR, "motie:1"))
    composer.sections.cite_button.click()
    qtbot.keyClicks(editor, " is uitgevoerd.")
    assert widget_text(editor) == (f"Dat is gedaan. [D{VAN_LAAR[1:]}](motie:1) is uitgevoerd.")
    settle(qtbot, window, composer)
    assert "Dat is gedaan. De motie Van Laar (Kamerstuk 26 485, nr. 224) is uitgevoerd." in (
        preview_text(composer)
    )


def test_a_citation_in_a_footnote_goes_into_the_note(qtbot, window, composer_dialogs):
    composer = open_composer(qtbot, window)
    editor = section_editor(qtbot, composer)
    qtbot.keyClicks(editor, "Zo is het afgesproken")
    composer.sections.note_button.click()
    note = composer.sections.note_text
    assert note.hasFocus()
    composer_dialogs.citations.append(
        Citation("26 485, nr. 293", "Kamerstuk 26\u00a0485, nr.\u00a0293", "kamerstuk:26485-293")
    )
    composer.sections.cite_button.click()
    qtbot.keyClicks(note, ".")
    assert widget_text(editor) == (
        "Zo is het afgesproken^[[Kamerstuk 26\u00a0485, nr.\u00a0293](kamerstuk:26485-293).]"
    )
    settle(qtbot, window, composer)
    assert "Kamerstuk 26 485, nr. 293." in preview_text(composer)
    assert "kamerstuk:" not in composer.preview.html


def test_a_citation_of_an_item_gone_from_the_registry_keeps_its_text_and_warns(
    qtbot, window, demo_db, composer_dialogs, tmp_path
):
    composer = open_composer(qtbot, window)
    type_into(qtbot, composer.metadata.fields["betreft"], "Voortgang")
    editor = section_editor(qtbot, composer)
    qtbot.keyClicks(editor, "Zie ")
    voordewind = "de motie Voordewind (Kamerstuk 26\u00a0485, nr.\u00a0229)"
    composer_dialogs.citations.append(Citation("Voordewind", voordewind, "motie:4"))
    composer.sections.cite_button.click()
    qtbot.keyClicks(editor, ".")
    with Store.open(demo_db, daily_backup=False) as store, store.transaction() as tx:
        motions.delete(tx, 4)
    target = tmp_path / "brief.docx"
    composer_dialogs.export_targets.append(target)
    composer.act_export.trigger()
    settle(qtbot, window, composer)
    panel = composer.flows.warnings_panel
    assert panel.isVisibleTo(composer)
    assert not target.exists()
    assert [w.where for w in panel.warnings] == ["sectie"]
    assert panel.warnings[0].message == (
        "De sectie ‘Inleiding’ verwijst naar ‘de motie Voordewind (Kamerstuk 26 485, nr. 229)’, "
        "maar dat staat niet (meer) in het register: de brief houdt de tekst van toen de "
        "verwijzing werd ingevoegd."
    )
    # Ga naar: the section, the citation selected.
    editor.moveCursor(QTextCursor.MoveOperation.End)
    panel.go_to_buttons()[0].click()
    assert composer.tabs.currentWidget() is composer.sections
    assert editor.textCursor().selectedText() == voordewind
    panel.export_button.click()
    settle(qtbot, window, composer)
    assert target.exists()
    assert "Zie de motie Voordewind (Kamerstuk 26 485, nr. 229)." in docx_text(target)
    assert "motie:" not in docx_text(target)


def test_the_spelling_checker_leaves_a_citation_alone(qtbot, window, composer_dialogs):
    composer = open_composer(qtbot, window)
    if not composer.spell_check.available:
        pytest.skip("libenchant-2 is not installed (scripts/system-packages.txt)")
    editor = section_editor(qtbot, composer)
    composer_dialogs.citations.append(
        Citation("Xqzwv", "de motie Xqzwvbrt (Kamerstuk 26\u00a0485, nr.\u00a0224)", "motie:1")
    )
    qtbot.keyClicks(editor, "Zie ")
    composer.sections.cite_button.click()
    qtbot.keyClicks(editor, " en Xqzwvbrt. ")
    highlighter: Any = editor.highlighter
    block = editor.document().begin()
    highlighter.rehighlightBlock(block)
    flagged = [
        block.text()[f.start : f.start + f.length]
        for f in block.layout().formats()
        if f.format.underlineStyle() == f.format.underlineStyle().WaveUnderline
    ]
    assert flagged == ["Xqzwvbrt"]  # the typed one, not the one in the citation
    text = shown_text(editor.document())
    assert text.index("Xqzwvbrt.") > text.index(")")


def test_a_citation_goes_into_the_text_with_the_cursor_a_motion_response_too(
    qtbot, window, composer_dialogs
):
    from tests.ui.test_composer_pages import AMBASSADES, DIKS, editable_demo

    composer = editable_demo(qtbot, window)
    panel = composer.sections
    panel.select(AMBASSADES)
    response = panel.editor_for(DIKS)
    assert response is not None
    response.setFocus()
    response.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(response, " Zo vroeg ")
    assert panel.active_editor() is response
    content = composer.document.content
    section_before = content.sections[AMBASSADES].tekst
    composer_dialogs.citations.append(Citation("Van Laar", VAN_LAAR, "motie:1"))
    panel.cite_button.click()
    assert content.motions[2].response.endswith(f"posten. Zo vroeg [{VAN_LAAR}](motie:1)")
    assert content.sections[AMBASSADES].tekst == section_before
    assert composer.undo_stack.undoText() == "Verwijzing invoegen"
    composer.act_undo.trigger()
    assert "motie:1" not in content.motions[2].response


def test_a_read_only_letter_gets_no_citation(qtbot, window, composer_dialogs):
    from tests.ui.test_composer_pages import AMBASSADES, DIKS

    composer = open_composer(qtbot, window, DEMO_LETTER)
    composer.tabs.setCurrentWidget(composer.sections)
    panel = composer.sections
    panel.select(AMBASSADES)
    assert composer.document.read_only and panel.editor_for(DIKS) is not None
    before = composer.document.content
    composer_dialogs.citations.append(Citation("Van Laar", VAN_LAAR, "motie:1"))
    composer.insert_citation()
    assert composer_dialogs.citations  # not even asked
    assert composer.document.content == before
    assert composer.undo_stack.count() == 0
