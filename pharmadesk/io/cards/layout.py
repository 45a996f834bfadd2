"""Where a card's fields sit: labels found by their text, or areas the owner drew once.

The default layout knows no positions: a field's value is what follows its printed label
(姓名, 手机 …) on the same line, up to the next label. A layout made from a sample card
remembers, per field, the area the owner drew, both relative to the field's label on that
card (so a card scanned a little shifted still fits) and as a share of the page (for when
the label is unreadable or was never printed). Layouts are plain JSON, saved by name.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from pharmadesk.io.cards.engine import TextLine

# The fields a card holds, in the order a person checks them, and the labels printed for
# them (besides the import's header names, which cover the typed spreadsheets of the same
# cards). Compared after removing spaces.
FIELDS: Final = (
    "name", "gender", "birth_date", "mobile", "phone", "address", "allergies",
    "chronic_conditions", "registered_on", "code", "notes",
)  # fmt: skip
LABELS: Final[dict[str, tuple[str, ...]]] = {
    "name": ("姓名", "顾客姓名", "客户姓名", "会员姓名", "名字"),
    "gender": ("性别",),
    "birth_date": ("出生日期", "出生年月日", "出生年月", "生日"),
    "mobile": ("手机号码", "手机号", "手机", "联系电话", "移动电话", "电话"),
    "phone": ("固定电话", "座机", "家庭电话"),
    "address": ("家庭住址", "家庭地址", "联系地址", "住址", "地址"),
    "allergies": ("药物过敏史", "过敏史", "药物过敏", "过敏"),
    "chronic_conditions": ("慢性病史", "慢性病", "慢病", "既往病史", "病史"),
    "registered_on": ("登记日期", "建档日期", "入会日期", "注册日期"),
    "code": ("会员卡号", "会员编号", "会员号", "卡号", "编号"),
    "notes": ("备注", "说明"),
}
HEALTH_FIELDS: Final = ("allergies", "chronic_conditions")
_ALL_LABELS: Final = sorted(
    ((word, target) for target, words in LABELS.items() for word in words),
    key=lambda pair: -len(pair[0]),
)
_COLON: Final = ":："
Box = tuple[float, float, float, float]  # left, top, right, bottom


@dataclass(frozen=True)
class Label:
    """A printed label found on a card: its field and where its words end."""

    field: str
    box: tuple[int, int, int, int]  # the label's own words, estimated within its line
    line: TextLine
    rest: str  # the text after the label on the same recognised line


@dataclass(frozen=True)
class Area:
    """A field's value area: `near` is relative to the label (in label heights from the
    label's top-right corner), `page` a share of the page; either may be missing."""

    near: Box | None = None
    page: Box | None = None


@dataclass
class CardLayout:
    name: str
    areas: dict[str, Area] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "areas": {
                key: {"near": list(area.near) if area.near else None,
                      "page": list(area.page) if area.page else None}
                for key, area in self.areas.items()
            },
        }  # fmt: skip

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> CardLayout:
        areas: dict[str, Area] = {}
        for key, spec in dict(data.get("areas") or {}).items():
            if key not in FIELDS or not isinstance(spec, Mapping):
                continue
            area = Area(_box(spec.get("near")), _box(spec.get("page")))
            if area.near is not None or area.page is not None:
                areas[key] = area
        return cls(str(data.get("name") or ""), areas)


DEFAULT = CardLayout("")


def find_labels(lines: Sequence[TextLine]) -> list[Label]:
    """Every label on the card, the first of each field only, in reading order."""
    found: dict[str, Label] = {}
    for line in lines:
        for label in _labels_in(line):
            found.setdefault(label.field, label)
    return sorted(found.values(), key=lambda label: (label.box[1], label.box[0]))


def _labels_in(line: TextLine) -> list[Label]:
    text = line.text
    spots: list[tuple[int, int, str]] = []
    position = 0
    while position < len(text):
        match = _label_at(text, position, spots)
        if match is None:
            position += 1
            continue
        start, end, target = match
        spots.append((start, end, target))
        position = end
    labels = []
    for index, (start, end, target) in enumerate(spots):
        following = spots[index + 1][0] if index + 1 < len(spots) else len(text)
        rest = text[end:following].strip(" " + _COLON)
        labels.append(Label(target, _char_box(line, start, end), line, rest))
    return labels


