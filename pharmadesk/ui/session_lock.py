"""Locking the window when the operating system locks the session, where the platform says so.

- Windows: `WTSRegisterSessionNotification` on the main window's handle, then
  `WM_WTSSESSION_CHANGE` with `WTS_SESSION_LOCK` through a native event filter (ctypes only).
- Linux: over D-Bus (PySide6.QtDBus), logind's `Session.Lock` signal on the system bus (for
  this session when `XDG_SESSION_ID` names it, else for any session), and `ActiveChanged(true)`
  of the screen saver on the session bus (org.freedesktop.ScreenSaver: KDE, Xfce, LXQt...;
  org.gnome.ScreenSaver: GNOME, Cinnamon).
- macOS: not covered (its notification needs Objective-C bindings); idle time and Ctrl+L
  still lock.

Subscribing is best effort: whatever fails (no bus, no logind, an old Windows) is logged at
debug level and the window starts all the same.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import SLOT, QAbstractNativeEventFilter, QCoreApplication, QObject, QTimer, Slot
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

OnLock = Callable[[], None]

# Windows (winuser.h, wtsapi32.h)
WM_WTSSESSION_CHANGE = 0x02B1
WTS_SESSION_LOCK = 0x7
NOTIFY_FOR_THIS_SESSION = 0

LOGIND = ("org.freedesktop.login1", "/org/freedesktop/login1", "org.freedesktop.login1.Manager")
LOGIND_SESSION = "org.freedesktop.login1.Session"
SYSTEM_BUS_SOCKET = "/run/dbus/system_bus_socket"
SCREEN_SAVERS = (
    ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver"),
    ("org.freedesktop.ScreenSaver", "/ScreenSaver"),
    ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver"),
)


class SessionLockWatch(QObject):
    """Calls `on_lock` when the OS session locks; `platforms` names what was subscribed."""

    def __init__(self, window: QWidget, on_lock: OnLock) -> None:
        super().__init__(window)
        self._on_lock = on_lock
        self.platforms: list[str] = []
        self._native: _WindowsSessionFilter | None = None
        try:
            if sys.platform == "win32":
                self._watch_windows(window)
            elif sys.platform.startswith("linux"):
                self._watch_dbus()
        except Exception:  # never let the OS hook stop the window from starting
            log.debug("session lock: cannot subscribe", exc_info=True)

    # Windows ------------------------------------------------------------------------------

    def _watch_windows(self, window: QWidget) -> None:
        import ctypes

        hwnd = int(window.winId())
        wtsapi = ctypes.WinDLL("wtsapi32")  # type: ignore[attr-defined]
        if not wtsapi.WTSRegisterSessionNotification(hwnd, NOTIFY_FOR_THIS_SESSION):
            raise OSError("WTSRegisterSessionNotification failed")
        self._native = native = _WindowsSessionFilter(self._locked)
        app = QCoreApplication.instance()
        assert app is not None
        app.installNativeEventFilter(native)

        def unregister() -> None:
            with contextlib.suppress(Exception):
                app.removeNativeEventFilter(native)
                wtsapi.WTSUnRegisterSessionNotification(hwnd)

        self.destroyed.connect(unregister)
        self.platforms.append("windows")

    # Linux --------------------------------------------------------------------------------

    def _watch_dbus(self) -> None:
        from PySide6.QtDBus import QDBusConnection

        system = QDBusConnection.systemBus() if _has_system_bus() else None
        if system is not None and system.isConnected():
            path = _logind_session_path(system)
            if _connect(system, LOGIND[0], path, LOGIND_SESSION, "Lock", self,
                        slot="_session_locked()"):  # fmt: skip
                self.platforms.append("logind")
        # Without an address Qt would try to autolaunch a bus (and warn): not for a hook.
        if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
            return
        session = QDBusConnection.sessionBus()
        if session.isConnected():
            for service, object_path in SCREEN_SAVERS:
                if _connect(session, "", object_path, service, "ActiveChanged", self,
                            slot="_screen_saver_changed(bool)"):  # fmt: skip
                    self.platforms.append(f"{service} {object_path}")

    @Slot()
    def _session_locked(self) -> None:
        self._locked()

    @Slot(bool)
    def _screen_saver_changed(self, active: bool) -> None:
        if active:
            self._locked()

    def _locked(self) -> None:
        # Lock from the event loop, not from inside a native or D-Bus callback.
        log.info("the operating system locked the session")
        QTimer.singleShot(0, self._on_lock)


def _connect(bus: Any, *where: str | QObject, slot: str) -> bool:
    """`bus.connect(service, path, interface, signal, receiver, SLOT(slot))`: PySide6 wants
    SLOT()'s string there, whatever its stubs say about bytes."""
    return bool(bus.connect(*where, SLOT(slot)))


def _has_system_bus() -> bool:
    return bool(os.environ.get("DBUS_SYSTEM_BUS_ADDRESS")) or os.path.exists(SYSTEM_BUS_SOCKET)


def _logind_session_path(system: Any) -> str:
    """This login session's object path; "" (any session) when it cannot be told."""
    from PySide6.QtDBus import QDBusInterface

    session_id = os.environ.get("XDG_SESSION_ID", "")
    if not session_id:
        return ""
    manager = QDBusInterface(*LOGIND, system)
    reply = manager.call("GetSession", session_id)
    arguments = reply.arguments()
    if not arguments:
        return ""
    found = arguments[0]
    path = found.path() if hasattr(found, "path") else str(found)
    return path if path.startswith("/org/freedesktop/login1/session/") else ""


class _WindowsSessionFilter(QAbstractNativeEventFilter):
    def __init__(self, on_lock: OnLock) -> None:
        super().__init__()
        self._on_lock = on_lock

    def nativeEventFilter(self, eventType: Any, message: Any) -> tuple[bool, int]:
        if bytes(eventType) == b"windows_generic_MSG":
            import ctypes.wintypes

            msg = ctypes.wintypes.MSG.from_address(int(message))
            if msg.message == WM_WTSSESSION_CHANGE and msg.wParam == WTS_SESSION_LOCK:
                self._on_lock()
        return False, 0


def watch(window: QWidget, on_lock: OnLock) -> SessionLockWatch | None:
    """Subscribe `on_lock` to the OS session lock; None when nothing could be subscribed."""
    try:
        watcher = SessionLockWatch(window, on_lock)
    except Exception:
        log.debug("session lock: not watched", exc_info=True)
        return None
    if not watcher.platforms:
        watcher.deleteLater()
        return None
    return watcher
