"""The SQLite knowledge base: schema (migrations), loading, queries, search.

Public API (the CLI is a thin layer over these):
    open_db(path, *, create=False) -> sqlite_utils.Database
    load_article(db, *, url, text, extraction, ...) -> int
    query_blocs / query_awards / query_meetings / query_figures -> list[dict]
    agency_profile(db, name) -> dict; summary(db) -> dict; search(db, text, limit) -> list[dict]
Errors derive from KBError and carry one-line messages.
"""
from .db import open_db, schema_version
from .errors import BadFilter, DatabaseMissing, KBError, MigrationError, NotAThiduaDatabase, NotFound

__all__ = [
    "BadFilter", "DatabaseMissing", "KBError", "MigrationError", "NotAThiduaDatabase", "NotFound",
    "open_db", "schema_version",
]
