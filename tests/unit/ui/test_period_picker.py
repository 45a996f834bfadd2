"""The dashboard's period picker: the default month, stepping by keyboard, kinds, custom."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import QApplication, QDateEdit
from pytestqt.qtbot import QtBot

from pharmadesk.services.analytics.results import custom, month_of, quarter_of, year_of
from pharmadesk.ui import formatting
from pharmadesk.ui.period_picker import PeriodPicker, following, period_label, switched

TODAY = date(2026, 11, 20)
ALT = Qt.KeyboardModifier.AltModifier


def _picker(qtbot: QtBot) -> tuple[PeriodPicker, list[object]]:
    picker = PeriodPicker(TODAY)
    qtbot.addWidget(picker)
    picker.show()
    qtbot.waitExposed(picker)
    picker.activateWindow()  # shortcuts reach the active window only
    qtbot.waitActive(picker)
    chosen: list[object] = []
    picker.changed.connect(chosen.append)
    return picker, chosen


def test_it_opens_on_the_last_full_month_compared_with_the_one_before(qtbot: QtBot) -> None:
    picker, _ = _picker(qtbot)
    assert picker.period() == month_of(date(2026, 10, 1))
    assert picker.shown.text() == "2026-10"
    assert picker.compared.text() == "compared with 2026-09"
    assert picker.forward.isEnabled()  # November has begun


def test_alt_arrows_step_back_and_forth_but_never_past_today(qtbot: QtBot) -> None:
    picker, chosen = _picker(qtbot)
    picker.kind.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is picker.kind)
    qtbot.keyClick(picker.kind, Qt.Key.Key_Left, ALT)
    assert chosen == [month_of(date(2026, 9, 1))]
    qtbot.keyClick(picker.kind, Qt.Key.Key_Right, ALT)
    qtbot.keyClick(picker.kind, Qt.Key.Key_Right, ALT)
    assert picker.period() == month_of(TODAY)
    assert not picker.forward.isEnabled()
    qtbot.keyClick(picker.kind, Qt.Key.Key_Right, ALT)
    assert picker.period() == month_of(TODAY)
    assert len(chosen) == 3


def test_another_kind_takes_the_last_whole_one(qtbot: QtBot) -> None:
    picker, chosen = _picker(qtbot)
    picker.kind.setCurrentIndex(picker.kind.findData("quarter"))
    assert chosen[-1] == quarter_of(date(2026, 7, 1))
    assert picker.shown.text() == "2026 Q3"
    picker.kind.setCurrentIndex(picker.kind.findData("year"))
    assert chosen[-1] == year_of(date(2025, 1, 1))
    assert picker.shown.text() == "Year 2025"


def _type_date(qtbot: QtBot, edit: QDateEdit, digits: str) -> None:
    edit.setFocus()
    edit.setSelectedSection(QDateEdit.Section.YearSection)
    qtbot.keyClicks(edit, digits)


def test_a_custom_range_is_taken_when_typing_is_done(qtbot: QtBot) -> None:
    picker, chosen = _picker(qtbot)
    picker.kind.setCurrentIndex(picker.kind.findData("custom"))
    assert picker.start_edit.isVisible()
    assert not picker.shown.isVisible()
    before = picker.period()
    _type_date(qtbot, picker.start_edit, "20261005")
    qtbot.wait(600)  # a pause is not the end of the typing: nothing is taken or reset yet
    assert picker.period() == before
    assert picker.start_edit.date() == QDate(2026, 10, 5)
    qtbot.keyClick(picker.start_edit, Qt.Key.Key_Tab)
    _type_date(qtbot, picker.end_edit, "20261019")
    qtbot.keyClick(picker.end_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: picker.period() == custom(date(2026, 10, 5), date(2026, 10, 19)))
    assert chosen[-1] == picker.period()
    assert picker.compared.text() == "compared with 2026-09-20 – 2026-10-04"


def test_a_first_day_typed_past_the_last_moves_the_last_one(qtbot: QtBot) -> None:
    picker, chosen = _picker(qtbot)
    picker.set_period(custom(date(2026, 10, 1), date(2026, 10, 10)))
    _type_date(qtbot, picker.start_edit, "20261015")
    qtbot.keyClick(picker.start_edit, Qt.Key.Key_Return)
    # The date typed stays; the range keeps its ten days.
    assert chosen[-1] == custom(date(2026, 10, 15), date(2026, 10, 24))
    assert (picker.start_edit.date(), picker.end_edit.date()) == (
        QDate(2026, 10, 15),
        QDate(2026, 10, 24),
    )
    _type_date(qtbot, picker.end_edit, "20261005")
    qtbot.keyClick(picker.end_edit, Qt.Key.Key_Return)
    assert chosen[-1] == custom(date(2026, 9, 26), date(2026, 10, 5))
    # Never past today: the last day stops there.
    picker.set_period(custom(date(2026, 10, 1), date(2026, 10, 10)))
    _type_date(qtbot, picker.start_edit, "20261115")
    qtbot.keyClick(picker.start_edit, Qt.Key.Key_Return)
    assert chosen[-1] == custom(date(2026, 11, 15), TODAY)


def test_periods_follow_and_switch() -> None:
    assert following(month_of(date(2026, 12, 1))) == month_of(date(2027, 1, 1))
    assert following(custom(date(2026, 1, 1), date(2026, 1, 10))).start == date(2026, 1, 11)
    assert switched(month_of(date(2026, 5, 1)), "quarter", TODAY) == quarter_of(date(2026, 4, 1))
    assert period_label(custom(date(2026, 1, 1), date(2026, 1, 2))) == "2026-01-01 – 2026-01-02"


def test_numbers_are_written_for_people() -> None:
    assert formatting.money(1234567) == "¥12,345.67"
    assert formatting.money(-5) == "-¥0.05"
    assert formatting.count(1234567) == "1,234,567"
    assert formatting.percent(0.235) == "23.5 %"
    assert formatting.relative_change(110, 100).text == "+10.0 %"
    assert formatting.relative_change(5, 0).text == ""
    assert formatting.point_change(0.25, 0.20).text == "+5.0 pp"
    assert formatting.absolute_change(4.0, 4.25).direction == -1
    # A rating and its change as the month report and the workbook give them.
    assert formatting.rating(4.375) == "4.38 / 5"
    assert formatting.absolute_change(4.375, 4.3125).text == "+0.07"  # 4.38 - 4.31
    assert formatting.absolute_change(4.3, 4.3).direction == 0


def test_names_are_listed_as_the_ui_language_writes_them() -> None:
    before = QLocale()
    try:
        QLocale.setDefault(QLocale("en_US"))
        assert formatting.listed(["感冒用药", "维生素"]) == "感冒用药, 维生素"
        QLocale.setDefault(QLocale("zh_CN"))
        assert formatting.listed(["感冒用药", "维生素"]) == "感冒用药、维生素"
    finally:
        QLocale.setDefault(before)


def test_a_period_not_over_yet_says_so(qtbot: QtBot) -> None:
    picker, _ = _picker(qtbot)
    picker.forward.click()
    assert picker.period() == month_of(TODAY)
    assert picker.shown.text() == "2026-11 (to date)"
    # Twenty days of November meet the first twenty of October, not all of it.
    assert picker.compared.text() == "compared with 2026-10-01 – 2026-10-20"
    picker.back.click()
    assert picker.shown.text() == "2026-10"
