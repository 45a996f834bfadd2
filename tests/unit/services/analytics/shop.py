"""A small hand-made pharmacy for the analytics tests, and the same figures computed again
here, in plain Python, straight from its raw lines (following docs/analytics.md)."""

from __future__ import annotations

import calendar
import itertools
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

from pharmadesk.services import purchases
from pharmadesk.services.context import Context

CST = timezone(timedelta(hours=8))


@dataclass(frozen=True)
class Line:
    customer: int
    day: date
    receipt: str | None
    product: str
    category: str | None
    amount_fen: int
    quantity: int = 1


def add_customers(ctx: Context, count: int, *, status: str = "active") -> list[int]:
    first = 1 + int(ctx.db.execute_sql("SELECT coalesce(max(id), 0) FROM customer").fetchone()[0])
    ids = list(range(first, first + count))
    rows = [(i, f"C{i:04d}", f"顾客{i}", f"1390000{i:04d}", status) for i in ids]
    ctx.db.cursor().executemany(
        "INSERT INTO customer (id, code, name, mobile, status, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, '2024-01-01T09:00:00+08:00', '2024-01-01T09:00:00+08:00')",
        rows,
    )
    return ids


def write_through_service(ctx: Context, lines: list[Line]) -> None:
    """One receipt per (customer, day, receipt), as the counter records them."""
    groups: dict[tuple[int, date, str | None], list[Line]] = defaultdict(list)
    for line in lines:
        groups[(line.customer, line.day, line.receipt)].append(line)
    for (customer, day, receipt), group in groups.items():
        purchases.record(
            ctx, customer,
            [purchases.LineInput(x.product, x.quantity, x.amount_fen // x.quantity,
                                 amount_fen=x.amount_fen, category=x.category) for x in group],
            purchased_at=datetime.combine(day, time(10, 0), CST), receipt=receipt,
        )  # fmt: skip


def write_raw(ctx: Context, lines: list[Line]) -> None:
    """The demo generator's way: the driver's executemany, no service in between."""
    rows = []
    for x in lines:
        product = purchases.find_or_create_product(
            purchases.LineInput(x.product, 1, 0, category=x.category)
        )
        at = datetime.combine(x.day, time(15, 30), CST).isoformat()
        rows.append((x.customer, product.id, at, x.day.isoformat(), x.quantity,
                     x.amount_fen // x.quantity, x.amount_fen, x.receipt,
                     purchases.transaction_key(x.receipt, x.day)))  # fmt: skip
    with ctx.db.atomic():
        ctx.db.cursor().executemany(
            "INSERT INTO purchase (customer_id, product_id, purchased_at, purchased_on, "
            "quantity, unit_price_fen, amount_fen, receipt, transaction_key, source) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'demo')",
            rows,
        )


# --- the reference figures, from the raw lines ------------------------------------------


def transactions(lines: list[Line]) -> dict[tuple[int, str, date], int]:
    """(customer, receipt or the day, day) -> amount."""
    found: dict[tuple[int, str, date], int] = defaultdict(int)
    for x in lines:
        found[(x.customer, x.receipt or "day", x.day)] += x.amount_fen
    return found


def within(lines: list[Line], start: date, end: date) -> list[Line]:
    return [x for x in lines if start <= x.day <= end]


def first_days(lines: list[Line]) -> dict[int, date]:
    found: dict[int, date] = {}
    for x in lines:
        found[x.customer] = min(found.get(x.customer, x.day), x.day)
    return found


def month_ranges(start: date, end: date) -> list[tuple[date, date]]:
    out, first = [], start
    while first <= end:
        last_of_month = first.replace(day=calendar.monthrange(first.year, first.month)[1])
        out.append((first, min(end, last_of_month)))
        first = last_of_month + timedelta(days=1)
    return out


def reference_kpis(lines: list[Line], start: date, end: date) -> dict[str, object]:
    inside = within(lines, start, end)
    revenue = sum(x.amount_fen for x in inside)
    count = len(transactions(inside))
    served = {x.customer for x in inside}
    new = {c for c, first in first_days(lines).items() if start <= first <= end}
    served_parts = repeaters = 0
    for a, b in month_ranges(start, end):
        days: dict[int, set[date]] = defaultdict(set)
        for x in within(lines, a, b):
            days[x.customer].add(x.day)
        served_parts += len(days)
        repeaters += sum(1 for d in days.values() if len(d) >= 2)
    return {
        "revenue_fen": revenue,
        "transactions": count,
        "customers_served": len(served),
        "new_customers": len(new),
        "returning_customers": len(served - new),
        "average_basket_fen": int(revenue / count + 0.5) if count else None,
        "repurchase_rate": repeaters / served_parts if served_parts else None,
    }


