"""Step 4 of the import wizard: the commit as one batch, with progress, Cancel and the
report of every row not simply imported."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWizard,
)

from pharmadesk.errors import PharmaDeskError
from pharmadesk.io import import_batches, report
from pharmadesk.io.customer_import import ImportCancelled
from pharmadesk.ui.import_page import _Page, keyboard_back
from pharmadesk.ui.import_text import counts_text, error_text, report_language
from pharmadesk.ui.unexpected import unexpected_error_text

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from pharmadesk.ui.import_wizard import ImportWizard

PROGRESS_MS = 50


def _settled(complete: bool) -> None:
    if not complete:  # a reader held part back: the next save copies the rest
        log.info("checkpoint after an import left part of the WAL for later")


def _settle_failed(error: BaseException) -> None:
    # Nothing to tell the user: the batch is committed, and the next save checkpoints.
    log.warning("checkpoint after an import failed", exc_info=error)


@dataclass
class CommitProgress:
    """Shared with the worker: it writes `latest` and reads `cancel`; a GUI timer reads
    `latest`. Plain attributes, so no widget is touched from the worker."""

    latest: tuple[int, int] = (0, 0)
    cancel: bool = False

    def update(self, done: int, total: int) -> None:
        self.latest = (done, total)

    def cancelled(self) -> bool:
        return self.cancel


class CommitPage(_Page):
    def __init__(self, importer: ImportWizard) -> None:
        super().__init__(importer)
        self.setTitle(self.tr("Import"))
        self.status.setObjectName("commitResult")
        self.progress = QProgressBar()
        self.progress.setObjectName("importProgress")
        self.cancel = QPushButton(self.tr("&Cancel import"))
        self.cancel.setObjectName("cancelImport")
        self.cancel.setAutoDefault(False)
        self.report = QPushButton(self.tr("Save &report…"))
        self.report.setObjectName("saveReport")
        self.report.setAutoDefault(False)
        self.shared = CommitProgress()
        self.batch_id: int | None = None
        self.outcome: str | None = None  # committed, cancelled or failed, once finished
        self._timer = QTimer(self)
        self._timer.setInterval(PROGRESS_MS)
        self._timer.timeout.connect(self._show_progress)
        self.cancel.clicked.connect(self.request_cancel)
        self.report.clicked.connect(self._save_report)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.report)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addStretch(1)

    def ready(self) -> bool:
        return self.outcome is not None

    def running(self) -> bool:
        return self.busy()

    def initializePage(self) -> None:
        plan = self.importer.plan
        if plan is None:
            return
        self.shared = shared = CommitProgress(latest=(0, len(plan.rows)))
        self.outcome, self.batch_id = None, None
        self.report_saved = False
        self.report.hide()
        self.cancel.show()
        self.cancel.setEnabled(True)
        self.progress.setRange(0, max(len(plan.rows), 1))
        self.progress.setValue(0)
        self.status.setText(self.tr("Importing…"))
        ctx, again = self.importer.ctx, self.importer.preview.again.isChecked()
        self.run(
            lambda: import_batches.commit(
                ctx, plan, again=again, progress=shared.update, cancelled=shared.cancelled
            ),
            self._committed,
        )
        self._timer.start()

    def request_cancel(self) -> None:
        if not self.running():
            return
        self.shared.cancel = True
        self.cancel.setEnabled(False)
        self.status.setText(self.tr("Cancelling…"))

    def _show_progress(self) -> None:
        done, total = self.shared.latest
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    def _end(self, outcome: str) -> None:
        self._timer.stop()
        self._show_progress()
        self.outcome = outcome
        self.cancel.hide()
        self.importer.setOption(QWizard.WizardOption.NoCancelButton, True)
        self.refresh()
        finish = self.importer.button(QWizard.WizardButton.FinishButton)
        if finish is not None:
            finish.setFocus(Qt.FocusReason.OtherFocusReason)  # Enter closes the wizard

    def _committed(self, batch_id: int) -> None:
        plan = self.importer.plan
        assert plan is not None
        self._end("committed")
        self.batch_id = batch_id
        self.status.setText(
            self.tr("Imported as batch %1.").replace("%1", str(batch_id))
            + "\n"
            + counts_text(plan.counts())
        )
        self.report.show()
        self.importer.imported_batch = batch_id
        # The batch is safe now; copying it into the database file waits no longer for the
        # user, who reads the result meanwhile. The page is not busy with it.
        ctx = self.importer.ctx
        self.importer.runner.submit(lambda: import_batches.settle(ctx), _settled, _settle_failed)

    def show_error(self, error: BaseException) -> None:
        if self.outcome is not None:  # the report failed: the import itself is done
            self.report.setEnabled(True)
            super().show_error(error)
            return
        cancelled = isinstance(error, ImportCancelled)
        self._end("cancelled" if cancelled else "failed")
        if cancelled:
            self.status.setText(self.tr("The import was cancelled. Nothing was written."))
        elif isinstance(error, PharmaDeskError):
            self.status.setText(error_text(error) + "\n" + self.tr("Nothing was written."))
        else:
            self.status.setText(
                unexpected_error_text(error) + "\n" + self.tr("Nothing was written.")
            )

    def validatePage(self) -> bool:  # Finish
        return self.may_close()

    def may_close(self) -> bool:
        """Whether the wizard may close now. After a commit with rejected or flagged rows
        whose report was not saved, the person is asked first: the report is the only
        list of them and their reasons (the import history keeps the counts), so closing
        without it must be a choice, not a slip of Enter or Escape."""
        plan = self.importer.plan
        if self.outcome != "committed" or self.report_saved or plan is None:
            return True
        counts = plan.counts()
        to_check = counts.get("rejected", 0) + counts.get("flagged", 0)
        if not to_check or self.busy():  # busy: the report is being written
            return True
        text = self.tr(
            "%Ln row(s) of this file were rejected or imported with a warning. The report is "
            "the only list of them and of the reasons, and it has not been saved: once the "
            "wizard is closed they cannot be listed again.", "", to_check,
        )  # fmt: skip
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Import"), text, parent=self)
        save = box.addButton(self.tr("Save &report…"), QMessageBox.ButtonRole.AcceptRole)
        leave = box.addButton(self.tr("Close &without report"),
                              QMessageBox.ButtonRole.DestructiveRole)  # fmt: skip
        box.setEscapeButton(box.addButton(QMessageBox.StandardButton.Cancel))
        box.setDefaultButton(save)
        box.exec()
        if box.clickedButton() is save:
            self._save_report()
        return box.clickedButton() is leave

    def ask_report_path(self) -> Path | None:
        plan = self.importer.plan
        source = plan.table.source if plan else Path.home() / "import.xlsx"
        name = self.tr("%1 - import report").replace("%1", source.stem) + ".xlsx"
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the import report"),
            str(source.with_name(name)),
            self.tr("Excel workbook (*.xlsx)"),
        )
        keyboard_back(self.report)
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix.lower() == ".xlsx" else path.with_name(path.name + ".xlsx")

    def _save_report(self) -> None:
        plan, path = self.importer.plan, self.ask_report_path()
        if plan is None or path is None:
            return
        ctx, language = self.importer.ctx, report_language()
        self.report.setEnabled(False)
        self.run(
            lambda: report.write(ctx, plan, path, language=language),
            lambda written: self._report_saved(path, written),
        )

    def _report_saved(self, path: Path, written: int) -> None:
        self.report.setEnabled(True)
        self.report_saved = True
        saved = self.tr("Report saved to %1 (%Ln row(s)).", "", written)
        self.status.setText(self.status.text() + "\n" + saved.replace("%1", str(path)))
