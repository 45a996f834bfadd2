"""The demo pharmacy's real-name register: a controlled cold medicine on the shelf, and a few
sales of it, each with its register line as the counter would have written it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pharmadesk.services import demo, id_numbers, register, vault
from pharmadesk.services.context import Context
from tests.conftest import PASSWORD

TODAY = date(2026, 11, 20)
CONTAC = "新康泰克 复方盐酸伪麻黄碱缓释胶囊"


def _make(path: Path) -> tuple[Context, demo.DemoStats]:
    created = vault.create_pharmacy(path, owner="owner", password=PASSWORD)
    made = demo.populate(created.context, customers=400, seed=3, today=TODAY)
    return created.context, made


def test_the_controlled_medicine_and_its_register_lines(tmp_path: Path) -> None:
    ctx, made = _make(tmp_path / "demo.db")
    try:
        (product,) = register.controlled_products(ctx)
        assert (product.name, product.specification, product.category) == (
            CONTAC, "10粒", "感冒发烧"
        )  # fmt: skip
        entries = register.entries(ctx, date(2024, 1, 1), TODAY)
        assert 0 < len(entries) == made.register_lines < 20
        sold = ctx.db.execute_sql(
            "SELECT l.id, l.quantity, l.receipt, l.purchased_on, c.name, l.customer_id "
            "FROM purchase l JOIN customer c ON c.id = l.customer_id WHERE l.product_id = ?",
            (product.id,),
        ).fetchall()
        assert len(sold) == len(entries)  # every sale of it is in the register
        by_purchase = {
            row[0]: row[1:] for row in ctx.db.execute_sql(
                "SELECT purchase_id, quantity, receipt, sold_on, buyer_name, customer_id, "
                "id_number, batch_no, staff_name FROM controlled_sale"
            )
        }  # fmt: skip
        for purchase_id, quantity, receipt, day, name, customer_id in sold:
            line = by_purchase[purchase_id]
            assert line[:5] == (quantity, receipt, day, name, customer_id)
            assert id_numbers.validate(line[5], today=TODAY) == line[5]
            assert line[5].startswith("330106")
            assert line[6]
            assert line[7] == "owner"
            assert quantity <= register.limit(ctx)
            assert date.fromisoformat(day).month in (11, 12, 1, 2, 3)
    finally:
        ctx.close()


def test_the_register_lines_are_the_same_for_the_same_seed(tmp_path: Path) -> None:
    seen = []
    for name in ("a.db", "b.db"):
        ctx, _ = _make(tmp_path / name)
        try:
            seen.append(
                ctx.db.execute_sql(
                    "SELECT sold_at, purchase_id, batch_no, id_number FROM controlled_sale "
                    "ORDER BY id"
                ).fetchall()
            )
        finally:
            ctx.close()
    assert seen[0] == seen[1]
