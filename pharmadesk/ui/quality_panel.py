"""The owner's data-quality panel: five figures in large type, each opening its list.

The four figures counted in SQL load first, in one background job (a fraction of a second
at 200,000 customers); the suspected duplicates come from the duplicate finder, a slower
second job, so that figure fills in a few seconds later. A figure is opened by a click, or
Enter or Space when it has the focus (Tab moves between them): its list loads below, and
Enter (or a double click) on a row opens that customer in the main window. Esc or Ctrl+W
closes the panel.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence, QMouseEvent, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pharmadesk.errors import PharmaDeskError
from pharmadesk.services import quality
from pharmadesk.services.context import Context
from pharmadesk.services.duplicates import Pair
from pharmadesk.services.quality import Counts, Member
from pharmadesk.ui import formatting, i18n, labels
from pharmadesk.ui.tables import RowsModel, enter_pressed, size_columns, table_view
from pharmadesk.ui.tasks import BackgroundRunner, LatestJob

log = logging.getLogger(__name__)
CONTEXT = "QualityPanel"
TITLES = {
    "no_mobile": QT_TRANSLATE_NOOP("QualityPanel", "Without a mobile"),
    "approximate_birth": QT_TRANSLATE_NOOP("QualityPanel", "Birth year only"),
    "no_consent": QT_TRANSLATE_NOOP("QualityPanel", "Consent not confirmed"),
    "unverified": QT_TRANSLATE_NOOP("QualityPanel", "Details not confirmed"),
    "duplicates": QT_TRANSLATE_NOOP("QualityPanel", "Suspected duplicates"),
}
DEFINITIONS = {
    "no_mobile": QT_TRANSLATE_NOOP("QualityPanel", "Customers with no mobile number."),
    "approximate_birth": QT_TRANSLATE_NOOP(
        "QualityPanel", "Customers whose birth year was worked out from an age."
    ),
    "no_consent": QT_TRANSLATE_NOOP(
        "QualityPanel",
        "Customers with no data consent on record, or a paper card's not yet confirmed.",
    ),
    "unverified": QT_TRANSLATE_NOOP(
        "QualityPanel", "Customers whose details were not confirmed for longer than the "
        "stale-record setting."
    ),
    "duplicates": QT_TRANSLATE_NOOP(
        "QualityPanel", "Pairs of records the duplicate finder thinks may be one person "
        "(pairs marked as not the same person are left out)."
    ),
}  # fmt: skip
MEMBER_SAMPLES = ("欧阳秀英", "PD0001234", "13812345678", "about 1960",
                  "Paper card, not yet confirmed", "2026-11-22", "2026-11-22")  # fmt: skip
PAIR_SAMPLES = ("Possible", "欧阳秀英 PD0001234", "欧阳秀英 PD0001235")


def _translate(text: object) -> str:
    return QCoreApplication.translate(CONTEXT, str(text))


class FigureCard(QFrame):
    """One figure: its title and its number in large type; clicked, or Enter/Space."""

    activated = Signal(str)

    def __init__(self, measure: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.measure = measure
        self.setObjectName(f"quality_{measure}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(_translate(DEFINITIONS[measure]))
        self.title = QLabel(_translate(TITLES[measure]))
        self.value = QLabel(formatting.NO_VALUE)
        self.value.setObjectName("qualityValue")
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 2.0)
        font.setBold(True)
        self.value.setFont(font)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self.title)
        layout.addWidget(self.value)
        self.set_chosen(False)

    def set_value(self, value: int | None) -> None:
        self.value.setText(formatting.NO_VALUE if value is None else formatting.count(value))

    def set_chosen(self, chosen: bool) -> None:
        self.setFrameShadow(QFrame.Shadow.Sunken if chosen else QFrame.Shadow.Raised)
        self.setLineWidth(2 if chosen else 1)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.activated.emit(self.measure)
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit(self.measure)
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.setStyleSheet("FigureCard { border: 2px solid palette(highlight); }")

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.setStyleSheet("")


class _Table(RowsModel[Any]):
    """A read-only list of rows, each opening one customer (`customer_of`)."""

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(self.rows[index.row()], index.column())
        return None

    def text(self, row: Any, column: int) -> str:
        raise NotImplementedError

    def customer_of(self, row: int) -> int | None:
        raise NotImplementedError


class QualityMembersModel(_Table):
    """The customers behind one of the four SQL figures."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.titles = [self.tr("Customer"), self.tr("Code"), self.tr("Mobile"),
                       self.tr("Born"), self.tr("Data consent"), self.tr("Last confirmed"),
                       self.tr("Last visit")]  # fmt: skip

    def text(self, row: Member, column: int) -> str:
        if column == 3:
            return self._born(row)
        if column == 4:
            return labels.consent(row.consent_data)
        if column == 5:
            return row.last_verified_on.isoformat() if row.last_verified_on else self.tr("never")
        values = (row.name, row.code or "", row.mobile or "")
        return values[column] if column < 3 else (row.last_visit.isoformat()
                                                  if row.last_visit else "")  # fmt: skip

    def _born(self, row: Member) -> str:
        if row.birth_date is not None and not row.birth_date_approximate:
            return row.birth_date.isoformat()
        if row.birth_year is not None:
            return self.tr("about %1").replace("%1", str(row.birth_year))
        return ""

    def customer_of(self, row: int) -> int | None:
        return self.rows[row].id if 0 <= row < len(self.rows) else None


