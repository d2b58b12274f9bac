"""Held-out meetings, dates and figures: written forms the dev set does not use.

Each case is set in provinces, years and agencies outside the dev set and asserts the facts a
careful annotator following ANNOTATION.md would record: the meetings' (kind, date), their
location, bloc and period, and the figures' (value, unit). `(name, text, url, published,
expected)`, with `expected` keyed by the check names of test_phrasings.CHECKS plus `periods`.
"""
from __future__ import annotations

import pytest
from test_phrasings import CHECKS

from thidua.extract import extract_text

CHECKS = {**CHECKS, "periods": lambda o: {(m["kind"], m["period"]) for m in o["meetings"]}}

CASES = [
    # --- how the day is written ------------------------------------------------------------
    ("wordy-date-chieu-ngay", "Chiều ngày 20 tháng 6 năm 2024, Khối thi đua các cơ quan Nội chính tỉnh Quảng "
     "Bình tổ chức hội nghị sơ kết 6 tháng đầu năm 2024.", None, "2024-06-21",
     {"meetings": {("so_ket", "2024-06-20")}, "periods": {("so_ket", "6 tháng đầu năm 2024")}}),
    ("sang-dash-no-year-truso", "Sáng 15-12, tại trụ sở Công an tỉnh Gia Lai, Khối thi đua Nội chính tỉnh tổ "
     "chức Hội nghị tổng kết công tác thi đua năm 2022.", "https://baogialai.com.vn/a", "2022-12-16",
     {"meetings": {("tong_ket", "2022-12-15")}, "locations": {"Trụ sở Công an tỉnh Gia Lai"}}),
    ("dotted-full-date", "Ngày 14.12.2023, Cụm thi đua số 2 tổ chức hội nghị tổng kết công tác thi đua năm "
     "2023 tại thành phố Thái Bình.", None, "2023-12-15",
     {"meetings": {("tong_ket", "2023-12-14")}, "locations": {"Thành phố Thái Bình"}}),
    ("sang-nay-bracket", "Sáng nay (20/12), Khối thi đua các cơ quan Nội chính tỉnh Ninh Thuận tổ chức hội "
     "nghị tổng kết phong trào thi đua năm 2022.", None, "2022-12-20",
     {"meetings": {("tong_ket", "2022-12-20")}}),
    ("weekday-bracket", "Sáng thứ Sáu (15/12), Khối thi đua Nội chính tỉnh Long An tổ chức hội nghị tổng kết "
     "năm 2023.", None, "2023-12-16", {"meetings": {("tong_ket", "2023-12-15")}}),
    ("hom-qua-ngay-bracket", "Hôm qua (ngày 5/7), Cụm thi đua số I tổ chức hội nghị sơ kết 6 tháng đầu năm "
     "2023 theo hình thức trực tuyến.", None, "2023-07-06", {"meetings": {("so_ket", "2023-07-05")}}),
    ("two-days-va", "Ngày 19 và 20/12/2022, Cụm thi đua số VIII tổ chức hội nghị tổng kết công tác thi đua "
     "năm 2022 tại tỉnh Cà Mau.", None, "2022-12-21", {"meetings": {("tong_ket", "2022-12-19")}}),
    ("two-days-tu-den", "Từ ngày 18 đến 20/12/2023, Cụm thi đua số 1 tổ chức hội nghị tổng kết tại tỉnh "
     "Quảng Ninh.", None, "2023-12-21", {"meetings": {("tong_ket", "2023-12-18")}}),
    ("two-days-trong-2-ngay", "Trong 2 ngày 14 và 15/12, Cụm thi đua số 1 tổ chức hội nghị tổng kết năm "
     "2023.", None, "2023-12-16", {"meetings": {("tong_ket", "2023-12-14")}, "figures": set()}),
    ("report-period-not-meeting-day", "Từ ngày 01/12/2022 đến ngày 30/11/2023, Thanh tra tỉnh Bình Định "
     "tiếp 1.250 lượt công dân.", None, "2023-12-05",
     {"meetings": set(), "figures": {(1250, "lượt công dân")}}),
    ("january-review-no-published", "Ngày 12/1, Khối thi đua các cơ quan Nội chính tỉnh Thanh Hóa tổ chức "
     "hội nghị tổng kết công tác thi đua, khen thưởng năm 2023.", None, None,
     {"meetings": {("tong_ket", "2024-01-12")}, "periods": {("tong_ket", "năm 2023")}}),
    ("december-day-january-article", "Ngày 28/12, Khối thi đua Nội chính tỉnh Hưng Yên tổng kết công tác "
     "thi đua năm 2023.", None, "2024-01-02", {"meetings": {("tong_ket", "2023-12-28")}}),
    ("document-date-with-slash-number", "Thực hiện Hướng dẫn số 45/HD-TĐKT ngày 10/11/2023 của Ban Thi đua - "
     "Khen thưởng tỉnh, ngày 28/12/2023, Khối thi đua Nội chính tỉnh Lạng Sơn tổ chức hội nghị tổng kết năm "
     "2023.", None, "2023-12-29", {"meetings": {("tong_ket", "2023-12-28")}}),
    ("caps-body-sentence", "NGÀY 14/12/2023, CỤM THI ĐUA SỐ 2 TỔ CHỨC HỘI NGHỊ TỔNG KẾT NĂM 2023.", None,
     "2023-12-15", {"meetings": {("tong_ket", "2023-12-14")}}),
    ("caps-headline-gives-kind", "KHỐI THI ĐUA NỘI CHÍNH TỈNH NGHỆ AN TỔNG KẾT CÔNG TÁC THI ĐUA NĂM 2023\n\n"
     "Sáng 5/1/2024, tại Hội trường Công an tỉnh, Khối thi đua Nội chính tỉnh Nghệ An tổ chức Hội nghị.",
     None, "2024-01-06",
     {"meetings": {("tong_ket", "2024-01-05")}, "periods": {("tong_ket", "năm 2023")},
      "locations": {"Hội trường Công an tỉnh"}}),

    ("planned-date-stays-this-year", "Dự kiến ngày 15/12, Khối thi đua Nội chính tỉnh Bình Dương sẽ tổ chức "
     "hội nghị tổng kết năm 2024.", None, "2024-09-01", {"meetings": {("tong_ket", "2024-12-15")}}),
    ("two-dates-two-events", "Năm 2022, Cụm đã tổ chức thành công Hội nghị ký kết giao ước thi đua (ngày "
     "15/3/2022) và Hội nghị sơ kết 6 tháng đầu năm (ngày 20/7/2022).", None, "2022-12-20",
     {"meetings": {("ky_giao_uoc", "2022-03-15"), ("so_ket", "2022-07-20")}}),

    # --- what period a review covers ---------------------------------------------------------
    ("period-nine-months", "Ngày 5/10/2023, Cụm thi đua số 3 tổ chức hội nghị sơ kết công tác thi đua 9 tháng "
     "năm 2023.", None, "2023-10-06", {"periods": {("so_ket", "9 tháng năm 2023")}, "figures": set()}),
    ("period-quarter", "Ngày 10/4/2024, Khối thi đua Nội chính tỉnh Cao Bằng tổ chức sơ kết quý I năm 2024.",
     None, "2024-04-11", {"meetings": {("so_ket", "2024-04-10")}, "periods": {("so_ket", "quý I năm 2024")}}),
    ("period-school-year", "Ngày 15/8/2024, Cụm thi đua các trường THPT tổ chức hội nghị tổng kết năm học "
     "2023-2024.", None, "2024-08-16", {"periods": {("tong_ket", "năm học 2023-2024")}}),
    ("period-five-years", "Ngày 20/12/2025, Khối thi đua Nội chính tỉnh Lai Châu tổ chức hội nghị tổng kết "
     "phong trào thi đua giai đoạn 2021-2025.", None, "2025-12-21",
     {"periods": {("tong_ket", "giai đoạn 2021-2025")}, "figures": set()}),

    # --- where -------------------------------------------------------------------------------
    ("location-ends-before-vao", "Khối thi đua các cơ quan Nội chính tỉnh Quảng Ngãi tổ chức Hội nghị tổng kết "
     "công tác thi đua năm 2023 tại Hội trường Tòa án nhân dân tỉnh vào chiều 20/12.", None, "2023-12-21",
     {"meetings": {("tong_ket", "2023-12-20")}, "locations": {"Hội trường Tòa án nhân dân tỉnh"}}),
    ("location-tp-abbreviation", "Ngày 16-12-2023, Cụm thi đua số VI (gồm 8 tỉnh) tổ chức tổng kết tại TP. "
     "Phan Thiết.", None, "2023-12-17",
     {"meetings": {("tong_ket", "2023-12-16")}, "locations": {"Thành phố Phan Thiết"}, "figures": {(8, "tỉnh")}}),
    ("location-tp-inside-hall", "Ngày 10/3/2024, tại Hội trường UBND TP. Vinh, Cụm thi đua số 4 tổ chức ký kết "
     "giao ước thi đua năm 2024.", None, "2024-03-11",
     {"meetings": {("ky_giao_uoc", "2024-03-10")}, "locations": {"Hội trường UBND thành phố Vinh"}}),

    # --- combined and follow-up events -----------------------------------------------------
    ("review-and-pledge-2025", "HỘI NGHỊ TỔNG KẾT CÔNG TÁC THI ĐUA NĂM 2024 VÀ KÝ KẾT GIAO ƯỚC THI ĐUA NĂM "
     "2025\n\nSáng ngày 09/01/2025, Khối thi đua các cơ quan Nội chính tỉnh Tuyên Quang tổ chức Hội nghị tổng "
     "kết công tác thi đua, khen thưởng năm 2024 và ký kết giao ước thi đua năm 2025.", None, "2025-01-10",
     {"meetings": {("tong_ket", "2025-01-09"), ("ky_giao_uoc", "2025-01-09")},
      "periods": {("tong_ket", "năm 2024"), ("ky_giao_uoc", "năm 2025")}}),
    ("review-comma-pledge-long-hall", "Sáng ngày 26/12/2022, tại Hội trường Cục Thi hành án dân sự tỉnh Bình "
     "Phước, Khối thi đua các cơ quan Nội chính tỉnh tổ chức Hội nghị tổng kết công tác thi đua năm 2022, ký "
     "kết giao ước thi đua năm 2023.", "https://binhphuoc.gov.vn/a", "2022-12-27",
     {"meetings": {("tong_ket", "2022-12-26"), ("ky_giao_uoc", "2022-12-26")},
      "locations": {"Hội trường Cục Thi hành án dân sự tỉnh Bình Phước"}}),
    ("review-then-dong-thoi-pledge", "Chiều 18/12, Cụm thi đua các tỉnh Tây Nam Bộ tổ chức hội nghị tổng kết; "
     "đồng thời ký kết giao ước thi đua năm 2024.", None, "2023-12-19",
     {"meetings": {("tong_ket", "2023-12-18"), ("ky_giao_uoc", "2023-12-18")},
      "periods": {("tong_ket", None), ("ky_giao_uoc", "năm 2024")}}),
    ("tai-hoi-nghi-pledge", "Ngày 18/12/2023, Cụm thi đua số V tổ chức hội nghị tổng kết. Tại hội nghị, các "
     "đơn vị đã ký kết giao ước thi đua năm 2024.", None, "2023-12-19",
     {"meetings": {("tong_ket", "2023-12-18"), ("ky_giao_uoc", "2023-12-18")}}),
    ("tai-hoi-nghi-vote-not-meeting", "Ngày 12/12/2023, Khối thi đua Nội chính tỉnh Yên Bái tổ chức hội nghị "
     "tổng kết năm 2023.\n\nTại hội nghị, Khối đã bình xét, suy tôn Công an tỉnh là đơn vị dẫn đầu.", None,
     "2023-12-13", {"meetings": {("tong_ket", "2023-12-12")}}),
    ("cung-ngay-pledge", "Ngày 8/12/2023, Cụm thi đua số 4 tổ chức hội nghị tổng kết công tác thi đua năm "
     "2023. Cùng ngày, Cụm tổ chức ký kết giao ước thi đua năm 2024.", None, "2023-12-09",
     {"meetings": {("tong_ket", "2023-12-08"), ("ky_giao_uoc", "2023-12-08")}}),
    ("launch-and-pledge-one-event", "Sáng 21/3, tại Trung tâm Hội nghị tỉnh, Khối thi đua các cơ quan Nội chính "
     "tỉnh Hà Nam đã tổ chức Lễ phát động phong trào thi đua và ký kết giao ước thi đua năm 2024.", None,
     "2024-03-22", {"meetings": {("ky_giao_uoc", "2024-03-21")}, "locations": {"Trung tâm Hội nghị tỉnh"}}),
    ("online-review", "Ngày 27/6/2023, Cụm thi đua số III - Thanh tra các tỉnh miền núi phía Bắc tổ chức hội "
     "nghị trực tuyến sơ kết công tác thi đua 6 tháng đầu năm 2023.", None, "2023-06-28",
     {"meetings": {("so_ket", "2023-06-27")}, "meeting_blocs": {("so_ket", "Cụm thi đua số III")}}),
    ("online-review-diem-cau", "Ngày 2/2/2024, Cụm thi đua số 6 tổ chức Hội nghị trực tuyến tổng kết công tác "
     "năm 2023, phương hướng nhiệm vụ năm 2024 với 15 điểm cầu.", None, "2024-02-03",
     {"meetings": {("tong_ket", "2024-02-02")}, "figures": {(15, "điểm cầu")}}),

    # --- other events -----------------------------------------------------------------------
    ("other-chuyen-de-quoted", "Ngày 17/11/2023, Khối thi đua Nội chính tỉnh Trà Vinh tổ chức Hội nghị chuyên "
     "đề “Xây dựng, nhân rộng điển hình tiên tiến”.", None, "2023-11-18",
     {"meetings": {("other", "2023-11-17")}}),
    ("other-tap-huan", "Ngày 28/7/2023, Cụm thi đua số 4 tổ chức Hội nghị tập huấn nghiệp vụ công tác thi đua, "
     "khen thưởng.", None, "2023-07-29", {"meetings": {("other", "2023-07-28")}}),
    ("other-dai-hoi-thi-dua", "Ngày 15/5/2023, Công an tỉnh Hậu Giang tổ chức Đại hội thi đua \"Vì an ninh Tổ "
     "quốc\" lần thứ VI.", None, "2023-05-16", {"meetings": {("other", "2023-05-15")}, "figures": set()}),

    # --- figures ----------------------------------------------------------------------------
    ("fig-inspection-year", "Năm 2023, Thanh tra tỉnh Quảng Nam đã triển khai 215 cuộc thanh tra hành chính, "
     "phát hiện sai phạm về kinh tế hơn 125,4 tỷ đồng và 12.450 m2 đất; kiến nghị thu hồi 98,7 tỷ đồng.",
     None, None,
     {"figures": {(215, "cuộc thanh tra hành chính"), (125400000000, "đồng"), (12450, "m2 đất"),
                  (98700000000, "đồng")}}),
    ("fig-citizens-petitions", "Toàn ngành đã tiếp 1.250 lượt công dân với 1.080 vụ việc; tiếp nhận 3.412 đơn "
     "thư, đạt tỷ lệ 96,5%.", None, None,
     {"figures": {(1250, "lượt công dân"), (1080, "vụ việc"), (3412, "đơn thư"), (96.5, "%")}}),
    ("fig-fraction-list-unit", "Kết quả giải quyết 245/268 vụ việc khiếu nại, tố cáo thuộc thẩm quyền, đạt "
     "91,4%.", None, None, {"figures": {(245, "vụ việc khiếu nại, tố cáo"), (91.4, "%")}}),
    ("fig-fraction-thousands", "Kết quả, toàn tỉnh có 1.234/1.300 hồ sơ được giải quyết đúng hạn, đạt 94,9%; "
     "tổng số tiền thu hồi gần 2,3 tỉ đồng.", None, None,
     {"figures": {(1234, "hồ sơ"), (94.9, "%"), (2300000000, "đồng")}}),
    ("fig-fraction-money", "Sau thanh tra đã thu hồi được 4,2/5,6 tỷ đồng, đạt 75%.", None, None,
     {"figures": {(4200000000, "đồng"), (75, "%")}}),
    ("fig-court-vu-viec", "Tòa án nhân dân hai cấp đã thụ lý 5.432 vụ, việc các loại; đã giải quyết 5.120 vụ, "
     "việc, đạt tỷ lệ 94,25%.", None, None,
     {"figures": {(5432, "vụ, việc"), (5120, "vụ, việc"), (94.25, "%")}}),
    ("fig-procuracy-bi-can", "Viện KSND tỉnh đã thụ lý kiểm sát 1.045 vụ/2.130 bị can.", None, None,
     {"figures": {(1045, "vụ"), (2130, "bị can")}}),
    ("fig-english-decimal", "Số tiền kiến nghị thu hồi là 15.6 tỷ đồng, bằng 88.1% tổng số sai phạm.", None,
     None, {"figures": {(15600000000, "đồng"), (88.1, "%")}}),
    ("fig-count-then-verb", "Ngày 20/6/2024, Cụm thi đua số 5 gồm 6 tỉnh tổ chức hội nghị sơ kết. Tổng số 7/7 "
     "đơn vị hoàn thành chỉ tiêu.", None, "2024-06-21",
     {"meetings": {("so_ket", "2024-06-20")}, "figures": {(6, "tỉnh"), (7, "đơn vị")}}),
    ("fig-police-list", "Tăng 15 vụ so với cùng kỳ năm 2022; có 320 cán bộ, chiến sĩ tham gia.", None, None,
     {"figures": {(15, "vụ"), (320, "cán bộ, chiến sĩ")}}),
    ("fig-six-syllable-unit", "Năm 2024, ngành Tư pháp thẩm định 152 văn bản quy phạm pháp luật, chứng thực "
     "45.678 bản sao.", None, None,
     {"figures": {(152, "văn bản quy phạm pháp luật"), (45678, "bản sao")}}),
    ("fig-money-forms", "Thu hồi 1 tỷ 250 triệu đồng; nộp ngân sách 356.789.000 đồng; phạt 25.000.000 VNĐ; "
     "khoảng 12.500 triệu đồng.", None, None,
     {"figures": {(1250000000, "đồng"), (356789000, "đồng"), (25000000, "đồng"), (12500000000, "đồng")}}),
    ("fig-land-and-percent", "Tỷ lệ giải quyết đạt trên 90%; thu hồi 7,5 ha và 2.500 m² đất; tăng 0,5%.", None,
     None, {"figures": {(90, "%"), (7.5, "ha"), (2500, "m² đất"), (0.5, "%")}}),
    ("fig-thousand-billion", "Tổng vốn đầu tư hơn 2,5 nghìn tỷ đồng; thu ngân sách đạt 38,2 ngàn tỷ.", None,
     None, {"figures": {(2500000000000, "đồng"), (38200000000000, "đồng")}}),
    ("fig-inspectorate-year-article", "Thanh tra tỉnh Quảng Trị tổng kết công tác năm 2023\nCập nhật: 10-01-2024 "
     "| 15:20:11\nSáng ngày 09/01/2024, Thanh tra tỉnh Quảng Trị tổ chức Hội nghị tổng kết công tác thanh tra năm "
     "2023. Toàn tỉnh đã tiếp 2.145 lượt với 2.530 người, 1.987 vụ việc; 48 đoàn đông người; chuyển cơ quan điều "
     "tra 02 vụ việc.\nSố lượt xem: 1.245\n", "https://thanhtra.quangtri.gov.vn/a", None,
     {"meetings": {("tong_ket", "2024-01-09")},
      "figures": {(2145, "lượt"), (2530, "người"), (1987, "vụ việc"), (48, "đoàn đông người"), (2, "vụ việc")}}),
    ("fig-not-numbers", "Giai đoạn 2021-2025, theo Quyết định số 1234/QĐ-UBND, Chỉ thị 05-CT/TW, kỷ niệm 78 "
     "năm, khoản 2 Điều 5, lần thứ 3.", None, None, {"figures": set()}),
    # --- round 4 (ob): anniversaries, relative days, launches at a review, counted events -------
    ("anniversary-span-not-date", "Trong 2 ngày 14 và 15/10, Khối thi đua các cơ quan Văn hóa - Xã hội tỉnh "
     "Hà Nam tổ chức Hội thao chào mừng kỷ niệm 93 năm Ngày thành lập Hội Liên hiệp Phụ nữ Việt Nam "
     "(20/10/1930 - 20/10/2023).", None, "2023-10-16", {"meetings": {("other", "2023-10-14")}}),
    ("anniversary-span-dash-dates", "Sáng 25-7, nhân kỷ niệm 76 năm Ngày Thương binh - Liệt sĩ (27-7-1947 - "
     "27-7-2023), Khối thi đua Mặt trận và các đoàn thể tỉnh Ninh Bình tổ chức lễ dâng hương.", None,
     "2023-07-26", {"meetings": {("other", "2023-07-25")}}),
    ("relative-day-sang-nay", "Sáng nay, Khối thi đua các doanh nghiệp tỉnh Bình Phước tổ chức hội nghị tổng "
     "kết công tác thi đua năm 2022.", None, "2022-12-23", {"meetings": {("tong_ket", "2022-12-23")}}),
    ("relative-day-hom-qua", "Hôm qua, Cụm thi đua các huyện miền núi tỉnh Quảng Nam tổ chức hội nghị ký kết "
     "giao ước thi đua năm 2021.", None, "2021-03-10", {"meetings": {("ky_giao_uoc", "2021-03-09")}}),
    ("relative-day-no-published", "Chiều nay, Khối thi đua các ngân hàng tỉnh Trà Vinh tổ chức hội nghị sơ kết "
     "6 tháng đầu năm 2020.", None, None, {"meetings": {("so_ket", None)}}),
    ("launch-at-review-dip-nay", "Ngày 8/1/2020, Sở Y tế tỉnh Hòa Bình tổ chức hội nghị tổng kết công tác năm "
     "2019. Dịp này, Giám đốc Sở trao Giấy khen cho 12 tập thể; Sở Y tế phát động phong trào thi đua năm 2020.",
     None, None, {"meetings": {("tong_ket", "2020-01-08"), ("phat_dong", "2020-01-08")}}),
    ("launch-spoken-of-at-review", "Ngày 20/12/2022, Khối thi đua các cơ quan Đảng tỉnh Sơn La tổng kết năm "
     "2022. Tại hội nghị, các đơn vị hưởng ứng phong trào thi đua do Tỉnh ủy phát động.", None, None,
     {"meetings": {("tong_ket", "2022-12-20")}}),
    ("launch-with-pledge-one-event", "Ngày 3/3/2021, Cụm thi đua các huyện tỉnh Hà Giang tổ chức hội nghị ký kết "
     "giao ước thi đua năm 2021. Dịp này, Cụm trưởng phát động phong trào thi đua năm 2021.", None, None,
     {"meetings": {("ky_giao_uoc", "2021-03-03")}}),
    ("counted-events-summary", "Năm 2023, các Cụm đã tổ chức 36 cuộc hội nghị, hội thảo, giao lưu; 100% Cụm "
     "ký kết giao ước thi đua.", None, "2024-01-05", {"meetings": {("ky_giao_uoc", None)}}),
    ("fig-function-word-nouns", "Các đơn vị hoàn thành 15/15 chỉ tiêu thi đua; ban hành 6 chỉ thị; tặng 40 suất "
     "quà trị giá 1 triệu đồng/suất.", None, None,
     {"figures": {(15, "chỉ tiêu thi đua"), (6, "chỉ thị"), (40, "suất quà"), (1000000, "đồng")}}),
    ("fig-capital-bodies", "Năm 2022, tỉnh có 12 Khối thi đua và 4 Cụm thi đua; Cục và 7 Chi cục được kiểm "
     "tra; triệt phá 58 băng, nhóm tội phạm.", None, None,
     {"figures": {(12, "Khối thi đua"), (4, "Cụm thi đua"), (7, "Chi cục"), (58, "băng, nhóm tội phạm")}}),
    ("fig-man-days", "Bộ Chỉ huy Quân sự tỉnh Sóc Trăng huy động 850 ngày công giúp dân sửa 12 căn nhà; Công an "
     "tỉnh đóng góp 240 giờ công.", None, None,
     {"figures": {(850, "ngày công"), (12, "căn nhà"), (240, "giờ công")}}),
    ("registered-pledge-is-no-signing", "Năm 2022, các đơn vị trong Khối thi đua các cơ quan Nội chính tỉnh Phú "
     "Yên hoàn thành các chỉ tiêu theo bản đăng ký giao ước thi đua.", None, "2022-12-20",
     {"meetings": set()}),
    ("signing-still-a-signing", "Ngày 2/3/2022, Khối thi đua các cơ quan Nội chính tỉnh Phú Yên tổ chức ký kết "
     "giao ước thi đua năm 2022.", None, None, {"meetings": {("ky_giao_uoc", "2022-03-02")}}),
    ("signing-and-launch-capitalised", "Sáng ngày 3 tháng 3 năm 2022, tại Công an tỉnh Hậu Giang, Khối thi đua "
     "số 2 đã tổ chức Lễ Ký kết giao ước và Phát động phong trào thi đua năm 2022.", None, None,
     {"meetings": {("ky_giao_uoc", "2022-03-03")}}),
    ("launch-made-by-others", "Ngày 20-12, tại hội nghị tổng kết năm 2022, Khối thi đua các hội đặc thù tỉnh "
     "Hậu Giang cho biết các đơn vị hưởng ứng các cuộc vận động do Trung ương và tỉnh phát động.", None, None,
     {"meetings": {("tong_ket", "2022-12-20")}}),
    ("hosted-bloc-games", "Cũng nhân dịp này, Bảo hiểm xã hội tỉnh Hậu Giang đã đăng cai tổ chức Hội thao Cụm thi "
     "đua số 9 năm 2023 với 120 vận động viên.", None, "2023-08-02", {"meetings": {("other", None)}}),
    ("headline-review-undated", "Cụm thi đua số 3 Kho bạc Nhà nước sơ kết công tác thi đua 6 tháng đầu năm\n\n"
     "Quang cảnh hội nghị.\n\nSáu tháng đầu năm, các đơn vị trong Cụm tập trung thực hiện nhiệm vụ chuyên môn.",
     None, "2023-07-10", {"meetings": {("so_ket", None)}}),
    ("headline-review-without-conference", "Cụm thi đua số 3 Kho bạc Nhà nước sơ kết công tác thi đua\n\n"
     "Sáu tháng đầu năm, các đơn vị trong Cụm tập trung thực hiện nhiệm vụ chuyên môn.", None, "2023-07-10",
     {"meetings": set()}),
    ("fig-sector-bodies-counted", "Cụm thi đua số 2 thuộc Cục Thuế gồm 5 Thuế tỉnh: Nghệ An, Hà Tĩnh, Quảng Bình, "
     "Quảng Trị, Thanh Hóa; Cụm thi đua số 7 gồm 6 Kho bạc Nhà nước khu vực.", None, None,
     {"figures": {(5, "Thuế tỉnh"), (6, "Kho bạc Nhà nước khu vực")}}),
    ("fig-number-in-bloc-name", "Khối thi đua các cơ quan Trung ương 2 đóng trên địa bàn tỉnh Nghệ An tổ chức hội "
     "nghị; Khối có 9 đơn vị và tặng 3 Bằng khen.", None, None,
     {"figures": {(9, "đơn vị"), (3, "Bằng khen")}}),
    ("document-date-after-comma", "Sáng 12-3, Khối thi đua các cơ quan Đảng tỉnh Tiền Giang ký kết giao ước thi đua "
     "năm 2021, với nội dung thực hiện Chỉ thị số 34-CT/TW, ngày 7-4-2014 của Bộ Chính trị.", None, "2021-03-12",
     {"meetings": {("ky_giao_uoc", "2021-03-12")}}),
    ("launch-sign-pledge-commas", "Chiều ngày 15/01/2025, Cụm thi đua số 2 tổ chức Hội nghị phát động, ký kết, giao "
     "ước thi đua năm 2025.", None, None, {"meetings": {("ky_giao_uoc", "2025-01-15")}}),
    # --- a review reported by its outcome (`Qua buổi tổng kết …`, `Qua sơ kết, …`) -------------
    ("review-by-outcome", "Qua buổi tổng kết Cụm thi đua số 3, các thành viên thống nhất chọn 2 tập thể đề nghị Thanh tra "
     "tỉnh Hậu Giang khen thưởng.", None, "2023-12-28", {"meetings": {("tong_ket", None)}}),
    ("mid-year-review-by-outcome", "Qua sơ kết, Khối thi đua các cơ quan Đảng tỉnh Đồng Tháp thống nhất các nhiệm vụ 6 tháng cuối năm.",
     None, "2022-07-10", {"meetings": {("so_ket", None)}}),
    # --- a dated inspection visit by a bloc's team is an event (`other`) -----------------------
    ("inspection-visit", "Ngày 12/11/2019, Đoàn kiểm tra của Khối thi đua các cơ quan Trung ương đã tiến hành kiểm tra công tác "
     "thi đua, khen thưởng tại Cục Thi hành án dân sự tỉnh Gia Lai.", None, None, {"meetings": {("other", "2019-11-12")}}),
    ("neg-inspection-undated", "Đoàn kiểm tra của Khối thi đua các cơ quan Trung ương đã tiến hành kiểm tra nhiều đơn vị trong năm.",
     None, "2019-12-20", {"meetings": set()}),
    # --- numbers of plenums and terms are not figures; a list of state bodies is one unit ------
    ("fig-plenum-ordinal", "Các đơn vị thực hiện Nghị quyết Trung ương 8 khóa XIII và tặng 6 Bằng khen.", None, None,
     {"figures": {(6, "Bằng khen")}}),
    ("fig-bodies-list-unit", "Đoàn gồm thành viên của 12 sở, ban, ngành tỉnh Hà Nam.", None, None,
     {"figures": {(12, "sở, ban, ngành")}}),
    ("fig-bloc-number-with-district", "Văn phòng HĐND và UBND huyện Mường Nhé dẫn đầu Khối 02 huyện Mường Nhé năm 2022.", None, None,
     {"figures": set()}),
    # --- round 7 ---
    # a conference named in quotes is what it was: a review and a launch, no pledge
    ("quoted-review-and-launch", "Trong Hội nghị “Tổng kết công tác thi đua, khen thưởng năm 2021 và phát động phong trào "
     "thi đua năm 2022” diễn ra ngày 20/3/2022, Sở Xây dựng tỉnh Yên Bái được UBND tỉnh tặng Cờ thi đua.",
     None, "2022-03-22",
     {"meetings": {("tong_ket", "2022-03-20"), ("phat_dong", "2022-03-20")}}),
    # a briefing on a whole year's emulation work, reported held, is that year's review
    ("year-briefing-is-review", "Vừa qua, Cụm thi đua số 2 Tỉnh ủy Gia Lai gồm 4 đơn vị đã tổ chức Hội nghị giao ban công "
     "tác thi đua năm 2019.", "https://baogialai.com.vn/a.html", None,
     {"meetings": {("tong_ket", None)}}),
    # next year's pledge, undated (a caption), beside the one dated review of the year before
    ("caption-pledge-at-review", "Ngày 15/1/2023, tại Hội trường UBND tỉnh Bến Tre, Cụm thi đua các tỉnh Đồng bằng sông "
     "Cửu Long đã tổ chức Hội nghị tổng kết thi đua năm 2022.\n\nCác đơn vị trong cụm ký kết giao ước thi đua năm 2023.",
     None, None,
     {"meetings": {("tong_ket", "2023-01-15"), ("ky_giao_uoc", "2023-01-15")}}),
    # `Tại hội\nnghị` on a hard-wrapped page goes on about the conference
    ("wrapped-at-meeting", "Tham dự hội nghị có đại diện 5 huyện trong cụm thi đua số 1 tỉnh Hà Tĩnh, do huyện Can Lộc\nchủ "
     "trì.\nTại hội\nnghị, các đơn vị đã thông qua báo cáo tổng kết, chấm điểm thi đua năm 2020 của từng\nđơn vị.",
     None, None,
     {"meetings": {("tong_ket", None)}}),
    # --- round 8: undated events reported in passing ---
    # registering the pledge as a verb with its aspect word is the pledge made; the registration
    # form spoken of is not
    ("pledge-registered-in-passing", "Công tác thi đua được các đơn vị trong khối quan tâm; đầu năm các đơn vị đã đăng ký "
     "giao ước thi đua theo quy định.", None, "2020-12-20", {"meetings": {("ky_giao_uoc", None)}}),
    ("neg-pledge-form", "Các đơn vị thực hiện theo bản đăng ký giao ước thi đua của Khối thi đua Văn hóa - Xã hội.",
     None, "2020-12-20", {"meetings": set()}),
    # the kind word heading a sentence on the bloc's results
    ("bloc-review-heading-sentence", "Sơ kết thi đua Cụm 6 tháng đầu năm 2021, có 3 đơn vị được biểu dương.", None,
     "2021-07-20", {"meetings": {("so_ket", None)}}),
    # a review report presented by the bloc's officer; a report cited is no event
    ("review-report-presented", "Phó Giám đốc Công an tỉnh Trần Văn Bình – Cụm trưởng Cụm thi đua số 4 trình bày báo cáo "
     "tổng kết phong trào thi đua năm 2021 của Cụm.", None, "2021-12-20", {"meetings": {("tong_ket", None)}}),
    ("neg-review-report-cited", "Theo báo cáo tổng kết năm 2021, các đơn vị trong Cụm thi đua số 4 đều hoàn thành nhiệm vụ.",
     None, "2021-12-20", {"meetings": set()}),
    # `Vừa qua, … tổ chức hội diễn`: an event recently held, undated
    ("recent-other-event", "Vừa qua, Tòa án nhân dân tỉnh Long An, Khối trưởng Khối thi đua Nội chính tỉnh Long An phối "
     "hợp với các đơn vị tổ chức hội diễn văn nghệ cho công chức khối Nội chính năm 2023.", None, "2023-10-20",
     {"meetings": {("other", None)}}),
    ("neg-other-praised", "Các đơn vị trong Khối thi đua Nội chính tỉnh Long An quan tâm tổ chức giao lưu thể thao.",
     None, "2023-10-20", {"meetings": set()}),
]


@pytest.mark.parametrize("name, text, url, published, expected", CASES, ids=[c[0] for c in CASES])
def test_heldout(name, text, url, published, expected):
    assert expected, "a case must assert something"
    o = extract_text(text, url=url, published=published)
    for check, want in expected.items():
        got = CHECKS[check](o)
        assert got == want, f"{check}: {got!r}"
