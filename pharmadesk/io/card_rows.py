"""One row of a card file turned into customer values, with what was wrong kept, not lost.

A value that cannot be used where the column says it belongs is kept somewhere a person
will see it (a landline goes to the other phone, an unreadable date to the notes) and the
row is flagged with the reason. Only a row without a name cannot become a customer.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pharmadesk.io.mapping import IGNORE, NOTES, target_of
from pharmadesk.services.customer_input import under_guardian_age
from pharmadesk.text import normalize
from pharmadesk.text.normalize import InvalidValue, fold

SUMMARY_WORDS = ("合计", "总计", "小计", "共计", "total", "subtotal", "sum")
MAX_WHOLE_NUMBER = 10_000_000  # points on a card: more is a misread cell, not a balance
_LONGEST_SUMMARY_CELL = 16  # "subtotal" with spaces and a colon, in full-width forms
CustomCheck = Mapping[str, Any]  # custom field key -> a callable(raw) -> stored text


@dataclass
class CardValues:
    """What a row says about a customer, normalised; `warnings` are why it is flagged."""

    values: dict[str, Any] = field(default_factory=dict)
    custom: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    points: int | None = None
    last_purchase: date | None = None


def blank(value: object) -> bool:
    # Called for every cell of every row: no folding needed, str.strip() knows U+3000.
    return value is None or (isinstance(value, str) and not value.strip())


def is_empty(cells: Sequence[object]) -> bool:
    return all(blank(cell) for cell in cells)


def is_summary(cells: Sequence[object]) -> bool:
    """A totals row (合计, 总计, 小计) typed under the data: one of its first two values."""
    seen = 0
    for cell in cells:
        if blank(cell):
            continue
        # Only text can be a summary word; a number or a date cell counts as one of the two.
        if isinstance(cell, str) and len(cell) <= _LONGEST_SUMMARY_CELL:
            word = fold(cell).replace(" ", "").casefold().rstrip(":：")
            if word in SUMMARY_WORDS:
                return True
        seen += 1
        if seen == 2:
            break
    return False


def read_row(
    cells: Sequence[object],
    headers: Sequence[object],
    mapping: Mapping[int, str],
    *,
    today: date,
    custom: CustomCheck,
) -> CardValues:
    """The row's values by target. Raises InvalidValue('name_missing') for a row with no name."""
    raw: dict[str, object] = {}
    out = CardValues()
    for column, target in mapping.items():
        value = cells[column] if column < len(cells) else None
        if target == IGNORE or blank(value):
            continue
        if target == NOTES or target in raw:
            out.notes.append(_note(headers, column, value))
        else:
            raw[target] = value
    out.values["name"] = normalize.person_name(raw.get("name"))
    _phones(raw, out)
    registered = _date(raw, "registered_on", out, "registration date")
    _simple(raw, out)
    birth = _date(raw, "birth_date", out, "birth date")
    if birth is not None:
        out.values["birth_date"] = birth
    elif "age" in raw:
        try:
            out.values["birth_year"] = normalize.birth_year_from_age(
                raw["age"], on=registered or today
            )
            out.values["birth_date_approximate"] = True
        except InvalidValue as exc:
            _keep(out, "age", raw["age"], str(exc))
    if registered is not None:
        out.notes.append(f"登记日期: {registered.isoformat()}")
    out.last_purchase = _date(raw, "last_purchase", out, "last purchase date")
    _guardian(raw, out, today)
    if "points" in raw:
        out.points = _whole_number(raw["points"], out, "points")
    for target in ("purchase_count", "rating"):
        if target in raw:
            label = "购买次数" if target == "purchase_count" else "反馈评分"
            out.notes.append(f"{label}: {fold(raw[target])}")
    for target, value in raw.items():
        if target.startswith("custom:"):
            key = target.removeprefix("custom:")
            try:
                stored = custom[key](value)
            except InvalidValue as exc:
                _keep(out, key, value, str(exc))
                continue
            if stored is not None:
                out.custom[key] = stored
    return out


