"""Schema 7: sales summaries kept up to date by triggers, for the owner's dashboard.

The month-end figures (transactions, customers served, new customers, repurchase rate, RFM
and lifecycle stages) over 2,000,000 purchase lines take seconds to compute from the lines
themselves; from these summaries they take a fraction of a second. SQL triggers on
`purchase` keep them equal to a fresh aggregate whoever writes the lines: the purchase
service, the demo's `executemany`, the purchase import, undoing an import (a DELETE), and
deleting a customer (the foreign key's CASCADE fires the delete triggers too).

The chain, each level maintained by triggers on the one before:

- `sale`: one row per transaction, (customer, transaction_key, day) with its amount and
  number of lines. A receipt number seen again on another day is another transaction
  (tills restart their numbering).
- `customer_day`: one row per customer and distinct purchase day (transactions, amount);
  `day_total`: the pharmacy's transactions and revenue per day.
- `customer_period`: distinct purchase days per customer per month ('2026-10'), quarter
  ('2026-Q4') and year ('2026'); `period_total`: customers served (>= 1 day) and
  repeaters (>= 2 days) per period.
- `customer_activity`: per customer, first and last purchase day, distinct days,
  transactions, amount, and the median interval between distinct purchase days.

Days are the stored local `purchased_on` dates (ISO text).
"""

from __future__ import annotations

from peewee import Database

# Period keys of a day held in `d`: month, quarter and year.
_MONTH = "substr({d}, 1, 7)"
_QUARTER = "substr({d}, 1, 4) || '-Q' || ((CAST(substr({d}, 6, 2) AS INTEGER) + 2) / 3)"
_YEAR = "substr({d}, 1, 4)"


def _periods(day: str) -> str:
    return ", ".join(p.format(d=day) for p in (_MONTH, _QUARTER, _YEAR))


def _period_rows(day: str) -> str:
    return ", ".join(f"({p.format(d=day)})" for p in (_MONTH, _QUARTER, _YEAR))


# The median of the gaps (days) between a customer's distinct purchase days; NULL with fewer
# than two days. Of n gaps in order, the middle one (n odd) or the mean of the middle two.
_MEDIAN = """(SELECT avg(gap) FROM (
        SELECT gap, row_number() OVER (ORDER BY gap) AS k, count(*) OVER () AS n FROM (
            SELECT CAST(julianday(day) - julianday(lag(day) OVER (ORDER BY day)) AS INTEGER)
                AS gap
            FROM customer_day WHERE customer_id = {c})
        WHERE gap IS NOT NULL)
    WHERE k IN ((n + 1) / 2, (n + 2) / 2))"""


def _refresh_activity(customer: str) -> tuple[str, str]:
    """Recompute one customer's activity row from their days (a handful of rows)."""
    return (
        f"""INSERT INTO customer_activity
            (customer_id, first_day, last_day, days, transactions, amount_fen, median_gap)
            SELECT customer_id, min(day), max(day), count(*), sum(transactions),
                sum(amount_fen), {_MEDIAN.format(c=customer)}
            FROM customer_day WHERE customer_id = {customer} GROUP BY customer_id
            ON CONFLICT (customer_id) DO UPDATE SET first_day = excluded.first_day,
                last_day = excluded.last_day, days = excluded.days,
                transactions = excluded.transactions, amount_fen = excluded.amount_fen,
                median_gap = excluded.median_gap""",
        f"""DELETE FROM customer_activity WHERE customer_id = {customer}
            AND NOT EXISTS (SELECT 1 FROM customer_day WHERE customer_id = {customer})""",
    )


def _sale_in(row: str) -> str:
    return f"""INSERT INTO sale (customer_id, transaction_key, day, amount_fen, lines)
        VALUES ({row}.customer_id, {row}.transaction_key, {row}.purchased_on,
            {row}.amount_fen, 1)
        ON CONFLICT (customer_id, transaction_key, day) DO UPDATE
            SET amount_fen = amount_fen + excluded.amount_fen, lines = lines + 1"""


def _sale_out(row: str) -> tuple[str, str]:
    where = (
        f"customer_id = {row}.customer_id AND transaction_key = {row}.transaction_key "
        f"AND day = {row}.purchased_on"
    )
    return (
        f"UPDATE sale SET amount_fen = amount_fen - {row}.amount_fen, lines = lines - 1 "
        f"WHERE {where}",
        f"DELETE FROM sale WHERE {where} AND lines <= 0",
    )


