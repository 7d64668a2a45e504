"""The one pymorphy3 analyser of Russian (its dictionaries ship inside the pymorphy3-dicts-ru package)."""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def analyzer():
    import pymorphy3

    return pymorphy3.MorphAnalyzer()
