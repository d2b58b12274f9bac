"""Distributive lists: one body's head written once and shared by a list of places or units.

Each case is in provinces, heads and wordings other than the held-out articles' (the point is
the rule: head + `các`/a count + level word(s) + `:`/`(`/`gồm`? + items, a level word on an item
switching the level of the bare ones after it, a parent written after the list applying to all).
"""
from __future__ import annotations

import pytest

from thidua.extract import extract_text
from thidua.extract.agencies import find_mentions


def _names(text: str) -> list[str]:
    return [m.name for m in find_mentions(text)]


MENTION_CASES = [
    # a body of a city, then `và các huyện …`: the class word switches the level of the bare names
    ("city-then-districts", "Công an thành phố Việt Trì và các huyện Lâm Thao, Phù Ninh và Thanh Ba đã ký kết.",
     ["Công an thành phố Việt Trì", "Công an huyện Lâm Thao", "Công an huyện Phù Ninh", "Công an huyện Thanh Ba"]),
    # districts listed after a colon
    ("districts-after-colon", "Đại diện Hội Nông dân các huyện: Sơn Dương, Yên Sơn và Hàm Yên dự hội nghị.",
     ["Hội Nông dân huyện Sơn Dương", "Hội Nông dân huyện Yên Sơn", "Hội Nông dân huyện Hàm Yên"]),
    # a count of districts `trong cụm`, the districts in brackets, the first with its own word
    ("count-in-cluster-brackets", "Lãnh đạo Ủy ban MTTQ Việt Nam 4 huyện trong cụm (huyện Sơn Dương, Yên Sơn, "
     "Hàm Yên, Na Hang) dự hội nghị.",
     ["Ủy ban Mặt trận Tổ quốc Việt Nam huyện Sơn Dương", "Ủy ban Mặt trận Tổ quốc Việt Nam huyện Yên Sơn",
      "Ủy ban Mặt trận Tổ quốc Việt Nam huyện Hàm Yên", "Ủy ban Mặt trận Tổ quốc Việt Nam huyện Na Hang"]),
    # communes and wards: a bare name takes the level the article writes with it elsewhere
    ("mixed-levels-from-elsewhere", "Ban Chỉ huy Quân sự các xã, phường: Tân An, Hòa Lợi và Phú Mỹ ký giao ước. "
     "Phường Hòa Lợi đăng cai hội nghị.",
     ["Ban Chỉ huy Quân sự xã Tân An", "Ban Chỉ huy Quân sự phường Hòa Lợi", "Ban Chỉ huy Quân sự xã Phú Mỹ"]),
    # a body of a province, then a bare district with its own word: another body, not this one's
    ("own-level-of-another-rank-stops", "UBND tỉnh Hà Giang, huyện Vị Xuyên phối hợp tổ chức.",
     ["Ủy ban nhân dân tỉnh Hà Giang"]),
    # a commune's bare names never swallow the next body's head
    ("commune-list-stops-at-a-head", "UBND xã Tân An, Công an xã Tân An và Hội Nông dân xã Tân An dự họp.",
     ["Ủy ban nhân dân xã Tân An", "Công an xã Tân An", "Hội Nông dân xã Tân An"]),
    # a department's dash spaced any way: the canonical spacing
    ("dash-spacing", "Sở Lao động -Thương binh và Xã hội tỉnh Hà Nam và Bộ Văn hóa– Thể thao và Du lịch.",
     ["Sở Lao động - Thương binh và Xã hội tỉnh Hà Nam", "Bộ Văn hóa, Thể thao và Du lịch"]),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in MENTION_CASES], ids=[c[0] for c in MENTION_CASES])
def test_mentions(text, expected):
    assert _names(text) == expected


def _members(text: str, published: str = "2024-03-10") -> list[str]:
    out = extract_text(text, published=published)
    assert out["blocs"], out
    return out["blocs"][0]["members"]


