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
    prev_hash = GENESIS
    for event in AuditEvent.select().order_by(AuditEvent.id).iterator():
        if event.prev_hash != prev_hash:
            return ChainProblem(event.id, "does not link to the event before it")
        if _digest(prev_hash, _fields(event)) != event.hash:
            return ChainProblem(event.id, "was changed after it was written")
        prev_hash = event.hash
    return None


def events_for_customer(ctx: Context, customer_id: int) -> list[dict[str, Any]]:
    query = AuditEvent.select().where(AuditEvent.customer_id == customer_id)
    return [
        {"at": e.at, "user": e.user_name, "action": e.action, "details": json.loads(e.details)}
        for e in query.order_by(AuditEvent.id)
    ]
