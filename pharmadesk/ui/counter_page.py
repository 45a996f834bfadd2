"""The counter page of the main window: search on the left, the customer on the right.

One page is built for each signed-in session (its account's role decides the health fields)
and dropped whole at a lock, with its Qt item models, so nothing of the customers it showed
outlives the session.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QSplitter

from pharmadesk.services import (
    card_pages,
    consents,
    custom_fields,
    loyalty,
    products,
    purchases,
    search,
)
from pharmadesk.services.context import Context
from pharmadesk.services.permissions import Operation, allows
from pharmadesk.ui.card_page_dialog import CardPageActions, CardPageLink
from pharmadesk.ui.consent_panel import ConsentActions
from pharmadesk.ui.customer_form import CustomerFormWidget
from pharmadesk.ui.customer_panel import CustomerPanel
from pharmadesk.ui.models import InteractionTableModel, PurchaseTableModel
from pharmadesk.ui.points_panel import PointsActions
from pharmadesk.ui.search_panel import SearchPanel
from pharmadesk.ui.tasks import BackgroundRunner


class CounterPage(QSplitter):
    """`search`, `form`, `panel` and their models, all working on one Context."""

    def __init__(self, ctx: Context, runner: BackgroundRunner) -> None:
        super().__init__()
        self.setObjectName("counterPage")
        self.ctx = ctx
        self.may_see_health = allows(ctx.account, Operation.SEE_HEALTH)
        self.search = SearchPanel(lambda q: search.find(ctx, q), runner)
        self.form = self._new_form()
        self.purchase_model = PurchaseTableModel(
            lambda selection, offset, limit, boundary: purchases.page(
                ctx, selection, offset=offset, limit=limit, boundary=boundary
            ),
            lambda selection: purchases.count_filtered(ctx, selection),
        )
        self.interaction_model = InteractionTableModel()
        actions = ConsentActions(
            history=lambda customer_id: consents.history(ctx, customer_id),
            withdraw=lambda customer_id, purpose: consents.withdraw(ctx, customer_id, purpose),
        )
        points = PointsActions(
            standing=lambda customer_id: loyalty.standing(ctx, customer_id),
            entries=lambda customer_id: loyalty.entries(ctx, customer_id),
            adjust=lambda customer_id, change, why: loyalty.adjust(ctx, customer_id, change, why),
            may_adjust=allows(ctx.account, Operation.ADJUST_POINTS),
        )
        cards = CardPageActions(
            pages=lambda customer_id: card_pages.of_customer(ctx, customer_id),
            image=lambda page_id: card_pages.image(ctx, page_id),
            may_see_image=self.may_see_health,
        )
        self.panel = CustomerPanel(
            self.form, self.purchase_model, self.interaction_model, products.categories(ctx),
            consents=actions, points=points, card_link=CardPageLink(cards, runner),
        )  # fmt: skip
        self.panel.may_see_health = self.may_see_health
        self.addWidget(self.search)
        self.addWidget(self.panel)
        self.setStretchFactor(1, 2)

    def _new_form(self) -> CustomerFormWidget:
        return CustomerFormWidget(
            custom_fields.list_fields(self.ctx), self.ctx.today,
            may_see_health=self.may_see_health,
        )  # fmt: skip

    def rebuild_form(self) -> CustomerFormWidget:
        """Custom fields changed: a new form with them (the caller loads it)."""
        self.form = self._new_form()
        self.panel.form = self.form
        # setWidget() deletes the old form itself.
        self.panel.details.setWidget(self.form)
        return self.form

    def drop(self) -> None:
        """Stop its timers and delete it with its item models (at a lock)."""
        for timer in self.findChildren(QTimer):
            timer.stop()
        for model in (self.search.model, self.purchase_model, self.interaction_model):
            model.deleteLater()
        self.deleteLater()
