"""Extraction component `thidua_agencies`: fills `doc._.agencies` (placeholder until implemented)."""
from __future__ import annotations

from spacy.language import Language


@Language.factory("thidua_agencies")
def make_component(nlp, name):
    def component(doc):
        doc._.agencies = []
        return doc
    return component
