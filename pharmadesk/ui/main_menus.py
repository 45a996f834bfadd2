"""The counter window's actions, its menus and toolbar, and which role may use which.

`build(window)` makes every action as an `act_` attribute of the window (declared in
MenuActions, which MainWindow inherits, so code and tests name them), then the menus and
the toolbar. A new entry takes four steps, all here: declare it in MenuActions, make it in
`_make_actions`, place it in `_menus` (a new kind of import goes in the File menu right
after "Import…"), and give it a line in `role_rules` when not every role may use it. Its
slot is a method of the window (the customer on screen) or of `window.tools`
(window_openers.py: every window and dialog the counter opens).

The texts are the window's own and keep its translation context, "MainWindow", where their
Chinese is filed: hence translate("MainWindow", …) here instead of self.tr().
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolBar

from pharmadesk.services.permissions import Operation, allows

if TYPE_CHECKING:
    from pharmadesk.ui.main_window import MainWindow

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


class MenuActions:
    """The window's actions and toolbar, made by `build`."""

    act_search: QAction
    act_new: QAction
    act_save: QAction
    act_purchase: QAction
    act_interaction: QAction
    act_follow_ups: QAction
    act_all_purchases: QAction
    act_reminders: QAction
    act_fields: QAction
    act_settings: QAction
    act_loyalty: QAction
    act_accounts: QAction
    act_password: QAction
    act_audit: QAction
    act_lock: QAction
    act_quit: QAction
    act_import: QAction
    act_card_import: QAction
    act_history: QAction
    act_export: QAction
    act_backup: QAction
    act_restore: QAction
    act_charts: QAction
    act_customer_data: QAction
    act_erase: QAction
    act_retention: QAction
    act_register: QAction
    act_controlled: QAction
    act_templates: QAction
    act_duplicates: QAction
    act_stale: QAction
    act_quality: QAction
    act_merges: QAction
    toolbar: QToolBar


def build(window: MainWindow) -> None:
    """Every action of the window, then its menus and its toolbar."""
    _make_actions(window)
    for title, actions in _menus(window):
        menu = window.menuBar().addMenu(title)
        menu.setToolTipsVisible(True)  # a disabled entry says why
        for item in actions:
            if item is None:
                menu.addSeparator()
            else:
                menu.addAction(item)
    window.toolbar = toolbar = QToolBar(translate("MainWindow", "Main"))
    toolbar.setObjectName("mainToolbar")
    toolbar.setMovable(False)
    w = window
    for action in (w.act_new, w.act_save, w.act_purchase, w.act_interaction, w.act_import,
                   w.act_export, w.act_charts, w.act_follow_ups, w.act_reminders,
                   w.act_settings, w.act_lock):  # fmt: skip
        toolbar.addAction(action)
    window.addToolBar(toolbar)


