"""The audit log, or the part a filter picks, written to .xlsx (owner only).

The log holds no personal data by design (customers by id, accounts by name, details as
field names and counts), so the file holds none either. It is still written like every
export: streamed (a log of years fits, sheet after sheet past Excel's row limit), into a
private folder beside the target and renamed over it only when complete, and recorded
in the log itself ("audit.exported", with the row count and the filter) before the rename.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path

from pharmadesk.errors import UsageError
from pharmadesk.io import export as excel
from pharmadesk.io import staged_files
from pharmadesk.io.xlsx_stream import Column, Row
from pharmadesk.services import audit, audit_log
from pharmadesk.services.audit_log import ALL, AuditEntry, AuditFilter
from pharmadesk.services.context import Context
from pharmadesk.services.permissions import Operation, require

LANGUAGES = ("zh_CN", "en")
SHEET = {"zh_CN": "审计日志", "en": "audit log"}
# (key, Chinese header, English header, kind), in column order.
COLUMNS = (
    ("id", "事件编号", "event", "int"),
    ("at", "时间", "time", "text"),
    ("user", "账户", "user", "text"),
    ("action", "操作", "action", "text"),
    ("code", "操作代码", "action code", "text"),
    ("entity", "对象", "entity", "text"),
    ("entity_id", "对象编号", "entity id", "int"),
    ("customer_id", "客户编号", "customer id", "int"),
    ("details", "详情", "details", "text"),
    ("hash", "哈希值", "hash", "text"),
)


def columns(language: str) -> list[Column]:
    chosen = 1 if language == "zh_CN" else 2
    return [Column(spec[chosen], spec[3]) for spec in COLUMNS]


def write(
    ctx: Context,
    target: Path,
    filters: AuditFilter = ALL,
    *,
    language: str = "en",
    action_names: Mapping[str, str] | None = None,
) -> int:
    """Write the events `filters` picks (newest first) to `target`; returns how many.

    `action_names` gives the words for the action codes (the window's, in its language);
    an action without words is written as its code, which the next column always holds.

    Raises:
        PermissionRefused: only the owner may export the audit log.
        UsageError: the target is not an .xlsx file, or the language is unknown.
        OperationFailed: the file cannot be written.
    """
    require(ctx, Operation.AUDIT)
    if language not in LANGUAGES:
        raise UsageError(f"unknown language {language}")
    target = excel.checked_target(target, wrong_kind="the audit log is written as an .xlsx file")
    sheet = rows(ctx, filters, action_names or {})
    with excel.staged(target) as (partial, folder):
        written = excel.write_book(
            partial, folder, lambda book: book.sheet(SHEET[language], columns(language), sheet)
        )
        with ctx.db.atomic():
            # Recorded before the rename, in one transaction: no unaudited file is left.
            audit.record(ctx, "audit.exported", entity="export",
                         details={"rows": written, "filters": filters.as_details(),
                                  "language": language})  # fmt: skip
            staged_files.replace(partial, target)
    return written


def rows(ctx: Context, filters: AuditFilter, names: Mapping[str, str]) -> Iterator[Row]:
    """The sheet's rows (in `columns` order) of the events `filters` picks, newest first, the
    action in the words `names` gives it (else its code)."""
    for entry in audit_log.iterate(ctx, filters):
        yield _row(entry, names)


def _row(entry: AuditEntry, names: Mapping[str, str]) -> Row:
    details = json.dumps(entry.details, ensure_ascii=False, sort_keys=True) if entry.details else ""
    return (
        entry.id, entry.stored_at, entry.user_name, names.get(entry.action, entry.action),
        entry.action, entry.entity, entry.entity_id, entry.customer_id, details, entry.hash,
    )  # fmt: skip
