"""A customer's own data in one workbook: everything about them, nothing about anyone else."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from pharmadesk.errors import NotFound, PermissionRefused
from pharmadesk.io import subject_export
from pharmadesk.services import accounts, customers, erasure, vault
from pharmadesk.services.context import Context
from tests.conftest import FakeClock
from tests.unit.services.test_erasure import MOBILE, NAME, OTHER, _other, _spread_everywhere


def _sheet(path: Path, name: str) -> list[tuple[object, ...]]:
    book = load_workbook(path, read_only=True)
    try:
        return [tuple(row) for row in book[name].iter_rows(values_only=True)]
    finally:
        book.close()


def _text(rows: list[tuple[object, ...]]) -> str:
    return "\n".join(" ".join("" if v is None else str(v) for v in row) for row in rows)


def test_the_workbook_holds_everything_about_the_customer_in_chinese(
    pharmacy: Context, tmp_path: Path
) -> None:
    customer_id = _spread_everywhere(pharmacy)
    _other(pharmacy)
    target = tmp_path / "out" / "customer.xlsx"
    target.parent.mkdir()

    written = subject_export.write(
        pharmacy, customer_id, target, language="zh_CN",
        action_names={"customer.opened": "查看客户档案"},
    )  # fmt: skip

    book = load_workbook(target, read_only=True)
    names = book.sheetnames
    book.close()
    assert names == ["客户资料", "购药记录", "沟通记录", "同意记录", "积分明细", "审计记录",
                     "导入批次", "实名登记"]  # fmt: skip
    profile = dict(r[:2] for r in _sheet(target, "客户资料"))
    assert profile["姓名"] == NAME
    assert profile["手机"] == MOBILE
    assert profile["邮编"] == "310013"  # filled by the import's merge
    assert profile["微信号"] == f"wx_{MOBILE}"
    assert profile["过敏史"] == f"{NAME}对青霉素过敏"
    assert profile["个人信息同意"] == "已同意"
    assert profile["积分"] == 170 + 47  # with the 47 points its receipt earned
    assert profile["监护人姓名"] is None  # an adult: asked for children under 14 only
    purchases = _sheet(target, "购药记录")
    assert purchases[0][:2] == ("购买时间", "小票号")
    assert [(r[1], r[4], r[7], r[9]) for r in purchases[1:]] == [
        ("R-20261120-7", "布洛芬缓释胶囊", 2, 47)
    ]
    interactions = _sheet(target, "沟通记录")
    assert [(r[4], r[5], r[6]) for r in interactions[1:]] == [
        ("电话", "随访", f"给{NAME}回电 {MOBILE}")
    ]
    consents = _sheet(target, "同意记录")
    assert sorted((r[0], r[1]) for r in consents[1:]) == [
        ("个人信息", "已同意"), ("健康信息", "已同意"), ("联系及推送优惠", "拒绝"),
    ]  # fmt: skip
    points = _sheet(target, "积分明细")
    batch = imports_of(pharmacy)
    assert sorted((r[1], r[2], r[3]) for r in points[1:]) == [
        ("期初", 120, f"纸质卡片的期初积分（导入批次 {batch}）"),
        ("获得", 47, "购买获得（小票 R-20261120-7）"), ("调整", 50, f"{NAME} 生日积分"),
    ]  # fmt: skip
    audit_rows = _sheet(target, "审计记录")
    assert {r[4] for r in audit_rows[1:]} >= {"customer.created", "customer.opened"}
    assert "查看客户档案" in {r[3] for r in audit_rows[1:]}
    assert {r[7] for r in audit_rows[1:]} == {customer_id}
    imports = _sheet(target, "导入批次")
    assert [(r[1], r[4]) for r in imports[1:]] == [(f"{NAME}的卡片.csv", "已导入")]
    assert "postal_code" in str(imports[1][5])
    # Nobody else is in it.
    for sheet in names:
        assert OTHER[0] not in _text(_sheet(target, sheet))
        assert OTHER[1] not in _text(_sheet(target, sheet))
    assert written.rows["purchases"] == 1


def test_their_lines_of_the_real_name_register_are_in_it_as_written(
    pharmacy: Context, tmp_path: Path
) -> None:
    from pharmadesk.services import purchases, register
    from pharmadesk.services.purchases import LineInput
    from pharmadesk.services.register import BuyerInput

    made = customers.create(pharmacy, {"name": "赵敏", "mobile": "13812340007"}).customer
    assert made is not None
    [first] = purchases.record(pharmacy, made.id, [LineInput("新康泰克", 1, 2380)])
    register.set_controlled(pharmacy, first.product_id, True)
    purchases.record(
        pharmacy, made.id, [LineInput("新康泰克", 2, 2380, batch_no="B2311")],
        receipt="R-88", buyer=BuyerInput("赵敏", "11010519491231002X"),
    )  # fmt: skip
    target = tmp_path / "customer.xlsx"
    subject_export.write(pharmacy, made.id, target, language="en", action_names={})
    rows = _sheet(target, "real-name register")
    assert rows[0][:3] == ("time", "receipt", "product")
    assert [r[1:9] for r in rows[1:]] == [
        ("R-88", "新康泰克", None, "B2311", 2, "赵敏", "11010519491231002X", "owner")
    ]


def test_a_record_merged_into_theirs_is_in_it_with_what_it_still_holds(
    pharmacy: Context, tmp_path: Path
) -> None:
    from pharmadesk.services import merge

    kept = customers.create(pharmacy, {"name": "钱芳", "mobile": "13812340008"}).customer
    old = customers.create(
        pharmacy, {"name": "钱芳", "mobile": "13912340009", "address": "文一路 9 号"},
        allow_duplicate=True,
    ).customer  # fmt: skip
    assert kept is not None
    assert old is not None
    merge.merge(pharmacy, kept.id, [old.id], {"mobile": kept.id, "address": kept.id})
    target = tmp_path / "customer.xlsx"
    subject_export.write(pharmacy, kept.id, target, language="zh_CN", action_names={})
    rows = _sheet(target, "已合并的记录")
    assert rows[0] == ("记录编号", "项目", "内容")
    held = {(r[1], r[2]) for r in rows[1:] if r[0] == old.id}
    assert {("mobile", "13912340009"), ("address", "文一路 9 号"), ("status", "merged")} <= held


def test_writing_it_is_audited_naming_the_customer_by_id_only(
    pharmacy: Context, tmp_path: Path
) -> None:
    customer_id = _spread_everywhere(pharmacy)
    subject_export.write(pharmacy, customer_id, tmp_path / "data.xlsx")
    assert _sheet(tmp_path / "data.xlsx", "profile")[0] == ("field", "value")
    action, about, details = pharmacy.db.execute_sql(
        "SELECT action, customer_id, details FROM audit_event ORDER BY id DESC LIMIT 1"
    ).fetchone()
    assert (action, about) == ("export.customer_data", customer_id)
    assert NAME not in details
    assert MOBILE not in details
    assert json.loads(details)["sheets"]["interactions"] == 1


def test_nothing_is_written_for_an_erased_customer(pharmacy: Context, tmp_path: Path) -> None:
    customer_id = _other(pharmacy)
    erasure.erase(pharmacy, customer_id)
    with pytest.raises(NotFound):
        subject_export.write(pharmacy, customer_id, tmp_path / "data.xlsx")
    assert list(tmp_path.glob("*")) == [tmp_path / "pharmacy"]


def test_only_the_owner_exports_a_customers_data(
    pharmacy: Context, db_path: Path, clock: FakeClock, tmp_path: Path
) -> None:
    customer_id = _other(pharmacy)
    accounts.add(pharmacy, "li", role="pharmacist", password="pharm-pw")
    li = vault.open_pharmacy(db_path, user="li", password="pharm-pw", clock=clock)
    try:
        with pytest.raises(PermissionRefused):
            subject_export.write(li, customer_id, tmp_path / "data.xlsx")
    finally:
        li.close()
    assert not (tmp_path / "data.xlsx").exists()
    assert customers.get(pharmacy, customer_id).name == OTHER[0]


def imports_of(ctx: Context) -> int:
    return int(ctx.db.execute_sql("SELECT max(id) FROM import_batch").fetchone()[0])
