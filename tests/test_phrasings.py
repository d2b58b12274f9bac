"""Written forms -> extracted facts, one short realistic sentence or paragraph per case.

Held-out robustness: every case is set in provinces, years and agencies that the dev set does
not use, and each asserts the specific facts a careful annotator would record (ANNOTATION.md),
not just that extraction runs. A case is `(text, url, published, expected)`; `expected` maps a
check name (see `CHECKS`) to its value.
"""
from __future__ import annotations

import pytest

from thidua.extract import extract_text


def _bloc(o):
    assert len(o["blocs"]) == 1, o["blocs"]
    return o["blocs"][0]


CHECKS = {
    # agencies: these names are among the article's agencies; agencies_exact: exactly these
    "agencies": lambda o: set(o["agencies"]),
    "agencies_exact": lambda o: sorted(o["agencies"]),
    "no_agencies": lambda o: set(o["agencies"]),
    "province": lambda o: o["province"],
    "bloc": lambda o: _bloc(o)["name"],
    "members": lambda o: _bloc(o)["members"],
    "member_count": lambda o: _bloc(o)["member_count"],
    "leader": lambda o: _bloc(o)["leader"],
    "deputies": lambda o: _bloc(o)["deputy_leaders"],
    "next_leader": lambda o: _bloc(o)["next_leader"],
    "next_deputies": lambda o: _bloc(o).get("next_deputy_leaders", []),
    "parent": lambda o: _bloc(o)["parent"],
    "bloc_year": lambda o: _bloc(o)["year"],
    "roles_by_bloc": lambda o: {b["name"]: (b["leader"], tuple(b["deputy_leaders"])) for b in o["blocs"]},
    "blocs": lambda o: [b["name"] for b in o["blocs"]],
    "awards": lambda o: {(a["award"], a["recipient"], a["status"]) for a in o["awards"]},
    "award_years": lambda o: {(a["recipient"], a["year"]) for a in o["awards"]},
    "people": lambda o: [(p["name"], p["title"], p["agency"]) for p in o["people"]],
    "meetings": lambda o: {(m["kind"], m["date"]) for m in o["meetings"]},
    "locations": lambda o: {m["location"] for m in o["meetings"]},
    "meeting_blocs": lambda o: {(m["kind"], m["bloc"]) for m in o["meetings"]},
    "figures": lambda o: {(f["value"], f["unit"]) for f in o["figures"]},
}

LONG_AN = "https://baolongan.vn/tin-tuc/a123.html"

