"""Moving to a new PC: the first-run dialog restores the pharmacy from its backup file.

The owner picks the one file `pharmadesk backup` (or the app) wrote; the restore dialog of
the unlock dialog (ui/backup_dialogs.py) shows what it holds, checks it and the owner's
password, and the restore runs on a worker behind a progress bar. It goes to the place a
new pharmacy would be created, and only where there is no pharmacy yet: a file already
there is never replaced (an existing pharmacy opens in the unlock dialog, not here).

The file is held (services/instance.py) from before the existence check until the owner
has signed in, so no second copy can open it in between; `start_context` releases it when
the owner quits instead.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from pharmadesk import paths
from pharmadesk.errors import DatabaseInUse, OperationFailed
from pharmadesk.services import instance, vault
from pharmadesk.ui.backup_dialogs import BACKUP_FILTER, Restored, restore_into

# The name lupdate looks for (a wrapper of its own would hide the strings from it).
translate = QCoreApplication.translate


def taken(target: Path) -> bool:
    """A pharmacy (or what is left of one: its key file) is already at `target`."""
    try:
        vault.refuse_existing(target)  # as `init` and the first run's Create refuse it
    except OperationFailed:
        return True
    return False


def choose_backup_file(parent: QWidget | None) -> Path | None:
    """The backup file the owner picks (a USB drive, usually); None when cancelled."""
    name, _ = QFileDialog.getOpenFileName(
        parent,
        translate("FirstRunRestore", "Choose the pharmacy's backup file"),
        str(Path.home()),
        BACKUP_FILTER,
    )
    return Path(name) if name else None


def restore_first_run(target: Path, *, parent: QWidget | None) -> Restored | None:
    """Restore a backup file the owner chooses as the new pharmacy at `target`. Returns
    what to tell the owner (the file is then held by this process and remembered as the
    pharmacy last opened), or None when nothing was created (cancelled or refused; the
    dialogs said why)."""
    title = translate("FirstRunRestore", "Restore from a backup")
    if taken(target):
        QMessageBox.warning(parent, title, taken_text(target))
        return None
    backup = choose_backup_file(parent)
    if backup is None:
        return None
    hold = _hold(target, title=title, parent=parent)
    if hold is None:
        return None
    done = None
    try:
        if taken(target):  # made meanwhile (another copy's first run)
            QMessageBox.warning(parent, title, taken_text(target))
            return None
        done = restore_into(
            target,
            folders=[backup.parent],
            user="owner",
            parent=parent,
            backup=backup,
            note=where_text(target),
        )
    finally:
        if done is None:
            hold.release()
    if done is not None:
        paths.remember_opened(target)  # the next start opens it, wherever it was put
    return done


def _hold(target: Path, *, title: str, parent: QWidget | None) -> instance.InstanceLock | None:
    """Hold `target` as a window would; None (and said) when another copy holds it."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        return instance.hold(target, program=instance.WINDOW)
    except DatabaseInUse:
        from pharmadesk.app import in_use_text  # the same words as a second window's

        QMessageBox.warning(parent, title, in_use_text(target))
    except OSError as exc:  # the folder cannot be made or written
        QMessageBox.warning(parent, title, cannot_write_text(target, exc))
    return None


def where_text(target: Path) -> str:
    """The restore dialog's note on a first run, in place of "the current data is replaced"."""
    return translate(
        "FirstRunRestore",
        "The pharmacy is restored as %1. Give the user name and password of an owner "
        "account as they were when the backup was made; sign in with them afterwards.",
    ).replace("%1", str(target))


def taken_text(target: Path) -> str:
    return translate(
        "FirstRunRestore",
        "There is already a pharmacy file at %1. A backup is never restored over it: "
        "choose another place for the pharmacy file, or quit and start PharmaDesk again "
        "to open that pharmacy.",
    ).replace("%1", str(target))


def cannot_write_text(target: Path, error: OSError) -> str:
    reason = error.strerror or type(error).__name__
    text = translate("FirstRunRestore", "The pharmacy cannot be restored in %1: %2")
    return text.replace("%1", str(target.parent)).replace("%2", reason)
