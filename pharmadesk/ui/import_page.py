"""The base of the import wizard's pages: a status line, Next that follows `ready()`, and
jobs run in the wizard's BackgroundRunner (only the latest job's result is wanted)."""

from __future__ import annotations

import logging
import weakref
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget, QWizardPage

from pharmadesk.errors import PharmaDeskError
from pharmadesk.ui.import_text import error_text
from pharmadesk.ui.tasks import Job, Success
from pharmadesk.ui.unexpected import unexpected_error_text

if TYPE_CHECKING:
    from pharmadesk.ui.import_wizard import ImportWizard

log = logging.getLogger(__name__)


def keyboard_back(widget: QWidget) -> None:
    """After a modal dialog: the wizard is the active window again, `widget` has the keys."""
    widget.window().activateWindow()
    if widget.isVisible():
        widget.setFocus(Qt.FocusReason.OtherFocusReason)


class _Page(QWizardPage):
    """A page of the import wizard, with a line for what is going on or went wrong."""

    def __init__(self, importer: ImportWizard) -> None:
        super().__init__()
        # Not a strong reference: a wizard <-> page cycle would leave the wizard to Python's
        # cyclic GC, which may run in the worker thread and delete a widget there.
        self._importer = weakref.ref(importer)
        self.ticket: int | None = None
        # Next and Finish follow this hidden mandatory field (see `refresh`).
        self._ready = QLineEdit(self)
        self._ready.hide()
        self._ready.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # QWizard focuses the first taker
        self.registerField(f"{type(self).__name__}Ready*", self._ready)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    @property
    def importer(self) -> ImportWizard:
        wizard = self._importer()
        assert wizard is not None, "a page outlived its wizard"
        return wizard

    def ready(self) -> bool:
        """May the user go on from this page?"""
        return True

    def refresh(self) -> None:
        """Enable or disable Next (or Finish) as `ready()` says.

        Through a mandatory field, not by emitting completeChanged: PySide6 6.12 loses a
        reference to True on every emit() made from Python, and the app dies when it runs out.
        """
        self._ready.setText("1" if self.ready() else "")

    def cleanupPage(self) -> None:
        # Leaving by Back keeps what the page holds (Qt's default would reset its fields).
        self.refresh()

    def run(self, job: Job, on_success: Success) -> None:
        """Run `job` in the worker; only the latest job's result is wanted."""
        self.drop_job()
        self.ticket = self.importer.submit(job, self._finished(on_success), self._failed)

    def drop_job(self) -> None:
        if self.ticket is not None:
            self.importer.forget(self.ticket)
            self.ticket = None

    def busy(self) -> bool:
        return self.ticket is not None

    def _finished(self, on_success: Success) -> Success:
        def done(result: Any) -> None:
            self.ticket = None
            on_success(result)
            self.refresh()

        return done

    def _failed(self, error: BaseException) -> None:
        self.ticket = None
        if not isinstance(error, PharmaDeskError):
            log.error("import wizard: unexpected error", exc_info=error)
        self.show_error(error)
        self.refresh()

    def show_error(self, error: BaseException) -> None:
        if isinstance(error, PharmaDeskError):
            self.status.setText(error_text(error))
        else:
            self.status.setText(unexpected_error_text(error))
