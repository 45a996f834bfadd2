"""Each customer's standing as of a day: RFM scores, segment, lifecycle stage; the groups
they form, and the people behind a segment, a stage, a product or a category.

Computed in one SQL pass over `customer_day` (one row per customer and purchase day, kept
by triggers) up to the day asked about, median intervals included; the standings of a
day are kept in memory until a line is written, the segment and stage shares of a period
in `analytics_cache` until a line dated up to its last day changes (`cache.py`). For a
period still running, that pass stops at yesterday and is kept in memory; today's sales
add only a read of their customers (`_history`).
"""

from __future__ import annotations

import bisect
import math
import operator
from array import array
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
from pharmadesk.services.visible import VISIBLE


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


# Per customer with a purchase day up to ?1: last day, transactions ever, those and their
# spend in the 12 months from ?2 (the 12 months ending on E), their spend from ?3 (a
# period's: a customer who spent in it is one of these), and their purchase days
# (distinct: the key) for the intervals. One pass over `customer_day`: the days come as
# one text per customer, split in C, rather than one row per day; twice as fast as two
# passes. In no promised order (an ORDER BY inside group_concat doubles the time): the
# days are sorted in Python. With {only}, just the customers with a day after the cut ?4
# (read by primary key).
_HISTORY_SQL = """
    SELECT customer_id, max(day), sum(transactions),
        coalesce(sum(transactions) FILTER (WHERE day >= ?2), 0),
        coalesce(sum(amount_fen) FILTER (WHERE day >= ?2), 0),
        coalesce(sum(amount_fen) FILTER (WHERE day >= ?3), 0), group_concat(day)
    FROM customer_day WHERE day <= ?1 {only} GROUP BY customer_id"""
_AFTER_CUT = (
    "AND customer_id IN (SELECT customer_id FROM customer_day WHERE day > ?4 AND day <= ?1)"
)


@dataclass
class _History:
    """Per customer with a purchase day up to a day E, one list per column, a customer at
    the same index in each (in no particular order)."""

    customers: list[int]
    last: list[int]  # the last purchase day, as a day number (`date.toordinal`)
    transactions: list[int]  # ever, up to E
    transactions_12m: list[int]
    spend_12m: list[int]
    median: list[float | None]  # the median interval (see `_read`)
    spent: list[int]  # from the `spend_from` day to E

    def add(self, row: tuple[int, int, int, int, int, float | None, int]) -> None:
        for column, value in zip(self._columns(), row, strict=True):
            column.append(value)

    def put(self, n: int, row: tuple[int, int, int, int, int, float | None, int]) -> None:
        for column, value in zip(self._columns(), row, strict=True):
            column[n] = value

    def _columns(self) -> tuple[list[Any], ...]:
        return (self.customers, self.last, self.transactions, self.transactions_12m,
                self.spend_12m, self.median, self.spent)  # fmt: skip


@dataclass(frozen=True)
class _Packed:
    """A `_History` sorted by customer, in arrays (a tenth of the memory of lists), the
    median NaN where it is None."""

    customers: array[int]
    last: array[int]
    transactions: array[int]
    transactions_12m: array[int]
    spend_12m: array[int]
    median: array[float]
    spent: array[int]

    @classmethod
    def of(cls, history: _History) -> _Packed:
        order = sorted(range(len(history.customers)), key=history.customers.__getitem__)

        def ints(column: list[int]) -> array[int]:
            return array("q", [column[n] for n in order])

        gaps = history.median
        return cls(
            ints(history.customers), ints(history.last), ints(history.transactions),
            ints(history.transactions_12m), ints(history.spend_12m),
            array("d", [math.nan if (gap := gaps[n]) is None else gap for n in order]),
            ints(history.spent),
        )  # fmt: skip

    def unpacked(self) -> _History:
        return _History(
            list(self.customers), list(self.last), list(self.transactions),
            list(self.transactions_12m), list(self.spend_12m),
            [None if math.isnan(gap) else gap for gap in self.median], list(self.spent),
        )  # fmt: skip


class _DayNumbers(dict[str, int]):
    """ISO day -> day number, each parsed once (a history has a few thousand days)."""

    def __missing__(self, day: str) -> int:
        number = self[day] = date.fromisoformat(day).toordinal()
        return number


def _median_gap(days: str, numbers: _DayNumbers) -> float | None:
    """The median interval of distinct ISO days "d1,d2,..." (any order); None for one day.

    `definitions.median` of `definitions.intervals`, inlined: it runs for every customer.
    """
    if "," not in days:
        return None
    ordered = list(map(numbers.__getitem__, sorted(days.split(","))))  # ISO days sort
    gaps = sorted(map(operator.sub, ordered[1:], ordered[:-1]))
    middle = len(gaps) // 2
    return float(gaps[middle]) if len(gaps) % 2 else (gaps[middle - 1] + gaps[middle]) / 2


