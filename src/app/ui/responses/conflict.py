"""The conflict dialog: a save found a newer version saved in another window or copy.

Both texts are shown side by side; the person keeps theirs, takes the other, or merges by hand
(starting from their own text, with the other beside it). Nothing is decided silently.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain import clock
from app.services.responses import ResponseState
from app.ui.responses.editor import NO_HTML, ResponseEditor
from app.ui.responses.spelling import spelling_near


class Resolution(Enum):
    KEEP_MINE = "keep_mine"
    TAKE_THEIRS = "take_theirs"
    MERGED = "merged"


def _reader(name: str, text: str, parent: QWidget) -> QTextEdit:
    reader = QTextEdit(parent)
    reader.setAccessibleName(name)
    reader.setReadOnly(True)
    reader.setTabChangesFocus(True)
    reader.document().setMarkdown(text, NO_HTML)
    return reader


class ConflictDialog(QDialog):
    """Shows both texts; ``resolution`` and ``merged_text()`` say what the person chose."""

    def __init__(self, name: str, mine: str, theirs: ResponseState, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Changed in another window")
        self.setAccessibleName("Changed in another window")
        self.resolution: Resolution | None = None
        who = theirs.updated_by or "someone"
        moment = theirs.updated_at
        when = f" at {clock.local_time(moment)} on {clock.local_date(moment)}" if moment else ""
        intro = QLabel(
            f"The {name} was saved by {who}{when} in another window while you were editing "
            "it. Nothing has been overwritten: choose which text to keep.",
            self,
        )
        intro.setWordWrap(True)
        self.mine = _reader("Your text", mine, self)
        self.theirs = _reader("Text saved in another window", theirs.text, self)
        self.merged = ResponseEditor(theirs.key, "Merged text", self, fit_to_text=False)
        spelling = spelling_near(parent)
        if spelling is not None:
            spelling.attach(self.merged)  # before the text: see Spelling.attach
        self.merged.load(mine, theirs.version)
        self.merged_label = QLabel("Mer&ged text (starts as yours; copy from theirs):", self)
        self.merged_label.setBuddy(self.merged)

        texts = QGridLayout()
        mine_label = QLabel("&Your text (not saved):", self)
        mine_label.setBuddy(self.mine)
        theirs_label = QLabel(f"&Saved by {who}{when}:", self)
        theirs_label.setBuddy(self.theirs)
        texts.addWidget(mine_label, 0, 0)
        texts.addWidget(theirs_label, 0, 1)
        texts.addWidget(self.mine, 1, 0)
        texts.addWidget(self.theirs, 1, 1)

        self.keep_mine = QPushButton("&Keep mine", self)
        self.take_theirs = QPushButton("&Take theirs", self)
        self.merge = QPushButton("Merge &by hand…", self)
        self.save_merged = QPushButton("Save &merged text", self)
        for button in (self.keep_mine, self.take_theirs, self.merge, self.save_merged):
            button.setAutoDefault(False)
        self.keep_mine.clicked.connect(lambda: self._choose(Resolution.KEEP_MINE))
        self.take_theirs.clicked.connect(lambda: self._choose(Resolution.TAKE_THEIRS))
        self.merge.clicked.connect(self.start_merge)
        self.save_merged.clicked.connect(lambda: self._choose(Resolution.MERGED))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.keep_mine, self.take_theirs, self.merge, self.save_merged):
            buttons.addWidget(button)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(texts, 2)
        layout.addWidget(self.merged_label)
        layout.addWidget(self.merged, 2)
        layout.addLayout(buttons)
        self.merged_label.hide()
        self.merged.hide()
        self.save_merged.hide()
        self.resize(900, 520)

    def start_merge(self) -> None:
        self.merged_label.show()
        self.merged.show()
        self.save_merged.show()
        self.merge.hide()
        self.merged.setFocus(Qt.FocusReason.OtherFocusReason)

    def merged_text(self) -> str:
        return self.merged.markdown()

    def _choose(self, resolution: Resolution) -> None:
        self.resolution = resolution
        self.accept()
