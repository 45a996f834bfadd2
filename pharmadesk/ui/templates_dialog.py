"""Tools > Message templates… (owner): the texts of refill reminders, birthday greetings and
win-back calls, per language, edited with a live preview on a real customer's data.

Placeholder buttons insert at the cursor; Save refuses a placeholder the messages do not
know (and says which are allowed) or a stray brace; Reset to default puts the built-in text
back in the editor, saved with Save. Leaving a changed template asks first.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pharmadesk.errors import PharmaDeskError
from pharmadesk.services import reminders, search, templates
from pharmadesk.services.context import Context
from pharmadesk.ui import i18n
from pharmadesk.ui.tasks import BackgroundRunner, run_tracked

log = logging.getLogger(__name__)
CONTEXT = "TemplatesDialog"
PURPOSES = {
    "refill": QT_TRANSLATE_NOOP("TemplatesDialog", "Refill reminder"),
    "birthday": QT_TRANSLATE_NOOP("TemplatesDialog", "Birthday greeting"),
    "winback": QT_TRANSLATE_NOOP("TemplatesDialog", "Win-back call"),
}
LANGUAGES = {"zh_CN": "中文", "en": "English"}
PLACEHOLDER_NAMES = {
    "name": QT_TRANSLATE_NOOP("TemplatesDialog", "Name"),
    "tier": QT_TRANSLATE_NOOP("TemplatesDialog", "Tier"),
    "points": QT_TRANSLATE_NOOP("TemplatesDialog", "Points"),
    "item": QT_TRANSLATE_NOOP("TemplatesDialog", "Item"),
    "due_date": QT_TRANSLATE_NOOP("TemplatesDialog", "Due day"),
    "last_visit": QT_TRANSLATE_NOOP("TemplatesDialog", "Last visit"),
    "pharmacy": QT_TRANSLATE_NOOP("TemplatesDialog", "Pharmacy"),
}
SEARCH_LIMIT = 10


def _tr(text: object) -> str:
    return QCoreApplication.translate(CONTEXT, str(text))


class TemplatesDialog(QDialog):
    def __init__(
        self, ctx: Context, runner: BackgroundRunner | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx, self.runner = ctx, runner
        self._tickets: set[int] = set()
        self._values: dict[str, str] | None = None
        self._customer: int | None = None
        self._shown: tuple[str, str] | None = None  # the purpose and language in the editor
        self._saved = ""
        self.setWindowTitle(self.tr("Message templates"))
        self.resize(720, 560)
        layout = QVBoxLayout(self)
        layout.addLayout(self._choices())
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("templateEditor")
        self.editor.setTabChangesFocus(True)
        self.editor.textChanged.connect(self._preview)
        layout.addWidget(self.editor, 2)
        layout.addLayout(self._placeholders())
        layout.addWidget(self._preview_box())
        self.status = QLabel()
        self.status.setObjectName("templateStatus")
        layout.addWidget(self.status)
        self.editor.textChanged.connect(self._edited)  # the status follows every edit
        layout.addWidget(self._buttons())
        self._load()
        self.editor.setFocus()

    def _choices(self) -> QFormLayout:
        self.purpose = QComboBox()
        self.purpose.setObjectName("templatePurpose")
        for code, name in PURPOSES.items():
            self.purpose.addItem(_tr(name), code)
        self.language = QComboBox()
        self.language.setObjectName("templateLanguage")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        current = "zh_CN" if i18n.current_language().startswith("zh") else "en"
        self.language.setCurrentIndex(list(LANGUAGES).index(current))
        self.purpose.currentIndexChanged.connect(lambda _: self._switch())
        self.language.currentIndexChanged.connect(lambda _: self._switch())
        form = QFormLayout()
        for text, widget in ((self.tr("&Message"), self.purpose),
                             (self.tr("&Language"), self.language)):  # fmt: skip
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        return form

    def _placeholders(self) -> QGridLayout:
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Insert:")), 0, 0)
        self.placeholder_buttons: dict[str, QPushButton] = {}
        for n, code in enumerate(templates.PLACEHOLDERS):
            button = QPushButton(f"{_tr(PLACEHOLDER_NAMES[code])} {{{code}}}")
            button.setObjectName(f"insert_{code}")
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, c=code: self.insert(c))
            grid.addWidget(button, n // 4, 1 + n % 4)
            self.placeholder_buttons[code] = button
        hint = QLabel(self.tr("A part in [square brackets] is left out when a placeholder "
                              "in it is empty or 0, e.g. [You have {points} points.]"))  # fmt: skip
        hint.setObjectName("templateHint")
        hint.setWordWrap(True)
        rows = (len(templates.PLACEHOLDERS) + 3) // 4
        grid.addWidget(hint, rows, 0, 1, 5)
        return grid

    def _preview_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Preview"))
        column = QVBoxLayout(box)
        self.search_box = QLineEdit()
        self.search_box.setObjectName("previewSearch")
        self.search_box.setPlaceholderText(self.tr("Name, mobile or member code"))
        self.search_box.textEdited.connect(self._search)
        self.customers = QComboBox()
        self.customers.setObjectName("previewCustomer")
        self.customers.currentIndexChanged.connect(lambda _: self._choose())
        row = QHBoxLayout()
        label = QLabel(self.tr("C&ustomer"))
        label.setBuddy(self.search_box)
        row.addWidget(label)
        row.addWidget(self.search_box, 1)
        row.addWidget(self.customers, 1)
        column.addLayout(row)
        self.preview = QLabel()
        self.preview.setObjectName("templatePreview")
        self.preview.setWordWrap(True)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.preview.setMinimumHeight(self.fontMetrics().height() * 5)
        column.addWidget(self.preview)
        return box

    def _buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.reset_button = buttons.addButton(self.tr("&Reset to default"),
                                              QDialogButtonBox.ButtonRole.ResetRole)  # fmt: skip
        self.reset_button.setObjectName("templateReset")
        self.reset_button.clicked.connect(self.reset_to_default)
        self.save_button = buttons.addButton(
            self.tr("&Save"), QDialogButtonBox.ButtonRole.ApplyRole
        )
        self.save_button.setObjectName("templateSave")
        self.save_button.clicked.connect(self.save)
        # Enter in the editor or the search box must never close the dialog or save.
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        for button in (self.reset_button, self.save_button, close):
            button.setAutoDefault(False)
            button.setDefault(False)
        buttons.rejected.connect(self.reject)
        return buttons

    # --- Which template ---

    def chosen(self) -> tuple[str, str]:
        return str(self.purpose.currentData()), str(self.language.currentData())

    def _load(self) -> None:
        purpose, language = self._shown = self.chosen()
        self._saved = templates.text(self.ctx, purpose, language)
        self.editor.setPlainText(self._saved)
        self._state()
        self._choose()

    def changed(self) -> bool:
        return self.editor.toPlainText() != self._saved

    def _switch(self) -> None:
        if self._shown is None or self.chosen() == self._shown:
            return
        if self.changed() and not self._may_discard():
            purpose, language = self._shown
            for box, code in ((self.purpose, purpose), (self.language, language)):
                box.blockSignals(True)
                box.setCurrentIndex(box.findData(code))
                box.blockSignals(False)
            return
        self._load()

    def _may_discard(self) -> bool:
        answer = QMessageBox.question(
            self, self.tr("Message templates"),
            self.tr("The template was changed but not saved. Discard the changes?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )  # fmt: skip
        return answer == QMessageBox.StandardButton.Discard

    def reject(self) -> None:
        if self.changed() and not self._may_discard():
            return
        for ticket in self._tickets:
            if self.runner is not None:
                self.runner.forget(ticket)
        super().reject()

    def _edited(self) -> None:
        """The status says what the editor holds now, not what it held when last saved."""
        if not self.changed():
            self._state()
            return
        purpose, language = self.chosen()
        if self.editor.toPlainText() == templates.default(purpose, language):
            self.status.setText(
                self.tr("The built-in template is back in the editor: Save keeps it.")
            )
        else:
            self.status.setText(self.tr("Changed, not saved."))

    def _state(self) -> None:
        purpose, language = self.chosen()
        if templates.is_default(self.ctx, purpose, language):
            self.status.setText(self.tr("The built-in template."))
        else:
            self.status.setText(self.tr("The pharmacy's own template."))

    # --- Editing ---

    def insert(self, code: str) -> None:
        self.editor.insertPlainText("{" + code + "}")
        self.editor.setFocus()

    def reset_to_default(self) -> None:
        purpose, language = self.chosen()
        self.editor.setPlainText(templates.default(purpose, language))  # the status follows
        self.editor.setFocus()

    def save(self) -> bool:
        text = self.editor.toPlainText()
        refusal = self._refusal(text)
        if refusal:
            QMessageBox.warning(self, self.tr("Message templates"), refusal)
            self.editor.setFocus()
            return False
        purpose, language = self.chosen()
        try:
            templates.save(self.ctx, purpose, language, text)
        except PharmaDeskError as exc:
            message = self.tr("The template was not saved: %1").replace("%1", str(exc))
            QMessageBox.warning(self, self.tr("Message templates"), message)
            return False
        self._saved = templates.text(self.ctx, purpose, language)
        self._state()
        self.status.setText(self.status.text() + " " + self.tr("Saved."))
        return True

    def _refusal(self, text: str) -> str:
        """Why `text` cannot be saved, in the UI language; empty when it can."""
        if not text.strip():
            return self.tr("A template cannot be empty.")
        if templates.has_stray_brace(text):
            return self.tr("A { or } belongs to no placeholder. Write {{ or }} for a brace itself.")
        unknown = templates.unknown_placeholders(text)
        if unknown:
            allowed = ", ".join("{" + p + "}" for p in templates.PLACEHOLDERS)
            return (self.tr("Unknown placeholder: %1.\nThe placeholders are: %2.")
                    .replace("%1", ", ".join(unknown)).replace("%2", allowed))  # fmt: skip
        if len(text) > templates.MAX_LENGTH:
            return self.tr("A template holds at most %1 characters.").replace(
                "%1", str(templates.MAX_LENGTH))  # fmt: skip
        return ""

    # --- Preview ---

    def _search(self, text: str) -> None:
        self.customers.blockSignals(True)
        self.customers.clear()
        hits = search.find(self.ctx, text, limit=SEARCH_LIMIT) if text.strip() else []
        for hit in hits:
            shown = f"{hit.name} · {hit.mobile}" if hit.mobile else hit.name
            self.customers.addItem(shown, hit.id)
        self.customers.blockSignals(False)
        self._choose()

    def _choose(self) -> None:
        customer = self.customers.currentData()
        self._customer = customer if isinstance(customer, int) else None
        self._values = None
        if self._customer is None:
            self._preview()
            return
        ctx, purpose, language = self.ctx, *self.chosen()
        wanted = (self._customer, purpose, language)

        def job() -> dict[str, str]:
            return templates.values_for(ctx, wanted[0], language, **_sample(ctx, *wanted[:2]))

        self.preview.setText(self.tr("Loading…"))
        loaded = lambda values: self._values_loaded(wanted, values)  # noqa: E731
        run_tracked(self.runner, self._tickets, job, loaded, self._values_failed)

    def _values_loaded(self, wanted: tuple[int, str, str], values: dict[str, str]) -> None:
        if wanted != (self._customer, *self.chosen()):
            return  # another customer or template was chosen meanwhile
        self._values = values
        self._preview()

    def _values_failed(self, error: BaseException) -> None:
        if not isinstance(error, PharmaDeskError):
            log.error("the preview's customer could not be read", exc_info=error)
        self.preview.setText(self.tr("No preview: %1").replace("%1", str(error)))

    def _preview(self) -> None:
        if self._customer is None:
            self.preview.setText(
                self.tr("Find a customer above to see the message with their data.")
            )
        elif self._values is not None:
            self.preview.setText(templates.fill(self.editor.toPlainText(), self._values))


def _sample(ctx: Context, customer_id: int, purpose: str) -> dict[str, Any]:
    """For a refill preview, the customer's own next refill (item and due day), if any."""
    if purpose != "refill":
        return {}
    found = reminders.due(ctx, days=3650, customer_ids=[customer_id])
    if not found:
        return {}
    return {"item": found[0].item, "due_date": found[0].due_date}
