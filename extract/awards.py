"""Extraction component `thidua_awards`: fills `doc._.awards` (placeholder until implemented)."""
from __future__ import annotations

from spacy.language import Language


@Language.factory("thidua_awards")
def make_component(nlp, name):
    def component(doc):
        doc._.awards = []
        return doc
    return component
