"""The frozen app's entry point: the `pharmadesk` command, as `pharmadesk.cli:main`."""

import os
import sys

from pharmadesk.cli import main

if __name__ == "__main__":
    # A Windows program built without a console has no stdout or stderr (None), and a
    # library that writes a warning there would fail; give it somewhere harmless to write.
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115
    # No multiprocessing.freeze_support() call: neither PharmaDesk nor the libraries it
    # runs start processes with multiprocessing (and importing it costs the cold start
    # 12 ms). Whoever adds a process pool must add that call here first, for Windows.
    sys.exit(main())
