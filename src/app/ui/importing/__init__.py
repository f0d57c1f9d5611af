"""Import in the window: File → Import…, paste, drag and drop, and the Chief Constable's comments.

:class:`ImportController` owns the commands; :class:`ImportPreviewDialog` shows what a document
was found to hold before it is saved; :class:`CommentsImportDialog` matches the Chief
Constable's comments to findings before the responses are filled.
"""

from __future__ import annotations

from app.ui.importing.comments_dialog import CommentsImportDialog
from app.ui.importing.controller import ImportController
from app.ui.importing.preview_dialog import ImportPreviewDialog

__all__ = ["CommentsImportDialog", "ImportController", "ImportPreviewDialog"]
