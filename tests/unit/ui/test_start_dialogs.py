"""Start-up as a pharmacist meets it: unlocking the pharmacy, a damaged file, the first run."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QWidget
from pytestqt.qtbot import QtBot

from pharmadesk import app, paths
from pharmadesk.db import keyfile
from pharmadesk.db.connection import PLAIN_SQLITE_HEADER
from pharmadesk.errors import DatabaseUnavailable
from pharmadesk.services import vault
from pharmadesk.services.context import Context
from pharmadesk.services.login_guard import guard_file_path
from pharmadesk.ui import import_text
from pharmadesk.ui.accounts_dialog import RecoveryCodeDialog
from pharmadesk.ui.start_dialogs import SetupDialog, UnlockDialog, unlock_error_text
from tests.conftest import PASSWORD
from tests.unit.ui.conftest import focused, press, type_text, when_modal

PHARMACY = "康宁大药房"
NEW_PASSWORD = "Kangning-2026!"
RECOVERY_CODE = re.compile(r"\b[A-Z0-9]{5}(?:-[A-Z0-9]{5}){5}\b")
PAGE = 4096  # SQLCipher 4's page size


@pytest.fixture
def closed_pharmacy(db_path: Path) -> Path:
    """A pharmacy on disk, closed as at the end of yesterday's work."""
    created = vault.create_pharmacy(
        db_path, owner="owner", password=PASSWORD, pharmacy_name=PHARMACY
    )
    created.context.close()
    return db_path


def files_beside(db: Path) -> dict[str, bytes]:
    """Every file in the pharmacy's folder (database, key file, any journal) and its bytes,
    but the failed-login counter, which is there to change and holds no personal data."""
    counter = guard_file_path(db).name
    return {p.name: p.read_bytes() for p in sorted(db.parent.iterdir()) if p.name != counter}


def show(qtbot: QtBot, dialog: QDialog, first: QWidget) -> None:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is first)


def tab_to(qtbot: QtBot, field: QWidget) -> None:
    """Press Tab until `field` has the focus, as a user does (Tab selects a field's text)."""
    for _ in range(12):
        if focused() is field:
            return
        press(qtbot, Qt.Key.Key_Tab)
    assert focused() is field, f"Tab never reaches {field.objectName()}"


def acknowledge_recovery_code(qtbot: QtBot) -> tuple[list[str], list[BaseException]]:
    """Read the recovery code the next dialog shows and close it; returns what it said."""
    shown: list[str] = []

    def read_and_close(box: QWidget) -> None:
        assert isinstance(box, RecoveryCodeDialog)
        assert box.print_button.isEnabled()  # it can be printed (the issue)
        shown.append(box.code_label.text())
        box.accept()

    return shown, when_modal(qtbot, read_and_close)


# --- Unlocking ------------------------------------------------------------------------------


@pytest.fixture
def unlock_dialog(qtbot: QtBot, closed_pharmacy: Path) -> Iterator[UnlockDialog]:
    dialog = UnlockDialog(
        path=closed_pharmacy,
        unlock=lambda name, password: app.unlock_pharmacy(closed_pharmacy, name, password),
    )
    show(qtbot, dialog, dialog.password)
    yield dialog
    if dialog.context is not None:
        dialog.context.close()


def assert_ready_to_try_again(dialog: UnlockDialog) -> None:
    assert dialog.isVisible()
    assert dialog.context is None
    assert dialog.message.isVisible()
    assert "Wrong user name or password" in dialog.message.text()
    assert focused() is dialog.password
    # The next keystrokes replace what was typed.
    assert dialog.password.text() in ("", dialog.password.selectedText())


