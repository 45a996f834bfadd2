"""Numbers as people read them on the dashboard: ¥12,345.67, 23.5 %, 1,234, +4.2 %.

Money arrives as integer fen and is grouped without going through a float, so a large
revenue never shows a rounding artefact.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QLocale

NO_VALUE = "—"


def listed(items: Iterable[str]) -> str:
    """Names in a run, as the UI language writes them: 感冒用药、维生素 / colds, vitamins."""
    return ("、" if QLocale().name().startswith("zh") else ", ").join(items)


def money(fen: int | None) -> str:
    """12345678 -> '¥123,456.78'; None -> '—'."""
    if fen is None:
        return NO_VALUE
    sign = "-" if fen < 0 else ""
    whole, cents = divmod(abs(fen), 100)
    return f"{sign}¥{whole:,}.{cents:02d}"


def count(value: int | None) -> str:
    """1234567 -> '1,234,567'."""
    return NO_VALUE if value is None else f"{value:,}"


def percent(share: float | None, digits: int = 1) -> str:
    """A fraction as a percentage: 0.235 -> '23.5 %'."""
    return NO_VALUE if share is None else f"{share * 100:.{digits}f} %"


def rating(value: float | None) -> str:
    """An average rating on the 1-5 scale to two places, as the month report and the
    analytics workbook give it: 4.375 -> '4.38 / 5'."""
    return NO_VALUE if value is None else f"{value:.2f} / 5"


@dataclass(frozen=True)
class Change:
    """How a figure moved against the previous period, ready to show."""

    direction: int  # 1 up, -1 down, 0 unchanged; None-valued figures compare as 0
    text: str  # '+4.2 %', '-1.5 pp', '+0.3'; '' when there is nothing to compare with


def relative_change(now: float | None, before: float | None) -> Change:
    """Counts and money: the change as a share of the previous value."""
    if now is None or before is None or before == 0:
        return Change(0, "")
    ratio = (now - before) / abs(before)
    return Change(_direction(now - before), f"{ratio * 100:+.1f} %")


def point_change(now: float | None, before: float | None) -> Change:
    """Rates: the change in percentage points (a rate going from 20 % to 25 % is +5 pp;
    '+25 %' would read as if a quarter more customers came back)."""
    if now is None or before is None:
        return Change(0, "")
    delta = (now - before) * 100
    unit = QCoreApplication.translate("formatting", "pp", "percentage points")
    return Change(_direction(round(delta, 1)), f"{delta:+.1f} {unit}")


def absolute_change(now: float | None, before: float | None) -> Change:
    """Ratings: the change on the rating scale itself, between the two figures as shown
    (4.38 against 4.31 is +0.07, whatever the third place), as in the report."""
    if now is None or before is None:
        return Change(0, "")
    delta = round(round(now, 2) - round(before, 2), 2)
    return Change(_direction(delta), f"{delta:+.2f}")


def _direction(delta: float) -> int:
    return (delta > 0) - (delta < 0)
