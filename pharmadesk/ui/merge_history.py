"""A customer's merge history: the records merged into them, and undoing a merge.

Newest first. "Unmerge…" asks first, then brings the merged records back as they were and
moves back what moved; it then says what stayed with this customer (rows added since the
merge, fields changed since).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pharmadesk.errors import PermissionRefused, PharmaDeskError
from pharmadesk.services import merge
from pharmadesk.services.context import Context
from pharmadesk.services.permissions import Operation, allows
from pharmadesk.ui import labels
from pharmadesk.ui.merge_dialog import refusal_text


class MergeHistoryDialog(QDialog):
    def __init__(self, ctx: Context, customer_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.customer_id = ctx, customer_id
        self.entries: list[merge.MergeEntry] = []
        self.last_result: merge.UnmergeResult | None = None
        self.setWindowTitle(self.tr("Merge history"))
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Merged on"),
                self.tr("Merged by"),
                self.tr("Records merged in"),
                self.tr("State"),
                self.tr("Moved"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update_button)
        self.message = QLabel()
        self.message.setObjectName("mergeHistoryMessage")
        self.message.setWordWrap(True)
        self.unmerge_button = QPushButton(self.tr("&Unmerge…"))
        self.unmerge_button.clicked.connect(self.unmerge_selected)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.unmerge_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.resize(720, 360)
        self.reload()
        self.table.setFocus()

    def reload(self) -> None:
        try:
            self.entries = merge.history(self.ctx, self.customer_id)
        except PharmaDeskError as exc:
            self.entries = []
            self.message.setText(refusal_text(exc))
        self.table.setRowCount(len(self.entries))
        for row, entry in enumerate(self.entries):
            cells = (
                entry.created_at.strftime("%Y-%m-%d %H:%M"),
                entry.user_name or "",
                self.joined(f"{name} ({code or f'#{i}'})" for i, name, code in entry.merged),
                self._state_text(entry),
                self._moved_text(entry.moved),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text.strip())
                item.setData(Qt.ItemDataRole.UserRole, entry.id)
                self.table.setItem(row, column, item)
        if not self.entries:
            self.message.setText(self.tr("No customer has been merged into this one."))
        else:
            self.table.selectRow(0)
        self._update_button()

    def joined(self, parts: Iterable[str]) -> str:
        """Items of a list in a sentence, with the UI language's separator (、 in Chinese)."""
        return self.tr(", ").join(parts)

    def _moved_text(self, moved: dict[str, int]) -> str:
        return self.joined((
            self.tr("%Ln purchase line(s)", "", moved.get("purchase", 0)),
            self.tr("%Ln interaction(s)", "", moved.get("interaction", 0)),
            self.tr("%Ln points entry(-ies)", "", moved.get("points_entry", 0)),
            self.tr("%Ln consent record(s)", "", moved.get("consent_record", 0)),
        ))  # fmt: skip

    def _state_text(self, entry: merge.MergeEntry) -> str:
        if entry.undone_at is None:
            return self.tr("In force")
        text = self.tr("Undone %1 %2")
        when = entry.undone_at.strftime("%Y-%m-%d %H:%M")
        return text.replace("%1", when).replace("%2", entry.undone_by or "")

    def selected(self) -> merge.MergeEntry | None:
        row = self.table.currentRow()
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def _update_button(self) -> None:
        entry = self.selected()
        may = allows(self.ctx.account, Operation.MERGE)
        self.unmerge_button.setEnabled(may and entry is not None and entry.undone_at is None)
        if not may:
            self.unmerge_button.setToolTip(refusal_text(PermissionRefused("merge")))

    def unmerge_selected(self) -> None:
        entry = self.selected()
        if entry is None or entry.undone_at is not None:
            return
        names = self.joined(name for _, name, _ in entry.merged)
        text = self.tr(
            "Undo this merge? The %n record(s) merged in (%1) come(s) back as separate "
            "customers, as they were before the merge, and what moved from them moves back. "
            "Purchases and other entries added to this customer since the merge stay here.",
            "",
            len(entry.merged),
        ).replace("%1", names)
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Unmerge"), text, parent=self)
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Unmerge"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        if box.exec() != QMessageBox.StandardButton.Yes:
            return
        try:
            result = merge.unmerge(self.ctx, entry.id)
        except merge.PointsShort as exc:
            self.message.setText(self.points_short_text(exc))
            return
        except PharmaDeskError as exc:
            self.message.setText(refusal_text(exc))
            return
        self.last_result = result
        self.reload()
        self.message.setText(self.stayed_text(result))

    def stayed_text(self, result: merge.UnmergeResult) -> str:
        text = self.tr("Merge undone: %Ln record(s) restored.", "", len(result.restored_ids))
        stayed = result.stayed
        if stayed:
            parts = []
            if stayed.get("purchase"):
                parts.append(self.tr("%Ln purchase line(s)", "", len(stayed["purchase"])))
            if stayed.get("interaction"):
                parts.append(self.tr("%Ln interaction(s)", "", len(stayed["interaction"])))
            if stayed.get("points_entry"):
                parts.append(self.tr("%Ln points entry(-ies)", "", len(stayed["points_entry"])))
            if stayed.get("consent_record"):
                parts.append(self.tr("%Ln consent record(s)", "", len(stayed["consent_record"])))
            if stayed.get("reminder_state"):
                parts.append(self.tr("%Ln reminder state(s)", "", len(stayed["reminder_state"])))
            if stayed.get("card_page"):
                parts.append(self.tr("%Ln scanned card page(s)", "", len(stayed["card_page"])))
            text += " " + self.tr("Added since the merge, staying with this customer: %1.").replace(
                "%1", self.joined(parts)
            )
        if result.kept_fields:
            fields = self.joined(_field_name(f) for f in result.kept_fields)
            text += " " + self.tr("Changed since the merge, kept as they are now: %1.").replace(
                "%1", fields
            )
        return text

    def points_short_text(self, error: merge.PointsShort) -> str:
        """Why the merge stays: points spent since then came from a record merged in."""
        parts = []
        for customer_id, points in error.short.items():
            if customer_id == error.survivor_id:
                part = self.tr("this customer would be %n point(s) short", "", points)
            else:
                part = self.tr("customer #%1 would be %n point(s) short", "", points)
            parts.append(part.replace("%1", str(customer_id)))
        return self.tr(
            "The merge was not undone: points have been spent since the merge, and with the "
            "points entries moved back %1. Correct the points first (a points adjustment), "
            "then undo the merge."
        ).replace("%1", self.joined(parts))


def _field_name(column: str) -> str:
    return column.removeprefix("custom.") if column.startswith("custom.") else labels.field(column)
