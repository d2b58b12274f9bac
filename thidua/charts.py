"""Small helpers the notebooks share for their charts: short axis labels, empty charts.

Kept out of the notebooks so the three of them label agencies the same way; matplotlib is
not imported here (it is an extra), the functions only call methods of the axes they get.
"""
from __future__ import annotations

import textwrap

# Long official names made short enough for an axis label; order matters (longest first).
LABEL_ABBREVIATIONS = [
    ("Viện Kiểm sát nhân dân", "VKSND"), ("Tòa án nhân dân", "TAND"), ("Ủy ban nhân dân", "UBND"),
    ("Hội đồng nhân dân", "HĐND"), ("Bộ Chỉ huy Quân sự", "Bộ CHQS"), ("Thi hành án dân sự", "THADS"),
    ("Thủ tướng Chính phủ", "Thủ tướng"), ("Thanh tra Chính phủ", "TTCP"),
    ("Khối thi đua", "Khối"), ("Cụm thi đua", "Cụm"),
    (" tỉnh ", " "), (" thành phố ", " TP "),
]


def short(name: str | None, width: int = 34) -> str:
    """A chart label: the name abbreviated, wrapped at `width` characters (`?` when unknown)."""
    text = f" {name or '?'} "
    for long, abbr in LABEL_ABBREVIATIONS:
        text = text.replace(long, abbr)
    return "\n".join(textwrap.wrap(text.strip(), width)) or "?"


def no_data(ax, message: str, fontsize: int = 11) -> None:
    """Turn `ax` into an empty chart that says why it is empty, instead of failing on no rows."""
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes,
            fontsize=fontsize, color="0.35", wrap=True)
    ax.set_xticks([])
    ax.set_yticks([])
