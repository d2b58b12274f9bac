"""Bloc identity is name + parent, on a knowledge base built from several articles.

`Cụm thi đua số II` of Thanh tra Chính phủ and of Bộ Tư pháp are two blocs; one bloc written
short on its province's site and in full elsewhere, or numbered `số 6` and `số VI`, is one; a
report that does not say whose bloc it is joins the only bloc of that name, else stays its own.
"""
from __future__ import annotations

import pytest

from thidua.kb import agency_profile, load_article, open_db, query_blocs, query_meetings


def _bloc(name, parent, year, members=(), leader=None, **extra):
    return {"name": name, "parent": parent, "year": year, "members": list(members), "member_count": None,
            "leader": leader, "deputy_leaders": [], "next_leader": None, **extra}


def _load(db, url, province, blocs, meetings=(), published=None):
    return load_article(db, url=url, text=f"Bài {url}", published=published, extraction={
        "province": province, "blocs": blocs, "meetings": list(meetings), "awards": [], "agencies": []})


@pytest.fixture
def db(tmp_path):
    return open_db(tmp_path / "kb.sqlite", create=True)


def _blocs(db):
    return [(r["name"], r["parent"], r["province"]) for r in db.query("SELECT * FROM blocs ORDER BY id")]


def test_same_name_different_parents_are_two_blocs(db):
    _load(db, "https://thanhtra.gov.vn/cum-2", None, [
        _bloc("Cụm thi đua số II", "Thanh tra Chính phủ", 2023, ["Thanh tra tỉnh Bắc Ninh", "Thanh tra tỉnh Nam Định"],
              leader="Thanh tra tỉnh Bắc Ninh")],
        meetings=[{"kind": "so_ket", "date": "2023-06-15", "bloc": "Cụm thi đua số II", "location": "Nam Định"}])
    _load(db, "https://moj.gov.vn/cum-2", None, [
        _bloc("Cụm thi đua số II", "Bộ Tư pháp", 2023, ["Sở Tư pháp tỉnh Bắc Ninh", "Sở Tư pháp tỉnh Hà Nam"],
              leader="Sở Tư pháp tỉnh Hà Nam")],
        meetings=[{"kind": "so_ket", "date": "2023-06-15", "bloc": "Cụm thi đua số II", "location": "Hà Nam"}])
    # a third site: the Government Inspectorate's cluster again, arabic numeral, abbreviated parent
    _load(db, "https://baonamdinh.vn/cum-so-2", "Nam Định", [
        _bloc("Cụm thi đua số 2", "TTCP", 2023, ["Thanh tra tỉnh Nam Định"], leader="Thanh tra tỉnh Bắc Ninh")])

    assert _blocs(db) == [("Cụm thi đua số II", "Thanh tra Chính phủ", None), ("Cụm thi đua số II", "Bộ Tư pháp", None)]
    rows = {r["parent"]: r for r in query_blocs(db, bloc="Cụm thi đua số 2", year=2023)}
    assert set(rows) == {"Thanh tra Chính phủ", "Bộ Tư pháp"}
    assert rows["Thanh tra Chính phủ"]["leader"] == "Thanh tra tỉnh Bắc Ninh"
    assert rows["Thanh tra Chính phủ"]["sources"] == 2
    assert set(rows["Thanh tra Chính phủ"]["members"]) == {"Thanh tra tỉnh Bắc Ninh", "Thanh tra tỉnh Nam Định"}
    assert rows["Bộ Tư pháp"]["leader"] == "Sở Tư pháp tỉnh Hà Nam" and rows["Bộ Tư pháp"]["sources"] == 1
    # the filter may name the parent to pick one of them
    (only,) = query_blocs(db, bloc="Cụm thi đua số II của Bộ Tư pháp")
    assert only["parent"] == "Bộ Tư pháp" and only["members"] == ["Sở Tư pháp tỉnh Bắc Ninh", "Sở Tư pháp tỉnh Hà Nam"]
    assert [r["parent"] for r in query_blocs(db, bloc="cum thi dua so 2 thanh tra chinh phu")] == ["Thanh tra Chính phủ"]
    # each meeting belongs to its article's cluster: same name and date, two meetings
    meetings = {m["parent"]: m["location"] for m in query_meetings(db, bloc="Cụm thi đua số II")}
    assert meetings == {"Thanh tra Chính phủ": "Nam Định", "Bộ Tư pháp": "Hà Nam"}
    # the views tell them apart by parent
    view = {(r["parent"], r["agency"]) for r in db.query("SELECT * FROM bloc_history WHERE role = 'leader'")}
    assert view == {("Thanh tra Chính phủ", "Thanh tra tỉnh Bắc Ninh"), ("Bộ Tư pháp", "Sở Tư pháp tỉnh Hà Nam")}
    assert {r["parent"] for r in db.query("SELECT parent FROM meeting_log")} == {"Thanh tra Chính phủ", "Bộ Tư pháp"}


