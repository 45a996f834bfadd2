"""How long the whole dashboard takes, per kind of period (for `pharmadesk bench`).

Each kind is timed on several different periods ending before the pharmacy's last sale,
each computed once (nothing is cached between calls), and reported as p50 and max against
the budget of DESIGN.md: under 1 s for a month, quarter or year, under 3 s for a custom
range.
"""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass
from datetime import date, timedelta

from pharmadesk.services import analytics
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
    p50_s: float
    max_s: float
    target_s: float

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


def measure(ctx: Context, today: date) -> list[DashboardTiming]:
    out = []
    for kind, periods in sample_periods(today).items():
        times = []
        for period in periods:
            start = time.perf_counter()
            analytics.dashboard(ctx, period)
            times.append(time.perf_counter() - start)
        out.append(
            DashboardTiming(kind, len(times), statistics.median(times), max(times), TARGET_S[kind])
        )
    return out


def format_lines(timings: list[DashboardTiming]) -> str:
    return "\n".join(
        f"dashboard, {t.kind} ({t.periods} periods): p50 {t.p50_s:.2f} s, max {t.max_s:.2f} s; "
        f"target < {t.target_s:.0f} s  {'yes' if t.within_target else 'NO'}"
        for t in timings
    )
