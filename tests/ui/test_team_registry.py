"""The app on a team registry: the connection dialog, and colleagues' changes appearing."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel

from desktop import paths
from desktop.core.demo import load_demo
from desktop.core.store import Store, motions
from desktop.core.store.engine import parse_address
from desktop.ui.common.registry_dialog import OpenRegistryDialog
from desktop.ui.registry.motion_model import COL_KAMERSTUK, COL_STATUS
from tests.ui.helpers import assert_real_picture, screenshot_path, shown_column

SIZE = (640, 560)


def _fill_server(dialog: OpenRegistryDialog, pg_url: str) -> None:
    url = parse_address(pg_url).url
    assert url is not None
    dialog.server.setChecked(True)
    dialog.host.setText(str(url.query["host"]))
    dialog.database.setText(str(url.database))
    dialog.user.setText(str(url.username))


def test_the_connection_dialog_tests_the_server_then_opens_it(qtbot, pg_url, tmp_path):
    dialog = OpenRegistryDialog(None, parse_address(tmp_path / "register.db"))
    qtbot.addWidget(dialog)
    assert dialog.local.isChecked() and dialog.file.text().endswith("register.db")
    _fill_server(dialog, pg_url)
    dialog.password.setText("geheim")
    assert "geheim" not in dialog.shown.text()
    dialog.test.click()
    qtbot.waitUntil(lambda: "klaar voor gebruik" in dialog.outcome.text(), timeout=15_000)
    assert "Verbonden met PostgreSQL" in dialog.outcome.text() and "tester" in dialog.outcome.text()
    dialog.password.clear()
    dialog.resize(*SIZE)
    dialog.show()
    _fill_server(dialog, pg_url)
    dialog.check()
    qtbot.waitUntil(lambda: "klaar voor gebruik" in dialog.outcome.text(), timeout=15_000)
    target = screenshot_path(tmp_path, "teamregister-verbinding.png")
    assert dialog.grab().save(str(target))
    assert_real_picture(target, SIZE)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Open).click()
    assert dialog.address is not None and dialog.address.is_server
    # What the app remembers: the address without any password.
    assert dialog.address.saved.startswith("postgresql://tester@/")
    assert parse_address(dialog.address.saved).url.database == parse_address(pg_url).url.database


def test_a_wrong_server_is_told_in_dutch_in_the_dialog(qtbot, tmp_path):
    dialog = OpenRegistryDialog(None, parse_address(tmp_path / "register.db"))
    qtbot.addWidget(dialog)
    dialog.server.setChecked(True)
    (tmp_path / "leeg").mkdir()
    dialog.host.setText(str(tmp_path / "leeg"))
    dialog.database.setText("voortgang")
    dialog.check()
    qtbot.waitUntil(lambda: "Geen verbinding" in dialog.outcome.text(), timeout=15_000)
    assert "databaseserver" in dialog.outcome.text()


def test_a_colleagues_change_appears_in_the_open_window(qtbot, make_window, pg_url):
    with Store.open(pg_url) as store:
        load_demo(store, paths.resources_dir())
    window = make_window(pg_url)
    assert window.tasks.address.is_server
    assert window.watcher.ready.wait(10)
    row = shown_column(window.views.motions, COL_KAMERSTUK).index("26 485, nr. 229")
    assert shown_column(window.views.motions, COL_STATUS)[row] == "Openstaand"
    with Store.open(pg_url) as colleague, colleague.transaction() as db:
        voordewind = next(m for m in motions.list_motions(db) if m.indieners == ["Voordewind"])
        motions.set_status(db, voordewind.id, "in uitvoering")
    qtbot.waitUntil(
        lambda: (
            shown_column(window.views.motions, COL_STATUS)[
                shown_column(window.views.motions, COL_KAMERSTUK).index("26 485, nr. 229")
            ]
            == "In uitvoering"
        ),
        timeout=15_000,
    )
    assert "collega" in window.statusBar().currentMessage()


def test_the_window_names_the_team_registry(make_window, pg_url):
    window = make_window(pg_url)
    label = window.findChild(QLabel, "registeradres")
    assert label is not None and label.text().startswith("Teamregister: postgresql://tester@")
    assert "teamregister" in window.windowTitle()


def test_switching_to_another_registry_is_asked_of_the_application(
    make_window, tmp_path, monkeypatch, pg_url
):
    window = make_window(tmp_path / "eigen.db")
    asked: list[object] = []
    window.registry_switch_requested.connect(asked.append)

    class Chosen:
        def __init__(self, parent, current):
            self.address = parse_address(pg_url)
            self.needs_setup = False

        def exec(self):
            return QDialog.DialogCode.Accepted

    monkeypatch.setattr("desktop.ui.main_window.OpenRegistryDialog", Chosen)
    window.act_open_registry.trigger()
    assert [a.shown for a in asked] == [parse_address(pg_url).shown]
