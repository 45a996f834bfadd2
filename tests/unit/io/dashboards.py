"""Hand-made Dashboard records for the chart and report tests: a busy month of a pharmacy
with long Chinese product names, and a new pharmacy with nothing in it yet.

They test drawing, independent of the analytics service that fills real ones.
"""

from __future__ import annotations

from datetime import date

from pharmadesk.services.analytics.results import (
    SEGMENTS,
    STAGES,
    Dashboard,
    GroupShare,
    Kpis,
    MonthPoint,
    Period,
    RankedItem,
    WeekdayPoint,
    month_of,
)

PRODUCTS = (
    "二甲双胍片",
    "阿莫西林胶囊（0.25g×24粒）",
    "布洛芬缓释胶囊",
    "复方甘草片",
    "连花清瘟胶囊",
    "苯磺酸氨氯地平片（络活喜）5mg×7片",
    "维生素C泡腾片",
    "医用外科口罩（独立包装）50只装",
    "蒲地蓝消炎口服液",
    "喆堃赟牌枸杞子",  # rare name characters, as in customers' names
)
CATEGORIES = ("慢病用药", "感冒发烧", "抗生素", "维生素与保健品", "医疗器械", "中药饮片")


def months_before(last: date, count: int) -> list[date]:
    """The `count` first days of month ending with `last`'s month, oldest first."""
    out = []
    year, month = last.year, last.month
    for _ in range(count):
        out.append(date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return out[::-1]


def kpis(scale: float = 1.0) -> Kpis:
    return Kpis(
        revenue_fen=round(18_654_320 * scale),
        transactions=round(1_234 * scale),
        customers_served=round(812 * scale),
        new_customers=round(97 * scale),
        returning_customers=round(715 * scale),
        average_basket_fen=round(15_117 * scale),
        repurchase_rate=0.31 * min(scale, 1),
        average_rating=4.3,
        complaints=3,
    )


def _month(month: date, index: int) -> MonthPoint:
    winter = month.month in (12, 1, 2)  # cold medicine sells in winter
    base = 1.0 + 0.25 * winter + 0.02 * index
    return MonthPoint(
        month=month,
        revenue_fen=round(15_000_000 * base),
        transactions=round(1_000 * base),
        customers_served=round(700 * base),
        new_customers=80 + index,
        returning_customers=round(620 * base),
        repurchase_rate=0.3,
        average_rating=None if index == 5 else 3.8 + 0.05 * (index % 10),
        complaints=index % 4,
    )


def busy(period: Period | None = None) -> Dashboard:
    """October 2026 of a busy pharmacy (compared with September)."""
    period = period or month_of(date(2026, 10, 1))
    months = months_before(period.end, 24)
    return Dashboard(
        period=period,
        previous=period.previous(),
        kpis=kpis(),
        previous_kpis=kpis(0.9),
        months=[_month(month, index) for index, month in enumerate(months)],
        top_products=[
            RankedItem(str(101 + i), name, 2_500_000 - 190_000 * i, 300 - 20 * i, 200 - i, 150 - i)
            for i, name in enumerate(PRODUCTS)
        ],
        top_categories=[
            RankedItem(name, name, 6_000_000 - 900_000 * i, 900 - 100 * i, 500 - 50 * i, 400)
            for i, name in enumerate(CATEGORIES)
        ],
        segments=[
            GroupShare(key, 120 + 40 * i, 3_000_000 - 400_000 * i, 0.32 - 0.05 * i)
            for i, key in enumerate(SEGMENTS)
        ],
        stages=[
            GroupShare(key, 90 + 55 * i, 2_000_000 + 300_000 * i, 0.1 + 0.05 * i)
            for i, key in enumerate(STAGES)
        ],
        weekdays=[
            WeekdayPoint(day, 150 + 12 * day + (40 if day == 5 else 0), 0) for day in range(7)
        ],
    )


def empty(period: Period | None = None) -> Dashboard:
    """A pharmacy opened this month: no purchases, no customers, no interactions."""
    period = period or month_of(date(2026, 10, 1))
    nothing = Kpis(0, 0, 0, 0, 0, None, None, None, 0)
    return Dashboard(
        period=period,
        previous=period.previous(),
        kpis=nothing,
        previous_kpis=nothing,
        months=[
            MonthPoint(month, 0, 0, 0, 0, 0, None, None, 0)
            for month in months_before(period.end, 24)
        ],
        top_products=[],
        top_categories=[],
        segments=[GroupShare(key, 0, 0, 0.0) for key in SEGMENTS],
        stages=[GroupShare(key, 0, 0, 0.0) for key in STAGES],
        weekdays=[WeekdayPoint(day, 0, 0) for day in range(7)],
    )
