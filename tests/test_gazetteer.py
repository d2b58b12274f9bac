"""The gazetteers load from the data files in the shape the matchers rely on."""
from thidua.extract import gazetteer as gz

CAPITAL_GATE = "(?=[A-Z"


def test_every_agency_head_starts_with_a_capital_so_the_search_skips_lower_case_text():
    # A row starting with `(` or a lower-case letter turns the capital look-ahead off, and the
    # agency search then tries every alternative at every position: three times slower.
    rx, kinds = gz.agency_head_re()
    assert CAPITAL_GATE in rx.pattern, [k.pattern for k in kinds if not k.pattern[:1].isupper()]


def test_agency_heads_find_a_national_court_and_a_provincial_one():
    rx, kinds = gz.agency_head_re()
    text = "TAND cấp cao tại Đà Nẵng và Tòa án nhân dân tỉnh Quảng Nam"
    found = [kinds[int(m.lastgroup[1:])].canonical for m in rx.finditer(text)]
    assert found == ["Tòa án nhân dân cấp cao tại Đà Nẵng", "Tòa án nhân dân"]
