"""Refill and repurchase reminders: each customer's own rhythm per item, with its reason.

For each customer and each product bought on at least three different days, the personal
cycle is the median number of days between those distinct days, and the item is due on the
last purchase day plus the cycle. Where no single product qualifies but the customer's
purchases in a category do (the brand changes, the need does not), the category is the
item, provided those purchases keep a rhythm (`regular`: colds and mosquito seasons do not).
Controlled medicines (ephedrine preparations) are never reminded of. Listed: every
customer-item due on or before today + N days (default 7):

- `due`: not yet past its due day;
- `overdue`: past it;
- `lapsing`: more than 1.5 times the cycle since the last purchase.

An item whose customer has stopped (more than 3 cycles or 180 days since its last
purchase: "lost" by the lifecycle rule of the charts) is no longer a refill to remind of;
the win-back list is where such customers are called. Only customers who gave contact
consent are listed (`consents.may_contact`), never anonymised or merged ones, nor
those who moved away or died. Each reminder says why in words, e.g. "二甲双胍片 about
every 31 days; last bought 2026-10-02; 51 days ago".

What the pharmacy decided about a customer's item holds in its reminder state (one row per
customer and item, schema 12): `stop` (the customer stopped this medicine: no reminder until
it is bought again), `never` (do not remind, for good) and `snooze` (the reminder of that
last purchase shows again N days later; a new purchase ends it too). `log_call` logs a call
from the list with its outcome, and sets the state the outcome implies, in one transaction.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Protocol

from pharmadesk.db.models import Customer, ReminderState
from pharmadesk.errors import NotFound
from pharmadesk.services import audit, consents, interactions
from pharmadesk.services.analytics.definitions import LOST_DAYS, LOST_FACTOR, median
from pharmadesk.services.context import Context
from pharmadesk.services.permissions import Operation, require
from pharmadesk.services.visible import VISIBLE

DEFAULT_DAYS = 7
MIN_DAYS = 3  # distinct purchase days of an item before it has a rhythm
LAPSING_FACTOR = 1.5
STATUSES = ("due", "overdue", "lapsing")
ITEM_KINDS = ("product", "category")
ACTIONS = ("stopped", "no_remind", "snoozed")
# How a refill call can go; "sent" is a message sent instead of a call.
CALL_OUTCOMES = ("reached", "no_answer", "will_come", "stopped")
OUTCOMES = (*CALL_OUTCOMES, "sent")
MAX_SNOOZE_DAYS = 90
# A customer who said they will come in is not called again for this many days: calling
# the next morning would pester them, and if they do come the purchase ends the snooze by
# itself; if they have not come by then, the reminder shows again to follow it up.
WILL_COME_DAYS = 3


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
    # "About every 67.5 days" reads as a precision no one has; a half day rounds up, as
    # the due day does. The JSON's cycle_days keeps the exact median.
    return str(math.floor(cycle + 0.5))


def rhythm(days: Iterable[date]) -> tuple[float, date] | None:
    """The cycle (median of the intervals between distinct days) and the last day, or None
    with fewer than three distinct days."""
    distinct = sorted(set(days))
    if len(distinct) < MIN_DAYS:
        return None
    cycle = median([(b - a).days for a, b in itertools.pairwise(distinct)])
    assert cycle is not None
    return cycle, distinct[-1]


def regular(days: Iterable[date]) -> bool:
    """Whether a category's purchases keep a rhythm: every interval within half to twice
    the median; with only two intervals (three days), within 1.5 times each other, since
    two agree by chance easily. A brand changed on a monthly medicine keeps a rhythm;
    colds, sunburn and mosquito seasons do not, and are no refill to remind of (a product's
    own series is taken as the issue defines it, however irregular)."""
    distinct = sorted(set(days))
    intervals = [(b - a).days for a, b in itertools.pairwise(distinct)]
    middle = median(intervals)
    if middle is None:
        return False
    if len(intervals) == 2:
        return max(intervals) <= 1.5 * min(intervals)
    return all(middle / 2 <= interval <= middle * 2 for interval in intervals)


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
# category likewise: the distinct days as one text (split in Python). Controlled medicines
# (ephedrine preparations) are never reminded of: the pharmacy must not prompt their sale.
_SERIES_SQL = """
    SELECT l.customer_id, 'product', p.name, p.category, group_concat(DISTINCT l.purchased_on)
    FROM purchase l JOIN product p ON p.id = l.product_id
    WHERE l.purchased_on <= ?1 AND p.controlled = 0 {customers}
    GROUP BY l.customer_id, l.product_id HAVING count(DISTINCT l.purchased_on) >= 3
    UNION ALL
    SELECT l.customer_id, 'category', p.category, p.category,
           group_concat(DISTINCT l.purchased_on)
    FROM purchase l JOIN product p ON p.id = l.product_id
    WHERE l.purchased_on <= ?1 AND p.category IS NOT NULL AND p.controlled = 0 {customers}
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
    states = _states(ctx)
    reminders = []
    for customer_id in sorted(allowed):
        series = by_customer[customer_id]
        covered = {category for _, category, _ in series["product"]}
        chosen = [(item, "product", found) for item, _, found in series["product"]]
        # A category is the item only where none of its products has a rhythm of its own,
        # and only when it keeps one (see `regular`).
        chosen += [(item, "category", found) for item, _, found in series["category"]
                   if item not in covered and regular(d for d in found if d <= day)]  # fmt: skip
        for item, kind, found in chosen:
            measured = rhythm(d for d in found if d <= day)
            if measured is None:
                continue
            cycle, last = measured
            if _hidden(states.get((customer_id, kind, item)), last, day):
                continue
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
            f"SELECT id, code, name, mobile FROM customer WHERE {VISIBLE} "
            f"AND id IN ({','.join('?' * len(chunk))})"
        )
        for customer_id, code, name, mobile in ctx.db.execute_sql(sql, chunk):
            found[customer_id] = (code, name, mobile)
    return found


