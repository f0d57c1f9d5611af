"""The scrolling content of the responses view: every row of one inspection, in order.

Signals:
    notApplicableRequested(int): mark this finding as not applying (asks for a reason).
    appliesRequested(int): this finding applies after all.
    resized(): the rows changed size (the view keeps the caret in sight).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from app.domain.completeness import applies_to_force, closing_name, finding_name, overall_name
from app.domain.enums import AuthorRole
from app.domain.model import Finding, Inspection
from app.services.responses import ResponseKey, ResponseSheet, ResponseState
from app.ui.responses.editor import ResponseEditor
from app.ui.responses.rows import ROLES, NotApplicableList, ResponseRowWidget, finding_meta

FIRST_ROWS = 6  # rows built before the view is first shown: a screenful or more
ROWS_PER_STEP = 4  # rows built per pass of the event loop after that
NO_FINDINGS = "No finding of this report applies to the force."


def _structure(sheet: ResponseSheet) -> tuple[object, ...]:
    """What the rows are built from: when it changes, the rows are built afresh."""
    return (
        tuple(sorted(sheet.titles.items())),
        tuple(
            (f.id, f.kind, f.reference, f.text, f.applies, f.not_applicable_reason, f.parent,
             f.addressee, f.due_text, f.question)
            for f in sheet.findings
        ),
        tuple((q.number, q.question) for q in sheet.questions),
    )  # fmt: skip


@dataclass(slots=True)
class Place:
    """Where the person was: which rows were collapsed, the scroll position, the editor."""

    collapsed: set[str]
    scrolled: int
    focused: str | None


class ResponsesContent(QWidget):
    """Rows for the overall comments, each applicable finding and the closing comments.

    The first rows are built at once and the rest a few at a time between events, so that a
    long report appears at once and stays responsive; :meth:`ensure_built` finishes the job
    whenever every row is needed (finding an editor, saving, expanding all). Rows are built in
    report order, so the keyboard's Tab order is the report's order.
    """

    notApplicableRequested = Signal(int)
    appliesRequested = Signal(int)
    resized = Signal()

    def __init__(
        self,
        sheet: ResponseSheet,
        parent: QWidget | None = None,
        *,
        on_editor: Callable[[ResponseEditor], None] = lambda _editor: None,
        at_once: int = FIRST_ROWS,
    ) -> None:
        super().__init__(parent)
        self.structure = _structure(sheet)
        self.states = dict(sheet.states)
        self.questions = list(sheet.questions)
        self.locked = False
        self.on_editor = on_editor
        self.rows: list[ResponseRowWidget] = []
        self.not_applicable: NotApplicableList | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setSpacing(10)
        title = QLabel(sheet.title, self)
        title.setWordWrap(True)
        title.setTextFormat(Qt.TextFormat.PlainText)
        font = QFont(title.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        title.setFont(font)
        self._layout.addWidget(title)
        self._layout.addStretch(1)

        titles = sheet.titles
        record = Inspection(sheet.title, findings=sheet.findings)
        applicable = [f for f in sheet.findings if applies_to_force(f, record)]
        others = [f for f in sheet.findings if f not in applicable]
        self._queue: list[Callable[[], None]] = [
            lambda: self._add_row(
                self._row("Overall comments", ResponseKey.overall, overall_name, titles)
            )
        ]
        if not applicable:
            self._queue.append(lambda: self._add(QLabel(NO_FINDINGS, self)))
        self._queue += [partial(self._add_finding_row, f, titles) for f in applicable]
        self._queue.append(
            lambda: self._add_row(
                self._row("Closing comments", ResponseKey.closing, closing_name, titles)
            )
        )
        if others:
            self._queue.append(partial(self._add_not_applicable, others))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._build_more)
        self._build(at_once)

    # --- building, a few rows at a time -----------------------------------------------------------

    def _build(self, count: int) -> None:
        while self._queue and count > 0:
            self._queue.pop(0)()
            count -= 1
        if self._queue:
            self._timer.start()

    def _build_more(self) -> None:
        self._build(ROWS_PER_STEP)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resized.emit()

    def ensure_built(self) -> None:
        """Build every row that is still waiting."""
        self._timer.stop()
        self._build(len(self._queue))

    def is_built(self) -> bool:
        return not self._queue

    def dispose(self) -> None:
        """Stop building (the content is being replaced)."""
        self._timer.stop()
        self._queue.clear()

    def _add(self, widget: QWidget) -> None:
        self._layout.insertWidget(self._layout.count() - 1, widget)

    def _add_row(self, row: ResponseRowWidget) -> None:
        self.rows.append(row)
        self._add(row)
        for editor in row.editors.values():
            state = self.states.get(editor.key)
            if state is not None:
                editor.load(state.text, state.version)
            self.on_editor(editor)
        row.update_summary()
        row.set_locked(self.locked)

    def _add_finding_row(self, finding: Finding, titles: dict[AuthorRole, str]) -> None:
        self._add_row(self._finding_row(finding, titles))

    def _add_not_applicable(self, findings: list[Finding]) -> None:
        self.not_applicable = NotApplicableList(findings, self)
        self.not_applicable.appliesRequested.connect(self.appliesRequested)
        self.not_applicable.set_locked(self.locked)
        self._add(self.not_applicable)

    def _row(
        self,
        heading: str,
        key: Callable[[AuthorRole], ResponseKey],
        name: Callable[[str], str],
        titles: dict[AuthorRole, str],
    ) -> ResponseRowWidget:
        keys = {role: key(role) for role in ROLES}
        names = {role: name(titles[role]) for role in ROLES}
        return ResponseRowWidget(heading, keys, names, titles, self)

    def _finding_row(self, finding: Finding, titles: dict[AuthorRole, str]) -> ResponseRowWidget:
        assert finding.id is not None
        keys = {role: ResponseKey.finding(finding.id, role) for role in ROLES}
        names = {role: finding_name(titles[role], finding.reference) for role in ROLES}
        meta = finding_meta(finding, self.questions)
        row = ResponseRowWidget(
            finding.reference, keys, names, titles, self, meta=meta, finding=finding
        )
        row.notApplicableRequested.connect(self.notApplicableRequested)
        return row

    # --- state ------------------------------------------------------------------------------------

    def editors(self) -> list[ResponseEditor]:
        return [row.editors[role] for row in self.rows for role in ROLES]

    def matches(self, sheet: ResponseSheet) -> bool:
        return self.structure == _structure(sheet)

    def refresh(self, sheet: ResponseSheet) -> None:
        self.refresh_states(sheet.states)

    def refresh_states(self, states: dict[ResponseKey, ResponseState]) -> None:
        """Show texts saved elsewhere, except in editors holding unsaved typing."""
        self.states = dict(states)
        for editor in self.editors():
            state = states.get(editor.key) or ResponseState(editor.key)
            if state.version != editor.version and not editor.is_modified():
                editor.load(state.text, state.version)
        for row in self.rows:
            row.update_summary()

    def set_locked(self, locked: bool) -> None:
        self.locked = locked
        for row in self.rows:
            row.set_locked(locked)
        if self.not_applicable is not None:
            self.not_applicable.set_locked(locked)

    def set_expanded(self, expanded: bool) -> None:
        self.ensure_built()
        for row in self.rows:
            row.set_expanded(expanded)

    def place(self) -> Place:
        parent = self.parentWidget()
        scroll = parent.parentWidget() if parent is not None else None
        scrolled = scroll.verticalScrollBar().value() if isinstance(scroll, QScrollArea) else 0
        focused = next((e.accessibleName() for e in self.editors() if e.hasFocus()), None)
        return Place({r.heading for r in self.rows if not r.is_expanded()}, scrolled, focused)

    def restore_place(self, place: Place, scroll: QScrollArea) -> None:
        self.ensure_built()
        for row in self.rows:
            if row.heading in place.collapsed:
                row.set_expanded(False)
        scroll.verticalScrollBar().setValue(place.scrolled)
        for editor in self.editors():
            if editor.accessibleName() == place.focused:
                editor.setFocus(Qt.FocusReason.OtherFocusReason)
