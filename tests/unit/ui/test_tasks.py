"""Results reach the GUI thread once each, also when a callback runs an event loop."""

from __future__ import annotations

from PySide6.QtCore import QEventLoop, QTimer
from pytestqt.qtbot import QtBot

from pharmadesk.ui.tasks import BackgroundRunner


def test_a_callback_that_runs_a_modal_loop_does_not_break_the_delivery(qtbot: QtBot) -> None:
    runner = BackgroundRunner()
    delivered: list[str] = []

    def first_done(value: str) -> None:
        delivered.append(value)
        # As a message box's exec() would: the runner's timer fires inside this loop and
        # hands out the second job's result before this call returns.
        loop = QEventLoop()
        QTimer.singleShot(200, loop.quit)
        loop.exec()

    try:
        runner.submit(lambda: "first", first_done)
        runner.submit(lambda: "second", delivered.append)
        runner.wait_idle()  # both finished: one collection hands out both
        qtbot.waitUntil(lambda: not runner.busy(), timeout=5000)
        assert delivered == ["first", "second"]
    finally:
        runner.stop()
