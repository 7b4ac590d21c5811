"""The main window on the demo registry: counts, search, filters, actions, shortcuts."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QSettings, Qt

from desktop.core.domain.kamerstuk import KamerstukRef
from desktop.core.domain.models import Motion
from desktop.core.store import Store, motions
from desktop.ui.app import configure_application
from desktop.ui.common.dialogs import SettleChoice, SettleDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.registry.motion_editor import MotionEditorDialog
from desktop.ui.registry.motion_model import (
    COL_INDIENERS,
    COL_KAMERSTUK,
    COL_STATUS,
    OVERDUE_TOOLTIP,
)
from tests.ui.helpers import search, show_active, shown_column, wait_idle


def tab_texts(window: MainWindow) -> list[str]:
    return [window.tabs.tabText(index) for index in range(window.tabs.count())]


def select_motion(window: MainWindow, number: str) -> Motion:
    view = window.views.motions
    motion_id = next(m.id for m in view.model.rows() if m.kamerstuk == KamerstukRef.parse(number))
    assert view.select_id(motion_id)
    motion = view.current_motion()
    assert motion is not None
    return motion


def test_tabs_show_each_registry_with_its_count(window):
    assert tab_texts(window) == [
        "Moties (5)",
        "Toezeggingen (0)",
        "Convenanten (14)",
        "EU-dossiers (2)",
        "Kamerstukken (10)",
        "Brieven (5)",
    ]
    assert window.windowTitle() == "Voortgang – register.db"


def test_search_filters_the_motions_through_the_store(qtbot, window):
    view = window.views.motions
    search(qtbot, window, view, "ambassades")
    assert shown_column(view, COL_INDIENERS) == ["Diks, Van den Hul"]
    assert tab_texts(window)[0] == "Moties (1)"
    search(qtbot, window, view, "")
    assert view.record_count() == 5


def test_search_by_kamerstuk_number(qtbot, window):
    view = window.views.motions
    search(qtbot, window, view, "34 300 XVII, nr. 38")
    assert shown_column(view, COL_KAMERSTUK) == ["34 300 XVII, nr. 38"]


def test_typing_waits_for_a_pause_and_only_the_last_search_counts(qtbot, window):
    view = window.views.motions
    queries: list[str] = []
    original = window.tasks.run

    def counting_run(fn: Any, *args: Any, **kwargs: Any) -> Any:
        queries.append(view.search_box.text())
        return original(fn, *args, **kwargs)

    window.tasks.run = counting_run  # type: ignore[method-assign]
    qtbot.keyClicks(view.search_box, "ambassades")
    assert view.search_pending and queries == []
    wait_idle(qtbot, window)
    assert queries[0] == "ambassades"
    # Results of a search that was overtaken are dropped.
    view.search_box.setText("Voordewind")
    view.reload()
    view.search_box.setText("ambassades")
    view.reload()
    wait_idle(qtbot, window)
    assert shown_column(view, COL_INDIENERS) == ["Diks, Van den Hul"]


def test_status_filter(qtbot, window):
    view = window.views.motions
    expected = {"open": 3, "afgedaan": 2, "in uitvoering": 1, "openstaand": 2, "all": 5}
    for value, count in expected.items():
        view.set_status_filter(value)
        wait_idle(qtbot, window)
        assert view.record_count() == count, value
    view.set_status_filter("afgedaan")
    wait_idle(qtbot, window)
    assert set(shown_column(view, COL_STATUS)) == {"Afgedaan"}


def test_dossier_filter(qtbot, window):
    view = window.views.motions
    labels = [view.dossier_box.itemText(i) for i in range(view.dossier_box.count())]
    assert labels[0] == "Alle dossiers"
    assert "26 485 – Maatschappelijk verantwoord ondernemen" in labels
    view.dossier_box.setCurrentIndex(
        labels.index("26 485 – Maatschappelijk verantwoord ondernemen")
    )
    assert shown_column(view, COL_KAMERSTUK) == ["26 485, nr. 224", "26 485, nr. 229"]
    assert tab_texts(window)[0] == "Moties (2)"


def test_overdue_motions_are_highlighted_and_can_be_filtered(qtbot, make_window, demo_db):
    with Store.open(demo_db) as store, store.transaction() as db:
        motion = motions.find(db, KamerstukRef.parse("26 485, nr. 229"))
        assert motion is not None
        motion.deadline = dt.date(2020, 12, 31)  # before TODAY (2021-03-01), still open
        motions.update(db, motion)
    window = make_window(demo_db)
    view = window.views.motions
    row = shown_column(view, COL_KAMERSTUK).index("26 485, nr. 229")
    index = view.table.model().index(row, COL_STATUS)
    assert index.data(Qt.ItemDataRole.ToolTipRole) == OVERDUE_TOOLTIP
    assert index.data(Qt.ItemDataRole.BackgroundRole) is not None
    view.overdue_box.setChecked(True)
    assert shown_column(view, COL_KAMERSTUK) == ["26 485, nr. 229"]
    wait_idle(qtbot, window)
    assert "termijn verstreken" in view.detail.toPlainText()


def test_detail_pane_shows_the_motion_with_history_and_settling_letter(qtbot, window):
    select_motion(window, "35 000 XVII, nr. 34")
    wait_idle(qtbot, window)
    text = window.views.motions.detail.toPlainText()
    for expected in (
        "De motie Diks/Van den Hul",
        "Kamerstuk 35 000 XVII, nr. 34",
        "Indieners",
        "de IMVO-richtlijnen voor ambassades",
        "Aangenomen",
        "Afgedaan",
        "Min-BuZa.2020.396 – Voortgang IMVO-beleid",
        "Statusgeschiedenis",
        "afgedaan met brief Min-BuZa.2020.396",
    ):
        assert expected in text


def test_settle_and_reopen_a_motion(qtbot, window, monkeypatch):
    asked: list[Motion] = []

    def ask(cls: Any, parent: Any, motion: Motion, kenmerken: Any = ()) -> SettleChoice:
        asked.append(motion)
        assert "Min-BuZa.2020.396" in kenmerken
        return SettleChoice("BZ-2021-0042", dt.date(2021, 2, 15))

    monkeypatch.setattr(SettleDialog, "ask", classmethod(ask))
    view = window.views.motions
    motion = select_motion(window, "26 485, nr. 229")
    assert window.act_settle.isEnabled() and not window.act_reopen.isEnabled()
    window.act_settle.trigger()
    wait_idle(qtbot, window)

    settled = view.current_motion()
    assert asked == [motion]
    assert settled is not None and settled.id == motion.id
    assert settled.status == "afgedaan" and settled.afgedaan_met == ["BZ-2021-0042"]
    assert "afgedaan met brief BZ-2021-0042" in view.detail.toPlainText()
    assert (
        "Brief BZ-2021-0042 stond nog niet in het register" in window.statusBar().currentMessage()
    )
    assert tab_texts(window)[5] == "Brieven (6)"
    assert not window.act_settle.isEnabled() and window.act_reopen.isEnabled()

    window.act_reopen.trigger()
    wait_idle(qtbot, window)
    reopened = view.current_motion()
    assert reopened is not None and reopened.status == "openstaand"
    history = view.detail.toPlainText()
    assert "Afgedaan → Openstaand" in history and "heropend" in history
    assert window.statusBar().currentMessage() == "De motie Voordewind staat weer open."


def test_settling_is_one_undo_step_that_restores_the_status_before(qtbot, window, monkeypatch):
    monkeypatch.setattr(
        SettleDialog,
        "ask",
        classmethod(
            lambda cls, parent, motion, kenmerken=(): SettleChoice(
                "Min-BuZa.2020.396", dt.date(2021, 2, 15)
            )
        ),
    )
    view = window.views.motions
    # Van Ojik/Karabulut is "in uitvoering": undo must bring that back, not "openstaand".
    motion = select_motion(window, "32 735, nr. 252")
    assert motion.status == "in uitvoering"
    window.act_settle.trigger()
    wait_idle(qtbot, window)
    assert view.current_motion().status == "afgedaan"
    assert window.undo_stack.undoText() == "Afdoen met brief Min-BuZa.2020.396"
    window.undo_stack.undo()
    wait_idle(qtbot, window)
    undone = view.current_motion()
    assert undone.status == "in uitvoering" and undone.afgedaan_met == []
    assert "ongedaan gemaakt" in window.statusBar().currentMessage()
    window.undo_stack.redo()
    wait_idle(qtbot, window)
    again = view.current_motion()
    assert again.status == "afgedaan" and again.afgedaan_met == ["Min-BuZa.2020.396"]


def test_new_motion_from_the_editor_is_saved_and_selected(qtbot, window, monkeypatch):
    new = Motion(
        kamerstuk=KamerstukRef.parse("21 501-20, nr. 1234"),
        indieners=["Amhaouch", "Bouali", "Alkaya"],
        onderwerp="eerlijke handel",
        verzoeken=["verzoekt de regering, eerlijke handel te bevorderen"],
    )
    monkeypatch.setattr(MotionEditorDialog, "ask", classmethod(lambda cls, *a, **k: new))
    show_active(qtbot, window)
    qtbot.keyClick(window.views.motions.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, window)
    selected = window.views.motions.current_motion()
    assert selected is not None and selected.name == "de motie Amhaouch c.s."
    assert tab_texts(window)[0] == "Moties (6)"
    assert window.statusBar().currentMessage() == "De motie Amhaouch c.s. is toegevoegd."


def test_a_motion_registered_by_its_zaak_number_alone(qtbot, window, monkeypatch, message_boxes):
    # The real editor, filled in as a user would (ask() itself would exec() the dialog).
    def ask(cls: Any, parent: Any, motion: Motion | None = None, *, error: str | None = None):
        dialog = MotionEditorDialog(parent, motion, error=error)
        qtbot.addWidget(dialog)
        qtbot.keyClicks(dialog.zaaknummer, "2025Z22235")
        qtbot.keyClicks(dialog.indieners, "Bikker, Erkens")
        qtbot.keyClicks(dialog.onderwerp, "informatiedeling tegen jihadisme")
        assert dialog.validate()
        return dialog.motion()

    monkeypatch.setattr(MotionEditorDialog, "ask", classmethod(ask))
    window.act_new.trigger()
    wait_idle(qtbot, window)
    selected = window.views.motions.current_motion()
    assert selected is not None and selected.id is not None
    assert selected.kamerstuk is None and selected.zaaknummer == "2025Z22235"
    assert tab_texts(window)[0] == "Moties (6)"
    assert window.statusBar().currentMessage() == "De motie Bikker/Erkens is toegevoegd."
    shown = window.views.motions.detail.toPlainText()
    assert "De motie Bikker/Erkens" in shown and "informatiedeling tegen jihadisme" in shown
    assert "None" not in shown
    # Deleting it names it by its Zaak number.
    window.act_delete.trigger()
    wait_idle(qtbot, window)
    assert message_boxes.confirmations[-1].startswith(
        "De motie Bikker/Erkens (zaak 2025Z22235) uit het register verwijderen?"
    )
    assert window.statusBar().currentMessage() == (
        "De motie Bikker/Erkens (zaak 2025Z22235) is verwijderd."
    )


def test_a_failed_save_reopens_the_editor_with_the_users_text(qtbot, window, monkeypatch):
    duplicate = Motion(
        kamerstuk=KamerstukRef.parse("26 485, nr. 229"),
        indieners=["Voordewind"],
        notities="Lange aantekening die niet verloren mag gaan.",
    )
    calls: list[tuple[Motion | None, str | None]] = []

    def ask(cls: Any, parent: Any, motion: Motion | None = None, *, error: str | None = None):
        calls.append((motion, error))
        return duplicate if len(calls) == 1 else None

    monkeypatch.setattr(MotionEditorDialog, "ask", classmethod(ask))
    window.act_new.trigger()
    wait_idle(qtbot, window)
    assert len(calls) == 2
    draft, error = calls[1]
    assert draft is duplicate
    assert error == "De motie Voordewind (Kamerstuk 26 485, nr. 229) staat al in het register."
    assert tab_texts(window)[0] == "Moties (5)"


def test_editing_a_motion_saves_it(qtbot, window, monkeypatch):
    motion = select_motion(window, "32 735, nr. 252")

    def ask(cls: Any, parent: Any, initial: Motion | None = None, **kwargs: Any) -> Motion:
        assert initial == motion
        initial.kabinetsappreciatie = "oordeel Kamer"
        return initial

    monkeypatch.setattr(MotionEditorDialog, "ask", classmethod(ask))
    window.views.motions.record_activated.emit(motion)  # a double click or Enter
    wait_idle(qtbot, window)
    assert "oordeel Kamer" in window.views.motions.detail.toPlainText()
    saved = window.views.motions.current_motion()
    assert saved is not None and saved.version == motion.version + 1


def test_delete_asks_first(qtbot, window, message_boxes):
    select_motion(window, "34 300 XVII, nr. 38")
    show_active(qtbot, window)
    message_boxes.answers = [False]
    qtbot.keyClick(window.views.motions.table, Qt.Key.Key_Delete)
    wait_idle(qtbot, window)
    assert (
        "De motie Jan Vos/Van Veldhoven (Kamerstuk 34 300 XVII, nr. 38)"
        in (message_boxes.confirmations[0])
    )
    assert window.views.motions.record_count() == 5
    window.act_delete.trigger()
    wait_idle(qtbot, window)
    assert window.views.motions.record_count() == 4
    assert "34 300 XVII, nr. 38" not in shown_column(window.views.motions, COL_KAMERSTUK)


def test_shortcuts(qtbot, window):
    show_active(qtbot, window)
    window.tabs.setCurrentIndex(2)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.views.convenanten.search_box.hasFocus()
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.views.motions
    assert not window.act_edit.isEnabled() or window.views.motions.current_motion()
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert window.statusBar().currentMessage() == "Register vernieuwd."
    wait_idle(qtbot, window)
    shortcuts = {a.text(): a.shortcut().toString() for a in window.actions()}
    assert shortcuts["&Afsluiten"] == "Ctrl+Q"
    assert shortcuts["&Nieuwe motie…"] == "Ctrl+N"
    assert shortcuts["Motie &verwijderen…"] == "Del"
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not window.isVisible() and window.tasks.closed


def test_menus_are_dutch(window):
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles == ["&Bestand", "Be&werken", "Bee&ld", "&Help"]


def test_client_side_search_in_letters_and_kamerstukken(qtbot, window):
    search(qtbot, window, window.views.letters, "min-buza")
    assert window.views.letters.record_count() == 1
    search(qtbot, window, window.views.kamerstukken, "BNC")
    assert window.views.kamerstukken.record_count() == 1
    assert tab_texts(window)[4] == "Kamerstukken (1)"


def test_fts_search_in_convenanten(qtbot, window):
    search(qtbot, window, window.views.convenanten, "textiel")
    assert 1 <= window.views.convenanten.record_count() < 14


def test_opening_a_letter_emits_letter_open_requested(qtbot, window):
    letter = window.views.letters.model.rows()[0]
    with qtbot.waitSignal(window.letter_open_requested) as blocker:
        window.views.letters.record_activated.emit(letter)
    assert blocker.args == [letter.id]
    with qtbot.waitSignal(window.letter_open_requested) as blocker:
        window.views.motions.link_clicked.emit(f"brief:{letter.id}")
    assert blocker.args == [letter.id]
    assert window.tabs.currentWidget() is window.views.letters


def test_window_layout_is_remembered(qtbot, make_window, demo_db, tmp_path):
    settings = QSettings(str(tmp_path / "layout.ini"), QSettings.Format.IniFormat)
    first = make_window(demo_db, settings)
    first.tabs.setCurrentIndex(3)
    first.views.motions.splitter.setSizes([700, 500])
    sizes = first.views.motions.splitter.sizes()
    first.close()
    second = make_window(demo_db, settings)
    assert second.tabs.currentIndex() == 3
    assert second.views.motions.splitter.sizes() == sizes


def test_a_store_that_cannot_be_opened_shows_one_dutch_message(
    qtbot, make_window, tmp_path, message_boxes
):
    broken = tmp_path / "kapot.db"
    broken.write_text("dit is geen register", encoding="utf-8")
    window = make_window(broken)
    assert len(message_boxes.warnings) == 1
    assert "geen Voortgang-register" in message_boxes.warnings[0]
    assert window.views.motions.record_count() == 0


def test_two_windows_can_share_one_registry_file(qtbot, make_window, demo_db):
    first = make_window(demo_db)
    second = make_window(demo_db)
    assert first.views.motions.record_count() == second.views.motions.record_count() == 5
    assert first.tasks.path == second.tasks.path == demo_db


def test_delete_key_in_the_search_box_edits_the_text(qtbot, window, message_boxes):
    show_active(qtbot, window)
    box = window.views.motions.search_box
    box.setFocus()
    qtbot.keyClicks(box, "ambassades")
    box.setCursorPosition(0)
    qtbot.keyClick(box, Qt.Key.Key_Delete)
    assert box.text() == "mbassades"
    assert message_boxes.confirmations == []
    wait_idle(qtbot, window)


def test_application_names_for_settings(qapp):
    before = (qapp.organizationName(), qapp.applicationName())
    configure_application(qapp)
    try:
        assert (qapp.organizationName(), qapp.applicationName()) == ("Voortgang", "Voortgang")
    finally:
        qapp.setOrganizationName(before[0])
        qapp.setApplicationName(before[1])
