"""Before the window opens on Linux: the system libraries Qt's platform plugin needs.

Without them Qt aborts with "Could not load the Qt platform plugin "xcb"" and a wall of text;
``scripts/dev.py run`` prints instead the one ``apt-get install`` line that fixes it. Only the
standard library: this runs before anything is installed but the virtual environment.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

# The libraries Qt's xcb and wayland plugins (and the Qt libraries under them) load, by the
# Debian and Ubuntu package that provides each.
DEBIAN_PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xinput.so.0": "libxcb-xinput0",
    "libxcb-glx.so.0": "libxcb-glx0",
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libGLX.so.0": "libglx0",
    "libOpenGL.so.0": "libopengl0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
}
CHECKED_PLATFORMS = ("xcb", "wayland")
NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found\s*$", re.MULTILINE)


def run_ldd(library: Path) -> str:
    """``ldd``'s report on ``library`` ("" when there is no ldd to ask)."""
    try:
        done = subprocess.run(["ldd", str(library)], capture_output=True, text=True,
                              timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return done.stdout


def not_found(ldd_output: str) -> list[str]:
    """The libraries ``ldd`` reports as not found, once each, in its order."""
    return list(dict.fromkeys(NOT_FOUND.findall(ldd_output)))


def platforms(environ: Mapping[str, str]) -> list[str]:
    """The platform plugins Qt will try, in order: QT_QPA_PLATFORM's list ("wayland;xcb",
    "xcb:option"), or Wayland's and then xcb in a Wayland session, or xcb."""
    chosen = environ.get("QT_QPA_PLATFORM", "").strip()
    if chosen:
        return [name.split(":")[0].strip() for name in chosen.split(";") if name.strip()]
    if environ.get("WAYLAND_DISPLAY") and environ.get("XDG_SESSION_TYPE") == "wayland":
        return ["wayland", "xcb"]
    return ["xcb"]


def missing_platform_libraries(
    venv: Path,
    environ: Mapping[str, str] = os.environ,
    ldd: Callable[[Path], str] = run_ldd,
) -> list[str]:
    """The libraries missing for the first platform Qt can use, or [] when one can be used
    (or when this is not Linux, or the platform is offscreen, minimal or another that needs
    no display libraries)."""
    if not sys.platform.startswith("linux"):
        return []
    wanted = platforms(environ)
    if not wanted or wanted[0] not in CHECKED_PLATFORMS:
        return []
    missing: list[str] = []
    for name in wanted:
        if name not in CHECKED_PLATFORMS:
            return []
        plugins = sorted(venv.glob(
            f"lib/python3*/site-packages/PySide6/Qt/plugins/platforms/libq{name}.so"))
        if not plugins:
            return []
        lacking = not_found(ldd(plugins[0]))
        if not lacking:
            return []
        missing += [library for library in lacking if library not in missing]
    return missing


def advice(missing: list[str], as_root: bool | None = None) -> str:
    """What to tell someone whose system lacks the ``missing`` libraries."""
    if as_root is None:
        as_root = hasattr(os, "geteuid") and os.geteuid() == 0
    packages = list(dict.fromkeys(DEBIAN_PACKAGES[lib] for lib in missing
                                  if lib in DEBIAN_PACKAGES))
    unknown = [lib for lib in missing if lib not in DEBIAN_PACKAGES]
    lines = [f"Qt cannot open its window: this system lacks {', '.join(missing)}."]
    if packages:
        sudo = "" if as_root else "sudo "
        lines += ["On Debian or Ubuntu, install them with:",
                  f"    {sudo}apt-get install {' '.join(packages)}"]
    if unknown:
        lines.append("To find the package that provides "
                     + ", ".join(unknown) + ": apt-file search " + unknown[0])
    return "\n".join(lines)
