"""The rows a load writes, held until a flush: the loader's second pass.

Loading decides every row in Python first (fact ids are assigned here, from the table's largest
id, so a new fact needs no statement to learn its id) and writes them at a flush, one
`executemany` per statement, in key order: new facts, then the values later reports fill in,
then the sources, article agencies, figures and search rows. A single load flushes before its
commit; a bulk load (`transaction()`) holds a whole batch, so each table is written once per
batch, B-tree inserts stay on the same pages, and those pages are first written outside the
per-article savepoints (never copied to a savepoint journal). Whatever reads these tables
before the flush calls `flush_pending()` first.

A failed article's rows are dropped (`mark()` / `drop_since_mark()`); the fact cache may then
name ids that were never written, so the loader flushes what earlier articles held and clears
the cache (see load.load_article).
"""
from __future__ import annotations

import contextlib
import json
import operator
import sqlite3
from collections.abc import Iterable, Iterator

import sqlite_utils

from . import resolve
from .db import Connection, checkpoint_in_background, use_bulk_cache, wait_checkpoint
from .migrations import SOURCE_TABLES

# new facts first (their ids are what later statements point at), then the values that later
# reports fill in (in the order reported: an award's status only moves on), then what is appended
_FACTS = {
    "articles": ("id", "url", "title", "published", "site", "province", "text", "fetched_at", "page_url",
                 "source", "year", "loaded_at"),
    "bloc_years": ("id", "bloc_id", "year", "member_count"),
    "memberships": ("id", "bloc_id", "year", "agency_id", "role", "lead_year"),
    "meetings": ("id", "bloc_id", "kind", "date", "year", "location", "location_key", "period", "dedup_key",
                 "description"),
    "awards": ("id", "year", "award", "award_key", "recipient", "recipient_key", "recipient_agency_id",
               "province", "status"),
    "award_steps": ("id", "award_id", "status", "rank"),
    "people": ("id", "name", "title", "agency_id", "agency", "dedup_key"),
    "documents": ("id", "number", "kind", "date", "issuer", "issuer_agency_id", "dedup_key"),
}
SQL: dict[str, str] = {
    t: f"INSERT INTO {t} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})" for t, cols in _FACTS.items()
}
SQL.update({  # the fills: a value the first report lacked (coalesce keeps the first one given)
    "fill bloc_years": "UPDATE bloc_years SET member_count = coalesce(member_count, ?) WHERE id = ?",
    "fill memberships": "UPDATE memberships SET lead_year = coalesce(lead_year, ?) WHERE id = ?",
    "fill documents": "UPDATE documents SET kind = coalesce(kind, ?) WHERE id = ?",
    "fill awards": "UPDATE awards SET province = coalesce(province, ?) WHERE id = ?",
    "award status": "UPDATE awards SET status = ? WHERE id = ?",
})
SQL.update({t: f'INSERT OR IGNORE INTO {t} (fact_id, article_id, start, "end") VALUES (?,?,?,?)'
            for t in SOURCE_TABLES})
SQL.update({
    "article_agencies": "INSERT OR IGNORE INTO article_agencies VALUES (?, ?)",
    "figures": 'INSERT INTO figures (article_id, value, unit, text, start, "end", agency_id, province, year) '
               "VALUES (?,?,?,?,?,?,?,?,?)",
    "articles_fts": "INSERT INTO articles_fts (rowid, title, text, title_folded, text_folded) VALUES (?,?,?,?,?)",
    "meetings_fts": "INSERT INTO meetings_fts (rowid, description, description_folded) VALUES (?,?,?)",
})
_ORDER = list(SQL)  # dicts keep insertion order: facts, fills, sources, the rest
_IN_ORDER = {"figures"} | {s for s in SQL if s.startswith(("fill ", "award status"))}  # order matters
_KEY_ORDER = operator.itemgetter(0, 1)  # (id, …) or (fact or article id, article or agency id)

# award_steps keep their number of sources and first MAX_URLS source urls (the award questions
# list every step's sources; counting and looking them up per step at query time was most of
# a province's awards query). Refreshed for the steps whose sources were written or removed.
MAX_URLS = 5
_STEP_SOURCES_SQL = (
    "UPDATE award_steps SET sources = (SELECT count(*) FROM award_step_sources s WHERE s.fact_id = award_steps.id), "
    "urls = (SELECT group_concat(url, char(31)) FROM (SELECT a.url FROM award_step_sources s JOIN articles a "
    f"ON a.id = s.article_id WHERE s.fact_id = award_steps.id ORDER BY s.article_id LIMIT {MAX_URLS})) "
    "WHERE id IN (SELECT value FROM json_each(?))")


def refresh_step_sources(conn: sqlite3.Connection, step_ids: Iterable[int]) -> None:
    ids = sorted(set(step_ids))
    if ids:
        conn.execute(_STEP_SOURCES_SQL, (json.dumps(ids),))


