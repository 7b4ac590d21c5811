"""The "Wat is er veranderd" window: periods, two letters, texts per section, Word report."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import docx
from PySide6.QtCore import Qt

from desktop.core.domain.models import LetterSection
from desktop.core.planning.carry_forward import new_letter_from
from desktop.core.store import Store, letters
from desktop.ui.planning.changes import ChangesWindow
from desktop.ui.planning.dialogs import ReportFileDialog
from tests.ui.helpers import wait_idle

DEMO_LETTER = "Min-BuZa.2020.396"
CONTAINS = Qt.MatchFlag.MatchContains
NEW_SENTENCE = "De tussenmeting is in het najaar van 2020 gepubliceerd."


def compose_second_letter(path: Path, datum: dt.date = dt.date(2020, 9, 1)) -> int:
    """Draft the next letter from the demo letter and edit it through the core."""
    with Store.open(path) as store, store.transaction() as db:
        previous = letters.find_by_kenmerk(db, DEMO_LETTER)
        assert previous is not None
        following = new_letter_from(db, previous, datum, kenmerk="BZ-2020-2")
        section = following.sections[4]
        assert section.titel == "90-procentdoelstelling"
        first, _rest = section.tekst.split(". ", 1)
        section.tekst = f"{first}. {NEW_SENTENCE}"
        following.sections.append(
            LetterSection("Wetsvoorstel IMVO", "Het kabinet werkt aan een wetsvoorstel.")
        )
        del following.sections[2]
        letters.update(db, following)
        assert following.id is not None
        return following.id


def open_changes(qtbot, window) -> ChangesWindow:
    window.cycle.act_changes.trigger()
    wait_idle(qtbot, window)
    changes = window.cycle.changes_window
    assert changes is not None and changes.isVisible()
    return changes


def test_demo_letter_since_1_december_2019(qtbot, window, qtmodeltester):
    changes = open_changes(qtbot, window)
    changes.show_period(dt.date(2019, 12, 1), dt.date(2020, 2, 21))
    wait_idle(qtbot, window)
    settled = changes.model.changes("Afgedaan")
    assert {c.titel for c in settled} == {
        "de motie Van Laar (Kamerstuk 26 485, nr. 224)",
        "de motie Diks/Van den Hul (Kamerstuk 35 000 XVII, nr. 34)",
    }
    assert len(changes.model.changes("Nieuwe voortgang convenanten")) == 13
    assert "Afgedaan (2)" in changes.model.group_titles()
    assert "Nieuwe voortgang convenanten (13)" in changes.model.group_titles()
    assert "1 december 2019" in changes.heading.text()
    assert changes.sections.model.rowCount() == 0
    assert "twee brieven" in changes.sections.text.toPlainText()
    qtmodeltester.check(changes.model)


def test_default_is_the_newest_letter_against_the_one_before(qtbot, window):
    changes = open_changes(qtbot, window)
    assert changes.letter_mode.isChecked()
    # It does not keep the program running once the main window is closed.
    assert not changes.testAttribute(Qt.WidgetAttribute.WA_QuitOnClose)
    assert changes.letter_box.currentText().startswith(f"{DEMO_LETTER} (21 februari 2020)")
    assert changes.earlier_box.currentText() == "de vorige brief"
    # The letter before (28 oktober 2019) is registered without its text.
    assert "28 oktober 2019" in changes.note.text() and "geen tekst" in changes.note.text()
    assert len(changes.model.changes("Afgedaan")) == 2
    assert changes.result is not None and changes.result.diffs is None


def test_section_diffs_for_a_second_letter(qtbot, make_window, demo_db, qtmodeltester):
    compose_second_letter(demo_db)
    window = make_window(demo_db)
    changes = open_changes(qtbot, window)
    assert changes.letter_box.currentText().startswith("BZ-2020-2 (1 september 2020)")
    assert f"{DEMO_LETTER} (21 februari 2020) en BZ-2020-2" in changes.heading.text()
    statuses = {d.titel: d.status for d in changes.sections.model.rows()}
    first_count = changes.sections.model.changed_count()
    assert first_count == sum(status != "ongewijzigd" for status in statuses.values())
    assert statuses["90-procentdoelstelling"] == "gewijzigd"
    assert statuses["Wetsvoorstel IMVO"] == "nieuw"
    assert statuses["Wet Zorgplicht Kinderarbeid"] == "vervallen"
    # The motion this section answered was settled by the first letter: its paragraph is gone.
    assert statuses["Monitoring IMVO-convenanten"] == "gewijzigd"
    assert statuses["Voortgang project IMVO-maatregelen in perspectief"] == "ongewijzigd"
    # The first changed section (the introduction) is selected; then pick another one:
    # struck-through red and new green sentences.
    selected = changes.sections.selected()
    assert selected is not None and selected.titel == "Inleiding"
    titles = [d.titel for d in changes.sections.model.rows()]
    changes.sections.table.selectRow(titles.index("90-procentdoelstelling"))
    html = changes.sections.text.toHtml()
    assert "line-through" in html and "#a0281b" in html and "#1e7b34" in html
    assert NEW_SENTENCE in changes.sections.text.toPlainText()
    qtmodeltester.check(changes.sections.model)
    qtmodeltester.check(changes.model)

    # Two letters chosen explicitly, in either order: the same comparison.
    changes.letter_box.setCurrentIndex(changes.letter_box.findText(DEMO_LETTER, CONTAINS))
    changes.earlier_box.setCurrentIndex(changes.earlier_box.findText("BZ-2020-2", CONTAINS))
    wait_idle(qtbot, window)
    assert changes.result is not None and changes.result.newer is not None
    assert changes.result.newer.kenmerk == "BZ-2020-2"
    assert changes.sections.model.changed_count() == first_count
    # The same letter twice is refused in words, not by a crash.
    changes.earlier_box.setCurrentIndex(changes.earlier_box.findText(DEMO_LETTER, CONTAINS))
    wait_idle(qtbot, window)
    assert changes.note.text() == "Kies twee verschillende brieven."
    assert not changes.save_button.isEnabled()


def test_a_period_that_ends_before_it_starts(qtbot, window):
    changes = open_changes(qtbot, window)
    changes.show_period(dt.date(2020, 2, 21), dt.date(2019, 1, 1))
    wait_idle(qtbot, window)
    assert "eindigt vóór hij begint" in changes.note.text()
    assert changes.model.rowCount() == 0


def test_word_report_is_saved_and_opens(qtbot, window, monkeypatch, tmp_path):
    target = tmp_path / "wijzigingen.docx"
    suggested: list[Path] = []

    def ask(cls: Any, parent: Any, proposal: Path) -> Path:
        suggested.append(proposal)
        return target

    monkeypatch.setattr(ReportFileDialog, "ask", classmethod(ask))
    changes = open_changes(qtbot, window)
    changes.show_period(dt.date(2019, 12, 1), dt.date(2020, 2, 21))
    wait_idle(qtbot, window)
    changes.save_button.click()
    wait_idle(qtbot, window)
    assert suggested[0].name == "wijzigingen-2019-12-01-2020-02-21.docx"
    document = docx.Document(str(target))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[0] == "Wat is er veranderd tussen 1 december 2019 en 21 februari 2020"
    assert "Afgedaan (2)" in headings and "Nieuwe voortgang convenanten (13)" in headings
    assert window.statusBar().currentMessage() == f"Rapport opgeslagen: {target}"


def test_word_report_with_texts_of_two_letters(qtbot, make_window, demo_db, monkeypatch, tmp_path):
    compose_second_letter(demo_db)
    window = make_window(demo_db)
    target = tmp_path / "rapport.docx"
    monkeypatch.setattr(ReportFileDialog, "ask", classmethod(lambda cls, parent, path: target))
    changes = open_changes(qtbot, window)
    changes.save_button.click()
    wait_idle(qtbot, window)
    text = "\n".join(p.text for p in docx.Document(str(target)).paragraphs)
    assert "Tekst per sectie" in text and NEW_SENTENCE in text
    assert "Wet Zorgplicht Kinderarbeid (vervallen)" in text


def test_a_report_that_cannot_be_written_shows_a_dutch_message(
    qtbot, window, monkeypatch, tmp_path, message_boxes
):
    monkeypatch.setattr(
        ReportFileDialog, "ask", classmethod(lambda cls, parent, path: tmp_path / "rapport.txt")
    )
    changes = open_changes(qtbot, window)
    changes.save_button.click()
    wait_idle(qtbot, window)
    assert message_boxes.warnings == ["rapport.txt: kies een bestandsnaam die eindigt op .docx."]
    assert not (tmp_path / "rapport.txt").exists()


def test_cancelled_save_writes_nothing(qtbot, window, monkeypatch, tmp_path):
    monkeypatch.setattr(ReportFileDialog, "ask", classmethod(lambda cls, parent, path: None))
    changes = open_changes(qtbot, window)
    changes.save_button.click()
    wait_idle(qtbot, window)
    assert not window.tasks.busy and list(tmp_path.glob("*.docx")) == []


def test_escape_closes_the_changes_window(qtbot, make_window, demo_db):
    window = make_window(demo_db)
    changes = open_changes(qtbot, window)
    changes.activateWindow()
    changes.letter_box.setFocus()
    qtbot.keyClick(changes.letter_box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not changes.isVisible())
