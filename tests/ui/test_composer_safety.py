"""Nothing the user typed is lost: conflicts, autosave, closing, crashes, locked files."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QPushButton

from desktop.core.services import letters as letter_operations
from desktop.core.store import Store, letters
from desktop.ui.composer.dialogs import CloseChoice, ConflictChoice
from desktop.ui.composer.saving import CRASHED_WHILE_SAVING
from desktop.ui.composer.window import DEFAULT_SIZE
from tests.ui.test_composer import DEMO_LETTER, open_composer, settle, type_into


def make_concept(qtbot, window):
    """The demo letter, back to concept so it can be edited."""
    composer = open_composer(qtbot, window, DEMO_LETTER)
    composer.flows.reopen()
    settle(qtbot, window, composer)
    composer.undo_stack.clear()
    return composer


def change_elsewhere(db, betreft):
    with Store.open(db, daily_backup=False) as store, store.transaction() as tx:
        other = letters.get(tx, DEMO_LETTER)
        other.betreft = betreft
        letters.update(tx, other)


def test_a_conflict_can_keep_my_version(qtbot, window, demo_db, composer_dialogs):
    composer = make_concept(qtbot, window)
    type_into(qtbot, composer.metadata.fields["betreft"], "Mijn onderwerp")
    change_elsewhere(demo_db, "Onderwerp van een collega")
    composer_dialogs.conflict.append(ConflictChoice.OVERWRITE)
    composer.act_save.trigger()
    settle(qtbot, window, composer)
    assert "intussen" in composer_dialogs.conflict_asked[0]
    assert not composer.modified
    with Store.open(demo_db, daily_backup=False) as store:
        assert letters.get(store.db, DEMO_LETTER).betreft == "Mijn onderwerp"


def test_a_conflict_can_load_the_other_version_and_undo_brings_mine_back(
    qtbot, window, demo_db, composer_dialogs
):
    composer = make_concept(qtbot, window)
    type_into(qtbot, composer.metadata.fields["betreft"], "Mijn onderwerp")
    change_elsewhere(demo_db, "Onderwerp van een collega")
    composer_dialogs.conflict.append(ConflictChoice.LOAD_OTHER)
    composer.act_save.trigger()
    settle(qtbot, window, composer)
    assert composer.metadata.fields["betreft"].text() == "Onderwerp van een collega"
    assert not composer.modified
    assert "Ongedaan maken" in composer.banner.text()
    composer.act_undo.trigger()
    assert composer.metadata.fields["betreft"].text() == "Mijn onderwerp"
    composer.act_save.trigger()  # saving mine now is no conflict: it is the newer version
    settle(qtbot, window, composer)
    assert len(composer_dialogs.conflict_asked) == 1
    with Store.open(demo_db, daily_backup=False) as store:
        assert letters.get(store.db, DEMO_LETTER).betreft == "Mijn onderwerp"


def test_autosave_writes_a_draft_that_is_offered_after_a_crash(
    qtbot, make_window, demo_db, composer_dialogs
):
    window = make_window(demo_db)
    composer = make_concept(qtbot, window)
    type_into(qtbot, composer.metadata.fields["betreft"], "Niet opgeslagen tekst")
    composer.autosave()
    draft = window.letters.drafts.path(DEMO_LETTER)
    assert draft.exists()
    # The program dies: no save, no close. A new window on the same registry:
    second = make_window(
        demo_db, QSettings(str(draft.parent / "ander.ini"), QSettings.Format.IniFormat)
    )
    restored = open_composer(qtbot, second, DEMO_LETTER)
    assert composer_dialogs.restore_asked == 1
    assert restored.metadata.fields["betreft"].text() == "Niet opgeslagen tekst"
    assert restored.modified
    restored.act_save.trigger()
    settle(qtbot, second, restored)
    assert not draft.exists()  # a clean save removes it
    composer.undo_stack.setClean()  # the first window "died"; let it close quietly


def test_a_discarded_draft_is_removed(qtbot, window, composer_dialogs):
    composer = make_concept(qtbot, window)
    type_into(qtbot, composer.metadata.fields["aanhef"], "Geachte mevrouw,")
    composer.autosave()
    draft = window.letters.drafts.path(DEMO_LETTER)
    composer.close()  # unsaved changes: "Niet opslaan" (the default answer)
    assert composer_dialogs.unsaved_asked
    assert not draft.exists()
    assert not composer.isVisible()


def test_closing_with_unsaved_changes_asks_and_cancel_keeps_everything(
    qtbot, window, demo_db, composer_dialogs
):
    composer = make_concept(qtbot, window)
    type_into(qtbot, composer.metadata.fields["betreft"], "Bijna klaar")
    composer_dialogs.unsaved.append(CloseChoice.CANCEL)
    assert not composer.close()
    assert composer.isVisible() and composer.modified
    composer_dialogs.unsaved.append(CloseChoice.SAVE)
    composer.close()
    settle(qtbot, window, composer)
    assert not composer.isVisible()
    with Store.open(demo_db, daily_backup=False) as store:
        assert letters.get(store.db, DEMO_LETTER).betreft == "Bijna klaar"


def test_the_main_window_asks_before_closing_over_unsaved_changes(qtbot, window, composer_dialogs):
    composer = make_concept(qtbot, window)
    type_into(qtbot, composer.metadata.fields["betreft"], "Nog niet bewaard")
    composer_dialogs.unsaved.append(CloseChoice.CANCEL)
    assert not window.close()
    assert not window.tasks.closed  # the window stayed open
    assert composer_dialogs.unsaved_asked == ["Nog niet bewaard"]
    assert composer.modified


def test_opening_another_letter_asks_about_unsaved_changes(qtbot, window, composer_dialogs):
    composer = make_concept(qtbot, window)
    type_into(qtbot, composer.metadata.fields["betreft"], "Half af")
    composer_dialogs.unsaved.append(CloseChoice.CANCEL)
    window.letters.new()
    assert composer.document.letter_id == DEMO_LETTER
    window.letters.new()  # now "Niet opslaan"
    qtbot.waitUntil(lambda: composer.document.letter_id is None)
    settle(qtbot, window, composer)
    assert composer.metadata.fields["betreft"].text() == ""


def test_a_crash_while_saving_keeps_the_text_and_writes_a_draft(
    qtbot, window, monkeypatch, crashes
):
    composer = make_concept(qtbot, window)
    type_into(qtbot, composer.metadata.fields["betreft"], "Tekst die blijft")

    def broken(store, letter):
        raise RuntimeError("bug in the store layer")

    monkeypatch.setattr(letter_operations, "save_letter", broken)
    composer.act_save.trigger()
    settle(qtbot, window, composer)
    assert [type(error) for error in crashes] == [RuntimeError]
    crashes.clear()
    assert composer.banner.text() == CRASHED_WHILE_SAVING
    assert composer.metadata.fields["betreft"].text() == "Tekst die blijft"
    assert composer.modified
    saved = window.letters.drafts.read(DEMO_LETTER)
    assert saved is not None and saved.content.meta["betreft"] == "Tekst die blijft"


@pytest.mark.invalid_docx("brief.docx")  # the locked "old version" is a few bytes
def test_a_locked_export_target_asks_for_another_name(
    qtbot, window, tmp_path, composer_dialogs, message_boxes
):
    composer = open_composer(qtbot, window, DEMO_LETTER)
    locked = tmp_path / "brief.docx"
    locked.write_bytes(b"oude versie")
    (tmp_path / ".~lock.brief.docx#").write_text("iemand", encoding="utf-8")
    other = tmp_path / "brief-2.docx"
    composer_dialogs.export_targets += [locked, other]
    composer.act_export.trigger()
    settle(qtbot, window, composer)
    assert "vergrendeld" in message_boxes.warnings[0]
    assert len(composer_dialogs.export_asked) == 2
    assert locked.read_bytes() == b"oude versie"
    assert other.exists()
    assert composer.flows.last_export is not None
    assert composer.flows.last_export.docx == other


def test_export_can_be_cancelled_before_the_word_file_is_written(
    qtbot, window, tmp_path, composer_dialogs
):
    composer = open_composer(qtbot, window, DEMO_LETTER)
    target = tmp_path / "geannuleerd.docx"
    # Hold the database thread, so the export is still waiting when the user cancels.
    gate = threading.Event()
    window.tasks.run(lambda store: gate.wait(10))
    composer.flows.run_export(target)
    assert composer.flows.progress is not None
    cancel = composer.flows.progress.findChild(QPushButton)
    assert cancel.text() == "Annuleren"
    cancel.click()
    gate.set()
    settle(qtbot, window, composer)
    assert not target.exists()
    assert composer.flows.progress is None
    assert composer_dialogs.open_folder_messages == []


def test_the_pdf_box_needs_libreoffice(qtbot, window):
    composer = open_composer(qtbot, window, DEMO_LETTER)
    composer.flows.set_libreoffice(False)
    assert not composer.flows.pdf_box.isEnabled()
    assert "LibreOffice" in composer.flows.pdf_box.toolTip()
    composer.flows.set_libreoffice(True)
    assert composer.flows.pdf_box.isEnabled()


def test_the_composer_window_state_is_restored(qtbot, make_window, demo_db, ui_settings):
    window = make_window(demo_db)
    composer = open_composer(qtbot, window, DEMO_LETTER)
    composer.resize(720, 520)
    composer.splitter.setSizes([250, 450])
    composer.close()
    second = make_window(demo_db, ui_settings)
    again = open_composer(qtbot, second, DEMO_LETTER)
    assert ui_settings.contains("composer/geometry")
    # The offscreen screen is small: restoring fits the window on it, so compare loosely.
    assert (again.width(), again.height()) != DEFAULT_SIZE
    assert ui_settings.contains("composer/splitter")
    assert ui_settings.contains("composer/sections")
