"""Reloading (re-extracting) an article replaces its facts; whatever only it supported goes.

After a reload, facts and entities (agencies, blocs, meetings, awards, people, documents) that no
article supports any more are not surfaced by any table, view, query, filter or search.
"""
from __future__ import annotations

import pytest

from thidua.kb import (
    NotFound,
    agency_profile,
    delete_article_facts,
    load_article,
    open_db,
    query_awards,
    query_blocs,
    query_figures,
    query_meetings,
    summary,
    transaction,
)

TEXT = "Thanh tra tỉnh Hà Nam tiến hành 12 cuộc thanh tra."


def _ex(agency: str, bloc: str, parent: str, **extra) -> dict:
    return {"province": None, "blocs": [{"name": bloc, "parent": parent, "year": 2023, "members": [agency],
                                         "member_count": 5, "leader": agency, "deputy_leaders": [], "next_leader": None}],
            "meetings": [{"kind": "tong_ket", "date": "2023-12-20", "location": "Phủ Lý", "bloc": bloc,
                          "period": "năm 2023"}],
            "awards": [{"award": "Bằng khen của Thủ tướng Chính phủ", "recipient": agency, "year": 2023,
                        "status": "proposed"}],
            "people": [{"name": "Lê Văn Tám", "title": "Chánh Thanh tra", "agency": agency}],
            "documents": [{"number": "12/KH-TTr", "kind": "Kế hoạch", "date": "2023-02-01", "issuer": agency}],
            "figures": [{"value": 12, "unit": "cuộc thanh tra", "text": "12 cuộc thanh tra", "start": 32, "end": 49}],
            "agencies": [agency], **extra}


# the first extractor misread the agency (a typo) and the cluster's parent; the fixed one did not
WRONG = dict(url="https://hanam.gov.vn/tong-ket", title="Cụm thi đua tổng kết", text=TEXT, published="2023-12-21",
             extraction=_ex("Thanh tra tỉnh Hà Namm", "Cụm thi đua số VIII", "Bộ Tài chính"))
RIGHT = {**WRONG, "extraction": _ex("Thanh tra tỉnh Hà Nam", "Cụm thi đua số VIII", "Thanh tra Chính phủ")}
# another site reports the right facts too (so they have two sources after the fix)
OTHER = dict(url="https://baohanam.vn/cum-8", title="Cụm thi đua số 8 tổng kết", text="Thanh tra tỉnh Hà Nam dẫn đầu.",
             published="2023-12-22", extraction={
                 "province": "Hà Nam",
                 "blocs": [{"name": "Cụm thi đua số 8", "parent": "Thanh tra Chính phủ", "year": 2023,
                            "members": ["Thanh tra tỉnh", "Thanh tra tỉnh Ninh Bình"], "member_count": None,
                            "leader": "Thanh tra tỉnh", "deputy_leaders": [], "next_leader": None}],
                 "meetings": [{"kind": "tong_ket", "date": "2023-12-20", "location": None, "bloc": "Cụm thi đua số 8"}],
                 "awards": [], "agencies": ["Thanh tra tỉnh", "Thanh tra tỉnh Ninh Bình"]})


def _dangling(db) -> list[tuple]:
    """References to agencies or blocs that do not exist."""
    checks = [("memberships", "agency_id", "agencies"), ("memberships", "bloc_id", "blocs"),
              ("bloc_years", "bloc_id", "blocs"), ("meetings", "bloc_id", "blocs"),
              ("awards", "recipient_agency_id", "agencies"), ("people", "agency_id", "agencies"),
              ("documents", "issuer_agency_id", "agencies"), ("figures", "agency_id", "agencies"),
              ("article_agencies", "agency_id", "agencies"), ("agency_aliases", "agency_id", "agencies"),
              ("bloc_aliases", "bloc_id", "blocs"), ("blocs", "parent_agency_id", "agencies")]
    out = []
    for table, col, target in checks:
        n = db.execute(f"SELECT count(*) FROM {table} t WHERE t.{col} IS NOT NULL AND NOT EXISTS "
                       f"(SELECT 1 FROM {target} x WHERE x.id = t.{col})").fetchone()[0]
        if n:
            out.append((table, col, n))
    return out


@pytest.fixture
def db(tmp_path):
    d = open_db(tmp_path / "kb.sqlite", create=True)
    load_article(d, **WRONG)
    load_article(d, **OTHER)
    return d


def _names(db, table):
    return sorted(r[0] for r in db.execute(f"SELECT name FROM {table}"))


def test_before_the_fix_the_wrong_entities_are_there(db):
    assert "Thanh tra tỉnh Hà Namm" in _names(db, "agencies") and "Bộ Tài chính" in _names(db, "agencies")
    assert {r["parent"] for r in query_blocs(db, bloc="Cụm thi đua số VIII")} == {"Bộ Tài chính", "Thanh tra Chính phủ"}


