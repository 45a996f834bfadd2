"""Draw PharmaDesk's icon: a white pharmacy cross on a green tile, over a record card.

The .png (window icon, Linux) and the .ico (Windows executable, installer, shortcuts) in
resources/icons are made by this script and committed; run it again after changing it:

    .venv/bin/python installer/make_icon.py

Needs Pillow (it comes with the `ocr` extra). Drawn at 1024 px and scaled down, so the
edges stay smooth at 16 px too.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

REPO = Path(__file__).resolve().parents[1]
ICONS = REPO / "resources" / "icons"
CANVAS = 1024
GREEN = (22, 135, 92, 255)  # the green of a Chinese pharmacy's cross sign
DARK_GREEN = (14, 94, 64, 255)
CARD = (255, 255, 255, 255)
LINES = (190, 214, 204, 255)
# Windows picks the nearest size for each place (taskbar, Explorer, title bar, installer).
ICO_SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]


def draw(size: int = CANVAS) -> Image.Image:
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    unit = size / 16
    pen.rounded_rectangle((unit, unit, size - unit, size - unit), radius=3 * unit, fill=GREEN)
    # The customer's card behind the cross: the app keeps the pharmacy's record cards.
    card = (3.75 * unit, 2.75 * unit, 12.25 * unit, 13.25 * unit)
    pen.rounded_rectangle(card, radius=unit, fill=CARD)
    for row in range(3):
        top = (9.4 + 1.2 * row) * unit
        pen.rounded_rectangle((5.25 * unit, top, 10.75 * unit, top + 0.5 * unit),
                              radius=0.25 * unit, fill=LINES)  # fmt: skip
    # The cross, centred in the card's upper half.
    cx, cy, arm, half = 8 * unit, 6 * unit, 2.3 * unit, 0.8 * unit
    pen.rounded_rectangle((cx - half, cy - arm, cx + half, cy + arm), radius=0.3 * unit,
                          fill=DARK_GREEN)  # fmt: skip
    pen.rounded_rectangle((cx - arm, cy - half, cx + arm, cy + half), radius=0.3 * unit,
                          fill=DARK_GREEN)  # fmt: skip
    return image


def main() -> None:
    ICONS.mkdir(parents=True, exist_ok=True)
    big = draw()
    big.resize((256, 256), Image.Resampling.LANCZOS).save(ICONS / "pharmadesk.png", optimize=True)
    big.resize((256, 256), Image.Resampling.LANCZOS).save(ICONS / "pharmadesk.ico", sizes=ICO_SIZES)
    print(f"wrote {ICONS / 'pharmadesk.png'} and {ICONS / 'pharmadesk.ico'}")


if __name__ == "__main__":
    main()
