"""Importing a motion from its official text, in the dialog and through the main window."""

from __future__ import annotations

import codecs
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QApplication, QDialogButtonBox

from desktop.ui.registry.motion_import import ImportMotionDialog, OpenTextFile
from desktop.ui.registry.motion_model import COL_KAMERSTUK
from tests.conftest import REFERENCE
from tests.ui.helpers import shown_column, wait_idle

OFFICIAL = REFERENCE / "moties" / "kst-26485-229.txt"
TEXT = OFFICIAL.read_text(encoding="utf-8")


def paste(qtbot: Any, dialog: ImportMotionDialog, text: str) -> None:
    QApplication.clipboard().setText(text)
    dialog.text.setFocus()
    dialog.text.paste()
    dialog.parse_now()


def save_button(dialog: ImportMotionDialog) -> Any:
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_pasted_official_text_shows_what_was_recognised(qtbot):
    dialog = ImportMotionDialog()
    qtbot.addWidget(dialog)
    assert not save_button(dialog).isEnabled()
    paste(qtbot, dialog, TEXT)
    shown = dialog.preview.toPlainText()
    assert "Herkend: de motie Voordewind" in shown
    assert "Kamerstuk 26 485, nr. 229" in shown
    assert "Maatschappelijk verantwoord ondernemen" in shown
    assert "6 september 2016" in shown
    assert "Overwegingen (3)" in shown and "Verzoeken (1)" in shown
    assert save_button(dialog).isEnabled()
    result = dialog.result_value()
    assert result is not None and result.text == TEXT
    assert result.motion.verzoeken[0].startswith("verzoekt de regering")


def test_text_that_is_not_a_motion_says_why(qtbot):
    dialog = ImportMotionDialog(None, "Geachte voorzitter,\n\nHierbij ontvangt u de brief.")
    qtbot.addWidget(dialog)
    assert "Niet herkend." in dialog.preview.toPlainText()
    assert dialog.problem
    assert not save_button(dialog).isEnabled()
    assert dialog.result_value() is None


