"""The import dialogs' item models pass Qt's own model checks with real imported content."""

from __future__ import annotations

from pytestqt.modeltest import ModelTester

from app.db.database import Database
from app.domain.enums import AuthorRole
from app.importers import import_document
from app.importers.cc_comments import match_comments_text
from app.services.reading import get_inspection
from app.ui.importing.comments_model import CommentsMatchModel
from app.ui.importing.preview_findings import PreviewFindingsModel
from tests.conftest import PEEL_SEED, SPOTLIGHT_SEED
from tests.ui.importing.conftest import inspection_id

TITLES = {AuthorRole.CHIEF_CONSTABLE: "Chief Constable",
          AuthorRole.COMMISSIONER: "Police and Crime Commissioner"}  # fmt: skip


def test_preview_findings_model(qtmodeltester: ModelTester) -> None:
    model = PreviewFindingsModel(TITLES)
    qtmodeltester.check(model)
    for seed in (PEEL_SEED, SPOTLIGHT_SEED):
        model.set_findings(import_document(seed).inspection.findings)
        assert model.rowCount() == 3
        qtmodeltester.check(model)


def test_comments_match_model(qtmodeltester: ModelTester, sample_db: Database) -> None:
    inspection = get_inspection(sample_db, inspection_id(sample_db, "PEEL Spotlight"))
    model = CommentsMatchModel(inspection.findings)
    qtmodeltester.check(model)
    text = "Recommendation 2\n\nWe will review exit interviews.\n\nRecommendation 6\n\nDone."
    model.set_proposal(match_comments_text(inspection, text))
    assert model.rowCount() == 2
    qtmodeltester.check(model)
