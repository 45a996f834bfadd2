"""The dashboard timing of `pharmadesk bench`: several different periods of each kind."""

from __future__ import annotations

from datetime import date

from pharmadesk.services.analytics import bench, warmup
from pharmadesk.services.context import Context


def test_each_kind_is_timed_on_distinct_periods_ending_by_today(pharmacy: Context) -> None:
    periods = bench.sample_periods(date(2026, 11, 20))
    assert set(periods) == {"month", "quarter", "year", "custom"}
    for kind, chosen in periods.items():
        assert len(set(chosen)) == len(chosen) >= 3, kind
        assert all(p.kind == kind for p in chosen)
    timings = bench.measure(pharmacy, date(2026, 11, 20))
    assert [t.kind for t in timings] == ["month", "quarter", "year", "custom"]
    assert "dashboard, month (4 periods): first p50" in bench.format_lines(timings)
    assert "cached p50" in bench.format_lines(timings)
    assert all(t.cached_max_s >= t.cached_p50_s > 0 for t in timings)


def test_the_background_preparation_is_timed_over_every_period_it_prepares(
    pharmacy: Context,
) -> None:
    periods, seconds = bench.preparation(pharmacy, date(2026, 11, 20))
    assert periods == len(warmup.periods_to_prepare(date(2026, 11, 20)))
    assert seconds > 0
    assert f"preparation after start-up of {periods} closed periods" in bench.format_preparation(
        periods, seconds
    )