def _body(*statements: str) -> str:
    return "".join(f"{statement};\n" for statement in statements)


TABLES = (
    """CREATE TABLE sale (
        customer_id INTEGER NOT NULL,
        transaction_key TEXT NOT NULL,
        day TEXT NOT NULL,
        amount_fen INTEGER NOT NULL,
        lines INTEGER NOT NULL,
        PRIMARY KEY (customer_id, transaction_key, day)) WITHOUT ROWID""",
    """CREATE TABLE customer_day (
        customer_id INTEGER NOT NULL,
        day TEXT NOT NULL,
        transactions INTEGER NOT NULL,
        amount_fen INTEGER NOT NULL,
        PRIMARY KEY (customer_id, day)) WITHOUT ROWID""",
    # By day first: a period's customers and their spend, read from the index alone.
    """CREATE INDEX customer_day_by_day
        ON customer_day(day, customer_id, transactions, amount_fen)""",
    """CREATE TABLE day_total (
        day TEXT PRIMARY KEY,
        transactions INTEGER NOT NULL,
        amount_fen INTEGER NOT NULL) WITHOUT ROWID""",
    """CREATE TABLE customer_period (
        period TEXT NOT NULL,
        customer_id INTEGER NOT NULL,
        days INTEGER NOT NULL,
        PRIMARY KEY (period, customer_id)) WITHOUT ROWID""",
    """CREATE TABLE period_total (
        period TEXT PRIMARY KEY,
        served INTEGER NOT NULL,
        repeaters INTEGER NOT NULL) WITHOUT ROWID""",
    """CREATE TABLE customer_activity (
        customer_id INTEGER PRIMARY KEY,
        first_day TEXT NOT NULL,
        last_day TEXT NOT NULL,
        days INTEGER NOT NULL,
        transactions INTEGER NOT NULL,
        amount_fen INTEGER NOT NULL,
        median_gap REAL)""",
    "CREATE INDEX customer_activity_first ON customer_activity(first_day)",
    "CREATE INDEX interaction_occurred ON interaction(occurred_at)",
)

PURCHASE_TRIGGERS = (
    f"CREATE TRIGGER purchase_sale_insert AFTER INSERT ON purchase BEGIN\n"
    f"{_body(_sale_in('new'))}END",
    f"CREATE TRIGGER purchase_sale_delete AFTER DELETE ON purchase BEGIN\n"
    f"{_body(*_sale_out('old'))}END",
    "CREATE TRIGGER purchase_sale_update AFTER UPDATE OF customer_id, purchased_on, "
    f"amount_fen, transaction_key ON purchase BEGIN\n"
    f"{_body(*_sale_out('old'), _sale_in('new'))}END",
)

SALE_TRIGGERS = (
    f"""CREATE TRIGGER sale_insert AFTER INSERT ON sale BEGIN
    {
        _body(
            '''INSERT INTO customer_day (customer_id, day, transactions, amount_fen)
            VALUES (new.customer_id, new.day, 1, new.amount_fen)
            ON CONFLICT (customer_id, day) DO UPDATE SET transactions = transactions + 1,
                amount_fen = amount_fen + excluded.amount_fen''',
            '''INSERT INTO day_total (day, transactions, amount_fen)
            VALUES (new.day, 1, new.amount_fen)
            ON CONFLICT (day) DO UPDATE SET transactions = transactions + 1,
                amount_fen = amount_fen + excluded.amount_fen''',
        )
    }END""",
    f"""CREATE TRIGGER sale_update AFTER UPDATE OF amount_fen ON sale BEGIN
    {
        _body(
            '''UPDATE customer_day SET amount_fen = amount_fen + new.amount_fen - old.amount_fen
            WHERE customer_id = new.customer_id AND day = new.day''',
            '''UPDATE day_total SET amount_fen = amount_fen + new.amount_fen - old.amount_fen
            WHERE day = new.day''',
        )
    }END""",
    f"""CREATE TRIGGER sale_delete AFTER DELETE ON sale BEGIN
    {
        _body(
            '''UPDATE customer_day SET transactions = transactions - 1,
                amount_fen = amount_fen - old.amount_fen
            WHERE customer_id = old.customer_id AND day = old.day''',
            '''DELETE FROM customer_day
            WHERE customer_id = old.customer_id AND day = old.day AND transactions <= 0''',
            '''UPDATE day_total SET transactions = transactions - 1,
                amount_fen = amount_fen - old.amount_fen WHERE day = old.day''',
            "DELETE FROM day_total WHERE day = old.day AND transactions <= 0",
        )
    }END""",
)

