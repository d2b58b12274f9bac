"""Award steps keep their sources' count and first urls (migration 9): what query_awards reports
stays exact as articles are added, reloaded and deleted, in bulk or one by one, and a database
built before the columns existed gets them filled."""
from __future__ import annotations

import pytest

from thidua.kb import delete_article_facts, load_article, open_db, query_awards, transaction
from thidua.kb.db import connect
from thidua.kb.migrations import migrate

AWARD = "Cờ thi đua của Chính phủ"


def _load(db, n, status, recipient="Thanh tra tỉnh Nam Định"):
    return load_article(db, url=f"https://a.vn/{n}", text=f"Bài {n}", published="2023-12-20", extraction={
        "province": "Nam Định", "blocs": [], "meetings": [], "agencies": [],
        "awards": [{"award": AWARD, "recipient": recipient, "year": 2023, "status": status}]})


def _row(db):
    (row,) = query_awards(db, award=AWARD)
    return row["status"], row["sources"], row["article_urls"], row["step_sources"]


@pytest.mark.parametrize("bulk", [False, True])
def test_counts_and_urls_follow_loads_reloads_and_deletes(tmp_path, bulk):
    db = open_db(tmp_path / "kb.sqlite", create=True)
    if bulk:
        with transaction(db):
            for n in range(7):
                _load(db, n, "proposed" if n < 2 else "conferred")
    else:
        for n in range(7):
            _load(db, n, "proposed" if n < 2 else "conferred")
    status, sources, urls, steps = _row(db)
    assert (status, sources) == ("conferred", 7)
    assert urls == [f"https://a.vn/{n}" for n in range(2, 7)]  # the first five, in article order
    assert steps == {"proposed": ["https://a.vn/0", "https://a.vn/1"], "conferred": urls}
    _load(db, 3, "proposed")  # a reload moves article 3 from one step to the other
    delete_article_facts(db, "https://a.vn/0", delete_article=True)
    status, sources, urls, steps = _row(db)
    assert (status, sources) == ("conferred", 6)
    assert steps == {"proposed": ["https://a.vn/1", "https://a.vn/3"],
                     "conferred": ["https://a.vn/2", "https://a.vn/4", "https://a.vn/5", "https://a.vn/6"]}


def test_migration_fills_steps_of_an_older_database(tmp_path):
    path = tmp_path / "kb.sqlite"
    db = open_db(path, create=True)
    for n in range(3):
        _load(db, n, "registered" if n == 0 else "conferred")
    # back to what a database of schema 8 holds: the same facts, no stored counts
    db.conn.execute("ALTER TABLE award_steps DROP COLUMN sources")
    db.conn.execute("ALTER TABLE award_steps DROP COLUMN urls")
    db.conn.execute("DELETE FROM _thidua_migrations WHERE version = 9")
    db.conn.close()
    conn = connect(path)
    assert migrate(conn) == [9]
    conn.close()
    assert _row(open_db(path)) == ("conferred", 3, ["https://a.vn/1", "https://a.vn/2"],
                                   {"registered": ["https://a.vn/0"], "conferred": ["https://a.vn/1", "https://a.vn/2"]})


def test_stored_counts_equal_a_recount_after_bulk_loads_and_reloads(tmp_path):
    # new steps are counted from the rows a flush writes, others recounted in SQL: both must agree
    from thidua.kb.writes import refresh_step_sources

    db = open_db(tmp_path / "kb.sqlite", create=True)
    statuses = ["registered", "proposed", "conferred"]
    places = ["Thanh tra tỉnh Nam Định", "Thanh tra tỉnh Hà Nam"]
    with transaction(db):
        for n in range(8):
            _load(db, n, statuses[n % 3], recipient=places[n % 2])
        _load(db, 2, "conferred")  # a reload inside the batch: what earlier articles hold is written
    with transaction(db):
        for n in range(8, 14):
            _load(db, n, statuses[n % 3], recipient=places[n % 2])
        _load(db, 1, "registered")  # a reload of an earlier batch's article (its url not in the flush)
        _load(db, 20, "proposed", recipient="Thanh tra tỉnh Thái Bình")
    stored = db.execute("SELECT id, sources, urls FROM award_steps ORDER BY id").fetchall()
    assert stored and all(n for _, n, _ in stored)
    refresh_step_sources(db.conn, [r[0] for r in stored])
    assert db.execute("SELECT id, sources, urls FROM award_steps ORDER BY id").fetchall() == stored
