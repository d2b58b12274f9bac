"""The knowledge base answers the user groups' questions from overlapping articles.

The articles below report the same facts from several sites, in different written forms
(short bloc names on a province's own site, roman/arabic cluster numbers, abbreviations), so
each test also checks that facts were merged and kept their sources.
"""
from __future__ import annotations

import pytest

from thidua.kb import (
    BadFilter,
    NotFound,
    agency_profile,
    delete_article_facts,
    iter_articles,
    iter_stored_pages,
    load_article,
    open_db,
    query_awards,
    query_blocs,
    query_figures,
    query_meetings,
    search,
    store_page,
    summary,
)

BN_TEXT = ("Ngày 21/11, Khối thi đua Nội chính tổng kết năm 2023.\n"
           "Thanh tra tỉnh đã tiến hành 128 cuộc thanh tra, kiến nghị thu hồi 43,6 tỷ đồng.\n"
           "Công an tỉnh tiếp 3.704 lượt công dân.")


def _span(text: str, needle: str) -> dict:
    i = text.index(needle)
    return {"start": i, "end": i + len(needle)}


ARTICLES = [
    # A1: the province's own site, short names without the province
    dict(url="https://thanhtra.bacninh.gov.vn/tong-ket-2023", title="Khối thi đua Nội chính tổng kết năm 2023",
         published="2023-11-22", text=BN_TEXT, extraction={
             "province": "Bắc Ninh",
             "blocs": [{"name": "Khối thi đua Nội chính", "parent": "Ủy ban nhân dân tỉnh", "year": 2023,
                        "members": ["Thanh tra tỉnh", "Công an tỉnh", "Tòa án nhân dân tỉnh"], "member_count": 8,
                        "leader": "Thanh tra tỉnh", "deputy_leaders": [],
                        "next_leader": {"agency": "Tòa án nhân dân tỉnh", "year": 2024}}],
             "meetings": [{"kind": "tong_ket", "date": "2023-11-21", "location": None,
                           "bloc": "Khối thi đua Nội chính", "period": "năm 2023"}],
             "awards": [{"award": "Cờ thi đua của Chính phủ", "recipient": "Thanh tra tỉnh", "year": 2023,
                         "status": "conferred"}],
             "people": [{"name": "Trần Vượng", "title": "Phó Chánh Thanh tra", "agency": "Thanh tra tỉnh"}],
             "figures": [{"value": 128, "unit": "cuộc thanh tra, kiểm tra", "text": "128 cuộc thanh tra",
                          **_span(BN_TEXT, "128 cuộc thanh tra")},
                         {"value": 43600000000, "unit": "đồng", "text": "43,6 tỷ đồng", **_span(BN_TEXT, "43,6 tỷ đồng")},
                         {"value": 3704, "unit": "lượt công dân", "text": "3.704 lượt công dân",
                          **_span(BN_TEXT, "3.704 lượt công dân")}],
             "documents": [{"number": "21/KH-UBND", "kind": "Kế hoạch", "date": "2023-01-30",
                            "issuer": "Ủy ban nhân dân tỉnh"}],
             "agencies": ["Thanh tra tỉnh", "Công an tỉnh", "Tòa án nhân dân tỉnh"]}),
    # A2: a newspaper's site: the full name, an abbreviation, the same meeting and membership
    dict(url="https://baobacninh.vn/noi-chinh-2023", title="Các cơ quan nội chính tổng kết thi đua",
         published="2023-11-23", text="Khối thi đua các cơ quan Nội chính tỉnh Bắc Ninh tổ chức hội nghị.",
         extraction={
             "province": "Bắc Ninh",
             "blocs": [{"name": "Khối thi đua các cơ quan Nội chính tỉnh Bắc Ninh",
                        "parent": "Ủy ban nhân dân tỉnh Bắc Ninh", "year": 2023,
                        "members": ["Thanh tra tỉnh Bắc Ninh", "TAND tỉnh Bắc Ninh"], "member_count": None,
                        "leader": "Thanh tra tỉnh Bắc Ninh", "deputy_leaders": ["Công an tỉnh Bắc Ninh"],
                        "next_leader": None}],
             "meetings": [{"kind": "tong_ket", "date": "2023-11-21", "location": "Trụ sở Thanh tra tỉnh",
                           "bloc": "Khối thi đua các cơ quan Nội chính tỉnh Bắc Ninh", "period": "năm 2023"}],
             "awards": [{"award": "Cờ thi đua của Chính phủ", "recipient": "Thanh tra tỉnh Bắc Ninh", "year": 2023,
                         "status": "conferred"},
                        {"award": "Cờ thi đua của UBND tỉnh", "recipient": "TAND tỉnh Bắc Ninh", "year": 2023,
                         "status": "conferred"}],
             "agencies": ["Thanh tra tỉnh Bắc Ninh", "TAND tỉnh Bắc Ninh", "Công an tỉnh Bắc Ninh"]}),
    # A3: the Government Inspectorate's cluster, roman numeral; Nam Định registers for the flag
    dict(url="https://thanhtra.gov.vn/cum-2-so-ket-2023", title="Cụm thi đua số II sơ kết 6 tháng đầu năm 2023",
         published="2023-06-16", text="Cụm thi đua số II họp tại thành phố Nam Định.", extraction={
             "province": None,
             "blocs": [{"name": "Cụm thi đua số II", "parent": "Thanh tra Chính phủ", "year": 2023,
                        "members": ["Thanh tra tỉnh Bắc Ninh", "Thanh tra tỉnh Nam Định"], "member_count": 9,
                        "leader": "Thanh tra tỉnh Bắc Ninh", "deputy_leaders": ["Thanh tra tỉnh Nam Định"],
                        "next_leader": None}],
             "meetings": [{"kind": "so_ket", "date": "2023-06-15", "location": "Thành phố Nam Định",
                           "bloc": "Cụm thi đua số II", "period": "6 tháng đầu năm 2023"}],
             "awards": [{"award": "Cờ thi đua của Chính phủ", "recipient": "Thanh tra tỉnh Nam Định", "year": 2023,
                         "status": "registered"}],
             "agencies": ["Thanh tra Chính phủ", "Thanh tra tỉnh Bắc Ninh", "Thanh tra tỉnh Nam Định"]}),
    # A4: another site, arabic numeral, same meeting; Nam Định proposed
    dict(url="https://baonamdinh.vn/cum-so-2", title="Cụm thi đua số 2 của Thanh tra Chính phủ họp ở Nam Định",
         published="2023-06-17", text="Hội nghị Cụm thi đua số 2 đề nghị tặng Cờ.", extraction={
             "province": "Nam Định",
             "blocs": [{"name": "Cụm thi đua số 2", "parent": "Thanh tra Chính phủ", "year": 2023,
                        "members": [], "member_count": None, "leader": "Thanh tra tỉnh Bắc Ninh",
                        "deputy_leaders": [], "next_leader": None}],
             "meetings": [{"kind": "so_ket", "date": "2023-06-15", "location": None,
                           "bloc": "Cụm thi đua số 2", "period": None}],
             "awards": [{"award": "Cờ thi đua của Chính phủ", "recipient": "Thanh tra tỉnh Nam Định", "year": 2023,
                         "status": "proposed"}],
             "agencies": ["Thanh tra tỉnh Bắc Ninh", "Thanh tra tỉnh Nam Định"]}),
    # A5: 2024, Nam Định leads; its 2023 flag is conferred
    dict(url="https://thanhtra.gov.vn/cum-2-2024", title="Cụm thi đua số II năm 2024",
         published="2024-03-01", text="Thanh tra tỉnh Nam Định được tặng Cờ thi đua của Chính phủ.", extraction={
             "province": None,
             "blocs": [{"name": "Cụm thi đua số II", "parent": "Thanh tra Chính phủ", "year": 2024,
                        "members": ["Thanh tra tỉnh Nam Định", "Thanh tra tỉnh Bắc Ninh"], "member_count": 9,
                        "leader": "Thanh tra tỉnh Nam Định", "deputy_leaders": [], "next_leader": None}],
             "meetings": [{"kind": "ky_giao_uoc", "date": "2024-02-28", "location": "Hà Nội",
                           "bloc": "Cụm thi đua số II", "period": "năm 2024"}],
             "awards": [{"award": "Cờ thi đua của Chính phủ", "recipient": "Thanh tra tỉnh Nam Định", "year": 2023,
                         "status": "conferred"}],
             "agencies": ["Thanh tra tỉnh Nam Định", "Thanh tra tỉnh Bắc Ninh"]}),
    # A6: Bắc Giang 2019, before it merged into Bắc Ninh
    dict(url="https://bacgiang.gov.vn/noi-chinh-2019", title="Khối thi đua các cơ quan Nội chính tỉnh sơ kết 2019",
         published="2019-08-01", text="Đoàn công tác của Thanh tra tỉnh Bắc Giang.", extraction={
             "province": "Bắc Giang",
             "blocs": [{"name": "Khối thi đua các cơ quan Nội chính tỉnh", "parent": "Ủy ban nhân dân tỉnh",
                        "year": 2019, "members": ["Thanh tra tỉnh", "Tòa án nhân dân tỉnh"], "member_count": 7,
                        "leader": "Thanh tra tỉnh", "deputy_leaders": ["Tòa án nhân dân tỉnh"], "next_leader": None}],
             "meetings": [{"kind": "so_ket", "date": "2019-07-24", "location": "Trụ sở Tòa án nhân dân tỉnh Bắc Giang",
                           "bloc": "Khối thi đua các cơ quan Nội chính tỉnh", "period": "6 tháng đầu năm 2019"}],
             "awards": [{"award": "Cờ thi đua của Chính phủ", "recipient": "Thanh tra tỉnh", "year": 2019,
                         "status": "conferred"}],
             "agencies": ["Thanh tra tỉnh", "Tòa án nhân dân tỉnh"]}),
    # A7: Bắc Ninh 2022: the police led the bloc that year
    dict(url="https://thanhtra.bacninh.gov.vn/2022", title="Khối Nội chính năm 2022", published="2022-12-01",
         text="Công an tỉnh làm Trưởng khối.", extraction={
             "province": "Bắc Ninh",
             "blocs": [{"name": "Khối thi đua Nội chính", "parent": None, "year": 2022,
                        "members": ["Thanh tra tỉnh", "Công an tỉnh"], "member_count": 8,
                        "leader": "Công an tỉnh", "deputy_leaders": ["Thanh tra tỉnh"], "next_leader": None}],
             "meetings": [], "awards": [], "agencies": ["Công an tỉnh", "Thanh tra tỉnh"]}),
    # A8: Hải Dương's own internal-affairs bloc, 2023
    dict(url="https://haiduong.gov.vn/noi-chinh", title="Khối thi đua Nội chính Hải Dương", published="2023-12-05",
         text="Công an tỉnh Hải Dương là Trưởng khối năm 2023.", extraction={
             "province": "Hải Dương",
             "blocs": [{"name": "Khối thi đua Nội chính", "parent": "Ủy ban nhân dân tỉnh", "year": 2023,
                        "members": ["Công an tỉnh", "Thanh tra tỉnh"], "member_count": 6,
                        "leader": "Công an tỉnh", "deputy_leaders": [], "next_leader": None}],
             "meetings": [{"kind": "tong_ket", "date": "2023-12-01", "location": "Thành phố Hải Dương",
                           "bloc": "Khối thi đua Nội chính", "period": "năm 2023"}],
             "awards": [], "agencies": ["Công an tỉnh", "Thanh tra tỉnh"]}),
]