def test_reload_removes_what_only_the_old_version_supported(db):
    load_article(db, **RIGHT)
    assert _dangling(db) == []
    # the misread agency and the wrong parent (an agency only that bloc referred to) are gone
    agencies = _names(db, "agencies")
    assert "Thanh tra tỉnh Hà Namm" not in agencies and "Bộ Tài chính" not in agencies
    assert {"Thanh tra tỉnh Hà Nam", "Thanh tra tỉnh Ninh Bình", "Thanh tra Chính phủ"} <= set(agencies)
    assert db.execute("SELECT count(*) FROM agency_aliases WHERE alias LIKE '%Namm'").fetchone()[0] == 0
    # one bloc, the Inspectorate's, now with two sources
    assert [(r["name"], r["parent"]) for r in db.query("SELECT name, parent FROM blocs")] == [
        ("Cụm thi đua số VIII", "Thanh tra Chính phủ")]
    (row,) = query_blocs(db, bloc="Cụm thi đua số 8")
    assert row["sources"] == 2 and row["leader"] == "Thanh tra tỉnh Hà Nam" and row["member_count"] == 5
    # nothing surfaces the old entities: profile, filters, views, search
    with pytest.raises(NotFound):
        agency_profile(db, "Thanh tra tỉnh Hà Namm")
    assert query_blocs(db, bloc="Cụm thi đua số VIII của Bộ Tài chính") == []
    assert [r["recipient"] for r in query_awards(db)] == ["Thanh tra tỉnh Hà Nam"]
    assert all(r["agency"] != "Thanh tra tỉnh Hà Namm" for r in db.query("SELECT agency FROM bloc_history"))
    assert {r["parent"] for r in db.query("SELECT parent FROM meeting_log")} == {"Thanh tra Chính phủ"}
    assert [m["sources"] for m in query_meetings(db)] == [2]
    assert [p["name"] for p in agency_profile(db, "Thanh tra tỉnh Hà Nam")["people"]] == ["Lê Văn Tám"]
    assert db.execute("SELECT count(*) FROM people").fetchone()[0] == 1
    assert [d["issuer"] for d in db.query("SELECT issuer FROM documents")] == ["Thanh tra tỉnh Hà Nam"]
    assert [f["agency"] for f in query_figures(db, agency="Thanh tra tỉnh Hà Nam")] == ["Thanh tra tỉnh Hà Nam"]


def test_reload_keeps_ids_of_entities_still_named(db):
    load_article(db, **RIGHT)
    ids = dict(db.execute("SELECT name, id FROM agencies").fetchall())
    bloc = db.execute("SELECT id FROM blocs").fetchone()[0]
    load_article(db, **RIGHT)  # re-extraction giving the same facts changes nothing
    assert dict(db.execute("SELECT name, id FROM agencies").fetchall()) == ids
    assert db.execute("SELECT id FROM blocs").fetchone()[0] == bloc


def test_reload_to_nothing_then_back(db):
    before = summary(db)
    load_article(db, **{**OTHER, "extraction": {"province": "Hà Nam"}})
    load_article(db, **{**WRONG, "extraction": {"province": None}})
    s = summary(db)
    assert (s["agencies"], s["blocs"], s["memberships"], s["meetings"], s["awards"], s["people"], s["documents"],
            s["figures"]) == (0, 0, 0, 0, 0, 0, 0, 0)
    assert db.execute("SELECT count(*) FROM bloc_aliases").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM meetings_fts").fetchone()[0] == 0
    assert query_blocs(db) == [] and query_meetings(db) == [] and query_awards(db) == []
    load_article(db, **WRONG)
    load_article(db, **OTHER)
    assert summary(db) == before and _dangling(db) == []


def test_bulk_reload_then_an_article_naming_a_pruned_entity(tmp_path):
    """In one bulk transaction the resolver's caches must forget what was pruned."""
    db = open_db(tmp_path / "kb.sqlite", create=True)
    with transaction(db):
        load_article(db, **WRONG)
        load_article(db, **RIGHT)  # prunes `Hà Namm` and Bộ Tài chính's cluster
        load_article(db, **{**WRONG, "url": "https://another.vn/copy"})  # names them again
    assert _dangling(db) == []
    assert "Thanh tra tỉnh Hà Namm" in _names(db, "agencies")
    assert {r["parent"] for r in query_blocs(db, bloc="Cụm thi đua số 8")} == {"Bộ Tài chính", "Thanh tra Chính phủ"}
    assert query_awards(db, agency="Thanh tra tỉnh Hà Namm")[0]["article_urls"] == ["https://another.vn/copy"]


def test_deleting_an_article_prunes_its_entities(db):
    assert delete_article_facts(db, WRONG["url"], delete_article=True)
    assert _dangling(db) == []
    assert "Thanh tra tỉnh Hà Namm" not in _names(db, "agencies")
    assert [(r["name"], r["parent"]) for r in db.query("SELECT name, parent FROM blocs")] == [
        ("Cụm thi đua số 8", "Thanh tra Chính phủ")]
