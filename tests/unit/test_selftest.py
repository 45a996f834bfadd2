"""`pharmadesk --selftest`: the whole check in a subprocess as a user runs it, and how it
reports a step that fails (one line, exit 1, never a traceback)."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from pharmadesk import selftest
from pharmadesk.io.cards import selftest as card_selftest
from pharmadesk.io.cards.selftest import SelfTest

STEPS = ["demo pharmacy", "qt", "unlock", "search", "open customer", "main window", "chart",
         "quit", "card reading"]  # fmt: skip


@pytest.mark.slow
def test_the_selftest_passes_from_source_and_leaves_the_users_folders_alone(
    isolated_user_folders: Path,
) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pharmadesk", "--selftest"],
        capture_output=True, text=True, encoding="utf-8", timeout=240, check=False,
        stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert [line.split(":")[0] for line in lines] == [*STEPS, "selftest"]
    assert lines[-1] == "selftest: passed"
    assert all(": ok (" in line for line in lines[:-2])
    assert lines[-2].startswith(("card reading: works", "card reading: not installed"))
    assert "Traceback" not in done.stderr
    # No pharmacy, backup, settings or last-opened pointer in the user's folders.
    left = [p for p in isolated_user_folders.rglob("*") if p.is_file()]
    assert [p for p in left if p.suffix in (".db", ".keys", ".json", ".ini", ".conf")
            and "matplotlib" not in p.parts and "Microsoft" not in p.parts] == []  # fmt: skip


def _run(monkeypatch: pytest.MonkeyPatch, **steps: object) -> tuple[int, list[str]]:
    for name, replacement in steps.items():
        monkeypatch.setattr(selftest, name, replacement)
    out = io.StringIO()
    code = selftest.run(out=out)
    return code, out.getvalue().splitlines()


def _no_demo(path: Path) -> str:
    raise OSError(28, "No space left on device")


def test_a_failed_step_is_one_line_and_exit_1_and_card_reading_still_runs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(card_selftest, "check", lambda: SelfTest(True, "works", 0.1))
    code, lines = _run(monkeypatch, _make_demo=_no_demo)
    assert code == 1
    assert lines == [
        "demo pharmacy: FAILED: OSError: [Errno 28] No space left on device",
        "card reading: works (the test card read as expected; 0.0 s)",
        "selftest: FAILED (demo pharmacy)",
    ]


def test_card_reading_not_installed_is_said_and_is_no_failure(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    missing = "the OCR packages are not installed (rapidocr)"
    monkeypatch.setattr(card_selftest, "check", lambda: SelfTest(False, missing, 0.0, missing))
    monkeypatch.setattr(selftest, "_window_steps", lambda folder, lang, out: [])
    code, lines = _run(monkeypatch, _make_demo=lambda path: "made")
    assert lines[1:] == [f"card reading: not installed ({missing})", "selftest: passed"]
    assert code == 0


def test_a_misread_test_card_fails_the_selftest(monkeypatch: pytest.MonkeyPatch) -> None:
    misread = "the test card was misread (mobile)"
    monkeypatch.setattr(card_selftest, "check", lambda: SelfTest(False, misread, 0.4))
    monkeypatch.setattr(selftest, "_window_steps", lambda folder, lang, out: [])
    code, lines = _run(monkeypatch, _make_demo=lambda path: "made")
    assert lines[1:] == [f"card reading: FAILED: {misread}", "selftest: FAILED (card reading)"]
    assert code == 1


class _FakeGui:
    """The window steps, the chart failing; records what was closed."""

    closed: list[str] = []  # noqa: RUF012 - shared on purpose: the test reads it

    def __init__(self, app: object, folder: Path, lang: str | None) -> None:
        pass

    def describe(self) -> str:
        return "fake platform"

    def __enter__(self) -> _FakeGui:
        return self

    def __exit__(self, *exc: object) -> None:
        pass

    def unlock(self, path: Path, unlock: object, *, user: str, password: str) -> str:
        return f"signed in as {user}"

    def search(self, query: str) -> int:
        return 1

    def open_first_hit(self, expected_id: int) -> str:
        return "PD000001, 4 purchases listed"

    def draw_window(self) -> str:
        return "drawn"

    def draw_chart(self) -> str:
        from pharmadesk.ui.self_check import CheckFailed

        raise CheckFailed("no dashboard drawn\nafter 60 s")

    def close(self) -> None:
        self.closed.append("window")


def test_after_a_failed_window_step_the_rest_are_skipped_and_the_window_still_closes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from pharmadesk import app
    from pharmadesk.ui import self_check

    monkeypatch.setattr(self_check, "GuiCheck", _FakeGui)
    monkeypatch.setattr(app, "application", lambda: None)
    monkeypatch.setattr(card_selftest, "check", lambda: SelfTest(True, "works", 0.1))
    monkeypatch.setattr(selftest, "_quit_cleanly", lambda gui, path: (gui.close(), "closed")[1])
    steps = [("unlock", lambda: "signed in"), ("chart", _FakeGui(None, Path(), None).draw_chart),
             ("later", lambda: "never")]  # fmt: skip
    monkeypatch.setattr(selftest, "_gui_steps", lambda gui, path: steps)
    code, lines = _run(monkeypatch, _make_demo=lambda path: "made")
    assert code == 1
    assert [line.split(" (")[0] for line in lines[1:]] == [
        "qt: ok", "unlock: ok", "chart: FAILED: no dashboard drawn after 60 s", "later: skipped",
        "quit: ok", "card reading: works", "selftest: FAILED",
    ]  # fmt: skip
    assert _FakeGui.closed == ["window"]
