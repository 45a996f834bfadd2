"""Birthdays of this week (Monday to Sunday) or this month, and the greetings logged for them.

Listed: customers who gave contact consent (`consents.may_contact`, so never anonymised
ones) whose full birth date is known (a year estimated from an age is not a birthday).
Someone born on 29 February has their birthday on 28 February in other years. Each row
carries the birthday as it falls in the window (a week across New Year shows January's
birthdays in the new year), the age they turn then, their tier and points, and whether a
greeting for that birthday was already logged.

A greeting is an interaction (kind "reminder", outcome "sent" for a message or the call's
outcome). What makes it a *birthday* greeting is not its summary (free text in the UI
language, which a prefix would make fragile) but an audit event written in the same
transaction: `birthday.greeting_logged`, naming the customer by id and the interaction,
with the birthday it was for. The audit log is append-only and indexed by action, so the
marker can be neither edited nor lost while the entry exists, and it needs no column of
its own. A greeting counts as given when its entry still exists and its outcome is "sent"
or "reached" (an unanswered call is logged but is no greeting).

Tier and points are the counter's (`loyalty.standing`), computed for all the listed
customers at once (`standings`): their ledger entries and 12-month spend in a query per
500 customers, the same lot arithmetic, instead of four queries per row.
"""

from __future__ import annotations

import calendar
import json
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from pharmadesk.db.models import Customer
from pharmadesk.errors import NotFound, ValidationError
from pharmadesk.services import audit, consents, interactions
from pharmadesk.services.context import Context
from pharmadesk.services.interactions import InteractionRecord
from pharmadesk.services.loyalty import Facts, open_lots, window_start
from pharmadesk.services.loyalty_rules import Tier
from pharmadesk.services.loyalty_rules import on as rules_on
from pharmadesk.services.permissions import Operation, require
from pharmadesk.services.visible import VISIBLE

Span = Literal["week", "month"]
SPANS: tuple[Span, ...] = ("week", "month")
ACTION = "birthday.greeting_logged"
GREETED = ("sent", "reached")
OUTCOMES = ("sent", "reached", "no_answer")
MAX_OFFER = 200
OFFER_NOTE = {"zh_CN": "生日优惠：", "en": "Birthday offer: "}
CHUNK = 500


@dataclass(frozen=True)
class Birthday:
    customer_id: int
    customer_code: str | None
    customer_name: str
    mobile: str | None
    birth_date: date
    birthday: date  # as it falls in the window listed
    age: int  # the age they turn on `birthday`
    tier: Tier
    points: int  # the balance they can redeem
    greeted: bool  # a greeting for this birthday was sent or they were reached


def window(span: Span, today: date) -> tuple[date, date]:
    """First and last day: Monday to Sunday of today's week, or today's calendar month."""
    if span == "week":
        monday = today - timedelta(days=today.weekday())
        return monday, monday + timedelta(days=6)
    if span == "month":
        last = calendar.monthrange(today.year, today.month)[1]
        return today.replace(day=1), today.replace(day=last)
    raise ValueError(f"unknown span {span!r}: one of {', '.join(SPANS)}")


def observed(birth: date, year: int) -> date:
    """The birthday in `year`: 29 February is kept on 28 February outside leap years."""
    if birth.month == 2 and birth.day == 29 and not calendar.isleap(year):
        return date(year, 2, 28)
    return birth.replace(year=year)


def nearest(birth: date, today: date) -> date:
    """The birthday (last year's, this year's or next year's) closest to `today`."""
    near = [observed(birth, year) for year in (today.year - 1, today.year, today.year + 1)]
    return min(near, key=lambda day: (abs((day - today).days), day))


def _days_of(first: date, last: date) -> dict[str, date]:
    """ "MM-DD" of a stored birth date -> the day it is celebrated in the window."""
    found: dict[str, date] = {}
    day = first
    while day <= last:
        found[day.strftime("%m-%d")] = day
        if day.month == 2 and day.day == 28 and not calendar.isleap(day.year):
            found["02-29"] = day
        day += timedelta(days=1)
    return found


def listed(ctx: Context, *, span: Span = "week", today: date | None = None) -> list[Birthday]:
    """This week's or this month's birthdays among customers who may be contacted, by day
    and then by name.

    Raises:
        ValueError: an unknown span.
        PermissionRefused: the role may not use reminders.
    """
    require(ctx, Operation.REMINDERS)
    day = today or ctx.today()
    first, last = window(span, day)
    celebrated = _days_of(first, last)
    marks = ",".join("?" * len(celebrated))
    rows = ctx.db.execute_sql(
        "SELECT id, code, name, mobile, birth_date FROM customer "
        "WHERE birth_date IS NOT NULL AND NOT birth_date_approximate "
        f"AND {VISIBLE} AND substr(birth_date, 6, 5) IN ({marks})",
        list(celebrated),
    ).fetchall()
    allowed = consents.may_contact(ctx, [row[0] for row in rows])
    found = []
    for customer_id, code, name, mobile, born_text in rows:
        if customer_id not in allowed:
            continue
        born = date.fromisoformat(str(born_text))
        birthday = celebrated[born.strftime("%m-%d")]
        found.append((customer_id, code, name, mobile, born, birthday))
    greeted = _greeted(ctx, {row[0]: row[5] for row in found})
    standing = standings(ctx, [row[0] for row in found], day)
    out = []
    for customer_id, code, name, mobile, born, birthday in found:
        tier, points = standing[customer_id]
        out.append(Birthday(customer_id, code, name, mobile, born, birthday,
                            birthday.year - born.year, tier, points,
                            customer_id in greeted))  # fmt: skip
    out.sort(key=lambda b: (b.birthday, b.customer_name, b.customer_id))
    return out


