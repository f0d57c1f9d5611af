"""Build the Windows distribution and check it: the one-folder bundle and both installers.

    python3 scripts/package.py bundle       # PyInstaller one-folder bundle in dist/
    python3 scripts/package.py smoke        # run the frozen programs; size and start-up figures
    python3 scripts/package.py installers   # the per-user NSIS installer and the per-machine MSI
    python3 scripts/package.py inspect      # look inside both installers
    python3 scripts/package.py check        # all four, in that order (what CI runs)

The bundle is built with ``.venv`` (made from the lock file by ``scripts/dev.py``, with the Python
the bundle ships). On Windows it is the real thing: ``dist/OPCC Inspection Responses`` holds
``opcc-responses.exe`` and ``opcc-responses-cli.exe``. On Linux (CI) the same spec makes the same
folder with Linux programs, which proves that the resources, fonts, samples and migrations are
inside; the installers are then built from a copy whose programs carry their Windows names.
Installers: ``makensis`` (NSIS) and, for the MSI, ``wixl`` (msitools) or WiX 3's ``candle`` and
``light`` (on Windows, found through the ``WIX`` environment variable or PATH).
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple
from xml.sax.saxutils import quoteattr

sys.path.insert(0, str(Path(__file__).resolve().parent))
import dev
import package_checks

ROOT = dev.ROOT
DIST = ROOT / "dist"
BUILD = ROOT / "build"
SPEC = ROOT / "packaging" / "opcc-responses.spec"
NSIS_SCRIPT = ROOT / "packaging" / "installer.nsi"
WIX_SOURCE = ROOT / "packaging" / "opcc-responses.wxs"
PROGRAMS = ("opcc-responses", "opcc-responses-cli")  # the window, the console tool
ICON_IN_BUNDLE = Path("_internal", "resources", "icons", "opcc-responses.ico")


class Product(NamedTuple):
    name: str
    version: str

    @property
    def file_stem(self) -> str:
        return f"{self.name.replace(' ', '-')}-{self.version}"


def product() -> Product:
    """The name and version the programs report (``app/__init__.py``), read without importing."""
    text = (ROOT / "src" / "app" / "__init__.py").read_text(encoding="utf-8")
    name = re.search(r'^APP_NAME = "([^"]+)"', text, re.MULTILINE)
    version = re.search(r'^__version__ = "(\d+\.\d+\.\d+)"', text, re.MULTILINE)
    if not (name and version):
        sys.exit("src/app/__init__.py must set APP_NAME and __version__ (three numbers).")
    return Product(name.group(1), version.group(1))


def bundle_dir() -> Path:
    return DIST / product().name


def venv_python() -> Path:
    return dev.ensure_environment(dev.VENV, dev.shipped_python(False))


def build_bundle() -> Path:
    python = venv_python()
    pyinstaller = [str(python), "-m", "PyInstaller"]
    command = [*pyinstaller, str(SPEC), "--noconfirm", "--log-level=WARN",
               f"--distpath={DIST}", f"--workpath={BUILD / 'pyinstaller'}"]  # fmt: skip
    step("PyInstaller one-folder bundle", lambda: run(command))
    return bundle_dir()


def windows_layout(bundle: Path, staging: Path = BUILD / "windows-layout") -> Path:
    """``bundle`` itself on Windows; elsewhere a copy (hard links) laid out as on Windows: the
    two programs carry their Windows names, so that the installers' shortcuts and file lists
    are the real ones, and the symbolic links a Linux bundle has for its libraries (Windows has
    none) are left out."""
    if (bundle / f"{PROGRAMS[0]}.exe").is_file():
        return bundle
    staged = staging / bundle.name
    shutil.rmtree(staging, ignore_errors=True)
    staged.parent.mkdir(parents=True)
    shutil.copytree(bundle, staged, copy_function=_link_or_copy, symlinks=True)
    for link in [path for path in staged.rglob("*") if path.is_symlink()]:
        link.unlink()
    for program in PROGRAMS:
        (staged / program).rename(staged / f"{program}.exe")
    return staged


def _link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def build_nsis(folder: Path, info: Product, out: Path) -> Path:
    """The per-user installer; NSIS warnings are errors (``-WX``)."""
    makensis = shutil.which("makensis") or sys.exit("makensis (NSIS) is not installed.")
    run([makensis, "-V2", "-WX", f"-DAPP_NAME={info.name}", f"-DVERSION={info.version}",
         f"-DBUNDLE={folder.resolve()}", f"-DICON={(folder / ICON_IN_BUNDLE).resolve()}",
         f"-DOUTFILE={out.resolve()}", str(NSIS_SCRIPT)])  # fmt: skip
    return out


def build_msi(folder: Path, info: Product, out: Path, work: Path = BUILD / "msi") -> Path:
    """The per-machine MSI, with ``wixl`` where it is installed, else WiX 3; ``work`` holds
    the generated file list and WiX's intermediate files."""
    work.mkdir(parents=True, exist_ok=True)
    files = work / "files.wxs"
    wixl = shutil.which("wixl")
    # wixl takes only relative sources (to the folder it runs in); WiX takes either.
    base = ROOT if wixl else None
    files.write_text(wix_file_list(folder, base), encoding="utf-8")
    icon = folder / ICON_IN_BUNDLE
    defines = {"AppName": info.name, "Version": info.version,
               "Icon": str(_relative(icon, base))}  # fmt: skip
    if wixl:
        run([wixl, "-a", "x64", *(part for k, v in defines.items() for part in ("-D", f"{k}={v}")),
             "-o", str(_relative(out, ROOT)), str(_relative(WIX_SOURCE, ROOT)),
             str(_relative(files, ROOT))])  # fmt: skip
        return out
    candle, light = (_wix_tool(name) for name in ("candle", "light"))
    run([candle, "-nologo", "-arch", "x64", *(f"-d{k}={v}" for k, v in defines.items()),
         "-out", f"{work}{os.sep}", str(WIX_SOURCE), str(files)])  # fmt: skip
    run([light, "-nologo", "-spdb", "-out", str(out),
         str(work / f"{WIX_SOURCE.stem}.wixobj"), str(work / "files.wixobj")])  # fmt: skip
    return out


