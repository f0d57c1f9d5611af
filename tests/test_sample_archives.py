"""The two sample archives in resources/samples/ against the archive format and the seed
documents (docs/interfaces.md, "The JSON archive" and "The seed documents as records").

Plain json and the seed text only: these tests say what the samples hold, whatever the app does
with them. The seeds are real publications, so the samples must carry their text verbatim:
nothing summarised, nothing dropped, nothing added.
"""

from __future__ import annotations

import difflib
import json
import re
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "resources" / "samples"
SEEDS = Path(__file__).resolve().parent / "fixtures" / "seeds"

SPOTLIGHT_JSON = SAMPLES / "spotlight-getting-a-grip.json"
PEEL_JSON = SAMPLES / "norfolk-peel-2018-effectiveness.json"
SPOTLIGHT_SEED = SEEDS / "000_45dd2ec332d1d151.txt"
PEEL_SEED = SEEDS / "003_13cad28066f6ee0a.txt"

# --------------------------------------------------------------------------- shapes

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _is_date(value: Any) -> bool:
    if value is None:
        return True
    if not isinstance(value, str) or not ISO_DATE.match(value):
        return False
    date.fromisoformat(value)
    return True


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_str_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _is_role_pair(value: Any) -> bool:
    return (
        isinstance(value, dict)
        and set(value) >= {"chief_constable", "commissioner"}
        and isinstance(value["chief_constable"], str)
        and isinstance(value["commissioner"], str)
    )


def _is_str(value: Any) -> bool:
    return isinstance(value, str)


def _is_bool(value: Any) -> bool:
    return isinstance(value, bool)


STATUSES = {
    "not_started",
    "awaiting_chief_constable",
    "drafting",
    "ready_for_sign_off",
    "signed_off",
    "published",
}
KINDS = {"recommendation", "area_for_improvement", "cause_of_concern"}
PROGRESS_STATUSES = {
    "open", "in_progress", "awaiting_evidence", "completed", "superseded", "not_accepted",
}  # fmt: skip
HMICFRS_STATUSES = {"awaiting_review", "no_further_action", "complete"}

INSPECTION_KEYS = {
    "id": _is_int,
    "title": _is_str,
    "published_on": _is_date,
    "publication_types": _is_str_list,
    "forces": _is_str_list,
    "url": _is_str,
    "url_label": _is_str,
    "deadline": _is_date,
    "stated_deadline": _is_date,
    "cc_comments_requested_by": _is_date,
    "status": lambda v: v in STATUSES,
    "archived": _is_bool,
    "key_findings": _is_str,
    "recommendations_note": _is_str,
    "areas_for_improvement_note": _is_str,
    "causes_of_concern_note": _is_str,
    "report_text": _is_str,
    "pillars": lambda v: isinstance(v, list),
    "questions": lambda v: isinstance(v, list),
    "findings": lambda v: isinstance(v, list),
    "overall": _is_role_pair,
    "closing": _is_role_pair,
    "office_steps": lambda v: isinstance(v, list),
    "revisions": lambda v: isinstance(v, list),
}
PILLAR_KEYS = {"name": _is_str, "grade": _is_str, "summary": _is_str}
QUESTION_KEYS = {
    "pillar": _is_str,
    "number": _is_int,
    "question": _is_str,
    "grade": _is_str,
    "text": _is_str,
}
OFFICE_STEP_KEYS = {"step": _is_str, "done_on": _is_date, "done_by": _is_str, "note": _is_str}
REVISION_KEYS = {
    "finding": lambda v: v is None or isinstance(v, str),
    "role": lambda v: v in {"chief_constable", "commissioner"},
    "part": lambda v: v in {"response", "overall", "closing"},
    "text": _is_str,
    "saved_at": _is_str,
    "saved_by": _is_str,
}
FINDING_KEYS = {
    "kind": lambda v: v in KINDS,
    "reference": _is_str,
    "text": _is_str,
    "addressee": _is_str,
    "applies": _is_bool,
    "not_applicable_reason": _is_str,
    "question": lambda v: v is None or _is_int(v),
    "parent": lambda v: v is None or isinstance(v, str),
    "due_text": _is_str,
    "due_on": _is_date,
    "responses": _is_role_pair,
    "progress": lambda v: isinstance(v, list),
    "progress_status": lambda v: v in PROGRESS_STATUSES,
    "owner": _is_str,
    "target_on": _is_date,
    "hmicfrs_status": lambda v: v is None or v in HMICFRS_STATUSES,
}
PROGRESS_KEYS = {
    "on": _is_date, "status": _is_str, "note": _is_str, "by": _is_str,
    "recorded_at": lambda v: v is None or isinstance(v, str),
}  # fmt: skip


