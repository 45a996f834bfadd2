"""Each customer's standing as of a day: RFM scores, segment, lifecycle stage; the groups
they form, and the people behind a segment, a stage, a product or a category.

Computed in one SQL pass over `customer_day` (one row per customer and purchase day, kept
by triggers) up to the day asked about, median intervals included; the standings of a
day are kept in memory until a line is written, the segment and stage shares of a period
in `analytics_cache` until a line dated up to its last day changes (`cache.py`).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import astuple, dataclass
from datetime import date, timedelta
from typing import Any

from pharmadesk.services import consents
from pharmadesk.services.analytics import cache
from pharmadesk.services.analytics import definitions as rules
from pharmadesk.services.analytics.results import (
    SEGMENTS,
    STAGES,
    CustomerRow,
    GroupShare,
    Period,
)
from pharmadesk.services.context import Context
from pharmadesk.services.permissions import Operation, require


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


# Per customer with a purchase day up to E (?1): last day, transactions ever, those and
# their spend in the 12 months from ?2, their spend from ?3 (a period's: a customer who
# spent in it is one of these), and their purchase days (distinct: the key) for the
# intervals. One pass over `customer_day`: the days come as one text per customer,
# split in C, rather than one row per day; twice as fast as two passes. In no promised
# order (an ORDER BY inside group_concat doubles the time): sorted in Python.
_HISTORY_SQL = """
    SELECT customer_id, max(day), sum(transactions),
        coalesce(sum(transactions) FILTER (WHERE day >= ?2), 0),
        coalesce(sum(amount_fen) FILTER (WHERE day >= ?2), 0),
        coalesce(sum(amount_fen) FILTER (WHERE day >= ?3), 0), group_concat(day)
    FROM customer_day WHERE day <= ?1 GROUP BY customer_id"""

History = tuple[int, date, int, int, int, float | None, int]


class _DayNumbers(dict[str, int]):
    """ISO day -> day number, each parsed once (a history has a few thousand days)."""

    def __missing__(self, day: str) -> int:
        number = self[day] = date.fromisoformat(day).toordinal()
        return number


def _median_gap(days: str, numbers: _DayNumbers) -> float | None:
    """The median interval of distinct ISO days "d1,d2,..." (any order); None for one day."""
    if "," not in days:
        return None
    ordered = sorted([numbers[day] for day in days.split(",")])
    return rules.median([b - a for a, b in itertools.pairwise(ordered)])


def _history(ctx: Context, end: date, *, every_median: bool, spend_from: date) -> list[History]:
    """Per customer up to `end`: id, last day, transactions, those and spend in 12 months,
    median interval, spend from `spend_from` to `end`. Without `every_median`, the median
    only where it can decide the stage (a customer more than LOST_DAYS past their last day
    is lost whatever it is), else None."""
    first, _ = rules.window_12m(end)
    needed = (cache.BEGINNING if every_median else end - timedelta(rules.LOST_DAYS)).isoformat()
    rows = ctx.db.execute_sql(
        _HISTORY_SQL, (end.isoformat(), first.isoformat(), spend_from.isoformat())
    )
    numbers = _DayNumbers()
    found = [
        (c, date.fromisoformat(last), t, t12, m12,
         _median_gap(days, numbers) if last >= needed else None, spent)
        for c, last, t, t12, m12, spent, days in rows
    ]  # fmt: skip
    found.sort()  # by customer: the standings' order, whatever the plan's
    return found


def _classified(history: list[History], end: date) -> tuple[list[int], list[str], list[str]]:
    """Recency in days, segment and stage of each row of `history`, in its order."""
    recency = [(end - last).days for _, last, *_ in history]
    if not history:
        return recency, [], []
    r_scores = rules.scores(recency, higher_is_better=False)
    f_scores = rules.scores([row[3] for row in history], higher_is_better=True)
    m_scores = rules.scores([row[4] for row in history], higher_is_better=True)
    segments = list(map(rules.segment, r_scores, f_scores, m_scores))
    stages = [
        rules.stage(recency_days=d, median_interval=gap, transactions_12m=t12, transactions=t)
        for d, (_, _, t, t12, _, gap, _) in zip(recency, history, strict=True)
    ]
    return recency, segments, stages


def standings(ctx: Context, end: date) -> dict[int, Standing]:
    """Every customer with a transaction on or before `end`, as of `end`.

    Kept in memory until a line is written: the lists of a segment, a stage, a product of
    one period are opened one after another.
    """
    return cache.remember(ctx, "standings", end, lambda: _standings(ctx, end))


def _standings(ctx: Context, end: date) -> dict[int, Standing]:
    history = _history(ctx, end, every_median=True, spend_from=end)
    recency, segments, stages = _classified(history, end)
    out = {}
    for n, (customer, last, transactions, t12, m12, gap, _) in enumerate(history):
        out[customer] = Standing(
            customer_id=customer,
            last_day=last,
            recency_days=recency[n],
            transactions=transactions,
            transactions_12m=t12,
            spend_12m_fen=m12,
            median_interval=gap,
            segment=segments[n],
            stage=stages[n],
        )
    return out


def _groups(keys: tuple[str, ...], of: list[str], spend: list[int]) -> list[GroupShare]:
    total = sum(spend)
    counts = dict.fromkeys(keys, 0)
    revenue = dict.fromkeys(keys, 0)
    for key, spent in zip(of, spend, strict=True):
        counts[key] += 1
        revenue[key] += spent
    return [
        GroupShare(key, counts[key], revenue[key], revenue[key] / total if total else 0.0)
        for key in keys
    ]


def segments(ctx: Context, period: Period) -> list[GroupShare]:
    """RFM segments as of the period's last day, with their share of the period's revenue."""
    return groups_of(ctx, period)[0]


def stages(ctx: Context, period: Period) -> list[GroupShare]:
    """Lifecycle stages as of the period's last day, with their share of its revenue."""
    return groups_of(ctx, period)[1]


