"""Random sequences of what a person does at the window, checked against a model after each step.

A hypothesis ``RuleBasedStateMachine`` drives the real main window only through accessible
names, keys and clicks (:mod:`tests.ui.journeys.person`): choosing inspections, switching tabs,
typing, pasting, formatting, undoing, restoring a version, signing off and reopening, ticking an
office step, searching and typing where a hit leads, importing in the window, a second copy
importing an archive ``--yes`` with the findings in another order, closing and reopening the
window. After every step:

* no exception escaped into Qt's event loop (and the suite fails on any Qt warning);
* once the autosave has had its chance, the file holds, for every inspection, finding and
  author, exactly the words the person typed there, read back by reference, not by row id;
* an editor that showed an older text than the file when the person typed into it asked the
  person (a conflict), instead of writing over the other copy's text;
* steady typing reaches the file at least every 2 seconds.

The bounded, derandomised run below is part of the suite; ``SOAK_EXAMPLES`` (an environment
variable, used by ``scripts/dev.py soak``) runs it for longer with fresh random choices.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path

import hypothesis.strategies as st
import pytest
from hypothesis import HealthCheck, Phase, settings
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QLabel,
    QListWidget,
    QTabBar,
    QTextEdit,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.domain.enums import AuthorRole, InspectionStatus
from app.importers import import_document
from app.services import reading, workflow
from app.services.samples import load_samples
from app.services.search import Source
from app.ui.importing import questions as import_prompts
from app.ui.importing.questions import DuplicateChoice
from app.ui.main_window import MainWindow
from app.ui.search_jump import editor_name
from app.ui.search_panel import HIT_ROLE
from tests.conftest import SPOTLIGHT_SEED
from tests.ui.journeys import world
from tests.ui.journeys.person import Person, find
from tests.ui.responses.conftest import Person as Answers

SPOTLIGHT = "Getting a grip"
PEEL = "PEEL 2018"
TABS = ("Overview", "Findings", "Responses", "Document", "Responses", "Responses")
WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyz ", min_size=1, max_size=12).map(
    lambda text: text.strip() or "x"
)
SAVE_WAIT_MS = 5_000
STEADY_LIMIT_S = 2.0  # the promise: steady typing is saved at least this often


def examples() -> int:
    return int(os.environ.get("SOAK_EXAMPLES", "0")) or 6


class WindowJourney(RuleBasedStateMachine):
    """One person at one window over one database file, and another copy now and then."""

    qtbot: QtBot
    answers: Answers

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="journey-"))
        self.db_path = self.folder / "responses.sqlite3"
        db = Database.open(self.db_path)
        try:
            load_samples(db)
            spotlight = next(s.id for s in reading.list_inspections(db) if SPOTLIGHT in s.title)
            workflow.reopen(db, spotlight, expected_status=InspectionStatus.PUBLISHED)
            self.titles = {s.id: s.title for s in reading.list_inspections(db)}
        finally:
            db.close()
        self.ids = {title: i for i, title in self.titles.items()}
        self.expected = world.stored_texts(self.db_path)
        self.must_conflict: set[str] = set()
        self.shown: str | None = None
        self.imports = 0
        self.window = self._open_window()

    # --- the window ------------------------------------------------------------------------------

    def _open_window(self) -> MainWindow:
        from app.ui import create_window

        settings_file = self.folder / "window.ini"
        window = create_window(self.db_path, QSettings(str(settings_file),
                                                       QSettings.Format.IniFormat))  # fmt: skip
        self.qtbot.addWidget(window)
        window.resize(1400, 900)
        window.show()
        window.activateWindow()  # as a window just opened is: keys and focus go to it
        self.qtbot.waitActive(window)
        self.qtbot.waitUntil(lambda: window.is_ready, timeout=30_000)  # tabs built, rows in
        self.person = Person(self.qtbot, window)
        self.shown = None
        return window

    def _title_shown(self) -> str | None:
        inspection_id = self.window.page.inspection_id
        return self.titles.get(inspection_id) if inspection_id is not None else None

    def _responses_shown(self) -> bool:
        return self._title_shown() is not None and self.window.page.tabText(
            self.window.page.currentIndex()
        ) == "Responses"

    def _editor(self, index: int) -> QTextEdit | None:
        editors = self.person.editors()
        return editors[index % len(editors)] if editors else None

    def _key(self, editor: QTextEdit) -> world.Key:
        title = self._title_shown()
        assert title is not None
        return world.key_of(title, editor.accessibleName())

    def _before_edit(self, editor: QTextEdit) -> tuple[world.Key, str]:
        key = self._key(editor)
        shown = world.words(editor.toPlainText())
        if not editor.isReadOnly() and shown != self.expected.get(key):
            # The editor shows an older text than the file: saving must ask the person.
            self.must_conflict.add(editor.accessibleName())
        return key, shown

    def _after_edit(self, editor: QTextEdit, key: world.Key, before: str) -> None:
        if editor.isReadOnly():
            assert world.words(editor.toPlainText()) == before, "a locked response changed"
            return
        after = world.words(editor.toPlainText())
        changed = getattr(editor, "is_modified", lambda: True)()
        if after == before and not changed:
            self.must_conflict.discard(editor.accessibleName())  # nothing was changed
            return
        self.expected[key] = after

    # --- rules -----------------------------------------------------------------------------------

    @rule(which=st.sampled_from([SPOTLIGHT, PEEL]))
    def choose_inspection(self, which: str) -> None:
        self.person.choose_inspection(which)

    @rule(tab=st.sampled_from(TABS))
    def show_tab(self, tab: str) -> None:
        if self._title_shown() is not None:
            self.person.show_tab(tab)

    @precondition(lambda self: self._responses_shown())
    @rule(index=st.integers(0, 40), text=WORDS)
    def type_text(self, index: int, text: str) -> None:
        editor = self._editor(index)
        if editor is None:
            return
        key, before = self._before_edit(editor)
        self.person.type(editor, " " + text)
        self._after_edit(editor, key, before)

    @precondition(lambda self: self._responses_shown())
    @rule(index=st.integers(0, 40), text=WORDS, which=st.sampled_from([SPOTLIGHT, PEEL]))
    def type_then_choose_another_inspection(self, index: int, text: str, which: str) -> None:
        """Typing and moving straight on, before the autosave's pause."""
        self.type_text(index, text)
        self.person.choose_inspection(which)

    @precondition(lambda self: self._responses_shown())
    @rule(index=st.integers(0, 40), text=WORDS)
    def paste_text(self, index: int, text: str) -> None:
        editor = self._editor(index)
        if editor is None:
            return
        key, before = self._before_edit(editor)
        self.person.paste(editor, " " + text)
        self._after_edit(editor, key, before)

    @precondition(lambda self: self._responses_shown())
    @rule(index=st.integers(0, 40), button=st.sampled_from(["Bold", "Italic"]))
    def format_last_word(self, index: int, button: str) -> None:
        editor = self._editor(index)
        if editor is None or not editor.toPlainText().strip():
            return
        key, before = self._before_edit(editor)
        self.person.select_last_word(editor)
        self.person.press_toolbar(button)
        self._after_edit(editor, key, before)

    @precondition(lambda self: self._responses_shown())
    @rule(index=st.integers(0, 40))
    def undo(self, index: int) -> None:
        editor = self._editor(index)
        if editor is None:
            return
        key, before = self._before_edit(editor)
        self.person.undo(editor)
        self._after_edit(editor, key, before)

    @precondition(lambda self: self._responses_shown())
    @rule(index=st.integers(0, 40))
    def restore_oldest_version(self, index: int) -> None:
        editor = self._editor(index)
        if editor is None or editor.isReadOnly():
            return
        key, _before = self._before_edit(editor)
        self.person.click_into(editor)
        assert find(self.window, "History", QToolButton).isEnabled(), "History is dead"
        self.person.press_toolbar("History")
        versions = find(self.window, "Saved versions", QListWidget)
        if versions.count() < 2:
            return
        versions.setCurrentRow(versions.count() - 1)
        self.person.click("Restore this version")
        self.qtbot.wait(10)
        self.must_conflict.discard(editor.accessibleName())  # restoring asks nothing
        self.expected[key] = world.words(editor.toPlainText())

    @precondition(lambda self: self._responses_shown())
    @rule()
    def sign_off_or_reopen(self) -> None:
        for name in ("Sign off…", "Reopen…"):
            try:
                self.person.click(name)
            except LookupError:
                continue
            self.qtbot.wait(10)
            return

    @precondition(lambda self: self._responses_shown())
    @rule(number=st.integers(0, 5))
    def tick_office_step(self, number: int) -> None:
        if not find(self.window, "Details", QToolButton).isChecked():
            self.person.press_toolbar("Details")
        tabs = find(self.window, "Response details tabs", QTabBar)
        tabs.setCurrentIndex([tabs.tabText(i) for i in range(tabs.count())].index("Office steps"))
        panel = find(self.window, "Office steps", QWidget)
        boxes = [b for b in panel.findChildren(QCheckBox) if b.isVisible() and b.isEnabled()]
        if boxes:
            self.qtbot.mouseClick(boxes[number % len(boxes)], Qt.MouseButton.LeftButton)

    @precondition(lambda self: self._title_shown() is not None)
    @rule(
        reverse=st.booleans(),
        add=st.booleans(),
        change=st.one_of(st.none(), st.tuples(st.integers(0, 10), st.sampled_from(AuthorRole))),
    )
    def another_copy_imports_an_archive(
        self, reverse: bool, add: bool, change: tuple[int, AuthorRole] | None
    ) -> None:
        """The command line, in another process, updates the shown inspection from an archive."""
        title = self._title_shown()
        assert title is not None
        self.imports += 1
        record = world.export_inspection(self.db_path, self.ids[title])
        findings = list(record["findings"])  # type: ignore[call-overload]
        if reverse:
            findings.reverse()
        new_texts: dict[world.Key, str] = {}
        if change is not None and findings:
            finding = findings[change[0] % len(findings)]
            text = f"Changed by the other copy {self.imports}"
            finding["responses"][change[1].value] = text
            new_texts[(title, finding["reference"], change[1])] = text
        if add:
            reference = f"Recommendation {90 + self.imports}"
            findings.insert(0, {"kind": "recommendation", "reference": reference,
                                "text": "Forces should do more.",
                                "addressee": "forces"})  # fmt: skip
            for role in AuthorRole:
                new_texts[(title, reference, role)] = ""
        record["findings"] = findings
        path = world.write_archive(self.folder / f"update-{self.imports}.json", [record])
        result = world.run_cli(self.db_path, "import", str(path), "--yes")
        if result.returncode == 0:
            self.expected.update(new_texts)
        else:
            assert "locked" in result.stderr.lower() or "signed off" in result.stderr.lower(), (
                result.stderr
            )

    @precondition(lambda self: self._title_shown() == next(
        (t for t in self.titles.values() if SPOTLIGHT in t), None))  # fmt: skip
    @rule()
    def import_the_report_again_in_the_window(self) -> None:
        """File → Import of the published response again: an update, after the preview."""
        title = self._title_shown()
        assert title is not None
        self.window.importer.import_file(SPOTLIGHT_SEED)
        self.qtbot.waitUntil(lambda: self.window.importer.preview is not None, timeout=30_000)
        preview = self.window.importer.preview
        assert preview is not None
        preview.accept()
        if self.window.importer.preview is not None and preview.error.isVisible():
            # Refused (the responses are signed off and the import would change them): the
            # preview says why and keeps the corrections; the person cancels.
            assert "locked" in preview.error.text().lower() or "sign" in preview.error.text()
            preview.reject()
        self.qtbot.waitUntil(lambda: self.window.importer.preview is None, timeout=30_000)
        self.qtbot.wait(50)
        self.expected = self._expected_after_seed_import(title)

    def _expected_after_seed_import(self, title: str) -> dict[world.Key, str]:
        """The file decides: the import either replaced texts with the seed's or was refused."""
        stored = world.stored_texts(self.db_path)
        seed = import_document(SPOTLIGHT_SEED).inspection
        expected = dict(self.expected)
        for role in AuthorRole:
            pairs = [("overall", seed.overall.get(role)), ("closing", seed.closing.get(role))]
            pairs += [(f.reference, f.responses.get(role)) for f in seed.findings]
            for label, text in pairs:
                key = (title, label, role)
                if text.strip() and stored.get(key) == world.plain(text):
                    expected[key] = world.plain(text)
        return expected

    @rule()
    def close_and_reopen_the_window(self) -> None:
        title = self._title_shown()
        self.window.close()
        self.qtbot.wait(10)
        self.window = self._open_window()
        if title is not None:
            words = SPOTLIGHT if SPOTLIGHT in title else PEEL
            self.person.choose_inspection(words)

    @precondition(lambda self: self._responses_shown())
    @rule(index=st.integers(0, 40))
    def type_steadily(self, index: int) -> None:
        """A key every 150 ms for 3 s: the file is never more than 2 s behind."""
        editor = self._editor(index)
        if editor is None or editor.isReadOnly():
            return
        key = self._key(editor)
        if world.words(editor.toPlainText()) != self.expected.get(key):
            return  # the conflict prompt would pause the typing; covered by type_text
        key, before = self._before_edit(editor)
        self.person.click_into(editor)
        typed: list[tuple[float, str]] = []
        start = time.monotonic()
        while time.monotonic() - start < 3.0:
            self.qtbot.keyClicks(editor, "s")
            typed.append((time.monotonic(), "s"))
            self.qtbot.wait(150)
        now = time.monotonic()
        stored = world.stored_texts(self.db_path).get(key, "")
        due = "".join(c for at, c in typed if at <= now - STEADY_LIMIT_S - 0.3)
        assert stored.startswith(world.words(editor.toPlainText())[: len(before) + len(due)]), (
            f"after {now - start:.1f} s of steady typing the file holds {stored[-40:]!r}"
        )
        self.expected[key] = world.words(editor.toPlainText())

    @rule(data=st.data(), text=WORDS)
    def search_then_type_where_it_was_found(self, data: st.DataObject, text: str) -> None:
        """Ctrl+Shift+F, a word typed before, Enter twice: the keyboard lands in the response
        the hit names, and what is typed next is saved there."""
        self._wait_for_autosave()  # the search reads the file
        stored = world.stored_texts(self.db_path)
        words = sorted({w for t in stored.values() for w in t.split()
                        if len(w) >= 5 and w.isalpha()})  # fmt: skip
        if not words:
            return
        word = data.draw(st.sampled_from(words))
        self.window.show_search()
        panel = self.window.search
        assert panel is not None
        panel.box.setText(word)
        panel.search_now()
        self.qtbot.waitUntil(lambda: not panel.searching, timeout=SAVE_WAIT_MS)
        item = next((child for top in range(panel.tree.topLevelItemCount())
                     if (group := panel.tree.topLevelItem(top)) is not None
                     for n in range(group.childCount())
                     if (child := group.child(n)) is not None
                     and getattr(child.data(0, HIT_ROLE), "source", None) is Source.RESPONSE),
                    None)  # fmt: skip
        if item is None:
            return
        hit = item.data(0, HIT_ROLE)
        panel.tree.setCurrentItem(item)
        panel.tree.setFocus()
        self.qtbot.keyClick(panel.tree, Qt.Key.Key_Return)
        title = self.window.context.organisation.role_title(hit.role)
        name = editor_name(hit, title)

        def arrived() -> bool:
            focused = QApplication.focusWidget()
            return focused is not None and focused.accessibleName() == name

        self.qtbot.waitUntil(arrived, timeout=SAVE_WAIT_MS)
        assert self.window.page.inspection_id == hit.inspection_id
        editor = QApplication.focusWidget()
        assert isinstance(editor, QTextEdit)
        key, before = self._before_edit(editor)
        self.person.type(editor, " " + text)
        self._after_edit(editor, key, before)

    # --- checks ----------------------------------------------------------------------------------

    def _wait_for_autosave(self) -> None:
        try:
            indicator = find(self.window, "Save status", QLabel)
        except LookupError:
            return
        self.qtbot.waitUntil(
            lambda: not indicator.text().startswith(("Unsaved", "Saving", "Waiting")),
            timeout=SAVE_WAIT_MS,
        )

    @invariant()
    def the_file_holds_what_was_typed_where_it_was_typed(self) -> None:
        if not hasattr(self, "window"):
            return
        self._wait_for_autosave()
        stored = world.stored_texts(self.db_path)
        wrong = {
            f"{key[1]} ({key[2].value}): file {stored.get(key)!r}, typed {text!r}"
            for key, text in self.expected.items()
            if stored.get(key, "") != text
        }
        assert not wrong, "\n".join(sorted(wrong))
        asked = {name for name, _mine, _theirs in self.answers.conflicts}
        unasked = self.must_conflict - asked
        assert not unasked, f"typed over another copy's text without asking: {unasked}"
        self.must_conflict.clear()
        self.answers.conflicts.clear()

    def teardown(self) -> None:
        if hasattr(self, "window"):
            self.window.close()
            self.qtbot.wait(10)
        shutil.rmtree(self.folder, ignore_errors=True)


def test_random_journeys_through_the_window(
    qtbot: QtBot, person: Answers, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(import_prompts, "ask_duplicate", lambda *_a: DuplicateChoice.UPDATE)
    WindowJourney.qtbot = qtbot
    WindowJourney.answers = person
    soak = bool(os.environ.get("SOAK_EXAMPLES"))
    run_state_machine_as_test(
        WindowJourney,
        settings=settings(
            max_examples=examples(),
            stateful_step_count=30 if not soak else 60,
            deadline=None,
            derandomize=not soak,
            suppress_health_check=list(HealthCheck),
            print_blob=True,
            # Shrinking replays the window many times (minutes); the soak run shrinks.
            phases=list(Phase) if soak else [Phase.explicit, Phase.reuse, Phase.generate],
        ),
    )
