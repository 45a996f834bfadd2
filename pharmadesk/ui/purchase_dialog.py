"""Adding a purchase at the counter: one receipt, several lines, all by keyboard.

Product field: type a name, pinyin initials or scan a barcode (a scanner types digits and
Enter), Enter picks the first match and moves to the quantity; Enter in the price adds the
line and returns to the product. Ctrl+Enter saves. The customer's allergies and chronic
conditions stand at the top, and a product that matches an allergy asks first.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pharmadesk.services import allergies
from pharmadesk.services.products import ProductInfo
from pharmadesk.services.purchases import MAX_QUANTITY, LineInput
from pharmadesk.text.normalize import InvalidValue, money_fen
from pharmadesk.ui.customer_panel import BANNER_STYLE
from pharmadesk.ui.models import money

ProductFinder = Callable[[str], list[ProductInfo]]


class PurchaseDialog(QDialog):
    def __init__(
        self,
        *,
        customer_name: str,
        allergy_text: str | None,
        chronic_text: str | None,
        find_products: ProductFinder,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add purchase: %1").replace("%1", customer_name))
        self.setMinimumWidth(640)
        self._find = find_products
        self._allergies = allergy_text
        self._product: ProductInfo | None = None
        self.lines: list[LineInput] = []
        layout = QVBoxLayout(self)
        warnings = []
        if allergy_text:
            warnings.append(self.tr("Allergies: %1").replace("%1", allergy_text))
        if chronic_text:
            warnings.append(self.tr("Chronic conditions: %1").replace("%1", chronic_text))
        if warnings:
            banner = QLabel("    ".join(warnings))
            banner.setObjectName("healthBanner")
            banner.setWordWrap(True)
            banner.setStyleSheet(BANNER_STYLE)
            layout.addWidget(banner)
        layout.addLayout(self._entry_row())
        self.match = QLabel()
        self.match.setObjectName("productMatch")
        layout.addWidget(self.match)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("purchaseLines")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Product"), self.tr("Qty"), self.tr("Unit price"), self.tr("Amount")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        form = QFormLayout()
        self.receipt = QLineEdit()
        self.receipt.setObjectName("receipt")
        form.addRow(self.tr("Receipt number (optional)"), self.receipt)
        self.total = QLabel()
        form.addRow(self.tr("Total"), self.total)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self).activated.connect(self._save)
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table).activated.connect(self._remove_line)
        self._update_total()
        self.product.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter belongs to the fields (pick the product, add the line), never to the
        # dialog's default button; Ctrl+Enter saves.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A spin box has no returnPressed: Enter on the quantity adds the line (or asks for
        # the price when there is none yet).
        if (
            watched is self.quantity
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self._add_line()
            return True
        return super().eventFilter(watched, event)

    def _entry_row(self) -> QHBoxLayout:
        self.product = QLineEdit()
        self.product.setObjectName("product")
        self.product.setPlaceholderText(self.tr("Product name, pinyin initials or barcode"))
        self.product.returnPressed.connect(self._pick_product)
        self.product.textEdited.connect(lambda _: self._clear_pick())
        self.quantity = QSpinBox()
        self.quantity.setObjectName("quantity")
        self.quantity.setRange(1, MAX_QUANTITY)
        self.quantity.installEventFilter(self)
        self.price = QLineEdit()
        self.price.setObjectName("unitPrice")
        self.price.setPlaceholderText(self.tr("Unit price ¥"))
        self.price.returnPressed.connect(self._add_line)
        add = QPushButton(self.tr("Add line"))
        add.setAutoDefault(False)
        add.clicked.connect(self._add_line)
        row = QHBoxLayout()
        row.addWidget(self.product, 3)
        row.addWidget(QLabel(self.tr("Qty")))
        row.addWidget(self.quantity)
        row.addWidget(self.price, 1)
        row.addWidget(add)
        return row

    def _clear_pick(self) -> None:
        self._product = None
        self.match.setText("")

    def _pick_product(self) -> None:
        text = self.product.text().strip()
        if not text:
            return
        found = self._find(text)
        if found:
            self._product = found[0]
            self.product.setText(found[0].name)
            spec = f" {found[0].specification}" if found[0].specification else ""
            self.match.setText(f"{found[0].name}{spec} · {found[0].category or ''}")
            if found[0].last_unit_price_fen is not None:
                self.price.setText(money(found[0].last_unit_price_fen).lstrip("¥"))
        else:
            self._product = None
            self.match.setText(self.tr("New product: %1").replace("%1", text))
        self.quantity.setFocus()
        self.quantity.selectAll()

    def _add_line(self) -> None:
        name = self.product.text().strip()
        if not name:
            self.product.setFocus()
            return
        try:
            price = money_fen(self.price.text())
        except InvalidValue:
            price = None
        if price is None:
            self.match.setText(self.tr("Enter the unit price"))
            self.price.setFocus()
            return
        product = self._product if self._product and self._product.name == name else None
        category = product.category if product else None
        conflicts = allergies.conflicts(self._allergies, product_name=name, category=category)
        if conflicts and not self._confirm_allergy(name, conflicts):
            return
        line = LineInput(
            product_name=name,
            quantity=self.quantity.value(),
            unit_price_fen=price,
            specification=product.specification if product else "",
            category=category,
            barcode=product.barcode if product else None,
        )
        self.lines.append(line)
        self._append_row(line)
        self.product.clear()
        self.price.clear()
        self.quantity.setValue(1)
        self._clear_pick()
        self.product.setFocus()

    def _confirm_allergy(self, name: str, conflicts: list[str]) -> bool:
        answer = QMessageBox.warning(
            self,
            self.tr("Possible allergy"),
            self.tr("%1 may touch the customer's recorded allergy: %2.\n\nAdd it anyway?")
            .replace("%1", name)
            .replace("%2", "、".join(conflicts)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _append_row(self, line: LineInput) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        amount = line.quantity * line.unit_price_fen
        cells = [line.product_name, str(line.quantity), money(line.unit_price_fen), money(amount)]
        for column, text in enumerate(cells):
            self.table.setItem(row, column, QTableWidgetItem(text))
        self._update_total()

    def _remove_line(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.lines):
            del self.lines[row]
            self.table.removeRow(row)
            self._update_total()

    def _update_total(self) -> None:
        total = sum(line.quantity * line.unit_price_fen for line in self.lines)
        self.total.setText(money(total))

    def _save(self) -> None:
        if self.product.text().strip() and self.price.text().strip():
            self._add_line()  # a line typed but not yet added is meant to be saved
        if not self.lines:
            self.match.setText(self.tr("Add at least one line"))
            return
        self.accept()
