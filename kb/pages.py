"""Fetched pages kept in the knowledge base (for `reextract`), and reading articles back."""
from __future__ import annotations

from collections.abc import Iterator

import sqlite_utils

from .errors import KBError


def iter_stored_pages(db: sqlite_utils.Database, *, kind: str | None = None) -> Iterator[dict]:
    """Every stored page with a body (for `thidua reextract`), oldest first."""
    sql = "SELECT url FROM pages WHERE body IS NOT NULL"
    params: tuple = ()
    if kind:
        sql += " AND kind = ?"
        params = (kind,)
    # keys first, rows one by one: the caller writes to the same connection while iterating
    urls = [r[0] for r in db.conn.execute(sql + " ORDER BY fetched_at, url", params)]
    for url in urls:
        row = next(iter(db.query("SELECT * FROM pages WHERE url = ?", (url,))), None)
        if row:
            yield row


def iter_articles(db: sqlite_utils.Database) -> Iterator[dict]:
    """Every article (url, title, published, site, province, text, fetched_at, page_url...), plus
    `page_body`: the stored page's HTML when the article came from a fetched page, else None."""
    ids = [r[0] for r in db.conn.execute("SELECT id FROM articles ORDER BY id")]
    for i in ids:
        row = next(iter(db.query("SELECT a.*, p.body AS page_body FROM articles a LEFT JOIN pages p "
                                 "ON p.url = a.page_url WHERE a.id = ?", (i,))), None)
        if row:
            yield row


PAGE_COLUMNS = ("url", "final_url", "canonical_url", "status", "fetched_at", "content_type", "etag",
                "last_modified", "sha256", "body", "kind", "error")


def store_page(db: sqlite_utils.Database, page) -> None:
    """Insert or replace one fetched page (a dict or an object such as crawler's FetchedPage,
    whose decoded `text` is stored as `body`)."""
    get = page.get if isinstance(page, dict) else (lambda k, d=None: getattr(page, k, d))
    row = {c: get(c) for c in PAGE_COLUMNS}
    if row["body"] is None:
        row["body"] = get("text")
    if not row["url"]:
        raise KBError("a page needs a url")
    cols = ", ".join(f'"{c}"' for c in PAGE_COLUMNS)
    conn = db.conn
    sql = (f"INSERT INTO pages ({cols}) VALUES ({', '.join('?' * len(PAGE_COLUMNS))}) ON CONFLICT (url) DO UPDATE "
           f"SET " + ", ".join(f'"{c}" = excluded."{c}"' for c in PAGE_COLUMNS[1:]))
    if conn.in_transaction:
        conn.execute(sql, [row[c] for c in PAGE_COLUMNS])
    else:
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute(sql, [row[c] for c in PAGE_COLUMNS])
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
