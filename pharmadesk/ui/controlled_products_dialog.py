"""Tools > Controlled medicines…: the owner flags the products whose sales the real-name
register records (compound preparations containing ephedrine and the like) and sets the
per-sale limit in packs (services/register.py).

The list starts with the products flagged now; typing in the search field lists the
catalogue's matches under them. Ticks and the limit change nothing until Save, which asks
nothing more and says what changed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pharmadesk.errors import PharmaDeskError
from pharmadesk.services import products, register
from pharmadesk.services.context import Context
from pharmadesk.services.products import ProductInfo
from pharmadesk.ui.discard_question import discard_confirmed
from pharmadesk.ui.import_text import error_text
from pharmadesk.ui.tables import fit_short_table

ID_ROLE = Qt.ItemDataRole.UserRole


class ControlledProductsDialog(QDialog):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Controlled medicines"))
        self._saved_flags = {p.id: True for p in register.controlled_products(ctx)}
        self._ticked: dict[int, bool] = dict(self._saved_flags)  # as ticked, saved or not
        self._names: dict[int, str] = {}
        self.search = QLineEdit()
        self.search.setObjectName("productSearch")
        self.search.setPlaceholderText(self.tr("Find a product: name, pinyin initials or barcode"))
        self.search.textChanged.connect(lambda _: self._fill())
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("controlledTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Controlled"), self.tr("Product"), self.tr("Specification")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        fit_short_table(self.table, 1)
        self.table.itemChanged.connect(self._ticked_changed)
        self.limit = QSpinBox()
        self.limit.setObjectName("perSaleLimit")
        self.limit.setRange(*register.LIMIT_RANGE)
        self._saved_limit = register.limit(ctx)
        self.limit.setValue(self._saved_limit)
        self.limit.setSuffix(self.tr(" packs"))
        self.message = QLabel()
        self.message.setObjectName("controlledMessage")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self._lay_out()
        self.resize(640, 480)
        self._fill()
        self.search.setFocus()

    def _lay_out(self) -> None:
        intro = QLabel(
            self.tr(
                "Sales of a controlled medicine need the buyer's name, ID number and the batch "
                "in the real-name register, and at most the limit below per sale unless a "
                "pharmacist gives a reason."
            )
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        label = QLabel(self.tr("Per-sale &limit of one product"))
        label.setBuddy(self.limit)
        form.addRow(label, self.limit)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        # Enter in the search field lists, it never saves; Space on a row ticks it.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)

    def reject(self) -> None:
        flag, unflag, limit = self.changes()
        if (flag or unflag or limit is not None) and not discard_confirmed(
            self, self.tr("Controlled medicines"), self.tr("Close without saving the changes?")
        ):
            return
        super().reject()

    def shown_products(self) -> list[ProductInfo]:
        """The products flagged (as ticked), then the search's matches."""
        everything = {p.id: p for p in products.all_products(self.ctx)}
        ticked = [everything[i] for i, on in self._ticked.items() if on and i in everything]
        found = products.find(self.ctx, self.search.text(), limit=50)
        seen = {p.id for p in ticked}
        return [*ticked, *(p for p in found if p.id not in seen)]

    def _fill(self) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for product in self.shown_products():
            self._names[product.id] = product.name
            row = self.table.rowCount()
            self.table.insertRow(row)
            tick = QTableWidgetItem()
            tick.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled
                          | Qt.ItemFlag.ItemIsSelectable)  # fmt: skip
            on = self._ticked.get(product.id, product.controlled)
            tick.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            tick.setData(ID_ROLE, product.id)
            self.table.setItem(row, 0, tick)
            self.table.setItem(row, 1, QTableWidgetItem(product.name))
            self.table.setItem(row, 2, QTableWidgetItem(product.specification))
        self.table.blockSignals(False)

    def _ticked_changed(self, item: QTableWidgetItem) -> None:
        if item.column() == 0:
            product_id = int(item.data(ID_ROLE))
            self._ticked[product_id] = item.checkState() == Qt.CheckState.Checked

    def set_ticked(self, product_id: int, on: bool) -> None:
        """Tick or untick a shown product, as a click on its box does."""
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and int(item.data(ID_ROLE)) == product_id:
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def changes(self) -> tuple[list[int], list[int], int | None]:
        """(products to flag, products to unflag, the new limit or None)."""
        flag = [i for i, on in self._ticked.items() if on and not self._saved_flags.get(i)]
        unflag = [i for i, on in self._ticked.items() if not on and self._saved_flags.get(i)]
        limit = self.limit.value() if self.limit.value() != self._saved_limit else None
        return flag, unflag, limit

    def save(self) -> None:
        """Apply the ticks and the limit; the message says what changed."""
        flag, unflag, limit = self.changes()
        if not flag and not unflag and limit is None:
            self.message.setText(self.tr("Nothing changed."))
            return
        said = []
        try:
            for product_id in flag:
                register.set_controlled(self.ctx, product_id, True)
                self._saved_flags[product_id] = True
                said.append(self.tr("%1 is now controlled").replace("%1", self._names[product_id]))
            for product_id in unflag:
                register.set_controlled(self.ctx, product_id, False)
                self._saved_flags.pop(product_id, None)
                said.append(
                    self.tr("%1 is no longer controlled").replace("%1", self._names[product_id])
                )
            if limit is not None:
                register.set_limit(self.ctx, limit)
                said.append(
                    self.tr("the per-sale limit is now %1 packs (was %2)")
                    .replace("%1", str(limit)).replace("%2", str(self._saved_limit))
                )  # fmt: skip
                self._saved_limit = limit
        except PharmaDeskError as exc:
            QMessageBox.warning(self, self.tr("Not saved"), error_text(exc))
        if said:
            # The separator is the translation's: "；" in Chinese, not an ASCII ";".
            self.message.setText(self.tr("Saved: %1.").replace("%1", self.tr("; ").join(said)))