def reference_top(lines: list[Line], start: date, end: date, key: str) -> list[tuple[object, ...]]:
    """(item, revenue, quantity, transactions, customers), by revenue then item."""
    revenue: dict[str, int] = defaultdict(int)
    quantity: dict[str, int] = defaultdict(int)
    baskets: dict[str, set[tuple[int, str, date]]] = defaultdict(set)
    buyers: dict[str, set[int]] = defaultdict(set)
    for x in within(lines, start, end):
        item = x.product if key == "product" else (x.category or "")
        revenue[item] += x.amount_fen
        quantity[item] += x.quantity
        baskets[item].add((x.customer, x.receipt or "day", x.day))
        buyers[item].add(x.customer)
    ordered = sorted(revenue, key=lambda item: (-revenue[item], item))
    return [(i, revenue[i], quantity[i], len(baskets[i]), len(buyers[i])) for i in ordered]


def reference_weekdays(lines: list[Line], start: date, end: date) -> list[tuple[int, int, int]]:
    count: dict[int, int] = defaultdict(int)
    revenue: dict[int, int] = defaultdict(int)
    for (_, _, day), amount in transactions(within(lines, start, end)).items():
        count[day.weekday()] += 1
        revenue[day.weekday()] += amount
    return [(d, count[d], revenue[d]) for d in range(7)]


def reference_standing(lines: list[Line], customer: int, end: date) -> dict[str, object]:
    """Recency, F, M, median interval and transactions ever, as of `end`."""
    mine = [x for x in lines if x.customer == customer and x.day <= end]
    days = sorted({x.day for x in mine})
    gaps = sorted((b - a).days for a, b in itertools.pairwise(days))
    if not gaps:
        median = None
    elif len(gaps) % 2:
        median = float(gaps[len(gaps) // 2])
    else:
        median = (gaps[len(gaps) // 2 - 1] + gaps[len(gaps) // 2]) / 2
    try:
        year_ago = end.replace(year=end.year - 1)
    except ValueError:
        year_ago = end.replace(year=end.year - 1, day=28)
    recent = [x for x in mine if x.day > year_ago]
    return {
        "recency": (end - days[-1]).days,
        "frequency": len(transactions(recent)),
        "monetary": sum(x.amount_fen for x in recent),
        "median": median,
        "transactions": len(transactions(mine)),
    }


def reference_stage(s: dict[str, object]) -> str:
    d, median = int(s["recency"]), s["median"]  # type: ignore[call-overload]
    if d > 180 or (median is not None and d > 3 * median):  # type: ignore[operator]
        return "lost"
    if (median is not None and d > 1.5 * median) or (median is None and d > 90):  # type: ignore[operator]
        return "at_risk"
    if int(s["frequency"]) >= 4:  # type: ignore[call-overload]
        return "loyal"
    return "repeat" if int(s["transactions"]) >= 2 else "new"  # type: ignore[call-overload]


def summary_tables(ctx: Context) -> dict[str, list[tuple[object, ...]]]:
    """What schema 7's summaries hold now."""
    out = {}
    for table in ("sale", "customer_day", "day_total", "customer_activity"):
        rows = ctx.db.execute_sql(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
        out[table] = [tuple(r) for r in rows]
    return out


def fresh_summaries(ctx: Context) -> dict[str, list[tuple[object, ...]]]:
    """The same tables rebuilt from the purchase lines by a fresh aggregate."""
    from pharmadesk.db.migrations import m0007_sales_summaries as m7

    ctx.db.execute_sql("SAVEPOINT fresh")
    try:
        for table in ("customer_activity", "day_total", "customer_day", "sale"):
            ctx.db.execute_sql(f"DROP TRIGGER IF EXISTS {table}_insert")
            ctx.db.execute_sql(f"DELETE FROM {table}")
        for statement in m7.FILL[:3]:  # sale, customer_day, day_total
            ctx.db.execute_sql(statement)
        ctx.db.execute_sql(
            "INSERT INTO customer_activity (customer_id, first_day, last_day, days, "
            "transactions, amount_fen) SELECT customer_id, min(day), max(day), count(*), "
            "sum(transactions), sum(amount_fen) FROM customer_day GROUP BY customer_id"
        )
        return summary_tables(ctx)
    finally:
        ctx.db.execute_sql("ROLLBACK TO fresh")
        ctx.db.execute_sql("RELEASE fresh")
