"""Saving a customer from the counter window: Save is offered as soon as something is typed,
and a refused save shows the first field it refused (scrolled into view, focused) so its
red message is seen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from pharmadesk.db.models import Customer
from pharmadesk.services import customers
from pharmadesk.services.context import Context
from pharmadesk.ui.main_window import MainWindow
from tests.unit.ui.conftest import focused, press, type_text, when_modal

CTRL = Qt.KeyboardModifier.ControlModifier


def in_view(widget: QWidget) -> bool:
    """Whether any of `widget` shows on the screen (not scrolled away, not hidden)."""
    return widget.isVisible() and not widget.visibleRegion().isEmpty()


def short_window(qtbot: QtBot, window: MainWindow, height: int = 560) -> None:
    """A counter PC's small screen: the form's lower fields are scrolled out of view."""
    window.resize(1000, height)
    qtbot.waitUntil(lambda: window.height() <= height)


def test_a_child_without_the_guardians_consent_is_shown_where_it_is_missing(
    qtbot: QtBot, window: MainWindow, people: dict[str, int]
) -> None:
    short_window(qtbot, window)
    press(qtbot, Qt.Key.Key_N, CTRL)
    form = window.form
    type_text(qtbot, "王小明")
    for key, text in (("birth_date", "2015-05-01"), ("guardian_name", "王大明"),
                      ("guardian_mobile", "13900002222")):  # fmt: skip
        form.editor(key).setFocus()
        type_text(qtbot, text)
    consent = form.editor("consent_data")
    qtbot.waitUntil(lambda: not in_view(consent))  # below the visible part of the form
    assert window.act_save.isEnabled()
    press(qtbot, Qt.Key.Key_S, CTRL)
    assert not Customer.select().where(Customer.name == "王小明").exists()
    assert "correct the marked fields" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: in_view(consent) and focused() is consent)
    hint = form._hints["consent_data"]
    assert in_view(hint)  # the red message under it is seen too
    assert "guardian" in hint.text()
    assert isinstance(consent, QComboBox)
    consent.setCurrentIndex(consent.findData("given"))
    press(qtbot, Qt.Key.Key_S, CTRL)
    row = Customer.get(Customer.name == "王小明")
    assert (row.guardian_name, row.consent_data) == ("王大明", "given")


def test_save_is_offered_while_a_new_customer_is_typed_and_says_what_is_missing(
    qtbot: QtBot, window: MainWindow, people: dict[str, int]
) -> None:
    press(qtbot, Qt.Key.Key_N, CTRL)
    assert not window.act_save.isEnabled()  # nothing typed: nothing to save
    window.form.editor("mobile").setFocus()
    type_text(qtbot, "13700009999")  # at the counter the mobile often comes first
    assert window.act_save.isEnabled()
    assert window.toolbar.widgetForAction(window.act_save).isEnabled()
    name = window.form.editor("name")
    hint = window.form._hints["name"]
    assert not hint.isVisible()  # not nagged before saving
    press(qtbot, Qt.Key.Key_S, CTRL)
    assert Customer.select().where(Customer.mobile == "13700009999").count() == 0
    qtbot.waitUntil(lambda: focused() is name)
    assert hint.isVisible()
    assert hint.text() == "A name is required"
    type_text(qtbot, "王五")
    press(qtbot, Qt.Key.Key_S, CTRL)
    assert Customer.get(Customer.mobile == "13700009999").name == "王五"
    assert not window.act_save.isEnabled()  # saved: nothing left to save


def test_a_member_code_in_use_is_shown_at_the_code_field(
    qtbot: QtBot, window: MainWindow, pharmacy: Context, people: dict[str, int]
) -> None:
    short_window(qtbot, window, 460)
    customers.create(pharmacy, {"name": "赵一", "mobile": "13600000001", "code": "M0042"})
    press(qtbot, Qt.Key.Key_N, CTRL)
    type_text(qtbot, "赵二")
    code = window.form.editor("code")
    code.setFocus()
    type_text(qtbot, "M0042")
    window.form.editor("notes").setFocus()  # on down: the code field scrolls out of view
    bar = window.panel.details.verticalScrollBar()
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: not in_view(code))
    told: list[str] = []

    def close(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        told.append(box.text())
        box.accept()

    errors = when_modal(qtbot, close)
    press(qtbot, Qt.Key.Key_S, CTRL)
    assert errors == []
    [said] = told
    assert "already in use" in said
    assert Customer.select().where(Customer.name == "赵二").count() == 0
    qtbot.waitUntil(lambda: focused() is code and in_view(code))
    assert window.form._hints["code"].isVisible()
