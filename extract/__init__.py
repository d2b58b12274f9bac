"""Vietnamese NLP: an article (text or whole page) → the extraction object of CONTRACT §2.

Usable as a library:

    from thidua.extract import extract_text, extract_html
    obj = extract_text(text, url="https://thanhtra.bacninh.gov.vn/…", published="2023-11-22")
"""
from .api import ExtractError, extract_document, extract_html, extract_text

__all__ = ["ExtractError", "extract_document", "extract_html", "extract_text"]
