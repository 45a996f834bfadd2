"""`pharmadesk check` on a damaged copy, and a command refused while another copy holds the file."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pharmadesk.db import keyfile
from pharmadesk.services import customers, instance, purchases
from pharmadesk.services.context import Context
from tests.unit.cli.shell import one_line, run
from tests.unit.services.test_backups import break_the_structure

PAGE = 4096  # SQLCipher 4's page size
EVERY_CHECK = ["encryption", "structure", "schema", "links", "summaries", "points", "audit log"]


@pytest.fixture
def shop(env: Path, pharmacy: Context) -> Path:
    """A small pharmacy spread over a few dozen pages, closed (its WAL folded back in)."""
    for n in range(120):
        made = customers.create(pharmacy, {"name": f"顾客{n:03d}", "mobile": f"138{n:08d}"})
        assert made.customer is not None
        line = purchases.LineInput("感冒灵颗粒", 1, 1550 + n)
        purchases.record(pharmacy, made.customer.id, [line], receipt=f"R{n}")
    pharmacy.close()
    return env


def _damaged_copy(original: Path, target: Path, offset: int) -> Path:
    """A copy of the pharmacy (with its key file) with one byte flipped at `offset`."""
    target.mkdir()
    copy = target / original.name
    shutil.copy2(original, copy)
    shutil.copy2(keyfile.key_file_path(original), keyfile.key_file_path(copy))
    with copy.open("r+b") as file:
        file.seek(offset)
        byte = file.read(1)[0]
        file.seek(offset)
        file.write(bytes([byte ^ 0x01]))
    return copy


def test_a_sound_pharmacy_passes(shop: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "check")
    assert (code, err) == (0, "")
    assert out.splitlines() == [f"{name}: ok" for name in EVERY_CHECK]


def test_one_flipped_byte_in_a_copy_is_caught(
    shop: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pages = shop.stat().st_size // PAGE
    assert pages > 20, "the pharmacy should span many pages for this test to mean something"
    outcomes = {}
    for page in (2, pages // 4, pages // 2, 3 * pages // 4, pages - 1):
        offset = page * PAGE + PAGE // 2  # the middle of a data page, not page 1's header
        copy = _damaged_copy(shop, tmp_path / f"page-{page}", offset)
        code, out, err = run(capsys, "--db", str(copy), "check")
        message = one_line(err)
        assert code in (1, 5), (page, code, out, err)
        if code == 1:
            # Opened: the lines say which check failed, the message names the problem.
            assert "PROBLEM" in out, out
            assert message.startswith("pharmadesk: encryption: "), message
        else:
            assert "test.db is damaged" in message, message
        assert "restore the last backup" in message
        outcomes[page] = code
    assert 1 in outcomes.values(), f"every copy failed to open: {outcomes}"
    # The original was never touched.
    assert run(capsys, "check")[0] == 0


def test_a_flipped_byte_in_the_first_page_cannot_be_opened(
    shop: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = _damaged_copy(shop, tmp_path / "first", PAGE // 2)
    code, _, err = run(capsys, "--db", str(copy), "check")
    assert code == 5
    assert "test.db is damaged" in one_line(err)


HOLD_AND_WAIT = """
import sys
from pathlib import Path
from pharmadesk.services import instance
lock = instance.hold(Path(sys.argv[1]), program="window", account="li")
print("held", flush=True)
sys.stdin.readline()
"""


def test_a_command_is_refused_while_a_window_holds_the_file(
    shop: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with subprocess.Popen(
        [sys.executable, "-c", HOLD_AND_WAIT, str(shop)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    ) as window:  # fmt: skip
        assert window.stdout is not None
        assert window.stdout.readline().strip() == "held"
        holder = instance.read_holder(shop)
        code, out, err = run(capsys, "check")
        window.communicate("\n", timeout=30)
    assert holder is not None
    assert (code, out) == (6, "")
    assert one_line(err) == (
        f"pharmadesk: test.db is in use by PharmaDesk (window, account li, pid {window.pid}, "
        f"since {holder.since_text()}); close it first"
    )
    assert instance.read_holder(shop) is None
    assert run(capsys, "check")[0] == 0


def test_a_file_with_many_structure_problems_is_named_in_one_line(
    capsys: pytest.CaptureFixture[str], pharmacy: Context, db_path: Path, env: Path
) -> None:
    pharmacy.close()
    break_the_structure(db_path, notes=3000)
    code, out, err = run(capsys, "check")
    assert code == 1
    line = one_line(err)
    assert "structure: 2nd reference to page " in line
    assert "and at least 99 more problems; restore the last backup" in line
    assert "structure: PROBLEM" in out
