"""One row of a card file turned into customer values, with what was wrong kept, not lost.

A value that cannot be used where the column says it belongs is kept somewhere a person
will see it (a landline goes to the other phone, an unreadable date to the notes) and the
row is flagged with the reason. Only a row without a name cannot become a customer.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pharmadesk.io import export_labels, reasons
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
        # Digits never fold to one: a mobile typed as text is passed over without folding
        # (100,000 different mobiles only pushed the names out of the cache).
        if (
            isinstance(cell, str)
            and len(cell) <= _LONGEST_SUMMARY_CELL
            and not cell.isdigit()
            and _summary_word(cell)
        ):
            return True
        seen += 1
        if seen == 2:
            break
    return False


@functools.lru_cache(maxsize=65_536)
def _summary_word(cell: str) -> bool:
    # Names repeat down a card file: each is folded once.
    return fold(cell).replace(" ", "").casefold().rstrip(":：") in SUMMARY_WORDS


def read_row(
    cells: Sequence[object],
    headers: Sequence[object],
    mapping: Mapping[int, str],
    *,
    today: date,
    custom: CustomCheck,
) -> CardValues:
    """The row's values by target. Raises InvalidValue('name_missing') for a row with no name."""
    return CardReader(headers, mapping, today=today, custom=custom).read(cells)


class _Memo:
    """A normaliser's results by raw cell, for one file: a card file repeats its values
    (genders, birth dates, addresses, names), so each distinct one is read once. Only text
    and non-zero number cells are kept (0.0 and -0.0 are equal keys but read differently);
    a value the normaliser refuses is kept as its reason and refused again the same way.
    A column whose values hardly repeat (mobiles, member codes) stops being kept."""

    LIMIT = 200_000  # distinct values kept; past that, the rest are read each time
    TRIAL = 2_000  # values looked at before deciding whether they repeat enough

    __slots__ = ("calls", "check", "found")

    def __init__(self, check: Callable[[Any], Any]) -> None:
        self.check = check
        self.found: dict[object, tuple[bool, Any, str]] | None = {}
        self.calls = 0

    def __call__(self, value: Any) -> Any:
        found = self.found
        kind = value.__class__
        if found is None or not (kind is str or (kind is float and value)):
            return self.check(value)
        hit = found.get(value)
        if hit is None:
            try:
                hit = (True, self.check(value), "")
            except InvalidValue as exc:
                hit = (False, exc.code, str(exc))
            if len(found) < self.LIMIT:
                found[value] = hit
            self.calls += 1
            if self.calls == self.TRIAL and len(found) > self.TRIAL * 3 // 4:
                self.found = None  # three in four were new: keeping them costs more
        else:
            self.calls += 1
        if hit[0]:
            return hit[1]
        raise InvalidValue(hit[1], hit[2])


