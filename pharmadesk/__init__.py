"""PharmaDesk: offline, encrypted customer files for an independent retail pharmacy."""

import os
from importlib.metadata import PackageNotFoundError, version

# onnxruntime (the OCR of scanned cards) collects usage telemetry for Microsoft by default on
# Linux and macOS since 1.29: a device id and queued events in the user's cache folder, sent
# when the PC is online. An offline pharmacy app sends nothing, so it is off before
# onnxruntime can first load (it reads this once, at import). On Windows onnxruntime uses
# ETW instead, which this does not reach: onnxruntime.disable_telemetry_events() does.
os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")

try:
    __version__ = version("pharmadesk")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"
