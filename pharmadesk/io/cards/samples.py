"""Made-up registration cards, drawn with the bundled font: for tests, the bench and the
start-up self-test. Every value on them is invented; none is anyone's data.

A card is drawn at 300 dpi as a typical printed form: a title, labels with colons, values
on underlines, optionally degraded the way real scans are (turned, blurred, low
resolution, JPEG) or with a red seal pressed over some values.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from PIL import Image, ImageDraw, ImageFilter, ImageFont

from pharmadesk.paths import resources_dir

FONT_FILE: Final = "PharmaDeskSansSC-Regular.otf"
CARD_SIZE: Final = (1748, 1240)  # A5 landscape at 300 dpi
INK: Final = (25, 25, 30)
PEN: Final = (20, 30, 120)  # the values, written in blue-black
SEAL: Final = (215, 35, 40)

SAMPLE: Final[dict[str, str]] = {
    "name": "李秀英", "gender": "女", "birth_date": "1958年4月12日", "mobile": "13812345678",
    "address": "北京市海淀区中关村南大街27号", "allergies": "青霉素",
    "chronic_conditions": "高血压、糖尿病", "registered_on": "2015-03-08", "code": "A00123",
    "notes": "常购二甲双胍片",
}  # fmt: skip
# (label, field) pairs per row: two fields on a row share it, one takes the whole row.
ROWS: Final = (
    (("姓名", "name"), ("性别", "gender")),
    (("出生日期", "birth_date"), ("手机", "mobile")),
    (("地址", "address"),),
    (("过敏史", "allergies"),),
    (("慢性病", "chronic_conditions"),),
    (("登记日期", "registered_on"), ("会员卡号", "code")),
    (("备注", "notes"),),
)


@dataclass(frozen=True)
class Damage:
    """How a scan went wrong: degrees turned, blur radius, dpi it was scanned at, JPEG quality."""

    angle: float = 0.0
    blur: float = 0.0
    dpi: int = 300
    jpeg_quality: int | None = None
    seal_over: Sequence[str] = ()  # fields a red seal covers


def font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(resources_dir() / "fonts" / FONT_FILE), size)


def draw_card(
    values: Mapping[str, str] = SAMPLE,
    damage: Damage = Damage(),
    *,
    title: str = "顾客登记卡",
    rows: Sequence[Sequence[tuple[str, str]]] = ROWS,
    shift: tuple[int, int] = (0, 0),
) -> Image.Image:
    """The card as a scanner would return it (RGB, `info['dpi']` set).

    `rows` are the form's (label, field) pairs; `shift` moves the print on the card, as a
    second print run of the same form does."""
    card = Image.new("RGB", CARD_SIZE, "white")
    pen = ImageDraw.Draw(card)
    dx, dy = shift
    pen.text((CARD_SIZE[0] // 2 + dx, 90 + dy), title, font=font(64), fill=INK, anchor="mm")
    label_font, value_font = font(40), font(42)
    places: dict[str, tuple[int, int]] = {}
    for index, row in enumerate(rows):
        y = 210 + index * 140 + dy
        half = len(row) == 2
        for column, (label, key) in enumerate(row):
            x = 110 + column * 820 + dx
            pen.text((x, y), f"{label}：", font=label_font, fill=INK)
            start = x + int(pen.textlength(f"{label}：", font=label_font)) + 10
            end = x + 760 if half else CARD_SIZE[0] - 110 + dx
            pen.line((start, y + 56, end, y + 56), fill=INK, width=3)
            pen.text((start + 12, y - 2), values.get(key, ""), font=value_font, fill=PEN)
            places[key] = (start + 120, y + 24)
    for key in damage.seal_over:
        if key in places:
            _seal(card, places[key])
    return _damaged(card, damage)


def _seal(card: Image.Image, centre: tuple[int, int]) -> None:
    layer = Image.new("RGBA", card.size, (0, 0, 0, 0))
    pen = ImageDraw.Draw(layer)
    x, y = centre
    radius = 95
    pen.ellipse((x - radius, y - radius, x + radius, y + radius), outline=(*SEAL, 200), width=8)
    pen.text((x, y - 10), "已核对", font=font(40), fill=(*SEAL, 190), anchor="mm")
    pen.text((x, y + 40), "★", font=font(36), fill=(*SEAL, 190), anchor="mm")
    card.paste(layer, mask=layer)


def _damaged(card: Image.Image, damage: Damage) -> Image.Image:
    image = card
    if damage.angle:
        image = image.rotate(damage.angle, resample=Image.Resampling.BICUBIC,
                             expand=True, fillcolor=(255, 255, 255))  # fmt: skip
    if damage.dpi != 300:
        factor = damage.dpi / 300
        image = image.resize((round(image.width * factor), round(image.height * factor)),
                             Image.Resampling.LANCZOS)  # fmt: skip
    if damage.blur:
        image = image.filter(ImageFilter.GaussianBlur(damage.blur))
    if damage.jpeg_quality is not None:
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=damage.jpeg_quality)
        image = Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")
    image.info["dpi"] = (damage.dpi, damage.dpi)
    return image


def save(image: Image.Image, path: Path) -> Path:
    """Write a card the way a scanner would: PNG, JPEG or TIFF by the suffix, dpi kept."""
    dpi = image.info.get("dpi", (300, 300))
    suffix = path.suffix.lower()
    if suffix in (".jpg", ".jpeg"):
        image.save(path, "JPEG", quality=90, dpi=dpi)
    elif suffix in (".tif", ".tiff"):
        image.save(path, "TIFF", compression="tiff_deflate", dpi=dpi)
    else:
        image.save(path, "PNG", dpi=dpi)
    return path


def save_many(images: Sequence[Image.Image], path: Path) -> Path:
    """Several cards in one multi-page file: a TIFF or a PDF by the suffix."""
    first, rest = images[0], list(images[1:])
    dpi = first.info.get("dpi", (300, 300))
    if path.suffix.lower() == ".pdf":
        first.save(path, "PDF", save_all=True, append_images=rest, resolution=float(dpi[0]))
    else:
        first.save(path, "TIFF", save_all=True, append_images=rest,
                   compression="tiff_deflate", dpi=dpi)  # fmt: skip
    return path


def characters_right(expected: str, found: str) -> float:
    """The share of expected characters read right (1 - edit distance / length)."""
    from rapidfuzz.distance import Levenshtein

    if not expected:
        return 1.0 if not found else 0.0
    return max(0.0, 1 - Levenshtein.distance(expected, found) / len(expected))
