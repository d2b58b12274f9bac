"""A cluster of several provinces (`Cụm thi đua 6 tỉnh Bắc Trung bộ`) is no province's own bloc:
each member province's site reports it, and none of them may give it its province or its
People's Committee as parent."""
from __future__ import annotations

import pytest

from thidua.kb import load_article, open_db, query_blocs


def _load(db, url, province, bloc_name, parent, members, year=2023):
    return load_article(db, url=url, text=f"{bloc_name} tổng kết năm {year}.", extraction={
        "province": province, "meetings": [], "awards": [], "agencies": [],
        "blocs": [{"name": bloc_name, "parent": parent, "year": year, "members": members, "member_count": None,
                   "leader": members[0], "deputy_leaders": [], "next_leader": None}]})


@pytest.fixture
def db(tmp_path):
    return open_db(tmp_path / "kb.sqlite", create=True)


def _blocs(db):
    return [(r["name"], r["parent"], r["province"]) for r in db.query("SELECT * FROM blocs ORDER BY id")]


@pytest.mark.parametrize("name", ["Cụm thi đua 6 tỉnh Bắc Trung bộ", "Cụm thi đua các tỉnh miền Đông Nam bộ",
                                  "Cụm thi đua Thanh tra 9 tỉnh Đồng bằng sông Hồng", "Cụm thi đua Tây Nguyên"])
def test_two_provinces_report_one_cluster_without_province(db, name):
    # Nghệ An's site with no parent, Quảng Ninh's with its own People's Committee as (wrong) parent
    _load(db, "https://nghean.gov.vn/cum", "Nghệ An", name, None, ["Thanh tra tỉnh", "Thanh tra tỉnh Hà Tĩnh"])
    _load(db, "https://quangninh.gov.vn/cum", "Quảng Ninh", name, "Ủy ban nhân dân tỉnh Quảng Ninh",
          ["Thanh tra tỉnh Hà Tĩnh", "Thanh tra tỉnh"])
    _load(db, "https://hatinh.gov.vn/cum", "Hà Tĩnh", name, "UBND tỉnh", ["Thanh tra tỉnh Hà Tĩnh"])
    assert _blocs(db) == [(name, None, None)]
    (row,) = query_blocs(db, bloc=name, year=2023)
    assert row["sources"] == 3 and row["province"] is None
    # members written `Thanh tra tỉnh` are still each article's own province's inspectorate
    assert set(row["members"]) == {"Thanh tra tỉnh Nghệ An", "Thanh tra tỉnh Hà Tĩnh", "Thanh tra tỉnh Quảng Ninh"}
    assert not db.execute("SELECT 1 FROM agencies WHERE name LIKE 'Ủy ban nhân dân%'").fetchall()


def test_cluster_keeps_a_national_parent(db):
    name = "Cụm thi đua Thanh tra 9 tỉnh Đồng bằng sông Hồng"
    _load(db, "https://thanhtra.gov.vn/cum", None, name, "Thanh tra Chính phủ", ["Thanh tra tỉnh Hà Nam"])
    _load(db, "https://quangninh.gov.vn/cum", "Quảng Ninh", name, "Ủy ban nhân dân tỉnh Quảng Ninh",
          ["Thanh tra tỉnh"])
    assert _blocs(db) == [(name, "Thanh tra Chính phủ", None)]


@pytest.mark.parametrize("name", ["Khối thi đua các huyện miền núi", "Cụm thi đua các xã biên giới",
                                  "Khối thi đua Nội chính"])
def test_a_provinces_own_blocs_keep_its_name_and_parent(db, name):
    _load(db, "https://nghean.gov.vn/khoi", "Nghệ An", name, "Ủy ban nhân dân tỉnh", ["Thanh tra tỉnh"])
    assert _blocs(db) == [(f"{name} tỉnh Nghệ An", "Ủy ban nhân dân tỉnh Nghệ An", "Nghệ An")]
