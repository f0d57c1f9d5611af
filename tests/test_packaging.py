"""What ships: every package of the application is in the wheel's package list."""

from __future__ import annotations

import tomllib
from pathlib import Path

from app.paths import resource_path

ROOT = Path(__file__).resolve().parents[1]


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
    assert len(list(resource_path("samples").glob("*.json"))) == 2
