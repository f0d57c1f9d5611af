"""Install, upgrade and uninstall both installers under Wine, and check what a person would find.

    python3 scripts/wine_check.py      # after: python3 scripts/package.py check

Works in a fresh Wine prefix of its own (a temporary folder), headless, with Debian's ``wine``
(64-bit). For each installer: an older version (a tiny stand-in built here) is installed, then
the real one over it (the older files must go: upgrade in place), then the older one again (it
must refuse: no downgrade); the files, the Start-menu shortcut and the entry in Settings → Apps
are checked; a database is made where the application keeps it, with the frozen program; then
uninstalling must remove the program and its shortcut and keep the database and its backups.
The per-user installer's /REMOVEDATA is checked too. Each step's time is printed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import package
from package_checks import CheckFailed, files_in, require

APP_ID = "{6F0B7F3E-2C1D-4B7A-9E55-0C9A1C3D5E21}"  # packaging/installer.nsi
USER_KEY = rf"HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\{APP_ID}"
MACHINE_KEY = r"HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall"
OLDER = "0.0.1"
OLDER_ONLY = "from-the-older-version.txt"
GUI = f"{package.PROGRAMS[0]}.exe"


class Wine:
    """One Wine prefix, headless; paths inside it as Linux paths."""

    def __init__(self, prefix: Path) -> None:
        self.prefix = prefix
        self.env = dict(os.environ, WINEPREFIX=str(prefix), WINEARCH="win64", WINEDEBUG="-all",
                        DISPLAY="", WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d")
        self.env.pop("WAYLAND_DISPLAY", None)

    def run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(["wine", *args], env=self.env, capture_output=True, text=True,
                              timeout=600, check=False)  # fmt: skip
        self.wait()
        if check and done.returncode != 0:
            raise CheckFailed(f"wine {' '.join(args)} ended with {done.returncode}: "
                              f"{done.stderr.strip()[-1000:]}")  # fmt: skip
        return done

    def wait(self) -> None:
        """Until every program in the prefix has ended (an uninstaller runs from a copy)."""
        subprocess.run(["wineserver", "-w"], env=self.env, check=False, timeout=600)

    def user_dir(self) -> Path:
        users = [p for p in (self.prefix / "drive_c" / "users").iterdir()
                 if p.name not in {"Public", "public"}]  # fmt: skip
        require(len(users) == 1, f"one Wine user expected, found {users}")
        return users[0]

    def windows_path(self, path: Path) -> str:
        relative = path.relative_to(self.prefix / "drive_c")
        return "C:\\" + "\\".join(relative.parts)

    def registry_value(self, key: str, name: str) -> str | None:
        done = self.run("reg", "query", key, "/v", name, check=False)
        for line in done.stdout.splitlines():
            parts = line.split(None, 2)
            if len(parts) == 3 and parts[0] == name:
                return parts[2].strip()
        return None

    def products_named(self, name: str) -> list[str]:
        """The MSI products in Settings → Apps (per machine) showing ``name``."""
        done = self.run("reg", "query", MACHINE_KEY, "/s", check=False)
        found, current = [], ""
        for line in done.stdout.splitlines():
            if line.startswith("HKEY_"):
                current = line.strip()
            elif line.split(None, 2)[:1] == ["DisplayName"] and line.split(None, 2)[2] == name:
                found.append(current)
        return found


def older_bundle(real: Path, where: Path) -> Path:
    """A tiny stand-in for an older version: the two programs (empty), the icon, and one file
    the real version does not have."""
    folder = where / real.name
    shutil.rmtree(where, ignore_errors=True)
    (folder / package.ICON_IN_BUNDLE).parent.mkdir(parents=True)
    shutil.copy(real / package.ICON_IN_BUNDLE, folder / package.ICON_IN_BUNDLE)
    for program in package.PROGRAMS:
        (folder / f"{program}.exe").write_bytes(b"MZ")
    (folder / "_internal" / OLDER_ONLY).write_text("installed by the older version\n")
    return folder


def same_files(installed: Path, bundle: Path) -> None:
    wanted = {p.relative_to(bundle) for p in files_in(bundle)}
    found = {p.relative_to(installed) for p in files_in(installed)}
    missing, extra = wanted - found, found - wanted - {Path("uninstall.exe")}
    require(not missing and not extra, f"{installed}: missing {sorted(missing)[:5]}, "
            f"unexpected {sorted(extra)[:5]}")  # fmt: skip


def shortcut_to(link: Path, target: str) -> bool:
    """True when the shortcut ``link`` exists and names the program ``target`` (a .lnk file
    holds its target's path in ANSI and in UTF-16)."""
    if not link.is_file():
        return False
    content = link.read_bytes()
    return target.encode("ascii") in content or target.encode("utf-16-le") in content


def make_database(data: Path) -> Path:
    """The samples in the database where the application keeps it, made by the frozen program,
    and a backup beside it (as a migration makes)."""
    db = data / "responses.sqlite3"
    cli = package.bundle_dir() / package.PROGRAMS[1]
    subprocess.run([str(cli), "--db", str(db), "samples"], check=True, capture_output=True,
                   env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))  # fmt: skip
    (data / "backups").mkdir(exist_ok=True)
    shutil.copy(db, data / "backups" / "responses-before-upgrade.sqlite3")
    return db


