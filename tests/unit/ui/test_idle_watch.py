"""The auto-lock's idle watch, on a clock the test moves by hand."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from pharmadesk.ui.idle_watch import IdleWatch


class Seconds:
    def __init__(self) -> None:
        self.now = 50.0

    def __call__(self) -> float:
        return self.now


def test_it_times_out_once_after_the_limit_without_input(qtbot: QtBot) -> None:
    clock = Seconds()
    watch = IdleWatch(60, clock=clock)
    fired: list[bool] = []
    watch.timed_out.connect(lambda: fired.append(True))
    watch.start()
    clock.now += 59
    watch.check()
    assert fired == []
    clock.now += 1
    watch.check()
    watch.check()
    assert fired == [True]
    assert not watch.is_running()  # until start() arms it again


def test_a_key_or_a_click_anywhere_starts_the_count_again(qtbot: QtBot) -> None:
    clock = Seconds()
    watch = IdleWatch(60, clock=clock)
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(watch)
    try:
        edit = QLineEdit()
        qtbot.addWidget(edit)
        watch.start()
        clock.now += 50
        qtbot.keyClick(edit, Qt.Key.Key_A)
        clock.now += 50
        watch.check()
        assert watch.is_running()
        assert watch.idle_seconds() == 50
        qtbot.mouseClick(edit, Qt.MouseButton.LeftButton)
        assert watch.idle_seconds() == 0
    finally:
        app.removeEventFilter(watch)


def test_a_stopped_watch_never_fires(qtbot: QtBot) -> None:
    clock = Seconds()
    watch = IdleWatch(1, clock=clock)
    fired: list[bool] = []
    watch.timed_out.connect(lambda: fired.append(True))
    clock.now += 100
    watch.check()
    assert fired == []
