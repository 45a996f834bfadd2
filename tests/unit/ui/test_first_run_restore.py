"""Moving to a new PC: the first-run dialog restores the pharmacy from its backup file, and
the owner signs in to it with the password they had on the old PC."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from pharmadesk import app, paths
from pharmadesk.db import keyfile
from pharmadesk.errors import DatabaseInUse
from pharmadesk.services import backups, customers, instance, vault
from pharmadesk.services.context import Context
from pharmadesk.ui.backup_dialogs import RestoreDialog, TaskDialog
from pharmadesk.ui.start_dialogs import SetupDialog, UnlockDialog
from tests.conftest import PASSWORD
from tests.unit.ui.conftest import focused, press, type_text, when_modal

Handler = Callable[[QWidget], None]


@pytest.fixture
def usb_backup(tmp_path: Path, pharmacy: Context, people: dict[str, int]) -> Path:
    """The old PC's pharmacy backed up to a USB drive, then closed."""
    usb = tmp_path / "usb"
    usb.mkdir()
    made = backups.make_backup(pharmacy, usb)
    pharmacy.close()
    return made.path


@pytest.fixture
def new_pc(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, usb_backup: Path) -> Iterator[Path]:
    """Another PC's empty user folders: its default pharmacy file, which is not there yet."""
    home = tmp_path / "new-pc"
    for name in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(name, str(home / name.lower()))
    default = paths.default_pharmacy_path()
    assert default.is_relative_to(home)
    assert not default.exists()
    assert paths.last_opened() is None
    yield default
    hold = instance.held_here(default)
    if hold is not None:
        hold.release()


def choose_in_file_dialog(monkeypatch: pytest.MonkeyPatch, chosen: Path) -> list[str]:
    """The file dialog answers `chosen`; returns the titles it was opened with."""
    asked: list[str] = []

    def answer(_parent: QWidget | None, title: str, *_args: object) -> tuple[str, str]:
        asked.append(title)
        return str(chosen), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(answer))
    return asked


def restore_from_setup(
    qtbot: QtBot, then: Handler, unlock: Handler | None = None
) -> list[BaseException]:
    """In the first-run dialog, press "Restore from a backup…"; `then` handles the dialog
    that follows (the restore dialog), `unlock` the unlock dialog once it has restored."""
    errors: list[BaseException] = []

    def press_restore(setup: QWidget) -> None:
        assert isinstance(setup, SetupDialog)
        errors.extend(when_modal(qtbot, then))
        setup.restore_button.click()
        if setup.isVisible():  # nothing was restored: quit, as the owner would now
            setup.reject()
        elif unlock is not None:
            errors.extend(when_modal(qtbot, unlock))

    errors.extend(when_modal(qtbot, press_restore))
    return errors


def test_a_backup_from_the_old_pc_becomes_the_pharmacy_and_opens_with_the_old_password(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, usb_backup: Path, new_pc: Path
) -> None:
    asked = choose_in_file_dialog(monkeypatch, usb_backup)
    seen: dict[str, object] = {}

    def sign_in(unlock: QWidget) -> None:
        assert isinstance(unlock, UnlockDialog)
        seen["note"] = unlock.message.text()
        seen["user"] = unlock.user.text()
        unlock.activateWindow()
        qtbot.waitUntil(lambda: focused() is unlock.password)
        type_text(qtbot, PASSWORD)
        press(qtbot, Qt.Key.Key_Return)

    def give_the_old_password(restore: QWidget) -> None:
        assert isinstance(restore, RestoreDialog)
        assert restore.chosen is not None
        assert restore.chosen.path == usb_backup
        assert restore.found.count() == 1, "the file chosen is listed once"
        seen["warning"] = restore.warning.text()
        seen["preview"] = restore.preview.text()
        qtbot.waitUntil(lambda: focused() is restore.password)
        type_text(qtbot, PASSWORD)
        restore.restore_button.click()  # the check; then the restore behind a progress bar

    errors = restore_from_setup(qtbot, give_the_old_password, sign_in)
    opened = app.start_context(None, "owner")
    assert errors == []
    assert asked, "the file dialog was opened"
    assert opened is not None
    try:
        assert opened.path == new_pc
        assert {c.name for c in customers.list_customers(opened)} == {"张三", "李四"}
        assert opened.account.name == "owner"
    finally:
        opened.close()
    assert new_pc.exists()
    assert keyfile.key_file_path(new_pc).exists()
    assert paths.last_opened() == new_pc.resolve()
    assert str(new_pc) in str(seen["warning"])  # where it goes, before it is restored
    assert "2 customers" in str(seen["preview"])
    assert "was restored" in str(seen["note"])
    assert "Sign in to the restored pharmacy" in str(seen["note"])
    assert seen["user"] == "owner"
    assert not list(new_pc.parent.glob("*before-restore*")), "nothing was there to keep aside"
    # Held since the restore, so no second copy opened it before the owner signed in.
    assert instance.held_here(new_pc) is not None
    # The next start on this PC opens it, with the old password.
    vault.open_pharmacy(new_pc, user="owner", password=PASSWORD).close()


