"""What every view needs: the database, the organisation settings and today's date."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from app.db.database import Database
    from app.domain.organisation import OrganisationSettings

log = logging.getLogger(__name__)


class AppContext(QObject):
    """Shared by the main window, the inspection page and every tab.

    The database may be handed over before it is open (``Database(location)``):
    :meth:`open_database` opens it on the database worker, which runs every read and write
    queued afterwards only after that.

    Signals:
        organisationChanged(): the organisation settings changed (saved in the dialog, or
            filled in by loading the samples); re-read role titles and names.
        databaseOpened(): the database is open.
        databaseFailed(object): it could not be opened (the error).
    """

    organisationChanged = Signal()
    databaseOpened = Signal()
    databaseFailed = Signal(object)

    def __init__(
        self,
        db: Database,
        *,
        today: Callable[[], dt.date] = dt.date.today,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.today = today
        self._organisation: OrganisationSettings | None = None
        self.opening = False
        """The database is being opened on the worker (from :meth:`open_database` until one of
        the signals is emitted)."""

    def open_database(self) -> None:
        """Open the database on the database worker (at once, or again after a restore); a
        call while it is being opened does nothing."""
        from app.ui.db_worker import database_worker

        if self.opening:
            return

        def opened(_none: None) -> None:
            self.opening = False
            self.databaseOpened.emit()

        def failed(error: BaseException) -> None:
            self.opening = False
            self.databaseFailed.emit(error)

        self.opening = True
        database_worker().run(self.db.open_now, opened, failed, owner=self)

    @property
    def organisation(self) -> OrganisationSettings:
        """The organisation settings, read once and cached until they change."""
        if self._organisation is None:
            return self.read_organisation()
        return self._organisation

    def read_organisation(self) -> OrganisationSettings:
        """Read the settings now (the window does it on the database worker at start-up, so
        that its first look at them finds them read)."""
        self._organisation = _read_settings(self.db)
        return self._organisation

    def save_organisation(self, settings: OrganisationSettings) -> None:
        """Save the settings on the database worker and read them back there, waiting for it
        (the settings dialog's save: it closes, or stays open saying why not)."""
        from app.ui.db_worker import wait_on_worker

        db = self.db

        def save_and_read() -> OrganisationSettings:
            from app.services.settings import save_settings  # SQLAlchemy: loaded on first use

            save_settings(db, settings)
            return _read_settings(db)

        self._organisation = wait_on_worker(save_and_read)
        self.organisationChanged.emit()

    def reload_organisation(self) -> None:
        """Read the settings afresh on the database worker (after the samples filled them in,
        or a restore replaced the file); ``organisationChanged`` follows. Until then the
        settings read before stay in use."""
        from app.ui.db_worker import database_worker

        db = self.db

        def done(settings: OrganisationSettings) -> None:
            self._organisation = settings
            self.organisationChanged.emit()

        def failed(error: BaseException) -> None:  # the settings read before stay in use
            log.warning("The organisation settings could not be read again", exc_info=error)

        database_worker().run(lambda: _read_settings(db), done, failed, owner=self)


def _read_settings(db: Database) -> OrganisationSettings:
    from app.services.reading import load_settings  # SQLAlchemy: not before it is needed

    return load_settings(db)
