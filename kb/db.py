"""Opening a knowledge base: refuse foreign files before writing a byte, then migrate.

The checks read the file header and then open SQLite read-only (mode=ro URI), so a file that
is not ours is never modified: not even a WAL switch or a journal.
"""
from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path

import sqlite_utils

from . import migrations
from .errors import DatabaseMissing, NotAThiduaDatabase

_SQLITE_HEADER = b"SQLite format 3\x00"

# CPython's sqlite3 (3.11) binds int, float and str directly but sends None through the adapter
# protocol, whose failed `__adapt__` look-up raises and clears an AttributeError each time: binding
# a NULL cost 1 µs, more than an int. A registered adapter is found first (None stays None, a NULL).
# Loads bind tens of NULLs an article (lead years, spans an extractor did not give, optional columns).
sqlite3.register_adapter(type(None), lambda value: value)


def _inspect(path: Path) -> str:
    """'ours', 'empty' (a SQLite file or zero-byte file with no tables) or raise NotAThiduaDatabase."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(100)
    except IsADirectoryError:
        raise NotAThiduaDatabase(f"{path} is a directory, not a thidua database") from None
    except OSError as exc:
        raise NotAThiduaDatabase(f"cannot read {path}: {exc.strerror}") from None
    if not head:
        return "empty"
    if not head.startswith(_SQLITE_HEADER):
        raise NotAThiduaDatabase(f"{path} is not a SQLite database")
    try:
        uri = "file:" + str(path.resolve()).replace("?", "%3f").replace("#", "%23") + "?mode=ro"
        conn = sqlite3.connect(uri, uri=True)
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if not tables:
                return "empty"
            if "_thidua_migrations" not in tables or "_thidua_meta" not in tables:
                raise NotAThiduaDatabase(f"{path} is a SQLite database but not a thidua knowledge base")
            marker = conn.execute(
                "SELECT value FROM _thidua_meta WHERE key = ?", (migrations.MARKER[0],)
            ).fetchone()
            if not marker or marker[0] != migrations.MARKER[1]:
                raise NotAThiduaDatabase(f"{path} is a SQLite database but not a thidua knowledge base")
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise NotAThiduaDatabase(f"{path} is not a readable SQLite database: {exc}") from None
    return "ours"


# page cache sizes (KiB; allocated as used). A bulk load takes the larger one: the indexes it
# inserts into at random (sources by fact, article agencies by agency) then stay in memory; with
# 64 MB a bulk load slowed by a third between its first and fifth 20,000 articles
# (bench/bench_kb.py), with 256 MB it stays level. Loads that commit one by one go back to 64 MB:
# with 256 MB they ran at 210 articles/s instead of 350 on a 100,000-article knowledge base.
CACHE_KIB = -65536
BULK_CACHE_KIB = -262144
_BULK_CACHE: dict[int, sqlite3.Connection] = {}  # by id, with the connection (an id can be reused)


def use_bulk_cache(conn: sqlite3.Connection) -> None:
    if _BULK_CACHE.get(id(conn)) is not conn:
        conn.execute(f"PRAGMA cache_size = {BULK_CACHE_KIB}")
        _BULK_CACHE[id(conn)] = conn


class Connection(sqlite3.Connection):
    """A knowledge base's connection, which can run a hook before any statement it is asked for.

    A bulk load uses it to open an article's savepoint only before the article's first statement
    (writes.Writes.begin_article): most articles of a bulk load issue none (their facts are cached,
    their rows held for the batch's end), and a savepoint opened and released around each one was
    a twentieth of the load. Every way in (execute, executemany, executescript, a cursor, commit,
    rollback) runs the hook.
    """

    before_sql = None


def _hook_first(method):
    def run(self, *args, **kwargs):
        if self.before_sql is not None:
            self.before_sql()
        return method(self, *args, **kwargs)
    run.__name__, run.__doc__ = method.__name__, method.__doc__
    return run


for _name in ("execute", "executemany", "executescript", "cursor", "commit", "rollback"):
    setattr(Connection, _name, _hook_first(getattr(sqlite3.Connection, _name)))


def connect(path: str | os.PathLike) -> sqlite3.Connection:
    # isolation_level=None: we issue BEGIN/COMMIT ourselves so one article = one transaction
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False, factory=Connection)
    conn.execute("PRAGMA busy_timeout = 10000")
    return conn


def open_db(path: str | os.PathLike, *, create: bool = False, upto: int | None = None) -> sqlite_utils.Database:
    """Open (and with create=True, create) a thidua knowledge base, applying pending migrations.

    Raises DatabaseMissing (no such file and create=False), NotAThiduaDatabase (a foreign
    file, left untouched) or MigrationError. `upto` stops at a migration version (tests).
    """
    p = Path(path)
    if str(path) == ":memory:":
        conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False, factory=Connection)
        state = "empty"
    else:
        if not p.exists():
            if not create:
                raise DatabaseMissing(f"no knowledge base at {p} (build one with `thidua crawl`, `ingest` or `demo`)")
            if not p.parent.exists():
                raise DatabaseMissing(f"folder {p.parent} does not exist")
            state = "new"
        else:
            state = _inspect(p)
            if state == "empty" and not create:
                raise NotAThiduaDatabase(f"{p} is an empty database, not a thidua knowledge base")
        conn = connect(p)
    if state != "ours":
        conn.execute(f"PRAGMA application_id = {migrations.APPLICATION_ID}")
    if str(path) != ":memory:":
        conn.execute("PRAGMA journal_mode = WAL")
    # WAL + NORMAL: durable at checkpoints, and a commit per article stays cheap
    conn.execute("PRAGMA synchronous = NORMAL")
    # checkpoint when the WAL holds 32 MB, not 4 MB: a bulk load's commit writes a few MB, and at
    # the default every commit also copied the pages back into the database and synced it, the
    # same hot index pages over and over; crash safety is the WAL's either way
    conn.execute("PRAGMA wal_autocheckpoint = 8192")
    conn.execute(f"PRAGMA cache_size = {CACHE_KIB}")
    # statement and savepoint journals (one savepoint per article in a bulk load) in memory, not
    # in a temp file: they only serve rollbacks inside a transaction, never crash recovery (the
    # WAL does), and writing them was a fifth of the load time
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute("PRAGMA foreign_keys = OFF")
    migrations.migrate(conn, upto=upto)
    return sqlite_utils.Database(conn)


# A bulk load's commit used to run the WAL checkpoint inline (copy the batch's pages back into the
# database file and sync it): a quarter of a 100k-article load, and disk-bound. After a bulk commit
# the checkpoint runs on another connection in a thread instead (SQLite releases the GIL),
# overlapping the next batches; one at a time, so a run covers every batch committed while the last
# one ran (the same hot index pages copied once, not once per batch). The WAL stays bounded: when
# the checkpoint is LAG_BATCHES batches behind, the next batch first waits and catches up inline,
# after which SQLite starts the WAL over. Crash safety is the WAL's either way.
LAG_BATCHES = 3


class _Checkpoints:
    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self.thread: threading.Thread | None = None
        self.covered = False  # the running/last run started after the latest bulk commit
        self.lag = 0  # bulk batches begun since every committed frame was known checkpointed


_CHECKPOINTS: dict[int, _Checkpoints] = {}


def _db_file(conn: sqlite3.Connection) -> str:
    return next((r[2] for r in conn.execute("PRAGMA database_list") if r[1] == "main"), "")


def _checkpoint(path: str) -> None:
    try:
        other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        try:
            other.execute("PRAGMA busy_timeout = 10000")
            other.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
        finally:
            other.close()
    except sqlite3.Error:
        pass  # a checkpoint is an optimisation: a later one (or the inline catch-up) copies the pages


def checkpoint_in_background(conn: sqlite3.Connection) -> None:
    """After a bulk commit: checkpoint the WAL in a thread (a file database in WAL mode)."""
    st = _CHECKPOINTS.get(id(conn))
    if st is None or st.conn is not conn:
        st = _CHECKPOINTS[id(conn)] = _Checkpoints(conn)
    if st.thread is not None and st.thread.is_alive():
        st.covered = False  # this commit's pages wait for the next run
        return
    path = _db_file(conn)
    if not path or conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        return
    st.thread = threading.Thread(target=_checkpoint, args=(path,), name="thidua-checkpoint", daemon=True)
    st.covered = True
    st.thread.start()


def wait_checkpoint(conn: sqlite3.Connection) -> None:
    """Before a bulk batch: bound the WAL (see LAG_BATCHES)."""
    st = _CHECKPOINTS.get(id(conn))
    if st is None or st.conn is not conn or st.thread is None:
        return
    if st.covered and not st.thread.is_alive():
        st.lag = 0  # everything committed is in the database: this batch starts the WAL over
        return
    st.lag += 1
    if st.lag < LAG_BATCHES:
        return
    st.thread.join()
    conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
    st.thread, st.covered, st.lag = None, False, 0


def settle_checkpoints(conn: sqlite3.Connection) -> None:
    """Leaving bulk loading (a load in its own transaction): finish the background checkpoint and
    catch up, so the WAL starts over now rather than each commit's own checkpoint retrying it."""
    if _BULK_CACHE.get(id(conn)) is conn:
        del _BULK_CACHE[id(conn)]
        conn.execute(f"PRAGMA cache_size = {CACHE_KIB}")
    st = _CHECKPOINTS.pop(id(conn), None)
    if st is None or st.conn is not conn or st.thread is None:
        return
    st.thread.join()
    if not st.covered:
        conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()


def schema_version(db: sqlite_utils.Database) -> int:
    return max(migrations.applied_versions(db.conn), default=0)
