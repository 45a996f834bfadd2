"""Per-month summaries, kept in `analytics_cache` until a line of that month changes.

- `customers:YYYY-MM`: who was served that month and how many of them on two or more
  days (the repeaters of the repurchase rate), from `customer_day`; `served:FIRST:LAST`
  the counts of a period made from them (a single month is counted in SQL). Customers
  served do not add up across months: a period's are the union of its months' sets.
- `items:YYYY-MM`: per product and per category, revenue, quantity and transactions (they
  add up: a transaction has one day), from the month's purchase lines (read from the
  covering `purchase_day`). A product's or category's distinct buyers do not add up
  either; they are counted in SQL over the whole period for the ranked ones only
  (`buyers`), faster than keeping and merging each month's sets of every product.

A period is cut at month boundaries (`definitions.month_parts`); whole months come from
the cache, the cut ends of a custom range are computed from their lines, never kept (the
items of a longer end: its month's kept totals less the rest of the month). A running
month's items and a running period's buyers are kept up to yesterday, the cut of
`cache.py`, and today's lines are added to them each time.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from pharmadesk.services.analytics import cache
from pharmadesk.services.analytics import definitions as rules
from pharmadesk.services.analytics.results import month_of
from pharmadesk.services.context import Context


@dataclass
class Item:
    """A product's (key: its id) or a category's (key: the category) totals over a period."""

    key: int | str
    revenue_fen: int = 0
    quantity: int = 0
    transactions: int = 0  # transactions with it: additive, a transaction has one day


@dataclass(frozen=True)
class Part:
    """Who was served in one month part, and how many on two or more of its days."""

    served: frozenset[int]
    repeaters: int


def _rows(ctx: Context, sql: str, params: Iterable[object]) -> list[tuple[Any, ...]]:
    return [tuple(row) for row in ctx.db.execute_sql(sql, list(params)).fetchall()]


def _whole(first: date, last: date) -> bool:
    return first.day == 1 and last == month_of(first).end


def _customers_of(ctx: Context, first: date, last: date) -> dict[str, Any]:
    found = _rows(
        ctx,
        "SELECT customer_id, count(*) FROM customer_day WHERE day BETWEEN ? AND ? "
        "GROUP BY customer_id",
        (first.isoformat(), last.isoformat()),
    )
    return {"served": [c for c, _ in found], "repeaters": sum(1 for _, n in found if n >= 2)}


def part(ctx: Context, first: date, last: date) -> Part:
    """Served and repeaters of the days `first` to `last` (within one month)."""
    if _whole(first, last):
        value = cache.stored(
            ctx, f"customers:{first:%Y-%m}", first, last, lambda: _customers_of(ctx, first, last)
        )
    else:
        value = _customers_of(ctx, first, last)
    return Part(frozenset(value["served"]), int(value["repeaters"]))


def served(ctx: Context, start: date, end: date) -> tuple[int, int, int]:
    """Customers served from `start` to `end`, and summed over its month parts the
    repeaters and the customers served (the repurchase rate's two terms). Kept per range."""
    value = cache.stored(ctx, f"served:{start}:{end}", start, end, lambda: _served(ctx, start, end))
    return int(value[0]), int(value[1]), int(value[2])


def _served(ctx: Context, start: date, end: date) -> list[int]:
    cut = rules.month_parts(start, end)
    if len(cut) == 1:  # counted in SQL: no customer set needed
        count, repeaters = ctx.db.execute_sql(
            "SELECT count(*), coalesce(sum(n >= 2), 0) FROM (SELECT count(*) AS n "
            "FROM customer_day WHERE day BETWEEN ? AND ? GROUP BY customer_id)",
            (start.isoformat(), end.isoformat()),
        ).fetchone()
        return [int(count), int(repeaters), int(count)]
    found = [part(ctx, first, last) for first, last in cut]
    everyone = frozenset[int]().union(*(p.served for p in found))
    return [len(everyone), sum(p.repeaters for p in found), sum(len(p.served) for p in found)]


# A month's totals per product or category, in SQL from one row per transaction and key
# (a transaction with two products of a category counts once for it). The lines are read
# from the covering `purchase_day` (the category from `product`, 50-odd rows); grouped
# by day first, a third faster than by key first.
_TOTALS_SQL = """
    SELECT key, sum(amount), sum(quantity), count(*) FROM (
        SELECT {key} AS key, sum(l.amount_fen) AS amount, sum(l.quantity) AS quantity
        FROM purchase l INDEXED BY purchase_day JOIN product p ON p.id = l.product_id
        WHERE l.purchased_on BETWEEN ? AND ?
        GROUP BY l.purchased_on, l.customer_id, l.transaction_key, 1)
    GROUP BY key"""
# A period's distinct buyers of some products or categories: they do not add up across
# months. Counted for the few ranked ones only (a year's lines: about 1 s for them all).
_BUYERS_SQL = """
    SELECT {key}, count(DISTINCT l.customer_id)
    FROM purchase l INDEXED BY purchase_day JOIN product p ON p.id = l.product_id
    WHERE l.purchased_on BETWEEN ? AND ? AND {key} IN ({keys}) GROUP BY 1"""
_KEYS = {"products": "l.product_id", "categories": "coalesce(p.category, '')"}
# Every key's buyers up to the cut of a running period (kept: `buyers`).
_ALL_BUYERS_SQL = """
    SELECT {key}, count(DISTINCT l.customer_id)
    FROM purchase l INDEXED BY purchase_day JOIN product p ON p.id = l.product_id
    WHERE l.purchased_on BETWEEN ? AND ? GROUP BY 1"""
# The buyers after the cut who had not bought the same key from the start to the cut
# (their lines of those days, by the customer's index).
_NEW_BUYERS_SQL = """
    SELECT {key}, count(DISTINCT l.customer_id)
    FROM purchase l INDEXED BY purchase_day JOIN product p ON p.id = l.product_id
    WHERE NOT EXISTS (
            SELECT 1 FROM purchase e INDEXED BY purchase_customer_day
            JOIN product q ON q.id = e.product_id
            WHERE e.customer_id = l.customer_id AND e.purchased_on BETWEEN ? AND ?
                AND {earlier} = {key})
        AND l.purchased_on > ? AND l.purchased_on <= ? AND {key} IN ({keys})
    GROUP BY 1"""
_EARLIER_KEYS = {"products": "e.product_id", "categories": "coalesce(q.category, '')"}


def _items_of(ctx: Context, first: date, last: date) -> dict[str, list[list[Any]]]:
    """JSON: per product and per category [key, revenue, quantity, transactions]."""
    return {kind: _totals(ctx, first, last, kind) for kind in _KEYS}


def _totals(ctx: Context, first: date, last: date, kind: str) -> list[list[Any]]:
    span = (first.isoformat(), last.isoformat())
    return [list(row) for row in _rows(ctx, _TOTALS_SQL.format(key=_KEYS[kind]), span)]


def _month_items(ctx: Context, first: date, last: date) -> dict[str, list[list[Any]]]:
    found: dict[str, list[list[Any]]] = cache.stored(
        ctx, f"items:{first:%Y-%m}", first, last, lambda: _items_of(ctx, first, last)
    )
    return found


def _signed_parts(
    ctx: Context, first: date, last: date, kind: str
) -> list[tuple[int, list[list[Any]]]]:
    """The totals of the days `first` to `last` (within one month) as signed summands.

    A whole month that has ended: its kept entry. A running month: the part up to the cut
    (yesterday), kept, plus the days after it. A part of an ended month whose entry is
    kept, when the rest of that month is shorter: the month less the rest (the totals add
    up, so they subtract). Otherwise the part's own lines.
    """
    cut = cache.cut(ctx)
    month = month_of(first)
    if _whole(first, last) and last <= cut:
        return [(1, _month_items(ctx, first, last)[kind])]
    if _whole(first, last) and first <= cut:
        before: dict[str, list[list[Any]]] = cache.stored(
            ctx, f"cut:{cut}:items:{first}", first, cut, lambda: _items_of(ctx, first, cut)
        )
        return [(1, before[kind]), (1, _totals(ctx, cut + timedelta(days=1), last, kind))]
    rest = [(a, b) for a, b in ((month.start, first - timedelta(days=1)),
                                (last + timedelta(days=1), month.end)) if a <= b]  # fmt: skip
    rest_days = sum((b - a).days + 1 for a, b in rest)
    if month.end <= cut and rest_days < (last - first).days + 1:
        whole = cache.peek(ctx, f"items:{first:%Y-%m}")
        if whole is not None:
            return [(1, whole[kind])] + [(-1, _totals(ctx, a, b, kind)) for a, b in rest]
    return [(1, _totals(ctx, first, last, kind))]


def items(ctx: Context, start: date, end: date, kind: str) -> list[Item]:
    """Every product (`kind` "products") or category ("categories") sold in the period."""
    merged: dict[int | str, Item] = {}
    for first, last in rules.month_parts(start, end):
        for sign, rows in _signed_parts(ctx, first, last, kind):
            # Entries kept by earlier versions also hold the month's buyers (a fifth): unread.
            for key, revenue, quantity, transactions, *_ in rows:
                item = merged.setdefault(key, Item(key))
                item.revenue_fen += sign * revenue
                item.quantity += sign * quantity
                item.transactions += sign * transactions
    # What a month less its rest leaves with no transaction was sold only in the rest.
    return [item for item in merged.values() if item.transactions]


def buyers(
    ctx: Context, start: date, end: date, kind: str, keys: list[int | str]
) -> dict[int | str, int]:
    """Distinct customers who bought each of `keys` (products or categories) in the period.

    For a period running past the cut (yesterday), those up to the cut are counted once
    for every key and kept; the customers of the days after it are added unless they
    bought the same key before, so that today's sales cost a look at their customers.
    """
    if not keys:
        return {}
    cut = cache.cut(ctx)
    if not start <= cut < end:
        return _buyers(ctx, start, end, kind, keys)
    before = {
        key: int(n)
        for key, n in cache.stored(
            ctx, f"cut:{cut}:buyers:{kind}:{start}", start, cut,
            lambda: [list(row) for row in _rows(ctx, _ALL_BUYERS_SQL.format(key=_KEYS[kind]),
                                                (start.isoformat(), cut.isoformat()))],
        )
    }  # fmt: skip
    sql = _NEW_BUYERS_SQL.format(
        key=_KEYS[kind], earlier=_EARLIER_KEYS[kind], keys=", ".join("?" * len(keys))
    )
    span = (start.isoformat(), cut.isoformat(), cut.isoformat(), end.isoformat())
    added = {key: int(n) for key, n in _rows(ctx, sql, (*span, *keys))}
    return {key: before.get(key, 0) + added.get(key, 0) for key in keys}


def _buyers(
    ctx: Context, start: date, end: date, kind: str, keys: list[int | str]
) -> dict[int | str, int]:
    sql = _BUYERS_SQL.format(key=_KEYS[kind], keys=", ".join("?" * len(keys)))
    return {key: int(n) for key, n in _rows(ctx, sql, (start.isoformat(), end.isoformat(), *keys))}
