"""The preview's table of planned rows: every row not simply imported, with its reason."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from pharmadesk.io.customer_import import RowPlan, is_proposal
from pharmadesk.io.reasons import localize
from pharmadesk.ui.import_text import outcome_label, report_language, shown
from pharmadesk.ui.models import _TableModel

Index = QModelIndex | QPersistentModelIndex
DISPLAY = Qt.ItemDataRole.DisplayRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
PROPOSED = "proposed"  # a filter beside the outcomes: the rows whose name proposes a merge


class RowPlanTableModel(_TableModel):
    """The rows of a plan that are not simply imported, optionally of one outcome only."""

    def __init__(self) -> None:
        super().__init__()
        self._all: list[RowPlan] = []
        self._rows: list[RowPlan] = []
        self._outcome: str | None = None

    def headers(self) -> list[str]:
        return [self.tr("Row"), self.tr("Outcome"), self.tr("Reason"), self.tr("Row content")]

    def set_rows(self, rows: Sequence[RowPlan]) -> None:
        # An imported row with a reason was decided by hand: it stays in view, to change back.
        self._all = [row for row in rows if row.outcome != "imported" or row.reason]
        self._refilter()

    def row_at(self, position: int) -> RowPlan | None:
        return self._rows[position] if 0 <= position < len(self._rows) else None

    def set_outcome(self, outcome: str | None) -> None:
        self._outcome = outcome
        self._refilter()

    def _refilter(self) -> None:
        self.beginResetModel()
        wanted = self._outcome
        self._rows = [r for r in self._all if wanted is None or _shown_for(r, wanted)]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid() or role not in (DISPLAY, TOOLTIP):
            return None
        if role == TOOLTIP:  # a long reason or row is cut in its column: the whole of it
            return self.data(index) if index.column() >= 2 else None
        row = self._rows[index.row()]
        column = index.column()
        if column == 0:
            return row.number
        if column == 1:
            return outcome_label(row.outcome)
        if column == 2:
            return localize(row.reason, report_language())
        return " | ".join(text for text in map(shown, row.cells) if text)


def _shown_for(row: RowPlan, wanted: str) -> bool:
    """`wanted` is an outcome, or PROPOSED: the rows whose name proposes a merge."""
    return is_proposal(row) if wanted == PROPOSED else row.outcome == wanted
