"""The real-name register of controlled medicines written to .xlsx for an inspection.

One row per register line of a date range, oldest first as a paper register reads, with
the ID numbers in full: only an account that may both export personal data and see ID
numbers (the owner) writes it. Headed in the language the caller passes (zh_CN or en).
Like every export of personal data it is audited (who, when, which range, how many rows;
never a person), the file is written beside the target and renamed over it only once
complete, and text cells stay text (a name such as "=HYPERLINK(…)" is never a formula).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pharmadesk.errors import OperationFailed, UsageError
from pharmadesk.io import staged_files
from pharmadesk.services import audit, register
from pharmadesk.services.context import Context
from pharmadesk.services.permissions import Operation, require
from pharmadesk.services.register import RegisterEntry

SHEET = {"zh_CN": "实名登记", "en": "real-name register"}
# Column key -> (Chinese, English) header, in the file's order.
HEADERS = {
    "date": ("日期", "date"),
    "time": ("时间", "time"),
    "receipt": ("小票号", "receipt"),
    "product": ("药品名称", "product"),
    "specification": ("规格", "specification"),
    "batch": ("批号", "batch"),
    "quantity": ("数量（最小包装）", "quantity (packs)"),
    "buyer": ("购买人", "buyer"),
    "id_number": ("身份证号", "ID number"),
    "staff": ("经办人", "staff"),
    "override_reason": ("超量原因", "override reason"),
    "kept": ("依法保留（客户已删除）", "kept under legal obligation (customer erased)"),
}
DATE_FORMAT = "yyyy-mm-dd"
HEADER_FILL = "DCE6F1"


def headers(language: str) -> list[str]:
    index = 0 if language == "zh_CN" else 1
    return [pair[index] for pair in HEADERS.values()]


def write(
    ctx: Context, target: Path, *, start: date, end: date, language: str, purpose: str
) -> int:
    """Write the register lines sold from `start` to `end` to `target`; returns the rows.
    `purpose` (required, as for every export of personal data) goes into the audit entry.

    Raises:
        PermissionRefused: the account may not export personal data or see ID numbers.
        UsageError: the target is not an .xlsx file, the range ends before it starts, or
            no purpose is given.
        OperationFailed: the file cannot be written.
    """
    require(ctx, Operation.EXPORT_PERSONAL)
    require(ctx, Operation.SEE_ID_NUMBERS)
    if target.suffix.lower() != ".xlsx":
        raise UsageError(f"{target.name}: the register is written as an .xlsx file")
    if end < start:
        raise UsageError("the date range ends before it starts")
    purpose = purpose.strip()
    if not purpose:
        raise UsageError("an export of personal data needs its purpose")
    rows = list(reversed(register.entries(ctx, start, end)))
    book = _book(rows, language)
    with staged_files.staged(target) as (partial, _):
        try:
            book.save(partial)
        except OSError as exc:
            raise OperationFailed(
                f"{target.name} cannot be written: {exc.strerror or exc}"
            ) from None
        with ctx.db.atomic():
            # Recorded before the rename, in one transaction: no unaudited file is left.
            audit.record(ctx, "export.register", entity="export", details={
                "rows": len(rows), "period": [start.isoformat(), end.isoformat()],
                "kept_by_law": sum(1 for row in rows if row.kept), "purpose": purpose,
            })  # fmt: skip
            staged_files.replace(partial, target)
    return len(rows)


def _book(rows: list[RegisterEntry], language: str):  # type: ignore[no-untyped-def]
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook()
    page = book.active
    page.title = SHEET.get(language, SHEET["en"])
    page.append(headers(language))
    for cell in page[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
    for row in rows:
        page.append(_values(row))
        for cell in page[page.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text stays text: "=…" is never a formula
        for column in (1, len(HEADERS)):
            page.cell(page.max_row, column).number_format = DATE_FORMAT
    page.freeze_panes = "A2"
    page.auto_filter.ref = f"A1:{get_column_letter(len(HEADERS))}{len(rows) + 1}"
    for number, width in enumerate(_widths(page), start=1):
        page.column_dimensions[get_column_letter(number)].width = width
    return book


def _values(row: RegisterEntry) -> list[object]:
    return [
        row.sold_on, row.sold_at.strftime("%H:%M"), row.receipt or "", row.product_name,
        row.specification, row.batch_no, row.quantity, row.buyer_name, row.id_number,
        row.staff_name, row.override_reason or "",
        row.kept_at.date() if row.kept_at is not None else None,
    ]  # fmt: skip


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
    text = value.isoformat() if isinstance(value, date) else str(value)
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)
