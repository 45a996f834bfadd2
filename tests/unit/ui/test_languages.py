"""The window speaks Simplified Chinese on a zh system and remembers the language chosen."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel
from pytestqt.qtbot import QtBot

from pharmadesk import app as pharmadesk_app
from pharmadesk.services.context import Context
from pharmadesk.ui import i18n
from pharmadesk.ui.main_window import MainWindow
from pharmadesk.ui.settings_dialog import LANGUAGE_KEY
from pharmadesk.ui.tasks import BackgroundRunner

LATIN_WORD = re.compile(r"[A-Za-z]{3,}")


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    translators = i18n.install(qapp, "zh_CN")
    yield
    i18n.remove(qapp, translators)
    i18n.install(qapp, "en")  # the session's English translator stays the later one


def test_every_menu_and_toolbar_text_is_chinese(
    qtbot: QtBot, chinese: None, pharmacy: Context, people: dict[str, int], settings: QSettings
) -> None:
    runner = BackgroundRunner()
    window = MainWindow(pharmacy, runner, settings)
    qtbot.addWidget(window)
    texts = [menu.text() for menu in window.menuBar().actions()]
    texts += [action.text() for action in window.actions()]
    texts += [window.panel.tabs.tabText(i) for i in range(window.panel.tabs.count())]
    untranslated = [t for t in texts if LATIN_WORD.search(t.replace("&", ""))]
    assert texts
    assert untranslated == []
    runner.stop()


def test_the_file_dialogs_labels_are_chinese(qtbot: QtBot, chinese: None) -> None:
    # Qt's own Chinese leaves "Look in:" and "Files of type:" in English (i18n._QT_GAPS).
    dialog = QFileDialog(None, "", "", "PNG (*.png)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    texts = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
    assert len(texts) >= 3
    assert [t for t in texts if LATIN_WORD.search(t.replace("&", ""))] == []


def test_lang_on_the_command_line_is_remembered(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    stored: dict[str, object] = {}

    class Store:
        def value(self, key: str) -> object:
            return stored.get(key)

        def setValue(self, key: str, value: object) -> None:
            stored[key] = value

    monkeypatch.setattr(pharmadesk_app, "QSettings", Store)
    pharmadesk_app.prepare(qapp, "zh_CN")
    assert stored[LANGUAGE_KEY] == "zh_CN"
    pharmadesk_app.prepare(qapp, None)  # a later start without --lang keeps it
    assert stored[LANGUAGE_KEY] == "zh_CN"
    i18n.remove(qapp, qapp.property("pharmadesk_translators"))
    i18n.install(qapp, "en")


def test_text_no_translation_has_stays_as_written(chinese: None) -> None:
    assert QCoreApplication.translate("Nowhere", "PharmaDesk 2026") == "PharmaDesk 2026"
