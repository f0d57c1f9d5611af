"""What ships: the wheel's package list, the resources, and the Windows distribution's sources
(the PyInstaller spec, the NSIS script, the WiX source), which must agree with one another and
with the application on its name, version, programs, icon and identities."""

from __future__ import annotations

import importlib.util
import re
import shutil
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

import app
from app.paths import resource_path
from app.ui import icons

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
WIX = "{http://schemas.microsoft.com/wix/2006/wi}"


def load_script(name: str) -> ModuleType:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(ROOT / "scripts"))


package = load_script("package")
package_checks = load_script("package_checks")
wine_check = load_script("wine_check")


def test_every_package_under_src_is_listed_for_the_wheel() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    on_disk = {
        ".".join(init.parent.relative_to(ROOT / "src").parts)
        for init in (ROOT / "src" / "app").rglob("__init__.py")
    }
    assert on_disk - listed == set()
    assert "app.resources" in listed


def test_resources_are_found() -> None:
    assert resource_path("fonts", "DejaVuSans.ttf").is_file()
    for name in ("en_GB.aff", "en_GB.dic", "LICENCE-en_GB.txt"):
        assert resource_path("dictionaries", name).is_file()
    assert len(list(resource_path("samples").glob("*.json"))) == 2


def test_the_version_is_the_same_everywhere() -> None:
    """The programs, the wheel, the bundle's version resource and both installers take the
    version and name from app/__init__.py; no source of the installers spells one out."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert package.product() == (app.APP_NAME, app.__version__)
    assert config["project"]["version"] == app.__version__
    spec = (PACKAGING / "opcc-responses.spec").read_text(encoding="utf-8")
    assert "from app import APP_NAME, __version__" in spec
    for source in ("installer.nsi", "opcc-responses.wxs"):
        text = (PACKAGING / source).read_text(encoding="utf-8")
        assert app.__version__ not in text, source
        assert re.search(r"\$\{VERSION\}|\$\(var\.Version\)", text), source


def test_programs_icon_and_identities_agree_across_the_sources() -> None:
    spec = (PACKAGING / "opcc-responses.spec").read_text(encoding="utf-8")
    nsis = (PACKAGING / "installer.nsi").read_text(encoding="utf-8")
    wxs = ET.parse(PACKAGING / "opcc-responses.wxs").getroot()
    gui, cli = package.PROGRAMS
    assert f'GUI, CLI = "{gui}", "{cli}"' in spec
    assert f'!define GUI_EXE "{gui}.exe"' in nsis and f'!define CLI_EXE "{cli}.exe"' in nsis
    [shortcut] = wxs.iter(f"{WIX}Shortcut")
    assert shortcut.get("Target") == f"[INSTALLDIR]{gui}.exe"
    # The icon: one source image, used by the window and made into the programs' .ico, which
    # the installers take from the bundle.
    assert icons.ICON_FILE == ("icons", "opcc-responses.png")
    assert '"resources" / "icons" / "opcc-responses.png"' in spec
    assert '(str(ICON), "resources/icons")' in spec
    assert Path("_internal", "resources", "icons", "opcc-responses.ico") == (
        package.ICON_IN_BUNDLE)
    # The per-user installer's AppId and the MSI's UpgradeCode never change.
    assert f'!define APP_ID "{wine_check.APP_ID}"' in nsis
    assert f'UpgradeCode = "{package_checks.UPGRADE_CODE}"' in (
        PACKAGING / "opcc-responses.wxs").read_text(encoding="utf-8")
    # Installed where the data is not: uninstalling a program folder never reaches the data.
    assert 'InstallDir "$LOCALAPPDATA\\Programs\\${APP_NAME}"' in nsis
    assert 'RMDir /r "$LOCALAPPDATA\\${APP_NAME}"' in nsis.split("SecUnData")[1]


def test_the_source_icon_has_every_size_windows_asks_for(tmp_path: Path) -> None:
    """The spec makes the programs' .ico (16 to 256 px) from the window's PNG, as here."""
    from PIL import Image

    with Image.open(resource_path(*icons.ICON_FILE)) as source:
        assert source.size == (256, 256)
        source.save(tmp_path / "app.ico", sizes=[(s, s) for s in (16, 24, 32, 48, 256)])
    with Image.open(tmp_path / "app.ico") as made:
        assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= made.info["sizes"]


def make_bundle(folder: Path) -> Path:
    """A small stand-in for a Linux bundle: two programs, a library with a symbolic link to
    it, and names that XML must escape."""
    for name in package.PROGRAMS:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(b"\x7fELF")
    library = folder / "_internal" / "PySide6" / "Qt" / "lib" / "libQt6Core.so.6"
    library.parent.mkdir(parents=True)
    library.write_bytes(b"qt")
    (folder / "_internal" / "libQt6Core.so.6").symlink_to(library)
    (folder / "_internal" / "R&D <notes>.txt").write_text("x")
    return folder


def test_the_installers_get_the_windows_layout(tmp_path: Path) -> None:
    bundle = make_bundle(tmp_path / "dist" / "OPCC Inspection Responses")
    staged = package.windows_layout(bundle, tmp_path / "staging")
    names = {p.relative_to(staged).as_posix() for p in staged.rglob("*") if p.is_file()}
    assert {"opcc-responses.exe", "opcc-responses-cli.exe"} <= names
    assert "_internal/libQt6Core.so.6" not in names  # Windows bundles have no links
    assert not any(p.is_symlink() for p in staged.rglob("*"))
    assert (bundle / "opcc-responses").is_file()  # the bundle itself is left as it was


def test_the_msi_file_list_installs_each_file_once(tmp_path: Path) -> None:
    staged = package.windows_layout(make_bundle(tmp_path / "b" / "App"), tmp_path / "s")
    text = package.wix_file_list(staged, tmp_path)
    assert text == package.wix_file_list(staged, tmp_path)  # the same bundle, the same list
    root = ET.fromstring(text)
    files = list(root.iter(f"{WIX}File"))
    components = list(root.iter(f"{WIX}Component"))
    assert len(files) == len(components) == 4
    assert {f.get("Name") for f in files} >= {"opcc-responses.exe", "R&D <notes>.txt"}
    ids = [e.get("Id") or "" for kind in ("Directory", "Component", "File")
           for e in root.iter(f"{WIX}{kind}")]
    assert len(set(ids)) == len(ids) and all(len(i) <= 72 and i[0].isalpha() for i in ids)
    assert all((tmp_path / f.get("Source")).is_file() for f in files)  # type: ignore[operator]
    refs = {r.get("Id") for r in root.iter(f"{WIX}ComponentRef")}
    assert refs == {c.get("Id") for c in components}


@pytest.mark.skipif(shutil.which("wixl") is None or shutil.which("msiinfo") is None,
                    reason="wixl and msiinfo (Debian: wixl, msitools) are not installed")
def test_the_msi_check_finds_a_wrong_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    staged = package.windows_layout(make_bundle(tmp_path / "b" / "App"), tmp_path / "s")
    icon = staged / package.ICON_IN_BUNDLE
    icon.parent.mkdir(parents=True)
    shutil.copy(ROOT / "resources" / "icons" / "opcc-responses.png", icon)
    monkeypatch.setattr(package, "ROOT", tmp_path)  # wixl takes sources relative to its folder
    info = package.Product("OPCC Inspection Responses", "2.3.4")
    msi = package.build_msi(staged, info, tmp_path / "x.msi", tmp_path / "work")
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    assert package_checks.msi_problems(msi, staged, info) == []
    assert list(here.iterdir()) == []  # msiinfo writes the icon out: never where it runs
    problems = package_checks.msi_problems(msi, staged, package.Product(info.name, "2.3.5"))
    assert problems[0] == "Property ProductVersion is '2.3.4', not '2.3.5'"
    assert problems[1].startswith("no major upgrade of earlier versions")
    assert len(problems) == 2
