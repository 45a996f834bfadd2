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


# Strings Qt's own Chinese (qtbase_zh_CN) leaves in English, seen in its file dialogs.
_QT_GAPS: dict[str, dict[tuple[str, str], str]] = {
    "zh_CN": {
        ("QFileDialog", "&Look in:"): "查找范围(&L)：",
        ("QFileDialog", "Files of &type:"): "文件类型(&T)：",
        ("QAbstractFileIconProvider", "Folder"): "文件夹",
        ("QAbstractFileIconProvider", "File Folder"): "文件夹",
    },
}


class _QtGaps(QTranslator):
    """What `_QT_GAPS` lists for one language. Installed first, so asked last: only for
    text that neither Qt's nor PharmaDesk's translation has."""

    def __init__(self, parent: QApplication, texts: dict[tuple[str, str], str]) -> None:
        super().__init__(parent)
        self._texts = texts

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        # None, not "": Qt takes an empty string for a translation (the text would vanish)
        # and asks the next translator only when it gets a null one.
        return self._texts.get((context, source))  # type: ignore[return-value]

    def isEmpty(self) -> bool:
        return not self._texts


def install(app: QApplication, language: str) -> list[QTranslator]:
    """Install Qt's and PharmaDesk's translators for `language`; returns them (keep them)."""
    installed: list[QTranslator] = []
    if language in _QT_GAPS:
        gaps = _QtGaps(app, _QT_GAPS[language])
        app.installTranslator(gaps)
        installed.append(gaps)
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
