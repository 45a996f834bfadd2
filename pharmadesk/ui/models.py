"""Qt item models fed with the services' plain rows.

`PurchaseTableModel` is windowed: it knows its row count up front and fetches pages of rows
into a small cache as the view paints them, so a customer with thousands of lines (or the
whole pharmacy) scrolls without loading everything and without inserting rows one by one.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, ClassVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from pharmadesk.services.interactions import InteractionRecord
from pharmadesk.services.purchases import Boundary, PurchaseFilter, PurchaseRow
from pharmadesk.services.search import Hit
from pharmadesk.ui import formatting, labels

Index = QModelIndex | QPersistentModelIndex
DISPLAY = Qt.ItemDataRole.DisplayRole
ALIGN = Qt.ItemDataRole.TextAlignmentRole
NUMBER_ALIGN = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
ID_ROLE = Qt.ItemDataRole.UserRole + 1
TOOLTIP = Qt.ItemDataRole.ToolTipRole


def money(fen: int | None) -> str:
    """Fen as a table cell shows it: '¥1,963.59'; nothing for no amount."""
    return "" if fen is None else formatting.money(fen)


def day(value: date | None) -> str:
    return value.isoformat() if value else ""


MINUS = "\u2212"  # a real minus sign: "−100" reads better than "-100" beside "+99"


def signed(points: int) -> str:
    """+99, −100, 0 (grouped: +1,234)."""
    if points > 0:
        return f"+{points:,}"
    if points < 0:
        return f"{MINUS}{-points:,}"
    return "0"


def receipt_points(earned: int, redeemed: int) -> str:
    """A receipt's points in the purchase tables: '+99', '+80 / −100', '' for none."""
    parts = []
    if earned:
        parts.append(signed(earned))
    if redeemed:
        parts.append(signed(-redeemed))
    return " / ".join(parts)


class _TableModel(QAbstractTableModel):
    """Common header handling: subclasses give `headers()` (translated) and `cell()`."""

    def headers(self) -> list[str]:
        raise NotImplementedError

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers())

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if role == DISPLAY and orientation == Qt.Orientation.Horizontal:
            return self.headers()[section]
        return None


