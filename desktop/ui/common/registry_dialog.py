"""Bestand › Register openen…: a registry file on this computer, or a team registry."""

from __future__ import annotations

import contextlib
import getpass
import threading
from pathlib import Path
from urllib.parse import quote

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import UserError
from desktop.core.services import team
from desktop.core.store.engine import Address, parse_address
from desktop.ui.common.dialogs import MessageBox

DEFAULT_PORT = 5432


class _CheckBridge(QObject):
    done = Signal(object)


class OpenRegistryDialog(QDialog):
    """Choose where the registry is: a file (the default) or a PostgreSQL server.

    The password is kept only in memory, or, when the user asks, in the system keyring;
    never in the settings or any file. ``address`` holds the choice after Openen.
    """

    def __init__(self, parent: QWidget | None, current: Address) -> None:
        super().__init__(parent)
        self.setObjectName("register_openen")
        self.setWindowTitle("Register openen")
        self.address: Address | None = None
        self.needs_setup = False
        self._bridge = _CheckBridge(self)
        self._bridge.done.connect(self._on_checked)

        self.local = QRadioButton("Register op &deze computer (een bestand)", self)
        self.server = QRadioButton("&Teamregister op een PostgreSQL-server", self)
        # One choice, although the two buttons sit in different boxes.
        self._kind = QButtonGroup(self)
        self._kind.addButton(self.local)
        self._kind.addButton(self.server)

        self.file = QLineEdit(self)
        self.file.setObjectName("bestand")
        browse = QPushButton("&Bladeren…", self)
        browse.clicked.connect(self._browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file, 1)
        file_row.addWidget(browse)
        local_box = QGroupBox(self)
        local_layout = QVBoxLayout(local_box)
        local_layout.addWidget(self.local)
        local_layout.addLayout(file_row)

        self.host = QLineEdit(self)
        self.host.setObjectName("server")
        self.host.setPlaceholderText("bijvoorbeeld db.ministerie.local")
        self.port = QSpinBox(self)
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.database = QLineEdit(self)
        self.database.setObjectName("database")
        self.database.setPlaceholderText("voortgang")
        self.user = QLineEdit(self)
        self.user.setObjectName("gebruiker")
        self.password = QLineEdit(self)
        self.password.setObjectName("wachtwoord")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText("leeg: uit .pgpass of de wachtwoordkluis")
        self.keep_password = QCheckBox(
            "Wachtwoord bewaren in de wachtwoord&kluis van deze computer"
        )
        self.shown = QLabel(self)
        self.shown.setObjectName("adres")
        self.shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.shown.setStyleSheet("color: #5f6368;")
        form = QFormLayout()
        form.addRow("&Server:", self.host)
        form.addRow("&Poort:", self.port)
        form.addRow("Data&base:", self.database)
        form.addRow("&Gebruiker:", self.user)
        form.addRow("&Wachtwoord:", self.password)
        form.addRow("", self.keep_password)
        form.addRow("Adres:", self.shown)
        server_box = QGroupBox(self)
        server_layout = QVBoxLayout(server_box)
        server_layout.addWidget(self.server)
        server_layout.addLayout(form)
        note = QLabel(
            "Met een teamregister werkt de hele directie in één register: wat een collega "
            "afdoet, ziet u binnen enkele seconden. Een registerbestand op een netwerkschijf "
            "of in OneDrive/Dropbox is niet veilig; gebruik daarvoor het teamregister.",
            self,
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #5f6368;")

        self.test = QPushButton("&Verbinding testen", self)
        self.test.setObjectName("verbinding_testen")
        self.test.clicked.connect(self.check)
        self.outcome = QLabel(self)
        self.outcome.setObjectName("uitslag")
        self.outcome.setWordWrap(True)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test)
        test_row.addWidget(self.outcome, 1)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Open).setText("&Openen")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuleren")
        self.buttons.accepted.connect(self._open)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(local_box)
        layout.addWidget(server_box)
        layout.addWidget(note)
        layout.addLayout(test_row)
        layout.addWidget(self.buttons)
        self.resize(620, self.sizeHint().height())

        for widget in (self.host, self.database, self.user, self.password):
            widget.textChanged.connect(self._on_edited)
        self.port.valueChanged.connect(self._on_edited)
        self.file.textChanged.connect(self._on_edited)
        self.local.toggled.connect(self._on_edited)
        self._fill(current)

    # -- the address ------------------------------------------------------------------

    def _fill(self, current: Address) -> None:
        self.user.setText(getpass.getuser())
        if current.is_server and current.url is not None:
            url = current.url
            self.server.setChecked(True)
            self.host.setText(url.host or str(url.query.get("host", "")))
            self.port.setValue(url.port or DEFAULT_PORT)
            self.database.setText(url.database or "")
            self.user.setText(url.username or getpass.getuser())
        else:
            self.local.setChecked(True)
            self.file.setText(str(current.path or ""))
        self._on_edited()

    def typed_address(self, *, with_password: bool = False) -> str:
        """The address as the fields spell it (a file path, or a postgresql:// URL)."""
        if self.local.isChecked():
            return self.file.text().strip()
        user = quote(self.user.text().strip(), safe="")
        password = self.password.text()
        login = user
        if with_password and password:
            login = f"{user}:{quote(password, safe='')}"
        host = self.host.text().strip()
        port = "" if self.port.value() == DEFAULT_PORT else f":{self.port.value()}"
        database = quote(self.database.text().strip(), safe="")
        if host.startswith("/"):
            # A unix socket folder: libpq's host parameter.
            return f"postgresql://{login}@/{database}?host={quote(host, safe='/')}"
        return f"postgresql://{login}@{host}{port}/{database}"

    def _on_edited(self) -> None:
        server = self.server.isChecked()
        for widget in (self.host, self.port, self.database, self.user, self.password):
            widget.setEnabled(server)
        self.keep_password.setEnabled(server)
        self.file.setEnabled(not server)
        self.shown.setText(self.typed_address() if server else "")
        self.outcome.clear()

    def _browse(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self,
            "Registerbestand kiezen",
            self.file.text() or str(Path.home()),
            "Voortgang-register (*.db);;Alle bestanden (*)",
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if name:
            self.file.setText(name)

    # -- checking and opening -----------------------------------------------------------

    def check(self) -> None:
        """Verbinding testen: on a thread of its own, so the window stays responsive."""
        address = self.typed_address(with_password=True)
        self.test.setEnabled(False)
        self.outcome.setStyleSheet("")
        self.outcome.setText("Bezig met verbinden…")

        def work() -> None:
            found = team.check_connection(address)
            # The dialog may be closed meanwhile; then nobody waits for the answer.
            with contextlib.suppress(RuntimeError):
                self._bridge.done.emit(found)

        threading.Thread(target=work, name="verbinding-testen", daemon=True).start()

    def _on_checked(self, found: team.ConnectionCheck) -> None:
        self.test.setEnabled(True)
        self.needs_setup = found.needs_setup
        colour = "#1e7e34" if found.ok else "#b00020"
        self.outcome.setStyleSheet(f"color: {colour};")
        self.outcome.setText(found.message)

    def _open(self) -> None:
        typed = self.typed_address(with_password=True)
        if not typed:
            MessageBox.warn(self, "Register openen", "Kies een registerbestand of een server.")
            return
        try:
            address = parse_address(typed)
            if address.is_server and not self.database.text().strip():
                raise UserError("Vul de naam van de database in.")
            if address.is_server and self.keep_password.isChecked() and self.password.text():
                team.save_password(self.typed_address(), self.password.text())
        except UserError as error:
            MessageBox.warn(self, "Register openen", str(error))
            return
        self.address = address
        self.accept()