def _check_shape(obj: Any, shape: dict[str, Any], where: str) -> None:
    assert isinstance(obj, dict), f"{where} is not an object"
    missing = set(shape) - set(obj)
    assert not missing, f"{where} lacks {sorted(missing)}"
    for key, ok in shape.items():
        assert ok(obj[key]), f"{where}.{key} has the wrong type or value: {obj[key]!r}"


def _load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _inspection(path: Path) -> dict[str, Any]:
    inspections = _load(path)["inspections"]
    assert len(inspections) == 1
    inspection: dict[str, Any] = inspections[0]
    return inspection


@pytest.mark.parametrize("path", [SPOTLIGHT_JSON, PEEL_JSON], ids=lambda p: p.name)
def test_archive_has_every_contract_key_with_the_right_type(path: Path) -> None:
    raw = path.read_text(encoding="utf-8")
    archive = json.loads(raw)
    assert set(archive) >= {"format", "exported_at", "inspections"}
    assert archive["format"] == "opcc-responses/1"
    assert datetime.fromisoformat(archive["exported_at"]).tzinfo is not None
    assert isinstance(archive["inspections"], list) and len(archive["inspections"]) == 1

    inspection = archive["inspections"][0]
    _check_shape(inspection, INSPECTION_KEYS, "inspection")
    for i, pillar in enumerate(inspection["pillars"]):
        _check_shape(pillar, PILLAR_KEYS, f"pillars[{i}]")
    for i, question in enumerate(inspection["questions"]):
        _check_shape(question, QUESTION_KEYS, f"questions[{i}]")
    for i, step in enumerate(inspection["office_steps"]):
        _check_shape(step, OFFICE_STEP_KEYS, f"office_steps[{i}]")
    for i, revision in enumerate(inspection["revisions"]):
        _check_shape(revision, REVISION_KEYS, f"revisions[{i}]")
    for i, finding in enumerate(inspection["findings"]):
        _check_shape(finding, FINDING_KEYS, f"findings[{i}]")
        for j, update in enumerate(finding["progress"]):
            _check_shape(update, PROGRESS_KEYS, f"findings[{i}].progress[{j}]")

    assert inspection["published_on"] is not None
    published = date.fromisoformat(inspection["published_on"])
    assert inspection["deadline"] == (published + timedelta(days=55)).isoformat()
    assert inspection["revisions"] == []
    # Written with ensure_ascii=False: curly quotes and dashes stay readable in the file.
    assert "\\u2019" not in raw and "’" in raw


# --------------------------------------------------------------------------- text helpers


def _words(markdown: str) -> list[str]:
    """Words of a text with Markdown markers (bold, bullets, headings) taken out."""
    text = markdown.replace("**", "")
    text = re.sub(r"^[ \t]*(?:[-•]|#{1,6})[ \t]+", "", text, flags=re.MULTILINE)
    return text.split()


def _blocks(text: str) -> list[str]:
    return [b.strip("\n") for b in re.split(r"\n[ \t]*\n", text) if b.strip()]


def _assert_same_words(expected: list[str], actual: list[str]) -> None:
    if expected == actual:
        return
    matcher = difflib.SequenceMatcher(a=expected, b=actual, autojunk=False)
    problems = [
        f"{op}: seed {' '.join(expected[i1:i2])!r} / archive {' '.join(actual[j1:j2])!r}"
        for op, i1, i2, j1, j2 in matcher.get_opcodes()
        if op != "equal"
    ]
    pytest.fail("archive text differs from the seed:\n" + "\n".join(problems[:10]))


# --------------------------------------------------------------------------- spotlight


