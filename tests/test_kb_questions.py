"""Each question of the three user groups, asked through the real command line (CliRunner) of a
knowledge base built from several articles that report overlapping facts.

The articles are test_kb's eight plus a third site reporting Bắc Ninh's 2023 internal-affairs
bloc, so that fact is one fact with three sources.
"""
from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner
from test_kb import ARTICLES

from thidua.cli import cli
from thidua.kb import load_article, open_db

# a third site (a different form again: short name, abbreviation) for the same 2023 facts
THIRD = dict(url="https://vksbacninh.gov.vn/khoi-noi-chinh-2023", title="Khối Nội chính tỉnh Bắc Ninh tổng kết",
             published="2023-11-24", text="Viện KSND tỉnh dự hội nghị tổng kết Khối thi đua Nội chính năm 2023.",
             extraction={
                 "province": "Bắc Ninh",
                 "blocs": [{"name": "Khối thi đua Nội chính", "parent": "UBND tỉnh", "year": 2023,
                            "members": ["Thanh tra tỉnh", "Viện KSND tỉnh"], "member_count": 8,
                            "leader": "Thanh tra tỉnh", "deputy_leaders": [],
                            "next_leader": {"agency": "TAND tỉnh", "year": 2024}}],
                 "meetings": [{"kind": "tong_ket", "date": "2023-11-21", "location": None,
                               "bloc": "Khối thi đua Nội chính", "period": "năm 2023"}],
                 "awards": [{"award": "Cờ thi đua của Chính phủ", "recipient": "Thanh tra tỉnh", "year": 2023,
                             "status": "conferred"}],
                 "agencies": ["Thanh tra tỉnh", "Viện KSND tỉnh", "TAND tỉnh"]})


@pytest.fixture(scope="module")
def kb_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("questions") / "kb.sqlite"
    db = open_db(path, create=True)
    for a in [*ARTICLES, THIRD]:
        load_article(db, **a)
    db.conn.close()
    return str(path)


def ask(kb_path, *args, fmt="json"):
    result = CliRunner().invoke(cli, [*args, "--db", kb_path, "--format", fmt])
    assert result.exit_code == 0, result.output
    return json.loads(result.output) if fmt == "json" else result.output


def test_history_of_a_bloc_over_the_years(kb_path):
    rows = ask(kb_path, "query", "blocs", "--bloc", "Khối thi đua các cơ quan Nội chính tỉnh Bắc Ninh")
    assert [r["year"] for r in rows] == [2022, 2023]
    y2022, y2023 = rows
    assert (y2022["leader"], y2022["deputy_leaders"]) == ("Công an tỉnh Bắc Ninh", ["Thanh tra tỉnh Bắc Ninh"])
    assert y2023["leader"] == "Thanh tra tỉnh Bắc Ninh" and y2023["deputy_leaders"] == ["Công an tỉnh Bắc Ninh"]
    assert (y2023["next_leader"], y2023["next_leader_year"]) == ("Tòa án nhân dân tỉnh Bắc Ninh", 2024)
    assert set(y2023["members"]) == {"Thanh tra tỉnh Bắc Ninh", "Công an tỉnh Bắc Ninh", "Tòa án nhân dân tỉnh Bắc Ninh",
                                     "Viện Kiểm sát nhân dân tỉnh Bắc Ninh"}
    # one fact, three sources: three sites reported the 2023 bloc-year
    assert y2023["sources"] == 3 and len(y2023["article_urls"]) == 3
    assert THIRD["url"] in y2023["article_urls"]
    # the view too: the leader of 2023 is one row with three sources
    with open_db(kb_path).conn as conn:
        (n, sources), = conn.execute(
            "SELECT count(*), max(sources) FROM bloc_history WHERE province = 'Bắc Ninh' AND year = 2023 "
            "AND role = 'leader'").fetchall()
    assert (n, sources) == (1, 3)


