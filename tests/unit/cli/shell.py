"""Running `pharmadesk` in a test as a shell would: the exit status, stdout and stderr."""

from __future__ import annotations

import pytest

from pharmadesk.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Exit status (argparse's own SystemExit included), and what this call printed."""
    capsys.readouterr()
    try:
        code = main(list(argv))
    except SystemExit as stopped:
        code = int(stopped.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def one_line(err: str) -> str:
    """The command's one-line message on stderr (never a traceback)."""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]
