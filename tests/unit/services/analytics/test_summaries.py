"""Schema 7's summaries stay equal to a fresh aggregate of the purchase lines, whoever
writes them: the purchase service, executemany, the purchase import and its undo, an
edited line, a deleted customer (CASCADE)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pharmadesk.io import import_batches, purchase_import
from pharmadesk.io.files import RawRow, RawTable
from pharmadesk.services import analytics
from pharmadesk.services.analytics.results import month_of
from pharmadesk.services.context import Context
from tests.unit.services.analytics import shop
from tests.unit.services.analytics.test_figures import lines_for


def _assert_fresh(ctx: Context) -> None:
    assert shop.summary_tables(ctx) == shop.fresh_summaries(ctx)


def _sample(ctx: Context) -> list[int]:
    ids = shop.add_customers(ctx, 7)
    lines = lines_for(ids)
    shop.write_through_service(ctx, [x for x in lines if x.customer % 2])
    shop.write_raw(ctx, [x for x in lines if not x.customer % 2])
    return ids


def test_inserts_deletes_and_edits_keep_the_summaries_fresh(pharmacy: Context) -> None:
    ids = _sample(pharmacy)
    assert shop.summary_tables(pharmacy)["sale"]
    _assert_fresh(pharmacy)
    # One line of a two-line receipt, then a whole day of one customer.
    pharmacy.db.execute_sql("DELETE FROM purchase WHERE id = (SELECT min(id) FROM purchase)")
    _assert_fresh(pharmacy)
    pharmacy.db.execute_sql(
        "DELETE FROM purchase WHERE customer_id = ? AND purchased_on = '2026-10-02'", (ids[0],)
    )
    _assert_fresh(pharmacy)
    # Lines moved to another day, amount and customer.
    pharmacy.db.execute_sql(
        "UPDATE purchase SET purchased_on = '2026-10-20', amount_fen = amount_fen + 1 "
        "WHERE customer_id = ? AND purchased_on = '2026-10-05'",
        (ids[1],),
    )
    pharmacy.db.execute_sql(
        "UPDATE purchase SET customer_id = ? WHERE customer_id = ?", (ids[2], ids[3])
    )
    _assert_fresh(pharmacy)


def test_deleting_a_customer_removes_them_from_every_summary(pharmacy: Context) -> None:
    ids = _sample(pharmacy)
    before = analytics.kpis(pharmacy, month_of(date(2026, 10, 1)))
    pharmacy.db.execute_sql("DELETE FROM customer WHERE id = ?", (ids[0],))
    _assert_fresh(pharmacy)
    after = analytics.kpis(pharmacy, month_of(date(2026, 10, 1)))
    assert after.customers_served == before.customers_served - 1
    tables = shop.summary_tables(pharmacy)
    assert all(row[0] != ids[0] for row in tables["customer_activity"])


def test_an_import_and_its_undo_keep_the_summaries_fresh(pharmacy: Context) -> None:
    ids = _sample(pharmacy)
    before = shop.summary_tables(pharmacy)
    header = ("日期", "会员卡号", "药品名称", "类别", "数量", "金额", "小票号")
    rows = [
        ("2026-10-03", f"C{ids[0]:04d}", "感冒灵颗粒", "感冒发烧", 1, "15.50", "R2"),
        ("2026-10-03", f"C{ids[0]:04d}", "新产品", None, 2, "8", None),
        ("2026-11-01", f"C{ids[6]:04d}", "二甲双胍片", "慢病用药", 1, "26.80", None),
        ("2026-11-01", f"C{ids[6]:04d}", "维生素C片", "维生素", 1, "35", None),
    ]
    lines = [RawRow(1, header), *(RawRow(n, row) for n, row in enumerate(rows, start=2))]
    plan = purchase_import.plan(pharmacy, RawTable(Path("sales.csv"), None, lines, "h1"))
    batch = purchase_import.commit(pharmacy, plan)
    _assert_fresh(pharmacy)
    assert shop.summary_tables(pharmacy) != before
    import_batches.undo(pharmacy, batch)
    _assert_fresh(pharmacy)
    assert shop.summary_tables(pharmacy) == before


def test_the_summaries_hold_the_figures_of_the_raw_lines(pharmacy: Context) -> None:
    ids = shop.add_customers(pharmacy, 7)
    lines = lines_for(ids)
    shop.write_raw(pharmacy, lines)
    tables = shop.summary_tables(pharmacy)
    assert sorted(tables["sale"]) == sorted(
        (c, f"receipt:{k}" if k != "day" else f"day:{d}", d.isoformat(), amount,
         sum(1 for x in lines if (x.customer, x.receipt or "day", x.day) == (c, k, d)))
        for (c, k, d), amount in shop.transactions(lines).items()
    )  # fmt: skip
    firsts = shop.first_days(lines)
    assert {row[0]: row[1] for row in tables["customer_activity"]} == {
        c: d.isoformat() for c, d in firsts.items()
    }
