"""The purchase dialog's "Real-name register" group, shown while a receipt holds a line of a
controlled medicine (services/register.py holds the rules; this only asks and explains).

It asks the buyer's name (prefilled with the customer's), their ID number (checked as it
is typed, the reason under the field), the batch number of each controlled line, and, when
a product's packs on the receipt pass the owner's per-sale limit, the reason for going
over it: a pharmacist or the owner types one; for staff the field is replaced by a line
saying a pharmacist must approve. Enter in a field moves on to the next one. The ID
field takes a number typed in groups with spaces, but never more than 18 characters once
the spaces are dropped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QLineEdit, QWidget

from pharmadesk.errors import PermissionRefused, PharmaDeskError, ValidationError
from pharmadesk.services import id_numbers
from pharmadesk.services.id_numbers import InvalidIdNumber
from pharmadesk.services.products import ProductInfo
from pharmadesk.services.purchases import LineInput
from pharmadesk.services.register import NEEDS_PHARMACIST, BuyerInput
from pharmadesk.ui import formatting

PROBLEM_STYLE = "color: #c62828;"
VALID_STYLE = "color: #2e7d32;"
ROOM_FOR_SPACES = 6  # "110105 19491231 002X" and the like


class IdNumberValidator(QValidator):
    """At most 18 characters once the spaces are dropped (whatever they are, the check
    under the field says); a 19th is refused as it is typed or pasted."""

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        if len(id_numbers.normalise(text)) > id_numbers.LENGTH:
            return QValidator.State.Invalid, text, pos
        return QValidator.State.Acceptable, text, pos


class RegisterGroup(QGroupBox):
    def __init__(
        self,
        *,
        customer_name: str,
        limit: int,
        may_override: bool,
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Real-name register"), parent)
        self.setObjectName("registerGroup")
        self._limit, self._may_override, self._today = limit, may_override, today
        self._lines: list[LineInput] = []
        self._controlled: dict[int, ProductInfo] = {}  # id(line) -> its controlled product
        self._batches: dict[int, QLineEdit] = {}  # id(line) -> its batch field
        self.form = QFormLayout(self)
        self.intro = QLabel(
            self.tr("Controlled medicine: the law requires the buyer's name and ID number.")
        )
        self.intro.setWordWrap(True)
        self.form.addRow(self.intro)
        self.buyer_name = QLineEdit(customer_name)
        self.buyer_name.setObjectName("buyerName")
        self.id_number = QLineEdit()
        self.id_number.setObjectName("idNumber")
        self.id_number.setMaxLength(id_numbers.LENGTH + ROOM_FOR_SPACES)
        self.id_number.setValidator(IdNumberValidator(self.id_number))
        self.id_number.setPlaceholderText(self.tr("18 characters, as on the ID card"))
        self.id_number.textChanged.connect(lambda _: self._show_id_check())
        self.id_check = QLabel()
        self.id_check.setObjectName("idCheck")
        self.id_check.setWordWrap(True)
        self.form.addRow(self._buddy(self.tr("Buyer's &name"), self.buyer_name), self.buyer_name)
        self.form.addRow(self._buddy(self.tr("&ID number"), self.id_number), self.id_number)
        self.form.addRow("", self.id_check)
        self.batch_rows = QFormLayout()
        self.form.addRow(self.batch_rows)
        self.over = QLabel()
        self.over.setObjectName("overLimit")
        self.over.setWordWrap(True)
        self.override_reason = QLineEdit()
        self.override_reason.setObjectName("overrideReason")
        self.override_reason.setPlaceholderText(self.tr("Why this sale needs more packs"))
        self.form.addRow(self.over)
        self._reason_label = self._buddy(self.tr("Override &reason"), self.override_reason)
        self.form.addRow(self._reason_label, self.override_reason)
        self.problem = QLabel()
        self.problem.setObjectName("registerProblem")
        self.problem.setStyleSheet(PROBLEM_STYLE)
        self.problem.setWordWrap(True)
        self.form.addRow(self.problem)
        # A refusal's line speaks of the fields as they were: any edit makes it stale.
        for field in (self.buyer_name, self.id_number, self.override_reason):
            field.textEdited.connect(lambda _: self.problem.clear())
        for field in (self.buyer_name, self.id_number, self.override_reason):
            field.returnPressed.connect(self.focusNextChild)
            field.textEdited.connect(lambda _: self.problem.clear())
        self.set_lines([], {})

    @staticmethod
    def _buddy(text: str, field: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(field)
        return label

    @property
    def needed(self) -> bool:
        """Whether the receipt holds a controlled line."""
        return bool(self._controlled)

    def set_lines(self, lines: Sequence[LineInput], controlled: dict[int, ProductInfo]) -> None:
        """The receipt's lines changed: one batch field per controlled line (keeping what
        was typed), the override row when a product is over the limit."""
        self._lines = list(lines)
        self._controlled = {key: product for key, product in controlled.items()
                            if any(id(line) == key for line in lines)}  # fmt: skip
        kept = {key: self._batches.pop(key).text() for key in list(self._batches)}
        while self.batch_rows.rowCount():
            self.batch_rows.removeRow(0)
        for line in self._lines:
            if id(line) not in self._controlled:
                continue
            field = QLineEdit(kept.get(id(line), line.batch_no))
            field.setObjectName("batchNumber")
            field.returnPressed.connect(self.focusNextChild)
            self._batches[id(line)] = field
            text = self.tr("Batch of %1 × %2").replace("%1", line.product_name)
            self.batch_rows.addRow(text.replace("%2", str(line.quantity)), field)
        self._show_over_limit()
        self.problem.clear()
        self.setVisible(self.needed)

    def fields(self) -> list[QWidget]:
        """The group's fields in keyboard order (for the dialog's tab chain)."""
        chain: list[QWidget] = [self.buyer_name, self.id_number, *self._batches.values()]
        return [*chain, self.override_reason] if self._may_override else chain

    def _over_products(self) -> list[str]:
        packs: dict[int, tuple[str, int]] = {}
        for line in self._lines:
            product = self._controlled.get(id(line))
            if product is not None:
                name, count = packs.get(product.id, (product.name, 0))
                packs[product.id] = (name, count + line.quantity)
        return [name for name, count in packs.values() if count > self._limit]

    def _show_over_limit(self) -> None:
        over = self._over_products()
        if not over:
            self.over.hide()
        elif self._may_override:
            self.over.setText(
                self.tr("%1: more than %2 packs per sale. Give the reason to go over the limit.")
                .replace("%1", formatting.listed(over)).replace("%2", str(self._limit))
            )  # fmt: skip
        else:
            self.over.setText(
                self.tr("%1: more than %2 packs per sale needs a pharmacist's approval.")
                .replace("%1", formatting.listed(over)).replace("%2", str(self._limit))
            )  # fmt: skip
        self.over.setVisible(bool(over))
        self.over.setStyleSheet("" if self._may_override else PROBLEM_STYLE)
        shown = bool(over) and self._may_override
        self.form.setRowVisible(self.override_reason, shown)

    def _show_id_check(self) -> None:
        text = id_numbers.normalise(self.id_number.text())
        if not text:
            self.id_check.clear()
            return
        if len(text) < id_numbers.LENGTH and text.isdecimal():
            self.id_check.setStyleSheet("")
            self.id_check.setText(
                self.tr("%1 of 18 characters").replace("%1", str(len(text)))
            )  # fmt: skip
            return
        try:
            number = id_numbers.validate(text, today=self._today)
        except InvalidIdNumber as exc:
            self.id_check.setStyleSheet(PROBLEM_STYLE)
            self.id_check.setText(self.id_text(exc, len(text)))
            return
        born = id_numbers.birth_date(number)
        self.id_check.setStyleSheet(VALID_STYLE)
        self.id_check.setText(
            self.tr("Valid ID number (born %1)").replace("%1", born.isoformat() if born else "")
        )

    def id_text(self, error: InvalidIdNumber, length: int) -> str:
        """Why an ID number is refused, in the UI language."""
        texts = {
            "empty": self.tr("Enter the buyer's ID number."),
            "length": self.tr("An ID number has 18 characters; this one has %1.").replace(
                "%1", str(length)
            ),
            "digits": self.tr("An ID number is 17 digits, then a digit or X."),
            "birth_date": self.tr("Characters 7 to 14 are not a possible birth date."),
            "early_birth_date": self.tr("The birth date in the ID number is before 1900."),
            "future_birth_date": self.tr("The birth date in the ID number is in the future."),
            # Never the character that would pass: a digit mistyped anywhere would then be
            # "fixed" at the end (services/id_numbers.py).
            "check": self.tr(
                "The number does not add up: compare it with the ID card digit by digit."
            ),
        }
        return texts.get(error.code, error.message)

    def buyer(self) -> BuyerInput | None:
        """The buyer as typed (None when no controlled line needs one)."""
        if not self.needed:
            return None
        return BuyerInput(self.buyer_name.text().strip(), self.id_number.text())

    def reason(self) -> str | None:
        """The override reason as typed, when one is asked and given."""
        text = self.override_reason.text().strip()
        shown = self._may_override and bool(self._over_products())
        return text if shown and text else None

    def with_batches(self, lines: Sequence[LineInput]) -> list[LineInput]:
        """The lines, each controlled one with the batch number typed for it."""
        return [
            replace(line, batch_no=self._batches[id(line)].text().strip())
            if id(line) in self._batches
            else line
            for line in lines
        ]

    def refuse(self) -> bool:
        """Check what the register needs before saving: False when all is there; else the
        first problem is said under the group and its field gets the focus."""
        found = self._first_problem()
        if found is None:
            self.problem.clear()
            return False
        text, field = found
        self.problem.setText(text)
        if field is not None:
            field.setFocus()
            if isinstance(field, QLineEdit):
                field.selectAll()
        return True

    def _first_problem(self) -> tuple[str, QWidget | None] | None:
        if not self.needed:
            return None
        if not self.buyer_name.text().strip():
            return self.tr("Enter the buyer's name as on the ID card."), self.buyer_name
        try:
            id_numbers.validate(self.id_number.text(), today=self._today)
        except InvalidIdNumber as exc:
            length = len(id_numbers.normalise(self.id_number.text()))
            return self.id_text(exc, length), self.id_number
        for key, field in self._batches.items():
            if not field.text().strip():
                name = self._controlled[key].name
                return self.tr("Enter the batch number of %1.").replace("%1", name), field
        if self._over_products():
            if not self._may_override:
                return self.tr("A pharmacist must approve going over the limit."), None
            if not self.override_reason.text().strip():
                return self.tr("Give the reason for going over the limit."), self.override_reason
        return None

    def refusal_text(self, error: PharmaDeskError) -> str | None:
        """A refusal of the register's check (services/register.py) in the UI language, or
        None when the error is not the register's."""
        if isinstance(error, PermissionRefused) and error.message == NEEDS_PHARMACIST:
            return self.tr("A pharmacist must approve going over the limit.")
        if isinstance(error, InvalidIdNumber):
            return self.id_text(error, len(id_numbers.normalise(self.id_number.text())))
        if not isinstance(error, ValidationError):
            return None
        keys = error.problems.keys()
        texts = []
        if "buyer_name" in keys:
            texts.append(self.tr("Enter the buyer's name as on the ID card."))
        if "id_number" in keys:
            texts.append(self.tr("The buyer's ID number is missing or not valid."))
        if any(key.endswith(" batch") for key in keys):
            texts.append(self.tr("Each controlled line needs its batch number."))
        if "limit" in keys:
            texts.append(
                self.tr("More than %1 packs per sale needs a pharmacist's reason.")
                .replace("%1", str(self._limit))
            )  # fmt: skip
        return " ".join(texts) or None
