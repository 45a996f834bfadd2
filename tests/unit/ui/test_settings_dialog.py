"""Settings: the owner sets the privacy notice version that consents recorded from then on
name; others see it and cannot change it. (The backup folder's rows: test_backup_ui.py.)"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from pharmadesk.db.models import AuditEvent
from pharmadesk.services import accounts, consents, customers, retention, vault
from pharmadesk.services import settings as pharmacy_settings
from pharmadesk.services.context import Context
from pharmadesk.ui.settings_dialog import LANGUAGE_KEY, SettingsDialog
from tests.unit.ui.conftest import press, type_text


def settings_changes() -> list[str]:
    return [e.details for e in AuditEvent.select().where(AuditEvent.action == "settings.changed")]


OpenDialog = Callable[[Context], SettingsDialog]


@pytest.fixture
def open_dialog(qtbot: QtBot, settings: QSettings) -> OpenDialog:
    """Settings shown as the window shows them, for an account's session."""

    def open_for(ctx: Context) -> SettingsDialog:
        dialog = SettingsDialog(settings, ctx=ctx)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.activateWindow()
        return dialog

    return open_for


def retype(qtbot: QtBot, dialog: SettingsDialog, text: str) -> None:
    dialog.notice_version.setFocus()
    qtbot.waitUntil(dialog.notice_version.hasFocus)
    press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, Qt.Key.Key_Delete)
    type_text(qtbot, text)


def test_the_owner_sets_the_notice_version_that_new_consents_name(
    qtbot: QtBot, pharmacy: Context, open_dialog: OpenDialog
) -> None:
    dialog = open_dialog(pharmacy)
    assert dialog.notice_version.text() == "1"
    assert not dialog.notice_version.isReadOnly()
    retype(qtbot, dialog, " 2024-03 ")
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert consents.notice_version(pharmacy) == "2024-03"
    record = customers.create(pharmacy, {"name": "张三", "consent_data": "given"}).customer
    assert record is not None
    assert consents.history(pharmacy, record.id)[0].notice_version == "2024-03"
    (change,) = settings_changes()
    assert "consent.notice_version" in change


def test_ok_without_a_change_records_nothing(
    qtbot: QtBot, pharmacy: Context, open_dialog: OpenDialog
) -> None:
    dialog = open_dialog(pharmacy)
    dialog.notice_version.setFocus()
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert settings_changes() == []


def test_an_empty_notice_version_is_refused_and_the_dialog_stays(
    qtbot: QtBot, pharmacy: Context, open_dialog: OpenDialog
) -> None:
    dialog = open_dialog(pharmacy)
    retype(qtbot, dialog, "   ")
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.message.text() == "The notice version is 1 to 40 characters."
    assert dialog.notice_version.hasFocus()
    assert consents.notice_version(pharmacy) == "1"
    retype(qtbot, dialog, "2")
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert consents.notice_version(pharmacy) == "2"


def test_others_see_the_notice_version_but_cannot_change_it(
    qtbot: QtBot, pharmacy: Context, open_dialog: OpenDialog
) -> None:
    consents.set_notice_version(pharmacy, "2024-03")
    accounts.add(pharmacy, "chemist", role="pharmacist", password="chemist-pass-1")
    ctx = vault.open_pharmacy(pharmacy.path, user="chemist", password="chemist-pass-1")
    try:
        dialog = open_dialog(ctx)
        assert dialog.notice_version.text() == "2024-03"
        assert dialog.notice_version.isReadOnly()
        assert "Only the owner" in dialog.notice_version.toolTip()
        retype(qtbot, dialog, "9")
        assert dialog.notice_version.text() == "2024-03"
        press(qtbot, Qt.Key.Key_Return)
        assert dialog.result() == dialog.DialogCode.Accepted
        assert consents.notice_version(ctx) == "2024-03"
    finally:
        ctx.close()