class QualityPairsModel(_Table):
    """The suspected duplicate pairs, the most certain first, with their evidence."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.language = "en"
        self.titles = [self.tr("Level"), self.tr("Customer"), self.tr("Other customer"),
                       self.tr("Evidence")]  # fmt: skip
        self.levels = {"certain": self.tr("Certain"), "strong": self.tr("Strong"),
                       "possible": self.tr("Possible")}  # fmt: skip

    def text(self, row: Pair, column: int) -> str:
        if column == 0:
            return self.levels.get(row.level, row.level)
        if column == 3:
            return row.reason(self.language)
        side = row.low if column == 1 else row.high
        return f"{side.name} {side.code}" if side.code else side.name

    def customer_of(self, row: int) -> int | None:
        return self.rows[row].low.id if 0 <= row < len(self.rows) else None


class QualityPanel(QWidget):
    """The five figures and the list behind the one chosen."""

    customer_chosen = Signal(int)

    def __init__(
        self, ctx: Context, runner: BackgroundRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)
        self.setWindowTitle(self.tr("Data quality"))
        self.ctx, self.runner = ctx, runner
        # Each load of its own: a reload or another list forgets the one still coming.
        self._counting, self._pairing = LatestJob(runner), LatestJob(runner)
        self._listing = LatestJob(runner)
        self._loaded_once = False
        self.counts: Counts | None = None
        self.pairs: list[Pair] | None = None
        self.chosen: str | None = None
        self.cards = {measure: FigureCard(measure) for measure in quality.MEASURES}
        grid = QGridLayout()
        for n, card in enumerate(self.cards.values()):
            card.activated.connect(self.open_list)
            grid.addWidget(card, 0, n)
        self.status = QLabel()
        self.status.setObjectName("qualityStatus")
        self.list_title = QLabel()
        self.list_title.setObjectName("qualityListTitle")
        self.members = QualityMembersModel(self)
        self.pair_model = QualityPairsModel(self)
        self.member_view = self._view(self.members, MEMBER_SAMPLES, "qualityMembers")
        self.pair_view = self._view(self.pair_model, PAIR_SAMPLES, "qualityPairs")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.member_view)
        self.stack.addWidget(self.pair_view)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.status)
        layout.addWidget(self.list_title)
        layout.addWidget(self.stack, 1)
        self.resize(1100, 680)
        # Ctrl+W on every platform (the standard Close key is Ctrl+F4 on some desktops).
        for keys in (QKeySequence(Qt.Key.Key_Escape), QKeySequence("Ctrl+W")):
            QShortcut(keys, self).activated.connect(self.close)

    def _view(self, model: _Table, samples: tuple[str, ...], name: str) -> QTableView:
        view = table_view(model)
        view.setObjectName(name)
        size_columns(view, samples)
        view.activated.connect(lambda index: self._open(view, model, index.row()))
        view.installEventFilter(self)
        return view

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        for view, model in ((self.member_view, self.members), (self.pair_view, self.pair_model)):
            if watched is view and enter_pressed(event):
                self._open(view, model, view.currentIndex().row())
                return True
        return super().eventFilter(watched, event)

    def _open(self, view: QTableView, model: _Table, row: int) -> None:
        customer_id = model.customer_of(row)
        if customer_id is not None:
            self.customer_chosen.emit(customer_id)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded_once:
            self._loaded_once = True
            self.reload()

    # --- Loading ---

    def reload(self) -> None:
        """Count again (the figures, then the duplicates) and reload the list shown."""
        self._listing.forget()  # the figures come first; a list follows them
        self.counts, self.pairs = None, None
        for card in self.cards.values():
            card.set_value(None)
        self.status.setText(self.tr("Counting…"))
        ctx = self.ctx
        self._counting.submit(lambda: quality.counts(ctx), self._counted, self._failed)
        self._pairing.submit(lambda: quality.duplicate_pairs(ctx), self._paired, self._failed)

    def _counted(self, counts: Counts) -> None:
        self.counts = counts
        for measure in quality.SQL_MEASURES:
            self.cards[measure].set_value(counts.of(measure))
        self.cards["unverified"].title.setText(
            self.tr("Not confirmed for over %Ln month(s)", "", counts.verify_months)
        )
        self._show_status()
        if self.chosen in quality.SQL_MEASURES:
            self.open_list(self.chosen)

    def _paired(self, pairs: list[Pair]) -> None:
        self.pairs = pairs
        self.cards["duplicates"].set_value(len(pairs))
        self._show_status()
        if self.chosen == "duplicates":
            self.open_list("duplicates")

    def _show_status(self) -> None:
        if self.counts is None:
            return
        text = self.tr("%Ln customer(s) looked at.", "", self.counts.customers)
        if self.pairs is None:
            text += " " + self.tr("Looking for duplicates…")
        self.status.setText(text)

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, PharmaDeskError):
            log.error("loading the data-quality figures failed", exc_info=error)
        self.status.setText(self.tr("The figures could not be loaded: %1")
                            .replace("%1", str(error)))  # fmt: skip

    # --- Lists ---

    def open_list(self, measure: str) -> None:
        """Show the customers (or pairs) behind a figure below the figures."""
        self.chosen = measure
        for key, card in self.cards.items():
            card.set_chosen(key == measure)
        title = self.cards[measure].title.text()
        if measure == "duplicates":
            self.stack.setCurrentWidget(self.pair_view)
            if self.pairs is None:
                self.list_title.setText(self.tr("%1: still looking…").replace("%1", title))
                return
            self.pair_model.language = i18n.current_language()
            self.pair_model.set_rows(self.pairs)
            self._listed(title, len(self.pairs), self.pair_view)
            return
        self.stack.setCurrentWidget(self.member_view)
        self.list_title.setText(self.tr("%1: loading…").replace("%1", title))
        ctx = self.ctx
        self._listing.submit(lambda: quality.members(ctx, measure),
                             lambda found: self._members_loaded(measure, found),
                             self._failed)  # fmt: skip

    def _members_loaded(self, measure: str, found: list[Member]) -> None:
        if measure != self.chosen:
            return
        self.members.set_rows(found)
        self._listed(self.cards[measure].title.text(), len(found), self.member_view)

    def _listed(self, title: str, count: int, view: QTableView) -> None:
        self.list_title.setText(f"{title}: {formatting.count(count)}")
        if count:
            view.selectRow(0)
        view.setFocus()