def test_a_wrong_password_is_refused_and_the_right_one_opens_the_pharmacy(
    qtbot: QtBot, unlock_dialog: UnlockDialog, closed_pharmacy: Path
) -> None:
    before = files_beside(closed_pharmacy)
    assert set(before) == {closed_pharmacy.name, keyfile.key_file_path(closed_pharmacy).name}
    type_text(qtbot, "s3cret-pv")
    press(qtbot, Qt.Key.Key_Return)
    assert_ready_to_try_again(unlock_dialog)
    assert files_beside(closed_pharmacy) == before

    type_text(qtbot, PASSWORD)
    press(qtbot, Qt.Key.Key_Return)
    assert unlock_dialog.result() == QDialog.DialogCode.Accepted
    assert not unlock_dialog.isVisible()
    ctx = unlock_dialog.context
    assert ctx is not None
    assert (ctx.account.name, ctx.account.role) == ("owner", "owner")
    assert vault.pharmacy_name(ctx) == PHARMACY


def test_an_unknown_user_name_is_refused_like_a_wrong_password(
    qtbot: QtBot, unlock_dialog: UnlockDialog, closed_pharmacy: Path
) -> None:
    before = files_beside(closed_pharmacy)
    press(qtbot, Qt.Key.Key_Backtab)
    assert focused() is unlock_dialog.user
    type_text(qtbot, "nobody")  # replaces "owner": Tab selected it
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, PASSWORD)
    press(qtbot, Qt.Key.Key_Return)
    assert_ready_to_try_again(unlock_dialog)
    assert files_beside(closed_pharmacy) == before


def test_after_five_wrong_passwords_the_dialog_says_how_long_to_wait(
    qtbot: QtBot, unlock_dialog: UnlockDialog
) -> None:
    for _ in range(4):
        type_text(qtbot, "wrong")
        press(qtbot, Qt.Key.Key_Return)
        assert "Wrong user name or password" in unlock_dialog.message.text()
    type_text(qtbot, "wrong")
    press(qtbot, Qt.Key.Key_Return)
    message = unlock_dialog.message.text()
    assert re.search(r"Too many wrong passwords\. Try again in (29|30) s\.", message), message
    assert "The owner can lift the wait." in message
    type_text(qtbot, PASSWORD)  # right, but refused until the wait is over
    press(qtbot, Qt.Key.Key_Return)
    assert unlock_dialog.context is None
    assert "Too many wrong passwords" in unlock_dialog.message.text()
    assert focused() is unlock_dialog.password


def test_a_long_wait_is_told_in_minutes() -> None:
    from datetime import UTC, datetime, timedelta

    from pharmadesk.errors import AccountWaiting
    from pharmadesk.ui.start_dialogs import unlock_error_text

    now = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)
    waiting = AccountWaiting("too many", until=now + timedelta(seconds=241))
    assert "Try again in 5 min." in unlock_error_text(waiting, now)


# --- A damaged pharmacy file ----------------------------------------------------------------


