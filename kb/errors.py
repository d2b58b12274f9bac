"""Exceptions of the knowledge base. Messages are one line: the CLI prints them as-is."""
from __future__ import annotations


class KBError(Exception):
    """Base class of every knowledge-base error the CLI reports as a one-line message."""


class DatabaseMissing(KBError):
    """The database path does not exist and create=False."""


class NotAThiduaDatabase(KBError):
    """The file is not SQLite, or is SQLite without thidua's marker; it is never modified."""


class MigrationError(KBError):
    """A migration failed or the database is newer than this code."""


class BadFilter(KBError):
    """A query filter is invalid (bad ISO date, bad year, unknown status...)."""


class NotFound(KBError):
    """The asked-for entity (e.g. an agency for its profile) is not in the knowledge base."""