@pytest.fixture(scope="module")
def spotlight() -> dict[str, Any]:
    return _inspection(SPOTLIGHT_JSON)


@pytest.fixture(scope="module")
def spotlight_seed() -> str:
    return SPOTLIGHT_SEED.read_text(encoding="utf-8")


def _finding(inspection: dict[str, Any], reference: str) -> dict[str, Any]:
    matches: list[dict[str, Any]] = [
        f for f in inspection["findings"] if f["reference"] == reference
    ]
    assert len(matches) == 1, reference
    return matches[0]


def test_spotlight_header(spotlight: dict[str, Any], spotlight_seed: str) -> None:
    assert spotlight["title"] == "PEEL Spotlight – Police performance: Getting a grip"
    assert spotlight["title"] in spotlight_seed
    assert spotlight["published_on"] == "2023-07-07"
    assert spotlight["stated_deadline"] == "2023-09-01"
    assert spotlight["deadline"] == "2023-08-31"
    assert spotlight["cc_comments_requested_by"] is None
    assert spotlight["status"] == "published"
    assert spotlight["archived"] is False
    assert spotlight["publication_types"] == ["PEEL", "Police performance", "Spotlight"]
    assert spotlight["forces"] == ["All local forces in England and Wales"]
    assert spotlight["url"] == "https://justiceinspectorates.gov.uk"
    assert spotlight["url_label"] == (
        "Police performance: Getting a grip – PEEL spotlight report (justiceinspectorates.gov.uk)"
    )
    assert spotlight["recommendations_note"].startswith("There were six recommendations")
    assert spotlight["areas_for_improvement_note"] == "There are no areas for improvement made."
    assert spotlight["causes_of_concern_note"] == ""
    assert spotlight["pillars"] == [] and spotlight["questions"] == []


def test_spotlight_key_findings_keep_paragraphs_and_bullets(spotlight: dict[str, Any]) -> None:
    blocks = _blocks(spotlight["key_findings"])
    assert blocks[0].startswith("His Majesty’s Inspectorate of Constabulary")
    assert blocks[-1].startswith("Norfolk Constabulary were referenced twice")
    bullet_lists = [b.split("\n") for b in blocks if b.startswith("- ")]
    assert [len(items) for items in bullet_lists] == [2, 4]
    assert all(item.startswith("- ") for items in bullet_lists for item in items)


def test_spotlight_has_recommendations_2_3_6_with_sub_bullets(spotlight: dict[str, Any]) -> None:
    findings = spotlight["findings"]
    assert [f["reference"] for f in findings] == [
        "Recommendation 2",
        "Recommendation 3",
        "Recommendation 6",
    ]
    assert [f["addressee"] for f in findings] == ["forces", "forces", "chief constables"]
    for f in findings:
        assert f["kind"] == "recommendation"
        assert f["applies"] is True
        assert f["not_applicable_reason"] == ""
        assert f["due_text"] == "By January 2024"
        assert f["due_on"] == "2024-01-31"
        assert f["question"] is None and f["parent"] is None and f["progress"] == []
        assert f["text"].startswith("By January 2024, ")
        assert "**" not in f["text"]

    rec2 = _blocks(findings[0]["text"])
    assert rec2 == [
        "By January 2024, forces should review whether they have effective processes in place "
        "to reduce the risk of skilled personnel leaving the organisation. These should include:",
        "- how they conduct exit interviews and use this information to identify patterns and "
        "trends in why people leave; and\n"
        "- how they identify people who are thinking of leaving and the action they take, where "
        "appropriate, to encourage them to stay.",
        "Processes should cover police officers, police staff, special constables, and volunteers.",
    ]
    assert "\n" not in findings[1]["text"]
    assert findings[1]["text"].endswith("beyond mandatory annual psychological screening.")
    rec6 = _blocks(findings[2]["text"])
    assert len(rec6) == 2
    assert rec6[0].endswith("to reassure themselves that the force is:")
    assert rec6[1] == (
        "- collecting and analysing the right data to help it to understand and improve its "
        "performance; and\n"
        "- integrating a culture of evaluation into performance and improvement activity at all "
        "levels."
    )


