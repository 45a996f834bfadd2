"""One card page read field by field, with what needs a person's look.

The page is read once to find the printed labels; then each field's value area is cut out,
its red ink (a seal, a red pen) turned white, its rule lines removed, and its text rows
recognised one by one, so that neighbouring text and stamps bleed in less. Nothing is
decided here: every value is a proposal for the person checking the card.

Attention reasons (stable words, for the JSON output and the check window):
empty, invalid, low_confidence, stamp (a seal's red ink or words such as 已核对 in the
area), and, added by the caller who can see the database, duplicate.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Final

import numpy as np
from PIL import Image

from pharmadesk.io.cards import layout as layouts
from pharmadesk.io.cards import straighten
from pharmadesk.io.cards.engine import Recogniser
from pharmadesk.io.cards.layout import CardLayout, Label
from pharmadesk.io.cards.pages import CardPage
from pharmadesk.text import normalize
from pharmadesk.text.normalize import InvalidValue

LOW_CONFIDENCE: Final = 0.9
STAMP_RED_SHARE: Final = 0.03  # of an area's inked pixels: more than a red tick or dot
STAMP_WORDS: Final = (
    "已核对", "核对", "已审核", "审核", "作废", "注销", "已注销", "已录入", "录入", "专用章",
    "公章", "印章", "已阅", "复核", "同意", "★", "☆", "※", "◎",
)  # fmt: skip
# Left blank on most cards, so a blank one is no reason to stop: notes and the landline.
BLANK_IS_USUAL: Final = ("notes", "phone")


@dataclass
class FieldReading:
    """A field's recognised value, where it was read and what is doubtful about it."""

    name: str
    value: str
    score: float
    box: tuple[int, int, int, int] | None  # on the page image; None: no area found
    reasons: list[str] = field(default_factory=list)


@dataclass
class CardReading:
    page: CardPage
    fields: dict[str, FieldReading]

    def attention(self) -> list[str]:
        """The fields that need a look, in checking order."""
        return [name for name, reading in self.fields.items() if reading.reasons]

    def values(self) -> dict[str, str]:
        return {name: reading.value for name, reading in self.fields.items()}


def read_card(
    page: CardPage, recogniser: Recogniser, card_layout: CardLayout = layouts.DEFAULT, *,
    today: date | None = None,
) -> CardReading:  # fmt: skip
    """Every field of the layout (the default: every field whose label is printed)."""
    cleaned = straighten.without_red(page.image)
    labels = layouts.find_labels(recogniser.lines(cleaned))
    by_field = {label.field: label for label in labels}
    wanted = [
        name for name in layouts.FIELDS
        if name in card_layout.areas or name in by_field or name == "name"
    ]  # fmt: skip
    fields: dict[str, FieldReading] = {}
    for name in wanted:
        label = by_field.get(name)
        box = layouts.value_area(label, card_layout.areas.get(name), labels, page.image.size)
        fields[name] = _read_field(name, box, label, page.image, cleaned, recogniser)
        fields[name].reasons = reasons_for(name, fields[name], page.image, today=today)
    return CardReading(page, fields)


def _read_field(
    name: str, box: tuple[int, int, int, int] | None, label: Label | None,
    original: Image.Image, cleaned: Image.Image, recogniser: Recogniser,
) -> FieldReading:  # fmt: skip
    if box is None:
        return FieldReading(
            name, label.rest if label else "", 0.0 if not label else label.line.score, None
        )
    crop = cleaned.crop(box)
    texts, scores = [], []
    for row in text_rows(crop):
        line = recogniser.read_line(row)
        found = [line] if line is not None else recogniser.lines(_padded(row))
        for line in found:
            texts.append(line.text)
            scores.append(line.score)
    value = layouts.label_words("".join(texts)) if texts else ""
    if not value and label is not None and label.rest:
        return FieldReading(name, label.rest, label.line.score, box)
    return FieldReading(name, value.strip(), min(scores) if scores else 0.0, box)


def text_rows(area: Image.Image) -> list[Image.Image]:
    """The area's rows of text, each cut tight, rule lines and table borders left out."""
    gray = np.asarray(area.convert("L"))
    ink = gray < 150
    ink = _without_rules(ink)
    if not ink.any():
        return []
    rows = np.asarray(ink.any(axis=1))
    bands = _bands(rows, min_gap=max(2, area.height // 30))
    found = []
    for top, bottom in bands:
        if bottom - top < 6:  # a speck, or what is left of a rule
            continue
        cols = np.nonzero(ink[top:bottom].any(axis=0))[0]
        left, right = int(cols[0]), int(cols[-1]) + 1
        pad = max(2, (bottom - top) // 5)
        found.append(
            area.crop(
                (
                    max(0, left - pad),
                    max(0, top - pad),
                    min(area.width, right + pad),
                    min(area.height, bottom + pad),
                )
            )
        )
    return found


def _without_rules(ink: np.ndarray) -> np.ndarray:
    cleaned = ink.copy()
    height, width = ink.shape
    cleaned[ink.sum(axis=1) > 0.6 * width, :] = False  # an underline or a box's edge
    cleaned[:, ink.sum(axis=0) > 0.7 * height] = False  # a table border
    return cleaned


def _bands(mask: np.ndarray, *, min_gap: int) -> list[tuple[int, int]]:
    bands: list[tuple[int, int]] = []
    start: int | None = None
    gap = 0
    for index, on in enumerate(mask):
        if on:
            if start is None:
                start = index
            gap = 0
        elif start is not None:
            gap += 1
            if gap >= min_gap:
                bands.append((start, index - gap + 1))
                start, gap = None, 0
    if start is not None:
        bands.append((start, len(mask) - gap))
    return bands


def _padded(row: Image.Image) -> Image.Image:
    # The detector wants some white around a line, as on a page.
    margin = max(8, row.height // 2)
    canvas = Image.new("RGB", (row.width + 2 * margin, row.height + 2 * margin), "white")
    canvas.paste(row, (margin, margin))
    return canvas


Check = Callable[[str], object]
# The foundation's rules a field's value must pass (the check window words their errors).
CHECKS: Final[dict[str, Check]] = {
    "mobile": normalize.mobile,
    "phone": normalize.phones,
    "gender": normalize.gender,
    "birth_date": normalize.parse_date,
    "registered_on": normalize.parse_date,
    "code": normalize.member_code,
}


def reasons_for(
    name: str, reading: FieldReading, image: Image.Image, *, today: date | None = None
) -> list[str]:
    reasons = []
    if not reading.value.strip():
        if name not in BLANK_IS_USUAL:
            reasons.append("empty")
    elif not _valid(name, reading.value, today):
        reasons.append("invalid")
    if reading.value.strip() and reading.score < LOW_CONFIDENCE:
        reasons.append("low_confidence")
    if _stamped(reading, image):
        reasons.append("stamp")
    # A card without a phone or an address is common; only a missing name is a problem
    # for the import, so empty optional fields are not flagged unless their label is there.
    if reasons == ["empty"] and reading.box is None and name != "name":
        return []
    return reasons


def _valid(name: str, value: str, today: date | None) -> bool:
    check = CHECKS.get(name)
    if check is None:
        return True
    try:
        result = check(value)
    except InvalidValue:
        return False
    if name == "birth_date" and isinstance(result, date):
        return result <= (today or date.today()) and result.year >= 1900
    return True


def _stamped(reading: FieldReading, image: Image.Image) -> bool:
    if any(word in reading.value for word in STAMP_WORDS):
        return True
    if reading.box is None:
        return False
    return straighten.red_share(image.crop(reading.box)) > STAMP_RED_SHARE
