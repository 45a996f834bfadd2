"""Tools > Audit log… (owner only): who did what and when, filtered, and whether the log is
as it was written.

The table pages through the log newest first as it scrolls (`fetchMore`: each page is the
events older than the last one shown, a small indexed query however long the log). The
count of matching events, the filter choices and the check of the hash chain read the whole
log, so with a `runner` they run off the GUI thread; the chain is checked a step at a time,
so a check of years of log never holds the worker (or, without a runner, the window) for
more than a moment. The status line above the table turns red naming the first broken
event, the one `pharmadesk check` names.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QIntValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pharmadesk.errors import PermissionRefused, PharmaDeskError
from pharmadesk.io import audit_export
from pharmadesk.services import audit_log
from pharmadesk.services.audit_log import AuditEntry, AuditFilter, ChainCheck
from pharmadesk.services.context import Context
from pharmadesk.text.normalize import InvalidValue, parse_date
from pharmadesk.ui import audit_labels
from pharmadesk.ui.models import NUMBER_ALIGN, _TableModel
from pharmadesk.ui.tables import size_columns, table_view
from pharmadesk.ui.tasks import BackgroundRunner, Job, Success, run_tracked
from pharmadesk.ui.unexpected import unexpected_error_text

Index = QModelIndex | QPersistentModelIndex
DISPLAY = Qt.ItemDataRole.DisplayRole
ALIGN = Qt.ItemDataRole.TextAlignmentRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
FOREGROUND = Qt.ItemDataRole.ForegroundRole
BROKEN_RED = "#b00020"
INTACT_GREEN = "#1b5e20"
PAGE = 200
COLUMN_SAMPLES = ("9999999", "2026-11-20 10:00:00", "pharmacist", "打开客户档案（示例）", "999999")
log = logging.getLogger(__name__)

Fetch = Callable[[int | None], list[AuditEntry]]
Failed = Callable[[BaseException], None]


def ui_language() -> str:
    return "zh_CN" if QLocale().name().startswith("zh") else "en"


class AuditTableModel(_TableModel):
    """The events a filter picks, newest first, read a page at a time as the view scrolls.

    `fetch(before_id)` gives the next page (the events older than `before_id`, or the
    newest ones for None); an error stops the paging and goes to `on_error`.
    """

    def __init__(self, fetch: Fetch, on_error: Failed, page: int = PAGE) -> None:
        super().__init__()
        self._fetch, self._on_error, self._page = fetch, on_error, page
        self._entries: list[AuditEntry] = []
        self._exhausted = True
        self.broken_at: int | None = None

    def headers(self) -> list[str]:
        return [self.tr("Event"), self.tr("Time"), self.tr("User"), self.tr("Action"),
                self.tr("Customer"), self.tr("Details")]  # fmt: skip

    def reload(self, fetch: Fetch | None = None) -> None:
        """Start again from the newest event (with a new filter's `fetch`)."""
        self.beginResetModel()
        self._fetch = fetch or self._fetch
        self._entries, self._exhausted = [], False
        self.endResetModel()
        self.fetchMore(QModelIndex())

    def entry(self, row: int) -> AuditEntry | None:
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def mark_broken(self, event_id: int | None) -> None:
        self.broken_at = event_id
        if self._entries:
            last = self.index(len(self._entries) - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last, [FOREGROUND])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._exhausted:
            return
        before = self._entries[-1].id if self._entries else None
        try:
            found = self._fetch(before)
        except Exception as exc:
            self._exhausted = True
            self._on_error(exc)
            return
        self._exhausted = len(found) < self._page
        if found:
            start = len(self._entries)
            self.beginInsertRows(QModelIndex(), start, start + len(found) - 1)
            self._entries.extend(found)
            self.endInsertRows()

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        column = index.column()
        if role == ALIGN:
            return NUMBER_ALIGN if column in (0, 4) else None
        if role == FOREGROUND:
            return QBrush(QColor(BROKEN_RED)) if entry.id == self.broken_at else None
        if role == TOOLTIP:
            return self._tooltip(entry, column)
        if role != DISPLAY:
            return None
        return self._cell(entry, column)

    def _cell(self, entry: AuditEntry, column: int) -> Any:
        if column == 0:
            return entry.id
        if column == 1:
            return entry.at.strftime("%Y-%m-%d %H:%M:%S") if entry.at else entry.stored_at
        if column == 2:
            return entry.user_name or "—"
        if column == 3:
            return audit_labels.action(entry.action)
        if column == 4:
            return "" if entry.customer_id is None else entry.customer_id
        return audit_labels.details(entry.details)

    def _tooltip(self, entry: AuditEntry, column: int) -> str | None:
        if column == 1:
            return entry.stored_at
        if column == 3:
            return entry.action
        if column == 5:
            return audit_labels.details(entry.details) or None
        return None


class AuditFilterBar(QWidget):
    """From / to (local dates), user, action and customer id; `filters()` reads them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.date_from = self._line("auditFrom", self.tr("YYYY-MM-DD"))
        self.date_to = self._line("auditTo", self.tr("YYYY-MM-DD"))
        self.user = QComboBox()
        self.user.setObjectName("auditUser")
        self.action = QComboBox()
        self.action.setObjectName("auditAction")
        self.action.setMinimumContentsLength(12)
        self.customer = self._line("auditCustomer", self.tr("id"))
        self.customer.setValidator(QIntValidator(1, 2_147_483_647, self.customer))
        self.customer.setMaximumWidth(self.fontMetrics().horizontalAdvance("9999999") + 24)
        self.apply = QPushButton(self.tr("&Filter"))
        self.apply.setObjectName("auditApply")
        self.apply.setAutoDefault(False)
        self.set_choices([], [])
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for text, widget in (
            (self.tr("F&rom"), self.date_from), (self.tr("&To"), self.date_to),
            (self.tr("&User"), self.user), (self.tr("&Action"), self.action),
            (self.tr("&Customer"), self.customer),
        ):  # fmt: skip
            label = QLabel(text)
            label.setBuddy(widget)
            layout.addWidget(label)
            layout.addWidget(widget)
        layout.addWidget(self.apply)
        layout.addStretch(1)

    def _line(self, name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        edit.setMaximumWidth(edit.fontMetrics().horizontalAdvance("2026-11-20") + 24)
        return edit

    def set_choices(self, users: Sequence[str], actions: Sequence[str]) -> None:
        """Fill the combos, keeping what is chosen (signals blocked: nothing is applied)."""
        user, action = self.user.currentData(), self.action.currentData()
        for combo in (self.user, self.action):
            combo.blockSignals(True)
            combo.clear()
        self.user.addItem(self.tr("All users"), None)
        for name in users:
            self.user.addItem(name, name)
        self.action.addItem(self.tr("All actions"), None)
        families = [p for p in audit_labels.FAMILIES if any(a.startswith(p) for a in actions)]
        for prefix in families:
            self.action.addItem(audit_labels.family(prefix), prefix)
        named = sorted(actions, key=audit_labels.action)
        for code in named:
            self.action.addItem(audit_labels.action(code), code)
        for combo, chosen in ((self.user, user), (self.action, action)):
            if chosen is not None and combo.findData(chosen) < 0:
                combo.addItem(str(chosen), chosen)
            combo.setCurrentIndex(max(combo.findData(chosen), 0))
            combo.blockSignals(False)

    def filters(self) -> AuditFilter:
        """The filter the bar shows; InvalidValue names a date that is not one."""
        since, until = self._day(self.date_from), self._day(self.date_to)
        text = self.customer.text().strip()
        return AuditFilter(since=since, until=until, user_name=self.user.currentData(),
                           action=self.action.currentData(),
                           customer_id=int(text) if text else None)  # fmt: skip

    def _day(self, edit: QLineEdit) -> date | None:
        return parse_date(edit.text())


class AuditLogDialog(QDialog):
    """The audit log, filtered, with the state of its hash chain and an export to Excel."""

    def __init__(
        self,
        ctx: Context,
        parent: QWidget | None = None,
        *,
        runner: BackgroundRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.runner = ctx, runner
        self._tickets: set[int] = set()
        self._closed = False
        self._count_failed = False
        self.applied = AuditFilter()
        self.chain: ChainCheck | None = None
        self.exported: Path | None = None
        self.setWindowTitle(self.tr("Audit log"))
        self.chain_label = QLabel(self.tr("Checking the audit log…"))
        self.chain_label.setObjectName("chainStatus")
        self.chain_label.setWordWrap(True)
        self.bar = AuditFilterBar()
        self.model = AuditTableModel(self._fetcher(self.applied), self._failed, PAGE)
        self.model.setParent(self)  # Qt owns it: never deleted from the worker thread
        self.table = table_view(self.model)
        self.table.setObjectName("auditTable")
        self.table.setTabKeyNavigation(False)  # Tab goes on to the buttons
        size_columns(self.table, COLUMN_SAMPLES)
        self.message = QLabel()
        self.message.setObjectName("auditMessage")
        self.message.setWordWrap(True)
        self.export_button = QPushButton(self.tr("&Export…"))
        self.export_button.setObjectName("auditExport")
        self.export_button.setAutoDefault(False)
        self._lay_out()
        self._connect()
        self.resize(1100, 600)
        self.apply_filters()
        self._load_choices()
        QTimer.singleShot(0, self, lambda: self._check_chain(None))

    def _lay_out(self) -> None:
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        close.button(QDialogButtonBox.StandardButton.Close).setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.chain_label)
        layout.addWidget(self.bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    def _connect(self) -> None:
        for edit in (self.bar.date_from, self.bar.date_to, self.bar.customer):
            edit.returnPressed.connect(self.apply_filters)
        self.bar.apply.clicked.connect(self.apply_filters)
        self.bar.user.currentIndexChanged.connect(self.apply_filters)
        self.bar.action.currentIndexChanged.connect(self.apply_filters)
        self.export_button.clicked.connect(self.export)

    # the events ---------------------------------------------------------------------------

    def _fetcher(self, filters: AuditFilter) -> Fetch:
        ctx = self.ctx

        def fetch(before: int | None) -> list[AuditEntry]:
            return audit_log.events(ctx, filters, limit=PAGE, before_id=before)

        return fetch

    def apply_filters(self) -> None:
        """Show the events the filter bar picks, newest first, and count them."""
        try:
            chosen = self.bar.filters()
        except InvalidValue:
            self.message.setText(self.tr("Not a date: use YYYY-MM-DD, e.g. 2026-11-20."))
            return
        self.applied = chosen
        self.message.setText(self.tr("Reading the audit log…"))
        self._count_failed = False
        self.model.reload(self._fetcher(chosen))
        if self._count_failed:
            return
        ctx = self.ctx
        self._run(lambda: audit_log.count(ctx, chosen), lambda n: self._counted(chosen, n))

    def _counted(self, filters: AuditFilter, total: int) -> None:
        if filters != self.applied:
            return  # a newer filter is on its way
        self.message.setText(self.tr("%Ln event(s)", "", total))

    def _load_choices(self) -> None:
        ctx = self.ctx
        self._run(
            lambda: (audit_log.user_names(ctx), audit_log.actions(ctx)),
            lambda found: self.bar.set_choices(*found),
        )

    # the chain ----------------------------------------------------------------------------

    def _check_chain(self, state: ChainCheck | None) -> None:
        if self._closed:
            return
        ctx = self.ctx
        self._run(lambda: audit_log.check_chain(ctx, state), self._chain_checked)

    def _chain_checked(self, state: ChainCheck) -> None:
        self.chain = state
        status = state.status
        if status is None:
            text = self.tr("Checking the audit log… %Ln event(s) intact so far.", "", state.checked)
            self._show_chain(text, None)
            QTimer.singleShot(0, self, lambda: self._check_chain(state))
        elif status.intact:
            text = self.tr("The audit log is intact: all %Ln event(s) are as they were written.",
                           "", state.checked)  # fmt: skip
            self._show_chain(text, INTACT_GREEN)
        else:
            self._show_chain(self.broken_text(status.broken_at or 0, status.reason), BROKEN_RED)
            self.model.mark_broken(status.broken_at)

    def broken_text(self, event_id: int, reason: str | None) -> str:
        why = {
            "does not link to the event before it": self.tr(
                "it does not link to the event before it (an event was removed or inserted)"
            ),
            "was changed after it was written": self.tr("it was changed after it was written"),
        }
        text = self.tr(
            "Warning: the audit log was tampered with. The chain breaks at event %1: %2. "
            "Events from there on cannot be trusted; restore the last backup to compare."
        )
        return text.replace("%1", str(event_id)).replace("%2", why.get(reason or "", reason or ""))

    def _show_chain(self, text: str, colour: str | None) -> None:
        self.chain_label.setText(text)
        bold = "font-weight: bold;" if colour == BROKEN_RED else ""
        self.chain_label.setStyleSheet(f"color: {colour}; {bold}" if colour else "")

    # export -------------------------------------------------------------------------------

    def ask_target(self) -> Path | None:
        name = self.tr("audit-log") + f"-{self.ctx.today().isoformat()}.xlsx"
        start = str(Path.home() / name)
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the audit log"), start, self.tr("Excel workbook (*.xlsx)")
        )
        if not chosen:
            return None
        target = Path(chosen)
        return target if target.suffix.lower() == ".xlsx" else target.with_suffix(".xlsx")

    def export(self) -> None:
        """Write the events the filter shows to a workbook the user picks."""
        target = self.ask_target()
        if target is None:
            return
        ctx, filters = self.ctx, self.applied
        language, names = ui_language(), audit_labels.action_names()
        self.export_button.setEnabled(False)
        self.message.setText(self.tr("Exporting…"))

        def job() -> int:
            return audit_export.write(ctx, target, filters, language=language, action_names=names)

        self._run(job, lambda rows: self._exported(target, rows))

    def _exported(self, target: Path, rows: int) -> None:
        self.exported = target
        self.export_button.setEnabled(True)
        self.model.reload()  # the export is an event of its own
        text = self.tr("%Ln event(s) exported to %1.", "", rows).replace("%1", str(target))
        self.message.setText(text)

    # running a service call -------------------------------------------------------------

    def _run(self, job: Job, on_success: Success) -> None:
        """In the runner when there is one, else here; errors become a message."""
        run_tracked(self.runner, self._tickets, job, on_success, self._failed)

    def _failed(self, error: BaseException) -> None:
        self._count_failed = True
        self.export_button.setEnabled(True)
        if isinstance(error, PharmaDeskError):
            self.message.setText(self.error_text(error))
            return
        log.error("audit log: unexpected error", exc_info=error)
        self.message.setText(unexpected_error_text(error))

    def error_text(self, error: PharmaDeskError) -> str:
        """The services' message in the UI language where it is one of theirs."""
        if isinstance(error, PermissionRefused):
            return self.tr("Only the owner may see the audit log.")
        known = {
            "the first day comes after the last day": self.tr(
                "The first day comes after the last day."
            )
        }
        return known.get(error.message, error.message)

    def done(self, result: int) -> None:
        self._closed = True
        if self.runner is not None:
            for ticket in list(self._tickets):
                self.runner.forget(ticket)
        self._tickets.clear()
        super().done(result)
