"""The Excel export: customers, purchases, interactions and the analytics sheets in one .xlsx.

An exported file is the one place where personal data leaves the encrypted database in
plain text, so every export is audited (who, when, which sheets, how many rows each, the
purpose), naming no customer. The file is written in a private folder beside the target and
renamed over it only when complete: a cancelled or failed export leaves no file and leaves
an existing target as it was. All sheets are read in one read transaction, so they agree
with each other even while the counter keeps recording purchases.

The lists cover all time unless dates are given (purchases and interactions of those days;
the category-bought filter within them). The analytics sheets use the dates as a custom
period, or the last full month without them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from pharmadesk.errors import OperationFailed, UsageError
from pharmadesk.io import export_activity as activity
from pharmadesk.io import export_customers as customers
from pharmadesk.io import export_labels as labels
from pharmadesk.io import staged_files
from pharmadesk.io.export_customers import CustomerFilter
from pharmadesk.io.xlsx_stream import StreamingBook
from pharmadesk.services import audit
from pharmadesk.services.analytics.results import SEGMENTS, Dashboard, Period, custom
from pharmadesk.services.analytics.results import last_full_month as _last_full_month
from pharmadesk.services.context import Account, Context
from pharmadesk.services.permissions import Operation, allows, require

WHAT, DEFAULT_WHAT = labels.WHAT, labels.DEFAULT_WHAT
SUFFIX = ".xlsx"
Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
T = TypeVar("T")
WRONG_KIND = f"an Excel export is a {SUFFIX} file"

__all__ = [
    "WHAT",
    "CustomerFilter",
    "ExportCancelled",
    "ExportRequest",
    "ExportResult",
    "Meter",
    "checked_target",
    "export",
    "staged",
    "write_book",
]


class ExportCancelled(OperationFailed):
    def __init__(self) -> None:
        super().__init__("the export was cancelled; no file was written")


@dataclass(frozen=True)
class ExportRequest:
    """What to export. `language` ('zh_CN' or 'en') names the sheets and headers."""

    what: tuple[str, ...] = DEFAULT_WHAT
    date_from: date | None = None
    date_to: date | None = None
    customers: CustomerFilter = field(default_factory=CustomerFilter)
    purpose: str | None = None
    language: str = "en"

    def check(self) -> None:
        """Raises UsageError for a request that cannot mean anything."""
        unknown = [w for w in self.what if w not in WHAT]
        if unknown or not self.what:
            raise UsageError(f"unknown --what {','.join(unknown) or '(nothing)'}; "
                             f"choose from {','.join(WHAT)}")  # fmt: skip
        if self.date_from and self.date_to and self.date_to < self.date_from:
            raise UsageError("--to is before --from")
        visited = self.customers
        if (
            visited.visited_after
            and visited.visited_before
            and (visited.visited_before < visited.visited_after)
        ):
            raise UsageError("--visited-before is before --visited-after")
        if visited.segment is not None and visited.segment not in SEGMENTS:
            raise UsageError(f"unknown segment {visited.segment}; choose from {','.join(SEGMENTS)}")
        if self.language not in labels.LANGUAGES:
            raise UsageError(f"unknown language {self.language}")


@dataclass(frozen=True)
class ExportResult:
    path: Path
    rows: dict[str, int]  # sheet key -> data rows, in the order of the sheets
    period: Period | None  # the analytics period, when it was used
    # Customers a list for contact left out: chosen by the filters, no contact consent.
    left_out: int = 0


class Meter:
    """Counts rows read for the progress callback, and stops the export when asked.

    `check()` raises ExportCancelled once `cancelled()` says so; `step(n)` adds n rows (never
    past the total), checks, then reports `progress(done, total)`.
    """

    def __init__(self, total: int, progress: Progress | None, cancelled: Cancelled | None):
        self.done, self.total = 0, max(total, 1)
        self.progress, self.cancelled = progress, cancelled

    def check(self) -> None:
        if self.cancelled is not None and self.cancelled():
            raise ExportCancelled

    def step(self, rows: int) -> None:
        self.done = min(self.total, self.done + rows)
        self.check()
        if self.progress is not None:
            self.progress(self.done, self.total)


def export(
    ctx: Context,
    target: Path,
    request: ExportRequest,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ExportResult:
    """Write the workbook to `target` (.xlsx), replacing it only once it is complete.

    Raises:
        UsageError: the request or the target name cannot be used.
        OperationFailed: the file cannot be written (ExportCancelled when cancelled).
        PermissionRefused: the role may not export what was asked (personal data: the owner;
            the analytics sheets: the owner and pharmacists).
    """
    request.check()
    check_allowed(ctx, request)
    target = checked_target(target)
    with staged(target) as (partial, folder):
        with ctx.db.atomic():  # one snapshot for every sheet (WAL readers never block writers)
            plan = _Plan(ctx, request)
            meter = Meter(plan.total(), progress, cancelled)
            meter.check()
            rows = write_book(partial, folder, lambda book: plan.write(book, meter))
        # A write transaction of its own: upgrading the long read snapshot would fail if the
        # counter recorded a purchase meanwhile.
        with ctx.db.atomic():
            _finish(ctx, request, rows, plan, partial, target)
    return ExportResult(target, rows, plan.period, plan.left_out)


PERSONAL_SHEETS = ("customers", "purchases", "interactions")


def allowed_sheets(account: Account) -> tuple[str, ...]:
    """The sheets `account` may export (what the export dialog offers)."""
    return tuple(
        w for w in WHAT
        if allows(account, Operation.ANALYTICS if w == "analytics" else Operation.EXPORT_PERSONAL)
    )  # fmt: skip


def check_allowed(ctx: Context, request: ExportRequest) -> None:
    if any(w in PERSONAL_SHEETS for w in request.what) or request.customers.segment:
        require(ctx, Operation.EXPORT_PERSONAL)
    if "analytics" in request.what:
        require(ctx, Operation.ANALYTICS)


def checked_target(target: Path, *, wrong_kind: str = WRONG_KIND) -> Path:
    """`target` made absolute, once it can be an export's file: a UsageError
    ("<name>: `wrong_kind`") when it is not an .xlsx name, an OperationFailed when it is a
    folder. Nothing is written."""
    if target.suffix.lower() != SUFFIX:
        raise UsageError(f"{target.name}: {wrong_kind}")
    if target.is_dir():
        raise OperationFailed(f"{target} is a folder")
    return target.absolute()


@contextmanager
def staged(target: Path) -> Iterator[tuple[Path, Path]]:
    """A private folder beside `target` (same disk, so the rename is atomic), removed after,
    with the partial file's path in it; xlsxwriter's own row files go there too, never to the
    system's temporary folder. Any OSError inside becomes OperationFailed naming `target`;
    the caller renames the partial file over the target (`staged_files.replace`) when done."""
    with staged_files.staged(target) as (partial, folder):
        try:
            yield partial, folder
        except OSError as exc:
            raise OperationFailed(f"cannot write {target}: {exc.strerror or exc}") from None


def write_book(partial: Path, folder: Path, fill: Callable[[StreamingBook], T]) -> T:
    """Stream a workbook to `partial` (row files in `folder`): `fill` writes its sheets, then
    the book is closed and `fill`'s result returned. On any failure, cancellation included,
    the book is abandoned and the error raised again (a file that cannot be created as
    OperationFailed), so a half-written book is never closed into a file."""
    from xlsxwriter.exceptions import FileCreateError

    book = StreamingBook(partial, tmpdir=folder)
    try:
        result = fill(book)
        book.close()
    except FileCreateError as exc:
        book.abandon()
        raise OperationFailed(f"cannot write {partial.name}: {exc}") from None
    except BaseException:
        book.abandon()
        raise
    return result


def _finish(
    ctx: Context,
    request: ExportRequest,
    rows: dict[str, int],
    plan: _Plan,
    partial: Path,
    target: Path,
) -> None:
    # Recorded before the rename, in the same transaction: a file that was not audited is
    # never left behind (a failed rename rolls the event back).
    details = _details(request, rows, plan.period)
    if request.customers.for_contact:
        details["left_out_no_contact_consent"] = plan.left_out
    audit.record(ctx, "export.written", entity="export", details=details)
    staged_files.replace(partial, target)


def _details(request: ExportRequest, rows: dict[str, int], period: Period | None) -> dict[str, Any]:
    """What was exported, for the audit log: counts, dates and filters, never a person."""
    chosen = request.customers
    filters = {
        "segment": chosen.segment,
        "visited_after": chosen.visited_after.isoformat() if chosen.visited_after else None,
        "visited_before": chosen.visited_before.isoformat() if chosen.visited_before else None,
        "category": chosen.category,
        "for_contact": True if chosen.for_contact else None,
    }
    return {
        "sheets": rows,
        "purpose": request.purpose or None,
        "from": request.date_from.isoformat() if request.date_from else None,
        "to": request.date_to.isoformat() if request.date_to else None,
        "period": [period.start.isoformat(), period.end.isoformat()] if period else None,
        "filters": {k: v for k, v in filters.items() if v is not None},
        "language": request.language,
    }


class _Plan:
    """The sheets of one request, what they need from analytics, and how to write them."""

    def __init__(self, ctx: Context, request: ExportRequest) -> None:
        self.ctx, self.request = ctx, request
        self.dates = (request.date_from, request.date_to)
        needs_period = "analytics" in request.what or request.customers.segment is not None
        self.period = analytics_period(ctx, request) if needs_period else None
        self.board: Dashboard | None = None
        self.only_ids: frozenset[int] | None = None
        self.left_out = 0

    def total(self) -> int:
        counters = {
            "customers": lambda: customers.count(self.ctx),
            "purchases": lambda: activity.count_purchases(self.ctx, self.dates),
            "interactions": lambda: activity.count_interactions(self.ctx, self.dates),
        }
        return sum(counters[w]() for w in self.request.what if w in counters)

    def write(self, book: StreamingBook, meter: Meter) -> dict[str, int]:
        """Every sheet asked for; checks for cancellation once more at the end."""
        rows: dict[str, int] = {}
        language, what = self.request.language, self.request.what
        if "customers" in what:
            rows["customers"] = self._customers(book, meter)
        if "purchases" in what:
            meter.check()
            source = activity.purchase_rows(self.ctx, language, self.dates, step=meter.step)
            name = labels.sheet_name("purchases", language)
            rows["purchases"] = book.sheet(name, activity.purchase_columns(language), source)
        if "interactions" in what:
            meter.check()
            columns = activity.interaction_columns(
                language, may_see_health=self.ctx.account.may_see_health_data
            )
            source = activity.interaction_rows(self.ctx, language, self.dates, step=meter.step)
            rows["interactions"] = book.sheet(
                labels.sheet_name("interactions", language), columns, source
            )
        if "analytics" in what:
            meter.check()
            rows.update(self._analytics(book))
        meter.check()
        return rows

    def _customers(self, book: StreamingBook, meter: Meter) -> int:
        request = self.request
        segment = request.customers.segment
        if segment is not None and self.period is not None:
            self.only_ids = segment_ids(self.ctx, self.period, segment)
        sheet = customers.sheet_for(self.ctx, request.language)
        source = customers.rows(
            self.ctx, sheet, request.customers, only_ids=self.only_ids,
            bought_between=self.dates, step=meter.step, left_out=self._leave_out,
        )  # fmt: skip
        return book.sheet(labels.sheet_name("customers", request.language), sheet.columns, source)

    def _leave_out(self) -> None:
        self.left_out += 1

    def _analytics(self, book: StreamingBook) -> dict[str, int]:
        from pharmadesk.io import export_analytics

        assert self.period is not None
        board = dashboard(self.ctx, self.period)
        language = self.request.language
        return {
            table.key: book.table(labels.sheet_name(table.key, language), table.headers, table.rows)
            for table in export_analytics.tables(board, language)
        }


def analytics_period(ctx: Context, request: ExportRequest) -> Period:
    """The dates as a custom period (open ends: the first sale, today), else the last full
    month."""
    if request.date_from is None and request.date_to is None:
        return _last_full_month(ctx.today())
    end = request.date_to or ctx.today()
    start = request.date_from or _first_sale(ctx) or end
    return custom(min(start, end), end)


def _first_sale(ctx: Context) -> date | None:
    first = ctx.db.execute_sql("SELECT min(purchased_on) FROM purchase").fetchone()[0]
    return date.fromisoformat(first) if first else None


def dashboard(ctx: Context, period: Period) -> Dashboard:
    """The analytics service's figures for `period` (the dashboard's own numbers)."""
    from pharmadesk.services import analytics

    return analytics.dashboard(ctx, period)


def segment_ids(ctx: Context, period: Period, segment: str) -> frozenset[int]:
    """The customers of one RFM segment as of the period's last day."""
    from pharmadesk.services import analytics

    return frozenset(row.id for row in analytics.customers_in(ctx, period, segment=segment))
