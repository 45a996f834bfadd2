"""Paging through purchase lines, as the purchase tables show them."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from pharmadesk.services import customers, purchases
from pharmadesk.services.context import Context
from pharmadesk.services.purchases import LineInput, PurchaseFilter
from tests.conftest import CST

ALL = None


def _customer(ctx: Context, name: str, mobile: str) -> int:
    saved = customers.create(ctx, {"name": name, "mobile": mobile}).customer
    assert saved is not None
    return saved.id


def _shop(ctx: Context) -> dict[str, int]:
    """Two customers, eleven receipts over eleven days; amounts 1-11 yuan (×1 or ×2)."""
    ids = {
        "张三": _customer(ctx, "张三", "13812345678"),
        "李四": _customer(ctx, "李四", "13900001111"),
    }
    for n in range(11):
        who = "张三" if n % 2 == 0 else "李四"
        category = "感冒发烧" if n % 3 == 0 else "维生素营养"
        purchases.record(
            ctx, ids[who], [LineInput(f"药品{n}", 1, (n + 1) * 100, category=category)],
            purchased_at=datetime(2026, 1, 1, 10, tzinfo=CST) + timedelta(days=n),
        )  # fmt: skip
    return ids


def _all_pages(ctx: Context, selection: PurchaseFilter, size: int) -> list[purchases.PurchaseRow]:
    rows: list[purchases.PurchaseRow] = []
    while True:
        got = purchases.page(ctx, selection, offset=len(rows), limit=size)
        rows.extend(got)
        if len(got) < size:
            return rows


def test_one_customer_newest_first_with_running_totals(pharmacy: Context) -> None:
    ids = _shop(pharmacy)
    selection = PurchaseFilter(customer_id=ids["张三"])
    rows = _all_pages(pharmacy, selection, 2)
    assert purchases.count_filtered(pharmacy, selection) == len(rows) == 6
    assert [r.line.product_name for r in rows] == [
        "药品10",
        "药品8",
        "药品6",
        "药品4",
        "药品2",
        "药品0",
    ]
    assert [r.running_total_fen for r in rows] == [3600, 2500, 1600, 900, 400, 100]


def test_all_customers_with_names_by_amount_and_pages_that_join_up(pharmacy: Context) -> None:
    _shop(pharmacy)
    selection = PurchaseFilter(customer_id=ALL, order_by="amount", descending=False)
    rows = _all_pages(pharmacy, selection, 3)
    assert [r.line.amount_fen for r in rows] == [n * 100 for n in range(1, 12)]
    assert [r.customer_name for r in rows[:3]] == ["张三", "李四", "张三"]
    assert {r.running_total_fen for r in rows} == {None}
    assert purchases.count_filtered(pharmacy, selection) == 11


def test_date_range_and_category_filters(pharmacy: Context) -> None:
    _shop(pharmacy)
    selection = PurchaseFilter(
        customer_id=ALL, date_from=date(2026, 1, 3), date_to=date(2026, 1, 10), category="感冒发烧"
    )
    rows = _all_pages(pharmacy, selection, 50)
    assert [r.line.product_name for r in rows] == ["药品9", "药品6", "药品3"]
    assert purchases.count_filtered(pharmacy, selection) == 3


def test_continuing_from_a_neighbouring_row_gives_the_same_pages(pharmacy: Context) -> None:
    _shop(pharmacy)
    for order_by in ("date", "amount"):
        for descending in (True, False):
            selection = PurchaseFilter(customer_id=ALL, order_by=order_by, descending=descending)
            by_offset = [
                purchases.page(pharmacy, selection, offset=start, limit=4) for start in (0, 4, 8)
            ]
            forward = purchases.page(
                pharmacy, selection, offset=999, limit=4,
                boundary=purchases.Boundary(by_offset[0][-1], after=True),
            )  # fmt: skip
            backward = purchases.page(
                pharmacy, selection, offset=999, limit=4,
                boundary=purchases.Boundary(by_offset[2][0], after=False),
            )  # fmt: skip
            ids = [[r.line.id for r in rows] for rows in (by_offset[1], forward, backward)]
            assert ids[0] == ids[1] == ids[2], (order_by, descending)


def test_each_receipt_shows_its_points_on_its_first_line(pharmacy: Context) -> None:
    ids = _shop(pharmacy)  # 张三 earned 1+3+5+7+9+11 = 36 points
    receipt = purchases.record(
        pharmacy, ids["张三"], [LineInput("创可贴", 1, 2000), LineInput("口罩", 2, 1000)],
        receipt="R9", redeem_points=36,
    )  # fmt: skip
    first, second = receipt[0].id, receipt[1].id
    # ¥40.00 less ¥0.36: 39 points earned, 36 redeemed, both on the receipt's first line.
    assert (receipt[0].earned_points, receipt[0].redeemed_points) == (39, 36)
    for rows in (
        purchases.page(pharmacy, PurchaseFilter(customer_id=ids["张三"]), offset=0, limit=50),
        purchases.page(pharmacy, PurchaseFilter(customer_id=ALL), offset=0, limit=50),
    ):
        points = {r.line.id: (r.line.earned_points, r.line.redeemed_points) for r in rows}
        assert points[first] == (39, 36)
        assert points[second] == (0, 0)
    history = {line.id: line for line in purchases.history(pharmacy, ids["张三"])}
    assert (history[first].earned_points, history[first].redeemed_points) == (39, 36)
    assert (history[second].earned_points, history[second].redeemed_points) == (0, 0)
    earned = [line.earned_points for line in history.values() if line.receipt is None]
    assert sorted(earned) == [1, 3, 5, 7, 9, 11]
