"""Consents at the counter: status with date, one-click withdrawal, the history, guardians
of children on the form, the channel of a consent changed on the form."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from pharmadesk.db.models import AuditEvent, ConsentRecord, Customer
from pharmadesk.services import consents, customers
from pharmadesk.services.context import Context
from pharmadesk.ui.main_window import MainWindow
from tests.unit.ui.conftest import type_text

CTRL = Qt.KeyboardModifier.ControlModifier


def _consents_tab(window: MainWindow) -> None:
    window.panel.tabs.setCurrentWidget(window.panel.consents)


def _choose(combo: QComboBox, code: str) -> None:
    combo.setCurrentIndex(combo.findData(code))


def test_a_given_consent_shows_its_date_and_is_withdrawn_in_one_click(
    qtbot: QtBot, window: MainWindow, pharmacy: Context, people: dict[str, int]
) -> None:
    zs = people["张三"]
    consents.record(pharmacy, zs, "marketing", "given", channel="phone")
    window.open_customer(zs)
    _consents_tab(window)
    panel = window.panel.consents
    status = panel.findChild(QLabel, "consentStatus_marketing")
    assert status is not None
    assert status.text() == "Given  (2026-11-20, Phone, notice 1)"
    button = panel._buttons["marketing"]
    assert button.isVisible()
    assert not panel._buttons["data"].isVisible()  # nothing given: nothing to withdraw
    assert panel.model.rowCount() == 1

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    assert Customer.get_by_id(zs).consent_marketing == "withdrawn"
    assert panel.model.rowCount() == 2
    assert panel.model.index(0, 2).data() == "Withdrawn"
    assert status.text().startswith("Withdrawn  (2026-11-20")
    assert not button.isVisible()
    last = AuditEvent.select().order_by(AuditEvent.id.desc()).first()
    assert (last.action, last.customer_id) == ("consent.withdrawn", zs)
    # The form shows it too, and has nothing unsaved because of it.
    combo = window.form.editor("consent_marketing")
    assert isinstance(combo, QComboBox)
    assert combo.currentData() == "withdrawn"
    assert not window.form.is_dirty()


def test_a_withdrawal_keeps_what_is_typed_in_the_form(
    qtbot: QtBot, window: MainWindow, pharmacy: Context, people: dict[str, int]
) -> None:
    zs = people["张三"]
    consents.record(pharmacy, zs, "data", "given")
    window.open_customer(zs)
    address = window.form.editor("address")
    assert isinstance(address, QLineEdit)
    address.setText("文三路1号")
    _consents_tab(window)
    qtbot.mouseClick(window.panel.consents._buttons["data"], Qt.MouseButton.LeftButton)
    assert address.text() == "文三路1号"
    assert window.form.changed_values() == {"address": "文三路1号"}


def test_a_child_needs_the_guardian_on_the_form_before_saving(
    qtbot: QtBot, window: MainWindow, pharmacy: Context
) -> None:
    window.new_customer()
    form = window.form
    guardian, guardian_mobile = form.editor("guardian_name"), form.editor("guardian_mobile")
    assert not guardian.isEnabled()
    assert not guardian_mobile.isEnabled()
    type_text(qtbot, "王小明")
    form.editor("birth_date").setFocus()
    type_text(qtbot, "2015-05-01")
    assert guardian.isEnabled()
    assert guardian_mobile.isEnabled()
    assert not form.is_valid()
    assert set(form.problems()) == {"guardian_name", "guardian_mobile", "consent_data"}
    assert form.problems()["guardian_name"] == ("A child under 14: the guardian's name is required")
    assert not window.save()  # refused
    assert not Customer.select().where(Customer.name == "王小明").exists()

    guardian.setFocus()
    type_text(qtbot, "王大明")
    guardian_mobile.setFocus()
    type_text(qtbot, "13900002222")
    consent = form.editor("consent_data")
    assert isinstance(consent, QComboBox)
    _choose(consent, "given")
    channel = form.editor("consent_channel")
    assert isinstance(channel, QComboBox)
    _choose(channel, "paper")
    assert form.is_valid()
    assert window.act_save.isEnabled()
    window.save()

    row = Customer.get(Customer.name == "王小明")
    assert (row.guardian_name, row.guardian_mobile, row.consent_data) == (
        "王大明", "13900002222", "given",
    )  # fmt: skip
    (record,) = ConsentRecord.select().where(ConsentRecord.customer == row.id)
    assert (record.channel, record.by_guardian, record.notice_version) == ("paper", True, "1")
    _consents_tab(window)
    assert window.panel.consents.note.text() == (
        "A child's consents are given by the guardian, 王大明."
    )
    assert window.panel.consents.model.index(0, 6).data() == "Guardian"


def test_an_adult_has_no_guardian_fields_to_fill(
    qtbot: QtBot, window: MainWindow, pharmacy: Context, people: dict[str, int]
) -> None:
    window.open_customer(people["李四"])
    form = window.form
    birth = form.editor("birth_date")
    assert isinstance(birth, QLineEdit)
    birth.setText("1970-01-02")
    assert not form.editor("guardian_name").isEnabled()
    assert form.is_valid()
    window.save()
    assert customers.get(pharmacy, people["李四"]).guardian_name is None
