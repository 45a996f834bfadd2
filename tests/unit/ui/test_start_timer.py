"""The app's half of the cold-start measurement: asked to, the start dialog says how long
after the launch it was ready, and closes so the app quits; not asked, it does nothing."""

from __future__ import annotations

import time

import pytest
from PySide6.QtWidgets import QDialog, QLineEdit, QVBoxLayout
from pytestqt.qtbot import QtBot

from pharmadesk import cold_start
from pharmadesk.ui import start_timer


def _dialog(qtbot: QtBot) -> QDialog:
    dialog = QDialog()
    QVBoxLayout(dialog).addWidget(QLineEdit())
    qtbot.addWidget(dialog)
    return dialog


def test_measured_the_dialog_reports_once_it_is_painted_and_closes(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(cold_start.MEASURE_ENV, str(time.time_ns() - 250_000_000))
    dialog = _dialog(qtbot)
    start_timer.watch(dialog)
    dialog.show()
    qtbot.waitUntil(
        lambda: dialog.result() == QDialog.DialogCode.Rejected and not dialog.isVisible()
    )
    measured = cold_start.parse_ms(capsys.readouterr().out)
    assert measured is not None
    assert measured >= 250


def test_not_measured_the_dialog_stays(qtbot: QtBot, capsys: pytest.CaptureFixture[str]) -> None:
    dialog = _dialog(qtbot)
    start_timer.watch(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.wait(50)
    assert dialog.isVisible()
    assert capsys.readouterr().out == ""