def _read(
    ctx: Context, end: date, up_to: date, *, every_median: bool, spend_from: date,
    after: date | None = None,
) -> _History:  # fmt: skip
    """Per customer, from their purchase days up to `up_to` (E, or the cut before it), the
    columns of `_History` as of E = `end`; with `after`, only the customers with a day
    after it (and up to `up_to`). Without `every_median`, the median only where it can
    decide the stage (a customer more than LOST_DAYS past their last day is lost whatever
    it is), else None."""
    first, _ = rules.window_12m(end)
    needed = (cache.BEGINNING if every_median else end - timedelta(rules.LOST_DAYS)).isoformat()
    params = [up_to.isoformat(), first.isoformat(), spend_from.isoformat()]
    if after is not None:
        params.append(after.isoformat())
    sql = _HISTORY_SQL.format(only=_AFTER_CUT if after is not None else "")
    rows = ctx.db.execute_sql(sql, params).fetchall()
    if not rows:
        return _History([], [], [], [], [], [], [])
    customers, lasts, transactions, t12, m12, spent, days = map(list, zip(*rows, strict=True))
    numbers = _DayNumbers()
    medians = [
        _median_gap(of, numbers) if last >= needed else None
        for last, of in zip(lasts, days, strict=True)
    ]
    last = list(map(numbers.__getitem__, lasts))
    return _History(customers, last, transactions, t12, m12, medians, spent)


def _history(ctx: Context, end: date, *, every_median: bool, spend_from: date) -> _History:
    """Per customer up to `end`: `_History`'s columns (`_read`).

    When `end` is today or later (a running period), made of every customer's days up to
    the cut (yesterday: kept in memory while no line up to it is written, `cache.kept`),
    and the customers with a day after it read again in full: a sale of today costs a
    read of its customer, not of everyone."""
    cut = cache.cut(ctx)
    if end <= cut:
        return _read(ctx, end, end, every_median=every_median, spend_from=spend_from)
    packed = cache.kept(
        ctx, "history", (end, every_median, spend_from), cut,
        lambda: _Packed.of(
            _read(ctx, end, cut, every_median=every_median, spend_from=spend_from)
        ),
    )  # fmt: skip
    fresh = _read(ctx, end, end, every_median=every_median, spend_from=spend_from, after=cut)
    history = packed.unpacked()
    for row in zip(*fresh._columns(), strict=True):
        n = bisect.bisect_left(packed.customers, row[0])
        if n < len(packed.customers) and packed.customers[n] == row[0]:
            history.put(n, row)
        else:
            history.add(row)
    return history


def prepare_running(ctx: Context, period: Period) -> None:
    """Have a running period's history up to the cut in memory (`_history`), so that its
    first segments and stages after a sale of today read only today's customers, even
    when the shares themselves are still kept from before (a new start of the program)."""
    if period.end > cache.cut(ctx):
        _history(ctx, period.end, every_median=False, spend_from=period.start)


def _stage(
    recency_days: int, median: float | None, transactions_12m: int, transactions: int
) -> str:
    return rules.stage(
        recency_days=recency_days, median_interval=median,
        transactions_12m=transactions_12m, transactions=transactions,
    )  # fmt: skip


def _classified(history: _History, end: date) -> tuple[list[int], list[str], list[str]]:
    """Recency in days, segment and stage of each customer of `history`, in its order."""
    day = end.toordinal()
    recency = [day - last for last in history.last]
    if not recency:
        return recency, [], []
    r_scores = rules.scores(recency, higher_is_better=False)
    f_scores = rules.scores(history.transactions_12m, higher_is_better=True)
    m_scores = rules.scores(history.spend_12m, higher_is_better=True)
    segments = list(map(rules.segment, r_scores, f_scores, m_scores))
    stages = list(
        map(_stage, recency, history.median, history.transactions_12m, history.transactions)
    )
    return recency, segments, stages


def standings(ctx: Context, end: date) -> dict[int, Standing]:
    """Every customer with a transaction on or before `end`, as of `end`.

    Kept in memory until a line is written: the lists of a segment, a stage, a product of
    one period are opened one after another.
    """
    return cache.remember(ctx, "standings", end, lambda: _standings(ctx, end))


def _standings(ctx: Context, end: date) -> dict[int, Standing]:
    h = _history(ctx, end, every_median=True, spend_from=end)
    recency, segments, stages = _classified(h, end)
    out = {}
    for n, customer in sorted(enumerate(h.customers), key=lambda pair: pair[1]):
        out[customer] = Standing(
            customer_id=customer,
            last_day=date.fromordinal(h.last[n]),
            recency_days=recency[n],
            transactions=h.transactions[n],
            transactions_12m=h.transactions_12m[n],
            spend_12m_fen=h.spend_12m[n],
            median_interval=h.median[n],
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


def groups_key(period: Period) -> str:
    """The `analytics_cache` key of a period's segment and stage shares."""
    return f"groups:{period.start.isoformat()}:{period.end.isoformat()}"


def groups_of(ctx: Context, period: Period) -> tuple[list[GroupShare], list[GroupShare]]:
    """Segments and stages from one computation of the standings, kept per period.

    They depend on every line up to the period's last day (the standings as of it).
    """
    found: dict[str, list[list[Any]]] = cache.stored(
        ctx, groups_key(period), cache.BEGINNING, period.end, lambda: _groups_json(ctx, period)
    )
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
    spend = history.spent
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
            f"SELECT id, code, name, mobile FROM customer WHERE {VISIBLE} "
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
