"""The counter window: search on the left, the customer on the right, all by keyboard.

Shortcuts: Ctrl+F or F3 search, Ctrl+N new customer, Ctrl+S save, Ctrl+P add a purchase,
Ctrl+I log an interaction, Ctrl+L lock. Leaving a customer with unsaved changes asks first.

Locking (Ctrl+L, idle time, the OS session locking) shows the lock screen at once and hides
every other window; once no background job is running (an import or export finishes
first) the windows, the counter page and its models are deleted and the database is closed.
Whoever signs in next gets a new Context and a window rebuilt for their role.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from pharmadesk.errors import DatabaseUnavailable, NotFound, PharmaDeskError, ValidationError
from pharmadesk.services import (
    customers,
    interactions,
    loyalty,
    products,
    profile,
    purchases,
    register,
    stale,
    stats,
    vault,
)
from pharmadesk.services import settings as pharmacy_settings
from pharmadesk.services.context import Context
from pharmadesk.services.customers import SaveOutcome
from pharmadesk.services.permissions import Operation, allows
from pharmadesk.ui.all_purchases import AllPurchasesWindow
from pharmadesk.ui.backup_actions import BackupActions
from pharmadesk.ui.counter_page import CounterPage
from pharmadesk.ui.customer_form import CustomerFormWidget
from pharmadesk.ui.customer_panel import CustomerPanel
from pharmadesk.ui.figures_warmup import FiguresWarmup
from pharmadesk.ui.idle_watch import IdleWatch
from pharmadesk.ui.interaction_dialog import InteractionDialog
from pharmadesk.ui.lock_screen import LockScreen
from pharmadesk.ui.models import AllPurchasesModel, InteractionTableModel, PurchaseTableModel
from pharmadesk.ui.points_expiry import PointsExpiry
from pharmadesk.ui.purchase_dialog import PurchaseDialog
from pharmadesk.ui.search_panel import SearchPanel
from pharmadesk.ui.tasks import BackgroundRunner

if TYPE_CHECKING:
    from pharmadesk.ui.reminders_window import RemindersWindow

SETTINGS_GEOMETRY = "window/geometry"
SETTINGS_SPLITTER = "window/splitter"
LOCK_POLL_MS = 50

# The window's states: working, locked on screen while a job ends, locked and closed.
OPEN, LOCKING, LOCKED = "open", "locking", "locked"


class MainWindow(QMainWindow):
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
        self._all_purchases: AllPurchasesWindow | None = None
        self._reminders: RemindersWindow | None = None
        # Windows of the clean-files issue (#10), made on first use, dropped on locking.
        self._windows: dict[str, QWidget] = {}
        self._record: customers.CustomerRecord | None = None
        self._counter: CounterPage | None = None
        self._pharmacy = ""
        self._splitter_state: QByteArray | None = None
        self._modal_depth = 0  # dialogs run by run_modal that have not returned yet
        self._notes: list[str] = []  # told to whoever unlocks
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
        self._build_actions()
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
        counter.panel.add_purchase_requested.connect(self.add_purchase)
        counter.panel.add_interaction_requested.connect(self.add_interaction)
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

    # building -----------------------------------------------------------------------------

    def _title(self) -> str:
        return f"PharmaDesk — {self._pharmacy or self.ctx.path.stem}"

    def _action(
        self, text: str, shortcuts: list[str], slot: Callable[[], object], name: str
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.act_search = self._action(self.tr("Search"), ["Ctrl+F", "F3"],
                                       lambda: self.search.focus_box(), "actionSearch")  # fmt: skip
        self.act_new = self._action(self.tr("New customer"), ["Ctrl+N"], self.new_customer,
                                    "actionNew")  # fmt: skip
        self.act_save = self._action(self.tr("Save"), ["Ctrl+S"], self.save, "actionSave")
        self.act_purchase = self._action(self.tr("Add purchase…"), ["Ctrl+P"], self.add_purchase,
                                         "actionPurchase")  # fmt: skip
        self.act_interaction = self._action(self.tr("Log interaction…"), ["Ctrl+I"],
                                            self.add_interaction, "actionInteraction")  # fmt: skip
        self.act_follow_ups = self._action(self.tr("Follow-ups"), ["Ctrl+U"],
                                           self.show_follow_ups, "actionFollowUps")  # fmt: skip
        self.act_all_purchases = self._action(
            self.tr("All purchases"), ["Ctrl+Shift+P"], self.show_all_purchases,
            "actionAllPurchases",
        )  # fmt: skip
        self.act_reminders = self._action(self.tr("Reminders"), ["Ctrl+R"], self.show_reminders,
                                          "actionReminders")  # fmt: skip
        self.act_fields = self._action(self.tr("Custom fields…"), [], self.edit_custom_fields,
                                       "actionCustomFields")  # fmt: skip
        self.act_settings = self._action(self.tr("Settings…"), [], self.show_settings,
                                         "actionSettings")  # fmt: skip
        self.act_loyalty = self._action(self.tr("Loyalty rules…"), [], self.show_loyalty_rules,
                                        "actionLoyaltyRules")  # fmt: skip
        self.act_accounts = self._action(self.tr("Accounts…"), [], self.show_accounts,
                                         "actionAccounts")  # fmt: skip
        self.act_password = self._action(self.tr("Change my password…"), [],
                                         self.change_password, "actionChangePassword")  # fmt: skip
        self.act_audit = self._action(self.tr("Audit log…"), [], self.show_audit_log,
                                      "actionAuditLog")  # fmt: skip
        self.act_lock = self._action(self.tr("Lock"), ["Ctrl+L"], self.lock, "actionLock")
        # Ctrl+L locks from the dashboard and the other windows too, not only from this one.
        self.act_lock.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.act_quit = self._action(self.tr("Quit"), ["Ctrl+Q"], self.close, "actionQuit")
        self.act_import = self._action(self.tr("Import…"), [], self.show_import, "actionImport")
        self.act_history = self._action(self.tr("Import history…"), [], self.show_import_history,
                                        "actionImportHistory")  # fmt: skip
        self.act_export = self._action(self.tr("Export to Excel…"), [], self.show_export,
                                       "actionExport")  # fmt: skip
        self.act_backup = self._action(self.tr("Back up now…"), [], self.backups.back_up_now,
                                       "actionBackup")  # fmt: skip
        self.act_restore = self._action(self.tr("Restore from backup…"), [], self.backups.restore,
                                        "actionRestore")  # fmt: skip
        self.act_charts = self._action(self.tr("Dashboard"), ["Ctrl+Shift+D"],
                                       self.show_dashboard, "actionDashboard")  # fmt: skip
        self.act_customer_data = self._action(self.tr("Export this customer's data…"), [],
                                              self.export_customer_data,
                                              "actionCustomerData")  # fmt: skip
        self.act_erase = self._action(self.tr("Erase on request…"), [], self.erase_customer,
                                      "actionErase")  # fmt: skip
        self.act_retention = self._action(self.tr("Retention review…"), [], self.show_retention,
                                          "actionRetention")  # fmt: skip
        self.act_register = self._action(self.tr("Real-name register…"), [], self.show_register,
                                         "actionRegister")  # fmt: skip
        self.act_controlled = self._action(self.tr("Controlled medicines…"), [],
                                           self.show_controlled, "actionControlled")  # fmt: skip
        self.act_templates = self._action(self.tr("Message templates…"), [], self.show_templates,
                                          "actionTemplates")  # fmt: skip
        self.act_duplicates = self._action(self.tr("Duplicate customers…"), [],
                                           self.show_duplicates, "actionDuplicates")  # fmt: skip
        self.act_stale = self._action(self.tr("Review stale records…"), [], self.show_stale,
                                      "actionStale")  # fmt: skip
        self.act_quality = self._action(self.tr("Data quality…"), [], self.show_quality,
                                        "actionQuality")  # fmt: skip
        self.act_merges = self._action(self.tr("Merge history…"), [], self.show_merge_history,
                                       "actionMergeHistory")  # fmt: skip
        menus: list[tuple[str, list[QAction | None]]] = [
            (self.tr("&File"), [self.act_new, self.act_save, None, self.act_import,
                               self.act_history, self.act_export, None, self.act_backup,
                               self.act_restore, None, self.act_password,
                               self.act_lock, self.act_quit]),
            (self.tr("&Customer"), [self.act_search, self.act_purchase, self.act_interaction,
                                   None, self.act_merges, None, self.act_customer_data,
                                   self.act_erase]),
            (self.tr("&View"), [self.act_follow_ups, self.act_reminders, self.act_all_purchases,
                               self.act_charts, None, self.act_duplicates, self.act_stale,
                               self.act_quality]),
            (self.tr("&Tools"), [self.act_fields, self.act_settings, self.act_loyalty,
                                self.act_templates, None,
                                self.act_accounts, self.act_audit, self.act_retention, None,
                                self.act_register, self.act_controlled]),
        ]  # fmt: skip
        for title, actions in menus:
            menu = self.menuBar().addMenu(title)
            menu.setToolTipsVisible(True)  # a disabled entry says why
            for item in actions:
                if item is None:
                    menu.addSeparator()
                else:
                    menu.addAction(item)
        self.toolbar = toolbar = QToolBar(self.tr("Main"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        for action in (self.act_new, self.act_save, self.act_purchase, self.act_interaction,
                       self.act_import, self.act_export, self.act_charts, self.act_follow_ups,
                       self.act_reminders, self.act_settings, self.act_lock):  # fmt: skip
            toolbar.addAction(action)
        self.addToolBar(toolbar)

    def _role_rules(self) -> list[tuple[QAction, bool, str]]:
        """Each role-bound action, whether this account may use it, and why not."""
        account = self.ctx.account
        exports = allows(account, Operation.EXPORT_PERSONAL) or allows(account, Operation.ANALYTICS)
        return [
            (self.act_charts, allows(account, Operation.ANALYTICS),
             self.tr("Only the owner and pharmacists see the dashboard")),
            # The dialog itself offers each role what it may export (personal data: owner).
            (self.act_export, exports, self.tr("Only the owner and pharmacists can export")),
            (self.act_fields, allows(account, Operation.MANAGE),
             self.tr("Only the owner can change custom fields")),
            (self.act_loyalty, allows(account, Operation.MANAGE),
             self.tr("Only the owner sets the loyalty rules")),
            (self.act_accounts, allows(account, Operation.MANAGE),
             self.tr("Only the owner manages accounts")),
            (self.act_audit, allows(account, Operation.AUDIT),
             self.tr("Only the owner can see the audit log")),
            (self.act_backup, allows(account, Operation.BACKUP),
             self.tr("This account may not make backups")),
            (self.act_restore, allows(account, Operation.RESTORE),
             self.tr("Only the owner can restore a backup")),
            (self.act_customer_data, allows(account, Operation.EXPORT_PERSONAL),
             self.tr("Only the owner can export a customer's data")),
            (self.act_erase, allows(account, Operation.ERASE),
             self.tr("Only the owner can erase a customer")),
            (self.act_retention, allows(account, Operation.ERASE),
             self.tr("Only the owner reviews how long data is kept")),
            (self.act_duplicates, allows(account, Operation.MERGE),
             self.tr("Only the owner and pharmacists merge customers")),
            (self.act_quality, allows(account, Operation.ANALYTICS),
             self.tr("Only the owner and pharmacists see the data quality")),
        ]  # fmt: skip

    def show_all_purchases(self) -> None:
        if self._all_purchases is None:
            model = AllPurchasesModel(self.purchase_model.fetch, self.purchase_model.counter)
            self._all_purchases = AllPurchasesWindow(model, products.categories(self.ctx), self)
            self._all_purchases.customer_chosen.connect(self._open_from_elsewhere)
        self._all_purchases.show_all()
        self._all_purchases.show()
        self._all_purchases.raise_()
        self._all_purchases.activateWindow()
        self._all_purchases.table.setFocus()

    def show_reminders(self) -> None:
        """Refills due, birthdays and win-back calls (Ctrl+R); each list loads in the
        background when its tab is first looked at."""
        if self._reminders is None:
            from pharmadesk.ui.reminders_window import RemindersWindow

            self._reminders = RemindersWindow(self.ctx, self._runner, self)
            self._reminders.customer_chosen.connect(self._open_from_elsewhere)
            self._reminders.show_tab(0)
        self._reminders.show()
        self._reminders.raise_()
        self._reminders.activateWindow()

    def _show_window(self, key: str, make: Callable[[], QWidget]) -> QWidget:
        """One window of each kind, made on first use; it opens its customers here."""
        window = self._windows.get(key)
        if window is None:
            window = self._windows[key] = make()
            window.customer_chosen.connect(self._open_from_elsewhere)  # type: ignore[attr-defined]
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def show_duplicates(self) -> None:
        """Suspected duplicates across the pharmacy (owner, pharmacists); Enter merges."""
        if not allows(self.ctx.account, Operation.MERGE):
            return
        from pharmadesk.ui.duplicates_window import DuplicatesWindow

        def make() -> QWidget:
            window = DuplicatesWindow(self.ctx, self._runner, self)
            window.merge_requested.connect(lambda a, b: self.merge_customers([a, b]))
            return window

        self._show_window("duplicates", make)

    def merge_customers(self, ids: list[int]) -> None:
        """The merge dialog for these records; the counter then shows the one kept."""
        from pharmadesk.ui.merge_dialog import MergeDialog, refusal_text

        try:
            dialog = MergeDialog(self.ctx, ids, self)
        except PharmaDeskError as exc:
            self.warn(self.tr("Cannot merge"), refusal_text(exc))
            return
        if not self.run_dialog(dialog) or dialog.merge_result is None or self.locked:
            return
        found = self._windows.get("duplicates")
        if found is not None:
            found.reload()  # type: ignore[attr-defined]
        self.refresh_status()  # one customer fewer
        self.open_customer(dialog.merge_result.survivor_id)
        self.statusBar().showMessage(self.tr("Merged; Customer > Merge history… undoes it"), 8000)

    def show_merge_history(self) -> None:
        if self.customer_id is None:
            return
        from pharmadesk.ui.merge_history import MergeHistoryDialog

        self.run_dialog(MergeHistoryDialog(self.ctx, self.customer_id, self))
        if not self.locked:
            self._after_import()  # an unmerge may have brought back another record

    def show_stale(self) -> None:
        """Customers whose details were not confirmed for too long (every role)."""
        from pharmadesk.ui.stale_review import StaleReviewWindow

        self._show_window("stale", lambda: StaleReviewWindow(self.ctx, self._runner, self))

    def show_quality(self) -> None:
        """The owner's data-quality figures, each opening its list."""
        if not allows(self.ctx.account, Operation.ANALYTICS):
            return
        from pharmadesk.ui.quality_panel import QualityPanel

        self._show_window("quality", lambda: QualityPanel(self.ctx, self._runner, self))

    def show_dashboard(self) -> None:
        """The dashboard (Ctrl+Shift+D: owner and pharmacists); matplotlib loads only when it
        first opens."""
        from pharmadesk.ui.dashboard import DashboardWindow

        if self.locked or not allows(self.ctx.account, Operation.ANALYTICS):
            return
        dashboard = self.findChild(DashboardWindow)
        if dashboard is None:
            dashboard = DashboardWindow(self.ctx, self._runner, self)
            dashboard.customer_chosen.connect(self._open_from_elsewhere)
        dashboard.show()
        dashboard.raise_()
        dashboard.activateWindow()
        dashboard.picker.kind.setFocus()

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
        """Locked: nothing but Quit. Open: what the role allows and the customer needs."""
        for action in self.actions():
            action.setEnabled(not self.locked)
        self.act_quit.setEnabled(True)
        if self.locked:
            return
        for action, allowed, why_not in self._role_rules():
            action.setEnabled(allowed)
            action.setToolTip("" if allowed else why_not)  # "": the entry's own text
        self.act_controlled.setVisible(allows(self.ctx.account, Operation.MANAGE))
        self.act_templates.setVisible(allows(self.ctx.account, Operation.MANAGE))
        has_customer = self.customer_id is not None
        # Offered once anything is typed, valid or not: a refused save shows what is wrong.
        self.act_save.setEnabled(self.form.is_dirty())
        self.act_purchase.setEnabled(has_customer)
        self.act_interaction.setEnabled(has_customer)
        for action in (self.act_customer_data, self.act_erase, self.act_merges):
            action.setEnabled(action.isEnabled() and has_customer)

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

    # purchases and interactions -----------------------------------------------------------

    def add_purchase(self) -> None:
        if self.customer_id is None or self._record is None:
            return
        if not self.confirm_leave():
            return
        customer_id = self.customer_id
        dialog = PurchaseDialog(
            customer_name=self._record.name,
            allergy_text=self._record.allergies,
            chronic_text=self._record.chronic_conditions,
            find_products=lambda text: products.find(self.ctx, text),
            price=lambda lines, redeem, discount: loyalty.quote(
                self.ctx, customer_id, lines, redeem_points=redeem, member_discount=discount
            ),
            submit=lambda lines, receipt, redeem, discount, buyer, reason: purchases.record(
                self.ctx, customer_id, lines, receipt=receipt, redeem_points=redeem,
                member_discount=discount, buyer=buyer, override_reason=reason,
            ),
            register_limit=register.limit(self.ctx),
            may_override=allows(self.ctx.account, Operation.OVERRIDE_LIMIT),
            today=self.ctx.today(),
            parent=self,
        )  # fmt: skip
        accepted = self.run_dialog(dialog)
        if self.locked:
            if not dialog.saved:
                self._notes.append(self.tr("A purchase being entered was not saved."))
            return
        if accepted and dialog.saved:
            # The tab stays where it is, so the keyboard stays where the user left it.
            self._reload_keeping_form()
            self.statusBar().showMessage(dialog.saved_message(dialog.saved[0]), 5000)

    def add_interaction(self) -> None:
        if self.customer_id is None or self._record is None:
            return
        dialog = InteractionDialog(
            customer_name=self._record.name, today=self.ctx.today(), parent=self
        )
        accepted = self.run_dialog(dialog)
        if self.locked:
            self._notes.append(self.tr("An interaction being entered was not saved."))
            return
        if accepted:
            values = dialog.values()
            try:
                interactions.log(self.ctx, self.customer_id, **values)  # type: ignore[arg-type]
            except PharmaDeskError as exc:
                self.warn(self.tr("Not saved"), exc.message)
                return
            self._reload_keeping_form()
            self.statusBar().showMessage(self.tr("Interaction saved"), 3000)
            self.refresh_status()

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

    def show_import(self) -> None:
        if not self.confirm_leave():
            return
        from pharmadesk.ui.import_wizard import ImportWizard

        wizard = ImportWizard(self.ctx, self._runner, self)
        self.run_modal(wizard)
        if self.locked:  # its commit may still be running: it goes when the lock completes
            self._before_drop.append(lambda: self._note_import(wizard.commit.outcome))
            return
        imported = wizard.imported_batch
        wizard.deleteLater()  # it holds the whole file and its plan
        if imported is not None:
            self._after_import()

    def _note_import(self, outcome: str | None) -> None:
        notes = {
            "committed": self.tr("An import finished while the window was locked."),
            "cancelled": self.tr("An import was cancelled; nothing was written."),
            "failed": self.tr("An import failed while the window was locked; nothing was written."),
        }  # fmt: skip
        if outcome in notes:
            self._notes.append(notes[outcome])

    def show_import_history(self) -> None:
        if not self.confirm_leave():
            return
        from pharmadesk.ui.import_history import ImportHistoryDialog

        dialog = ImportHistoryDialog(self.ctx, self, runner=self._runner)
        self.run_modal(dialog)
        if self.locked:  # an undo may still be running: the dialog goes with the lock
            return
        undone = bool(dialog.undone)
        dialog.deleteLater()
        if undone:
            self._after_import()

    def show_export(self) -> None:
        from pharmadesk.ui.export_dialog import ExportDialog

        dialog = ExportDialog(self.ctx, self._runner, products.categories(self.ctx), self)
        self.run_modal(dialog)
        if self.locked:  # the export may still be writing: the dialog goes with the lock
            return
        dialog.deleteLater()

    def _after_import(self) -> None:
        """Customers came or went: refresh what the window shows of them."""
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

    def export_customer_data(self) -> None:
        """The open customer's own data, on their request (owner)."""
        if self._record is None or not allows(self.ctx.account, Operation.EXPORT_PERSONAL):
            return
        from pharmadesk.ui.privacy_dialogs import CustomerDataDialog

        self.run_dialog(CustomerDataDialog(self.ctx, self._runner, self._record, self))

    def erase_customer(self) -> None:
        """Erase the open customer on their request (owner), once they are named again."""
        if self._record is None or not allows(self.ctx.account, Operation.ERASE):
            return
        if not self.confirm_leave():
            return
        from pharmadesk.ui.privacy_dialogs import EraseDialog

        dialog = EraseDialog(self.ctx, self._runner, self._record, self)
        if self.run_dialog(dialog) and dialog.erased:
            self._after_import()  # the customer is gone from the counter, as after an undo
            message = self.tr("The customer was erased.")
            if dialog.kept_by_law:
                message = f"{message} {dialog.kept_text(dialog.kept_by_law)}"
            self.statusBar().showMessage(message, 8000)

    def show_retention(self) -> None:
        if not allows(self.ctx.account, Operation.ERASE) or not self.confirm_leave():
            return
        from pharmadesk.ui.retention_dialog import RetentionDialog

        dialog = RetentionDialog(self.ctx, self._runner, self)
        self.run_modal(dialog)
        if not self.locked and dialog.anonymised:
            self._after_import()

    def show_follow_ups(self) -> None:
        from pharmadesk.ui.follow_ups import FollowUpsDialog

        dialog = FollowUpsDialog(interactions.open_follow_ups_listed(self.ctx), self.ctx.today(),
                                 parent=self)  # fmt: skip
        if self.run_dialog(dialog) and dialog.chosen_customer is not None:
            self.open_customer(dialog.chosen_customer)

    def edit_custom_fields(self) -> None:
        from pharmadesk.ui.custom_fields_dialog import CustomFieldsDialog

        if not allows(self.ctx.account, Operation.MANAGE) or not self.confirm_leave():
            return
        self.run_dialog(CustomFieldsDialog(self.ctx, parent=self))
        if not self.locked:
            self._rebuild_form()

    def _rebuild_form(self) -> None:
        """Custom fields changed: make the form anew with them."""
        self.counter.rebuild_form().changed.connect(self._update_actions)
        if self.customer_id is not None:
            self._show(self.customer_id)
        else:
            self.form.load(None)

    def show_settings(self) -> None:
        from pharmadesk.ui.settings_dialog import SettingsDialog

        self.run_dialog(SettingsDialog(self._settings, parent=self, ctx=self.ctx))
        self._after_owner_dialog()

    def show_loyalty_rules(self) -> None:
        """The owner's points and tier rules; a saved version is told in the status bar."""
        if not allows(self.ctx.account, Operation.MANAGE):
            return
        from pharmadesk.ui.loyalty_rules_dialog import LoyaltyRulesDialog, saved_text

        dialog = LoyaltyRulesDialog(self.ctx, self)
        if self.run_dialog(dialog) and dialog.saved is not None and not self.locked:
            self.statusBar().showMessage(saved_text(dialog.saved), 5000)
            self._reload_keeping_form()  # the tier and its discount may differ from today

    def show_accounts(self) -> None:
        """The owner's accounts: add, remove, roles, passwords, waits, the recovery code."""
        if not allows(self.ctx.account, Operation.MANAGE):
            return
        from pharmadesk.ui.accounts_dialog import AccountsDialog

        self.run_dialog(AccountsDialog(self.ctx, self))
        self._after_owner_dialog()

    def change_password(self) -> None:
        from pharmadesk.ui.accounts_dialog import ChangePasswordDialog

        self.run_dialog(ChangePasswordDialog(self.ctx, self))

    def show_audit_log(self) -> None:
        if not allows(self.ctx.account, Operation.AUDIT):
            return
        from pharmadesk.ui.audit_viewer import AuditLogDialog

        self.run_dialog(AuditLogDialog(self.ctx, self, runner=self._runner))

    def show_register(self) -> None:
        from pharmadesk.ui.register_window import RegisterWindow

        self.run_dialog(RegisterWindow(self.ctx, self, runner=self._runner))

    def show_templates(self) -> None:
        """The owner's message templates for reminders, birthdays and win-back calls."""
        if not allows(self.ctx.account, Operation.MANAGE):
            return
        from pharmadesk.ui.templates_dialog import TemplatesDialog

        self.run_dialog(TemplatesDialog(self.ctx, self._runner, self))

    def show_controlled(self) -> None:
        if not allows(self.ctx.account, Operation.MANAGE):
            return
        from pharmadesk.ui.controlled_products_dialog import ControlledProductsDialog

        self.run_dialog(ControlledProductsDialog(self.ctx, self))

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
            self._notes.append(self._discarded_note())
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
        self._all_purchases = None
        self._reminders = None
        self._windows.clear()
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
        notes, self._notes = self._notes, []
        if notes:
            box = QMessageBox(QMessageBox.Icon.Information, self.tr("While the window was locked"),
                              "\n\n".join(notes), parent=self)  # fmt: skip
            self.run_modal(box)

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