CASES = [
    ("meeting-bloc-verb", "Ngày 21/6/2018, tại Hội trường UBND tỉnh, Khối thi đua Nội chính tỉnh Bình Thuận sơ kết "
     "6 tháng đầu năm 2018.", None, "2018-06-22",
     {"meetings": {("so_ket", "2018-06-21")}, "locations": {"Hội trường UBND tỉnh"}}),
    ("bloc-headline-in-capitals", "KHỐI THI ĐUA CÁC CƠ QUAN NỘI CHÍNH TỈNH YÊN BÁI TỔNG KẾT NĂM 2021\n\n"
     "Ngày 20/12/2021, Khối thi đua các cơ quan Nội chính tỉnh Yên Bái tổ chức hội nghị tổng kết.", None,
     "2021-12-21", {"bloc": "Khối thi đua các cơ quan Nội chính tỉnh Yên Bái"}),
    ("bloc-only-in-capitals", "CỤM THI ĐUA CÁC CƠ QUAN NỘI CHÍNH TỈNH YÊN BÁI TỔNG KẾT NĂM 2021\n\n"
     "Các đơn vị đã hoàn thành tốt nhiệm vụ.", None, "2021-12-21",
     {"bloc": "Cụm thi đua các cơ quan Nội chính tỉnh Yên Bái"}),
    ("award-flag-xuat-sac", "Năm 2021, VKSND tỉnh Trà Vinh được tặng Cờ thi đua xuất sắc của VKSND tối cao.", None,
     "2022-01-10", {"awards": {("Cờ thi đua xuất sắc của Viện Kiểm sát nhân dân tối cao",
                                "Viện Kiểm sát nhân dân tỉnh Trà Vinh", "conferred")}}),
    ("role-before-agency", "Cụm thi đua số 4 tổ chức ký kết giao ước thi đua năm 2019. Cụm trưởng Cụm thi đua số 4 "
     "năm 2019 là Thanh tra tỉnh Phú Thọ, Cụm phó là Thanh tra tỉnh Tuyên Quang.", None, "2019-03-20",
     {"leader": "Thanh tra tỉnh Phú Thọ", "deputies": ["Thanh tra tỉnh Tuyên Quang"]}),
    ("district-cluster", "Ngày 22/12/2022, Cụm thi đua số 2 gồm các huyện: Yên Thế, Tân Yên, Lạng Giang và thị xã "
     "Việt Yên tổ chức hội nghị tổng kết công tác thi đua năm 2022.", "https://baobacgiang.vn/a", "2022-12-23",
     {"members": ["Ủy ban nhân dân huyện Yên Thế", "Ủy ban nhân dân huyện Tân Yên", "Ủy ban nhân dân huyện Lạng Giang",
                  "Ủy ban nhân dân thị xã Việt Yên"],
      "parent": "Ủy ban nhân dân tỉnh Bắc Giang"}),
    ("national-bloc-members", "Khối thi đua các Bộ, ngành Nội chính gồm 5 thành viên: Bộ Công an, Bộ Quốc phòng, "
     "Tòa án nhân dân tối cao, Ban Nội chính Trung ương và Văn phòng Chủ tịch nước.", "https://baobacgiang.vn/a",
     "2021-01-12",
     {"members": ["Bộ Công an", "Bộ Quốc phòng", "Tòa án nhân dân tối cao", "Ban Nội chính Trung ương",
                  "Văn phòng Chủ tịch nước"], "member_count": 5}),
    # --- a decision assigning each bloc its leader and deputy -----------------------------
    ("roles-per-bloc-decision", "UBND tỉnh phân công Trưởng khối, Phó Trưởng khối thi đua năm 2023\n\nNgày 18/1/2023, "
     "UBND tỉnh Ninh Bình ban hành Quyết định số 95/QĐ-UBND về việc phân công Trưởng khối, Phó Trưởng khối thi đua "
     "năm 2023. Theo đó, Khối thi đua Nội chính: Viện KSND tỉnh làm Trưởng khối, Sở Tư pháp làm Phó Trưởng khối; "
     "Khối thi đua các cơ quan Kinh tế tổng hợp: Sở Xây dựng làm Trưởng khối, Sở Nội vụ làm Phó Trưởng khối.",
     None, "2023-01-19",
     {"roles_by_bloc": {
         "Khối thi đua Nội chính tỉnh Ninh Bình": ("Viện Kiểm sát nhân dân tỉnh Ninh Bình", ("Sở Tư pháp tỉnh Ninh Bình",)),
         "Khối thi đua các cơ quan Kinh tế tổng hợp tỉnh Ninh Bình": ("Sở Xây dựng tỉnh Ninh Bình",
                                                                     ("Sở Nội vụ tỉnh Ninh Bình",))}}),
    ("province-from-party-body", "Sáng 12/3, Ban Dân vận Tỉnh ủy Kon Tum tổ chức hội nghị phát động phong trào "
     "thi đua năm 2024. Năm 2023, 15 tập thể được Chủ tịch UBND tỉnh tặng Bằng khen.", None, "2024-03-13",
     {"province": "Kon Tum", "agencies": {"Ủy ban nhân dân tỉnh Kon Tum"}}),
    # --- a province written without its word ends a bloc's name ---------------------------
    ("bloc-place-abbrev", "Khối thi đua các cơ quan Nội chính TP.HCM tổ chức hội nghị sơ kết 6 tháng đầu năm 2024. "
     "Khối gồm: Công an TPHCM, Thanh tra TPHCM, Bộ Tư lệnh TPHCM.", None, "2024-07-16",
     {"bloc": "Khối thi đua các cơ quan Nội chính thành phố Hồ Chí Minh",
      "members": ["Công an thành phố Hồ Chí Minh", "Thanh tra thành phố Hồ Chí Minh",
                  "Bộ Tư lệnh thành phố Hồ Chí Minh"]}),
    ("bloc-place-bare-province", "Khối thi đua Nội chính Vĩnh Long ký kết giao ước thi đua năm 2019.", None,
     "2019-02-20", {"bloc": "Khối thi đua Nội chính tỉnh Vĩnh Long"}),
    # --- a body's own review is not the bloc's, even when the bloc is mentioned --------------
    ("own-review-not-bloc", "Ngày 27/12, Viện KSND tỉnh Tuyên Quang tổ chức hội nghị tổng kết công tác kiểm sát "
     "năm 2022. Năm 2022, Viện KSND tỉnh là đơn vị dẫn đầu Khối thi đua Nội chính tỉnh.", None, "2022-12-28",
     {"meeting_blocs": {("tong_ket", None)}}),
    ("bloc-review-is-bloc", "Ngày 27/12, Khối thi đua Nội chính tỉnh Tuyên Quang tổ chức hội nghị tổng kết công tác "
     "thi đua năm 2022.", None, "2022-12-28",
     {"meeting_blocs": {("tong_ket", "Khối thi đua Nội chính tỉnh Tuyên Quang")}}),
    # --- an award to a counted group listed after `gồm`; blocs named in the list's notes -------
    ("award-group-list", "Chủ tịch UBND tỉnh Quảng Bình ký quyết định tặng Cờ thi đua của UBND tỉnh cho 3 tập thể "
     "dẫn đầu các khối thi đua năm 2021, gồm: Thanh tra tỉnh (Khối thi đua Nội chính); Sở Công Thương (Khối thi "
     "đua các cơ quan Kinh tế tổng hợp); Ủy ban nhân dân huyện Lệ Thủy (Cụm thi đua số 3).", None, "2022-02-10",
     {"awards": {("Cờ thi đua của Ủy ban nhân dân tỉnh", "Thanh tra tỉnh Quảng Bình", "conferred"),
                 ("Cờ thi đua của Ủy ban nhân dân tỉnh", "Sở Công Thương tỉnh Quảng Bình", "conferred"),
                 ("Cờ thi đua của Ủy ban nhân dân tỉnh", "Ủy ban nhân dân huyện Lệ Thủy", "conferred")},
      "blocs": ["Khối thi đua Nội chính tỉnh Quảng Bình", "Khối thi đua các cơ quan Kinh tế tổng hợp tỉnh Quảng Bình",
                "Cụm thi đua số 3"]}),
    ("bloc-domain-lower-case", "Khối thi đua các cơ quan văn hóa - xã hội tỉnh Bình Phước tổ chức hội nghị ký kết "
     "giao ước thi đua năm 2020.", None, "2020-03-05",
     {"bloc": "Khối thi đua các cơ quan văn hóa - xã hội tỉnh Bình Phước"}),
    # --- member lists numbered in a line, one item a line, the count before `gồm` ---------------
    ("members-numbered-inline", "Khối thi đua Nội chính tỉnh Sơn La năm 2023 có 4 thành viên, gồm: 1. Công an tỉnh "
     "(Trưởng khối); 2. Thanh tra tỉnh (Phó Trưởng khối); 3. TAND tỉnh; 4. Cục THADS tỉnh.", None, "2023-03-01",
     {"members": ["Công an tỉnh Sơn La", "Thanh tra tỉnh Sơn La", "Tòa án nhân dân tỉnh Sơn La",
                  "Cục Thi hành án dân sự tỉnh Sơn La"], "member_count": 4,
      "leader": "Công an tỉnh Sơn La", "deputies": ["Thanh tra tỉnh Sơn La"]}),
    ("members-one-a-line", "Khối thi đua các cơ quan Nội chính tỉnh Lào Cai gồm các đơn vị:\n- Sở Tư pháp;\n"
     "- Viện KSND tỉnh\n- Bộ CHQS tỉnh\n\nNăm 2022, các đơn vị hoàn thành tốt nhiệm vụ.", None, "2022-12-20",
     {"members": ["Sở Tư pháp tỉnh Lào Cai", "Viện Kiểm sát nhân dân tỉnh Lào Cai",
                  "Bộ Chỉ huy Quân sự tỉnh Lào Cai"]}),
    ("members-numbered-lines", "Cụm thi đua số 4 gồm:\n1. Thanh tra tỉnh Cao Bằng\n2. Thanh tra tỉnh Lạng Sơn\n"
     "3. Thanh tra tỉnh Hà Giang\nCác đơn vị đã ký giao ước thi đua năm 2018.", None, "2018-03-02",
     {"members": ["Thanh tra tỉnh Cao Bằng", "Thanh tra tỉnh Lạng Sơn", "Thanh tra tỉnh Hà Giang"]}),
    # --- award ceremonies are `other` meetings; a hand-over inside a review is not ------------
    ("ceremony-don-nhan", "Ngày 16/3/2021, Thanh tra tỉnh Hậu Giang long trọng tổ chức Lễ đón nhận Cờ thi đua "
     "của Chính phủ.", None, "2021-03-17", {"meetings": {("other", "2021-03-16")}}),
    ("ceremony-trao-tang", "Sáng 2/11/2017, Viện Kiểm sát nhân dân tỉnh Phú Yên tổ chức Lễ trao tặng Huân chương "
     "Lao động hạng Nhì.", None, "2017-11-03", {"meetings": {("other", "2017-11-02")}}),
    ("ceremony-inside-review", "Chiều 18/12/2019, Khối thi đua Nội chính tỉnh Hà Nam tổng kết công tác thi đua "
     "năm 2019; tại hội nghị, Phó Chủ tịch UBND tỉnh trao Cờ thi đua cho Công an tỉnh.", None, "2019-12-19",
     {"meetings": {("tong_ket", "2019-12-18")}}),
    # --- the facts' year: a review published in the next year is about the reviewed year -------
    ("review-year-january", "Ngày 8/1/2020, Khối thi đua Nội chính tỉnh Yên Bái tổ chức hội nghị tổng kết "
     "công tác thi đua năm 2019, triển khai nhiệm vụ năm 2020. Hội nghị suy tôn Công an tỉnh dẫn đầu Khối, "
     "đề nghị Chính phủ tặng Cờ thi đua. Hội nghị bầu Tòa án nhân dân tỉnh làm Trưởng khối năm 2020.",
     None, "2020-01-09",
     {"bloc_year": 2019, "award_years": {("Công an tỉnh Yên Bái", 2019)},
      "next_leader": {"agency": "Tòa án nhân dân tỉnh Yên Bái", "year": 2020}}),
    ("review-year-same-year", "Chiều 20/12, Cụm thi đua số III – Thanh tra Chính phủ tổng kết công tác "
     "thi đua, khen thưởng năm 2018.", None, "2018-12-21", {"bloc_year": 2018}),
    ("review-year-history-ignored", "Khối thi đua các cơ quan Nội chính tỉnh Cà Mau ký kết giao ước thi đua "
     "năm 2022. Dịp này, Khối đã tổng kết 10 năm hoạt động từ năm 2011.", None, "2022-03-02",
     {"bloc_year": 2022}),
    # --- who runs the bloc: a body right after the name, else what the bloc is ------------------
    ("parent-ministry-after-name", "Cụm thi đua số 3 Bộ Tài chính vừa tổ chức hội nghị sơ kết năm 2022.",
     None, "2022-07-01", {"parent": "Bộ Tài chính", "bloc": "Cụm thi đua số 3"}),
    ("parent-after-dash", "Ngày 5/4/2018, Cụm thi đua số IV – Thanh tra Chính phủ tổ chức ký kết giao ước thi đua.",
     None, "2018-04-06", {"parent": "Thanh tra Chính phủ"}),
    ("parent-thuoc", "Cụm thi đua số 2 thuộc Bộ Nội vụ tổ chức hội nghị tổng kết công tác thi đua năm 2016.",
     None, "2016-12-20", {"parent": "Bộ Nội vụ"}),
    ("parent-provinces-inspectorates", "Cụm thi đua Thanh tra 4 tỉnh Tây Nguyên gồm Thanh tra các tỉnh Kon Tum, "
     "Gia Lai, Đắk Lắk và Đắk Nông tổ chức sơ kết 6 tháng đầu năm 2015.", "https://baogialai.com.vn/a", "2015-07-10",
     {"parent": "Thanh tra Chính phủ"}),
    ("parent-provinces-not-the-site-province", "Cụm thi đua 5 tỉnh Tây Nguyên tổ chức hội nghị tổng kết "
     "phong trào thi đua năm 2016 tại tỉnh Kon Tum.", "https://baokontum.com.vn/a", "2016-12-28",
     {"parent": None}),
    ("parent-province-own-bloc", "Khối thi đua Văn hóa - Xã hội tỉnh tổ chức hội nghị ký kết giao ước thi đua "
     "năm 2019.", "https://baobaclieu.vn/a", "2019-03-01",
     {"parent": "Ủy ban nhân dân tỉnh Bạc Liêu"}),
    # --- a bare body takes the article's province: from its text, else from its site -------
    ("bare-thanh-tra-site", "Sáng 12/3, Thanh tra tỉnh tổ chức hội nghị sơ kết công tác quý I.",
     "https://thanhtra.longan.gov.vn/tin/1", "2024-03-12",
     {"agencies_exact": ["Thanh tra tỉnh Long An"], "province": "Long An"}),
    ("bare-cong-an-so-tu-phap-paper", "Công an tỉnh phối hợp với Sở Tư pháp tuyên truyền pháp luật.",
     "https://baobinhduong.vn/a.html", "2022-05-10",
     {"agencies_exact": ["Công an tỉnh Bình Dương", "Sở Tư pháp tỉnh Bình Dương"]}),
    ("bare-tand-paper", "TAND tỉnh đã xét xử 1.250 vụ án các loại.",
     "https://baoquangngai.vn/x.htm", "2021-12-01",
     {"agencies_exact": ["Tòa án nhân dân tỉnh Quảng Ngãi"], "figures": {(1250, "vụ án")}}),
    ("bare-portal", "Sở Tư pháp triển khai kế hoạch năm 2023.", "https://hatinh.gov.vn/tin/1", None,
     {"agencies_exact": ["Sở Tư pháp tỉnh Hà Tĩnh"]}),
    ("bare-vksnd-subdomain", "Viện KSND tỉnh tổ chức hội nghị.", "https://vks.soctrang.gov.vn/a", None,
     {"agencies_exact": ["Viện Kiểm sát nhân dân tỉnh Sóc Trăng"]}),
    ("bare-paper-com-vn", "Thanh tra tỉnh công bố kết luận thanh tra.", "https://baogialai.com.vn/a", None,
     {"agencies_exact": ["Thanh tra tỉnh Gia Lai"]}),
    ("bare-city-site", "Thanh tra thành phố đã tiếp 320 lượt công dân.", "https://baocantho.com.vn/a",
     "2020-02-02", {"agencies_exact": ["Thanh tra thành phố Cần Thơ"],
                    "figures": {(320, "lượt công dân")}}),
    ("bare-two-word-host", "Cục THADS tỉnh thi hành xong 88,1% số việc.", "https://baobariavungtau.com.vn/a",
     None, {"agencies_exact": ["Cục Thi hành án dân sự tỉnh Bà Rịa - Vũng Tàu"],
            "figures": {(88.1, "%")}}),
    ("text-beats-national-site", "Ngày 5/4, Thanh tra tỉnh Cà Mau tổ chức hội nghị. Thanh tra tỉnh "
     "cũng ban hành kế hoạch.", "https://vnexpress.net/a", "2023-04-06",
     {"agencies_exact": ["Thanh tra tỉnh Cà Mau"], "province": "Cà Mau"}),
    ("province-from-districts", "UBND huyện Cái Bè - Cụm trưởng Cụm thi đua số 3 (gồm các huyện: Cái Bè, "
     "Cai Lậy, Tân Phước) chủ trì hội nghị sơ kết.", "https://m.baomoi.com/a.epi", None,
     {"province": "Tiền Giang", "bloc": "Cụm thi đua số 3 tỉnh Tiền Giang",
      "leader": "Ủy ban nhân dân huyện Cái Bè",
      "members": ["Ủy ban nhân dân huyện Cái Bè", "Ủy ban nhân dân huyện Cai Lậy",
                  "Ủy ban nhân dân huyện Tân Phước"]}),
    ("venue-district-no-province", "Sáng 9/6, tại huyện Tam Đảo, Cụm thi đua số 2 tổ chức hội nghị sơ kết.",
     None, "2022-06-10", {"province": None, "meetings": {("so_ket", "2022-06-09")}}),
    ("hue-portal-short-label", "Thanh tra tỉnh tổ chức hội nghị.", "https://thanhtra.hue.gov.vn/a", "2023-05-05",
     {"agencies_exact": ["Thanh tra tỉnh Thừa Thiên Huế"]}),
    ("no-province-ends-at-tinh", "Sở Tư pháp tổ chức hội nghị triển khai luật mới.", None, None,
     {"agencies_exact": ["Sở Tư pháp tỉnh"], "province": None}),
    ("national-site-no-province", "Thanh tra tỉnh tổ chức hội nghị.", "https://tuoitre.vn/a", None,
     {"province": None, "agencies_exact": ["Thanh tra tỉnh"]}),

    # --- agency kinds, abbreviations, districts, ministries, TTCP units ---------------------
    ("abbrev-kinds", "Lãnh đạo CA tỉnh Đồng Tháp, Cục THADS tỉnh Đồng Tháp, HĐND tỉnh Đồng Tháp và "
     "Ủy ban MTTQ tỉnh Đồng Tháp dự hội nghị.", None, None,
     {"agencies_exact": ["Công an tỉnh Đồng Tháp", "Cục Thi hành án dân sự tỉnh Đồng Tháp",
                         "Hội đồng nhân dân tỉnh Đồng Tháp", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Đồng Tháp"]}),
    ("district-bodies", "Thanh tra huyện Châu Thành và Công an huyện Đức Hòa phối hợp kiểm tra.",
     LONG_AN, None, {"agencies_exact": ["Công an huyện Đức Hòa", "Thanh tra huyện Châu Thành"]}),
    ("ministry-inspectorates", "Thanh tra Bộ Quốc phòng, Thanh tra Bộ Y tế và Thanh tra Bộ Tài nguyên "
     "và Môi trường dự hội nghị.", None, None,
     {"agencies_exact": ["Thanh tra Bộ Quốc phòng", "Thanh tra Bộ Tài nguyên và Môi trường",
                         "Thanh tra Bộ Y tế"]}),
    ("thanh-tra-ngan-hang", "Thanh tra Ngân hàng Nhà nước và Thanh tra Bộ Giao thông vận tải ký kết giao ước.",
     None, None,
     {"agencies_exact": ["Thanh tra Bộ Giao thông vận tải", "Thanh tra Ngân hàng Nhà nước Việt Nam"]}),
    ("department-variants", "Sở KH&ĐT, Sở LĐ-TB&XH và Sở NN&PTNT tỉnh Hậu Giang ký kết giao ước.",
     None, None, {"agencies": {"Sở Kế hoạch và Đầu tư tỉnh Hậu Giang",
                               "Sở Lao động - Thương binh và Xã hội tỉnh Hậu Giang",
                               "Sở Nông nghiệp và Phát triển nông thôn tỉnh Hậu Giang"}}),
    ("ttcp-cuc-roman", "Đoàn thanh tra do Cục II, Thanh tra Chính phủ chủ trì, phối hợp với Thanh tra "
     "tỉnh Quảng Nam.", None, None,
     {"agencies": {"Cục II Thanh tra Chính phủ", "Thanh tra tỉnh Quảng Nam"}}),
    ("ttcp-cuc-vu-thuoc", "Cục III thuộc Thanh tra Chính phủ và Vụ I, TTCP tiến hành thanh tra.",
     None, None, {"agencies": {"Cục III Thanh tra Chính phủ", "Vụ I Thanh tra Chính phủ"}}),
    ("ttcp-regional-full-name", "Cục Thanh tra, giải quyết khiếu nại, tố cáo khu vực miền Nam (Cục III) "
     "thanh tra tại tỉnh Bạc Liêu.", None, "2026-02-01",
     {"agencies_exact": ["Cục Thanh tra, giải quyết khiếu nại, tố cáo khu vực miền Nam Thanh tra Chính phủ"]}),
    ("ministry-department-with-parent", "Dự có ông Nguyễn Văn Cường, Phó Vụ trưởng Vụ Tổ chức cán bộ, Thanh "
     "tra Chính phủ; bà Lê Thị Lan, Vụ trưởng Vụ Pháp chế Bộ Tư pháp.", None, None,
     {"agencies": {"Vụ Tổ chức cán bộ Thanh tra Chính phủ", "Vụ Pháp chế Bộ Tư pháp"},
      "people": [("Nguyễn Văn Cường", "Phó Vụ trưởng", "Vụ Tổ chức cán bộ Thanh tra Chính phủ"),
                 ("Lê Thị Lan", "Vụ trưởng", "Vụ Pháp chế Bộ Tư pháp")]}),
    ("generic-classes-skipped", "Thanh tra các huyện, các sở, ngành và UBND các xã tham gia.",
     "https://baoyenbai.com.vn/a", None, {"agencies_exact": []}),
    ("award-giver-not-agency", "Sở Y tế tỉnh Tiền Giang nhận Cờ thi đua của UBND tỉnh.", None, None,
     {"agencies_exact": ["Sở Y tế tỉnh Tiền Giang"]}),

    # --- member lists ----------------------------------------------------------------------
    ("members-semicolons-bare", "Khối thi đua các cơ quan Nội chính tỉnh gồm 7 đơn vị: Thanh tra tỉnh; "
     "Công an tỉnh; Bộ CHQS tỉnh; TAND tỉnh; VKSND tỉnh; Sở Tư pháp; Cục THADS tỉnh.", LONG_AN, None,
     {"bloc": "Khối thi đua các cơ quan Nội chính tỉnh Long An", "member_count": 7,
      "members": ["Thanh tra tỉnh Long An", "Công an tỉnh Long An", "Bộ Chỉ huy Quân sự tỉnh Long An",
                  "Tòa án nhân dân tỉnh Long An", "Viện Kiểm sát nhân dân tỉnh Long An",
                  "Sở Tư pháp tỉnh Long An", "Cục Thi hành án dân sự tỉnh Long An"]}),
    ("members-commas-no-count", "Khối thi đua Văn hóa - Xã hội tỉnh Bến Tre gồm Sở Y tế, Sở Giáo dục và "
     "Đào tạo, Sở Văn hóa, Thể thao và Du lịch, Sở Thông tin và Truyền thông.", None, None,
     {"bloc": "Khối thi đua Văn hóa - Xã hội tỉnh Bến Tre", "member_count": None,
      "members": ["Sở Y tế tỉnh Bến Tre", "Sở Giáo dục và Đào tạo tỉnh Bến Tre",
                  "Sở Văn hóa, Thể thao và Du lịch tỉnh Bến Tre",
                  "Sở Thông tin và Truyền thông tỉnh Bến Tre"]}),
    ("members-dai-ptth-ban-dan-toc", "Khối thi đua Văn hóa - Xã hội gồm: Sở Y tế, Ban Dân tộc, Bảo hiểm xã hội "
     "tỉnh và Đài Phát thanh và Truyền hình tỉnh.", "https://baothanhhoa.vn/a", None,
     {"members": ["Sở Y tế tỉnh Thanh Hóa", "Ban Dân tộc tỉnh Thanh Hóa", "Bảo hiểm xã hội tỉnh Thanh Hóa",
                  "Đài Phát thanh và Truyền hình tỉnh Thanh Hóa"]}),
    ("members-parenthesis", "Khối thi đua Nội chính (gồm Công an tỉnh, TAND tỉnh, VKSND tỉnh và Thanh "
     "tra tỉnh Hà Tĩnh) tổ chức hội nghị.", None, None,
     {"members": ["Công an tỉnh Hà Tĩnh", "Tòa án nhân dân tỉnh Hà Tĩnh",
                  "Viện Kiểm sát nhân dân tỉnh Hà Tĩnh", "Thanh tra tỉnh Hà Tĩnh"]}),
    ("members-thanh-tra-n-tinh", "Cụm thi đua số III gồm thanh tra 5 tỉnh: Sơn La, Lai Châu, Điện Biên, "
     "Hòa Bình và Lào Cai.", None, None,
     {"bloc": "Cụm thi đua số III", "member_count": 5,
      "members": ["Thanh tra tỉnh Sơn La", "Thanh tra tỉnh Lai Châu", "Thanh tra tỉnh Điện Biên",
                  "Thanh tra tỉnh Hòa Bình", "Thanh tra tỉnh Lào Cai"]}),
    ("members-thanh-tra-cac-tinh", "Cụm thi đua Thanh tra các tỉnh Tây Nguyên gồm Thanh tra các tỉnh Gia "
     "Lai, Kon Tum và Đắk Nông.", None, None,
     {"members": ["Thanh tra tỉnh Gia Lai", "Thanh tra tỉnh Kon Tum", "Thanh tra tỉnh Đắk Nông"]}),
    ("members-abbrev-shared-place", "Khối thi đua Nội chính gồm: TAND, VKSND, Công an, Bộ CHQS tỉnh "
     "Sóc Trăng.", None, None,
     {"members": ["Tòa án nhân dân tỉnh Sóc Trăng", "Viện Kiểm sát nhân dân tỉnh Sóc Trăng",
                  "Công an tỉnh Sóc Trăng", "Bộ Chỉ huy Quân sự tỉnh Sóc Trăng"]}),
    ("members-tp-abbreviation", "Cụm thi đua số V gồm Thanh tra các tỉnh, thành phố: Bình Phước, Bình "
     "Dương, Bà Rịa - Vũng Tàu và TP. Hồ Chí Minh tổ chức hội nghị.", None, None,
     {"members": ["Thanh tra tỉnh Bình Phước", "Thanh tra tỉnh Bình Dương",
                  "Thanh tra tỉnh Bà Rịa - Vũng Tàu", "Thanh tra thành phố Hồ Chí Minh"]}),
    ("members-cities", "Cụm thi đua số 4 gồm Thanh tra 3 thành phố: Hải Phòng, Đà Nẵng và Cần Thơ.",
     None, None, {"member_count": 3,
                  "members": ["Thanh tra thành phố Hải Phòng", "Thanh tra thành phố Đà Nẵng",
                              "Thanh tra thành phố Cần Thơ"]}),
    ("members-districts", "Cụm thi đua số 2 gồm các huyện: Cái Nước, Đầm Dơi và Năm Căn.",
     "https://baocamau.vn/a", None,
     {"members": ["Ủy ban nhân dân huyện Cái Nước", "Ủy ban nhân dân huyện Đầm Dơi",
                  "Ủy ban nhân dân huyện Năm Căn"]}),
    ("members-bare-bloc-subject", "Chiều 14/12, Khối thi đua các cơ quan Nội chính tỉnh tổ chức hội nghị "
     "tổng kết. Khối gồm 6 đơn vị: Công an tỉnh, Bộ CHQS tỉnh, Bộ Chỉ huy Bộ đội Biên phòng tỉnh, TAND "
     "tỉnh, VKSND tỉnh và Cục THADS tỉnh.", "https://baoquangngai.vn/x.htm", "2022-12-15",
     {"member_count": 6,
      "members": ["Công an tỉnh Quảng Ngãi", "Bộ Chỉ huy Quân sự tỉnh Quảng Ngãi",
                  "Bộ Chỉ huy Bộ đội Biên phòng tỉnh Quảng Ngãi", "Tòa án nhân dân tỉnh Quảng Ngãi",
                  "Viện Kiểm sát nhân dân tỉnh Quảng Ngãi", "Cục Thi hành án dân sự tỉnh Quảng Ngãi"]}),
    ("members-provinces-cum", "Cụm thi đua các tỉnh Duyên hải miền Trung gồm 5 tỉnh: Quảng Ngãi; Bình "
     "Định; Phú Yên; Quảng Nam; Bình Thuận.", None, None,
     {"member_count": 5,
      "members": ["Ủy ban nhân dân tỉnh Quảng Ngãi", "Ủy ban nhân dân tỉnh Bình Định",
                  "Ủy ban nhân dân tỉnh Phú Yên", "Ủy ban nhân dân tỉnh Quảng Nam",
                  "Ủy ban nhân dân tỉnh Bình Thuận"]}),
    ("members-colon-after-cac-tinh", "Cụm thi đua số V gồm thanh tra các tỉnh: Vĩnh Long, Trà Vinh, "
     "Bến Tre.", None, None,
     {"members": ["Thanh tra tỉnh Vĩnh Long", "Thanh tra tỉnh Trà Vinh", "Thanh tra tỉnh Bến Tre"]}),

    # --- coordinated subjects and award statuses --------------------------------------------
    ("coordinated-conferred", "Công an tỉnh và TAND tỉnh nhận Cờ thi đua của Chính phủ.",
     "https://baoquangngai.vn/a", "2024-01-10",
     {"awards": {("Cờ thi đua của Chính phủ", "Công an tỉnh Quảng Ngãi", "conferred"),
                 ("Cờ thi đua của Chính phủ", "Tòa án nhân dân tỉnh Quảng Ngãi", "conferred")}}),
    ("duoc-tang-bang-khen-ttg", "Thanh tra tỉnh Yên Bái được tặng Bằng khen của Thủ tướng Chính phủ.",
     None, "2022-12-20",
     {"awards": {("Bằng khen của Thủ tướng Chính phủ", "Thanh tra tỉnh Yên Bái", "conferred")}}),
    ("trao-huan-chuong-cho", "Thừa ủy quyền, lãnh đạo tỉnh trao Huân chương Lao động hạng Nhì cho "
     "Công an tỉnh Sơn La.", None, "2019-09-01",
     {"awards": {("Huân chương Lao động hạng Nhì", "Công an tỉnh Sơn La", "conferred")}}),
    ("suy-ton-with-year", "Hội nghị suy tôn Sở Tư pháp tỉnh Vĩnh Long nhận Cờ thi đua của UBND tỉnh "
     "năm 2023.", None, "2024-01-15",
     {"awards": {("Cờ thi đua của Ủy ban nhân dân tỉnh", "Sở Tư pháp tỉnh Vĩnh Long", "conferred")},
      "award_years": {("Sở Tư pháp tỉnh Vĩnh Long", 2023)}}),
    ("de-nghi-cho", "Khối đề nghị UBND tỉnh tặng Cờ thi đua của UBND tỉnh cho Thanh tra tỉnh Bến Tre.",
     None, "2023-12-01",
     {"awards": {("Cờ thi đua của Ủy ban nhân dân tỉnh", "Thanh tra tỉnh Bến Tre", "proposed")}}),
    ("de-xuat-bang-khen", "Hội nghị thống nhất đề xuất tặng Bằng khen của Thủ tướng Chính phủ cho Bộ "
     "CHQS tỉnh Trà Vinh.", None, "2023-12-01",
     {"awards": {("Bằng khen của Thủ tướng Chính phủ", "Bộ Chỉ huy Quân sự tỉnh Trà Vinh", "proposed")}}),
    ("dang-ky-bo-cong-an", "Công an tỉnh Bình Phước đăng ký thi đua đạt Cờ thi đua của Bộ Công an "
     "năm 2024.", None, "2024-02-20",
     {"awards": {("Cờ thi đua của Bộ Công an", "Công an tỉnh Bình Phước", "registered")},
      "award_years": {("Công an tỉnh Bình Phước", 2024)}}),
    ("all-members-register", "Khối thi đua Nội chính tỉnh Cao Bằng gồm Công an tỉnh, TAND tỉnh và VKSND "
     "tỉnh. Các đơn vị trong Khối đều đăng ký Cờ thi đua của UBND tỉnh.", None, "2023-03-01",
     {"awards": {("Cờ thi đua của Ủy ban nhân dân tỉnh", "Công an tỉnh Cao Bằng", "registered"),
                 ("Cờ thi đua của Ủy ban nhân dân tỉnh", "Tòa án nhân dân tỉnh Cao Bằng", "registered"),
                 ("Cờ thi đua của Ủy ban nhân dân tỉnh", "Viện Kiểm sát nhân dân tỉnh Cao Bằng",
                  "registered")}}),
    ("huan-chuong-bao-ve-to-quoc", "Bộ CHQS tỉnh Quảng Bình vinh dự đón nhận Huân chương Bảo vệ Tổ quốc "
     "hạng Ba.", None, "2020-10-10",
     {"awards": {("Huân chương Bảo vệ Tổ quốc hạng Ba", "Bộ Chỉ huy Quân sự tỉnh Quảng Bình", "conferred")}}),
    ("tap-the-lao-dong-xuat-sac", "Thanh tra tỉnh Hậu Giang đạt danh hiệu Tập thể Lao động xuất sắc "
     "năm 2022.", None, "2023-01-05",
     {"awards": {("Tập thể Lao động xuất sắc", "Thanh tra tỉnh Hậu Giang", "conferred")}}),
    ("co-thi-dua-bo-tu-phap", "Sở Tư pháp tỉnh Kiên Giang được tặng Cờ thi đua của Bộ Tư pháp.",
     None, "2021-01-05",
     {"awards": {("Cờ thi đua của Bộ Tư pháp", "Sở Tư pháp tỉnh Kiên Giang", "conferred")}}),
    ("bang-khen-bo-truong", "Thanh tra tỉnh Ninh Bình nhận Bằng khen của Bộ trưởng Bộ Tư pháp.",
     None, "2021-01-05",
     {"awards": {("Bằng khen của Bộ trưởng Bộ Tư pháp", "Thanh tra tỉnh Ninh Bình", "conferred")}}),
    ("chien-si-thi-dua-person", "Ông Lê Văn Tám, Chánh Thanh tra tỉnh Trà Vinh được tặng danh hiệu "
     "Chiến sĩ thi đua cấp tỉnh.", None, "2021-01-05",
     {"awards": {("Chiến sĩ thi đua cấp tỉnh", "Lê Văn Tám", "conferred")}}),
    ("giay-khen", "Công an huyện Cần Giuộc nhận Giấy khen của Giám đốc Công an tỉnh.", LONG_AN, "2021-01-05",
     {"awards": {("Giấy khen của Giám đốc Công an tỉnh", "Công an huyện Cần Giuộc", "conferred")}}),
    ("co-thi-dua-tand-toi-cao", "TAND tỉnh Bình Thuận được tặng Cờ thi đua của Tòa án nhân dân tối cao.",
     None, "2021-01-05",
     {"awards": {("Cờ thi đua của Tòa án nhân dân tối cao", "Tòa án nhân dân tỉnh Bình Thuận", "conferred")}}),
    ("suy-ton-de-nghi-giver-before", "Khối đã bình xét, suy tôn Công an tỉnh và Bộ CHQS tỉnh đề nghị "
     "UBND tỉnh tặng Cờ thi đua.", "https://baodaklak.vn/a", "2022-12-15",
     {"awards": {("Cờ thi đua của Ủy ban nhân dân tỉnh", "Công an tỉnh Đắk Lắk", "proposed"),
                 ("Cờ thi đua của Ủy ban nhân dân tỉnh", "Bộ Chỉ huy Quân sự tỉnh Đắk Lắk", "proposed")}}),
    ("giver-before-tang-cho", "Hội nghị đề nghị Thủ tướng Chính phủ tặng Bằng khen cho TAND tỉnh Bạc Liêu.",
     None, "2022-12-15",
     {"awards": {("Bằng khen của Thủ tướng Chính phủ", "Tòa án nhân dân tỉnh Bạc Liêu", "proposed")}}),
    ("unnamed-recipients-no-award", "Có 117 đơn vị nhận Cờ thi đua của UBND tỉnh.", None, "2021-01-05",
     {"awards": set(), "figures": {(117, "đơn vị")}}),

    # --- leaders, deputies, hand-over --------------------------------------------------------
    ("lam-truong-khoi", "Năm 2024, Thanh tra tỉnh Hà Tĩnh làm Trưởng khối Khối thi đua Nội chính.",
     None, "2024-02-01", {"leader": "Thanh tra tỉnh Hà Tĩnh"}),
    ("cum-truong-dash", "UBND tỉnh Bến Tre - Cụm trưởng Cụm thi đua các tỉnh Đồng bằng sông Cửu Long "
     "chủ trì hội nghị.", None, "2023-06-01", {"leader": "Ủy ban nhân dân tỉnh Bến Tre"}),
    ("don-vi-truong-khoi", "Sở Nội vụ tỉnh Hải Dương - đơn vị Trưởng khối thi đua các cơ quan tổng hợp "
     "chủ trì hội nghị.", None, "2023-06-01", {"leader": "Sở Nội vụ tỉnh Hải Dương"}),
    ("giam-doc-truong-khoi", "Ông Nguyễn Văn Bình, Giám đốc Sở Nội vụ – Trưởng Khối thi đua các cơ quan "
     "tổng hợp tỉnh Sóc Trăng phát biểu.", None, "2023-06-01",
     {"leader": "Sở Nội vụ tỉnh Sóc Trăng",
      "people": [("Nguyễn Văn Bình", "Giám đốc", "Sở Nội vụ tỉnh Sóc Trăng")]}),
    ("suy-ton-truong-khoi-next-year", "Hội nghị đã suy tôn Công an tỉnh Gia Lai làm Trưởng Khối thi đua "
     "Nội chính năm 2024.", None, "2023-12-20",
     {"next_leader": {"agency": "Công an tỉnh Gia Lai", "year": 2024}, "leader": None}),
    ("ban-giao", "Thanh tra tỉnh Kon Tum - Trưởng khối năm 2023 bàn giao nhiệm vụ Trưởng khối thi đua Nội "
     "chính cho Công an tỉnh Kon Tum năm 2024.", None, "2023-12-28",
     {"leader": "Thanh tra tỉnh Kon Tum",
      "next_leader": {"agency": "Công an tỉnh Kon Tum", "year": 2024}}),
    ("ban-giao-co-luan-luu", "Sáng 22/12, Khối thi đua Văn hóa - Xã hội tỉnh Hậu Giang tổng kết năm 2023. Sở "
     "Y tế là đơn vị Khối trưởng năm 2023. Sở Y tế đã bàn giao cờ luân lưu cho Sở Giáo dục và Đào tạo - "
     "đơn vị Khối trưởng năm 2024.", None, "2023-12-23",
     {"leader": "Sở Y tế tỉnh Hậu Giang",
      "next_leader": {"agency": "Sở Giáo dục và Đào tạo tỉnh Hậu Giang", "year": 2024}}),
    ("count-without-list", "Khối thi đua số 3 gồm 9 đơn vị, do Sở Tư pháp làm Khối trưởng, Thanh tra tỉnh "
     "làm Khối phó.", "https://stp.kontum.gov.vn/a", "2024-03-06",
     {"bloc": "Khối thi đua số 3 tỉnh Kon Tum", "members": [], "member_count": 9,
      "leader": "Sở Tư pháp tỉnh Kon Tum", "deputies": ["Thanh tra tỉnh Kon Tum"]}),
    ("khoi-truong", "Sở Tài chính tỉnh Quảng Trị là Khối trưởng Khối thi đua các cơ quan kinh tế tổng "
     "hợp năm 2022.", None, "2022-03-01", {"leader": "Sở Tài chính tỉnh Quảng Trị"}),
    ("pho-truong-khoi", "Khối thi đua Nội chính tỉnh Cao Bằng năm 2023 do Công an tỉnh Cao Bằng làm "
     "Trưởng khối, VKSND tỉnh Cao Bằng làm Phó Trưởng khối.", None, "2023-03-01",
     {"leader": "Công an tỉnh Cao Bằng", "deputies": ["Viện Kiểm sát nhân dân tỉnh Cao Bằng"]}),
    ("cum-truong-cum-pho", "Năm 2024, Thanh tra tỉnh Ninh Bình làm Cụm trưởng, Thanh tra tỉnh Hà Nam làm "
     "Cụm phó Cụm thi đua số II.", None, "2024-03-01",
     {"leader": "Thanh tra tỉnh Ninh Bình", "deputies": ["Thanh tra tỉnh Hà Nam"]}),
    ("bau-cum-truong-next-year", "Hội nghị đã bầu Thanh tra tỉnh Tuyên Quang làm Cụm trưởng Cụm thi đua "
     "số I năm 2025.", None, "2024-12-10",
     {"next_leader": {"agency": "Thanh tra tỉnh Tuyên Quang", "year": 2025}}),

    # --- people: honorifics and ranks stripped, title alone, agency canonical ---------------
    ("person-rank-dai-ta", "Đại tá Nguyễn Văn Hùng, Giám đốc Công an tỉnh Bình Định phát biểu.",
     None, None, {"people": [("Nguyễn Văn Hùng", "Giám đốc", "Công an tỉnh Bình Định")]}),
    ("person-dong-chi-dash", "Đồng chí Lê Thị Hoa - Phó Chánh án TAND tỉnh Phú Yên báo cáo.", None, None,
     {"people": [("Lê Thị Hoa", "Phó Chánh án", "Tòa án nhân dân tỉnh Phú Yên")]}),
    ("person-ba", "Bà Trần Thị Mai, Chánh Thanh tra tỉnh Quảng Nam cho biết.", None, None,
     {"people": [("Trần Thị Mai", "Chánh Thanh tra", "Thanh tra tỉnh Quảng Nam")]}),
    ("person-thuong-ta", "Thượng tá Phạm Minh Đức, Phó Chỉ huy trưởng Bộ CHQS tỉnh Quảng Bình dự.",
     None, None, {"people": [("Phạm Minh Đức", "Phó Chỉ huy trưởng", "Bộ Chỉ huy Quân sự tỉnh Quảng Bình")]}),
    ("person-pgs-ts", "PGS.TS Hoàng Văn Nam, Giám đốc Sở Khoa học và Công nghệ tỉnh Tiền Giang chủ trì.",
     None, None,
     {"people": [("Hoàng Văn Nam", "Giám đốc", "Sở Khoa học và Công nghệ tỉnh Tiền Giang")]}),
    ("person-title-before", "Phó Chủ tịch UBND tỉnh Đồng Tháp Nguyễn Văn Phong dự và chỉ đạo.", None, None,
     {"people": [("Nguyễn Văn Phong", "Phó Chủ tịch", "Ủy ban nhân dân tỉnh Đồng Tháp")]}),
    ("person-vien-truong", "Viện trưởng VKSND tỉnh Bạc Liêu Trần Văn Hải phát biểu.", None, None,
     {"people": [("Trần Văn Hải", "Viện trưởng", "Viện Kiểm sát nhân dân tỉnh Bạc Liêu")]}),
    ("person-national-post", "Ông Võ Văn Thành, Phó Tổng Thanh tra Chính phủ dự hội nghị.", None, None,
     {"people": [("Võ Văn Thành", "Phó Tổng Thanh tra Chính phủ", "Thanh tra Chính phủ")]}),
    ("person-mass-organisation", "Bà Lê Thị Lan – Chủ tịch Hội Liên hiệp Phụ nữ tỉnh, Trưởng khối chủ trì.",
     "https://baobinhduong.vn/a", None,
     {"people": [("Lê Thị Lan", "Chủ tịch", "Hội Liên hiệp Phụ nữ tỉnh Bình Dương")]}),
    ("person-bare-body-site", "Ông Đặng Văn Lợi, Giám đốc Sở Tư pháp phát biểu.",
     "https://baotravinh.vn/a", None,
     {"people": [("Đặng Văn Lợi", "Giám đốc", "Sở Tư pháp tỉnh Trà Vinh")]}),
    ("byline-not-person", "Thanh tra tỉnh Bình Định triển khai 12 cuộc thanh tra.\n\nMinh Châu", None,
     None, {"people": []}),

    # --- dates without a year, meetings of each kind ----------------------------------------
    ("ngay-no-year", "Ngày 21/11, Khối thi đua Nội chính tỉnh Hà Tĩnh tổ chức hội nghị tổng kết công "
     "tác thi đua năm 2024.", None, "2024-11-22", {"meetings": {("tong_ket", "2024-11-21")}}),
    ("sang-dash", "Sáng 15-6, Cụm thi đua số III tổ chức hội nghị sơ kết 6 tháng đầu năm tại thành phố "
     "Điện Biên Phủ.", None, "2022-06-16",
     {"meetings": {("so_ket", "2022-06-15")}, "locations": {"Thành phố Điện Biên Phủ"}, "figures": set()}),
    ("chieu-dot", "Chiều 3.7, Cụm thi đua số III tổ chức hội nghị sơ kết tại thành phố Sơn La.", None,
     "2024-07-04", {"meetings": {("so_ket", "2024-07-03")}}),
    ("year-from-text", "Ngày 20/12, Khối thi đua các cơ quan tổng hợp tỉnh Quảng Trị tổ chức hội nghị "
     "tổng kết công tác thi đua năm 2022.", None, None, {"meetings": {("tong_ket", "2022-12-20")}}),
    ("ky-giao-uoc", "Sáng 8/3, Khối thi đua Văn hóa - Xã hội tỉnh Bến Tre tổ chức ký kết giao ước thi "
     "đua năm 2023.", None, "2023-03-09", {"meetings": {("ky_giao_uoc", "2023-03-08")}}),
    ("tong-ket-and-ky", "Ngày 10/01/2024, Cụm thi đua số V tổ chức hội nghị tổng kết năm 2023 và ký kết "
     "giao ước thi đua năm 2024.", None, None,
     {"meetings": {("tong_ket", "2024-01-10"), ("ky_giao_uoc", "2024-01-10")}}),
    ("phat-dong", "Sáng 25/4, Công an tỉnh Cà Mau tổ chức lễ phát động phong trào thi đua cao điểm.",
     None, "2023-04-26", {"meetings": {("phat_dong", "2023-04-25")}}),
    ("other-hoi-thao", "Ngày 10/5, Khối thi đua Nội chính tỉnh Sơn La tổ chức hội thao chào mừng kỷ niệm "
     "ngày thành lập.", None, "2023-05-11", {"meetings": {("other", "2023-05-10")}}),
    ("other-planned-undated", "Theo kế hoạch, Khối sẽ tổ chức giao lưu thể thao giữa các đơn vị trong "
     "Khối thi đua Nội chính tỉnh Lào Cai.", None, "2023-03-01", {"meetings": {("other", None)}}),
    ("document-date-not-meeting", "Thực hiện Kế hoạch số 15/KH-UBND ngày 20/01/2023 của UBND tỉnh, sáng "
     "2/3, Khối thi đua Nội chính tỉnh Hòa Bình tổ chức ký kết giao ước thi đua.", None, "2023-03-03",
     {"meetings": {("ky_giao_uoc", "2023-03-02")}, "figures": set()}),

    # --- figures: counts, money, percentages, ranges; not dates, periods, names -------------
    ("money-approx", "Qua thanh tra phát hiện sai phạm gần 43,6 tỷ đồng.", None, None,
     {"figures": {(43600000000, "đồng")}}),
    ("figures-mixed", "Năm 2023, Thanh tra tỉnh Hòa Bình triển khai 128 cuộc thanh tra, tiếp 3.704 lượt "
     "công dân, đạt 88,1% kế hoạch.", None, None,
     {"figures": {(128, "cuộc thanh tra"), (3704, "lượt công dân"), (88.1, "%")}}),
    ("figures-range-percent", "Phấn đấu giảm từ 10-15% số vụ khiếu nại đông người.", None, None,
     {"figures": {(10, "%"), (15, "%")}}),
    ("figures-range-money", "Kiến nghị thu hồi 10 - 12 tỷ đồng mỗi năm.", None, None,
     {"figures": {(10000000000, "đồng"), (12000000000, "đồng")}}),
    ("figures-range-words", "Mỗi năm tiếp từ 300 đến 400 lượt công dân.", None, None,
     {"figures": {(300, "lượt công dân"), (400, "lượt công dân")}}),
    ("not-figures", "Cụm thi đua số 5 sơ kết 6 tháng đầu năm 2024 theo Kế hoạch số 15/KH-UBND, kỷ niệm "
     "75 năm ngày thành lập.", None, "2024-07-01", {"figures": set()}),

    # --- the name in force on the article's date ---------------------------------------------
    ("merged-site-after", "Thanh tra tỉnh tổ chức hội nghị triển khai nhiệm vụ.", "https://baohagiang.vn/a",
     "2025-08-15", {"agencies_exact": ["Thanh tra tỉnh Tuyên Quang"], "province": "Tuyên Quang"}),
    ("merged-site-before", "Thanh tra tỉnh tổ chức hội nghị triển khai nhiệm vụ.", "https://baohagiang.vn/a",
     "2024-08-15", {"agencies_exact": ["Thanh tra tỉnh Hà Giang"]}),
    ("post-merger-text", "Ngày 12/8, Thanh tra tỉnh Tuyên Quang tổ chức hội nghị sau hợp nhất. Công an "
     "tỉnh cũng tham dự.", "https://vnexpress.net/a", "2025-08-13",
     {"agencies_exact": ["Công an tỉnh Tuyên Quang", "Thanh tra tỉnh Tuyên Quang"]}),
    ("pre-merger-name-as-written", "Năm 2019, Thanh tra tỉnh Vĩnh Phúc triển khai 45 cuộc thanh tra.",
     None, "2025-09-01", {"agencies_exact": ["Thanh tra tỉnh Vĩnh Phúc"]}),
    ("hue-city-2025", "Thanh tra thành phố tổ chức hội nghị.", "https://baothuathienhue.vn/a", "2025-03-01",
     {"agencies_exact": ["Thanh tra thành phố Huế"]}),
    # --- held-out round 2: members before the bloc, regions in names, commas in names -------
    ("members-before-bloc-thuoc", "Ngày 20/7/2018, tại Kon Tum, công an 4 tỉnh: Kon Tum, Gia Lai, Đắk Lắk và "
     "Lâm Đồng thuộc Cụm thi đua Công an các tỉnh Tây Nguyên đã tổ chức hội nghị sơ kết.", None, None,
     {"bloc": "Cụm thi đua Công an các tỉnh Tây Nguyên", "member_count": 4,
      "members": ["Công an tỉnh Kon Tum", "Công an tỉnh Gia Lai", "Công an tỉnh Đắk Lắk", "Công an tỉnh Lâm Đồng"],
      "agencies": {"Công an tỉnh Kon Tum", "Công an tỉnh Lâm Đồng"}}),
    ("members-before-bloc-cac-tinh", "Sở Tư pháp các tỉnh: Sơn La, Điện Biên và Lai Châu thuộc Cụm thi đua "
     "Sở Tư pháp các tỉnh miền núi phía Bắc ký kết giao ước thi đua năm 2016.", None, "2016-03-02",
     {"members": ["Sở Tư pháp tỉnh Sơn La", "Sở Tư pháp tỉnh Điện Biên", "Sở Tư pháp tỉnh Lai Châu"],
      "bloc": "Cụm thi đua Sở Tư pháp các tỉnh miền núi phía Bắc"}),
    ("members-before-bloc-department", "Sở Nội vụ 3 tỉnh: Cao Bằng, Bắc Kạn và Lạng Sơn thuộc Cụm thi đua số 1 "
     "đã ký kết giao ước thi đua.", None, "2014-03-01",
     {"members": ["Sở Nội vụ tỉnh Cao Bằng", "Sở Nội vụ tỉnh Bắc Kạn", "Sở Nội vụ tỉnh Lạng Sơn"],
      "member_count": 3,
      "agencies_exact": ["Sở Nội vụ tỉnh Bắc Kạn", "Sở Nội vụ tỉnh Cao Bằng", "Sở Nội vụ tỉnh Lạng Sơn"]}),
    ("n-provinces-visited-not-members", "Cụm thi đua số 2 tổng kết năm 2020. Đoàn công tác đã làm việc tại 3 "
     "tỉnh: Lào Cai, Yên Bái và Hà Giang.", None, "2020-12-01", {"members": [], "member_count": None}),
    ("bloc-name-region-lower", "Sáng 5/5, Cụm thi đua Thanh tra 6 tỉnh duyên hải Nam Trung Bộ tổ chức hội "
     "nghị ký kết giao ước.", None, "2017-05-06",
     {"bloc": "Cụm thi đua Thanh tra 6 tỉnh duyên hải Nam Trung Bộ", "member_count": 6}),
    ("bloc-name-region-delta", "Cụm thi đua Thanh tra các tỉnh đồng bằng sông Cửu Long tổng kết công tác "
     "năm 2015.", None, "2015-12-28", {"bloc": "Cụm thi đua Thanh tra các tỉnh đồng bằng sông Cửu Long"}),
    ("bloc-name-comma-bo-nganh", "Ngày 18/12, Khối thi đua các Bộ, ngành nội chính tổ chức hội nghị tổng "
     "kết năm 2021.", None, "2021-12-19", {"bloc": "Khối thi đua các Bộ, ngành nội chính"}),
    ("bloc-name-comma-thanh-tra-bo-nganh", "Khối thi đua Thanh tra các Bộ, ngành văn hóa - xã hội đã bình "
     "xét thi đua năm 2018.", None, "2018-12-20",
     {"bloc": "Khối thi đua Thanh tra các Bộ, ngành văn hóa - xã hội"}),
    ("bloc-name-dang-mat-tran-doan-the", "Ngày 12/7/2022, Khối thi đua các cơ quan Đảng, Mặt trận và đoàn thể "
     "tỉnh Bình Dương tổ chức hội nghị sơ kết.", None, None,
     {"bloc": "Khối thi đua các cơ quan Đảng, Mặt trận và đoàn thể tỉnh Bình Dương"}),
    ("bloc-name-class-then-predicate", "Khối thi đua các sở, ngành tích cực triển khai phong trào thi đua "
     "năm 2016.", None, "2016-05-01", {"bloc": "Khối thi đua các sở, ngành"}),
    ("bloc-name-comma-so-ban-nganh", "Khối thi đua các sở, ban, ngành kinh tế tổng hợp tỉnh Hưng Yên tổ chức "
     "hội nghị.", None, None, {"bloc": "Khối thi đua các sở, ban, ngành kinh tế tổng hợp tỉnh Hưng Yên"}),

    ("members-dia-phuong-districts", "Sáng 9/3, tại huyện Tánh Linh, Cụm thi đua số 4 gồm các địa phương: Hàm "
     "Thuận Bắc, Hàm Thuận Nam, Tánh Linh và Phan Thiết đã ký kết giao ước thi đua năm 2022.", None,
     "2022-03-10",
     {"province": "Bình Thuận", "bloc": "Cụm thi đua số 4 tỉnh Bình Thuận",
      "members": ["Ủy ban nhân dân huyện Hàm Thuận Bắc", "Ủy ban nhân dân huyện Hàm Thuận Nam",
                  "Ủy ban nhân dân huyện Tánh Linh", "Ủy ban nhân dân thành phố Phan Thiết"]}),

    # --- one numbered bloc written with and without a leading zero --------------------------
    ("numbered-leading-zero", "Cụm thi đua số 2 tổng kết năm 2016\nNgày 10/1/2017, Cụm thi đua số 02 tổ "
     "chức hội nghị tổng kết công tác thi đua năm 2016.", None, None,
     {"blocs": ["Cụm thi đua số 02"]}),
    ("numbered-roman-and-arabic", "Cụm thi đua số 4 sơ kết năm 2019\nNgày 5/7, Cụm thi đua số IV tổ chức hội "
     "nghị sơ kết.", None, "2019-07-06", {"blocs": ["Cụm thi đua số IV"]}),
    ("two-numbered-blocs-stay-apart", "Cụm thi đua số 1 và Cụm thi đua số 2 cùng ký kết giao ước.", None,
     "2019-07-06", {"blocs": ["Cụm thi đua số 1", "Cụm thi đua số 2"]}),
    ("numbered-leading-zero-khoi", "Khối thi đua 05 gồm 8 đơn vị. Năm 2020, Khối thi đua 5 đạt nhiều kết "
     "quả.", None, "2020-12-01", {"blocs": ["Khối thi đua 05"], "member_count": 8}),

    # --- a post written after a dash, with `Thường trực`; a meeting held at a body -----------
    ("person-dash-thuong-truc", "Dự hội nghị có đồng chí Hà Văn Minh – Phó chủ tịch Thường trực Hội đồng nhân "
     "dân tỉnh Lạng Sơn.", None, None,
     {"people": [("Hà Văn Minh", "Phó chủ tịch Thường trực", "Hội đồng nhân dân tỉnh Lạng Sơn")]}),
    ("person-dash-pho-chu-tich", "Ông Đỗ Quang Huy – Phó Chủ tịch UBND tỉnh Thái Bình dự và phát biểu.",
     None, None, {"people": [("Đỗ Quang Huy", "Phó Chủ tịch", "Ủy ban nhân dân tỉnh Thái Bình")]}),
    ("meeting-at-body-leader-paren", "Sáng ngày 3/3/2015, tại Liên đoàn Lao động huyện Chư Sê (Trưởng cụm), "
     "Cụm thi đua số 03 đã tổ chức hội nghị ký kết giao ước thi đua năm 2015.",
     "https://baogialai.com.vn/a", None,
     {"meetings": {("ky_giao_uoc", "2015-03-03")}, "locations": {"Liên đoàn Lao động huyện Chư Sê"},
      "leader": "Liên đoàn Lao động huyện Chư Sê"}),

    ("district-level-leader-provincial-bloc", "Sáng 3/3/2016, tại Ủy ban MTTQ Việt Nam thành phố Tam Kỳ (Trưởng "
     "cụm), Cụm thi đua số 02 tổ chức hội nghị ký kết giao ước thi đua năm 2016.", "https://baoquangnam.vn/a",
     None, {"bloc": "Cụm thi đua số 02 tỉnh Quảng Nam",
            "leader": "Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Tam Kỳ"}),

    # --- next year's leader: year written after the role, then a hand-over without one -------
    ("bau-then-ban-giao-keeps-year", "Khối thi đua các cơ quan tổng hợp tỉnh Hưng Yên tổng kết năm 2021. Hội "
     "nghị đã bầu Sở Nội vụ làm Trưởng khối năm 2022. Sở Tài chính đã bàn giao nhiệm vụ Trưởng khối cho Sở "
     "Nội vụ.", None, "2021-12-20",
     {"next_leader": {"agency": "Sở Nội vụ tỉnh Hưng Yên", "year": 2022}}),
    # a deputy named with next year's leader is next year's deputy: not this year's deputy_leaders;
    # it is kept in the extra key `next_deputy_leaders` (CONTRACT §2 allows extra keys)
    ("next-year-deputy", "Khối thi đua Nội chính tỉnh Bắc Giang tổng kết năm 2018. Hội nghị suy tôn Công an "
     "tỉnh làm Trưởng khối năm 2019, Tòa án nhân dân tỉnh làm Phó Trưởng khối.", None, "2018-12-26",
     {"next_leader": {"agency": "Công an tỉnh Bắc Giang", "year": 2019}, "deputies": [],
      "next_deputies": ["Tòa án nhân dân tỉnh Bắc Giang"]}),
    ("this-year-deputy-stays", "Năm 2020, Công an tỉnh Bắc Giang là Trưởng khối, Tòa án nhân dân tỉnh Bắc "
     "Giang là Phó Trưởng khối Khối thi đua Nội chính.", None, "2020-03-01",
     {"leader": "Công an tỉnh Bắc Giang", "deputies": ["Tòa án nhân dân tỉnh Bắc Giang"], "next_deputies": []}),

    # --- `<recipient> được <giver> tặng <award>` ----------------------------------------------
    ("duoc-giver-tang", "Sở Tư pháp tỉnh Nghệ An được Thủ tướng Chính phủ trao tặng Cờ thi đua của Chính "
     "phủ.", None, "2019-01-10",
     {"awards": {("Cờ thi đua của Chính phủ", "Sở Tư pháp tỉnh Nghệ An", "conferred")}}),
    ("duoc-chu-tich-tang-co", "Công an tỉnh Lạng Sơn vinh dự được Chủ tịch UBND tỉnh tặng Cờ thi đua.",
     None, "2019-01-10",
     {"awards": {("Cờ thi đua của Ủy ban nhân dân tỉnh", "Công an tỉnh Lạng Sơn", "conferred")}}),
    ("duoc-chu-tich-tang-bang-khen", "Cục THADS tỉnh được Chủ tịch UBND tỉnh tặng Bằng khen.",
     "https://baothaibinh.com.vn/a", "2020-01-10",
     {"awards": {("Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "Cục Thi hành án dân sự tỉnh Thái Bình",
                  "conferred")}}),
    ("duoc-giver-khen-tang", "Năm 2019, Cục Thống kê tỉnh Lào Cai được UBND tỉnh khen tặng Cờ thi đua.", None,
     "2020-01-01", {"awards": {("Cờ thi đua của Ủy ban nhân dân tỉnh", "Cục Thống kê tỉnh Lào Cai", "conferred")},
                    "award_years": {("Cục Thống kê tỉnh Lào Cai", 2019)}}),
    ("duoc-giao-to-chuc-not-recipient", "Sở Nội vụ tỉnh Bắc Giang được UBND tỉnh giao tổ chức lễ trao tặng Cờ thi "
     "đua của Chính phủ cho các đơn vị.", None, "2020-01-01", {"awards": set()}),
    ("duoc-tong-thanh-tra-tang", "Thanh tra tỉnh Phú Thọ và Thanh tra tỉnh Tuyên Quang được Tổng Thanh tra "
     "Chính phủ tặng Bằng khen.", None, "2016-01-10",
     {"awards": {("Bằng khen của Tổng Thanh tra Chính phủ", "Thanh tra tỉnh Phú Thọ", "conferred"),
                 ("Bằng khen của Tổng Thanh tra Chính phủ", "Thanh tra tỉnh Tuyên Quang", "conferred")}}),

    ("province-cluster-awards", "Cụm thi đua các tỉnh Tây Bắc gồm 4 tỉnh: Sơn La, Điện Biên, Lai Châu và Hòa "
     "Bình. Hội nghị suy tôn tỉnh Sơn La dẫn đầu Cụm, đề nghị Chính phủ tặng Cờ thi đua; tỉnh Lai Châu được "
     "đề nghị Thủ tướng Chính phủ tặng Bằng khen.", None, "2018-01-10",
     {"awards": {("Cờ thi đua của Chính phủ", "Ủy ban nhân dân tỉnh Sơn La", "proposed"),
                 ("Bằng khen của Thủ tướng Chính phủ", "Ủy ban nhân dân tỉnh Lai Châu", "proposed")}}),

    # --- `Năm 2021, …` sets the year of the awards in its sentence or clause ------------------
    ("award-year-leading", "Năm 2021, Thanh tra tỉnh Thái Nguyên nhận Cờ thi đua của UBND tỉnh.", None,
     "2022-02-15", {"award_years": {("Thanh tra tỉnh Thái Nguyên", 2021)}}),
    ("award-year-per-clause", "Năm 2019, TAND tỉnh Lâm Đồng nhận Cờ thi đua của Tòa án nhân dân tối cao; "
     "năm 2020, Viện KSND tỉnh Lâm Đồng được tặng Bằng khen của Thủ tướng Chính phủ.", None, "2021-01-20",
     {"award_years": {("Tòa án nhân dân tỉnh Lâm Đồng", 2019), ("Viện Kiểm sát nhân dân tỉnh Lâm Đồng", 2020)}}),

    # --- an elliptical second clause carries the verb and giver of the first ------------------
    ("elliptical-second-award", "Hội nghị đề nghị Chủ tịch UBND tỉnh tặng Cờ thi đua cho Công an tỉnh Ninh "
     "Thuận; tặng Bằng khen cho Sở Tư pháp tỉnh Ninh Thuận và Thanh tra tỉnh Ninh Thuận.", None, "2018-12-20",
     {"awards": {("Cờ thi đua của Ủy ban nhân dân tỉnh", "Công an tỉnh Ninh Thuận", "proposed"),
                 ("Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "Sở Tư pháp tỉnh Ninh Thuận", "proposed"),
                 ("Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "Thanh tra tỉnh Ninh Thuận", "proposed")}}),
    ("elliptical-de-nghi-tang", "Khối đề nghị Chủ tịch UBND tỉnh tặng Cờ thi đua cho Công an tỉnh Lai Châu; "
     "đề nghị tặng Bằng khen cho Cục THADS tỉnh Lai Châu.", None, "2021-12-25",
     {"awards": {("Cờ thi đua của Ủy ban nhân dân tỉnh", "Công an tỉnh Lai Châu", "proposed"),
                 ("Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "Cục Thi hành án dân sự tỉnh Lai Châu",
                  "proposed")}}),
    ("elliptical-va-second-award", "Năm 2021, Tổng Thanh tra Chính phủ tặng Cờ thi đua cho Thanh tra tỉnh Đồng Nai "
     "và Bằng khen cho Thanh tra tỉnh Tây Ninh.", None, "2022-03-25",
     {"awards": {("Cờ thi đua của Thanh tra Chính phủ", "Thanh tra tỉnh Đồng Nai", "conferred"),
                 ("Bằng khen của Tổng Thanh tra Chính phủ", "Thanh tra tỉnh Tây Ninh", "conferred")},
      "award_years": {("Thanh tra tỉnh Đồng Nai", 2021), ("Thanh tra tỉnh Tây Ninh", 2021)}}),
    ("elliptical-ministry-giver", "Khối đề nghị Bộ trưởng Bộ Tư pháp tặng Cờ thi đua cho Cục THADS tỉnh Bắc "
     "Kạn, tặng Bằng khen cho Sở Tư pháp tỉnh Bắc Kạn.", None, "2017-12-20",
     {"awards": {("Cờ thi đua của Bộ Tư pháp", "Cục Thi hành án dân sự tỉnh Bắc Kạn", "proposed"),
                 ("Bằng khen của Bộ trưởng Bộ Tư pháp", "Sở Tư pháp tỉnh Bắc Kạn", "proposed")}}),

    # --- bodies a bloc's bình xét proposes stand as its (partial) members when it lists none: the
    # dev gold's convention (gold 059, 048), kept although the member list is not written out ---
    ("voted-partial-members", "Khối thi đua Kinh tế tỉnh Tây Ninh tổng kết năm 2019. Khối đã bình xét, suy tôn "
     "Sở Tài chính và Sở Công Thương đề nghị UBND tỉnh tặng Cờ thi đua.", None, "2019-12-20",
     {"members": ["Sở Tài chính tỉnh Tây Ninh", "Sở Công Thương tỉnh Tây Ninh"], "awards": {("Cờ thi đua của Ủy ban nhân dân tỉnh", "Sở Tài chính tỉnh Tây Ninh", "proposed"),
                                ("Cờ thi đua của Ủy ban nhân dân tỉnh", "Sở Công Thương tỉnh Tây Ninh",
                                 "proposed")}}),
    # --- area units kept whole; a yearly `triển khai nhiệm vụ` conference ------------------------
    ("figures-square-metres", "Kiến nghị thu hồi 2.350 m2 đất và 120 m² đất ở.", None, None,
     {"figures": {(2350, "m2 đất"), (120, "m² đất ở")}}),
    # `hội nghị triển khai nhiệm vụ năm X` reports the year just ended: the dev gold records it
    # as the agency's year-end review
    ("trien-khai-nhiem-vu-is-tong-ket", "Ngày 15/1, Thanh tra tỉnh Nam Định tổ chức hội nghị triển khai nhiệm "
     "vụ công tác năm 2019.", None, "2019-01-16", {"meetings": {("tong_ket", "2019-01-15")}}),
]


@pytest.mark.parametrize("name, text, url, published, expected", CASES, ids=[c[0] for c in CASES])
def test_phrasing(name, text, url, published, expected):
    assert_expected(extract_text(text, url=url, published=published), expected, CHECKS)


def assert_expected(o: dict, expected: dict, checks: dict, subsets=("agencies",)) -> None:
    """Each expected value against its check of the extraction object `o`: the `subsets` checks
    need only hold the expected names (an article names more bodies than a case cares about)."""
    for check, want in expected.items():
        got = checks[check](o)
        if check in subsets:
            assert want <= got, f"{check}: missing {want - got}; got {got}"
        elif check == "agencies_exact":
            assert got == sorted(want), f"{check}: {got}"
        else:
            assert got == want, f"{check}: {got!r}"


def test_enough_cases():
    assert len(CASES) >= 60
