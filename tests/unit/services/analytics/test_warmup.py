"""The periods an owner picks at month end are prepared ahead, on a thread of their own,
and what they prepare is exactly what the dashboard would compute when asked."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

import pytest

from pharmadesk.services import accounts, analytics, vault
from pharmadesk.services.analytics import cache, warmup
from pharmadesk.services.analytics.results import Period, month_of, quarter_of, year_of
from pharmadesk.services.context import Context
from tests.conftest import PASSWORD, FakeClock
from tests.unit.services.analytics import shop
from tests.unit.services.analytics.shop import Line
from tests.unit.services.analytics.test_figures import lines_for

TODAY = date(2026, 12, 2)


@pytest.fixture
def sample(pharmacy: Context) -> list[Line]:
    lines = lines_for(shop.add_customers(pharmacy, 7))
    shop.write_raw(pharmacy, lines)
    return lines


def _groups_kept(ctx: Context) -> set[str]:
    rows = ctx.db.execute_sql("SELECT key FROM analytics_cache WHERE key LIKE 'groups:%'")
    return {row[0] for row in rows}


def test_the_last_full_month_its_quarter_and_year_come_first_then_the_running_month() -> None:
    periods = warmup.periods_to_prepare(TODAY)
    # November's quarter and year are still running on 2 December: prepared all the same.
    assert periods[:7] == [
        month_of(date(2026, 11, 1)), month_of(date(2026, 10, 1)),
        quarter_of(TODAY), quarter_of(date(2026, 9, 1)),
        year_of(TODAY), year_of(date(2025, 1, 1)), month_of(TODAY),
    ]  # fmt: skip
    running = [month_of(TODAY), quarter_of(TODAY), year_of(TODAY)]
    assert all(p.end < TODAY for p in periods if p not in running)
    assert year_of(date(2025, 1, 1)) in periods
    months = [p for p in periods if p.kind == "month" and p not in running]
    assert len(months) == warmup.MONTHS_BACK
    assert months[-1] == month_of(date(2024, 12, 1))
    assert len(periods) == len(set(periods))


def test_on_new_years_day_the_year_just_ended_is_prepared() -> None:
    periods = warmup.periods_to_prepare(date(2027, 1, 1))
    assert year_of(date(2026, 1, 1)) in periods
    assert quarter_of(date(2026, 12, 1)) in periods


def test_prepared_periods_are_kept_and_equal_what_the_dashboard_computes(
    pharmacy: Context, sample: list[Line]
) -> None:
    periods = [month_of(date(2026, 10, 1)), year_of(date(2025, 1, 1))]
    worker = threading.Thread(target=lambda: _prepare_on_own_connection(pharmacy, periods))
    worker.start()
    worker.join()
    assert {f"groups:{p.start}:{p.end}" for p in periods} <= _groups_kept(pharmacy)
    cache.forget_memory(pharmacy)
    from_kept = [analytics.dashboard(pharmacy, p) for p in periods]
    cache.forget_stored(pharmacy)
    cache.forget_memory(pharmacy)
    assert from_kept == [analytics.dashboard(pharmacy, p) for p in periods]


def _prepare_on_own_connection(ctx: Context, periods: list[Period]) -> None:
    try:
        assert warmup.prepare(ctx, periods) == len(periods)
    finally:
        ctx.close_connection()


def test_stop_ends_the_preparation_between_periods(pharmacy: Context, sample: list[Line]) -> None:
    periods = warmup.periods_to_prepare(TODAY)
    asked: list[int] = []

    def stop() -> bool:
        asked.append(1)
        return len(asked) > 2

    assert warmup.prepare(pharmacy, periods, stop=stop) == 2
    assert len(_groups_kept(pharmacy)) == 2


def test_a_role_without_the_dashboard_prepares_nothing(
    pharmacy: Context, sample: list[Line], db_path: Path, clock: FakeClock
) -> None:
    accounts.add(pharmacy, "staff", role="staff", password=PASSWORD)
    staff = vault.open_pharmacy(db_path, user="staff", password=PASSWORD, clock=clock)
    try:
        assert warmup.prepare(staff, warmup.periods_to_prepare(TODAY)) == 0
        assert _groups_kept(staff) == set()
    finally:
        staff.close()


def test_the_preparer_works_on_its_own_thread_and_stops_when_asked(
    pharmacy: Context, sample: list[Line]
) -> None:
    preparer = warmup.Preparer(pharmacy, TODAY)
    preparer.start()
    preparer.stop(wait_s=30)
    assert not preparer.running()
    finished = warmup.Preparer(pharmacy, TODAY)
    finished.start()
    finished._thread.join(60)
    assert finished.prepared == len(warmup.periods_to_prepare(TODAY))
    assert len(_groups_kept(pharmacy)) >= finished.prepared
