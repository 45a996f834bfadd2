"""The win-back list written to .xlsx for the owner's calls, headed in the UI language.

Like every export of personal data (`customer_list_export.py`): owner only
(EXPORT_PERSONAL), audited (who, when, how many rows, never a person) in the transaction
that renames the finished file over the target, so no unaudited file is left; text cells
are always text, so a name such as "=HYPERLINK(…)" is never a formula.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from pharmadesk.errors import OperationFailed, UsageError
from pharmadesk.io import staged_files
from pharmadesk.io.customer_list_export import DATE_FORMAT, HEADER_FILL, MONEY_FORMAT
from pharmadesk.io.customer_list_export import _widths as column_widths
from pharmadesk.services import audit
from pharmadesk.services.context import Context
from pharmadesk.services.permissions import Operation, require
from pharmadesk.services.winback import WinbackRow

ACTION = "export.winback_list"
HEADERS = {
    "zh_CN": (
        "姓名",
        "会员号",
        "手机",
        "阶段",
        "最近到店",
        "距今天数",
        "常买品类",
        "近12个月消费额",
    ),
    "en": (
        "Name",
        "Member code",
        "Mobile",
        "Stage",
        "Last visit",
        "Days since",
        "Usual categories",
        "12-month value",
    ),
}
TITLES = {"zh_CN": "流失挽回名单", "en": "Win-back list"}
STAGES = {
    "zh_CN": {"at_risk": "有流失风险", "lost": "已流失"},
    "en": {"at_risk": "At risk", "lost": "Lost"},
}
SEPARATOR = {"zh_CN": "、", "en": ", "}
LAST_VISIT_COLUMN, VALUE_COLUMN = 5, 8


def _language(language: str) -> str:
    return "zh_CN" if language.startswith("zh") else "en"


def write(
    ctx: Context,
    rows: Sequence[WinbackRow],
    target: Path,
    *,
    language: str,
    made_on: date,
    purpose: str,
) -> int:
    """Write `rows` (in their order) to `target` (.xlsx), replacing it only when complete;
    returns the number of rows. `purpose` (required, as for every export of personal data)
    goes into the audit entry.

    Raises:
        UsageError: the target is not an .xlsx file, or no purpose is given.
        OperationFailed: the file cannot be written.
        PermissionRefused: the role may not export personal data.
    """
    require(ctx, Operation.EXPORT_PERSONAL)
    if target.suffix.lower() != ".xlsx":
        raise UsageError(f"{target.name}: the win-back list is written as an .xlsx file")
    purpose = purpose.strip()
    if not purpose:
        raise UsageError("an export of personal data needs its purpose")
    book = _book(rows, _language(language), made_on)
    with staged_files.staged(target) as (partial, _):
        try:
            book.save(partial)
        except OSError as exc:
            raise OperationFailed(
                f"{target.name} cannot be written: {exc.strerror or exc}"
            ) from None
        with ctx.db.atomic():
            audit.record(ctx, ACTION, entity="export",
                         details={"list": "winback", "rows": len(rows),
                                  "as_of": made_on.isoformat(), "purpose": purpose})  # fmt: skip
            staged_files.replace(partial, target)
    return len(rows)


def _book(rows: Sequence[WinbackRow], language: str, made_on: date):  # type: ignore[no-untyped-def]
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook()
    page = book.active
    page.title = f"{TITLES[language]} {made_on.isoformat()}"[:31]
    page.append(list(HEADERS[language]))
    for cell in page[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
    for row in rows:
        _append(page, row, language)
    page.freeze_panes = "A2"
    page.auto_filter.ref = f"A1:{get_column_letter(len(HEADERS[language]))}{len(rows) + 1}"
    for number, width in enumerate(column_widths(page), start=1):
        page.column_dimensions[get_column_letter(number)].width = width
    return book


def _append(page, row: WinbackRow, language: str) -> None:  # type: ignore[no-untyped-def]
    values: list[object] = [
        row.customer_name, row.customer_code, row.mobile,
        STAGES[language].get(row.stage, row.stage), row.last_visit, row.days_since,
        SEPARATOR[language].join(row.categories) or None, row.value_12m_fen / 100,
    ]  # fmt: skip
    page.append(values)
    for cell in page[page.max_row]:
        if isinstance(cell.value, str):
            cell.data_type = "s"  # text stays text: "=…" is never a formula
    page.cell(page.max_row, LAST_VISIT_COLUMN).number_format = DATE_FORMAT
    page.cell(page.max_row, VALUE_COLUMN).number_format = MONEY_FORMAT
