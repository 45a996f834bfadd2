"""The offline text recogniser: rapidocr's PP-OCR models, the ones inside its wheel only.

Choosing any model rapidocr does not ship makes it download one, so the model paths are
given explicitly from the installed package and the recogniser refuses to start when they
are missing, rather than letting it reach for the network. Images are always passed as
pixels, never as a path or URL. The 180-degree line classifier is off: it flipped upright
lines on test cards and those lines were lost.
"""

from __future__ import annotations

import importlib.util
import logging
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PIL.Image import Image

PACKAGES = ("rapidocr", "onnxruntime")
_lock = threading.Lock()
_shared: Recogniser | None = None


class OcrUnavailable(RuntimeError):
    """OCR cannot run here; the message says what is missing, for the menu and the CLI."""


@dataclass(frozen=True)
class TextLine:
    """One line of text found on an image: its box (left, top, right, bottom) in pixels."""

    box: tuple[int, int, int, int]
    text: str
    score: float

    @property
    def height(self) -> int:
        return self.box[3] - self.box[1]


def missing() -> str | None:
    """What keeps OCR from working (a sentence), or None when it can run."""
    absent = [name for name in PACKAGES if importlib.util.find_spec(name) is None]
    if absent:
        return (
            f"the OCR packages are not installed ({', '.join(absent)}); install PharmaDesk "
            "with its 'ocr' extra: pip install 'pharmadesk[ocr]'"
        )
    try:
        _model_paths()
    except OcrUnavailable as exc:
        return str(exc)
    return None


def recogniser() -> Recogniser:
    """The one recogniser of this process (its models load once, on the first card)."""
    global _shared
    with _lock:
        if _shared is None:
            _shared = Recogniser()
        return _shared


class Recogniser:
    """`lines(image)`: every line of text on an image, top to bottom, left to right."""

    def __init__(self) -> None:
        reason = missing()
        if reason is not None:
            raise OcrUnavailable(reason)
        import onnxruntime
        from rapidocr import RapidOCR

        # ORT_DISABLE_TELEMETRY (set at start, pharmadesk/__init__) stops its files on Linux
        # and macOS; on Windows it reports through the system's event tracing instead,
        # which only this call stops. The app is offline: nothing about it is collected.
        onnxruntime.disable_telemetry_events()
        det, rec = _model_paths()
        # rapidocr logs each step at INFO through its own handler; keep the log to problems.
        logging.getLogger("RapidOCR").setLevel(logging.WARNING)
        self._engine = RapidOCR(
            params={
                "Global.use_cls": False,
                "Global.log_level": "warning",
                "Det.model_path": str(det),
                "Rec.model_path": str(rec),
            }
        )
        self._run = threading.Lock()  # one onnxruntime session, one image at a time

    def lines(self, image: Image) -> list[TextLine]:
        if image.width < 8 or image.height < 8:
            return []
        with self._run:
            result: Any = self._engine(image.convert("RGB"), use_det=True, use_cls=False)
        if result.boxes is None or result.txts is None:
            return []
        found = [
            TextLine(_bounds(box), str(text), float(score))
            for box, text, score in zip(result.boxes, result.txts, result.scores, strict=True)
            if str(text).strip()
        ]
        return sorted(found, key=lambda line: (line.box[1], line.box[0]))

    def read_line(self, image: Image) -> TextLine | None:
        """The text of an image that holds one line (a value cut from its area), unsplit."""
        if image.width < 4 or image.height < 4:
            return None
        with self._run:
            result: Any = self._engine(image.convert("RGB"), use_det=False, use_cls=False)
        texts: tuple[Any, ...] = tuple(getattr(result, "txts", None) or ())
        scores: tuple[Any, ...] = tuple(getattr(result, "scores", None) or ())
        if not texts or not str(texts[0]).strip():
            return None
        return TextLine((0, 0, image.width, image.height), str(texts[0]).strip(), float(scores[0]))


def _bounds(points: Any) -> tuple[int, int, int, int]:
    xs = [float(p[0]) for p in points]
    ys = [float(p[1]) for p in points]
    return int(min(xs)), int(min(ys)), int(max(xs) + 0.5), int(max(ys) + 0.5)


def _model_paths() -> tuple[Path, Path]:
    spec = importlib.util.find_spec("rapidocr")
    if spec is None or spec.origin is None:
        raise OcrUnavailable("the OCR package rapidocr is not installed")
    models = Path(spec.origin).parent / "models"
    det = sorted(models.glob("*det*.onnx"))
    rec = sorted(models.glob("*rec*.onnx"))
    if not det or not rec:
        raise OcrUnavailable(
            "the OCR models that come with rapidocr are missing from this installation; "
            "PharmaDesk never downloads models: reinstall rapidocr"
        )
    return det[-1], rec[-1]
