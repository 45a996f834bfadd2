"""One dashboard chart in the window: a matplotlib canvas, its definition as the tooltip, a
"Save chart…" button (and the same in its context menu), and clicks on its bars or wedges.

matplotlib's Qt backend is imported when the first chart is made, not when this module is:
the app must start within a second, and most sessions never open the dashboard. The figures
themselves are drawn by `pharmadesk.io.charts`, which knows nothing of Qt.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QMenu,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pharmadesk.services.analytics.results import Dashboard
from pharmadesk.ui import wheel_guard
from pharmadesk.ui.export_purpose import export_folder

if TYPE_CHECKING:
    from matplotlib.figure import Figure

CHART_HEIGHT = 330
SUFFIXES = (".png", ".pdf")
# The charts whose bars or wedges stand for customers one can list.
CLICKABLE = ("top_products", "top_categories", "segments", "stages")


class ChartView(QFrame):
    """Emits `picked(gid)` when a clickable bar or wedge ("segment:lost", "product:12") is
    clicked with the left button."""

    picked = Signal(str)

    def __init__(self, kind: str, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        from pharmadesk.io import charts

        self.kind, self.lang = kind, lang
        self.setObjectName(f"chart_{kind}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.figure: Figure = Figure(figsize=(6.0, 3.4))
        self.canvas = FigureCanvasQTAgg(self.figure)  # type: ignore[no-untyped-call]
        self.canvas.setMinimumHeight(CHART_HEIGHT)
        self.canvas.mpl_connect("pick_event", self._on_pick)
        # The canvas takes every wheel event (for matplotlib's own zoom, unused here): the
        # dashboard scrolled only from the gaps between the charts.
        self.canvas.installEventFilter(self)
        self._last_click: object = None
        self.title = charts.title_of(kind, lang)
        self.setToolTip(charts.definition_of(kind, lang))  # it says what a click does
        if kind in CLICKABLE:
            self.canvas.setCursor(Qt.CursorShape.PointingHandCursor)
        self._file_stem = kind
        self.save_button = QPushButton(self.tr("Save chart…"))
        self.save_button.setObjectName("saveChart")
        self.save_button.setAccessibleName(self.tr("Save chart: %1").replace("%1", self.title))
        self.save_button.clicked.connect(self.save)
        self._lay_out()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.canvas and event.type() == QEvent.Type.Wheel:
            wheel_guard.pass_to_scroll_area(self, event)
            return True
        return super().eventFilter(watched, event)

    def _lay_out(self) -> None:
        bar = QHBoxLayout()
        bar.addStretch(1)
        bar.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.canvas, 1)
        layout.addLayout(bar)

    def show_dashboard(self, dash: Dashboard) -> None:
        """Draw the chart for `dash` now (on the GUI thread: the figure belongs to the canvas;
        the window spreads its charts over turns of the event loop)."""
        from pharmadesk.io import charts

        charts.figure_for(self.kind, dash, lang=self.lang, figure=self.figure)
        # Named as the owner reads it (月度销售额-2026-11-01.png), with no path separator.
        title = self.title.replace("/", "-").replace("\\", "-")
        self._file_stem = f"{title}-{dash.period.start.isoformat()}"
        self.canvas.draw()  # type: ignore[no-untyped-call]

    def _on_pick(self, event: Any) -> None:
        # A click can hit a bar and its label at once: one click opens one list.
        mouse = event.mouseevent
        if mouse is self._last_click or getattr(mouse, "button", None) != 1:
            return
        gid = event.artist.get_gid()
        if isinstance(gid, str) and ":" in gid:
            self._last_click = mouse
            self.picked.emit(gid)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = QMenu(self)
        menu.addAction(self.tr("Save chart…"), self.save)
        menu.exec(event.globalPos())

    def save(self) -> None:
        path = self.ask_path()
        if path is None:
            return
        from pharmadesk.io import charts

        try:
            charts.save_figure(self.figure, path)
        except OSError as exc:
            QMessageBox.warning(
                self, self.tr("Chart not saved"), self.tr("%1 could not be written: %2")
                .replace("%1", path.name).replace("%2", exc.strerror or str(exc))
            )  # fmt: skip

    def ask_path(self) -> Path | None:
        """Where to save the chart, PNG or PDF by the chosen type; None when cancelled."""
        png, pdf = self.tr("PNG image (*.png)"), self.tr("PDF document (*.pdf)")
        chosen, kind = QFileDialog.getSaveFileName(
            self,
            self.tr("Save chart"),
            str(export_folder() / f"{self._file_stem}.png"),
            f"{png};;{pdf}",
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() not in SUFFIXES:
            path = path.with_suffix(".pdf" if kind == pdf else ".png")
        return path
