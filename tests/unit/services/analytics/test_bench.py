"""The dashboard timing of `pharmadesk bench`: several different periods of each kind."""

from __future__ import annotations

from datetime import date

from pharmadesk.services import analytics
from pharmadesk.services.analytics import bench, warmup
from pharmadesk.services.analytics.results import month_of
from pharmadesk.services.context import Context
from tests.unit.services.analytics import shop
from tests.unit.services.analytics.test_figures import lines_for


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
    assert f"preparation after start-up of {periods} periods" in bench.format_preparation(
        periods, seconds
    )


def test_after_the_preparation_the_running_periods_are_timed_after_a_sale_left_undone(
    pharmacy: Context,
) -> None:
    lines = lines_for(shop.add_customers(pharmacy, 7))
    shop.write_raw(pharmacy, lines)
    count = pharmacy.db.execute_sql("SELECT count(*) FROM purchase").fetchone()[0]
    timings = bench.after_preparation(pharmacy, date(2026, 10, 31))
    assert [t.kind for t in timings] == [
        "running month", "running quarter", "running year", "custom, after the preparation"
    ]  # fmt: skip
    assert [t.target_s for t in timings] == [1.0, 1.0, 1.0, 3.0]
    assert all(t.max_s >= t.p50_s > 0 for t in timings)
    text = bench.format_after_preparation(timings)
    assert "sale of today, running year (1 period x 3): p50" in text
    assert pharmacy.db.execute_sql("SELECT count(*) FROM purchase").fetchone()[0] == count
    assert analytics.dashboard(pharmacy, month_of(date(2026, 10, 1))).kpis == (
        analytics.kpis(pharmacy, month_of(date(2026, 10, 1)))
    )