class CustomerHitsModel(_TableModel):
    """The search results beside the search box."""

    def __init__(self) -> None:
        super().__init__()
        self._hits: list[Hit] = []

    def headers(self) -> list[str]:
        return [self.tr("Name"), self.tr("Mobile"), self.tr("Member code"), self.tr("Born")]

    def set_hits(self, hits: Sequence[Hit]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def hit(self, row: int) -> Hit | None:
        return self._hits[row] if 0 <= row < len(self._hits) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        hit = self._hits[index.row()]
        if role == ID_ROLE:
            return hit.id
        if role != DISPLAY:
            return None
        born = day(hit.birth_date) or (f"~{hit.birth_year}" if hit.birth_year else "")
        name = (
            hit.name if hit.status == "active" else self.tr("%1 (inactive)").replace("%1", hit.name)
        )
        return [name, hit.mobile or "", hit.code or "", born][index.column()]


PageFetcher = Callable[[PurchaseFilter, int, int, Boundary | None], list[PurchaseRow]]
Counter = Callable[[PurchaseFilter], int]


class PurchaseTableModel(_TableModel):
    """A window on the purchase lines of one customer (or all) that pages from the database."""

    PAGE = 200
    CACHED_PAGES = 8
    SORTABLE: ClassVar[dict[int, str]] = {0: "date", 5: "amount"}

    def __init__(self, fetch: PageFetcher, count: Counter) -> None:
        super().__init__()
        self.fetch, self.counter = fetch, count
        self._filter = PurchaseFilter(customer_id=-1)
        self._rows = 0
        self._pages: OrderedDict[int, list[PurchaseRow]] = OrderedDict()

    def headers(self) -> list[str]:
        return [
            self.tr("Date"), self.tr("Product"), self.tr("Specification"), self.tr("Qty"),
            self.tr("Unit price"), self.tr("Amount"), self.tr("Receipt"), self.tr("Points"),
            self.tr("Category"), self.tr("Running total"),
        ]  # fmt: skip

    def set_filter(self, selection: PurchaseFilter) -> None:
        self.beginResetModel()
        self._filter = selection
        self._pages.clear()
        self._rows = self.counter(selection)
        self.endResetModel()

    def current_filter(self) -> PurchaseFilter:
        return self._filter

    def refresh(self) -> None:
        self.set_filter(self._filter)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._rows

    def row(self, row: int) -> PurchaseRow | None:
        if not 0 <= row < self._rows:
            return None
        number = row // self.PAGE
        page = self._pages.get(number)
        if page is None:
            page = self.fetch(self._filter, number * self.PAGE, self.PAGE, self._boundary(number))
            self._pages[number] = page
            while len(self._pages) > self.CACHED_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        offset = row - number * self.PAGE
        return page[offset] if offset < len(page) else None

    def _boundary(self, number: int) -> Boundary | None:
        """A row of a cached neighbouring page to continue from (browsing all customers),
        so a page deep into millions of lines is found by key instead of by offset."""
        if self._filter.customer_id is not None:
            return None
        previous, following = self._pages.get(number - 1), self._pages.get(number + 1)
        if previous and len(previous) == self.PAGE:
            return Boundary(previous[-1], after=True)
        if following:
            return Boundary(following[0], after=False)
        return None

    # What the counter reads first (the product, the amount, the receipt number asked for at
    # a return) comes first: the last columns of a customer's history sit past the panel's
    # edge.
    NUMBER_COLUMNS: ClassVar[tuple[int, ...]] = (3, 4, 5, 7, 9)

    def cells(self, item: PurchaseRow) -> list[str]:
        line = item.line
        return [
            day(line.purchased_on), line.product_name, line.specification,
            str(line.quantity), money(line.unit_price_fen), money(line.amount_fen),
            line.receipt or "", receipt_points(line.earned_points, line.redeemed_points),
            line.category or "", money(item.running_total_fen),
        ]  # fmt: skip

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        column = index.column()
        if role == ALIGN and column in self.NUMBER_COLUMNS:
            return NUMBER_ALIGN
        if role not in (DISPLAY, ID_ROLE, TOOLTIP):
            return None
        item = self.row(index.row())
        if item is None:
            return None
        if role == ID_ROLE:
            return item.line.customer_id
        text = self.cells(item)[column]
        # A long product name is cut to its column: the tooltip holds the whole of it.
        return (text or None) if role == TOOLTIP else text

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.SORTABLE.get(column)
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        current = self._filter
        self.set_filter(
            PurchaseFilter(
                current.customer_id, current.date_from, current.date_to, current.category,
                order_by=key, descending=descending,
            )
        )  # fmt: skip


class AllPurchasesModel(PurchaseTableModel):
    """Every purchase line of the pharmacy, with the customer's name instead of a running
    total (which only means something for one customer)."""

    SORTABLE: ClassVar[dict[int, str]] = {0: "date", 7: "amount"}
    NUMBER_COLUMNS: ClassVar[tuple[int, ...]] = (5, 6, 7, 9)

    def headers(self) -> list[str]:
        return [
            self.tr("Date"), self.tr("Customer"), self.tr("Product"), self.tr("Specification"),
            self.tr("Category"), self.tr("Qty"), self.tr("Unit price"), self.tr("Amount"),
            self.tr("Receipt"), self.tr("Points"),
        ]  # fmt: skip

    def cells(self, item: PurchaseRow) -> list[str]:
        line = item.line
        return [
            day(line.purchased_on), item.customer_name or "", line.product_name,
            line.specification, line.category or "", str(line.quantity),
            money(line.unit_price_fen), money(line.amount_fen), line.receipt or "",
            receipt_points(line.earned_points, line.redeemed_points),
        ]  # fmt: skip


class InteractionTableModel(_TableModel):
    """A customer's interaction log, newest first (or the open follow-ups of everyone)."""

    def __init__(self) -> None:
        super().__init__()
        self._items: list[InteractionRecord] = []
        self._names: dict[int, str] = {}

    def headers(self) -> list[str]:
        return [
            self.tr("When"), self.tr("Channel"), self.tr("Kind"), self.tr("Summary"),
            self.tr("Rating"), self.tr("Follow-up"), self.tr("Staff"),
        ]  # fmt: skip

    def set_items(self, items: Sequence[InteractionRecord]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def item(self, row: int) -> InteractionRecord | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        item = self._items[index.row()]
        if role == ID_ROLE:
            return item.id
        if role != DISPLAY:
            return None
        return [
            item.occurred_at.strftime("%Y-%m-%d %H:%M"), labels.channel(item.channel),
            labels.kind(item.kind), item.summary, "★" * (item.rating or 0),
            self._follow_up(item), item.user_name or "",
        ][index.column()]  # fmt: skip

    def _follow_up(self, item: InteractionRecord) -> str:
        if item.status == "open":
            return self.tr("open, due %1").replace("%1", day(item.follow_up_due))
        if item.status == "done":
            return self.tr("done")
        return ""
