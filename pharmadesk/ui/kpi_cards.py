"""The row of KPI cards: each figure of the period, and how it moved against the one before.

Up is green and down is red for every card: each of these figures is better higher. The
tooltip of a card holds its definition and the previous period's figure. Against a period
only partly on record (the sales on file begin inside it) the changes are shown grey: they
are not like for like, and the dashboard says why.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from pharmadesk.services.analytics.results import Kpis
from pharmadesk.ui import formatting
from pharmadesk.ui.formatting import Change

UP, DOWN, SAME = "#1b7f3b", "#b00020", "#666666"
ARROWS = {1: "▲", -1: "▼", 0: "■"}


@dataclass(frozen=True)
class CardSpec:
    key: str
    title: object  # QT_TRANSLATE_NOOP("KpiCards", …)
    definition: object  # QT_TRANSLATE_NOOP("KpiCards", …)
    value: Callable[[Kpis], float | int | None]
    shown: Callable[..., str]
    change: Callable[[float | None, float | None], Change]


CARDS = (
    CardSpec("revenue", QT_TRANSLATE_NOOP("KpiCards", "Revenue"),
             QT_TRANSLATE_NOOP("KpiCards", "Sum of every purchase line in the period."),
             lambda k: k.revenue_fen, formatting.money, formatting.relative_change),
    CardSpec("transactions", QT_TRANSLATE_NOOP("KpiCards", "Transactions"),
             QT_TRANSLATE_NOOP("KpiCards", "Receipts in the period; where a line has no "
                               "receipt number, one customer's lines on one day."),
             lambda k: k.transactions, formatting.count, formatting.relative_change),
    CardSpec("customers_served", QT_TRANSLATE_NOOP("KpiCards", "Customers served"),
             QT_TRANSLATE_NOOP("KpiCards", "Customers with a transaction in the period."),
             lambda k: k.customers_served, formatting.count, formatting.relative_change),
    CardSpec("new_customers", QT_TRANSLATE_NOOP("KpiCards", "New customers"),
             QT_TRANSLATE_NOOP("KpiCards", "Customers whose first transaction ever falls in "
                               "the period."),
             lambda k: k.new_customers, formatting.count, formatting.relative_change),
    CardSpec("average_basket", QT_TRANSLATE_NOOP("KpiCards", "Average basket"),
             QT_TRANSLATE_NOOP("KpiCards", "Revenue divided by transactions."),
             lambda k: k.average_basket_fen, formatting.money, formatting.relative_change),
    CardSpec("repurchase_rate", QT_TRANSLATE_NOOP("KpiCards", "Repurchase rate"),
             QT_TRANSLATE_NOOP("KpiCards", "Share of the customers served who have "
                               "transactions on at least two different days in a month; for a "
                               "longer period, counted month by month. The change is in "
                               "percentage points."),
             lambda k: k.repurchase_rate, formatting.percent, formatting.point_change),
    CardSpec("average_rating", QT_TRANSLATE_NOOP("KpiCards", "Average rating"),
             QT_TRANSLATE_NOOP("KpiCards", "Average of the ratings (1-5) of the interactions "
                               "logged in the period."),
             lambda k: k.average_rating, formatting.rating, formatting.absolute_change),
)  # fmt: skip


def _translate(text: object) -> str:
    return QCoreApplication.translate("KpiCards", str(text))


class KpiCard(QFrame):
    """One figure: its title, its value in large type, and its change below."""

    def __init__(self, spec: CardSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.setObjectName(f"kpi_{spec.key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel(_translate(spec.title))
        self.value = QLabel(formatting.NO_VALUE)
        self.value.setObjectName("kpiValue")
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.value.setFont(font)
        self.change = QLabel()
        self.change.setObjectName("kpiChange")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        for label in (self.title, self.value, self.change):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(label)

    def show_figures(
        self, now: Kpis, before: Kpis, previous_label: str, *, partly_recorded: bool = False
    ) -> None:
        spec = self.spec
        current, earlier = spec.value(now), spec.value(before)
        self.value.setText(spec.shown(current))
        moved = spec.change(current, earlier)
        self.change.setText(self._change_text(moved))
        colour = SAME if partly_recorded else {1: UP, -1: DOWN}.get(moved.direction, SAME)
        self.change.setStyleSheet(f"color: {colour};")
        before_text = self.tr("%1: %2").replace("%1", previous_label)
        if partly_recorded:
            before_text = self.tr("%1 (only partly on record): %2").replace("%1", previous_label)
        self.setToolTip(
            _translate(spec.definition) + "\n" + before_text.replace("%2", spec.shown(earlier))
        )

    def _change_text(self, moved: Change) -> str:
        if not moved.text:
            return self.tr("no comparison")
        return f"{ARROWS[moved.direction]} {moved.text}"

    def clear(self) -> None:
        self.value.setText(formatting.NO_VALUE)
        self.change.setText("")


class KpiCards(QWidget):
    """The cards side by side, in the order of `CARDS`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cards = {spec.key: KpiCard(spec) for spec in CARDS}
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for card in self.cards.values():
            row.addWidget(card, 1)

    def show_figures(
        self, now: Kpis, before: Kpis, previous_label: str, *, partly_recorded: bool = False
    ) -> None:
        for card in self.cards.values():
            card.show_figures(now, before, previous_label, partly_recorded=partly_recorded)

    def clear(self) -> None:
        for card in self.cards.values():
            card.clear()
