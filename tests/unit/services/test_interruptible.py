"""Housekeeping stopped from another thread ends at once and keeps nothing."""

from __future__ import annotations

import threading

import pytest

from pharmadesk.services import backups
from pharmadesk.services.context import Context
from pharmadesk.services.interruptible import Interruptible, JobStopped, stop_on_progress

# Would count for hours: only an interrupt ends it.
ENDLESS = (
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) "
    "SELECT count(*) FROM n WHERE i < 0"
)


def test_a_long_query_is_interrupted_and_reports_that_it_stopped(pharmacy: Context) -> None:
    task, outcome = Interruptible(), []
    started = threading.Event()

    def job(_stopped: object) -> object:
        started.set()
        return pharmacy.db.execute_sql(ENDLESS).fetchone()

    def run() -> None:
        try:
            outcome.append(task.run(pharmacy, job))
        except BaseException as exc:
            outcome.append(exc)

    worker = threading.Thread(target=run)
    worker.start()
    assert started.wait(10)
    task.stop()
    worker.join(30)
    assert not worker.is_alive()
    assert len(outcome) == 1
    assert isinstance(outcome[0], Exception)
    # The job's own thread closed its connection; this one still works.
    assert pharmacy.db.execute_sql("SELECT count(*) FROM customer").fetchone() == (0,)


def test_a_backup_stopped_part_way_leaves_nothing_in_the_folder(
    pharmacy: Context, tmp_path: object
) -> None:
    folder = backups.backup_folder(pharmacy)
    calls = []

    def stopped() -> bool:
        calls.append(1)
        return len(calls) > 1  # asked to stop once the copy is under way

    with pytest.raises(JobStopped):
        backups.make_backup(pharmacy, folder, progress=stop_on_progress(stopped))
    assert backups.list_backups(folder) == []
    assert [p.name for p in folder.iterdir()] == []
    assert backups.last_backup(pharmacy) is None


def test_a_job_that_finished_after_the_stop_is_not_delivered(pharmacy: Context) -> None:
    task = Interruptible()

    def job(_stopped: object) -> int:
        task.stop()
        return 1

    with pytest.raises(JobStopped):
        task.run(pharmacy, job)
