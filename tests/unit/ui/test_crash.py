"""An error nobody caught, in the window or in a thread: the traceback goes to the log
(without the customer data its message held) and a dialog says so and where the log is,
instead of the app vanishing or going on in silence."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from pharmadesk import logs
from pharmadesk.ui import crash
from pharmadesk.ui.crash import CrashReporter

NAME, MOBILE = "欧阳娜娜琪", "13987654321"


@pytest.fixture
def log_file() -> Iterator[Path]:
    written = logs.setup(started="window")
    assert written is not None
    yield written
    logs.shutdown()


@pytest.fixture
def reporter() -> Iterator[CrashReporter]:
    installed = crash.install()
    yield installed
    if installed.dialog is not None:
        installed.dialog.close()
    installed.uninstall()


def _broken_slot() -> None:
    raise KeyError(f"{NAME} {MOBILE}")


def _shown(qtbot: QtBot, reporter: CrashReporter) -> QMessageBox:
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    assert reporter.dialog is not None
    return reporter.dialog


def _log_text(path: Path) -> str:
    logs.shutdown()
    return path.read_text(encoding="utf-8")


def test_an_error_in_a_slot_shows_where_the_log_is_and_logs_the_traceback(
    qtbot: QtBot, log_file: Path, reporter: CrashReporter
) -> None:
    QTimer.singleShot(0, _broken_slot)
    dialog = _shown(qtbot, reporter)
    assert "Unexpected error (KeyError)" in dialog.text()
    assert f"The details are in the log file: {log_file}" in dialog.text()
    assert NAME not in dialog.text()
    text = _log_text(log_file)
    assert "Traceback" in text
    assert "_broken_slot" in text  # the frames, for whoever looks into it
    assert NAME not in text
    assert MOBILE not in text


def test_an_error_in_a_thread_reaches_the_dialog_too(
    qtbot: QtBot, log_file: Path, reporter: CrashReporter
) -> None:
    worker = threading.Thread(target=_broken_slot, name="worker")
    worker.start()
    worker.join()
    dialog = _shown(qtbot, reporter)
    assert "KeyError" in dialog.text()
    assert "unexpected error in the thread worker" in _log_text(log_file)


def test_repeats_while_the_dialog_is_open_are_logged_not_stacked(
    qtbot: QtBot, log_file: Path, reporter: CrashReporter
) -> None:
    QTimer.singleShot(0, _broken_slot)
    first = _shown(qtbot, reporter)
    QTimer.singleShot(0, _broken_slot)
    qtbot.wait(50)
    assert reporter.dialog is first
    first.button(QMessageBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: reporter.dialog is None)
    assert _log_text(log_file).count("KeyError (message withheld)") == 2


def test_the_dialog_opens_the_log_folder(
    qtbot: QtBot, log_file: Path, reporter: CrashReporter, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    QTimer.singleShot(0, _broken_slot)
    dialog = _shown(qtbot, reporter)
    button = dialog.findChild(QPushButton, "openLogFolder")
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert opened == [str(log_file.parent)]


def test_without_a_log_file_the_dialog_does_not_point_to_one(
    qtbot: QtBot, reporter: CrashReporter
) -> None:
    QTimer.singleShot(0, _broken_slot)
    dialog = _shown(qtbot, reporter)
    assert "log" not in dialog.text()
    assert dialog.findChild(QPushButton, "openLogFolder") is None


def test_uninstalled_it_gives_the_hooks_back() -> None:
    import sys

    before = (sys.excepthook, threading.excepthook)
    crash.install().uninstall()
    assert (sys.excepthook, threading.excepthook) == before


def test_an_error_escaping_start_up_is_said_before_the_app_closes(
    qtbot: QtBot, log_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pharmadesk import app

    said: list[str] = []

    def broken_start(*args: object, **kwargs: object) -> None:
        raise RuntimeError(f"{NAME} {MOBILE}")

    monkeypatch.setattr(app, "prepare", broken_start)
    monkeypatch.setattr(QMessageBox, "exec", lambda box: said.append(box.text()) or 0)
    assert app.run_gui(db=None, lang=None, user="owner") == 1
    assert len(said) == 1
    assert "Unexpected error (RuntimeError)" in said[0]
    assert str(log_file) in said[0]
    text = _log_text(log_file)
    assert "the app stops" in text
    assert NAME not in text
