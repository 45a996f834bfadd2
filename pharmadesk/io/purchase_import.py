"""Importing purchase lines (日期, 手机, 药品名称, 规格, 类别, 数量, 单价, 金额) as one batch.

Each line is attached to the customer its member code or mobile names, never to a guess: a
line whose customer is unknown is rejected with the reason. Products are created as needed
(marked with the batch, so undo removes them again). Amounts are integer fen; when the
amount and quantity x unit price disagree, the amount is kept and the row is flagged.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from pharmadesk.db.models import ImportBatch
from pharmadesk.errors import OperationFailed
from pharmadesk.io import card_rows
from pharmadesk.io.customer_import import (
    CHUNK,
    ImportCancelled,
    data_rows,
    first_customer_by,
    previous_batch,
    refuse_repeat,
)
from pharmadesk.io.files import RawRow, RawTable
from pharmadesk.io.mapping import HEADER_SEARCH_ROWS, IGNORE, header_key
from pharmadesk.services import audit, search_index
from pharmadesk.services.context import Context
from pharmadesk.services.permissions import Operation, require
from pharmadesk.services.purchases import transaction_key
from pharmadesk.text import normalize
from pharmadesk.text.normalize import InvalidValue, fold

HEADER_NAMES: dict[str, tuple[str, ...]] = {
    "date": ("日期", "购买日期", "消费日期", "销售日期", "date", "purchasedate"),
    "mobile": ("手机", "手机号", "手机号码", "联系电话", "电话", "mobile", "phone"),
    "code": ("会员卡号", "卡号", "会员号", "会员编号", "客户编号", "membercode", "cardno"),
    "customer_name": ("姓名", "客户姓名", "顾客姓名", "name"),
    "product": ("药品名称", "商品名称", "品名", "药品", "商品", "名称", "product"),
    "specification": ("规格", "specification", "spec"),
    "category": ("类别", "分类", "药品类别", "category"),
    "quantity": ("数量", "quantity", "qty"),
    "unit_price": ("单价", "价格", "unitprice", "price"),
    "amount": ("金额", "总价", "合计金额", "实收金额", "amount", "total"),
    "receipt": ("小票号", "单号", "票号", "receipt"),
}  # fmt: skip
_LOOKUP = {alias: target for target, aliases in HEADER_NAMES.items() for alias in aliases}


@dataclass
class LinePlan:
    number: int
    cells: tuple[object, ...]
    outcome: str
    reason: str = ""
    customer_id: int | None = None
    values: dict[str, Any] = field(default_factory=dict)


@dataclass
class PurchasePlan:
    table: RawTable
    header_number: int
    headers: tuple[object, ...]
    mapping: dict[int, str]
    rows: list[LinePlan] = field(default_factory=list)
    previous_batch: int | None = None

    def counts(self) -> dict[str, int]:
        found = dict.fromkeys(("imported", "merged", "flagged", "skipped", "rejected"), 0)
        for row in self.rows:
            found[row.outcome] += 1
        return {"data_rows": len(self.rows), **found}


def _target(header: object) -> str | None:
    key = header_key(header)
    return _LOOKUP.get(key) if key else None


def plan(ctx: Context, table: RawTable) -> PurchasePlan:
    """What importing these purchase lines would do. Writes nothing.

    Raises:
        OperationFailed: no customer key (member code or mobile) or no amount column.
    """
    header_index = _find_header([row.cells for row in table.rows])
    if header_index is None:
        raise OperationFailed(f"{table.source.name}: no header row found (日期, 手机, 金额 …)")
    headers = tuple(table.rows[header_index].cells)
    mapping: dict[int, str] = {}
    for column, header in enumerate(headers):
        target = _target(header)
        mapping[column] = target if target and target not in mapping.values() else IGNORE
    targets = set(mapping.values())
    if not targets & {"code", "mobile"} or not targets & {"amount", "unit_price"}:
        raise OperationFailed(
            f"{table.source.name}: purchase lines need a member code or mobile column and an "
            "amount (金额) or unit price (单价) column"
        )
    result = PurchasePlan(table, table.rows[header_index].number, headers, mapping)
    result.previous_batch = previous_batch(table.file_hash)
    for raw in data_rows(table.rows[header_index + 1 :]):
        result.rows.append(_line(raw, mapping))
    _attach_customers(ctx, result)
    return result


def _find_header(rows: Sequence[Sequence[object]]) -> int | None:
    best, best_score = None, 0
    for index, cells in enumerate(rows[:HEADER_SEARCH_ROWS]):
        score = sum(1 for cell in cells if cell not in (None, "") and _target(cell))
        if score > best_score:
            best, best_score = index, score
    return best


def _line(raw: RawRow, mapping: Mapping[int, str]) -> LinePlan:
    cells = tuple(raw.cells)
    if card_rows.is_empty(cells):
        return LinePlan(raw.number, cells, "skipped", "empty row")
    if card_rows.is_summary(cells):
        return LinePlan(raw.number, cells, "skipped", "summary row")
    raw_values = {
        target: cells[column]
        for column, target in mapping.items()
        if target != IGNORE and column < len(cells) and not card_rows.blank(cells[column])
    }
    try:
        values, warnings = _values(raw_values)
    except InvalidValue as exc:
        return LinePlan(raw.number, cells, "rejected", str(exc))
    outcome = "flagged" if warnings else "imported"
    return LinePlan(raw.number, cells, outcome, "; ".join(warnings), values=values)


def _values(raw: Mapping[str, object]) -> tuple[dict[str, Any], list[str]]:
    warnings: list[str] = []
    values: dict[str, Any] = {}
    product = fold(raw.get("product"))
    if not product:
        raise InvalidValue("product_missing", "no product name")
    values["product"] = product
    values["specification"] = fold(raw.get("specification"))
    values["category"] = fold(raw.get("category")) or None
    day = normalize.parse_date(raw.get("date"))
    if day is None:
        raise InvalidValue("date_missing", "no purchase date")
    values["date"] = day
    values["code"] = normalize.member_code(raw.get("code"))
    values["mobile"] = normalize.mobile(raw["mobile"]) if "mobile" in raw else None
    quantity = _quantity(raw.get("quantity"))
    unit = normalize.money_fen(raw.get("unit_price"))
    amount = normalize.money_fen(raw.get("amount"))
    if amount is None and unit is None:
        raise InvalidValue("amount_missing", "no amount and no unit price")
    if amount is None:
        amount = quantity * (unit or 0)
    if unit is None:
        unit = amount // quantity
    elif quantity * unit != amount:
        warnings.append("the amount differs from quantity x unit price (the amount is kept)")
    if amount < 0:
        raise InvalidValue("amount_negative", "a negative amount (a refund?)")
    values.update(quantity=quantity, unit_price_fen=unit, amount_fen=amount)
    values["receipt"] = fold(raw.get("receipt")) or None
    return values, warnings


def _quantity(value: object) -> int:
    if value is None:
        return 1
    text = fold(value)
    try:
        number = float(text)
    except ValueError:
        raise InvalidValue("quantity_invalid", f"not a quantity: {text}") from None
    if not number.is_integer() or not 1 <= number <= 10_000:
        raise InvalidValue("quantity_invalid", f"not a quantity: {text}")
    return int(number)


def _attach_customers(ctx: Context, result: PurchasePlan) -> None:
    """Find each line's customer by member code, else mobile; unknown means rejected."""
    lines = [row for row in result.rows if row.outcome in ("imported", "flagged")]
    codes = {v for row in lines if (v := row.values.get("code"))}
    mobiles = {v for row in lines if (v := row.values.get("mobile"))}
    by_code = first_customer_by(ctx, "code", codes)
    by_mobile = first_customer_by(ctx, "mobile", mobiles)
    for row in lines:
        code, mobile = row.values.get("code"), row.values.get("mobile")
        row.customer_id = by_code.get(code) if code else None
        if row.customer_id is None and mobile:
            row.customer_id = by_mobile.get(mobile)
        if row.customer_id is None:
            row.outcome = "rejected"
            known = f"member code {code}" if code else f"mobile {mobile}" if mobile else None
            row.reason = f"unknown customer ({known})" if known else "no member code or mobile"


