"""KPIs, the monthly series, top lists and weekdays against the same figures computed in
the test from the raw lines (tests/unit/services/analytics/shop.py)."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from pharmadesk.services import analytics, interactions
from pharmadesk.services.analytics.results import (
    Period,
    custom,
    month_of,
    quarter_of,
    year_of,
)
from pharmadesk.services.context import Context
from tests.unit.services.analytics import shop
from tests.unit.services.analytics.shop import CST, Line

D = date
COLD, VIT, CHRONIC = "感冒发烧", "维生素", "慢病用药"


def lines_for(c: list[int]) -> list[Line]:
    a, b, n, old, anon, reuse, k = c
    return [
        # a: regular, several receipts in October, the same product twice on one receipt
        Line(a, D(2025, 11, 3), "R1", "感冒灵颗粒", COLD, 1550),
        Line(a, D(2026, 10, 2), "R2", "感冒灵颗粒", COLD, 1550),
        Line(a, D(2026, 10, 2), "R2", "感冒灵颗粒", COLD, 3100, 2),
        Line(a, D(2026, 10, 2), "R2", "维生素C片", VIT, 3500),
        Line(a, D(2026, 10, 2), "R3", "维生素C片", VIT, 3500),  # a second receipt that day
        Line(a, D(2026, 10, 19), "R4", "二甲双胍片", CHRONIC, 2680),
        # b: lines without receipts: one transaction per day
        Line(b, D(2026, 9, 25), None, "二甲双胍片", CHRONIC, 2680),
        Line(b, D(2026, 10, 5), None, "二甲双胍片", CHRONIC, 2680),
        Line(b, D(2026, 10, 5), None, "棉签", None, 300, 3),
        Line(b, D(2026, 10, 31), None, "二甲双胍片", CHRONIC, 2680),
        # n: new in October
        Line(n, D(2026, 10, 10), "R5", "维生素C片", VIT, 3500),
        # old: only in 2025
        Line(old, D(2025, 3, 1), "R6", "感冒灵颗粒", COLD, 1550),
        Line(old, D(2025, 3, 20), "R7", "棉签", None, 200, 2),
        # anon: an anonymised customer's purchases still count
        Line(anon, D(2026, 10, 7), "R8", "感冒灵颗粒", COLD, 1550),
        Line(anon, D(2026, 7, 7), "R9", "维生素C片", VIT, 3500),
        # reuse: the same receipt number on two days is two transactions
        Line(reuse, D(2026, 8, 1), "R10", "棉签", None, 100),
        Line(reuse, D(2026, 10, 1), "R10", "棉签", None, 100),
        Line(reuse, D(2026, 10, 1), "R11", "维生素C片", VIT, 3500),
        # k: December 2024 to September 2026, monthly
        *[Line(k, D(2024 + (m + 11) // 12, (m + 11) % 12 + 1, 12), f"K{m}", "二甲双胍片",
               CHRONIC, 2680) for m in range(0, 22)],
    ]  # fmt: skip


@pytest.fixture
def sample(pharmacy: Context) -> list[Line]:
    ids = shop.add_customers(pharmacy, 7)
    pharmacy.db.execute_sql("UPDATE customer SET status = 'anonymised' WHERE id = ?", (ids[4],))
    lines = lines_for(ids)
    shop.write_through_service(pharmacy, [x for x in lines if x.customer % 2])
    shop.write_raw(pharmacy, [x for x in lines if not x.customer % 2])
    return lines


PERIODS = [
    month_of(D(2026, 10, 1)),
    month_of(D(2026, 9, 1)),
    month_of(D(2025, 3, 1)),
    quarter_of(D(2026, 8, 1)),
    quarter_of(D(2026, 11, 1)),
    year_of(D(2025, 1, 1)),
    year_of(D(2026, 1, 1)),
    custom(D(2026, 9, 20), D(2026, 10, 10)),
    custom(D(2024, 1, 1), D(2026, 12, 31)),
    custom(D(2026, 10, 3), D(2026, 10, 4)),
]


@pytest.mark.parametrize("period", PERIODS, ids=lambda p: f"{p.kind}-{p.start}-{p.end}")
def test_every_kpi_equals_the_figure_from_the_raw_lines(
    pharmacy: Context, sample: list[Line], period: Period
) -> None:
    got = analytics.kpis(pharmacy, period)
    expected = shop.reference_kpis(sample, period.start, period.end)
    assert {k: getattr(got, k) for k in expected} == expected


def test_the_october_kpis_by_hand(pharmacy: Context, sample: list[Line]) -> None:
    got = analytics.kpis(pharmacy, month_of(D(2026, 10, 1)))
    assert (
        got.revenue_fen
        == 1550 + 3100 + 3500 + 3500 + 2680 + 2680 + 300 + 2680 + 3500 + 1550 + 100 + 3500
    )
    # a: R2, R3, R4; b: 5th, 31st; n: R5; anon: R8; reuse: R10, R11
    assert got.transactions == 9
    assert (got.customers_served, got.new_customers, got.returning_customers) == (5, 1, 4)
    assert got.repurchase_rate == pytest.approx(2 / 5)  # a and b came on two days


def _rate(ctx: Context, customer: int, day: date, rating: int | None, kind: str) -> int:
    at = datetime.combine(day, time(11, 0), CST)
    record = interactions.log(
        ctx, customer, channel="counter", kind=kind, summary="x", rating=rating, occurred_at=at
    )
    return record.id


def test_ratings_and_complaints_per_period_and_month(pharmacy: Context, sample: list[Line]) -> None:
    customer = sample[0].customer
    _rate(pharmacy, customer, D(2026, 10, 1), 5, "feedback")
    wrong = _rate(pharmacy, customer, D(2026, 10, 31), 1, "feedback")
    _rate(pharmacy, customer, D(2026, 10, 15), 2, "complaint")
    _rate(pharmacy, customer, D(2026, 10, 16), None, "complaint")
    _rate(pharmacy, customer, D(2026, 11, 1), 3, "consultation")
    interactions.log(
        pharmacy, customer, channel="counter", kind="feedback", summary="corrected", rating=4,
        occurred_at=datetime.combine(D(2026, 11, 2), time(9, 0), CST), corrects=wrong,
    )  # fmt: skip
    october = analytics.kpis(pharmacy, month_of(D(2026, 10, 1)))
    assert october.average_rating == pytest.approx((5 + 2) / 2)  # the 1 was corrected
    assert october.complaints == 2
    months = {p.month: p for p in analytics.monthly(pharmacy, last_month=D(2026, 11, 30))}
    assert months[D(2026, 11, 1)].average_rating == pytest.approx((3 + 4) / 2)
    assert months[D(2026, 10, 1)].complaints == 2
    assert months[D(2026, 9, 1)].average_rating is None


def test_the_monthly_series_equals_each_month_from_the_raw_lines(
    pharmacy: Context, sample: list[Line]
) -> None:
    points = analytics.monthly(pharmacy, last_month=D(2026, 10, 1), count=24)
    assert [p.month for p in points][:2] == [D(2024, 11, 1), D(2024, 12, 1)]
    assert points[-1].month == D(2026, 10, 1)
    assert len(points) == 24
    for point in points:
        month = month_of(point.month)
        expected = shop.reference_kpis(sample, month.start, month.end)
        got = {k: getattr(point, k) for k in expected if k != "average_basket_fen"}
        assert got == {k: v for k, v in expected.items() if k != "average_basket_fen"}, month


@pytest.mark.parametrize("period", PERIODS[:8], ids=lambda p: f"{p.kind}-{p.start}")
def test_top_products_and_categories_equal_the_raw_lines(
    pharmacy: Context, sample: list[Line], period: Period
) -> None:
    products = analytics.top_products(pharmacy, period, limit=10)
    expected = shop.reference_top(sample, period.start, period.end, "product")
    assert [
        (p.label, p.revenue_fen, p.quantity, p.transactions, p.customers) for p in products
    ] == expected
    categories = analytics.top_categories(pharmacy, period, limit=2)
    expected = shop.reference_top(sample, period.start, period.end, "category")[:2]
    assert [
        (c.key, c.revenue_fen, c.quantity, c.transactions, c.customers) for c in categories
    ] == expected


def test_weekdays_equal_the_raw_lines(pharmacy: Context, sample: list[Line]) -> None:
    for period in PERIODS:
        got = [
            (w.weekday, w.transactions, w.revenue_fen) for w in analytics.weekdays(pharmacy, period)
        ]
        assert got == shop.reference_weekdays(sample, period.start, period.end)


def test_the_dashboard_holds_every_piece(pharmacy: Context, sample: list[Line]) -> None:
    period = month_of(D(2026, 10, 1))
    board = analytics.dashboard(pharmacy, period)
    assert board.previous == month_of(D(2026, 9, 1))
    assert board.kpis == analytics.kpis(pharmacy, period)
    assert board.previous_kpis == analytics.kpis(pharmacy, board.previous)
    assert len(board.months) == 24
    assert board.months[-1].month == D(2026, 10, 1)
    assert board.top_products == analytics.top_products(pharmacy, period)
    assert board.top_categories == analytics.top_categories(pharmacy, period)
    assert board.segments == analytics.segments(pharmacy, period)
    assert board.stages == analytics.stages(pharmacy, period)
    assert len(board.weekdays) == 7


def test_a_previous_period_before_the_first_sale_is_named_partly_recorded(
    pharmacy: Context, sample: list[Line]
) -> None:
    # The first line on file is of 12 December 2024: December is only partly on record,
    # so January's changes against it are not like for like; February's are.
    january = analytics.dashboard(pharmacy, month_of(D(2025, 1, 1)))
    assert january.records_from == D(2024, 12, 12)
    assert january.previous_partly_recorded
    assert analytics.dashboard(pharmacy, year_of(D(2025, 1, 1))).previous_partly_recorded
    assert not analytics.dashboard(pharmacy, month_of(D(2025, 2, 1))).previous_partly_recorded
    assert not analytics.dashboard(pharmacy, month_of(D(2026, 10, 1))).previous_partly_recorded


def test_an_empty_pharmacy_has_zeros_and_no_rates(pharmacy: Context) -> None:
    board = analytics.dashboard(pharmacy, month_of(D(2026, 10, 1)))
    assert board.kpis.revenue_fen == 0
    assert board.kpis.average_basket_fen is None
    assert board.kpis.repurchase_rate is None
    assert board.top_products == []
    assert all(s.customers == 0 for s in board.segments)
    assert board.records_from is None
    assert not board.previous_partly_recorded
