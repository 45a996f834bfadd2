"""The owner's month-end figures: KPIs, monthly series, top lists, RFM segments, lifecycle
stages, and the customers behind each of them (see `results.py` for the records).

The definitions are in `definitions.py` and docs/analytics.md; the figures are read from
the sales summaries that triggers keep (`pharmadesk/db/migrations/m0007_*`, `m0008_*`)
and from the per-month summaries and caches of `months.py` and `cache.py`.
"""

from __future__ import annotations

from dataclasses import replace

from pharmadesk.services.analytics import cache
from pharmadesk.services.analytics.figures import (
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
    groups_beside,
    groups_of,
    segments,
    stages,
)
from pharmadesk.services.analytics.results import Dashboard, Period
from pharmadesk.services.context import Context
from pharmadesk.services.permissions import Operation, require

MONTHS_SHOWN = 24

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
    going back to a period is instant. With `two_threads`, the segments and stages are
    computed on a second thread meanwhile (`people.groups_beside`); work in the background
    that must stop at once when asked (`warmup.py`) uses one.

    Raises:
        PermissionRefused: the role may not see the charts (staff).
    """
    require(ctx, Operation.ANALYTICS)
    return cache.remember(ctx, "dashboard", period, lambda: _dashboard(ctx, period, two_threads))


def _dashboard(ctx: Context, period: Period, two_threads: bool) -> Dashboard:
    previous = period.previous()

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
        )

    if two_threads:
        board, (segment_shares, stage_shares) = groups_beside(ctx, period, rest)
    else:
        segment_shares, stage_shares = groups_of(ctx, period)
        board = rest()
    return replace(board, segments=segment_shares, stages=stage_shares)
