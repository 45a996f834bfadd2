"""The register for an inspection: what the .xlsx holds, who may write it, its audit."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

from pharmadesk.db.models import AuditEvent
from pharmadesk.errors import PermissionRefused, UsageError
from pharmadesk.io import register_export
from pharmadesk.services import customers, erasure, purchases, register
from pharmadesk.services.context import Account, Context
from pharmadesk.services.purchases import LineInput
from pharmadesk.services.register import BuyerInput
from tests.conftest import FakeClock

ID = "11010519491231002X"
P = "inspection by the drug administration"


@pytest.fixture
def sold(pharmacy: Context, clock: FakeClock) -> date:
    """Two days of register lines: a plain sale, then an override for a customer later erased."""
    first = customers.create(pharmacy, {"name": "张三", "mobile": "13812345678"}).customer
    second = customers.create(pharmacy, {"name": "李四", "mobile": "13900001111"}).customer
    assert first is not None
    assert second is not None
    line = LineInput("新康泰克", 1, 2800, specification="10粒", batch_no="B2311")
    made = purchases.record(pharmacy, first.id, [replace(line, batch_no="")])
    register.set_controlled(pharmacy, made[0].product_id, True)
    purchases.record(pharmacy, first.id, [line], buyer=BuyerInput("张三", ID), receipt="R1")
    clock.advance(days=1, hours=2)
    purchases.record(
        pharmacy, second.id, [replace(line, quantity=3)],
        buyer=BuyerInput("=李四", "110101199003071233"), override_reason="全家感冒",
    )  # fmt: skip
    erasure.erase(pharmacy, second.id)
    return clock.current.date()


def test_the_file_holds_each_line_with_full_id_numbers(
    pharmacy: Context, sold: date, tmp_path: Path
) -> None:
    target = tmp_path / "register.xlsx"
    assert register_export.write(
        pharmacy, target, start=sold - timedelta(days=1), end=sold, language="zh_CN", purpose=P
    ) == 2  # fmt: skip
    page = load_workbook(target).active
    assert page.title == "实名登记"
    rows = list(page.iter_rows(values_only=True))
    assert rows[0] == tuple(register_export.headers("zh_CN"))
    assert rows[0][:3] == ("日期", "时间", "小票号")
    first, second = rows[1], rows[2]
    assert first[1:11] == (
        "10:00", "R1", "新康泰克", "10粒", "B2311", 1, "张三", ID, "owner", None
    )  # fmt: skip
    assert first[0].date() == sold - timedelta(days=1)
    assert first[11] is None
    assert second[1:11] == (
        "12:00", None, "新康泰克", "10粒", "B2311", 3, "=李四", "110101199003071233", "owner",
        "全家感冒",
    )  # fmt: skip
    assert second[11].date() == sold  # kept under a legal obligation since the erasure
    assert page.cell(3, 8).data_type == "s"  # "=李四" stays text


def test_english_headers_and_the_range(pharmacy: Context, sold: date, tmp_path: Path) -> None:
    target = tmp_path / "register.xlsx"
    assert (
        register_export.write(pharmacy, target, start=sold, end=sold, language="en", purpose=P) == 1
    )
    page = load_workbook(target).active
    assert page.title == "real-name register"
    assert page.cell(1, 9).value == "ID number"
    assert page.max_row == 2


def test_the_export_is_audited_without_a_person(
    pharmacy: Context, sold: date, tmp_path: Path
) -> None:
    register_export.write(
        pharmacy, tmp_path / "r.xlsx", start=sold, end=sold, language="en", purpose=P
    )
    event = AuditEvent.get(AuditEvent.action == "export.register")
    assert json.loads(event.details) == {
        "rows": 1, "period": [sold.isoformat(), sold.isoformat()], "kept_by_law": 1,
        "purpose": P,
    }  # fmt: skip
    with pytest.raises(UsageError):  # every export of personal data says what it is for
        register_export.write(pharmacy, tmp_path / "r.xlsx", start=sold, end=sold, language="en",
                              purpose="")  # fmt: skip


def test_only_the_owner_writes_it(pharmacy: Context, sold: date, tmp_path: Path) -> None:
    target = tmp_path / "register.xlsx"
    pharmacist = replace(pharmacy, account=Account(pharmacy.account.id, "li", "pharmacist"))
    with pytest.raises(PermissionRefused):
        register_export.write(pharmacist, target, start=sold, end=sold, language="en", purpose=P)
    with pytest.raises(UsageError):
        register_export.write(
            pharmacy, tmp_path / "r.csv", start=sold, end=sold, language="en", purpose=P
        )
    assert not target.exists()
