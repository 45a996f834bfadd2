"""Issue #12's test: a customer with a distinctive name, mobile, address, email and ID number
goes through every path (create, edit, search, purchase with the real-name register,
interaction, import of a card file named after them, list, export, reminders, backup,
check, undo, erase, an error carrying their data, a command failing with it), with the log
at DEBUG; then the log file is read whole and none of it is there.

The values are kept in variables, never written literally into a line that could raise:
a traceback shows the source line it passed through, and that would be the test's own
text, not the app's. The control test shows the same reading does find what is there."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import Workbook

from pharmadesk import logs, paths
from pharmadesk.errors import ValidationError
from pharmadesk.services import (
    customers,
    erasure,
    interactions,
    purchases,
    register,
    search,
    vault,
)
from pharmadesk.services.purchases import LineInput
from pharmadesk.services.register import BuyerInput
from pharmadesk.ui.unexpected import unexpected_error_text
from tests.conftest import PASSWORD
from tests.unit.cli.shell import one_line, run

NAME = "欧阳娜娜琪"
MOBILE = "13987654321"
ADDRESS = "幸福路八十八号七单元"
NEW_ADDRESS = "光明街九十九号三单元"
EMAIL = "nana.ouyang@example.com"
ID_NUMBER = "11010519491231002X"
OTHER_NAME = "司马悠然"
OTHER_MOBILE = "13612349876"
SECRETS = (NAME, MOBILE, ADDRESS, NEW_ADDRESS, EMAIL, ID_NUMBER, OTHER_NAME, OTHER_MOBILE)
CONTROLLED = "新康泰克 复方盐酸伪麻黄碱缓释胶囊"


@pytest.fixture
def session(monkeypatch: pytest.MonkeyPatch, db_path: Path) -> Iterator[Path]:
    """The log at DEBUG for the whole test; the pharmacy chosen and its password set."""
    monkeypatch.setenv(logs.LEVEL_ENV, "DEBUG")
    monkeypatch.setenv("PHARMADESK_DB", str(db_path))
    monkeypatch.setenv("PHARMADESK_PASSPHRASE", PASSWORD)
    written = logs.setup(started="test session")
    assert written is not None
    yield written
    logs.shutdown()


def _whole_log() -> str:
    logs.shutdown()
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(paths.log_dir().iterdir()))


def _card_file(folder: Path) -> Path:
    """A typed-in card file named after the customer, holding them and a newcomer."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["姓名", "手机", "地址", "邮箱"])
    sheet.append([NAME, MOBILE, ADDRESS, EMAIL])
    sheet.append([OTHER_NAME, OTHER_MOBILE, NEW_ADDRESS, None])
    path = folder / f"{NAME} 登记卡.xlsx"
    book.save(path)
    return path


def _services(db_path: Path) -> int:
    """Create, edit, search, purchase (a controlled one too), interaction, a refused save
    and an unexpected error whose message holds the customer's data."""
    ctx = vault.open_pharmacy(db_path, user="owner", password=PASSWORD)
    try:
        created = customers.create(ctx, {"name": NAME, "mobile": MOBILE, "address": ADDRESS})
        assert created.customer is not None
        customer_id = created.customer.id
        customers.update(ctx, customer_id, {"address": NEW_ADDRESS, "email": EMAIL})
        for query in (NAME, MOBILE, MOBILE[-4:], NAME[:2]):
            assert search.find(ctx, query)
        sold = purchases.record(ctx, customer_id, [LineInput(CONTROLLED, 1, 2800)])
        register.set_controlled(ctx, sold[0].product_id, True)
        line = LineInput(CONTROLLED, 1, 2800, batch_no="B2311")
        purchases.record(ctx, customer_id, [line], buyer=BuyerInput(NAME, ID_NUMBER))
        interactions.log(
            ctx, customer_id, channel="counter", kind="consultation", summary=f"{NAME} {ADDRESS}"
        )
        with pytest.raises(ValidationError):
            customers.create(ctx, {"name": NAME, "mobile": MOBILE[:-1], "email": NAME})
        carrying = RuntimeError(f"{NAME} {MOBILE} {ADDRESS} {ID_NUMBER}")
        unexpected_error_text(carrying, log_as="a job")  # as a window's failed job logs it
        try:
            raise carrying
        except RuntimeError:
            logging.getLogger("pharmadesk.test").exception("saving failed")
    finally:
        ctx.close()
    return customer_id


def _commands(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    cards = _card_file(folder)
    commands = [
        ("import", str(cards)),
        ("customers", "search", NAME, "--json"),
        ("customers", "search", MOBILE),
        ("customers", "list", "--json"),
        ("export", str(folder / "out.xlsx"), "--what", "customers,purchases,interactions"),
        ("reminders", "--json"),
        ("backup", "--to", str(folder)),
        ("check",),
    ]
    for argv in commands:
        code, _, err = run(capsys, *argv)
        assert code == 0, (argv, err)
    code, _, err = run(capsys, "import", str(cards), "--json")
    assert code == 1  # the same file again is refused: an expected error, quoting nothing
    assert run(capsys, "undo-import", "1")[0] == 0


def _failing_command(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> str:
    def broken(*args: object, **kwargs: object) -> None:
        raise LookupError(f"{NAME} {MOBILE} {ADDRESS}")

    with monkeypatch.context() as patched:
        patched.setattr(search, "find_ids", broken)
        code, _, err = run(capsys, "customers", "search", NAME)
    assert code == 1
    return one_line(err)


def test_a_full_session_leaves_no_customer_data_in_the_log(
    session: Path,
    db_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert run(capsys, "init")[0] == 0
    customer_id = _services(db_path)
    _commands(capsys, tmp_path)
    failure = _failing_command(capsys, monkeypatch)
    ctx = vault.open_pharmacy(db_path, user="owner", password=PASSWORD)
    try:
        erasure.erase(ctx, customer_id)
    finally:
        ctx.close()
    text = _whole_log()
    for secret in SECRETS:
        assert secret not in text, secret
    assert "[mobile]" not in failure  # the command's own line names the kind and the log
    assert failure.endswith(f"unexpected error (LookupError); the details are in {session}")
    # What the log does say: each command, the import by suffix, the tracebacks by type.
    assert "customers ended with exit status 0" in text
    assert "import of a .xlsx file" in text
    assert "LookupError (message withheld)" in text
    assert "RuntimeError (message withheld)" in text
    assert "a job: unexpected error" in text


def test_the_same_reading_finds_what_is_logged(session: Path) -> None:
    """The control: a name logged on purpose is found, so the test above could see one."""
    logging.getLogger("pharmadesk.test").warning("on purpose: %s", NAME)
    assert NAME in _whole_log()
