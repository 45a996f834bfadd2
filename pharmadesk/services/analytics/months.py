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
the cache, the cut ends of a custom range are computed from their lines, never kept.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
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


def _items_of(ctx: Context, first: date, last: date) -> dict[str, list[list[Any]]]:
    """JSON: per product and per category [key, revenue, quantity, transactions]."""
    span = (first.isoformat(), last.isoformat())
    return {
        kind: [list(row) for row in _rows(ctx, _TOTALS_SQL.format(key=key), span)]
        for kind, key in _KEYS.items()
    }


def _month_items(ctx: Context, first: date, last: date) -> dict[str, list[list[Any]]]:
    if _whole(first, last):
        found: dict[str, list[list[Any]]] = cache.stored(
            ctx, f"items:{first:%Y-%m}", first, last, lambda: _items_of(ctx, first, last)
        )
        return found
    return _items_of(ctx, first, last)


def items(ctx: Context, start: date, end: date, kind: str) -> list[Item]:
    """Every product (`kind` "products") or category ("categories") sold in the period."""
    merged: dict[int | str, Item] = {}
    for first, last in rules.month_parts(start, end):
        # Entries kept by earlier versions also hold the month's buyers (a fifth): unread.
        for key, revenue, quantity, transactions, *_ in _month_items(ctx, first, last)[kind]:
            item = merged.setdefault(key, Item(key))
            item.revenue_fen += revenue
            item.quantity += quantity
            item.transactions += transactions
    return list(merged.values())


def buyers(
    ctx: Context, start: date, end: date, kind: str, keys: list[int | str]
) -> dict[int | str, int]:
    """Distinct customers who bought each of `keys` (products or categories) in the period."""
    if not keys:
        return {}
    sql = _BUYERS_SQL.format(key=_KEYS[kind], keys=", ".join("?" * len(keys)))
    return {key: int(n) for key, n in _rows(ctx, sql, (start.isoformat(), end.isoformat(), *keys))}
