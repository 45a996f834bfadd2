"""File > Import scanned cards…: it opens the card wizard, or says what is missing."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from pharmadesk.io.cards import engine
from pharmadesk.ui.main_window import MainWindow


def test_the_entry_sits_after_the_spreadsheet_import_and_opens_the_card_wizard(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    file_menu = window.act_import.associatedObjects()[0]
    actions = [a for a in file_menu.actions() if not a.isSeparator()]  # type: ignore[attr-defined]
    assert actions[actions.index(window.act_import) + 1] is window.act_card_import
    opened: list[str] = []
    monkeypatch.setattr(window, "run_modal", lambda dialog: opened.append(type(dialog).__name__))
    window.act_card_import.trigger()
    assert opened == ["CardImportWizard"]


def test_without_ocr_the_entry_explains_instead_of_opening(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine, "missing", lambda: "the OCR packages are not installed (rapidocr)")
    shown: list[QWidget] = []
    monkeypatch.setattr(window, "run_modal", shown.append)
    window.act_card_import.trigger()
    [box] = shown
    assert type(box).__name__ == "QMessageBox"
    assert "rapidocr" in box.text()  # type: ignore[attr-defined]


def test_a_lock_during_the_check_says_the_accepted_cards_were_not_imported(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    notes: list[str] = []
    monkeypatch.setattr(window, "note", notes.append)
    checked = SimpleNamespace(check=SimpleNamespace(accepted=lambda: ["card 1", "card 3"]))
    window.tools._note_cards(None, checked)  # type: ignore[arg-type]
    assert notes == [
        "The window locked during the check of scanned cards: the cards accepted there (2) "
        "were not imported. Open File > Import scanned cards… again."
    ]
    window.tools._note_cards("committed", checked)  # type: ignore[arg-type]
    assert notes[-1] == "An import finished while the window was locked."