def test_agency_in_two_same_named_clusters_has_two_profile_entries(db):
    # an agency in both systems' `Cụm thi đua số II` (as member of one, leader of the other)
    _load(db, "https://a.vn/1", None, [_bloc("Cụm thi đua số II", "Thanh tra Chính phủ", 2023, ["Thanh tra tỉnh Hà Nam"])])
    _load(db, "https://a.vn/2", None, [_bloc("Cụm thi đua số II", "Bộ Nội vụ", 2023, [], leader="Thanh tra tỉnh Hà Nam")])
    p = agency_profile(db, "Thanh tra tỉnh Hà Nam")
    assert sorted((b["parent"], tuple(b["roles"])) for b in p["blocs"]) == [
        ("Bộ Nội vụ", ("leader",)), ("Thanh tra Chính phủ", ("member",))]


def test_roman_and_arabic_numbers_of_one_parent_are_one_bloc(db):
    _load(db, "https://a.vn/vi", None, [_bloc("Cụm thi đua số VI", "Thanh tra Chính phủ", 2022, ["Thanh tra tỉnh Lào Cai"],
                                              leader="Thanh tra tỉnh Lào Cai")])
    _load(db, "https://b.vn/6", "Yên Bái", [_bloc("Cụm thi đua số 6", "Thanh tra Chính phủ", 2022, ["Thanh tra tỉnh Yên Bái"])])
    _load(db, "https://c.vn/6-2023", None, [_bloc("Cụm thi đua số 6", "Thanh tra Chính phủ", 2023, [],
                                                  leader="Thanh tra tỉnh Yên Bái")])
    assert len(_blocs(db)) == 1
    rows = query_blocs(db, bloc="Cụm thi đua số VI")
    assert [(r["year"], r["leader"], r["sources"]) for r in rows] == [
        (2022, "Thanh tra tỉnh Lào Cai", 2), (2023, "Thanh tra tỉnh Yên Bái", 1)]
    assert set(rows[0]["members"]) == {"Thanh tra tỉnh Lào Cai", "Thanh tra tỉnh Yên Bái"}
    aliases = {r["alias"] for r in db.query("SELECT alias FROM bloc_aliases")}
    assert aliases == {"Cụm thi đua số VI", "Cụm thi đua số 6"}