def test_spotlight_responses_to_each_recommendation(spotlight: dict[str, Any]) -> None:
    rec2, rec3, rec6 = (_finding(spotlight, f"Recommendation {n}")["responses"] for n in (2, 3, 6))
    for responses, finding in zip((rec2, rec3, rec6), spotlight["findings"], strict=True):
        cc = responses["chief_constable"]
        assert cc and responses["commissioner"]
        # The Chief Constable's re-quote of the recommendation is not part of the response.
        assert not cc.startswith("By January 2024")
        assert _blocks(finding["text"])[0] not in cc
        assert "**" not in cc

    assert rec2["chief_constable"].startswith("At present, the identification of those")
    # One paragraph, although the source splits it across a page.
    first = _blocks(rec2["chief_constable"])[0]
    assert "scheme which will focus on Detectives in the first instance. Specific" in first
    assert first.endswith("front line leaders across the organisation.")
    assert len(_blocks(rec2["chief_constable"])) == 3
    assert rec2["chief_constable"].endswith("shared as part of the Workforce Report.")
    assert rec2["commissioner"].startswith("A third of Norfolk Constabulary")

    assert rec3["chief_constable"].startswith("The force provides a wide range")
    assert rec3["chief_constable"].endswith("Trauma Impact Prevention Techniques (TIP-T)")
    assert rec3["commissioner"].startswith("Well-being support is essential")

    cc6 = rec6["chief_constable"]
    assert cc6.startswith("The Constabulary continues to track force performance")
    assert _blocks(cc6)[-1] == (
        "As such, the Force considers its force performance framework to be of a good level "
        "and constantly improving."
    )
    bullet_blocks = [b for b in _blocks(cc6) if b.startswith("- ")]
    assert len(bullet_blocks) == 1, "the five bullets form one list"
    assert len(bullet_blocks[0].split("\n")) == 5
    assert rec6["commissioner"].startswith("I welcome the report's comments on the use of data.")
    assert "All three recommendations" not in rec6["commissioner"]


def test_spotlight_overall_and_closing(spotlight: dict[str, Any]) -> None:
    cc = spotlight["overall"]["chief_constable"]
    assert cc.startswith('This spotlight report entitled "Police performance: Getting a grip"')
    assert cc.endswith("has developed a clear plan to achieve them all by January 2024.")
    assert len(_blocks(cc)) == 7
    pcc = spotlight["overall"]["commissioner"]
    assert pcc.startswith("I welcome HMICFRS reports")
    assert pcc.endswith("Turning to the three recommendations applicable to forces:")
    assert spotlight["closing"]["chief_constable"] == ""
    closing = spotlight["closing"]["commissioner"]
    assert closing.startswith("All three recommendations have potential")
    assert "In the meantime, I will use this report" in closing
    assert closing.endswith("as a vehicle for my scrutiny of Norfolk Constabulary.")


def test_spotlight_office_steps(spotlight: dict[str, Any]) -> None:
    assert spotlight["office_steps"] == [
        {"step": step, "done_on": None, "done_by": "", "note": ""}
        for step in (
            "Response forwarded to HMICFRS Section 55 Responses and submitted onto the HMICFRS "
            "portal",
            "Response forwarded to Chief Constable",
            "Response forwarded to Police and Crime Panel",
            "Response published on the OPCCN website",
        )
    ]


SPOTLIGHT_HEADINGS = {
    "Key Findings",
    "Recommendations",
    "Areas for Improvement",
    "Chief Constable response to report and any Recommendations/Areas for Improvement",
    "PCC response to report and any Recommendations/Areas for Improvement",
    "For Office Use Only:",
}
RECOMMENDATION_HEADING = re.compile(r"^Recommendation (\d+):?$")


