"""The Excel export read back with openpyxl and compared with the database: counts, values,
real dates, ¥ numbers, text that looks like a formula, custom fields, the staff role."""

from __future__ import annotations

import dataclasses
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.cell import Cell

from pharmadesk.db.models import AuditEvent
from pharmadesk.errors import PermissionRefused
from pharmadesk.io import export_customers
from pharmadesk.io.export import ExportRequest, export
from pharmadesk.services import customers, purchases
from pharmadesk.services.context import Account, Context
from pharmadesk.services.purchases import PurchaseFilter
from tests.unit.io.export_shop import FORMULA_NAME, FORMULA_TEXTS, Shop, fill

ALL = ("customers", "purchases", "interactions", "analytics")


@pytest.fixture
def shop(pharmacy: Context) -> Shop:
    return fill(pharmacy)


def read(path: Path) -> dict[str, list[list[Cell]]]:
    book = load_workbook(path)
    return {sheet.title: [list(row) for row in sheet.iter_rows()] for sheet in book.worksheets}


def table(path: Path, title: str) -> list[dict[str, Cell]]:
    rows = read(path)[title]
    headers = [c.value for c in rows[0]]
    return [dict(zip(headers, row, strict=True)) for row in rows[1:]]


def by_name(rows: list[dict[str, Cell]]) -> dict[str, dict[str, Any]]:
    return {r["name"].value: {k: c.value for k, c in r.items()} for r in rows}


def run(ctx: Context, tmp_path: Path, **request: Any) -> Path:
    target = tmp_path / "out" / "export.xlsx"
    target.parent.mkdir(exist_ok=True)
    export(ctx, target, ExportRequest(**request))
    return target


def day(value: date | None) -> datetime | None:
    return datetime(value.year, value.month, value.day) if value else None


def test_every_customer_with_every_field(pharmacy: Context, shop: Shop, tmp_path: Path) -> None:
    rows = table(run(pharmacy, tmp_path), "customers")
    records = list(customers.list_customers(pharmacy))
    assert len(rows) == len(records) == 4
    exported = by_name(rows)
    for record in records:
        row = exported[record.name]
        assert row["id"] == record.id
        assert row["member code"] == record.code
        assert row["mobile"] == record.mobile
        assert row["other phone"] == record.phone
        assert row["birth date"] == day(record.birth_date)
        assert row["birth year"] == record.birth_year
        assert row["birth date approximate"] is record.birth_date_approximate
        assert row["address"] == record.address
        for field in ("allergies", "chronic_conditions", "notes", "preferences"):
            assert row[field.replace("_", " ")] == getattr(record, field)
        assert row["data consent"] == record.consent_data
        assert row["marketing consent"] == record.consent_marketing
        assert row["status"] == record.status
        assert row["points"] == record.points
        assert row["purchase count"] == record.purchase_count
        assert row["total spend"] == pytest.approx(record.total_spend_fen / 100)
        assert row["last purchase"] == day(record.last_purchase)
        assert row["created"] == record.created_at.replace(tzinfo=None)
    zhang = exported["张三"]
    assert zhang["points"] == 155 + 95  # the ledger as written, and the receipts' points
    assert zhang["purchase count"] == 2
    assert zhang["total spend"] == pytest.approx(31.0 + 32.8 + 32.8)
    assert zhang["gender"] == "M"
    assert exported["李秀英"]["birth date approximate"] is True


def test_custom_fields_are_columns_of_their_own_type(
    pharmacy: Context, shop: Shop, tmp_path: Path
) -> None:
    exported = by_name(table(run(pharmacy, tmp_path), "customers"))
    zhang = exported["张三"]
    assert zhang["会员等级"] == "金卡"
    assert zhang["身高"] == pytest.approx(172.5)
    assert zhang["首次到店"] == datetime(2020, 1, 15)
    assert zhang["微信"] == "@x"
    assert exported[FORMULA_NAME]["身高"] == 180
    assert exported["王静"]["会员等级"] is None


def test_dates_are_dates_and_money_is_yuan_with_a_yuan_format(
    pharmacy: Context, shop: Shop, tmp_path: Path
) -> None:
    path = run(pharmacy, tmp_path, what=("customers", "purchases"))
    zhang = next(r for r in table(path, "customers") if r["name"].value == "张三")
    assert zhang["birth date"].is_date
    assert zhang["birth date"].number_format == "yyyy-mm-dd"
    assert zhang["created"].is_date
    spend = zhang["total spend"]
    assert spend.data_type == "n"
    assert "¥" in spend.number_format
    line = table(path, "purchases")[0]
    assert line["purchased at"].is_date
    for money in ("unit price", "amount"):
        assert line[money].data_type == "n"
        assert "¥" in line[money].number_format