def overwrite_with_garbage(db: Path) -> None:
    db.write_bytes(bytes(range(256)) * (db.stat().st_size // 256))


def damage_a_page_inside(db: Path) -> None:
    # The first page still decrypts, so the key check passes and a later read fails.
    data = bytearray(db.read_bytes())
    data[PAGE : 2 * PAGE] = b"\xff" * PAGE
    db.write_bytes(bytes(data))


def empty(db: Path) -> None:
    db.write_bytes(b"")


DAMAGE = [
    pytest.param(overwrite_with_garbage, "damaged", id="garbage"),
    pytest.param(damage_a_page_inside, "damaged", id="damaged-page"),
    pytest.param(empty, "damaged", id="empty"),
    pytest.param(Path.unlink, "no pharmacy database", id="database-lost-key-file-kept"),
]


@pytest.mark.parametrize(("damage", "says"), DAMAGE)
def test_a_damaged_file_is_reported_in_plain_words(
    closed_pharmacy: Path, damage: Callable[[Path], None], says: str
) -> None:
    damage(closed_pharmacy)
    with pytest.raises(DatabaseUnavailable) as refused:
        app.unlock_pharmacy(closed_pharmacy, "owner", PASSWORD)
    assert says in refused.value.message
    assert "Traceback" not in refused.value.message


@pytest.mark.parametrize(("damage", "says"), DAMAGE)
def test_at_start_up_a_damaged_file_is_explained_and_restoring_is_suggested(
    qtbot: QtBot, closed_pharmacy: Path, damage: Callable[[Path], None], says: str
) -> None:
    damage(closed_pharmacy)
    after_damage = files_beside(closed_pharmacy)
    seen: list[str] = []

    def try_then_quit(dialog: QWidget) -> None:
        assert isinstance(dialog, UnlockDialog), "the unlock dialog, not a new pharmacy's setup"
        dialog.activateWindow()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.password)
        type_text(qtbot, PASSWORD)
        press(qtbot, Qt.Key.Key_Return)
        assert dialog.isVisible()
        assert dialog.message.isVisible()
        seen.append(dialog.message.text())
        press(qtbot, Qt.Key.Key_Escape)

    errors = when_modal(qtbot, try_then_quit)
    opened = app.start_context(closed_pharmacy, "owner")
    assert errors == []
    assert opened is None
    [message] = seen
    assert "cannot be opened" in message
    assert says in message
    assert "Restore it from your last backup" in message
    assert "Traceback" not in message
    assert files_beside(closed_pharmacy) == after_damage
    assert paths.last_opened() is None


def test_at_start_up_the_right_password_opens_the_pharmacy_and_it_is_remembered(
    qtbot: QtBot, closed_pharmacy: Path
) -> None:
    def unlock(dialog: QWidget) -> None:
        assert isinstance(dialog, UnlockDialog)
        dialog.activateWindow()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.password)
        type_text(qtbot, PASSWORD)
        press(qtbot, Qt.Key.Key_Return)

    errors = when_modal(qtbot, unlock)
    opened = app.start_context(closed_pharmacy, "owner")
    assert errors == []
    assert opened is not None
    try:
        assert vault.pharmacy_name(opened) == PHARMACY
    finally:
        opened.close()
    assert paths.last_opened() == closed_pharmacy.resolve()


# --- First run ------------------------------------------------------------------------------


@pytest.fixture
def setup_dialog(qtbot: QtBot) -> Iterator[SetupDialog]:
    dialog = SetupDialog(default_path=paths.default_pharmacy_path(), create=app.create_pharmacy)
    show(qtbot, dialog, dialog.name)
    yield dialog
    if dialog.context is not None:
        dialog.context.close()


def enter_passwords(qtbot: QtBot, dialog: SetupDialog, password: str, repeat: str) -> None:
    tab_to(qtbot, dialog.password)
    type_text(qtbot, password)
    tab_to(qtbot, dialog.repeat)
    type_text(qtbot, repeat)


def assert_openable(db: Path, *, password: str, recovery_code: str) -> None:
    assert db.exists()
    assert not db.read_bytes().startswith(PLAIN_SQLITE_HEADER[:15])
    ctx = vault.open_pharmacy(db, user="owner", password=password)
    try:
        assert (ctx.account.name, ctx.account.role) == ("owner", "owner")
        assert vault.pharmacy_name(ctx) == PHARMACY
    finally:
        ctx.close()
    # The code shown is the one that opens the pharmacy when the password is lost.
    keys = keyfile.KeyFile.load(keyfile.key_file_path(db))
    assert len(keys.unwrap(keyfile.RECOVERY_ENTRY, recovery_code)) == keyfile.KEY_BYTES


def test_first_run_offers_the_data_folder_and_creates_an_encrypted_pharmacy(
    qtbot: QtBot, isolated_user_folders: Path
) -> None:
    default = paths.default_pharmacy_path()
    assert default.is_relative_to(isolated_user_folders)
    shown: list[str] = []

    def set_up(dialog: QWidget) -> None:
        assert isinstance(dialog, SetupDialog)
        assert Path(dialog.location.text()) == default
        dialog.activateWindow()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.name)
        type_text(qtbot, PHARMACY)
        enter_passwords(qtbot, dialog, NEW_PASSWORD, NEW_PASSWORD)
        texts, box_errors = acknowledge_recovery_code(qtbot)
        press(qtbot, Qt.Key.Key_Return)
        assert box_errors == []
        shown.extend(texts)

    errors = when_modal(qtbot, set_up)
    opened = app.start_context(None, "owner")
    assert errors == []
    assert opened is not None
    opened.close()
    assert opened.path == default
    assert paths.last_opened() == default.resolve()
    [text] = shown
    found = RECOVERY_CODE.search(text)
    assert found is not None, text
    assert_openable(default, password=NEW_PASSWORD, recovery_code=found.group())


