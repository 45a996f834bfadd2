"""Checks that the figures kept by triggers still equal what their base rows give.

Schemas 7 and 8 keep summaries of the purchase lines up to date by SQL triggers (`sale`,
`customer_day`, `day_total`, `customer_activity`); the dashboard and the profiles read
them instead of the lines. A trigger dropped or bypassed (a file edited by hand, a bug)
would make those figures silently wrong, so each summary is recomputed here from the level
below it and compared row by row (missing and extra rows included), in one statement each,
so the comparison holds even while the window writes.

The points ledger is checked too: known kinds, the sign each kind must have, a day on
every entry, entries for a purchase belong to that purchase's customer, an undone import's
opening balances are reversed, and each customer's cached balance (`points_balance`, kept
by schema 11's triggers) equals the sum of their ledger.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pharmadesk.services.context import Context


@dataclass(frozen=True)
class Figure:
    column: str
    unit: str  # "fen" is shown in yuan; anything else is a count or a day

    def show(self, value: object) -> str:
        if self.unit == "fen" and isinstance(value, int):
            return f"{value / 100:.2f} yuan"
        return f"{value} {self.unit}".rstrip()


@dataclass(frozen=True)
class Summary:
    """A table kept by triggers, and the query that computes it afresh."""

    table: str
    made_from: str  # what the fresh figures are computed from, for the message
    keys: tuple[str, ...]
    figures: tuple[Figure, ...]
    fresh: str  # SELECT of the keys and figures, named as in `table`

    def mismatch_sql(self) -> str:
        on = " AND ".join(f"c.{k} = f.{k}" for k in self.keys)
        keys = ", ".join(f"coalesce(f.{k}, c.{k})" for k in self.keys)
        cached = ", ".join(f"c.{x.column}" for x in self.figures)
        fresh = ", ".join(f"f.{x.column}" for x in self.figures)
        differs = " OR ".join(f"c.{x.column} IS NOT f.{x.column}" for x in self.figures)
        return (
            f"SELECT {keys}, {cached}, {fresh} FROM ({self.fresh}) f "
            f"FULL JOIN {self.table} c ON {on} WHERE {differs} LIMIT 1"
        )

    def describe(self, row: Sequence[object]) -> str:
        n, m = len(self.keys), len(self.figures)
        where = _where(dict(zip(self.keys, row[:n], strict=True)))
        cached, fresh = row[n : n + m], row[n + m :]
        return (
            f"{where}: {self.table} holds {self._show(cached)}, "
            f"{self.made_from} give {self._show(fresh)}"
        )

    def _show(self, values: Sequence[object]) -> str:
        if all(v is None for v in values):
            return "nothing"
        return ", ".join(x.show(v) for x, v in zip(self.figures, values, strict=True))


def _where(keys: dict[str, object]) -> str:
    parts = []
    if "customer_id" in keys:
        parts.append(f"customer #{keys['customer_id']}")
    if "transaction_key" in keys:
        # "receipt:R1" or "day:2026-11-20" (the day's purchases without a receipt)
        kind, _, value = str(keys["transaction_key"]).partition(":")
        parts.append(f"receipt {value}" if kind == "receipt" else "without a receipt")
    if "day" in keys:
        parts.append(f"on {keys['day']}")
    return " ".join(parts)


SUMMARIES = (
    Summary(
        table="sale", made_from="the purchase lines",
        keys=("customer_id", "transaction_key", "day"),
        figures=(Figure("lines", "line(s)"), Figure("amount_fen", "fen")),
        fresh="SELECT customer_id, transaction_key, purchased_on AS day, count(*) AS lines, "
        "sum(amount_fen) AS amount_fen FROM purchase GROUP BY 1, 2, 3",
    ),
    Summary(
        table="customer_day", made_from="the transactions",
        keys=("customer_id", "day"),
        figures=(Figure("transactions", "transaction(s)"), Figure("amount_fen", "fen")),
        fresh="SELECT customer_id, day, count(*) AS transactions, sum(amount_fen) AS amount_fen "
        "FROM sale GROUP BY 1, 2",
    ),
    Summary(
        table="day_total", made_from="the customers' days",
        keys=("day",),
        figures=(Figure("transactions", "transaction(s)"), Figure("amount_fen", "fen")),
        fresh="SELECT day, sum(transactions) AS transactions, sum(amount_fen) AS amount_fen "
        "FROM customer_day GROUP BY 1",
    ),
    Summary(
        table="customer_activity", made_from="the customer's days",
        keys=("customer_id",),
        figures=(
            Figure("first_day", ""), Figure("last_day", ""), Figure("days", "day(s)"),
            Figure("transactions", "transaction(s)"), Figure("amount_fen", "fen"),
        ),
        fresh="SELECT customer_id, min(day) AS first_day, max(day) AS last_day, "
        "count(*) AS days, sum(transactions) AS transactions, sum(amount_fen) AS amount_fen "
        "FROM customer_day GROUP BY 1",
    ),
)  # fmt: skip


def summaries(ctx: Context) -> str | None:
    """The first summary row that differs from a fresh computation, named."""
    for summary in SUMMARIES:
        row = ctx.db.execute_sql(summary.mismatch_sql()).fetchone()
        if row is not None:
            return summary.describe(row)
    return None


# The sign each kind of ledger entry must have. An opening balance is whatever the paper
# card said (the import takes it as written) and an adjustment may go either way.
POINTS_SIGNS = {
    "opening": "1",
    "earned": "points >= 0",
    "redeemed": "points <= 0",
    "expired": "points <= 0",
    "adjusted": "1",
}


def points(ctx: Context) -> str | None:
    """The first ledger entry or cached balance that cannot be right, named."""
    return (
        _points_entry(ctx)
        or _points_days(ctx)
        or _points_purchase(ctx)
        or _points_of_undone_batch(ctx)
        or _points_balance(ctx)
    )


def _points_entry(ctx: Context) -> str | None:
    marks = ",".join("?" * len(POINTS_SIGNS))
    right = " OR ".join(f"(kind = '{kind}' AND {sign})" for kind, sign in POINTS_SIGNS.items())
    row = ctx.db.execute_sql(
        f"SELECT id, customer_id, kind, points, kind IN ({marks}) FROM points_entry "
        f"WHERE NOT ({right}) ORDER BY id LIMIT 1",
        tuple(POINTS_SIGNS),
    ).fetchone()
    if row is None:
        return None
    entry, customer, kind, amount, known = row
    if not known:
        return f"customer #{customer}: points entry #{entry} is of an unknown kind ({kind})"
    return f"customer #{customer}: points entry #{entry} ({kind}) is {amount:+d} points"


def _points_days(ctx: Context) -> str | None:
    row = ctx.db.execute_sql(
        "SELECT customer_id, id FROM points_entry WHERE effective_on IS NULL "
        "OR (points > 0 AND expires_on IS NOT NULL AND expires_on <= effective_on) "
        "ORDER BY id LIMIT 1"
    ).fetchone()
    if row is None:
        return None
    return f"customer #{row[0]}: points entry #{row[1]} has no day, or expires before it counts"


def _points_purchase(ctx: Context) -> str | None:
    row = ctx.db.execute_sql(
        "SELECT e.customer_id, e.id, p.id, p.customer_id FROM points_entry e "
        "JOIN purchase p ON p.id = e.purchase_id WHERE p.customer_id != e.customer_id "
        "ORDER BY e.id LIMIT 1"
    ).fetchone()
    if row is None:
        return None
    return (
        f"customer #{row[0]}: points entry #{row[1]} is for purchase {row[2]} of customer #{row[3]}"
    )


def _points_of_undone_batch(ctx: Context) -> str | None:
    # An undone import's opening balances stay in the ledger with their reversals beside
    # them (the ledger is append-only), so each customer's entries of the batch add up to 0.
    row = ctx.db.execute_sql(
        "SELECT b.id, p.customer_id, sum(p.points) FROM points_entry p "
        "JOIN import_batch b ON b.id = p.batch_id WHERE b.status = 'undone' "
        "GROUP BY b.id, p.customer_id HAVING sum(p.points) != 0 ORDER BY b.id LIMIT 1"
    ).fetchone()
    if row is None:
        return None
    return (
        f"import batch {row[0]} was undone but customer #{row[1]} keeps {row[2]:+d} of its points"
    )


def _points_balance(ctx: Context) -> str | None:
    row = ctx.db.execute_sql(
        "WITH ledger AS (SELECT customer_id, sum(points) AS total FROM points_entry "
        "GROUP BY customer_id) "
        "SELECT l.customer_id, l.total, b.balance FROM ledger l "
        "LEFT JOIN points_balance b ON b.customer_id = l.customer_id "
        "WHERE b.balance IS NOT l.total "
        "UNION ALL SELECT b.customer_id, NULL, b.balance FROM points_balance b "
        "WHERE b.balance != 0 AND NOT EXISTS "
        "(SELECT 1 FROM points_entry e WHERE e.customer_id = b.customer_id) LIMIT 1"
    ).fetchone()
    if row is None:
        return None
    customer, ledger, cached = row
    shown = "missing" if cached is None else str(cached)
    return f"customer #{customer}: the cached points balance is {shown}, the ledger {ledger or 0}"
