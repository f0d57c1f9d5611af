"""File → Paste report text…: a box to paste the text of a report page or a response into."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.ui.widgets import ErrorLabel

EXPLANATION = (
    "Copy the report from the inspectorate's web page (Ctrl+A, Ctrl+C in the browser) or from "
    "a document, and paste it below (Ctrl+V). You will see what was found before anything is "
    "saved."
)


class PasteTextDialog(QDialog):
    """Accepted only with some text in the box; :meth:`text` is what was pasted."""

    def __init__(self, parent: QWidget | None = None, text: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle("Paste report text")
        intro = QLabel(EXPLANATION, self)
        intro.setWordWrap(True)
        label = QLabel("Report &text:", self)
        self.edit = QPlainTextEdit(self)
        self.edit.setAccessibleName("Report text to import")
        self.edit.setTabChangesFocus(True)
        self.edit.setPlaceholderText("Paste the text here")
        self.edit.setPlainText(text)
        label.setBuddy(self.edit)
        self.error = ErrorLabel(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.import_button = buttons.addButton("&Import…", QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setAccessibleName("Import the pasted text")
        self.import_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(label)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        chars = self.fontMetrics().averageCharWidth()
        self.resize(chars * 90, self.fontMetrics().lineSpacing() * 30)

    def text(self) -> str:
        return self.edit.toPlainText()

    def accept(self) -> None:
        if not self.text().strip():
            self.error.show_message("Paste the report's text into the box first.")
            self.edit.setFocus()
            return
        super().accept()
