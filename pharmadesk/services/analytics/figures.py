"""The pharmacy's own figures for a period: KPIs, the monthly series, top lists, weekdays.

Sales and weekdays are read from `day_total`, new customers from `customer_activity` (both
kept by triggers); customers served, repurchase and the top lists from the month
summaries of `months.py`, cached until a line of their month changes.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from pharmadesk.services.analytics import cache
from pharmadesk.services.analytics import definitions as rules
from pharmadesk.services.analytics import months as summaries
from pharmadesk.services.analytics.results import (
    Kpis,
    MonthPoint,
    Period,
    RankedItem,
    WeekdayPoint,
    month_of,
)
from pharmadesk.services.context import Context

# Interactions that a later entry corrects are replaced by their correction.
_CURRENT = "id NOT IN (SELECT corrects_id FROM interaction WHERE corrects_id IS NOT NULL)"


def _one(ctx: Context, sql: str, params: Iterable[object]) -> tuple[Any, ...]:
    return tuple(ctx.db.execute_sql(sql, list(params)).fetchone())


def _all(ctx: Context, sql: str, params: Iterable[object]) -> list[tuple[Any, ...]]:
    return [tuple(row) for row in ctx.db.execute_sql(sql, list(params)).fetchall()]


def _iso(day: date) -> str:
    return day.isoformat()


def _after(day: date) -> str:
    return (day + timedelta(days=1)).isoformat()


def _sales(ctx: Context, start: date, end: date) -> tuple[int, int]:
    revenue, transactions = _one(
        ctx,
        "SELECT coalesce(sum(amount_fen), 0), coalesce(sum(transactions), 0) FROM day_total "
        "WHERE day BETWEEN ? AND ?",
        (_iso(start), _iso(end)),
    )
    return int(revenue), int(transactions)


def _new_customers(ctx: Context, start: date, end: date) -> int:
    (count,) = _one(
        ctx,
        "SELECT count(*) FROM customer_activity WHERE first_day BETWEEN ? AND ?",
        (_iso(start), _iso(end)),
    )
    return int(count)


def _satisfaction(ctx: Context, start: date, end: date) -> tuple[float | None, int]:
    average, complaints = _one(
        ctx,
        "SELECT avg(rating), coalesce(sum(kind = 'complaint'), 0) FROM interaction "
        f"WHERE occurred_at >= ? AND occurred_at < ? AND {_CURRENT}",
        (_iso(start), _after(end)),
    )
    return (float(average) if average is not None else None), int(complaints)


def kpis(ctx: Context, period: Period) -> Kpis:
    """The period's KPI cards (definitions.py)."""
    revenue, transactions = _sales(ctx, period.start, period.end)
    served, repeaters, served_in_parts = summaries.served(ctx, period.start, period.end)
    new = _new_customers(ctx, period.start, period.end)
    rating, complaints = _satisfaction(ctx, period.start, period.end)
    return Kpis(
        revenue_fen=revenue,
        transactions=transactions,
        customers_served=served,
        new_customers=new,
        returning_customers=served - new,
        average_basket_fen=rules.rounded_mean(revenue, transactions),
        repurchase_rate=rules.rate(repeaters, served_in_parts) if served else None,
        average_rating=rating,
        complaints=complaints,
    )


def first_sale_day(ctx: Context) -> date | None:
    """The day of the first purchase line on file (None when there is none)."""
    (day,) = _one(ctx, "SELECT min(purchased_on) FROM purchase", ())
    return None if day is None else date.fromisoformat(day)


def months_ending(last_month: date, count: int) -> list[date]:
    """The first days of `count` months, oldest first, ending with `last_month`'s month."""
    months = [last_month.replace(day=1)]
    while len(months) < count:
        months.append((months[-1] - timedelta(days=1)).replace(day=1))
    return months[::-1]


