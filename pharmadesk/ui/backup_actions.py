"""The counter window's backups: back up now, restore, the exit and daily backups, and the
check of the pharmacy file after unlocking.

It is a child of the main window and reaches it through `parent()` (no Python reference
back to it, so no cycle between Qt objects is left to the cycle collector). The service
calls run on the window's worker; results come back on the GUI thread and are dropped when
the session that asked has ended meanwhile (locked, or someone else signed in).

Automatic work (`automatic=True`, as `app.run_window` makes the window): after the first
unlock the checks of `services.checks` run in the background; a problem is shown (the first
one named) with restore offered, and only when they pass is a due daily backup made. After
each unlock, and hourly while the window is open, a backup is made when none succeeded in
the last 24 hours. These two run on a thread and a connection of their own (on a large
pharmacy they read the whole file for a minute, and the counter's searches must not wait
behind them); locking the window stops them at once, and they run again later. Closing
the window after a session makes an exit backup behind a small progress dialog; a failure
says so and lets the user quit anyway or stay.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel, QMessageBox

from pharmadesk.services import backups, checks
from pharmadesk.services.backups import BackupInfo, RestoreOutcome
from pharmadesk.services.context import Context
from pharmadesk.services.interruptible import (
    Interruptible,
    JobStopped,
    Stopped,
    stop_on_progress,
)
from pharmadesk.services.permissions import Operation, allows
from pharmadesk.ui.backup_dialogs import (
    RestoreDialog,
    TaskDialog,
    backup_done_text,
    restored_text,
    run_restore,
    when,
)
from pharmadesk.ui.import_text import error_text, failure_text, problem_text
from pharmadesk.ui.start_dialogs import ERROR_STYLE
from pharmadesk.ui.tasks import BackgroundRunner, run_tracked

if TYPE_CHECKING:
    from pharmadesk.ui.main_window import MainWindow

DAILY_CHECK_MS = 60 * 60 * 1000  # is a daily backup due? asked hourly while the window is open
STATUS_MS = 8000


def first_problem(ctx: Context) -> str | None:
    """The first problem the checks find, as "<check>: <problem>", or None (worker)."""
    found = checks.first_problem(ctx)
    return None if found is None else f"{found.name}: {found.problem}"


def daily_backup(ctx: Context, stopped: Stopped = lambda: False) -> BackupInfo | None:
    """A backup when none succeeded in the last 24 hours (housekeeping thread)."""
    if not backups.backup_due(ctx, ctx.now()):
        return None
    return backups.make_backup(
        ctx, backups.backup_folder(ctx), reason="daily", progress=stop_on_progress(stopped)
    )


class BackupActions(QObject):
    def __init__(self, runner: BackgroundRunner, *, automatic: bool, parent: MainWindow) -> None:
        super().__init__(parent)
        self._runner = runner
        # The start-up check and the daily backup: not on the counter's worker.
        self._housekeeping = BackgroundRunner(self)
        self._housekeeping_job = Interruptible()
        self.automatic = automatic
        self._tickets: set[int] = set()
        self._check_pending = automatic  # once after start-up, and again after a restore
        self._daily_running = False
        self._paused = False  # an erasure runs: no housekeeping reads the file meanwhile
        # Bumped by every stop (lock, quit, erasure): a job queued before it, whose turn
        # comes after, does not run (the thread's stop flag is cleared for each new job).
        self._generation = 0
        self._daily_after_pause = False  # a daily backup an erasure stopped: run it after
        self._exiting = False
        self.exit_backup: BackupInfo | None = None
        self.warning = QLabel()  # in the status bar while the last automatic backup failed
        self.warning.setObjectName("backupWarning")
        self.warning.setStyleSheet(ERROR_STYLE)
        self.warning.hide()
        parent.statusBar().addWidget(self.warning)
        self._timer = QTimer(self)
        self._timer.setInterval(DAILY_CHECK_MS)
        self._timer.timeout.connect(self._daily_if_due)
        if automatic:
            self._timer.start()

    @property
    def window(self) -> MainWindow:
        from pharmadesk.ui.main_window import MainWindow

        parent = self.parent()
        assert isinstance(parent, MainWindow)
        return parent

    def _current(self, ctx: Context) -> bool:
        """Is `ctx` still the open session (not locked, nobody else signed in)?"""
        return not self.window.locked and self.window.ctx is ctx

    def _submit(self, job: Any, on_success: Any, on_failure: Any) -> None:
        run_tracked(self._runner, self._tickets, job, on_success, on_failure)

    def _submit_housekeeping(
        self, ctx: Context, job: Callable[[Stopped], Any], on_success: Any, on_failure: Any
    ) -> None:
        task, generation = self._housekeeping_job, self._generation

        def run() -> Any:
            if generation != self._generation:
                raise JobStopped()
            return task.run(ctx, job)

        run_tracked(self._housekeeping, self._tickets, run, on_success, on_failure)

    def submit_housekeeping(
        self, ctx: Context, job: Callable[[Stopped], Any], on_success: Any, on_failure: Any
    ) -> bool:
        """Other housekeeping of the session (the points expiry) on the same thread and
        connection, stopped by a lock like the rest; False (not run) while paused."""
        if self._paused:
            return False
        self._submit_housekeeping(ctx, job, on_success, on_failure)
        return True

    def housekeeping_busy(self) -> bool:
        return self._housekeeping.busy()

    def wait_idle(self, timeout: float = 30.0) -> None:
        """Block until the housekeeping job has finished and been delivered (tests)."""
        self._housekeeping.wait_idle(timeout)

    def stop_housekeeping(self) -> None:
        """The session ends (lock, quit): the check or daily backup running stops now."""
        self._generation += 1
        self._housekeeping_job.stop()

    def pause_housekeeping(self) -> None:
        """An erasure starts: stop the check or daily backup running and start none (the
        hourly timer included) until `resume_housekeeping`, so that no read of this thread
        keeps the old pages in the WAL."""
        self._paused = True
        self._daily_after_pause = self._daily_running
        self._generation += 1
        self._housekeeping_job.stop()

    def resume_housekeeping(self) -> None:
        """The erasure is over: what was stopped runs again, as after an unlock."""
        self._paused = False
        if not self._daily_running:
            self._daily_after_pause = False  # its stop was reported: it starts below
        if not self.window.locked:
            self.session_started()

    def shutdown(self) -> None:
        """The window closes for good: end the housekeeping thread too."""
        self._generation += 1
        self._housekeeping_job.stop()
        self._housekeeping.stop()

    # back up now --------------------------------------------------------------------------

    def back_up_now(self) -> None:
        window = self.window
        if window.locked or not allows(window.ctx.account, Operation.BACKUP):
            return
        ctx = window.ctx
        dialog = TaskDialog(
            self._runner,
            lambda progress: backups.make_backup(ctx, backups.backup_folder(ctx),
                                                 reason="manual", progress=progress),
            title=self.tr("Back up now"),
            text=self.tr("Backing up the pharmacy…"),
            done_text=backup_done_text,
            parent=window,
        )  # fmt: skip
        dialog.setObjectName("backupNowDialog")
        window.run_modal(dialog)
        if isinstance(dialog.result, BackupInfo):
            self._backed_up(dialog.result)
        if not window.locked:  # else the lock deletes it once the job is over
            dialog.deleteLater()

    def _backed_up(self, info: BackupInfo) -> None:
        self.warning.hide()
        if not self.window.locked:
            text = self.tr("Backed up at %1").replace("%1", when(info.made_at))
            self.window.statusBar().showMessage(text, STATUS_MS)

    # automatic backups and the start-up check ---------------------------------------------

    def session_started(self) -> None:
        """Someone unlocked: check the file once, then back up when a backup is due."""
        if not self.automatic or self._paused:
            return
        if self._check_pending:
            self._check_pending = False
            ctx = self.window.ctx
            self._submit_housekeeping(
                ctx,
                lambda _stopped: first_problem(ctx),
                lambda problem: self._checked(ctx, problem),
                lambda error: self._check_failed(ctx, error),
            )
            return
        self._daily_if_due()

    def _check_failed(self, ctx: Context, error: BaseException) -> None:
        if isinstance(error, JobStopped):
            self._check_pending = True  # stopped by a lock or a quit: run again at the next unlock
            return
        self._checked(ctx, self._problem_text(error))

    def _problem_text(self, error: BaseException) -> str:
        return self.tr("the check could not finish: %1").replace("%1", failure_text(error))

    def _checked(self, ctx: Context, problem: str | None) -> None:
        if not self._current(ctx):
            self._check_pending = True  # asked again at the next unlock
            return
        if problem is None:
            self.window.statusBar().showMessage(self.tr("Pharmacy file checked: no problem"),
                                                STATUS_MS)  # fmt: skip
            self._daily_if_due()
            return
        self._show_problem(problem)

    def _show_problem(self, problem: str) -> None:
        window = self.window
        owner = allows(window.ctx.account, Operation.RESTORE)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("A problem in the pharmacy file"),
                          self.tr("Checking the pharmacy file found a problem:") + "\n"
                          + problem_text(problem),
                          parent=window)  # fmt: skip
        box.setObjectName("checkProblem")
        restore = None
        if owner:
            box.setInformativeText(self.tr("Restoring the last good backup may be needed."))
            restore = box.addButton(self.tr("Restore from backup…"),
                                    QMessageBox.ButtonRole.AcceptRole)  # fmt: skip
        else:
            box.setInformativeText(self.tr("Please tell the owner."))
        box.addButton(QMessageBox.StandardButton.Close)
        window.run_modal(box)
        if restore is not None and box.clickedButton() is restore:
            self.restore()

    def _daily_if_due(self) -> None:
        window = self.window
        if not self.automatic or window.locked or self._daily_running or self._paused:
            return
        ctx = window.ctx
        self._daily_running = True
        self._submit_housekeeping(
            ctx, lambda stopped: daily_backup(ctx, stopped), self._daily_done, self._daily_failed
        )

    def _daily_done(self, info: BackupInfo | None) -> None:
        self._daily_running = False
        if info is not None:
            self._backed_up(info)

    def _daily_failed(self, error: BaseException) -> None:
        self._daily_running = False
        if isinstance(error, JobStopped):
            # Stopped by a lock (the next unlock makes it) or by an erasure, which may have
            # ended before this report came: then it starts again now.
            again, self._daily_after_pause = self._daily_after_pause, False
            if again and not self._paused and not self.window.locked:
                self._daily_if_due()
            return
        message = failure_text(error)
        self.warning.setText(self.tr("The daily backup failed: %1").replace("%1", message))
        self.warning.setToolTip(self.warning.text())
        self.warning.show()

    # the exit backup ----------------------------------------------------------------------

    def before_exit(self) -> bool:
        """The window is closing: make the exit backup first. False: stay open."""
        window = self.window
        if not self.automatic or window.locked or self.exit_backup is not None:
            return True
        if self._exiting:  # asked to close again while the backup runs
            return False
        ctx = window.ctx
        dialog = TaskDialog(
            self._runner,
            lambda progress: backups.make_backup(ctx, backups.backup_folder(ctx),
                                                 reason="exit", progress=progress),
            title=self.tr("Backing up before closing"),
            text=self.tr("Backing up the pharmacy before closing…"),
            close_on_success=True, quit_choice=True, parent=window,
        )  # fmt: skip
        dialog.setObjectName("exitBackupDialog")
        self._exiting = True
        window.idle_watch.stop()  # an auto-lock now would hide the dialog and cancel quitting
        try:
            quit_now = bool(dialog.exec())
        finally:
            self._exiting = False
        if not quit_now:
            window.idle_watch.start()
        if isinstance(dialog.result, BackupInfo):
            self.exit_backup = dialog.result
        dialog.deleteLater()
        return quit_now

    # restore ------------------------------------------------------------------------------

    def restore(self) -> None:
        """Choose a backup; once the dialog has checked it and the password (the session
        still open, so a mistake costs nothing), close the session, restore it under this
        window's instance lock, then the lock screen asks to sign in to the restored
        pharmacy."""
        window = self.window
        if window.locked or not allows(window.ctx.account, Operation.RESTORE):
            return
        if not window.confirm_leave():
            return
        ctx = window.ctx
        dialog = RestoreDialog(folders=[backups.backup_folder(ctx)], user=ctx.account.name,
                               runner=self._runner, db_path=ctx.path, parent=window)  # fmt: skip
        accepted = window.run_dialog(dialog)
        chosen, user, password = dialog.chosen, dialog.user.text().strip(), dialog.password.text()
        if not window.locked:  # else the lock deletes it once its check is over
            dialog.deleteLater()
        if not accepted or chosen is None:
            return
        window.lock_then(
            self.tr("Restoring a backup…"),
            lambda: QTimer.singleShot(0, lambda: self._restore_closed(chosen, user, password)),
        )

    def _restore_closed(self, chosen: BackupInfo, user: str, password: str) -> None:
        """The session is closed (both connections), the instance lock still held."""
        window = self.window
        screen = window.lock_screen
        screen.set_waiting(True)
        outcome = run_restore(self._runner, chosen=chosen, db_path=window.ctx.path,
                              user=user, password=password, parent=window,
                              tell_failure=False)  # fmt: skip
        window.activateWindow()  # the keyboard back on the lock screen
        if isinstance(outcome, RestoreOutcome):
            self._check_pending = self.automatic
            note = restored_text(outcome) + "\n" + self.tr("Sign in to the restored pharmacy.")
            screen.present(pharmacy=outcome.info.pharmacy_name, file_name=window.ctx.path.name,
                           user=user, note=note)  # fmt: skip
            screen.set_waiting(False)
            return
        screen.set_waiting(False)
        text = self.tr("The backup was not restored: %1").replace("%1", error_text(outcome))
        screen.show_message(text + "\n" + self.tr("Nothing was changed."), error=True)