class Writes:
    """One connection's rows to write, by statement, and the fact ids handed out for them."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self.rows: dict[str, list[tuple]] = {}
        self._next: dict[str, int] = {}  # table → the next free id (read once per transaction)
        self.new_from: dict[str, int] = {}  # table → the first id held unwritten
        self._marks: dict[str, int] | None = None
        self._restore: dict[str, list[tuple]] | None = None
        self.savepoint = False  # the loading article's savepoint is open
        self._hooked = isinstance(conn, Connection)  # its statements can be preceded by a hook

    def new_id(self, table: str) -> int:
        n = self._next.get(table)
        if n is None:
            # inside the write transaction, so no other writer adds rows meanwhile
            n = (self.conn.execute(f"SELECT max(id) FROM {table}").fetchone()[0] or 0) + 1
        self._next[table] = n + 1
        self.new_from.setdefault(table, n)
        return n

    def is_new(self, table: str, fid: int) -> bool:
        """The fact is held, not yet written (so the database cannot know its children)."""
        first = self.new_from.get(table)
        return first is not None and fid >= first

    def add(self, statement: str, rows: list[tuple]) -> None:
        self.rows.setdefault(statement, []).extend(rows)

    def add_one(self, statement: str, row: tuple) -> None:
        self.rows.setdefault(statement, []).append(row)

    # --- one article's share, for undoing it ---------------------------------------------------

    def mark(self) -> None:
        self._marks, self._restore = dict(zip(self.rows, map(len, self.rows.values()), strict=True)), None

    def unmark(self) -> None:
        self._marks = self._restore = None

    def drop_since_mark(self) -> None:
        """Forget the rows held since mark(); if a flush wrote earlier articles' rows inside the
        failed article's savepoint (its rollback undid them), hold those again."""
        if self._restore is not None:
            self.rows = self._restore
        elif self._marks is not None:
            for s, rows in self.rows.items():
                del rows[self._marks.get(s, 0):]
        self.unmark()

    def begin_article(self) -> None:
        """An article of a bulk load begins: its rows are marked, and its savepoint is opened
        before its first statement (db.Connection's hook), if it issues one."""
        self.mark()
        if self._hooked:
            self.conn.before_sql = self._open_savepoint
        else:
            self._open_savepoint()

    def _open_savepoint(self) -> None:
        if self._hooked:
            self.conn.before_sql = None
        self.conn.execute("SAVEPOINT load_article")
        self.savepoint = True

    def end_article(self, ok: bool) -> None:
        """The article loaded (its rows stay held) or failed (its rows and statements undone)."""
        if self._hooked:
            self.conn.before_sql = None
        opened, self.savepoint = self.savepoint, False
        if ok:
            self.unmark()
        else:
            self.drop_since_mark()
        if opened:
            if not ok:
                self.conn.execute("ROLLBACK TO load_article")
            self.conn.execute("RELEASE load_article")

    # --- writing -----------------------------------------------------------------------------

    def flush(self) -> None:
        if not any(self.rows.values()):
            return
        if self._marks is not None and self._restore is None:
            self._restore = {s: rows[:self._marks.get(s, 0)] for s, rows in self.rows.items()}
        rows_by, self.rows = self.rows, {}
        self.new_from = {}
        for statement in _ORDER:
            rows = rows_by.get(statement)
            if not rows:
                continue
            if statement not in _IN_ORDER:  # stable: the first evidence span of a fact wins
                rows.sort(key=_KEY_ORDER)
            self.conn.executemany(SQL[statement], rows)
            if statement == "award_step_sources":
                refresh_step_sources(self.conn, (r[0] for r in rows))


_WRITES: dict[int, Writes] = {}


def current(conn: sqlite3.Connection) -> Writes | None:
    w = _WRITES.get(id(conn))
    return w if w is not None and w.conn is conn else None


def begin(conn: sqlite3.Connection) -> Writes:
    w = _WRITES[id(conn)] = Writes(conn)
    return w


def end(conn: sqlite3.Connection) -> None:
    _WRITES.pop(id(conn), None)
    if isinstance(conn, Connection):
        conn.before_sql = None


def flush_pending(conn: sqlite3.Connection) -> None:
    """Write the held rows now (before anything reads those tables)."""
    w = current(conn)
    if w is not None:
        w.flush()


# a connection's fact cache grows with every fact it has seen; between batches (nothing held)
# a cache this large is dropped and refilled from the database as facts come again
MAX_CACHED_FACTS = 1_000_000


@contextlib.contextmanager
def transaction(db: sqlite_utils.Database) -> Iterator[None]:
    """One transaction around several loads (each can still fail alone: its held rows are dropped,
    and its statements, if it issued any, run in a savepoint that is rolled back): bulk loading.
    The loads' rows are written when the block ends."""
    conn = db.conn
    wait_checkpoint(conn)  # the last batch's: done by now, so this commit starts the WAL over
    use_bulk_cache(conn)
    conn.execute("BEGIN IMMEDIATE")
    resolve.check_cache(conn)
    w = begin(conn)
    try:
        yield
        w.flush()
    except BaseException:
        end(conn)
        conn.execute("ROLLBACK")
        resolve.clear_cache(conn)
        raise
    end(conn)
    # no inline checkpoint on this commit (autocheckpoint 0 for it): a thread runs it (db.py)
    (ckpt,) = conn.execute("PRAGMA wal_autocheckpoint").fetchone()
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    try:
        conn.execute("COMMIT")
    finally:
        conn.execute(f"PRAGMA wal_autocheckpoint = {int(ckpt)}")
    if ckpt:
        checkpoint_in_background(conn)
    facts = resolve.cache(conn).get("facts")
    if facts is not None and len(facts) > MAX_CACHED_FACTS:
        facts.clear()
