"""Statements run on a helper thread: one at a time, errors raised to the caller, and
nothing left running when the caller's block ends."""

from __future__ import annotations

import threading
import time

import pytest

from pharmadesk.db.statement_thread import StatementThread


def test_a_job_runs_on_another_thread_and_wait_returns_when_it_is_done() -> None:
    seen: list[str] = []

    def job() -> None:
        time.sleep(0.05)
        seen.append(threading.current_thread().name)

    with StatementThread() as helper:
        helper.start(job)
        helper.wait()
        assert len(seen) == 1
        assert seen[0] != threading.current_thread().name


def test_the_next_job_starts_only_after_the_last_one_ended() -> None:
    order: list[str] = []

    def slow() -> None:
        time.sleep(0.05)
        order.append("first ended")

    with StatementThread() as helper:
        helper.start(slow)
        helper.start(lambda: order.append("second started"))
    assert order == ["first ended", "second started"]


def test_a_failed_job_raises_at_wait() -> None:
    def failing() -> None:
        raise ValueError("the statement failed")

    with StatementThread() as helper:
        helper.start(failing)
        with pytest.raises(ValueError, match="the statement failed"):
            helper.wait()
        helper.wait()  # raised once, then the helper is free again


def test_leaving_the_block_waits_for_the_job_and_raises_its_error() -> None:
    ended: list[bool] = []

    def slow_failing() -> None:
        time.sleep(0.05)
        ended.append(True)
        raise ValueError("the statement failed")

    with pytest.raises(ValueError, match="the statement failed"), StatementThread() as helper:
        helper.start(slow_failing)
    assert ended == [True]


def test_a_failing_block_still_waits_for_its_job_and_keeps_its_own_error() -> None:
    ended: list[bool] = []

    def slow_failing() -> None:
        time.sleep(0.05)
        ended.append(True)
        raise ValueError("the statement failed too")

    def block() -> None:
        with StatementThread() as helper:
            helper.start(slow_failing)
            raise RuntimeError("the block failed")

    with pytest.raises(RuntimeError, match="the block failed"):
        block()
    assert ended == [True]  # nothing still runs on the connection once the block is left
