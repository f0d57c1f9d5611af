"""The About box's list of what the application bundles, and under which licence."""

from __future__ import annotations

import pytest

from app import licences


@pytest.fixture(scope="module")
def components() -> dict[str, licences.Component]:
    return {c.name: c for c in licences.bundled_components(qt_version="6.12.0")}


def test_every_runtime_dependency_is_listed_with_its_version_and_licence(
    components: dict[str, licences.Component],
) -> None:
    for name in ("SQLAlchemy", "alembic", "reportlab", "pypdf", "python-docx", "platformdirs"):
        assert name.lower() in {n.lower() for n in components}, name
    assert components["SQLAlchemy"].licence == "MIT"
    assert "pytest" not in {n.lower() for n in components}  # a test tool, not bundled
    assert "opcc-responses" not in components  # the application itself heads the box


def test_qt_and_its_binding_are_under_the_lgpl_with_its_text(
    components: dict[str, licences.Component],
) -> None:
    qt = components["Qt"]
    assert (qt.version, qt.licence) == ("6.12.0", "LGPL-3.0-only")
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in qt.licence_text()
    assert "GNU GENERAL PUBLIC LICENSE" in qt.licence_text()  # the LGPL adds to the GPL
    binding = next(c for n, c in components.items() if n.lower().startswith("pyside6"))
    assert "LGPL-3.0" in binding.licence
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in binding.licence_text()


def test_python_sqlite_and_the_fonts_are_listed(
    components: dict[str, licences.Component],
) -> None:
    assert components["Python"].licence == "PSF-2.0"
    assert "PYTHON SOFTWARE FOUNDATION" in components["Python"].licence_text().upper()
    assert components["SQLite"].licence == "Public domain"
    assert "Bitstream" in components["DejaVu fonts"].licence_text()


def test_the_spelling_dictionary_and_spylls_are_listed(
    components: dict[str, licences.Component],
) -> None:
    dictionary = components["British English dictionary (en_GB, LibreOffice)"]
    assert "LGPL" in dictionary.licence
    text = dictionary.licence_text()
    assert "Kevin Atkinson" in text and "GNU LESSER GENERAL PUBLIC LICENSE" in text
    assert "MIT" in components["spylls"].licence


def test_every_component_shows_a_licence_text(
    components: dict[str, licences.Component],
) -> None:
    assert [name for name, c in components.items() if not c.licence_text().strip()] == []
