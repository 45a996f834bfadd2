"""The owner's dashboard: a period, its KPI cards against the period before, every chart,
and from a chart's bar or slice to the customers behind it.

The figures are computed on the worker thread (the window says "Computing…" and stays
usable); a period chosen while one is being computed replaces it, so stepping through
months quickly computes the last one chosen, not every one passed. The charts are drawn on
the GUI thread, where their canvases live.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from pharmadesk.errors import PharmaDeskError
from pharmadesk.io import customer_list_export, month_report
from pharmadesk.io.customer_list_export import ListSheet
from pharmadesk.services import analytics, vault
from pharmadesk.services.analytics.results import SEGMENTS, STAGES, CustomerRow, Dashboard, Period
from pharmadesk.services.context import Context
from pharmadesk.services.permissions import Operation, allows
from pharmadesk.ui import analytics_labels, fonts
from pharmadesk.ui.chart_fonts import configure_matplotlib
from pharmadesk.ui.chart_view import ChartView
from pharmadesk.ui.export_purpose import export_folder
from pharmadesk.ui.kpi_cards import KpiCards
from pharmadesk.ui.period_picker import PeriodPicker, following, period_label
from pharmadesk.ui.segment_customers import CustomerListWindow, Exporter
from pharmadesk.ui.tasks import BackgroundRunner

CHART_COLUMNS = 2
PREFETCH_IDLE_MS = 400  # how long the window must sit idle before a neighbour is computed
Finder = Callable[[Context, Period], analytics.ContactList]


def chart_language() -> str:
    """The language the charts are drawn in: the UI's."""
    return "zh_CN" if QLocale().name().startswith("zh") else "en"