def monthly(ctx: Context, *, last_month: date, count: int = 24) -> list[MonthPoint]:
    """One point per month for the `count` months ending with `last_month`'s month."""
    months = months_ending(last_month, count)
    start, end = months[0], month_of(months[-1]).end
    span = (_iso(start), _iso(end))
    sales = {
        str(m): (int(r), int(t))
        for m, r, t in _all(
            ctx,
            "SELECT substr(day, 1, 7), sum(amount_fen), sum(transactions) FROM day_total "
            "WHERE day BETWEEN ? AND ? GROUP BY 1",
            span,
        )
    }
    keys = [f"{m:%Y-%m}" for m in months]
    served = {
        key: summaries.served(ctx, month, month_of(month).end)[:2]
        for month, key in zip(months, keys, strict=True)
    }
    new = {
        str(m): int(n)
        for m, n in _all(
            ctx,
            "SELECT substr(first_day, 1, 7), count(*) FROM customer_activity "
            "WHERE first_day BETWEEN ? AND ? GROUP BY 1",
            span,
        )
    }
    mood = {
        str(m): (a, int(c))
        for m, a, c in _all(
            ctx,
            "SELECT substr(occurred_at, 1, 7), avg(rating), sum(kind = 'complaint') "
            f"FROM interaction WHERE occurred_at >= ? AND occurred_at < ? AND {_CURRENT} "
            "GROUP BY 1",
            (_iso(start), _after(end)),
        )
    }
    points = []
    for month, key in zip(months, keys, strict=True):
        revenue, transactions = sales.get(key, (0, 0))
        month_served, repeaters = served.get(key, (0, 0))
        month_new = new.get(key, 0)
        rating, complaints = mood.get(key, (None, 0))
        points.append(
            MonthPoint(
                month=month,
                revenue_fen=revenue,
                transactions=transactions,
                customers_served=month_served,
                new_customers=month_new,
                returning_customers=month_served - month_new,
                repurchase_rate=rules.rate(repeaters, month_served),
                average_rating=float(rating) if rating is not None else None,
                complaints=complaints,
            )
        )
    return points


def _ranked(ctx: Context, period: Period, kind: str, limit: int) -> list[list[Any]]:
    """The period's top items by revenue, then key: [key, revenue, quantity, transactions,
    customers], kept per period (product names are looked up afresh: they can change)."""

    def compute() -> list[list[Any]]:
        found = summaries.items(ctx, period.start, period.end, kind)
        ranked = sorted(found, key=lambda item: (-item.revenue_fen, item.key))[:limit]
        keys = [i.key for i in ranked]
        customers = summaries.buyers(ctx, period.start, period.end, kind, keys)
        return [
            [i.key, i.revenue_fen, i.quantity, i.transactions, customers[i.key]] for i in ranked
        ]

    key = f"top:{kind}:{limit}:{period.start}:{period.end}"
    found: list[list[Any]] = cache.stored(ctx, key, period.start, period.end, compute)
    return found


def top_products(ctx: Context, period: Period, limit: int = 10) -> list[RankedItem]:
    """The period's best-selling products by revenue (key: the product id as text)."""
    ranked = _ranked(ctx, period, "products", limit)
    names = {
        int(i): (str(n), str(s))
        for i, n, s in _all(
            ctx,
            f"SELECT id, name, specification FROM product WHERE id IN "
            f"({', '.join('?' * len(ranked))})",
            [row[0] for row in ranked],
        )
    }
    items = []
    for product_id, revenue, quantity, transactions, customers in ranked:
        name, spec = names[int(product_id)]
        items.append(
            RankedItem(
                str(product_id), f"{name} {spec}".strip(), int(revenue),
                int(quantity), int(transactions), int(customers),
            )
        )  # fmt: skip
    return items


def top_categories(ctx: Context, period: Period, limit: int = 10) -> list[RankedItem]:
    """The period's categories by revenue (products without one: the key and label '')."""
    rows = _ranked(ctx, period, "categories", limit)
    return [RankedItem(str(c), str(c), int(r), int(q), int(t), int(n)) for c, r, q, t, n in rows]


def weekdays(ctx: Context, period: Period) -> list[WeekdayPoint]:
    """Transactions and revenue per weekday of the period, Monday first."""
    found = {
        (int(w) + 6) % 7: (int(t), int(r))
        for w, t, r in _all(
            ctx,
            "SELECT strftime('%w', day), sum(transactions), sum(amount_fen) FROM day_total "
            "WHERE day BETWEEN ? AND ? GROUP BY 1",
            (_iso(period.start), _iso(period.end)),
        )
    }
    return [WeekdayPoint(day, *found.get(day, (0, 0))) for day in range(7)]
