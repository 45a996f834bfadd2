"""A second window on a pharmacy already open is refused, and told who has it open."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from pharmadesk import app
from pharmadesk.db.keyfile import key_file_path
from pharmadesk.errors import DatabaseInUse
from pharmadesk.services import instance
from pharmadesk.services.context import Context
from pharmadesk.ui.start_dialogs import UnlockDialog
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


def test_a_second_window_is_refused_before_the_unlock_dialog_and_writes_nothing(
    qtbot: QtBot,
    pharmacy: Context,
    db_path: Path,
    settings: QSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(app, "prepare", lambda _app, _lang: settings)
    pharmacy.close()
    first = instance.hold(db_path, program=instance.WINDOW, account="li")
    before = _files(db_path)
    seen: list[tuple[type, str]] = []

    def read(box: QWidget) -> None:
        seen.append((type(box), box.text() if isinstance(box, QMessageBox) else ""))
        if isinstance(box, QMessageBox):
            box.accept()
        else:
            box.close()

    try:
        errors = when_modal(qtbot, read)
        code = app.run_gui(db=db_path, lang=None, user="owner")
    finally:
        first.release()
    assert not errors
    assert code == 6
    assert [kind for kind, _ in seen] == [QMessageBox]  # no unlock dialog first
    assert "account li" in seen[0][1]
    assert _files(db_path) == before  # no login written, nothing upgraded


def test_the_window_holds_its_file_while_the_unlock_dialog_is_open(
    qtbot: QtBot,
    pharmacy: Context,
    db_path: Path,
    settings: QSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(app, "prepare", lambda _app, _lang: settings)
    pharmacy.close()
    asked: list[str] = []

    def try_a_second_holder(dialog: QWidget) -> None:
        assert isinstance(dialog, UnlockDialog)
        with pytest.raises(DatabaseInUse) as refused:
            instance.hold(db_path, program="check")
        asked.append(refused.value.message)
        dialog.reject()

    errors = when_modal(qtbot, try_a_second_holder)
    assert app.run_gui(db=db_path, lang=None, user="owner") == 0
    assert not errors
    assert "window" in asked[0]
    instance.hold(db_path, program="check").release()  # given back when the user quits


def _files(path: Path) -> dict[str, str | None]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest() if p.exists() else None
        for p in (path, Path(f"{path}-wal"), key_file_path(path))
    }