def commit(
    ctx: Context,
    plan: PurchasePlan,
    *,
    again: bool = False,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Write the lines as one batch (one transaction); returns the batch id."""
    require(ctx, Operation.IMPORT)
    refuse_repeat(plan.table.source.name, plan.previous_batch, again)
    now = ctx.now()
    zone = now.tzinfo
    lines = [row for row in plan.rows if row.outcome in ("imported", "flagged")]
    with ctx.db.atomic():
        batch = ImportBatch.create(
            kind="purchases", file_name=plan.table.source.name, file_hash=plan.table.file_hash,
            user=ctx.account.id, created_at=now, status="committed",
            counts=json.dumps(plan.counts()),
        )  # fmt: skip
        products = _products(ctx, lines, int(batch.id))
        last_day: dict[int, date] = {}
        for start in range(0, len(lines), CHUNK):
            if cancelled is not None and cancelled():
                raise ImportCancelled()
            rows = []
            for line in lines[start : start + CHUNK]:
                v, customer = line.values, line.customer_id
                assert customer is not None
                at = datetime.combine(v["date"], time(12, 0), zone).isoformat(timespec="seconds")
                product = products[(v["product"], v["specification"])]
                key = transaction_key(v["receipt"], v["date"])
                rows.append((customer, product, at, v["date"].isoformat(), v["quantity"],
                             v["unit_price_fen"], v["amount_fen"], v["receipt"], key,
                             batch.id, ctx.account.id))  # fmt: skip
                last_day[customer] = max(last_day.get(customer, v["date"]), v["date"])
            ctx.db.cursor().executemany(
                "INSERT INTO purchase (customer_id, product_id, purchased_at, purchased_on, "
                "quantity, unit_price_fen, amount_fen, receipt, transaction_key, source, "
                "batch_id, user_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'import', ?, ?)",
                rows,
            )
            if progress is not None:
                progress(min(start + CHUNK, len(lines)), len(lines))
        for day in sorted(set(last_day.values())):
            search_index.touch(ctx.db, [c for c, d in last_day.items() if d == day], day)
        audit.record(
            ctx, "import.committed", entity="import_batch", entity_id=batch.id,
            details={"kind": "purchases", "file_hash": plan.table.file_hash, **plan.counts()},
        )  # fmt: skip
    return int(batch.id)


def _products(ctx: Context, lines: list[LinePlan], batch_id: int) -> dict[tuple[str, str], int]:
    """Product ids by (name, specification); missing products are created with the batch."""
    known = {
        (name, spec): product_id
        for product_id, name, spec in ctx.db.execute_sql(
            "SELECT id, name, specification FROM product"
        ).fetchall()
    }
    for line in lines:
        key = (line.values["product"], line.values["specification"])
        if key not in known:
            cursor = ctx.db.execute_sql(
                "INSERT INTO product (name, specification, category, batch_id) VALUES (?, ?, ?, ?)",
                (*key, line.values["category"], batch_id),
            )
            known[key] = int(cursor.lastrowid)
    return known
