"""Scan files to card pages: PNG, JPEG, TIFF (every page), PDF (every page), or a folder.

A scan is untrusted input like any import file: its size, its pixel count and its number
of pages are bounded before anything is decoded in full, and a file that is not what its
name says is refused with a sentence, never a traceback. Each page is straightened and
scaled to about 150 dpi, where the recogniser reads typed cards as well as at 300 dpi in
half the time.
"""

from __future__ import annotations

import hashlib
import io
import re
import warnings
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, Literal

from PIL import Image, ImageOps, UnidentifiedImageError

from pharmadesk.errors import OperationFailed
from pharmadesk.io.cards import straighten

IMAGE_SUFFIXES: Final = (".png", ".jpg", ".jpeg", ".tif", ".tiff")
SUFFIXES: Final = (*IMAGE_SUFFIXES, ".pdf")
MAX_FILE_BYTES: Final = 100 * 2**20
MAX_PAGES: Final = 1_000  # per file; a folder may hold many files
MAX_PIXELS: Final = 60_000_000  # an A4 page at 600 dpi is 35 M; more is a bomb or a poster
TARGET_DPI: Final = 150
LONG_SIDE_WITHOUT_DPI: Final = 1_400  # about an A5 card at 150 dpi
PDF_RENDER_DPI: Final = 200

ScanCode = Literal[
    "missing", "too_big", "not_a_scan", "damaged", "too_many_pages", "too_many_pixels", "empty"
]


class UnreadableScan(OperationFailed):
    """A scan that cannot be read: `code` for programs and translations, the message for people."""

    def __init__(self, path: Path, *, code: ScanCode, reason: str) -> None:
        super().__init__(f'"{path.name}" {reason}.')
        self.code: ScanCode = code
        self.path = path


@dataclass(frozen=True)
class CardPage:
    """One page of a scan, ready to read: straightened, about 150 dpi, RGB.

    `page` counts from 1 within its file; `angle` is how far it was turned (degrees).
    """

    source: Path
    page: int
    file_hash: str
    image: Image.Image
    angle: float = 0.0

    @property
    def label(self) -> str:
        return f"{self.source.name} p.{self.page}"


def scan_files(paths: Sequence[Path]) -> list[Path]:
    """The scans among `paths`, folders opened one level deep, in natural name order.

    Raises:
        UnreadableScan: a path that does not exist, or a file that is not a scan kind.
    """
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                sorted(
                    (p for p in path.iterdir() if p.is_file() and p.suffix.lower() in SUFFIXES),
                    key=_natural,
                )
            )
        elif not path.exists():
            raise UnreadableScan(path, code="missing", reason="does not exist")
        elif path.suffix.lower() not in SUFFIXES:
            raise UnreadableScan(
                path, code="not_a_scan",
                reason="is not a scan PharmaDesk reads (PNG, JPEG, TIFF or PDF)",
            )  # fmt: skip
        else:
            found.append(path)
    return found


def count_pages(path: Path) -> int:
    """How many card pages the file holds, without decoding them (for the progress bar)."""
    data = _load(path)
    if _is_pdf(data):
        with _pdf(path, data) as pdf:
            return len(pdf)
    with _image(path, data) as image:
        return getattr(image, "n_frames", 1)


def read_pages(path: Path) -> Iterator[CardPage]:
    """Each page of the file, straightened and scaled, one at a time.

    Raises:
        UnreadableScan: the file is too big, damaged, or not an image or a PDF.
    """
    data = _load(path)
    digest = hashlib.sha256(data).hexdigest()
    raw = _pdf_pages(path, data) if _is_pdf(data) else _image_pages(path, data)
    for number, (image, dpi) in enumerate(raw, start=1):
        yield prepare(path, number, digest, image, dpi)


def prepare(path: Path, page: int, digest: str, image: Image.Image, dpi: float | None) -> CardPage:
    rgb = _to_rgb(image)
    scaled = _scaled(rgb, dpi)
    straight, angle = straighten.deskew(scaled)
    return CardPage(path, page, digest, straight, angle)


