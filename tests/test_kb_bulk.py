"""Bulk loading (kb.transaction) builds the same knowledge base as loading article by article.

A bulk load holds appended rows (sources, figures, FTS) until the block ends; a failed article
in the block leaves nothing behind, and a reload inside the block sees the earlier rows.
"""
from __future__ import annotations

import pytest
from test_kb import ARTICLES

from thidua.kb import (
    agency_profile,
    load_article,
    open_db,
    query_awards,
    query_blocs,
    query_figures,
    query_meetings,
    search,
    summary,
    transaction,
)


def _snapshot(db) -> dict:
    return {
        "summary": summary(db),
        "blocs": query_blocs(db), "awards": query_awards(db), "meetings": query_meetings(db),
        "figures": query_figures(db, agency="Thanh tra tỉnh Bắc Ninh"),
        "profile": agency_profile(db, "Thanh tra tỉnh Bắc Ninh"),
        "search": [(r["url"], r["snippet"]) for r in search(db, "nội chính")],
        "views": [list(db.query(f"SELECT * FROM {v} ORDER BY 1, 2, 3, 4")) for v in
                  ("bloc_history", "award_outcomes", "meeting_log")],
        "sources": [db.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in
                    ("membership_sources", "award_step_sources", "meeting_sources", "bloc_year_sources",
                     "article_agencies")],
    }


def _one_by_one_and_bulk(tmp_path, articles) -> tuple:
    one = open_db(tmp_path / "one.sqlite", create=True)
    for a in articles:
        load_article(one, **a)
    bulk = open_db(tmp_path / "bulk.sqlite", create=True)
    with transaction(bulk):
        for a in articles:
            load_article(bulk, **a)
    return one, bulk


def test_bulk_equals_one_by_one(tmp_path):
    one, bulk = _one_by_one_and_bulk(tmp_path, ARTICLES)
    expected = _snapshot(one)
    assert expected["summary"]["figures"] == 3 and expected["sources"][0]
    assert _snapshot(bulk) == expected


def test_failed_article_in_a_bulk_load_leaves_nothing(tmp_path):
    db = open_db(tmp_path / "kb.sqlite", create=True)
    broken = {**ARTICLES[1], "url": "https://broken.vn/x",
              "extraction": {**ARTICLES[1]["extraction"],
                             "awards": [{"award": "Cờ", "recipient": "Thanh tra tỉnh", "year": 2023, "status": object()}]}}
    with transaction(db):
        load_article(db, **ARTICLES[0])
        with pytest.raises(Exception):  # noqa: B017 - any failure must drop only this article
            load_article(db, **broken)
        load_article(db, **ARTICLES[2])
    assert [r[0] for r in db.execute("SELECT url FROM articles ORDER BY id")] == [ARTICLES[0]["url"], ARTICLES[2]["url"]]
    ids = {r[0] for r in db.execute("SELECT id FROM articles")}
    for t in ("membership_sources", "meeting_sources", "bloc_year_sources", "article_agencies", "figures"):
        assert {r[0] for r in db.execute(f"SELECT DISTINCT article_id FROM {t}")} <= ids, t
    assert db.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == 2
    (row,) = query_blocs(db, bloc="Nội chính tỉnh Bắc Ninh")
    assert row["sources"] == 1  # A2 (the broken copy's facts) never counted


def test_reload_inside_a_bulk_load(tmp_path):
    db = open_db(tmp_path / "kb.sqlite", create=True)
    with transaction(db):
        for a in ARTICLES:
            load_article(db, **a)
        a4 = ARTICLES[3]  # re-extracted in the same batch: its proposal is gone
        load_article(db, **{**a4, "extraction": {**a4["extraction"], "awards": []}})
    (row,) = query_awards(db, agency="Thanh tra tỉnh Nam Định")
    assert row["steps"] == ["registered", "conferred"]
    assert db.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == len(ARTICLES)


def _meeting_article(url: str, date: str | None, location: str | None) -> dict:
    return dict(url=url, title=f"Khối thi đua Nội chính sơ kết ({url[-1]})", published="2024-07-10",
                text="Khối thi đua Nội chính sơ kết 6 tháng đầu năm 2024.", extraction={
                    "province": "Bắc Ninh",
                    "blocs": [{"name": "Khối thi đua Nội chính", "parent": "Ủy ban nhân dân tỉnh", "year": 2024,
                               "members": ["Thanh tra tỉnh"], "member_count": None, "leader": "Thanh tra tỉnh"}],
                    "meetings": [{"kind": "so_ket", "date": date, "location": location,
                                  "bloc": "Khối thi đua Nội chính", "period": "6 tháng đầu năm 2024"}]})


MEETING_REPORTS = [  # the dated report first, then an undated one, then one that brings the place
    _meeting_article("https://a.vn/1", "2024-07-05", None),
    _meeting_article("https://b.vn/2", None, None),
    _meeting_article("https://c.vn/3", "2024-07-05", "Hội trường Công an tỉnh"),
]


def test_reports_of_a_meeting_held_in_one_batch_meet(tmp_path):
    # the dated meeting is still held (unwritten) when the undated report and the place come
    one, bulk = _one_by_one_and_bulk(tmp_path, MEETING_REPORTS)
    for db in (one, bulk):
        (m,) = query_meetings(db)
        assert (m["date"], m["location"], m["sources"]) == ("2024-07-05", "Hội trường Công an tỉnh Bắc Ninh", 3)
        assert search(db, "hội trường")  # the description was rebuilt with the place
    assert _snapshot(bulk) == _snapshot(one)


