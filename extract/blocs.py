"""Extraction component `thidua_blocs`: fills `doc._.blocs` (placeholder until implemented)."""
from __future__ import annotations

from spacy.language import Language


@Language.factory("thidua_blocs")
def make_component(nlp, name):
    def component(doc):
        doc._.blocs = []
        return doc
    return component
