"""The system's language as the window finds it (Qt's `QLocale.system()`), for the command
line, which does not load Qt: Simplified Chinese on a zh system, English otherwise.

`locale.getlocale()` is not that: it is empty where the zh locale is not installed (the
window still speaks Chinese under LANG=zh_CN.UTF-8), and on Windows it names the locale
"Chinese (Simplified)_China", not zh_CN.
"""

from __future__ import annotations

import locale
import os
import sys
from collections.abc import Mapping

# Where Qt reads the locale on Unix, in its order.
_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")


def system_language(environ: Mapping[str, str] = os.environ) -> str:
    """ "zh_CN" or "en"."""
    if sys.platform == "win32":  # Qt reads the user's locale there, never LANG
        return _of(_windows_locale())
    for name in _VARIABLES:
        value = environ.get(name, "")
        if value:
            return _of(value)
    return _of(locale.getlocale()[0] or "")


def _of(name: str) -> str:
    return "zh_CN" if name.lower().startswith(("zh", "chinese")) else "en"


def _windows_locale() -> str:
    if sys.platform != "win32":  # (for the type checker: windll is Windows' alone)
        return ""
    import ctypes

    lcid = ctypes.windll.kernel32.GetUserDefaultLCID()  # what Qt's system locale reads
    return locale.windows_locale.get(lcid, "") or (locale.getlocale()[0] or "")
