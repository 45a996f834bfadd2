"""A card page on screen: the image scaled to fit, the current field's area outlined, the
other areas faint; optionally a rectangle dragged over it (the layout editor).

Boxes are in the page image's own pixels, as the reader gives them; the widget maps them
to the screen and back. Pages arrive as Pillow images and become QImages here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from PIL import Image
from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget

Box = tuple[int, int, int, int]  # left, top, right, bottom in image pixels
CURRENT = QColor(230, 90, 0)
OTHER = QColor(40, 110, 200, 150)
DRAWING = QColor(0, 150, 70)


def to_qimage(image: Image.Image) -> QImage:
    """A Pillow image as a QImage that owns its pixels."""
    rgb = image.convert("RGB")
    data = rgb.tobytes()
    found = QImage(data, rgb.width, rgb.height, 3 * rgb.width, QImage.Format.Format_RGB888)
    return found.copy()  # `data` goes when this returns


def inked(area: Image.Image) -> Image.Image:
    """The part of a value's area that holds ink: its underline and borders left out, so
    that a short value is shown large enough to compare."""
    ink = np.asarray(area.convert("L")) < 150
    height, width = ink.shape
    ink[ink.sum(axis=1) > 0.6 * width, :] = False  # the line the value is written on
    ink[:, ink.sum(axis=0) > 0.7 * height] = False  # a table's border
    rows, cols = np.nonzero(ink.any(axis=1))[0], np.nonzero(ink.any(axis=0))[0]
    if not rows.size:
        return area
    pad = 4
    left, top = max(0, int(cols[0]) - pad), max(0, int(rows[0]) - pad)
    right, bottom = min(width, int(cols[-1]) + 1 + pad), min(height, int(rows[-1]) + 1 + pad)
    return area.crop((left, top, right, bottom))


def crop_pixmap(image: Image.Image, box: Box | None, *, height: int, width: int) -> QPixmap:
    """A field's value cut from the page, scaled to fit `width` x `height` (empty if none)."""
    if box is None:
        return QPixmap()
    shown = QPixmap.fromImage(to_qimage(inked(image.crop(box))))
    return shown.scaled(
        QSize(width, height),
        Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )


class CardImageView(QWidget):
    """`show_page(image)`, `set_boxes(current, others)`; with `on_drawn` set, a rectangle
    dragged over the image is handed to it in image pixels."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pixmap = QPixmap()
        self._size = (0, 0)
        self._current: Box | None = None
        self._others: list[Box] = []
        self._drag: tuple[QPoint, QPoint] | None = None
        self.on_drawn: Callable[[Box], None] | None = None
        self.setMinimumSize(320, 220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(560, 400)

    def show_page(self, image: Image.Image | None) -> None:
        self._pixmap = QPixmap.fromImage(to_qimage(image)) if image is not None else QPixmap()
        self._size = image.size if image is not None else (0, 0)
        self._current, self._others = None, []
        self.update()

    def has_page(self) -> bool:
        return not self._pixmap.isNull()

    def set_boxes(self, current: Box | None, others: Sequence[Box] = ()) -> None:
        self._current, self._others = current, list(others)
        self.update()

    def current_box(self) -> Box | None:
        return self._current

    # where the image sits on screen ---------------------------------------------------------

    def _target(self) -> QRectF:
        width, height = self._size
        if not width or not height:
            return QRectF()
        scale = min(self.width() / width, self.height() / height)
        shown = QSize(int(width * scale), int(height * scale))
        left = (self.width() - shown.width()) / 2
        top = (self.height() - shown.height()) / 2
        return QRectF(left, top, shown.width(), shown.height())

    def on_screen(self, box: Box) -> QRectF:
        """Where a box of the image is on the widget."""
        target = self._target()
        scale = target.width() / self._size[0]
        return QRectF(
            target.left() + box[0] * scale,
            target.top() + box[1] * scale,
            (box[2] - box[0]) * scale,
            (box[3] - box[1]) * scale,
        )

    def to_image(self, point: QPoint | QPointF) -> tuple[int, int]:
        """A point on the widget in image pixels, kept inside the image."""
        target = self._target()
        scale = self._size[0] / target.width() if target.width() else 1.0
        x = (point.x() - target.left()) * scale
        y = (point.y() - target.top()) * scale
        return (
            int(min(max(x, 0), self._size[0])),
            int(min(max(y, 0), self._size[1])),
        )

    # painting and drawing -------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().dark())
        if self._pixmap.isNull():
            painter.end()
            return
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawPixmap(self._target(), self._pixmap, QRectF(self._pixmap.rect()))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(OTHER, 1, Qt.PenStyle.DashLine))
        for box in self._others:
            painter.drawRect(self.on_screen(box))
        if self._current is not None:
            painter.setPen(QPen(CURRENT, 3))
            painter.drawRect(self.on_screen(self._current).adjusted(-2, -2, 2, 2))
        if self._drag is not None:
            painter.setPen(QPen(DRAWING, 2))
            painter.drawRect(QRect(*self._drag).normalized())
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self.on_drawn is None or self._pixmap.isNull():
            super().mousePressEvent(event)
            return
        point = event.position().toPoint()
        self._drag = (point, point)
        self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag is None:
            super().mouseMoveEvent(event)
            return
        self._drag = (self._drag[0], event.position().toPoint())
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._drag is None:
            super().mouseReleaseEvent(event)
            return
        start, end = self._drag[0], event.position().toPoint()
        self._drag = None
        self.update()
        (x0, y0), (x1, y1) = self.to_image(start), self.to_image(end)
        box = (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
        if box[2] - box[0] >= 4 and box[3] - box[1] >= 4 and self.on_drawn is not None:
            self.on_drawn(box)