MEMBER_CASES = [
    # a district Party committee's head shared by bare district names, then another committee
    ("party-committees", "Cụm thi đua số 3 gồm 4 đơn vị: Huyện ủy Bảo Lâm, Bảo Lạc, Hà Quảng và Thành ủy Cao Bằng "
     "đã tổ chức hội nghị tổng kết năm 2023.",
     ["Huyện ủy Bảo Lâm", "Huyện ủy Bảo Lạc", "Huyện ủy Hà Quảng", "Thành ủy Cao Bằng"]),
    # a count of wards `của Cụm thi đua …` before the bloc's name, each ward with its own word
    ("count-of-wards-before-bloc", "Dự hội nghị có Chủ tịch Hội Liên hiệp Phụ nữ 3 phường của Cụm thi đua số 2 gồm: "
     "phường Quang Trung; Phường Trần Phú và phường Lê Lợi.",
     ["Hội Liên hiệp Phụ nữ phường Quang Trung", "Hội Liên hiệp Phụ nữ phường Trần Phú",
      "Hội Liên hiệp Phụ nữ phường Lê Lợi"]),
    # `cấp tỉnh`: the bodies written bare are the province's
    ("provincial-level", "Khối thi đua Nội chính tỉnh Hà Giang gồm 4 cơ quan cấp tỉnh: Sở Nội vụ, Tòa án nhân dân, "
     "Viện kiểm sát nhân dân và Thanh tra tỉnh. Năm 2023, Khối thi đua hoàn thành tốt nhiệm vụ.",
     ["Sở Nội vụ tỉnh Hà Giang", "Tòa án nhân dân tỉnh Hà Giang", "Viện Kiểm sát nhân dân tỉnh Hà Giang",
      "Thanh tra tỉnh Hà Giang"]),
    # the list stops where a representative of another body joins it
    ("representative-ends-list", "Khối thi đua Nội chính tỉnh Hà Giang gồm: Công an tỉnh, Sở Tư pháp, Thanh tra tỉnh "
     "và đại diện Văn phòng Ủy ban nhân dân tỉnh.",
     ["Công an tỉnh Hà Giang", "Sở Tư pháp tỉnh Hà Giang", "Thanh tra tỉnh Hà Giang"]),
    # the word for a unit before the first body's name
    ("unit-word-before-name", "Cụm thi đua số 4 gồm các đơn vị Công an huyện Sơn Dương, Yên Sơn và Hàm Yên "
     "đã ký kết giao ước thi đua.",
     ["Công an huyện Sơn Dương", "Công an huyện Yên Sơn", "Công an huyện Hàm Yên"]),
    # a body's own units listed bare: the one body named before the list is their parent
    ("units-of-host", "Ngày 5/3/2024, tại trụ sở Công an tỉnh Nghệ An, Khối thi đua số 4, gồm 04 đơn vị: Phòng PC01; "
     "Phòng PC06; Văn phòng Cơ quan điều tra và Phòng 8, đã tổ chức ký kết giao ước thi đua năm 2024.",
     ["Phòng PC01 Công an tỉnh Nghệ An", "Phòng PC06 Công an tỉnh Nghệ An",
      "Văn phòng Cơ quan điều tra Công an tỉnh Nghệ An", "Phòng 8 Công an tỉnh Nghệ An"]),
    # … or the body written after the list, with bare numbers sharing the unit word before them
    ("units-parent-after", "Khối thi đua số 3 gồm: Phòng 7, 8, 12, Văn phòng tổng hợp và Thanh tra - Khiếu tố "
     "Viện KSND tỉnh Thanh Hóa đã ký kết giao ước thi đua năm 2024.",
     ["Phòng 7 Viện Kiểm sát nhân dân tỉnh Thanh Hóa", "Phòng 8 Viện Kiểm sát nhân dân tỉnh Thanh Hóa",
      "Phòng 12 Viện Kiểm sát nhân dân tỉnh Thanh Hóa", "Văn phòng tổng hợp Viện Kiểm sát nhân dân tỉnh Thanh Hóa",
      "Thanh tra - Khiếu tố Viện Kiểm sát nhân dân tỉnh Thanh Hóa"]),
    # bodies counted after other words, then listed in brackets
    ("counted-then-bracketed", "Ngày 5/11/2024, Khối thi đua các cơ quan Văn hóa - Xã hội Trung ương gồm cán bộ của "
     "03 bộ, ngành (Bộ Y tế, Bộ Giáo dục và Đào tạo, Bộ Văn hóa, Thể thao và Du lịch) đã làm việc tại tỉnh Điện Biên.",
     ["Bộ Y tế", "Bộ Giáo dục và Đào tạo", "Bộ Văn hóa, Thể thao và Du lịch"]),
    # a unit's head shared by the bodies listed; the units named with their office before the count
    ("unit-head-over-bodies", "Cụm thi đua số 5 - Thanh tra tỉnh Yên Bái tổ chức hội nghị. Dự hội nghị có "
     "Thanh tra Sở Y tế (Cụm trưởng), Thanh tra Sở Nội vụ (Cụm phó) cùng 03 đơn vị thành viên của Cụm gồm "
     "Thanh tra 3 sở, ngành: Sở Xây dựng, Sở Tài chính và Ban Dân tộc.",
     ["Thanh tra Sở Y tế tỉnh Yên Bái", "Thanh tra Sở Nội vụ tỉnh Yên Bái", "Thanh tra Sở Xây dựng tỉnh Yên Bái",
      "Thanh tra Sở Tài chính tỉnh Yên Bái", "Thanh tra Ban Dân tộc tỉnh Yên Bái"]),
    # a class of departments written once, its domains listed (holding `và` and commas of their
    # own); the run ends at the first item that names no department
    ("departments-class-item", "Khối thi đua các cơ quan tổng hợp tỉnh Lâm Đồng có 7 đơn vị, gồm: các sở Y tế, "
     "Văn hóa, Thể thao và Du lịch, Giáo dục và Đào tạo; Ban Dân tộc tỉnh và Thanh tra tỉnh.",
     ["Sở Y tế tỉnh Lâm Đồng", "Sở Văn hóa, Thể thao và Du lịch tỉnh Lâm Đồng",
      "Sở Giáo dục và Đào tạo tỉnh Lâm Đồng", "Ban Dân tộc tỉnh Lâm Đồng", "Thanh tra tỉnh Lâm Đồng"]),
    ("departments-class-head", "Cụm thi đua số 3 tỉnh Sóc Trăng gồm các Sở: Công Thương, Xây dựng và "
     "Nông nghiệp và Phát triển nông thôn.",
     ["Sở Công Thương tỉnh Sóc Trăng", "Sở Xây dựng tỉnh Sóc Trăng",
      "Sở Nông nghiệp và Phát triển nông thôn tỉnh Sóc Trăng"]),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in MEMBER_CASES], ids=[c[0] for c in MEMBER_CASES])
def test_members(text, expected):
    assert _members(text) == expected
