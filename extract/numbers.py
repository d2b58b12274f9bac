"""Vietnamese numbers written in digits: `3.704` → 3704, `43,6` → 43.6, `139,52 triệu` → 139520000.

Vietnamese writes `.` between thousands and `,` before decimals, the reverse of English; a
number is followed by an optional word multiplier (`tỷ` 10^9, `triệu` 10^6, `nghìn`/`ngàn`
10^3). Leading zeros (`05`, `08 cơ quan`) are only padding.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

MULTIPLIERS = {"tỷ": 10**9, "tỉ": 10**9, "triệu": 10**6, "nghìn": 10**3, "ngàn": 10**3}

# Thousands groups must be exactly three digits (`3.704`, `256.341`); a lone `.` after a
# number ends the number (`... 2023.`). A decimal comma needs a digit right after it, so the
# comma of an enumeration (`2, 3`) is not a decimal point.
NUMBER_RE = re.compile(
    r"(?P<int>\d{1,3}(?:\.\d{3})+(?!\d)|\d+)(?:,(?P<frac>\d+))?"
    r"(?:\s*(?P<mult>tỷ|tỉ|triệu|nghìn|ngàn)(?!\w))?"
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
    value = float(f"{whole}.{frac}") * mult
    rounded = round(value)
    return rounded if abs(value - rounded) < 1e-6 else round(value, 6)


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