def check_nsis(wine: Wine, setup: Path, older: Path, bundle: Path, name: str, version: str) -> None:
    user = wine.user_dir()
    folder = user / "AppData" / "Local" / "Programs" / name
    shortcut = user / "AppData" / "Roaming" / "Microsoft" / "Windows" / "Start Menu" / "Programs"
    shortcut /= f"{name}.lnk"
    data = user / "AppData" / "Local" / name

    wine.run(str(older), "/S")
    require((folder / "_internal" / OLDER_ONLY).is_file(), "the older version is not installed")
    wine.run(str(setup), "/S")
    require(not (folder / "_internal" / OLDER_ONLY).exists(), "the older version's files stayed")
    same_files(folder, bundle)
    require(shortcut_to(shortcut, f"{name}\\{GUI}"), f"no Start-menu shortcut at {shortcut}")
    shown = wine.registry_value(USER_KEY, "DisplayVersion")
    require(shown == version, f"Settings → Apps shows version {shown}")
    require(wine.run(str(older), "/S", check=False).returncode != 0, "an older version replaced it")
    require(wine.registry_value(USER_KEY, "DisplayVersion") == version, "downgraded")
    print(f"   per user: installed in {wine.windows_path(folder)} over {OLDER} (older files "
          "gone), shortcut, Apps entry; an older version is refused")  # fmt: skip

    db = make_database(data)
    wine.run(wine.windows_path(folder / "uninstall.exe"), "/S")
    require(not folder.exists(), f"{folder} is still there after uninstalling")
    require(not shortcut.exists(), "the shortcut is still there after uninstalling")
    require(wine.registry_value(USER_KEY, "DisplayVersion") is None, "the Apps entry stayed")
    require(db.is_file() and (data / "backups").is_dir(), "uninstalling removed the database")
    print("   per user: uninstalled (program, shortcut and Apps entry gone; database and "
          "backups kept)")  # fmt: skip

    custom = wine.prefix / "drive_c" / "Apps" / "OPCC"
    wine.run(str(setup), "/S", f"/D={wine.windows_path(custom)}")
    same_files(custom, bundle)
    wine.run(wine.windows_path(custom / "uninstall.exe"), "/S", "/REMOVEDATA")
    require(not custom.exists() and not data.exists(), "/REMOVEDATA left the program or data")
    print("   per user: /D= installs elsewhere; /REMOVEDATA deletes the data too")


def check_msi(wine: Wine, msi: Path, older: Path, bundle: Path, name: str) -> None:
    folder = wine.prefix / "drive_c" / "Program Files" / name
    # Windows puts a per-machine (ALLUSERS=1) shortcut in the all-users Start menu; Wine's
    # msiexec puts it in the installing user's.
    menus = [wine.prefix / "drive_c" / "ProgramData", wine.user_dir() / "AppData" / "Roaming"]
    shortcuts = [m / "Microsoft" / "Windows" / "Start Menu" / "Programs" / f"{name}.lnk"
                 for m in menus]  # fmt: skip
    data = wine.user_dir() / "AppData" / "Local" / name

    wine.run("msiexec", "/i", str(older), "/qn")
    require((folder / "_internal" / OLDER_ONLY).is_file(), "the older MSI is not installed")
    wine.run("msiexec", "/i", str(msi), "/qn")
    require(not (folder / "_internal" / OLDER_ONLY).exists(), "the major upgrade kept old files")
    same_files(folder, bundle)
    require(any(shortcut_to(s, f"{name}\\{GUI}") for s in shortcuts),
            f"no Start-menu shortcut to the program at {shortcuts}")  # fmt: skip
    require(len(wine.products_named(name)) == 1, "the older MSI is still registered")
    require(wine.run("msiexec", "/i", str(older), "/qn", check=False).returncode != 0,
            "an older MSI was installed over the newer one")  # fmt: skip
    require(not (folder / "_internal" / OLDER_ONLY).exists(), "the downgrade left files")
    print(f"   per machine: installed in {wine.windows_path(folder)} over {OLDER} (major "
          "upgrade), Start-menu shortcut, Apps entry; an older version is refused")  # fmt: skip

    db = make_database(data)
    wine.run("msiexec", "/x", str(msi), "/qn")
    require(not folder.exists(), f"{folder} is still there after uninstalling")
    require(not any(s.exists() for s in shortcuts), "the shortcut is still there")
    require(wine.products_named(name) == [], "the product is still registered")
    require(db.is_file(), "uninstalling the MSI removed the database")
    print("   per machine: uninstalled (program and shortcut gone; database kept)")


def timed(title: str, action: Callable[[], object]) -> None:
    start = time.monotonic()
    print(f"== {title}", flush=True)
    action()
    print(f"   {title}: {time.monotonic() - start:.1f} s", flush=True)


def main() -> int:
    for tool in ("wine", "wineserver"):
        require(shutil.which(tool), f"{tool} is not installed (Debian: apt-get install wine)")
    info = package.product()
    setup = package.DIST / f"{info.file_stem}-user-setup.exe"
    msi = package.DIST / f"{info.file_stem}.msi"
    require(setup.is_file() and msi.is_file(), "build first: python3 scripts/package.py check")
    bundle = package.windows_layout(package.bundle_dir())
    work = package.BUILD / "wine"
    older = older_bundle(bundle, work / "older")
    old = package.Product(info.name, OLDER)
    old_setup = package.build_nsis(older, old, work / f"{old.file_stem}-user-setup.exe")
    old_msi = package.build_msi(older, old, work / f"{old.file_stem}.msi", work / "msi")
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="opcc-wine-") as prefix:
        wine = Wine(Path(prefix))
        timed("Wine prefix", lambda: wine.run("wineboot", "--init"))
        timed("Per-user installer (NSIS) under Wine",
              lambda: check_nsis(wine, setup, old_setup, bundle, info.name, info.version))
        timed("Per-machine MSI under Wine",
              lambda: check_msi(wine, msi, old_msi, bundle, info.name))  # fmt: skip
    print(f"Wine install and uninstall checks passed in {time.monotonic() - started:.0f} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
