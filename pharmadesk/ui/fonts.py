"""A font that renders Chinese: the system's own CJK font, else the one PharmaDesk ships.

Without one, Qt draws empty boxes for names such as 喆, 堃 or 赟. The shipped font is
resources/fonts/PharmaDeskSansSC-Regular.otf, a GBK subset of Noto Sans CJK SC renamed
"PharmaDesk Sans SC" (made by installer/subset_font.py); any other *.otf or *.ttf put
beside it is registered too, after it.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from pharmadesk.paths import resources_dir

# Preferred system families, by platform habit: Windows, macOS, Linux.
PREFERRED = (
    "Microsoft YaHei UI",
    "Microsoft YaHei",
    "PingFang SC",
    "Hiragino Sans GB",
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
)
BUNDLED_FAMILY = "PharmaDesk Sans SC"
BUNDLED_FILE = "PharmaDeskSansSC-Regular.otf"
log = logging.getLogger(__name__)


def bundled_font_file() -> Path | None:
    """The shipped Chinese font file, for renderers outside Qt (matplotlib), or None."""
    path = resources_dir() / "fonts" / BUNDLED_FILE
    return path if path.is_file() else None


def _bundled_files() -> list[Path]:
    """The shipped font files, the Chinese one first."""
    folder = resources_dir() / "fonts"
    if not folder.is_dir():
        return []
    return sorted(folder.glob("*.[ot]tf"), key=lambda path: (path.name != BUNDLED_FILE, path))


def bundled_families() -> list[str]:
    """Registers the shipped fonts with Qt and returns their families, the Chinese one first.

    The Chinese font is not registered again once Qt knows its family.
    """
    families: list[str] = []
    known = set(QFontDatabase.families())
    for path in _bundled_files():
        if path.name == BUNDLED_FILE and BUNDLED_FAMILY in known:
            families.append(BUNDLED_FAMILY)
            continue
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
        else:
            log.warning("could not load the font %s", path.name)
    return families


def cjk_family() -> str | None:
    """The family to use for Chinese text, or None when none can be found."""
    available = set(QFontDatabase.families())
    for family in PREFERRED:
        if family in available:
            return family
    shipped = bundled_families()
    if shipped:
        return shipped[0]
    log.warning("no font with Chinese characters found")
    return None


def apply(app: QApplication) -> str | None:
    """Puts the Chinese family first in the application font; returns it (None if none)."""
    family = cjk_family()
    if family:
        font = QFont(app.font())
        font.setFamilies([family, *font.families()])
        app.setFont(font)
    return family
