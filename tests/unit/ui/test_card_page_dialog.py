"""The scanned card a customer came from, seen from their profile: a link when there is one,
the dialog listing the pages, the kept image for those who may see health data, and a
sentence for a page kept by reference only or for staff."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QEvent, QSettings, QSize, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from pharmadesk.db.models import AuditEvent
from pharmadesk.io import import_batches
from pharmadesk.io.cards import card_table, pages, samples
from pharmadesk.io.cards.card_table import AcceptedCard
from pharmadesk.services import accounts, customers, settings, vault
from pharmadesk.services.context import Context
from pharmadesk.ui.card_page_dialog import CardPageDialog, file_name
from pharmadesk.ui.main_window import LOCKED, MainWindow
from pharmadesk.ui.tasks import BackgroundRunner
from tests.conftest import PASSWORD, FakeClock
from tests.unit.ui.conftest import press
from tests.unit.ui.test_lock import sign_in

CARD = {"name": "欧阳秀英", "mobile": "13987650001", "allergies": "青霉素"}
VIEWED = "card_page.image_viewed"


@pytest.fixture(scope="module")
def scan(tmp_path_factory: pytest.TempPathFactory) -> pages.CardPage:
    folder = tmp_path_factory.mktemp("scans")
    path = samples.save(samples.draw_card(CARD), folder / "card-0042.png")
    [page] = pages.read_pages(path)
    return page


def _import(ctx: Context, page: pages.CardPage, *, keep_image: bool) -> int:
    """The card accepted and imported as the card import does; returns the customer."""
    settings.set_store_card_images(ctx, keep_image)
    plan = card_table.plan(ctx, [AcceptedCard(page, dict(CARD))], store_images=True)
    import_batches.commit(ctx, plan, again=True)  # the same card twice in one test
    [found] = [c for c in customers.list_customers(ctx) if c.name == CARD["name"]]
    return found.id


def _open(qtbot: QtBot, window: MainWindow, customer_id: int) -> None:
    window.open_customer(customer_id)
    window._runner.wait_idle()  # the card list comes from the database worker


def _dialog(qtbot: QtBot, window: MainWindow) -> CardPageDialog:
    link = window.panel.card_link
    assert link is not None
    qtbot.waitUntil(link.isVisible)
    qtbot.mouseClick(link, Qt.MouseButton.LeftButton)
    dialog = link.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def _viewed(customer_id: int) -> list[int]:
    events = AuditEvent.select().where(AuditEvent.action == VIEWED)
    return [e.entity_id for e in events if e.customer_id == customer_id]


def test_a_kept_card_image_opens_from_the_profile_fitted_and_at_full_size(
    qtbot: QtBot, window: MainWindow, pharmacy: Context, scan: pages.CardPage
) -> None:
    customer_id = _import(pharmacy, scan, keep_image=True)
    _open(qtbot, window, customer_id)
    link = window.panel.card_link
    assert link is not None
    qtbot.waitUntil(link.isVisible)
    assert link.text() == "Scanned card…"

    dialog = _dialog(qtbot, window)
    assert CARD["name"] in dialog.windowTitle()
    row = [dialog.model.index(0, c).data() for c in range(dialog.model.columnCount())]
    assert row[0] == "card-0042.png"
    assert row[1:3] == ["1", str(import_batches.batches(pharmacy)[0].id)]
    assert row[3] == "2026-11-20"
    assert row[4] == "image kept"

    viewer = dialog.viewer
    qtbot.waitUntil(lambda: dialog.shown.currentWidget() is viewer)
    fitted = viewer.image.pixmap()
    assert not fitted.isNull()
    space = viewer.area.viewport().size()
    assert fitted.width() <= space.width()
    assert fitted.height() <= space.height()
    # Fitted: the whole card, as large as the space allows (one side fills it).
    assert min(space.width() - fitted.width(), space.height() - fitted.height()) <= 1

    qtbot.mouseClick(viewer.full_button, Qt.MouseButton.LeftButton)
    full = viewer.image.pixmap()
    assert full.size() == QSize(*scan.image.size)  # one scan pixel to one screen pixel
    qtbot.mouseClick(viewer.fit_button, Qt.MouseButton.LeftButton)
    assert viewer.image.pixmap().size() == fitted.size()

    [page] = dialog.model.rows
    assert _viewed(customer_id) == [page.id]  # the reading of a card image is audited

    dialog.view.setFocus()
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert link.dialog is None


def test_a_page_kept_by_reference_says_where_the_scan_is_and_that_its_image_was_not_kept(
    qtbot: QtBot, window: MainWindow, pharmacy: Context, scan: pages.CardPage
) -> None:
    customer_id = _import(pharmacy, scan, keep_image=False)
    _import(pharmacy, scan, keep_image=True)  # the same card again, its image kept this time
    _open(qtbot, window, customer_id)
    link = window.panel.card_link
    assert link is not None
    qtbot.waitUntil(link.isVisible)
    assert link.text() == "Scanned card: 2 pages…"

    dialog = _dialog(qtbot, window)
    assert [dialog.model.index(r, 4).data() for r in range(2)] == ["reference only", "image kept"]
    assert dialog.view.currentIndex().row() == 1  # the page there is an image of
    qtbot.waitUntil(lambda: dialog.shown.currentWidget() is dialog.viewer)

    press(qtbot, Qt.Key.Key_Up)  # the keyboard stays in the list
    assert dialog.view.currentIndex().row() == 0
    assert dialog.shown.currentWidget() is dialog.note
    text = dialog.note.text()
    assert f"“{scan.source}”, page 1" in text
    assert "image was not kept" in text
    assert "Settings" in text

    press(qtbot, Qt.Key.Key_Down)  # back to the image: read once while the dialog is open
    assert dialog.shown.currentWidget() is dialog.viewer
    assert len(_viewed(customer_id)) == 1
    dialog.reject()


def test_a_lock_takes_the_card_off_the_screen_and_drops_it(
    qtbot: QtBot, window: MainWindow, pharmacy: Context, scan: pages.CardPage
) -> None:
    customer_id = _import(pharmacy, scan, keep_image=True)
    _open(qtbot, window, customer_id)
    dialog = _dialog(qtbot, window)
    qtbot.waitUntil(lambda: dialog.shown.currentWidget() is dialog.viewer)
    window.lock()
    assert not dialog.isVisible()  # at once: the card shows allergies
    qtbot.waitUntil(lambda: window.state == LOCKED)
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(dialog)
    sign_in(qtbot, window, "owner", PASSWORD)
    qtbot.waitUntil(lambda: not window.locked)
    link = window.panel.card_link  # the new session's
    assert link is not None
    assert not link.isVisible()


def test_a_customer_without_a_scanned_card_has_no_link(
    qtbot: QtBot, window: MainWindow, pharmacy: Context, people: dict[str, int],
    scan: pages.CardPage,
) -> None:  # fmt: skip
    from_card = _import(pharmacy, scan, keep_image=True)
    _open(qtbot, window, from_card)
    link = window.panel.card_link
    assert link is not None
    qtbot.waitUntil(link.isVisible)
    _open(qtbot, window, people["张三"])
    assert not link.isVisible()
    assert window.panel.title.text().startswith("张三")
    window.new_customer()
    window._runner.wait_idle()
    assert not link.isVisible()


@pytest.fixture
def staff_window(
    qtbot: QtBot, pharmacy: Context, settings: QSettings, db_path: Path, clock: FakeClock
) -> Iterator[Callable[[], MainWindow]]:  # fmt: skip
    """Opens the window of 小王 (wang), staff: may open customers, not see health data.
    Called once the test's data is written (a second session's start-up holds the file)."""
    accounts.add(pharmacy, "wang", role="staff", password="staff-pw-1")
    made: list[tuple[MainWindow, BackgroundRunner]] = []

    def make() -> MainWindow:
        wang = vault.open_pharmacy(db_path, user="wang", password="staff-pw-1", clock=clock)
        runner = BackgroundRunner(on_stop=wang.close)
        win = MainWindow(wang, runner, settings)
        made.append((win, runner))
        win.show()
        qtbot.waitExposed(win)
        return win

    yield make
    for win, runner in made:
        win.form.load(None)
        win.close()
        win.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        runner.stop()


def test_staff_see_the_list_but_a_sentence_instead_of_the_image(
    qtbot: QtBot, pharmacy: Context, scan: pages.CardPage,
    staff_window: Callable[[], MainWindow],
) -> None:  # fmt: skip
    customer_id = _import(pharmacy, scan, keep_image=True)
    window = staff_window()
    _open(qtbot, window, customer_id)
    dialog = _dialog(qtbot, window)
    assert dialog.model.index(0, 4).data() == "image kept"
    assert dialog.shown.currentWidget() is dialog.note
    assert "health data" in dialog.note.text()
    assert dialog.viewer.image.pixmap().isNull()
    window._runner.wait_idle()
    assert _viewed(customer_id) == []  # nothing was read
    dialog.reject()


def test_the_file_name_is_found_in_a_path_chosen_on_windows_or_elsewhere() -> None:
    assert file_name(r"C:\扫描\登记卡 2019.pdf") == "登记卡 2019.pdf"
    assert file_name("/home/a/scans/card.png") == "card.png"
