"""A dashboard's customer list as .xlsx: read back as written, text stays text, audited."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from pharmadesk.db.models import AuditEvent
from pharmadesk.errors import UsageError
from pharmadesk.io import customer_list_export
from pharmadesk.io.customer_list_export import ListSheet
from pharmadesk.services import audit
from pharmadesk.services.analytics.results import CustomerRow, month_of
from pharmadesk.services.context import Context

OCTOBER = month_of(date(2026, 10, 1))
SHEET = ListSheet(
    title="流失风险 — 2026-10",
    headers=[
        "姓名",
        "会员号",
        "手机",
        "最近购买",
        "距今天数",
        "交易笔数",
        "消费额",
        "分群",
        "阶段",
    ],
    segment_names={"at_risk": "流失风险"},
    stage_names={"lost": "已流失"},
    what="segment:at_risk",
)
ROWS = [
    CustomerRow(7, "M0007", "=HYPERLINK(\"http://x\")", "13812345678", date(2026, 6, 1), 152,
                9, 123456, "at_risk", "lost"),
    CustomerRow(8, None, "@李四", None, None, None, 0, 0, None, None),
]  # fmt: skip


def test_the_list_reads_back_as_written_with_real_dates_and_numbers(
    pharmacy: Context, tmp_path: Path
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "list.xlsx"
    assert customer_list_export.write(pharmacy, ROWS, target, sheet=SHEET, period=OCTOBER) == 2
    sheet = load_workbook(target).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == tuple(SHEET.headers)
    assert rows[1] == ("=HYPERLINK(\"http://x\")", "M0007", "13812345678",
                       datetime(2026, 6, 1), 152, 9, 1234.56, "流失风险", "已流失")  # fmt: skip
    assert rows[2] == ("@李四", None, None, None, None, 0, 0, None, None)
    assert sheet["A2"].data_type == "s"  # a formula-looking name is text, not a formula
    assert sheet["G2"].number_format == customer_list_export.MONEY_FORMAT
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:I3"
    assert list(folder.iterdir()) == [target]  # no temporary file left beside it


def test_the_export_is_audited_without_naming_anyone(pharmacy: Context, tmp_path: Path) -> None:
    customer_list_export.write(pharmacy, ROWS, tmp_path / "a.xlsx", sheet=SHEET, period=OCTOBER)
    event = AuditEvent.select().order_by(AuditEvent.id.desc()).get()
    assert event.action == "export.customer_list"
    assert event.user_name == pharmacy.account.name
    assert json.loads(event.details) == {
        "list": "segment:at_risk", "rows": 2, "period": ["2026-10-01", "2026-10-31"],
    }  # fmt: skip
    assert "李四" not in event.details
    assert audit.verify_chain(pharmacy) is None


def test_only_an_xlsx_target_is_written(pharmacy: Context, tmp_path: Path) -> None:
    with pytest.raises(UsageError):
        customer_list_export.write(pharmacy, ROWS, tmp_path / "a.csv", sheet=SHEET,
                                   period=OCTOBER)  # fmt: skip
    assert not (tmp_path / "a.csv").exists()