def _make_actions(w: MainWindow) -> None:
    tools = w.tools

    def make(name: str, text: str, slot: Callable[[], object], *keys: str) -> QAction:
        action = QAction(text, w)
        action.setObjectName(name)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        w.addAction(action)
        return action

    w.act_search = make("actionSearch", translate("MainWindow", "Search"),
                        lambda: w.search.focus_box(), "Ctrl+F", "F3")  # fmt: skip
    w.act_new = make("actionNew", translate("MainWindow", "New customer"), w.new_customer,
                     "Ctrl+N")  # fmt: skip
    w.act_save = make("actionSave", translate("MainWindow", "Save"), w.save, "Ctrl+S")
    w.act_purchase = make("actionPurchase", translate("MainWindow", "Add purchase…"),
                          tools.add_purchase, "Ctrl+P")  # fmt: skip
    w.act_interaction = make("actionInteraction", translate("MainWindow", "Log interaction…"),
                             tools.add_interaction, "Ctrl+I")  # fmt: skip
    w.act_follow_ups = make("actionFollowUps", translate("MainWindow", "Follow-ups"),
                            tools.show_follow_ups, "Ctrl+U")  # fmt: skip
    w.act_all_purchases = make("actionAllPurchases", translate("MainWindow", "All purchases"),
                               tools.show_all_purchases, "Ctrl+Shift+P")  # fmt: skip
    w.act_reminders = make("actionReminders", translate("MainWindow", "Reminders"),
                           tools.show_reminders, "Ctrl+R")  # fmt: skip
    w.act_fields = make("actionCustomFields", translate("MainWindow", "Custom fields…"),
                        tools.edit_custom_fields)  # fmt: skip
    w.act_settings = make("actionSettings", translate("MainWindow", "Settings…"),
                          tools.show_settings)  # fmt: skip
    w.act_loyalty = make("actionLoyaltyRules", translate("MainWindow", "Loyalty rules…"),
                         tools.show_loyalty_rules)  # fmt: skip
    w.act_accounts = make("actionAccounts", translate("MainWindow", "Accounts…"),
                          tools.show_accounts)  # fmt: skip
    w.act_password = make("actionChangePassword", translate("MainWindow", "Change my password…"),
                          tools.change_password)  # fmt: skip
    w.act_audit = make("actionAuditLog", translate("MainWindow", "Audit log…"),
                       tools.show_audit_log)  # fmt: skip
    w.act_lock = make("actionLock", translate("MainWindow", "Lock"), w.lock, "Ctrl+L")
    # Ctrl+L locks from the dashboard and the other windows too, not only from this one.
    w.act_lock.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
    w.act_quit = make("actionQuit", translate("MainWindow", "Quit"), w.close, "Ctrl+Q")
    w.act_import = make("actionImport", translate("MainWindow", "Import…"), tools.show_import)
    w.act_card_import = make(
        "actionImportCards", translate("MainWindow", "Import scanned cards…"),
        tools.show_card_import,
    )  # fmt: skip
    w.act_history = make("actionImportHistory", translate("MainWindow", "Import history…"),
                         tools.show_import_history)  # fmt: skip
    w.act_export = make("actionExport", translate("MainWindow", "Export to Excel…"),
                        tools.show_export)  # fmt: skip
    w.act_backup = make("actionBackup", translate("MainWindow", "Back up now…"),
                        w.backups.back_up_now)  # fmt: skip
    w.act_restore = make("actionRestore", translate("MainWindow", "Restore from backup…"),
                         w.backups.restore)  # fmt: skip
    w.act_charts = make("actionDashboard", translate("MainWindow", "Dashboard"),
                        tools.show_dashboard, "Ctrl+Shift+D")  # fmt: skip
    w.act_customer_data = make("actionCustomerData",
                               translate("MainWindow", "Export this customer's data…"),
                               tools.export_customer_data)  # fmt: skip
    w.act_erase = make("actionErase", translate("MainWindow", "Erase on request…"),
                       tools.erase_customer)  # fmt: skip
    w.act_retention = make("actionRetention", translate("MainWindow", "Retention review…"),
                           tools.show_retention)  # fmt: skip
    w.act_register = make("actionRegister", translate("MainWindow", "Real-name register…"),
                          tools.show_register)  # fmt: skip
    w.act_controlled = make("actionControlled", translate("MainWindow", "Controlled medicines…"),
                            tools.show_controlled)  # fmt: skip
    w.act_templates = make("actionTemplates", translate("MainWindow", "Message templates…"),
                           tools.show_templates)  # fmt: skip
    w.act_duplicates = make("actionDuplicates", translate("MainWindow", "Duplicate customers…"),
                            tools.show_duplicates)  # fmt: skip
    w.act_stale = make("actionStale", translate("MainWindow", "Review stale records…"),
                       tools.show_stale)  # fmt: skip
    w.act_quality = make("actionQuality", translate("MainWindow", "Data quality…"),
                         tools.show_quality)  # fmt: skip
    w.act_merges = make("actionMergeHistory", translate("MainWindow", "Merge history…"),
                        tools.show_merge_history)  # fmt: skip


