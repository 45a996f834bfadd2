"""The log file: where it goes, what a line holds, and its safety nets against personal data
(mobiles and ID numbers masked, exception messages withheld, peewee's queries kept out)."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from pharmadesk import logs, paths


@pytest.fixture
def log_file(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv(logs.LEVEL_ENV, "DEBUG")
    written = logs.setup(started="test")
    assert written is not None
    yield written
    logs.shutdown()


def _text(path: Path) -> str:
    logs.shutdown()  # flushed and closed, as at the end of a command
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "typed",
    [
        "13812345678",
        "138 1234 5678",
        "138-1234-5678",
        "+86 13812345678",
        "8613812345678",
        "１３８１２３４５６７８",  # full-width, as a Chinese keyboard types it
    ],
)
def test_a_mobile_in_any_form_is_masked(typed: str) -> None:
    assert logs.mask(f"手机{typed}，请回电") == "手机[mobile]，请回电"


@pytest.mark.parametrize(
    "typed", ["11010519491231002X", "11010519491231002x", "110105 19491231 002X"]
)
def test_an_id_number_is_masked(typed: str) -> None:
    assert logs.mask(f"身份证{typed}号") == "身份证[ID number]号"


@pytest.mark.parametrize(
    "kept",
    ["batch 12: 400 rows", "1381234567 (10 digits)", "138123456789", "t=1718000000123456789"],
)
def test_numbers_that_are_neither_stay(kept: str) -> None:
    assert logs.mask(kept) == kept


def test_the_log_is_in_the_user_log_folder_with_time_level_logger_and_message(
    log_file: Path, isolated_user_folders: Path
) -> None:
    assert log_file == paths.log_dir() / "pharmadesk.log"
    assert isolated_user_folders in log_file.parents  # the test's folder, not the real one
    logging.getLogger("pharmadesk.services.search").warning("slow search: %d ms", 42)
    last = _text(log_file).splitlines()[-1]
    date, time, level, logger, *message = last.split()
    assert len(date) == 10  # 2026-12-02 15:16:17.997
    assert len(time) == 12
    assert (level, logger, " ".join(message)) == (
        "WARNING",
        "pharmadesk.services.search:",
        "slow search: 42 ms",
    )


def test_set_up_twice_it_writes_each_line_once(log_file: Path) -> None:
    assert logs.setup(started="again") == log_file
    logging.getLogger("pharmadesk").info("once")
    assert _text(log_file).count("once") == 1


def test_the_first_line_names_the_version_and_the_command(log_file: Path) -> None:
    first = _text(log_file).splitlines()[0]
    assert "PharmaDesk 0.1.0" in first
    assert first.endswith(": test")


def test_mobiles_and_id_numbers_in_arguments_and_exceptions_are_masked(log_file: Path) -> None:
    mobile, id_number = "13987654321", "11010519491231002X"
    log = logging.getLogger("pharmadesk.test")
    log.info("called %s", mobile)
    log.info("buyer %(id)s", {"id": id_number})
    log.info("stack", stack_info=True)
    text = _text(log_file)
    assert mobile not in text
    assert id_number not in text
    assert "called [mobile]" in text
    assert "buyer [ID number]" in text


def test_an_exception_is_logged_with_its_frames_and_types_but_not_its_messages(
    log_file: Path,
) -> None:
    name, address = "欧阳娜娜", "幸福路八十八号"
    try:
        try:
            raise KeyError(name)
        except KeyError as exc:
            raise ValueError(address) from exc
    except ValueError:
        logging.getLogger("pharmadesk.test").exception("saving failed")
    text = _text(log_file)
    assert name not in text
    assert address not in text
    assert "saving failed" in text
    assert "KeyError (message withheld)" in text
    assert "ValueError (message withheld)" in text
    assert "direct cause" in text
    assert "test_logs.py" in text  # the frames are there for whoever looks into it


def test_an_os_error_keeps_its_errno_but_not_the_file_it_names(log_file: Path) -> None:
    card_file = Path("/nowhere") / "欧阳娜娜 会员卡.xlsx"
    try:
        card_file.read_bytes()  # a variable: the traceback shows this line of source
    except OSError:
        logging.getLogger("pharmadesk.test").exception("reading failed")
    text = _text(log_file)
    assert "ENOENT" in text
    assert "会员卡" not in text


def test_a_file_is_named_by_its_suffix_and_a_short_hash() -> None:
    token = logs.file_token(Path("/data") / "欧阳娜娜 会员卡.XLSX")
    assert token.startswith(".xlsx file ")
    assert "欧阳" not in token
    assert token == logs.file_token("elsewhere/欧阳娜娜 会员卡.XLSX")  # the same file, the same


def test_a_files_hash_cannot_be_found_again_by_hashing_names() -> None:
    # Whoever reads the log and guesses "欧阳娜娜 会员卡.xlsx" cannot confirm the guess.
    name = "欧阳娜娜 会员卡.xlsx"
    guessed = hashlib.sha256(name.encode("utf-8")).hexdigest()[:8]
    assert logs.file_token(name) != f".xlsx file {guessed}"


def test_peewee_queries_stay_out_even_at_debug(log_file: Path) -> None:
    logging.getLogger("peewee").debug(("SELECT * FROM customer WHERE name = ?", ["欧阳娜娜"]))
    logging.getLogger("pharmadesk.test").debug("a debug line")
    text = _text(log_file)
    assert "欧阳娜娜" not in text
    assert "a debug line" in text  # DEBUG itself reaches the file


def test_a_message_that_cannot_be_formatted_says_where_not_what(log_file: Path) -> None:
    logging.getLogger("pharmadesk.test").info("%s and %s", "欧阳娜娜")
    text = _text(log_file)
    assert "欧阳娜娜" not in text
    assert "could not be formatted" in text


def test_without_a_writable_folder_the_app_goes_on_without_a_log(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocked = tmp_path / "a file, not a folder"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setattr(paths, "log_dir", lambda: blocked / "log")
    assert logs.setup(started="test") is None
    assert logs.current_file() is None


def test_a_session_inside_another_leaves_the_outer_log_open(log_file: Path) -> None:
    with logs.session(started="inner") as inner:
        assert inner == log_file
    assert logs.current_file() == log_file
    logs.shutdown()
    with logs.session(started="alone"):
        assert logs.current_file() == log_file
    assert logs.current_file() is None
