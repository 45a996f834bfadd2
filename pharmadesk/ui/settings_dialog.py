"""Settings: the UI language (kept on this PC, no personal data) and, for the open pharmacy,
where its backups go (the owner chooses, e.g. a USB drive), when the last one was made, and
the version of the privacy notice customers are shown now (the owner sets it; every consent
recorded afterwards names it), how many years customer data is kept after a customer's
last activity (the owner sets it; the retention review starts from it) and whether an
import of scanned cards keeps each card's image in the pharmacy file (the owner chooses;
off by default, as the image holds health data)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from pharmadesk.errors import PharmaDeskError
from pharmadesk.services import backups, consents, retention
from pharmadesk.services import settings as pharmacy_settings
from pharmadesk.services.context import Context
from pharmadesk.services.permissions import Operation, allows
from pharmadesk.ui.i18n import LANGUAGES, current_language
from pharmadesk.ui.start_dialogs import ERROR_STYLE

LANGUAGE_KEY = "ui/language"
LANGUAGE_NAMES = {"zh_CN": "简体中文", "en": "English"}


class SettingsDialog(QDialog):
    def __init__(
        self, settings: QSettings, parent: QWidget | None = None, *, ctx: Context | None = None
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._ctx = ctx
        self._folder_before = ""
        self._notice_before = ""
        self._years_before = retention.DEFAULT_YEARS
        self._images_before = False
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(560)  # room for a backup folder's path
        self.language = QComboBox()
        self.language.setObjectName("language")
        for code in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[code], code)
        # Nothing chosen yet: the language the UI speaks (the system's), which OK leaves
        # unchosen, so the UI keeps following the system.
        saved = settings.value(LANGUAGE_KEY)
        self._language_before = saved if saved in LANGUAGES else current_language()
        self.language.setCurrentIndex(max(self.language.findData(self._language_before), 0))
        self._language_saved = saved in LANGUAGES
        self.backup_folder = QLineEdit()
        self.backup_folder.setObjectName("backupFolder")
        self.choose_folder = QPushButton(self.tr("Choose…"))
        self.choose_folder.setObjectName("chooseBackupFolder")
        self.choose_folder.clicked.connect(self._choose_folder)
        self.last_backup = QLabel()
        self.last_backup.setObjectName("lastBackup")
        self.notice_version = QLineEdit()
        self.notice_version.setObjectName("noticeVersion")
        self.notice_version.setMaxLength(consents.MAX_NOTICE_VERSION)
        self.retention_years = QSpinBox()
        self.retention_years.setObjectName("retentionYears")
        self.retention_years.setRange(*retention.YEARS_RANGE)
        self.retention_years.setSuffix(self.tr(" years"))
        self.card_images = QCheckBox(self.tr("Keep the &image of each scanned card"))
        self.card_images.setObjectName("storeCardImages")
        self.message = QLabel()
        self.message.setObjectName("settingsMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(QLabel(self.tr("A new language applies from the next start.")))
        if ctx is not None:
            self._add_backups(form, ctx)
            self._add_notice(form, ctx)
            self._add_retention(form, ctx)
            self._add_card_images(form, ctx)
        form.addRow(self.message)
        form.addRow(buttons)

    def _add_backups(self, form: QFormLayout, ctx: Context) -> None:
        self._folder_before = str(backups.backup_folder(ctx))
        self.backup_folder.setText(self._folder_before)
        owner = allows(ctx.account, Operation.MANAGE)
        self.backup_folder.setReadOnly(not owner)
        self.choose_folder.setEnabled(owner)
        if not owner:
            self.choose_folder.setToolTip(self.tr("Only the owner chooses the backup folder"))
        where = QHBoxLayout()
        where.addWidget(self.backup_folder, 1)
        where.addWidget(self.choose_folder)
        form.addRow(self.tr("Backup folder"), where)
        last = backups.last_backup(ctx)
        if last is None:
            self.last_backup.setText(self.tr("No backup yet"))
        else:
            shown = last.made_at.astimezone().strftime("%Y-%m-%d %H:%M")
            self.last_backup.setText(f"{shown}  ({last.path.name})")
        form.addRow(self.tr("Last backup"), self.last_backup)

    def _add_notice(self, form: QFormLayout, ctx: Context) -> None:
        self._notice_before = consents.notice_version(ctx)
        self.notice_version.setText(self._notice_before)
        owner = allows(ctx.account, Operation.MANAGE)
        self.notice_version.setReadOnly(not owner)
        if owner:
            self.notice_version.setToolTip(
                self.tr("Consents recorded from now on name this version of the privacy notice")
            )
        else:
            self.notice_version.setToolTip(self.tr("Only the owner sets the notice version"))
        form.addRow(self.tr("Privacy notice version"), self.notice_version)

    def _add_retention(self, form: QFormLayout, ctx: Context) -> None:
        self._years_before = retention.retention_years(ctx)
        self.retention_years.setValue(self._years_before)
        owner = allows(ctx.account, Operation.MANAGE)
        self.retention_years.setReadOnly(not owner)
        if owner:
            self.retention_years.setToolTip(
                self.tr(
                    "Customers with no purchase or contact for longer are listed in the "
                    "retention review, to be anonymised"
                )
            )
        else:
            self.retention_years.setToolTip(
                self.tr("Only the owner sets how long customer data is kept")
            )
        form.addRow(self.tr("Keep customer data for"), self.retention_years)

    def _add_card_images(self, form: QFormLayout, ctx: Context) -> None:
        self._images_before = pharmacy_settings.store_card_images(ctx)
        self.card_images.setChecked(self._images_before)
        owner = allows(ctx.account, Operation.MANAGE)
        self.card_images.setEnabled(owner)
        if not owner:
            self.card_images.setToolTip(
                self.tr("Only the owner chooses whether card images are kept")
            )
        note = QLabel(
            self.tr(
                "A card's image shows the customer's health data (allergies, chronic "
                "conditions). When kept, it is stored encrypted in the pharmacy file; "
                "otherwise only the file name and page are kept, and the scans stay where "
                "they are."
            )
        )
        note.setObjectName("storeCardImagesNote")
        note.setWordWrap(True)
        form.addRow(self.tr("Scanned cards"), self.card_images)
        form.addRow(note)

    def _choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Backup folder"), self.backup_folder.text()
        )
        if chosen:
            self.backup_folder.setText(chosen)

    def _save(self) -> None:
        ctx = self._ctx
        if ctx is not None and not (
            self._save_notice(ctx)
            and self._save_retention(ctx)
            and self._save_card_images(ctx)
            and self._save_folder()
        ):
            return
        if self._language_saved or self.language.currentData() != self._language_before:
            self._settings.setValue(LANGUAGE_KEY, self.language.currentData())
        self.accept()

    def _save_notice(self, ctx: Context) -> bool:
        version = self.notice_version.text().strip()
        if self.notice_version.isReadOnly() or version == self._notice_before:
            return True
        try:
            consents.set_notice_version(ctx, version)
        except PharmaDeskError as exc:
            self._refused(self.notice_version, self._notice_error(exc))
            return False
        self._notice_before = version  # saved: a later problem with the folder keeps it
        return True

    def _save_retention(self, ctx: Context) -> bool:
        years = self.retention_years.value()
        if self.retention_years.isReadOnly() or years == self._years_before:
            return True
        try:
            retention.set_retention_years(ctx, years)
        except PharmaDeskError as exc:
            self._refused(self.retention_years, exc.message)
            return False
        self._years_before = years  # saved: a later problem with the folder keeps it
        return True

    def _save_card_images(self, ctx: Context) -> bool:
        keep = self.card_images.isChecked()
        if not self.card_images.isEnabled() or keep == self._images_before:
            return True
        try:
            pharmacy_settings.set_store_card_images(ctx, keep)
        except PharmaDeskError as exc:
            self._refused(self.card_images, exc.message)
            return False
        self._images_before = keep  # saved: a later problem with the folder keeps it
        return True

    def _notice_error(self, exc: PharmaDeskError) -> str:
        if exc.message.startswith("a notice version is"):
            return self.tr("The notice version is 1 to %1 characters.").replace(
                "%1", str(consents.MAX_NOTICE_VERSION)
            )
        return exc.message

    def _save_folder(self) -> bool:
        folder = self.backup_folder.text().strip()
        if self._ctx is None or not folder or folder == self._folder_before:
            return True
        try:
            backups.set_backup_folder(self._ctx, Path(folder).expanduser())
        except PharmaDeskError as exc:
            self._refused(self.backup_folder, exc.message)
            return False
        return True

    def _refused(self, field: QWidget, text: str) -> None:
        self.message.setText(text)
        field.setFocus()
