"""A customer's own data, on their request: one .xlsx with everything held about them.

The sheets: the profile (every field, custom fields included, one per line), purchases,
interactions, consent records, the points ledger, the audit entries about them and the
import batches that created or filled their file, their lines of the real-name register
(kept by law even when they are erased) and, when records of theirs were merged into this
one, what those hidden records still hold; when they came from scanned cards, the pages
they came from (file, page, batch, date, whether the image is kept: never the image).
Sheet names and headers are in the UI language, with the words of the Excel export
(`export_labels`) wherever it has them; the file is written like every export (streamed,
in a private folder beside the target, renamed over it only when complete) and the
writing is audited, naming the customer by id. Owner only.

The rows come from the Excel export's own readers and writer (`export`, `export_customers`,
`export_activity`, `audit_export`), the customer's profile as the customers sheet has it,
so the two files always agree.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from pharmadesk.errors import NotFound, UsageError
from pharmadesk.io import audit_export, points_text, register_export, staged_files
from pharmadesk.io import export as excel
from pharmadesk.io import export_activity as activity
from pharmadesk.io import export_customers as customer_sheet
from pharmadesk.io import export_labels as labels
from pharmadesk.io.export_customers import CustomerSheet, instant_sql
from pharmadesk.io.xlsx_stream import Cell, Column, Row, StreamingBook
from pharmadesk.services import audit
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
    "register": ("实名登记", "real-name register"),
    "merged": ("已合并的记录", "merged records"),
    "card_pages": ("扫描卡片", "scanned cards"),
}
HEADERS = {
    "field": ("项目", "field"),
    "record": ("记录编号", "record"),
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
    "source": ("文件", "file"),
    "page": ("页码", "page"),
    "image_stored": ("已保存图像", "image kept"),
}
_ZH_WORDS: dict[str, dict[Any, str]] = {
    "purpose": {"data": "个人信息", "health": "健康信息", "marketing": "联系及推送优惠"},
    "points": {
        "opening": "期初",
        "earned": "获得",
        "redeemed": "兑换",
        "adjusted": "调整",
        "expired": "过期",
    },
    "yes_no": {True: "是", False: "否"},
    "import_kind": {"customers": "客户", "purchases": "购药记录", "cards": "扫描卡片"},
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
    target = excel.checked_target(target)
    with excel.staged(target) as (partial, folder):
        with ctx.db.atomic():  # one snapshot for every sheet
            plan = _Plan(ctx, customer_id, language, action_names or {})
            rows = excel.write_book(partial, folder, plan.write)
        with ctx.db.atomic():
            # Recorded before the rename, in one transaction: no unaudited file is left.
            audit.record(ctx, "export.customer_data", customer_id=customer_id, entity="export",
                         details={"sheets": rows, "language": language})  # fmt: skip
            staged_files.replace(partial, target)
    return SubjectExport(target, rows)


def _merged_into(ctx: Context, customer_id: int) -> list[int]:
    """The records merged into this customer, and those merged into them, and so on."""
    found: list[int] = []
    todo = [customer_id]
    while todo:
        rows = ctx.db.execute_sql(
            "SELECT id FROM customer WHERE merged_into_id = ? AND status = 'merged' ORDER BY id",
            (todo.pop(),),
        ).fetchall()
        found += [row[0] for row in rows]
        todo += [row[0] for row in rows]
    return found


def _profile_row(ctx: Context, sheet: CustomerSheet, customer_id: int) -> tuple[Any, ...]:
    """The customer's row of the export's customers sheet."""
    row = customer_sheet.row_of(ctx, sheet, customer_id)
    if row is None:
        raise NotFound(f"no customer {customer_id}")
    return row


def _word(table: dict[str, tuple[str, str]], key: str, language: str) -> str:
    return table[key][0 if language == "zh_CN" else 1]


def _words(group: str, language: str) -> Mapping[Any, str]:
    return (_ZH_WORDS if language == "zh_CN" else _EN_WORDS).get(group, {})


class _Plan:
    """The sheets of one customer, written by `export.write_book` like the Excel export's."""

    def __init__(
        self, ctx: Context, customer_id: int, language: str, names: Mapping[str, str]
    ) -> None:
        self.ctx, self.id, self.language, self.names = ctx, customer_id, language, names
        self.sheet = customer_sheet.sheet_for(ctx, language)
        self.profile = _profile_row(ctx, self.sheet, customer_id)
        self.merged = _merged_into(ctx, customer_id)

    def write(self, book: StreamingBook) -> dict[str, int]:
        language = self.language
        rows = {"profile": self._profile(book)}
        streams: list[tuple[str, list[Column], Iterator[Row]]] = [
            ("purchases", activity.purchase_columns(language),
             activity.customer_purchase_rows(self.ctx, language, self.id)),
            ("interactions", activity.interaction_columns(language, may_see_health=True),
             activity.customer_interaction_rows(self.ctx, language, self.id)),
            ("consents", self._columns(CONSENT_COLUMNS), self._consents()),
            ("points", self._columns(POINTS_COLUMNS), self._points()),
            ("audit", audit_export.columns(language),
             audit_export.rows(self.ctx, AuditFilter(customer_id=self.id), self.names)),
            ("imports", self._columns(IMPORT_COLUMNS), self._imports()),
            ("register", self._register_columns(), self._register()),
        ]  # fmt: skip
        for key, columns, source in streams:
            rows[key] = book.sheet(_word(SHEETS, key, language), columns, source)
        if self.merged:
            rows["merged"] = self._merged_records(book)
        pages = self._card_pages()
        if pages:  # most customers never came from a scan: no empty sheet for them
            columns = self._columns(CARD_PAGE_COLUMNS)
            rows["card_pages"] = book.sheet(_word(SHEETS, "card_pages", language), columns, pages)
        return rows

    def _card_pages(self) -> list[Row]:
        """Where the paper they came from is, and whether its image is kept (not the image:
        a copy of it is theirs on request, made from the paper or the stored image)."""
        yes_no = _words("yes_no", self.language)
        return [
            (batch, source, page, at, yes_no.get(bool(kept), str(bool(kept))))
            for batch, source, page, at, kept in self._query(
                f"SELECT batch_id, source, page, {instant_sql('created_at')}, "
                "image IS NOT NULL FROM card_page WHERE customer_id = ? ORDER BY created_at, id"
            )
        ]

    def _merged_records(self, book: StreamingBook) -> int:
        """The records merged into this one, kept hidden so the merge can be undone: each
        field they still hold, one per line (their purchases and the rest moved here)."""
        cells: list[list[Cell]] = []
        names = [column[0] for column in self.ctx.db.execute_sql(
            "SELECT name FROM pragma_table_info('customer')")]  # fmt: skip
        for merged_id in self.merged:
            row = self.ctx.db.execute_sql(
                "SELECT * FROM customer WHERE id = ?", (merged_id,)
            ).fetchone()
            for name, value in zip(names, row, strict=True):
                if value not in (None, ""):
                    cells.append([(merged_id, "int"), (name, "text"), (str(value), "text")])
        headers = [_word(HEADERS, "record", self.language), _word(HEADERS, "field", self.language),
                   _word(HEADERS, "value", self.language)]  # fmt: skip
        return book.table(_word(SHEETS, "merged", self.language), headers, cells)

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
        headers = [_word(HEADERS, "field", self.language), _word(HEADERS, "value", self.language)]
        return book.table(_word(SHEETS, "profile", self.language), headers, cells)

    def _query(self, sql: str) -> list[tuple[Any, ...]]:
        return list(self.ctx.db.execute_sql(sql, (self.id,)).fetchall())

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
        for (
            at,
            kind,
            points,
            reason,
            staff,
            receipt,
            day,
            batch,
            reverses,
            effective,
            value,
        ) in self._query(
            f"SELECT {instant_sql('e.created_at')}, e.kind, e.points, e.reason, u.name, "
            "p.receipt, p.purchased_on, e.batch_id, e.reverses_id, e.effective_on, "
            "e.value_fen FROM points_entry e LEFT JOIN user u ON u.id = e.user_id "
            "LEFT JOIN purchase p ON p.id = e.purchase_id "
            "WHERE e.customer_id = ? ORDER BY e.created_at, e.id"
        ):
            links = points_text.EntryLinks(
                kind, reason, receipt, _day(day), batch, reverses, _day(effective), value
            )
            yield (
                at,
                kinds.get(kind, kind),
                points,
                points_text.describe(links, self.language),
                staff,
            )

    def _register_columns(self) -> list[Column]:
        index = 0 if self.language == "zh_CN" else 1
        return [Column(register_export.HEADERS["time"][index], "datetime")] + [
            Column(register_export.HEADERS[key][index], "int" if key == "quantity" else "text")
            for key in ("receipt", "product", "specification", "batch", "quantity", "buyer",
                        "id_number", "staff", "override_reason")
        ]  # fmt: skip

    def _register(self) -> Iterator[Row]:
        """Their lines of the real-name register as written (their own ID number in full):
        what an erasure will keep under the legal obligation."""
        yield from self._query(
            f"SELECT {instant_sql('sold_at')}, receipt, product_name, specification, "
            "batch_no, quantity, buyer_name, id_number, staff_name, override_reason "
            "FROM controlled_sale WHERE customer_id = ? ORDER BY sold_at, id"
        )
        for merged_id in self.merged:  # lines written on a record merged into this one
            yield from self.ctx.db.execute_sql(
                f"SELECT {instant_sql('sold_at')}, receipt, product_name, specification, "
                "batch_no, quantity, buyer_name, id_number, staff_name, override_reason "
                "FROM controlled_sale WHERE customer_id = ? ORDER BY sold_at, id",
                (merged_id,),
            ).fetchall()

    def _imports(self) -> Iterator[Row]:
        what = _words("what", self.language)
        kinds, statuses = (
            _words("import_kind", self.language),
            _words("import_status", self.language),
        )
        db = self.ctx.db
        for batch in [b for (b,) in db.execute_sql(_TOUCHED, (self.id,) * 5)]:
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
# gave them points, brought their purchase lines or the scanned cards they came from.
_TOUCHED = (
    "SELECT batch_id FROM customer WHERE id = ? AND batch_id IS NOT NULL "
    "UNION SELECT batch_id FROM import_change WHERE customer_id = ? "
    "UNION SELECT batch_id FROM points_entry WHERE customer_id = ? AND batch_id IS NOT NULL "
    "UNION SELECT batch_id FROM purchase WHERE customer_id = ? AND batch_id IS NOT NULL "
    "UNION SELECT batch_id FROM card_page WHERE customer_id = ? "
    "ORDER BY 1"
)
CONSENT_COLUMNS = (("purpose", "text"), ("status", "text"), ("recorded_at", "datetime"),
                   ("notice_version", "text"), ("staff", "text"), ("channel", "text"),
                   ("by_guardian", "text"))  # fmt: skip
POINTS_COLUMNS = (("time", "datetime"), ("kind", "text"), ("points", "int"), ("reason", "text"),
                  ("staff", "text"))  # fmt: skip
CARD_PAGE_COLUMNS = (("batch", "int"), ("source", "text"), ("page", "int"),
                     ("imported_at", "datetime"), ("image_stored", "text"))  # fmt: skip
IMPORT_COLUMNS = (("batch", "int"), ("file_name", "text"), ("imported_at", "datetime"),
                  ("import_kind", "text"), ("status", "text"), ("what", "text"))  # fmt: skip


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None
