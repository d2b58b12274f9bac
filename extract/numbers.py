"""Vietnamese numbers written in digits: `3.704` → 3704, `43,6` → 43.6, `139,52 triệu` → 139520000.

Vietnamese writes `.` between thousands and `,` before decimals, the reverse of English; a
number is followed by an optional word multiplier (`tỷ` 10^9, `triệu` 10^6, `nghìn`/`ngàn`
10^3; `nghìn tỷ` 10^12). Leading zeros (`05`, `08 cơ quan`) are only padding.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

MULTIPLIERS = {"tỷ": 10**9, "tỉ": 10**9, "triệu": 10**6, "nghìn": 10**3, "ngàn": 10**3,
               # `2,5 nghìn tỷ đồng`: thousands of billions, one amount
               "nghìn tỷ": 10**12, "ngàn tỷ": 10**12, "nghìn tỉ": 10**12, "ngàn tỉ": 10**12}

# Thousands groups must be exactly three digits (`3.704`, `256.341`); a lone `.` after a
# number ends the number (`... 2023.`). A decimal comma needs a digit right after it, so the
# comma of an enumeration (`2, 3`) is not a decimal point.
#
# Some pages write an English decimal point (`15.6 tỷ đồng`, `88.1%`): a `.` with one or two
# digits after it, then a multiplier or `%`, cannot be a thousands separator, so it is read as
# the decimal point there and only there (`3.10` stays a number or a date for the callers).
NUMBER_RE = re.compile(
    r"(?P<int>\d{1,3}(?:\.\d{3})+(?!\d)|\d+)"
    r"(?:(?:,|\.(?=\d{1,2}[ \t\u00a0]*(?:%|(?:tỷ|tỉ|triệu|nghìn|ngàn)(?!\w))))(?P<frac>\d+))?"
    r"(?:\s*(?P<mult>(?:nghìn|ngàn) t[ỷỉ]|tỷ|tỉ|triệu|nghìn|ngàn)(?!\w))?"
)


@dataclass(frozen=True)
class NumberMatch:
    start: int
    end: int
    value: float | int
    multiplier: int  # 1 when no word multiplier was written


def to_value(int_part: str, frac: str | None = None, mult: int = 1) -> float | int:
    """Combine the parts of a written number; integral results are returned as int."""
    whole = int(int_part.replace(".", ""))
    if not frac:
        return whole * mult
    # exact arithmetic: a float product drifts on large amounts (`2.145,8 tỷ` would give
    # 2145800000000.0002), and the value must equal the written amount
    value = Fraction(whole * 10 ** len(frac) + int(frac), 10 ** len(frac)) * mult
    return int(value) if value.denominator == 1 else round(float(value), 6)


def parse_number(text: str) -> float | int | None:
    """The value of a whole string like `3.704`, `43,6`, `139,52 triệu`, `05`; else None."""
    m = NUMBER_RE.fullmatch(text.strip())
    if not m:
        return None
    mult = MULTIPLIERS[m.group("mult")] if m.group("mult") else 1
    return to_value(m.group("int"), m.group("frac"), mult)


def match_number(text: str, pos: int) -> NumberMatch | None:
    """The number starting exactly at `pos`, with its multiplier if any."""
    m = NUMBER_RE.match(text, pos)
    if not m:
        return None
    mult = MULTIPLIERS[m.group("mult")] if m.group("mult") else 1
    return NumberMatch(m.start(), m.end(), to_value(m.group("int"), m.group("frac"), mult), mult)
