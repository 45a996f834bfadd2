"""Adding a purchase at the counter: one receipt, several lines, all by keyboard.

Product field: type a name, pinyin initials or scan a barcode (a scanner types digits and
Enter), Enter picks the match and moves to the quantity; where several products match and
none by its whole name or barcode, they are listed to choose from (Up/Down, Enter; Escape
goes back to the field). Enter in the price adds the line and returns to the product.
Ctrl+Enter saves. The customer's allergies and chronic conditions stand at the top, and a
product that matches an allergy asks first.

Points are earned without asking. As lines come and go the dialog shows the list total, the
member discount of the customer's tier (a box, ticked when the tier has one), the points to
redeem (never more than the balance or the receipt allows) and what they take off, the
total to pay and the points the receipt earns. All of it comes from `price`, the same quote
the saved receipt gets, so the dialog holds no rules.

A line of a controlled medicine brings up the real-name register's group (register_group.py):
the buyer's name and ID number, the line's batch number, and a reason when the packs pass
the per-sale limit. Save asks there first, and a refusal keeps everything as typed. The
group scrolls inside the dialog when the screen is short (1366x768 counter PCs), so the
dialog stays on the screen and the lines table keeps at least three rows in view.
"""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pharmadesk.errors import PharmaDeskError, ValidationError
from pharmadesk.services import allergies
from pharmadesk.services.customers import yuan
from pharmadesk.services.loyalty import Quote
from pharmadesk.services.products import ProductInfo
from pharmadesk.services.purchases import MAX_QUANTITY, LineInput, PurchaseLine
from pharmadesk.services.register import DEFAULT_LIMIT, BuyerInput
from pharmadesk.text.normalize import InvalidValue, money_fen
from pharmadesk.ui import formatting
from pharmadesk.ui.customer_panel import BANNER_STYLE
from pharmadesk.ui.discard_question import GuardedDialog
from pharmadesk.ui.import_text import error_text
from pharmadesk.ui.models import money
from pharmadesk.ui.points_model import zhe
from pharmadesk.ui.register_group import RegisterGroup

ProductFinder = Callable[[str], list[ProductInfo]]
SUGGEST_MS = 150  # the pause in typing after which the matching products are listed
MAX_INITIALS = 6  # a longer Latin word is more likely a name (Aspirin) than initials


def _looks_like_initials(text: str) -> bool:
    """Latin letters only, as short as pinyin initials are: 'gml', 'blf'."""
    return text.isascii() and text.isalpha() and len(text) <= MAX_INITIALS


MAX_TYPED_POINTS = 99_999_999  # what the redeem box takes as typed (the receipt decides)
# price(lines, redeem_points, member_discount): the receipt as it would be saved.
Pricer = Callable[[list[LineInput], int, bool], Quote]
# submit(lines, receipt, redeem_points, member_discount, buyer, override_reason): saves, or
# raises PharmaDeskError. `buyer` is None unless a line is of a controlled medicine.
Submitter = Callable[
    [list[LineInput], str, int, bool, BuyerInput | None, str | None], list[PurchaseLine]
]


MIN_LINE_ROWS = 3  # lines the table keeps in view however short the screen
TITLE_BAR = 32  # the window manager's, when the frame is not known yet
MAX_CHOICES = 8  # products listed when typed initials match several


def _rows_height(table: QTableWidget, rows: int) -> int:
    header = table.horizontalHeader().sizeHint().height()
    row = table.verticalHeader().defaultSectionSize()
    return header + rows * row + 2 * table.frameWidth() + 2


class _FittingScrollArea(QScrollArea):
    """A frameless scroll area that asks for its whole content when there is room (a plain
    QScrollArea asks for a fixed size whatever it holds) and can be squeezed to scroll."""

    def __init__(self, content: QWidget) -> None:
        super().__init__()
        self.setWidget(content)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVisible(False)

    def sizeHint(self) -> QSize:
        widget = self.widget()
        if widget is None:
            return super().sizeHint()
        content = widget.sizeHint()
        bar = self.verticalScrollBar().sizeHint().width()
        return QSize(content.width() + bar, content.height())

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), 120)


