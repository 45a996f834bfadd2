"""Schema 10: indexes for the owner's audit-log viewer (`services/audit_log.py`).

The viewer shows the newest events first, a page at a time, filtered by day range, by
account or by action; the lists of its filters are the distinct accounts and actions. On a
log of years (hundreds of thousands of events) each of those scanned the whole table:

- `audit_event_at`: a day range (`at >= ? AND at < ?`) and its count.
- `audit_event_user`: one account's events newest first (`user_name = ? ORDER BY id DESC`)
  straight off the index, and the distinct account names.
- `audit_event_action`: the same for one action code, and the distinct actions.
"""

from __future__ import annotations

from peewee import Database

STATEMENTS = (
    "CREATE INDEX audit_event_at ON audit_event(at)",
    "CREATE INDEX audit_event_user ON audit_event(user_name, id)",
    "CREATE INDEX audit_event_action ON audit_event(action, id)",
)


def apply(db: Database) -> None:
    for statement in STATEMENTS:
        db.execute_sql(statement)
