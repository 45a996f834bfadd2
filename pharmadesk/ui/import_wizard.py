"""The import wizard: a card file in four steps (file, columns, preview, import).

Reading the file, planning the import and writing it run in the BackgroundRunner; the pages
only show what comes back. Nothing is written before the last page, and what it writes is
one batch that the import history can undo. The main window runs
`ImportWizard(ctx, runner, parent)` and, if `imported_batch` is set, refreshes its counts.

Each step is a page of its own module (import_file_page, import_columns_page,
import_preview_page, import_commit_page) on the base in import_page; import_text holds
the words and cell formatting they share. The scanned-card wizard (card_import) is this
wizard with its own first steps (`source_pages`) and its own dry run (`plan_job`), so the
preview, the commit and the batch are the same.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget, QWizard, QWizardPage

from pharmadesk.io import customer_import
from pharmadesk.io.customer_import import ImportPlan
from pharmadesk.io.files import RawTable
from pharmadesk.services.context import Context
from pharmadesk.ui.import_columns_page import ColumnsPage
from pharmadesk.ui.import_commit_page import CommitPage
from pharmadesk.ui.import_file_page import FilePage
from pharmadesk.ui.import_preview_page import PreviewPage
from pharmadesk.ui.import_text import outcome_label
from pharmadesk.ui.tasks import BackgroundRunner, Failure, Job, Success

__all__ = ["ImportWizard", "outcome_label"]  # the import history reads outcome_label here


class ImportWizard(QWizard):
    """Import customers from a card file; `imported_batch` is the batch written, if any.

    No signal says so: the main window runs the wizard modally and reads it afterwards.
    """

    def __init__(
        self,
        ctx: Context,
        runner: BackgroundRunner,
        parent: QWidget | None = None,
        *,
        start_path: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.runner = runner
        self.table: RawTable | None = None
        self.header_index = 0
        self.mapping: dict[int, str] = {}
        self.plan: ImportPlan | None = None
        self.imported_batch: int | None = None
        self._tickets: set[int] = set()
        self.setWindowTitle(self.tr("Import customers"))
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        first = self.source_pages(start_path)
        self.preview = PreviewPage(self)
        self.commit = CommitPage(self)
        for page in (*first, self.preview, self.commit):
            self.addPage(page)
        self.resize(920, 640)

    def source_pages(self, start_path: Path | None) -> list[QWizardPage]:
        """The steps before the preview: here the file and its columns. The scanned-card
        wizard (card_import) puts its own here and shares the preview and the commit."""
        self.file_page = FilePage(self, start_path)
        self.columns = ColumnsPage(self)
        return [self.file_page, self.columns]

    def plan_job(self, *, policy: str, overrides: dict[int, str]) -> Job | None:
        """The dry run the preview runs in the worker, or None while there is nothing to plan."""
        table, chosen, start, ctx = self.table, dict(self.mapping), self.header_index, self.ctx
        if table is None:
            return None
        return lambda: customer_import.plan(
            ctx, table, mapping=chosen, header_index=start, policy=policy, overrides=overrides
        )

    def submit(self, job: Job, on_success: Success, on_failure: Failure) -> int:
        """Run `job` in the runner; its callbacks are dropped once the wizard is closed."""
        ticket = 0

        def deliver(callback: Callable[[Any], None]) -> Callable[[Any], None]:
            def call(value: Any) -> None:
                self._tickets.discard(ticket)
                callback(value)

            return call

        ticket = self.runner.submit(job, deliver(on_success), deliver(on_failure))
        self._tickets.add(ticket)
        return ticket

    def forget(self, ticket: int) -> None:
        self._tickets.discard(ticket)
        self.runner.forget(ticket)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter goes on from page to page, but writing the batch takes the Import button
        # itself (focused, clicked or Alt+I): an Enter meant for the filter or a radio
        # button of the preview must not import the file.
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        commit = self.button(QWizard.WizardButton.CommitButton)
        if (
            enter
            and self.currentPage() is self.preview
            and QApplication.focusWidget() is not commit
        ):
            event.accept()
            self.preview.say_how_to_import()
            return
        super().keyPressEvent(event)

    def reject(self) -> None:
        # Closing mid-import cancels it; the wizard stays open to say that nothing was written.
        if self.commit.running():
            self.commit.request_cancel()
            return
        if self.currentPage() is self.commit and not self.commit.may_close():
            return
        super().reject()

    def done(self, result: int) -> None:
        for ticket in list(self._tickets):
            self.forget(ticket)
        super().done(result)
