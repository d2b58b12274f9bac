"""Held-out agencies, province and documents: written forms the dev set does not use.

Each case is `(text, url, published, expected)` in provinces, years and agencies of other sites
than the dev set's, asserting the facts a careful annotator would record (ANNOTATION.md):
abbreviations and old tone marks expanded, district- and commune-level bodies, the bodies renamed
or created in 2025 (regional courts, `Thi hành án dân sự tỉnh X`), national commands, sub-units
named with their parent, the province from a headline in capitals, and documents cited in lists.
"""
from __future__ import annotations

import pytest
from test_phrasings import CHECKS, assert_expected

from thidua.extract import extract_text

DOC_CHECKS = {
    # documents: these (number, kind, date, issuer) are among the article's documents
    "documents": lambda o: {(d["number"], d["kind"], d["date"], d["issuer"]) for d in o["documents"]},
    "doc_numbers": lambda o: sorted(d["number"] for d in o["documents"]),
}

CASES = [
    # --- abbreviations, old tone marks, city forms --------------------------------------------
    ("abbrev-bare-province", "VKSND TỈNH NGHỆ AN TỔNG KẾT CÔNG TÁC NĂM 2023\n\nNgày 18/12/2023, Viện KSND tỉnh "
     "Nghệ An tổ chức hội nghị tổng kết. Dự hội nghị có đại diện TAND tỉnh, Công an tỉnh, Cục THADS tỉnh.", None,
     "2023-12-19",
     {"agencies_exact": ["Viện Kiểm sát nhân dân tỉnh Nghệ An", "Tòa án nhân dân tỉnh Nghệ An",
                         "Công an tỉnh Nghệ An", "Cục Thi hành án dân sự tỉnh Nghệ An"], "province": "Nghệ An"}),
    ("cluster-list-ends-with-a-city", "Cụm thi đua số 3 gồm Thanh tra các tỉnh: Quảng Nam, Quảng Ngãi, Bình Định, "
     "Phú Yên và thành phố Đà Nẵng. Ngày 12/12/2023, Cụm thi đua số 3 tổ chức hội nghị tổng kết.", None,
     "2023-12-13",
     {"members": ["Thanh tra tỉnh Quảng Nam", "Thanh tra tỉnh Quảng Ngãi", "Thanh tra tỉnh Bình Định",
                  "Thanh tra tỉnh Phú Yên", "Thanh tra thành phố Đà Nẵng"],
      "province": None, "parent": "Thanh tra Chính phủ"}),
    ("old-tone-marks", "Ngày 15/12/2019, Toà án nhân dân tỉnh Khánh Hoà tổ chức hội nghị tổng kết.", None,
     "2019-12-16", {"agencies_exact": ["Tòa án nhân dân tỉnh Khánh Hòa"], "province": "Khánh Hòa"}),
    ("tp-dot-space-city", "Sáng 15-12, Thanh tra TP. Hồ Chí Minh tổ chức hội nghị tổng kết năm 2022.", None,
     "2022-12-16", {"agencies_exact": ["Thanh tra thành phố Hồ Chí Minh"], "province": "Hồ Chí Minh"}),
    ("dept-abbreviations", "Sở LĐTB&XH, Sở VHTT&DL, Sở GD-ĐT, Sở NN và MT, Sở KH-CN và Sở DT&TG tỉnh Long An "
     "ký kết giao ước thi đua.", None, "2025-03-01",
     {"agencies_exact": ["Sở Lao động - Thương binh và Xã hội tỉnh Long An",
                         "Sở Văn hóa, Thể thao và Du lịch tỉnh Long An", "Sở Giáo dục và Đào tạo tỉnh Long An",
                         "Sở Nông nghiệp và Môi trường tỉnh Long An", "Sở Khoa học và Công nghệ tỉnh Long An",
                         "Sở Dân tộc và Tôn giáo tỉnh Long An"]}),
    ("emulation-board-abbrev", "Ngày 14/12/2021, Ban TĐKT tỉnh Hải Dương phối hợp với Hội đồng TĐKT tỉnh tổ chức "
     "hội nghị.", None, "2021-12-15",
     {"agencies_exact": ["Ban Thi đua - Khen thưởng tỉnh Hải Dương",
                         "Hội đồng Thi đua - Khen thưởng tỉnh Hải Dương"]}),
    ("supreme-procuracy-viet-ksnd", "Ngày 9/1/2024, Viện KSND tối cao tổ chức hội nghị. Viện trưởng VKSND tỉnh Hà "
     "Nam tham dự.", None, "2024-01-10",
     {"agencies_exact": ["Viện Kiểm sát nhân dân tối cao", "Viện Kiểm sát nhân dân tỉnh Hà Nam"]}),
    ("office-delegation-abbrev", "Ngày 2/3/2022, Văn phòng UBND tỉnh Bắc Kạn, Văn phòng Đoàn ĐBQH và HĐND tỉnh "
     "ký kết giao ước.", None, "2022-03-03",
     {"agencies_exact": ["Văn phòng Ủy ban nhân dân tỉnh Bắc Kạn",
                         "Văn phòng Đoàn Đại biểu Quốc hội và Hội đồng nhân dân tỉnh Bắc Kạn"]}),
    ("market-control-department", "Ngày 28/12/2022, Cục Quản lý thị trường tỉnh Sóc Trăng tổng kết công tác năm.",
     None, "2022-12-29", {"agencies_exact": ["Cục Quản lý thị trường tỉnh Sóc Trăng"]}),
    ("dash-joined-heads-share-place", "Ngày 5/5/2021, HĐND-UBND tỉnh Hậu Giang tổ chức lễ kỷ niệm.", None,
     "2021-05-06", {"agencies_exact": ["Hội đồng nhân dân tỉnh Hậu Giang", "Ủy ban nhân dân tỉnh Hậu Giang"]}),
    ("va-joined-heads-share-place", "TAND và VKSND tỉnh Ninh Bình phối hợp tổ chức phiên tòa rút kinh nghiệm.",
     None, "2021-03-01",
     {"agencies_exact": ["Tòa án nhân dân tỉnh Ninh Bình", "Viện Kiểm sát nhân dân tỉnh Ninh Bình"]}),
    ("regional-offices-no-province", "Kiểm toán Nhà nước khu vực IV, Chi cục Thuế khu vực XV và Bảo hiểm xã hội "
     "khu vực XII tổ chức hội nghị.", None, "2025-08-01",
     {"agencies_exact": ["Kiểm toán Nhà nước khu vực IV", "Chi cục Thuế khu vực XV",
                         "Bảo hiểm xã hội khu vực XII"]}),
    ("merged-inspectorates-2025", "Ngày 8/8/2025, Thanh tra tỉnh Phú Thọ (mới) được thành lập trên cơ sở hợp nhất "
     "Thanh tra tỉnh Vĩnh Phúc, Thanh tra tỉnh Hòa Bình và Thanh tra tỉnh Phú Thọ.", None, "2025-08-09",
     {"agencies_exact": ["Thanh tra tỉnh Phú Thọ", "Thanh tra tỉnh Vĩnh Phúc", "Thanh tra tỉnh Hòa Bình"]}),
    # --- the military: a district's Ban, national commands, the border guard ---------------------
    ("district-military-ban", "Ngày 4/4/2024, Ban Chỉ huy Quân sự huyện Mường Chà và Ban CHQS thị xã Mường Lay "
     "tham gia diễn tập.", None, "2024-04-05",
     {"agencies_exact": ["Ban Chỉ huy Quân sự huyện Mường Chà", "Ban Chỉ huy Quân sự thị xã Mường Lay"],
      "province": "Điện Biên"}),
    ("province-military-bo", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh Kiên Giang và Ban Chỉ huy Quân sự tỉnh Kiên Giang "
     "ký kết giao ước thi đua năm 2021.", None, "2021-03-01",
     {"agencies_exact": ["Bộ Chỉ huy Bộ đội Biên phòng tỉnh Kiên Giang", "Bộ Chỉ huy Quân sự tỉnh Kiên Giang"]}),
    ("national-commands", "Ngày 7/1/2020, Bộ Tư lệnh Quân khu 9, Bộ Tư lệnh Vùng Cảnh sát biển 4 và Bộ đội Biên "
     "phòng tỉnh Cà Mau ký kết giao ước.", None, "2020-01-08",
     {"agencies_exact": ["Bộ Tư lệnh Quân khu 9", "Bộ Tư lệnh Vùng Cảnh sát biển 4",
                         "Bộ Chỉ huy Bộ đội Biên phòng tỉnh Cà Mau"]}),
    ("defence-zone-with-parent", "Ngày 16/7/2025, Ban Chỉ huy Phòng thủ khu vực 1 - Mộc Châu, Bộ Chỉ huy Quân sự "
     "tỉnh Sơn La ra mắt.", None, "2025-07-17",
     {"agencies_exact": ["Ban Chỉ huy Phòng thủ khu vực 1 - Mộc Châu Bộ Chỉ huy Quân sự tỉnh Sơn La",
                         "Bộ Chỉ huy Quân sự tỉnh Sơn La"]}),
    # --- courts and enforcement: high courts, the 2025 regional bodies and renames ----------------
    ("high-courts", "Hội nghị có sự tham dự của TAND cấp cao tại Đà Nẵng và VKSND cấp cao tại Đà Nẵng.", None,
     "2021-06-01",
     {"agencies_exact": ["Tòa án nhân dân cấp cao tại Đà Nẵng", "Viện Kiểm sát nhân dân cấp cao tại Đà Nẵng"]}),
    ("regional-courts-2025", "Ngày 5/9/2025, Tòa án nhân dân khu vực 1 - Lâm Đồng và Viện Kiểm sát nhân dân khu vực "
     "2 - Lâm Đồng ký kết quy chế phối hợp.", None, "2025-09-06",
     {"agencies_exact": ["Tòa án nhân dân khu vực 1 - Lâm Đồng", "Viện Kiểm sát nhân dân khu vực 2 - Lâm Đồng"],
      "province": "Lâm Đồng"}),
    ("thads-renamed-2025", "Ngày 20/8/2025, Thi hành án dân sự tỉnh Gia Lai tổ chức hội nghị sơ kết công tác.",
     None, "2025-08-21", {"agencies_exact": ["Thi hành án dân sự tỉnh Gia Lai"]}),
    ("thads-renamed-city", "Thi hành án dân sự Thành phố Hồ Chí Minh tổ chức hội nghị sơ kết 6 tháng đầu năm 2025.",
     None, "2025-07-20", {"agencies_exact": ["Thi hành án dân sự thành phố Hồ Chí Minh"]}),
    ("thads-regional-office", "Ngày 3/10/2025, Phòng Thi hành án dân sự khu vực 3 - Đắk Lắk tổ chức hội nghị.", None,
     "2025-10-04", {"agencies_exact": ["Phòng Thi hành án dân sự khu vực 3 - Đắk Lắk"], "province": "Đắk Lắk"}),
    ("thads-field-not-body", "Các cơ quan thi hành án dân sự tỉnh Hòa Bình đã thi hành xong 3.200 việc. Công tác "
     "Thi hành án dân sự tỉnh năm 2022 đạt kết quả tốt.", None, "2022-10-01", {"agencies_exact": []}),
    ("thads-district-and-province", "Ngày 3/1/2023, Chi cục THADS huyện Lục Ngạn tổ chức hội nghị. Lãnh đạo Cục "
     "THADS tỉnh Bắc Giang dự.", None, "2023-01-04",
     {"agencies_exact": ["Chi cục Thi hành án dân sự huyện Lục Ngạn", "Cục Thi hành án dân sự tỉnh Bắc Giang"]}),
    # --- communes and wards, numbered city districts ----------------------------------------------
    ("ward-bodies-2025", "Ngày 20/11/2025, UBND phường Bến Thành và Công an phường Bến Thành tổ chức hội nghị. "
     "Dự có lãnh đạo UBND TP.HCM.", None, "2025-11-21",
     {"agencies_exact": ["Ủy ban nhân dân phường Bến Thành", "Công an phường Bến Thành",
                         "Ủy ban nhân dân thành phố Hồ Chí Minh"]}),
    ("commune-committee", "Phó Chủ tịch UBND xã Phong Thạnh, huyện Cầu Kè được tặng Bằng khen.", None, "2022-01-01",
     {"agencies": {"Ủy ban nhân dân xã Phong Thạnh"}, "province": "Trà Vinh"}),
    ("numbered-city-district", "UBND Quận 1 đã ký kết giao ước thi đua với các đơn vị.", None, "2023-04-01",
     {"agencies_exact": ["Ủy ban nhân dân quận 1"]}),
    ("communes-as-class", "Hội nghị trực tuyến kết nối đến UBND các xã, phường, đặc khu trên địa bàn tỉnh Quảng "
     "Ninh.", None, "2025-08-01", {"agencies_exact": []}),
    # --- sub-units named with their parent -----------------------------------------------------
    ("ministry-unit-with-dash", "Sáng 22-12-2023, Sở Tư pháp TP Hà Nội tổng kết. Dự có đại diện Vụ Thi đua - Khen "
     "thưởng, Bộ Tư pháp.", None, "2023-12-23",
     {"agencies_exact": ["Sở Tư pháp thành phố Hà Nội", "Vụ Thi đua - Khen thưởng Bộ Tư pháp", "Bộ Tư pháp"]}),
    ("department-and-police-office", "Tham dự có đại diện Cục Cảnh sát quản lý hành chính về trật tự xã hội, Bộ Công "
     "an và Phòng PC06 Công an tỉnh Yên Bái.", None, "2021-05-05",
     {"agencies_exact": ["Cục Cảnh sát quản lý hành chính về trật tự xã hội Bộ Công an", "Bộ Công an",
                         "Phòng PC06 Công an tỉnh Yên Bái", "Công an tỉnh Yên Bái"]}),
    ("police-office-in-words", "Phòng Cảnh sát giao thông Công an tỉnh Hà Tĩnh ký kết giao ước thi đua.", None,
     "2023-03-05",
     {"agencies_exact": ["Công an tỉnh Hà Tĩnh", "Phòng Cảnh sát giao thông Công an tỉnh Hà Tĩnh"]}),
    # --- Chính phủ, Quốc hội: the body acting or issuing, not a post's title (dev gold 058/060/065) --
    ("pm-post-not-government", "Năm 2022, Sở Tư pháp tỉnh Nam Định được Thủ tướng Chính phủ tặng Bằng khen.", None,
     "2023-01-05", {"agencies_exact": ["Sở Tư pháp tỉnh Nam Định"]}),
    ("government-as-issuer", "Căn cứ Nghị quyết số 01/NQ-CP ngày 6/1/2023 của Chính phủ, UBND tỉnh Bạc Liêu ban "
     "hành kế hoạch.", None, "2023-02-01",
     {"agencies_exact": ["Chính phủ", "Ủy ban nhân dân tỉnh Bạc Liêu"]}),
    ("assembly-sets-target", "Năm 2023, TAND tỉnh Phú Thọ giải quyết 5.120 vụ, việc, vượt chỉ tiêu Quốc hội giao.",
     None, "2023-12-20", {"agencies_exact": ["Quốc hội", "Tòa án nhân dân tỉnh Phú Thọ"]}),
    ("assembly-posts-not-body", "Đoàn đại biểu Quốc hội tỉnh Hậu Giang tiếp xúc cử tri. Phó Chủ tịch Quốc hội đã "
     "chỉ đạo.", None, "2022-05-01", {"agencies_exact": []}),
    ("inspector-general-post", "Năm 2019, Tổng Thanh tra Chính phủ đã tặng Bằng khen cho 3 tập thể của Thanh tra "
     "tỉnh Quảng Trị.", None, "2020-01-10", {"agencies_exact": ["Thanh tra tỉnh Quảng Trị"]}),
    ("named-holder-gives-government", "Ông Trần Lưu Quang, Phó Thủ tướng Chính phủ dự hội nghị của Bộ Chỉ huy Quân "
     "sự tỉnh Hải Dương.", None, "2023-01-10",
     {"agencies_exact": ["Bộ Chỉ huy Quân sự tỉnh Hải Dương", "Chính phủ"]}),
    # --- a unit named inside its head's post; a parent in brackets; military regions -------------
    ("board-inside-post", "Hội nghị có bà Nguyễn Thị Hoa, Trưởng ban Thi đua - Khen thưởng tỉnh Quảng Trị.", None,
     "2021-12-20",
     {"agencies_exact": ["Ban Thi đua - Khen thưởng tỉnh Quảng Trị"],
      "people": [("Nguyễn Thị Hoa", "Trưởng ban", "Ban Thi đua - Khen thưởng tỉnh Quảng Trị")]}),
    ("office-inside-post", "Dự có ông Lê Văn Nam, Phó trưởng phòng Tư pháp huyện Yên Thế.", None, "2021-12-20",
     {"agencies_exact": ["Phòng Tư pháp huyện Yên Thế"]}),
    ("parent-in-brackets", "Dự hội nghị có đại diện Vụ Pháp chế (Bộ Nội vụ) và Cục III (Thanh tra Chính phủ).", None,
     "2019-03-01",
     {"agencies_exact": ["Bộ Nội vụ", "Cục III Thanh tra Chính phủ", "Thanh tra Chính phủ",
                         "Vụ Pháp chế Bộ Nội vụ"]}),
    ("brackets-two-bodies-no-parent", "Dự hội nghị có đại diện Vụ Thi đua - Khen thưởng (Bộ Tư pháp, Bộ Nội vụ).",
     None, "2019-03-01", {"agencies_exact": ["Bộ Nội vụ", "Bộ Tư pháp"]}),
    ("military-region-post-body", "Thiếu tướng Nguyễn Văn Hải, Phó Tư lệnh Quân khu 4 dự hội nghị của Cụm thi đua "
     "số 1, Quân khu 4.", None, "2022-11-30",
     {"agencies_exact": ["Quân khu 4"], "people": [("Nguyễn Văn Hải", "Phó Tư lệnh", "Quân khu 4")]}),
    ("military-region-system", "Ngày 25/11/2021, Cụm thi đua số 3, Quân khu 9 tổng kết phong trào Thi đua Quyết "
     "thắng.", None, "2021-11-26", {"agencies_exact": ["Quân khu 9"]}),
    # --- the province -----------------------------------------------------------------------------
    ("province-capitals-headline", "THANH TRA TỈNH LÀO CAI TỔNG KẾT CÔNG TÁC NĂM 2022\n\nNgày 6/1/2023, Thanh tra "
     "tỉnh tổ chức hội nghị tổng kết công tác thanh tra năm 2022.", None, "2023-01-07",
     {"province": "Lào Cai", "agencies_exact": ["Thanh tra tỉnh Lào Cai"]}),
    ("province-capitals-ubnd", "UBND TỈNH BÌNH ĐỊNH PHÁT ĐỘNG THI ĐUA NĂM 2024\n\nSáng 5/2, UBND tỉnh phát động "
     "phong trào thi đua.", None, "2024-02-06",
     {"province": "Bình Định", "agencies_exact": ["Ủy ban nhân dân tỉnh Bình Định"]}),
    ("province-after-agency-head", "Ngày 10/12/2023, Cục Thi hành án dân sự Thừa Thiên Huế tổ chức hội nghị.", None,
     "2023-12-11", {"province": "Thừa Thiên Huế"}),
    ("province-from-city-district", "Ngày 20/12/2022, Chi cục Thi hành án dân sự thành phố Phủ Lý tổ chức hội nghị.",
     None, "2022-12-21",
     {"province": "Hà Nam", "agencies_exact": ["Chi cục Thi hành án dân sự thành phố Phủ Lý"]}),
    ("province-merged-site-2025", "Ngày 10/10/2025, Sở Nội vụ tổ chức hội nghị. Đến dự có lãnh đạo UBND tỉnh.",
     "https://baobacgiang.vn/a", "2025-10-11",
     {"province": "Bắc Ninh", "agencies_exact": ["Sở Nội vụ tỉnh Bắc Ninh", "Ủy ban nhân dân tỉnh Bắc Ninh"]}),
    # --- documents ----------------------------------------------------------------------------------
    ("documents-listed", "Căn cứ các Quyết định số 12/QĐ-UBND, 13/QĐ-UBND và 14/QĐ-UBND ngày 5/1/2021 của UBND "
     "tỉnh Sơn La.", None, "2021-01-10",
     {"doc_numbers": ["12/QĐ-UBND", "13/QĐ-UBND", "14/QĐ-UBND"],
      "documents": {("14/QĐ-UBND", "Quyết định", "2021-01-05", "Ủy ban nhân dân tỉnh Sơn La")}}),
    ("document-kind-before-kind", "Thông báo Kết luận số 12/TB-VP ngày 6/6/2023 của Văn phòng UBND tỉnh Cà Mau.",
     None, "2023-06-08",
     {"documents": {("12/TB-VP", "Thông báo", "2023-06-06", "Văn phòng Ủy ban nhân dân tỉnh Cà Mau")}}),
    ("document-bloc-issuer", "Thông báo số 15/TB-KTĐNC ngày 10/01/2022 của Khối thi đua Nội chính về kết quả bình "
     "xét.", "https://thanhtra.binhduong.gov.vn/a", "2022-01-12",
     {"documents": {("15/TB-KTĐNC", "Thông báo", "2022-01-10", "Khối thi đua Nội chính tỉnh Bình Dương")}}),
    ("document-decision-full", "Thực hiện Quyết định số 2345/QĐ-UBND ngày 12/11/2024 của UBND tỉnh Quảng Ngãi về "
     "việc phân công khối thi đua, Sở Nội vụ đã hướng dẫn.", None, "2024-11-20",
     {"documents": {("2345/QĐ-UBND", "Quyết định", "2024-11-12", "Ủy ban nhân dân tỉnh Quảng Ngãi")},
      "agencies_exact": ["Ủy ban nhân dân tỉnh Quảng Ngãi", "Sở Nội vụ tỉnh Quảng Ngãi"]}),
    ("document-guidance-board", "Căn cứ Hướng dẫn số 12/HD-KTĐ ngày 05/3/2023 của Ban Thi đua - Khen thưởng tỉnh, "
     "Khối thi đua đã ký kết giao ước.", "https://sonoivu.hatinh.gov.vn/a.html", "2023-03-10",
     {"documents": {("12/HD-KTĐ", "Hướng dẫn", "2023-03-05", "Ban Thi đua - Khen thưởng tỉnh Hà Tĩnh")}}),
    ("document-date-in-words", "Kế hoạch số 125/KH-UBND ngày 20 tháng 5 năm 2022 của Ủy ban nhân dân tỉnh Hà Giang "
     "về tổ chức phong trào thi đua.", None, "2022-05-25",
     {"documents": {("125/KH-UBND", "Kế hoạch", "2022-05-20", "Ủy ban nhân dân tỉnh Hà Giang")}}),
    ("document-ministry-circular", "Căn cứ Thông tư số 12/2019/TT-BNV ngày 04/11/2019 của Bộ Nội vụ và Nghị định "
     "số 91/2017/NĐ-CP ngày 31/7/2017 của Chính phủ.", None, "2020-03-01",
     {"documents": {("12/2019/TT-BNV", "Thông tư", "2019-11-04", "Bộ Nội vụ"),
                    ("91/2017/NĐ-CP", "Nghị định", "2017-07-31", "Chính phủ")}}),
    # --- centrally-run cities' own bodies, 2025 names, companies (round 4, cb) --------------------
    ("bare-tp-before-a-person", "Sáng 5/12/2022, Khối thi đua các quận Hải Phòng tổng kết năm 2022. Phát biểu, "
     "Phó Chủ tịch UBND TP Lê Văn Thành ghi nhận kết quả của Thanh tra TP. Năm 2023, Khối tiếp tục ký kết.",
     "https://haiphong.gov.vn/a", "2022-12-06",
     {"agencies_exact": ["Ủy ban nhân dân thành phố Hải Phòng", "Thanh tra thành phố Hải Phòng"]}),
    ("tp-provincial-city-kept", "Ngày 10/3/2021, UBND TP Thủ Dầu Một và UBND TP. Dĩ An ký kết giao ước thi đua.",
     "https://binhduong.gov.vn/a", "2021-03-11",
     {"agencies_exact": ["Ủy ban nhân dân thành phố Thủ Dầu Một", "Ủy ban nhân dân thành phố Dĩ An"]}),
    ("ministry-department-with-parent", "Dự hội nghị có bà Lê Thị Hoa, Phó Cục trưởng Cục Thống kê, Bộ Tài chính "
     "và đại diện Cục Quản lý thị trường (Bộ Công Thương).", None, "2025-09-10",
     {"agencies": {"Cục Thống kê Bộ Tài chính", "Cục Quản lý thị trường Bộ Công Thương"}}),
    ("tax-office-2025-name", "Chiều 20/12/2025, Thuế tỉnh Nghệ An phối hợp Sở Tài chính hoàn thuế cho 120 doanh "
     "nghiệp.", None, "2025-12-21",
     {"agencies_exact": ["Thuế tỉnh Nghệ An", "Sở Tài chính tỉnh Nghệ An"]}),
    ("regional-offices-capital-k", "Kho bạc Nhà nước Khu vực XII và Ngân hàng Nhà nước Khu vực 9 ký kết giao ước.",
     None, "2026-03-02",
     {"agencies_exact": ["Kho bạc Nhà nước khu vực XII", "Ngân hàng Nhà nước khu vực 9"]}),
    ("company-acronym-members", "Ngày 20/12/2024, Khối thi đua các doanh nghiệp thành phố Đà Nẵng tổng kết năm 2024. Khối gồm 3 thành viên: Công ty TNHH MTV Cấp nước Đà Nẵng "
     "(DAWACO), Công ty TNHH MTV Môi trường đô thị TP Đà Nẵng và Tổng Công ty Xây dựng Đà Nẵng (DNC). DAWACO "
     "làm Trưởng khối.", "https://danang.gov.vn/a", "2024-12-20",
     {"members": ["Công ty TNHH MTV Cấp nước Đà Nẵng", "Công ty TNHH MTV Môi trường đô thị thành phố Đà Nẵng",
                  "Tổng Công ty Xây dựng Đà Nẵng"], "leader": "Công ty TNHH MTV Cấp nước Đà Nẵng"}),
    ("company-mentioned-not-listed", "Ngày 3/4/2023, Sở Tài chính tỉnh Bình Dương làm việc với Tổng Công ty Becamex "
     "IDC (BCM).", None, "2023-04-04", {"agencies_exact": ["Sở Tài chính tỉnh Bình Dương"]}),
    ("district-name-stops-at-line-break", "Cụm thi đua số 2 gồm:\n1. UBND huyện Kim Bảng\n2. UBND huyện Thanh Liêm"
     "\n\nBáo cáo cho biết năm 2019 các huyện đều hoàn thành.", None, "2019-12-20",
     {"agencies_exact": ["Ủy ban nhân dân huyện Kim Bảng", "Ủy ban nhân dân huyện Thanh Liêm"]}),
    ("city-member-list-ends-with-tp-dot", "Ngày 20/12/2018, Khối thi đua Nội chính thành phố Đà Nẵng tổng kết năm "
     "2018. Khối gồm 3 đơn vị: Công an TP, VKSND TP và Thanh tra TP. Hội nghị đã bình xét thi đua năm 2018.",
     "https://danang.gov.vn/a", "2018-12-21",
     {"members": ["Công an thành phố Đà Nẵng", "Viện Kiểm sát nhân dân thành phố Đà Nẵng",
                  "Thanh tra thành phố Đà Nẵng"]}),
    # --- round 5: names kept as written, banks, the youth union, boards and councils, police teams --
    ("radio-tv-dash-kept", "Khối gồm Sở Y tế, Đài Phát thanh - Truyền hình tỉnh và Ban Dân tộc tỉnh. Đài PT-TH tỉnh "
     "sản xuất 950 chương trình.", "https://baoquangbinh.vn/a", "2022-07-15",
     {"agencies_exact": ["Sở Y tế tỉnh Quảng Bình", "Đài Phát thanh - Truyền hình tỉnh Quảng Bình",
                         "Ban Dân tộc tỉnh Quảng Bình"]}),
    ("radio-tv-va-kept", "Ngày 3/8/2021, Đài Phát thanh và Truyền hình tỉnh Nam Định ký kết giao ước.", None,
     "2021-08-04", {"agencies_exact": ["Đài Phát thanh và Truyền hình tỉnh Nam Định"]}),
    ("state-bank-branch-as-written", "Năm 2021, Ngân hàng Nhà nước Việt Nam Chi nhánh tỉnh Sóc Trăng làm Trưởng khối; "
     "Ngân hàng Nhà nước chi nhánh tỉnh Hậu Giang làm Khối phó.", None, "2021-12-30",
     {"agencies_exact": ["Ngân hàng Nhà nước Việt Nam Chi nhánh tỉnh Sóc Trăng",
                         "Ngân hàng Nhà nước chi nhánh tỉnh Hậu Giang"]}),
    ("bank-branches-as-written", "Khối đã suy tôn Ngân hàng TMCP Công thương Việt Nam - Chi nhánh Bạc Liêu và Ngân "
     "hàng Nông nghiệp và Phát triển nông thôn Việt Nam chi nhánh tỉnh là 2 đơn vị dẫn đầu; Ngân hàng Chính "
     "sách xã hội chi nhánh tỉnh Bạc Liêu làm Trưởng khối năm 2020.", "https://baobaclieu.vn/a", "2019-12-28",
     {"agencies_exact": ["Ngân hàng Thương mại cổ phần Công thương Việt Nam - Chi nhánh Bạc Liêu",
                         "Ngân hàng Nông nghiệp và Phát triển nông thôn Việt Nam chi nhánh tỉnh Bạc Liêu",
                         "Ngân hàng Chính sách xã hội chi nhánh tỉnh Bạc Liêu"]}),
    ("bank-without-branch-not-listed", "Sở Tài chính tỉnh Vĩnh Long phối hợp với Ngân hàng Chính sách xã hội giải "
     "ngân vốn vay.", None, "2022-05-05", {"agencies_exact": ["Sở Tài chính tỉnh Vĩnh Long"]}),
    ("youth-union-member", "Khối thi đua Mặt trận và các đoàn thể tỉnh Lạng Sơn gồm 4 đơn vị: Ủy ban MTTQ tỉnh, "
     "Liên đoàn Lao động tỉnh, Tỉnh đoàn và Hội Nông dân tỉnh. Năm 2022, Tỉnh đoàn làm Trưởng khối.",
     "https://baolangson.vn/a", "2022-06-30",
     {"members": ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Lạng Sơn", "Liên đoàn Lao động tỉnh Lạng Sơn",
                  "Tỉnh đoàn Lạng Sơn", "Hội Nông dân tỉnh Lạng Sơn"], "leader": "Tỉnh đoàn Lạng Sơn"}),
    ("youth-union-mentioned-not-listed", "Ngày 26/3/2023, Tỉnh đoàn Phú Thọ phối hợp với Sở Nội vụ tổ chức lễ kỷ "
     "niệm.", None, "2023-03-27", {"agencies_exact": ["Sở Nội vụ tỉnh Phú Thọ"]}),
    ("emulation-board-bare-in-province-news", "Các Khối đã gửi kết quả bình xét về Ban Thi đua - Khen thưởng (Sở Nội "
     "vụ) trước ngày 20/12.", "https://baotiengiang.vn/a", "2022-12-22",
     {"agencies": {"Ban Thi đua - Khen thưởng tỉnh Tiền Giang"}}),
    ("emulation-board-bare-no-province", "Các Khối đã gửi kết quả bình xét về Ban Thi đua - Khen thưởng trước ngày "
     "20/12.", None, "2022-12-22", {"agencies_exact": []}),
    ("council-of-judges", "Cụm đã áp dụng Nghị quyết số 02/2020/NQ-HĐTP của Hội đồng Thẩm phán TANDTC và hướng dẫn "
     "của TAND tỉnh Hà Tĩnh.", None, "2021-01-10",
     {"agencies_exact": ["Hội đồng Thẩm phán Tòa án nhân dân tối cao", "Tòa án nhân dân tỉnh Hà Tĩnh"]}),
    ("police-team-of-the-districts-police", "Ngày 27/12/2022, Công an huyện Mường Khương tổng kết công tác năm "
     "2022. Trung tá Hoàng Văn Nam, Đội trưởng Đội Cảnh sát giao thông - Trật tự được tặng Bằng khen.",
     "https://baolaocai.vn/a", "2022-12-28",
     {"agencies": {"Công an huyện Mường Khương", "Đội Cảnh sát giao thông - Trật tự Công an huyện Mường Khương"}}),
    ("police-team-with-parent", "Đội An ninh, Công an thị xã Sa Pa và Đội Cảnh sát hình sự Công an huyện Bát Xát "
     "phối hợp triệt phá đường dây.", None, "2020-06-02",
     {"agencies": {"Đội An ninh Công an thị xã Sa Pa", "Đội Cảnh sát hình sự Công an huyện Bát Xát"}}),
    ("police-team-of-no-police", "Năm 2022, Đội Cảnh sát hình sự đã phá 12 chuyên án.", None, "2022-12-01",
     {"agencies_exact": []}),
    ("post-giver-no-body", "Năm 2021, Thanh tra tỉnh Phú Yên được Tổng Thanh tra Chính phủ tặng Bằng khen; các đơn "
     "vị đăng ký Cờ thi đua của UBND tỉnh.", "https://baophuyen.vn/a", "2021-12-20",
     {"agencies_exact": ["Thanh tra tỉnh Phú Yên"]}),
    ("numbered-units-and-prison", "Khối gồm Trại giam Thủ Đức (Cục 10-Bộ Công an), Lữ đoàn 279, Sư đoàn 5 và Hải "
     "đoàn Biên phòng 28.", None, "2019-12-15",
     {"agencies": {"Trại giam Thủ Đức", "Cục 10 Bộ Công an", "Lữ đoàn 279", "Sư đoàn 5",
                   "Hải đoàn Biên phòng 28"}}),
    ("unit-of-a-ministry-department", "Dự lễ có đại diện Phòng Tổng hợp, Vụ Kế hoạch - Tài chính, Bộ Tư pháp.", None,
     "2021-03-01", {"agencies": {"Phòng Tổng hợp Vụ Kế hoạch - Tài chính Bộ Tư pháp",
                                 "Vụ Kế hoạch - Tài chính Bộ Tư pháp"}}),
    ("units-sharing-a-parent", "Dự có lãnh đạo Cục Cảnh sát giao thông và Văn phòng Bộ Công an; Vụ Pháp chế và Vụ "
     "Tổ chức cán bộ, Bộ Tư pháp; Cục Cảnh sát cơ động và Ban Tổ chức cán bộ Bộ Quốc phòng.", None, "2024-05-02",
     {"agencies_exact": ["Cục Cảnh sát giao thông Bộ Công an", "Văn phòng Bộ Công an", "Bộ Công an",
                         "Vụ Pháp chế Bộ Tư pháp", "Vụ Tổ chức cán bộ Bộ Tư pháp", "Bộ Tư pháp", "Bộ Quốc phòng"]}),
    ("office-in-a-post-is-no-body", "Ông Lê Văn Hải, Chánh Văn phòng Tòa án nhân dân tỉnh Quảng Ngãi phát biểu.", None,
     "2021-12-20", {"agencies_exact": ["Tòa án nhân dân tỉnh Quảng Ngãi"]}),
    ("same-body-of-several-provinces", "Sở Tư pháp tỉnh Bình Phước, Bình Dương và Tây Ninh được tặng Cờ thi đua; "
     "Thanh tra tỉnh Hà Giang và Tuyên Quang ký kết giao ước.", None, "2020-12-28",
     {"agencies_exact": ["Sở Tư pháp tỉnh Bình Phước", "Sở Tư pháp tỉnh Bình Dương", "Sở Tư pháp tỉnh Tây Ninh",
                         "Thanh tra tỉnh Hà Giang", "Thanh tra tỉnh Tuyên Quang"]}),
    ("dept-and-zone-abbreviations", "Khối gồm Sở GT-VT, Sở TN-MT và Ban Quản lý các KCN tỉnh.",
     "https://baodongnai.com.vn/a", "2023-02-10",
     {"agencies_exact": ["Sở Giao thông vận tải tỉnh Đồng Nai", "Sở Tài nguyên và Môi trường tỉnh Đồng Nai",
                         "Ban Quản lý các khu công nghiệp tỉnh Đồng Nai"]}),
    ("mass-organisation-bare", "Hội LHPN với chương trình Mẹ đỡ đầu nhận 85 trẻ; các cấp Hội Nông dân vận động "
     "hội viên; Hội Nông dân Việt Nam biểu dương 12 hộ; Hội Cựu chiến binh cơ quan giao lưu.",
     "https://baoninhbinh.org.vn/a", "2023-12-20",
     {"agencies_exact": ["Hội Liên hiệp Phụ nữ tỉnh Ninh Bình"]}),
    ("national-departments-alone-from-2025", "Cụm thi đua số 3 thuộc Cục Thuế gồm Thuế tỉnh Lạng Sơn và Thuế tỉnh Cao "
     "Bằng. Cụm bám sát chiến lược phát triển Kho bạc Nhà nước đến năm 2030.", None, "2025-11-20",
     {"agencies_exact": ["Cục Thuế", "Thuế tỉnh Lạng Sơn", "Thuế tỉnh Cao Bằng", "Kho bạc Nhà nước"]}),
    ("tax-department-alone-before-2025", "Năm 2022, Cục Thuế đã hướng dẫn các đơn vị.", None, "2022-06-01",
     {"agencies_exact": []}),
    ("treasury-sharing-a-place", "Khối gồm Kho bạc Nhà nước, Cục Thuế tỉnh và Cục Thống kê tỉnh.",
     "https://baoquangnam.vn/a", "2019-03-01",
     {"agencies_exact": ["Kho bạc Nhà nước tỉnh Quảng Nam", "Cục Thuế tỉnh Quảng Nam",
                         "Cục Thống kê tỉnh Quảng Nam"]}),
    ("national-unit-inside-a-shared-place", "Khối gồm: Công an, Trại giam Thanh Xuân, Tòa án nhân dân và Cơ quan Thi "
     "hành án dân sự tỉnh.", "https://baohanam.com.vn/a", "2025-04-10",
     {"agencies_exact": ["Công an tỉnh Hà Nam", "Trại giam Thanh Xuân", "Tòa án nhân dân tỉnh Hà Nam",
                         "Thi hành án dân sự tỉnh Hà Nam"]}),
    ("hue-city-from-the-year", "Khối thi đua các cơ quan Trung ương đóng trên địa bàn thành phố Huế ký kết giao ước "
     "thi đua năm 2025. Khối gồm Công an, Tòa án nhân dân thành phố.", None, None,
     {"agencies_exact": ["Công an thành phố Huế", "Tòa án nhân dân thành phố Huế"]}),
    ("bare-province-of-its-sentence", "Cụm thi đua số 2 gồm Thuế các tỉnh: Lạng Sơn, Cao Bằng và Bắc Kạn. Thuế tỉnh "
     "Cao Bằng đạt 120% dự toán HĐND tỉnh giao. Thuế tỉnh Bắc Kạn đạt 104% dự toán. Các đơn vị đều vượt dự toán "
     "Bộ Tài chính, UBND tỉnh giao.", None, "2025-12-30",
     {"agencies_exact": ["Thuế tỉnh Lạng Sơn", "Thuế tỉnh Cao Bằng", "Thuế tỉnh Bắc Kạn",
                         "Hội đồng nhân dân tỉnh Cao Bằng", "Bộ Tài chính"], "province": None}),
    ("associations-with-their-place", "Khối gồm: Hội Chữ thập đỏ tỉnh, Hội Người mù tỉnh và Liên hiệp các tổ chức hữu "
     "nghị tỉnh. Hội nghị tổng kết tỉnh diễn ra sáng nay.", "https://baobinhthuan.com.vn/a", "2021-01-12",
     {"agencies_exact": ["Hội Chữ thập đỏ tỉnh Bình Thuận", "Hội Người mù tỉnh Bình Thuận",
                         "Liên hiệp các tổ chức hữu nghị tỉnh Bình Thuận"]}),
    ("city-youth-union-and-party-bloc", "Cụm thi đua 4 gồm: Thành Đoàn, Đảng ủy Khối Dân - Chính - Đảng, Lực lượng "
     "Thanh niên xung phong TP và Khu Chế xuất – Khu Công nghiệp.", "https://tphcm.gov.vn/a", "2022-04-01",
     {"members": ["Thành đoàn thành phố Hồ Chí Minh", "Đảng ủy Khối Dân - Chính - Đảng thành phố Hồ Chí Minh",
                  "Lực lượng Thanh niên xung phong thành phố Hồ Chí Minh",
                  "Khu chế xuất - Khu công nghiệp thành phố Hồ Chí Minh"]}),
    ("numbered-unit-with-its-command", "Khối gồm Lữ đoàn 146, Bộ Tư lệnh Vùng 1 Hải quân và Trung đoàn 726.", None,
     "2022-02-01", {"agencies": {"Lữ đoàn 146 Bộ Tư lệnh Vùng 1 Hải quân", "Trung đoàn 726"}}),
    ("district-council-of-an-unnamed-district", "Cụm đề nghị Hội đồng thi đua, khen thưởng Huyện xét tặng cờ cho xã "
     "Tân Lập.", "https://dongthap.gov.vn/a", "2020-11-27",
     {"agencies": {"Hội đồng Thi đua - Khen thưởng huyện"}}),
    ("office-of-a-provincial-body", "Đề nghị tặng Cờ thi đua cho Văn phòng VKSND tỉnh.\n\nTin, ảnh: Văn phòng Thanh "
     "tra tỉnh", "https://baophuyen.vn/a", "2021-12-20",
     {"agencies_exact": ["Văn phòng Viện Kiểm sát nhân dân tỉnh Phú Yên", "Viện Kiểm sát nhân dân tỉnh Phú Yên"]}),
    ("office-byline-last-line", "Năm 2016, Thanh tra tỉnh Thái Bình hoàn thành 25 cuộc thanh tra.\n\nVăn phòng "
     "Sở Tư pháp\n", None, "2016-12-20", {"agencies_exact": ["Thanh tra tỉnh Thái Bình"]}),
    # --- round 6: spacing, wraps, abbreviated lists ------------------------------------------
    ("doubled-space-and-wrapped-head", "Đoàn gồm Tòa án  nhân dân tối cao, Ban Quản lý Lăng Chủ tịch Hồ Chí Minh và "
     "Văn phòng Đoàn Đại  biểu Quốc hội tỉnh Hà Nam. Đề nghị khen Ủy ban MTTQ Việt\nNam huyện Kim Bảng.", None,
     "2019-10-02",
     {"agencies": {"Tòa án nhân dân tối cao", "Ban Quản lý Lăng Chủ tịch Hồ Chí Minh",
                   "Văn phòng Đoàn Đại biểu Quốc hội tỉnh Hà Nam",
                   "Ủy ban Mặt trận Tổ quốc Việt Nam huyện Kim Bảng"}}),
    ("lower-case-board-and-bank-supervisor", "Dự có đại diện Ban Thi đua khen thưởng tỉnh và Cơ quan thanh tra, "
     "giám sát Ngân hàng.", "https://baophutho.vn/a", "2018-05-03",
     {"agencies_exact": ["Ban Thi đua - Khen thưởng tỉnh Phú Thọ", "Cơ quan Thanh tra, giám sát ngân hàng"]}),
    ("a-bodys-own-council", "Các thành viên Hội đồng Thi đua – Khen thưởng Tòa án nhân dân tỉnh Hậu Giang dự họp.",
     None, "2021-06-01",
     {"agencies_exact": ["Hội đồng Thi đua - Khen thưởng Tòa án nhân dân tỉnh Hậu Giang",
                         "Tòa án nhân dân tỉnh Hậu Giang"]}),
    ("districts-sharing-one-head", "Cụm gồm Công an Quận 5, 8, Bình Thạnh và UBND huyện Nhà Bè, Cần Giờ.", None,
     "2021-03-01",
     {"agencies": {"Công an quận 5", "Công an quận 8", "Công an quận Bình Thạnh", "Ủy ban nhân dân huyện Nhà Bè",
                   "Ủy ban nhân dân huyện Cần Giờ"}}),
    ("district-list-after-a-colon", "Tặng bằng khen cho UBMTTQVN các huyện: Đô Lương, Nam Đàn.", None, "2022-12-01",
     {"agencies": {"Ủy ban Mặt trận Tổ quốc Việt Nam huyện Đô Lương",
                   "Ủy ban Mặt trận Tổ quốc Việt Nam huyện Nam Đàn"}}),
    ("inspectorates-of-the-listed-bodies", "Cụm gồm Thanh tra các đơn vị: Sở Y tế, Sở Xây dựng, Ban dân tộc. Sở Tư "
     "pháp chủ trì.", "https://baoquangtri.vn/a", "2022-01-05",
     {"agencies_exact": ["Thanh tra Sở Y tế tỉnh Quảng Trị", "Thanh tra Sở Xây dựng tỉnh Quảng Trị",
                         "Thanh tra Ban Dân tộc tỉnh Quảng Trị", "Sở Tư pháp tỉnh Quảng Trị"]}),
    ("commune-military-command-is-a-ban", "Ban CHQS xã Tân Lập và Bộ Chỉ huy Quân sự phường Quyết Thắng được khen; "
     "Ban Chỉ huy Quân sự tỉnh Lai Châu chủ trì.", None, "2025-12-01",
     {"agencies_exact": ["Ban Chỉ huy Quân sự xã Tân Lập", "Ban Chỉ huy Quân sự phường Quyết Thắng",
                         "Bộ Chỉ huy Quân sự tỉnh Lai Châu"]}),
    ("associations-written-alone", "Hội Luật gia nhận Cờ thi đua; Hội Cựu thanh niên xung phong và Liên hiệp các Hội "
     "khoa học kỹ thuật tỉnh nhận Bằng khen. Hội Nhà báo Việt Nam chúc mừng.", "https://baophutho.vn/a",
     "2021-01-20",
     {"agencies_exact": ["Hội Luật gia tỉnh Phú Thọ", "Hội Cựu thanh niên xung phong tỉnh Phú Thọ",
                         "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Phú Thọ"]}),
    ("provincial-paper-leads-a-bloc", "(Báo Hà Tĩnh) - Khối 5 do Báo Hà Tĩnh làm Trưởng khối gồm Sở Y tế. Phó Tổng "
     "Biên tập Báo Nghệ An dự.", None, "2020-11-30",
     {"agencies_exact": ["Sở Y tế tỉnh Hà Tĩnh", "Báo Hà Tĩnh"]}),
    ("abbreviated-bank-branches", "Khối ngân hàng gồm: CN Ngân hàng Nhà nước, CN NH NN&PTNT, CN NH Agribank Bắc "
     "Nghệ An, CN NH CSXH tỉnh và Quỹ Đầu tư phát triển tỉnh.", "https://baonghean.vn/a", "2020-03-01",
     {"agencies": {"Ngân hàng Nhà nước Chi nhánh tỉnh Nghệ An",
                   "Ngân hàng Nông nghiệp và Phát triển Nông thôn Chi nhánh tỉnh Nghệ An",
                   "Ngân hàng Agribank Chi nhánh Bắc Nghệ An", "Ngân hàng Chính sách xã hội Chi nhánh tỉnh Nghệ An",
                   "Quỹ Đầu tư phát triển tỉnh Nghệ An"}}),
    ("wrapped-unit-of-a-department", "Tặng cờ cho Chi cục Kiểm\nlâm thuộc Sở Nông nghiệp và Phát triển nông thôn "
     "tỉnh Bình Định; Phòng Tài nguyên và Môi\ntrường huyện Hoài Ân.", None, "2021-02-01",
     {"agencies": {"Chi cục Kiểm lâm Sở Nông nghiệp và Phát triển nông thôn tỉnh Bình Định",
                   "Phòng Tài nguyên và Môi trường huyện Hoài Ân"}}),
    ("district-party-office-as-a-member", "Khối 02 huyện Đông Giang gồm: Văn phòng Huyện ủy Đông Giang, Văn phòng "
     "HĐND và UBND huyện Đông Giang.", "https://quangnam.gov.vn/a", "2022-12-01",
     {"members": ["Văn phòng Huyện ủy Đông Giang",
                  "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện Đông Giang"]}),
    ("no-document-from-ratios", "Tổng số 15/20 đơn vị đạt danh hiệu; 7/7 chỉ tiêu hoàn thành.", None, "2022-08-02",
     {"doc_numbers": []}),
]


@pytest.mark.parametrize("name, text, url, published, expected", CASES, ids=[c[0] for c in CASES])
def test_heldout(name, text, url, published, expected):
    assert_expected(extract_text(text, url=url, published=published), expected, {**DOC_CHECKS, **CHECKS},
                    subsets=("agencies", "documents"))


def test_enough_cases():
    assert len(CASES) >= 30
