"""Files written whole or not at all: a private folder beside the target, renamed over it.

Exports, the month report and saved charts are written into a hidden folder on the same
disk as the target and renamed over it only when complete, so a cancel, a full disk or a
crash never leaves half a file under the user's name. The folder is removed afterwards in
every case. A crash (power cut, killed process) can still leave one behind, holding
plain-text rows of an export that was never finished or audited, so each new staging
sweeps away those older than an hour in the same folder.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pharmadesk.errors import OperationFailed

PREFIX = ".pharmadesk-staging-"
_STALE_AFTER_S = 3600  # no export takes an hour; an older folder is a crash's leftover


@contextmanager
def staged(target: Path) -> Iterator[tuple[Path, Path]]:
    """(the path to write, the private folder for any other temporary file).

    Raises:
        OperationFailed: nothing can be written in the target's folder.
    """
    sweep(target.parent)
    try:
        folder = Path(tempfile.mkdtemp(prefix=PREFIX, dir=target.parent))
    except OSError as exc:
        raise OperationFailed(f"cannot write in {target.parent}: {exc.strerror or exc}") from None
    try:
        yield folder / target.name, folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def replace(partial: Path, target: Path) -> None:
    """Rename the finished file over the target.

    Raises:
        OperationFailed: the target cannot be replaced (a folder, or open in another program
            on Windows); the partial file is left for `staged` to remove.
    """
    try:
        os.replace(partial, target)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise OperationFailed(
            f"{target} cannot be written ({reason}); is it open in another program?"
        ) from None


def sweep(folder: Path) -> int:
    """Remove staging folders a crash left in `folder`; returns how many."""
    removed = 0
    cutoff = time.time() - _STALE_AFTER_S
    try:
        leftovers = [p for p in folder.glob(f"{PREFIX}*") if p.is_dir()]
    except OSError:
        return 0
    for leftover in leftovers:
        try:
            if leftover.stat().st_mtime < cutoff:
                shutil.rmtree(leftover)
                removed += 1
        except OSError:
            continue  # another program holds it: the next sweep tries again
    return removed
