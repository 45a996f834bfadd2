"""Counts that describe a pharmacy at a glance (status bar, command summaries)."""

from __future__ import annotations

from dataclasses import dataclass

from pharmadesk.services.context import Context
from pharmadesk.services.visible import VISIBLE

# The follow-ups someone will make: not those of hidden customers or of anyone who left
# (as interactions.open_follow_ups lists them).
OPEN_FOLLOW_UPS_SQL = (
    "SELECT count(*) FROM interaction WHERE status = 'open' AND customer_id IN "
    f"(SELECT id FROM customer WHERE {VISIBLE} AND left_reason IS NULL)"
)


@dataclass(frozen=True)
class Counts:
    customers: int
    purchase_lines: int
    products: int
    interactions: int
    open_follow_ups: int


def counts(ctx: Context) -> Counts:
    def one(sql: str) -> int:
        return int(ctx.db.execute_sql(sql).fetchone()[0])

    return Counts(
        customers=one(f"SELECT count(*) FROM customer WHERE {VISIBLE}"),
        purchase_lines=one("SELECT count(*) FROM purchase"),
        products=one("SELECT count(*) FROM product"),
        interactions=one("SELECT count(*) FROM interaction"),
        open_follow_ups=one(OPEN_FOLLOW_UPS_SQL),
    )
