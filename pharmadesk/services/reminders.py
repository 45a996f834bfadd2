"""Refill and repurchase reminders: each customer's own rhythm per item, with its reason.

For each customer and each product bought on at least three different days, the personal
cycle is the median number of days between those distinct days, and the item is due on the
last purchase day plus the cycle. Where no single product qualifies but the customer's
purchases in a category do (the brand changes, the need does not), the category is the
item. Listed: every customer-item due on or before today + N days (default 7):

- `due`: not yet past its due day;
- `overdue`: past it;
- `lapsing`: more than 1.5 times the cycle since the last purchase.

An item whose customer has stopped (more than 3 cycles or 180 days since its last
purchase: "lost" by the lifecycle rule of the charts) is no longer a refill to remind of;
the win-back list is where such customers are called. Only customers who gave contact
consent are listed (`consents.may_contact`), anonymised
ones never. Each reminder says why in words, e.g. "二甲双胍片 about every 31 days; last
bought 2026-10-02; 51 days ago".
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from pharmadesk.services import consents
from pharmadesk.services.analytics.definitions import LOST_DAYS, LOST_FACTOR, median
from pharmadesk.services.context import Context
from pharmadesk.services.permissions import Operation, require

DEFAULT_DAYS = 7
MIN_DAYS = 3  # distinct purchase days of an item before it has a rhythm
LAPSING_FACTOR = 1.5
STATUSES = ("due", "overdue", "lapsing")


@dataclass(frozen=True)
class Reminder:
    customer_id: int
    customer_code: str | None
    customer_name: str
    mobile: str | None
    item: str  # the product's name, or the category's
    item_kind: str  # product or category
    cycle_days: float
    last_purchase: date
    due_date: date
    status: str
    days_since: int

    def reason(self, language: str = "en") -> str:
        cycle = _days(self.cycle_days)
        last = self.last_purchase.isoformat()
        if language.startswith("zh"):
            return f"{self.item} 约每 {cycle} 天买一次；上次购买 {last}；已过 {self.days_since} 天"
        return (
            f"{self.item} about every {cycle} days; last bought {last}; {self.days_since} days ago"
        )

    def to_json(self, language: str = "en") -> dict[str, Any]:
        return {
            "customer_id": self.customer_id,
            "customer_code": self.customer_code,
            "customer_name": self.customer_name,
            "mobile": self.mobile,
            "item": self.item,
            "cycle_days": int(self.cycle_days) if self.cycle_days.is_integer() else self.cycle_days,
            "last_purchase": self.last_purchase.isoformat(),
            "due_date": self.due_date.isoformat(),
            "status": self.status,
            "reason": self.reason(language),
        }


def _days(cycle: float) -> str:
    return str(int(cycle)) if cycle == int(cycle) else f"{cycle:.1f}"


def rhythm(days: Iterable[date]) -> tuple[float, date] | None:
    """The cycle (median of the intervals between distinct days) and the last day, or None
    with fewer than three distinct days."""
    distinct = sorted(set(days))
    if len(distinct) < MIN_DAYS:
        return None
    cycle = median([(b - a).days for a, b in itertools.pairwise(distinct)])
    assert cycle is not None
    return cycle, distinct[-1]


def classify(cycle: float, last: date, today: date) -> tuple[date, str, int]:
    """Due day (the last day plus the cycle, a half day rounded up), status, days since."""
    due = last + timedelta(days=math.ceil(cycle))
    since = (today - last).days
    if since > LAPSING_FACTOR * cycle:
        status = "lapsing"
    elif today > due:
        status = "overdue"
    else:
        status = "due"
    return due, status, since


# One row per customer and product with three or more distinct days, and per customer and
# category likewise: the distinct days as one text (split in Python).
_SERIES_SQL = """
    SELECT l.customer_id, 'product', p.name, p.category, group_concat(DISTINCT l.purchased_on)
    FROM purchase l JOIN product p ON p.id = l.product_id
    WHERE l.purchased_on <= ?1 {customers}
    GROUP BY l.customer_id, l.product_id HAVING count(DISTINCT l.purchased_on) >= 3
    UNION ALL
    SELECT l.customer_id, 'category', p.category, p.category,
           group_concat(DISTINCT l.purchased_on)
    FROM purchase l JOIN product p ON p.id = l.product_id
    WHERE l.purchased_on <= ?1 AND p.category IS NOT NULL {customers}
    GROUP BY l.customer_id, p.category HAVING count(DISTINCT l.purchased_on) >= 3
"""


def due(
    ctx: Context,
    *,
    days: int = DEFAULT_DAYS,
    today: date | None = None,
    customer_ids: Iterable[int] | None = None,
) -> list[Reminder]:
    """Every reminder due on or before today + `days`, the most urgent first (lapsing,
    overdue, due; then by due day). Only customers with contact consent.

    Raises:
        ValueError: `days` is negative.
    """
    require(ctx, Operation.REMINDERS)
    if days < 0:
        raise ValueError("the days ahead cannot be negative")
    day = today or ctx.today()
    horizon = day + timedelta(days=days)
    params: list[object] = [day.isoformat()]
    where = ""
    if customer_ids is not None:
        wanted = sorted(set(customer_ids))
        if not wanted:
            return []
        where = f"AND l.customer_id IN ({','.join(str(int(c)) for c in wanted)})"
    rows = ctx.db.execute_sql(_SERIES_SQL.format(customers=where), params).fetchall()
    by_customer: dict[int, dict[str, list[tuple[str, str | None, list[date]]]]] = {}
    for customer_id, kind, item, category, text in rows:
        found = [date.fromisoformat(d) for d in str(text).split(",")]
        by_customer.setdefault(customer_id, {"product": [], "category": []})[kind].append(
            (str(item), category, found)
        )
    allowed = consents.may_contact(ctx, by_customer)
    people = _people(ctx, sorted(allowed))
    reminders = []
    for customer_id in sorted(allowed):
        series = by_customer[customer_id]
        covered = {category for _, category, _ in series["product"]}
        chosen = [(item, "product", found) for item, _, found in series["product"]]
        # A category is the item only where none of its products has a rhythm of its own.
        chosen += [(item, "category", found) for item, _, found in series["category"]
                   if item not in covered]  # fmt: skip
        for item, kind, found in chosen:
            measured = rhythm(d for d in found if d <= day)
            if measured is None:
                continue
            cycle, last = measured
            due_day, status, since = classify(cycle, last, day)
            if due_day > horizon or since > LOST_FACTOR * cycle or since > LOST_DAYS:
                continue
            code, name, mobile = people[customer_id]
            reminders.append(Reminder(customer_id, code, name, mobile, item, kind, cycle, last,
                                      due_day, status, since))  # fmt: skip
    urgency = {status: n for n, status in enumerate(("lapsing", "overdue", "due"))}
    reminders.sort(key=lambda r: (urgency[r.status], r.due_date, r.customer_id, r.item))
    return reminders


def _people(ctx: Context, ids: list[int]) -> dict[int, tuple[str | None, str, str | None]]:
    found: dict[int, tuple[str | None, str, str | None]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        sql = (
            "SELECT id, code, name, mobile FROM customer WHERE status != 'anonymised' "
            f"AND id IN ({','.join('?' * len(chunk))})"
        )
        for customer_id, code, name, mobile in ctx.db.execute_sql(sql, chunk):
            found[customer_id] = (code, name, mobile)
    return found
