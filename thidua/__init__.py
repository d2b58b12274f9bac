"""thidua: a knowledge base of Vietnam's emulation blocs, built from the news.

The pipeline is crawler/ → extract/ → kb/, installed as `thidua.crawler`, `thidua.extract`
and `thidua.kb`, and wired together by this package (`thidua.pipeline`, `thidua.cli`).
"""
from pathlib import Path as _Path

__version__ = "0.1.0"
USER_AGENT = f"thidua/{__version__} (+https://github.com/thidua/thidua)"

# In a source checkout the stage folders sit beside this package, not inside it. When Python
# imports `thidua` from the checkout itself (the working directory comes first on sys.path),
# let `thidua.extract` & co. resolve to those folders, as the installed mapping does.
_checkout = _Path(__file__).resolve().parent.parent
if not (_Path(__file__).parent / "extract").is_dir() and (_checkout / "extract" / "__init__.py").is_file():
    __path__.append(str(_checkout))  # noqa: F821 - __path__ is set for packages