# --- What the pharmacy decided about an item: stopped, do not remind, snoozed. ---


@dataclass(frozen=True)
class State:
    """A reminder state: what holds now for one customer's item."""

    id: int
    customer_id: int
    item_kind: str
    item: str
    action: str  # stopped, no_remind, snoozed
    last_purchase: date  # the last purchase day the decision was about
    until: date | None  # snoozed: the day the reminder shows again
    interaction_id: int | None


class Item(Protocol):
    """A customer's item and its last purchase: a Reminder, or an ItemKey."""

    @property
    def customer_id(self) -> int: ...
    @property
    def item_kind(self) -> str: ...
    @property
    def item(self) -> str: ...
    @property
    def last_purchase(self) -> date: ...


@dataclass(frozen=True)
class ItemKey:
    customer_id: int
    item_kind: str
    item: str
    last_purchase: date


@dataclass(frozen=True)
class Call:
    """A call logged from the list, and the state its outcome set (None: the reminder
    stays listed)."""

    interaction: interactions.InteractionRecord
    state: State | None


def _hidden(state: State | None, last: date, day: date) -> bool:
    """Whether `state` hides the reminder of an item last bought on `last`, on `day`."""
    if state is None:
        return False
    if state.action == "no_remind":
        return True
    if last > state.last_purchase:
        return False  # bought again since: stopped and snoozed no longer apply
    return state.action == "stopped" or (state.until is not None and day < state.until)


_STATE_SQL = (
    "SELECT id, customer_id, item_kind, item, action, last_purchase, until, interaction_id "
    "FROM reminder_state"
)


def _read_states(ctx: Context, where: str = "", params: tuple[object, ...] = ()) -> list[State]:
    rows = ctx.db.execute_sql(f"{_STATE_SQL} {where}", params).fetchall()
    return [
        State(state_id, customer_id, kind, item, action, date.fromisoformat(last),
              date.fromisoformat(until) if until else None, interaction_id)
        for state_id, customer_id, kind, item, action, last, until, interaction_id in rows
    ]  # fmt: skip


def _states(ctx: Context) -> dict[tuple[int, str, str], State]:
    # States are few (each set by hand), so all of them are read in one query and matched
    # in Python: the 200,000-customer series query stays as it was.
    return {(s.customer_id, s.item_kind, s.item): s for s in _read_states(ctx)}


def state_of(ctx: Context, customer_id: int, item_kind: str, item: str) -> State | None:
    """The state set for a customer's item, if any (whether or not it still applies)."""
    require(ctx, Operation.REMINDERS)
    found = _read_states(
        ctx, "WHERE customer_id = ? AND item_kind = ? AND item = ?", (customer_id, item_kind, item)
    )
    return found[0] if found else None


def _set(
    ctx: Context,
    key: Item,
    action: str,
    *,
    until: date | None = None,
    interaction_id: int | None = None,
) -> State:
    require(ctx, Operation.REMINDERS)
    if key.item_kind not in ITEM_KINDS:
        raise ValueError(f"the item kind is one of {', '.join(ITEM_KINDS)}")
    if not Customer.select().where(Customer.id == key.customer_id).exists():
        raise NotFound(f"no customer {key.customer_id}")
    values = {
        "action": action, "last_purchase": key.last_purchase, "until": until,
        "interaction": interaction_id, "user": ctx.account.id, "created_at": ctx.now(),
    }  # fmt: skip
    with ctx.db.atomic():
        row = ReminderState.get_or_none(
            ReminderState.customer == key.customer_id,
            ReminderState.item_kind == key.item_kind,
            ReminderState.item == key.item,
        )
        if row is None:
            row = ReminderState.create(
                customer=key.customer_id, item_kind=key.item_kind, item=key.item, **values
            )
        else:
            ReminderState.update(**values).where(ReminderState.id == row.id).execute()
        # The item names a medicine (health data): the audit names the state, not the item.
        audit.record(
            ctx, f"reminder.{action}", customer_id=key.customer_id, entity="reminder_state",
            entity_id=row.id, details={"until": until.isoformat() if until else None,
                                       "interaction": interaction_id},
        )  # fmt: skip
    [state] = _read_states(ctx, "WHERE id = ?", (row.id,))
    return state


