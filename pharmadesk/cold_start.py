"""Measuring the cold start: from launching `pharmadesk` to its unlock dialog, painted.

`measure` starts the app as a new process with PHARMADESK_MEASURE_START set to the moment
it launched it (nanoseconds since the epoch, the clock two processes share); the app,
seeing it, prints how long after that its start dialog (the unlock dialog, or the setup
dialog on a first run) was first painted and ready for input, then quits
(ui/start_timer.py). The same works by hand or on the built app:
`PHARMADESK_MEASURE_START=$(date +%s%N) pharmadesk --db FILE`. No Qt here: the benchmark
command imports it.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

MEASURE_ENV = "PHARMADESK_MEASURE_START"
MARK = "start dialog ready after"
TARGET_MS = 1000
RUNS = 5
TIMEOUT_S = 60


@dataclass(frozen=True)
class ColdStart:
    first_ms: float  # the first start, when the OS may not have the files cached yet
    median_ms: float
    runs: int

    @property
    def within_target(self) -> bool:
        return self.median_ms < TARGET_MS


def ready_line(launched_ns: int, now_ns: int) -> str:
    """The line the app prints once its unlock dialog is ready."""
    return f"{MARK} {(now_ns - launched_ns) / 1e6:.0f} ms"


def parse_ms(output: str) -> float | None:
    """The milliseconds in the app's ready line, or None if it printed none."""
    for line in output.splitlines():
        if line.startswith(MARK):
            return float(line.removeprefix(MARK).split()[0])
    return None


def _once(command: Sequence[str], env: dict[str, str]) -> float:
    import subprocess  # here, not at the top: the app itself imports this module at start

    env = {**env, MEASURE_ENV: str(time.time_ns())}
    try:
        done = subprocess.run(
            command, env=env, capture_output=True, text=True, timeout=TIMEOUT_S, check=False
        )
    except subprocess.TimeoutExpired:
        raise RuntimeError(f"the app did not start within {TIMEOUT_S} s") from None
    measured = parse_ms(done.stdout)
    if done.returncode != 0 or measured is None:
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        raise RuntimeError(f"the app did not report its start (exit {done.returncode}): {last}")
    return measured


def this_app() -> list[str]:
    """The command that starts this same app: the built program itself when frozen (whose
    sys.executable is the app, not a Python that takes -m), else this Python's
    `-m pharmadesk`."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    return [sys.executable, "-m", "pharmadesk"]


def measure(
    db: Path,
    *,
    runs: int = RUNS,
    command: Sequence[str] | None = None,
    env: dict[str, str] | None = None,
) -> ColdStart:
    """Start the app `runs` times on the pharmacy file `db` (which must exist, so the unlock
    dialog is what shows), offscreen, with `env` (default: this process's); `command`
    defaults to this same app (`this_app`)."""
    import statistics

    if not db.exists():  # the setup dialog would show instead
        raise FileNotFoundError(f"no pharmacy file at {db}")
    base = list(command or this_app())
    env = {**(os.environ if env is None else env), "QT_QPA_PLATFORM": "offscreen"}
    times = [_once([*base, "--db", str(db)], env) for _ in range(runs)]
    return ColdStart(first_ms=times[0], median_ms=statistics.median(times), runs=runs)


def format_line(result: ColdStart) -> str:
    verdict = "yes" if result.within_target else "NO"
    return (
        f"cold start to the unlock dialog: {result.median_ms:.0f} ms (median of {result.runs} "
        f"starts, first {result.first_ms:.0f} ms); target < {TARGET_MS} ms  {verdict}"
    )
