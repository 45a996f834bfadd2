"""The win-back list: customers who stopped coming, the most valuable first, to call.

Who is on it is the charts' own rule: a customer whose lifecycle stage as of today is
at risk or lost (`analytics/definitions.py`, computed by `analytics.people.standings`,
the same pass and the same inputs the stage chart uses, kept in memory until a line is
written). Only customers who gave contact consent (`consents.may_contact`, which also
leaves out anonymised ones). Each row: last visit, days since, the usual categories (the
top three by purchase lines over the customer's whole history) and the 12-month value
(their spend in the 12 months ending today, in fen, as the RFM "M" of the charts).
Sorted by that value, largest first.

A call from the list is an interaction of kind "follow_up" with its outcome. Each row
carries the last such call of the past CALLS_DAYS days (`calls.last_calls`, read from the
log, so it holds after a restart and for every account). A customer who said on the last
call that they will come is left out for WILL_COME_DAYS days after it, unless they came
(a visit on or after the call's day lists them again, if still at risk).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from pharmadesk.errors import ValidationError
from pharmadesk.services import consents, interactions
from pharmadesk.services.analytics.people import Standing, standings
from pharmadesk.services.calls import LastCall, last_calls
from pharmadesk.services.context import Context
from pharmadesk.services.interactions import InteractionRecord
from pharmadesk.services.permissions import Operation, require
from pharmadesk.services.visible import VISIBLE

STAGES = ("at_risk", "lost")
CALL_OUTCOMES = ("reached", "no_answer", "will_come")
USUAL_CATEGORIES = 3
CHUNK = 500
CALLS_DAYS = 90  # how far back a win-back call is shown as the last one
WILL_COME_DAYS = 14  # "will come": not listed for this long unless they came


@dataclass(frozen=True)
class WinbackRow:
    customer_id: int
    customer_code: str | None
    customer_name: str
    mobile: str | None
    stage: str  # at_risk or lost
    last_visit: date
    days_since: int
    categories: tuple[str, ...]  # the usual ones, most lines first
    value_12m_fen: int
    transactions: int  # ever
    median_interval: float | None  # days between visits, the stage's yardstick
    last_call: LastCall | None = None  # the last win-back call of the past CALLS_DAYS days


def listed(ctx: Context, *, today: date | None = None) -> list[WinbackRow]:
    """Everyone at risk or lost as of `today` (default: the clock's) whom the pharmacy may
    contact, by 12-month value (largest first), then the most recent visit first.

    Raises:
        PermissionRefused: the role may not use reminders.
    """
    require(ctx, Operation.REMINDERS)
    day = today or ctx.today()
    chosen = {s.customer_id: s for s in standings(ctx, day).values() if s.stage in STAGES}
    allowed = consents.may_contact(ctx, chosen)
    people = _people(ctx, sorted(allowed))
    usual = _usual_categories(ctx, people)
    rows = _with_calls(ctx, [_row(chosen[c], people[c], usual.get(c, ())) for c in people], day)
    rows.sort(key=lambda r: (-r.value_12m_fen, -r.last_visit.toordinal(), r.customer_id))
    return rows


def _row(s: Standing, person: tuple[str | None, str, str | None],
         categories: tuple[str, ...]) -> WinbackRow:  # fmt: skip
    code, name, mobile = person
    return WinbackRow(s.customer_id, code, name, mobile, s.stage, s.last_day, s.recency_days,
                      categories, s.spend_12m_fen, s.transactions, s.median_interval)  # fmt: skip


def _with_calls(ctx: Context, rows: list[WinbackRow], day: date) -> list[WinbackRow]:
    """The rows with their last call; those who will come (and have not yet) left out."""
    since = day - timedelta(days=CALLS_DAYS)
    found = last_calls(ctx, {r.customer_id: since for r in rows}, kind="follow_up")
    out = []
    for row in rows:
        call = found.get(row.customer_id)
        if call is not None and waiting_to_come(call, row.last_visit, day):
            continue
        out.append(replace(row, last_call=call) if call is not None else row)
    return out


def waiting_to_come(call: LastCall, last_visit: date, day: date) -> bool:
    """Said on `call` they will come, within WILL_COME_DAYS of `day`, and have not come."""
    recent = (day - call.day).days < WILL_COME_DAYS
    return call.outcome == "will_come" and recent and last_visit < call.day


def _people(ctx: Context, ids: list[int]) -> dict[int, tuple[str | None, str, str | None]]:
    found: dict[int, tuple[str | None, str, str | None]] = {}
    for start in range(0, len(ids), CHUNK):
        part = ids[start : start + CHUNK]
        sql = (
            f"SELECT id, code, name, mobile FROM customer WHERE {VISIBLE} "
            f"AND id IN ({','.join('?' * len(part))})"
        )
        for customer_id, code, name, mobile in ctx.db.execute_sql(sql, part):
            found[customer_id] = (code, name, mobile)
    return found


# Lines per customer and product in one pass over the purchase table (no index leads with
# the customer and the product, and reading a large share of the customers by id costs
# more than one scan; read in table order, not through an index: 1.9 s for 2,000,000 lines
# on the bench database against 2.2 s); the products' categories are added up in Python.
_LINES_SQL = "SELECT customer_id, product_id, count(*) FROM purchase NOT INDEXED GROUP BY 1, 2"
# Few customers: their own lines, through the index on the customer.
_SOME_LINES_SQL = (
    "SELECT customer_id, product_id, count(*) FROM purchase WHERE customer_id IN ({}) GROUP BY 1, 2"
)
FEW = 2000


def _usual_categories(ctx: Context, wanted: Iterable[int]) -> dict[int, tuple[str, ...]]:
    """Each customer's top categories by purchase lines (ties: the name), most first."""
    ids = sorted(set(wanted))
    if not ids:
        return {}
    category = {
        pid: name
        for pid, name in ctx.db.execute_sql(
            "SELECT id, category FROM product WHERE category IS NOT NULL AND category != ''"
        )
    }
    counts: dict[int, Counter[str]] = {}
    for customer_id, product_id, lines in _lines(ctx, ids):
        name = category.get(product_id)
        if name is not None:
            counts.setdefault(customer_id, Counter())[name] += lines
    return {
        customer: tuple(name for name, _ in sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))
                        [:USUAL_CATEGORIES])
        for customer, c in counts.items()
    }  # fmt: skip


def _lines(ctx: Context, ids: list[int]) -> Iterable[tuple[int, int, int]]:
    if len(ids) <= FEW:
        for start in range(0, len(ids), CHUNK):
            part = ids[start : start + CHUNK]
            sql = _SOME_LINES_SQL.format(",".join("?" * len(part)))
            yield from ctx.db.execute_sql(sql, part)
        return
    keep = set(ids)
    for row in ctx.db.execute_sql(_LINES_SQL):
        if row[0] in keep:
            yield row


def log_call(
    ctx: Context, customer_id: int, *, outcome: str, summary: str, channel: str = "phone"
) -> InteractionRecord:
    """Log a win-back call: an interaction of kind "follow_up" with its outcome (reached,
    no_answer or will_come); `summary` says it in the UI language.

    Raises:
        ValidationError: an unknown outcome or channel, an empty summary.
        NotFound: no such customer.
        PermissionRefused: the role may not use reminders.
    """
    require(ctx, Operation.REMINDERS)
    if outcome not in CALL_OUTCOMES:
        raise ValidationError({"outcome": f"one of {', '.join(CALL_OUTCOMES)}"})
    return interactions.log(
        ctx, customer_id, channel=channel, kind="follow_up", summary=summary, outcome=outcome
    )
