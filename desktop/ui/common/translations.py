"""Qt's own texts in Dutch: file dialogs, message-box buttons, context menus.

Qt ships ``qtbase_nl.qm`` (PySide6 wheels carry it in ``PySide6/Qt/translations``), but
that catalog lags behind Qt's sources: Qt 6 added shortcut ampersands to labels such as
``&Look in:`` and ``Files of &type:`` and the Dutch catalog only knows them without. The
translator below falls back to the text without the ampersand and puts the mnemonic
back, so those labels are Dutch too.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

from desktop import paths

CATALOG = "qtbase_nl"


def translation_folders() -> list[Path]:
    """Where ``qtbase_nl.qm`` may be: Qt's own folder, the PySide6 package, the bundle."""
    folders = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]
    try:
        import PySide6

        folders.append(Path(PySide6.__file__).parent / "Qt" / "translations")
    except (ImportError, TypeError):  # pragma: no cover - PySide6 is always there
        pass
    folders.append(paths.resources_dir() / "translations")
    return folders


def with_mnemonic(source: str, translated: str) -> str:
    """Put the ampersand of ``source`` into ``translated`` (before the same letter if any)."""
    index = source.find("&")
    if index < 0 or index + 1 >= len(source) or "&" in translated:
        return translated
    letter = source[index + 1].lower()
    at = translated.lower().find(letter)
    if at < 0:
        at = 0
    return f"{translated[:at]}&{translated[at:]}"


class DutchQtTranslator(QTranslator):
    """Qt's Dutch catalog, also for texts Qt gave a shortcut ampersand after translating."""

    def __init__(self, catalog: QTranslator, parent: QCoreApplication | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog

    def isEmpty(self) -> bool:
        return self.catalog.isEmpty()

    def language(self) -> str:
        return self.catalog.language()

    def translate(
        self,
        context: str,
        source: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str:
        found = self.catalog.translate(context, source, disambiguation, n) or ""
        if found or "&" not in source:
            return found
        # "&&" is a literal ampersand, not a shortcut: nothing to strip then.
        plain = source.replace("&&", "\0").replace("&", "", 1).replace("\0", "&&")
        if plain == source:
            return ""
        found = self.catalog.translate(context, plain, disambiguation, n) or ""
        return with_mnemonic(source, found) if found else ""


def install_qt_translations(
    app: QCoreApplication, folders: Iterable[Path] | None = None
) -> DutchQtTranslator | None:
    """Load Qt's Dutch texts into ``app``; None when no catalog was found (Qt stays English)."""
    for folder in folders if folders is not None else translation_folders():
        catalog = QTranslator(app)
        if catalog.load(CATALOG, str(folder)):
            translator = DutchQtTranslator(catalog, app)
            app.installTranslator(translator)
            return translator
    return None
