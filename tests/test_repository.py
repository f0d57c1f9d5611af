"""The repository stands alone: a maintainer who has only it finds every document it refers to.

The product's notes once lived in a folder beside the repository; they are now
``docs/product.md``, ``docs/interfaces.md`` and ``docs/architecture.md``, and nothing may point
outside again.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHECKED = ("src", "tests", "scripts", "packaging", "docs", "README.md")
# The old folder's and files' names, spelt in pieces so that this file does not name them.
OUTSIDE = (b"../" + b"shared", b"DESIGN" + b".md", b"CONTRACT" + b".md")
DOCS = ("docs/product.md", "docs/interfaces.md", "docs/architecture.md")
_LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")


def _tracked_files() -> list[Path]:
    """The files git tracks under CHECKED; every file there (bar caches) outside a checkout."""
    try:
        listed = subprocess.run(
            ["git", "ls-files", "-z", "--", *CHECKED], cwd=ROOT, capture_output=True, check=True
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        found = [ROOT / "README.md"]
        for top in CHECKED[:-1]:
            found += [
                path for path in (ROOT / top).rglob("*")
                if path.is_file() and "__pycache__" not in path.parts
            ]  # fmt: skip
        return found
    return [ROOT / name for name in listed.decode("utf-8").split("\0") if name]


def test_the_three_documents_exist_and_say_something() -> None:
    for name in DOCS:
        path = ROOT / name
        assert path.is_file(), f"{name} is missing"
        assert len(path.read_text(encoding="utf-8").split()) > 500, f"{name} is nearly empty"


def test_nothing_refers_to_documents_outside_the_repository() -> None:
    here = Path(__file__).resolve()
    offending = []
    for path in _tracked_files():
        if path.resolve() == here or not path.is_file():
            continue
        data = path.read_bytes()
        offending += [
            f"{path.relative_to(ROOT)}: {word.decode()}" for word in OUTSIDE if word in data
        ]
    assert offending == []


@pytest.mark.parametrize("name", ["README.md", *DOCS])
def test_relative_links_in_the_documents_lead_to_files(name: str) -> None:
    document = ROOT / name
    targets = _LINK.findall(document.read_text(encoding="utf-8"))
    broken = [
        target for target in targets
        if "://" not in target and not (document.parent / target).exists()
    ]  # fmt: skip
    assert broken == []
