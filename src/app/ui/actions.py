"""Every command of the main window, declared once; menus and the toolbar are built from them.

To add a command: add an :class:`ActionId`, its :class:`ActionSpec` in ``SPECS`` and its place
in ``MENUS`` (and ``TOOLBAR``); then connect ``window.actions[ActionId.X].triggered``.
Commands added at run time by another part of the UI go through ``MainWindow.add_action``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, auto

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QToolBar, QWidget

StandardKey = QKeySequence.StandardKey


class ActionId(Enum):
    DASHBOARD = auto()
    NEW_INSPECTION = auto()
    IMPORT_DOCUMENT = auto()
    PASTE_REPORT = auto()
    IMPORT_CC_COMMENTS = auto()
    LOAD_SAMPLES = auto()
    BACK_UP = auto()
    RESTORE_BACKUP = auto()
    ORGANISATION_SETTINGS = auto()
    QUIT = auto()
    EDIT_INSPECTION = auto()
    ARCHIVE_INSPECTION = auto()
    FIND = auto()
    SEARCH = auto()
    SHOW_ARCHIVED = auto()
    SHOW_REGISTER = auto()
    REFRESH = auto()
    ABOUT_DEADLINE = auto()
    ABOUT = auto()


@dataclass(frozen=True, slots=True)
class ActionSpec:
    text: str
    tip: str
    shortcut: StandardKey | str | None = None
    checkable: bool = False


SPECS: dict[ActionId, ActionSpec] = {
    ActionId.DASHBOARD: ActionSpec(
        "&Dashboard",
        "Show what needs attention: deadlines coming and passed, late recommendations",
        "Ctrl+D",
    ),
    ActionId.NEW_INSPECTION: ActionSpec(
        "&New inspection…", "Record an inspection report by hand", StandardKey.New
    ),
    ActionId.IMPORT_DOCUMENT: ActionSpec(
        "&Import…",
        "Import a report or response from a .txt, .html, .pdf or .docx file",
        StandardKey.Open,
    ),
    ActionId.PASTE_REPORT: ActionSpec(
        "&Paste report text…", "Import a report from text copied from a web page or document"
    ),
    ActionId.IMPORT_CC_COMMENTS: ActionSpec(
        "Import Chief Constable’s &comments…",
        "Fill the Chief Constable’s responses from their Word or text file",
    ),
    ActionId.LOAD_SAMPLES: ActionSpec(
        "Load &sample inspections", "Add the two sample inspections (never twice)"
    ),
    ActionId.BACK_UP: ActionSpec(
        "&Back up now…", "Save a copy of the whole database, to any folder or a network share"
    ),
    ActionId.RESTORE_BACKUP: ActionSpec(
        "&Restore from backup…",
        "Replace the database with a backup (the current file is backed up first)",
    ),
    ActionId.ORGANISATION_SETTINGS: ActionSpec(
        "&Organisation settings…", "Names, titles, logo and defaults of your office"
    ),
    ActionId.QUIT: ActionSpec("&Quit", "Close the application", StandardKey.Quit),
    ActionId.EDIT_INSPECTION: ActionSpec(
        "&Edit inspection…", "Change the details of the inspection shown", "Ctrl+E"
    ),
    ActionId.ARCHIVE_INSPECTION: ActionSpec(
        "&Archive inspection", "Hide the inspection shown from the register (it is kept)"
    ),
    ActionId.FIND: ActionSpec(
        "&Filter inspections", "Type words to narrow the register", StandardKey.Find
    ),
    ActionId.SEARCH: ActionSpec(
        "&Search everything…",
        "Find words in every inspection, finding and response",
        "Ctrl+Shift+F",
    ),
    ActionId.SHOW_ARCHIVED: ActionSpec(
        "Show &archived inspections", "List archived inspections too", "Ctrl+Shift+A", True
    ),
    ActionId.SHOW_REGISTER: ActionSpec(
        "Show the re&gister",
        "Hide the list of inspections to write with the whole width",
        "F9",
        True,
    ),
    ActionId.REFRESH: ActionSpec("&Refresh", "Read the register again", StandardKey.Refresh),
    ActionId.ABOUT_DEADLINE: ActionSpec(
        "About the section 55 &deadline", "How the deadline is worked out, and why"
    ),
    ActionId.ABOUT: ActionSpec("&About", "Version and licence"),
}

MENUS: dict[str, list[ActionId | None]] = {
    "&File": [
        ActionId.NEW_INSPECTION, ActionId.IMPORT_DOCUMENT, ActionId.PASTE_REPORT,
        ActionId.LOAD_SAMPLES, None, ActionId.BACK_UP, ActionId.RESTORE_BACKUP, None,
        ActionId.ORGANISATION_SETTINGS, None, ActionId.QUIT,
    ],
    "&Inspection": [
        ActionId.EDIT_INSPECTION, ActionId.IMPORT_CC_COMMENTS, ActionId.ARCHIVE_INSPECTION,
    ],
    "&View": [
        ActionId.DASHBOARD, None,
        ActionId.FIND, ActionId.SEARCH, ActionId.SHOW_ARCHIVED, ActionId.SHOW_REGISTER, None,
        ActionId.REFRESH,
    ],
    "&Help": [ActionId.ABOUT_DEADLINE, None, ActionId.ABOUT],
}  # fmt: skip

TOOLBAR: list[ActionId | None] = [
    ActionId.DASHBOARD, None,
    ActionId.NEW_INSPECTION, ActionId.IMPORT_DOCUMENT, ActionId.EDIT_INSPECTION,
    ActionId.ARCHIVE_INSPECTION, None,
    ActionId.SHOW_ARCHIVED,
]  # fmt: skip


def build_actions(parent: QWidget) -> dict[ActionId, QAction]:
    actions: dict[ActionId, QAction] = {}
    for action_id, spec in SPECS.items():
        action = QAction(spec.text, parent)
        action.setObjectName(action_id.name.lower())
        action.setStatusTip(spec.tip)
        action.setToolTip(spec.tip)
        action.setCheckable(spec.checkable)
        if spec.shortcut is not None:
            # As a list: PySide's choice among setShortcut's overloads makes its Qt namespace
            # (11 ms), which the window's first paint does without (see app.ui.main_window).
            action.setShortcuts([QKeySequence(spec.shortcut)])
        if action_id is ActionId.QUIT:
            action.setMenuRole(QAction.MenuRole.QuitRole)
        elif action_id is ActionId.ABOUT:
            action.setMenuRole(QAction.MenuRole.AboutRole)
        actions[action_id] = action
    return actions


def build_menus(menu_bar: QMenuBar, actions: dict[ActionId, QAction]) -> dict[str, QMenu]:
    """One menu per entry of ``MENUS``; returns them by title (without the ``&``)."""
    menus: dict[str, QMenu] = {}
    for title, entries in MENUS.items():
        menu = menu_bar.addMenu(title)
        for entry in entries:
            if entry is None:
                menu.addSeparator()
            else:
                menu.addAction(actions[entry])
        menus[title.replace("&", "")] = menu
    return menus


def build_toolbar(toolbar: QToolBar, actions: dict[ActionId, QAction]) -> None:
    for entry in TOOLBAR:
        if entry is None:
            toolbar.addSeparator()
        else:
            toolbar.addAction(actions[entry])
