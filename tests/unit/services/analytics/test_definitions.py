"""The rules of docs/analytics.md as pure functions: scores, segments, stages, periods."""

from __future__ import annotations

from datetime import date

import pytest

from pharmadesk.services.analytics import definitions as rules
from pharmadesk.services.analytics.results import (
    Period,
    compared_with,
    custom,
    last_full_month,
    month_of,
    quarter_of,
    year_of,
)


def test_quintile_scores_give_the_best_fifth_5_and_equal_values_equal_scores() -> None:
    assert rules.scores(list(range(1, 11)), higher_is_better=True) == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]
    assert rules.scores(list(range(1, 11)), higher_is_better=False) == [
        5,
        5,
        4,
        4,
        3,
        3,
        2,
        2,
        1,
        1,
    ]
    # Six of ten have the same frequency: they all score 1, the next one 1 + 5 * 6 // 10 = 4.
    assert rules.scores([1, 1, 1, 1, 1, 1, 2, 3, 3, 9], higher_is_better=True) == [
        1, 1, 1, 1, 1, 1, 4, 4, 4, 5,
    ]  # fmt: skip
    assert rules.scores([7], higher_is_better=True) == [1]


@pytest.mark.parametrize(
    ("r", "f", "m", "expected"),
    [
        (1, 5, 5, "lost"),
        (4, 4, 4, "high_value"),
        (5, 5, 5, "high_value"),
        (2, 4, 1, "at_risk"),
        (1 + 1, 1, 4, "at_risk"),
        (3, 4, 2, "loyal"),
        (5, 4, 3, "loyal"),
        (4, 2, 5, "potential"),
        (5, 1, 1, "potential"),
        (3, 3, 3, "regular"),
        (4, 3, 3, "regular"),
        (2, 3, 3, "regular"),
    ],
)
def test_segments_follow_the_documented_rules_in_order(
    r: int, f: int, m: int, expected: str
) -> None:
    assert rules.segment(r, f, m) == expected


@pytest.mark.parametrize(
    ("recency", "median", "f12", "ever", "expected"),
    [
        (181, None, 0, 1, "lost"),  # more than 180 days, whatever the rhythm
        (181, 400.0, 9, 9, "lost"),
        (91, 30.0, 4, 8, "lost"),  # more than 3 x a monthly rhythm
        (90, 30.0, 4, 8, "at_risk"),  # exactly 3 x is not more than 3 x
        (46, 30.0, 4, 8, "at_risk"),  # more than 1.5 x
        (45, 30.0, 4, 8, "loyal"),
        (91, None, 0, 1, "at_risk"),  # no interval yet: more than 90 days
        (91, None, 2, 2, "at_risk"),  # two receipts on one day: still no interval
        (90, None, 1, 1, "new"),
        (10, 60.0, 3, 3, "repeat"),
        (10, None, 2, 2, "repeat"),
        (10, 7.0, 4, 30, "loyal"),
        (0, None, 1, 1, "new"),
    ],
)
def test_stages_take_the_first_rule_that_applies(
    recency: int, median: float | None, f12: int, ever: int, expected: str
) -> None:
    got = rules.stage(
        recency_days=recency, median_interval=median, transactions_12m=f12, transactions=ever
    )
    assert got == expected


def test_intervals_count_distinct_days_and_the_median_of_an_even_count_is_the_mean() -> None:
    days = [date(2026, 1, 1), date(2026, 1, 1), date(2026, 1, 11), date(2026, 1, 31)]
    assert rules.intervals(days) == [10, 20]
    assert rules.median([10, 20]) == 15.0
    assert rules.median([30, 10, 20]) == 20.0
    assert rules.median([]) is None


def test_the_12_months_ending_on_a_day() -> None:
    assert rules.window_12m(date(2026, 10, 31)) == (date(2025, 11, 1), date(2026, 10, 31))
    assert rules.window_12m(date(2028, 2, 29)) == (date(2027, 3, 1), date(2028, 2, 29))


