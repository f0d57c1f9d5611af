"""What the application bundles, and under which licence: the list the About box shows.

Every Python distribution the application depends on is found through its installed metadata
(the frozen bundle carries the same metadata), with the licence files that metadata ships. The
parts no distribution describes are added by name: Python, Qt (whose version the caller gives,
since this module stays free of Qt), SQLite, the DejaVu fonts, the en_GB spelling dictionary
and, in the frozen bundle, PyInstaller's start-up program. Qt and its binding are offered under
the LGPL 3.0 or the GPL; the application uses them under the LGPL 3.0, whose text (with the
GPL 3.0 it adds to) is in ``resources/licences``.
"""

from __future__ import annotations

import platform
import re
import sys
import sysconfig
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from app.db.sqlite_file import sqlite_version
from app.paths import fonts_dir, resource_path

DISTRIBUTION = "opcc-responses"
LGPL = "LGPL-3.0-only"
DEJAVU_VERSION = "2.37"
EN_GB_DICTIONARY_VERSION = "3.1.4"
EN_GB_DICTIONARY_LICENCE = "LGPL (word lists after SCOWL, permissive)"
_QT_DISTRIBUTIONS = {"pyside6", "pyside6-essentials", "pyside6-addons", "pyside6-pdf", "shiboken6"}
_LICENCE_FILE = re.compile(r"licen[cs]e|copying|notice", re.IGNORECASE)
_NAME = re.compile(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)")
_EXTRA = re.compile(r"\bextra\s*==")


@dataclass(frozen=True, slots=True)
class Component:
    """One bundled part: its name, version, licence (an SPDX expression where there is one)
    and the files holding the licence's text."""

    name: str
    version: str
    licence: str
    texts: tuple[Path, ...]

    def licence_text(self) -> str:
        """The licence's full text, or "" where none of its files can be read."""
        found = []
        for path in self.texts:
            try:
                found.append(path.read_text(encoding="utf-8", errors="replace").strip())
            except OSError:
                continue
        return "\n\n\n".join(text for text in found if text)


def bundled_components(qt_version: str | None = None) -> list[Component]:
    """Everything bundled with the application, by name (the application itself left out)."""
    found = [*_distributions(), _python()]
    if qt_version:
        found.append(Component("Qt", qt_version, LGPL, _lgpl_texts()))
    found.append(Component("SQLite", sqlite_version(), "Public domain",
                           (resource_path("licences", "SQLite.txt"),)))  # fmt: skip
    found.append(Component("DejaVu fonts", DEJAVU_VERSION, "Bitstream Vera Fonts Copyright",
                           (fonts_dir() / "LICENSE-DejaVu.txt",)))  # fmt: skip
    found.append(Component(
        "British English dictionary (en_GB, LibreOffice)", EN_GB_DICTIONARY_VERSION,
        EN_GB_DICTIONARY_LICENCE,
        (resource_path("dictionaries", "LICENCE-en_GB.txt"), *_lgpl_texts()[:1]),
    ))  # fmt: skip
    if getattr(sys, "frozen", False):
        found += _distributions(["pyinstaller"], follow=False)
    return sorted(found, key=lambda component: component.name.lower())


def _distributions(names: list[str] | None = None, follow: bool = True) -> list[Component]:
    """The installed distributions ``names`` (by default everything the application needs,
    followed through their requirements), leaving out optional extras and what is not
    installed (a requirement for another platform or Python)."""
    todo = list(names or [DISTRIBUTION])
    seen: set[str] = set()
    found: list[Component] = []
    while todo:
        name = todo.pop()
        key = _normalise(name)
        if key in seen:
            continue
        seen.add(key)
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        if follow:
            todo += [match.group(1) for requirement in dist.requires or []
                     if not _EXTRA.search(requirement)
                     and (match := _NAME.match(requirement))]  # fmt: skip
        if key != DISTRIBUTION:
            found.append(_component(dist))
    return found


def _component(dist: metadata.Distribution) -> Component:
    texts = tuple(
        Path(str(dist.locate_file(file))) for file in dist.files or []
        if file.parts[0].endswith(".dist-info") and _LICENCE_FILE.search(file.name)
    )  # fmt: skip
    if _normalise(dist.metadata["Name"]) in _QT_DISTRIBUTIONS:
        texts += _lgpl_texts()
    return Component(dist.metadata["Name"], dist.version, _licence_of(dist), texts)


def _licence_of(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    expression = meta.get_all("License-Expression") or []
    if expression:
        return str(expression[0])
    classifiers = [c.split(" :: ")[-1] for c in meta.get_all("Classifier") or []
                   if c.startswith("License :: ")]  # fmt: skip
    if classifiers:
        return ", ".join(classifiers)
    words = str((meta.get_all("License") or [""])[0]).strip().splitlines()
    return words[0][:60] if words else "See the licence text"


def _python() -> Component:
    """Python itself: its licence file beside the standard library, or in the bundle (where
    the build puts it)."""
    candidates = [
        resource_path("licences", "python", "LICENSE.txt"),
        Path(sysconfig.get_path("stdlib")) / "LICENSE.txt",
        Path(sys.base_prefix) / "LICENSE.txt",
    ]
    texts = tuple(path for path in candidates if path.is_file())[:1]
    return Component("Python", platform.python_version(), "PSF-2.0", texts)


def _lgpl_texts() -> tuple[Path, ...]:
    return resource_path("licences", "LGPL-3.0.txt"), resource_path("licences", "GPL-3.0.txt")


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()