def test_text_that_looks_like_a_formula_stays_text(
    pharmacy: Context, shop: Shop, tmp_path: Path
) -> None:
    path = run(pharmacy, tmp_path, what=ALL)
    sheets = read(path)
    texts = [c.value for rows in sheets.values() for row in rows for c in row]
    for text in (*FORMULA_TEXTS, "=SUM(A1:A9)", "=回访血糖", "+R9"):
        assert text in texts
    for rows in sheets.values():
        for row in rows:
            for cell in row:
                assert cell.data_type != "f", cell.coordinate
                if isinstance(cell.value, str) and cell.value[:1] in "=+-@":
                    assert cell.data_type in ("s", "inlineStr")
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                xml = archive.read(name).decode("utf-8")
                assert "<f>" not in xml, name
                assert "<f " not in xml, name


def test_purchases_sheet_holds_every_line(pharmacy: Context, shop: Shop, tmp_path: Path) -> None:
    rows = table(run(pharmacy, tmp_path, what=("purchases",)), "purchases")
    lines = purchases.page(pharmacy, PurchaseFilter(descending=False), offset=0, limit=1000)
    assert len(rows) == len(lines) == purchases.count_lines(pharmacy) == 8
    for row, found in zip(rows, lines, strict=True):
        line = found.line
        assert row["purchased at"].value == line.purchased_at.replace(tzinfo=None)
        assert row["customer name"].value == found.customer_name
        assert row["product"].value == line.product_name
        assert row["specification"].value == (line.specification or None)
        assert row["category"].value == line.category
        assert row["quantity"].value == line.quantity
        assert row["unit price"].value == pytest.approx(line.unit_price_fen / 100)
        assert row["amount"].value == pytest.approx(line.amount_fen / 100)
        assert row["receipt"].value == line.receipt
    metformin = [r for r in rows if r["product"].value == "二甲双胍片"]
    assert {r["amount"].value for r in metformin} == {35.0}


def test_interactions_sheet(pharmacy: Context, shop: Shop, tmp_path: Path) -> None:
    rows = table(run(pharmacy, tmp_path, what=("interactions",)), "interactions")
    assert [r["summary"].value for r in rows] == ["咨询降压药的服用时间", "=回访血糖", "排队太久"]
    follow_up = rows[1]
    assert follow_up["channel"].value == "phone"
    assert follow_up["follow-up status"].value == "open"
    assert follow_up["follow-up due"].value == datetime(2026, 11, 25)
    assert follow_up["occurred at"].value == datetime(2026, 11, 2, 10, 15)
    assert follow_up["staff"].value == "owner"
    assert rows[0]["rating"].value == 5


def test_chinese_headers_sheet_names_and_words(
    pharmacy: Context, shop: Shop, tmp_path: Path
) -> None:
    path = run(pharmacy, tmp_path, what=ALL, language="zh_CN")
    assert list(read(path)) == [
        "客户", "购药记录", "沟通记录", "关键指标", "月度趋势", "客户分群", "生命周期",
        "热销商品", "热销品类",
    ]  # fmt: skip
    zhang = next(r for r in table(path, "客户") if r["姓名"].value == "张三")
    assert zhang["性别"].value == "男"
    assert zhang["营销同意"].value == "拒绝"
    assert zhang["过敏史"].value == "青霉素"
    assert table(path, "沟通记录")[1]["渠道"].value == "电话"


def test_the_header_is_frozen_styled_and_filtered(
    pharmacy: Context, shop: Shop, tmp_path: Path
) -> None:
    book = load_workbook(run(pharmacy, tmp_path, what=ALL))
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2", sheet.title
        assert sheet.auto_filter.ref == sheet.dimensions, sheet.title
        assert sheet["A1"].font.b
    widths = book["customers"].column_dimensions
    assert widths["K"].width > widths["A"].width  # the address is wider than the id