def test_who_led_each_provinces_internal_affairs_bloc_in_a_year(kb_path):
    rows = ask(kb_path, "query", "blocs", "--bloc", "noi chinh", "--year", "2023")
    assert {r["province"]: r["leader"] for r in rows} == {"Bắc Ninh": "Thanh tra tỉnh Bắc Ninh",
                                                          "Hải Dương": "Công an tỉnh Hải Dương"}
    out = ask(kb_path, "query", "blocs", "--bloc", "noi chinh", "--year", "2019", fmt="csv")
    (row,) = list(csv.DictReader(io.StringIO(out)))
    assert (row["province"], row["leader"]) == ("Bắc Giang", "Thanh tra tỉnh Bắc Giang")


def test_every_government_flag_to_inspectorates_by_year(kb_path):
    rows = ask(kb_path, "query", "awards", "--award", "Cờ thi đua của Chính phủ", "--agency", "Thanh tra")
    assert [(r["year"], r["recipient"], r["status"]) for r in rows] == [
        (2019, "Thanh tra tỉnh Bắc Giang", "conferred"),
        (2023, "Thanh tra tỉnh Bắc Ninh", "conferred"),
        (2023, "Thanh tra tỉnh Nam Định", "conferred")]
    assert rows[1]["sources"] == 3  # the province's site, the newspaper, the procuracy's site
    assert rows[2]["steps"] == ["registered", "proposed", "conferred"]
    only_conferred_2023 = ask(kb_path, "query", "awards", "--award", "co thi dua cua chinh phu", "--year", "2023",
                              "--status", "conferred")
    assert {r["recipient"] for r in only_conferred_2023} == {"Thanh tra tỉnh Bắc Ninh", "Thanh tra tỉnh Nam Định"}


def test_an_agencys_awards_over_time(kb_path):
    rows = ask(kb_path, "query", "awards", "--agency", "TAND tỉnh Bắc Ninh")
    assert [(r["year"], r["award"], r["status"]) for r in rows] == [(2023, "Cờ thi đua của Ủy ban nhân dân tỉnh",
                                                                    "conferred")]
    rows = ask(kb_path, "query", "awards", "--agency", "Thanh tra tỉnh Bắc Ninh", "--with-predecessors")
    assert [(r["year"], r["recipient"]) for r in rows] == [(2019, "Thanh tra tỉnh Bắc Giang"),
                                                          (2023, "Thanh tra tỉnh Bắc Ninh")]


def test_meetings_of_a_cluster_in_a_year_a_date_range_and_at_a_place(kb_path):
    rows = ask(kb_path, "query", "meetings", "--bloc", "Cụm thi đua số 2", "--year", "2023")
    assert [(r["date"], r["kind"], r["location"], r["parent"], r["sources"]) for r in rows] == [
        ("2023-06-15", "so_ket", "Thành phố Nam Định", "Thanh tra Chính phủ", 2)]
    rows = ask(kb_path, "query", "meetings", "--bloc", "Cụm thi đua số II", "--since", "2024-01-01",
               "--until", "2024-12-31")
    assert [(r["date"], r["kind"], r["location"]) for r in rows] == [("2024-02-28", "ky_giao_uoc", "Hà Nội")]
    rows = ask(kb_path, "query", "meetings", "--place", "Nam Dinh")
    assert [r["date"] for r in rows] == ["2023-06-15"]
    # the 21 Nov 2023 review: three sites, one meeting, located by the one that said where
    (m,) = ask(kb_path, "query", "meetings", "--since", "2023-11-21", "--until", "2023-11-21")
    assert m["sources"] == 3 and m["location"] == "Trụ sở Thanh tra tỉnh Bắc Ninh"


def test_figures_reported_by_or_about_an_agency(kb_path):
    rows = ask(kb_path, "query", "figures", "--agency", "Thanh tra tỉnh Bắc Ninh")
    by_text = {r["text"]: r for r in rows}
    assert by_text["128 cuộc thanh tra"]["link"] == "text" and by_text["128 cuộc thanh tra"]["value"] == 128
    assert by_text["43,6 tỷ đồng"]["value"] == 43600000000
    assert by_text["128 cuộc thanh tra"]["article_url"] == ARTICLES[0]["url"]
    police = ask(kb_path, "query", "figures", "--agency", "CA tỉnh Bắc Ninh")
    assert [r["text"] for r in police if r["link"] == "text"] == ["3.704 lượt công dân"]


