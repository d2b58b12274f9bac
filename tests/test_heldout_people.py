"""Held-out cases for people's titles: how a post is written when its body follows it.

The rule (ANNOTATION `people`, dev gold 057/066): the title is the post without the body it
belongs to, keeping the body's kind word when the post names it (`Chánh Thanh tra`, `Trưởng Ban`,
`Trưởng Công an`, `Trưởng Thuế`); a post over a unit drops the unit's name (`Đội trưởng`,
`Trưởng phòng`) whether or not the unit's parent is written; a Party or Youth Union committee is
no agency, so its post keeps it as written and the agency is null (`Phó Bí thư Tỉnh ủy`).
Each case uses provinces, districts and wordings the held-out articles do not. Cases are
`(name, text, url, published, expected)`, `expected` mapping a check to its value.
"""
from __future__ import annotations

import pytest
from test_phrasings import CHECKS

from thidua.extract import extract_text

CHECKS = {
    **CHECKS,
    # (name, title) only, for cases where the body is another component's business
    "titles": lambda o: [(p["name"], p["title"]) for p in o["people"]],
}

CASES = [
    # --- a post over a unit: the unit's name is no part of the title ---------------------------
    ("unit-post-no-parent", "Thiếu tá Lò Văn Pết, Đội trưởng Đội Cảnh sát giao thông được Chủ tịch UBND tỉnh tặng Bằng khen.",
     None, "2022-12-30",
     {"titles": [("Lò Văn Pết", "Đội trưởng")]}),
    ("unit-post-with-parent", "Trung tá Hoàng Văn Cường, Đội trưởng Đội Cảnh sát kinh tế Công an huyện Văn Bàn phát biểu.",
     None, "2019-12-20",
     {"people": [("Hoàng Văn Cường", "Đội trưởng", "Đội Cảnh sát kinh tế Công an huyện Văn Bàn")]}),
    ("unit-office-no-parent", "Công an tỉnh Hà Nam tổ chức hội nghị. Thượng tá Vũ Văn Lâm, Trưởng phòng Cảnh sát hình sự phát biểu.",
     None, "2020-12-18",
     {"titles": [("Vũ Văn Lâm", "Trưởng phòng")]}),
    # --- the body's kind word stays with a bare `Trưởng` -------------------------------------
    ("truong-thue-post", "Ông Đinh Văn Hải, Phó Trưởng Thuế tỉnh Ninh Bình phát biểu.",
     None, "2025-12-20",
     {"people": [("Đinh Văn Hải", "Phó Trưởng Thuế", "Thuế tỉnh Ninh Bình")]}),
    ("truong-cong-an-thi-xa", "Thượng tá Phan Văn Minh, Trưởng Công an thị xã Sơn Tây phát biểu.",
     None, "2018-12-20",
     {"people": [("Phan Văn Minh", "Trưởng Công an", "Công an thị xã Sơn Tây")]}),
    ("truong-ban-party-board", "Đồng chí Lê Thị Thu, Trưởng Ban Tuyên giáo Tỉnh ủy Hà Tĩnh, Trưởng khối chủ trì hội nghị.",
     None, "2023-03-10",
     {"people": [("Lê Thị Thu", "Trưởng Ban", "Ban Tuyên giáo Tỉnh ủy Hà Tĩnh")]}),
    # --- a committee itself is kept in the title, agency null --------------------------------
    ("party-committee-kept", "Đồng chí Lò Văn Khánh, Phó Bí thư Thường trực Huyện ủy Mường Khương dự hội nghị.",
     None, "2021-12-28",
     {"people": [("Lò Văn Khánh", "Phó Bí thư Thường trực Huyện ủy Mường Khương", None)]}),
    ("youth-union-city-kept", "Anh Trần Minh Tâm, Bí thư Thành đoàn Cần Thơ phát biểu.",
     None, "2022-03-26",
     {"people": [("Trần Minh Tâm", "Bí thư Thành đoàn Cần Thơ", None)]}),
    # --- a body written by its head noun alone is the one last named with it -----------------
    ("bare-head-body", "Về phía Sở Tư pháp tỉnh Quảng Bình, ông Hoàng Văn Đức, Phó Giám đốc Sở đã tham dự hội nghị.",
     None, "2020-12-10",
     {"people": [("Hoàng Văn Đức", "Phó Giám đốc", "Sở Tư pháp tỉnh Quảng Bình")]}),
    ("bare-head-body-unnamed", "Ông Hoàng Văn Đức, Phó Giám đốc Sở đã tham dự hội nghị.",
     None, "2020-12-10",
     {"people": [("Hoàng Văn Đức", "Phó Giám đốc", None)]}),
    # --- `Đ/c`, the written short form of `đồng chí`, is an honorific --------------------------
    ("dong-chi-short-form", "Đ/c Trịnh Văn Hòa, Phó Cục trưởng Cục Thi hành án dân sự tỉnh Quảng Ninh tham dự hội nghị.",
     None, "2021-03-05",
     {"people": [("Trịnh Văn Hòa", "Phó Cục trưởng", "Cục Thi hành án dân sự tỉnh Quảng Ninh")]}),
    # --- `… và bà B, Giám đốc Y`: the next person's post is not the first one's ----------------
    ("next-person-after-va", "Ông Hà Văn Toản, Trưởng Thuế tỉnh Thái Nguyên, Trưởng khối và bà Lê Thị Mai, Giám đốc "
     "Kho bạc Nhà nước khu vực VI đồng chủ trì hội nghị.",
     None, "2025-12-22",
     {"titles": [("Hà Văn Toản", "Trưởng Thuế"), ("Lê Thị Mai", "Giám đốc")]}),
    ("next-person-after-va-no-post", "Ông Nguyễn Văn Thành, Trưởng khối và ông Lê Hữu Phước, Phó Chánh án TAND tỉnh Bình Dương dự hội nghị.",
     None, "2019-12-22",
     {"titles": [("Nguyễn Văn Thành", None), ("Lê Hữu Phước", "Phó Chánh án")]}),
    # --- a post before a name is not read across `;` from the person before ------------------
    ("post-before-name-after-semicolon", "Dự hội nghị có: bà Lâm Thị Hoa, Phó Bí thư Tỉnh ủy Hậu Giang; Phó Trưởng ban "
     "Thường trực Ban Tuyên giáo Tỉnh ủy Đoàn Văn Tâm.", None, "2021-04-10",
     {"titles": [("Lâm Thị Hoa", "Phó Bí thư Tỉnh ủy Hậu Giang"), ("Đoàn Văn Tâm", "Phó Trưởng ban Thường trực")]}),
    # --- a post written with a lower-case initial after the comma ----------------------------
    ("post-lower-case-initial", "Đến dự có đồng chí Trịnh Văn Lợi, phó Chủ tịch Hội Nông dân tỉnh Sơn La, phụ trách Cụm thi đua số 2.",
     None, "2024-01-20", {"titles": [("Trịnh Văn Lợi", "Phó Chủ tịch")]}),
    # --- abbreviated posts are written out --------------------------------------------------
    ("post-abbreviated", "Ông Đặng Quốc Khánh - PGĐ Ngân hàng Nhà nước chi nhánh tỉnh Gia Lai cùng đại diện các đơn vị chụp ảnh.",
     None, "2019-03-02", {"titles": [("Đặng Quốc Khánh", "Phó Giám đốc")]}),
    ("post-abbreviated-chairman", "Bà Mai Thị Hạnh, PCT UBND huyện Kim Bôi phát biểu.", None, "2020-05-02",
     {"titles": [("Mai Thị Hạnh", "Phó Chủ tịch")]}),
    # --- `đại diện X làm Trưởng đoàn`: the post taken on, for the body represented --------------
    ("on-behalf-head-of-team", "Đoàn công tác do ông Vũ Minh Khôi - đại diện Thanh tra Chính phủ làm Trưởng đoàn đã làm việc tại tỉnh Phú Thọ.",
     None, "2019-11-02", {"people": [("Vũ Minh Khôi", "Trưởng đoàn", "Thanh tra Chính phủ")]}),
    # --- the site's imprint in the footer names its staff, not the article's people -------------
    ("neg-imprint-person", "Ngày 5/1/2024, Khối thi đua Kinh tế tỉnh Bình Định tổ chức hội nghị tổng kết.\n\n"
     "Chịu trách nhiệm chính: Ông Hồ Văn Sơn, Giám đốc Sở Kế hoạch và Đầu tư tỉnh Bình Định", None, "2024-01-06",
     {"people": []}),
    # a role taken on for the occasion (`làm Trưởng đoàn`) is no part of the post
    ("takes-on-delegation-role", "Đoàn do ông Trần Văn Bình, Phó Giám đốc Sở Tư pháp tỉnh Hòa Bình làm Trưởng đoàn đã tham dự "
     "hội nghị.", None, "2019-03-01",
     {"people": [("Trần Văn Bình", "Phó Giám đốc", "Sở Tư pháp tỉnh Hòa Bình")]}),
    ("takes-on-role-bare-body", "Sáng ngày 9/3/2019, Sở Tư pháp tỉnh Hòa Bình do ông Lê Văn Hùng, Phó Giám đốc Sở làm Trưởng "
     "đoàn đã tham dự hội nghị.", None, "2019-03-10",
     {"people": [("Lê Văn Hùng", "Phó Giám đốc", "Sở Tư pháp tỉnh Hòa Bình")]}),
]


@pytest.mark.parametrize("name, text, url, published, expected", CASES, ids=[c[0] for c in CASES])
def test_people_titles(name, text, url, published, expected):
    o = extract_text(text, url=url, published=published)
    for check, want in expected.items():
        got = CHECKS[check](o)
        assert got == want, f"{check}: {got!r}"


def test_case_names_unique():
    assert len({c[0] for c in CASES}) == len(CASES)
