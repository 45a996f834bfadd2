"""A customer's own data, on their request: one .xlsx with everything held about them.

The sheets: the profile (every field, custom fields included, one per line), purchases,
interactions, consent records, the points ledger, the audit entries about them and the
import batches that created or filled their file. Sheet names and headers are in the UI
language, with the words of the Excel export (`export_labels`) wherever it has them; the
file is written like every export (streamed, in a private folder beside the target,
renamed over it only when complete) and the writing is audited, naming the customer by id.
Owner only.

The rows come from the Excel export's own readers and writer (`export`, `export_customers`,
`export_activity`, `audit_export`), the customer's profile as the customers sheet has it,
so the two files always agree.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pharmadesk.errors import NotFound, UsageError
from pharmadesk.io import audit_export, staged_files
from pharmadesk.io import export as excel
from pharmadesk.io import export_activity as activity
from pharmadesk.io import export_customers as customer_sheet
from pharmadesk.io import export_labels as labels
from pharmadesk.io.export_customers import CustomerFilter, CustomerSheet, day_sql, instant_sql
from pharmadesk.io.xlsx_stream import Cell, Column, Row, StreamingBook
from pharmadesk.services import audit, audit_log
from pharmadesk.services.audit_log import AuditFilter
from pharmadesk.services.context import Context
from pharmadesk.services.permissions import Operation, require

SHEETS = {
    "profile": ("客户资料", "profile"),
    "purchases": labels.SHEETS["purchases"],
    "interactions": labels.SHEETS["interactions"],
    "consents": ("同意记录", "consents"),
    "points": ("积分明细", "points"),
    "audit": ("审计记录", "audit log"),
    "imports": ("导入批次", "imports"),
}
HEADERS = {
    "field": ("项目", "field"),
    "value": ("内容", "value"),
    "purpose": ("同意事项", "purpose"),
    "recorded_at": ("记录时间", "recorded at"),
    "notice_version": ("告知书版本", "notice version"),
    "time": ("时间", "time"),
    "reason": ("原因", "reason"),
    "batch": ("批次", "batch"),
    "file_name": ("文件名", "file name"),
    "imported_at": ("导入时间", "imported at"),
    "import_kind": ("导入类型", "kind"),
    "what": ("对本客户", "for this customer"),
    "by_guardian": ("由监护人同意", "by guardian"),
    "guardian_name": ("监护人姓名", "guardian name"),
    "guardian_mobile": ("监护人手机", "guardian mobile"),
}
_ZH_WORDS: dict[str, dict[Any, str]] = {
    "purpose": {"data": "个人信息", "health": "健康信息", "marketing": "营销联系"},
    "points": {
        "opening": "期初",
        "earned": "获得",
        "redeemed": "兑换",
        "adjusted": "调整",
        "expired": "过期",
    },
    "yes_no": {True: "是", False: "否"},
    "import_kind": {"customers": "客户", "purchases": "购买记录"},
    "import_status": {"committed": "已导入", "undone": "已撤销"},
    "what": {"created": "由此导入建档", "filled": "合并时补充了"},
}
_EN_WORDS: dict[str, dict[Any, str]] = {
    "yes_no": {True: "yes", False: "no"},
    "what": {"created": "created the file", "filled": "merge filled"},
}


@dataclass(frozen=True)
class SubjectExport:
    path: Path
    rows: dict[str, int]  # sheet key -> data rows


def write(
    ctx: Context,
    customer_id: int,
    target: Path,
    *,
    language: str = "en",
    action_names: Mapping[str, str] | None = None,
) -> SubjectExport:
    """Write everything held about one customer to `target` (.xlsx).

    `action_names` gives the audit actions in words (the window's, in its language).

    Raises:
        PermissionRefused: only the owner may export a customer's data.
        NotFound: no such customer (or anonymised: nothing is held about them any more).
        UsageError: the target is not an .xlsx file, or the language is unknown.
        OperationFailed: the file cannot be written.
    """
    require(ctx, Operation.EXPORT_PERSONAL)
    if language not in labels.LANGUAGES:
        raise UsageError(f"unknown language {language}")
    target = excel._checked_target(target)
    with excel._staged(target) as (partial, folder):
        with ctx.db.atomic():  # one snapshot for every sheet
            plan = _Plan(ctx, customer_id, language, action_names or {})
            rows = excel._write(partial, folder, plan, excel._Meter(1, None, None))  # type: ignore[arg-type]
        with ctx.db.atomic():
            # Recorded before the rename, in one transaction: no unaudited file is left.
            audit.record(ctx, "export.customer_data", customer_id=customer_id, entity="export",
                         details={"sheets": rows, "language": language})  # fmt: skip
            staged_files.replace(partial, target)
    return SubjectExport(target, rows)


def _profile_row(ctx: Context, sheet: CustomerSheet, customer_id: int) -> tuple[Any, ...]:
    """The customer's row of the export's customers sheet, read by id (not by a scan)."""
    found = ctx.db.execute_sql(customer_sheet._select(sheet), (customer_id - 1, 1)).fetchall()
    page = customer_sheet._Page(ctx, sheet, CustomerFilter(), None, (None, None))
    row = next(page.rows(found), None) if found and found[0][0] == customer_id else None
    if row is None:
        raise NotFound(f"no customer {customer_id}")
    return row


def _word(table: dict[str, tuple[str, str]], key: str, language: str) -> str:
    return table[key][0 if language == "zh_CN" else 1]


def _words(group: str, language: str) -> Mapping[Any, str]:
    return (_ZH_WORDS if language == "zh_CN" else _EN_WORDS).get(group, {})


class _Plan:
    """The sheets of one customer, written by `export._write` like the Excel export's."""

    def __init__(
        self, ctx: Context, customer_id: int, language: str, names: Mapping[str, str]
    ) -> None:
        self.ctx, self.id, self.language, self.names = ctx, customer_id, language, names
        self.sheet = customer_sheet.sheet_for(ctx, language)
        self.profile = _profile_row(ctx, self.sheet, customer_id)

    def write(self, book: StreamingBook, meter: object) -> dict[str, int]:
        language = self.language
        rows = {"profile": self._profile(book)}
        streams: list[tuple[str, list[Column], Iterator[Row]]] = [
            ("purchases", activity.purchase_columns(language), self._purchases()),
            ("interactions", activity.interaction_columns(language, may_see_health=True),
             self._interactions()),
            ("consents", self._columns(CONSENT_COLUMNS), self._consents()),
            ("points", self._columns(POINTS_COLUMNS), self._points()),
            ("audit", audit_export.columns(language), self._audit()),
            ("imports", self._columns(IMPORT_COLUMNS), self._imports()),
        ]  # fmt: skip
        for key, columns, source in streams:
            rows[key] = book.sheet(_word(SHEETS, key, language), columns, source)
        return rows

    def _columns(self, spec: tuple[tuple[str, str], ...]) -> list[Column]:
        def text(key: str) -> str:
            if key in HEADERS:
                return _word(HEADERS, key, self.language)
            return labels.header(key, self.language)

        return [Column(text(key), kind) for key, kind in spec]

    def _profile(self, book: StreamingBook) -> int:
        """One line per field: a person reads their file down, not across."""
        yes_no = _words("yes_no", self.language)
        cells: list[list[Cell]] = []
        for column, value in zip(self.sheet.columns, self.profile, strict=True):
            if column.kind == "bool" and value is not None:
                value, kind = yes_no.get(bool(value), str(bool(value))), "text"
            else:
                kind = "text" if column.kind in ("int", "text") and isinstance(value, str) else (
                    column.kind)  # fmt: skip
            cells.append([(column.header, "text"), (value, kind)])
        guardian = self.ctx.db.execute_sql(
            "SELECT guardian_name, guardian_mobile FROM customer WHERE id = ?", (self.id,)
        ).fetchone()
        for key, value in zip(("guardian_name", "guardian_mobile"), guardian, strict=True):
            cells.append([(_word(HEADERS, key, self.language), "text"), (value, "text")])
        headers = [_word(HEADERS, "field", self.language), _word(HEADERS, "value", self.language)]
        return book.table(_word(SHEETS, "profile", self.language), headers, cells)

    def _query(self, sql: str) -> list[tuple[Any, ...]]:
        return list(self.ctx.db.execute_sql(sql, (self.id,)).fetchall())

    def _purchases(self) -> Iterator[Row]:
        sources = labels.values("source", self.language)
        for row in self._query(
            f"SELECT {instant_sql('l.purchased_at')}, l.receipt, c.code, c.name, p.name, "
            "p.specification, p.category, l.quantity, l.unit_price_fen / 100.0, "
            "l.amount_fen / 100.0, l.source FROM purchase l JOIN product p ON p.id = l.product_id "
            "JOIN customer c ON c.id = l.customer_id WHERE l.customer_id = ? "
            "ORDER BY l.purchased_at, l.id"
        ):
            yield (*row[:10], sources.get(row[10], row[10]))

    def _interactions(self) -> Iterator[Row]:
        words = [labels.values(g, self.language) for g in ("channel", "kind", "follow_up_status")]
        for row in self._query(
            f"SELECT i.id, {instant_sql('i.occurred_at')}, c.code, c.name, i.channel, i.kind, "
            f"i.summary, i.rating, i.status, {day_sql('i.follow_up_due')}, u.name, "
            f"i.corrects_id, {instant_sql('i.done_at')} FROM interaction i "
            "JOIN customer c ON c.id = i.customer_id LEFT JOIN user u ON u.id = i.user_id "
            "WHERE i.customer_id = ? ORDER BY i.id"
        ):
            yield activity._interaction(row, words)

    def _consents(self) -> Iterator[Row]:
        purposes, statuses = (
            _words("purpose", self.language),
            labels.values("consent", self.language),
        )
        channels = labels.values("channel", self.language)
        yes_no = _words("yes_no", self.language)
        for purpose, status, at, notice, staff, channel, guardian in self._query(
            f"SELECT r.purpose, r.status, {instant_sql('r.recorded_at')}, r.notice_version, "
            "u.name, r.channel, r.by_guardian FROM consent_record r "
            "LEFT JOIN user u ON u.id = r.user_id "
            "WHERE r.customer_id = ? ORDER BY r.recorded_at, r.id"
        ):
            yield (purposes.get(purpose, purpose), statuses.get(status, status), at, notice,
                   staff, channels.get(channel, channel),
                   yes_no.get(bool(guardian), str(bool(guardian))))  # fmt: skip

    def _points(self) -> Iterator[Row]:
        kinds = _words("points", self.language)
        for at, kind, points, reason, staff in self._query(
            f"SELECT {instant_sql('e.created_at')}, e.kind, e.points, e.reason, u.name "
            "FROM points_entry e LEFT JOIN user u ON u.id = e.user_id "
            "WHERE e.customer_id = ? ORDER BY e.created_at, e.id"
        ):
            yield at, kinds.get(kind, kind), points, reason, staff

    def _audit(self) -> Iterator[Row]:
        for entry in audit_log.iterate(self.ctx, AuditFilter(customer_id=self.id)):
            yield audit_export._row(entry, self.names)

    def _imports(self) -> Iterator[Row]:
        what = _words("what", self.language)
        kinds, statuses = (
            _words("import_kind", self.language),
            _words("import_status", self.language),
        )
        db = self.ctx.db
        for batch in [b for (b,) in db.execute_sql(_TOUCHED, (self.id,) * 4)]:
            name, at, kind, status, created = db.execute_sql(
                f"SELECT file_name, {instant_sql('created_at')}, kind, status, "
                "EXISTS (SELECT 1 FROM customer WHERE id = ? AND batch_id = import_batch.id) "
                "FROM import_batch WHERE id = ?", (self.id, batch),
            ).fetchone()  # fmt: skip
            filled = [f for (f,) in db.execute_sql(
                "SELECT field FROM import_change WHERE batch_id = ? AND customer_id = ? "
                "ORDER BY id", (batch, self.id))]  # fmt: skip
            parts = [what.get("created", "created")] if created else []
            if filled:
                parts.append(f"{what.get('filled', 'filled')} {', '.join(filled)}")
            yield (batch, name, at, kinds.get(kind, kind), statuses.get(status, status),
                   "; ".join(parts))  # fmt: skip


# The batches that touched one customer: made their file, filled fields of it in a merge,
# gave them points or brought their purchase lines.
_TOUCHED = (
    "SELECT batch_id FROM customer WHERE id = ? AND batch_id IS NOT NULL "
    "UNION SELECT batch_id FROM import_change WHERE customer_id = ? "
    "UNION SELECT batch_id FROM points_entry WHERE customer_id = ? AND batch_id IS NOT NULL "
    "UNION SELECT batch_id FROM purchase WHERE customer_id = ? AND batch_id IS NOT NULL "
    "ORDER BY 1"
)
CONSENT_COLUMNS = (("purpose", "text"), ("status", "text"), ("recorded_at", "datetime"),
                   ("notice_version", "text"), ("staff", "text"), ("channel", "text"),
                   ("by_guardian", "text"))  # fmt: skip
POINTS_COLUMNS = (("time", "datetime"), ("kind", "text"), ("points", "int"), ("reason", "text"),
                  ("staff", "text"))  # fmt: skip
IMPORT_COLUMNS = (("batch", "int"), ("file_name", "text"), ("imported_at", "datetime"),
                  ("import_kind", "text"), ("status", "text"), ("what", "text"))  # fmt: skip
