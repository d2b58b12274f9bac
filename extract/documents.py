"""Extraction component `thidua_documents`: fills `doc._.documents` (placeholder until implemented)."""
from __future__ import annotations

from spacy.language import Language


@Language.factory("thidua_documents")
def make_component(nlp, name):
    def component(doc):
        doc._.documents = []
        return doc
    return component