CUSTOMER_DAY_TRIGGERS = (
    f"""CREATE TRIGGER customer_day_insert AFTER INSERT ON customer_day BEGIN
    {
        _body(
            f'''INSERT INTO customer_period (period, customer_id, days)
            SELECT column1, new.customer_id, 1 FROM (VALUES {_period_rows("new.day")})
            WHERE true
            ON CONFLICT (period, customer_id) DO UPDATE SET days = days + 1''',
            f'''INSERT INTO period_total (period, served, repeaters)
            SELECT period, days = 1, days = 2 FROM customer_period
            WHERE customer_id = new.customer_id AND days <= 2
                AND period IN ({_periods("new.day")})
            ON CONFLICT (period) DO UPDATE SET served = served + excluded.served,
                repeaters = repeaters + excluded.repeaters''',
            *_refresh_activity("new.customer_id"),
        )
    }END""",
    # More of the same day changes no interval: the totals move, the median stays.
    """CREATE TRIGGER customer_day_update AFTER UPDATE ON customer_day BEGIN
    UPDATE customer_activity SET
        transactions = transactions + new.transactions - old.transactions,
        amount_fen = amount_fen + new.amount_fen - old.amount_fen
    WHERE customer_id = new.customer_id;
    END""",
    f"""CREATE TRIGGER customer_day_delete AFTER DELETE ON customer_day BEGIN
    {
        _body(
            f'''UPDATE customer_period SET days = days - 1
            WHERE customer_id = old.customer_id AND period IN ({_periods("old.day")})''',
            f'''UPDATE period_total SET
                served = served - (SELECT count(*) FROM customer_period p
                    WHERE p.period = period_total.period AND p.customer_id = old.customer_id
                    AND p.days = 0),
                repeaters = repeaters - (SELECT count(*) FROM customer_period p
                    WHERE p.period = period_total.period AND p.customer_id = old.customer_id
                    AND p.days = 1)
            WHERE period IN ({_periods("old.day")})''',
            f'''DELETE FROM customer_period WHERE customer_id = old.customer_id
                AND period IN ({_periods("old.day")}) AND days <= 0''',
            f'''DELETE FROM period_total WHERE period IN ({_periods("old.day")})
                AND served <= 0''',
            *_refresh_activity("old.customer_id"),
        )
    }END""",
)

# Filled from the purchases already on file, level by level (faster than replaying them
# through the triggers, which are created afterwards).
FILL = (
    """INSERT INTO sale (customer_id, transaction_key, day, amount_fen, lines)
        SELECT customer_id, transaction_key, purchased_on, sum(amount_fen), count(*)
        FROM purchase GROUP BY customer_id, transaction_key, purchased_on""",
    """INSERT INTO customer_day (customer_id, day, transactions, amount_fen)
        SELECT customer_id, day, count(*), sum(amount_fen) FROM sale
        GROUP BY customer_id, day""",
    """INSERT INTO day_total (day, transactions, amount_fen)
        SELECT day, sum(transactions), sum(amount_fen) FROM customer_day GROUP BY day""",
    f"""INSERT INTO customer_period (period, customer_id, days)
        SELECT period, customer_id, count(*) FROM (
            SELECT {_MONTH.format(d="day")} AS period, customer_id FROM customer_day
            UNION ALL SELECT {_QUARTER.format(d="day")}, customer_id FROM customer_day
            UNION ALL SELECT {_YEAR.format(d="day")}, customer_id FROM customer_day)
        GROUP BY period, customer_id""",
    """INSERT INTO period_total (period, served, repeaters)
        SELECT period, count(*), sum(days >= 2) FROM customer_period GROUP BY period""",
    f"""INSERT INTO customer_activity
        (customer_id, first_day, last_day, days, transactions, amount_fen, median_gap)
        SELECT customer_id, min(day), max(day), count(*), sum(transactions), sum(amount_fen),
            {_MEDIAN.format(c="d.customer_id")}
        FROM customer_day d GROUP BY customer_id""",
)

STATEMENTS = TABLES + FILL + PURCHASE_TRIGGERS + SALE_TRIGGERS + CUSTOMER_DAY_TRIGGERS


def apply(db: Database) -> None:
    for statement in STATEMENTS:
        db.execute_sql(statement)
