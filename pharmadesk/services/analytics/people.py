"""Each customer's standing as of a day: RFM scores, segment, lifecycle stage; the groups
they form, and the people behind a segment, a stage, a product or a category.

Read from `customer_activity` (one row per customer, kept by schema 7's triggers) and
`customer_day` (one row per customer and purchase day). A customer whose last purchase is
after the day asked about is recomputed from their days up to it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from pharmadesk.services.analytics import definitions as rules
from pharmadesk.services.analytics.results import (
    SEGMENTS,
    STAGES,
    CustomerRow,
    GroupShare,
    Period,
)
from pharmadesk.services.context import Context


@dataclass(frozen=True)
class Standing:
    """One customer as of a day E (definitions.py)."""

    customer_id: int
    last_day: date
    recency_days: int
    transactions: int  # ever, up to E
    transactions_12m: int
    spend_12m_fen: int
    median_interval: float | None
    segment: str
    stage: str


def _all(ctx: Context, sql: str, params: Iterable[object]) -> list[tuple[Any, ...]]:
    return [tuple(row) for row in ctx.db.execute_sql(sql, list(params)).fetchall()]


def _history(ctx: Context, end: date) -> dict[int, tuple[date, int, float | None]]:
    """Per customer with a transaction up to `end`: last day, transactions, median interval."""
    iso = end.isoformat()
    found: dict[int, tuple[date, int, float | None]] = {}
    for customer, last, transactions, gap in _all(
        ctx,
        "SELECT customer_id, last_day, transactions, median_gap FROM customer_activity "
        "WHERE first_day <= ? AND last_day <= ?",
        (iso, iso),
    ):
        found[customer] = (date.fromisoformat(last), transactions, gap)
    days: dict[int, list[date]] = defaultdict(list)
    counts: dict[int, int] = defaultdict(int)
    for customer, day, transactions in _all(
        ctx,
        # Only customers who came back after `end`, each read by its own key range.
        "SELECT customer_id, day, transactions FROM customer_day INDEXED BY "
        "sqlite_autoindex_customer_day_1 WHERE customer_id IN (SELECT customer_id "
        "FROM customer_activity WHERE first_day <= ? AND last_day > ?) AND day <= ?",
        (iso, iso, iso),
    ):
        days[customer].append(date.fromisoformat(day))
        counts[customer] += transactions
    for customer, seen in days.items():
        found[customer] = (max(seen), counts[customer], rules.median(rules.intervals(seen)))
    return found


def _last_12_months(ctx: Context, end: date) -> dict[int, tuple[int, int]]:
    first, last = rules.window_12m(end)
    return {
        customer: (int(transactions), int(amount))
        for customer, transactions, amount in _all(
            ctx,
            "SELECT customer_id, sum(transactions), sum(amount_fen) FROM customer_day "
            "WHERE day BETWEEN ? AND ? GROUP BY customer_id",
            (first.isoformat(), last.isoformat()),
        )
    }


def standings(ctx: Context, end: date) -> dict[int, Standing]:
    """Every customer with a transaction on or before `end`, as of `end`."""
    history = _history(ctx, end)
    recent = _last_12_months(ctx, end)
    ids = sorted(history)
    recency = [(end - history[c][0]).days for c in ids]
    frequency = [recent.get(c, (0, 0))[0] for c in ids]
    monetary = [recent.get(c, (0, 0))[1] for c in ids]
    r_scores = rules.scores(recency, higher_is_better=False) if ids else []
    f_scores = rules.scores(frequency, higher_is_better=True) if ids else []
    m_scores = rules.scores(monetary, higher_is_better=True) if ids else []
    out = {}
    for n, customer in enumerate(ids):
        last, transactions, gap = history[customer]
        out[customer] = Standing(
            customer_id=customer,
            last_day=last,
            recency_days=recency[n],
            transactions=transactions,
            transactions_12m=frequency[n],
            spend_12m_fen=monetary[n],
            median_interval=gap,
            segment=rules.segment(r_scores[n], f_scores[n], m_scores[n]),
            stage=rules.stage(
                recency_days=recency[n], median_interval=gap,
                transactions_12m=frequency[n], transactions=transactions,
            ),
        )  # fmt: skip
    return out


def _period_spend(ctx: Context, period: Period) -> dict[int, int]:
    return {
        customer: int(amount)
        for customer, amount in _all(
            ctx,
            "SELECT customer_id, sum(amount_fen) FROM customer_day WHERE day BETWEEN ? AND ? "
            "GROUP BY customer_id",
            (period.start.isoformat(), period.end.isoformat()),
        )
    }


def _groups(
    ctx: Context, period: Period, keys: tuple[str, ...], of: dict[int, str]
) -> list[GroupShare]:
    spend = _period_spend(ctx, period)
    total = sum(spend.values())
    customers = dict.fromkeys(keys, 0)
    revenue = dict.fromkeys(keys, 0)
    for customer, key in of.items():
        customers[key] += 1
        revenue[key] += spend.get(customer, 0)
    return [
        GroupShare(key, customers[key], revenue[key], revenue[key] / total if total else 0.0)
        for key in keys
    ]


def segments(ctx: Context, period: Period) -> list[GroupShare]:
    """RFM segments as of the period's last day, with their share of the period's revenue."""
    found = standings(ctx, period.end)
    return _groups(ctx, period, SEGMENTS, {c: s.segment for c, s in found.items()})


def stages(ctx: Context, period: Period) -> list[GroupShare]:
    """Lifecycle stages as of the period's last day, with their share of its revenue."""
    found = standings(ctx, period.end)
    return _groups(ctx, period, STAGES, {c: s.stage for c, s in found.items()})