@pytest.mark.parametrize("role", ["staff", "pharmacist"])
def test_only_the_owner_exports_personal_data(
    role: str, pharmacy: Context, shop: Shop, tmp_path: Path
) -> None:
    other = dataclasses.replace(pharmacy, account=Account(pharmacy.account.id, "x", role))
    for what in (("customers",), ("purchases",), ("interactions",), ("analytics", "customers")):
        with pytest.raises(PermissionRefused, match="personal data"):
            run(other, tmp_path, what=what)
    assert not (tmp_path / "out" / "export.xlsx").exists()
    assert [e.action for e in AuditEvent.select()].count("export.written") == 0
    if role == "pharmacist":  # the figures hold no person: charts are the pharmacist's too
        run(other, tmp_path, what=("analytics",))
    else:
        with pytest.raises(PermissionRefused):
            run(other, tmp_path, what=("analytics",))


def test_pages_join_up_whatever_their_size(
    pharmacy: Context, shop: Shop, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = read(run(pharmacy, tmp_path, what=("customers", "purchases", "interactions")))
    monkeypatch.setattr(export_customers, "PAGE", 1)
    from pharmadesk.io import export_activity

    monkeypatch.setattr(export_activity, "PAGE", 2)
    paged = read(run(pharmacy, tmp_path, what=("customers", "purchases", "interactions")))
    values = {t: [[c.value for c in row] for row in rows] for t, rows in whole.items()}
    assert values == {t: [[c.value for c in row] for row in rows] for t, rows in paged.items()}


def test_progress_runs_to_the_total(pharmacy: Context, shop: Shop, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    target = tmp_path / "p.xlsx"
    request = ExportRequest(what=("customers", "purchases", "interactions"))
    export(pharmacy, target, request, progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (4 + 8 + 3, 15)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


@pytest.mark.parametrize(("excel_rows", "parts"), [(4, [3, 3, 2]), (5, [4, 4])])
def test_lines_past_excels_last_row_go_on_in_another_sheet(
    pharmacy: Context,
    shop: Shop,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    excel_rows: int,
    parts: list[int],
) -> None:
    from pharmadesk.io import xlsx_stream

    monkeypatch.setattr(xlsx_stream, "EXCEL_ROWS", excel_rows)
    target = tmp_path / "split.xlsx"
    result = export(pharmacy, target, ExportRequest(what=("purchases",)))
    assert result.rows == {"purchases": 8}
    sheets = read(target)
    names = ["purchases", "purchases (2)", "purchases (3)"][: len(parts)]
    assert list(sheets) == names
    assert [len(rows) - 1 for rows in sheets.values()] == parts
    assert all(rows[0][0].value == "purchased at" for rows in sheets.values())


def _child(ctx: Context) -> int:
    record = customers.create(ctx, {
        "name": "王小明", "birth_date": "2015-05-01", "consent_data": "given",
        "allergies": "花粉", "guardian_name": "王大明", "guardian_mobile": "139 0000 2222",
    }).customer  # fmt: skip
    assert record is not None
    return record.id


@pytest.mark.parametrize(
    ("language", "sheet", "name", "guardian", "mobile"),
    [
        ("en", "customers", "name", "guardian name", "guardian mobile"),
        ("zh_CN", "客户", "姓名", "监护人姓名", "监护人手机"),
    ],
)
def test_a_childs_guardian_is_in_the_customers_sheet(
    pharmacy: Context,
    shop: Shop,
    tmp_path: Path,
    language: str,
    sheet: str,
    name: str,
    guardian: str,
    mobile: str,
) -> None:
    _child(pharmacy)
    rows = table(run(pharmacy, tmp_path, language=language), sheet)
    exported = {r[name].value: r for r in rows}
    assert exported["王小明"][guardian].value == "王大明"
    assert exported["王小明"][mobile].value == "13900002222"
    assert exported["张三"][guardian].value is None  # an adult has none
    assert exported["张三"][mobile].value is None


def test_the_guardian_is_not_health_data(pharmacy: Context) -> None:
    child = _child(pharmacy)
    staff = dataclasses.replace(pharmacy, account=Account(pharmacy.account.id, "x", "staff"))
    sheet = export_customers.sheet_for(staff, "en")
    headers = [c.header for c in sheet.columns]
    row = dict(zip(headers, export_customers.row_of(staff, sheet, child) or (), strict=True))
    assert (row["guardian name"], row["guardian mobile"]) == ("王大明", "13900002222")
    assert row["allergies (restricted)"] is None