def test_a_weak_password_is_called_weak_and_cannot_be_used(
    qtbot: QtBot, setup_dialog: SetupDialog
) -> None:
    type_text(qtbot, PHARMACY)
    tab_to(qtbot, setup_dialog.password)
    type_text(qtbot, "abc")
    assert setup_dialog.hint.isVisible()
    assert "Too weak" in setup_dialog.hint.text()
    type_text(qtbot, "defgh")  # long enough, but only lower-case letters
    assert "Too weak" in setup_dialog.hint.text()
    tab_to(qtbot, setup_dialog.repeat)
    type_text(qtbot, "abcdefgh")
    assert "Too weak" in setup_dialog.hint.text()
    assert not setup_dialog.create_button.isEnabled()
    press(qtbot, Qt.Key.Key_Return)
    assert setup_dialog.isVisible()
    assert not paths.default_pharmacy_path().exists()

    tab_to(qtbot, setup_dialog.password)
    type_text(qtbot, "abcdefg1")  # replaces it: Tab selected the text
    tab_to(qtbot, setup_dialog.repeat)
    type_text(qtbot, "abcdefg1")
    assert "Acceptable" in setup_dialog.hint.text()
    assert setup_dialog.create_button.isEnabled()


def test_passwords_that_differ_say_so_and_keep_create_disabled(
    qtbot: QtBot, setup_dialog: SetupDialog
) -> None:
    type_text(qtbot, PHARMACY)
    enter_passwords(qtbot, setup_dialog, NEW_PASSWORD, NEW_PASSWORD[:-1] + "?")
    assert "The two passwords differ" in setup_dialog.hint.text()
    assert not setup_dialog.create_button.isEnabled()
    press(qtbot, Qt.Key.Key_Return)
    assert setup_dialog.isVisible()
    assert not paths.default_pharmacy_path().exists()

    press(qtbot, Qt.Key.Key_Backspace)
    type_text(qtbot, NEW_PASSWORD[-1])
    assert setup_dialog.hint.text() == "Strong"
    assert setup_dialog.create_button.isEnabled()
    shown, errors = acknowledge_recovery_code(qtbot)
    press(qtbot, Qt.Key.Key_Return)
    assert errors == []
    assert setup_dialog.result() == QDialog.DialogCode.Accepted
    [text] = shown
    assert setup_dialog.recovery_code
    assert setup_dialog.recovery_code in text
    assert setup_dialog.context is not None
    setup_dialog.context.close()
    setup_dialog.context = None
    assert_openable(
        paths.default_pharmacy_path(),
        password=NEW_PASSWORD,
        recovery_code=setup_dialog.recovery_code,
    )


def test_create_waits_for_an_owner_account_name(qtbot: QtBot, setup_dialog: SetupDialog) -> None:
    type_text(qtbot, PHARMACY)
    enter_passwords(qtbot, setup_dialog, NEW_PASSWORD, NEW_PASSWORD)
    assert setup_dialog.create_button.isEnabled()
    tab_to(qtbot, setup_dialog.owner)
    press(qtbot, Qt.Key.Key_Delete)  # Tab selected "owner"
    assert setup_dialog.owner.text() == ""
    assert not setup_dialog.create_button.isEnabled()
    type_text(qtbot, "owner")
    assert setup_dialog.create_button.isEnabled()


def test_a_location_that_cannot_be_written_is_reported_in_plain_words(
    qtbot: QtBot, setup_dialog: SetupDialog, tmp_path: Path
) -> None:
    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("not a folder")
    target = not_a_folder / "pharmacy.db"
    type_text(qtbot, PHARMACY)
    tab_to(qtbot, setup_dialog.location)
    type_text(qtbot, str(target))
    enter_passwords(qtbot, setup_dialog, NEW_PASSWORD, NEW_PASSWORD)
    press(qtbot, Qt.Key.Key_Return)
    assert setup_dialog.isVisible()
    assert setup_dialog.context is None
    assert f"cannot create {target}" in setup_dialog.hint.text()
    assert "Traceback" not in setup_dialog.hint.text()
    assert not_a_folder.read_text() == "not a folder"


