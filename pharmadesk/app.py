"""Starting the window: Qt, language, fonts, then setup (first run) or unlock, then the
counter window. Qt is imported here and in ui/ only."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from pharmadesk import paths
from pharmadesk.services import vault
from pharmadesk.services.context import Context
from pharmadesk.ui import fonts, i18n
from pharmadesk.ui.main_window import MainWindow
from pharmadesk.ui.settings_dialog import LANGUAGE_KEY
from pharmadesk.ui.start_dialogs import SetupDialog, UnlockDialog
from pharmadesk.ui.tasks import BackgroundRunner


def application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setOrganizationName("PharmaDesk")
    app.setApplicationName("PharmaDesk")
    return app


def prepare(app: QApplication, lang: str | None) -> QSettings:
    """Language and fonts; returns the PC's settings store (window layout, language)."""
    settings = QSettings()
    saved = settings.value(LANGUAGE_KEY)
    language = i18n.choose_language(lang, saved if isinstance(saved, str) else None)
    app.setProperty("pharmadesk_translators", i18n.install(app, language))
    fonts.apply(app)
    return settings


def start_context(db: Path | None, user: str) -> Context | None:
    """Unlock the pharmacy at `db` (or set one up on first run); None when the user quits."""
    path = db or paths.last_opened() or paths.default_pharmacy_path()
    if path.exists():
        unlock = UnlockDialog(
            path=path,
            unlock=lambda name, password: vault.open_pharmacy(path, user=name, password=password),
            user=user,
        )
        opened = unlock.context if unlock.exec() else None
    else:

        def create(target: Path, owner: str, password: str, name: str) -> tuple[Context, str]:
            created = vault.create_pharmacy(
                target, owner=owner, password=password, pharmacy_name=name
            )
            return created.context, created.recovery_code

        setup = SetupDialog(default_path=path, create=create)
        opened = setup.context if setup.exec() else None
    if opened is not None:
        paths.remember_opened(opened.path)
    return opened


def run_window(app: QApplication, ctx: Context, settings: QSettings) -> int:
    # The worker thread closes its own connection when it stops.
    runner = BackgroundRunner(on_stop=ctx.close)
    window = MainWindow(ctx, runner, settings)
    window.show()
    try:
        return app.exec()
    finally:
        runner.stop()
        ctx.close()


def run_gui(*, db: Path | None, lang: str | None, user: str, context: Context | None = None) -> int:
    app = application()
    settings = prepare(app, lang)
    ctx = context or start_context(db, user)
    if ctx is None:
        return 0
    return run_window(app, ctx, settings)
