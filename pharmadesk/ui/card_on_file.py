"""Whether a card may be a customer already on file, by the import's own rules, looked up
in the database worker as the card is read and again as its name or numbers are corrected;
and the line that names those customers (name and mobile) above the fields."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QWidget

from pharmadesk.io.cards import card_table
from pharmadesk.services import customers
from pharmadesk.services.context import Context
from pharmadesk.ui.card_reader import CardItem
from pharmadesk.ui.import_text import failure_text
from pharmadesk.ui.tasks import Failure, Job, Success

OnFile = list[tuple[str, str | None]]  # name, mobile


def customers_on_file(ctx: Context, values: dict[str, str]) -> OnFile:
    """Runs in the database worker: the customers on file this card may be."""
    ids = card_table.possible_duplicates(ctx, values)
    return [(record.name, record.mobile) for record in customers.get_many(ctx, ids)]


class OnFileBanner(QLabel):
    """`look(item, values)` asks the database; `on_found(item)` once `item.on_file` is
    known, `on_failed(text)` when the lookup failed. `show_item(item)` shows its line."""

    def __init__(
        self,
        ctx: Context,
        submit: Callable[[Job, Success, Failure], int],
        forget: Callable[[int], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self._submit, self._forget = ctx, submit, forget
        self._tickets: dict[int, int] = {}  # id of a card -> its latest lookup
        self.on_found: Callable[[CardItem], None] = lambda _: None
        self.on_failed: Callable[[str], None] = lambda _: None
        self.setObjectName("onFile")
        self.setWordWrap(True)
        self.setStyleSheet("background: #fff1c2; padding: 4px")
        self.hide()

    def look(self, item: CardItem, values: dict[str, str]) -> None:
        key, ctx, chosen = id(item), self.ctx, dict(values)
        if key in self._tickets:
            self._forget(self._tickets.pop(key))

        def found(on_file: OnFile) -> None:
            self._tickets.pop(key, None)
            item.on_file = on_file
            self.on_found(item)

        def failed(error: BaseException) -> None:
            self._tickets.pop(key, None)
            reason = failure_text(error, log_as="looking for a card's customer on file")
            self.on_failed(
                self.tr("Customers on file could not be compared: %1").replace("%1", reason)
            )

        self._tickets[key] = self._submit(lambda: customers_on_file(ctx, chosen), found, failed)

    def forget_all(self) -> None:
        for ticket in self._tickets.values():
            self._forget(ticket)
        self._tickets.clear()

    def show_item(self, item: CardItem | None) -> None:
        if item is None or not item.on_file:
            self.hide()
            return
        people = [name if not mobile else f"{name} ({mobile})" for name, mobile in item.on_file]
        text = self.tr("Possibly already on file: %1. The preview lets you merge or keep apart.")
        self.setText(text.replace("%1", self.tr(", ").join(people)))
        self.show()
