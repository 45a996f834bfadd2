"""The UI language: Simplified Chinese on a zh system, English otherwise, or as chosen.

Loads Qt's own translations too, so standard buttons (OK, Cancel) speak the UI language.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from pharmadesk.paths import resources_dir

LANGUAGES = ("zh_CN", "en")
log = logging.getLogger(__name__)


def choose_language(explicit: str | None, saved: str | None) -> str:
    for candidate in (explicit, saved):
        if candidate in LANGUAGES:
            return candidate
    return "zh_CN" if QLocale.system().name().startswith("zh") else "en"


def translations_dir() -> str:
    return str(resources_dir() / "translations")


def install(app: QApplication, language: str) -> list[QTranslator]:
    """Install Qt's and PharmaDesk's translators for `language`; returns them (keep them)."""
    installed = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    sources = [("qtbase_" + language, qt_dir), ("pharmadesk_" + language, translations_dir())]
    for name, folder in sources:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            installed.append(translator)
        elif not name.startswith("qtbase_en"):
            log.warning("translation %s not found in %s", name, folder)
    QLocale.setDefault(QLocale(language))
    return installed


def remove(app: QApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)


def current_language() -> str:
    """The language the UI speaks now ("zh_CN" or "en"), for text made outside Qt's
    translators: reasons, templates, headings of exported files."""
    return "zh_CN" if QLocale().name().startswith("zh") else "en"
