"""Results reach the GUI thread once each, also when a callback runs an event loop; a
LatestJob delivers only the newest of its jobs."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEventLoop, QTimer
from pytestqt.qtbot import QtBot

from pharmadesk.ui.tasks import BackgroundRunner, LatestJob


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


@pytest.fixture
def runner() -> Iterator[BackgroundRunner]:
    made = BackgroundRunner()
    yield made
    made.stop()


def test_a_latest_job_delivers_only_the_newest_result(
    qtbot: QtBot, runner: BackgroundRunner
) -> None:
    job = LatestJob(runner)
    shown: list[str] = []
    failed: list[BaseException] = []
    job.submit(lambda: "old list", shown.append, failed.append)
    job.submit(lambda: "new list", shown.append, failed.append)
    assert job.running
    runner.wait_idle()
    qtbot.waitUntil(lambda: not runner.busy(), timeout=5000)
    assert shown == ["new list"]
    assert not failed
    assert not job.running


def test_a_latest_job_is_no_longer_running_when_its_callback_runs(
    qtbot: QtBot, runner: BackgroundRunner
) -> None:
    job = LatestJob(runner)
    seen: list[bool] = []

    def boom() -> str:
        raise ValueError("no list")

    job.submit(boom, lambda _: None, lambda error: seen.append(job.running))
    runner.wait_idle()
    qtbot.waitUntil(lambda: not runner.busy(), timeout=5000)
    assert seen == [False]  # a window re-enables its buttons from `running` here


def test_a_forgotten_latest_job_delivers_nothing(runner: BackgroundRunner) -> None:
    job = LatestJob(runner)
    shown: list[str] = []
    job.submit(lambda: "list", shown.append, lambda _: None)
    job.forget()
    assert not job.running
    runner.wait_idle()
    assert shown == []
