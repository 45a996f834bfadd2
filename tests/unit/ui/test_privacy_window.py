"""Erasure from the counter window: the Customer menu, the role rules, and what the PC's saved
window settings hold afterwards."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from pharmadesk.services.context import Context
from pharmadesk.ui import backup_actions
from pharmadesk.ui.main_window import MainWindow
from pharmadesk.ui.privacy_dialogs import EraseDialog
from pharmadesk.ui.tasks import BackgroundRunner
from tests.unit.ui.conftest import press, type_text, when_modal


def test_the_owner_erases_the_open_customer_and_the_settings_keep_nothing_of_them(
    qtbot: QtBot, window: MainWindow, people: dict[str, int], pharmacy: Context,
    settings: QSettings,
) -> None:  # fmt: skip
    assert not window.act_erase.isEnabled()  # no customer open
    type_text(qtbot, "zs")
    qtbot.waitUntil(lambda: window.search.model.rowCount() == 1)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.customer_id == people["张三"])
    assert window.act_erase.isEnabled()
    assert window.act_customer_data.isEnabled()

    def erase(dialog: QWidget) -> None:
        assert isinstance(dialog, EraseDialog)
        dialog.confirmation.setText("张三")
        qtbot.mouseClick(dialog.erase_button, Qt.MouseButton.LeftButton)

    errors = when_modal(qtbot, erase)
    window.act_erase.trigger()
    assert errors == []
    assert window.customer_id is None
    assert window.form.editor("name").text() == ""  # type: ignore[attr-defined]
    assert window.search.box.text() == ""
    assert pharmacy.db.execute_sql(
        "SELECT status, name FROM customer WHERE id = ?", (people["张三"],)
    ).fetchone() == ("anonymised", f"已删除客户 #{people['张三']}")
    with qtbot.waitSignal(window.search.results_shown, timeout=10_000) as shown:
        type_text(qtbot, "zs")
    assert shown.args == [0]
    assert window.search.status.text() == "No customer found"

    window.close()  # saves the window's layout
    settings.sync()
    saved = Path(settings.fileName()).read_bytes()
    assert saved, "the control: closing the window writes its settings"
    for text in ("张三", "13812345678", "5678", "zhangsan"):
        assert text.encode("utf-8") not in saved


def test_a_pharmacist_is_told_these_are_the_owners(
    pharmacist_window: MainWindow, people: dict[str, int]
) -> None:
    pharmacist_window.open_customer(people["张三"])
    for action in (pharmacist_window.act_erase, pharmacist_window.act_customer_data,
                   pharmacist_window.act_retention):  # fmt: skip
        assert not action.isEnabled()
        assert "owner" in action.toolTip()
    pharmacist_window.erase_customer()  # a shortcut or a stale menu would do nothing
    assert pharmacist_window.customer_id == people["张三"]


def test_the_housekeeping_thread_lets_go_of_the_file_while_a_customer_is_erased(
    qtbot: QtBot, pharmacy: Context, people: dict[str, int], settings: QSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """A daily backup reading the file on its own thread would keep the erased pages in
    the WAL: the erasure stops it first, and it starts again afterwards."""
    reading = threading.Event()
    started: list[int] = []

    def long_daily_backup(ctx: Context, stopped: Callable[[], bool]) -> None:
        started.append(1)
        ctx.db.execute_sql("BEGIN")
        ctx.db.execute_sql("SELECT count(*) FROM customer").fetchone()  # a snapshot held
        reading.set()
        while not stopped():
            time.sleep(0.01)
        ctx.db.execute_sql("ROLLBACK")

    monkeypatch.setattr(backup_actions, "first_problem", lambda ctx: None)
    monkeypatch.setattr(backup_actions, "daily_backup", long_daily_backup)
    runner = BackgroundRunner(on_stop=pharmacy.close_connection)
    win = MainWindow(pharmacy, runner, settings, automatic_backups=True)
    try:
        win.show()
        qtbot.waitExposed(win)
        qtbot.waitUntil(reading.is_set, timeout=10_000)
        reading.clear()
        win.open_customer(people["张三"])
        qtbot.waitUntil(lambda: win.customer_id == people["张三"])
        shown: list[str] = []

        def erase(dialog: QWidget) -> None:
            assert isinstance(dialog, EraseDialog)
            dialog.confirmation.setText("张三")
            qtbot.mouseClick(dialog.erase_button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: dialog.erased, timeout=10_000)
            shown.append(dialog.status.text())
            dialog.reject()

        errors = when_modal(qtbot, erase)
        win.act_erase.trigger()
        assert errors == []
        assert win.customer_id is None
        assert "journal" not in shown[0]  # the WAL was truncated: nothing to say
        assert pharmacy.db.execute_sql(
            "SELECT status FROM customer WHERE id = ?", (people["张三"],)
        ).fetchone() == ("anonymised",)
        qtbot.waitUntil(reading.is_set, timeout=10_000)  # started again afterwards
        assert len(started) == 2
    finally:
        win.backups.automatic = False  # no exit backup
        win.form.load(None)
        win.close()
        win.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        runner.stop()


def test_housekeeping_queued_before_an_erasure_does_not_run_during_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    """The points expiry waiting behind a daily backup would otherwise read (and write)
    the file while the erasure runs, once the backup has been stopped."""
    reading, ran, outcomes = threading.Event(), [], []

    def long_job(stopped: Callable[[], bool]) -> None:
        reading.set()
        while not stopped():
            time.sleep(0.01)

    backups = window.backups
    ctx = window.ctx
    assert backups.submit_housekeeping(ctx, long_job, outcomes.append, outcomes.append)
    assert backups.submit_housekeeping(
        ctx, lambda _stopped: ran.append(1), outcomes.append, outcomes.append
    )
    qtbot.waitUntil(reading.is_set)
    backups.pause_housekeeping()
    qtbot.waitUntil(lambda: len(outcomes) == 2, timeout=10_000)
    assert ran == []
    assert [type(o).__name__ for o in outcomes] == ["JobStopped", "JobStopped"]
    assert not backups.submit_housekeeping(ctx, lambda _s: ran.append(2), print, print)
    backups.resume_housekeeping()
    assert backups.submit_housekeeping(ctx, lambda _s: ran.append(3), print, print)
    qtbot.waitUntil(lambda: ran == [3], timeout=10_000)
