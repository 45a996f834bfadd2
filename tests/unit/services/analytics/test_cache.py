"""The kept figures (month summaries, segment shares, dashboards in memory) are forgotten
when a line of their days is added, deleted (undo of an import) or its customer deleted,
and a cached computation equals an uncached one and the figures of the raw lines."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

import pytest

from pharmadesk.io import import_batches, purchase_import
from pharmadesk.io.files import RawRow, RawTable
from pharmadesk.services import analytics, interactions
from pharmadesk.services.analytics import cache
from pharmadesk.services.analytics.results import Dashboard, Period, custom, month_of, year_of
from pharmadesk.services.context import Context
from tests.unit.services.analytics import shop
from tests.unit.services.analytics.shop import CST, Line
from tests.unit.services.analytics.test_figures import lines_for

OCTOBER = month_of(date(2026, 10, 1))
PERIODS = [OCTOBER, year_of(date(2026, 1, 1)), custom(date(2026, 9, 20), date(2026, 10, 10))]


@pytest.fixture
def sample(pharmacy: Context) -> list[Line]:
    ids = shop.add_customers(pharmacy, 7)
    lines = lines_for(ids)
    shop.write_raw(pharmacy, lines)
    return lines


def _uncached(ctx: Context, period: Period) -> Dashboard:
    cache.forget_stored(ctx)
    cache.forget_memory(ctx)
    return analytics.dashboard(ctx, period)


def _kept(ctx: Context) -> set[str]:
    return {r[0] for r in ctx.db.execute_sql("SELECT key FROM analytics_cache").fetchall()}


def _assert_raw_figures(ctx: Context, lines: list[Line], period: Period) -> None:
    """Every cached figure of the period equals the raw lines, and an uncached dashboard."""
    board = analytics.dashboard(ctx, period)
    expected = shop.reference_kpis(lines, period.start, period.end)
    assert {k: getattr(board.kpis, k) for k in expected} == expected
    top = shop.reference_top(lines, period.start, period.end, "category")
    assert [(c.key, c.revenue_fen, c.quantity, c.transactions, c.customers)
            for c in board.top_categories] == top  # fmt: skip
    for point in board.months:
        month = month_of(point.month)
        month_expected = shop.reference_kpis(lines, month.start, month.end)
        assert point.customers_served == month_expected["customers_served"], month
        assert point.repurchase_rate == month_expected["repurchase_rate"], month
    assert board == _uncached(ctx, period)


@pytest.mark.parametrize("period", PERIODS, ids=lambda p: p.kind)
def test_a_cached_dashboard_equals_an_uncached_one_and_the_raw_lines(
    pharmacy: Context, sample: list[Line], period: Period
) -> None:
    first = analytics.dashboard(pharmacy, period)
    assert f"groups:{period.start}:{period.end}" in _kept(pharmacy)
    assert analytics.dashboard(pharmacy, period) is first  # from memory
    cache.forget_memory(pharmacy)
    assert analytics.dashboard(pharmacy, period) == first  # from the stored summaries
    _assert_raw_figures(pharmacy, sample, period)


def test_a_line_added_to_a_cached_month_is_counted(pharmacy: Context, sample: list[Line]) -> None:
    for period in PERIODS:
        analytics.dashboard(pharmacy, period)
    newcomer = shop.add_customers(pharmacy, 1)[0]
    added = [Line(newcomer, date(2026, 10, 12), "N1", "新产品", "新类别", 999, 3),
             Line(sample[0].customer, date(2026, 10, 12), None, "棉签", None, 100)]  # fmt: skip
    shop.write_raw(pharmacy, added)
    assert "items:2026-10" not in _kept(pharmacy)
    for period in PERIODS:
        _assert_raw_figures(pharmacy, sample + added, period)


def test_a_line_of_today_leaves_the_closed_months_kept(
    pharmacy: Context, sample: list[Line]
) -> None:
    analytics.dashboard(pharmacy, OCTOBER)
    before = _kept(pharmacy)
    today = Line(sample[0].customer, date(2026, 11, 20), "T1", "维生素C片", "维生素", 3500)
    shop.write_through_service(pharmacy, [today])
    assert {k for k in before if "2026-10" in k} <= _kept(pharmacy)
    assert not any(k.startswith("customers:2026-11") for k in _kept(pharmacy))
    _assert_raw_figures(pharmacy, [*sample, today], OCTOBER)


def test_an_undone_import_is_no_longer_counted(pharmacy: Context, sample: list[Line]) -> None:
    code = pharmacy.db.execute_sql(
        "SELECT code FROM customer WHERE id = ?", (sample[0].customer,)
    ).fetchone()[0]
    header = ("日期", "会员卡号", "药品名称", "类别", "数量", "金额", "小票号")
    rows = [("2026-10-03", code, "感冒灵颗粒", "感冒发烧", 1, "15.50", "R2"),
            ("2026-10-28", code, "新产品", None, 2, "8", None)]  # fmt: skip
    raw = [RawRow(1, header), *(RawRow(n, row) for n, row in enumerate(rows, start=2))]
    plan = purchase_import.plan(pharmacy, RawTable(Path("sales.csv"), None, raw, "h1"))
    batch = purchase_import.commit(pharmacy, plan)
    with_import = analytics.dashboard(pharmacy, OCTOBER)
    assert (
        with_import.kpis.revenue_fen
        == shop.reference_kpis(sample, OCTOBER.start, OCTOBER.end)["revenue_fen"] + 1550 + 800
    )  # type: ignore[operator]
    import_batches.undo(pharmacy, batch)
    for period in PERIODS:
        _assert_raw_figures(pharmacy, sample, period)


def test_a_deleted_customer_is_no_longer_counted(pharmacy: Context, sample: list[Line]) -> None:
    for period in PERIODS:
        analytics.dashboard(pharmacy, period)
    gone = sample[0].customer
    pharmacy.db.execute_sql("DELETE FROM customer WHERE id = ?", (gone,))
    left = [x for x in sample if x.customer != gone]
    for period in PERIODS:
        _assert_raw_figures(pharmacy, left, period)


def test_a_new_rating_reaches_a_dashboard_kept_in_memory(
    pharmacy: Context, sample: list[Line]
) -> None:
    assert analytics.dashboard(pharmacy, OCTOBER).kpis.average_rating is None
    interactions.log(
        pharmacy, sample[0].customer, channel="counter", kind="feedback", summary="x",
        rating=4, occurred_at=datetime.combine(date(2026, 10, 9), time(11, 0), CST),
    )  # fmt: skip
    assert analytics.dashboard(pharmacy, OCTOBER).kpis.average_rating == 4.0
