"""A second window on a pharmacy already open is refused, and told who has it open."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from pharmadesk import app
from pharmadesk.services import instance
from pharmadesk.services.context import Context
from tests.unit.ui.conftest import when_modal


def test_a_second_window_names_the_first_and_closes_its_session(
    qtbot: QtBot, pharmacy: Context, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(app, "prepare", lambda _app, _lang: settings)
    first = instance.hold(pharmacy.path, program=instance.WINDOW, account="li")
    holder = instance.read_holder(pharmacy.path)
    assert holder is not None
    shown: list[str] = []

    def read(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        shown.append(box.text())
        box.accept()

    try:
        errors = when_modal(qtbot, read)
        code = app.run_gui(db=None, lang=None, user="owner", context=pharmacy)
    finally:
        first.release()
    assert not errors
    assert code == 6
    assert shown == [
        f"test.db is in use by PharmaDesk (window, account li, process {os.getpid()}, "
        f"since {holder.since_text()}). Close it first."
    ]
    assert pharmacy.db.is_closed()
