"""Importing purchase lines: attached to the right customer or rejected, never guessed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pharmadesk.errors import OperationFailed
from pharmadesk.io import import_batches, purchase_import
from pharmadesk.io.files import RawRow, RawTable
from pharmadesk.services import customers, purchases
from pharmadesk.services.context import Context
from pharmadesk.services.purchases import PurchaseFilter

HEADER = ("日期", "手机", "会员卡号", "药品名称", "规格", "类别", "数量", "单价", "金额")


def table(rows: list[tuple[object, ...]], digest: str = "p1") -> RawTable:
    lines = [RawRow(1, ("康宁大药房销售记录",)), RawRow(2, HEADER)]
    lines += [RawRow(n, row) for n, row in enumerate(rows, start=3)]
    return RawTable(Path("sales.xlsx"), "S", lines, digest)


@pytest.fixture
def shop(pharmacy: Context) -> dict[str, int]:
    zs = customers.create(pharmacy, {"name": "张三", "mobile": "13812345678", "code": "K001"})
    ls = customers.create(pharmacy, {"name": "李四", "mobile": "13900001111"})
    assert zs.customer is not None
    assert ls.customer is not None
    return {"张三": zs.customer.id, "李四": ls.customer.id}


ROWS: list[tuple[object, ...]] = [
    ("2026-03-01", "138 1234 5678", None, "感冒灵颗粒", "10g×9袋", "感冒发烧", 2, "¥15.50", "31元"),
    (date(2026, 3, 2), None, "K001", "维生素C片", "100片", "维生素", 1, 35, None),
    ("2026/3/3", "13900001111", None, "健胃消食片", "32片", "消化", 3, "12.00", "30.00"),
    ("2026-03-04", "13700000000", None, "感冒灵颗粒", "10g×9袋", "感冒发烧", 1, 15.5, 15.5),
    ("2026-03-05", None, None, "感冒灵颗粒", "10g×9袋", "感冒发烧", 1, 15.5, 15.5),
    (None, None, None, None, None, None, None, None, None),
    ("合计", None, None, None, None, None, None, None, "91.5"),
]


def test_lines_go_to_their_customers_and_unknown_customers_are_rejected(
    pharmacy: Context, shop: dict[str, int]
) -> None:
    plan = purchase_import.plan(pharmacy, table(ROWS))
    assert [(r.number, r.outcome) for r in plan.rows] == [
        (3, "imported"), (4, "imported"), (5, "flagged"), (6, "rejected"), (7, "rejected"),
        (8, "skipped"), (9, "skipped"),
    ]  # fmt: skip
    assert plan.rows[2].reason.startswith("the amount differs")
    assert plan.rows[3].reason == "unknown customer (mobile 13700000000)"
    assert plan.rows[4].reason == "no member code or mobile"
    batch = purchase_import.commit(pharmacy, plan)

    lines = purchases.page(pharmacy, PurchaseFilter(customer_id=shop["张三"]), offset=0, limit=9)
    assert [(x.line.product_name, x.line.quantity, x.line.amount_fen) for x in lines] == [
        ("维生素C片", 1, 3500), ("感冒灵颗粒", 2, 3100),
    ]  # fmt: skip
    ls = purchases.page(pharmacy, PurchaseFilter(customer_id=shop["李四"]), offset=0, limit=9)
    assert [(x.line.amount_fen, x.line.unit_price_fen) for x in ls] == [(3000, 1200)]
    assert customers.get(pharmacy, shop["张三"]).last_purchase == date(2026, 3, 2)

    import_batches.undo(pharmacy, batch)
    assert purchases.count_lines(pharmacy) == 0
    names = {r[0] for r in pharmacy.db.execute_sql("SELECT name FROM product").fetchall()}
    assert names == set()  # the products the batch created went with it


def test_a_file_without_customer_or_amount_columns_cannot_be_imported(
    pharmacy: Context,
) -> None:
    lines = [RawRow(1, ("日期", "药品名称", "数量")), RawRow(2, ("2026-03-01", "药", 1))]
    with pytest.raises(OperationFailed, match="member code or mobile"):
        purchase_import.plan(pharmacy, RawTable(Path("x.csv"), None, lines, "p2"))


def test_the_same_file_twice_is_refused(pharmacy: Context, shop: dict[str, int]) -> None:
    purchase_import.commit(pharmacy, purchase_import.plan(pharmacy, table(ROWS[:1])))
    again = purchase_import.plan(pharmacy, table(ROWS[:1]))
    with pytest.raises(OperationFailed, match="imported before"):
        purchase_import.commit(pharmacy, again)
