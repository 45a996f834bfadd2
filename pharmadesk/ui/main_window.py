"""The counter window: search on the left, the customer on the right, all by keyboard.

Shortcuts: Ctrl+F or F3 search, Ctrl+N new customer, Ctrl+S save, Ctrl+P add a purchase,
Ctrl+I log an interaction, Ctrl+L lock. Leaving a customer with unsaved changes asks first.

Locking (Ctrl+L, idle time, the OS session locking) shows the lock screen at once and hides
every other window; once no background job is running (an import or export finishes
first) the windows, the counter page and its models are deleted and the database is closed.
Whoever signs in next gets a new Context and a window rebuilt for their role.

The actions, menus and toolbar (and which role may use which) are built by main_menus.py;
every window and dialog they open is opened by window_openers.py (`self.tools`).
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from pharmadesk.errors import DatabaseUnavailable, NotFound, PharmaDeskError, ValidationError
from pharmadesk.services import (
    customers,
    interactions,
    profile,
    stale,
    stats,
    vault,
)
from pharmadesk.services import settings as pharmacy_settings
from pharmadesk.services.context import Context
from pharmadesk.services.customers import SaveOutcome
from pharmadesk.ui import main_menus, wheel_guard, window_keys
from pharmadesk.ui.backup_actions import BackupActions
from pharmadesk.ui.counter_page import CounterPage
from pharmadesk.ui.customer_form import CustomerFormWidget
from pharmadesk.ui.customer_panel import CustomerPanel
from pharmadesk.ui.figures_warmup import FiguresWarmup
from pharmadesk.ui.idle_watch import IdleWatch
from pharmadesk.ui.lock_screen import LockScreen
from pharmadesk.ui.models import InteractionTableModel, PurchaseTableModel
from pharmadesk.ui.points_expiry import PointsExpiry
from pharmadesk.ui.search_panel import SearchPanel
from pharmadesk.ui.tasks import BackgroundRunner
from pharmadesk.ui.window_openers import ToolWindows

SETTINGS_GEOMETRY = "window/geometry"
SETTINGS_SPLITTER = "window/splitter"
LOCK_POLL_MS = 50

# The window's states: working, locked on screen while a job ends, locked and closed.
OPEN, LOCKING, LOCKED = "open", "locking", "locked"


@dataclass(frozen=True)
class _Draft:
    user: str
    customer_id: int | None  # None: a new customer
    values: dict[str, Any]
    lost_note: str  # said instead when it cannot be put back


class MainWindow(QMainWindow, main_menus.MenuActions):
    def __init__(
        self,
        ctx: Context,
        runner: BackgroundRunner,
        settings: QSettings,
        *,
        idle_clock: Callable[[], float] = time.monotonic,
        automatic_backups: bool = False,
    ) -> None:
        super().__init__()
        self.ctx = ctx
        self._runner = runner
        self._settings = settings
        self.state = OPEN
        self.customer_id: int | None = None
        self._record: customers.CustomerRecord | None = None
        self._counter: CounterPage | None = None
        self._pharmacy = ""
        self._splitter_state: QByteArray | None = None
        self._modal_depth = 0  # dialogs run by run_modal that have not returned yet
        self._notes: list[str] = []  # told to whoever unlocks
        # The form as an idle lock found it unsaved, in memory only, for the same person.
        self._draft: _Draft | None = None
        self._before_drop: list[Callable[[], None]] = []
        self._after_drop: list[Callable[[], None]] = []
        self.stack = QStackedWidget()
        self.lock_screen = LockScreen()
        self.lock_screen.submitted.connect(self._sign_in)
        self.stack.addWidget(self.lock_screen)
        self.setCentralWidget(self.stack)
        # Backups and the start-up check (automatic ones as app.run_window makes the window).
        self.backups = BackupActions(runner, automatic=automatic_backups, parent=self)
        self.figures = FiguresWarmup(self)  # the dashboard's periods, ready before asked for
        self.points_expiry = PointsExpiry(automatic=automatic_backups, parent=self)
        self.tools = ToolWindows(runner, settings, parent=self)
        self.tools.customer_chosen.connect(self._open_from_elsewhere)
        self.tools.customers_changed.connect(self._after_import)
        self.tools.customer_changed.connect(self._reload_keeping_form)
        self.tools.fields_changed.connect(self._rebuild_form)
        self.tools.settings_changed.connect(self._after_owner_dialog)
        main_menus.build(self)
        self._window_keys = window_keys.keep(self)
        self.status_counts = QLabel()
        self.statusBar().addPermanentWidget(self.status_counts)
        self._drop_timer = QTimer(self)
        self._drop_timer.setInterval(LOCK_POLL_MS)
        self._drop_timer.timeout.connect(self._try_finish_lock)
        self.idle_watch = IdleWatch(60 * pharmacy_settings.DEFAULT_AUTO_LOCK_MINUTES,
                                    clock=idle_clock, parent=self)  # fmt: skip
        self.idle_watch.timed_out.connect(self.auto_lock)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.idle_watch)
            wheel_guard.install(app, self)  # the wheel scrolls forms, never edits a field
        self._start_session()
        self._restore_layout()
        self.search.focus_box()

    # the counter page of this session -----------------------------------------------------

    @property
    def counter(self) -> CounterPage:
        if self._counter is None:
            raise RuntimeError("the window is locked: it shows no customer")
        return self._counter

    @property
    def search(self) -> SearchPanel:
        return self.counter.search

    @property
    def form(self) -> CustomerFormWidget:
        return self.counter.form

    @property
    def panel(self) -> CustomerPanel:
        return self.counter.panel

    @property
    def splitter(self) -> CounterPage:
        return self.counter

    @property
    def purchase_model(self) -> PurchaseTableModel:
        return self.counter.purchase_model

    @property
    def interaction_model(self) -> InteractionTableModel:
        return self.counter.interaction_model

    @property
    def locked(self) -> bool:
        return self.state != OPEN

    @property
    def record(self) -> customers.CustomerRecord | None:
        """The customer on screen as last loaded (None: a new one, or none)."""
        return self._record

    def note(self, text: str) -> None:
        """Told to whoever signs in next: what a lock interrupted."""
        self._notes.append(text)

    def before_drop(self, hook: Callable[[], None]) -> None:
        """Run `hook` when the lock that is under way drops the windows (a job has ended)."""
        self._before_drop.append(hook)

    def _start_session(self) -> None:
        """Build the counter page for `self.ctx` and follow its account's role."""
        self._pharmacy = vault.pharmacy_name(self.ctx)
        self.setWindowTitle(self._title())
        counter = CounterPage(self.ctx, self._runner)
        self._counter = counter
        self.stack.addWidget(counter)
        self.stack.setCurrentWidget(counter)
        if self._splitter_state is not None:
            counter.restoreState(self._splitter_state)
        counter.search.customer_chosen.connect(self.open_customer)
        counter.form.changed.connect(self._update_actions)
        counter.panel.add_purchase_requested.connect(self.tools.add_purchase)
        counter.panel.add_interaction_requested.connect(self.tools.add_interaction)
        counter.panel.follow_up_done_requested.connect(self.mark_follow_up_done)
        counter.panel.details_confirmed.connect(self.confirm_details)
        counter.panel.left_undo_requested.connect(self.undo_left)
        for bar in (self.menuBar(), self.toolbar, self.statusBar()):
            bar.show()
        self.refresh_status()
        self._update_actions()
        self._arm_idle()
        self._start_background()

    def _start_background(self) -> None:
        """The session's own background work: the start-up check and daily backup, and the
        dashboard's preparation, each on a thread and a connection of its own."""
        self.backups.session_started()
        self.points_expiry.session_started(self.ctx)
        self.figures.session_started(self.ctx)

    def _stop_background(self) -> None:
        """Their connections close at once: a lock (after which a restore may replace the
        file) or the exit backup does not wait for them."""
        self.figures.stop()
        self.points_expiry.stop()
        self.backups.stop_housekeeping()

    def _arm_idle(self) -> None:
        """(Re)start the idle clock with the owner's auto-lock time."""
        self.idle_watch.limit_seconds = 60 * pharmacy_settings.auto_lock_minutes(self.ctx)
        self.idle_watch.start()

    # the window ---------------------------------------------------------------------------

    def _title(self) -> str:
        return f"PharmaDesk — {self._pharmacy or self.ctx.path.stem}"

    # What tests and other code call on the window itself; window_openers does the work.
    def show_all_purchases(self) -> None:
        self.tools.show_all_purchases()

    def show_reminders(self) -> None:
        self.tools.show_reminders()

    def show_dashboard(self) -> None:
        self.tools.show_dashboard()

    def show_duplicates(self) -> None:
        self.tools.show_duplicates()

    def show_templates(self) -> None:
        self.tools.show_templates()

    def show_loyalty_rules(self) -> None:
        self.tools.show_loyalty_rules()

    def merge_customers(self, ids: list[int]) -> None:
        self.tools.merge_customers(ids)

    def erase_customer(self) -> None:
        self.tools.erase_customer()

    def _open_from_elsewhere(self, customer_id: int) -> None:
        if self.locked:
            return
        self.raise_()
        self.activateWindow()
        self.open_customer(customer_id)

    def _restore_layout(self) -> None:
        geometry = self._settings.value(SETTINGS_GEOMETRY)
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            # First run: as large as is comfortable, but never beyond a small counter screen
            # (1366x768 with a taskbar), where the status bar would fall off the bottom.
            room = self.screen().availableGeometry()
            width, height = min(1280, room.width() - 40), min(800, room.height() - 60)
            self.resize(width, height)
            self.move(room.x() + (room.width() - width) // 2, room.y() + 10)
        splitter = self._settings.value(SETTINGS_SPLITTER)
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)
        else:
            self.splitter.setSizes([420, 860])

    def _update_actions(self) -> None:
        main_menus.update(self)

    def refresh_status(self) -> None:
        # Counting two million purchase lines is not for the GUI thread.
        ctx = self.ctx
        self._runner.submit(lambda: stats.counts(ctx), lambda found: self._show_status(ctx, found))

    def _show_status(self, ctx: Context, found: stats.Counts) -> None:
        if self.locked or ctx is not self.ctx:  # counted for a session that has ended
            return
        self.status_counts.setText(
            self.tr("%1 · %2 · %3 · signed in as %4")
            .replace("%1", self._pharmacy or self.ctx.path.name)
            .replace("%2", self.tr("%Ln customer(s)", "", found.customers))
            .replace("%3", self.tr("%Ln open follow-up(s)", "", found.open_follow_ups))
            .replace("%4", self.ctx.account.name)
        )

    def run_modal(self, dialog: QDialog) -> int:
        """Show a modal dialog (or message box), then give the keyboard back to where it was:
        the next keystroke must land in the window, not nowhere."""
        before = QApplication.focusWidget()
        self._modal_depth += 1
        try:
            result = dialog.exec()
        finally:
            self._modal_depth -= 1
        if self.locked:  # hidden by a lock: nothing chosen in it counts
            return 0
        self.activateWindow()
        # The widget that had the focus may have been deleted while the dialog ran (a button
        # of a dialog closed meanwhile): touching it then would crash.
        if before is None or not shiboken6.isValid(before):
            return result
        if before.isVisible() and self.isAncestorOf(before):
            before.setFocus(Qt.FocusReason.OtherFocusReason)
        return result

    def run_dialog(self, dialog: QDialog) -> bool:
        return bool(self.run_modal(dialog))

    def warn(self, title: str, text: str) -> None:
        self.run_modal(QMessageBox(QMessageBox.Icon.Warning, title, text, parent=self))

    # customers ----------------------------------------------------------------------------

    def confirm_leave(self) -> bool:
        """True when the current customer may be left (saved, discarded or unchanged)."""
        if self.locked or not self.form.is_dirty():
            return True
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Unsaved changes"),
            self.tr("The customer has unsaved changes. Save them?"),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            parent=self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = self.run_modal(box)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def open_customer(self, customer_id: int) -> None:
        if customer_id != self.customer_id and not self.confirm_leave():
            return
        self._show(customer_id)
        self.form.editor("name").setFocus()

    def _show(self, customer_id: int) -> None:
        loaded = profile.load(self.ctx, customer_id)
        self.customer_id = customer_id
        self._record = loaded.customer
        self.form.load(loaded.customer)
        self.panel.show_profile(loaded)
        self._update_actions()

    def new_customer(self) -> None:
        if not self.confirm_leave():
            return
        self.customer_id = None
        self._record = None
        self.form.load(None)
        self.panel.show_profile(None)
        self.panel.tabs.setCurrentIndex(0)
        self.form.editor("name").setFocus()
        self._update_actions()

    def save(self) -> bool:
        """Save the form; True when saved (or nothing to save)."""
        if not self.form.is_valid():
            self.statusBar().showMessage(self.tr("Please correct the marked fields first"), 5000)
            self._reveal(self.form.show_problems())
            return False
        if not self.form.is_dirty():
            return True
        try:
            if self.customer_id is None:
                outcome = customers.create(self.ctx, self.form.raw_values())
                if outcome.customer is None and not self._save_despite(outcome):
                    return False
                if outcome.customer is None:
                    outcome = customers.create(
                        self.ctx, self.form.raw_values(), allow_duplicate=True
                    )
            else:
                changes = self.form.changed_values()
                outcome = customers.update(self.ctx, self.customer_id, changes)
                if outcome.customer is None and not self._save_despite(outcome):
                    return False
                if outcome.customer is None:
                    outcome = customers.update(
                        self.ctx, self.customer_id, changes, allow_duplicate=True
                    )
        except ValidationError as exc:
            self._show_refusal(exc)
            return False
        assert outcome.customer is not None
        self._show(outcome.customer.id)
        self.statusBar().showMessage(self.tr("Saved"), 3000)
        self.refresh_status()
        return True

    def _show_refusal(self, exc: ValidationError) -> None:
        for field in exc.problems:
            if field == "code":
                self.form.show_problem("code", "taken")
        self.warn(self.tr("Not saved"), exc.message)
        self._reveal(self.form.first_of(exc.problems))

    def _reveal(self, key: str | None) -> None:
        """The first field a save refused, in view and focused, so its message is seen."""
        if key is None or self.locked:
            return
        self.panel.tabs.setCurrentWidget(self.panel.details)
        self.form.reveal(key)

    def _save_despite(self, outcome: SaveOutcome) -> bool:
        """Ask about possible duplicates; opens the existing customer when the user says so."""
        lines = [
            f"{c.name}  {c.mobile or ''}  {c.birth_date or ''}  ({c.code or ''})"
            for c in outcome.candidates
        ]
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Possible duplicate"))
        box.setText(
            self.tr(
                "This customer may already be on file (same mobile, or same name and birth date):"
            )
            + "\n\n"
            + "\n".join(lines)
        )
        open_button = box.addButton(self.tr("Open existing"), QMessageBox.ButtonRole.AcceptRole)
        save_button = box.addButton(self.tr("Save anyway"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(open_button)
        self.run_modal(box)
        if box.clickedButton() is open_button:
            self.form.load(None)
            self._show(outcome.candidates[0].id)
            return False
        return box.clickedButton() is save_button

    # the customer's follow-ups and checks (purchases, interactions: window_openers) --------

    def mark_follow_up_done(self, interaction_id: int) -> None:
        interactions.set_done(self.ctx, interaction_id)
        self._reload_keeping_form()
        self.refresh_status()

    def confirm_details(self) -> None:
        """The customer at the counter confirmed their mobile and address."""
        if self.customer_id is None:
            return
        try:
            stale.confirm(self.ctx, self.customer_id)
        except PharmaDeskError as exc:
            self.warn(self.tr("Not saved"), exc.message)
            return
        self.panel.hide_check()
        self.statusBar().showMessage(self.tr("Details confirmed"), 3000)

    def undo_left(self) -> None:
        """The customer at the counter did not move away or die after all (or is back)."""
        if self.customer_id is None:
            return
        try:
            stale.undo_left(self.ctx, self.customer_id)
        except PharmaDeskError as exc:
            self.warn(self.tr("Not saved"), exc.message)
            return
        self._reload_keeping_form()
        self.refresh_status()  # their open follow-ups count again
        self.statusBar().showMessage(self.tr("Moved or deceased mark undone"), 3000)

    def _reload_keeping_form(self) -> None:
        """Refresh the summary and lists without discarding what is typed in the form."""
        if self.customer_id is None:
            return
        if self.form.is_dirty():
            self.panel.show_profile(profile.load(self.ctx, self.customer_id))
        else:
            self._show(self.customer_id)

    def _after_import(self) -> None:
        """Customers came or went: refresh what the window shows of them, and prepare again
        the month-end figures their lines took away."""
        self.figures.again()
        self.refresh_status()
        self.search.clear()
        if self.customer_id is not None:
            try:
                self._show(self.customer_id)
            except NotFound:  # removed by undoing its batch
                self.customer_id = None
                self._record = None
                self.form.load(None)
                self.panel.show_profile(None)
                self._update_actions()
        self.search.focus_box()

    def _rebuild_form(self) -> None:
        """Custom fields changed: make the form anew with them."""
        self.counter.rebuild_form().changed.connect(self._update_actions)
        if self.customer_id is not None:
            self._show(self.customer_id)
        else:
            self.form.load(None)

    def _after_owner_dialog(self) -> None:
        # The auto-lock time may have changed.
        if not self.locked:
            self._arm_idle()

    # locking ------------------------------------------------------------------------------

    def lock(self) -> None:
        """Ctrl+L: the user is here, so unsaved changes are asked about first."""
        if self.locked or not self.confirm_leave():
            return
        self._lock(self.tr("Locked."))

    def auto_lock(self) -> None:
        """Idle time is up: lock even with unsaved changes (the screen is public), and tell
        whoever unlocks that they were discarded."""
        if not self.isVisible():  # closed or never shown: there is no screen to protect
            self.idle_watch.start()
            return
        self._lock(self.tr("Locked after the idle time."), discard=True)

    def lock_for_os(self) -> None:
        """The operating system locked the session: as after the idle time."""
        self._lock(self.tr("Locked with the computer's session."), discard=True)

    def _lock(self, reason: str, *, discard: bool = False) -> None:
        """Show the lock screen and hide every window now; the rest follows in
        `_finish_lock` once no job is running."""
        if self.locked:
            return
        if discard and self.form.is_dirty():
            self._draft = _Draft(self.ctx.account.name, self.customer_id, self.form.current(),
                                 self._discarded_note())  # fmt: skip
        self.state = LOCKING
        self._stop_background()
        self.idle_watch.stop()
        self._splitter_state = self.counter.saveState()
        self.stack.setCurrentWidget(self.lock_screen)
        for bar in (self.menuBar(), self.toolbar, self.statusBar()):
            bar.hide()
        self.status_counts.clear()
        self.statusBar().clearMessage()
        self._update_actions()
        # Hiding a modal dialog also ends its exec(); the code that ran it sees `locked`.
        for window in QApplication.topLevelWidgets():
            if window is not self and window.isVisible():
                window.hide()
        self.activateWindow()  # the keyboard goes to the lock screen, not a hidden dialog
        self.lock_screen.present(
            pharmacy=self._pharmacy, file_name=self.ctx.path.name,
            user=self.ctx.account.name, note=reason,
        )  # fmt: skip
        self.lock_screen.set_waiting(True, explain=self._runner.busy())
        self._drop_timer.start()

    def _discarded_note(self) -> str:
        who = self.ctx.account.name
        if self._record is None:
            return self.tr("%1's new customer was not saved.").replace("%1", who)
        customer = f"{self._record.name} ({self._record.code or self._record.id})"
        return (
            self.tr("%1's unsaved changes to %2 were discarded.")
            .replace("%1", who)
            .replace("%2", customer)
        )

    def _try_finish_lock(self) -> None:
        """Once no job runs and every dialog has returned: drop everything, close the db."""
        busy = self._runner.busy() or self.backups.housekeeping_busy()
        if busy or self._modal_depth:
            if busy:
                self.lock_screen.set_waiting(True, explain=True)
            return
        self._drop_timer.stop()
        for hook in self._before_drop:
            hook()
        self._before_drop.clear()
        self._drop_windows()
        self.customer_id = None
        self._record = None
        counter, self._counter = self.counter, None
        counter.drop()
        # The GUI thread's connection, then the worker's (queued after any forgotten job).
        # The instance lock (ctx.closers) stays held: only quitting releases it.
        ctx = self.ctx
        ctx.close_connection()
        self._runner.submit(ctx.close_connection, lambda _: None)
        self.state = LOCKED
        self.lock_screen.set_waiting(False)
        gc.collect()
        for hook in self._after_drop:
            hook()
        self._after_drop.clear()

    def lock_then(self, reason: str, then: Callable[[], None]) -> None:
        """Lock, and once the session is closed (both connections, the instance lock still
        held) call `then`: a restore replaces the file under this window."""
        self._after_drop.append(then)
        self._lock(reason)

    def _drop_windows(self) -> None:
        """Delete every window of this one: dashboard, all purchases, dialogs run before."""
        self.tools.forget_windows()
        kinds = (Qt.WindowType.Window, Qt.WindowType.Dialog)
        for widget in self.findChildren(QWidget):
            if widget.isWindow() and widget.windowType() in kinds:
                for timer in widget.findChildren(QTimer):
                    timer.stop()
                widget.deleteLater()

    def _sign_in(self, user: str, password: str) -> None:
        """The lock screen's sign-in: a new Context for whoever it is, same pharmacy."""
        if self.state != LOCKED:
            return
        path = self.ctx.path
        try:
            try:
                ctx = vault.open_pharmacy(
                    path, user=user, password=password, clock=self.ctx.clock, via="window"
                )
            except OSError as exc:
                reason = exc.strerror or str(exc)
                raise DatabaseUnavailable(f"{path.name} cannot be read: {reason}") from None
        except PharmaDeskError as exc:
            self.lock_screen.refuse(exc, self.ctx.now())
            return
        self._unlocked(ctx)

    def _unlocked(self, ctx: Context) -> None:
        """Someone signed in at the lock screen: rebuild the window for their account."""
        old = self.ctx
        # The instance lock and the like move to the new session; the old one is closed.
        ctx.closers.extend(old.closers)
        old.closers.clear()
        self.ctx = ctx
        self.state = OPEN
        self._start_session()
        self.search.focus_box()
        self._restore_draft()
        notes, self._notes = self._notes, []
        if notes:
            box = QMessageBox(QMessageBox.Icon.Information, self.tr("While the window was locked"),
                              "\n\n".join(notes), parent=self)  # fmt: skip
            self.run_modal(box)

    def _restore_draft(self) -> None:
        """The unsaved form back, for the person who typed it (anyone else is told it was
        not saved: it may hold health data their role does not see)."""
        draft, self._draft = self._draft, None
        if draft is None:
            return
        if draft.user != self.ctx.account.name:
            self._notes.append(draft.lost_note)
            return
        try:
            if draft.customer_id is None:
                self.new_customer()
            else:
                self._show(draft.customer_id)
        except NotFound:  # gone meanwhile (erased, or undone with its import)
            self._notes.append(draft.lost_note)
            return
        self.form.fill(draft.values)
        self.form.editor("name").setFocus()
        back = self.tr(
            "The form was not saved before the lock; it is back as it was. Check it and save "
            "(Ctrl+S)."
        )
        self._notes.append(back)

    # closing ------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.confirm_leave():
            event.ignore()
            return
        self._stop_background()  # the exit backup gets the machine
        if not self.backups.before_exit():
            if not self.locked:  # staying open after all: what was stopped starts again
                self._start_background()
            event.ignore()
            return
        self._settings.setValue(SETTINGS_GEOMETRY, self.saveGeometry())
        splitter = self._splitter_state if self._counter is None else self.counter.saveState()
        if splitter is not None:
            self._settings.setValue(SETTINGS_SPLITTER, splitter)
        self.idle_watch.stop()
        self.backups.shutdown()
        event.accept()
