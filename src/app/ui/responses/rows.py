"""The rows of the responses view: a heading, the finding's text, then two editors side by side.

One row for the overall comments, one per applicable finding, one for the closing comments.
A row collapses to its heading, which then says in words which responses are written.

Signals (ResponseRowWidget):
    notApplicableRequested(int): the person wants to mark this finding as not applying.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import AuthorRole
from app.domain.model import Finding, GradedQuestion, place_of
from app.domain.word_count import count_words, words_label
from app.services.responses import ResponseKey

if TYPE_CHECKING:
    from app.ui.responses.reuse_panel import ReusePanel, Suggest

from app.ui.responses.editor import NO_HTML, ResponseEditor

ROLES = (AuthorRole.CHIEF_CONSTABLE, AuthorRole.COMMISSIONER)
MIN_EDITOR = 420  # narrower, a response is hard to read: the editors go one above the other
ROW_MARGIN = 8  # left and right, inside a row's frame
FRAME = 2  # a row's frame, each side (the style draws 1 or 2 pixels)
PAIR_SPACING = 12  # between the two editors side by side
# Short: a QTextEdit draws its placeholder on one line, cut at the editor's edge, and the role
# is named in the caption above it anyway.
EDITABLE_HINT = "Type or paste the response"
LOCKED_HINT = "No response was written"
COUNT_DELAY_MS = 200  # the word counts follow typing after this pause


def markdown_html(text: str) -> str:
    """Stored Markdown as HTML for a label; raw HTML in the text stays text."""
    document = QTextDocument()
    document.setMarkdown(text, NO_HTML)
    return document.toHtml()


def plain_text(text: str) -> str:
    document = QTextDocument()
    document.setMarkdown(text, NO_HTML)
    return document.toPlainText()


def word_count_label(name: str, parent: QWidget) -> QLabel:
    """A quiet caption under an editor for its word count (HMICFRS and panels set limits)."""
    label = QLabel(words_label(0), parent)
    label.setAccessibleName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * 0.9)
    label.setFont(font)
    return label


def row_width(*, side_by_side: bool) -> int:
    """The width a row needs for editors no narrower than :data:`MIN_EDITOR`."""
    editors = 2 * MIN_EDITOR + PAIR_SPACING if side_by_side else MIN_EDITOR
    return editors + 2 * (ROW_MARGIN + FRAME)


def finding_meta(finding: Finding, questions: list[GradedQuestion]) -> str:
    """The line under a finding's reference: its kind, question or area, parent, addressee, due."""
    parts = [finding.kind.label]
    if finding.question is not None:
        parts.append(place_of(finding, questions))
    if finding.parent:
        parts.append(f"under {finding.parent}")
    if finding.addressee:
        parts.append(f"for {finding.addressee}")
    if finding.due_text:
        parts.append(finding.due_text)
    return " · ".join(parts)