def _note(headers: Sequence[object], column: int, value: object) -> str:
    """A value for the notes, under its header unless the column is the notes itself."""
    header = headers[column] if column < len(headers) else None
    text = normalize.fold_free_text(value)
    if header is None or target_of(header) == NOTES or not fold(header):
        return text
    return f"{fold(header)}: {text}"


def _keep(out: CardValues, label: str, value: object, reason: str) -> None:
    out.notes.append(f"{label}: {normalize.fold_free_text(value)}")
    out.warnings.append(f"{reason} (kept in notes)")


def _phones(raw: dict[str, object], out: CardValues) -> None:
    for target in ("mobile", "phone"):
        if target not in raw:
            continue
        text = fold(raw[target])
        try:
            found = normalize.phones(raw[target])
        except InvalidValue as exc:
            if exc.code == "mobile_invalid":
                out.values.setdefault("phone", text)
                out.warnings.append("not a valid mobile (kept as other phone)")
            else:
                _keep(out, "phone", text, str(exc))
            continue
        if found.mobile and "mobile" not in out.values:
            out.values["mobile"] = found.mobile
        elif found.mobile:
            out.values.setdefault("phone", found.mobile)
        if found.other:
            out.values.setdefault("phone", found.other)
            if target == "mobile":
                out.warnings.append("not a mobile (kept as other phone)")


def _date(raw: dict[str, object], target: str, out: CardValues, label: str) -> date | None:
    if target not in raw:
        return None
    try:
        return normalize.parse_date(raw[target])
    except InvalidValue as exc:
        _keep(out, label, raw[target], f"{label}: {exc}")
        return None


_CHECKS = {
    "gender": normalize.gender,
    "email": normalize.email,
    "postal_code": normalize.postal_code,
    "code": normalize.member_code,
    "address": normalize.free_text,
    "preferences": normalize.free_text,
    "allergies": normalize.free_text,
    "chronic_conditions": normalize.free_text,
}


def _simple(raw: dict[str, object], out: CardValues) -> None:
    for target, check in _CHECKS.items():
        if target not in raw:
            continue
        try:
            value = check(raw[target])
        except InvalidValue as exc:
            _keep(out, target, raw[target], str(exc))
            continue
        if value is not None:
            out.values[target] = value


def _guardian(raw: dict[str, object], out: CardValues, today: date) -> None:
    """A guardian's name and mobile where the card has them; a child's card without them
    is imported but flagged (its consents stay paper cards, not yet confirmed)."""
    if "guardian_name" in raw:
        out.values["guardian_name"] = normalize.free_text(raw["guardian_name"])
    if "guardian_mobile" in raw:
        try:
            out.values["guardian_mobile"] = normalize.mobile(raw["guardian_mobile"])
        except InvalidValue as exc:
            _keep(out, "guardian mobile", raw["guardian_mobile"], str(exc))
    values = out.values
    if under_guardian_age(values, today) and not (
        values.get("guardian_name") and values.get("guardian_mobile")
    ):
        out.warnings.append(CHILD_WITHOUT_GUARDIAN)


CHILD_WITHOUT_GUARDIAN = (
    "a child under 14 without a guardian's name and mobile: the guardian's consent is needed"
)


def _whole_number(value: object, out: CardValues, label: str) -> int | None:
    text = fold(value).replace(",", "")
    try:
        number = float(text)
    except ValueError:
        _keep(out, label, value, f"{label}: not a number")
        return None
    if not math.isfinite(number) or not number.is_integer():
        _keep(out, label, value, f"{label}: not a whole number")
        return None
    if abs(number) > MAX_WHOLE_NUMBER:
        # Not a balance anyone kept on paper (a misread cell): kept in the notes, flagged.
        _keep(out, label, value, f"{label}: more than {MAX_WHOLE_NUMBER:,}")
        return None
    return int(number)