class CardReader:
    """`read_row` for every row of one file: the mapping is looked at once, and repeated
    values are normalised once (`_Memo`). The values, notes and warnings of each row are
    exactly those `read_row` gives."""

    def __init__(
        self,
        headers: Sequence[object],
        mapping: Mapping[int, str],
        *,
        today: date,
        custom: CustomCheck,
    ) -> None:
        self.headers, self.today, self.custom = headers, today, custom
        self.columns = [(column, target) for column, target in mapping.items()]
        self._name = _Memo(normalize.person_name)
        self._date = _Memo(normalize.parse_date)
        self._checks = {target: _Memo(check) for target, check in _CHECKS.items()}
        self._number = _Memo(_whole_number_of)
        self._ages: dict[date, _Memo] = {}
        self._notes: dict[int, str | None] = {}

    def read(self, cells: Sequence[object]) -> CardValues:
        raw: dict[str, object] = {}
        out = CardValues()
        count = len(cells)
        for column, target in self.columns:
            value = cells[column] if column < count else None
            # blank(value), written out: this runs for every cell of the file
            if value is None or target == IGNORE or (isinstance(value, str) and not value.strip()):
                continue
            if target == NOTES or target in raw:
                out.notes.append(self._note(column, value))
            else:
                raw[target] = value
        out.values["name"] = self._name(raw.get("name"))
        _phones(raw, out)
        registered = self._read_date(raw, "registered_on", out, "registration date")
        self._simple(raw, out)
        birth = self._read_date(raw, "birth_date", out, "birth date")
        if birth is not None:
            out.values["birth_date"] = birth
        elif "age" in raw:
            try:
                out.values["birth_year"] = self._age(registered or self.today)(raw["age"])
                out.values["birth_date_approximate"] = True
            except InvalidValue as exc:
                _keep(out, "age", raw["age"], str(exc))
        if registered is not None:
            out.notes.append(f"登记日期: {registered.isoformat()}")
        out.last_purchase = self._read_date(raw, "last_purchase", out, "last purchase date")
        _guardian(raw, out, self.today)
        if "points" in raw:
            out.points = self._points(raw["points"], out, "points")
        for target in ("purchase_count", "rating"):
            if target in raw:
                label = "购买次数" if target == "purchase_count" else "反馈评分"
                out.notes.append(f"{label}: {fold(raw[target])}")
        for target, value in raw.items():
            if target.startswith("custom:"):
                key = target.removeprefix("custom:")
                try:
                    stored = self.custom[key](value)
                except InvalidValue as exc:
                    _keep(out, key, value, str(exc))
                    continue
                if stored is not None:
                    out.custom[key] = stored
        return out

    def _note(self, column: int, value: object) -> str:
        """A value for the notes, under its header unless the column is the notes itself."""
        if column not in self._notes:
            header = self.headers[column] if column < len(self.headers) else None
            plain = header is None or target_of(header) == NOTES or not fold(header)
            self._notes[column] = None if plain else f"{fold(header)}: "
        prefix = self._notes[column]
        text = normalize.fold_free_text(value)
        return text if prefix is None else prefix + text

    def _read_date(
        self, raw: dict[str, object], target: str, out: CardValues, label: str
    ) -> date | None:
        if target not in raw:
            return None
        try:
            found: date | None = self._date(raw[target])
        except InvalidValue as exc:
            _keep(out, label, raw[target], f"{label}: {exc}")
            return None
        return found

    def _simple(self, raw: dict[str, object], out: CardValues) -> None:
        for target, check in self._checks.items():
            if target not in raw:
                continue
            try:
                value = check(raw[target])
            except InvalidValue as exc:
                _keep(out, target, raw[target], str(exc))
                continue
            if value is not None:
                out.values[target] = value

    def _age(self, on: date) -> _Memo:
        memo = self._ages.get(on)
        if memo is None:
            memo = self._ages[on] = _Memo(functools.partial(_birth_year, on=on))
        return memo

    def _points(self, value: object, out: CardValues, label: str) -> int | None:
        number, problem = self._number(value)
        if problem is not None:
            _keep(out, label, value, f"{label}: {problem}")
        return number


# The notes belong to the pharmacy's file, whatever the UI language: a value kept there is
# named in Chinese, as the registration date is (a custom field by its key).
_NOTE_LABELS = {**reasons.COLUMN_LABELS, "age": "年龄"}


def _note_label(label: str) -> str:
    found = _NOTE_LABELS.get(label)
    if found is not None:
        return found
    return export_labels.HEADERS[label][0] if label in export_labels.HEADERS else label


def _birth_year(value: object, *, on: date) -> int | None:
    return normalize.birth_year_from_age(value, on=on)


def _keep(out: CardValues, label: str, value: object, reason: str) -> None:
    out.notes.append(f"{_note_label(label)}: {normalize.fold_free_text(value)}")
    out.warnings.append(f"{reason} (kept in notes)")


def _phones(raw: dict[str, object], out: CardValues) -> None:
    for target in ("mobile", "phone"):
        if target not in raw:
            continue
        try:
            found = normalize.phones(raw[target])
        except InvalidValue as exc:
            text = fold(raw[target])
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


def _whole_number_of(value: object) -> tuple[int | None, str | None]:
    """A whole number of points, or None and why not."""
    text = fold(value).replace(",", "")
    try:
        number = float(text)
    except ValueError:
        return None, "not a number"
    if not math.isfinite(number) or not number.is_integer():
        return None, "not a whole number"
    if abs(number) > MAX_WHOLE_NUMBER:
        # Not a balance anyone kept on paper (a misread cell): kept in the notes, flagged.
        return None, f"more than {MAX_WHOLE_NUMBER:,}"
    return int(number), None
