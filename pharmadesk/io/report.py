"""The import report: every row that was not simply imported, to fix and import again.

One line per merged, flagged, skipped or rejected row: the row number as the spreadsheet
program shows it, the outcome and the reason, then the row's own cells under the file's
own headers. It holds only what the imported file already held, and writing it is audited
like an export (it leaves the encrypted database as a plain file).
"""

from __future__ import annotations

from pathlib import Path

from pharmadesk.io.customer_import import ImportPlan
from pharmadesk.io.purchase_import import PurchasePlan
from pharmadesk.io.reasons import localize
from pharmadesk.services import audit
from pharmadesk.services.context import Context
from pharmadesk.services.permissions import Operation, require
from pharmadesk.system_language import system_language
from pharmadesk.text.normalize import fold

HEADINGS = {"zh_CN": ("行号", "结果", "原因"), "en": ("row", "outcome", "reason")}
OUTCOME_WORDS = {
    "zh_CN": {"merged": "合并", "flagged": "标记", "skipped": "跳过", "rejected": "拒绝"},
    "en": {"merged": "merged", "flagged": "flagged", "skipped": "skipped", "rejected": "rejected"},
}


def report_language(explicit: str | None) -> str:
    if explicit in HEADINGS:
        return explicit
    return system_language()


def write(
    ctx: Context, plan: ImportPlan | PurchasePlan, target: Path, *, language: str | None = None
) -> int:
    """Write the report to `target` (.xlsx); returns the number of rows written."""
    require(ctx, Operation.IMPORT)
    from openpyxl import Workbook

    chosen = report_language(language)
    words = OUTCOME_WORDS[chosen]
    book = Workbook(write_only=True)
    sheet = book.create_sheet("report")
    sheet.append([*HEADINGS[chosen], *(fold(h) for h in plan.headers)])
    written = 0
    for row in plan.rows:
        if row.outcome == "imported":
            continue
        cells = [_cell(sheet, value) for value in row.cells]
        sheet.append([row.number, words[row.outcome], localize(row.reason, chosen), *cells])
        written += 1
    target.parent.mkdir(parents=True, exist_ok=True)
    book.save(target)
    audit.record(
        ctx, "import.report_written", entity="import_report",
        details={"file_hash": plan.table.file_hash, "rows": written},
    )  # fmt: skip
    return written


def _cell(sheet: object, value: object) -> object:
    # Text such as "=HYPERLINK(...)" is written as text, never as a formula to run.
    if isinstance(value, str) and value.startswith("="):
        from openpyxl.cell import WriteOnlyCell

        cell = WriteOnlyCell(sheet, value)
        cell.data_type = "s"
        return cell
    return value
