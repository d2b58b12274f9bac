"""open_db: migrations, markers, and refusing foreign files without touching them."""
from __future__ import annotations

import sqlite3

import pytest

from thidua.kb import DatabaseMissing, KBError, MigrationError, NotAThiduaDatabase, open_db, schema_version
from thidua.kb.migrations import LATEST

PAGES = ["url", "final_url", "canonical_url", "status", "fetched_at", "content_type", "etag",
         "last_modified", "sha256", "body", "kind", "error"]
FRONTIER = ["url", "depth", "state", "found_on", "added_at", "attempts", "next_try"]


def test_create_has_public_tables_and_crawler_tables(tmp_path):
    db = open_db(tmp_path / "kb.sqlite", create=True)
    assert list(db["pages"].columns_dict) == PAGES
    assert list(db["frontier"].columns_dict) == FRONTIER
    assert db["pages"].pks == ["url"] and db["frontier"].pks == ["url"]
    for t in ["articles", "agencies", "blocs", "figures"]:
        assert t in db.table_names()
    for v in ["bloc_history", "award_outcomes", "meeting_log"]:
        assert v in db.view_names()
    assert db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert schema_version(db) == LATEST


def test_missing_without_create(tmp_path):
    with pytest.raises(DatabaseMissing):
        open_db(tmp_path / "nope.sqlite")
    assert not (tmp_path / "nope.sqlite").exists()


def test_migrations_idempotent(tmp_path):
    path = tmp_path / "kb.sqlite"
    open_db(path, create=True).conn.close()
    db = open_db(path)
    rows = list(db.query("SELECT version FROM _thidua_migrations ORDER BY version"))
    assert [r["version"] for r in rows] == list(range(1, LATEST + 1))


def test_upgrade_from_older_version_keeps_data(tmp_path):
    path = tmp_path / "kb.sqlite"
    old = open_db(path, create=True, upto=1)
    assert schema_version(old) == 1
    assert "bloc_history" not in old.view_names()
    old.conn.execute("INSERT INTO pages (url, status) VALUES ('http://x/', 200)")
    old.conn.close()
    db = open_db(path)
    assert schema_version(db) == LATEST
    assert "bloc_history" in db.view_names()
    assert db.execute("SELECT status FROM pages").fetchone()[0] == 200


def test_newer_database_refused(tmp_path):
    path = tmp_path / "kb.sqlite"
    db = open_db(path, create=True)
    db.conn.execute("INSERT INTO _thidua_migrations VALUES (999, 'future', 'x')")
    db.conn.close()
    with pytest.raises(MigrationError):
        open_db(path)


@pytest.mark.parametrize("kind", ["text", "sqlite", "empty_sqlite"])
def test_foreign_file_untouched(tmp_path, kind):
    path = tmp_path / "foreign.db"
    if kind == "text":
        path.write_text("hello, not a database\n")
    else:
        conn = sqlite3.connect(path)
        if kind == "sqlite":
            conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
            conn.execute("INSERT INTO notes (body) VALUES ('mine')")
        else:
            conn.execute("PRAGMA user_version = 7")  # writes a header, no tables
        conn.commit()
        conn.close()
    before = path.read_bytes()
    listing = sorted(p.name for p in tmp_path.iterdir())
    for create in (False, True):
        if kind == "empty_sqlite" and create:
            continue
        with pytest.raises(NotAThiduaDatabase) as exc:
            open_db(path, create=create)
        assert isinstance(exc.value, KBError)
        assert "\n" not in str(exc.value)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == listing  # no -wal/-shm/-journal left behind


def test_upgrade_to_bloc_identity_backfills_name_key(tmp_path):
    path = tmp_path / "kb.sqlite"
    old = open_db(path, create=True, upto=5)
    old.conn.executemany("INSERT INTO blocs (name, key, parent, province, kind) VALUES (?, ?, ?, ?, ?)", [
        ("Khối thi đua các cơ quan Nội chính tỉnh Bắc Ninh", "khoi noi chinh tinh bac ninh", None, "Bắc Ninh", "khoi"),
        ("Cụm thi đua số II", "cum so 2 @ thanh tra chinh phu", "Thanh tra Chính phủ", None, "cum")])
    old.conn.close()
    db = open_db(path)
    assert [r[0] for r in db.execute("SELECT name_key FROM blocs ORDER BY id")] == ["khoi noi chinh", "cum so 2"]
    for view in ("bloc_history", "meeting_log"):
        assert {"parent", "bloc_id"} <= {c.name for c in db[view].columns}


def test_figures_of_an_agency_and_year_use_one_index_range(tmp_path):
    # migration 10: figures(agency_id, year) replaces figures(agency_id) on an older database
    path = tmp_path / "kb.sqlite"
    open_db(path, create=True, upto=9).conn.close()
    db = open_db(path)
    indexes = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'figures'")}
    assert "idx_figures_agency_year" in indexes and "idx_figures_agency" not in indexes
    plan = " ".join(r[3] for r in db.execute(
        "EXPLAIN QUERY PLAN SELECT id FROM figures WHERE agency_id = 1 AND year = 2023"))
    assert "idx_figures_agency_year (agency_id=? AND year=?)" in plan
