"""PharmaDesk: offline, encrypted customer files for an independent retail pharmacy."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("pharmadesk")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"