def _label_at(
    text: str, position: int, spots: list[tuple[int, int, str]]
) -> tuple[int, int, str] | None:
    # A label starts a line or follows a value and is followed by a colon, the line's end
    # or (printed cards often omit the colon) a value; words inside values ("电话" in an
    # address) are not labels unless a colon follows them.
    for word, target in _ALL_LABELS:
        if not text.startswith(word, position):
            continue
        end = position + len(word)
        colon = end < len(text) and text[end] in _COLON
        if target in (s[2] for s in spots):
            continue
        if colon or position == 0:
            return position, end + (1 if colon else 0), target
    return None


def _char_box(line: TextLine, start: int, end: int) -> tuple[int, int, int, int]:
    # Where characters sit within a recognised line, by their usual widths: a hanzi or a
    # full-width colon takes a square, digits and Latin letters about half of one.
    left, top, right, bottom = line.box
    widths = [_width(char) for char in line.text]
    total = sum(widths) or 1.0
    before, upto = sum(widths[:start]), sum(widths[:end])
    span = right - left
    return int(left + span * before / total), top, int(left + span * upto / total + 0.5), bottom


def _width(char: str) -> float:
    return 0.55 if char.isascii() else 1.0


def value_area(
    label: Label | None, area: Area | None, labels: Sequence[Label], size: tuple[int, int]
) -> tuple[int, int, int, int] | None:
    """Where on this page the field's value is: from the layout, else after its label."""
    width, height = size
    if area is not None and area.near is not None and label is not None:
        unit = max(label.line.height, 1)
        x0, y0, x1, y1 = area.near
        return _clip((label.box[2] + x0 * unit, label.box[1] + y0 * unit,
                      label.box[2] + x1 * unit, label.box[1] + y1 * unit), size)  # fmt: skip
    if area is not None and area.page is not None:
        x0, y0, x1, y1 = area.page
        return _clip((x0 * width, y0 * height, x1 * width, y1 * height), size)
    if label is None:
        return None
    return _after_label(label, labels, size)


def _after_label(
    label: Label, labels: Sequence[Label], size: tuple[int, int]
) -> tuple[int, int, int, int] | None:
    width, _ = size
    unit = max(label.line.height, 1)
    top, bottom = label.box[1] - 0.35 * unit, label.box[3] + 0.35 * unit
    right = width - 0.02 * width
    for other in labels:
        same_row = other.box[1] < label.box[3] and other.box[3] > label.box[1]
        if other is not label and same_row and other.box[0] > label.box[2]:
            right = min(right, other.box[0] - 0.2 * unit)
    return _clip((label.box[2], top, right, bottom), size)


def area_from_drawn(
    field_name: str, drawn: Box, labels: Sequence[Label], size: tuple[int, int]
) -> Area:
    """The area the owner drew on a sample (in pixels), remembered both ways."""
    width, height = size
    page = (drawn[0] / width, drawn[1] / height, drawn[2] / width, drawn[3] / height)
    label = next((found for found in labels if found.field == field_name), None)
    if label is None:
        return Area(None, page)
    unit = max(label.line.height, 1)
    near = (
        (drawn[0] - label.box[2]) / unit, (drawn[1] - label.box[1]) / unit,
        (drawn[2] - label.box[2]) / unit, (drawn[3] - label.box[1]) / unit,
    )  # fmt: skip
    return Area(near, page)


def _clip(box: Box, size: tuple[int, int]) -> tuple[int, int, int, int] | None:
    width, height = size
    left, top = max(0, int(box[0])), max(0, int(box[1]))
    right, bottom = min(width, int(box[2] + 0.5)), min(height, int(box[3] + 0.5))
    if right - left < 4 or bottom - top < 4:
        return None
    return left, top, right, bottom


def _box(value: object) -> Box | None:
    if isinstance(value, (list, tuple)) and len(value) == 4:
        try:
            x0, y0, x1, y1 = (float(v) for v in value)
        except (TypeError, ValueError):
            return None
        if x1 > x0 and y1 > y0:
            return x0, y0, x1, y1
    return None


def label_words(text: str) -> str:
    """A value with any label words a crop caught at its start taken off."""
    stripped = text.strip(" " + _COLON)
    for word, _ in _ALL_LABELS:
        if (
            stripped.startswith(word)
            and len(stripped) > len(word)
            and stripped[len(word)] in _COLON
        ):
            return stripped[len(word) + 1 :].strip(" " + _COLON)
    # A crop that began inside its label keeps the label's last character and colon.
    head = re.match(r"^[^\d\sA-Za-z]{1,2}[" + _COLON + r"]", stripped)
    if head:
        stripped = stripped[head.end() :]
    return stripped.strip(" " + _COLON)
