"""Extraction component `thidua_people`: fills `doc._.people` (placeholder until implemented)."""
from __future__ import annotations

from spacy.language import Language


@Language.factory("thidua_people")
def make_component(nlp, name):
    def component(doc):
        doc._.people = []
        return doc
    return component
