"""What the owner's month-end figures are made of: periods and plain result records.

The analytics service fills these; the dashboard, the charts, the month report and the
analytics workbook read them. Money is integer fen; shares and rates are fractions (0-1);
months are the date of their first day.

Segment keys (RFM, as of the period's last day): high_value, loyal, potential, at_risk,
lost, regular (none of the others). Stage keys (each customer's own rhythm): new, repeat,
loyal, at_risk, lost. The exact rules are in `pharmadesk/services/analytics/definitions.py`.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

PERIOD_KINDS = ("month", "quarter", "year", "custom")
SEGMENTS = ("high_value", "loyal", "potential", "at_risk", "lost", "regular")
STAGES = ("new", "repeat", "loyal", "at_risk", "lost")


@dataclass(frozen=True)
class Period:
    """Whole local days from `start` to `end`, both included."""

    kind: str
    start: date
    end: date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def previous(self) -> Period:
        """The period of the same kind just before.

        A custom range of whole months (from a first to a last day of a month) is compared
        with as many whole months just before, so a calendar year chosen by hand meets the
        year before; any other custom range with as many days just before.
        """
        if self.kind == "month":
            return month_of(self.start - timedelta(days=1))
        if self.kind == "quarter":
            return quarter_of(self.start - timedelta(days=1))
        if self.kind == "year":
            return year_of(self.start - timedelta(days=1))
        end = self.start - timedelta(days=1)
        if self.start.day == 1 and self.end == month_of(self.end).end:
            months = 12 * (self.end.year - self.start.year) + self.end.month - self.start.month
            first = end.replace(day=1)
            for _ in range(months):
                first = (first - timedelta(days=1)).replace(day=1)
            return Period("custom", first, end)
        return Period("custom", end - timedelta(days=self.days - 1), end)


MONTHS_OF_KIND = {"month": 1, "quarter": 3, "year": 12}


def compared_with(period: Period, today: date) -> Period:
    """The period the dashboard compares `period` with: the one before it, or, while a
    month, quarter or year is still running, the same stretch of the one before (its
    first days up to the same day, as a custom range): three days of December against
    the whole of November would show every figure falling by nine tenths."""
    previous = period.previous()
    months = MONTHS_OF_KIND.get(period.kind)
    if months is None or period.end < today or today < period.start:
        return previous
    month = today.month - months
    year, month = today.year + (month - 1) // 12, (month - 1) % 12 + 1
    same_day = date(year, month, min(today.day, calendar.monthrange(year, month)[1]))
    return Period("custom", previous.start, min(same_day, previous.end))


def month_of(day: date) -> Period:
    last = calendar.monthrange(day.year, day.month)[1]
    return Period("month", day.replace(day=1), day.replace(day=last))


def quarter_of(day: date) -> Period:
    first_month = 3 * ((day.month - 1) // 3) + 1
    start = date(day.year, first_month, 1)
    end_month = first_month + 2
    return Period(
        "quarter", start, date(day.year, end_month, calendar.monthrange(day.year, end_month)[1])
    )


def year_of(day: date) -> Period:
    return Period("year", date(day.year, 1, 1), date(day.year, 12, 31))


def custom(start: date, end: date) -> Period:
    if end < start:
        raise ValueError("a period ends on or after its first day")
    return Period("custom", start, end)


def last_full_month(today: date) -> Period:
    """The default period: the last month that has ended."""
    return month_of(today.replace(day=1) - timedelta(days=1))


@dataclass(frozen=True)
class Kpis:
    revenue_fen: int
    transactions: int
    customers_served: int
    new_customers: int
    returning_customers: int
    average_basket_fen: int | None  # revenue / transactions, rounded; None without any
    repurchase_rate: float | None  # None when nobody was served
    average_rating: float | None  # interactions with a rating in the period
    complaints: int


@dataclass(frozen=True)
class MonthPoint:
    month: date
    revenue_fen: int
    transactions: int
    customers_served: int
    new_customers: int
    returning_customers: int
    repurchase_rate: float | None
    average_rating: float | None
    complaints: int


@dataclass(frozen=True)
class RankedItem:
    """A product (key: its id as text) or a category (key: the category) in a top list."""

    key: str
    label: str
    revenue_fen: int
    quantity: int
    transactions: int
    customers: int


@dataclass(frozen=True)
class GroupShare:
    """A segment or a stage: how many customers, and their share of the period's revenue."""

    key: str
    customers: int
    revenue_fen: int
    revenue_share: float


@dataclass(frozen=True)
class WeekdayPoint:
    weekday: int  # 0 Monday … 6 Sunday
    transactions: int
    revenue_fen: int


@dataclass(frozen=True)
class Dashboard:
    period: Period
    previous: Period
    kpis: Kpis
    previous_kpis: Kpis
    months: list[MonthPoint]  # the 24 months ending with the period's last month
    top_products: list[RankedItem]  # the period's top 10 by revenue
    top_categories: list[RankedItem]
    segments: list[GroupShare]  # in SEGMENTS order
    stages: list[GroupShare]  # in STAGES order
    weekdays: list[WeekdayPoint]  # the period's, Monday first
    records_from: date | None = None  # the day of the first purchase line on file

    @property
    def previous_partly_recorded(self) -> bool:
        """True when the sales on file begin after the previous period's first day: its
        figures are of part of it, and the changes against them are not like for like."""
        return self.records_from is not None and self.records_from > self.previous.start


@dataclass(frozen=True)
class CustomerRow:
    """One customer behind a chart (a segment, a stage, a product or category)."""

    id: int
    code: str | None
    name: str
    mobile: str | None
    last_purchase: date | None
    recency_days: int | None
    transactions_12m: int
    spend_12m_fen: int
    segment: str | None
    stage: str | None
