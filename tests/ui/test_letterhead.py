"""The letterhead dialog: set an emblem, refuse a bad file in Dutch, remove it."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage

from desktop.core.services import letters as letter_operations
from desktop.core.store import Store
from desktop.ui.common import letterhead as letterhead_module
from tests.ui.helpers import wait_idle


@pytest.mark.invalid_docx("sjabloon.docx")  # a text file offered as template, on purpose
def test_set_refuse_and_clear_the_letterhead(qtbot, make_window, demo_db, tmp_path, monkeypatch):
    emblem = tmp_path / "logo.png"
    image = QImage(120, 60, QImage.Format.Format_RGB32)
    image.fill(QColor("#154273"))
    assert image.save(str(emblem))
    not_word = tmp_path / "sjabloon.docx"
    not_word.write_text("dit is geen Word-bestand", encoding="utf-8")
    chosen = [emblem, not_word]
    monkeypatch.setattr(
        letterhead_module.LetterheadFileDialog, "ask", classmethod(lambda cls, p: chosen.pop(0))
    )
    window = make_window(demo_db)
    window.act_letterhead.trigger()
    wait_idle(qtbot, window)
    dialog = window.letterhead_dialog
    assert dialog.current.text().startswith("Geen briefhoofd ingesteld")
    dialog.choose_button.click()
    wait_idle(qtbot, window)
    assert dialog.current.text().startswith("Ingesteld: Embleem logo.png")
    dialog.choose_button.click()
    wait_idle(qtbot, window)
    assert "sjabloon.docx" in dialog.message.message
    # The bad file changed nothing: the emblem is still the team's letterhead.
    with Store.open(demo_db) as store:
        assert letter_operations.letterhead_description(store).startswith("Embleem logo.png")
    dialog.clear_button.click()
    wait_idle(qtbot, window)
    wait_idle(qtbot, window)
    assert dialog.current.text().startswith("Geen briefhoofd ingesteld")
