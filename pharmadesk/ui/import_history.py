"""The import history: every batch, newest first, and undoing one.

Undo removes the customers a batch created and empties again the fields its merges filled.
Customers someone changed since the import (edited, or given purchases or interactions) are
kept unless the user says to remove them too. Errors are shown in the dialog, never raised.
Opening points it gave customers who stay are reversed by new ledger entries (the ledger is
append-only), which the question and the result say.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pharmadesk.errors import PharmaDeskError
from pharmadesk.io import import_batches
from pharmadesk.io.customer_import import OUTCOMES
from pharmadesk.io.import_batches import BatchInfo, UndoResult
from pharmadesk.services import customers
from pharmadesk.services.context import Context
from pharmadesk.ui.import_text import error_text, report_language
from pharmadesk.ui.import_wizard import outcome_label
from pharmadesk.ui.models import NUMBER_ALIGN, _TableModel
from pharmadesk.ui.tables import size_columns, table_view
from pharmadesk.ui.tasks import BackgroundRunner, Job, Success, run_tracked
from pharmadesk.ui.unexpected import unexpected_error_text

Index = QModelIndex | QPersistentModelIndex
DISPLAY = Qt.ItemDataRole.DisplayRole
ALIGN = Qt.ItemDataRole.TextAlignmentRole
COUNTS_FROM = 5  # the first column of counts
EDITED_LISTED = 200  # named under Show Details… of the undo question; the rest counted
log = logging.getLogger(__name__)
COLUMN_SAMPLES = ("9999", "2019年会员登记表.xlsx", "2026-11-20 10:00", "owner", "Undone",
                  *("99999",) * len(OUTCOMES))  # fmt: skip


class BatchTableModel(_TableModel):
    """One import batch a row: id, file, when, who, status and the five counts."""

    def __init__(self) -> None:
        super().__init__()
        self._batches: list[BatchInfo] = []

    def headers(self) -> list[str]:
        fixed = [self.tr("Batch"), self.tr("File"), self.tr("When"), self.tr("By")]
        return [*fixed, self.tr("Status"), *map(outcome_label, OUTCOMES)]

    def set_batches(self, batches: Sequence[BatchInfo]) -> None:
        self.beginResetModel()
        self._batches = list(batches)
        self.endResetModel()

    def batch(self, row: int) -> BatchInfo | None:
        return self._batches[row] if 0 <= row < len(self._batches) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._batches)

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        column = index.column()
        if role == ALIGN:
            return NUMBER_ALIGN if column == 0 or column >= COUNTS_FROM else None
        if role != DISPLAY:
            return None
        batch = self._batches[index.row()]
        if column >= COUNTS_FROM:
            return batch.counts.get(OUTCOMES[column - COUNTS_FROM], 0)
        return self._cell(batch, column)

    def _cell(self, batch: BatchInfo, column: int) -> Any:
        if column == 0:
            return batch.id
        if column == 1:
            return self.file_label(batch)
        if column == 2:
            return batch.created_at.strftime("%Y-%m-%d %H:%M")
        if column == 3:
            return batch.user_name or "—"
        return self.status_label(batch.status)

    def file_label(self, batch: BatchInfo) -> str:
        """The file, and for scanned cards that it was cards (its name may be a folder's)."""
        if batch.kind == "cards":
            return self.tr("%1 (scanned cards)").replace("%1", batch.file_name)
        return batch.file_name

    def status_label(self, status: str) -> str:
        names = {"committed": self.tr("Imported"), "undone": self.tr("Undone")}
        return names.get(status, status)


class ImportHistoryDialog(QDialog):
    """The batches imported so far; “Undo batch…” takes one back.

    With a `runner`, the undo runs off the GUI thread; without one it runs in place.
    `undone` lists the batches undone, for the main window to refresh what it shows.
    """

    def __init__(
        self,
        ctx: Context,
        parent: QWidget | None = None,
        *,
        runner: BackgroundRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.runner = runner
        self._tickets: set[int] = set()
        self.undone: list[int] = []
        self.setWindowTitle(self.tr("Import history"))
        self.model = BatchTableModel()
        self.model.setParent(self)  # Qt owns it: never deleted from the worker thread
        self.table = table_view(self.model)
        self.table.setObjectName("batchTable")
        self.table.setTabKeyNavigation(False)  # Tab goes on to the buttons
        size_columns(self.table, COLUMN_SAMPLES)
        self.undo_button = QPushButton(self.tr("&Undo batch…"))
        self.undo_button.setObjectName("undoBatch")
        self.undo_button.setAutoDefault(False)
        self.message = QLabel()
        self.message.setObjectName("historyMessage")
        self.message.setWordWrap(True)
        self._lay_out()
        self.undo_button.clicked.connect(self.undo_selected)
        self.table.selectionModel().currentRowChanged.connect(self._update_button)
        self.resize(1040, 420)
        self.reload()

    def _lay_out(self) -> None:
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.undo_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    def reload(self, select: int | None = None) -> None:
        """Read the batches again, keeping the batch `select` (else the newest) current."""
        try:
            found = import_batches.batches(self.ctx)
        except PharmaDeskError as exc:
            found = []
            self.message.setText(error_text(exc))
        self.model.set_batches(found)
        ids = [batch.id for batch in found]
        row = ids.index(select) if select in ids else 0
        if found:
            self.table.selectRow(row)
        self._update_button()

    def selected(self) -> BatchInfo | None:
        return self.model.batch(self.table.currentIndex().row())

    def _update_button(self) -> None:
        batch = self.selected()
        self.undo_button.setEnabled(batch is not None and batch.status == "committed")

    def undo_selected(self) -> None:
        """Ask what to do with customers edited since the import, then undo the batch."""
        batch = self.selected()
        if batch is None or batch.status != "committed":
            return
        self.undo_button.setEnabled(False)
        self.message.setText(self.tr("Checking the batch…"))
        ctx = self.ctx  # jobs hold no widget: the worker may drop the last reference
        self._run(
            lambda: (import_batches.edited_since(ctx, batch.id),
                     import_batches.points_used(ctx, batch.id)),
            lambda found: self._confirm(batch, *found),
        )  # fmt: skip

    def _confirm(self, batch: BatchInfo, edited: list[int], used: dict[int, int]) -> None:
        keep = self.ask_keep_edited(batch, edited, used)
        if keep is None:
            self.message.clear()
            self._update_button()
            return
        self.message.setText(self.tr("Undoing batch %1…").replace("%1", str(batch.id)))
        ctx = self.ctx
        self._run(lambda: import_batches.undo(ctx, batch.id, keep_edited=keep), self._undone)

    def ask_keep_edited(
        self, batch: BatchInfo, edited: list[int], used: dict[int, int] | None = None
    ) -> bool | None:
        """True: keep the edited customers; False: remove them too; None: do not undo.
        `used`: customers who already spent points of the batch, and by how much the undo
        takes them below zero."""
        text = self.tr(
            "Undo batch %1 (%2)? The customers it created are removed, and the fields it "
            "filled in existing customers are emptied again."
        )
        if batch.kind != "cards":  # a scanned card carries no points
            text += " " + self.tr(
                "Opening points it gave customers who stay are taken back by new entries in "
                "their points ledger; the ledger keeps both."
            )
        if used:
            text += "\n\n" + self.tr(
                "%Ln customer(s) who stay have already used points of this import: their "
                "balance goes below zero (%1 points in all).", "", len(used),
            ).replace("%1", f"{sum(used.values()):,}")  # fmt: skip
        text = text.replace("%1", str(batch.id)).replace("%2", batch.file_name)
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Undo import"), text, parent=self)
        if edited:
            changed = self.tr(
                "%Ln customer(s) of this batch were changed after the import (edited, or "
                "given purchases or interactions).",
                "",
                len(edited),
            )
            box.setText(text + "\n\n" + changed)
            box.setDetailedText(self._edited_names(edited))
            role = QMessageBox.ButtonRole
            answers = [
                (box.addButton(self.tr("&Keep edited"), role.AcceptRole), True),
                (box.addButton(self.tr("&Remove them too"), role.DestructiveRole), False),
            ]
        else:
            undo = box.addButton(self.tr("&Undo batch"), QMessageBox.ButtonRole.AcceptRole)
            answers = [(undo, True)]
        box.setEscapeButton(box.addButton(QMessageBox.StandardButton.Cancel))
        box.setDefaultButton(answers[0][0])
        box.exec()
        clicked = box.clickedButton()
        return next((answer for button, answer in answers if button is clicked), None)

    def _edited_names(self, edited: list[int]) -> str:
        """Who the question is about, one a line (under Show Details…), so that the person
        can decide whether to keep them."""
        shown = customers.get_many(self.ctx, edited[:EDITED_LISTED])
        lines = [f"{c.name} ({c.code or c.id})  {c.mobile or c.phone or ''}".rstrip()
                 for c in shown]  # fmt: skip
        if len(edited) > len(shown):
            more = len(edited) - len(shown)
            lines.append(self.tr("… and %Ln more", "", more))
        return "\n".join(lines)

    def _undone(self, result: UndoResult) -> None:
        parts = [
            self.tr("Batch %1 undone.").replace("%1", str(result.batch_id)),
            self.tr("%Ln customer(s) removed.", "", result.removed_customers),
        ]
        if result.kept_edited:
            parts.append(self.tr("%Ln edited customer(s) kept.", "", len(result.kept_edited)))
        if result.restored_fields:
            parts.append(self.tr("%Ln field(s) restored.", "", result.restored_fields))
        if result.removed_card_pages:
            parts.append(self.tr("%Ln scanned card page(s) no longer kept.", "",
                                 result.removed_card_pages))  # fmt: skip
        if result.reversed_points:
            parts.append(self.tr("%Ln opening points balance(s) of customers who stay reversed "
                                 "by new ledger entries.", "", result.reversed_points))  # fmt: skip
        self.reload(select=result.batch_id)
        # Chinese sentences end in "。" and follow on without a space.
        self.message.setText(("" if report_language() == "zh_CN" else " ").join(parts))
        self.undone.append(result.batch_id)

    # running a service call -------------------------------------------------------------

    def _run(self, job: Job, on_success: Success) -> None:
        """In the runner when there is one, else here; errors become a message."""
        run_tracked(self.runner, self._tickets, job, on_success, self._failed)

    def _failed(self, error: BaseException) -> None:
        current = self.selected()
        self.reload(select=current.id if current else None)
        if isinstance(error, PharmaDeskError):
            self.message.setText(error_text(error))
            return
        log.error("import history: unexpected error", exc_info=error)
        self.message.setText(unexpected_error_text(error))

    def done(self, result: int) -> None:
        if self.runner is not None:
            for ticket in list(self._tickets):
                self.runner.forget(ticket)
        self._tickets.clear()
        super().done(result)
