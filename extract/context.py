"""What every extraction component may know about the article it is working on."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ArticleContext:
    """The article and the facts about it that components share.

    `text` is NFC; every offset a component reports points into it. The `thidua_context`
    component fills `title`, `published`, `province` and `year` first; later components read
    them (a bare `Thanh tra tỉnh` takes `province`, a date without a year takes `year`).
    """

    text: str
    url: str | None = None
    given_published: str | None = None   # from outside the text (--published, crawl metadata)
    given_title: str | None = None       # from the page's HTML
    title: str | None = None
    title_span: tuple[int, int] | None = None
    published: str | None = None
    body_start: int = 0                  # where the article body starts (after headline/date)
    body_end: int | None = None          # where the page's tail starts (`Các tin khác`, comments)
    province: str | None = None          # e.g. "Bắc Ninh", as named on the article's date
    province_kind: str | None = None     # "tỉnh" or "thành phố"
    year: int | None = None              # the year the article reports on
    # the emulation year a review the article reports is about (`tổng kết … năm 2020` in an
    # article of January 2021): the year of the bloc's facts and of the awards it votes
    review_year: int | None = None
    notes: dict = field(default_factory=dict)

    @property
    def province_suffix(self) -> str | None:
        """`tỉnh Bắc Ninh` / `thành phố Hà Nội`, or None when the province is unknown."""
        if not self.province:
            return None
        return f"{self.province_kind or 'tỉnh'} {self.province}"

    @property
    def facts_year(self) -> int | None:
        """The emulation year of the article's bloc facts: its review's year, else its own."""
        return self.review_year or self.year
