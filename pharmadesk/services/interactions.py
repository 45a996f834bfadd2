"""The interaction log: consultations, complaints, feedback, follow-ups and reminders.

An entry's content is never edited. A correction is a new entry that refers to the one it
corrects; only the follow-up status of an entry changes (open to done, or back).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from peewee import JOIN

from pharmadesk.db.models import Customer, Interaction, User
from pharmadesk.errors import NotFound, ValidationError
from pharmadesk.services import audit, search_index
from pharmadesk.services.context import Context
from pharmadesk.services.permissions import Operation, require
from pharmadesk.services.visible import HIDDEN_STATUSES
from pharmadesk.text.normalize import fold_free_text

CHANNELS = ("counter", "phone", "sms", "wechat", "email")
KINDS = ("consultation", "complaint", "feedback", "follow_up", "reminder")
# How a call from the reminder, birthday or win-back lists went; `sent` is a greeting or
# message sent without a conversation.
OUTCOMES = ("reached", "no_answer", "will_come", "stopped", "sent")
MAX_SUMMARY = 4000


@dataclass(frozen=True)
class InteractionRecord:
    id: int
    customer_id: int
    occurred_at: datetime
    channel: str
    kind: str
    summary: str
    rating: int | None
    status: str | None
    follow_up_due: date | None
    user_name: str | None
    corrects_id: int | None
    done_at: datetime | None
    outcome: str | None = None


def _record(row: Interaction) -> InteractionRecord:
    return InteractionRecord(
        row.id, row.customer_id, row.occurred_at, row.channel, row.kind, row.summary,
        row.rating, row.status, row.follow_up_due, row.user.name if row.user else None,
        row.corrects_id, row.done_at, row.outcome,
    )  # fmt: skip


def _query():  # type: ignore[no-untyped-def]
    # Joined so that each entry's staff name costs no query of its own.
    return Interaction.select(Interaction, User).join(
        User, JOIN.LEFT_OUTER, on=(Interaction.user == User.id)
    )


def _check(
    channel: str, kind: str, summary: str, rating: int | None, outcome: str | None = None
) -> dict[str, str]:
    problems = {}
    if outcome is not None and outcome not in OUTCOMES:
        problems["outcome"] = f"one of {', '.join(OUTCOMES)}"
    if channel not in CHANNELS:
        problems["channel"] = f"one of {', '.join(CHANNELS)}"
    if kind not in KINDS:
        problems["kind"] = f"one of {', '.join(KINDS)}"
    if not summary:
        problems["summary"] = "a summary is required"
    elif len(summary) > MAX_SUMMARY:
        problems["summary"] = f"at most {MAX_SUMMARY} characters"
    if rating is not None and not 1 <= rating <= 5:
        problems["rating"] = "a rating is 1 to 5"
    return problems


def log(
    ctx: Context,
    customer_id: int,
    *,
    channel: str,
    kind: str,
    summary: str,
    rating: int | None = None,
    follow_up_due: date | None = None,
    occurred_at: datetime | None = None,
    corrects: int | None = None,
    outcome: str | None = None,
    closes: Sequence[int] = (),
) -> InteractionRecord:
    """Add an entry. With a follow-up due date it is open until marked done. A call from
    the reminder lists carries its `outcome` (one of OUTCOMES). `closes`: open follow-ups
    of this customer that this entry is (the follow-up call made), marked done with it.

    Raises:
        ValidationError: channel, kind, summary or rating is not acceptable.
        NotFound: no such customer, the corrected entry is not this customer's, or an
            entry of `closes` is not one of their open follow-ups.
    """
    require(ctx, Operation.COUNTER)
    summary = fold_free_text(summary)
    problems = _check(channel, kind, summary, rating, outcome)
    if problems:
        raise ValidationError(problems)
    if not Customer.select().where(Customer.id == customer_id).exists():
        raise NotFound(f"no customer {customer_id}")
    if corrects is not None:
        original = Interaction.get_or_none(Interaction.id == corrects)
        if original is None or original.customer_id != customer_id:
            raise NotFound(f"no entry {corrects} for this customer")
    if closes:
        found = Interaction.select(Interaction.id).where(
            Interaction.id.in_(list(closes)), Interaction.customer == customer_id,
            Interaction.status == "open",
        )  # fmt: skip
        if {row.id for row in found} != set(closes):
            raise NotFound("a follow-up to close is not open for this customer")
    when = occurred_at or ctx.now()
    with ctx.db.atomic():
        row = Interaction.create(
            customer=customer_id, occurred_at=when, channel=channel, kind=kind,
            summary=summary, rating=rating, status="open" if follow_up_due else None,
            follow_up_due=follow_up_due, user=ctx.account.id, corrects=corrects,
            outcome=outcome,
        )  # fmt: skip
        search_index.touch(ctx.db, [customer_id], when.date())
        audit.record(
            ctx, "interaction.logged", customer_id=customer_id, entity="interaction",
            entity_id=row.id, details={"kind": kind, "corrects": corrects, "outcome": outcome},
        )  # fmt: skip
        for open_id in closes:
            set_done(ctx, open_id)
    return get(ctx, row.id)


def get(ctx: Context, interaction_id: int) -> InteractionRecord:
    row = _query().where(Interaction.id == interaction_id).first()
    if row is None:
        raise NotFound(f"no interaction {interaction_id}")
    return _record(row)


def set_done(ctx: Context, interaction_id: int, *, done: bool = True) -> InteractionRecord:
    """Mark an open follow-up done (or open again). The only change an entry allows."""
    require(ctx, Operation.COUNTER)
    row = Interaction.get_or_none(Interaction.id == interaction_id)
    if row is None:
        raise NotFound(f"no interaction {interaction_id}")
    if row.status is None:
        raise ValidationError({"status": "this entry has no follow-up"})
    with ctx.db.atomic():
        Interaction.update(
            status="done" if done else "open",
            done_at=ctx.now() if done else None,
            done_by=ctx.account.id if done else None,
        ).where(Interaction.id == row.id).execute()
        action = "interaction.follow_up_done" if done else "interaction.follow_up_reopened"
        audit.record(ctx, action, customer_id=row.customer_id, entity_id=row.id)
    return get(ctx, row.id)


def for_customer(
    ctx: Context, customer_id: int, *, limit: int | None = 50
) -> list[InteractionRecord]:
    """A customer's entries, newest first (all of them when `limit` is None)."""
    rows = (
        _query()
        .where(Interaction.customer == customer_id)
        .order_by(Interaction.occurred_at.desc(), Interaction.id.desc())
    )
    if limit is not None:
        rows = rows.limit(limit)
    return [_record(row) for row in rows]