def test_values_a_later_report_fills_in_the_same_batch(tmp_path):
    first = {**ARTICLES[1], "url": "https://x.vn/first"}  # no member count, proposal only
    later = {**ARTICLES[0], "url": "https://x.vn/later"}  # member count 8
    db = open_db(tmp_path / "kb.sqlite", create=True)
    with transaction(db):
        load_article(db, **first)
        load_article(db, **later)
    (row,) = [r for r in query_blocs(db, bloc="Nội chính tỉnh Bắc Ninh") if r["year"] == 2023]
    assert row["member_count"] == 8


def test_failed_reload_in_a_batch_keeps_the_rows_written_inside_it(tmp_path):
    # reloading a url loaded earlier in the same batch writes the held rows (inside the failing
    # article's savepoint, whose rollback undoes them): they must be held again, then written
    expected = open_db(tmp_path / "one.sqlite", create=True)
    for a in ARTICLES[:3]:
        load_article(expected, **a)
    db = open_db(tmp_path / "kb.sqlite", create=True)
    broken = {**ARTICLES[0], "extraction": {**ARTICLES[0]["extraction"], "awards": [
        {"award": "Cờ", "recipient": "Thanh tra tỉnh", "year": 2023, "status": 3}]}}
    with transaction(db):
        load_article(db, **ARTICLES[0])
        load_article(db, **ARTICLES[1])
        with pytest.raises(Exception):  # noqa: B017 - the reload fails after its flush
            load_article(db, **broken)
        load_article(db, **ARTICLES[2])
    got, want = _snapshot(db), _snapshot(expected)
    # the failed reload took fact ids that were never written: the same facts, other ids
    assert [len(t) for t in got.pop("sources")] == [len(t) for t in want.pop("sources")]
    assert got == want


def test_a_url_twice_in_one_batch_is_one_article(tmp_path):
    db = open_db(tmp_path / "kb.sqlite", create=True)
    with transaction(db):
        first = load_article(db, **ARTICLES[0])
        again = load_article(db, **ARTICLES[0])
    assert first == again
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    assert db.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == 1


def _copy(article: dict, url: str) -> dict:
    return {**article, "url": url}


def test_facts_another_connection_added_are_found_not_duplicated(tmp_path):
    # the first connection saw the tables empty, so it knows every row it added; the second
    # connection then adds facts the first has not seen: its next load must look them up
    path = tmp_path / "kb.sqlite"
    first = open_db(path, create=True)
    load_article(first, **ARTICLES[2])
    second = open_db(path)
    load_article(second, **ARTICLES[0])
    with transaction(first):
        load_article(first, **_copy(ARTICLES[0], "https://other.example.vn/a0"))
    reference = open_db(tmp_path / "ref.sqlite", create=True)
    for a in (ARTICLES[2], ARTICLES[0], _copy(ARTICLES[0], "https://other.example.vn/a0")):
        load_article(reference, **a)
    assert _snapshot(first) == _snapshot(reference)


def test_facts_another_connection_deleted_are_made_again(tmp_path):
    from thidua.kb import delete_article_facts

    path = tmp_path / "kb.sqlite"
    first = open_db(path, create=True)
    load_article(first, **ARTICLES[0])
    delete_article_facts(open_db(path), ARTICLES[0]["url"], delete_article=True)
    load_article(first, **_copy(ARTICLES[0], "https://other.example.vn/a0"))
    rows = first.execute("SELECT count(*) FROM bloc_history WHERE article_url = ?",
                         ("https://other.example.vn/a0",)).fetchone()[0]
    assert rows > 0
    orphans = first.execute("SELECT count(*) FROM membership_sources s LEFT JOIN memberships m "
                            "ON m.id = s.fact_id WHERE m.id IS NULL").fetchone()[0]
    assert orphans == 0


def _statements_of(db, load) -> list[str]:
    seen: list[str] = []
    db.conn.set_trace_callback(seen.append)
    try:
        load()
    finally:
        db.conn.set_trace_callback(None)
    return seen


def test_an_article_of_known_facts_issues_no_statement_in_a_bulk_load(tmp_path):
    # its entities and facts are cached and its rows held: no look-up, and no savepoint either
    # (one is opened only before an article's first statement)
    db = open_db(tmp_path / "kb.sqlite", create=True)
    with transaction(db):
        for i, a in enumerate(ARTICLES):
            load_article(db, **_copy(a, f"https://first.example.vn/{i}"))
    with transaction(db):
        load_article(db, **_copy(ARTICLES[0], "https://second.example.vn/0"))
        seen = _statements_of(db, lambda: load_article(db, **_copy(ARTICLES[0], "https://third.example.vn/0")))
    assert seen == []
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == len(ARTICLES) + 2


def test_a_failed_article_that_issued_no_statement_leaves_nothing(tmp_path):
    expected = open_db(tmp_path / "one.sqlite", create=True)
    db = open_db(tmp_path / "kb.sqlite", create=True)
    for target in (expected, db):
        load_article(target, **ARTICLES[0])
    broken = {**_copy(ARTICLES[0], "https://broken.example.vn/0"), "extraction": {
        **ARTICLES[0]["extraction"], "awards": [{"award": "Cờ", "recipient": "Thanh tra tỉnh", "status": 3}]}}

    def load_broken():
        with pytest.raises(Exception):  # noqa: B017 - a bad status, found after the cached facts
            load_article(db, **broken)

    with transaction(db):
        load_article(db, **ARTICLES[1])
        seen = _statements_of(db, load_broken)
        load_article(db, **ARTICLES[2])
    for a in ARTICLES[1:3]:
        load_article(expected, **a)
    assert not any("SAVEPOINT" in s for s in seen), seen
    got, want = _snapshot(db), _snapshot(expected)
    assert [len(t) for t in got.pop("sources")] == [len(t) for t in want.pop("sources")]
    assert got == want
