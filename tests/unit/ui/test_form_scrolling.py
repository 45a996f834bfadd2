"""Scrolling the customer form: the mouse wheel never changes a field under the pointer (a
consent turned from given to withdrawn by a wheel was saved into its history), and another
customer opens at the top, name and mobile in sight."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from pharmadesk.ui.main_window import MainWindow
from tests.unit.ui.conftest import wheel_down
from tests.unit.ui.test_customer_form_save import short_window


def area_of(widget: QWidget) -> QScrollArea:
    parent = widget.parentWidget()
    while not isinstance(parent, QScrollArea):
        assert parent is not None
        parent = parent.parentWidget()
    return parent


def test_the_wheel_over_a_consent_scrolls_the_form_and_changes_nothing(
    qtbot: QtBot, window: MainWindow, people: dict[str, int]
) -> None:
    short_window(qtbot, window)
    window.open_customer(people["张三"])
    consent = window.form.editor("consent_data")
    assert isinstance(consent, QComboBox)
    before = consent.currentData()
    bar = area_of(consent).verticalScrollBar()
    assert bar.maximum() > 0  # the form is taller than the window
    bar.setValue(bar.maximum() // 2)
    start = bar.value()
    for _ in range(3):
        wheel_down(consent)
    assert consent.currentData() == before
    assert not consent.hasFocus()
    assert not window.form.is_dirty()
    assert bar.value() > start  # the wheel scrolled the form instead


def test_a_field_with_the_focus_still_takes_the_wheel(
    qtbot: QtBot, window: MainWindow, people: dict[str, int]
) -> None:
    window.open_customer(people["张三"])
    gender = window.form.editor("gender")
    assert isinstance(gender, QComboBox)
    gender.setFocus()
    qtbot.waitUntil(gender.hasFocus)
    before = gender.currentIndex()
    wheel_down(gender)
    assert gender.currentIndex() != before


def test_another_customer_opens_at_the_top_of_the_form(
    qtbot: QtBot, window: MainWindow, people: dict[str, int]
) -> None:
    short_window(qtbot, window)
    window.open_customer(people["张三"])
    bar = area_of(window.form.editor("name")).verticalScrollBar()
    bar.setValue(bar.maximum())
    window.open_customer(people["李四"])
    assert bar.value() == 0  # the name and mobile in sight
    bar.setValue(bar.maximum())
    window.open_customer(people["李四"])  # the same customer again (after a save): stays
    assert bar.value() == bar.maximum()
