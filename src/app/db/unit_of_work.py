"""The name the services give the session of one unit of work (``Database.transaction()``).

The services hand it on to the data layer's functions without knowing it is SQLAlchemy's.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

UnitOfWork = Session
"""The open writing transaction of one user action."""