def _load_all(db):
    return [load_article(db, **a) for a in ARTICLES]


@pytest.fixture
def db(tmp_path):
    d = open_db(tmp_path / "kb.sqlite", create=True)
    _load_all(d)
    return d


def _by_year(rows):
    return {r["year"]: r for r in rows}


def test_bloc_history_over_years(db):
    rows = query_blocs(db, bloc="Khối thi đua các cơ quan Nội chính tỉnh Bắc Ninh")
    assert [r["year"] for r in rows] == [2022, 2023]
    y = _by_year(rows)
    assert y[2022]["leader"] == "Công an tỉnh Bắc Ninh"
    assert y[2022]["deputy_leaders"] == ["Thanh tra tỉnh Bắc Ninh"]
    assert y[2023]["leader"] == "Thanh tra tỉnh Bắc Ninh"
    assert y[2023]["deputy_leaders"] == ["Công an tỉnh Bắc Ninh"]
    assert (y[2023]["next_leader"], y[2023]["next_leader_year"]) == ("Tòa án nhân dân tỉnh Bắc Ninh", 2024)
    assert set(y[2023]["members"]) == {"Thanh tra tỉnh Bắc Ninh", "Công an tỉnh Bắc Ninh", "Tòa án nhân dân tỉnh Bắc Ninh"}
    assert y[2023]["member_count"] == 8
    assert y[2023]["sources"] == 2  # the province's site and the newspaper