class DashboardWindow(QDialog):
    """Emits `customer_chosen(id)` when a customer is opened from one of its lists."""

    customer_chosen = Signal(int)

    def __init__(
        self, ctx: Context, runner: BackgroundRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        from pharmadesk.io import charts

        self.setWindowTitle(self.tr("Dashboard"))
        self.setWindowFlag(Qt.WindowType.Window)
        self.ctx, self._runner = ctx, runner
        self.dashboard: Dashboard | None = None
        self._wanted: Period | None = None  # the period last chosen
        self._computing: Period | None = None  # the period on the worker thread now
        self.lists: list[CustomerListWindow] = []
        self._to_draw: list[ChartView] = []
        self._drawing = QTimer(self)
        self._drawing.setInterval(0)
        self._drawing.timeout.connect(self._draw_next)
        self._neighbours: list[Period] = []  # still to prefetch, nearest first
        self._prefetching = False
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(PREFETCH_IDLE_MS)
        self._idle.timeout.connect(self._prefetch_next)
        configure_matplotlib(fonts.cjk_family())
        self.picker = PeriodPicker(ctx.today())
        self.picker.changed.connect(self.request)
        self.state = QLabel()
        self.state.setObjectName("dashboardState")
        # A long message must never widen the window past a small screen.
        self.state.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.report_button = QPushButton(self.tr("Month &report…"))
        self.report_button.setObjectName("monthReport")
        self.report_button.clicked.connect(self.month_report)
        self.cards = KpiCards()
        self.comparison_note = QLabel()
        self.comparison_note.setObjectName("comparisonNote")
        self.comparison_note.setWordWrap(True)
        self.comparison_note.hide()
        lang = chart_language()
        self.charts = {kind: ChartView(kind, lang) for kind in charts.CHART_KINDS}
        for view in self.charts.values():
            view.picked.connect(self.show_customers)
        self._lay_out()
        self._fit_screen()

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.picker)
        top.addWidget(self.state, 1)
        top.addWidget(self.report_button)
        grid_holder = QWidget()
        grid = QGridLayout(grid_holder)
        for number, view in enumerate(self.charts.values()):
            grid.addWidget(view, number // CHART_COLUMNS, number % CHART_COLUMNS)
        self.chart_area = QScrollArea()
        self.chart_area.setWidgetResizable(True)
        self.chart_area.setWidget(grid_holder)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.cards)
        layout.addWidget(self.comparison_note)
        layout.addWidget(self.chart_area, 1)

    def _fit_screen(self) -> None:
        # Never larger than a 1366x768 screen less its taskbar and this window's title bar.
        room = self.screen().availableGeometry()
        width, height = min(1320, room.width() - 40), min(760, room.height() - 70)
        self.resize(width, height)
        self.move(room.x() + (room.width() - width) // 2, room.y() + 10)

    def showEvent(self, event: QShowEvent) -> None:
        # Purchases may have been recorded since it was last open: compute afresh.
        super().showEvent(event)
        self.request(self.picker.period())

    # computing ----------------------------------------------------------------------------

    def request(self, period: Period) -> None:
        """Compute `period`'s figures off the GUI thread; the newest choice wins."""
        self._wanted = period
        self._neighbours = []
        self.state.setText(self.tr("Computing…"))
        if self._computing is None:
            self._start(period)

    def _start(self, period: Period) -> None:
        ctx = self.ctx
        self._computing = period
        self._runner.submit(lambda: analytics.dashboard(ctx, period), self._computed, self._failed)

    def _computed(self, dash: Dashboard) -> None:
        if not self._superseded():
            self.show_dashboard(dash)

    def _superseded(self) -> bool:
        """True (and the newer period started) when another period was chosen meanwhile."""
        done, self._computing = self._computing, None
        if self._wanted is not None and self._wanted != done:
            self._start(self._wanted)
            return True
        return False

    def _failed(self, error: BaseException) -> None:
        if self._superseded():
            return
        self._show_error(error)

    def _show_error(self, error: BaseException) -> None:
        if not isinstance(error, PharmaDeskError):
            raise error
        self.state.setText(self.tr("Could not compute: %1").replace("%1", error.message))

    def show_dashboard(self, dash: Dashboard) -> None:
        self.dashboard = dash
        partly = dash.previous_partly_recorded
        self.cards.show_figures(
            dash.kpis, dash.previous_kpis, period_label(dash.previous), partly_recorded=partly
        )
        if partly and dash.records_from is not None:
            self.comparison_note.setText(
                self.tr(
                    "Sales are on record from %1 only: %2 is partly recorded, so the changes "
                    "against it are not like for like."
                )
                .replace("%1", dash.records_from.isoformat())
                .replace("%2", period_label(dash.previous))
            )
        self.comparison_note.setVisible(partly)
        # One chart per turn of the event loop, those in sight first: drawing all eight at
        # once would hold the window for a second.
        in_sight = [v for v in self.charts.values() if not v.visibleRegion().isEmpty()]
        self._to_draw = in_sight + [v for v in self.charts.values() if v not in in_sight]
        self.state.setText(self.tr("Drawing…"))
        self._drawing.start()
        is_month = dash.period.kind == "month"
        self.report_button.setEnabled(is_month)
        self.report_button.setToolTip(
            "" if is_month else self.tr("A month report is made for a month period")
        )

    def _draw_next(self) -> None:
        if not self._to_draw or self.dashboard is None:
            self._drawing.stop()
            if self._computing is None:
                self.state.setText("")
                self._plan_prefetch(self.dashboard)
            return
        self._to_draw.pop(0).show_dashboard(self.dashboard)

    # prefetching the neighbours -----------------------------------------------------------

    def _plan_prefetch(self, dash: Dashboard | None) -> None:
        if dash is None:
            return
        after = following(dash.period)
        today = self.ctx.today()
        self._neighbours = [dash.previous] + ([after] if after.start <= today else [])
        self._idle.start()

    def _may_prefetch(self) -> bool:
        idle = self._computing is None and not self._prefetching and not self._runner.busy()
        return idle and self.isVisible() and self.isActiveWindow() and not self._to_draw

    def _prefetch_next(self) -> None:
        """Compute one neighbour now if nothing else is going on, else look again later."""
        if not self._neighbours or not self.isVisible():
            return
        if not self._may_prefetch():
            self._idle.start()
            return
        ctx, period = self.ctx, self._neighbours.pop(0)
        self._prefetching = True
        # The result stays in the service's memory; a failure shows when it is asked for.
        self._runner.submit(
            lambda: analytics.dashboard(ctx, period), self._prefetched, self._prefetched
        )

    def _prefetched(self, _result: object) -> None:
        self._prefetching = False
        if self._neighbours:
            self._idle.start()

    # from a chart to its customers --------------------------------------------------------

    def show_customers(self, gid: str) -> None:
        """List the customers behind a chart's bar or slice ("stage:at_risk", "product:12")."""
        if self.dashboard is None:
            return
        what, _, key = gid.partition(":")
        find = self._finder(what, key)
        if find is None:
            return
        ctx, period, title = self.ctx, self.dashboard.period, self._list_title(what, key)
        self.state.setText(self.tr("Finding the customers…"))
        self._runner.submit(
            lambda: find(ctx, period),
            lambda found: self._open_list(title, found, self._exporter(gid, title, period)),
            self._show_error,
        )

    @staticmethod
    def _finder(what: str, key: str) -> Finder | None:
        """The service call that lists the customers behind one kind of pick."""
        if what == "segment":
            return lambda ctx, period: analytics.contact_list(ctx, period, segment=key)
        if what == "stage":
            return lambda ctx, period: analytics.contact_list(ctx, period, stage=key)
        if what == "category":
            return lambda ctx, period: analytics.contact_list(ctx, period, category=key)
        if what == "product" and key.isdigit():
            return lambda ctx, period: analytics.contact_list(ctx, period, product_id=int(key))
        return None

    def _list_title(self, what: str, key: str) -> str:
        assert self.dashboard is not None
        names = {
            "segment": lambda: self.tr("Segment: %1").replace("%1", analytics_labels.segment(key)),
            "stage": lambda: self.tr("Stage: %1").replace("%1", analytics_labels.stage(key)),
            "product": lambda: self.tr("Bought %1").replace("%1", self._product_label(key)),
            "category": lambda: self.tr("Bought in %1").replace("%1", key),
        }
        return f"{names[what]()} — {period_label(self.dashboard.period)}"

    def _product_label(self, key: str) -> str:
        assert self.dashboard is not None
        found = (item.label for item in self.dashboard.top_products if item.key == key)
        return next(found, key)

    def _exporter(self, gid: str, title: str, period: Period) -> Exporter:
        """The list's Export…: the rows as shown, written by `io.customer_list_export`."""
        ctx = self.ctx
        segments = {code: analytics_labels.segment(code) for code in SEGMENTS}
        stages = {code: analytics_labels.stage(code) for code in STAGES}

        def export(rows: list[CustomerRow], headers: list[str], path: Path) -> int:
            sheet = ListSheet(title=title, headers=headers, segment_names=segments,
                              stage_names=stages, what=gid)  # fmt: skip
            return customer_list_export.write(ctx, rows, path, sheet=sheet, period=period)

        return export

    def _open_list(self, title: str, found: analytics.ContactList, export: Exporter) -> None:
        self.state.setText("")
        # The list holds names and mobiles: writing it to a file is the owner's (the role
        # table); the service refuses it too.
        allowed = allows(self.ctx.account, Operation.EXPORT_PERSONAL)
        window = CustomerListWindow(
            title, found.rows, runner=self._runner, export=export if allowed else None,
            parent=self, left_out=found.left_out,
        )  # fmt: skip
        window.customer_chosen.connect(self.customer_chosen)
        window.destroyed.connect(lambda: self._forget_list(window))
        self.lists.append(window)
        window.show()
        window.raise_()
        window.activateWindow()

    def _forget_list(self, window: CustomerListWindow) -> None:
        if window in self.lists:
            self.lists.remove(window)

    # month report -------------------------------------------------------------------------

    def month_report(self) -> None:
        """Write the month's PDF on the worker thread (it draws every chart once more)."""
        dash = self.dashboard
        if dash is None or dash.period.kind != "month":
            return
        path = self.ask_report_path(dash.period)
        if path is None:
            return
        ctx, lang = self.ctx, chart_language()
        self.report_button.setEnabled(False)
        self.state.setText(self.tr("Writing the month report…"))
        self._runner.submit(
            lambda: month_report.write_month_report(
                dash, path, lang=lang, pharmacy_name=vault.pharmacy_name(ctx), made_on=ctx.today()
            ),
            self._report_written,
            self._report_failed,
        )

    def _report_written(self, path: Path) -> None:
        self.report_button.setEnabled(True)
        self.state.setText(self.tr("Month report written: %1").replace("%1", path.name))
        self.state.setToolTip(str(path))

    def _report_failed(self, error: BaseException) -> None:
        if not isinstance(error, OSError | PharmaDeskError):
            raise error
        self.report_button.setEnabled(True)
        self.state.setText("")
        reason = error.message if isinstance(error, PharmaDeskError) else str(error)
        QMessageBox.warning(self, self.tr("Month report not written"), reason)

    def ask_report_path(self, period: Period) -> Path | None:
        """Where to write the month's PDF; None when cancelled."""
        name = f"{self.tr('Month report')}-{period.start:%Y-%m}.pdf"
        chosen, _kind = QFileDialog.getSaveFileName(
            self,
            self.tr("Month report"),
            str(export_folder() / name),
            self.tr("PDF document (*.pdf)"),
        )
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf")
