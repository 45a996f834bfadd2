"""The customer's points at the counter: where they stand, the whole ledger, corrections.

Above the ledger stands what the counter needs before a sale: the balance usable today, the
member tier with its discount, the last 12 months' spend and what is missing to the next
tier, and the points that expire within 30 days. Pharmacists and the owner can correct
points by hand with a reason (`Operation.ADJUST_POINTS`); the correction is a new ledger
entry, and a refused one keeps the dialog open with what was typed. The service calls come
in `PointsActions`, so the widget holds no database.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from pharmadesk.errors import PharmaDeskError, ValidationError
from pharmadesk.services.loyalty import MAX_ADJUSTMENT, Entry, Standing
from pharmadesk.ui.formatting import money
from pharmadesk.ui.models import day
from pharmadesk.ui.points_model import PointsModel, tier_name, zhe
from pharmadesk.ui.tables import fit_short_table, table_view


@dataclass(frozen=True)
class PointsActions:
    """The services the panel calls, bound to the signed-in session."""

    standing: Callable[[int], Standing]
    entries: Callable[[int], list[Entry]]
    adjust: Callable[[int, int, str], Entry]
    may_adjust: bool  # the role may correct points (permissions.allows(ADJUST_POINTS))


def tier_text(standing: Standing) -> str:
    """'Silver · 2 % member discount', or the tier alone when it gives none."""
    name = tier_name(standing.tier)
    percent = standing.tier.discount_percent
    if not percent:
        return name
    return (
        QCoreApplication.translate("PointsPanel", "%1 · %2 % member discount")
        .replace("%1", name)
        .replace("%2", str(percent))
        .replace("%3", zhe(percent))  # the Chinese text says 98折
    )


def expiring_text(standing: Standing) -> str:
    """'120 on 2026-12-31' (the first day some go), or '' when none expire within 30 days."""
    if not standing.expiring_points or standing.expiring_on is None:
        return ""
    return (
        QCoreApplication.translate("PointsPanel", "%1 points expire on %2")
        .replace("%1", f"{standing.expiring_points:,}")
        .replace("%2", day(standing.expiring_on))
    )


def balance_text(points: int) -> str:
    """2,496; a balance below zero (an undone import's points already spent) with the
    minus sign the ledger shows, −268."""
    return f"{points:,}".replace("-", "\N{MINUS SIGN}")


def glance(standing: Standing) -> str:
    """One line for the customer's header: balance, tier, points about to expire."""
    text = (
        QCoreApplication.translate("PointsPanel", "Points %1 · %2")
        .replace("%1", balance_text(standing.balance))
        .replace("%2", tier_name(standing.tier))
    )
    expiring = expiring_text(standing)
    return f"{text} · {expiring}" if expiring else text


class AdjustPointsDialog(QDialog):
    """Points added (+) or taken (−) with the reason; `save(points, reason)` is tried on OK
    and the dialog stays open, with what was typed, when it is refused."""

    def __init__(
        self, *, balance: int, save: Callable[[int, str], object], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Correct points"))
        self._balance = balance
        self._save = save
        self.points = QSpinBox()
        self.points.setObjectName("pointsChange")
        self.points.setRange(-MAX_ADJUSTMENT, MAX_ADJUSTMENT)
        self.points.setGroupSeparatorShown(True)
        self.points.setToolTip(self.tr("Points to add, or a minus sign and the points to take"))
        self.reason = QLineEdit()
        self.reason.setObjectName("pointsReason")
        self.reason.setPlaceholderText(self.tr("Why the points are corrected (required)"))
        self.problem = QLabel()
        self.problem.setObjectName("adjustProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #c62828;")
        form = QFormLayout()
        form.addRow(self.tr("Balance now"), QLabel(f"{balance:,}"))
        form.addRow(self.tr("&Points (+/−)"), self.points)
        form.addRow(self.tr("&Reason"), self.reason)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.try_save)
        buttons.rejected.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self).activated.connect(self.try_save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.points.setFocus()
        self.points.selectAll()

    def try_save(self) -> None:
        points, reason = self.points.value(), self.reason.text().strip()
        problem = self._problem(points, reason)
        if problem is None:
            try:
                self._save(points, reason)
            except ValidationError as exc:
                problem = self._refusal(exc)
            except PharmaDeskError as exc:
                problem = exc.message
        if problem is None:
            self.accept()
            return
        self.problem.setText(problem)
        (self.reason if not reason else self.points).setFocus()

    def _problem(self, points: int, reason: str) -> str | None:
        """What the service would refuse, said before asking it (in the UI language)."""
        if points == 0:
            return self.tr("Enter the points to add, or a minus sign and the points to take.")
        if not reason:
            return self.tr("Say why the points are corrected.")
        if points < 0 and -points > max(self._balance, 0):
            return (
                self.tr("The customer has %1 points; %2 cannot be taken.")
                .replace("%1", f"{max(self._balance, 0):,}")
                .replace("%2", f"{-points:,}")
            )
        return None

    def _refusal(self, exc: ValidationError) -> str:
        if "reason" in exc.problems:
            return self.tr("Say why the points are corrected.")
        return exc.message  # e.g. the balance changed meanwhile: the service's own words


class PointsPanel(QWidget):
    """Emits `standing_shown(Standing | None)` whenever it shows a customer's standing, so
    the customer's header can follow (a correction changes it)."""

    standing_shown = Signal(object)

    def __init__(self, actions: PointsActions | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._actions = actions
        self._customer_id: int | None = None
        self._standing: Standing | None = None
        self.balance = self._value("pointsBalance", bold=True)
        self.tier = self._value("pointsTier")
        self.spend = self._value("pointsSpend")
        self.expiring = self._value("pointsExpiring")
        facts = QFormLayout()
        facts.addRow(self.tr("Balance"), self.balance)
        facts.addRow(self.tr("Tier"), self.tier)
        facts.addRow(self.tr("12-month spend"), self.spend)
        facts.addRow(self.tr("Expiring within 30 days"), self.expiring)
        self.correct = QPushButton(self.tr("Correct points…"))
        self.correct.setObjectName("correctPoints")
        self.correct.clicked.connect(self.correct_points)
        self.correct.setVisible(actions is not None and actions.may_adjust)
        top = QHBoxLayout()
        top.addLayout(facts, 1)
        top.addWidget(self.correct, 0, Qt.AlignmentFlag.AlignTop)
        self.model = PointsModel(self)
        self.view = table_view(self.model)
        self.view.setObjectName("pointsLedger")
        fit_short_table(self.view, stretch=3)  # what each entry was for
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        self.show_customer(None)

    @staticmethod
    def _value(name: str, *, bold: bool = False) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if bold:
            font = label.font()
            font.setBold(True)
            font.setPointSizeF(font.pointSizeF() * 1.2)
            label.setFont(font)
        return label

    @property
    def standing(self) -> Standing | None:
        return self._standing

    def show_customer(self, customer_id: int | None, standing: Standing | None = None) -> None:
        """Show a saved customer's points (None: a new customer, no points yet); `standing`
        when the caller has it already (the profile carries it)."""
        self._customer_id = customer_id
        if customer_id is None or self._actions is None:
            self._standing = None
            self.model.set_entries([])
        else:
            self._standing = standing or self._actions.standing(customer_id)
            self.model.set_entries(self._actions.entries(customer_id))
        self._show_standing(self._standing)
        self.correct.setEnabled(self._standing is not None)
        self.standing_shown.emit(self._standing)

    def _show_standing(self, standing: Standing | None) -> None:
        if standing is None:
            for label in (self.balance, self.tier, self.spend, self.expiring):
                label.setText("—")
            return
        self.balance.setText(balance_text(standing.balance))
        self.tier.setText(tier_text(standing))
        self.spend.setText(self._spend_text(standing))
        self.expiring.setText(expiring_text(standing) or self.tr("none"))

    def _spend_text(self, standing: Standing) -> str:
        spent = money(standing.spend_12m_fen)
        missing = standing.to_next_tier_fen
        if standing.next_tier is None or missing is None:
            return self.tr("%1 · the highest tier").replace("%1", spent)
        return (
            self.tr("%1 · %2 more for %3")
            .replace("%1", spent)
            .replace("%2", money(missing))
            .replace("%3", tier_name(standing.next_tier))
        )

    def correct_points(self) -> None:
        if self._customer_id is None or self._actions is None or self._standing is None:
            return
        if not self._actions.may_adjust:
            return
        customer_id, adjust = self._customer_id, self._actions.adjust
        dialog = AdjustPointsDialog(
            balance=self._standing.balance,
            save=lambda points, reason: adjust(customer_id, points, reason),
            parent=self,
        )
        accepted = dialog.exec()
        dialog.deleteLater()
        # A lock hides the dialog (it returns rejected) and drops this panel afterwards.
        if accepted and self._customer_id == customer_id:
            self.show_customer(customer_id)
            self.correct.setFocus()
