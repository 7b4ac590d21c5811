"""The letterhead dialog: set an emblem, refuse a bad file in Dutch, remove it; page 1 preview."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage

import desktop.core.docx.render as render_module
from desktop.core.services import letters as letter_operations
from desktop.core.store import Store
from desktop.ui.common import letterhead as letterhead_module
from tests.conftest import require_tool
from tests.ui.helpers import assert_real_picture, screenshot_path, wait_idle

RENDER_MS = 90_000  # LibreOffice's first start on a busy machine


def _emblem(path):
    image = QImage(120, 60, QImage.Format.Format_RGB32)
    image.fill(QColor("#154273"))
    assert image.save(str(path))
    return path


@pytest.mark.invalid_docx("sjabloon.docx")  # a text file offered as template, on purpose
def test_set_refuse_and_clear_the_letterhead(qtbot, make_window, demo_db, tmp_path, monkeypatch):
    # Without LibreOffice the dialog works as before and says why there is no preview.
    monkeypatch.setattr(render_module, "find_libreoffice", lambda: None)
    emblem = _emblem(tmp_path / "logo.png")
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
    assert dialog.picture is None and dialog.preview.text() == "Geen voorbeeld"
    assert dialog.preview_status.text().startswith("LibreOffice is niet geïnstalleerd")
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


def _top_band_is_blank(picture) -> bool:
    """True when the top of the page (where the emblem goes) has no dark blue pixels."""
    image = picture.toImage()
    height = image.height() // 12
    return not any(
        QColor(image.pixel(x, y)).blue() > 100 and QColor(image.pixel(x, y)).red() < 60
        for x in range(0, image.width(), 2)
        for y in range(height)
    )


@pytest.mark.render
def test_the_preview_shows_page_one_with_the_chosen_letterhead(
    qtbot, make_window, demo_db, tmp_path, monkeypatch
):
    require_tool("soffice")
    require_tool("pdftoppm")
    emblem = _emblem(tmp_path / "logo.png")
    monkeypatch.setattr(
        letterhead_module.LetterheadFileDialog, "ask", classmethod(lambda cls, p: emblem)
    )
    window = make_window(demo_db)
    window.act_letterhead.trigger()
    dialog = window.letterhead_dialog
    qtbot.waitUntil(lambda: dialog.picture is not None, timeout=RENDER_MS)
    wait_idle(qtbot, window)
    assert "Min-BuZa.2020.396 – Voortgang IMVO-beleid" in dialog.preview_status.text()
    plain = dialog.picture
    assert plain.width() > 400 and plain.height() > 1.3 * plain.width()  # an A4 page
    assert _top_band_is_blank(plain)  # the ministry's name as text, no emblem
    dialog.choose_button.click()
    qtbot.waitUntil(
        lambda: dialog.picture is not None and dialog.picture is not plain, timeout=RENDER_MS
    )
    wait_idle(qtbot, window)
    assert not _top_band_is_blank(dialog.picture)  # the blue emblem at the top of page 1
    dialog.show()
    qtbot.waitExposed(dialog)
    path = screenshot_path(tmp_path, "briefhoofd.png")
    assert dialog.grab().save(str(path))
    assert_real_picture(path, (dialog.width(), dialog.height()))


def test_a_failing_render_is_a_dutch_message_and_no_crash(qtbot, make_window, demo_db, monkeypatch):
    from desktop.core.errors import FileProblem
    from desktop.core.services import letterhead as letterhead_operations

    def broken(draft):
        raise FileProblem("Het voorbeeld van pagina 1 is niet gelukt: LibreOffice stopte.")

    monkeypatch.setattr(letterhead_operations, "render_preview", broken)
    window = make_window(demo_db)
    window.act_letterhead.trigger()
    wait_idle(qtbot, window)
    dialog = window.letterhead_dialog
    assert dialog.picture is None
    assert dialog.preview_status.text() == (
        "Het voorbeeld van pagina 1 is niet gelukt: LibreOffice stopte."
    )
