"""Allows `python -m pharmadesk`."""

import sys

from pharmadesk.cli import main

sys.exit(main())
