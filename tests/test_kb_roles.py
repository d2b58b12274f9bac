"""Leadership named for next year: `next_leader` is recorded on the reporting year, and the
deputies named with it (`next_deputy_leaders`) are deputy leaders of the year they serve."""
from __future__ import annotations

import pytest

from thidua.kb import delete_article_facts, load_article, open_db, query_blocs


def _load(db, url, year, **bloc):
    base = {"name": "Khối thi đua Nội chính", "parent": "UBND tỉnh", "year": year, "member_count": None,
            "members": ["Công an tỉnh", "Tòa án nhân dân tỉnh", "Sở Tư pháp tỉnh"], "leader": "Sở Tư pháp tỉnh",
            "deputy_leaders": [], "next_leader": None}
    return load_article(db, url=url, text="Khối thi đua Nội chính tổng kết.", published=f"{year}-12-20",
                        extraction={"province": "Bắc Giang", "blocs": [{**base, **bloc}], "meetings": [],
                                    "awards": [], "agencies": []})


@pytest.fixture
def db(tmp_path):
    return open_db(tmp_path / "kb.sqlite", create=True)


def _years(db):
    return {r["year"]: r for r in query_blocs(db, bloc="Nội chính", province="Bắc Giang")}


@pytest.mark.parametrize("next_leader", [{"agency": "Công an tỉnh", "year": 2019}, "Công an tỉnh"])
def test_next_deputies_are_next_years_deputy_leaders(db, next_leader):
    _load(db, "https://bacgiang.gov.vn/tong-ket-2018", 2018, next_leader=next_leader,
          next_deputy_leaders=["Tòa án nhân dân tỉnh"])
    y = _years(db)
    assert y[2018]["deputy_leaders"] == [] and y[2018]["next_leader"] == "Công an tỉnh Bắc Giang"
    assert y[2018]["next_leader_year"] == 2019
    assert y[2019]["deputy_leaders"] == ["Tòa án nhân dân tỉnh Bắc Giang"]
    assert y[2019]["article_urls"] == ["https://bacgiang.gov.vn/tong-ket-2018"]
    view = db.execute("SELECT year, agency, article_url FROM bloc_history WHERE role = 'deputy_leader'").fetchall()
    assert view == [(2019, "Tòa án nhân dân tỉnh Bắc Giang", "https://bacgiang.gov.vn/tong-ket-2018")]


def test_next_year_from_the_next_leaders_year_and_merged_with_that_years_report(db):
    _load(db, "https://bacgiang.gov.vn/tong-ket-2018", 2018,
          next_leader={"agency": "Công an tỉnh", "year": 2020}, next_deputy_leaders=["Tòa án nhân dân tỉnh"])
    _load(db, "https://bacgiang.gov.vn/so-ket-2020", 2020, member_count=3, leader="Công an tỉnh",
          deputy_leaders=["Tòa án nhân dân tỉnh"])
    y = _years(db)
    assert set(y) == {2018, 2020}
    assert y[2020]["deputy_leaders"] == ["Tòa án nhân dân tỉnh Bắc Giang"] and y[2020]["member_count"] == 3
    assert y[2020]["sources"] == 2
    (dep,) = db.execute("SELECT sources FROM bloc_history WHERE year = 2020 AND role = 'deputy_leader'").fetchall()
    assert dep == (2,)


def test_reloading_without_them_removes_them(db):
    url = "https://bacgiang.gov.vn/tong-ket-2018"
    _load(db, url, 2018, next_leader="Công an tỉnh", next_deputy_leaders=["Tòa án nhân dân tỉnh", " "])
    assert 2019 in _years(db)
    _load(db, url, 2018, next_leader="Công an tỉnh")
    assert set(_years(db)) == {2018}
    delete_article_facts(db, url)
    assert _years(db) == {} and not db.execute("SELECT * FROM memberships").fetchall()
