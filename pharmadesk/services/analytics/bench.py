"""How long the whole dashboard takes, per kind of period (for `pharmadesk bench`).

Each kind is timed on several different periods ending before the pharmacy's last sale,
twice: first with nothing kept (the bench pharmacy's kept figures are dropped first), then
again from the figures kept in the database (`cache.py`; nothing in memory). Reported as
p50 and max against the budget of DESIGN.md: under 1 s for a month, quarter or year,
under 3 s for a custom range; the verdict is the first computation's.
"""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass
from datetime import date, timedelta

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
from pharmadesk.services.context import Context

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
        f"dashboard, background preparation after start-up of {periods} closed periods "
        f"(months, quarters, years): {seconds:.1f} s from nothing kept; those periods then "
        "open from the kept figures (the cached p50 above)"
    )


def format_lines(timings: list[DashboardTiming]) -> str:
    return "\n".join(
        f"dashboard, {t.kind} ({t.periods} periods): first p50 {t.p50_s:.2f} s, max "
        f"{t.max_s:.2f} s; cached p50 {t.cached_p50_s:.2f} s, max {t.cached_max_s:.2f} s; "
        f"target < {t.target_s:.0f} s  {'yes' if t.within_target else 'NO'}"
        for t in timings
    )