class ResponseRowWidget(QFrame):
    """A heading that collapses the row, optional finding text, and one editor per role."""

    notApplicableRequested = Signal(int)

    def __init__(
        self,
        heading: str,
        keys: dict[AuthorRole, ResponseKey],
        names: dict[AuthorRole, str],
        titles: dict[AuthorRole, str],
        parent: QWidget | None = None,
        *,
        meta: str = "",
        finding: Finding | None = None,
    ) -> None:
        super().__init__(parent)
        self.heading = heading
        self.finding = finding
        self.titles = titles
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(heading)

        self.toggle = QToolButton(self)
        self.toggle.setText(heading)
        self.toggle.setCheckable(True)
        self.toggle.setChecked(True)
        self.toggle.setAutoRaise(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow)
        font = QFont(self.toggle.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.toggle.setFont(font)
        self.toggle.toggled.connect(self.set_expanded)
        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.summary.setWordWrap(True)
        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 0, 0)
        header.addWidget(self.toggle)
        header.addWidget(self.summary, 1)
        self.not_applicable = None
        if finding is not None and finding.id is not None:
            finding_id = finding.id
            self.not_applicable = QPushButton("Does not apply…", self)
            self.not_applicable.setAccessibleName(f"Mark {heading} as not applying")
            self.not_applicable.setToolTip(
                "For a finding addressed to others (the Home Office, the College of Policing…)"
            )
            self.not_applicable.clicked.connect(
                lambda: self.notApplicableRequested.emit(finding_id)
            )
            header.addWidget(self.not_applicable)

        self.body = QWidget(self)
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        if meta:
            meta_label = QLabel(meta, self.body)
            meta_label.setTextFormat(Qt.TextFormat.PlainText)
            meta_label.setWordWrap(True)
            meta_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)  # a quiet caption
            body.addWidget(meta_label)
        if finding is not None and finding.text.strip():
            text = QLabel(markdown_html(finding.text), self.body)
            text.setTextFormat(Qt.TextFormat.RichText)
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            text.setAccessibleName(f"Text of {heading}")
            text.setAccessibleDescription(plain_text(finding.text))
            text.setBackgroundRole(QPalette.ColorRole.AlternateBase)
            text.setAutoFillBackground(True)  # a palette, not a style sheet: cheap for 40 rows
            text.setMargin(6)
            body.addWidget(text)
        self.pair = QGridLayout()
        self.pair.setHorizontalSpacing(PAIR_SPACING)
        self.editors: dict[AuthorRole, ResponseEditor] = {}
        self.captions: dict[AuthorRole, QLabel] = {}
        self.counts: dict[AuthorRole, QLabel] = {}
        self.columns: dict[AuthorRole, QVBoxLayout] = {}
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(COUNT_DELAY_MS)
        self._count_timer.timeout.connect(self.update_word_counts)
        for role in ROLES:
            editor = ResponseEditor(keys[role], names[role], self.body)
            editor.setPlaceholderText(EDITABLE_HINT)
            caption = QLabel(titles[role], self.body)
            caption.setWordWrap(True)
            caption.setBuddy(editor)
            self.captions[role] = caption
            editor.textChanged.connect(self.update_summary)
            editor.textChanged.connect(self._count_timer.start)
            self.editors[role] = editor
            self.counts[role] = word_count_label(f"Word count of {names[role]}", self.body)
            column = QVBoxLayout()  # the count right under its editor, however tall the other
            column.setSpacing(2)
            column.addWidget(editor)
            column.addWidget(self.counts[role])
            column.addStretch(1)
            self.columns[role] = column
        self.stacked = False
        self.locked = False
        self.reuse: ReusePanel | None = None  # add_reuse: for a finding's row
        self._place_editors()
        body.addLayout(self.pair)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(ROW_MARGIN, 4, ROW_MARGIN, 8)
        layout.addLayout(header)
        layout.addWidget(self.body)

    def add_reuse(self, finding_id: int, suggest: Suggest) -> None:
        """The similar findings elsewhere, under the finding's text (``reuse_panel``)."""
        from app.ui.responses.reuse_panel import ReusePanel

        self.reuse = ReusePanel(
            finding_id, self.heading, self.titles, suggest, self._start_from, self.body
        )
        body = self.body.layout()
        assert isinstance(body, QVBoxLayout)
        body.insertWidget(body.count() - 1, self.reuse)  # above the editors (the last item)
        self.reuse.set_locked(self.locked)

    def _start_from(self, role: AuthorRole, text: str, source: str) -> None:
        editor = self.editors[role]
        editor.setFocus(Qt.FocusReason.OtherFocusReason)
        editor.start_from(text, source)

    def set_stacked(self, stacked: bool) -> None:
        """Put the editors one above the other (``True``) or side by side."""
        if stacked != self.stacked:
            self.stacked = stacked
            for role in ROLES:
                self.pair.removeWidget(self.captions[role])
                self.pair.removeItem(self.columns[role])
            self._place_editors()

    def _place_editors(self) -> None:
        for n, role in enumerate(ROLES):
            row, column = (2 * n, 0) if self.stacked else (0, n)
            self.pair.addWidget(self.captions[role], row, column)
            self.pair.addLayout(self.columns[role], row + 1, column)
            self.pair.setColumnStretch(n, 1 if n == 0 or not self.stacked else 0)

    def set_expanded(self, expanded: bool) -> None:
        self.toggle.setChecked(expanded)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)
        self.toggle.setAccessibleDescription("Expanded" if expanded else "Collapsed")
        self.body.setVisible(expanded)
        self.update_summary()

    def is_expanded(self) -> bool:
        return self.toggle.isChecked()

    def update_summary(self) -> None:
        missing = [self.titles[role] for role, e in self.editors.items() if e.is_blank()]
        if not missing:
            words = "Both responses written"
        elif len(missing) == len(self.editors):
            words = "No responses yet"
        else:
            words = f"No {missing[0]} response yet"
        if self.summary.text() != words:
            self.summary.setText(words)

    def update_word_counts(self) -> None:
        """The quiet "312 words" under each editor."""
        for role, editor in self.editors.items():
            words = words_label(count_words(editor.toPlainText()))
            if self.counts[role].text() != words:
                self.counts[role].setText(words)

    def set_locked(self, locked: bool) -> None:
        self.locked = locked
        if self.reuse is not None:
            self.reuse.set_locked(locked)
        for role, editor in self.editors.items():
            editor.set_locked(locked)
            editor.setPlaceholderText(LOCKED_HINT if locked else EDITABLE_HINT)
            self.captions[role].setText(self.titles[role] + (" (read-only)" if locked else ""))
        if self.not_applicable is not None:
            self.not_applicable.setEnabled(not locked)


class NotApplicableList(QFrame):
    """The findings marked as not applying, with the reason and a way back.

    Signals:
        appliesRequested(int): the person says this finding applies after all.
    """

    appliesRequested = Signal(int)

    def __init__(self, findings: list[Finding], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName("Findings that do not apply")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 8)
        heading = QLabel(f"Findings that do not apply to the force ({len(findings)})", self)
        font = QFont(heading.font())
        font.setBold(True)
        heading.setFont(font)
        layout.addWidget(heading)
        self.buttons: list[QPushButton] = []
        for finding in findings:
            row = QHBoxLayout()
            reason = finding.not_applicable_reason or "no reason given"
            label = QLabel(f"{finding.reference}: {reason}", self)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            button = QPushButton("It applies", self)
            button.setAccessibleName(f"{finding.reference} applies to the force")
            finding_id = finding.id
            assert finding_id is not None
            button.clicked.connect(lambda _=False, f=finding_id: self.appliesRequested.emit(f))
            row.addWidget(label, 1)
            row.addWidget(button)
            layout.addLayout(row)
            self.buttons.append(button)

    def set_locked(self, locked: bool) -> None:
        for button in self.buttons:
            button.setEnabled(not locked)
