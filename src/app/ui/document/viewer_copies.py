"""The copies of the document made for the PDF viewer, and their removal.

An internal copy may be OFFICIAL-SENSITIVE, and Windows never clears ``%TEMP%``. So every copy
goes in one folder of this run's (``<temp>/opcc-responses-viewer-<pid>-<random>``), removed when
the window closes. A copy a viewer still holds then (Windows cannot delete an open file) is
removed at the next start, once the process that made it has ended.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import sys
import tempfile
from pathlib import Path

PREFIX = "opcc-responses-viewer-"
# Earlier versions made one folder per copy with tempfile.mkdtemp(prefix="opcc-response-").
_EARLIER = re.compile(r"opcc-response-[a-z0-9_]{8}")

_own: Path | None = None  # this run's folder, made with the first copy


def temp_root() -> Path:
    """The system's temporary folder (``%TEMP%`` on Windows)."""
    return Path(tempfile.gettempdir())


def new_copy_folder() -> Path:
    """A new empty folder for one copy, inside this run's folder.

    A new one each time, because a viewer may still hold the previous copy open (Windows
    refuses to replace it). Raises OSError when the temporary folder cannot be written.
    """
    global _own
    if _own is None or not _own.is_dir():
        _own = Path(tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-", dir=temp_root()))
    return Path(tempfile.mkdtemp(dir=_own))


def remove_own() -> None:
    """Remove this run's copies (when the window closes); any a viewer holds stay till later."""
    global _own
    if _own is not None:
        shutil.rmtree(_own, ignore_errors=True)
        _own = None


def remove_stale() -> None:
    """Remove the copies left by runs that have ended (at start); a running copy's stay."""
    try:
        entries = list(os.scandir(temp_root()))
    except OSError:
        return
    for entry in entries:
        if _is_stale(entry.name) and _is_own_folder(entry):
            shutil.rmtree(entry.path, ignore_errors=True)


def _is_stale(name: str) -> bool:
    if _EARLIER.fullmatch(name):
        return True
    if not name.startswith(PREFIX):
        return False
    pid, _, _rest = name.removeprefix(PREFIX).partition("-")
    if not pid.isdigit() or int(pid) <= 0:
        return False
    if int(pid) == os.getpid():  # this process's number, used before by a run now ended
        return _own is None or name != _own.name
    return not _is_running(int(pid))


def _is_own_folder(entry: os.DirEntry[str]) -> bool:
    """A real folder (not a link), and on a shared temporary folder (Unix) one of this user's."""
    try:
        info = entry.stat(follow_symlinks=False)
    except OSError:
        return False
    mine = sys.platform == "win32" or info.st_uid == os.getuid()
    return stat.S_ISDIR(info.st_mode) and mine


def _is_running(pid: int) -> bool:
    if sys.platform == "win32":
        return _is_running_on_windows(pid)
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists, but is another user's
    return True


def _is_running_on_windows(pid: int) -> bool:
    if sys.platform != "win32":
        raise NotImplementedError
    import ctypes
    from ctypes import wintypes

    query_limited_information, still_active, access_denied = 0x1000, 259, 5
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    kernel32.OpenProcess.restype = wintypes.HANDLE
    kernel32.OpenProcess.argtypes = [wintypes.DWORD, wintypes.BOOL, wintypes.DWORD]
    kernel32.GetExitCodeProcess.argtypes = [wintypes.HANDLE, ctypes.POINTER(wintypes.DWORD)]
    kernel32.CloseHandle.argtypes = [wintypes.HANDLE]
    handle = kernel32.OpenProcess(query_limited_information, False, pid)
    if not handle:
        return bool(ctypes.get_last_error() == access_denied)  # another user's process
    try:
        code = wintypes.DWORD()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True  # cannot tell: leave its copies alone
        return code.value == still_active
    finally:
        kernel32.CloseHandle(handle)