def stop(
    ctx: Context,
    customer_id: int,
    item_kind: str,
    item: str,
    *,
    last_purchase: date,
    interaction_id: int | None = None,
) -> State:
    """The customer stopped this medicine: no reminder for it until it is bought again
    after `last_purchase`.

    Raises:
        NotFound: no such customer.
        ValueError: `item_kind` is not product or category.
    """
    key = ItemKey(customer_id, item_kind, item, last_purchase)
    return _set(ctx, key, "stopped", interaction_id=interaction_id)


def never(
    ctx: Context,
    customer_id: int,
    item_kind: str,
    item: str,
    *,
    last_purchase: date,
    interaction_id: int | None = None,
) -> State:
    """Do not remind: no reminder for this item ever again, whatever is bought later
    (until `clear`).

    Raises:
        NotFound: no such customer.
        ValueError: `item_kind` is not product or category.
    """
    key = ItemKey(customer_id, item_kind, item, last_purchase)
    return _set(ctx, key, "no_remind", interaction_id=interaction_id)


def snooze(
    ctx: Context,
    customer_id: int,
    item_kind: str,
    item: str,
    *,
    last_purchase: date,
    days: int,
    interaction_id: int | None = None,
) -> State:
    """The reminder of this last purchase shows again `days` (1 to 90) days from today;
    a purchase after `last_purchase` ends the snooze at once.

    Raises:
        NotFound: no such customer.
        ValueError: `days` is out of range, or `item_kind` is not product or category.
    """
    if not 1 <= days <= MAX_SNOOZE_DAYS:
        raise ValueError(f"a reminder is snoozed for 1 to {MAX_SNOOZE_DAYS} days")
    key = ItemKey(customer_id, item_kind, item, last_purchase)
    until = ctx.today() + timedelta(days=days)
    return _set(ctx, key, "snoozed", until=until, interaction_id=interaction_id)


def clear(ctx: Context, customer_id: int, item_kind: str, item: str) -> bool:
    """Undo a stop, a do-not-remind or a snooze: the item is reminded of as before.
    Returns whether there was a state to clear."""
    require(ctx, Operation.REMINDERS)
    with ctx.db.atomic():
        row = ReminderState.get_or_none(
            ReminderState.customer == customer_id,
            ReminderState.item_kind == item_kind,
            ReminderState.item == item,
        )
        if row is None:
            return False
        row.delete_instance()
        audit.record(
            ctx, "reminder.cleared", customer_id=customer_id, entity="reminder_state",
            entity_id=row.id, details={"action": row.action},
        )  # fmt: skip
    return True


def log_call(
    ctx: Context,
    reminder: Item,
    *,
    outcome: str,
    summary: str,
    channel: str = "phone",
) -> Call:
    """Log a call (or a message) about a reminder as an interaction of kind "reminder"
    with its outcome, and in the same transaction the state the outcome implies:
    "stopped" stops the item, "will_come" snoozes it for WILL_COME_DAYS days. The summary
    is a sentence in the UI language, composed by the caller.

    Raises:
        ValueError: an outcome that is not one of OUTCOMES.
        ValidationError: the channel or summary is not acceptable.
        NotFound: no such customer.
    """
    require(ctx, Operation.REMINDERS)
    if outcome not in OUTCOMES:
        raise ValueError(f"a refill call's outcome is one of {', '.join(OUTCOMES)}")
    with ctx.db.atomic():
        entry = interactions.log(
            ctx, reminder.customer_id, channel=channel, kind="reminder", summary=summary,
            outcome=outcome,
        )  # fmt: skip
        key = ItemKey(reminder.customer_id, reminder.item_kind, reminder.item,
                      reminder.last_purchase)  # fmt: skip
        state = None
        if outcome == "stopped":
            state = _set(ctx, key, "stopped", interaction_id=entry.id)
        elif outcome == "will_come":
            until = ctx.today() + timedelta(days=WILL_COME_DAYS)
            state = _set(ctx, key, "snoozed", until=until, interaction_id=entry.id)
    return Call(entry, state)