def _spotlight_body_words(seed: str) -> list[str]:
    """The seed's words from "Key Findings" on, without headings and without the
    Chief Constable's re-quotes of the recommendations."""
    blocks = _blocks(seed[seed.index("\nKey Findings\n") :])
    recommendation_text: dict[str, list[str]] = {}
    section = ""
    current: str | None = None
    kept: list[str] = []
    skipping: list[str] = []  # words of a re-quote still to be skipped
    for block in blocks:
        if block in SPOTLIGHT_HEADINGS:
            section, current, skipping = block, None, []
            continue
        heading = RECOMMENDATION_HEADING.match(block)
        if heading:
            current = heading.group(1)
            if section.startswith("Chief Constable"):
                skipping = list(recommendation_text[current])
            continue
        words = _words(block)
        if skipping:
            # The re-quote repeats the recommendation (in bold) word for word.
            assert words == skipping[: len(words)], f"re-quote of {current} differs"
            skipping = skipping[len(words) :]
            continue
        if section == "Recommendations" and current is not None:
            recommendation_text.setdefault(current, []).extend(words)
        kept.extend(words)
    assert set(recommendation_text) == {"2", "3", "6"}
    return kept


def _spotlight_archive_words(inspection: dict[str, Any]) -> list[str]:
    findings = inspection["findings"]
    parts = [inspection["key_findings"], inspection["recommendations_note"]]
    parts += [f["text"] for f in findings]
    parts.append(inspection["areas_for_improvement_note"])
    parts.append(inspection["overall"]["chief_constable"])
    parts += [f["responses"]["chief_constable"] for f in findings]
    parts.append(inspection["closing"]["chief_constable"])
    parts.append(inspection["overall"]["commissioner"])
    parts += [f["responses"]["commissioner"] for f in findings]
    parts.append(inspection["closing"]["commissioner"])
    parts += [step["step"] for step in inspection["office_steps"]]
    return [word for part in parts for word in _words(part)]


def test_spotlight_carries_every_word_of_the_seed_in_order(
    spotlight: dict[str, Any], spotlight_seed: str
) -> None:
    expected = _spotlight_body_words(spotlight_seed)
    assert len(expected) > 2500
    _assert_same_words(expected, _spotlight_archive_words(spotlight))


# --------------------------------------------------------------------------- PEEL 2018


@pytest.fixture(scope="module")
def peel() -> dict[str, Any]:
    return _inspection(PEEL_JSON)


@pytest.fixture(scope="module")
def peel_seed() -> str:
    return PEEL_SEED.read_text(encoding="utf-8")


PEEL_GRADES = ["Good", "Requires improvement", "Good", "Good", "Ungraded"]
PEEL_HEADINGS = {
    1: ["Prioritising crime prevention", "Protecting the public from crime"],
    2: ["Investigation quality", "Catching criminals"],
    3: [
        "Understanding and identifying vulnerability",
        "Responding to incidents",
        "Supporting vulnerable victims",
    ],
    4: [],
    5: ["Understanding the threat and responding to it", "Working with others"],
}
CHROME = ("Skip to content", "Summary for question", "Questions for Effectiveness")


def _seed_questions(seed: str) -> dict[int, dict[str, Any]]:
    """Each question of the saved page: its wording, grade, areas for improvement and the
    paragraphs of its findings text (sub-headings included)."""
    lines = seed.split("\n")
    starts = [i for i, line in enumerate(lines) if re.fullmatch(r"[1-5]", line)]
    assert len(starts) == 5
    questions: dict[int, dict[str, Any]] = {}
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(lines)
        body = [line for line in lines[start + 1 : end] if not line.startswith(CHROME)]
        blocks = _blocks("\n".join(body))
        wording, grade, rest = blocks[0], blocks[1], blocks[2:]
        afis: list[str] = []
        paragraphs: list[str] = []
        for block in rest:
            if block == "Areas for improvement":
                continue
            if block.lstrip().startswith("•"):
                afis += [item.strip().removeprefix("•").strip() for item in block.split("\n")]
                continue
            paragraphs.append(" ".join(block.split()))
        questions[int(lines[start])] = {
            "question": wording,
            "grade": grade,
            "afis": afis,
            "paragraphs": paragraphs,
        }
    return questions


def test_peel_header(peel: dict[str, Any], peel_seed: str) -> None:
    assert peel["title"] == "Norfolk PEEL 2018: Effectiveness"
    assert peel["publication_types"] == ["PEEL"]
    assert peel["forces"] == ["Norfolk Constabulary"]
    assert "Last updated 02/05/2019" in peel_seed
    assert peel["published_on"] == "2019-05-02"
    assert peel["deadline"] == "2019-06-26"
    assert peel["stated_deadline"] is None
    assert peel["status"] == "not_started"
    assert peel["url"] == "" and peel["key_findings"] == ""
    assert peel["report_text"] == peel_seed


