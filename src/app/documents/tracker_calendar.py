"""Deadlines as an iCalendar file for Outlook: each an all-day event with a reminder.

icalendar is loaded when a calendar is first written, not when this module is imported.

Every event has a stable identifier, so importing a newer file into the same calendar updates
the events rather than adding them twice (``finding-12@opcc-responses``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app import APP_NAME, __version__

if TYPE_CHECKING:
    from icalendar import Event

UID_DOMAIN = "opcc-responses"
REMINDER_DAYS = 7


@dataclass(frozen=True, slots=True)
class Deadline:
    """One date in the calendar: what is due, when, and why."""

    key: str
    """What makes the event's identifier: "finding-12", "inspection-3-s55"."""
    on: dt.date
    summary: str
    description: str = ""

    @property
    def uid(self) -> str:
        return f"{self.key}@{UID_DOMAIN}"


def deadlines_ics(
    deadlines: Iterable[Deadline], *, stamped: dt.datetime, reminder_days: int = REMINDER_DAYS
) -> bytes:
    """The calendar's bytes; ``stamped`` (UTC) is when it was made."""
    from icalendar import Calendar  # loaded when a calendar is first written

    calendar = Calendar()
    calendar.add("prodid", f"-//{APP_NAME}//{__version__}//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "Inspection deadlines")
    for deadline in deadlines:
        calendar.add_component(_event(deadline, stamped, reminder_days))
    return bytes(calendar.to_ical())


def _event(deadline: Deadline, stamped: dt.datetime, reminder_days: int) -> Event:
    from icalendar import Alarm, Event

    event = Event()
    event.add("uid", deadline.uid)
    event.add("dtstamp", stamped)
    event.add("dtstart", deadline.on)
    event.add("dtend", deadline.on + dt.timedelta(days=1))
    event.add("summary", deadline.summary)
    if deadline.description:
        event.add("description", deadline.description)
    event.add("transp", "TRANSPARENT")  # a deadline does not make anyone busy
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", deadline.summary)
    alarm.add("trigger", dt.timedelta(days=-reminder_days))
    event.add_component(alarm)
    return event
