"""The development scripts: the lock the suite runs on, and the advice when Qt lacks libraries."""

from __future__ import annotations

import importlib.util
import re
from importlib.metadata import version
from pathlib import Path
from types import ModuleType

import pytest
from packaging.markers import Marker

ROOT = Path(__file__).resolve().parents[1]
XCB = "lib/python3.13/site-packages/PySide6/Qt/plugins/platforms/libqxcb.so"
WAYLAND = XCB.replace("xcb", "wayland")


def load_script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


dev = load_script("dev")
qt_libraries = load_script("qt_libraries")

# What ldd says of the xcb plugin on a Debian 12 without libxcb-icccm4 and libxcb-keysyms1.
LDD_DEBIAN = """\
\tlinux-vdso.so.1 (0x00007f16104a5000)
\tlibQt6XcbQpa.so.6 => /v/PySide6/Qt/plugins/platforms/../../lib/libQt6XcbQpa.so.6 (0x00007f)
\tlibxkbcommon-x11.so.0 => /lib/x86_64-linux-gnu/libxkbcommon-x11.so.0 (0x00007f161033a000)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-util.so.1 => /lib/x86_64-linux-gnu/libxcb-util.so.1 (0x00007f161032b000)
\tlibxcb-keysyms.so.1 => not found
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\t/lib64/ld-linux-x86-64.so.2 (0x00007f16104a7000)
"""
LDD_ALL_FOUND = "\n".join(line for line in LDD_DEBIAN.splitlines() if "not found" not in line)


@pytest.fixture
def venv(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A virtual environment holding PySide6's xcb and wayland plugins, on Linux."""
    monkeypatch.setattr(qt_libraries.sys, "platform", "linux")
    for plugin in (XCB, WAYLAND):
        (tmp_path / plugin).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / plugin).write_bytes(b"")
    return tmp_path


def test_missing_xcb_libraries_give_the_apt_get_line(venv: Path) -> None:
    missing = qt_libraries.missing_platform_libraries(venv, {}, lambda _: LDD_DEBIAN)
    assert missing == ["libxcb-icccm.so.4", "libxcb-keysyms.so.1"]
    advice = qt_libraries.advice(missing, as_root=False).splitlines()
    assert "    sudo apt-get install libxcb-icccm4 libxcb-keysyms1" in advice
    assert "    apt-get install libxcb-icccm4 libxcb-keysyms1" in qt_libraries.advice(
        missing, as_root=True).splitlines()


def test_the_plugin_that_is_asked_about_is_the_xcb_one(venv: Path) -> None:
    asked: list[Path] = []

    def ldd(plugin: Path) -> str:
        asked.append(plugin)
        return ""

    qt_libraries.missing_platform_libraries(venv, {"QT_QPA_PLATFORM": "xcb:nograb"}, ldd)
    assert asked == [venv / XCB]


@pytest.mark.parametrize("platform", ["offscreen", "minimal", "vnc;xcb"])
def test_a_platform_without_a_display_needs_no_check(venv: Path, platform: str) -> None:
    assert qt_libraries.missing_platform_libraries(
        venv, {"QT_QPA_PLATFORM": platform}, lambda _: LDD_DEBIAN) == []


def test_nothing_is_missing_when_ldd_finds_everything(venv: Path) -> None:
    assert qt_libraries.missing_platform_libraries(venv, {}, lambda _: LDD_ALL_FOUND) == []
    assert qt_libraries.missing_platform_libraries(venv, {}, lambda _: "") == []


def test_a_wayland_session_falls_back_to_xcb(venv: Path) -> None:
    session = {"WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland"}
    no_wayland = "\tlibwayland-cursor.so.0 => not found\n"

    def ldd(plugin: Path) -> str:
        return no_wayland if "wayland" in plugin.name else xcb

    xcb = LDD_ALL_FOUND
    assert qt_libraries.missing_platform_libraries(venv, session, ldd) == []
    xcb = LDD_DEBIAN
    missing = qt_libraries.missing_platform_libraries(venv, session, ldd)
    assert "apt-get install libwayland-cursor0 libxcb-icccm4 libxcb-keysyms1" in (
        qt_libraries.advice(missing))