def test_peel_pillar(peel: dict[str, Any], peel_seed: str) -> None:
    assert len(peel["pillars"]) == 1
    pillar = peel["pillars"][0]
    assert (pillar["name"], pillar["grade"]) == ("Effectiveness", "Good")
    after_grade = peel_seed.split("Last updated 02/05/2019\nGood\n", 1)[1]
    summary_seed = after_grade.split("\nQuestions for Effectiveness\n", 1)[0]
    assert _blocks(pillar["summary"]) == _blocks(summary_seed)
    assert _blocks(pillar["summary"])[0].startswith("Norfolk Constabulary is good at preventing")


def test_peel_five_questions_with_grades_in_order(peel: dict[str, Any], peel_seed: str) -> None:
    questions = peel["questions"]
    seed = _seed_questions(peel_seed)
    assert [q["number"] for q in questions] == [1, 2, 3, 4, 5]
    assert [q["grade"] for q in questions] == PEEL_GRADES
    assert [seed[n]["grade"] for n in range(1, 6)] == PEEL_GRADES
    assert all(q["pillar"] == "Effectiveness" for q in questions)
    for q in questions:
        assert q["question"] == seed[q["number"]]["question"]
        assert q["question"].startswith("How effective")


def test_peel_question_text_has_no_page_chrome(peel: dict[str, Any]) -> None:
    for q in peel["questions"]:
        for chrome in CHROME:
            assert chrome not in q["text"], (q["number"], chrome)
        assert "Areas for improvement\n" not in q["text"]
        assert "•" not in q["text"]


def test_peel_question_text_has_every_seed_paragraph(peel: dict[str, Any], peel_seed: str) -> None:
    seed = _seed_questions(peel_seed)
    for q in peel["questions"]:
        expected = seed[q["number"]]["paragraphs"]
        blocks = _blocks(q["text"])
        headings = [b.removeprefix("### ") for b in blocks if b.startswith("### ")]
        assert headings == PEEL_HEADINGS[q["number"]]
        plain = [" ".join(b.removeprefix("### ").split()) for b in blocks]
        for paragraph in expected:
            assert paragraph in plain, (q["number"], paragraph[:80])
        # Nothing added either, and in the seed's order.
        assert plain == expected
        # A paragraph broken across lines in the saved page is one line here.
        assert all("\n" not in b for b in blocks)
    q2 = peel["questions"][1]["text"]
    assert "The force recently held an event with representatives" in q2
    q3 = peel["questions"][2]["text"]
    assert "crime and intelligence system, if needed." in q3
    assert peel["questions"][0]["text"].startswith("We set out our detailed findings below.")
    assert "\n\n### Prioritising crime prevention\n\n" in peel["questions"][0]["text"]
    q5 = peel["questions"][4]["text"]
    assert "We recommend Norfolk and Suffolk Constabularies to work with other forces" in q5


def test_peel_three_areas_for_improvement_on_question_2(
    peel: dict[str, Any], peel_seed: str
) -> None:
    findings = peel["findings"]
    seed = _seed_questions(peel_seed)
    assert [f["kind"] for f in findings] == ["area_for_improvement"] * 3
    assert [f["reference"] for f in findings] == [
        "Area for improvement 1",
        "Area for improvement 2",
        "Area for improvement 3",
    ]
    assert [f["text"] for f in findings] == seed[2]["afis"]
    assert [len(seed[n]["afis"]) for n in range(1, 6)] == [0, 3, 0, 0, 0]
    assert findings[0]["text"].startswith("The force must ensure that staff with the right skills")
    for f in findings:
        assert f["question"] == 2
        assert f["addressee"] == ""
        assert f["applies"] is True
        assert f["due_text"] == "" and f["due_on"] is None
        assert f["parent"] is None and f["progress"] == []
        assert f["responses"] == {"chief_constable": "", "commissioner": ""}
        assert f["text"] not in peel["questions"][1]["text"]
