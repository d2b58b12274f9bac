"""Extraction component `thidua_meetings`: fills `doc._.meetings` (placeholder until implemented)."""
from __future__ import annotations

from spacy.language import Language


@Language.factory("thidua_meetings")
def make_component(nlp, name):
    def component(doc):
        doc._.meetings = []
        return doc
    return component
