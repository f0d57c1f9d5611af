"""The recommendation tracker's view: every finding's progress after publication, across the
inspections (View → Recommendation tracker, Ctrl+T), and its File → Export… commands.

``install_tracker(window)`` adds it all to the main window; the modules, one job each:
``model`` (the rows, filtered and sorted), ``delegates`` (editing in place), ``filter_bar``,
``details`` (the current finding, its history, a progress update), ``view`` (the page, its
reads and writes on the database worker), ``exports`` (the two files), ``install``.
"""

from app.ui.tracker.install import install_tracker
from app.ui.tracker.view import TrackerView

__all__ = ["TrackerView", "install_tracker"]
