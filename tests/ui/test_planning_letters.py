"""From the Brieven view: the next letter from a selected one, and a letter's versions."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from desktop import paths
from desktop.core.drafting.templates import TemplateLibrary
from desktop.core.export import export_letter
from desktop.core.store import Store, letters
from desktop.ui.planning.dialogs import NewLetterChoice, NewLetterDialog
from tests.ui.conftest import TODAY
from tests.ui.helpers import wait_idle

DEMO_LETTER = "Min-BuZa.2020.396"
ADDED = "De tussenmeting is inmiddels gepubliceerd."


def select_letter(window, kenmerk: str) -> Any:
    view = window.views.letters
    letter = next(item for item in view.model.rows() if item.kenmerk == kenmerk)
    window.tabs.setCurrentWidget(view)
    assert view.select_id(letter.id)
    return letter


def test_letter_actions_follow_the_selection(window):
    view = window.views.letters
    window.tabs.setCurrentWidget(view)
    view.table.clearSelection()
    assert not window.cycle.act_new_letter.isEnabled()
    assert not window.cycle.act_versions.isEnabled()
    select_letter(window, DEMO_LETTER)
    assert window.cycle.act_new_letter.isEnabled() and window.cycle.act_versions.isEnabled()
    menu = [a.text() for a in window.menuBar().actions()[1].menu().actions()]
    assert "Nieuwe brief op basis van &deze…" in menu
    assert window.cycle.act_new_letter in view.table.actions()


def test_new_letter_from_the_selected_one(qtbot, window, monkeypatch):
    asked: list[tuple[Any, list[str]]] = []

    def ask(cls: Any, parent: Any, previous: Any, kenmerken: Any = (), **kwargs: Any):
        asked.append((previous, list(kenmerken)))
        return NewLetterChoice(dt.date(2020, 9, 1), "BZ-2020-2")

    monkeypatch.setattr(NewLetterDialog, "ask", classmethod(ask))
    previous = select_letter(window, DEMO_LETTER)
    with qtbot.waitSignal(window.letter_open_requested, timeout=10_000) as blocker:
        window.cycle.act_new_letter.trigger()
    wait_idle(qtbot, window)
    assert asked[0][0].id == previous.id and DEMO_LETTER in asked[0][1]
    created = window.views.letters.current_record()
    assert created.kenmerk == "BZ-2020-2" and created.status == "concept"
    assert len(created.sections) == 9
    assert [s.titel for s in created.sections] == [s.titel for s in previous.sections]
    assert created.convenant_ids == previous.convenant_ids
    assert blocker.args == [created.id]
    assert window.tabs.currentWidget() is window.views.letters
    assert window.tabs.tabText(5) == "Brieven (6)"
    assert (
        window.statusBar()
        .currentMessage()
        .startswith(
            f"Nieuwe conceptbrief BZ-2020-2 (1 september 2020) gemaakt uit {DEMO_LETTER} "
            "(21 februari 2020): 9 secties, 1 motie"
        )
    )


def test_a_refused_new_letter_is_explained(qtbot, window, monkeypatch, message_boxes):
    # The dialog checks this too; the store has the last word (another window may race).
    monkeypatch.setattr(
        NewLetterDialog,
        "ask",
        classmethod(lambda cls, *a, **k: NewLetterChoice(dt.date(2020, 9, 1), DEMO_LETTER)),
    )
    select_letter(window, DEMO_LETTER)
    window.cycle.act_new_letter.trigger()
    wait_idle(qtbot, window)
    assert message_boxes.warnings == [
        f"Er staat al een brief met kenmerk {DEMO_LETTER} in het register."
    ]
    assert window.views.letters.record_count() == 5


def test_new_letter_dialog_validates_inline(qtbot, window):
    previous = select_letter(window, DEMO_LETTER)
    dialog = NewLetterDialog(None, previous, [DEMO_LETTER, "BZ-1"], today=TODAY)
    qtbot.addWidget(dialog)
    assert dialog.datum.text() == "1 maart 2021"  # today, later than the previous letter
    dialog.datum.setText("2019-01-01")
    assert not dialog.validate()
    assert dialog.datum_error.message == (
        "De nieuwe brief moet later gedateerd zijn dan de vorige (21 februari 2020)."
    )
    dialog.datum.setText("31 februari 2021")  # messages follow the typing now
    assert dialog.datum_error.message == "‘31 februari 2021’ is geen geldige datum."
    dialog.datum.setText("")
    assert dialog.datum_error.message == "Vul de geplande datum in."
    dialog.datum.setText("1 september 2020")
    dialog.kenmerk.setText(" min-buza.2020.396 ")
    assert not dialog.validate()
    assert dialog.datum_error.message == ""
    assert dialog.kenmerk_error.message == (
        "Er staat al een brief met kenmerk min-buza.2020.396 in het register."
    )
    dialog.kenmerk.setText("BZ-2020-2")
    assert dialog.validate()
    assert dialog.choice() == NewLetterChoice(dt.date(2020, 9, 1), "BZ-2020-2")
    dialog.kenmerk.setText("")
    assert dialog.choice().kenmerk is None


def export_twice(path: Path, tmp_path: Path) -> None:
    """Two exports of the demo letter with an edit in between (each stores a version)."""
    library = TemplateLibrary(paths.shipped_templates_dir())
    with Store.open(path) as store:
        letter = letters.find_by_kenmerk(store.db, DEMO_LETTER)
        assert letter is not None
        export_letter(store.db, letter, library, tmp_path / "v1.docx", emblem=None)
        letter.sections[4].tekst += f"\n\n{ADDED}"
        with store.transaction() as db:
            letters.update(db, letter)
        export_letter(store.db, letter, library, tmp_path / "v2.docx", emblem=None)


def test_versions_dialog_compares_two_exports(qtbot, make_window, demo_db, tmp_path, qtmodeltester):
    export_twice(demo_db, tmp_path)
    window = make_window(demo_db)
    select_letter(window, DEMO_LETTER)
    window.cycle.act_versions.trigger()
    wait_idle(qtbot, window)
    dialog = window.cycle.versions_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowTitle() == f"Versies – {DEMO_LETTER} (21 februari 2020)"
    rows = dialog.model.rows()
    assert [v.nummer for v in rows] == [1, 2] and rows[1].wie == "tester"
    assert rows[1].bestand.endswith("v2.docx")
    # The two newest versions are compared at once.
    assert (dialog.old_box.currentData(), dialog.new_box.currentData()) == (1, 2)
    changed = [d for d in dialog.sections.model.rows() if d.status != "ongewijzigd"]
    assert [d.titel for d in changed] == ["90-procentdoelstelling"]
    assert changed[0].added == [ADDED]
    assert dialog.result_tabs.tabText(0) == "Per sectie (1 gewijzigd)"
    assert ADDED in dialog.sections.text.toPlainText()
    assert ADDED in dialog.text.toPlainText()
    qtmodeltester.check(dialog.model)
    qtmodeltester.check(dialog.sections.model)

    dialog.choose(2, 2)
    dialog.compare_button.click()
    assert dialog.message.message == "Kies twee verschillende versies."
    dialog.choose(2, 1)
    dialog.compare_button.click()
    wait_idle(qtbot, window)
    assert dialog.message.message == ""
    by_title = {d.titel: d for d in dialog.sections.model.rows()}
    assert by_title["90-procentdoelstelling"].removed == [ADDED]


def test_versions_of_a_letter_never_exported(qtbot, window):
    select_letter(window, DEMO_LETTER)
    window.cycle.act_versions.trigger()
    wait_idle(qtbot, window)
    dialog = window.cycle.versions_dialog
    assert dialog is not None and dialog.model.rowCount() == 0
    assert not dialog.compare_button.isEnabled()
    assert "nog niet geëxporteerd" in dialog.note.text()


def test_versions_dialog_writes_the_changes_as_tracked_changes(
    qtbot, make_window, demo_db, tmp_path, monkeypatch
):
    import zipfile

    from desktop.ui.planning import versions as versions_module

    export_twice(demo_db, tmp_path)
    window = make_window(demo_db)
    select_letter(window, DEMO_LETTER)
    window.cycle.act_versions.trigger()
    wait_idle(qtbot, window)
    dialog = window.cycle.versions_dialog
    assert dialog is not None and dialog.tracked_button.isEnabled()
    target = tmp_path / "wijzigingen.docx"
    monkeypatch.setattr(
        versions_module.TrackedChangesFileDialog, "ask", classmethod(lambda cls, p, s: target)
    )
    dialog.tracked_button.click()
    wait_idle(qtbot, window)
    assert dialog.last_tracked == target and "auteur tester" in dialog.note.text()
    xml = zipfile.ZipFile(target).read("word/document.xml").decode("utf-8")
    assert "<w:ins " in xml and 'w:author="tester"' in xml
    assert ADDED.split()[-1] in xml


def test_the_signed_letter_is_read_back_from_word(
    qtbot, make_window, demo_db, tmp_path, monkeypatch, message_boxes
):
    import docx

    from desktop.ui.planning import actions as actions_module

    library = TemplateLibrary(paths.shipped_templates_dir())
    with Store.open(demo_db) as store:
        letter = letters.find_by_kenmerk(store.db, DEMO_LETTER)
        assert letter is not None
        export_letter(store.db, letter, library, tmp_path / "brief.docx", emblem=None)
    document = docx.Document(str(tmp_path / "brief.docx"))
    paragraph = next(p for p in document.paragraphs if p.text.startswith("Het kabinet heeft de"))
    paragraph.runs[0].text = paragraph.runs[0].text.replace("heeft de", "heeft in 2018 de", 1)
    document.save(str(tmp_path / "getekend.docx"))
    monkeypatch.setattr(
        actions_module.WordLetterFileDialog,
        "ask",
        classmethod(lambda cls, parent: tmp_path / "getekend.docx"),
    )
    window = make_window(demo_db)
    window.cycle.act_from_word.trigger()
    wait_idle(qtbot, window)
    wait_idle(qtbot, window)
    assert "90-procentdoelstelling: gewijzigd" in message_boxes.confirmations[-1]
    result = window.cycle.last_word_update
    assert result is not None and result.version is not None
    with Store.open(demo_db) as store:
        stored = letters.find_by_kenmerk(store.db, DEMO_LETTER)
        assert stored is not None
        assert any("heeft in 2018 de" in s.tekst for s in stored.sections)