def test_a_library_without_a_known_package_is_named(venv: Path) -> None:
    output = LDD_DEBIAN + "\tlibfancy.so.3 => not found\n"
    missing = qt_libraries.missing_platform_libraries(venv, {}, lambda _: output)
    advice = qt_libraries.advice(missing, as_root=False)
    assert "libfancy.so.3" in advice and "apt-get install libxcb-icccm4 libxcb-keysyms1" in advice


def test_the_lock_is_made_from_pyproject_as_it_is() -> None:
    assert dev.lock_is_current() is None


def test_the_lock_changes_with_the_dependencies_only() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    digest = dev.dependency_digest(pyproject)
    assert dev.dependency_digest(pyproject.replace("line-length = 100", "line-length = 99")) == (
        digest)
    assert dev.dependency_digest(pyproject.replace('"pypdf>=4.3"', '"pypdf>=5"')) != digest
    assert dev.dependency_digest(pyproject.replace('"pytest>=8"', '"pytest>=9"')) != digest


def test_the_venv_is_made_afresh_only_when_the_pins_change() -> None:
    lock = (ROOT / "requirements" / "lock.txt").read_text(encoding="utf-8")
    digest = dev.pins_digest(lock)
    assert dev.pins_digest(lock.replace("# via mypy", "# via mypy and pytest")) == digest
    assert dev.pins_digest(lock.replace("# pyproject.toml dependencies sha256: ", "# x ")) == (
        digest)
    assert dev.pins_digest(lock.replace("pytest==", "pytest==1", 1)) != digest


def test_every_locked_package_is_installed_at_its_locked_version() -> None:
    pins = re.findall(r"^([A-Za-z0-9._-]+)==([^\s;\\]+)(?: ; ([^\\\n]+?))? \\$",
                      (ROOT / "requirements" / "lock.txt").read_text(encoding="utf-8"),
                      re.MULTILINE)
    assert any(name == "pyside6-essentials" for name, _, _ in pins)
    wrong = {name: (pinned, version(name)) for name, pinned, marker in pins
             if (not marker or Marker(marker).evaluate()) and version(name) != pinned}
    assert wrong == {}


def test_pyenv_pythons_are_found_newest_patch_first(tmp_path: Path) -> None:
    for name in ("3.13.0", "3.13.10", "3.13.2", "3.13.1t", "3.12.9", "3.13-dev"):
        binary = tmp_path / "versions" / name / "bin" / "python3.13"
        binary.parent.mkdir(parents=True)
        binary.write_bytes(b"")
    found = list(dev.pyenv_pythons((3, 13), [tmp_path / "nowhere", tmp_path / "versions"]))
    assert [p.parents[1].name for p in found] == ["3.13.10", "3.13.2", "3.13.0"]


def test_the_shipped_python_is_preferred(monkeypatch: pytest.MonkeyPatch) -> None:
    """The venv is made with Python 3.13 or 3.12 (what ships) wherever one can be found."""
    found = {(3, 12): dev.Python("/py/3.12", (3, 12))}
    monkeypatch.setattr(dev, "find_python", found.get)
    monkeypatch.setattr(dev, "running_python", lambda: dev.Python("/py/3.11", (3, 11)))
    assert dev.shipped_python(required=True) == found[(3, 12)]
    found.clear()
    with pytest.raises(SystemExit, match=r"Neither Python 3\.13 or Python 3\.12"):
        dev.shipped_python(required=True)
    assert dev.shipped_python(required=False).path == "/py/3.11"


def test_a_shipped_python_that_starts_the_script_is_the_one_used(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``py -3.12 scripts/dev.py`` makes the venv with 3.12 even where 3.13 is installed."""
    monkeypatch.setattr(dev, "find_python", {(3, 13): dev.Python("/py/3.13", (3, 13))}.get)
    monkeypatch.setattr(dev, "running_python", lambda: dev.Python("/py/3.12", (3, 12)))
    assert dev.shipped_python(required=True) == dev.Python("/py/3.12", (3, 12))
