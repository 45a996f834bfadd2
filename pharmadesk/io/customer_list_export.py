"""One dashboard list of customers (a segment, a stage, the buyers of a product or category)
written to .xlsx as the window shows it: the owner's call-back list, in a spreadsheet.

The Excel export (`pharmadesk.io.export`) selects its customers by filters, not by a list of
ids, so a list from a chart is written here. Like every export of personal data it is
audited (who, when, which list, how many rows; never a person), and the file is written
beside the target and renamed over it only once complete. Text cells are always text, so a
name such as "=HYPERLINK(…)" is never a formula when the file is opened.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from pharmadesk.errors import OperationFailed, UsageError
from pharmadesk.io import staged_files
from pharmadesk.services import audit
from pharmadesk.services.analytics.results import CustomerRow, Period
from pharmadesk.services.context import Context
from pharmadesk.services.permissions import Operation, require

COLUMNS = ("name", "code", "mobile", "last_purchase", "recency_days", "transactions_12m",
           "spend_12m", "segment", "stage")  # fmt: skip
MONEY_FORMAT = '"¥"#,##0.00'
DATE_FORMAT = "yyyy-mm-dd"
HEADER_FILL = "DCE6F1"


@dataclass(frozen=True)
class ListSheet:
    """How the list reads: headers in the UI language (in `COLUMNS` order), the names of
    the segment and stage codes, and what the list is (`what`: a chart's pick such as
    "stage:at_risk", for the audit log)."""

    title: str
    headers: Sequence[str]
    segment_names: Mapping[str, str]
    stage_names: Mapping[str, str]
    what: str


def write(
    ctx: Context, rows: Sequence[CustomerRow], target: Path, *, sheet: ListSheet, period: Period
) -> int:
    """Write `rows` to `target` (.xlsx), replacing it only when complete; returns the rows.

    Raises:
        UsageError: the target is not an .xlsx file.
        OperationFailed: the file cannot be written.
        PermissionRefused: the role may not export personal data.
    """
    require(ctx, Operation.EXPORT_PERSONAL)
    if target.suffix.lower() != ".xlsx":
        raise UsageError(f"{target.name}: a customer list is written as an .xlsx file")
    book = _book(rows, sheet)
    with staged_files.staged(target) as (partial, _):
        try:
            book.save(partial)
        except OSError as exc:
            raise OperationFailed(
                f"{target.name} cannot be written: {exc.strerror or exc}"
            ) from None
        with ctx.db.atomic():
            # Recorded before the rename, in one transaction: no unaudited file is left.
            audit.record(ctx, "export.customer_list", entity="export",
                         details=_details(rows, sheet, period))  # fmt: skip
            staged_files.replace(partial, target)
    return len(rows)


def _details(rows: Sequence[CustomerRow], sheet: ListSheet, period: Period) -> dict[str, object]:
    return {
        "list": sheet.what,
        "rows": len(rows),
        "period": [period.start.isoformat(), period.end.isoformat()],
    }


def _book(rows: Sequence[CustomerRow], sheet: ListSheet):  # type: ignore[no-untyped-def]
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook()
    page = book.active
    page.title = sheet.title[:31]
    page.append(list(sheet.headers))
    for cell in page[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
    for row in rows:
        _append(page, row, sheet)
    page.freeze_panes = "A2"
    last = get_column_letter(len(COLUMNS))
    page.auto_filter.ref = f"A1:{last}{len(rows) + 1}"
    for number, width in enumerate(_widths(page), start=1):
        page.column_dimensions[get_column_letter(number)].width = width
    return book


def _append(page, row: CustomerRow, sheet: ListSheet) -> None:  # type: ignore[no-untyped-def]
    values: list[object] = [
        row.name, row.code, row.mobile, row.last_purchase, row.recency_days,
        row.transactions_12m, row.spend_12m_fen / 100,
        sheet.segment_names.get(row.segment or "", row.segment),
        sheet.stage_names.get(row.stage or "", row.stage),
    ]  # fmt: skip
    page.append(values)
    for cell in page[page.max_row]:
        if isinstance(cell.value, str):
            cell.data_type = "s"  # text stays text: "=…" is never a formula
    page.cell(page.max_row, 4).number_format = DATE_FORMAT
    page.cell(page.max_row, 7).number_format = MONEY_FORMAT


def _widths(page) -> list[int]:  # type: ignore[no-untyped-def]
    """Column widths from the longest cell, CJK characters counting double."""
    widths = []
    for column in page.iter_cols(values_only=True):
        longest = max((_shown_width(value) for value in column), default=6)
        widths.append(min(40, max(8, longest + 3)))
    return widths


def _shown_width(value: object) -> int:
    if value is None:
        return 0
    if isinstance(value, float):
        return len(f"¥{value:,.2f}")
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)
