"""Guard against a Qt binding that frees None/True (PySide6 6.12.0 on Python 3.11 did)."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

class Emitter(QObject):
    changed = Signal(object)

app = QCoreApplication([])
emitter = Emitter()
emitter.changed.connect(lambda value: None)
timer = QTimer()
for _ in range(50_000):
    emitter.changed.emit(None)
    emitter.changed.emit(True)
    timer.setInterval(5)
print("overleefd")
"""


def test_many_emits_and_void_calls_do_not_abort_the_interpreter():
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "overleefd"