def test_opening_a_text_file(qtbot, tmp_path, monkeypatch):
    unicode_file = tmp_path / "motie.txt"
    unicode_file.write_bytes(codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"))
    monkeypatch.setattr(OpenTextFile, "ask", classmethod(lambda cls, parent: unicode_file))
    dialog = ImportMotionDialog()
    qtbot.addWidget(dialog)
    dialog._on_open_button_clicked()
    assert "Herkend: de motie Voordewind" in dialog.preview.toPlainText()

    ansi = tmp_path / "ansi.txt"
    ansi.write_bytes(TEXT.replace("substantiële", "substanti\xeble").encode("cp1252"))
    dialog.load_file(ansi)
    assert "ansi.txt" in dialog.problem and "UTF-8" in dialog.problem


def test_importing_through_the_main_window(qtbot, window, monkeypatch, message_boxes):
    view = window.views.motions
    # The demo already has this motion: delete it first, as a user would.
    motion_id = next(m.id for m in view.model.rows() if m.kamerstuk.ondernummer == "229")
    view.select_id(motion_id)
    window.act_delete.trigger()
    wait_idle(qtbot, window)
    assert "26 485, nr. 229" not in shown_column(view, COL_KAMERSTUK)

    def ask(
        cls: Any, parent: Any, text: str = "", *, error: str | None = None, lookup: Any = None
    ) -> Any:
        dialog = ImportMotionDialog(parent, text, error=error, lookup=lookup)
        qtbot.addWidget(dialog)
        paste(qtbot, dialog, TEXT)
        return dialog.result_value()

    monkeypatch.setattr(ImportMotionDialog, "ask", classmethod(ask))
    window.act_import.trigger()
    wait_idle(qtbot, window)
    assert "26 485, nr. 229" in shown_column(view, COL_KAMERSTUK)
    imported = view.current_motion()
    assert imported is not None and imported.indieners == ["Voordewind"]
    assert window.statusBar().currentMessage() == (
        "De motie Voordewind (Kamerstuk 26 485, nr. 229) is geïmporteerd."
    )
    detail = view.detail.toPlainText()
    assert "Overwegingen" in detail and "Child Labour Free Zones" in detail


def test_importing_a_motion_that_is_registered_keeps_the_text(qtbot, window, monkeypatch):
    calls: list[tuple[str, str | None]] = []

    def ask(
        cls: Any, parent: Any, text: str = "", *, error: str | None = None, lookup: Any = None
    ) -> Any:
        calls.append((text, error))
        if len(calls) == 1:
            # Without the lookup: as if the motion was registered while the dialog was open.
            dialog = ImportMotionDialog(parent, TEXT)
            qtbot.addWidget(dialog)
            return dialog.result_value()
        return None

    monkeypatch.setattr(ImportMotionDialog, "ask", classmethod(ask))
    window.act_import.trigger()
    wait_idle(qtbot, window)
    assert calls[1] == (
        TEXT,
        "De motie Voordewind (Kamerstuk 26 485, nr. 229) staat al in het register.",
    )


def test_a_text_without_the_closing_formula_shows_the_warning_and_can_be_saved(qtbot):
    # The real text of Kamerstuk 26 485, nr. 229 without its closing formula (a variant).
    text = TEXT.replace("\nen gaat over tot de orde van de dag.\n", "")
    dialog = ImportMotionDialog()
    qtbot.addWidget(dialog)
    paste(qtbot, dialog, text)
    shown = dialog.preview.toPlainText()
    assert "Let op:" in shown
    assert "De slotformule ‘en gaat over tot de orde van de dag.’ ontbreekt" in shown
    assert "U kunt de motie toch opslaan." in shown
    assert "Herkend: de motie Voordewind" in shown  # the warning does not replace the result
    assert len(dialog.warnings) == 1 and dialog.problem == ""
    assert save_button(dialog).isEnabled()  # a warning is no error
    result = dialog.result_value()
    assert result is not None and result.motion.citation == "Kamerstuk 26 485, nr. 229"
    # The complete text has no warning.
    dialog.text.setPlainText(TEXT)
    dialog.parse_now()
    assert dialog.warnings == [] and "Let op" not in dialog.preview.toPlainText()


def _record_dialogs(
    qtbot: Any, monkeypatch: Any, answer: Callable[[ImportMotionDialog], Any]
) -> list[ImportMotionDialog]:
    """Open the real dialog (with the registry lookup) on Motie importeren, and answer it."""
    shown: list[ImportMotionDialog] = []

    def ask(
        cls: Any, parent: Any, text: str = "", *, error: str | None = None, lookup: Any = None
    ) -> Any:
        dialog = ImportMotionDialog(parent, text, error=error, lookup=lookup)
        qtbot.addWidget(dialog)
        shown.append(dialog)
        return answer(dialog)

    monkeypatch.setattr(ImportMotionDialog, "ask", classmethod(ask))
    return shown


def test_a_registered_motion_is_recognised_before_opslaan(qtbot, window, monkeypatch):
    shown = _record_dialogs(qtbot, monkeypatch, lambda dialog: None)
    window.motion_actions.import_text(TEXT)
    (dialog,) = shown
    qtbot.waitUntil(lambda: dialog.existing is not None, timeout=5_000)
    assert "Staat al in het register" in dialog.preview.toPlainText()
    assert "de motie Voordewind" in dialog.preview.toPlainText()
    assert not save_button(dialog).isEnabled()
    # Another text, not in the registry: saving is possible again.
    dialog.text.setPlainText((REFERENCE / "moties" / "kst-21501-20-1436.txt").read_text("utf-8"))
    dialog.parse_now()
    wait_idle(qtbot, window)
    assert dialog.existing is None and save_button(dialog).isEnabled()
    assert "Staat al in het register" not in dialog.preview.toPlainText()


def test_the_official_text_completes_a_motion_registered_without_it(
    qtbot, make_window, demo_db, monkeypatch
):
    from desktop.core.store import Store, motions

    # -- as after an open-data import: the motion is there, its text is not --
    with Store.open(demo_db) as store, store.transaction() as db:
        motion = motions.resolve(db, "26 485, nr. 229")
        motion.overwegingen, motion.verzoeken = [], []
        motions.update(db, motion)
    window = make_window(demo_db)
    wait_idle(qtbot, window)

    def save_once_looked_up(dialog: ImportMotionDialog) -> Any:
        qtbot.waitUntil(lambda: dialog.existing is not None, timeout=5_000)
        return dialog.result_value()

    shown = _record_dialogs(qtbot, monkeypatch, save_once_looked_up)
    window.motion_actions.import_text(TEXT)
    wait_idle(qtbot, window)
    (dialog,) = shown
    assert "Staat al in het register, zonder tekst" in dialog.preview.toPlainText()
    assert save_button(dialog).isEnabled()
    assert window.statusBar().currentMessage() == (
        "Bij de motie Voordewind (Kamerstuk 26 485, nr. 229) is de officiële tekst toegevoegd."
    )
    with Store.open(demo_db) as store:
        completed = motions.resolve(store.db, "26 485, nr. 229")
    assert completed.verzoeken and completed.status == motion.status
