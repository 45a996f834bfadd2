"""A font that renders Chinese: the system's own CJK font, else the one PharmaDesk ships.

Without one, Qt draws empty boxes for names such as 喆, 堃 or 赟.
"""

from __future__ import annotations

import logging

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
log = logging.getLogger(__name__)


def bundled_families() -> list[str]:
    families: list[str] = []
    folder = resources_dir() / "fonts"
    for path in sorted(folder.glob("*.[ot]tf")) if folder.is_dir() else []:
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
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
    family = cjk_family()
    if family:
        font = QFont(app.font())
        font.setFamilies([family, *font.families()])
        app.setFont(font)
    return family
