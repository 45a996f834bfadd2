"""The last call logged from a reminder list, per customer, read back from the interaction log.

The lists (refills, win-back) show when each listed customer was last called from that list
and how it went. That is not kept in memory: it is the interaction log's own record, so it
survives a restart, a lock and another account, and a call made yesterday reads as
yesterday's. A call from a list is an interaction of a kind ("reminder" for refills,
"follow_up" for win-back) with an outcome; entries without an outcome (a consultation
logged by hand as a follow-up) are not calls from a list. Birthday greetings are also of
kind "reminder", marked by their audit event (`birthdays.ACTION`); the refill list leaves
them out (`without_greetings`).

One query for all the listed customers: the entries of that kind since the earliest day
asked about, through the index on the time (a few hundred rows a month at a busy
pharmacy), the latest per customer picked in Python.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from pharmadesk.services.context import Context
from pharmadesk.services.permissions import Operation, require

GREETING_ACTION = "birthday.greeting_logged"  # birthdays.ACTION (that module imports loyalty)


@dataclass(frozen=True)
class LastCall:
    customer_id: int
    occurred_at: datetime
    day: date  # the call's day in the pharmacy's time zone
    outcome: str


def last_calls(
    ctx: Context,
    after: Mapping[int, date],
    *,
    kind: str,
    without_greetings: bool = False,
) -> dict[int, LastCall]:
    """The latest call of `kind` with an outcome for each customer of `after`, counted only
    when made on a day later than the customer's day in `after` (a refill's last purchase,
    or the start of the win-back window). Customers without such a call are left out.

    Raises:
        PermissionRefused: the role may not use reminders.
    """
    require(ctx, Operation.REMINDERS)
    if not after:
        return {}
    # Stored with their offset: a day earlier in the text bound, the exact day in Python.
    since = (min(after.values()) - timedelta(days=1)).isoformat()
    sql = (
        "SELECT customer_id, occurred_at, outcome FROM interaction "
        "WHERE occurred_at >= ? AND kind = ? AND outcome IS NOT NULL"
    )
    if without_greetings:
        sql += " AND id NOT IN (SELECT entity_id FROM audit_event WHERE action = ?)"
    params = [since, kind, GREETING_ACTION] if without_greetings else [since, kind]
    zone = ctx.now().tzinfo
    found: dict[int, LastCall] = {}
    for customer_id, occurred_text, outcome in ctx.db.execute_sql(sql, params):
        if customer_id not in after:
            continue
        when = datetime.fromisoformat(occurred_text)
        call = LastCall(customer_id, when, when.astimezone(zone).date(), outcome)
        if call.day <= after[customer_id]:
            continue
        known = found.get(customer_id)
        if known is None or call.occurred_at >= known.occurred_at:
            found[customer_id] = call
    return found
