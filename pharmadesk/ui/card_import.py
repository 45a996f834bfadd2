"""The scanned-card import: scans in, every card checked by a person, one import batch out.

Four steps: the scans and the layout (card_sources_page), the check card by card
(card_check_page), then the spreadsheet import's own preview and commit, fed with the
accepted cards as rows (io/cards/card_table). The batch is an ordinary one, of kind
"cards": the import history lists it and undoes it as a whole.

The recogniser needs no database and takes a second or two a card, so it runs in a
BackgroundRunner of the wizard's own, stopped when the wizard closes; the database jobs
(layouts, customers on file, the plan, the commit) run in the window's runner as for any
import. The main window opens it with `open_card_import`, or, to run it its own modal way,
checks `ocr_unavailable()` first and runs `CardImportWizard` like the import wizard.

Closing it (Cancel, Escape, the window's close box) while accepted cards are not yet
imported asks first: an hour of checking must not go with one stray Escape. A lock hides
the wizard without asking, as it must.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget, QWizardPage

from pharmadesk.io.cards import card_table, engine
from pharmadesk.io.cards import layout as layouts
from pharmadesk.io.cards.layout import CardLayout
from pharmadesk.services import settings
from pharmadesk.services.context import Context
from pharmadesk.ui.card_check_page import CheckPage
from pharmadesk.ui.card_reader import PageFeed
from pharmadesk.ui.card_sources_page import Scans, SourcesPage
from pharmadesk.ui.card_text import ocr_missing_text
from pharmadesk.ui.import_wizard import ImportWizard
from pharmadesk.ui.tasks import BackgroundRunner, Failure, Job, Success


def ocr_unavailable() -> str | None:
    """What keeps scanned cards from being read here, in the UI language; None when they can."""
    reason = engine.missing()
    return ocr_missing_text(reason) if reason is not None else None


def open_card_import(
    parent: QWidget | None,
    ctx: Context,
    runner: BackgroundRunner,
    *,
    paths: Sequence[Path] = (),
) -> int | None:
    """The menu entry: says what is missing when cards cannot be read, else runs the wizard
    (modal). Returns the batch imported, if any, for the window to refresh its counts."""
    missing = ocr_unavailable()
    if missing is not None:
        box = QMessageBox(QMessageBox.Icon.Information, _title(), missing, parent=parent)
        box.setObjectName("ocrMissingBox")
        box.exec()
        return None
    wizard = CardImportWizard(ctx, runner, parent, paths=paths)
    try:
        wizard.exec()
        return wizard.imported_batch
    finally:
        wizard.deleteLater()  # it holds every page image read


def _title() -> str:
    return QCoreApplication.translate("CardImportWizard", "Import scanned cards")


class CardImportWizard(ImportWizard):
    """Import customers from scanned paper cards; `imported_batch` is the batch written."""

    def __init__(
        self,
        ctx: Context,
        runner: BackgroundRunner,
        parent: QWidget | None = None,
        *,
        paths: Sequence[Path] = (),
    ) -> None:
        super().__init__(ctx, runner, parent)
        self.setWindowTitle(_title())
        self.resize(1240, 740)
        if paths:
            self.sources.add_paths(list(paths))

    def source_pages(self, start_path: Path | None) -> list[QWizardPage]:
        # Called by ImportWizard.__init__: the reading worker and its state come first.
        self.feed = PageFeed()
        self.ocr = BackgroundRunner(self, on_stop=self.feed.close)
        self._ocr_tickets: set[int] = set()
        self.scans: Scans = []
        self.scan_problems: list[tuple[str, str]] = []  # code, file name
        self.card_layout: CardLayout = layouts.DEFAULT
        self.sources = SourcesPage(self)
        self.check = CheckPage(self)
        if start_path is not None:
            self.sources.add_paths([start_path])
        return [self.sources, self.check]

    def sources_key(self) -> str:
        """What the cards are read from: when it changes, they are read again."""
        chosen = {"scans": [[str(path), count] for path, count in self.scans],
                  "layout": self.card_layout.to_json()}  # fmt: skip
        return json.dumps(chosen, sort_keys=True)

    def plan_job(self, *, policy: str, overrides: dict[int, str]) -> Job | None:
        cards, ctx = self.check.accepted(), self.ctx
        if not cards:
            return None
        return lambda: card_table.plan(
            ctx, cards, policy=policy, overrides=overrides,
            store_images=settings.store_card_images(ctx),
        )  # fmt: skip

    # the reading worker ---------------------------------------------------------------------

    def ocr_submit(self, job: Job, on_success: Success, on_failure: Failure) -> int:
        """Run `job` in the reading worker; its callbacks are dropped once the wizard closes."""
        ticket = 0

        def delivered(callback: Success | Failure) -> Success:
            def call(value: object) -> None:
                self._ocr_tickets.discard(ticket)
                callback(value)  # type: ignore[arg-type]

            return call

        ticket = self.ocr.submit(job, delivered(on_success), delivered(on_failure))
        self._ocr_tickets.add(ticket)
        return ticket

    def ocr_forget(self, ticket: int) -> None:
        self._ocr_tickets.discard(ticket)
        self.ocr.forget(ticket)

    def reject(self) -> None:
        accepted = len(self.check.accepted())
        imported = self.commit.outcome == "committed"
        asking = accepted and not imported and not self.commit.running()
        if asking and not self._may_lose(accepted):
            return
        super().reject()

    def _may_lose(self, accepted: int) -> bool:
        answer = QMessageBox.question(
            self,
            _title(),
            self.tr(
                "%n card(s) accepted and not imported yet. Close and lose the check?", "", accepted
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def done(self, result: int) -> None:
        for ticket in list(self._ocr_tickets):
            self.ocr_forget(ticket)
        self.check.reader.drop()
        super().done(result)
        self.ocr.stop()  # waits for the card in hand (a second or two), then ends the thread
