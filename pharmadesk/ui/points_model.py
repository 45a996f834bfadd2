"""A customer's points ledger as the counter reads it, and the words for points and tiers.

The ledger's own reasons are English notes written by the system ("earned on R2026…"); the
table says what each entry was for in the UI language from its kind and its links (the
receipt, the import batch, the entry it reverses). Only a correction typed by hand shows
its reason as written.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from pharmadesk.services.loyalty import Entry
from pharmadesk.services.loyalty_rules import Tier
from pharmadesk.ui.formatting import money
from pharmadesk.ui.models import NUMBER_ALIGN, _TableModel, day, signed

Index = QModelIndex | QPersistentModelIndex
DISPLAY = Qt.ItemDataRole.DisplayRole
ALIGN = Qt.ItemDataRole.TextAlignmentRole

TIER_NAMES = {
    "standard": QT_TRANSLATE_NOOP("PointsModel", "Standard"),
    "silver": QT_TRANSLATE_NOOP("PointsModel", "Silver"),
    "gold": QT_TRANSLATE_NOOP("PointsModel", "Gold"),
}
KIND_NAMES = {
    "opening": QT_TRANSLATE_NOOP("PointsModel", "Opening balance"),
    "earned": QT_TRANSLATE_NOOP("PointsModel", "Earned"),
    "redeemed": QT_TRANSLATE_NOOP("PointsModel", "Redeemed"),
    "adjusted": QT_TRANSLATE_NOOP("PointsModel", "Correction"),
    "expired": QT_TRANSLATE_NOOP("PointsModel", "Expired"),
}


def _noop(text: object) -> str:
    """A text marked with QT_TRANSLATE_NOOP above, translated."""
    return QCoreApplication.translate("PointsModel", str(text))


def zhe(percent: int) -> str:
    """A discount as Chinese counters say it, by the share paid: 2 % off is 98(折), 10 % is 9."""
    paid = 100 - percent
    return str(paid // 10) if paid % 10 == 0 else str(paid)


def tier_name(tier: Tier) -> str:
    """The owner's name for a tier, else the translated default (普通/银卡/金卡)."""
    if tier.name:
        return tier.name
    default = TIER_NAMES.get(tier.key)
    return _noop(default) if default else tier.key


def is_reversal(entry: Entry) -> bool:
    return entry.kind == "adjusted" and entry.reverses_id is not None


def kind_label(entry: Entry) -> str:
    if is_reversal(entry):
        return QCoreApplication.translate("PointsModel", "Reversal")
    name = KIND_NAMES.get(entry.kind)
    return _noop(name) if name else entry.kind


def _receipt(entry: Entry) -> str:
    when = day(entry.purchased_on or entry.effective_on)
    if entry.receipt:
        return (
            QCoreApplication.translate("PointsModel", "receipt %1 of %2")
            .replace("%1", entry.receipt)
            .replace("%2", when)
        )
    return QCoreApplication.translate("PointsModel", "purchase of %1").replace("%1", when)


def describe(entry: Entry, ledger: Sequence[Entry] = ()) -> str:
    """What an entry was for, in the UI language (`ledger`: the customer's other entries,
    to say which points an expiry took)."""
    if entry.kind == "earned":
        return QCoreApplication.translate("PointsModel", "Earned on %1").replace(
            "%1", _receipt(entry)
        )
    if entry.kind == "redeemed":
        text = QCoreApplication.translate("PointsModel", "Redeemed on %1").replace(
            "%1", _receipt(entry)
        )
        if entry.value_fen:
            text += " · " + QCoreApplication.translate("PointsModel", "%1 off").replace(
                "%1", money(entry.value_fen)
            )
        return text
    if entry.kind == "expired":
        return _expiry(entry, ledger)
    if entry.kind == "opening":
        if entry.batch_id is not None:
            return QCoreApplication.translate(
                "PointsModel", "Opening balance from import batch %1"
            ).replace("%1", str(entry.batch_id))
        return QCoreApplication.translate("PointsModel", "Opening balance")
    if is_reversal(entry) or (entry.kind == "adjusted" and entry.batch_id is not None):
        if entry.batch_id is not None:
            return QCoreApplication.translate(
                "PointsModel", "Import batch %1 undone: its opening balance reversed"
            ).replace("%1", str(entry.batch_id))
        return QCoreApplication.translate("PointsModel", "Reverses an earlier entry")
    return entry.reason  # a correction by hand: the reason as the pharmacist typed it


def _expiry(entry: Entry, ledger: Sequence[Entry]) -> str:
    usable_until = day(entry.effective_on - timedelta(days=1))
    lots = [e for e in ledger if e.points > 0 and e.expires_on == entry.effective_on]
    if not lots:
        return QCoreApplication.translate("PointsModel", "Expired: points usable until %1").replace(
            "%1", usable_until
        )
    years = sorted({e.effective_on.year for e in lots})
    earned = str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"
    return (
        QCoreApplication.translate("PointsModel", "Expired: points earned in %1, usable until %2")
        .replace("%1", earned)
        .replace("%2", usable_until)
    )


class PointsModel(_TableModel):
    """One customer's ledger, newest first, as `loyalty.entries` gives it."""

    POINTS_COLUMN = 2

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._entries: list[Entry] = []
        self._described: list[str] = []

    def headers(self) -> list[str]:
        return [
            self.tr("Day"), self.tr("Kind"), self.tr("Points"), self.tr("For"), self.tr("By"),
            self.tr("Expires on"),
        ]  # fmt: skip

    def set_entries(self, entries: Sequence[Entry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self._described = [describe(entry, self._entries) for entry in self._entries]
        self.endResetModel()

    def entry(self, row: int) -> Entry | None:
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        if role == ALIGN and index.column() == self.POINTS_COLUMN:
            return NUMBER_ALIGN
        if role != DISPLAY:
            return None
        entry = self._entries[index.row()]
        who = entry.user_name or (self.tr("Automatic") if entry.kind == "expired" else "")
        return [
            day(entry.effective_on), kind_label(entry), signed(entry.points),
            self._described[index.row()], who, day(entry.expires_on),
        ][index.column()]  # fmt: skip
