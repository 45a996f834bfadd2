"""Reading the audit log (owner only): filtered, newest first, a page at a time.

The log only grows (years of it, at a counter that opens hundreds of profiles a day), so
nothing here loads it whole: `search` returns one page and the number of matching events,
`iterate` walks the matches in batches for an export, and a viewer that scrolls on asks
for the events older than the last one it holds (`before_id`), which stays fast however
deep it goes where an offset would count every row it skips.

Dates are local dates: the day as the pharmacy's clock showed it when the event was written
(each event keeps that clock's time and UTC offset, `2026-11-20T10:00:00+08:00`, so the day
is the start of the stored text).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from peewee import Expression, Select, Value, fn

from pharmadesk.db.models import AuditEvent
from pharmadesk.errors import OperationFailed
from pharmadesk.services import audit
from pharmadesk.services.context import Context
from pharmadesk.services.permissions import Operation, require

PAGE = 200
MAX_PAGE = 5000
BATCH = 2000  # events per query when walking every match (an export)
CHAIN_STEP = 10_000  # events per step of a chain check (about 0.2 s)
COLUMNS = (AuditEvent.id, AuditEvent.at, AuditEvent.user_name, AuditEvent.action,
           AuditEvent.entity, AuditEvent.entity_id, AuditEvent.customer_id,
           AuditEvent.details, AuditEvent.hash)  # fmt: skip


@dataclass(frozen=True)
class AuditFilter:
    """Which events: all of them by default.

    `action` is one action code ("customer.opened"), or a family of them given as its prefix
    ending in a dot or ".*" ("account." or "account.*": every account change).
    """

    since: date | None = None  # first local day, included
    until: date | None = None  # last local day, included
    user_name: str | None = None
    action: str | None = None
    customer_id: int | None = None

    def as_details(self) -> dict[str, Any]:
        """The filter as the audit log records it (an export's): only what was set."""
        values = {
            "from": self.since.isoformat() if self.since else None,
            "to": self.until.isoformat() if self.until else None,
            "user": self.user_name,
            "action": self.action,
            "customer_id": self.customer_id,
        }
        return {key: value for key, value in values.items() if value is not None}


ALL = AuditFilter()


@dataclass(frozen=True)
class AuditEntry:
    """One event. `at` is None when the stored time cannot be read (an edited row):
    `stored_at` always holds the text as stored."""

    id: int
    at: datetime | None
    user_name: str | None
    action: str
    entity: str | None
    entity_id: int | None
    customer_id: int | None
    details: dict[str, Any]
    hash: str
    stored_at: str = ""


@dataclass(frozen=True)
class AuditPage:
    entries: list[AuditEntry]
    total: int  # events matching the filter, on every page together
    offset: int

    @property
    def has_more(self) -> bool:
        return self.offset + len(self.entries) < self.total


@dataclass(frozen=True)
class ChainStatus:
    """Whether the hash chain holds; if not, the first event that breaks it, and how."""

    broken_at: int | None
    reason: str | None

    @property
    def intact(self) -> bool:
        return self.broken_at is None


def search(
    ctx: Context,
    filters: AuditFilter = ALL,
    *,
    limit: int = PAGE,
    offset: int = 0,
    before_id: int | None = None,
) -> AuditPage:
    """One page of the matching events, newest first, and how many match in all.

    With `before_id`, the page starts below that event (and `offset` counts from there).

    Raises:
        PermissionRefused: only the owner sees the audit log.
        OperationFailed: the first day is after the last, or the page size is out of range.
    """
    entries = events(ctx, filters, limit=limit, offset=offset, before_id=before_id)
    return AuditPage(entries, count(ctx, filters), offset)


def events(
    ctx: Context,
    filters: AuditFilter = ALL,
    *,
    limit: int = PAGE,
    offset: int = 0,
    before_id: int | None = None,
) -> list[AuditEntry]:
    """The page of `search` without the count (a viewer that already knows it)."""
    require(ctx, Operation.AUDIT)
    if not 1 <= limit <= MAX_PAGE or offset < 0:
        raise OperationFailed(f"a page holds 1 to {MAX_PAGE} events from an offset of 0 on")
    query = _filtered(AuditEvent.select(*COLUMNS), filters)
    if before_id is not None:
        query = query.where(AuditEvent.id < before_id)
    query = query.order_by(AuditEvent.id.desc()).limit(limit).offset(offset)
    # The rows as stored, without the fields' conversions: an edited row may hold text
    # where a time or a number belongs, and the viewer must still show it.
    return [_entry(row) for row in ctx.db.execute_sql(*query.sql())]


def count(ctx: Context, filters: AuditFilter = ALL) -> int:
    """How many events match `filters`."""
    require(ctx, Operation.AUDIT)
    return int(_filtered(AuditEvent.select(), filters).count())


def iterate(
    ctx: Context, filters: AuditFilter = ALL, *, batch: int = BATCH
) -> Iterator[AuditEntry]:
    """Every matching event, newest first, read `batch` events per query."""
    before: int | None = None
    while True:
        found = events(ctx, filters, limit=batch, before_id=before)
        yield from found
        if len(found) < batch:
            return
        before = found[-1].id


def user_names(ctx: Context) -> list[str]:
    """The account names that appear in the log (removed accounts included), sorted."""
    require(ctx, Operation.AUDIT)
    query = AuditEvent.select(AuditEvent.user_name).where(AuditEvent.user_name.is_null(False))
    return sorted(str(name) for (name,) in ctx.db.execute_sql(*query.distinct().sql()))


def actions(ctx: Context) -> list[str]:
    """The action codes that appear in the log, sorted."""
    require(ctx, Operation.AUDIT)
    query = AuditEvent.select(AuditEvent.action).distinct()
    return sorted(str(action) for (action,) in ctx.db.execute_sql(*query.sql()))


def chain_status(ctx: Context) -> ChainStatus:
    """Check the whole hash chain at once (every event is read: seconds for a long log)."""
    require(ctx, Operation.AUDIT)
    problem = audit.verify_chain(ctx)
    return (
        ChainStatus(None, None)
        if problem is None
        else ChainStatus(problem.event_id, problem.reason)
    )


@dataclass(frozen=True)
class ChainCheck:
    """A check of the chain under way: `check_chain` goes on from where the last step ended,
    so a viewer checks years of log a step at a time without holding up anything else."""

    checked: int = 0  # events found intact so far
    last_id: int = 0  # the last event found intact (0: none yet)
    last_hash: str = audit.GENESIS
    broken: ChainStatus | None = None  # set once a broken link is found
    done: bool = False

    @property
    def status(self) -> ChainStatus | None:
        """The outcome once `done` (intact, or the first broken event), else None."""
        if not self.done:
            return None
        return self.broken or ChainStatus(None, None)


def check_chain(
    ctx: Context, since: ChainCheck | None = None, *, step: int = CHAIN_STEP
) -> ChainCheck:
    """Check up to `step` more events of the chain after `since`; the same test as
    `audit.verify_chain`, from the same hashes."""
    require(ctx, Operation.AUDIT)
    state = since or ChainCheck()
    if state.done:
        return state
    step_done = audit.verify_step(
        ctx, after_id=state.last_id, prev_hash=state.last_hash, limit=step
    )
    checked = state.checked + step_done.seen
    if step_done.problem is not None:
        broken = ChainStatus(step_done.problem.event_id, step_done.problem.reason)
        return ChainCheck(checked - 1, step_done.last_id, step_done.last_hash, broken, True)
    done = step_done.seen < step
    return ChainCheck(checked, step_done.last_id, step_done.last_hash, None, done)


def _filtered(query: Select, filters: AuditFilter) -> Select:
    for condition in _conditions(filters):
        query = query.where(condition)
    return query


def _conditions(filters: AuditFilter) -> list[Expression]:
    if filters.since and filters.until and filters.since > filters.until:
        raise OperationFailed("the first day comes after the last day")
    found: list[Expression] = []
    if filters.since is not None:
        found.append(AuditEvent.at >= _text(filters.since.isoformat()))
    if filters.until is not None:
        found.append(AuditEvent.at < _text((filters.until + timedelta(days=1)).isoformat()))
    if filters.user_name:
        found.append(AuditEvent.user_name == filters.user_name)
    if filters.action:
        found.append(_action(filters.action.strip()))
    if filters.customer_id is not None:
        found.append(AuditEvent.customer_id == filters.customer_id)
    return found


def _action(action: str) -> Expression:
    if action.endswith(".*"):
        action = action[:-1]
    if action.endswith("."):
        # substr, not LIKE: no wildcard in the code can widen the match
        return fn.substr(AuditEvent.action, 1, len(action)) == action
    return AuditEvent.action == action


def _text(value: str) -> Value:
    # Compared with the stored text as it is: the field's own conversion wants an instant.
    return Value(value, converter=False)


def _entry(row: tuple[Any, ...]) -> AuditEntry:
    number, at, user_name, action, entity, entity_id, customer_id, details, digest = row
    return AuditEntry(
        int(number), _instant(at), _text_or_none(user_name), str(action),
        _text_or_none(entity), _number(entity_id), _number(customer_id), _details(details),
        str(digest), stored_at=str(at),
    )  # fmt: skip


def _instant(value: object) -> datetime | None:
    try:
        return datetime.fromisoformat(str(value))
    except ValueError:
        return None


def _number(value: object) -> int | None:
    return value if isinstance(value, int) else None


def _text_or_none(value: object) -> str | None:
    return None if value is None else str(value)


def _details(text: str) -> dict[str, Any]:
    # An edited row may hold anything; it is shown as it is rather than hidden.
    try:
        value = json.loads(text)
    except (TypeError, ValueError):
        return {"?": text}
    return value if isinstance(value, dict) else {"?": value}
