"""`make dist-check`: does the BUILT app work? (Build it first: `make dist`.)

Runs the executable in dist/pharmadesk/ as a pharmacy would, with the user folders (XDG_*)
in a temporary folder so nothing touches the real ones: it prints its version (and how long
that takes), makes a demo pharmacy headless, finds a customer, times its start to a ready
unlock dialog (reported, not judged), writes a month report from the command line, and runs
`--selftest` offscreen in Chinese. Then it checks that the build holds what the spec
promises and no test tool, that every file the Inno Setup script names exists in the build,
and prints the build's size. Exit 0 when all of that holds.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import iss
import layout

TIMEOUT = 600  # seconds for one command; the self-test takes about ten
DEMO_CUSTOMERS = "200"
PASSWORD = "demo"  # the demo pharmacy's documented owner password
CUSTOMER = ("13812345678", "PD000001")  # a documented demo customer: mobile and code


class CheckFailed(Exception):
    pass


def isolated_env(folder: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PHARMADESK_")}
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env[name] = str(folder / name.lower())
    env.update(PHARMADESK_USER="owner", PHARMADESK_PASSPHRASE=PASSWORD,
               QT_QPA_PLATFORM="offscreen")  # fmt: skip
    return env


def run(program: Path, *args: str, env: dict[str, str]) -> tuple[str, float]:
    started = time.perf_counter()
    done = subprocess.run(
        [str(program), *args], env=env, capture_output=True, text=True, encoding="utf-8",
        errors="replace", timeout=TIMEOUT, stdin=subprocess.DEVNULL, check=False,
    )  # fmt: skip
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        said = (done.stdout + done.stderr).strip().splitlines()[-12:]
        raise CheckFailed(
            f"`{' '.join(args)}` exited {done.returncode}:\n    " + "\n    ".join(said)
        )
    return done.stdout, seconds


def check_version(program: Path, env: dict[str, str]) -> str:
    expected = f"pharmadesk {layout.version()}"
    times = []
    for _ in range(3):
        out, seconds = run(program, "--version", env=env)
        times.append(seconds)
        if out.strip() != expected:
            raise CheckFailed(f"--version printed {out.strip()!r}, not {expected!r}")
    return f"{expected} (first run {times[0]:.2f} s, best of 3 {min(times):.2f} s)"


def check_demo(program: Path, db: Path, env: dict[str, str]) -> str:
    out, seconds = run(program, "demo", "--no-gui", "--customers", DEMO_CUSTOMERS,
                       "--db", str(db), env=env)  # fmt: skip
    if out.splitlines()[:1] != [str(db)]:
        raise CheckFailed(f"demo --no-gui printed {out.splitlines()[:1]}, not its path {db}")
    return f"{DEMO_CUSTOMERS} customers in {seconds:.1f} s"


def check_search(program: Path, db: Path, env: dict[str, str]) -> str:
    mobile, code = CUSTOMER
    out, seconds = run(program, "customers", "search", mobile, "--json", "--db", str(db),
                       env=env)  # fmt: skip
    codes = [json.loads(line).get("code") for line in out.splitlines() if line.strip()]
    if codes != [code]:
        raise CheckFailed(f"customers search {mobile} found {codes}, not [{code!r}]")
    return f"{mobile} -> {code} in {seconds:.1f} s"


def check_cold_start(program: Path, db: Path, env: dict[str, str]) -> str:
    # The built app's own figure (issue #12 asks for it as well as the checkout's), said,
    # not judged: a timed limit would fail CI on a busy machine (see cold_start.py).
    from pharmadesk import cold_start

    try:
        measured = cold_start.measure(db, command=[str(program)], env=env)
    except RuntimeError as exc:
        raise CheckFailed(str(exc)) from None
    return cold_start.format_line(measured).removeprefix("cold start to the unlock dialog: ")


def check_report(program: Path, db: Path, folder: Path, env: dict[str, str]) -> str:
    # The month report is matplotlib's PDF backend with the bundled CJK font: fontTools.
    month = (date.today().replace(day=1) - timedelta(days=1)).strftime("%Y-%m")
    target = folder / "report.pdf"
    _, seconds = run(program, "report", "--month", month, str(target), "--db", str(db), env=env)
    if not target.is_file() or not target.read_bytes().startswith(b"%PDF"):
        raise CheckFailed(f"report --month {month} wrote no PDF")
    return f"{month}, {target.stat().st_size // 1000} kB in {seconds:.1f} s"


def check_selftest(program: Path, env: dict[str, str]) -> str:
    out, seconds = run(program, "--lang", "zh_CN", "--selftest", env=env)
    print("    " + "\n    ".join(out.strip().splitlines()))
    return f"passed in {seconds:.1f} s"


def check_contents(folder: Path) -> str:
    problems = [f"missing {p}" for p in layout.missing_contents(folder)]
    for executable in layout.executables():
        problems += [f"{executable.name} bundles {name}" for name in _forbidden_in(
            folder / layout.file_name(executable))]  # fmt: skip
    problems += [f"_internal/{name}/ is in the build" for name in layout.FORBIDDEN_MODULES
                 if (folder / layout.CONTENTS / name).exists()]  # fmt: skip
    if problems:
        raise CheckFailed("; ".join(problems))
    return f"{len(layout.expected_contents())} expected files present, no test or dev package"


def _forbidden_in(program: Path) -> list[str]:
    from PyInstaller.archive.readers import pkg_archive_contents

    tops = {name.split(".")[0] for name in pkg_archive_contents(str(program))}
    return [name for name in layout.FORBIDDEN_MODULES if name in tops]


def check_installer_script(folder: Path) -> str:
    script = iss.parse()
    problems = iss.problems(script) + iss.missing_from_build(script, folder, sys.platform)
    if problems:
        raise CheckFailed("; ".join(problems))
    return f"the {len(iss.sources(script))} sources of {iss.ISS.name} are in the build"


def main() -> int:
    folder = layout.DIST / layout.APP_FOLDER
    program = layout.command_line_program()
    if not program.is_file():
        print(f"{program} is missing: run `make dist` first", file=sys.stderr)
        return 1
    failed = 0
    with tempfile.TemporaryDirectory(prefix="pharmadesk-dist-check-") as tmp:
        here = Path(tmp)
        env, db = isolated_env(here), here / "demo" / "demo.db"
        checks = [
            ("version", lambda: check_version(program, env)),
            ("demo", lambda: check_demo(program, db, env)),
            ("search", lambda: check_search(program, db, env)),
            ("cold start", lambda: check_cold_start(program, db, env)),
            ("month report", lambda: check_report(program, db, here, env)),
            ("selftest", lambda: check_selftest(program, env)),
            ("contents", lambda: check_contents(folder)),
            ("installer script", lambda: check_installer_script(folder)),
        ]
        for name, check in checks:
            try:
                print(f"{name}: ok, {check()}", flush=True)
            except (CheckFailed, subprocess.TimeoutExpired, OSError) as exc:
                print(f"{name}: FAILED: {exc}", flush=True)
                failed += 1
    print(f"size: {layout.megabytes(layout.folder_size(folder))} in {folder}")
    # In the form CI reads as a test count.
    print(f"dist-check: {len(checks) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
