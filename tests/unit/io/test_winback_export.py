"""The win-back list as .xlsx: headed in the UI language, read back as written, audited,
owner only."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from pharmadesk.db.models import AuditEvent
from pharmadesk.errors import PermissionRefused, UsageError
from pharmadesk.io import winback_export
from pharmadesk.services import accounts, vault
from pharmadesk.services.context import Context
from pharmadesk.services.winback import WinbackRow
from tests.conftest import FakeClock

P = "win-back calls"
TODAY = date(2026, 11, 20)
ROWS = [
    WinbackRow(7, "M0007", '=HYPERLINK("http://x")', "13812345678", "lost", date(2026, 5, 4),
               200, ("慢病用药", "保健品"), 123456, 9, 30.0),
    WinbackRow(8, None, "李四", None, "at_risk", date(2026, 9, 1), 80, (), 0, 1, None),
]  # fmt: skip


def _rows(target: Path) -> list[tuple[object, ...]]:
    sheet = load_workbook(target).active
    assert sheet is not None
    return list(sheet.iter_rows(values_only=True))


def test_the_list_reads_back_in_chinese_with_dates_and_money(
    pharmacy: Context, tmp_path: Path
) -> None:
    target = tmp_path / "名单.xlsx"
    written = winback_export.write(pharmacy, ROWS, target, language="zh_CN", made_on=TODAY,
                                   purpose=P)  # fmt: skip
    assert written == 2
    rows = _rows(target)
    assert rows[0] == ("姓名", "会员号", "手机", "阶段", "最近到店", "距今天数", "常买品类",
                       "近12个月消费额")  # fmt: skip
    assert rows[1] == ('=HYPERLINK("http://x")', "M0007", "13812345678", "已流失",
                       datetime(2026, 5, 4), 200, "慢病用药、保健品", 1234.56)  # fmt: skip
    assert rows[2] == ("李四", None, None, "有流失风险", datetime(2026, 9, 1), 80, None, 0)
    sheet = load_workbook(target).active
    assert sheet is not None
    assert sheet["A2"].data_type == "s"  # a formula-looking name stays text
    assert sheet["H2"].number_format == winback_export.MONEY_FORMAT


def test_english_headings_and_the_audit_names_no_one(pharmacy: Context, tmp_path: Path) -> None:
    target = tmp_path / "list.xlsx"
    winback_export.write(pharmacy, ROWS, target, language="en", made_on=TODAY, purpose=P)
    assert _rows(target)[0][:4] == ("Name", "Member code", "Mobile", "Stage")
    assert _rows(target)[1][3] == "Lost"
    event = AuditEvent.select().where(AuditEvent.action == "export.winback_list").get()
    assert json.loads(event.details) == {"list": "winback", "rows": 2, "as_of": "2026-11-20",
                                         "purpose": P}  # fmt: skip
    assert event.customer_id is None
    assert "13812345678" not in event.details


def test_only_an_xlsx_target_and_only_the_owner(
    pharmacy: Context, tmp_path: Path, db_path: Path, clock: FakeClock
) -> None:
    with pytest.raises(UsageError):
        winback_export.write(pharmacy, ROWS, tmp_path / "list.csv", language="en", made_on=TODAY,
                             purpose=P)  # fmt: skip
    with pytest.raises(UsageError):  # every export of personal data says what it is for
        winback_export.write(pharmacy, ROWS, tmp_path / "x.xlsx", language="en", made_on=TODAY,
                             purpose="  ")  # fmt: skip
    accounts.add(pharmacy, "li", role="pharmacist", password="pharm-pw")
    li = vault.open_pharmacy(db_path, user="li", password="pharm-pw", clock=clock)
    try:
        with pytest.raises(PermissionRefused):
            winback_export.write(li, ROWS, tmp_path / "x.xlsx", language="en", made_on=TODAY,
                                 purpose=P)  # fmt: skip
    finally:
        li.close()
    assert not (tmp_path / "x.xlsx").exists()
    assert not AuditEvent.select().where(AuditEvent.action == "export.winback_list").exists()