def test_the_owner_sets_how_long_customer_data_is_kept(
    qtbot: QtBot, pharmacy: Context, open_dialog: OpenDialog
) -> None:
    dialog = open_dialog(pharmacy)
    assert dialog.retention_years.value() == 3  # the default
    assert not dialog.retention_years.isReadOnly()
    dialog.retention_years.setFocus()
    qtbot.waitUntil(dialog.retention_years.hasFocus)
    press(qtbot, Qt.Key.Key_Up)
    press(qtbot, Qt.Key.Key_Up)
    assert retention.retention_years(pharmacy) == 3  # not before OK
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert retention.retention_years(pharmacy) == 5
    (change,) = settings_changes()
    assert '"privacy.retention_years"' in change
    assert '"value": 5' in change
    again = open_dialog(pharmacy)
    assert again.retention_years.value() == 5
    again.retention_years.setFocus()
    press(qtbot, Qt.Key.Key_Return)  # OK without a change records nothing
    assert len(settings_changes()) == 1


def test_others_see_how_long_data_is_kept_but_cannot_change_it(
    qtbot: QtBot, pharmacy: Context, open_dialog: OpenDialog
) -> None:
    retention.set_retention_years(pharmacy, 4)
    accounts.add(pharmacy, "chemist", role="pharmacist", password="chemist-pass-1")
    ctx = vault.open_pharmacy(pharmacy.path, user="chemist", password="chemist-pass-1")
    try:
        dialog = open_dialog(ctx)
        assert dialog.retention_years.value() == 4
        assert dialog.retention_years.isReadOnly()
        assert "Only the owner" in dialog.retention_years.toolTip()
        dialog.retention_years.setFocus()
        press(qtbot, Qt.Key.Key_Up)
        assert dialog.retention_years.value() == 4
        press(qtbot, Qt.Key.Key_Return)
        assert dialog.result() == dialog.DialogCode.Accepted
        assert retention.retention_years(ctx) == 4
    finally:
        ctx.close()


def test_the_owner_chooses_to_keep_scanned_card_images_told_they_hold_health_data(
    qtbot: QtBot, pharmacy: Context, open_dialog: OpenDialog
) -> None:
    dialog = open_dialog(pharmacy)
    assert not dialog.card_images.isChecked()  # off until the owner says so
    note = dialog.findChild(QLabel, "storeCardImagesNote")
    assert note is not None
    assert "health data" in note.text()
    assert "encrypted" in note.text()
    dialog.card_images.setFocus()
    qtbot.waitUntil(dialog.card_images.hasFocus)
    press(qtbot, Qt.Key.Key_Space)
    assert not pharmacy_settings.store_card_images(pharmacy)  # not before OK
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert pharmacy_settings.store_card_images(pharmacy)
    (change,) = settings_changes()
    assert '"privacy.store_card_images"' in change
    assert open_dialog(pharmacy).card_images.isChecked()


def test_others_see_whether_card_images_are_kept_but_cannot_change_it(
    qtbot: QtBot, pharmacy: Context, open_dialog: OpenDialog
) -> None:
    pharmacy_settings.set_store_card_images(pharmacy, True)
    accounts.add(pharmacy, "chemist", role="pharmacist", password="chemist-pass-1")
    ctx = vault.open_pharmacy(pharmacy.path, user="chemist", password="chemist-pass-1")
    try:
        dialog = open_dialog(ctx)
        assert dialog.card_images.isChecked()
        assert not dialog.card_images.isEnabled()
        assert "Only the owner" in dialog.card_images.toolTip()
        dialog.notice_version.setFocus()
        press(qtbot, Qt.Key.Key_Return)
        assert dialog.result() == dialog.DialogCode.Accepted
        assert pharmacy_settings.store_card_images(ctx)
    finally:
        ctx.close()


def test_the_language_shown_is_the_one_spoken_and_ok_does_not_pin_it(
    qtbot: QtBot, pharmacy: Context, open_dialog: OpenDialog, settings: QSettings
) -> None:
    settings.remove(LANGUAGE_KEY)  # never chosen: the UI follows the system (English here)
    dialog = open_dialog(pharmacy)
    assert dialog.language.currentData() == "en"
    dialog.notice_version.setFocus()
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert settings.value(LANGUAGE_KEY) is None  # an English PC stays English next start


def test_a_language_chosen_in_settings_is_kept(
    qtbot: QtBot, pharmacy: Context, open_dialog: OpenDialog, settings: QSettings
) -> None:
    settings.remove(LANGUAGE_KEY)
    dialog = open_dialog(pharmacy)
    dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
    dialog.notice_version.setFocus()
    press(qtbot, Qt.Key.Key_Return)
    assert settings.value(LANGUAGE_KEY) == "zh_CN"
    again = open_dialog(pharmacy)
    assert again.language.currentData() == "zh_CN"