def _load(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            limit = MAX_FILE_BYTES // 2**20
            raise UnreadableScan(
                path, code="too_big", reason=f"is {size / 2**20:.0f} MB; a scan may be {limit} MB"
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise UnreadableScan(path, code="missing", reason="does not exist") from None
    except IsADirectoryError:
        raise UnreadableScan(path, code="not_a_scan", reason="is a folder") from None
    except OSError as exc:
        raise UnreadableScan(
            path, code="damaged", reason=f"cannot be read ({exc.strerror})"
        ) from None
    if not data:
        raise UnreadableScan(path, code="empty", reason="is empty")
    return data


def _is_pdf(data: bytes) -> bool:
    return data[:1024].lstrip().startswith(b"%PDF")


def _image_pages(path: Path, data: bytes) -> Iterator[tuple[Image.Image, float | None]]:
    with _image(path, data) as image:
        frames = getattr(image, "n_frames", 1)
        if frames > MAX_PAGES:
            raise _too_many(path, frames)
        first_dpi: float | None = None
        for index in range(frames):
            try:
                image.seek(index)
                image.load()
            except (OSError, ValueError, SyntaxError) as exc:
                raise _damaged(path, exc) from None
            dpi = _dpi(image.info.get("dpi")) or first_dpi
            first_dpi = first_dpi or dpi
            yield ImageOps.exif_transpose(image.copy()), dpi


class _image:
    """Opens image bytes with the pixel bound enforced as an error, not a warning."""

    def __init__(self, path: Path, data: bytes) -> None:
        self.path, self.data = path, data
        self.image: Image.Image | None = None

    def __enter__(self) -> Image.Image:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error", Image.DecompressionBombWarning)
                image = Image.open(io.BytesIO(self.data))
                if image.width * image.height > MAX_PIXELS:
                    raise Image.DecompressionBombError("too many pixels")
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise UnreadableScan(
                self.path, code="too_many_pixels",
                reason="has more pixels than a scanned card can have; scan it at 300 dpi",
            ) from None  # fmt: skip
        except UnidentifiedImageError:
            raise UnreadableScan(
                self.path, code="not_a_scan", reason="is not an image or a PDF file"
            ) from None
        except (OSError, ValueError, SyntaxError) as exc:
            raise _damaged(self.path, exc) from None
        if image.format not in ("PNG", "JPEG", "TIFF", "MPO"):
            image.close()
            raise UnreadableScan(
                self.path, code="not_a_scan",
                reason=f"is a {image.format} image; PharmaDesk reads PNG, JPEG, TIFF and PDF",
            )  # fmt: skip
        self.image = image
        return image

    def __exit__(self, *_: object) -> None:
        if self.image is not None:
            self.image.close()


class _pdf:
    def __init__(self, path: Path, data: bytes) -> None:
        self.path, self.data = path, data
        self.doc: Any = None

    def __enter__(self) -> Any:
        import pypdfium2

        try:
            self.doc = pypdfium2.PdfDocument(self.data)
        except pypdfium2.PdfiumError as exc:
            raise _damaged(self.path, exc) from None
        if len(self.doc) > MAX_PAGES:
            raise _too_many(self.path, len(self.doc))
        return self.doc

    def __exit__(self, *_: object) -> None:
        if self.doc is not None:
            self.doc.close()


def _pdf_pages(path: Path, data: bytes) -> Iterator[tuple[Image.Image, float | None]]:
    import pypdfium2

    with _pdf(path, data) as pdf:
        for index in range(len(pdf)):
            try:
                page = pdf[index]
                yield _pdf_page_image(path, page, pypdfium2)
            except pypdfium2.PdfiumError as exc:
                raise _damaged(path, exc) from None


def _pdf_page_image(
    path: Path, page: object, pypdfium2: object
) -> tuple[Image.Image, float | None]:
    width_pt, height_pt = page.get_size()  # type: ignore[attr-defined]
    scale = PDF_RENDER_DPI / 72
    if width_pt * height_pt * scale * scale > MAX_PIXELS:
        raise UnreadableScan(path, code="too_many_pixels", reason="has a page too large for a card")
    # A scanner's PDF holds one image per page: rendering it at our own resolution keeps it
    # simple and bounded, whatever the embedded image's size.
    bitmap = page.render(scale=scale)  # type: ignore[attr-defined]
    return bitmap.to_pil(), float(PDF_RENDER_DPI)


def _dpi(value: object) -> float | None:
    # TIFF gives the resolution as a rational, PNG and JPEG as numbers.
    if not isinstance(value, tuple) or not value:
        return None
    try:
        dpi = float(value[0])
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    return dpi if 50 <= dpi <= 1200 else None


def _to_rgb(image: Image.Image) -> Image.Image:
    if image.mode in ("RGBA", "LA", "P"):
        background = Image.new("RGB", image.size, "white")
        rgba = image.convert("RGBA")
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return image.convert("RGB")


def _scaled(image: Image.Image, dpi: float | None) -> Image.Image:
    factor = TARGET_DPI / dpi if dpi is not None else LONG_SIDE_WITHOUT_DPI / max(image.size)
    if factor >= 0.95:  # never enlarge: a low-resolution scan gains nothing by it
        return image
    size = (max(1, round(image.width * factor)), max(1, round(image.height * factor)))
    return image.resize(size, Image.Resampling.LANCZOS)


def _too_many(path: Path, pages: int) -> UnreadableScan:
    return UnreadableScan(
        path, code="too_many_pages",
        reason=f"has {pages} pages; a file may hold at most {MAX_PAGES} cards",
    )  # fmt: skip


def _damaged(path: Path, exc: BaseException) -> UnreadableScan:
    return UnreadableScan(path, code="damaged", reason="is damaged or cut short and cannot be read")


def _natural(path: Path) -> list[object]:
    return [
        int(part) if part.isdigit() else part.casefold() for part in re.split(r"(\d+)", path.name)
    ]