def test_cluster_history_roman_and_arabic_numbers(db):
    rows = query_blocs(db, bloc="Cụm thi đua số 2")
    assert {r["bloc"] for r in rows} == {"Cụm thi đua số II"}
    y = _by_year(rows)
    assert y[2023]["leader"] == "Thanh tra tỉnh Bắc Ninh" and y[2024]["leader"] == "Thanh tra tỉnh Nam Định"
    assert y[2023]["sources"] == 2
    assert db.execute("SELECT count(*) FROM blocs WHERE key LIKE 'cum so 2%'").fetchone()[0] == 1


def test_who_led_each_provinces_internal_affairs_bloc(db):
    rows = query_blocs(db, year=2023, bloc="noi chinh")
    assert {r["province"]: r["leader"] for r in rows} == {
        "Bắc Ninh": "Thanh tra tỉnh Bắc Ninh", "Hải Dương": "Công an tỉnh Hải Dương"}


def test_one_bloc_from_short_and_full_names(db):
    blocs = list(db.query("SELECT id, name, province FROM blocs WHERE province = 'Bắc Ninh'"))
    assert len(blocs) == 1
    assert blocs[0]["name"] == "Khối thi đua các cơ quan Nội chính tỉnh Bắc Ninh"
    aliases = {r["alias"] for r in db.query("SELECT alias FROM bloc_aliases WHERE bloc_id = ?", [blocs[0]["id"]])}
    assert {"Khối thi đua Nội chính", "Khối thi đua các cơ quan Nội chính tỉnh Bắc Ninh"} <= aliases