def test_province_with_predecessors_finds_bac_giang_2019(kb_path):
    plain = ask(kb_path, "query", "blocs", "--province", "Bắc Ninh")  # its blocs, and clusters it is in
    assert {(r["province"], r["parent"]) for r in plain} == {("Bắc Ninh", "Ủy ban nhân dân tỉnh Bắc Ninh"),
                                                             (None, "Thanh tra Chính phủ")}
    blocs = ask(kb_path, "query", "blocs", "--province", "Bắc Ninh", "--with-predecessors", "--bloc", "Nội chính")
    assert {(r["province"], r["year"]) for r in blocs} == {("Bắc Giang", 2019), ("Bắc Ninh", 2022), ("Bắc Ninh", 2023)}
    awards = ask(kb_path, "query", "awards", "--province", "Bắc Ninh", "--with-predecessors", "--year", "2019")
    assert [(r["recipient"], r["award"]) for r in awards] == [("Thanh tra tỉnh Bắc Giang", "Cờ thi đua của Chính phủ")]
    meetings = ask(kb_path, "query", "meetings", "--province", "Bắc Ninh", "--with-predecessors", "--year", "2019")
    assert [(r["date"], r["bloc"]) for r in meetings] == [
        ("2019-07-24", "Khối thi đua các cơ quan Nội chính tỉnh Bắc Giang")]
    assert ask(kb_path, "query", "meetings", "--province", "Bắc Ninh", "--year", "2019") == []


def test_agency_profile_shows_lineage(kb_path):
    (bn,) = ask(kb_path, "query", "agency", "Thanh tra tỉnh Bắc Ninh")
    assert bn["lineage"]["predecessors"] == ["Bắc Giang"]
    assert bn["lineage"]["predecessor_agencies"] == ["Thanh tra tỉnh Bắc Giang"]
    assert {(b["year"], b["parent"]) for b in bn["blocs"]} >= {(2023, "Thanh tra Chính phủ"),
                                                               (2023, "Ủy ban nhân dân tỉnh Bắc Ninh")}
    (bg,) = ask(kb_path, "query", "agency", "thanh tra bac giang")
    assert (bg["lineage"]["merged_into"], bg["lineage"]["merged_on"]) == ("Bắc Ninh", "2025-07-01")
    assert bg["lineage"]["successor_agencies"] == ["Thanh tra tỉnh Bắc Ninh"]
    table = ask(kb_path, "query", "agency", "Thanh tra tỉnh Bắc Giang", fmt="table")
    assert "Bắc Ninh" in table and "2019" in table


def test_search_diacritics_rank_exact_first_with_snippets_and_links(kb_path):
    rows = ask(kb_path, "search", "năm")
    urls = [r["url"] for r in rows]
    exact = [r for r in rows if r["exact"]]
    assert exact and rows[: len(exact)] == exact  # every exact `năm` before any `nam`
    assert all("[năm]" in r["snippet"].lower() for r in exact)
    # an article with `Nam Định` and no `năm` still matches, after every exact one
    nam_dinh = [r for r in rows if r["url"] == "https://baonamdinh.vn/cum-so-2" and r["kind"] == "article"]
    assert nam_dinh and not nam_dinh[0]["exact"] and "[Nam]" in nam_dinh[0]["snippet"]
    assert all(u and u.startswith("https://") for u in urls)
    # without diacritics: any tone matches
    folded = ask(kb_path, "search", "nam")
    assert {r["url"] for r in folded} >= {ARTICLES[0]["url"], "https://baonamdinh.vn/cum-so-2"}
    assert not any(r["exact"] for r in folded)
    # đ folds to d, and the highlight shows the original text
    (doan,) = [r for r in ask(kb_path, "search", "doan cong tac") if r["kind"] == "article"]
    assert doan["url"] == "https://bacgiang.gov.vn/noi-chinh-2019" and "[Đoàn]" in doan["snippet"]
    # meetings are found too, with the article that reported them
    meetings = [r for r in ask(kb_path, "search", "ha noi") if r["kind"] == "meeting"]
    assert meetings and meetings[0]["url"] == "https://thanhtra.gov.vn/cum-2-2024" and "[Hà] [Nội]" in meetings[0]["snippet"]