def test_short_name_on_the_provinces_site_and_full_name_elsewhere_are_one_bloc(db):
    _load(db, "https://thanhtra.haiduong.gov.vn/1", "Hải Dương", [
        _bloc("Khối thi đua Nội chính", "Ủy ban nhân dân tỉnh", 2023, ["Công an tỉnh", "Thanh tra tỉnh"],
              leader="Công an tỉnh")])
    _load(db, "https://baohaiduong.vn/2", None, [
        _bloc("Khối thi đua các cơ quan Nội chính tỉnh Hải Dương", "UBND tỉnh Hải Dương", 2023,
              ["Công an tỉnh Hải Dương"], leader="Công an tỉnh Hải Dương")])
    # another province's bloc of the same short name is another bloc
    _load(db, "https://thanhtra.bacninh.gov.vn/3", "Bắc Ninh", [
        _bloc("Khối thi đua Nội chính", None, 2023, ["Thanh tra tỉnh"], leader="Thanh tra tỉnh")])
    assert _blocs(db) == [
        ("Khối thi đua các cơ quan Nội chính tỉnh Hải Dương", "Ủy ban nhân dân tỉnh Hải Dương", "Hải Dương"),
        ("Khối thi đua Nội chính tỉnh Bắc Ninh", None, "Bắc Ninh")]
    rows = {r["province"]: r for r in query_blocs(db, bloc="Nội chính", year=2023)}
    assert rows["Hải Dương"]["leader"] == "Công an tỉnh Hải Dương" and rows["Hải Dương"]["sources"] == 2
    assert rows["Bắc Ninh"]["leader"] == "Thanh tra tỉnh Bắc Ninh" and rows["Bắc Ninh"]["sources"] == 1
    # a later report that names the parent fills it in
    _load(db, "https://bacninh.gov.vn/4", "Bắc Ninh", [_bloc("Khối thi đua Nội chính", "Ủy ban nhân dân tỉnh", 2024)])
    assert _blocs(db)[1] == ("Khối thi đua Nội chính tỉnh Bắc Ninh", "Ủy ban nhân dân tỉnh Bắc Ninh", "Bắc Ninh")


def test_unknown_parent_joins_the_only_bloc_of_that_name(db):
    _load(db, "https://thanhtra.gov.vn/cum-4", None, [
        _bloc("Cụm thi đua số IV", "Thanh tra Chính phủ", 2023, ["Thanh tra tỉnh Thái Bình"], leader="Thanh tra tỉnh Thái Bình")])
    # a provincial paper: no parent, arabic numeral; the only `Cụm thi đua số 4` is the Inspectorate's
    _load(db, "https://baothaibinh.vn/cum-4", "Thái Bình", [
        _bloc("Cụm thi đua số 4", None, 2023, ["Thanh tra tỉnh Hưng Yên"], leader="Thanh tra tỉnh Thái Bình")],
        meetings=[{"kind": "tong_ket", "date": "2023-12-10", "bloc": "Cụm thi đua số 4", "location": "Thái Bình"}])
    assert _blocs(db) == [("Cụm thi đua số IV", "Thanh tra Chính phủ", None)]
    (row,) = query_blocs(db, bloc="Cụm thi đua số IV")
    assert row["sources"] == 2 and set(row["members"]) == {"Thanh tra tỉnh Thái Bình", "Thanh tra tỉnh Hưng Yên"}
    assert [m["parent"] for m in query_meetings(db, bloc="Cụm thi đua số IV")] == ["Thanh tra Chính phủ"]


def test_unknown_parent_with_two_candidates_stays_its_own(db):
    _load(db, "https://a.vn/ttcp", None, [_bloc("Cụm thi đua số III", "Thanh tra Chính phủ", 2023, ["Thanh tra tỉnh Hà Nam"])])
    _load(db, "https://a.vn/btp", None, [_bloc("Cụm thi đua số III", "Bộ Tư pháp", 2023, ["Sở Tư pháp tỉnh Hà Nam"])])
    _load(db, "https://a.vn/unknown", "Hà Nam", [_bloc("Cụm thi đua số 3", None, 2023, ["Công an tỉnh Hà Nam"])])
    _load(db, "https://a.vn/unknown-2", None, [_bloc("Cụm thi đua số III", None, 2024, ["Công an tỉnh Hà Nam"])])
    assert _blocs(db) == [("Cụm thi đua số III", "Thanh tra Chính phủ", None), ("Cụm thi đua số III", "Bộ Tư pháp", None),
                          ("Cụm thi đua số III", None, None)]  # its longest written form
    rows = {r["parent"]: r for r in query_blocs(db, bloc="Cụm thi đua số 3", year=2023)}
    assert rows["Thanh tra Chính phủ"]["members"] == ["Thanh tra tỉnh Hà Nam"]
    assert rows["Bộ Tư pháp"]["members"] == ["Sở Tư pháp tỉnh Hà Nam"]
    assert rows[None]["members"] == ["Công an tỉnh Hà Nam"]
    assert [r["year"] for r in query_blocs(db, bloc="Cụm thi đua số 3") if r["parent"] is None] == [2023, 2024]


