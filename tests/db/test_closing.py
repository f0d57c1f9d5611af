"""A call that reaches a closed database (a late autosave, a timer) leaves nothing open."""

from __future__ import annotations

import gc
import warnings
from pathlib import Path

from app.db.database import Database
from app.services import reading
from app.services.settings import save_settings


def test_a_read_and_a_write_after_close_keep_no_connection_for_the_collector(
    tmp_path: Path,
) -> None:
    database = Database.open(tmp_path / "responses.sqlite3")
    reading.list_inspections(database)
    database.close()
    settings = reading.load_settings(database)  # late callers still get their answer
    settings.force_name = "Norfolk Constabulary"
    save_settings(database, settings)
    assert reading.load_settings(database).force_name == "Norfolk Constabulary"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        gc.collect()
    assert not [w for w in caught if issubclass(w.category, ResourceWarning)]
