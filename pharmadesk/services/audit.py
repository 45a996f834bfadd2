"""The audit log: append-only and hash-chained, naming customers by id only.

Each event's hash covers the previous event's hash and the event's own fields, so editing
or deleting any row breaks the chain from that row on (`verify_chain` finds where).
Details must never hold personal data: field names, counts and ids, not values.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from pharmadesk.db.models import AuditEvent
from pharmadesk.services.context import Context

GENESIS = "0" * 64


def _digest(prev_hash: str, fields: dict[str, Any]) -> str:
    canonical = json.dumps(fields, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256((prev_hash + canonical).encode("utf-8")).hexdigest()


def _fields(event: AuditEvent) -> dict[str, Any]:
    return {
        "at": AuditEvent.at.db_value(event.at),
        "user_name": event.user_name,
        "action": event.action,
        "entity": event.entity,
        "entity_id": event.entity_id,
        "customer_id": event.customer_id,
        "details": event.details,
    }


def record(
    ctx: Context,
    action: str,
    *,
    customer_id: int | None = None,
    entity: str | None = None,
    entity_id: int | None = None,
    details: dict[str, Any] | None = None,
    user_name: str | None = None,
) -> None:
    """Append one event. Call inside the transaction of the change it records."""
    last = AuditEvent.select(AuditEvent.hash).order_by(AuditEvent.id.desc()).first()
    prev_hash = last.hash if last else GENESIS
    event = AuditEvent(
        at=ctx.now(),
        user_name=user_name if user_name is not None else ctx.account.name,
        action=action,
        entity=entity,
        entity_id=entity_id,
        customer_id=customer_id,
        details=json.dumps(details or {}, sort_keys=True, ensure_ascii=False),
        prev_hash=prev_hash,
    )
    event.hash = _digest(prev_hash, _fields(event))
    event.save(force_insert=True)


def record_view(ctx: Context, customer_id: int) -> None:
    """Audit that the signed-in account opened a customer's file.

    Opening the same file again right after (a refresh after saving, say) is one viewing, so
    it is not recorded twice in a row.
    """
    last = AuditEvent.select().order_by(AuditEvent.id.desc()).first()
    if (
        last is not None
        and last.action == "customer.opened"
        and last.customer_id == customer_id
        and last.user_name == ctx.account.name
    ):
        return
    record(ctx, "customer.opened", customer_id=customer_id)


@dataclass(frozen=True)
class ChainProblem:
    event_id: int
    reason: str


def verify_chain(ctx: Context) -> ChainProblem | None:
    """The first event whose hash or link does not hold, or None when the chain is intact."""
    last_id, prev_hash = 0, GENESIS
    while True:
        step = verify_step(ctx, after_id=last_id, prev_hash=prev_hash)
        if step.problem is not None or step.seen == 0:
            return step.problem
        last_id, prev_hash = step.last_id, step.last_hash


@dataclass(frozen=True)
class ChainStep:
    """One step of a chain check: how far it got, and the first problem if it met one."""

    seen: int
    last_id: int  # the last event found intact
    last_hash: str
    problem: ChainProblem | None


_RAW = (
    "SELECT id, at, user_name, action, entity, entity_id, customer_id, details, prev_hash, "
    "hash FROM audit_event WHERE id > ? ORDER BY id LIMIT ?"
)


def verify_step(ctx: Context, *, after_id: int, prev_hash: str, limit: int = 10_000) -> ChainStep:
    """Check up to `limit` events after `after_id`, whose predecessor's hash is `prev_hash`.

    Rows are read as stored, not through the model: an event edited so that its time is no
    longer a time must be reported as changed, not crash the check.
    """
    last_id, seen = after_id, 0
    for row in ctx.db.execute_sql(_RAW, (after_id, limit)):
        seen += 1
        event_id, at, user_name, action, entity, entity_id, customer_id, details = row[:8]
        stored_prev, stored_hash = row[8], row[9]
        if stored_prev != prev_hash:
            problem = ChainProblem(event_id, "does not link to the event before it")
            return ChainStep(seen, last_id, prev_hash, problem)
        fields = {
            "at": at, "user_name": user_name, "action": action, "entity": entity,
            "entity_id": entity_id, "customer_id": customer_id, "details": details,
        }  # fmt: skip
        if _digest(prev_hash, fields) != stored_hash:
            problem = ChainProblem(event_id, "was changed after it was written")
            return ChainStep(seen, last_id, prev_hash, problem)
        last_id, prev_hash = event_id, stored_hash
    return ChainStep(seen, last_id, prev_hash, None)


def events_for_customer(ctx: Context, customer_id: int) -> list[dict[str, Any]]:
    query = AuditEvent.select().where(AuditEvent.customer_id == customer_id)
    return [
        {"at": e.at, "user": e.user_name, "action": e.action, "details": json.loads(e.details)}
        for e in query.order_by(AuditEvent.id)
    ]
