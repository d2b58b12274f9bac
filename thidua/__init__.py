"""thidua: a knowledge base of Vietnam's emulation blocs, built from the news.

The pipeline is crawler/ → extract/ → kb/, installed as `thidua.crawler`, `thidua.extract`
and `thidua.kb`, and wired together by this package (`thidua.pipeline`, `thidua.cli`).
"""
__version__ = "0.1.0"
USER_AGENT = f"thidua/{__version__} (+https://github.com/thidua/thidua)"
