"""Starting the window: Qt, language, fonts, then setup (first run) or unlock, then the
counter window. Qt is imported here and in ui/ only."""

from __future__ import annotations

import gc
import sys
from pathlib import Path

from peewee import DatabaseError
from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from pharmadesk import paths
from pharmadesk.db import keyfile
from pharmadesk.errors import (
    DatabaseInUse,
    DatabaseUnavailable,
    OperationFailed,
    PharmaDeskError,
)
from pharmadesk.services import instance, vault
from pharmadesk.services.context import Context
from pharmadesk.ui import crash, fonts, i18n, session_lock, start_timer
from pharmadesk.ui.main_window import MainWindow
from pharmadesk.ui.settings_dialog import LANGUAGE_KEY
from pharmadesk.ui.start_dialogs import SetupDialog, UnlockDialog
from pharmadesk.ui.tasks import BackgroundRunner

GC_INTERVAL_MS = 5_000


def application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setOrganizationName("PharmaDesk")
    app.setApplicationName("PharmaDesk")
    # Every window's title-bar and taskbar icon (a Windows build's .exe carries the .ico too).
    app.setWindowIcon(QIcon(str(paths.resources_dir() / "icons" / "pharmadesk.png")))
    return app


def prepare(app: QApplication, lang: str | None) -> QSettings:
    """Language and fonts; returns the PC's settings store (window layout, language)."""
    settings = QSettings()
    saved = settings.value(LANGUAGE_KEY)
    language = i18n.choose_language(lang, saved if isinstance(saved, str) else None)
    if lang in i18n.LANGUAGES:
        settings.setValue(LANGUAGE_KEY, lang)  # --lang is remembered, like the Settings choice
    app.setProperty("pharmadesk_translators", i18n.install(app, language))
    fonts.apply(app)
    return settings


def unlock_pharmacy(path: Path, user: str, password: str) -> Context:
    """The unlock dialog's call: `vault.open_pharmacy`, with a file that cannot be read at
    all reported as a typed error rather than escaping from the dialog."""
    try:
        return vault.open_pharmacy(path, user=user, password=password)
    except OSError as exc:
        raise DatabaseUnavailable(f"{path.name} cannot be read: {exc.strerror or exc}") from None