def groups_of(ctx: Context, period: Period) -> tuple[list[GroupShare], list[GroupShare]]:
    """Segments and stages from one computation of the standings."""
    found = standings(ctx, period.end)
    return (
        _groups(ctx, period, SEGMENTS, {c: s.segment for c, s in found.items()}),
        _groups(ctx, period, STAGES, {c: s.stage for c, s in found.items()}),
    )


def _buyers(
    ctx: Context, period: Period, product_id: int | None, category: str | None
) -> dict[int, int]:
    """Customers who bought the product (or in the category) in the period, and their spend."""
    where, params = "", list[object]()
    if product_id is not None:
        where += " AND l.product_id = ?"
        params.append(product_id)
    if category is not None:
        where += " AND l.product_id IN (SELECT id FROM product WHERE coalesce(category, '') = ?)"
        params.append(category)
    return {
        customer: int(amount)
        for customer, amount in _all(
            ctx,
            "SELECT l.customer_id, sum(l.amount_fen) FROM purchase l "
            f"WHERE l.purchased_on BETWEEN ? AND ?{where} GROUP BY l.customer_id",
            (period.start.isoformat(), period.end.isoformat(), *params),
        )
    }


def customers_in(
    ctx: Context,
    period: Period,
    *,
    segment: str | None = None,
    stage: str | None = None,
    product_id: int | None = None,
    category: str | None = None,
    limit: int | None = None,
) -> list[CustomerRow]:
    """The people behind a chart, anonymised customers left out.

    A segment's or stage's customers as of the period's last day, by spend in the last 12
    months (largest first); a product's or category's buyers in the period, by what they
    spent on it (largest first). Filters combine.

    Raises:
        ValueError: an unknown segment or stage key.
    """
    if segment is not None and segment not in SEGMENTS:
        raise ValueError(f"unknown segment {segment!r}")
    if stage is not None and stage not in STAGES:
        raise ValueError(f"unknown stage {stage!r}")
    found = standings(ctx, period.end)
    chosen = [
        s for s in found.values()
        if (segment is None or s.segment == segment) and (stage is None or s.stage == stage)
    ]  # fmt: skip
    order: dict[int, int] = {s.customer_id: s.spend_12m_fen for s in chosen}
    if product_id is not None or category is not None:
        bought = _buyers(ctx, period, product_id, category)
        order = {c: spent for c, spent in bought.items() if c in order}
    ranked = sorted(order, key=lambda c: (-order[c], c))
    rows = _rows(ctx, ranked, found)
    return rows if limit is None else rows[:limit]


def _rows(ctx: Context, ids: list[int], found: dict[int, Standing]) -> list[CustomerRow]:
    people: dict[int, tuple[Any, ...]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for row in _all(
            ctx,
            "SELECT id, code, name, mobile FROM customer WHERE status != 'anonymised' "
            f"AND id IN ({', '.join('?' * len(chunk))})",
            chunk,
        ):
            people[row[0]] = row
    out = []
    for customer in ids:
        if customer not in people:
            continue
        _, code, name, mobile = people[customer]
        s = found[customer]
        out.append(
            CustomerRow(
                id=customer, code=code, name=name, mobile=mobile, last_purchase=s.last_day,
                recency_days=s.recency_days, transactions_12m=s.transactions_12m,
                spend_12m_fen=s.spend_12m_fen, segment=s.segment, stage=s.stage,
            )
        )  # fmt: skip
    return out
