"""Extraction component `thidua_figures`: fills `doc._.figures` (placeholder until implemented)."""
from __future__ import annotations

from spacy.language import Language


@Language.factory("thidua_figures")
def make_component(nlp, name):
    def component(doc):
        doc._.figures = []
        return doc
    return component
