"""The checks find what a damaged or hand-edited file would show, and name the first problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from pharmadesk.services import backups, check_summaries, checks, customers, purchases, vault
from pharmadesk.services.context import Context
from tests.conftest import PASSWORD, FakeClock


@pytest.fixture
def shop(pharmacy: Context, clock: FakeClock) -> dict[str, int]:
    """Two customers, three receipts on two days, and a points ledger."""
    zs = customers.create(pharmacy, {"name": "张三", "mobile": "13812345678"}).customer
    ls = customers.create(pharmacy, {"name": "李四", "mobile": "13900001111"}).customer
    assert zs is not None
    assert ls is not None
    line = purchases.LineInput("感冒灵颗粒", 1, 1550)
    purchases.record(pharmacy, zs.id, [line, purchases.LineInput("维C", 2, 500)], receipt="R1")
    clock.advance(days=1)
    purchases.record(pharmacy, zs.id, [line], receipt="R2")
    purchases.record(pharmacy, ls.id, [line], receipt="R3")
    for kind, points in (("opening", 300), ("earned", 20), ("redeemed", -50)):
        _points(pharmacy, zs.id, kind, points)
    return {"张三": zs.id, "李四": ls.id}


def _points(ctx: Context, customer_id: int, kind: str, points: int) -> int:
    return int(
        ctx.db.execute_sql(
            "INSERT INTO points_entry (customer_id, kind, points, reason, created_at, "
            "effective_on) VALUES (?, ?, ?, '', ?, ?) RETURNING id",
            (customer_id, kind, points, ctx.now().isoformat(), ctx.today().isoformat()),
        ).fetchone()[0]
    )


def _sql(ctx: Context, sql: str) -> None:
    ctx.db.execute_sql(sql)


def test_a_sound_file_passes_every_check(pharmacy: Context, shop: dict[str, int]) -> None:
    assert [(r.name, r.problem) for r in checks.run(pharmacy)] == [
        ("encryption", None), ("structure", None), ("schema", None), ("links", None),
        ("summaries", None), ("points", None), ("audit log", None),
    ]  # fmt: skip
    assert checks.first_problem(pharmacy) is None


def test_a_transaction_summary_that_differs_from_its_lines_is_named(
    pharmacy: Context, shop: dict[str, int]
) -> None:
    zs = shop["张三"]
    _sql(
        pharmacy,
        "UPDATE sale SET amount_fen = amount_fen + 100 WHERE transaction_key = 'receipt:R2'",
    )
    problem = checks.first_problem(pharmacy)
    assert problem is not None
    assert (problem.name, problem.problem) == (
        "summaries",
        f"customer #{zs} receipt R2 on 2026-11-21: sale holds 1 line(s), 16.50 yuan, "
        "the purchase lines give 1 line(s), 15.50 yuan",
    )


def test_a_missing_or_invented_summary_row_is_named(
    pharmacy: Context, shop: dict[str, int]
) -> None:
    ls = shop["李四"]
    _sql(pharmacy, f"DELETE FROM customer_activity WHERE customer_id = {ls}")
    problem = checks.first_problem(pharmacy)
    assert problem is not None
    assert problem.problem == (
        f"customer #{ls}: customer_activity holds nothing, the customer's days give "
        "2026-11-21, 2026-11-21, 1 day(s), 1 transaction(s), 15.50 yuan"
    )
    _sql(pharmacy, "INSERT INTO day_total VALUES ('2020-01-01', 1, 100)")
    problem = checks.first_problem(pharmacy)
    assert problem is not None
    assert problem.problem == (
        "on 2020-01-01: day_total holds 1 transaction(s), 1.00 yuan, the customers' days "
        "give nothing"
    )


def test_a_dropped_summary_trigger_is_named_before_the_figures_it_lets_drift(
    pharmacy: Context, shop: dict[str, int]
) -> None:
    _sql(pharmacy, "DROP TRIGGER purchase_sale_insert")
    purchases.record(pharmacy, shop["李四"], [purchases.LineInput("维C", 1, 500)], receipt="R4")
    found = {r.name: r.problem for r in checks.run(pharmacy)}
    assert (
        found["schema"]
        == "trigger purchase_sale_insert is missing (1 difference(s) from the schema)"
    )
    assert found["summaries"] is not None
    assert "receipt R4 on 2026-11-21" in found["summaries"]
    problem = checks.first_problem(pharmacy)
    assert problem is not None
    assert problem.name == "schema"


def test_an_index_dropped_or_a_trigger_rewritten_is_named(
    pharmacy: Context, shop: dict[str, int]
) -> None:
    _sql(pharmacy, "DROP INDEX purchase_customer_day")
    problem = checks.first_problem(pharmacy)
    assert problem is not None
    assert (
        problem.problem
        == "index purchase_customer_day is missing (1 difference(s) from the schema)"
    )
    _sql(pharmacy, "CREATE INDEX purchase_customer_day ON purchase(customer_id, purchased_on, "
         "amount_fen, transaction_key)")  # fmt: skip
    _sql(pharmacy, "DROP TRIGGER interaction_cache_insert")
    _sql(pharmacy, "CREATE TRIGGER interaction_cache_insert AFTER INSERT ON interaction "
         "BEGIN SELECT 1; END")  # fmt: skip
    problem = checks.first_problem(pharmacy)
    assert problem is not None
    assert problem.problem == (
        "trigger interaction_cache_insert was changed (1 difference(s) from the schema)"
    )


@pytest.mark.parametrize(
    ("kind", "points", "expected"),
    [
        ("bonus", 10, "is of an unknown kind (bonus)"),
        ("redeemed", 30, "(redeemed) is +30 points"),
        ("earned", -5, "(earned) is -5 points"),
    ],
)
def test_a_points_entry_that_cannot_be_right_is_named(
    pharmacy: Context, shop: dict[str, int], kind: str, points: int, expected: str
) -> None:
    entry = _points(pharmacy, shop["李四"], kind, points)
    problem = checks.first_problem(pharmacy)
    assert problem is not None
    assert (problem.name, problem.problem) == (
        "points",
        f"customer #{shop['李四']}: points entry #{entry} {expected}",
    )


def test_points_for_another_customers_purchase_or_of_an_undone_batch_are_named(
    pharmacy: Context, shop: dict[str, int]
) -> None:
    zs, ls = shop["张三"], shop["李四"]
    purchase = pharmacy.db.execute_sql(
        "SELECT id FROM purchase WHERE customer_id = ?", (ls,)
    ).fetchone()[0]
    entry = _points(pharmacy, zs, "earned", 15)
    # A file edited by hand, past the triggers that refuse to repoint an entry.
    _sql(pharmacy, "DROP TRIGGER points_entry_links")
    _sql(pharmacy, f"UPDATE points_entry SET purchase_id = {purchase} WHERE id = {entry}")
    assert check_summaries.points(pharmacy) == (
        f"customer #{zs}: points entry #{entry} is for purchase {purchase} of customer #{ls}"
    )
    _sql(pharmacy, f"UPDATE points_entry SET purchase_id = NULL WHERE id = {entry}")
    _sql(pharmacy, "INSERT INTO import_batch (id, kind, file_name, file_hash, created_at, status, "
         "counts) VALUES (7, 'customers', 'cards.xlsx', 'h', '2026-11-20T10:00:00+08:00', "
         "'undone', '{}')")  # fmt: skip
    _sql(pharmacy, "UPDATE points_entry SET batch_id = 7 WHERE kind = 'opening'")
    assert (
        check_summaries.points(pharmacy)
        == f"import batch 7 was undone but customer #{zs} keeps +300 of its points"
    )
    _points(pharmacy, zs, "adjusted", -300)
    _sql(
        pharmacy,
        "UPDATE points_entry SET batch_id = 7 WHERE id = (SELECT max(id) FROM points_entry)",
    )
    assert check_summaries.points(pharmacy) is None  # reversed: the batch's entries add up to 0


def test_a_cached_balance_that_differs_from_the_ledger_is_named(
    pharmacy: Context, shop: dict[str, int]
) -> None:
    zs, ls = shop["张三"], shop["李四"]
    _sql(pharmacy, f"UPDATE points_balance SET balance = balance + 5 WHERE customer_id = {ls}")
    problem = checks.first_problem(pharmacy)
    assert problem is not None
    assert (problem.name, problem.problem) == (
        "points",
        f"customer #{ls}: the cached points balance is 20, the ledger 15",
    )
    _sql(pharmacy, f"UPDATE points_balance SET balance = balance - 5 WHERE customer_id = {ls}")
    _sql(pharmacy, f"DELETE FROM points_balance WHERE customer_id = {zs}")
    problem = checks.first_problem(pharmacy)
    assert problem is not None
    assert problem.problem.startswith(f"customer #{zs}: the cached points balance is missing")


def test_the_ledger_refuses_edits_and_deletions(pharmacy: Context, shop: dict[str, int]) -> None:
    entry = _points(pharmacy, shop["李四"], "adjusted", 40)
    for sql in (
        f"UPDATE points_entry SET points = 400 WHERE id = {entry}",
        f"UPDATE points_entry SET kind = 'earned' WHERE id = {entry}",
        f"UPDATE points_entry SET reason = 'something else' WHERE id = {entry}",
        f"UPDATE points_entry SET batch_id = 1 WHERE id = {entry}",
        f"DELETE FROM points_entry WHERE id = {entry}",
    ):
        with pytest.raises(Exception, match="append-only"):
            _sql(pharmacy, sql)
    _sql(pharmacy, f"UPDATE points_entry SET reason = '' WHERE id = {entry}")  # erasure may
    assert checks.first_problem(pharmacy) is None


# --- events removed from the end of the audit log ----------------------------------------


def _remove_last_events(ctx: Context, count: int) -> None:
    last = ctx.db.execute_sql("SELECT max(id) FROM audit_event").fetchone()[0]
    ctx.db.execute_sql("DELETE FROM audit_event WHERE id > ?", (last - count,))


def _audit_problem(ctx: Context) -> str | None:
    [found] = [r for r in checks.run(ctx) if r.name == "audit log"]
    return found.problem


def test_events_removed_from_the_end_of_the_log_are_found_by_the_newest_backup(
    pharmacy: Context,
) -> None:
    customers.create(pharmacy, {"name": "张三", "mobile": "13812345678"})
    made = backups.make_backup(pharmacy)
    assert _audit_problem(pharmacy) is None
    _remove_last_events(pharmacy, 2)  # the backup's own event, and the customer's
    problem = _audit_problem(pharmacy)
    assert problem is not None
    assert "has lost its end" in problem
    assert made.path.name in problem


def test_an_edited_last_event_differs_from_the_backup(pharmacy: Context) -> None:
    customers.create(pharmacy, {"name": "张三", "mobile": "13812345678"})
    made = backups.make_backup(pharmacy)
    event, _ = made.audit_head
    # Rewritten with a hash that chains (as someone recomputing the chain would).
    pharmacy.db.execute_sql("UPDATE audit_event SET hash = 'x' || hash WHERE id >= ?", (event,))
    problem = _audit_problem(pharmacy)
    assert problem is not None


def test_after_a_restore_older_backups_do_not_count(
    pharmacy: Context, db_path: Path, clock: FakeClock
) -> None:
    early = backups.make_backup(pharmacy)
    clock.advance(hours=1)
    customers.create(pharmacy, {"name": "张三", "mobile": "13812345678"})
    backups.make_backup(pharmacy)  # holds the customer's event
    pharmacy.close()
    clock.advance(hours=1)
    backups.restore(early.path, db_path, user="owner", password=PASSWORD, clock=clock)
    restored = vault.open_pharmacy(db_path, user="owner", password=PASSWORD, clock=clock)
    try:
        assert _audit_problem(restored) is None  # went back on purpose, and the log says so
    finally:
        restored.close()
