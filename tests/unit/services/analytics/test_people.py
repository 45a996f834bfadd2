"""RFM segments on hand-made customers, lifecycle stages on hand-made rhythms, and the
customers behind a segment, a stage, a product or a category."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from pharmadesk.services import analytics
from pharmadesk.services.analytics.people import standings
from pharmadesk.services.analytics.results import month_of
from pharmadesk.services.context import Context
from tests.unit.services.analytics import shop
from tests.unit.services.analytics.shop import Line
from tests.unit.services.analytics.test_figures import lines_for

E = date(2026, 10, 31)
OCTOBER = month_of(E)

# Wanted (R, F, M) scores and the segment they make. Each score appears twice in each
# column, so with ten customers a value of rank k (0 = worst) scores 1 + k // 2.
DESIGN = [
    ((5, 5, 5), "high_value"),
    ((1, 5, 5), "lost"),
    ((2, 4, 2), "at_risk"),
    ((2, 1, 4), "at_risk"),
    ((3, 4, 3), "loyal"),
    ((5, 1, 1), "potential"),
    ((4, 2, 3), "potential"),
    ((3, 3, 2), "regular"),
    ((4, 3, 4), "regular"),
    ((1, 2, 1), "lost"),
]


def _ranks(column: int) -> list[int]:
    """Rank (0 = worst) of each designed customer in one column: scores s get 2s-2, 2s-1."""
    ranks, used = [], dict.fromkeys(range(1, 6), 0)
    for scores, _ in DESIGN:
        s = scores[column]
        ranks.append(2 * (s - 1) + used[s])
        used[s] += 1
    return ranks


def _rfm_lines(ids: list[int]) -> list[Line]:
    lines = []
    for customer, r, f, m in zip(ids, _ranks(0), _ranks(1), _ranks(2), strict=True):
        recency, count, spend = 10 * (10 - r), f + 1, (m + 1) * 1000
        for n in range(count):
            amount = spend // count + (spend % count if n == 0 else 0)
            day = E - timedelta(days=recency + 5 * n)
            lines.append(Line(customer, day, f"S{customer}-{n}", "维生素C片", "维生素", amount))
    return lines


def test_rfm_scores_and_segments_of_hand_made_customers(pharmacy: Context) -> None:
    ids = shop.add_customers(pharmacy, len(DESIGN))
    shop.write_raw(pharmacy, _rfm_lines(ids))
    found = standings(pharmacy, E)
    assert {c: found[c].segment for c in ids} == {
        c: s for c, (_, s) in zip(ids, DESIGN, strict=True)
    }
    shares = {g.key: g.customers for g in analytics.segments(pharmacy, OCTOBER)}
    assert shares == {
        "high_value": 1,
        "loyal": 1,
        "potential": 2,
        "at_risk": 2,
        "lost": 2,
        "regular": 2,
    }
    at_risk = analytics.customers_in(pharmacy, OCTOBER, segment="at_risk")
    # by spend in the last 12 months, largest first: the M-score-4 customer before the 2
    assert [row.id for row in at_risk] == [ids[3], ids[2]]
    assert at_risk[0].segment == "at_risk"
    assert at_risk[0].spend_12m_fen == 7000


def test_segment_revenue_shares_are_of_the_period_s_revenue(pharmacy: Context) -> None:
    ids = shop.add_customers(pharmacy, len(DESIGN))
    lines = _rfm_lines(ids)
    shop.write_raw(pharmacy, lines)
    groups = analytics.segments(pharmacy, OCTOBER)
    october = [x for x in lines if x.day >= OCTOBER.start]
    total = sum(x.amount_fen for x in october)
    by_customer = {c: sum(x.amount_fen for x in october if x.customer == c) for c in ids}
    for group in groups:
        members = [c for c, (_, s) in zip(ids, DESIGN, strict=True) if s == group.key]
        assert group.revenue_fen == sum(by_customer[c] for c in members)
        assert group.revenue_share == pytest.approx(group.revenue_fen / total)
    assert sum(g.revenue_share for g in groups) == pytest.approx(1.0)


def _days_ago(*days: int) -> list[date]:
    return [E - timedelta(days=d) for d in days]


RHYTHMS = {
    "one visit 10 days ago": (_days_ago(10), "new"),
    "one visit 91 days ago": (_days_ago(91), "at_risk"),
    "one visit 181 days ago": (_days_ago(181), "lost"),
    "monthly, last 20 days ago": (_days_ago(20, 50, 80, 110, 140, 170), "loyal"),
    "monthly, last 50 days ago": (_days_ago(50, 80, 110, 140, 170), "at_risk"),
    "monthly, last 100 days ago": (_days_ago(100, 130, 160, 190), "lost"),
    "two receipts on one day": (_days_ago(10, 10), "repeat"),
    "every 60 days, three times": (_days_ago(30, 90, 150), "repeat"),
    "weekly, then 22 days away": (_days_ago(22, 29, 36, 43, 50), "lost"),
}


def test_lifecycle_stages_of_hand_made_rhythms(pharmacy: Context) -> None:
    ids = shop.add_customers(pharmacy, len(RHYTHMS))
    lines = [
        Line(customer, day, f"T{customer}-{n}", "二甲双胍片", "慢病用药", 2680)
        for customer, (days, _) in zip(ids, RHYTHMS.values(), strict=True)
        for n, day in enumerate(days)
    ]
    shop.write_through_service(pharmacy, lines)
    found = standings(pharmacy, E)
    expected = {c: stage for c, (_, stage) in zip(ids, RHYTHMS.values(), strict=True)}
    assert {c: found[c].stage for c in ids} == expected
    for c in ids:  # and the independent reading of the rules agrees
        assert shop.reference_stage(shop.reference_standing(lines, c, E)) == expected[c]
    counts = {g.key: g.customers for g in analytics.stages(pharmacy, OCTOBER)}
    assert counts == {"new": 1, "repeat": 2, "loyal": 1, "at_risk": 2, "lost": 3}
    lost = analytics.customers_in(pharmacy, OCTOBER, stage="lost")
    assert sorted(row.id for row in lost) == sorted(c for c, s in expected.items() if s == "lost")


@pytest.fixture
def sample(pharmacy: Context) -> list[Line]:
    ids = shop.add_customers(pharmacy, 7)
    pharmacy.db.execute_sql("UPDATE customer SET status = 'anonymised' WHERE id = ?", (ids[4],))
    lines = lines_for(ids)
    shop.write_raw(pharmacy, lines)
    return lines


@pytest.mark.parametrize(
    "end", [date(2026, 10, 31), date(2026, 9, 30), date(2025, 12, 31), date(2025, 3, 10)]
)
def test_standings_as_of_a_past_day_ignore_what_came_after(
    pharmacy: Context, sample: list[Line], end: date
) -> None:
    found = standings(pharmacy, end)
    buyers = {x.customer for x in sample if x.day <= end}
    assert set(found) == buyers
    for customer in buyers:
        expected = shop.reference_standing(sample, customer, end)
        s = found[customer]
        got = {
            "recency": s.recency_days, "frequency": s.transactions_12m,
            "monetary": s.spend_12m_fen, "median": s.median_interval,
            "transactions": s.transactions,
        }  # fmt: skip
        assert got == expected, customer
        assert s.stage == shop.reference_stage(expected)


def test_a_product_s_and_a_category_s_buyers_by_what_they_spent_on_it(
    pharmacy: Context, sample: list[Line]
) -> None:
    a, b, n, _, _, reuse, _ = sorted({x.customer for x in sample})
    vitamin = pharmacy.db.execute_sql("SELECT id FROM product WHERE name = '维生素C片'").fetchone()[
        0
    ]
    buyers = analytics.customers_in(pharmacy, OCTOBER, product_id=vitamin)
    assert [row.id for row in buyers] == [a, n, reuse]  # 7000, 3500, 3500 (then by id)
    assert buyers[0].last_purchase == date(2026, 10, 19)
    chronic = analytics.customers_in(pharmacy, OCTOBER, category="慢病用药")
    assert [row.id for row in chronic] == [b, a]  # 5360, 2680
    uncategorised = analytics.customers_in(pharmacy, OCTOBER, category="")
    assert [row.id for row in uncategorised] == [b, reuse]
    colds = analytics.customers_in(pharmacy, OCTOBER, category="感冒发烧", limit=5)
    assert [row.id for row in colds] == [a]  # the anonymised buyer is not listed
    assert analytics.customers_in(pharmacy, OCTOBER, category="感冒发烧", limit=0) == []


def test_anonymised_customers_count_but_are_not_listed(
    pharmacy: Context, sample: list[Line]
) -> None:
    anon = sorted({x.customer for x in sample})[4]
    found = standings(pharmacy, E)
    assert anon in found
    total = sum(g.customers for g in analytics.segments(pharmacy, OCTOBER))
    assert total == len(found) == 7
    listed = [r.id for key in ("high_value", "loyal", "potential", "at_risk", "lost", "regular")
              for r in analytics.customers_in(pharmacy, OCTOBER, segment=key)]  # fmt: skip
    assert anon not in listed
    assert len(listed) == 6


def test_an_unknown_segment_is_refused(pharmacy: Context) -> None:
    with pytest.raises(ValueError, match="segment"):
        analytics.customers_in(pharmacy, OCTOBER, segment="vip")
    with pytest.raises(ValueError, match="stage"):
        analytics.customers_in(pharmacy, OCTOBER, stage="gone")
