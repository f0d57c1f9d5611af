"""Dates are British English whatever the computer's locale: read and written the same way.

The window runs under the system's locale (Qt sets it at start-up), so a German or Turkish
Windows must still read "Published on: 7 July 2023" and still write "7 July 2023".
"""

from __future__ import annotations

import datetime as dt
import locale
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.domain.english_dates import MONTHS, long_date, month_number
from tests.conftest import SPOTLIGHT_SEED

ROOT = Path(__file__).resolve().parents[2]
FOREIGN = ("de_DE.UTF-8", "tr_TR.UTF-8")


def _available(name: str) -> bool:
    saved = locale.setlocale(locale.LC_TIME)
    try:
        locale.setlocale(locale.LC_TIME, name)
    except locale.Error:
        return False
    finally:
        locale.setlocale(locale.LC_TIME, saved)
    return True


def _skip_unless_available(name: str) -> None:
    if not _available(name):
        pytest.skip(f"the {name} locale is not installed here (.ci/run generates it)")


@pytest.fixture(params=FOREIGN)
def foreign_locale(request: pytest.FixtureRequest) -> Iterator[str]:
    """The whole process in another locale, as QApplication leaves it on Linux."""
    name: str = request.param
    _skip_unless_available(name)
    saved = locale.setlocale(locale.LC_ALL)
    locale.setlocale(locale.LC_ALL, name)
    try:
        yield name
    finally:
        locale.setlocale(locale.LC_ALL, saved)


def test_names_and_numbers_of_months() -> None:
    assert MONTHS[6] == "July"
    assert [month_number(word) for word in ("July", "jul", "JULY", "Sept", "sep")] == [
        7,
        7,
        7,
        9,
        9,
    ]
    assert month_number("Juli") is None
    assert long_date(dt.date(2023, 7, 7)) == "7 July 2023"


@pytest.mark.parametrize("name", FOREIGN)
def test_importing_under_another_locale_still_reads_english_dates(name: str) -> None:
    """A fresh process, as the window is: the locale is set before the importers load."""
    _skip_unless_available(name)
    script = (
        "import locale, sys\n"
        f"locale.setlocale(locale.LC_ALL, {name!r})\n"
        "from app.importers import import_document\n"
        f"found = import_document({str(SPOTLIGHT_SEED)!r}).inspection\n"
        "from app.domain.deadlines import parse_due_text\n"
        "print(found.published_on, found.stated_deadline, parse_due_text('By Jan 2024', None))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["2023-07-07", "2023-09-01", "2024-01-31"]


def test_dates_are_written_in_english_under_another_locale(foreign_locale: str) -> None:
    from app.documents.text import format_date
    from app.ui.formatting import long_date as shown

    day = dt.date(2023, 7, 7)
    assert shown(day) == format_date(day) == long_date(day) == "7 July 2023"
