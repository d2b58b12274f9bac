"""The SQLite knowledge base: schema (migrations), loading, queries, search.

Public API (the CLI is a thin layer over these; errors derive from KBError, one-line messages):
    open_db(path, *, create=False) -> sqlite_utils.Database
    load_article(db, *, url, text, extraction, title=None, published=None, site=None,
                 fetched_at=None, page_url=None) -> int
    transaction(db)                       context manager: many loads in one transaction
    delete_article_facts(db, url_or_id, *, delete_article=False) -> bool
    store_page(db, page)                  a fetched page (dict or crawler FetchedPage) into `pages`
    iter_stored_pages(db, *, kind=None) / iter_articles(db) -> Iterator[dict]
    query_blocs / query_awards / query_meetings / query_figures -> list[dict]
    agency_profile(db, name) -> dict;  summary(db) -> dict
    search(db, text, limit=20) -> list[dict]
    serve.serve(db_path, port, host="127.0.0.1") / serve.datasette_app_args(db_path, port)
"""
from .db import open_db, schema_version
from .errors import BadFilter, DatabaseMissing, KBError, MigrationError, NotAThiduaDatabase, NotFound
from .load import load_article
from .pages import iter_articles, iter_stored_pages, store_page
from .queries import agency_profile, query_awards, query_blocs, query_figures, query_meetings, summary
from .search import search
from .unload import delete_article_facts
from .writes import transaction

__all__ = [
    "BadFilter", "DatabaseMissing", "KBError", "MigrationError", "NotAThiduaDatabase", "NotFound",
    "agency_profile", "delete_article_facts", "iter_articles", "iter_stored_pages", "load_article",
    "open_db", "query_awards", "query_blocs", "query_figures", "query_meetings", "schema_version",
    "search", "store_page", "summary", "transaction",
]