def create_pharmacy(target: Path, owner: str, password: str, name: str) -> tuple[Context, str]:
    """The setup dialog's call: a new pharmacy and its recovery code; a folder that cannot be
    written (or a full disk) is a typed error, not a crash."""
    try:
        created = vault.create_pharmacy(target, owner=owner, password=password, pharmacy_name=name)
    except (OSError, DatabaseError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise OperationFailed(f"cannot create {target}: {reason}") from None
    return created.context, created.recovery_code


def pharmacy_path(db: Path | None) -> Path:
    """The file the window opens: `db`, else the pharmacy last opened, else the default."""
    return db or paths.last_opened() or paths.default_pharmacy_path()


def _is_pharmacy(path: Path) -> bool:
    # A key file without its database is a pharmacy that lost its file, not a first run:
    # the unlock dialog says so instead of offering to set up a new one in its place.
    return path.exists() or keyfile.key_file_path(path).exists()


def _unlock(path: Path, user: str, note: str = "") -> Context | None:
    unlock = UnlockDialog(
        path=path,
        unlock=lambda name, password: unlock_pharmacy(path, name, password),
        user=user,
        note=note,
    )
    start_timer.watch(unlock)  # only when the cold start is being measured
    return unlock.context if unlock.exec() else None


def _set_up(path: Path) -> Context | None:
    setup = SetupDialog(default_path=path, create=create_pharmacy)
    start_timer.watch(setup)
    accepted = setup.exec()
    restored = setup.restored
    if not accepted or restored is None:
        return setup.context if accepted else None
    # Moving to a new PC: the pharmacy restored from its backup, held by this process
    # since before the restore, opens as any other does, with its owner's own password.
    target = setup.restore_target()
    opened = _unlock(target, restored.user, note=restored.text)
    if opened is None:
        hold = instance.held_here(target)
        if hold is not None:
            hold.release()
    return opened


def start_context(db: Path | None, user: str) -> Context | None:
    """Unlock the pharmacy at `db` (or set one up on first run, or restore one there from a
    backup); None when the user quits. A pharmacy restored here is held by this process
    (`instance.held_here`) when its context is returned."""
    path = pharmacy_path(db)
    opened = _unlock(path, user) if _is_pharmacy(path) else _set_up(path)
    if opened is not None:
        paths.remember_opened(opened.path)
    return opened


def run_window(app: QApplication, ctx: Context, settings: QSettings) -> int:
    window: MainWindow | None = None

    def close_worker_connection() -> None:
        # Runs in the worker thread when it stops (the GUI thread waits meanwhile): the
        # connection of the session signed in then, since the lock screen may have switched.
        (window.ctx if window is not None else ctx).close_connection()

    runner = BackgroundRunner(on_stop=close_worker_connection)
    window = MainWindow(ctx, runner, settings, automatic_backups=True)
    window.show()
    session_lock.watch(window, window.lock_for_os)  # best effort, never fails start-up
    # Python's cycle collector runs in whichever thread happens to allocate; collecting a
    # cycle that holds a Qt object on the worker thread deletes it there and crashes. So
    # cycles are collected on the GUI thread only, on a timer.
    gc.disable()
    collector = QTimer()
    collector.timeout.connect(gc.collect)
    collector.start(GC_INTERVAL_MS)
    try:
        return app.exec()
    finally:
        collector.stop()
        gc.enable()
        runner.stop()
        window.ctx.close()  # the session signed in last; its closers release the instance lock


def in_use_text(path: Path) -> str:
    """The refusal of a second window, in the UI language, naming who holds the file."""
    translate = QCoreApplication.translate
    holder = instance.read_holder(path)
    if holder is None:
        text = translate("PharmaDesk", "%1 is open in another PharmaDesk. Close it first.")
        return text.replace("%1", path.name)
    window = holder.program == instance.WINDOW
    program = translate("PharmaDesk", "window") if window else holder.program
    text = translate(
        "PharmaDesk",
        "%1 is in use by PharmaDesk (%2, account %3, process %4, since %5). Close it first.",
    )
    values = (path.name, program, holder.account or "-", str(holder.pid), holder.since_text())
    for number, value in enumerate(values, 1):
        text = text.replace(f"%{number}", value)
    return text


def run_gui(
    *,
    db: Path | None,
    lang: str | None,
    user: str,
    context: Context | None = None,
    lock: instance.InstanceLock | None = None,
) -> int:
    """The window on `db` (or on `context`, already open, with the `lock` that holds it).

    The file is held before the unlock dialog shows, so a second copy is refused before
    anyone types a password and before anything (a login, an upgrade) is written to it.
    An error nobody caught is logged and shown (ui/crash.py) instead of the window vanishing.
    """
    app = application()
    reporter = crash.install(app)
    try:
        return _run_gui(app, db=db, lang=lang, user=user, context=context, lock=lock)
    except PharmaDeskError:
        raise  # expected trouble: the command line says it in one line
    except Exception as exc:
        reporter.report_fatal(exc)
        return 1
    finally:
        reporter.uninstall()


def _run_gui(
    app: QApplication,
    *,
    db: Path | None,
    lang: str | None,
    user: str,
    context: Context | None,
    lock: instance.InstanceLock | None,
) -> int:
    settings = prepare(app, lang)
    path = context.path if context is not None else pharmacy_path(db)
    if lock is None and (context is not None or _is_pharmacy(path)):
        try:
            lock = instance.hold(path, program=instance.WINDOW)
        except DatabaseInUse as exc:
            if context is not None:
                context.close()
            QMessageBox.warning(None, "PharmaDesk", in_use_text(path))
            return exc.exit_code
    ctx = context or start_context(path, user)
    if lock is None and ctx is not None:
        lock = instance.held_here(ctx.path)  # a pharmacy restored in the first-run dialog
    if ctx is None:
        if lock is not None:
            lock.release()
        return 0
    if lock is not None and lock.db_path == ctx.path:
        lock.become(program=instance.WINDOW, account=ctx.account.name)
    else:  # a pharmacy set up just now, wherever the owner chose to put it
        if lock is not None:
            lock.release()
        try:
            lock = instance.hold(ctx.path, program=instance.WINDOW, account=ctx.account.name)
        except DatabaseInUse as exc:
            ctx.close()
            QMessageBox.warning(None, "PharmaDesk", in_use_text(ctx.path))
            return exc.exit_code
    ctx.closers.append(lock.release)
    return run_window(app, ctx, settings)
