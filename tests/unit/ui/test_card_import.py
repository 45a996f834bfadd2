"""The scanned-card import, driven by keyboard as a pharmacist checks a pile of cards: the
cards are drawn by the tests, read by the real recogniser (a second or two each), checked
field by field, and what the database then holds is asserted."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget, QWizard
from pytestqt.qtbot import QtBot

from pharmadesk.io import import_batches
from pharmadesk.io.cards import engine, samples, saved_layouts
from pharmadesk.io.cards.layout import Area, CardLayout
from pharmadesk.io.cards.samples import Damage
from pharmadesk.services import accounts, customers, settings, vault
from pharmadesk.services.context import Context
from pharmadesk.ui import card_import
from pharmadesk.ui.card_import import CardImportWizard
from pharmadesk.ui.card_layout_editor import LayoutEditorDialog
from pharmadesk.ui.import_history import ImportHistoryDialog
from pharmadesk.ui.tasks import BackgroundRunner
from tests.conftest import FakeClock
from tests.unit.ui.conftest import commit_import, focused, press, when_modal

pytestmark = pytest.mark.skipif(engine.missing() is not None, reason="OCR is not installed")

WANG = {
    "name": "王建国", "gender": "男", "birth_date": "1962年5月3日", "mobile": "13911112222",
    "address": "上海市徐汇区漕溪北路88号", "allergies": "磺胺", "chronic_conditions": "高血压",
    "registered_on": "2016-04-01", "code": "B00017", "notes": "常购降压药",
}  # fmt: skip
CHEN = {
    "name": "陈美玲", "gender": "女", "birth_date": "1975-08-19", "mobile": "13722223333",
    "address": "杭州市西湖区文三路12号", "allergies": "无", "chronic_conditions": "糖尿病",
    "registered_on": "2018-09-10", "code": "B00018", "notes": "周末来店",
}  # fmt: skip
LIU = {**CHEN, "name": "刘志强", "gender": "男", "mobile": "13633334444", "code": "B00019"}
ZHAO = {**CHEN, "name": "赵丽", "mobile": "13544445555", "code": "B00020"}
NEXT = QWizard.WizardButton.NextButton
BACK = QWizard.WizardButton.BackButton
COMMIT = QWizard.WizardButton.CommitButton
FINISH = QWizard.WizardButton.FinishButton
CARD_S = 30_000  # ms: a card or two on a busy machine, the models loading first


@dataclass(frozen=True)
class Scans:
    walk: Path  # a folder: a PNG card and a one-page PDF card
    stamped: Path  # a PNG card with a red seal over the name
    mixed: Path  # a folder: a two-page TIFF (two cards) and a file that is no image


@pytest.fixture(scope="module")
def scans(tmp_path_factory: pytest.TempPathFactory) -> Scans:
    root = tmp_path_factory.mktemp("scans")
    walk, mixed = root / "walk", root / "mixed"
    walk.mkdir()
    mixed.mkdir()
    samples.save(samples.draw_card(WANG), walk / "01.png")
    samples.save_many([samples.draw_card(CHEN, Damage(angle=1.5))], walk / "02.pdf")
    stamped = samples.save(samples.draw_card(WANG, Damage(seal_over=("name",))), root / "s.png")
    samples.save_many([samples.draw_card(LIU), samples.draw_card(ZHAO)], mixed / "pile.tif")
    (mixed / "torn.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    return Scans(walk, stamped, mixed)


@pytest.fixture
def runner(pharmacy: Context) -> Iterator[BackgroundRunner]:
    background = BackgroundRunner(on_stop=pharmacy.close)
    yield background
    background.stop()


@pytest.fixture
def open_wizard(
    qtbot: QtBot, pharmacy: Context, runner: BackgroundRunner
) -> Iterator[Callable[..., CardImportWizard]]:
    opened: list[QWidget] = []

    def start(*paths: Path) -> CardImportWizard:
        wizard = CardImportWizard(pharmacy, runner, paths=list(paths))
        opened.append(wizard)
        wizard.show()
        qtbot.waitExposed(wizard)
        wizard.activateWindow()
        qtbot.waitUntil(wizard.isActiveWindow)
        return wizard

    yield start
    runner.wait_idle()
    for wizard in opened:
        wizard.done(0)
        wizard.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def button(wizard: QWizard, which: QWizard.WizardButton) -> QWidget:
    found = wizard.button(which)
    assert found is not None
    return found


def ready(qtbot: QtBot, wizard: QWizard, which: QWizard.WizardButton) -> None:
    qtbot.waitUntil(lambda: button(wizard, which).isEnabled(), timeout=CARD_S)


def to_check(qtbot: QtBot, wizard: CardImportWizard) -> None:
    ready(qtbot, wizard, NEXT)
    press(qtbot, Qt.Key.Key_Return)
    assert wizard.currentPage() is wizard.check


def card_shown(qtbot: QtBot, wizard: CardImportWizard, label: str) -> None:
    """Wait until the card is read and shown, the keyboard in its fields."""
    page = wizard.check

    def shown() -> bool:
        current = page.current
        return current is not None and current.reading is not None and current.label == label

    qtbot.waitUntil(shown, timeout=CARD_S)


def field(wizard: CardImportWizard, name: str) -> str:
    return wizard.check.fields.rows[name].edit.text()


def reasons(wizard: CardImportWizard, name: str) -> list[str]:
    return wizard.check.fields.rows[name].reasons


def tick_and_accept(qtbot: QtBot, wizard: CardImportWizard) -> None:
    """Enter; refused until both health boxes are ticked, each Enter leads to the next box."""
    for name in ("allergies", "chronic_conditions"):
        press(qtbot, Qt.Key.Key_Return)
        assert "Tick “Checked”" in wizard.check.status.text()
        assert focused() is wizard.check.fields.rows[name].tick
        press(qtbot, Qt.Key.Key_Space)
    press(qtbot, Qt.Key.Key_Return)


def statuses(wizard: CardImportWizard) -> list[str]:
    return [item.status for item in wizard.check.reader.items]


def test_two_cards_are_checked_by_keyboard_imported_then_undone(
    qtbot: QtBot, scans: Scans, pharmacy: Context, open_wizard: Callable[..., CardImportWizard]
) -> None:
    wizard = open_wizard(scans.walk)
    to_check(qtbot, wizard)
    page = wizard.check
    card_shown(qtbot, wizard, "01.png")
    assert {name: field(wizard, name) for name in WANG} == WANG
    assert focused() is page.fields.rows["name"].edit  # nothing to look at: the name first
    assert page.image.current_box() == page.fields.box_of("name")
    press(qtbot, Qt.Key.Key_Tab)  # the outline follows the keyboard
    assert page.image.current_box() == page.fields.box_of("gender")
    assert not button(wizard, NEXT).isEnabled()  # nothing accepted yet

    tick_and_accept(qtbot, wizard)
    card_shown(qtbot, wizard, "02.pdf")
    assert statuses(wizard)[0] == "accepted"
    assert field(wizard, "name") == "陈美玲"
    assert field(wizard, "mobile") == "13722223333"
    for _ in range(3):  # name -> gender -> birth date -> mobile
        press(qtbot, Qt.Key.Key_Tab)
    assert focused() is page.fields.rows["mobile"].edit
    qtbot.keyClicks(focused(), "1375555666")  # Tab selected the value: typing replaces it
    assert reasons(wizard, "mobile") == ["invalid"]  # ten digits: checked as typed
    assert "Not a valid mobile" in page.fields.rows["mobile"].reason.text()
    qtbot.keyClicks(focused(), "6")
    assert reasons(wizard, "mobile") == []
    tick_and_accept(qtbot, wizard)
    assert statuses(wizard) == ["accepted", "accepted"]
    assert customers.count_active(pharmacy) == 0  # nothing is saved before the commit

    ready(qtbot, wizard, NEXT)
    assert focused() is button(wizard, NEXT)  # every card checked: Enter goes on
    press(qtbot, Qt.Key.Key_Return)
    assert wizard.currentPage() is wizard.preview
    ready(qtbot, wizard, COMMIT)
    assert wizard.preview.counts["imported"].text() == "2"
    commit_import(qtbot, wizard)
    ready(qtbot, wizard, FINISH)
    assert wizard.commit.outcome == "committed"
    batch = wizard.imported_batch
    assert batch is not None

    found = {record.name: record for record in customers.list_customers(pharmacy)}
    assert sorted(found) == ["王建国", "陈美玲"]
    assert found["陈美玲"].mobile == "13755556666"  # as corrected
    assert found["王建国"].allergies == "磺胺"
    assert found["王建国"].chronic_conditions == "高血压"
    assert found["王建国"].code == "B00017"
    assert str(found["王建国"].birth_date) == "1962-05-03"
    kind, pages = pharmacy.db.execute_sql(
        "SELECT kind, (SELECT count(*) FROM card_page WHERE batch_id = b.id) "
        "FROM import_batch b WHERE id = ?",
        (batch,),
    ).fetchone()
    assert (kind, pages) == ("cards", 2)
    images = "SELECT count(*) FROM card_page WHERE image IS NOT NULL"
    assert pharmacy.db.execute_sql(images).fetchone()[0] == 0  # the owner did not ask for them

    history = ImportHistoryDialog(pharmacy)
    try:
        assert history.model.index(0, 1).data() == "walk (scanned cards)"
        asked: list[str] = []

        def undo(box: QWidget) -> None:
            assert isinstance(box, QMessageBox)
            asked.append(box.text())
            box.defaultButton().click()

        errors = when_modal(qtbot, undo)
        history.undo_button.click()
        assert errors == []
        assert "points" not in asked[0]  # a scanned card carries none
        assert history.model.index(0, 4).data() == "Undone"
        said = history.message.text()
        assert said.startswith("Batch 1 undone.")
        assert re.search(r"2 scanned card page(\(s\)|s) no longer kept\.", said)
    finally:
        history.close()
        history.deleteLater()
    assert customers.count_active(pharmacy) == 0
    assert pharmacy.db.execute_sql("SELECT count(*) FROM card_page").fetchone()[0] == 0
    assert import_batches.batches(pharmacy)[0].status == "undone"


def test_a_stamped_name_is_highlighted_and_not_accepted_by_enter_alone(
    qtbot: QtBot, scans: Scans, pharmacy: Context, open_wizard: Callable[..., CardImportWizard]
) -> None:
    wizard = open_wizard(scans.stamped)
    to_check(qtbot, wizard)
    card_shown(qtbot, wizard, "s.png")
    page = wizard.check
    assert "stamp" in reasons(wizard, "name")
    assert "A stamp may cover this" in page.fields.rows["name"].reason.text()
    assert page.fields.rows["name"].edit.styleSheet() != ""  # in colour
    assert focused() is page.fields.rows["name"].edit  # the keyboard goes to what needs a look
    press(qtbot, Qt.Key.Key_Return)
    assert statuses(wizard) == ["check"]
    assert "Tick “Checked”" in page.status.text()
    assert not button(wizard, NEXT).isEnabled()

    page.fields.rows["name"].edit.setFocus()
    tick_and_accept(qtbot, wizard)
    assert statuses(wizard) == ["accepted"]
    ready(qtbot, wizard, NEXT)
    # Changed after it was accepted, the card is to be accepted again.
    qtbot.keyClicks(page.fields.rows["notes"].edit, "!")
    assert statuses(wizard) == ["check"]
    assert not button(wizard, NEXT).isEnabled()


def test_skip_and_unreadable_keys_leave_cards_out_of_the_import(
    qtbot: QtBot, scans: Scans, pharmacy: Context, open_wizard: Callable[..., CardImportWizard]
) -> None:
    wizard = open_wizard(scans.mixed)
    ready(qtbot, wizard, NEXT)
    problems = wizard.sources.problems.text()
    assert problems == "“torn.png” is not a scan PharmaDesk reads (PNG, JPEG, TIFF or PDF)."
    to_check(qtbot, wizard)
    page = wizard.check
    assert page.skip_button.text() == "Skip (Ctrl+K)"
    assert page.unreadable_button.text() == "Unreadable (Ctrl+U)"
    assert statuses(wizard)[-1] == "unreadable"  # the torn file is listed, not lost
    card_shown(qtbot, wizard, "pile.tif, page 1")
    press(qtbot, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    card_shown(qtbot, wizard, "pile.tif, page 2")
    press(qtbot, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)
    assert statuses(wizard) == ["skipped", "unreadable", "unreadable"]
    assert page.summary.text() == "Accepted: 0 · To check: 0 · Skipped: 1 · Unreadable: 2"
    assert not button(wizard, NEXT).isEnabled()  # nothing accepted: nothing to import
    # Back on the skipped card, it can still be accepted after all.
    page.cards.setCurrentRow(0)
    assert page.current is page.reader.items[0]
    tick_and_accept(qtbot, wizard)
    assert statuses(wizard) == ["accepted", "unreadable", "unreadable"]
    ready(qtbot, wizard, NEXT)
    press(qtbot, Qt.Key.Key_Return)
    assert wizard.currentPage() is wizard.preview
    ready(qtbot, wizard, COMMIT)
    assert wizard.preview.counts["imported"].text() == "1"
    assert customers.count_active(pharmacy) == 0


def test_escape_asks_before_the_cards_accepted_are_lost(
    qtbot: QtBot, scans: Scans, pharmacy: Context, open_wizard: Callable[..., CardImportWizard]
) -> None:
    wizard = open_wizard(scans.walk / "01.png")
    to_check(qtbot, wizard)
    card_shown(qtbot, wizard, "01.png")
    tick_and_accept(qtbot, wizard)
    assert statuses(wizard) == ["accepted"]
    asked: list[str] = []

    def answer(choice: QMessageBox.StandardButton) -> Callable[[QWidget], None]:
        def click(box: QWidget) -> None:
            assert isinstance(box, QMessageBox)
            asked.append(box.text())
            chosen = box.button(choice)
            assert chosen is not None
            chosen.click()

        return click

    errors = when_modal(qtbot, answer(QMessageBox.StandardButton.No))
    press(qtbot, Qt.Key.Key_Escape)  # a stray Escape: the check stays
    assert errors == []
    assert len(asked) == 1
    said = r"1 card(\(s\))? accepted and not imported yet\. Close and lose the check\?"
    assert re.fullmatch(said, asked[0])
    assert wizard.isVisible()
    assert statuses(wizard) == ["accepted"]
    errors = when_modal(qtbot, answer(QMessageBox.StandardButton.Yes))
    button(wizard, QWizard.WizardButton.CancelButton).click()
    assert errors == []
    assert len(asked) == 2
    assert not wizard.isVisible()
    assert customers.count_active(pharmacy) == 0


def test_without_ocr_the_entry_says_what_is_missing(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    pharmacy: Context,
    runner: BackgroundRunner,
    open_wizard: Callable[..., CardImportWizard],
    scans: Scans,
) -> None:
    monkeypatch.setattr(
        engine, "missing", lambda: "the OCR packages are not installed (rapidocr); install it"
    )
    said: list[str] = []

    def answer(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        said.append(box.text())
        box.accept()

    errors = when_modal(qtbot, answer)
    assert card_import.open_card_import(None, pharmacy, runner) is None
    assert errors == []
    assert len(said) == 1
    assert said[0].startswith("Scanned cards cannot be read on this computer.")
    assert "(rapidocr)" in said[0]
    assert "pharmadesk[ocr]" in said[0]

    wizard = open_wizard(scans.stamped)  # opened anyway: the check page says it too
    to_check(qtbot, wizard)
    assert wizard.check.missing.isVisible()
    assert "not installed (rapidocr)" in wizard.check.missing.text()
    assert wizard.check.reader.items == []


def test_a_customer_on_file_is_named_and_looked_up_again_as_the_card_is_corrected(
    qtbot: QtBot, scans: Scans, pharmacy: Context, open_wizard: Callable[..., CardImportWizard]
) -> None:
    customers.create(pharmacy, {"name": "李四", "mobile": "13911112222"})  # the same mobile
    wizard = open_wizard(scans.walk / "01.png")
    to_check(qtbot, wizard)
    card_shown(qtbot, wizard, "01.png")
    page = wizard.check
    qtbot.waitUntil(page.on_file.isVisible)
    assert page.on_file.text().startswith("Possibly already on file: 李四 (13911112222).")
    assert "duplicate" in reasons(wizard, "name")
    assert "May be a customer already on file" in page.fields.rows["name"].reason.text()
    mobile = page.fields.rows["mobile"].edit
    mobile.setFocus()
    mobile.selectAll()
    qtbot.keyClicks(mobile, "13988887777")  # the mobile was misread: no one on file has it
    qtbot.waitUntil(lambda: not page.on_file.isVisible())
    assert "duplicate" not in reasons(wizard, "name")


def test_reading_stops_on_request_and_the_cards_read_can_be_imported(
    qtbot: QtBot, scans: Scans, pharmacy: Context, open_wizard: Callable[..., CardImportWizard]
) -> None:
    wizard = open_wizard(scans.mixed / "pile.tif")
    to_check(qtbot, wizard)
    page = wizard.check
    stop = page.progress.stop
    assert stop.text() == "&Stop reading"
    stop.click()  # while the first card is still being read
    card_shown(qtbot, wizard, "pile.tif, page 1")
    qtbot.waitUntil(lambda: not page.reader.active())
    assert statuses(wizard) == ["check", "waiting"]
    assert page.progress.text.text().startswith("Reading stopped: 1 of 2")
    tick_and_accept(qtbot, wizard)
    ready(qtbot, wizard, NEXT)  # the card read can go on while the rest waits

    assert stop.text() == "Read the &rest"
    stop.click()
    assert not button(wizard, NEXT).isEnabled()  # a card is being read again
    card_shown(qtbot, wizard, "pile.tif, page 2")
    assert field(wizard, "name") == "赵丽"
    ready(qtbot, wizard, NEXT)
    assert not stop.isVisible()


def test_the_owner_draws_a_layout_on_a_sample_then_reads_cards_with_it(
    qtbot: QtBot, scans: Scans, pharmacy: Context, open_wizard: Callable[..., CardImportWizard]
) -> None:
    wizard = open_wizard(scans.walk / "01.png")
    ready(qtbot, wizard, NEXT)
    assert wizard.sources.define.isEnabled()
    editor = LayoutEditorDialog(pharmacy, wizard, parent=wizard)
    editor.show()
    qtbot.waitExposed(editor)
    try:
        editor.load_sample(scans.walk / "01.png")
        qtbot.waitUntil(lambda: editor.page is not None, timeout=CARD_S)
        found = editor.message.text()
        assert found.startswith("Printed labels found: ")
        for name in ("Name", "Mobile", "Allergies", "Registration date"):
            assert name in found
        assert editor.current_field() == "name"
        # Drag over the value after 姓名 (a 150 dpi page: the name sits near 125-450, 95-145).
        drawn = editor.image.on_screen((125, 92, 450, 148))
        left, right = drawn.topLeft().toPoint(), drawn.bottomRight().toPoint()
        qtbot.mousePress(editor.image, Qt.MouseButton.LeftButton, pos=left)
        qtbot.mouseRelease(editor.image, Qt.MouseButton.LeftButton, pos=right)
        assert set(editor.areas) == {"name"}
        assert editor.current_field() == "gender"  # on to the next field
        assert editor.image.current_box() is None  # not drawn yet
        qtbot.keyClicks(editor.name, "Form B")
        editor.save.click()
        qtbot.waitUntil(lambda: editor.changed)
        assert editor.message.text() == "Layout “Form B” saved."
    finally:
        editor.done(0)
        editor.deleteLater()
    saved = saved_layouts.load(pharmacy, "Form B")
    assert saved is not None
    assert saved.areas["name"].near is not None  # kept near its label, 姓名

    wizard.sources.load_layouts(select="Form B")
    qtbot.waitUntil(lambda: wizard.card_layout.name == "Form B")
    assert wizard.sources.layout_choice.currentText() == "Form B"
    wizard.activateWindow()  # the editor has closed: the keyboard is back in the wizard
    qtbot.waitUntil(wizard.isActiveWindow)
    to_check(qtbot, wizard)
    card_shown(qtbot, wizard, "01.png")
    assert field(wizard, "name") == "王建国"  # read from the area drawn
    assert field(wizard, "mobile") == "13911112222"  # the others still by their labels


def test_only_the_owner_defines_or_deletes_layouts(
    qtbot: QtBot, scans: Scans, pharmacy: Context, db_path: Path, clock: FakeClock,
    runner: BackgroundRunner,
) -> None:  # fmt: skip
    saved_layouts.save(pharmacy, CardLayout("Form B", {"name": Area(None, (0.1, 0.1, 0.5, 0.2))}))
    accounts.add(pharmacy, "li", role="pharmacist", password="pharm-pw")
    li = vault.open_pharmacy(db_path, user="li", password="pharm-pw", clock=clock)
    wizard = CardImportWizard(li, runner)
    try:
        assert not wizard.sources.define.isEnabled()
        assert wizard.sources.define.toolTip() == "Only the owner defines card layouts"
        runner.wait_idle()
        # A pharmacist reads cards with the owner's layouts all the same.
        assert [wizard.sources.layout_choice.itemText(i) for i in range(2)] == [
            "By printed labels", "Form B",
        ]  # fmt: skip
    finally:
        wizard.done(0)
        wizard.deleteLater()
        runner.wait_idle()
        li.close()


def test_a_layout_is_deleted_after_a_question(
    qtbot: QtBot, pharmacy: Context, open_wizard: Callable[..., CardImportWizard], scans: Scans,
    runner: BackgroundRunner,
) -> None:  # fmt: skip
    saved_layouts.save(pharmacy, CardLayout("Form B", {"name": Area(None, (0.1, 0.1, 0.5, 0.2))}))
    wizard = open_wizard(scans.stamped)
    editor = LayoutEditorDialog(pharmacy, wizard, parent=wizard)
    editor.show()
    try:
        qtbot.waitUntil(lambda: editor.saved.count() == 2)
        editor.saved.setCurrentIndex(1)
        editor.saved.activated.emit(1)
        qtbot.waitUntil(lambda: editor.name.text() == "Form B")
        assert editor.fields.item(0).text() == "Name (drawn)"
        errors = when_modal(qtbot, lambda box: box.button(QMessageBox.StandardButton.Yes).click())  # type: ignore[attr-defined]
        editor.delete.click()
        qtbot.waitUntil(lambda: editor.changed)
        assert errors == []
        assert saved_layouts.names(pharmacy) == []
    finally:
        editor.done(0)
        editor.deleteLater()


def test_enter_in_the_layout_name_saves_and_closing_asks_before_drawn_areas_are_lost(
    qtbot: QtBot, scans: Scans, pharmacy: Context, open_wizard: Callable[..., CardImportWizard]
) -> None:
    wizard = open_wizard(scans.walk / "01.png")
    editor = LayoutEditorDialog(pharmacy, wizard, parent=wizard)
    editor.show()
    qtbot.waitExposed(editor)

    def drag(box: tuple[int, int, int, int]) -> None:
        drawn = editor.image.on_screen(box)
        left, right = drawn.topLeft().toPoint(), drawn.bottomRight().toPoint()
        qtbot.mousePress(editor.image, Qt.MouseButton.LeftButton, pos=left)
        qtbot.mouseRelease(editor.image, Qt.MouseButton.LeftButton, pos=right)

    try:
        editor.load_sample(scans.walk / "01.png")
        qtbot.waitUntil(lambda: editor.page is not None, timeout=CARD_S)
        drag((125, 92, 450, 148))
        editor.name.setFocus()
        qtbot.keyClicks(editor.name, "Form C")
        qtbot.keyClick(editor.name, Qt.Key.Key_Return)  # saves; it never closes the editor
        qtbot.waitUntil(lambda: editor.changed)
        assert editor.isVisible()
        assert saved_layouts.names(pharmacy) == ["Form C"]

        drag((125, 160, 450, 210))  # drawn, not saved: Escape asks, and No keeps it open
        asked: list[str] = []

        def answer(choice: QMessageBox.StandardButton) -> Callable[[QWidget], None]:
            def click(box: QWidget) -> None:
                assert isinstance(box, QMessageBox)
                asked.append(box.text())
                button = box.button(choice)
                assert button is not None
                button.click()

            return click

        errors = when_modal(qtbot, answer(QMessageBox.StandardButton.No))
        qtbot.keyClick(editor, Qt.Key.Key_Escape)
        assert errors == []
        assert len(asked) == 1
        assert "not saved" in asked[0]
        assert editor.isVisible()
        errors = when_modal(qtbot, answer(QMessageBox.StandardButton.Yes))
        qtbot.keyClick(editor, Qt.Key.Key_Escape)
        assert errors == []
        assert not editor.isVisible()
    finally:
        editor.done(0)
        editor.deleteLater()


def test_back_on_the_scans_keeps_the_check_unless_the_scans_change(
    qtbot: QtBot, scans: Scans, pharmacy: Context, open_wizard: Callable[..., CardImportWizard]
) -> None:
    wizard = open_wizard(scans.stamped)
    to_check(qtbot, wizard)
    card_shown(qtbot, wizard, "s.png")
    tick_and_accept(qtbot, wizard)
    qtbot.mouseClick(button(wizard, BACK), Qt.MouseButton.LeftButton)
    assert wizard.currentPage() is wizard.sources
    assert wizard.sources.again.isVisible()
    to_check(qtbot, wizard)
    assert statuses(wizard) == ["accepted"]  # nothing changed: nothing read again

    qtbot.mouseClick(button(wizard, BACK), Qt.MouseButton.LeftButton)
    wizard.sources.add_paths([scans.walk / "01.png"])
    to_check(qtbot, wizard)
    assert [item.label for item in wizard.check.reader.items] == ["s.png", "01.png"]
    assert statuses(wizard)[0] in ("reading", "check")  # read again, checked again
    assert not button(wizard, NEXT).isEnabled()


def test_the_card_image_is_kept_only_when_the_owner_chose_so(
    qtbot: QtBot, scans: Scans, pharmacy: Context, open_wizard: Callable[..., CardImportWizard]
) -> None:
    settings.set_store_card_images(pharmacy, True)
    wizard = open_wizard(scans.walk / "01.png")
    to_check(qtbot, wizard)
    card_shown(qtbot, wizard, "01.png")
    tick_and_accept(qtbot, wizard)
    ready(qtbot, wizard, NEXT)
    press(qtbot, Qt.Key.Key_Return)
    ready(qtbot, wizard, COMMIT)
    commit_import(qtbot, wizard)
    ready(qtbot, wizard, FINISH)
    kind, image = pharmacy.db.execute_sql("SELECT image_type, image FROM card_page").fetchone()
    assert kind == "image/jpeg"
    assert bytes(image).startswith(b"\xff\xd8")  # the page itself, in the pharmacy file


def test_saving_over_another_layouts_name_asks_first(
    qtbot: QtBot, pharmacy: Context, open_wizard: Callable[..., CardImportWizard], scans: Scans
) -> None:
    before = CardLayout("Form B", {"name": Area(None, (0.1, 0.1, 0.5, 0.2))})
    saved_layouts.save(pharmacy, before)
    wizard = open_wizard(scans.stamped)
    editor = LayoutEditorDialog(pharmacy, wizard, parent=wizard)
    editor.show()
    try:
        qtbot.waitUntil(lambda: editor.saved.count() == 2)
        editor.areas = {"mobile": Area(None, (0.5, 0.2, 0.9, 0.3))}
        editor.name.setText("Form B")
        errors = when_modal(qtbot, lambda box: box.button(QMessageBox.StandardButton.No).click())  # type: ignore[attr-defined]
        editor.save_layout()
        assert errors == []
        assert saved_layouts.load(pharmacy, "Form B") == before
        errors = when_modal(qtbot, lambda box: box.button(QMessageBox.StandardButton.Yes).click())  # type: ignore[attr-defined]
        editor.save_layout()
        qtbot.waitUntil(lambda: editor.changed)
        assert errors == []
        replaced = saved_layouts.load(pharmacy, "Form B")
        assert replaced is not None
        assert list(replaced.areas) == ["mobile"]
    finally:
        editor.done(0)
        editor.deleteLater()
