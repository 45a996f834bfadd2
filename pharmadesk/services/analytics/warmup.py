"""The month-end figures made ready before the owner asks for them.

A period's dashboard computed the first time takes seconds on a large pharmacy (its RFM
standings and lifecycle stages are worked out customer by customer); from the figures kept
in the database (`cache.py`) it takes a fraction of a second. Periods that have ended do
not change unless old lines are written, so the window prepares the ones an owner picks at
month end, in the background on a connection of its own, when a session opens (and
again after an import or its undo, and on a new day: `ui/figures_warmup.py`): the last full
month, its quarter and year, the periods before them, the month, quarter and year still
running, then every month of the 24 the charts show and their quarters. After that,
choosing any of them is a read of kept figures; for a running period, the figures up to
yesterday are what is kept (`cache.py`, the cut), and each choice adds today's lines to
them, so the day's sales do not undo the preparation. The very first start on a
pharmacy, a custom range or a period further back is still computed when asked.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from datetime import date

import sqlcipher3
from peewee import DatabaseError

from pharmadesk.services import analytics
from pharmadesk.services.analytics.people import prepare_running
from pharmadesk.services.analytics.results import (
    Period,
    last_full_month,
    month_of,
    quarter_of,
    year_of,
)
from pharmadesk.services.context import Context
from pharmadesk.services.interruptible import Interruptible, JobStopped
from pharmadesk.services.permissions import Operation, allows

MONTHS_BACK = 24
QUARTERS_BACK = 8


def periods_to_prepare(today: date) -> list[Period]:
    """The periods worth having ready, the likeliest first.

    The month, quarter and year still running come after the ended ones an owner picks
    at month end: what is kept of them is their part up to yesterday.
    """
    month = last_full_month(today)
    quarter, year = quarter_of(month.end), year_of(month.end)
    order = [month, month.previous(), quarter, quarter.previous(), year, year.previous()]
    order += [month_of(today), quarter_of(today), year_of(today)]
    order += _back(month, MONTHS_BACK) + _back(quarter, QUARTERS_BACK)
    seen: set[Period] = set()
    ready: list[Period] = []
    for period in order:
        if period.start <= today and period not in seen:
            seen.add(period)
            ready.append(period)
    return ready


def _back(last: Period, count: int) -> list[Period]:
    periods = [last]
    while len(periods) < count:
        periods.append(periods[-1].previous())
    return periods


def prepare(
    ctx: Context, periods: list[Period], *, stop: Callable[[], bool] = lambda: False
) -> int:
    """Compute and keep each period's dashboard until `stop()` says so; returns how many.

    Nothing for a role that does not see the charts: the figures stay where they are kept,
    but preparing them is the dashboard's own work, done for whoever may open it.
    """
    if not allows(ctx.account, Operation.ANALYTICS):
        return 0
    done = 0
    for period in periods:
        if stop():
            break
        analytics.dashboard(ctx, period, two_threads=False)  # `stop` reaches one connection
        prepare_running(ctx, period)
        done += 1
    return done


class Preparer:
    """`prepare` on a thread and a connection of its own, so the counter's worker stays free.

    The queries are SQLite's work, done with Python's lock released, so the window keeps
    answering; `stop` ends the work at once (the running query is interrupted, nothing
    half computed is kept) and closes the thread's connection.
    """

    def __init__(self, ctx: Context, today: date) -> None:
        self.ctx, self.today = ctx, today
        self.prepared = 0
        self._task = Interruptible()
        self._thread = threading.Thread(target=self._run, name="pharmadesk-figures", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def running(self) -> bool:
        return self._thread.is_alive()

    def stop(self, wait_s: float = 2.0) -> None:
        self._task.stop()
        if self._thread.is_alive():
            self._thread.join(wait_s)

    def _run(self) -> None:
        periods = periods_to_prepare(self.today)
        # Stopped, or the database went away under a closing window: what was not finished
        # is simply computed when the owner asks for it.
        with contextlib.suppress(JobStopped, DatabaseError, sqlcipher3.DatabaseError):
            self.prepared = self._task.run(
                self.ctx, lambda stopped: prepare(self.ctx, periods, stop=stopped)
            )