def test_a_range_is_cut_at_month_boundaries() -> None:
    assert rules.month_parts(date(2026, 1, 20), date(2026, 3, 5)) == [
        (date(2026, 1, 20), date(2026, 1, 31)),
        (date(2026, 2, 1), date(2026, 2, 28)),
        (date(2026, 3, 1), date(2026, 3, 5)),
    ]
    assert rules.month_parts(date(2026, 12, 1), date(2026, 12, 31)) == [
        (date(2026, 12, 1), date(2026, 12, 31))
    ]


def test_the_mean_basket_rounds_half_up() -> None:
    assert rules.rounded_mean(5, 2) == 3
    assert rules.rounded_mean(7, 3) == 2
    assert rules.rounded_mean(0, 0) is None


def test_the_period_before_each_kind() -> None:
    assert month_of(date(2026, 3, 15)).previous() == Period(
        "month", date(2026, 2, 1), date(2026, 2, 28)
    )
    assert month_of(date(2026, 1, 1)).previous() == Period(
        "month", date(2025, 12, 1), date(2025, 12, 31)
    )
    assert quarter_of(date(2026, 2, 10)).previous() == Period(
        "quarter", date(2025, 10, 1), date(2025, 12, 31)
    )
    assert quarter_of(date(2026, 8, 31)) == Period("quarter", date(2026, 7, 1), date(2026, 9, 30))
    assert year_of(date(2026, 6, 1)).previous() == Period(
        "year", date(2025, 1, 1), date(2025, 12, 31)
    )
    week = custom(date(2026, 3, 1), date(2026, 3, 10))
    assert week.days == 10
    assert week.previous() == Period("custom", date(2026, 2, 19), date(2026, 2, 28))
    with pytest.raises(ValueError, match="ends on or after"):
        custom(date(2026, 3, 2), date(2026, 3, 1))


def test_a_custom_range_of_whole_months_is_compared_with_as_many_months_before() -> None:
    # A calendar year chosen as a custom range is compared with the year before, not
    # with the 365 days before (which would start on 2 January in a leap year).
    assert custom(date(2025, 1, 1), date(2025, 12, 31)).previous() == Period(
        "custom", date(2024, 1, 1), date(2024, 12, 31)
    )
    assert custom(date(2026, 3, 1), date(2026, 4, 30)).previous() == Period(
        "custom", date(2026, 1, 1), date(2026, 2, 28)
    )
    assert custom(date(2026, 1, 1), date(2026, 1, 31)).previous() == Period(
        "custom", date(2025, 12, 1), date(2025, 12, 31)
    )
    # Not whole months at either end: as many days before.
    assert custom(date(2026, 3, 1), date(2026, 4, 29)).previous() == Period(
        "custom", date(2025, 12, 31), date(2026, 2, 28)
    )


def test_the_last_full_month() -> None:
    assert last_full_month(date(2027, 1, 1)) == Period(
        "month", date(2026, 12, 1), date(2026, 12, 31)
    )
    assert last_full_month(date(2026, 3, 31)) == Period(
        "month", date(2026, 2, 1), date(2026, 2, 28)
    )
    assert last_full_month(date(2028, 3, 1)).end == date(2028, 2, 29)


def test_a_running_period_is_compared_with_the_same_stretch_of_the_one_before() -> None:
    today = date(2026, 12, 3)
    assert compared_with(month_of(today), today) == Period(
        "custom", date(2026, 11, 1), date(2026, 11, 3)
    )
    assert compared_with(quarter_of(today), today) == Period(
        "custom", date(2026, 7, 1), date(2026, 9, 3)
    )
    assert compared_with(year_of(today), today) == Period(
        "custom", date(2025, 1, 1), date(2025, 12, 3)
    )
    # The 31st of March meets the whole of February; a leap day meets 28 February.
    assert compared_with(month_of(date(2026, 3, 31)), date(2026, 3, 31)) == Period(
        "custom", date(2026, 2, 1), date(2026, 2, 28)
    )
    assert compared_with(year_of(date(2028, 2, 29)), date(2028, 2, 29)).end == date(2027, 2, 28)
    # Ended periods and custom ranges: the whole period before.
    november = month_of(date(2026, 11, 1))
    assert compared_with(november, today) == november.previous()
    week = custom(date(2026, 11, 27), date(2026, 12, 3))
    assert compared_with(week, today) == week.previous()
