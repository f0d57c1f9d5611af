"""PySide6's look at every module imported after it, made cheap.

Once ``PySide6.QtCore`` is loaded, PySide asks of every module imported afterwards whether it
"uses PySide" (for its opt-in ``from __feature__ import snake_case``), by reading the module's
whole source through ``inspect.getsource`` (tokenising it) and looking for "PySide6". At
start-up that is some 400 modules (SQLAlchemy's, ours): about 70 ms of the window's start-up
measured here (napari's issue 8584 describes the same tax). :func:`install` puts in a check that
asks the same question of the same source, read as bytes; a module without a source file gets
PySide's own answer. This program uses no ``__feature__``: the answer only keeps PySide's
bookkeeping as it would be.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

FEATURE_MODULE = "shibokensupport.feature"


def uses_pyside(module: ModuleType, upstream: Callable[[ModuleType], bool]) -> bool:
    """True when the module's source names PySide6, as PySide's own check answers."""
    path = getattr(module, "__file__", None)
    if isinstance(path, str) and path.endswith(".py"):
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            pass
    return upstream(module)


def install() -> bool:
    """Replace PySide's check (once PySide6.QtCore is imported); False when this PySide has no
    such check (a later version may not), in which case nothing is changed."""
    import PySide6.QtCore  # noqa: F401  (loads the feature module)

    feature = sys.modules.get(FEATURE_MODULE)
    upstream = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(upstream) or getattr(upstream, "cheap", False):
        return False

    def check(module: ModuleType) -> bool:
        return uses_pyside(module, upstream)

    check.cheap = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = check  # type: ignore[attr-defined]
    return True
