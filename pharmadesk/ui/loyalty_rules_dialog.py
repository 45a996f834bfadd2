"""The owner's loyalty rules: what spend makes a point, categories that earn none, how long
points last, the member tiers, what redeeming is worth, and the day a change applies from.

Each save is a new version (`services.loyalty_rules.change`) from its day on; entries
already in the ledger keep what they were given. The dialog shows the version in force and
one saved for later, starts from the one saved for later if there is one (else the one in
force), asks before saving with the change in words (Enter in a field never saves), and
stays open with everything typed when the service refuses, each problem next to its field
in the UI language.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pharmadesk.errors import PharmaDeskError, ValidationError
from pharmadesk.services import loyalty_rules, products
from pharmadesk.services.context import Context
from pharmadesk.services.customers import yuan
from pharmadesk.services.loyalty_rules import MAX_DISCOUNT_PERCENT, MAX_EXPIRY_YEARS, Rules, Tier
from pharmadesk.text.normalize import fold
from pharmadesk.ui import formatting
from pharmadesk.ui.import_text import error_text
from pharmadesk.ui.points_model import tier_name, zhe
from pharmadesk.ui.start_dialogs import ERROR_STYLE

CONTEXT = "LoyaltyRulesDialog"
# The service's problems (English, by field) in the UI language; one not listed here is
# told by its field's general words.
TIER_PROBLEMS = {
    "the first tier must start at ¥0": QT_TRANSLATE_NOOP(
        "LoyaltyRulesDialog", "The first tier must start at ¥0."
    ),
    "each tier must start above the one before": QT_TRANSLATE_NOOP(
        "LoyaltyRulesDialog", "Each tier must start above the one before."
    ),
    "two tiers have the same name": QT_TRANSLATE_NOOP(
        "LoyaltyRulesDialog", "Two tiers have the same name."
    ),
    f"a tier's discount must be 0 to {MAX_DISCOUNT_PERCENT} %": QT_TRANSLATE_NOOP(
        "LoyaltyRulesDialog", "A tier's discount must be 0 to %1 %."
    ),
    "every tier needs a name": QT_TRANSLATE_NOOP("LoyaltyRulesDialog", "Every tier needs a name."),
}
FIELD_PROBLEMS = {
    "fen_per_point": QT_TRANSLATE_NOOP(
        "LoyaltyRulesDialog", "A point needs a spend of ¥0.01 to ¥1,000."
    ),
    "expiry_years": QT_TRANSLATE_NOOP("LoyaltyRulesDialog", "Points can be kept 0 to %1 years."),
    "points_per_yuan": QT_TRANSLATE_NOOP(
        "LoyaltyRulesDialog", "¥1 off must cost 1 to 100,000 points."
    ),
    "tiers": QT_TRANSLATE_NOOP("LoyaltyRulesDialog", "The tiers cannot be saved like this."),
    "effective_from": QT_TRANSLATE_NOOP(
        "LoyaltyRulesDialog", "Rules cannot be changed for days that have passed."
    ),
}
FIELDS = tuple(FIELD_PROBLEMS)
NAME, FROM, DISCOUNT = range(3)
KEY_ROLE = Qt.ItemDataRole.UserRole + 1
MAX_THRESHOLD_FEN = 100_000_000_00  # ¥100,000,000: anything above is a typing slip


def _tr(text: object) -> str:
    """A string of the tables above, already marked for lupdate."""
    return QCoreApplication.translate(CONTEXT, str(text))


translate = QCoreApplication.translate  # lupdate reads translate("Context", "literal")


def problem_text(field: str, problem: str) -> str:
    """A problem `loyalty_rules.change` found, in the UI language."""
    if field == "tiers" and problem in TIER_PROBLEMS:
        return _tr(TIER_PROBLEMS[problem]).replace("%1", str(MAX_DISCOUNT_PERCENT))
    text = FIELD_PROBLEMS.get(field)
    if text is None:
        return problem
    return _tr(text).replace("%1", str(MAX_EXPIRY_YEARS))


def expiry_text(years: int | None) -> str:
    if years is None:
        return translate("LoyaltyRulesDialog", "Points never expire")
    if years == 0:
        return translate("LoyaltyRulesDialog", "Usable until 31 December of the year earned")
    if years == 1:
        return translate("LoyaltyRulesDialog", "Usable until 31 December of the year after")
    return translate(
        "LoyaltyRulesDialog", "Usable until 31 December, %1 years after the year earned"
    ).replace("%1", str(years))


def summary(rules: Rules) -> str:
    """One line: earning, categories that earn nothing, redeeming, expiry, tiers."""
    tiers = " / ".join(
        f"{tier_name(t)} ¥{yuan_text(t.threshold_fen)}"
        + (
            " "
            + translate("LoyaltyRulesDialog", "(%1 % off)")
            .replace("%1", str(t.discount_percent))
            .replace("%2", zhe(t.discount_percent))
            if t.discount_percent
            else ""
        )
        for t in rules.tiers
    )
    excluded = (
        [translate("LoyaltyRulesDialog", "no points for %1").replace(
            "%1", formatting.listed(rules.excluded_categories))]
        if rules.excluded_categories
        else []
    )  # fmt: skip
    return " · ".join(
        [
            translate("LoyaltyRulesDialog", "1 point per ¥%1").replace(
                "%1", yuan(rules.fen_per_point)
            ),
            *excluded,
            translate("LoyaltyRulesDialog", "%1 points take ¥1 off").replace(
                "%1", f"{rules.points_per_yuan:,}"
            ),
            expiry_text(rules.expiry_years),
            tiers,
        ]
    )


def saved_text(rules: Rules) -> str:
    """For the status bar once a version is saved."""
    day = rules.effective_from.isoformat() if rules.effective_from else ""
    return translate("LoyaltyRulesDialog", "Loyalty rules saved; they apply from %1").replace(
        "%1", day
    )


def yuan_text(fen: int) -> str:
    """1,000 for whole yuan, 1,000.50 otherwise."""
    return f"{fen // 100:,}" if fen % 100 == 0 else f"{fen // 100:,}.{fen % 100:02d}"


def parse_yuan(text: str) -> int | None:
    """Typed yuan ("1,000", "¥1000.5", full-width digits) as fen; None if not an amount."""
    cleaned = fold(text).replace(",", "").replace("，", "").replace("¥", "").replace("￥", "")
    try:
        value = Decimal(cleaned.strip())
    except InvalidOperation:
        return None
    fen = value * 100
    if not value.is_finite() or fen != fen.to_integral_value() or value < 0:
        return None
    return int(fen)


def parse_percent(text: str) -> int | None:
    cleaned = fold(text).removesuffix("%").strip()
    return int(cleaned) if cleaned.isdigit() else None


class LoyaltyRulesDialog(QDialog):
    """`saved` holds the version written (None until the owner saves one)."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.saved: Rules | None = None
        self.setWindowTitle(self.tr("Loyalty rules"))
        self.setMinimumWidth(640)
        self.problems: dict[str, QLabel] = {}
        current = loyalty_rules.current(ctx)
        self._build(current)
        # A change saved for later is what the owner comes back to adjust: the editors start
        # from it (and its day), so saving again never drops part of it unseen.
        pending = loyalty_rules.upcoming(ctx)
        self._load(pending or current)
        if pending is not None and pending.effective_from is not None:
            day = pending.effective_from
            self.effective.setDate(QDate(day.year, day.month, day.day))
        # Asks before a version is saved (tests replace it): the change in words.
        self.confirm: Callable[[str], bool] = self._ask

    # building -----------------------------------------------------------------------------

    def _build(self, current: Rules) -> None:
        self.in_force = self._note("rulesInForce", self._in_force_text(current))
        upcoming = loyalty_rules.upcoming(self.ctx)
        self.upcoming = self._note("rulesUpcoming", self._upcoming_text(upcoming))
        self.upcoming.setVisible(upcoming is not None)
        self.past_note = self._note(
            "rulesPastNote",
            self.tr("A change applies from its day on: points already earned, redeemed or "
                    "expired are never changed."),
        )  # fmt: skip
        self.spend = QDoubleSpinBox()
        self.spend.setObjectName("spendPerPoint")
        self.spend.setRange(0.01, 1000.0)
        self.spend.setDecimals(2)
        self.spend.setPrefix("¥")
        self.spend.setGroupSeparatorShown(True)
        self.categories = QListWidget()
        self.categories.setObjectName("excludedCategories")
        self.categories.setMaximumHeight(120)
        self.expiry = QComboBox()
        self.expiry.setObjectName("expiry")
        for years in range(MAX_EXPIRY_YEARS + 1):
            self.expiry.addItem(expiry_text(years), years)
        self.expiry.addItem(expiry_text(None), None)
        self.redeem = QSpinBox()
        self.redeem.setObjectName("pointsPerYuan")
        self.redeem.setRange(1, 100_000)
        self.redeem.setGroupSeparatorShown(True)
        self.effective = QDateEdit()
        self.effective.setObjectName("effectiveFrom")
        self.effective.setDisplayFormat("yyyy-MM-dd")
        self.effective.setCalendarPopup(True)
        self.message = QLabel()
        self.message.setObjectName("rulesMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        buttons.accepted.connect(self.try_save)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&Spend for 1 point"), self._with_problem(self.spend, "fen_per_point"))
        form.addRow(self.tr("Categories that earn &no points"), self.categories)
        form.addRow(self.tr("&Expiry"), self._with_problem(self.expiry, "expiry_years"))
        form.addRow(self.tr("Member &tiers"), self._with_problem(self._tiers_box(), "tiers"))
        form.addRow(
            self.tr("&Points for ¥1 off"), self._with_problem(self.redeem, "points_per_yuan")
        )
        form.addRow(self.tr("&Applies from"), self._with_problem(self.effective, "effective_from"))
        layout = QVBoxLayout(self)
        for label in (self.in_force, self.upcoming, self.past_note):
            layout.addWidget(label)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    @staticmethod
    def _note(name: str, text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName(name)
        label.setWordWrap(True)
        return label

    def _with_problem(self, editor: QWidget, field: str) -> QWidget:
        """The editor with its problem below it (hidden while there is none)."""
        problem = QLabel()
        problem.setObjectName(f"problem_{field}")
        problem.setWordWrap(True)
        problem.setStyleSheet(ERROR_STYLE)
        problem.hide()
        self.problems[field] = problem
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(editor)
        column.addWidget(problem)
        return box

    def _tiers_box(self) -> QWidget:
        self.tiers = QTableWidget(0, 3)
        self.tiers.setObjectName("tiers")
        self.tiers.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("From ¥ (12-month spend)"), self.tr("Discount %")]
        )
        self.tiers.verticalHeader().hide()
        self.tiers.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tiers.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tiers.setTabKeyNavigation(False)  # Tab leaves the table, arrows move inside
        header = self.tiers.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        self.tiers.setMaximumHeight(160)
        self.tiers.currentCellChanged.connect(lambda *_: self._update_remove())
        self.add_tier = QPushButton(self.tr("A&dd tier"))
        self.add_tier.setObjectName("addTier")
        self.add_tier.clicked.connect(self._add_tier)
        self.remove_tier = QPushButton(self.tr("&Remove tier"))
        self.remove_tier.setObjectName("removeTier")
        self.remove_tier.clicked.connect(self._remove_tier)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_tier)
        buttons.addWidget(self.remove_tier)
        buttons.addStretch(1)
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.tiers)
        column.addLayout(buttons)
        return box

    def _in_force_text(self, rules: Rules) -> str:
        if rules.effective_from is None:
            head = self.tr("In force: the default rules.")
        else:
            head = self.tr("In force since %1:").replace("%1", rules.effective_from.isoformat())
        return f"{head} {summary(rules)}"

    def _upcoming_text(self, rules: Rules | None) -> str:
        if rules is None or rules.effective_from is None:
            return ""
        head = self.tr("Saved to apply from %1:").replace("%1", rules.effective_from.isoformat())
        return f"{head} {summary(rules)}"

    # the rules in the editors -------------------------------------------------------------

    def _load(self, rules: Rules) -> None:
        self.spend.setValue(rules.fen_per_point / 100)
        self._load_categories(rules.excluded_categories)
        self.expiry.setCurrentIndex(max(self.expiry.findData(rules.expiry_years), 0))
        if rules.expiry_years is None:
            self.expiry.setCurrentIndex(self.expiry.count() - 1)
        for tier in rules.tiers:
            self._append_tier(tier)
        self.redeem.setValue(rules.points_per_yuan)
        today = self.ctx.today()
        self.effective.setMinimumDate(QDate(today.year, today.month, today.day))
        self.effective.setDate(QDate(today.year, today.month, today.day))
        self._update_remove()

    def _load_categories(self, excluded: tuple[str, ...]) -> None:
        names = {fold(name): name for name in products.categories(self.ctx) if fold(name)}
        for name in excluded:  # an excluded category no product has any more stays listed
            names.setdefault(name, name)
        for key in sorted(names):
            item = QListWidgetItem(names[key])
            item.setData(KEY_ROLE, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = key in excluded
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.categories.addItem(item)
        if not names:
            self.categories.addItem(QListWidgetItem(self.tr("No product categories yet")))
            self.categories.setEnabled(False)

    def _append_tier(self, tier: Tier) -> None:
        row = self.tiers.rowCount()
        self.tiers.insertRow(row)
        named = tier.name or tier.key in loyalty_rules.DEFAULT_NAMES  # else a new tier
        name = QTableWidgetItem(tier_name(tier) if named else "")
        name.setData(KEY_ROLE, tier.key)
        threshold = QTableWidgetItem(yuan_text(tier.threshold_fen))
        discount = QTableWidgetItem(str(tier.discount_percent))
        for item in (threshold, discount):
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if row == 0:  # the first tier is everyone's: it starts at ¥0
            threshold.setFlags(threshold.flags() & ~Qt.ItemFlag.ItemIsEditable)
            threshold.setToolTip(self.tr("The first tier starts at ¥0"))
        self.tiers.setItem(row, NAME, name)
        self.tiers.setItem(row, FROM, threshold)
        self.tiers.setItem(row, DISCOUNT, discount)

    def _add_tier(self) -> None:
        keys = {self._key(row) for row in range(self.tiers.rowCount())}
        number = self.tiers.rowCount() + 1
        while f"tier{number}" in keys:
            number += 1
        last = self.tiers.rowCount() - 1  # the first row is always there (never removed)
        start = parse_yuan(self._cell(last, FROM)) or 0
        discount = parse_percent(self._cell(last, DISCOUNT)) or 0
        # ¥1,000 above the tier before, as a start the owner then types over.
        self._append_tier(Tier(f"tier{number}", start + 100_000, discount, ""))
        row = self.tiers.rowCount() - 1
        self.tiers.setCurrentCell(row, NAME)
        self.tiers.setFocus()
        self.tiers.editItem(self.tiers.item(row, NAME))  # type: ignore[arg-type]  # just set
        self._update_remove()

    def _remove_tier(self) -> None:
        row = self.tiers.currentRow()
        if row <= 0:
            return
        self.tiers.removeRow(row)
        self._update_remove()

    def _update_remove(self) -> None:
        self.remove_tier.setEnabled(self.tiers.currentRow() > 0)

    def _key(self, row: int) -> str:
        item = self.tiers.item(row, NAME)
        return str(item.data(KEY_ROLE)) if item is not None else ""

    def _cell(self, row: int, column: int) -> str:
        item = self.tiers.item(row, column)
        return item.text() if item is not None else ""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter never saves from a field (a slip in a spin box would change every receipt
        from today); in the tiers table it ends the cell's editing. Ctrl+Enter or the Save
        button saves, and asks first."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self.try_save()
            elif isinstance(QApplication.focusWidget(), QPushButton):
                super().keyPressEvent(event)
            event.accept()
            return
        super().keyPressEvent(event)

    # saving -------------------------------------------------------------------------------

    def rules(self) -> tuple[Rules | None, dict[str, str]]:
        """The rules as typed, or the problems found before asking the service."""
        tiers, problem = self._typed_tiers()
        if problem:
            return None, {"tiers": problem}
        excluded = tuple(
            str(item.data(KEY_ROLE))
            for item in map(self.categories.item, range(self.categories.count()))
            if item.data(KEY_ROLE) and item.checkState() == Qt.CheckState.Checked
        )
        rules = Rules(
            fen_per_point=round(self.spend.value() * 100),
            excluded_categories=excluded,
            expiry_years=self.expiry.currentData(),
            tiers=tiers,
            points_per_yuan=self.redeem.value(),
        )
        return rules, {}

    def _typed_tiers(self) -> tuple[tuple[Tier, ...], str]:
        tiers: list[Tier] = []
        for row in range(self.tiers.rowCount()):
            key, name = self._key(row), self._cell(row, NAME).strip()
            threshold = parse_yuan(self._cell(row, FROM))
            discount = parse_percent(self._cell(row, DISCOUNT))
            shown = self.tr("Row %1").replace("%1", str(row + 1))
            default = key in loyalty_rules.DEFAULT_NAMES
            if not name and not default:
                return (), self.tr("%1: every tier needs a name.").replace("%1", shown)
            if threshold is None or threshold > MAX_THRESHOLD_FEN:
                return (), self.tr("%1: the spend must be an amount in yuan, like 1000.").replace(
                    "%1", shown
                )
            if discount is None:
                return (), self.tr("%1: the discount must be a whole percentage, like 5.").replace(
                    "%1", shown
                )
            # A default tier still under its translated name keeps no name of its own, so
            # it reads 普通/银卡/金卡 in Chinese and Standard/Silver/Gold in English.
            unchanged = default and name in ("", tier_name(Tier(key, 0)))
            renamed = "" if unchanged else name
            tiers.append(Tier(key, threshold, discount, renamed))
        names = [tier_name(t) for t in tiers]
        if len(set(names)) != len(names):
            return (), problem_text("tiers", "two tiers have the same name")
        return tuple(tiers), ""

    def try_save(self) -> None:
        """Save a new version; on a refusal, show why and keep everything as typed."""
        if self.tiers.state() == QAbstractItemView.State.EditingState:
            self.save_button.setFocus()  # the cell being typed in keeps its text (focus out)
        rules, problems = self.rules()
        if rules is None:
            self._show_problems(problems)
            return
        picked = self.effective.date()
        day = date(picked.year(), picked.month(), picked.day())
        if not self.confirm(self._change_text(rules, day)):
            return
        try:
            self.saved = loyalty_rules.change(self.ctx, rules, effective_from=day)
        except ValidationError as exc:
            self._show_problems({f: problem_text(f, p) for f, p in exc.problems.items()})
            return
        except PharmaDeskError as exc:  # e.g. the account lost the owner's role meanwhile
            self._show_problems({})
            self.message.setText(error_text(exc))
            return
        self.accept()

    def _change_text(self, rules: Rules, day: date) -> str:
        return (
            self.tr("From %1 on: %2").replace("%1", day.isoformat()).replace("%2", summary(rules))
            + "\n\n"
            + self.tr("Instead of: %1").replace("%1", summary(loyalty_rules.on(self.ctx, day)))
            + "\n\n"
            + self.tr("Save these rules?")
        )

    def _ask(self, text: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Save the loyalty rules"), text,
                          parent=self)  # fmt: skip
        save = box.addButton(self.tr("&Save"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))
        box.exec()
        return box.clickedButton() is save

    def _show_problems(self, problems: dict[str, str]) -> None:
        self.message.clear()
        for field, label in self.problems.items():
            label.setText(problems.get(field, ""))
            label.setVisible(field in problems)
        others = [text for field, text in problems.items() if field not in self.problems]
        self.message.setText("\n".join(others))
        editors = {"fen_per_point": self.spend, "expiry_years": self.expiry,
                   "tiers": self.tiers, "points_per_yuan": self.redeem,
                   "effective_from": self.effective}  # fmt: skip
        first = next((editors[f] for f in FIELDS if f in problems), None)
        if first is not None:
            first.setFocus()
