"""A customer's profile at a glance: summary figures, recent purchases and interactions,
and their points and member tier.

The summary is computed in SQL over the covering purchase index, so even a customer with
thousands of lines opens without loading them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from pharmadesk.services import audit, customers, interactions, loyalty, purchases, stale
from pharmadesk.services.context import Context


@dataclass(frozen=True)
class Summary:
    total_spend_fen: int
    visits: int
    first_purchase: date | None
    last_purchase: date | None
    average_days_between_visits: float | None
    top_categories: list[tuple[str, int]] = field(default_factory=list)
    open_follow_ups: int = 0


@dataclass(frozen=True)
class Profile:
    customer: customers.CustomerRecord
    summary: Summary
    recent_purchases: list[purchases.PurchaseLine]
    recent_interactions: list[interactions.InteractionRecord]
    points: loyalty.Standing | None = None  # balance, tier, points about to expire
    needs_check: bool = False  # ask them to confirm mobile and address (services/stale.py)
    left: tuple[str, date] | None = None  # ("moved" or "deceased", the day): stale.left_status


def summary(ctx: Context, customer_id: int) -> Summary:
    db = ctx.db
    spend, visits, first, last, days = db.execute_sql(
        f"SELECT coalesce(sum(amount_fen), 0), {purchases.TRANSACTIONS_SQL}, "
        "min(purchased_on), max(purchased_on), count(DISTINCT purchased_on) "
        "FROM purchase WHERE customer_id = ?",
        (customer_id,),
    ).fetchone()
    first_day = date.fromisoformat(first) if first else None
    last_day = date.fromisoformat(last) if last else None
    average = None
    if first_day and last_day and days > 1:
        average = round((last_day - first_day).days / (days - 1), 1)
    top = db.execute_sql(
        # A product of no category says nothing of what the customer usually buys.
        "SELECT p.category, sum(l.amount_fen) AS spend FROM purchase l "
        "JOIN product p ON p.id = l.product_id "
        "WHERE l.customer_id = ? AND p.category IS NOT NULL "
        "GROUP BY p.category ORDER BY spend DESC LIMIT 3",
        (customer_id,),
    ).fetchall()
    open_count = db.execute_sql(
        "SELECT count(*) FROM interaction WHERE customer_id = ? AND status = 'open'",
        (customer_id,),
    ).fetchone()[0]
    return Summary(
        spend, visits, first_day, last_day, average, [(c, s) for c, s in top], open_count
    )


def load(ctx: Context, customer_id: int, *, recent: int = 50) -> Profile:
    """Everything the counter shows when a customer is opened; the opening is audited.

    Raises:
        NotFound: no such customer.
    """
    record = customers.get(ctx, customer_id)
    with ctx.db.atomic():
        audit.record_view(ctx, customer_id)
    return Profile(
        record,
        summary(ctx, customer_id),
        purchases.history(ctx, customer_id, limit=recent),
        # The whole log: a customer's interactions are few, and none may be out of reach.
        interactions.for_customer(ctx, customer_id, limit=None),
        loyalty.standing(ctx, customer_id),
        stale.flagged(record, before=stale.cutoff(ctx), today=ctx.today()),
        stale.left_status(ctx, customer_id),
    )
