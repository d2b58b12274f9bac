"""The crawl's memory in the knowledge base: the `frontier` and `pages` tables.

Every finished URL is one transaction (its page row, its frontier state, the links it
revealed), so a crawl killed at any moment restarts from a consistent queue: pages
committed are never fetched again in that pass, URLs in flight are simply still 'queued'.
"""
from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

import sqlite_utils

# Column lists fixed by the kb schema (kb/migrations.py, migration 1); used to create the
# tables when the crawler is handed a bare database (tests, library use without kb).
PAGES_COLUMNS = ("url", "final_url", "canonical_url", "status", "fetched_at", "content_type", "etag",
                 "last_modified", "sha256", "body", "kind", "error")
FRONTIER_COLUMNS = ("url", "depth", "state", "found_on", "added_at", "attempts", "next_try")

QUEUED, DONE, FAILED, SKIPPED = "queued", "done", "failed", "skipped"


def utcnow() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def ensure_tables(db: sqlite_utils.Database) -> None:
    db.execute("""CREATE TABLE IF NOT EXISTS pages (
        url TEXT PRIMARY KEY, final_url TEXT, canonical_url TEXT, status INTEGER,
        fetched_at TEXT, content_type TEXT, etag TEXT, last_modified TEXT, sha256 TEXT,
        body TEXT, kind TEXT, error TEXT)""")
    db.execute("""CREATE TABLE IF NOT EXISTS frontier (
        url TEXT PRIMARY KEY, depth INTEGER, state TEXT, found_on TEXT, added_at TEXT,
        attempts INTEGER, next_try TEXT)""")
    _commit(db.conn)


def _commit(conn: sqlite3.Connection) -> None:
    if conn.in_transaction:
        conn.execute("COMMIT")


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """BEGIN…COMMIT by hand: works with kb's autocommit connections and plain ones alike."""
    _commit(conn)
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


class CrawlState:
    def __init__(self, db: sqlite_utils.Database):
        self.db = db
        self.conn = db.conn
        ensure_tables(db)

    # -- frontier -------------------------------------------------------------------------
    def frontier_states(self) -> dict[str, str]:
        return dict(self.conn.execute("SELECT url, state FROM frontier"))

    def queued(self) -> list[tuple[str, int, int, str | None]]:
        """(url, depth, attempts, next_try) of every queued URL, shallowest first."""
        return list(self.conn.execute(
            "SELECT url, COALESCE(depth, 0), COALESCE(attempts, 0), next_try FROM frontier "
            "WHERE state = ? ORDER BY depth, rowid", (QUEUED,)))

    def requeue(self, urls: Iterable[str]) -> int:
        """Start a new pass over known URLs: they will be revisited with conditional requests."""
        n = 0
        with transaction(self.conn):
            for url in urls:
                n += self.conn.execute(
                    "UPDATE frontier SET state = ?, attempts = 0, next_try = NULL WHERE url = ?",
                    (QUEUED, url)).rowcount
        return n

    def add(self, rows: Iterable[tuple[str, int, str | None]], *, requeue: bool = False) -> None:
        """Insert (url, depth, found_on) rows not yet known; `requeue` also revives finished ones."""
        now = utcnow()
        with transaction(self.conn):
            self._insert(rows, now, requeue=requeue)

    def _insert(self, rows, now: str, requeue: bool = False) -> None:
        sql = ("INSERT INTO frontier (url, depth, state, found_on, added_at, attempts, next_try) "
               "VALUES (?, ?, 'queued', ?, ?, 0, NULL)")
        if requeue:
            sql += " ON CONFLICT(url) DO UPDATE SET state = 'queued', attempts = 0, next_try = NULL"
        else:
            sql += " ON CONFLICT(url) DO NOTHING"
        self.conn.executemany(sql, [(u, d, f, now) for u, d, f in rows])

    def mark(self, url: str, state: str, *, attempts: int | None = None, next_try: str | None = None,
             page: dict | None = None, links: Iterable[tuple[str, int, str | None]] = ()) -> None:
        """Finish (or postpone) one URL: page row, frontier state and new links in one commit."""
        with transaction(self.conn):
            if page is not None:
                self._upsert_page(page)
            self.conn.execute(
                "UPDATE frontier SET state = ?, attempts = COALESCE(?, attempts), next_try = ? WHERE url = ?",
                (state, attempts, next_try, url))
            links = list(links)
            if links:
                self._insert(links, utcnow())

    # -- pages ----------------------------------------------------------------------------
    def _upsert_page(self, page: dict) -> None:
        cols = [c for c in PAGES_COLUMNS if c in page]
        sql = (f"INSERT INTO pages ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))}) "
               f"ON CONFLICT(url) DO UPDATE SET "
               + ", ".join(f"{c} = excluded.{c}" for c in cols if c != "url"))
        self.conn.execute(sql, [page[c] for c in cols])

    def touch_page(self, url: str, fetched_at: str) -> None:
        """A 304: the stored copy is still current; only the time we checked changes."""
        self.conn.execute("UPDATE pages SET fetched_at = ? WHERE url = ?", (fetched_at, url))

    def page(self, url: str) -> dict | None:
        cur = self.conn.execute(
            "SELECT url, final_url, canonical_url, status, fetched_at, content_type, etag, last_modified, "
            "sha256, body, kind, error FROM pages WHERE url = ?", (url,))
        row = cur.fetchone()
        return dict(zip(PAGES_COLUMNS, row, strict=True)) if row else None

    def validators(self) -> dict[str, tuple[str | None, str | None, str | None]]:
        """url -> (etag, last_modified, sha256) for stored pages with a body: conditional requests."""
        return {u: (e, lm, h) for u, e, lm, h in self.conn.execute(
            "SELECT url, etag, last_modified, sha256 FROM pages WHERE body IS NOT NULL")}

    def article_keys(self) -> tuple[dict[str, str], dict[str, str]]:
        """(canonical -> url, sha256 -> url) of stored articles: one article, one row."""
        by_canon: dict[str, str] = {}
        by_hash: dict[str, str] = {}
        for url, canon, sha in self.conn.execute(
                "SELECT url, canonical_url, sha256 FROM pages WHERE kind = 'article' ORDER BY rowid"):
            if canon:
                by_canon.setdefault(canon, url)
            if sha:
                by_hash.setdefault(sha, url)
        return by_canon, by_hash

    def count_queued(self) -> int:
        return self.conn.execute("SELECT COUNT(*) FROM frontier WHERE state = ?", (QUEUED,)).fetchone()[0]
