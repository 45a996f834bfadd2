"""Step 3 of the import wizard: the dry run, its counts per outcome and the rows behind
them, the duplicate policy and the user's decisions for single rows."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizard,
)

from pharmadesk.io import customer_import
from pharmadesk.io.customer_import import ImportPlan
from pharmadesk.ui import labels
from pharmadesk.ui.import_page import _Page
from pharmadesk.ui.import_preview_model import PROPOSED, RowPlanTableModel
from pharmadesk.ui.import_text import outcome_label, planned_label, shown
from pharmadesk.ui.tables import size_columns, table_view

if TYPE_CHECKING:
    from pharmadesk.ui.import_wizard import ImportWizard

REASON_SAMPLES = ("99999", "Rejected", "merged into row 1234 (same name and birth date)")


class PreviewPage(_Page):
    POLICIES = ("merge", "skip", "new")

    def __init__(self, importer: ImportWizard) -> None:
        super().__init__(importer)
        self.setTitle(self.tr("Check before importing"))
        self.setSubTitle(self.tr("Nothing has been written yet."))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Import"))
        self.status.setObjectName("previewStatus")
        self.policy = QButtonGroup(self)
        self.counts = {outcome: QLabel() for outcome in customer_import.OUTCOMES}
        self.proposals = QLabel()
        self.previous = QLabel()
        self.previous.setObjectName("previousWarning")
        self.previous.setWordWrap(True)
        self.previous.setStyleSheet("color: #b00020; font-weight: bold")
        self.again = QCheckBox(self.tr("Import it a&gain"))
        self.again.setObjectName("importAgain")
        self.outcome = QComboBox()
        self.outcome.setObjectName("outcomeFilter")
        self.model = RowPlanTableModel()
        self.model.setParent(self)  # Qt owns it: never deleted from the worker thread
        self.rows = table_view(self.model)
        self.rows.setObjectName("previewRows")
        self.rows.setTabKeyNavigation(False)  # Tab leaves the table for the buttons
        size_columns(self.rows, REASON_SAMPLES)
        # The user's decisions for single rows (row number -> merge, new or skip).
        self.overrides: dict[int, str] = {}
        self.decide = {
            "merge": QPushButton(self.tr("Merge this r&ow")),
            "new": QPushButton(self.tr("As a new &customer")),
            "skip": QPushButton(self.tr("Skip &this row")),
        }
        for action, button in self.decide.items():
            button.setObjectName(f"decide_{action}")
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, a=action: self._decide(a))
        # The selected row beside the row or customer it merges into (or is proposed for).
        self.comparison = QTableWidget(0, 3)
        self.comparison.setObjectName("comparison")
        self.comparison.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.comparison.verticalHeader().hide()
        self.comparison.horizontalHeader().setStretchLastSection(True)
        # Fixed row heights and a cap: the rows above keep most of the page.
        self.comparison.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.comparison.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.comparison.setMaximumHeight(self.fontMetrics().height() * 9)
        self.comparison.hide()
        # The selected row's whole reason: the column cuts long ones, and a tooltip is out
        # of reach of the keyboard.
        self.reason = QLabel()
        self.reason.setObjectName("selectedReason")
        self.reason.setWordWrap(True)
        self.reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._lay_out()
        self.rows.selectionModel().currentRowChanged.connect(lambda now, _: self._compare(now))
        self.model.modelReset.connect(self.reason.clear)
        self.again.toggled.connect(self.refresh)
        self.outcome.currentIndexChanged.connect(
            lambda: self.model.set_outcome(self.outcome.currentData())
        )
        self._show_plan(None)

    def _policy_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("When a row is a customer already on file"))
        layout = QVBoxLayout(box)
        texts = (
            self.tr("&Merge: fill the customer's empty fields, never overwrite"),
            self.tr("&Keep the existing customer and skip the row"),
            self.tr("Create a new customer &anyway"),
        )
        for position, (policy, text) in enumerate(zip(self.POLICIES, texts, strict=True)):
            button = QRadioButton(text)
            button.setObjectName(f"policy_{policy}")
            button.setChecked(position == 0)
            self.policy.addButton(button, position)
            layout.addWidget(button)
        self.policy.idToggled.connect(self._policy_toggled)
        return box

    def _policy_toggled(self, _: int, checked: bool) -> None:
        if checked:
            self.replan()

    def _counts_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("What the import will do (nothing is written yet)"))
        form = QFormLayout(box)
        for outcome, label in self.counts.items():
            label.setObjectName(f"count_{outcome}")
            form.addRow(self.tr("%1:").replace("%1", planned_label(outcome)), label)
        self.proposals.setObjectName("count_proposed")
        hint = self.tr(
            "Imported, but the same or a similar name is on file or earlier in "
            "the file: check them, and merge by hand where it is the same person"
        )
        caption = QLabel(self.tr("Names to check:"))
        for widget in (caption, self.proposals):
            widget.setToolTip(hint)
        form.addRow(caption, self.proposals)
        return box

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self._policy_box(), 1)
        top.addWidget(self._counts_box())
        show = QLabel(self.tr("&Show:"))
        show.setBuddy(self.outcome)
        self.outcome.addItem(self.tr("Every row not simply imported"), None)
        for outcome in customer_import.OUTCOMES[1:]:
            self.outcome.addItem(outcome_label(outcome), outcome)
        self.outcome.addItem(self.tr("Names to check"), PROPOSED)
        filter_row = QHBoxLayout()
        filter_row.addWidget(show)
        filter_row.addWidget(self.outcome)
        filter_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.previous)
        layout.addWidget(self.again)
        layout.addLayout(filter_row)
        layout.addWidget(self.rows, 2)
        layout.addWidget(self.reason)
        decisions = QHBoxLayout()
        decisions.addWidget(QLabel(self.tr("Selected row:")))
        for button in self.decide.values():
            decisions.addWidget(button)
        decisions.addStretch(1)
        layout.addLayout(decisions)
        layout.addWidget(self.comparison, 1)
        layout.addWidget(self.status)

    def chosen_policy(self) -> str:
        return self.POLICIES[max(self.policy.checkedId(), 0)]

    def _compare(self, current: QModelIndex) -> None:
        self._show_reason(current)
        row = self.model.row_at(current.row())
        plan = self.importer.plan
        found = customer_import.compare(self.importer.ctx, plan, row) if plan and row else None
        self.comparison.setVisible(found is not None)
        if found is None:
            return
        other = (
            self.tr("On file")
            if found.other == "on file"
            else self.tr("Row %1").replace("%1", found.other.removeprefix("row "))
        )
        self.comparison.setHorizontalHeaderLabels([self.tr("Field"), self.tr("This row"), other])
        self.comparison.setRowCount(len(found.fields))
        for position, (name, mine, theirs) in enumerate(found.fields):
            for column, text in enumerate((labels.field(name), shown(mine), shown(theirs))):
                self.comparison.setItem(position, column, QTableWidgetItem(text))
        self.comparison.resizeColumnsToContents()

    def _show_reason(self, current: QModelIndex) -> None:
        if not current.isValid():
            self.reason.clear()
            return
        number, outcome, why = (self.model.index(current.row(), c).data() for c in range(3))
        text = self.tr("Row %1 · %2: %3") if why else self.tr("Row %1 · %2")
        self.reason.setText(
            text.replace("%1", str(number)).replace("%2", str(outcome)).replace("%3", str(why))
        )

    def say_how_to_import(self) -> None:
        """What an Enter that did not import is told (the wizard's key handling)."""
        if self.ready():
            self.status.setText(
                self.tr("Enter does not import: press Import (Alt+I) to write these rows.")
            )

    def _decide(self, action: str) -> None:
        """Decide the selected row by hand, then check the rows again."""
        row = self.model.row_at(self.rows.currentIndex().row())
        if row is None or row.card is None or self.busy():
            return
        self.overrides[row.number] = action
        self.replan()

    def initializePage(self) -> None:
        self.replan()

    def cleanupPage(self) -> None:
        self.drop_job()
        self.importer.plan = None
        self.overrides.clear()  # back on the columns page: the rows may be others
        self.refresh()

    def ready(self) -> bool:
        plan = self.importer.plan
        if plan is None or self.busy():
            return False
        return plan.previous_batch is None or self.again.isChecked()

    def replan(self) -> None:
        """Plan the import in the worker (the wizard says how), with the duplicate policy."""
        importer = self.importer
        job = importer.plan_job(policy=self.chosen_policy(), overrides=dict(self.overrides))
        if job is None:
            return
        importer.plan = None
        self._show_plan(None)
        self.status.setText(self.tr("Checking every row…"))
        self.run(job, self._planned)
        self.refresh()

    def _planned(self, plan: ImportPlan) -> None:
        self.importer.plan = plan
        self._show_plan(plan)
        self.status.setText(self.tr("%Ln data row(s) checked.", "", len(plan.rows)))

    def _show_plan(self, plan: ImportPlan | None) -> None:
        counts = plan.counts() if plan else {}
        for outcome, label in self.counts.items():
            label.setText(str(counts[outcome]) if plan else "…")
        self.proposals.setText(str(plan.proposals()) if plan else "…")
        self.model.set_rows(plan.rows if plan else [])
        earlier = plan.previous_batch if plan else None
        self.previous.setVisible(earlier is not None)
        self.again.setVisible(earlier is not None)
        if earlier is not None:
            self.previous.setText(
                self.tr(
                    "This file was imported before (batch %1). Import it again only on purpose."
                ).replace("%1", str(earlier))
            )