def test_one_agency_per_canonical_name_with_aliases(db):
    rows = list(db.query("SELECT id FROM agencies WHERE name = 'Tòa án nhân dân tỉnh Bắc Ninh'"))
    assert len(rows) == 1
    aliases = {r["alias"] for r in db.query("SELECT alias FROM agency_aliases WHERE agency_id = ?", [rows[0]["id"]])}
    assert {"Tòa án nhân dân tỉnh", "TAND tỉnh Bắc Ninh"} <= aliases
    assert db.execute("SELECT count(*) FROM agencies WHERE name LIKE '% tỉnh'").fetchone()[0] == 0


def test_government_flags_to_inspectorates_by_year(db):
    rows = query_awards(db, award="Cờ thi đua của Chính phủ", agency="Thanh tra")
    assert [(r["year"], r["recipient"], r["status"]) for r in rows] == [
        (2019, "Thanh tra tỉnh Bắc Giang", "conferred"),
        (2023, "Thanh tra tỉnh Bắc Ninh", "conferred"),
        (2023, "Thanh tra tỉnh Nam Định", "conferred"),
    ]
    assert query_awards(db, award="co thi dua chinh phu", status="conferred", year=2023, province="Nam Định")[0][
        "recipient"] == "Thanh tra tỉnh Nam Định"


def test_agency_awards_over_time_with_abbreviation(db):
    rows = query_awards(db, agency="TAND tỉnh Bắc Ninh")
    assert [(r["year"], r["award"]) for r in rows] == [(2023, "Cờ thi đua của Ủy ban nhân dân tỉnh")]
    rows = query_awards(db, agency="thanh tra tinh bac ninh")
    assert [(r["year"], r["award"], r["sources"]) for r in rows] == [(2023, "Cờ thi đua của Chính phủ", 2)]


def test_status_progression(db):
    (row,) = query_awards(db, agency="Thanh tra tỉnh Nam Định")
    assert row["status"] == "conferred"
    assert row["steps"] == ["registered", "proposed", "conferred"]
    assert row["step_sources"] == {"registered": ["https://thanhtra.gov.vn/cum-2-so-ket-2023"],
                                   "proposed": ["https://baonamdinh.vn/cum-so-2"],
                                   "conferred": ["https://thanhtra.gov.vn/cum-2-2024"]}
    assert query_awards(db, status="registered") == []
    with pytest.raises(BadFilter):
        query_awards(db, status="won")
    view = list(db.query("SELECT * FROM award_outcomes WHERE recipient = 'Thanh tra tỉnh Nam Định'"))
    assert len(view) == 1 and view[0]["status"] == "conferred" and view[0]["steps"] == "registered → proposed → conferred"