def standings(ctx: Context, ids: list[int], day: date) -> dict[int, tuple[Tier, int]]:
    """Each customer's tier and redeemable points on `day`, as `loyalty.standing` gives
    them one by one (the same ledger arithmetic and 12-month spend), for many at once."""
    rules = rules_on(ctx, day)
    facts: dict[int, list[Facts]] = {c: [] for c in ids}
    spend: dict[int, int] = {}
    wanted = sorted(set(ids))
    for start in range(0, len(wanted), CHUNK):
        part = wanted[start : start + CHUNK]
        marks = ",".join("?" * len(part))
        for customer_id, *entry in ctx.db.execute_sql(
            "SELECT customer_id, id, kind, points, effective_on, expires_on, reverses_id "
            f"FROM points_entry WHERE customer_id IN ({marks}) ORDER BY id",
            part,
        ):
            facts[customer_id].append(_fact(entry))
        for customer_id, total in ctx.db.execute_sql(
            "SELECT customer_id, coalesce(sum(amount_fen), 0) FROM purchase "
            f"WHERE customer_id IN ({marks}) AND purchased_on >= ? AND purchased_on <= ? "
            "GROUP BY customer_id",
            [*part, window_start(day).isoformat(), day.isoformat()],
        ):
            spend[customer_id] = int(total)
    out = {}
    for customer_id, entries in facts.items():
        lots, _ = open_lots(entries)
        late = sum(lot.remaining for lot in lots if lot.gone_by(day))
        balance = sum(entry.points for entry in entries) - late
        out[customer_id] = (rules.tier_for(spend.get(customer_id, 0)), balance)
    return out


def _fact(row: list[object]) -> Facts:
    id_, kind, points, effective, expires, reverses = row
    return Facts(
        int(str(id_)), str(kind), int(str(points)),
        date.fromisoformat(str(effective)) if effective else date.min,
        date.fromisoformat(str(expires)) if expires else None,
        int(str(reverses)) if reverses is not None else None,
    )  # fmt: skip


def _greeted(ctx: Context, birthdays: dict[int, date]) -> set[int]:
    """Those of the customers whose greeting for the given birthday was sent or reached them."""
    ids, done = sorted(birthdays), set[int]()
    for start in range(0, len(ids), CHUNK):
        part = ids[start : start + CHUNK]
        sql = (
            "SELECT a.customer_id, a.details FROM audit_event a "
            "JOIN interaction i ON i.id = a.entity_id AND i.customer_id = a.customer_id "
            f"WHERE a.action = ? AND i.outcome IN ({','.join('?' * len(GREETED))}) "
            f"AND a.customer_id IN ({','.join('?' * len(part))})"
        )
        for customer_id, details in ctx.db.execute_sql(sql, [ACTION, *GREETED, *part]):
            if json.loads(details).get("birthday") == birthdays[customer_id].isoformat():
                done.add(customer_id)
    return done


def log_greeting(
    ctx: Context,
    customer_id: int,
    *,
    channel: str,
    summary: str,
    offer: str | None,
    outcome: str = "sent",
    birthday: date | None = None,
    language: str = "en",
) -> InteractionRecord:
    """Log a birthday greeting: an interaction of kind "reminder" with its outcome ("sent"
    for a message; "reached" or "no_answer" for a call), the offer made written into the
    entry (its label in `language`), and the marker that says which birthday it was for
    (`birthday`, by default the one nearest today).

    Raises:
        ValidationError: an unknown outcome, channel or an empty summary; an offer too long.
        NotFound: no such customer.
        PermissionRefused: the role may not use reminders.
    """
    require(ctx, Operation.REMINDERS)
    if outcome not in OUTCOMES:
        raise ValidationError({"outcome": f"one of {', '.join(OUTCOMES)}"})
    offer = (offer or "").strip() or None
    if offer is not None and len(offer) > MAX_OFFER:
        raise ValidationError({"offer": f"at most {MAX_OFFER} characters"})
    row = Customer.get_or_none(Customer.id == customer_id)
    if row is None:
        raise NotFound(f"no customer {customer_id}")
    if birthday is None:
        if row.birth_date is None:
            raise ValidationError({"birthday": "the customer's birth date is not known"})
        birthday = nearest(row.birth_date, ctx.today())
    text = summary.strip()
    if text and offer is not None:
        note = OFFER_NOTE["zh_CN" if language.startswith("zh") else "en"]
        text = f"{text}\n{note}{offer}"
    with ctx.db.atomic():
        entry = interactions.log(
            ctx, customer_id, channel=channel, kind="reminder", summary=text, outcome=outcome
        )
        audit.record(
            ctx, ACTION, customer_id=customer_id, entity="interaction", entity_id=entry.id,
            details={"birthday": birthday.isoformat(), "offer": offer is not None,
                     "outcome": outcome},
        )  # fmt: skip
    return entry
