"""Import in the window: File → Import…, paste, drag and drop, and the Chief Constable's comments.

:class:`ImportController` owns the commands; :class:`ImportPreviewDialog` shows what a document
was found to hold before it is saved; :class:`CommentsImportDialog` matches the Chief
Constable's comments to findings before the responses are filled.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.ui.importing.controller import ImportController

if TYPE_CHECKING:
    from app.ui.importing.comments_dialog import CommentsImportDialog
    from app.ui.importing.preview_dialog import ImportPreviewDialog


def __getattr__(name: str) -> Any:
    """The dialogs load on first use (with the importers), not with the window."""
    if name == "CommentsImportDialog":
        from app.ui.importing.comments_dialog import CommentsImportDialog

        return CommentsImportDialog
    if name == "ImportPreviewDialog":
        from app.ui.importing.preview_dialog import ImportPreviewDialog

        return ImportPreviewDialog
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = ["CommentsImportDialog", "ImportController", "ImportPreviewDialog"]