def flip_a_byte(backup: Path) -> None:
    data = bytearray(backup.read_bytes())
    data[len(data) // 2] ^= 0xFF
    backup.write_bytes(bytes(data))


def cut_short(backup: Path) -> None:
    backup.write_bytes(backup.read_bytes()[: backup.stat().st_size // 2])


@pytest.mark.parametrize(
    ("damage", "says"),
    [(flip_a_byte, "damaged (its checksum does not match)"), (cut_short, "incomplete")],
    ids=["a changed byte", "copied only half"],
)
def test_a_damaged_backup_is_said_and_nothing_is_created(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    usb_backup: Path,
    new_pc: Path,
    damage: Callable[[Path], None],
    says: str,
) -> None:
    damage(usb_backup)
    choose_in_file_dialog(monkeypatch, usb_backup)
    said: list[str] = []

    def try_to_restore(restore: QWidget) -> None:
        assert isinstance(restore, RestoreDialog)
        restore.password.setText(PASSWORD)
        if restore.restore_button.isEnabled():  # the damage shows only once checked
            restore.restore_button.click()
            qtbot.waitUntil(restore.error.isVisible, timeout=20_000)
            said.append(restore.error.text())
        else:
            said.append(restore.preview.text())
        assert not any(
            isinstance(w, TaskDialog) and w.isVisible() for w in QApplication.topLevelWidgets()
        )
        restore.reject()

    errors = restore_from_setup(qtbot, try_to_restore)
    opened = app.start_context(None, "owner")
    assert errors == []
    assert opened is None
    [text] = said
    assert says in text
    assert usb_backup.name in text
    assert not new_pc.exists()
    assert not keyfile.key_file_path(new_pc).exists()
    leftovers = [p.name for p in new_pc.parent.iterdir()] if new_pc.parent.exists() else []
    assert [name for name in leftovers if "restore" in name or name.endswith(".db")] == []
    assert instance.held_here(new_pc) is None
    assert paths.last_opened() is None


def test_a_pharmacy_file_already_at_the_place_is_never_restored_over(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    usb_backup: Path,
    new_pc: Path,
    tmp_path: Path,
) -> None:
    asked = choose_in_file_dialog(monkeypatch, usb_backup)
    there = tmp_path / "elsewhere" / "shop.db"
    vault.create_pharmacy(there, owner="owner", password="Other-pw-1").context.close()
    before = {p.name: p.read_bytes() for p in there.parent.iterdir()}
    said: list[str] = []

    def refused(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        said.append(box.text())
        box.accept()

    def restore_there(setup: QWidget) -> None:
        assert isinstance(setup, SetupDialog)
        setup.location.setText(str(there))
        said_errors.extend(when_modal(qtbot, refused))
        setup.restore_button.click()
        assert setup.isVisible(), "the first-run dialog stays for another choice"
        setup.reject()

    said_errors: list[BaseException] = []
    errors = when_modal(qtbot, restore_there)
    assert app.start_context(None, "owner") is None
    assert errors == []
    assert said_errors == []
    [text] = said
    assert "already a pharmacy file" in text
    assert str(there) in text
    assert asked == [], "no backup was asked for"
    assert {p.name: p.read_bytes() for p in there.parent.iterdir()} == before
    assert not new_pc.exists()


def give_the_password() -> Handler:
    """The restore dialog's handler: the old password, Restore."""

    def restore(dialog: QWidget) -> None:
        assert isinstance(dialog, RestoreDialog)
        dialog.password.setText(PASSWORD)
        dialog.restore_button.click()

    return restore


def test_the_window_holds_the_restored_pharmacy_from_the_restore_until_it_closes(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    usb_backup: Path,
    new_pc: Path,
    settings: QSettings,
) -> None:
    monkeypatch.setattr(app, "prepare", lambda _app, _lang: settings)
    choose_in_file_dialog(monkeypatch, usb_backup)
    at_unlock: list[str] = []
    in_window: list[object] = []

    def sign_in(unlock: QWidget) -> None:
        assert isinstance(unlock, UnlockDialog)
        with pytest.raises(DatabaseInUse) as refused:  # a second copy, before signing in
            instance.hold(new_pc, program="check")
        at_unlock.append(refused.value.message)
        unlock.password.setText(PASSWORD)
        unlock.unlock_button.click()

    def run_window(_app: object, ctx: Context, _settings: QSettings) -> int:
        holder = instance.read_holder(new_pc)
        in_window.append((ctx.path, holder.program if holder else None, holder and holder.account))
        ctx.close()  # the window closing: its closers give the file back
        return 0

    monkeypatch.setattr(app, "run_window", run_window)
    errors = restore_from_setup(qtbot, give_the_password(), sign_in)
    assert app.run_gui(db=None, lang=None, user="owner") == 0
    assert errors == []
    assert len(at_unlock) == 1
    assert "in use" in at_unlock[0]
    assert in_window == [(new_pc, instance.WINDOW, "owner")]
    instance.hold(new_pc, program="check").release()  # given back when the window closed


def test_quitting_the_unlock_dialog_after_the_restore_gives_the_file_back(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, usb_backup: Path, new_pc: Path
) -> None:
    choose_in_file_dialog(monkeypatch, usb_backup)

    def quit_(unlock: QWidget) -> None:
        assert isinstance(unlock, UnlockDialog)
        unlock.reject()

    errors = restore_from_setup(qtbot, give_the_password(), quit_)
    assert app.start_context(None, "owner") is None
    assert errors == []
    assert instance.held_here(new_pc) is None
    assert new_pc.exists()
    # The next start opens the restored pharmacy in the unlock dialog, not a first run.
    assert paths.last_opened() == new_pc.resolve()
    assert app.pharmacy_path(None) == new_pc.resolve()