def _wix_tool(name: str) -> str:
    home = os.environ.get("WIX")
    if home and (Path(home) / "bin" / f"{name}.exe").is_file():
        return str(Path(home) / "bin" / f"{name}.exe")
    return shutil.which(name) or sys.exit(f"Neither wixl nor WiX 3's {name} is installed.")


def _relative(path: Path, base: Path | None) -> Path:
    path = path.resolve()
    return Path(os.path.relpath(path, base)) if base else path


def wix_file_list(folder: Path, base: Path | None = None) -> str:
    """A WiX fragment installing every file of ``folder`` under INSTALLDIR, one component per
    file (its GUID made by the tool from the path), in ComponentGroup ``AppFiles``. Identifiers
    come from each file's path, so a rebuild of the same bundle gives the same list."""
    lines = ['<?xml version="1.0" encoding="utf-8"?>',
             '<Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">',
             "  <Fragment>", '    <DirectoryRef Id="INSTALLDIR">']  # fmt: skip
    components: list[str] = []

    def walk(directory: Path, depth: int) -> None:
        pad = "  " * depth
        for entry in sorted(directory.iterdir(), key=lambda p: (p.is_dir(), p.name)):
            relative = entry.relative_to(folder).as_posix()
            if entry.is_dir():
                lines.append(f'{pad}<Directory Id="{_wix_id("d", relative)}" '
                             f"Name={quoteattr(entry.name)}>")  # fmt: skip
                walk(entry, depth + 1)
                lines.append(f"{pad}</Directory>")
                continue
            component = _wix_id("c", relative)
            components.append(component)
            source = quoteattr(str(_relative(entry, base)))
            lines.append(f'{pad}<Component Id="{component}" Guid="*" Win64="yes">'
                         f'<File Id="{_wix_id("f", relative)}" Name={quoteattr(entry.name)} '
                         f'Source={source} KeyPath="yes" /></Component>')  # fmt: skip

    walk(folder, 3)
    lines += ["    </DirectoryRef>", "  </Fragment>", "  <Fragment>",
              '    <ComponentGroup Id="AppFiles">',
              *(f'      <ComponentRef Id="{c}" />' for c in components),
              "    </ComponentGroup>", "  </Fragment>", "</Wix>"]  # fmt: skip
    return "\n".join(lines) + "\n"


def _wix_id(kind: str, relative: str) -> str:
    return kind + hashlib.sha256(relative.encode("utf-8")).hexdigest()[:32]


def build_installers(bundle: Path) -> tuple[Path, Path]:
    info = product()
    folder = windows_layout(bundle)
    nsis = DIST / f"{info.file_stem}-user-setup.exe"
    msi = DIST / f"{info.file_stem}.msi"
    step("NSIS per-user installer", lambda: build_nsis(folder, info, nsis))
    step("MSI per-machine installer", lambda: build_msi(folder, info, msi))
    return nsis, msi


def run(command: list[str]) -> None:
    print("$", " ".join(Path(command[0]).name if i == 0 else part
                        for i, part in enumerate(command)), flush=True)  # fmt: skip
    if subprocess.run(command, cwd=ROOT, check=False).returncode:
        sys.exit(f"Failed: {Path(command[0]).name}")


def step(title: str, action: Callable[[], object]) -> None:
    """Run ``action`` and say how long it took."""
    print(f"== {title}", flush=True)
    start = time.monotonic()
    action()
    print(f"   {title}: {time.monotonic() - start:.1f} s", flush=True)


def main(argv: list[str]) -> int:
    action = argv[0] if argv else "check"
    if action not in {"bundle", "smoke", "installers", "inspect", "check"}:
        print(__doc__)
        return 2
    info = product()
    bundle = build_bundle() if action in {"bundle", "check"} else bundle_dir()
    if action in {"smoke", "check"}:
        step("Smoke run of the frozen programs",
             lambda: package_checks.smoke(bundle, venv_python(), info))  # fmt: skip
    if action in {"installers", "check"}:
        build_installers(bundle)
    if action in {"inspect", "check"}:
        step("Inspecting the installers", lambda: package_checks.inspect_installers(
            DIST / f"{info.file_stem}-user-setup.exe", DIST / f"{info.file_stem}.msi",
            windows_layout(bundle), info))  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
