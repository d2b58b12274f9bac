"""Extraction component `thidua_context`: title, published date, province and year."""
from __future__ import annotations

from spacy.language import Language

from .province import resolve_province, resolve_year


@Language.factory("thidua_context")
def make_component(nlp, name):
    def component(doc):
        ctx = doc._.ctx
        ctx.title = ctx.given_title
        ctx.published = ctx.given_published
        resolve_province(ctx)
        resolve_year(ctx)
        return doc
    return component
