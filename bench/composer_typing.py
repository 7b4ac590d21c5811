"""Keystroke to screen in the composer, on the whole demo letter, with spelling and preview on.

Usage: .venv/bin/python bench/composer_typing.py [--keys N] [--out bench/composer_typing.json]

The demo letter (made a concept again) is opened in the composer; in its longest section the
script types a Dutch sentence key by key, with a misspelled word and autocorrected quotes in it.
Each keystroke is timed from the key event until the editor has painted (``repaint()`` draws
synchronously): the binding's undo command, the spelling highlighter, the word count and the
preview's timer all run in that time. The live preview itself renders on the database thread
after a 250 ms pause; the time its result takes to show on the GUI thread (``setHtml`` of the
whole letter) is measured too, because a keystroke that arrives then waits for it.
Offscreen Qt.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TARGET_MS = 50.0
SENTENCE = (
    'Het kabinet heeft de Kamer "tijdig" geïnformeerd over het onderzoeek naar de '
    "IMVO-convenanten -- en daarna... "
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=len(SENTENCE) * 2)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    work = Path(tempfile.mkdtemp(prefix="voortgang-bench-"))
    os.environ["XDG_DATA_HOME"] = str(work / "data")

    from PySide6.QtCore import QEvent, QSettings, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from desktop import paths
    from desktop.core.demo import load_demo
    from desktop.core.services import letters
    from desktop.core.store import Store
    from desktop.ui.app import configure_application
    from desktop.ui.common.tasks import TaskManager
    from desktop.ui.main_window import MainWindow

    db = work / "register.db"
    with Store.open(db) as store:
        load_demo(store, paths.resources_dir())
        demo = letters.reopen_letter(store, "Min-BuZa.2020.396")
        assert demo.id is not None
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    configure_application(app)
    tasks = TaskManager(db)
    window = MainWindow(tasks, QSettings(str(work / "ui.ini"), QSettings.Format.IniFormat))
    window.start()
    window.show()

    def wait(condition, limit: float = 30.0) -> None:
        end = time.monotonic() + limit
        while not condition() and time.monotonic() < end:
            QTest.qWait(20)

    wait(lambda: not tasks.busy)
    window.letters.open(demo.id)
    composer = window.letters.composer
    assert composer is not None
    wait(lambda: composer.data is not None and not composer.busy and not tasks.busy)
    composer.resize(1440, 900)
    composer.show()
    sections = composer.document.content.sections
    longest = max(range(len(sections)), key=lambda row: len(sections[row].tekst))
    composer.tabs.setCurrentWidget(composer.sections)
    composer.sections.select(longest)
    editor = composer.sections.text
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    QTest.qWait(100)

    keystrokes: list[float] = []
    previews: list[float] = []
    original_show = composer.preview._show

    def timed_show(html: str) -> None:
        started = time.perf_counter()
        original_show(html)
        composer.preview.browser.viewport().repaint()
        previews.append((time.perf_counter() - started) * 1000)

    composer.preview._show = timed_show  # type: ignore[method-assign]
    for index in range(args.keys):
        char = SENTENCE[index % len(SENTENCE)]
        started = time.perf_counter()
        key = Qt.Key.Key_Space if char == " " else Qt.Key.Key_unknown
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                editor, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char)
            )
        editor.viewport().repaint()
        keystrokes.append((time.perf_counter() - started) * 1000)
        # A typist's pace (about 8 keys a second), with a pause now and then for the preview.
        QTest.qWait(300 if index % 25 == 24 else 120)
    wait(lambda: not composer.busy and not tasks.busy)

    typed = composer.document.content.sections[longest].tekst
    assert "Het kabinet heeft de Kamer „tijdig” geïnformeerd" in typed, typed[-200:]
    assert "convenanten – en daarna…" in typed
    words = composer.word_count.letter_words()
    result = {
        "what": "keystroke to painted editor in the composer, demo letter, spelling and preview on",
        "section": sections[longest].titel,
        "letter_words": words,
        "keys": len(keystrokes),
        "keystroke_ms": {
            "median": round(statistics.median(keystrokes), 2),
            "p90": round(statistics.quantiles(keystrokes, n=10)[-1], 2),
            "max": round(max(keystrokes), 2),
        },
        "preview_shown_ms": {
            "count": len(previews),
            "median": round(statistics.median(previews), 2) if previews else None,
            "max": round(max(previews), 2) if previews else None,
        },
        "spelling": composer.spell_check.available,
        "target_ms": TARGET_MS,
        "met": statistics.median(keystrokes) < TARGET_MS,
    }
    text = json.dumps(result, indent=2, ensure_ascii=False)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    composer.undo_stack.setClean()
    window.close()
    tasks.shutdown()


if __name__ == "__main__":
    main()
