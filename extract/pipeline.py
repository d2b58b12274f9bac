"""The extraction pipeline: a spaCy `Language` whose components each add one kind of fact.

The tokenizer is spaCy's rule-based one over Vietnamese syllables (no pyvi word segmentation:
gazetteers and patterns match syllable sequences, and the CRF segmenter would cost more than
the whole rest of the pipeline). Components are registered with `@Language.factory` in their
own modules and read the shared `ArticleContext` from `doc._.ctx`; each writes one attribute
(`doc._.agencies`, `doc._.blocs`, …). `assemble` turns them into the contract's object.
"""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

from .context import ArticleContext

# Importing these modules registers their factories with spaCy.
from . import (  # noqa: F401  isort: skip
    headline, agencies, blocs, meetings, awards, people, figures, documents,
)

FACT_FIELDS = ("blocs", "meetings", "awards", "people", "figures", "documents", "agencies")

# The order matters: context first (title, date, province), agencies before the facts that
# refer to agencies, blocs before meetings and awards (which name their bloc), people before
# awards (a person can be an award's recipient).
COMPONENTS = (
    "thidua_context",
    "thidua_agencies",
    "thidua_blocs",
    "thidua_meetings",
    "thidua_people",
    "thidua_awards",
    "thidua_figures",
    "thidua_documents",
)

if not Doc.has_extension("ctx"):
    Doc.set_extension("ctx", default=None)
for _field in FACT_FIELDS + ("agency_mentions",):
    if not Doc.has_extension(_field):
        Doc.set_extension(_field, default=None)


def _syllable_tokenizer(nlp) -> Tokenizer:
    """Split on white space, then peel punctuation off syllables (`đua,` → `đua` `,`)."""
    defaults = spacy.blank("xx").Defaults
    return Tokenizer(
        nlp.vocab,
        prefix_search=compile_prefix_regex(defaults.prefixes).search,
        suffix_search=compile_suffix_regex(defaults.suffixes).search,
        infix_finditer=compile_infix_regex(defaults.infixes).finditer,
        token_match=None,
    )


@lru_cache(maxsize=1)
def get_nlp():
    """The configured pipeline, built once per process."""
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
    nlp.tokenizer = _syllable_tokenizer(nlp)
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp


def run_pipeline(ctx: ArticleContext) -> dict:
    nlp = get_nlp()
    doc = nlp.make_doc(ctx.text)
    doc._.ctx = ctx
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    return assemble(doc)


def assemble(doc: Doc) -> dict:
    ctx: ArticleContext = doc._.ctx
    obj = {"source": None, "title": ctx.title, "published": ctx.published}
    for name in FACT_FIELDS:
        obj[name] = list(getattr(doc._, name) or [])
    obj["province"] = ctx.province
    return obj
