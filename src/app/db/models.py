"""SQLAlchemy 2.0 typed models: the record store's tables.

One ``DeclarativeBase`` with a naming convention so that constraints have stable names and
Alembic batch migrations on SQLite can find them. Every editable row carries ``version`` for
optimistic concurrency (docs/architecture.md, "An autosave, from keystroke to file"). Moments
are aware datetimes in UTC, stored with their offset (``UtcDateTime``); rows are ordered by id,
never by their times.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from app.db.types import UtcDateTime

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


# Row ids of the tables an editor or a revision points at are never reused (AUTOINCREMENT):
# an editor still holding the id of a removed row must find nothing, never another row.
NEVER_REUSED_IDS = {"sqlite_autoincrement": True}


class InspectionRow(Base):
    __tablename__ = "inspection"
    __table_args__ = NEVER_REUSED_IDS

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    published_on: Mapped[dt.date | None] = mapped_column(Date, index=True)
    publication_types: Mapped[list[str]] = mapped_column(JSON, default=list)
    forces: Mapped[list[str]] = mapped_column(JSON, default=list)
    url: Mapped[str] = mapped_column(Text, default="")
    url_label: Mapped[str] = mapped_column(Text, default="")
    stated_deadline: Mapped[dt.date | None] = mapped_column(Date)
    cc_comments_requested_by: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(40), default="not_started")
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    key_findings: Mapped[str] = mapped_column(Text, default="")
    recommendations_note: Mapped[str] = mapped_column(Text, default="")
    areas_for_improvement_note: Mapped[str] = mapped_column(Text, default="")
    causes_of_concern_note: Mapped[str] = mapped_column(Text, default="")
    report_text: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)

    pillars: Mapped[list[PillarRow]] = relationship(
        back_populates="inspection", cascade="all, delete-orphan", order_by="PillarRow.position"
    )
    questions: Mapped[list[QuestionRow]] = relationship(
        back_populates="inspection", cascade="all, delete-orphan", order_by="QuestionRow.position"
    )
    findings: Mapped[list[FindingRow]] = relationship(
        back_populates="inspection", cascade="all, delete-orphan", order_by="FindingRow.position"
    )
    office_steps: Mapped[list[OfficeStepRow]] = relationship(
        back_populates="inspection", cascade="all, delete-orphan", order_by="OfficeStepRow.position"
    )
    responses: Mapped[list[ResponseRow]] = relationship(
        back_populates="inspection", cascade="all, delete-orphan"
    )
    status_changes: Mapped[list[StatusChangeRow]] = relationship(
        back_populates="inspection", cascade="all, delete-orphan", order_by="StatusChangeRow.id"
    )


class PillarRow(Base):
    __tablename__ = "pillar"

    id: Mapped[int] = mapped_column(primary_key=True)
    inspection_id: Mapped[int] = mapped_column(
        ForeignKey("inspection.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    grade: Mapped[str] = mapped_column(String(40), default="")
    summary: Mapped[str] = mapped_column(Text, default="")

    inspection: Mapped[InspectionRow] = relationship(back_populates="pillars")


class QuestionRow(Base):
    __tablename__ = "graded_question"

    id: Mapped[int] = mapped_column(primary_key=True)
    inspection_id: Mapped[int] = mapped_column(
        ForeignKey("inspection.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    pillar: Mapped[str] = mapped_column(Text, default="")
    number: Mapped[int] = mapped_column(Integer)
    question: Mapped[str] = mapped_column(Text, default="")
    grade: Mapped[str] = mapped_column(String(40), default="")
    text: Mapped[str] = mapped_column(Text, default="")

    inspection: Mapped[InspectionRow] = relationship(back_populates="questions")


class FindingRow(Base):
    __tablename__ = "finding"
    __table_args__ = NEVER_REUSED_IDS

    id: Mapped[int] = mapped_column(primary_key=True)
    inspection_id: Mapped[int] = mapped_column(
        ForeignKey("inspection.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(40))
    reference: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text, default="")
    addressee: Mapped[str] = mapped_column(Text, default="")
    applies: Mapped[bool] = mapped_column(Boolean, default=True)
    not_applicable_reason: Mapped[str] = mapped_column(Text, default="")
    question_number: Mapped[int | None] = mapped_column(Integer)
    parent_reference: Mapped[str | None] = mapped_column(Text)
    due_text: Mapped[str] = mapped_column(Text, default="")
    due_on: Mapped[dt.date | None] = mapped_column(Date)
    version: Mapped[int] = mapped_column(Integer, default=1)
    progress_status: Mapped[str] = mapped_column(
        String(40), default="open", server_default="open"
    )
    """The tracker's status (``ProgressStatus``), from migration 0006_tracker on."""
    owner: Mapped[str] = mapped_column(Text, default="", server_default="")
    target_on: Mapped[dt.date | None] = mapped_column(Date)
    """The target date set by hand; empty means the finding's due date."""
    hmicfrs_status: Mapped[str | None] = mapped_column(String(40))
    """The inspectorate's register status (``HmicfrsStatus``), where known."""
    removed_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    """When the finding was removed (by hand, or because an update no longer had it): it is
    kept, with its responses and their history, but no longer shown or published."""

    inspection: Mapped[InspectionRow] = relationship(back_populates="findings")
    progress: Mapped[list[ProgressUpdateRow]] = relationship(
        back_populates="finding",
        cascade="all, delete-orphan",
        order_by="ProgressUpdateRow.position",
    )
    responses: Mapped[list[ResponseRow]] = relationship(
        back_populates="finding", cascade="all, delete-orphan"
    )


