"""The scrolling content of the responses view: every row of one inspection, in order.

Rows are built as they are needed, in report order, and never taken down: the first ones at
once, then as many as fill the screen with a screenful to spare, then more as the person scrolls
down or Tabs past the last one built. Nothing typed can be lost that way: an editor, once
built, stays until the inspection is closed (and the autosaver watches it from the start). A
report of 2,000 findings therefore opens as fast as one of 20, and typing stays quick even
after scrolling through all of it (see :meth:`ResponsesContent.sizeHint` and ``_block``).

Signals:
    notApplicableRequested(int): mark this finding as not applying (asks for a reason).
    appliesRequested(int): this finding applies after all.
    resized(): the rows changed size (the view keeps the caret in sight).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QPalette, QResizeEvent
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from app.domain.completeness import applies_to_force, closing_name, finding_name, overall_name
from app.domain.enums import AuthorRole
from app.domain.model import Finding, Inspection
from app.services.responses import ResponseKey, ResponseSheet, ResponseState
from app.ui.responses.editor import ResponseEditor

if TYPE_CHECKING:
    from app.ui.responses.reuse_panel import Suggest
from app.ui.responses.rows import (
    ROLES,
    NotApplicableList,
    ResponseRowWidget,
    finding_meta,
    row_width,
)

FIRST_ROWS = 6  # rows built before the view is first shown: a screenful or more
ROWS_PER_STEP = 4  # rows built per pass of the event loop while the screen is not full
BLOCK = 40  # rows laid out together (see _block)
AHEAD = 1.0  # screens of rows kept built below the bottom of the screen
# Going back to side by side needs this much more than going over to stacked, so that a scroll
# bar that comes (or goes) as the rows change height does not switch them back straight away.
HYSTERESIS = 24
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
    """Where the person was: how rows were expanded, the scroll position, the editor."""

    expanded: bool  # the rows' state after "Expand all" or "Collapse all"
    toggled: set[str]  # headings of the rows the other way since then
    scrolled: int
    focused: str | None
    built: int  # rows built (those down to the scroll position and more)


class ResponsesContent(QWidget):
    """Rows for the overall comments, each applicable finding and the closing comments.

    The first rows are built at once, the rest on demand (see the module docstring) once the
    view has called :meth:`attach`; :meth:`ensure_built` builds every row (for tests and tools
    that want every editor). Rows are built in report order, so the keyboard's Tab order is the
    report's order.
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
        suggest: Suggest | None = None,
    ) -> None:
        super().__init__(parent)
        self.suggest = suggest
        self.structure = _structure(sheet)
        self.states = dict(sheet.states)
        self.questions = list(sheet.questions)
        self.locked = False
        self.on_editor = on_editor
        self.rows: list[ResponseRowWidget] = []
        self.not_applicable: NotApplicableList | None = None
        self.stacked = False  # the editors one above the other: too narrow for side by side
        self.expanded = True  # rows not toggled since "Expand all" or "Collapse all"
        self.toggled: set[str] = set()  # headings of rows the other way, built or not yet
        self._scroll: QScrollArea | None = None
        self._blocks: list[tuple[QWidget, QVBoxLayout]] = []
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
        self.more = QLabel(self)  # how many findings are still to come, below the last row
        self.more.setAccessibleName("More findings")
        self.more.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self._layout.addWidget(self.more)
        self._layout.addStretch(1)

        titles = sheet.titles
        record = Inspection(sheet.title, findings=sheet.findings)
        applies = [applies_to_force(f, record) for f in sheet.findings]
        applicable = [f for f, yes in zip(sheet.findings, applies, strict=True) if yes]
        others = [f for f, yes in zip(sheet.findings, applies, strict=True) if not yes]
        self._findings = len(applicable)
        self._queue: list[Callable[[], None]] = [
            lambda: self._add_row(
                self._row("Overall comments", ResponseKey.overall, overall_name, titles)
            )
        ]
        if not applicable:
            self._queue.append(lambda: self._add(QLabel(NO_FINDINGS, self._block())))
        self._queue += [partial(self._add_finding_row, f, titles) for f in applicable]
        self._queue.append(
            lambda: self._add_row(
                self._row("Closing comments", ResponseKey.closing, closing_name, titles)
            )
        )
        if others:
            self._queue.append(partial(self._add_not_applicable, others))
        self._filler = QTimer(self)
        self._filler.setSingleShot(True)
        self._filler.setInterval(0)
        self._filler.timeout.connect(self._fill)
        self._build(at_once)

    # --- building, on demand ----------------------------------------------------------------------

    def attach(self, scroll: QScrollArea) -> None:
        """Build rows as ``scroll`` (the scroll area showing this content) needs them."""
        self._scroll = scroll
        bar = scroll.verticalScrollBar()
        bar.valueChanged.connect(self._fill_later)
        bar.rangeChanged.connect(self._fill_later)
        self._fill_later()

    def _build(self, count: int) -> None:
        while self._queue and count > 0:
            self._queue.pop(0)()
            count -= 1
        waiting = self._findings - sum(1 for row in self.rows if row.finding is not None)
        if waiting > 0:
            self.more.setText(
                f"Showing {self._findings - waiting:,} of {self._findings:,} findings: "
                "the others follow as you scroll down."
            )
        self.more.setVisible(waiting > 0)

    def build_past(self, widget: QWidget) -> None:
        """Build the next row now if ``widget`` is in the last row built (Tab is leaving it)."""
        if self._queue and self.rows and self.rows[-1].isAncestorOf(widget):
            self._build(1)

    def _fill_later(self, *_args: object) -> None:
        if self._queue:
            self._filler.start()

    def _fill(self) -> None:
        """Build rows until they reach a screenful below the bottom of the screen."""
        scroll = self._scroll
        if not self._queue or scroll is None:
            return
        screen = scroll.viewport().height()
        wanted = scroll.verticalScrollBar().value() + int(screen * (1 + AHEAD))
        if self.sizeHint().height() < wanted:
            self._build(ROWS_PER_STEP)
            self._filler.start()  # look again once they are laid out

    def is_building(self) -> bool:
        """True while rows are still being built to fill the screen."""
        return self._filler.isActive()

    def sizeHint(self) -> QSize:
        """The rows' height at the width they have.

        Qt's own size hint lays every row out again at the width the rows would like, and then
        again at the width they have: with 2,000 rows built, 0.4 s for each new line typed.
        """
        hint = self._layout.sizeHint()  # the widths the rows would like: nothing laid out
        if self.hasHeightForWidth():
            hint.setHeight(self.heightForWidth(self.width()))
        return hint

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        margins = self._layout.contentsMargins()
        inside = self.width() - margins.left() - margins.right()
        needed = row_width(side_by_side=True) + (HYSTERESIS if self.stacked else 0)
        if (inside < needed) != self.stacked:
            self.stacked = inside < needed
            for row in self.rows:
                row.set_stacked(self.stacked)
        self.resized.emit()
        self._fill_later()

    def ensure_built(self) -> None:
        """Build every row that is still waiting."""
        self._build(len(self._queue))

    def is_built(self) -> bool:
        return not self._queue

    def dispose(self) -> None:
        """Stop building (the content is being replaced)."""
        self._filler.stop()
        self._queue.clear()

    def _block(self) -> QWidget:
        """The block the next row goes in: a new one when the last is full.

        Rows are laid out in blocks of :data:`BLOCK`, so that a row growing by a line moves the
        rows after it in its own block and the blocks after that, not every row below it (with
        2,000 rows built, a new line took 0.4 s).
        """
        if self._blocks and self._blocks[-1][1].count() < BLOCK:
            return self._blocks[-1][0]
        block = QWidget(self)
        layout = QVBoxLayout(block)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(self._layout.spacing())
        self._layout.insertWidget(self._layout.indexOf(self.more), block)
        block.show()
        self._blocks.append((block, layout))
        return block

    def _add(self, widget: QWidget) -> None:
        block, layout = self._blocks[-1]
        assert widget.parentWidget() is block  # made in it: see _block
        layout.addWidget(widget)
        widget.show()  # now, not when the event loop gets round to it: Tab may go there next

    def _add_row(self, row: ResponseRowWidget) -> None:
        self.rows.append(row)
        row.set_stacked(self.stacked)
        if (row.heading in self.toggled) == self.expanded:
            row.set_expanded(False)
        row.toggle.toggled.connect(lambda expanded: self._row_toggled(row, expanded))
        self._add(row)
        for editor in row.editors.values():
            self.on_editor(editor)  # first: the spell-checker is attached before the text
            state = self.states.get(editor.key)
            if state is not None:
                editor.load(state.text, state.version)
        row.update_summary()
        row.update_word_counts()
        row.set_locked(self.locked)

    def _add_finding_row(self, finding: Finding, titles: dict[AuthorRole, str]) -> None:
        self._add_row(self._finding_row(finding, titles))

    def _add_not_applicable(self, findings: list[Finding]) -> None:
        self.not_applicable = NotApplicableList(findings, self._block())
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
        return ResponseRowWidget(heading, keys, names, titles, self._block())

    def _finding_row(self, finding: Finding, titles: dict[AuthorRole, str]) -> ResponseRowWidget:
        assert finding.id is not None
        keys = {role: ResponseKey.finding(finding.id, role) for role in ROLES}
        names = {role: finding_name(titles[role], finding.reference) for role in ROLES}
        meta = finding_meta(finding, self.questions)
        row = ResponseRowWidget(
            finding.reference, keys, names, titles, self._block(), meta=meta, finding=finding
        )
        row.notApplicableRequested.connect(self.notApplicableRequested)
        if self.suggest is not None:
            row.add_reuse(finding.id, self.suggest)
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
        """Expand or collapse every row, those built later too."""
        self.expanded = expanded
        self.toggled.clear()
        for row in self.rows:
            row.set_expanded(expanded)

    def _row_toggled(self, row: ResponseRowWidget, expanded: bool) -> None:
        if expanded == self.expanded:
            self.toggled.discard(row.heading)
        else:
            self.toggled.add(row.heading)

    def place(self) -> Place:
        scrolled = self._scroll.verticalScrollBar().value() if self._scroll is not None else 0
        focused = next((e.accessibleName() for e in self.editors() if e.hasFocus()), None)
        return Place(self.expanded, set(self.toggled), scrolled, focused, len(self.rows))

    def restore_place(self, place: Place, scroll: QScrollArea) -> None:
        """Rows expanded as they were, as many built, the same scroll position and editor."""
        self.set_expanded(place.expanded)
        self.toggled = set(place.toggled)
        for row in self.rows:
            row.set_expanded((row.heading in self.toggled) != self.expanded)
        while self._queue and len(self.rows) < place.built:
            self._build(1)
        bar = scroll.verticalScrollBar()
        bar.setValue(place.scrolled)
        # The new rows are laid out by the event loop: scroll once they have their heights.
        QTimer.singleShot(0, self, lambda: bar.setValue(place.scrolled))
        for editor in self.editors():
            if editor.accessibleName() == place.focused:
                editor.setFocus(Qt.FocusReason.OtherFocusReason)
