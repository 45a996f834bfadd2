"""How long the whole dashboard takes, per kind of period (for `pharmadesk bench`).

Each kind is timed on several different periods ending before the pharmacy's last sale,
twice: first with nothing kept (the bench pharmacy's kept figures are dropped first), then
again from the figures kept in the database (`cache.py`; nothing in memory). Reported as
p50 and max against the budget of DESIGN.md: under 1 s for a month, quarter or year,
under 3 s for a custom range; the verdict is the first computation's.

`after_preparation` times what an owner meets on a working day once the background
preparation has run: the running month, quarter and year, and custom ranges nothing was
kept for, each chosen right after a sale of today (written, and deleted afterwards: the
bench pharmacy is left with the lines it had).
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from datetime import time as clock_time

from pharmadesk.services import analytics
from pharmadesk.services.analytics import cache, warmup
from pharmadesk.services.analytics.results import (
    Period,
    custom,
    last_full_month,
    month_of,
    quarter_of,
    year_of,
)
from pharmadesk.services.context import Context, local_now
from pharmadesk.services.purchases import transaction_key

TARGET_S = {"month": 1.0, "quarter": 1.0, "year": 1.0, "custom": 3.0}


@dataclass(frozen=True)
class DashboardTiming:
    kind: str
    periods: int
    p50_s: float  # first computation, nothing kept
    max_s: float
    target_s: float
    cached_p50_s: float  # from the figures kept in the database
    cached_max_s: float

    @property
    def within_target(self) -> bool:
        return self.max_s < self.target_s


def sample_periods(today: date) -> dict[str, list[Period]]:
    """Three or four periods of each kind, the default (last full month) first."""
    month = last_full_month(today)
    months = [month]
    while len(months) < 4:
        months.append(month_of(months[-1].start - timedelta(days=1)))
    quarters = [quarter_of(month.end)]
    while len(quarters) < 4:
        quarters.append(quarters[-1].previous())
    years = [year_of(today), year_of(today).previous(), year_of(today).previous().previous()]
    ranges = [
        custom(month.end - timedelta(days=days), month.end - timedelta(days=offset))
        for days, offset in ((45, 3), (200, 17), (400, 30), (120, 100))
    ]
    return {"month": months, "quarter": quarters, "year": years, "custom": ranges}


def _times(ctx: Context, periods: list[Period]) -> list[float]:
    times = []
    for period in periods:
        start = time.perf_counter()
        analytics.dashboard(ctx, period)
        times.append(time.perf_counter() - start)
        cache.forget_memory(ctx)
    return times


def measure(ctx: Context, today: date) -> list[DashboardTiming]:
    """First and cached timings per kind (drops the figures `ctx` keeps: a bench pharmacy)."""
    samples = sample_periods(today)
    cache.forget_stored(ctx)
    cache.forget_memory(ctx)
    first = {kind: _times(ctx, periods) for kind, periods in samples.items()}
    again = {kind: _times(ctx, periods) for kind, periods in samples.items()}
    return [
        DashboardTiming(
            kind, len(first[kind]), statistics.median(first[kind]), max(first[kind]),
            TARGET_S[kind], statistics.median(again[kind]), max(again[kind]),
        )
        for kind in samples
    ]  # fmt: skip


def preparation(ctx: Context, today: date) -> tuple[int, float]:
    """How many periods the window prepares after start-up, and the seconds it takes from
    nothing kept (`warmup.py`; once per start, only what is missing after the first)."""
    cache.forget_stored(ctx)
    cache.forget_memory(ctx)
    periods = warmup.periods_to_prepare(today)
    start = time.perf_counter()
    done = warmup.prepare(ctx, periods)
    return done, time.perf_counter() - start


def format_preparation(periods: int, seconds: float) -> str:
    return (
        f"dashboard, background preparation after start-up of {periods} periods (months, "
        f"quarters, years, the running ones included): {seconds:.1f} s from nothing kept; "
        "those periods then open from the kept figures (the cached p50 above)"
    )


REPEATS = 3


def after_preparation(ctx: Context, today: date) -> list[DashboardTiming]:
    """The running month, quarter and year, and each custom range of `sample_periods`
    with nothing kept for it, chosen after the preparation and a sale of today.

    `ctx`'s clock is set to `today` (the bench pharmacy's last day of sales) meanwhile.
    Each timing writes a line dated today, deleted after it.
    """
    at_noon = datetime.combine(today, clock_time(12), local_now().tzinfo)
    pinned = replace(ctx, clock=lambda: at_noon)
    cache.forget_memory(pinned)
    warmup.prepare(pinned, warmup.periods_to_prepare(today))
    kinds = {
        "running month": [month_of(today)],
        "running quarter": [quarter_of(today)],
        "running year": [year_of(today)],
        "custom, after the preparation": sample_periods(today)["custom"],
    }
    timings = []
    for kind, periods in kinds.items():
        times = []
        for period in periods:
            for _ in range(REPEATS):
                with _sale_of_today(pinned, today):
                    if kind.startswith("custom"):
                        _forget_range(pinned, period)
                    start = time.perf_counter()
                    analytics.dashboard(pinned, period)
                    times.append(time.perf_counter() - start)
        target = TARGET_S["custom" if kind.startswith("custom") else "year"]
        median = statistics.median(times)
        timings.append(DashboardTiming(kind, len(periods), median, max(times), target,
                                       median, max(times)))  # fmt: skip
    return timings


@contextmanager
def _sale_of_today(ctx: Context, today: date) -> Iterator[None]:
    """A copy of the last purchase line, dated today, deleted afterwards.

    Written for real (not in a transaction rolled back): the dashboard's second thread
    reads on a connection of its own, which sees only what is committed.
    """
    cursor = ctx.db.execute_sql(
        "INSERT INTO purchase (customer_id, product_id, purchased_at, purchased_on, "
        "quantity, unit_price_fen, amount_fen, receipt, transaction_key, source) "
        "SELECT customer_id, product_id, ?, ?, quantity, unit_price_fen, amount_fen, "
        "NULL, ?, source FROM purchase ORDER BY id DESC LIMIT 1",
        (ctx.now().isoformat(), today.isoformat(), transaction_key(None, today)),
    )
    try:
        yield
    finally:
        ctx.db.execute_sql("DELETE FROM purchase WHERE id = ?", (cursor.lastrowid,))


def _forget_range(ctx: Context, period: Period) -> None:
    ctx.db.execute_sql(
        "DELETE FROM analytics_cache WHERE key LIKE ?", (f"%{period.start}:{period.end}%",)
    )


def format_after_preparation(timings: list[DashboardTiming]) -> str:
    return "\n".join(
        f"dashboard after the preparation and a sale of today, {t.kind} ({t.periods} "
        f"period{'s' if t.periods > 1 else ''} x {REPEATS}): p50 {t.p50_s:.2f} s, max "
        f"{t.max_s:.2f} s; target < {t.target_s:.0f} s  {'yes' if t.within_target else 'NO'}"
        for t in timings
    )


def format_lines(timings: list[DashboardTiming]) -> str:
    return "\n".join(
        f"dashboard, {t.kind} ({t.periods} periods): first p50 {t.p50_s:.2f} s, max "
        f"{t.max_s:.2f} s; cached p50 {t.cached_p50_s:.2f} s, max {t.cached_max_s:.2f} s; "
        f"target < {t.target_s:.0f} s  {'yes' if t.within_target else 'NO'}"
        for t in timings
    )
