"""Which province an article is about, and which year it reports on (placeholder)."""
from __future__ import annotations

from .context import ArticleContext


def resolve_province(ctx: ArticleContext) -> None:
    """Set ctx.province / ctx.province_kind from the text, else from the site."""


def resolve_year(ctx: ArticleContext) -> None:
    """Set ctx.year: the published year, else the year the text reports on."""
    if ctx.published:
        ctx.year = int(ctx.published[:4])