def test_unknown_parent_first_is_adopted_by_the_parent_reported_later(db):
    # order must not matter: the parentless report came first, the Inspectorate's second
    _load(db, "https://a.vn/first", None, [_bloc("Cụm thi đua số V", None, 2023, ["Thanh tra tỉnh Đà Nẵng"])])
    _load(db, "https://a.vn/second", None, [_bloc("Cụm thi đua số 5", "Thanh tra Chính phủ", 2023,
                                                  ["Thanh tra tỉnh Quảng Nam"], leader="Thanh tra tỉnh Quảng Nam")])
    assert _blocs(db) == [("Cụm thi đua số V", "Thanh tra Chính phủ", None)]
    (row,) = query_blocs(db, bloc="Cụm thi đua số V")
    assert row["sources"] == 2 and row["leader"] == "Thanh tra tỉnh Quảng Nam"
    # a second parent now is a second bloc; a new parentless report no longer knows which it is
    _load(db, "https://a.vn/third", None, [_bloc("Cụm thi đua số V", "Bộ Tư pháp", 2023, ["Sở Tư pháp tỉnh Huế"])])
    _load(db, "https://a.vn/fourth", None, [_bloc("Cụm thi đua số V", None, 2023, ["Công an tỉnh Huế"])])
    assert [b[1] for b in _blocs(db)] == ["Thanh tra Chính phủ", "Bộ Tư pháp", None]


def test_unknown_parent_does_not_join_another_provinces_own_cluster(db):
    # Hải Dương's People's Committee runs its own `Cụm thi đua số 1` of districts
    _load(db, "https://haiduong.gov.vn/cum-1", "Hải Dương", [
        _bloc("Cụm thi đua số 1", "Ủy ban nhân dân tỉnh", 2023, ["Ủy ban nhân dân huyện Nam Sách"])])
    # a Bắc Ninh page names a `Cụm thi đua số 1` without saying whose: not Hải Dương's
    _load(db, "https://bacninh.gov.vn/cum-1", "Bắc Ninh", [_bloc("Cụm thi đua số I", None, 2023, ["Thanh tra tỉnh Bắc Ninh"])])
    assert _blocs(db) == [("Cụm thi đua số 1 tỉnh Hải Dương", "Ủy ban nhân dân tỉnh Hải Dương", "Hải Dương"),
                          ("Cụm thi đua số I", None, None)]
    # with no province at all, the only one of that name (Hải Dương's) is joined... unless there are two
    _load(db, "https://x.vn/cum-1", None, [_bloc("Cụm thi đua số 1", "Ủy ban nhân dân tỉnh", 2023, ["Công an tỉnh Hải Dương"])])
    hd = query_blocs(db, bloc="Cụm thi đua số 1", province="Hải Dương")
    assert [set(r["members"]) for r in hd] == [{"Ủy ban nhân dân huyện Nam Sách", "Công an tỉnh Hải Dương"}]


def test_a_provinces_bloc_of_unknown_province_joins_no_provinces_bloc(db):
    # every province has a `Khối thi đua Nội chính`: one written with a bare `tỉnh` on a page that
    # names no province is some province's, not the only one loaded so far
    _load(db, "https://baoquangtri.vn/a", "Quảng Trị", [
        _bloc("Khối thi đua Nội chính tỉnh Quảng Trị", "Ủy ban nhân dân tỉnh Quảng Trị", 2022, ["Thanh tra tỉnh Quảng Trị"])])
    _load(db, "https://example.vn/b", None, [
        _bloc("Khối thi đua các cơ quan Nội chính tỉnh", None, 2021, ["Công an tỉnh"])])
    assert _blocs(db) == [
        ("Khối thi đua Nội chính tỉnh Quảng Trị", "Ủy ban nhân dân tỉnh Quảng Trị", "Quảng Trị"),
        ("Khối thi đua các cơ quan Nội chính tỉnh", None, None)]