def _menus(w: MainWindow) -> list[tuple[str, list[QAction | None]]]:
    """Each menu's title and entries in order (None: a separator)."""
    return [
        (translate("MainWindow", "&File"),
         [w.act_new, w.act_save, None, w.act_import, w.act_card_import, w.act_history,
          w.act_export, None, w.act_backup, w.act_restore, None, w.act_password, w.act_lock,
          w.act_quit]),
        (translate("MainWindow", "&Customer"),
         [w.act_search, w.act_purchase, w.act_interaction, None, w.act_merges, None,
          w.act_customer_data, w.act_erase]),
        (translate("MainWindow", "&View"),
         [w.act_follow_ups, w.act_reminders, w.act_all_purchases, w.act_charts, None,
          w.act_duplicates, w.act_stale, w.act_quality]),
        (translate("MainWindow", "&Tools"),
         [w.act_fields, w.act_settings, w.act_loyalty, w.act_templates, None, w.act_accounts,
          w.act_audit, w.act_retention, None, w.act_register, w.act_controlled]),
    ]  # fmt: skip


def role_rules(w: MainWindow) -> list[tuple[QAction, bool, str]]:
    """Each role-bound action, whether this account may use it, and why not."""
    account = w.ctx.account
    exports = allows(account, Operation.EXPORT_PERSONAL) or allows(account, Operation.ANALYTICS)
    return [
        (w.act_charts, allows(account, Operation.ANALYTICS),
         translate("MainWindow", "Only the owner and pharmacists see the dashboard")),
        # The dialog itself offers each role what it may export (personal data: owner).
        (w.act_export, exports,
         translate("MainWindow", "Only the owner and pharmacists can export")),
        (w.act_fields, allows(account, Operation.MANAGE),
         translate("MainWindow", "Only the owner can change custom fields")),
        (w.act_loyalty, allows(account, Operation.MANAGE),
         translate("MainWindow", "Only the owner sets the loyalty rules")),
        (w.act_accounts, allows(account, Operation.MANAGE),
         translate("MainWindow", "Only the owner manages accounts")),
        (w.act_audit, allows(account, Operation.AUDIT),
         translate("MainWindow", "Only the owner can see the audit log")),
        (w.act_backup, allows(account, Operation.BACKUP),
         translate("MainWindow", "This account may not make backups")),
        (w.act_restore, allows(account, Operation.RESTORE),
         translate("MainWindow", "Only the owner can restore a backup")),
        (w.act_customer_data, allows(account, Operation.EXPORT_PERSONAL),
         translate("MainWindow", "Only the owner can export a customer's data")),
        (w.act_erase, allows(account, Operation.ERASE),
         translate("MainWindow", "Only the owner can erase a customer")),
        (w.act_retention, allows(account, Operation.ERASE),
         translate("MainWindow", "Only the owner reviews how long data is kept")),
        (w.act_duplicates, allows(account, Operation.MERGE),
         translate("MainWindow", "Only the owner and pharmacists merge customers")),
        (w.act_quality, allows(account, Operation.ANALYTICS),
         translate("MainWindow", "Only the owner and pharmacists see the data quality")),
    ]  # fmt: skip


def update(w: MainWindow) -> None:
    """Locked: nothing but Quit. Open: what the role allows and the customer needs."""
    for action in w.actions():
        action.setEnabled(not w.locked)
    w.act_quit.setEnabled(True)
    if w.locked:
        return
    for action, allowed, why_not in role_rules(w):
        action.setEnabled(allowed)
        action.setToolTip("" if allowed else why_not)  # "": the entry's own text
    w.act_controlled.setVisible(allows(w.ctx.account, Operation.MANAGE))
    w.act_templates.setVisible(allows(w.ctx.account, Operation.MANAGE))
    has_customer = w.customer_id is not None
    # Offered once anything is typed, valid or not: a refused save shows what is wrong.
    w.act_save.setEnabled(w.form.is_dirty())
    w.act_purchase.setEnabled(has_customer)
    w.act_interaction.setEnabled(has_customer)
    for action in (w.act_customer_data, w.act_erase, w.act_merges):
        action.setEnabled(action.isEnabled() and has_customer)
