"""A small pharmacy for the export tests: every kind of field, formula-looking text, custom
fields of each type, points, purchases in several months and categories, interactions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from pharmadesk.services import custom_fields, customers, interactions, purchases
from pharmadesk.services.context import Context
from pharmadesk.services.purchases import LineInput
from tests.conftest import CST

FORMULA_NAME = '=HYPERLINK("http://evil.example","click")'
FORMULA_TEXTS = (FORMULA_NAME, "+1", "@x", "-2+3", "=1+1")


@dataclass(frozen=True)
class Shop:
    zhang: int
    formula: int
    li: int
    quiet: int


def _at(day: str, hour: int = 10) -> datetime:
    return datetime.fromisoformat(f"{day}T{hour:02d}:15:00").replace(tzinfo=CST)


def _create(ctx: Context, data: dict[str, object]) -> int:
    record = customers.create(ctx, data, allow_duplicate=True).customer
    assert record is not None
    return record.id


def fill(ctx: Context) -> Shop:
    custom_fields.define(ctx, "会员等级", kind="choice", choices=["金卡", "银卡"], key="tier")
    custom_fields.define(ctx, "身高", kind="number", key="height")
    custom_fields.define(ctx, "首次到店", kind="date", key="first_visit")
    custom_fields.define(ctx, "微信", kind="text", key="wechat")
    zhang = _create(ctx, {
        "name": "张三", "mobile": "13812345678", "gender": "男", "birth_date": "1965-03-07",
        "email": "zs@example.com", "address": "杭州市西湖区文三路88号", "postal_code": "310012",
        "allergies": "青霉素", "chronic_conditions": "高血压", "notes": "每月复诊",
        "preferences": "同仁堂", "consent_data": "given", "consent_health": "given",
        "consent_marketing": "refused",
        "custom": {"tier": "金卡", "height": "172.5", "first_visit": "2020-01-15",
                   "wechat": "@x"},
    })  # fmt: skip
    formula = _create(ctx, {
        "name": FORMULA_NAME, "address": "+1", "notes": "-2+3", "preferences": "=1+1",
        "custom": {"wechat": "=SUM(A1:A9)", "height": "180"},
    })  # fmt: skip
    li = _create(ctx, {"name": "李秀英", "mobile": "13900001111", "age": "61",
                       "chronic_conditions": "糖尿病"})  # fmt: skip
    quiet = _create(ctx, {"name": "王静", "phone": "010-62345678"})
    ctx.db.execute_sql(
        "INSERT INTO points_entry (customer_id, kind, points, reason, created_at) "
        "VALUES (?, 'opening', 120, '', ?), (?, 'earned', 35, '', ?)",
        (zhang, ctx.now().isoformat(), zhang, ctx.now().isoformat()),
    )
    _purchases(ctx, zhang, li, formula)
    interactions.log(ctx, zhang, channel="counter", kind="consultation",
                     summary="咨询降压药的服用时间", rating=5,
                     occurred_at=_at("2026-10-12"))  # fmt: skip
    interactions.log(ctx, li, channel="phone", kind="follow_up", summary="=回访血糖",
                     follow_up_due=date(2026, 11, 25), occurred_at=_at("2026-11-02"))  # fmt: skip
    interactions.log(ctx, li, channel="wechat", kind="complaint", summary="排队太久",
                     rating=2, occurred_at=_at("2026-09-05"))  # fmt: skip
    return Shop(zhang, formula, li, quiet)


def _purchases(ctx: Context, zhang: int, li: int, formula: int) -> None:
    cold = LineInput("感冒灵颗粒", 2, 1550, specification="10g×9袋", category="感冒用药")
    bp = LineInput("硝苯地平缓释片", 1, 3280, specification="20mg×30片", category="心脑血管")
    metformin = LineInput("二甲双胍片", 3, 1200, amount_fen=3500, category="糖尿病")
    purchases.record(ctx, zhang, [cold, bp], purchased_at=_at("2026-09-03"), receipt="R1")
    purchases.record(ctx, zhang, [bp], purchased_at=_at("2026-10-20", 15))
    for day in ("2026-08-01", "2026-08-31", "2026-09-30", "2026-10-30"):
        purchases.record(ctx, li, [metformin], purchased_at=_at(day))
    purchases.record(ctx, formula, [cold], purchased_at=_at("2026-11-05"), receipt="+R9")