def groups_of(ctx: Context, period: Period) -> tuple[list[GroupShare], list[GroupShare]]:
    """Segments and stages from one computation of the standings, kept per period.

    They depend on every line up to the period's last day (the standings as of it).
    """
    key = f"groups:{period.start.isoformat()}:{period.end.isoformat()}"
    found = cache.stored(ctx, key, cache.BEGINNING, period.end, lambda: _groups_json(ctx, period))
    return (
        [GroupShare(*row) for row in found["segments"]],
        [GroupShare(*row) for row in found["stages"]],
    )


def _groups_json(ctx: Context, period: Period) -> dict[str, list[list[Any]]]:
    # Not through the memory of `standings`: dashboards (and their prefetched neighbours)
    # would fill it with 200,000-customer tables that only the lists of people reuse. Nor
    # through `Standing`s: only each customer's segment and stage are needed here.
    history = _history(ctx, period.end, every_median=False, spend_from=period.start)
    _, segments, stages = _classified(history, period.end)
    spend = [row[6] for row in history]
    return {
        "segments": [list(astuple(g)) for g in _groups(SEGMENTS, segments, spend)],
        "stages": [list(astuple(g)) for g in _groups(STAGES, stages, spend)],
    }


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
        PermissionRefused: the role may not see the charts (staff).
    """
    require(ctx, Operation.ANALYTICS)
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


@dataclass(frozen=True)
class ContactList:
    """The people behind a chart whom the pharmacy may contact, and how many were left out
    for want of contact (marketing) consent."""

    rows: list[CustomerRow]
    left_out: int


def contact_list(
    ctx: Context,
    period: Period,
    *,
    segment: str | None = None,
    stage: str | None = None,
    product_id: int | None = None,
    category: str | None = None,
) -> ContactList:
    """`customers_in` as a list to call: only customers who gave contact consent.

    Raises:
        ValueError: an unknown segment or stage key.
        PermissionRefused: the role may not see the charts (staff).
    """
    everyone = customers_in(
        ctx, period, segment=segment, stage=stage, product_id=product_id, category=category
    )
    allowed = consents.may_contact(ctx, [row.id for row in everyone])
    rows = [row for row in everyone if row.id in allowed]
    return ContactList(rows, len(everyone) - len(rows))


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