class PurchaseDialog(GuardedDialog):
    def __init__(
        self,
        *,
        customer_name: str,
        allergy_text: str | None,
        chronic_text: str | None,
        find_products: ProductFinder,
        price: Pricer | None = None,
        submit: Submitter | None = None,
        register_limit: int = DEFAULT_LIMIT,
        may_override: bool = False,
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add purchase: %1").replace("%1", customer_name))
        self.setMinimumWidth(640)
        self._find = find_products
        self._price = price
        self._submit = submit
        self.saved: list[PurchaseLine] = []  # the receipt's lines once `submit` saved them
        self.quote: Quote | None = None
        self._allergies = allergy_text
        self._product: ProductInfo | None = None
        self.lines: list[LineInput] = []
        self._controlled: dict[int, ProductInfo] = {}  # id(line) -> its controlled product
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
        # Initials shared by several products (blf: two 布洛芬) are chosen from, never
        # guessed: Up/Down and Enter pick, Escape goes back to the product field. Made
        # before the fields, whose event filter (this dialog's) looks at it.
        self.choices = QListWidget()
        self.choices.setObjectName("productChoices")
        self.choices.itemActivated.connect(self._chosen)
        self.choices.hide()
        self._offered: list[ProductInfo] = []
        self._unmatched: str | None = None  # initials that matched nothing, once
        layout.addLayout(self._entry_row())
        self.choices.installEventFilter(self)
        self.match = QLabel()
        self.match.setObjectName("productMatch")
        layout.addWidget(self.match)
        layout.addWidget(self.choices)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("purchaseLines")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Product"), self.tr("Qty"), self.tr("Unit price"), self.tr("Amount")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab moves on to the next field, not cell
        # The product's name takes the spare width (a long one was cut to "新康泰克 复方…").
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(_rows_height(self.table, MIN_LINE_ROWS))
        layout.addWidget(self.table, 1)
        self.register = RegisterGroup(
            customer_name=customer_name, limit=register_limit, may_override=may_override,
            today=today,
        )  # fmt: skip
        self.register_area = _FittingScrollArea(self.register)
        self.register_area.setObjectName("registerArea")
        layout.addWidget(self.register_area)
        form = QFormLayout()
        self.receipt = QLineEdit()
        self.receipt.setObjectName("receipt")
        form.addRow(self.tr("Receipt number (optional)"), self.receipt)
        self._points_rows(form)
        self.total = QLabel()
        self.total.setObjectName("totalToPay")
        font = self.total.font()
        font.setBold(True)
        self.total.setFont(font)
        form.addRow(self.tr("Total to pay") if price is not None else self.tr("Total"), self.total)
        self.earns = QLabel()
        self.earns.setObjectName("earnPoints")
        form.addRow(self.tr("Points earned"), self.earns)
        form.setRowVisible(self.earns, price is not None)
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
        self._set_tab_order()
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
        if (
            event.type() == QEvent.Type.FocusIn
            and isinstance(watched, QWidget)
            and self.register.isAncestorOf(watched)
        ):
            self.register_area.ensureWidgetVisible(watched)
        if (
            watched is self.choices
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
        ):
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                item = self.choices.currentItem()
                if item is not None:
                    self._chosen(item)
                return True
            if event.key() == Qt.Key.Key_Escape:  # back to typing, the dialog stays
                self.choices.hide()
                self.match.setText("")
                self.product.setFocus()
                return True
        if watched is self.product and event.type() == QEvent.Type.FocusOut:
            QTimer.singleShot(0, self._drop_stale_list)
        if (
            watched is self.product
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
            and self.choices.isVisible()
        ):
            self._suggesting.stop()
            self._into_list()
            return True
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
        # While the name is typed the products it matches are listed below it (↓ goes
        # into the list); after a short pause, so each keystroke does not redraw it.
        self._suggesting = QTimer(self)
        self._suggesting.setSingleShot(True)
        self._suggesting.setInterval(SUGGEST_MS)
        self._suggesting.timeout.connect(self._suggest)
        self.product.textEdited.connect(lambda _: self._suggesting.start())
        self.product.installEventFilter(self)
        self.quantity = QSpinBox()
        self.quantity.setObjectName("quantity")
        self.quantity.setRange(1, MAX_QUANTITY)
        self.quantity.installEventFilter(self)
        self.price = QLineEdit()
        self.price.setObjectName("unitPrice")
        self.price.setPlaceholderText(self.tr("Unit price ¥"))
        self.price.returnPressed.connect(self._add_line)
        add = self.add_button = QPushButton(self.tr("Add line"))
        add.setAutoDefault(False)
        add.clicked.connect(self._add_line)
        row = QHBoxLayout()
        row.addWidget(self.product, 3)
        row.addWidget(QLabel(self.tr("Qty")))
        row.addWidget(self.quantity)
        row.addWidget(self.price, 1)
        row.addWidget(add)
        return row

    def _points_rows(self, form: QFormLayout) -> None:
        """List total, member discount, points to redeem: shown when the dialog can price."""
        self.list_total = QLabel()
        self.list_total.setObjectName("listTotal")
        self.discount = QCheckBox()
        self.discount.setObjectName("memberDiscount")
        self.discount_value = QLabel()
        self.discount_value.setObjectName("discountValue")
        discount_row = QHBoxLayout()
        discount_row.addWidget(self.discount)
        discount_row.addWidget(self.discount_value, 1)
        self.redeem = QSpinBox()
        self.redeem.setObjectName("redeemPoints")
        self.redeem.setGroupSeparatorShown(True)
        self.redeem.setRange(0, 0)
        self.redeem.valueChanged.connect(lambda _: self._update_total())
        self.redeem_value = QLabel()
        self.redeem_value.setObjectName("redeemValue")
        redeem_row = QHBoxLayout()
        redeem_row.addWidget(self.redeem)
        redeem_row.addWidget(self.redeem_value, 1)
        self.problem = QLabel()
        self.problem.setObjectName("priceProblem")
        self.problem.setStyleSheet("color: #c62828;")
        self.problem.hide()
        form.addRow(self.tr("List total"), self.list_total)
        form.addRow("", discount_row)  # the box says what it is
        redeem_label = QLabel(self.tr("&Redeem points"))
        redeem_label.setBuddy(self.redeem)
        form.addRow(redeem_label, redeem_row)
        form.addRow(self.problem)
        pricing = self._price is not None
        tier = None
        if self._price is not None:
            # A refusal is said in the problem line once the lines are priced.
            with contextlib.suppress(PharmaDeskError):
                tier = self._price([], 0, True).tier
        percent = self._percent = tier.discount_percent if tier is not None else 0
        self.discount.setText(
            self.tr("Member discount %1 %").replace("%1", str(percent))
            .replace("%2", zhe(percent))  # the Chinese text says 98折
        )  # fmt: skip
        self.discount.setChecked(percent > 0)
        self.discount.toggled.connect(lambda _: self._update_total())
        for field, shown in ((self.list_total, pricing), (discount_row, pricing and percent > 0),
                             (redeem_row, pricing)):  # fmt: skip
            form.setRowVisible(field, shown)

    def _set_tab_order(self) -> None:
        chain = [self.product, self.quantity, self.price, self.add_button, self.table, self.receipt,
                 self.discount, self.redeem, *self.register.fields(), self.buttons]  # fmt: skip
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def saved_message(self, first_line: PurchaseLine) -> str:
        """The status bar's word once the receipt is saved, with the points it earned and
        took (`first_line`: the saved receipt's first line, which carries them)."""
        earned, redeemed = first_line.earned_points, first_line.redeemed_points
        text = self.tr("Purchase saved")
        if earned:
            text += " · " + self.tr("+%n point(s)", "", earned)
        if redeemed:
            text += " · " + self.tr("%n point(s) redeemed", "", redeemed)
        return text

    @property
    def redeem_points(self) -> int:
        """The points the customer chose to redeem on this receipt."""
        return self.redeem.value() if self._price is not None else 0

    @property
    def member_discount(self) -> bool:
        """Whether the tier's discount comes off (False when the tier has none)."""
        return (
            self._price is not None
            and self.discount.isVisibleTo(self)
            and self.discount.isChecked()
        )

    def _clear_pick(self) -> None:
        self._product = None
        self.match.setText("")
        self.choices.hide()

    def _pick_product(self) -> None:
        self._suggesting.stop()
        text = self.product.text().strip()
        if not text:
            return
        found = self._find(text)
        exact = [p for p in found if p.name.casefold() == text.casefold() or p.barcode == text]
        if len(found) > 1 and not exact:
            self._offer(found[:MAX_CHOICES])
            return
        if found:
            self._take(exact[0] if exact else found[0])
        elif _looks_like_initials(text) and self._unmatched != text:
            # "gmm" matching nothing is a slip far more often than a product's name: a
            # second Enter is needed before it becomes one.
            self._product, self._unmatched = None, text
            self.match.setText(
                self.tr("No product matches %1. Enter again to add it as a new product.").replace(
                    "%1", text
                )
            )
            return
        else:
            self._product = None
            self.match.setText(self.tr("New product: %1").replace("%1", text))
        self._unmatched = None
        self.quantity.setFocus()
        self.quantity.selectAll()

    def _suggest(self) -> None:
        """List what the text typed so far matches, the focus staying in the field."""
        text = self.product.text().strip()
        if not text or self._product is not None or not self.product.hasFocus():
            return
        found = self._find(text)[:MAX_CHOICES]
        if not found:
            return
        self._list(found)
        self.choices.setCurrentRow(-1)
        self.match.setText(
            self.tr("%Ln product(s) match: ↓ to choose, or go on typing", "", len(found))
        )

    def _drop_stale_list(self) -> None:
        """The list typed into being goes once the keyboard is neither in it nor in the field."""
        self._suggesting.stop()
        if not (self.product.hasFocus() or self.choices.hasFocus()):
            self.choices.hide()

    def _offer(self, found: list[ProductInfo]) -> None:
        self._list(found)
        self._into_list()

    def _into_list(self) -> None:
        """The keyboard into the listed products, the first one current."""
        self.match.setText(
            self.tr("%Ln products match: choose one (↑↓, Enter)", "", len(self._offered))
        )
        self.choices.setCurrentRow(0)
        self.choices.setFocus()

    def _list(self, found: list[ProductInfo]) -> None:
        self._unmatched = None
        self._offered = found
        self.choices.clear()
        for product in found:
            price = product.last_unit_price_fen
            shown = _described(product) + (f" · {money(price)}" if price is not None else "")
            self.choices.addItem(shown)
        rows = self.choices.sizeHintForRow(0) * len(found)
        self.choices.setFixedHeight(rows + 2 * self.choices.frameWidth())
        self.choices.show()

    def _chosen(self, item: QListWidgetItem) -> None:
        product = self._offered[self.choices.row(item)]
        self.choices.hide()
        self._take(product)
        self.quantity.setFocus()
        self.quantity.selectAll()

    def _take(self, product: ProductInfo) -> None:
        self.choices.hide()
        self._product = product
        self.product.setText(product.name)
        self.match.setText(_described(product))
        if product.last_unit_price_fen is not None:
            self.price.setText(yuan(product.last_unit_price_fen))  # as typed: no separators

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
        controlled = product if product is not None else self._existing(name)
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
        if controlled is not None and controlled.controlled:
            self._controlled[id(line)] = controlled
        self._append_row(line)
        self._lines_changed()
        self.product.clear()
        self.price.clear()
        self.quantity.setValue(1)
        self._clear_pick()
        self.product.setFocus()

    def _existing(self, name: str) -> ProductInfo | None:
        """The product a typed name without a specification is saved as (the service finds
        it the same way), so a controlled one asks for the register even when not picked."""
        return next((p for p in self._find(name) if p.name == name and not p.specification), None)

    def _lines_changed(self) -> None:
        self.register.set_lines(self.lines, self._controlled)
        self.register_area.setVisible(self.register.needed)
        for field in self.register.fields():
            field.installEventFilter(self)  # focus in a field scrolls it into view
        self._set_tab_order()
        self.fit_to_screen()

    def fit_to_screen(self) -> None:
        """Grow to show what the dialog holds, never past the screen's bottom: what does not
        fit is the register group's to scroll."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return
        room = screen.availableGeometry()
        title = max(self.frameGeometry().height() - self.height(), TITLE_BAR)
        height = min(max(self.sizeHint().height(), self.height()), room.height() - title)
        self.resize(self.width(), max(height, self.minimumSizeHint().height()))
        frame = self.frameGeometry()
        if frame.bottom() > room.bottom():
            self.move(frame.x(), max(room.top(), room.bottom() - frame.height()))

    def _confirm_allergy(self, name: str, conflicts: list[str]) -> bool:
        answer = QMessageBox.warning(
            self,
            self.tr("Possible allergy"),
            self.tr("%1 may touch the customer's recorded allergy: %2.\n\nAdd it anyway?")
            .replace("%1", name)
            .replace("%2", formatting.listed(conflicts)),
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
            self._controlled.pop(id(self.lines[row]), None)
            del self.lines[row]
            self.table.removeRow(row)
            self._update_total()
            self._lines_changed()

    def _update_total(self) -> None:
        if self._price is None:
            self.total.setText(
                money(sum(line.quantity * line.unit_price_fen for line in self.lines))
            )
            return
        if self._pricing:
            return  # the spin box's new maximum changed its value: already being priced
        self._pricing = True
        try:
            self._show_quote()
        finally:
            self._pricing = False

    _pricing = False
    _most = 0  # the most points this receipt can take, as last priced

    def _show_quote(self) -> None:
        assert self._price is not None
        discount = self.member_discount
        try:
            # The most this receipt can take, then the receipt with what was chosen of it.
            plain = self._price(self.lines, 0, discount)
            most = self._most = plain.max_redeem_points
            # Typing past the most is shown and refused, never cut short without a word
            # (a spin box drops the keystrokes past its maximum).
            self.redeem.setMaximum(max(most, MAX_TYPED_POINTS))
            asked = self.redeem.value()
            self.redeem.setEnabled(most > 0 or asked > 0)
            # Priced again only when points come off (nothing redeemed: the price above).
            redeem = min(asked, most)
            quote = self._price(self.lines, redeem, discount) if redeem else plain
        except PharmaDeskError as exc:
            self.problem.setText(_refusal_text(exc))
            self.problem.show()
            return
        if asked > most:
            self.problem.setText(
                self.tr("At most %1 points can be redeemed on this receipt.")
                .replace("%1", f"{most:,}")
            )  # fmt: skip
            self.problem.show()
        else:
            self.problem.hide()
        self.quote = quote
        self.list_total.setText(money(quote.list_total_fen))
        self.discount_value.setText(f"−{money(quote.discount_fen)}" if quote.discount_fen else "")
        self.redeem_value.setText(
            self.tr("= %1 off · balance %2 · at most %3")
            .replace("%1", money(quote.redeem_value_fen))
            .replace("%2", f"{quote.balance:,}")
            .replace("%3", f"{quote.max_redeem_points:,}")
        )
        self.total.setText(money(quote.total_fen))
        self.earns.setText(f"+{quote.earn_points:,}")

    def has_unsaved_input(self) -> bool:
        return bool(self.lines) or self._line_typed()  # what Save would save

    def _line_typed(self) -> bool:
        """A line typed in full (product and price) but not yet added."""
        return bool(self.product.text().strip() and self.price.text().strip())

    def _save(self) -> None:
        if self._line_typed():
            self._add_line()  # a line typed but not yet added is meant to be saved
        if not self.lines:
            self.match.setText(self.tr("Add at least one line"))
            return
        if self._price is not None and self.redeem.value() > self._most:
            self.redeem.setFocus()
            self.redeem.selectAll()
            return  # the problem line says how many points can be redeemed
        if self.register.refuse():
            return  # the register's group says what it needs, its field has the focus
        if self._submit is not None:
            # Saved from here, so a refusal (the balance changed meanwhile, say) leaves the
            # dialog open with every line as typed.
            try:
                self.saved = self._submit(
                    self.register.with_batches(self.lines), self.receipt.text(),
                    self.redeem_points, self.member_discount, self.register.buyer(),
                    self.register.reason(),
                )  # fmt: skip
            except PharmaDeskError as exc:
                text = self.register.refusal_text(exc) or _refusal_text(exc)
                QMessageBox.warning(self, self.tr("Not saved"), text)
                self._update_total()
                return
        self.accept()


def _described(product: ProductInfo) -> str:
    spec = f" {product.specification}" if product.specification else ""
    return f"{product.name}{spec} · {product.category or ''}"


def _refusal_text(error: PharmaDeskError) -> str:
    """Why the receipt was refused, in the UI language; in English without the "invalid
    input (field: …)" frame the engine puts around each problem."""
    text = error_text(error)
    if text == error.message and isinstance(error, ValidationError):
        text = "; ".join(error.problems.values())
        text = f"{text[:1].upper()}{text[1:]}."
    return text
