"""Automatic backups and their rotation, and the newest good backup of a damaged database."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import pytest

from app.db.backup import AUTOMATIC, BackupFile, list_backups, to_delete
from app.db.database import Database
from app.services import backups, samples
from app.services.backups import BackupPolicy
from tests.db.damage import damage

pytestmark = pytest.mark.sqlite_only  # backups are copies of a file; a server keeps its own


def _backup(made: dt.datetime, label: str = AUTOMATIC) -> BackupFile:
    return BackupFile(Path(f"r-{label}-{made:%Y%m%d-%H%M%S}.sqlite3"), label, made)


def test_rotation_keeps_fourteen_days_and_eight_weeks() -> None:
    start = dt.datetime(2026, 1, 1, 9, 0)
    made = [_backup(start + dt.timedelta(days=n)) for n in range(120)]  # one a day, 4 months
    removed = {b.path for b in to_delete(made, daily=14, weekly=8)}
    kept = sorted((b.made for b in made if b.path not in removed), reverse=True)
    newest = start + dt.timedelta(days=119)
    assert kept[:14] == [newest - dt.timedelta(days=n) for n in range(14)]
    weeks = {moment.isocalendar()[:2] for moment in kept}
    assert len(weeks) == 8  # the 14 days span 3 weeks; 5 older weeks keep their newest
    assert len(kept) == 14 + 5


def test_rotation_never_removes_other_backups_and_keeps_the_newest_of_a_day() -> None:
    day = dt.datetime(2026, 3, 2, 8, 0)
    made = [_backup(day), _backup(day + dt.timedelta(hours=3)),
            _backup(day - dt.timedelta(days=400), "before-restore")]  # fmt: skip
    assert to_delete(made, daily=1, weekly=0) == [made[0]]


def test_an_automatic_backup_is_made_when_the_last_is_over_a_day_old(sample_db: Database) -> None:
    policy = BackupPolicy(daily=2, weekly=1)
    monday = dt.datetime(2026, 3, 2, 9, 0)
    first = backups.automatic_backup(sample_db.path, policy, monday)
    assert first is not None and first.parent.name == "backups"
    assert backups.automatic_backup(sample_db.path, policy, monday + dt.timedelta(hours=23)) is None
    for days in (1, 2, 3):
        assert backups.automatic_backup(sample_db.path, policy, monday + dt.timedelta(days=days))
    kept = list_backups(first.parent, sample_db.path.stem)
    assert [b.made.day for b in kept] == [5, 4]  # two days kept; the week's newest among them
    assert backups.check_file(kept[0].path).sound


def test_an_automatic_backup_copies_while_another_thread_writes(sample_db: Database) -> None:
    stop = threading.Event()

    def keep_writing() -> None:
        while not stop.is_set():
            samples.load_samples(sample_db)  # skipped each time, but a write transaction

    writer = threading.Thread(target=keep_writing)
    writer.start()
    try:
        made = backups.automatic_backup(sample_db.path, BackupPolicy())
    finally:
        stop.set()
        writer.join()
    assert made is not None and backups.check_file(made).counts["inspection"] == 2


def test_the_newest_good_backup_skips_damaged_ones(sample_db: Database) -> None:
    policy = BackupPolicy()
    day = dt.datetime(2026, 3, 2, 9, 0)
    good = backups.automatic_backup(sample_db.path, policy, day)
    bad = backups.automatic_backup(sample_db.path, policy, day + dt.timedelta(days=1))
    assert good is not None and bad is not None
    damage(bad)
    newest = backups.newest_good_backup(sample_db.path)
    assert newest is not None and newest.path == good