def open_follow_ups(ctx: Context, *, limit: int = 500) -> list[InteractionRecord]:
    """Open follow-ups across all customers, the earliest due first. Not those of customers
    hidden (erased, merged away) or marked as moved away or deceased: nobody calls them."""
    followed = Customer.select(Customer.id).where(
        Customer.status.not_in(HIDDEN_STATUSES), Customer.left_reason.is_null()
    )
    rows = (
        _query()
        .where(Interaction.status == "open", Interaction.customer.in_(followed))
        .order_by(Interaction.follow_up_due, Interaction.id)
        .limit(limit)
    )
    return [_record(row) for row in rows]


@dataclass(frozen=True)
class FollowUp:
    """An open follow-up with the customer it concerns, for the follow-ups list."""

    entry: InteractionRecord
    customer_id: int
    customer_name: str
    customer_code: str | None
    customer_mobile: str | None


def open_follow_ups_listed(ctx: Context, *, limit: int = 500) -> list[FollowUp]:
    """Open follow-ups across all customers, overdue and due today first."""
    entries = open_follow_ups(ctx, limit=limit)
    ids = sorted({e.customer_id for e in entries})
    people = {
        row.id: row
        for row in Customer.select(
            Customer.id, Customer.name, Customer.code, Customer.mobile
        ).where(Customer.id.in_(ids))
    }
    return [
        FollowUp(e, e.customer_id, people[e.customer_id].name, people[e.customer_id].code,
                 people[e.customer_id].mobile)
        for e in entries
        if e.customer_id in people
    ]  # fmt: skip
