"""Scanned cards imported as a batch: each customer keeps the page they came from, the image
only when the owner chose so; an undo takes the batch's pages with it; the customer's own
data lists them."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from openpyxl import load_workbook

from pharmadesk.db.models import Customer
from pharmadesk.io import customer_import, import_batches, subject_export
from pharmadesk.io.card_pages import PageRef
from pharmadesk.io.customer_import import ImportPlan
from pharmadesk.io.files import RawRow, RawTable
from pharmadesk.services import customers, merge, settings
from pharmadesk.services.context import Context
from tests.conftest import FakeClock

PNG = b"\x89PNG\r\n\x1a\n" + b"card" * 64
SCAN = "/scans/2019登记卡.pdf"
SCAN_HASH = hashlib.sha256(b"the scanned file").hexdigest()
# Below the header (row 1): imported, flagged, merged in the file, merged into a customer on
# file, an empty card (skipped), a card without a name (rejected).
CARDS = [
    ("张三", "13900001111"),
    ("李四", "010-62345678"),
    ("张三", "13900001111"),
    ("王芳", "13811112222"),
    ("", ""),
    ("", "13700000000"),
]


def _table(rows: list[tuple[str, str]]) -> RawTable:
    lines = [("姓名", "手机"), *rows]
    raw = [RawRow(n, tuple(cells)) for n, cells in enumerate(lines, start=1)]
    digest = hashlib.sha256(repr(rows).encode()).hexdigest()
    return RawTable(Path("扫描卡片"), "cards", raw, digest)


def _plan(ctx: Context, rows: list[tuple[str, str]] = CARDS) -> ImportPlan:
    plan = customer_import.plan(ctx, _table(rows))
    plan.kind = "cards"
    plan.pages = {
        row.number: PageRef(SCAN, row.number - 1, SCAN_HASH, PNG, "image/png") for row in plan.rows
    }
    return plan


def _new(ctx: Context, name: str, mobile: str) -> int:
    made = customers.create(ctx, {"name": name, "mobile": mobile}, allow_duplicate=True).customer
    assert made is not None
    return made.id


def _id(name: str) -> int:
    return int(Customer.get((Customer.name == name) & (Customer.status != "merged")).id)


def _pages(ctx: Context) -> list[tuple[int, int, int, str | None]]:
    """(card row, customer, page, image type) of every card page on file."""
    return ctx.db.execute_sql(
        "SELECT row_number, customer_id, page, image_type FROM card_page ORDER BY row_number"
    ).fetchall()


def test_each_customer_of_the_batch_keeps_the_page_it_came_from(pharmacy: Context) -> None:
    existing = _new(pharmacy, "王芳", "13811112222")
    plan = _plan(pharmacy)
    outcomes = [r.outcome for r in plan.rows]
    assert outcomes == ["imported", "flagged", "merged", "merged", "skipped", "rejected"]

    batch = import_batches.commit(pharmacy, plan)

    zhang, li = _id("张三"), _id("李四")
    # The merged card points at the customer it joined; skipped and rejected cards have none.
    assert _pages(pharmacy) == [
        (2, zhang, 1, None), (3, li, 2, None), (4, zhang, 3, None), (5, existing, 4, None),
    ]  # fmt: skip
    row = pharmacy.db.execute_sql(
        "SELECT source, file_hash, image, batch_id FROM card_page WHERE row_number = 2"
    ).fetchone()
    assert row == (SCAN, SCAN_HASH, None, batch)  # the setting is off: no image kept
    kind = pharmacy.db.execute_sql("SELECT kind FROM import_batch WHERE id = ?", (batch,))
    assert kind.fetchone() == ("cards",)


def test_the_image_is_kept_encrypted_in_the_file_only_when_the_owner_chose_so(
    pharmacy: Context,
) -> None:
    settings.set_store_card_images(pharmacy, True)
    import_batches.commit(pharmacy, _plan(pharmacy, CARDS[:2]))
    stored = pharmacy.db.execute_sql(
        "SELECT row_number, image, image_type FROM card_page ORDER BY row_number"
    ).fetchall()
    assert [(n, bytes(image), kind) for n, image, kind in stored] == [
        (2, PNG, "image/png"), (3, PNG, "image/png"),
    ]  # fmt: skip


def test_a_spreadsheet_import_is_still_a_customers_batch_without_pages(
    pharmacy: Context,
) -> None:
    batch = import_batches.commit(pharmacy, customer_import.plan(pharmacy, _table(CARDS[:1])))
    kind = pharmacy.db.execute_sql("SELECT kind FROM import_batch WHERE id = ?", (batch,))
    assert kind.fetchone() == ("customers",)
    assert _pages(pharmacy) == []


def test_a_page_counted_from_zero_or_an_image_without_its_type_is_refused() -> None:
    with pytest.raises(ValueError, match="from 1"):
        PageRef(SCAN, 0, SCAN_HASH)
    with pytest.raises(ValueError, match="media type"):
        PageRef(SCAN, 1, SCAN_HASH, PNG)


def test_undo_takes_the_batch_pages_and_keeps_those_of_customers_who_stay(
    pharmacy: Context, clock: FakeClock
) -> None:
    existing = _new(pharmacy, "王芳", "13811112222")
    settings.set_store_card_images(pharmacy, True)
    batch = import_batches.commit(pharmacy, _plan(pharmacy))
    clock.advance(minutes=5)
    li = _id("李四")
    customers.update(pharmacy, li, {"address": "教工路2号"})  # edited since: kept

    result = import_batches.undo(pharmacy, batch, keep_edited=True)

    # 张三 is gone with his two cards; 王芳 stays on file without the card merged into her;
    # 李四, kept because someone edited him, still says where his details came from.
    assert result.removed_card_pages == 3
    assert _pages(pharmacy) == [(3, li, 2, "image/png")]
    assert Customer.get_by_id(existing).name == "王芳"


def test_undo_discarding_edited_customers_leaves_no_page_of_the_batch(
    pharmacy: Context, clock: FakeClock
) -> None:
    batch = import_batches.commit(pharmacy, _plan(pharmacy))
    clock.advance(minutes=5)
    customers.update(pharmacy, _id("李四"), {"address": "教工路2号"})
    import_batches.undo(pharmacy, batch, keep_edited=False)
    assert _pages(pharmacy) == []


def test_undo_after_a_merge_keeps_the_pages_so_the_unmerge_brings_them_back(
    pharmacy: Context,
) -> None:
    keep = _new(pharmacy, "赵敏", "13811113333")
    batch = import_batches.commit(pharmacy, _plan(pharmacy, [("赵敏", "13977776666")]))
    [imported] = [c.id for c in Customer.select().where(Customer.mobile == "13977776666")]
    merge_id = merge.merge(pharmacy, keep, [imported], {"mobile": keep}).merge_id
    assert _pages(pharmacy) == [(2, keep, 1, None)]  # moved with the record merged in

    import_batches.undo(pharmacy, batch, keep_edited=False)  # the merged record stays
    assert _pages(pharmacy) == [(2, keep, 1, None)]
    merge.unmerge(pharmacy, merge_id)
    assert _pages(pharmacy) == [(2, imported, 1, None)]


def test_the_customers_own_data_lists_their_card_pages_but_not_the_image(
    pharmacy: Context, tmp_path: Path
) -> None:
    settings.set_store_card_images(pharmacy, True)
    batch = import_batches.commit(pharmacy, _plan(pharmacy, CARDS[:3]))
    target = tmp_path / "zhang.xlsx"
    written = subject_export.write(pharmacy, _id("张三"), target, language="zh_CN")

    assert written.rows["card_pages"] == 2
    book = load_workbook(target, read_only=True)
    try:
        pages = [tuple(r) for r in book["扫描卡片"].iter_rows(values_only=True)]
        imports = [tuple(r) for r in book["导入批次"].iter_rows(values_only=True)]
    finally:
        book.close()
    assert pages[0] == ("批次", "文件", "页码", "导入时间", "已保存图像")
    assert [(r[0], r[1], r[2], r[4]) for r in pages[1:]] == [
        (batch, SCAN, 1, "是"), (batch, SCAN, 3, "是"),
    ]  # fmt: skip
    assert [(r[0], r[3]) for r in imports[1:]] == [(batch, "扫描卡片")]


def test_someone_never_scanned_gets_no_card_sheet(pharmacy: Context, tmp_path: Path) -> None:
    customer = _new(pharmacy, "钱七", "13600001111")
    written = subject_export.write(pharmacy, customer, tmp_path / "qian.xlsx")
    assert "card_pages" not in written.rows
