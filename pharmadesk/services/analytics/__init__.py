"""The owner's month-end figures: KPIs, monthly series, top lists, RFM segments, lifecycle
stages, and the customers behind each of them (see `results.py` for the records).

The definitions are in `definitions.py` and docs/analytics.md; the figures are read from
the sales summaries that triggers keep (`pharmadesk/db/migrations/m0007_*`, `m0008_*`)
and from the per-month summaries and caches of `months.py` and `cache.py`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import replace
from typing import TypeVar

from pharmadesk.services.analytics import cache
from pharmadesk.services.analytics.figures import (
    first_sale_day,
    kpis,
    monthly,
    top_categories,
    top_products,
    weekdays,
)
from pharmadesk.services.analytics.people import (
    ContactList,
    contact_list,
    customers_in,
    groups_key,
    groups_of,
    segments,
    stages,
)
from pharmadesk.services.analytics.results import Dashboard, GroupShare, Period, compared_with
from pharmadesk.services.context import Context
from pharmadesk.services.permissions import Operation, require

MONTHS_SHOWN = 24
S = TypeVar("S")
T = TypeVar("T")

__all__ = [
    "ContactList",
    "contact_list",
    "customers_in",
    "dashboard",
    "kpis",
    "monthly",
    "segments",
    "stages",
    "top_categories",
    "top_products",
    "weekdays",
]


def dashboard(ctx: Context, period: Period, *, two_threads: bool = True) -> Dashboard:
    """Everything the dashboard shows for a period, compared with the one before.

    Kept in memory until a purchase line or an interaction is written (`cache.py`), so
    going back to a period is instant. With `two_threads`, part of it is computed on a
    second thread meanwhile (`_beside`); work in the background that must stop at once
    when asked (`warmup.py`) uses one.

    Raises:
        PermissionRefused: the role may not see the charts (staff).
    """
    require(ctx, Operation.ANALYTICS)
    # Keyed by the day too: a running period's comparison moves on with the date.
    key = (period, ctx.today())
    return cache.remember(ctx, "dashboard", key, lambda: _dashboard(ctx, period, two_threads))


def _dashboard(ctx: Context, period: Period, two_threads: bool) -> Dashboard:
    previous = compared_with(period, ctx.today())

    def groups() -> tuple[list[GroupShare], list[GroupShare]]:
        return groups_of(ctx, period)

    def rest() -> Dashboard:  # all but the segments and stages
        return Dashboard(
            period=period,
            previous=previous,
            kpis=kpis(ctx, period),
            previous_kpis=kpis(ctx, previous),
            months=monthly(ctx, last_month=period.end, count=MONTHS_SHOWN),
            top_products=top_products(ctx, period),
            top_categories=top_categories(ctx, period),
            segments=[],
            stages=[],
            weekdays=weekdays(ctx, period),
            records_from=first_sale_day(ctx),
        )

    # When nothing is kept, the standings of everyone take about as long as the rest
    # (measured: moving a top list to the side thread too is slower, its connection reads
    # the lines cold). When the shares are kept, the rest is a tenth of a second.
    if two_threads and cache.peek(ctx, groups_key(period)) is None:
        (segment_shares, stage_shares), board = _beside(ctx, groups, rest)
    else:
        (segment_shares, stage_shares), board = groups(), rest()
    return replace(board, segments=segment_shares, stages=stage_shares)


def _beside(ctx: Context, side: Callable[[], S], work: Callable[[], T]) -> tuple[S, T]:
    """`side()` on a thread (and a connection) of its own while `work()` runs on this one;
    on this one alone inside a transaction (another connection would not see its lines).

    The side thread is always waited for, whatever `work` does: nothing outlives the call.
    Its errors are raised here. Kept figures are written by each thread as it goes: they
    hold no long transaction (`cache.stored`), so the two do not refuse each other's.
    """
    if ctx.db.in_transaction():
        return side(), work()
    outcome: list[S | BaseException] = []

    def run() -> None:
        try:
            outcome.append(side())
        except BaseException as exc:  # handed to the caller's thread
            outcome.append(exc)
        finally:
            ctx.close_connection()

    thread = threading.Thread(target=run, name="pharmadesk-figures-beside", daemon=True)
    thread.start()
    try:
        done = work()
    finally:
        thread.join()
    found = outcome[0]
    if isinstance(found, BaseException):
        raise found
    return found, done
