"""The banner over locked responses tells when and how they were locked (issue 9, defect 10)."""

from __future__ import annotations

import datetime as dt

from app.domain.enums import InspectionStatus as S
from app.domain.lock_notice import lock_notice
from app.domain.model import OfficeStep
from app.domain.workflow import StatusChange, imported_note

IMPORT_DAY = dt.datetime(2026, 11, 30, 10, 15)
WEBSITE = "Response published on the OPCCN website"


def test_a_response_imported_as_published_says_so_not_published_at_the_import() -> None:
    history = [StatusChange(S.PUBLISHED, IMPORT_DAY, "asmith", imported_note("response.pdf"))]
    words = lock_notice(S.PUBLISHED, history, [OfficeStep(WEBSITE)])
    assert words.startswith("Locked: published when imported from response.pdf on 30 November")
    assert "asmith" not in words and "10:15" not in words


def test_the_publication_date_in_the_office_steps_is_the_date_shown() -> None:
    history = [StatusChange(S.PUBLISHED, IMPORT_DAY, "asmith", imported_note("the samples"))]
    steps = [OfficeStep("Response forwarded to Chief Constable", dt.date(2023, 8, 20)),
             OfficeStep(WEBSITE, dt.date(2023, 8, 30))]  # fmt: skip
    assert lock_notice(S.PUBLISHED, history, steps).startswith(
        "Locked: published on 30 August 2023."
    )


def test_a_sign_off_in_this_program_says_when_and_by_whom() -> None:
    history = [
        StatusChange(S.DRAFTING, dt.datetime(2026, 11, 1, 9, 0), "asmith"),
        StatusChange(S.SIGNED_OFF, dt.datetime(2026, 11, 2, 16, 5), "jbloggs", "Checked"),
    ]
    assert lock_notice(S.SIGNED_OFF, history, []).startswith(
        "Locked: signed off on 02/11/2026 at 16:05 by jbloggs."
    )
