"""`pharmadesk --selftest`: does this installation work, from unlocking to a chart?

Offscreen, on a small demo pharmacy made in a temporary folder (never the user's pharmacy,
settings or backups, and deleted afterwards): unlock it with the demo password, search at
the counter, open the customer found, draw the main window and the dashboard's charts,
read the OCR test card when card reading is installed, and quit. One line per step on
stdout; exit 0 when every step worked, else 1. `make dist-check` runs it in the built app,
and it works from a checkout as well.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from pharmadesk.errors import PharmaDeskError

if TYPE_CHECKING:
    from pharmadesk.ui.self_check import GuiCheck

DEMO_CUSTOMERS = 200
DEMO_FILE = "selftest-demo.db"
# A documented demo customer (张三), found by mobile as a pharmacist types it.
SEARCH = "13812345678"
EXPECTED_CODE = "PD000001"


@dataclass(frozen=True)
class StepResult:
    step: str
    ok: bool
    text: str  # what the line says after the step's name


Step = Callable[[], str]


def run(*, lang: str | None = None, out: TextIO | None = None) -> int:
    """Every step in order, reported on `out` (stdout); 0 when all worked, else 1."""
    out = out or sys.stdout
    # Before Qt loads: nothing appears on screen, and no display is needed.
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    with tempfile.TemporaryDirectory(prefix="pharmadesk-selftest-") as folder:
        results = _run_steps(Path(folder), lang, out)
    failed = [r.step for r in results if r.text.startswith("FAILED")]
    print("selftest: " + (f"FAILED ({', '.join(failed)})" if failed else "passed"), file=out)
    return 0 if all(r.ok for r in results) else 1


def _run_steps(folder: Path, lang: str | None, out: TextIO) -> list[StepResult]:
    results = [_report(out, "demo pharmacy", lambda: _make_demo(folder / DEMO_FILE))]
    if results[-1].ok:
        results += _window_steps(folder, lang, out)
    results.append(_report(out, "card reading", _card_reading, ok_word="works"))
    return results


def _window_steps(folder: Path, lang: str | None, out: TextIO) -> list[StepResult]:
    """Qt, then unlock to chart: a step that fails skips the ones after it (they need it),
    and the quit step closes the window and the pharmacy all the same."""
    started: list[GuiCheck] = []

    def start_qt() -> str:
        from pharmadesk import app
        from pharmadesk.ui.self_check import GuiCheck

        started.append(GuiCheck(app.application(), folder, lang))
        return started[0].describe()

    results = [_report(out, "qt", start_qt)]
    if not started:
        return results
    with started[0] as gui:
        for name, step in _gui_steps(gui, folder / DEMO_FILE):
            if not results[-1].ok:
                results.append(_skip(out, name))
                continue
            results.append(_report(out, name, step))
        results.append(_report(out, "quit", lambda: _quit_cleanly(gui, folder / DEMO_FILE)))
    return results


def _gui_steps(gui: GuiCheck, path: Path) -> list[tuple[str, Step]]:
    from pharmadesk import app
    from pharmadesk.commands.demo import DEMO_PASSWORD, DEMO_USER

    found: list[int] = []

    def unlock() -> str:
        return gui.unlock(path, lambda user, password: app.unlock_pharmacy(path, user, password),
                          user=DEMO_USER, password=DEMO_PASSWORD)  # fmt: skip

    def search() -> str:
        found.append(gui.search(SEARCH))
        return f"{SEARCH} found"

    def open_customer() -> str:
        seen = gui.open_first_hit(found[0])
        if not seen.startswith(EXPECTED_CODE):
            raise _Mismatch(f"opened {seen}, not {EXPECTED_CODE}")
        return seen

    return [
        ("unlock", unlock),
        ("search", search),
        ("open customer", open_customer),
        ("main window", gui.draw_window),
        ("chart", gui.draw_chart),
    ]


def _make_demo(path: Path) -> str:
    from pharmadesk.commands.demo import ensure_demo

    ctx = ensure_demo(path, customers=DEMO_CUSTOMERS, seed=None, fresh=False)
    ctx.close()  # opened again by the unlock step, as the window would
    return f"{DEMO_CUSTOMERS} customers in a temporary folder"


def _quit_cleanly(gui: GuiCheck, path: Path) -> str:
    """Close as quitting the app does; then nobody holds the pharmacy any more."""
    from pharmadesk.services import instance

    gui.close()
    lock = instance.hold(path, program="selftest")  # DatabaseInUse if the window left it held
    lock.release()
    return "window and pharmacy closed"


def _card_reading() -> str:
    from pharmadesk.io.cards import selftest

    checked = selftest.check()
    if checked.missing is not None:
        raise _NotInstalled(checked.missing)
    if not checked.ok:
        raise _Mismatch(checked.message)
    return "the test card read as expected"


class _NotInstalled(Exception):
    """Card reading is optional: saying so is not a failure."""


class _Mismatch(Exception):
    """The window showed something other than what the demo holds."""


def _report(out: TextIO, step: str, run_step: Step, *, ok_word: str = "ok") -> StepResult:
    started = time.perf_counter()
    try:
        detail = run_step()
    except _NotInstalled as exc:
        result = StepResult(step, True, f"not installed ({exc})")
    except Exception as exc:  # a self-test reports every failure as a line, never a traceback
        result = StepResult(step, False, "FAILED: " + _one_line(exc))
    else:
        seconds = time.perf_counter() - started
        result = StepResult(step, True, f"{ok_word} ({detail}; {seconds:.1f} s)")
    print(f"{result.step}: {result.text}", file=out, flush=True)
    return result


def _skip(out: TextIO, step: str) -> StepResult:
    print(f"{step}: skipped", file=out, flush=True)
    return StepResult(step, False, "skipped")


def _one_line(error: Exception) -> str:
    if isinstance(error, PharmaDeskError):
        text = error.message
    elif type(error).__module__.startswith("pharmadesk."):
        text = str(error)  # our own failures are worded as one line already
    else:
        text = f"{type(error).__name__}: {error}"
    return " ".join(text.split()) or type(error).__name__
