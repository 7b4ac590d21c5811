"""Bugs reach the crash dialog; user errors a message; the user's text is kept."""

from __future__ import annotations

import sys
from typing import Any

from PySide6.QtWidgets import QApplication

from desktop.core.domain.kamerstuk import KamerstukRef
from desktop.core.domain.models import Motion
from desktop.core.errors import StoreError
from desktop.core.services import registry as operations
from desktop.ui.common.crash import CrashDialog, CrashHandler, install_excepthook
from desktop.ui.registry.motion_actions import CRASHED_WHILE_SAVING
from desktop.ui.registry.motion_editor import MotionEditorDialog
from tests.ui.helpers import wait_idle


def raised(error: BaseException) -> BaseException:
    try:
        raise error
    except BaseException as caught:
        return caught


def test_a_bug_shows_the_crash_dialog_with_the_details(monkeypatch):
    reports: list[str] = []
    monkeypatch.setattr(
        CrashDialog, "ask", classmethod(lambda cls, parent, report: reports.append(report))
    )
    fallback: list[Any] = []
    handler = CrashHandler(lambda: None, lambda *args: fallback.append(args))
    handler.handle(raised(ZeroDivisionError("division by zero")))
    assert len(reports) == 1
    assert reports[0].startswith("Voortgang 0.1.0 · Python")
    assert "ZeroDivisionError: division by zero" in reports[0]
    assert fallback == []


def _unexpected_crash_dialog(cls: Any, *args: Any) -> None:
    raise AssertionError("the crash dialog was not expected")


def test_a_user_error_that_slipped_through_is_a_message_not_a_crash(monkeypatch, message_boxes):
    monkeypatch.setattr(CrashDialog, "ask", classmethod(_unexpected_crash_dialog))
    handler = CrashHandler(lambda: None, lambda *args: None)
    handler.handle(raised(StoreError("De schijf is vol; de wijziging is niet opgeslagen.")))
    assert message_boxes.warnings == ["De schijf is vol; de wijziging is niet opgeslagen."]


def test_an_error_while_the_dialog_is_open_does_not_open_a_second_one(monkeypatch):
    fallback: list[Any] = []
    handler = CrashHandler(lambda: None, lambda *args: fallback.append(args[0]))

    def ask(cls: Any, parent: Any, report: str) -> None:
        handler.handle(raised(KeyError("nog een")))

    monkeypatch.setattr(CrashDialog, "ask", classmethod(ask))
    handler.handle(raised(ValueError("eerste")))
    assert fallback == [KeyError]


def test_install_excepthook_replaces_sys_excepthook(monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    handler = install_excepthook(lambda: None)
    assert sys.excepthook is handler


def test_the_crash_dialog_shows_and_copies_the_report(qtbot):
    dialog = CrashDialog(None, "Traceback ...\nZeroDivisionError")
    qtbot.addWidget(dialog)
    assert dialog.details.toPlainText() == "Traceback ...\nZeroDivisionError"
    dialog._on_copy_clicked()
    assert QApplication.clipboard().text() == "Traceback ...\nZeroDivisionError"


def test_a_bug_while_saving_reopens_the_editor_with_the_users_text(
    qtbot, window, monkeypatch, crashes
):
    draft = Motion(
        kamerstuk=KamerstukRef.parse("26 485, nr. 400"),
        indieners=["Van Laar"],
        notities="Een halve dag werk.",
    )
    calls: list[tuple[Motion | None, str | None]] = []

    def ask(cls: Any, parent: Any, motion: Motion | None = None, *, error: str | None = None):
        calls.append((motion, error))
        return draft if len(calls) == 1 else None

    def broken(store: Any, motion: Motion) -> Motion:
        raise RuntimeError("kapot")

    monkeypatch.setattr(MotionEditorDialog, "ask", classmethod(ask))
    monkeypatch.setattr(operations, "add_motion", broken)
    window.act_new.trigger()
    wait_idle(qtbot, window)
    assert [type(error) for error in crashes] == [RuntimeError]
    crashes.clear()
    assert calls[1] == (draft, CRASHED_WHILE_SAVING)
