"""Straightening a scanned page, and telling a red seal from the ink of the values.

A card fed a little crooked into a scanner leans by a degree or three; the field areas sit
in the card's own frame, so the page is turned back first. The angle is the one at which
the dark pixels line up in the sharpest rows (the projection-profile method), searched
on a small copy of the page.
"""

from __future__ import annotations

from typing import Final

import numpy as np
from PIL import Image

MAX_ANGLE: Final = 5.0  # degrees; a page turned further was scanned sideways, not skewed
_STEP: Final = 0.25
_WORK_WIDTH: Final = 500
_MIN_TURN: Final = 0.2  # below this, turning costs sharpness and gains nothing


def deskew(image: Image.Image) -> tuple[Image.Image, float]:
    """The page turned upright, and the angle it was turned by (degrees, anticlockwise)."""
    angle = skew_angle(image)
    if abs(angle) < _MIN_TURN:
        return image, 0.0
    turned = image.rotate(
        angle, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=(255, 255, 255)
    )
    return turned, angle


def skew_angle(image: Image.Image) -> float:
    small = image.convert("L")
    if small.width > _WORK_WIDTH:
        small = small.resize(
            (_WORK_WIDTH, max(1, round(small.height * _WORK_WIDTH / small.width))),
            Image.Resampling.BILINEAR,
        )
    ink = Image.fromarray(((np.asarray(small) < 160) * 255).astype(np.uint8))
    if not np.asarray(ink).any():
        return 0.0
    best, best_score = 0.0, -1.0
    for angle in np.arange(-MAX_ANGLE, MAX_ANGLE + _STEP / 2, _STEP):
        rows = np.asarray(ink.rotate(float(angle), resample=Image.Resampling.NEAREST)).sum(axis=1)
        score = float(np.square(np.diff(rows.astype(np.float64))).sum())
        if score > best_score:
            best, best_score = float(angle), score
    return best


def red_share(image: Image.Image) -> float:
    """The share of an area's inked pixels that are red (a seal or a red pen)."""
    pixels = np.asarray(image.convert("RGB")).astype(np.int16)
    red, green, blue = pixels[..., 0], pixels[..., 1], pixels[..., 2]
    reddish = (red > 120) & (red - np.maximum(green, blue) > 50)
    inked = (pixels.min(axis=2) < 170) | reddish
    total = int(inked.sum())
    return float(reddish.sum()) / total if total else 0.0


def without_red(image: Image.Image) -> Image.Image:
    """The area with red ink turned white, so the values under a seal can be read."""
    pixels = np.asarray(image.convert("RGB")).astype(np.int16)
    red, green, blue = pixels[..., 0], pixels[..., 1], pixels[..., 2]
    reddish = (red > 120) & (red - np.maximum(green, blue) > 50)
    cleaned = pixels.copy()
    cleaned[reddish] = 255
    return Image.fromarray(cleaned.astype(np.uint8))
