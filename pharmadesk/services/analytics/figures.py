"""The pharmacy's own figures for a period: KPIs, the monthly series, top lists, weekdays.

Everything is read from the summaries that schema 7's triggers keep (`day_total`,
`period_total`, `customer_activity`, `customer_day`), never from a scan of every purchase
line; only the top lists read the period's lines, through the `purchase_day` index.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from pharmadesk.services.analytics import definitions as rules
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


def period_key(period: Period) -> str | None:
    """The summary key of a calendar month, quarter or year; None for any other range."""
    start, end = period.start, period.end
    if start == month_of(start).start and end == month_of(start).end:
        return f"{start:%Y-%m}"
    if start.day == 1 and start.month % 3 == 1 and end == month_of(start + timedelta(62)).end:
        return f"{start.year}-Q{(start.month + 2) // 3}"
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return f"{start.year}"
    return None


def _sales(ctx: Context, start: date, end: date) -> tuple[int, int]:
    revenue, transactions = _one(
        ctx,
        "SELECT coalesce(sum(amount_fen), 0), coalesce(sum(transactions), 0) FROM day_total "
        "WHERE day BETWEEN ? AND ?",
        (_iso(start), _iso(end)),
    )
    return int(revenue), int(transactions)


def _served_and_repeaters(ctx: Context, key: str | None, start: date, end: date) -> tuple[int, int]:
    if key is not None:
        row = ctx.db.execute_sql(
            "SELECT served, repeaters FROM period_total WHERE period = ?", (key,)
        ).fetchone()
        return (int(row[0]), int(row[1])) if row else (0, 0)
    served, repeaters = _one(
        ctx,
        "SELECT count(*), coalesce(sum(n >= 2), 0) FROM (SELECT customer_id, count(*) AS n "
        "FROM customer_day WHERE day BETWEEN ? AND ? GROUP BY customer_id)",
        (_iso(start), _iso(end)),
    )
    return int(served), int(repeaters)


def _served(ctx: Context, period: Period) -> int:
    return _served_and_repeaters(ctx, period_key(period), period.start, period.end)[0]


def _repurchase(ctx: Context, period: Period) -> float | None:
    served = repeaters = 0
    for first, last in rules.month_parts(period.start, period.end):
        whole = first.day == 1 and last == month_of(first).end
        key = f"{first:%Y-%m}" if whole else None
        part_served, part_repeaters = _served_and_repeaters(ctx, key, first, last)
        served += part_served
        repeaters += part_repeaters
    return rules.rate(repeaters, served)


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
    served = _served(ctx, period)
    new = _new_customers(ctx, period.start, period.end)
    rating, complaints = _satisfaction(ctx, period.start, period.end)
    return Kpis(
        revenue_fen=revenue,
        transactions=transactions,
        customers_served=served,
        new_customers=new,
        returning_customers=served - new,
        average_basket_fen=rules.rounded_mean(revenue, transactions),
        repurchase_rate=_repurchase(ctx, period) if served else None,
        average_rating=rating,
        complaints=complaints,
    )


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
        str(p): (int(s), int(r))
        for p, s, r in _all(
            ctx,
            f"SELECT period, served, repeaters FROM period_total "
            f"WHERE period IN ({', '.join('?' * len(keys))})",
            keys,
        )
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


_RANKED_SQL = """
    SELECT item, sum(amount), sum(quantity), count(*), count(DISTINCT customer_id)
    FROM (
        SELECT {key} AS item, l.customer_id, sum(l.amount_fen) AS amount,
            sum(l.quantity) AS quantity
        FROM purchase l JOIN product p ON p.id = l.product_id
        WHERE l.purchased_on BETWEEN ? AND ?
        GROUP BY 1, l.customer_id, l.transaction_key, l.purchased_on)
    GROUP BY item ORDER BY 2 DESC, 1 LIMIT ?"""


def _ranked(ctx: Context, period: Period, key: str, limit: int) -> list[tuple[Any, ...]]:
    """Per item: revenue, quantity, transactions with it, customers who bought it."""
    sql = _RANKED_SQL.format(key=key)
    return _all(ctx, sql, (_iso(period.start), _iso(period.end), limit))


def top_products(ctx: Context, period: Period, limit: int = 10) -> list[RankedItem]:
    """The period's best-selling products by revenue (key: the product id as text)."""
    rows = _ranked(ctx, period, "l.product_id", limit)
    names = {
        int(i): (str(n), str(s))
        for i, n, s in _all(
            ctx,
            f"SELECT id, name, specification FROM product WHERE id IN "
            f"({', '.join('?' * len(rows))})",
            [row[0] for row in rows],
        )
    }
    items = []
    for product_id, revenue, quantity, transactions, customers in rows:
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
    rows = _ranked(ctx, period, "coalesce(p.category, '')", limit)
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