def test_a_location_in_the_home_folder_may_be_written_with_a_tilde(
    qtbot: QtBot, setup_dialog: SetupDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "pharmacist"
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(tmp_path)
    type_text(qtbot, PHARMACY)
    tab_to(qtbot, setup_dialog.location)
    type_text(qtbot, "~/pharmacy/kangning.db")
    enter_passwords(qtbot, setup_dialog, NEW_PASSWORD, NEW_PASSWORD)
    shown, errors = acknowledge_recovery_code(qtbot)
    press(qtbot, Qt.Key.Key_Return)
    assert errors == []
    assert shown
    ctx: Context | None = setup_dialog.context
    assert ctx is not None
    assert ctx.path == home / "pharmacy" / "kangning.db"
    assert ctx.path.exists()
    assert not (tmp_path / "~").exists()


# --- Long messages are shown whole --------------------------------------------------------


def _shown_whole(dialog: QWidget, label: QLabel) -> None:
    _settle()
    needed = label.heightForWidth(label.width())
    assert needed > label.fontMetrics().height() * 2  # several lines
    assert label.height() >= needed, f"{label.height()} < {needed}: lines cut off"
    assert dialog.height() >= dialog.minimumSizeHint().height()


def _settle() -> None:
    for _ in range(5):  # posted layout requests and resizes
        QApplication.processEvents()


LONG_DAMAGE = (
    "the file /media/pharmacy/康宁大药房/data/pharmacy.db is damaged (file is not a "
    "database); PharmaDesk cannot read the pharmacy's customers from it any more"
)


def test_a_damage_error_of_several_lines_is_shown_whole(
    qtbot: QtBot, closed_pharmacy: Path
) -> None:
    def unlock(name: str, password: str) -> Context:
        raise DatabaseUnavailable(LONG_DAMAGE)

    dialog = UnlockDialog(path=closed_pharmacy, unlock=unlock)
    show(qtbot, dialog, dialog.password)
    type_text(qtbot, PASSWORD)
    press(qtbot, Qt.Key.Key_Return)
    assert LONG_DAMAGE in dialog.message.text()
    assert dialog.restore_button.isVisible()
    _shown_whole(dialog, dialog.message)


def test_the_note_after_a_restore_at_start_up_is_shown_whole(
    qtbot: QtBot, closed_pharmacy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pharmadesk.ui import backup_dialogs

    told = (
        "Restored the backup of 2026-12-02 01:21.\nThe data it replaced is kept in "
        f"{closed_pharmacy}.before-restore-20261202-012239."
    )
    monkeypatch.setattr(backup_dialogs, "restore_at_start", lambda *a, **k: told)

    def unlock(name: str, password: str) -> Context:
        raise DatabaseUnavailable("the file is damaged")

    dialog = UnlockDialog(path=closed_pharmacy, unlock=unlock)
    show(qtbot, dialog, dialog.password)
    type_text(qtbot, PASSWORD)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text().startswith(told)
    assert "Sign in to the restored pharmacy." in dialog.message.text()
    _shown_whole(dialog, dialog.message)


def test_a_damaged_file_is_explained_in_the_ui_language_and_restore_advised_once(
    pharmacy: Context, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pharmacy.close()
    db_path.write_bytes(b"x" * 4096 + db_path.read_bytes()[4096:])
    with pytest.raises(DatabaseUnavailable) as refused:
        vault.open_pharmacy(db_path, user="owner", password=PASSWORD)
    monkeypatch.setattr(import_text, "report_language", lambda: "zh_CN")
    text = unlock_error_text(refused.value, datetime.now(UTC))
    assert "test.db 已损坏" in text
    assert "restore the last backup" not in text  # said once, on its own line
    assert text.endswith("Restore it from your last backup.")
