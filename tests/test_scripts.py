"""The development scripts: the lock the suite runs on, and the Python it runs on."""

from __future__ import annotations

import importlib.util
import re
from importlib.metadata import version
from pathlib import Path
from types import ModuleType

import pytest
from packaging.markers import Marker

ROOT = Path(__file__).resolve().parents[1]


def load_script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


dev = load_script("dev")

def test_the_lock_is_made_from_pyproject_as_it_is() -> None:
    assert dev.lock_is_current() is None


def test_the_lock_changes_with_the_dependencies_only() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    digest = dev.dependency_digest(pyproject)
    assert dev.dependency_digest(pyproject.replace("line-length = 100", "line-length = 99")) == (
        digest)
    assert dev.dependency_digest(pyproject.replace('"pypdf>=4.3"', '"pypdf>=5"')) != digest
    assert dev.dependency_digest(pyproject.replace('"pytest>=8"', '"pytest>=9"')) != digest


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
