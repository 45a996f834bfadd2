"""The call dialog shared by the reminder tabs: who to call, why, and how it went."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QPlainTextEdit
from pytestqt.qtbot import QtBot

from pharmadesk.ui.call_dialog import CallDialog

REFILL = ("reached", "no_answer", "will_come", "stopped")
ALT = Qt.KeyboardModifier.AltModifier


def _dialog(qtbot: QtBot, **kwargs: object) -> CallDialog:
    values: dict[str, object] = {
        "customer_name": "李秀英", "mobile": "13812345678",
        "about": "二甲双胍片 about every 31 days; last bought 2026-10-02; 51 days ago",
        "outcomes": REFILL,
    }  # fmt: skip
    values.update(kwargs)
    dialog = CallDialog(**values)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    return dialog


def test_it_shows_who_to_dial_and_why(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    assert dialog.findChild(QLabel, "callName").text() == "李秀英"
    assert dialog.findChild(QLabel, "callMobile").text() == "138 1234 5678"
    assert "51 days ago" in dialog.findChild(QLabel, "callAbout").text()
    shown = [b.text() for b in dialog.group.buttons()]
    assert shown == ["&1  Reached", "&2  No answer", "&3  Will come in",
                     "&4  Stopped this medicine"]  # fmt: skip
    assert dialog.findChild(QPlainTextEdit, "callMessage") is None  # no message given


def test_ok_waits_for_an_outcome_chosen_by_keyboard(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    qtbot.waitUntil(dialog.isActiveWindow)
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert dialog.isVisible()  # Enter with no outcome does nothing
    qtbot.keyClick(dialog, Qt.Key.Key_4, ALT)
    qtbot.waitUntil(dialog.ok_button.isEnabled)  # an accelerator clicks a little later
    dialog.note_edit.setFocus()
    qtbot.keyClicks(dialog.note_edit, "  switched by doctor ")
    qtbot.keyClick(dialog.note_edit, Qt.Key.Key_Return)
    assert dialog.result() == CallDialog.DialogCode.Accepted
    assert (dialog.outcome, dialog.note, dialog.channel) == ("stopped", "switched by doctor",
                                                              "phone")  # fmt: skip


def test_escape_cancels_and_leaves_no_outcome(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog, Qt.Key.Key_1, ALT)
    qtbot.waitUntil(dialog.ok_button.isEnabled)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert dialog.result() == CallDialog.DialogCode.Rejected
    assert dialog.outcome is None


def test_a_message_is_read_only_and_copied_to_the_clipboard(qtbot: QtBot) -> None:
    text = "李秀英您好，您的二甲双胍片快用完了，欢迎来店。"
    dialog = _dialog(qtbot, outcomes=("sent", "reached"), message=text)
    shown = dialog.findChild(QPlainTextEdit, "callMessage")
    assert shown.toPlainText() == text
    assert shown.isReadOnly()
    QGuiApplication.clipboard().clear()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == text
    # A message sent goes by text, not by phone; the user may still choose WeChat.
    sent = dialog.group.buttons()[0]
    # On its label: a radio button takes clicks on its circle and text only.
    qtbot.mouseClick(sent, Qt.MouseButton.LeftButton, pos=QPoint(8, sent.height() // 2))
    assert dialog.channel_box.currentData() == "sms"
    dialog.channel_box.setCurrentIndex(dialog.channel_box.findData("wechat"))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert (dialog.outcome, dialog.channel, dialog.note) == ("sent", "wechat", "")


def test_a_customer_without_a_mobile_says_so(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot, mobile=None)
    assert dialog.findChild(QLabel, "callMobile").text() == "No mobile on file"
