"""The HTML export parsed back: language, title, landmarks, heading order, tables, lists."""

from __future__ import annotations

import itertools
from pathlib import Path

import lxml.html
import pytest

from app.documents.compose import build_response_document
from app.documents.html import html_document, render_html, write_html
from app.domain.enums import ProtectiveMarking
from app.domain.model import Inspection
from app.domain.organisation import OrganisationSettings
from tests.documents.support import (
    expected_sequence,
    find_in_order,
    norfolk_settings,
    png_logo,
    words,
)


def _parse(text: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(text)


@pytest.mark.parametrize("sample", ["spotlight", "peel"])
def test_structure_meets_the_accessibility_rules(
    sample: str, settings: OrganisationSettings, request: pytest.FixtureRequest
) -> None:
    inspection: Inspection = request.getfixturevalue(sample)
    document = build_response_document(inspection, settings, internal=True)
    text = html_document(document)
    assert text.startswith("<!DOCTYPE html>")
    root = _parse(text)
    assert root.get("lang") == "en-GB"
    assert root.findtext("head/title") == document.info.title
    assert len(root.findall(".//main")) == 1
    body = root.find("body")
    assert body is not None
    assert {child.tag for child in body} <= {"header", "main", "footer"}
    levels = [int(h.tag[1]) for h in root.iter("h1", "h2", "h3", "h4", "h5", "h6")]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), levels
    ids = [element.get("id") for element in root.iter() if element.get("id")]
    assert len(ids) == len(set(ids))


def test_header_fields_are_a_table_with_row_headers(
    spotlight: Inspection, settings: OrganisationSettings
) -> None:
    document = build_response_document(spotlight, settings, internal=False)
    root = _parse(html_document(document))
    table = root.find(".//main/table")
    assert table is not None
    headers = table.findall(".//th")
    assert [th.get("scope") for th in headers] == ["row"] * 6
    assert [th.text_content() for th in headers] == [f.label for f in document.header_fields]
    link = table.find(".//a")
    assert link is not None and link.get("href") == "https://justiceinspectorates.gov.uk"


def test_text_lists_and_office_steps(spotlight: Inspection, settings: OrganisationSettings) -> None:
    document = build_response_document(spotlight, settings, internal=True)
    root = _parse(html_document(document))
    main = root.find(".//main")
    assert main is not None
    assert find_in_order(words(" ".join(main.itertext())), expected_sequence(document)) == []
    assert len(main.findall(".//ul/li")) >= 10
    assert main.findall(".//li/strong")  # the quoted recommendation's bullets, in bold
    steps = main.findall(".//section")[-1].find(".//table")
    assert steps is not None
    assert [th.get("scope") for th in steps.findall("thead/tr/th")] == ["col"] * 4
    publication = _parse(
        html_document(build_response_document(spotlight, settings, internal=False))
    )
    assert "For Office Use Only" not in publication.text_content()


def test_marking_logo_and_warnings(spotlight: Inspection) -> None:
    settings = norfolk_settings(logo=png_logo(), protective_marking=ProtectiveMarking.OFFICIAL)
    document = build_response_document(spotlight, settings, internal=True)
    result = render_html(document)
    root = _parse(result.data.decode("utf-8"))
    image = root.find(".//header//img")
    assert image is not None
    assert image.get("src", "").startswith("data:image/png;base64,")
    assert image.get("alt") == "Office of the Police and Crime Commissioner for Norfolk logo"
    assert [p.text for p in root.iter("p") if p.get("class") == "marking"] == ["OFFICIAL"] * 2
    assert result.warnings == []
    broken = build_response_document(
        spotlight, norfolk_settings(logo=b"not a picture"), internal=False
    )
    broken_result = render_html(broken)
    assert b"<img" not in broken_result.data
    assert any("logo was left out" in warning for warning in broken_result.warnings)


def test_write_html(spotlight: Inspection, settings: OrganisationSettings, tmp_path: Path) -> None:
    target = tmp_path / "response.html"
    write_html(build_response_document(spotlight, settings, internal=False), target)
    assert "<main>" in target.read_text(encoding="utf-8")
