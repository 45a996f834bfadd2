"""The OS session-lock hook: never in the way of start-up, and a lock signal locks.

The real signals (logind, the screen savers, WTS on Windows) need a desktop session; here
the hook is driven through the slots the D-Bus signals are connected to.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from pharmadesk.ui import session_lock


@pytest.fixture
def no_bus(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    monkeypatch.setattr(session_lock, "_has_system_bus", lambda: False)


def test_a_failure_to_subscribe_never_breaks_start_up(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, no_bus: None
) -> None:
    def broken(self: session_lock.SessionLockWatch, *args: object) -> None:
        raise OSError("no bus today")

    monkeypatch.setattr(session_lock.SessionLockWatch, "_watch_dbus", broken)
    monkeypatch.setattr(session_lock.SessionLockWatch, "_watch_windows", broken)
    window = QWidget()
    qtbot.addWidget(window)
    assert session_lock.watch(window, lambda: None) is None


def test_the_screen_saver_turning_on_locks_and_turning_off_does_not(
    qtbot: QtBot, no_bus: None
) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    locks: list[bool] = []
    watcher = session_lock.SessionLockWatch(window, lambda: locks.append(True))
    watcher._screen_saver_changed(False)
    qtbot.wait(20)
    assert locks == []
    watcher._screen_saver_changed(True)
    qtbot.waitUntil(lambda: locks == [True])
    watcher._session_locked()
    qtbot.waitUntil(lambda: locks == [True, True])