def test_meetings_of_a_cluster_in_a_year_range_and_place(db):
    rows = query_meetings(db, bloc="Cụm thi đua số II", year=2023)
    assert [(r["date"], r["kind"], r["location"], r["sources"]) for r in rows] == [
        ("2023-06-15", "so_ket", "Thành phố Nam Định", 2)]
    rows = query_meetings(db, bloc="Cụm thi đua số VI")
    assert rows == []
    rows = query_meetings(db, since="2023-06-01", until="2023-12-31")
    assert [r["date"] for r in rows] == ["2023-06-15", "2023-11-21", "2023-12-01"]
    assert [r["date"] for r in query_meetings(db, place="nam dinh")] == ["2023-06-15"]
    assert [r["date"] for r in query_meetings(db, kind="ký giao ước")] == ["2024-02-28"]
    bn = query_meetings(db, bloc="Nội chính", province="Bắc Ninh")
    assert [(r["date"], r["location"], r["sources"]) for r in bn] == [
        ("2023-11-21", "Trụ sở Thanh tra tỉnh Bắc Ninh", 2)]
    view = list(db.query("SELECT * FROM meeting_log WHERE date = '2023-06-15'"))
    assert len(view) == 1 and view[0]["bloc"] == "Cụm thi đua số II"


@pytest.mark.parametrize("bad", [{"since": "2023-13-01"}, {"until": "21/11/2023"}, {"year": "abc"}, {"kind": "party"}])
def test_bad_filters(db, bad):
    with pytest.raises(BadFilter) as exc:
        query_meetings(db, **bad)
    assert "\n" not in str(exc.value)


def test_figures_about_an_agency(db):
    rows = query_figures(db, agency="Thanh tra tỉnh Bắc Ninh")
    by_text = {r["text"]: r for r in rows}
    assert by_text["128 cuộc thanh tra"]["link"] == "text"
    assert by_text["128 cuộc thanh tra"]["agency"] == "Thanh tra tỉnh Bắc Ninh"
    assert by_text["43,6 tỷ đồng"]["value"] == 43600000000
    police = query_figures(db, agency="CA tỉnh Bắc Ninh")
    assert {r["text"]: r["link"] for r in police}["3.704 lượt công dân"] == "text"
    assert all(r["province"] == "Bắc Ninh" for r in query_figures(db, province="Bắc Ninh", year=2023))


def test_dedup_one_fact_many_sources(db):
    row = db.execute(
        "SELECT count(*) FROM bloc_history WHERE bloc LIKE 'Khối%Bắc Ninh' AND year = 2023 "
        "AND agency = 'Thanh tra tỉnh Bắc Ninh' AND role = 'leader'").fetchone()
    assert row[0] == 1
    (n,) = db.execute(
        "SELECT sources FROM bloc_history WHERE bloc LIKE 'Khối%Bắc Ninh' AND year = 2023 "
        "AND agency = 'Thanh tra tỉnh Bắc Ninh' AND role = 'leader'").fetchone()
    assert n == 2
    assert db.execute("SELECT count(*) FROM meetings WHERE date = '2023-11-21'").fetchone()[0] == 1
    assert db.execute("SELECT count(*) FROM meetings WHERE date = '2023-06-15'").fetchone()[0] == 1


def test_reload_replaces_only_that_articles_facts(db):
    a4 = dict(ARTICLES[3])
    before = summary(db)
    aid = load_article(db, **{**a4, "extraction": {**a4["extraction"], "awards": [], "meetings": []}})
    assert aid == db.execute("SELECT id FROM articles WHERE url = ?", [a4["url"]]).fetchone()[0]
    (row,) = query_awards(db, agency="Thanh tra tỉnh Nam Định")
    assert row["steps"] == ["registered", "conferred"]  # only A4 reported the proposal
    (meeting,) = query_meetings(db, bloc="Cụm thi đua số II", year=2023)
    assert meeting["sources"] == 1 and meeting["location"] == "Thành phố Nam Định"
    # reload the only article reporting Hải Dương's bloc with nothing: its facts disappear
    a8 = ARTICLES[7]
    load_article(db, **{**a8, "extraction": {"province": "Hải Dương"}})
    assert query_blocs(db, year=2023, bloc="noi chinh", province="Hải Dương") == []
    assert query_meetings(db, place="Hải Dương") == []
    after = summary(db)
    assert after["articles"] == before["articles"]
    # reloading everything as it was restores the same knowledge base
    _load_all(db)
    assert summary(db) == before