class ProgressUpdateRow(Base):
    __tablename__ = "progress_update"

    id: Mapped[int] = mapped_column(primary_key=True)
    finding_id: Mapped[int] = mapped_column(
        ForeignKey("finding.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    on: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    by: Mapped[str] = mapped_column(Text, default="")
    recorded_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    """When the update was typed in (empty for updates recorded before 0006_tracker)."""

    finding: Mapped[FindingRow] = relationship(back_populates="progress")


class OfficeStepRow(Base):
    __tablename__ = "office_step"

    id: Mapped[int] = mapped_column(primary_key=True)
    inspection_id: Mapped[int] = mapped_column(
        ForeignKey("inspection.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    step: Mapped[str] = mapped_column(Text)
    done_on: Mapped[dt.date | None] = mapped_column(Date)
    done_by: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")

    inspection: Mapped[InspectionRow] = relationship(back_populates="office_steps")


class ResponseRow(Base):
    """The current text of one response: one author role, one part, optionally one finding."""

    __tablename__ = "response"
    __table_args__ = NEVER_REUSED_IDS

    id: Mapped[int] = mapped_column(primary_key=True)
    inspection_id: Mapped[int] = mapped_column(
        ForeignKey("inspection.id", ondelete="CASCADE"), index=True
    )
    finding_id: Mapped[int | None] = mapped_column(
        ForeignKey("finding.id", ondelete="CASCADE"), index=True
    )
    role: Mapped[str] = mapped_column(String(40))
    part: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    updated_by: Mapped[str] = mapped_column(Text, default="")

    inspection: Mapped[InspectionRow] = relationship(back_populates="responses")
    finding: Mapped[FindingRow | None] = relationship(back_populates="responses")
    revisions: Mapped[list[RevisionRow]] = relationship(
        back_populates="response", cascade="all, delete-orphan", order_by="RevisionRow.id"
    )


class RevisionRow(Base):
    """A saved version of a response: nothing typed is ever lost."""

    __tablename__ = "revision"
    __table_args__ = NEVER_REUSED_IDS

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[int] = mapped_column(
        ForeignKey("response.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(Text, default="")
    saved_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    saved_by: Mapped[str] = mapped_column(Text, default="")

    response: Mapped[ResponseRow] = relationship(back_populates="revisions")


class StatusChangeRow(Base):
    """Workflow history: who moved an inspection to which status, and when."""

    __tablename__ = "status_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    inspection_id: Mapped[int] = mapped_column(
        ForeignKey("inspection.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[str] = mapped_column(String(40))
    changed_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    changed_by: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")

    inspection: Mapped[InspectionRow] = relationship(back_populates="status_changes")


class OrganisationRow(Base):
    """The organisation settings: a single row (id 1)."""

    __tablename__ = "organisation"

    id: Mapped[int] = mapped_column(primary_key=True)
    opcc_name: Mapped[str] = mapped_column(Text, default="")
    commissioner_title: Mapped[str] = mapped_column(Text, default="")
    commissioner_name: Mapped[str] = mapped_column(Text, default="")
    force_name: Mapped[str] = mapped_column(Text, default="")
    chief_title: Mapped[str] = mapped_column(Text, default="")
    chief_name: Mapped[str] = mapped_column(Text, default="")
    website: Mapped[str] = mapped_column(Text, default="")
    logo: Mapped[bytes] = mapped_column(LargeBinary, default=b"")
    logo_filename: Mapped[str] = mapped_column(Text, default="")
    cc_comments_days: Mapped[int] = mapped_column(Integer, default=28)
    protective_marking: Mapped[str] = mapped_column(String(40), default="none")
    office_step_names: Mapped[list[str]] = mapped_column(JSON, default=list)
    version: Mapped[int] = mapped_column(Integer, default=1)


class SpellingWordRow(Base):
    """A word the spell-checker accepts in this database (migration 0004_spelling_words)."""

    __tablename__ = "spelling_word"

    word: Mapped[str] = mapped_column(Text, primary_key=True)
