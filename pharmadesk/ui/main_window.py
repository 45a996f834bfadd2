"""The counter window: search on the left, the customer on the right, all by keyboard.

Shortcuts: Ctrl+F or F3 search, Ctrl+N new customer, Ctrl+S save, Ctrl+P add a purchase,
Ctrl+I log an interaction, Ctrl+L lock. Leaving a customer with unsaved changes asks first.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QToolBar,
)

from pharmadesk.errors import AuthenticationError, NotFound, PharmaDeskError, ValidationError
from pharmadesk.services import (
    custom_fields,
    customers,
    interactions,
    products,
    profile,
    purchases,
    search,
    stats,
    vault,
)
from pharmadesk.services.context import Context
from pharmadesk.services.customers import SaveOutcome
from pharmadesk.ui.all_purchases import AllPurchasesWindow
from pharmadesk.ui.customer_form import CustomerFormWidget
from pharmadesk.ui.customer_panel import CustomerPanel
from pharmadesk.ui.interaction_dialog import InteractionDialog
from pharmadesk.ui.models import AllPurchasesModel, InteractionTableModel, PurchaseTableModel
from pharmadesk.ui.purchase_dialog import PurchaseDialog
from pharmadesk.ui.search_panel import SearchPanel
from pharmadesk.ui.tasks import BackgroundRunner

SETTINGS_GEOMETRY = "window/geometry"
SETTINGS_SPLITTER = "window/splitter"


class MainWindow(QMainWindow):
    def __init__(self, ctx: Context, runner: BackgroundRunner, settings: QSettings) -> None:
        super().__init__()
        self.ctx = ctx
        self._runner = runner
        self._settings = settings
        self.customer_id: int | None = None
        self._all_purchases: AllPurchasesWindow | None = None
        self._record: customers.CustomerRecord | None = None
        self.setWindowTitle(self._title())
        self.search = SearchPanel(lambda q: search.find(ctx, q), runner)
        self.form = CustomerFormWidget(
            custom_fields.list_fields(ctx), ctx.today,
            may_see_health=ctx.account.may_see_health_data,
        )  # fmt: skip
        self.purchase_model = PurchaseTableModel(
            lambda selection, offset, limit, boundary: purchases.page(
                ctx, selection, offset=offset, limit=limit, boundary=boundary
            ),
            lambda selection: purchases.count_filtered(ctx, selection),
        )
        self.interaction_model = InteractionTableModel()
        self.panel = CustomerPanel(
            self.form, self.purchase_model, self.interaction_model, products.categories(ctx)
        )
        self.panel.may_see_health = ctx.account.may_see_health_data
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.search)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(1, 2)
        self.setCentralWidget(self.splitter)
        self._build_actions()
        self.status_counts = QLabel()
        self.statusBar().addPermanentWidget(self.status_counts)
        self.search.customer_chosen.connect(self.open_customer)
        self.form.changed.connect(self._update_actions)
        self.panel.add_purchase_requested.connect(self.add_purchase)
        self.panel.add_interaction_requested.connect(self.add_interaction)
        self.panel.follow_up_done_requested.connect(self.mark_follow_up_done)
        self._restore_layout()
        self.refresh_status()
        self._update_actions()
        self.search.focus_box()

    # building -----------------------------------------------------------------------------

    def _title(self) -> str:
        name = vault.pharmacy_name(self.ctx) or self.ctx.path.stem
        return f"PharmaDesk — {name}"

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
        self.act_search = self._action(self.tr("Search"), ["Ctrl+F", "F3"], self.search.focus_box,
                                       "actionSearch")  # fmt: skip
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
        self.act_fields = self._action(self.tr("Custom fields…"), [], self.edit_custom_fields,
                                       "actionCustomFields")  # fmt: skip
        self.act_settings = self._action(self.tr("Settings…"), [], self.show_settings,
                                         "actionSettings")  # fmt: skip
        self.act_lock = self._action(self.tr("Lock"), ["Ctrl+L"], self.lock, "actionLock")
        self.act_quit = self._action(self.tr("Quit"), ["Ctrl+Q"], self.close, "actionQuit")
        is_owner = self.ctx.account.role == "owner"
        self.act_fields.setEnabled(is_owner)
        if not is_owner:
            self.act_fields.setToolTip(self.tr("Only the owner can change custom fields"))
        self.act_import = self._action(self.tr("Import…"), [], self.show_import, "actionImport")
        self.act_history = self._action(self.tr("Import history…"), [], self.show_import_history,
                                        "actionImportHistory")  # fmt: skip
        # Every role: the staff role's export leaves health data out (io/export_customers.py).
        self.act_export = self._action(self.tr("Export to Excel…"), [], self.show_export,
                                       "actionExport")  # fmt: skip
        self.act_charts = self._action(self.tr("Dashboard"), ["Ctrl+Shift+D"],
                                       self.show_dashboard, "actionDashboard")  # fmt: skip
        self.act_charts.setEnabled(is_owner)
        if not is_owner:
            self.act_charts.setToolTip(self.tr("Only the owner sees the dashboard"))
        menus: list[tuple[str, list[QAction | None]]] = [
            (self.tr("&File"), [self.act_new, self.act_save, None, self.act_import,
                               self.act_history, self.act_export, None, self.act_lock,
                               self.act_quit]),
            (self.tr("&Customer"), [self.act_search, self.act_purchase, self.act_interaction]),
            (self.tr("&View"), [self.act_follow_ups, self.act_all_purchases, self.act_charts]),
            (self.tr("&Tools"), [self.act_fields, self.act_settings]),
        ]  # fmt: skip
        for title, actions in menus:
            menu = self.menuBar().addMenu(title)
            for item in actions:
                if item is None:
                    menu.addSeparator()
                else:
                    menu.addAction(item)
        toolbar = QToolBar(self.tr("Main"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        for action in (self.act_new, self.act_save, self.act_purchase, self.act_interaction,
                       self.act_import, self.act_export, self.act_charts, self.act_follow_ups,
                       self.act_settings, self.act_lock):  # fmt: skip
            toolbar.addAction(action)
        self.addToolBar(toolbar)

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

    def show_dashboard(self) -> None:
        """The owner's dashboard (Ctrl+Shift+D); matplotlib loads only when it first opens."""
        from pharmadesk.ui.dashboard import DashboardWindow

        if self.ctx.account.role != "owner":
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
        has_customer = self.customer_id is not None
        self.act_save.setEnabled(self.form.is_dirty() and self.form.is_valid())
        self.act_purchase.setEnabled(has_customer)
        self.act_interaction.setEnabled(has_customer)

    def refresh_status(self) -> None:
        # Counting two million purchase lines is not for the GUI thread.
        self._runner.submit(lambda: stats.counts(self.ctx), self._show_status)

    def _show_status(self, found: stats.Counts) -> None:
        self.status_counts.setText(
            self.tr("%1 · %2 · %3 · signed in as %4")
            .replace("%1", vault.pharmacy_name(self.ctx) or self.ctx.path.name)
            .replace("%2", self.tr("%Ln customer(s)", "", found.customers))
            .replace("%3", self.tr("%Ln open follow-up(s)", "", found.open_follow_ups))
            .replace("%4", self.ctx.account.name)
        )

    def run_modal(self, dialog: QDialog) -> int:
        """Show a modal dialog (or message box), then give the keyboard back to where it was:
        the next keystroke must land in the window, not nowhere."""
        before = QApplication.focusWidget()
        result = dialog.exec()
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
        if not self.form.is_dirty():
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
        dialog = PurchaseDialog(
            customer_name=self._record.name,
            allergy_text=self._record.allergies,
            chronic_text=self._record.chronic_conditions,
            find_products=lambda text: products.find(self.ctx, text),
            parent=self,
        )
        if self.run_dialog(dialog) and dialog.lines:
            try:
                purchases.record(
                    self.ctx, self.customer_id, dialog.lines, receipt=dialog.receipt.text()
                )
            except PharmaDeskError as exc:
                self.warn(self.tr("Not saved"), exc.message)
                return
            # The tab stays where it is, so the keyboard stays where the user left it.
            self._reload_keeping_form()
            self.statusBar().showMessage(self.tr("Purchase saved"), 3000)

    def add_interaction(self) -> None:
        if self.customer_id is None or self._record is None:
            return
        dialog = InteractionDialog(
            customer_name=self._record.name, today=self.ctx.today(), parent=self
        )
        if self.run_dialog(dialog):
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
        imported = wizard.imported_batch
        wizard.deleteLater()  # it holds the whole file and its plan
        if imported is not None:
            self._after_import()

    def show_import_history(self) -> None:
        if not self.confirm_leave():
            return
        from pharmadesk.ui.import_history import ImportHistoryDialog

        dialog = ImportHistoryDialog(self.ctx, self, runner=self._runner)
        self.run_modal(dialog)
        undone = bool(dialog.undone)
        dialog.deleteLater()
        if undone:
            self._after_import()

    def show_export(self) -> None:
        from pharmadesk.ui.export_dialog import ExportDialog

        dialog = ExportDialog(self.ctx, self._runner, products.categories(self.ctx), self)
        self.run_modal(dialog)
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

    def show_follow_ups(self) -> None:
        from pharmadesk.ui.follow_ups import FollowUpsDialog

        dialog = FollowUpsDialog(interactions.open_follow_ups_listed(self.ctx), self.ctx.today(),
                                 parent=self)  # fmt: skip
        if self.run_dialog(dialog) and dialog.chosen_customer is not None:
            self.open_customer(dialog.chosen_customer)

    def edit_custom_fields(self) -> None:
        from pharmadesk.ui.custom_fields_dialog import CustomFieldsDialog

        if not self.confirm_leave():
            return
        self.run_dialog(CustomFieldsDialog(self.ctx, parent=self))
        self._rebuild_form()

    def _rebuild_form(self) -> None:
        """Custom fields changed: make the form anew with them."""
        old = self.form
        self.form = CustomerFormWidget(
            custom_fields.list_fields(self.ctx), self.ctx.today,
            may_see_health=self.ctx.account.may_see_health_data,
        )  # fmt: skip
        self.form.changed.connect(self._update_actions)
        self.panel.form = self.form
        # setWidget() deletes the old form itself.
        self.panel.details.setWidget(self.form)
        del old
        if self.customer_id is not None:
            self._show(self.customer_id)
        else:
            self.form.load(None)

    def show_settings(self) -> None:
        from pharmadesk.ui.settings_dialog import SettingsDialog

        self.run_dialog(SettingsDialog(self._settings, parent=self))

    def lock(self) -> None:
        """Hide the customer and ask for the password again (the full lock screen and user
        switch come with the accounts work)."""
        from pharmadesk.ui.start_dialogs import UnlockDialog

        if not self.confirm_leave():
            return
        self.search.clear()
        self.customer_id = None
        self._record = None
        self.form.load(None)
        self.panel.show_profile(None)
        self.splitter.hide()
        # Other windows (all purchases, follow-ups) show customers too.
        hidden = [w for w in QApplication.topLevelWidgets() if w is not self and w.isVisible()]
        for window in hidden:
            window.hide()
        path, name = self.ctx.path, self.ctx.account.name

        def unlock(user: str, password: str) -> Context:
            vault.verify_password(path, user=user, password=password)  # raises when wrong
            if user.casefold() != name.casefold():
                raise AuthenticationError(name)
            return self.ctx

        dialog = UnlockDialog(path=path, unlock=unlock, user=name, parent=self)
        if self.run_dialog(dialog):
            self.splitter.show()
            self.search.focus_box()
        else:
            self.close()

    # closing ------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.confirm_leave():
            event.ignore()
            return
        self._settings.setValue(SETTINGS_GEOMETRY, self.saveGeometry())
        self._settings.setValue(SETTINGS_SPLITTER, self.splitter.saveState())
        event.accept()