def test_reload_is_one_transaction(db):
    a1 = ARTICLES[0]
    broken = {**a1["extraction"], "awards": [{"award": "Cờ", "recipient": "Thanh tra tỉnh", "year": "x",
                                             "status": object()}]}
    with pytest.raises(Exception):  # noqa: B017 - any failure inside must roll the whole article back
        load_article(db, **{**a1, "extraction": broken})
    rows = query_blocs(db, bloc="Nội chính tỉnh Bắc Ninh", year=2023)
    assert rows[0]["sources"] == 2 and rows[0]["next_leader"] == "Tòa án nhân dân tỉnh Bắc Ninh"


def test_with_predecessors_across_the_merger(db):
    assert {r["province"] for r in query_awards(db, province="Bắc Ninh")} == {"Bắc Ninh"}
    rows = query_awards(db, province="Bắc Ninh", award="Cờ thi đua của Chính phủ", with_predecessors=True)
    assert [(r["year"], r["recipient"]) for r in rows] == [(2019, "Thanh tra tỉnh Bắc Giang"),
                                                          (2023, "Thanh tra tỉnh Bắc Ninh")]
    blocs = query_blocs(db, province="Bắc Ninh", bloc="Nội chính", with_predecessors=True)
    assert {(r["province"], r["year"]) for r in blocs} == {("Bắc Giang", 2019), ("Bắc Ninh", 2022), ("Bắc Ninh", 2023)}
    rows = query_awards(db, agency="Thanh tra tỉnh Bắc Ninh", with_predecessors=True)
    assert {r["recipient"] for r in rows} == {"Thanh tra tỉnh Bắc Ninh", "Thanh tra tỉnh Bắc Giang"}


def test_agency_profile(db):
    p = agency_profile(db, "thanh tra bac giang")
    assert p["name"] == "Thanh tra tỉnh Bắc Giang" and p["province"] == "Bắc Giang"
    assert p["lineage"]["merged_into"] == "Bắc Ninh" and p["lineage"]["merged_on"] == "2025-07-01"
    assert p["lineage"]["successor_agencies"] == ["Thanh tra tỉnh Bắc Ninh"]
    assert p["blocs"] == [{"bloc": "Khối thi đua các cơ quan Nội chính tỉnh Bắc Giang",
                           "parent": "Ủy ban nhân dân tỉnh Bắc Giang", "year": 2019, "roles": ["member", "leader"]}]
    assert [a["award"] for a in p["awards"]] == ["Cờ thi đua của Chính phủ"]
    assert [m["date"] for m in p["meetings"]] == ["2019-07-24"]
    bn = agency_profile(db, "Thanh tra tỉnh Bắc Ninh")
    assert bn["lineage"]["predecessor_agencies"] == ["Thanh tra tỉnh Bắc Giang"]
    assert [(b["year"], b["bloc"][:4]) for b in bn["blocs"]].count((2023, "Cụm ")) == 1
    assert bn["people"] == [{"name": "Trần Vượng", "title": "Phó Chánh Thanh tra", "sources": 1}]
    with pytest.raises(NotFound):
        agency_profile(db, "Bộ Ngoại giao")


def test_summary_and_iterators(db):
    s = summary(db)
    assert s["articles"] == len(ARTICLES) and s["blocs"] == 4 and s["documents"] == 1 and s["people"] == 1
    assert [a["url"] for a in iter_articles(db)] == [a["url"] for a in ARTICLES]
    store_page(db, {"url": "https://p.vn/1", "status": 200, "text": "<html>v1</html>", "kind": "article"})
    store_page(db, {"url": "https://p.vn/1", "status": 200, "text": "<html>v2</html>", "kind": "article"})
    load_article(db, url="https://p.vn/1", text="t", extraction={}, page_url="https://p.vn/1")
    assert [a["page_body"] for a in iter_articles(db) if a["url"] == "https://p.vn/1"] == ["<html>v2</html>"]
    delete_article_facts(db, "https://p.vn/1", delete_article=True)
    db.execute("DELETE FROM pages")
    db["pages"].insert({"url": "https://x.vn/a", "status": 200, "body": "<html/>", "kind": "article"})
    db["pages"].insert({"url": "https://x.vn/b", "status": 404, "body": None})
    assert [p["url"] for p in iter_stored_pages(db)] == ["https://x.vn/a"]
    assert delete_article_facts(db, ARTICLES[7]["url"], delete_article=True)
    assert summary(db)["articles"] == len(ARTICLES) - 1
    assert not delete_article_facts(db, "https://nowhere/")
    assert search(db, "Hải Dương") == [] or all("haiduong" not in r["url"] for r in search(db, "Hải Dương"))
