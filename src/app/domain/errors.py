"""Typed errors of the core. Each message is a plain sentence fit to show a person."""

from __future__ import annotations


class AppError(Exception):
    """Base of every error the core raises on purpose."""

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else self.__class__.__name__


class ArchiveError(AppError):
    """A JSON archive cannot be read or written."""


class DatabaseError(AppError):
    """The database cannot be opened, migrated or written."""


class NotFoundError(AppError):
    """A record asked for does not exist."""

    @classmethod
    def inspection(cls, inspection_id: int) -> NotFoundError:
        return cls(f"There is no inspection with id {inspection_id}.")


class ValidationError(AppError):
    """Input that breaks a rule (title required, invalid date, …)."""


class ConflictError(AppError):
    """A save found a newer version than the one it was based on."""


class ImportFailure(AppError):
    """A document cannot be imported (missing, empty, unsupported, damaged, …)."""


class DocumentError(AppError):
    """A response document cannot be rendered or written."""
