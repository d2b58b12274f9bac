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


def test_top_alternatives_split_at_the_top_level_only():
    # the capital gate reads each top-level alternative's first letter: a bar inside a group
    # (`Đội (?:[Cc]ảnh sát|[Aa]n ninh)`) or a class (`[|(]`) starts no alternative
    assert gz.top_alternatives(r"Đội (?:[Cc]ảnh sát (?:a|b)|[Aa]n ninh)|Trại giam [|(]x|E\(|F") == [
        r"Đội (?:[Cc]ảnh sát (?:a|b)|[Aa]n ninh)", r"Trại giam [|(]x", r"E\(", "F"]


def test_state_bank_branch_is_not_the_national_bank():
    rx, kinds = gz.agency_head_re()
    for text, want in [("Ngân hàng Nhà nước Việt Nam Chi nhánh", "Ngân hàng Nhà nước Việt Nam Chi nhánh"),
                       ("Ngân hàng Nhà nước chi nhánh", "Ngân hàng Nhà nước chi nhánh"),
                       ("Ngân hàng Nhà nước Việt Nam", "Ngân hàng Nhà nước Việt Nam")]:
        m = rx.match(text)
        assert kinds[int(m.lastgroup[1:])].canonical == want, text
