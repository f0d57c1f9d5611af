"""The data layer's modules loaded ahead of the first read, on a thread of their own.

The window opens its database on the database worker, where SQLite's ``quick_check`` runs for
tens of milliseconds without Python's lock; the first read then needs SQLAlchemy and the models
(a fifth of a second to import). Importing them meanwhile, on another thread, overlaps the
two. Python's import locks make this safe: the worker, needing a module this thread is still
importing, waits for it. Nothing is read here, and a failure is left for the real import to
report.
"""

from __future__ import annotations

import importlib
import logging
import threading

log = logging.getLogger(__name__)

READING_MODULES = ("app.services.reading",)
"""What the window's first read imports (SQLAlchemy, the models and the records with it)."""


def load_in_background(modules: tuple[str, ...] = READING_MODULES) -> threading.Thread:
    """Start importing ``modules`` on a daemon thread; return the thread (for tests)."""

    def load() -> None:
        for name in modules:
            try:
                importlib.import_module(name)
            except Exception:  # the read that needs it imports it again and says what failed
                log.debug("Loading %s ahead of time failed", name, exc_info=True)
                return

    thread = threading.Thread(target=load, name="preloading", daemon=True)
    thread.start()
    return thread
