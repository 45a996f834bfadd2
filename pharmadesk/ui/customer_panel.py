"""The right-hand side of the counter: who the customer is (and the scanned card they came
from, if any), what to watch out for, their points at a glance, their form, purchase
history, interaction log, consents and points."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pharmadesk.services.loyalty import Standing
from pharmadesk.services.profile import Profile
from pharmadesk.services.purchases import PurchaseFilter
from pharmadesk.ui import formatting
from pharmadesk.ui.card_page_dialog import CardPageLink
from pharmadesk.ui.consent_panel import ConsentActions, ConsentPanel
from pharmadesk.ui.customer_form import CustomerFormWidget
from pharmadesk.ui.models import InteractionTableModel, PurchaseTableModel, day, money
from pharmadesk.ui.points_panel import PointsActions, PointsPanel, glance
from pharmadesk.ui.purchase_filter import PurchaseFilterBar
from pharmadesk.ui.tables import fit_short_table, size_columns, table_view

BANNER_STYLE = (
    "background: #c62828; color: white; font-weight: bold; padding: 6px; border-radius: 3px;"
)
# The stale-record question: noticed, but quieter than the health banner.
CHECK_STYLE = "#checkLine { background: #fff4d6; border: 1px solid #e0c36b; border-radius: 3px; }"
# Moved away or deceased: a fact to know, greyed, not a warning.
LEFT_STYLE = "#leftLine { background: #eeeeee; border: 1px solid #c8c8c8; border-radius: 3px; }"


# A typical value of each purchase column, for its width.
PURCHASE_SAMPLES = ("2026-10-31", "多种维生素矿物质片", "100mg×100片", "99", "¥1,234.00",
                    "¥12,345.00", "R202610310001", "+201 / −50", "维生素营养",
                    "¥123,456.00")  # fmt: skip


class CustomerPanel(QWidget):
    add_purchase_requested = Signal()
    add_interaction_requested = Signal()
    follow_up_done_requested = Signal(int)
    details_confirmed = Signal()  # "Confirmed" on the please-confirm line
    left_undo_requested = Signal()  # "Undo" on the moved-away or deceased line

    def __init__(
        self,
        form: CustomerFormWidget,
        purchases: PurchaseTableModel,
        interactions: InteractionTableModel,
        categories: list[str],
        parent: QWidget | None = None,
        *,
        consents: ConsentActions | None = None,
        points: PointsActions | None = None,
        card_link: CardPageLink | None = None,
    ) -> None:
        super().__init__(parent)
        self.form = form
        self.purchases = purchases
        self.interactions = interactions
        self.may_see_health = True
        self.title = QLabel()
        self.title.setObjectName("customerTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.card_link = card_link  # "Scanned card…", shown by itself when there is one
        self.banner = QLabel()
        self.banner.setObjectName("healthBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.hide()
        self.check_line = self._check_line()
        self.left_line = self._left_line()
        self.summary = QLabel()
        self.summary.setObjectName("customerSummary")
        self.summary.setWordWrap(True)
        # Balance, tier and points about to expire: seen before a sale, whatever the tab.
        self.points_line = QLabel()
        self.points_line.setObjectName("customerPoints")
        self.points_line.hide()
        self.tabs = QTabWidget()
        self.tabs.addTab(self._details_tab(), self.tr("Details"))
        self.tabs.addTab(self._purchases_tab(categories), self.tr("Purchases"))
        self.tabs.addTab(self._interactions_tab(), self.tr("Interactions"))
        self.consents = ConsentPanel(consents)
        self.consents.setObjectName("consentPanel")
        # The form shows the withdrawal too, keeping whatever else is typed in it.
        self.consents.withdrawn.connect(lambda purpose: self.form.mark_withdrawn(purpose))
        self.tabs.addTab(self.consents, self.tr("Consents"))
        self.points = PointsPanel(points)
        self.points.setObjectName("pointsPanel")
        self.points.standing_shown.connect(self._show_points_line)
        self.tabs.addTab(self.points, self.tr("Points"))
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        if card_link is not None:
            head.addWidget(card_link)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.banner)
        layout.addWidget(self.check_line)
        layout.addWidget(self.left_line)
        layout.addWidget(self.summary)
        layout.addWidget(self.points_line)
        layout.addWidget(self.tabs, 1)
        self.show_profile(None)

    def _check_line(self) -> QWidget:
        """The "Please confirm mobile and address" line, for a stale record of someone here."""
        line = QWidget()
        line.setObjectName("checkLine")
        line.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        line.setStyleSheet(CHECK_STYLE)
        text = QLabel(self.tr("Please confirm mobile and address"))
        self.confirm_button = QPushButton(self.tr("Confirmed"))
        self.confirm_button.setObjectName("detailsConfirmed")
        self.confirm_button.setAutoDefault(False)
        self.confirm_button.clicked.connect(self.details_confirmed)
        row = QHBoxLayout(line)
        row.setContentsMargins(6, 2, 6, 2)
        row.addWidget(text, 1)
        row.addWidget(self.confirm_button)
        line.hide()
        return line

    def hide_check(self) -> None:
        self.check_line.hide()

    def _left_line(self) -> QWidget:
        """ "Moved away on …" or "Deceased on …": why nobody contacts them, and its undo."""
        line = QWidget()
        line.setObjectName("leftLine")
        line.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        line.setStyleSheet(LEFT_STYLE)
        self.left_text = QLabel()
        self.left_text.setObjectName("leftText")
        self.undo_left_button = QPushButton(self.tr("Undo"))
        self.undo_left_button.setObjectName("undoLeft")
        self.undo_left_button.setAutoDefault(False)
        self.undo_left_button.setToolTip(self.tr("They are back: contact and reminders again"))
        self.undo_left_button.clicked.connect(self.left_undo_requested)
        row = QHBoxLayout(line)
        row.setContentsMargins(6, 2, 6, 2)
        row.addWidget(self.left_text, 1)
        row.addWidget(self.undo_left_button)
        line.hide()
        return line

    def show_left(self, left: tuple[str, date] | None) -> None:
        """Show (or hide, for None) that the customer moved away or died on that day."""
        if left is None:
            self.left_line.hide()
            return
        reason, on = left
        text = self.tr("Deceased on %1") if reason == "deceased" else self.tr("Moved away on %1")
        self.left_text.setText(text.replace("%1", day(on)))
        self.left_line.show()

    def _details_tab(self) -> QWidget:
        self.details = QScrollArea()
        self.details.setWidgetResizable(True)
        self.details.setWidget(self.form)
        return self.details

    def _purchases_tab(self, categories: list[str]) -> QWidget:
        page = QWidget()
        self.filters = PurchaseFilterBar(categories)
        self.filters.changed.connect(self._apply_filter)
        add = QPushButton(self.tr("Add purchase…"))
        add.clicked.connect(self.add_purchase_requested)
        row = QHBoxLayout()
        row.addWidget(self.filters)
        row.addStretch(1)
        row.addWidget(add)
        self.purchase_view = table_view(self.purchases)
        self.purchase_view.setObjectName("purchaseTable")
        self.purchase_view.setSortingEnabled(True)
        size_columns(self.purchase_view, PURCHASE_SAMPLES)
        self.purchase_view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        layout = QVBoxLayout(page)
        layout.addLayout(row)
        layout.addWidget(self.purchase_view, 1)
        return page

    def _interactions_tab(self) -> QWidget:
        page = QWidget()
        add = QPushButton(self.tr("Log interaction…"))
        add.clicked.connect(self.add_interaction_requested)
        done = QPushButton(self.tr("Mark follow-up done"))
        done.setObjectName("markDone")
        done.clicked.connect(self._mark_done)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(done)
        row.addWidget(add)
        self.interaction_view = table_view(self.interactions)
        self.interaction_view.setObjectName("interactionTable")
        fit_short_table(self.interaction_view, stretch=3)  # the summary
        layout = QVBoxLayout(page)
        layout.addLayout(row)
        layout.addWidget(self.interaction_view, 1)
        return page

    def _mark_done(self) -> None:
        item = self.interactions.item(self.interaction_view.currentIndex().row())
        if item is not None and item.status == "open":
            self.follow_up_done_requested.emit(item.id)

    def _apply_filter(self) -> None:
        chosen = self.filters.applied_to(self.purchases.current_filter())
        if chosen is not None:
            self.purchases.set_filter(chosen)

    def show_profile(self, profile: Profile | None) -> None:
        """Show a customer (None: a new, unsaved customer)."""
        if self.card_link is not None:
            shown = profile.customer if profile else None
            self.card_link.show_customer(shown.id if shown else None, shown.name if shown else "")
        if profile is None:
            self.title.setText(self.tr("New customer"))
            self.banner.hide()
            self.check_line.hide()
            self.left_line.hide()
            self.summary.setText("")
            self.purchases.set_filter(PurchaseFilter(customer_id=-1))
            self.interactions.set_items([])
            self.consents.show_customer(None)
            self.points.show_customer(None)
            return
        customer, summary = profile.customer, profile.summary
        self.title.setText(f"{customer.name}  ·  {customer.code or ''}")
        warnings = []
        if self.may_see_health:  # the staff role may not see health data (DESIGN.md)
            if customer.allergies:
                warnings.append(self.tr("Allergies: %1").replace("%1", customer.allergies))
            if customer.chronic_conditions:
                warnings.append(
                    self.tr("Chronic conditions: %1").replace("%1", customer.chronic_conditions)
                )
        self.banner.setText("    ".join(warnings))
        self.banner.setVisible(bool(warnings))
        self.check_line.setVisible(profile.needs_check)
        self.show_left(profile.left)
        categories = formatting.listed(name for name, _ in summary.top_categories) or "—"
        self.summary.setText(
            self.tr("Total spend %1 · %2 · last visit %3 · usually %4 · %5")
            .replace("%1", money(summary.total_spend_fen))
            .replace("%2", self.tr("%Ln visit(s)", "", summary.visits))
            .replace("%3", day(summary.last_purchase) or "—")
            .replace("%4", categories)
            .replace("%5", self.tr("%Ln open follow-up(s)", "", summary.open_follow_ups))
        )
        self.purchases.set_filter(PurchaseFilter(customer_id=customer.id))
        self.interactions.set_items(profile.recent_interactions)
        self.consents.show_customer(customer)
        self.points.show_customer(customer.id, profile.points)

    def _show_points_line(self, standing: object) -> None:
        shown = isinstance(standing, Standing)
        self.points_line.setText(glance(standing) if isinstance(standing, Standing) else "")
        self.points_line.setVisible(shown)
