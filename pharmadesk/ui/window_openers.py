"""Every window and dialog the counter window opens from its menus, and what it tells the
window when one closes.

ToolWindows is a child of the main window and reaches it through `parent()`, as
BackupActions does (no Python reference back to it). The other windows (all purchases,
reminders, the dashboard and the clean-files windows) are made on first use, with the main
window as their parent, and dropped at a lock (`forget_windows`). Once a dialog has changed
what the counter shows, a signal says so and the window refreshes itself: customers came or
went (an import, an undo, an unmerge, an erasure), the customer on screen has new rows, the
custom fields or the owner's settings changed.

The texts are the main window's and keep its translation context, "MainWindow", where
their Chinese is filed: hence translate("MainWindow", …) here instead of self.tr().
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Signal
from PySide6.QtWidgets import QWidget

from pharmadesk.errors import PharmaDeskError
from pharmadesk.services import interactions, loyalty, products, purchases, register
from pharmadesk.services.permissions import Operation, allows
from pharmadesk.ui.all_purchases import AllPurchasesWindow
from pharmadesk.ui.interaction_dialog import InteractionDialog
from pharmadesk.ui.models import AllPurchasesModel
from pharmadesk.ui.purchase_dialog import PurchaseDialog
from pharmadesk.ui.tasks import BackgroundRunner

if TYPE_CHECKING:
    from pharmadesk.ui.card_import import CardImportWizard
    from pharmadesk.ui.main_window import MainWindow
    from pharmadesk.ui.reminders_window import RemindersWindow

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


class ToolWindows(QObject):
    customer_chosen = Signal(int)  # open this customer at the counter
    customers_changed = Signal()  # customers came or went: refresh what the counter shows
    customer_changed = Signal()  # the customer on screen has new rows (the form is kept)
    fields_changed = Signal()  # the custom fields changed: the form is made anew
    settings_changed = Signal()  # the owner's settings may have changed (the auto-lock time)

    def __init__(self, runner: BackgroundRunner, settings: QSettings, parent: MainWindow) -> None:
        super().__init__(parent)
        self._runner = runner
        self._settings = settings
        self.all_purchases: AllPurchasesWindow | None = None
        self.reminders: RemindersWindow | None = None
        # Windows of the clean-files issue (#10), by kind.
        self.windows: dict[str, QWidget] = {}

    @property
    def window(self) -> MainWindow:
        from pharmadesk.ui.main_window import MainWindow

        parent = self.parent()
        assert isinstance(parent, MainWindow)
        return parent

    def forget_windows(self) -> None:
        """A lock deletes the windows made here: they are made anew after it."""
        self.all_purchases = None
        self.reminders = None
        self.windows.clear()

    # other windows ------------------------------------------------------------------------

    def show_all_purchases(self) -> None:
        window = self.window
        if self.all_purchases is None:
            model = AllPurchasesModel(window.purchase_model.fetch, window.purchase_model.counter)
            categories = products.categories(window.ctx)
            self.all_purchases = AllPurchasesWindow(model, categories, window)
            self.all_purchases.customer_chosen.connect(self.customer_chosen)
        self.all_purchases.show_all()
        self.all_purchases.show()
        self.all_purchases.raise_()
        self.all_purchases.activateWindow()
        self.all_purchases.table.setFocus()

    def show_reminders(self) -> None:
        """Refills due, birthdays and win-back calls (Ctrl+R); each list loads in the
        background when its tab is first looked at."""
        if self.reminders is None:
            from pharmadesk.ui.reminders_window import RemindersWindow

            self.reminders = RemindersWindow(self.window.ctx, self._runner, self.window)
            self.reminders.customer_chosen.connect(self.customer_chosen)
            self.reminders.show_tab(0)
        self.reminders.show()
        self.reminders.raise_()
        self.reminders.activateWindow()

    def _show_window(self, key: str, make: Callable[[], QWidget]) -> QWidget:
        """One window of each kind, made on first use; it opens its customers at the counter."""
        window = self.windows.get(key)
        if window is None:
            window = self.windows[key] = make()
            window.customer_chosen.connect(self.customer_chosen)  # type: ignore[attr-defined]
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def show_duplicates(self) -> None:
        """Suspected duplicates across the pharmacy (owner, pharmacists); Enter merges."""
        main = self.window
        if not allows(main.ctx.account, Operation.MERGE):
            return
        from pharmadesk.ui.duplicates_window import DuplicatesWindow

        def make() -> QWidget:
            window = DuplicatesWindow(main.ctx, self._runner, main)
            window.merge_requested.connect(lambda a, b: self.merge_customers([a, b]))
            return window

        self._show_window("duplicates", make)

    def show_stale(self) -> None:
        """Customers whose details were not confirmed for too long (every role)."""
        from pharmadesk.ui.stale_review import StaleReviewWindow

        main = self.window
        self._show_window("stale", lambda: StaleReviewWindow(main.ctx, self._runner, main))

    def show_quality(self) -> None:
        """The owner's data-quality figures, each opening its list."""
        main = self.window
        if not allows(main.ctx.account, Operation.ANALYTICS):
            return
        from pharmadesk.ui.quality_panel import QualityPanel

        self._show_window("quality", lambda: QualityPanel(main.ctx, self._runner, main))

    def show_dashboard(self) -> None:
        """The dashboard (Ctrl+Shift+D: owner and pharmacists); matplotlib loads only when it
        first opens."""
        from pharmadesk.ui.dashboard import DashboardWindow

        main = self.window
        if main.locked or not allows(main.ctx.account, Operation.ANALYTICS):
            return
        dashboard = main.findChild(DashboardWindow)
        if dashboard is None:
            dashboard = DashboardWindow(main.ctx, self._runner, main)
            dashboard.customer_chosen.connect(self.customer_chosen)
        dashboard.show()
        dashboard.raise_()
        dashboard.activateWindow()
        dashboard.picker.kind.setFocus()

    # the customer at the counter ----------------------------------------------------------

    def add_purchase(self) -> None:
        main = self.window
        if main.customer_id is None or main.record is None:
            return
        if not main.confirm_leave():
            return
        # Read after confirm_leave: saving the form there reloads the record (its allergies).
        record, customer_id = main.record, main.customer_id
        assert record is not None
        assert customer_id is not None
        dialog = PurchaseDialog(
            customer_name=record.name,
            allergy_text=record.allergies,
            chronic_text=record.chronic_conditions,
            find_products=lambda text: products.find(main.ctx, text),
            price=lambda lines, redeem, discount: loyalty.quote(
                main.ctx, customer_id, lines, redeem_points=redeem, member_discount=discount
            ),
            submit=lambda lines, receipt, redeem, discount, buyer, reason: purchases.record(
                main.ctx, customer_id, lines, receipt=receipt, redeem_points=redeem,
                member_discount=discount, buyer=buyer, override_reason=reason,
            ),
            register_limit=register.limit(main.ctx),
            may_override=allows(main.ctx.account, Operation.OVERRIDE_LIMIT),
            today=main.ctx.today(),
            parent=main,
        )  # fmt: skip
        accepted = main.run_dialog(dialog)
        if main.locked:
            if not dialog.saved and dialog.has_unsaved_input():  # nothing typed: nothing lost
                main.note(translate("MainWindow", "A purchase being entered was not saved."))
            return
        if accepted and dialog.saved:
            # The tab stays where it is, so the keyboard stays where the user left it.
            self.customer_changed.emit()
            main.statusBar().showMessage(dialog.saved_message(dialog.saved[0]), 5000)

    def add_interaction(self) -> None:
        main = self.window
        record, customer_id = main.record, main.customer_id
        if customer_id is None or record is None:
            return
        waiting = [
            entry for entry in interactions.for_customer(main.ctx, customer_id, limit=None)
            if entry.status == "open"
        ]  # fmt: skip
        dialog = InteractionDialog(customer_name=record.name, today=main.ctx.today(),
                                   parent=main, open_follow_ups=waiting)  # fmt: skip
        accepted = main.run_dialog(dialog)
        if main.locked:
            if dialog.has_unsaved_input():
                main.note(translate("MainWindow", "An interaction being entered was not saved."))
            return
        if accepted:
            values = dialog.values()
            try:
                interactions.log(main.ctx, customer_id, **values)  # type: ignore[arg-type]
            except PharmaDeskError as exc:
                main.warn(translate("MainWindow", "Not saved"), exc.message)
                return
            self.customer_changed.emit()
            main.statusBar().showMessage(translate("MainWindow", "Interaction saved"), 3000)
            main.refresh_status()

    def merge_customers(self, ids: list[int]) -> None:
        """The merge dialog for these records; the counter then shows the one kept."""
        from pharmadesk.ui.merge_dialog import MergeDialog, refusal_text

        main = self.window
        try:
            dialog = MergeDialog(main.ctx, ids, main)
        except PharmaDeskError as exc:
            main.warn(translate("MainWindow", "Cannot merge"), refusal_text(exc))
            return
        if not main.run_dialog(dialog) or dialog.merge_result is None or main.locked:
            return
        found = self.windows.get("duplicates")
        if found is not None:
            found.reload()  # type: ignore[attr-defined]
        main.refresh_status()  # one customer fewer
        main.open_customer(dialog.merge_result.survivor_id)
        main.statusBar().showMessage(
            translate("MainWindow", "Merged; Customer > Merge history… undoes it"), 8000
        )

    def show_merge_history(self) -> None:
        main = self.window
        if main.customer_id is None:
            return
        from pharmadesk.ui.merge_history import MergeHistoryDialog

        main.run_dialog(MergeHistoryDialog(main.ctx, main.customer_id, main))
        if not main.locked:
            self.customers_changed.emit()  # an unmerge may have brought back another record

    def export_customer_data(self) -> None:
        """The open customer's own data, on their request (owner)."""
        main = self.window
        if main.record is None or not allows(main.ctx.account, Operation.EXPORT_PERSONAL):
            return
        from pharmadesk.ui.privacy_dialogs import CustomerDataDialog

        main.run_dialog(CustomerDataDialog(main.ctx, self._runner, main.record, main))

    def erase_customer(self) -> None:
        """Erase the open customer on their request (owner), once they are named again."""
        main = self.window
        if main.record is None or not allows(main.ctx.account, Operation.ERASE):
            return
        if not main.confirm_leave():
            return
        from pharmadesk.ui.privacy_dialogs import EraseDialog

        dialog = EraseDialog(main.ctx, self._runner, main.record, main)
        if main.run_dialog(dialog) and dialog.erased:
            self.customers_changed.emit()  # gone from the counter, as after an undo
            message = translate("MainWindow", "The customer was erased.")
            if dialog.kept_by_law:
                message = f"{message} {dialog.kept_text(dialog.kept_by_law)}"
            main.statusBar().showMessage(message, 8000)

    def show_follow_ups(self) -> None:
        from pharmadesk.ui.follow_ups import FollowUpsDialog

        main = self.window
        dialog = FollowUpsDialog(interactions.open_follow_ups_listed(main.ctx), main.ctx.today(),
                                 parent=main)  # fmt: skip
        if main.run_dialog(dialog) and dialog.chosen_customer is not None:
            main.open_customer(dialog.chosen_customer)

    # imports and exports ------------------------------------------------------------------

    def show_import(self) -> None:
        main = self.window
        if not main.confirm_leave():
            return
        from pharmadesk.ui.import_wizard import ImportWizard

        wizard = ImportWizard(main.ctx, self._runner, main)
        main.run_modal(wizard)
        if main.locked:  # its commit may still be running: it goes when the lock completes
            main.before_drop(lambda: self._note_import(wizard.commit.outcome))
            return
        imported = wizard.imported_batch
        wizard.deleteLater()  # it holds the whole file and its plan
        if imported is not None:
            self.customers_changed.emit()

    def show_card_import(self) -> None:
        main = self.window
        if not main.confirm_leave():
            return
        # Imported here, not at start-up: the card modules bring PIL and numpy.
        from pharmadesk.ui.card_import import CardImportWizard, ocr_unavailable

        missing = ocr_unavailable()
        if missing is not None:
            main.warn(translate("MainWindow", "Import scanned cards…"), missing)
            return
        wizard = CardImportWizard(main.ctx, self._runner, main)
        main.run_modal(wizard)
        if main.locked:  # as for a spreadsheet: its commit goes when the lock completes
            main.before_drop(lambda: self._note_cards(wizard.commit.outcome, wizard))
            return
        imported = wizard.imported_batch
        wizard.deleteLater()  # it holds the page images read
        if imported is not None:
            self.customers_changed.emit()

    def _note_import(self, outcome: str | None) -> None:
        notes = {
            "committed": translate("MainWindow", "An import finished while the window was locked."),
            "cancelled": translate("MainWindow", "An import was cancelled; nothing was written."),
            "failed": translate(
                "MainWindow", "An import failed while the window was locked; nothing was written."
            ),
        }
        if outcome in notes:
            self.window.note(notes[outcome])

    def _note_cards(self, outcome: str | None, wizard: CardImportWizard) -> None:
        # A lock drops the check; the person must know their accepted cards were not saved.
        accepted = len(wizard.check.accepted()) if outcome is None else 0
        if accepted:
            text = translate(
                "MainWindow",
                "The window locked during the check of scanned cards: the cards accepted "
                "there (%1) were not imported. Open File > Import scanned cards… again.",
            )
            self.window.note(text.replace("%1", str(accepted)))
            return
        self._note_import(outcome)

    def show_import_history(self) -> None:
        main = self.window
        if not main.confirm_leave():
            return
        from pharmadesk.ui.import_history import ImportHistoryDialog

        dialog = ImportHistoryDialog(main.ctx, main, runner=self._runner)
        main.run_modal(dialog)
        if main.locked:  # an undo may still be running: the dialog goes with the lock
            return
        undone = bool(dialog.undone)
        dialog.deleteLater()
        if undone:
            self.customers_changed.emit()

    def show_export(self) -> None:
        from pharmadesk.ui.export_dialog import ExportDialog

        main = self.window
        dialog = ExportDialog(main.ctx, self._runner, products.categories(main.ctx), main)
        main.run_modal(dialog)
        if main.locked:  # the export may still be writing: the dialog goes with the lock
            return
        dialog.deleteLater()

    def show_retention(self) -> None:
        main = self.window
        if not allows(main.ctx.account, Operation.ERASE) or not main.confirm_leave():
            return
        from pharmadesk.ui.retention_dialog import RetentionDialog

        dialog = RetentionDialog(main.ctx, self._runner, main)
        main.run_modal(dialog)
        if not main.locked and dialog.anonymised:
            self.customers_changed.emit()

    def show_register(self) -> None:
        from pharmadesk.ui.register_window import RegisterWindow

        main = self.window
        main.run_dialog(RegisterWindow(main.ctx, main, runner=self._runner))

    # the owner's tools --------------------------------------------------------------------

    def edit_custom_fields(self) -> None:
        from pharmadesk.ui.custom_fields_dialog import CustomFieldsDialog

        main = self.window
        if not allows(main.ctx.account, Operation.MANAGE) or not main.confirm_leave():
            return
        main.run_dialog(CustomFieldsDialog(main.ctx, parent=main))
        if not main.locked:
            self.fields_changed.emit()

    def show_settings(self) -> None:
        from pharmadesk.ui.settings_dialog import SettingsDialog

        main = self.window
        main.run_dialog(SettingsDialog(self._settings, parent=main, ctx=main.ctx))
        self.settings_changed.emit()

    def show_loyalty_rules(self) -> None:
        """The owner's points and tier rules; a saved version is told in the status bar."""
        main = self.window
        if not allows(main.ctx.account, Operation.MANAGE):
            return
        from pharmadesk.ui.loyalty_rules_dialog import LoyaltyRulesDialog, saved_text

        dialog = LoyaltyRulesDialog(main.ctx, main)
        if main.run_dialog(dialog) and dialog.saved is not None and not main.locked:
            main.statusBar().showMessage(saved_text(dialog.saved), 5000)
            self.customer_changed.emit()  # the tier and its discount may differ from today

    def show_accounts(self) -> None:
        """The owner's accounts: add, remove, roles, passwords, waits, the recovery code."""
        main = self.window
        if not allows(main.ctx.account, Operation.MANAGE):
            return
        from pharmadesk.ui.accounts_dialog import AccountsDialog

        main.run_dialog(AccountsDialog(main.ctx, main))
        self.settings_changed.emit()

    def change_password(self) -> None:
        from pharmadesk.ui.accounts_dialog import ChangePasswordDialog

        main = self.window
        main.run_dialog(ChangePasswordDialog(main.ctx, main))

    def show_audit_log(self) -> None:
        main = self.window
        if not allows(main.ctx.account, Operation.AUDIT):
            return
        from pharmadesk.ui.audit_viewer import AuditLogDialog

        main.run_dialog(AuditLogDialog(main.ctx, main, runner=self._runner))

    def show_templates(self) -> None:
        """The owner's message templates for reminders, birthdays and win-back calls."""
        main = self.window
        if not allows(main.ctx.account, Operation.MANAGE):
            return
        from pharmadesk.ui.templates_dialog import TemplatesDialog

        main.run_dialog(TemplatesDialog(main.ctx, self._runner, main))

    def show_controlled(self) -> None:
        main = self.window
        if not allows(main.ctx.account, Operation.MANAGE):
            return
        from pharmadesk.ui.controlled_products_dialog import ControlledProductsDialog

        main.run_dialog(ControlledProductsDialog(main.ctx, main))
