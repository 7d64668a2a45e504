"""Named Cypher queries: every ``cypher/**/NAME.cypher`` file is one query, loaded by ``NAME``.

A name used by two files, or a name that has no file, is an error. Queries take
parameters only; nothing in this project builds Cypher by string concatenation.
A file may hold several statements separated by lines that contain only ``;``
(used for the schema); ``statements(name)`` splits them.
"""
from __future__ import annotations

import difflib
import re
from functools import lru_cache
from pathlib import Path

CYPHER_DIR = Path(__file__).resolve().parent.parent / "cypher"


class QueryError(LookupError):
    pass


def _strip_comments(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//")).strip()


@lru_cache(maxsize=None)
def load_all(directory: Path = CYPHER_DIR) -> dict[str, str]:
    queries: dict[str, str] = {}
    origin: dict[str, Path] = {}
    for path in sorted(directory.rglob("*.cypher")):
        name = path.stem
        if name in queries:
            raise QueryError(f"duplicate query name {name!r}: {origin[name]} and {path}")
        text = _strip_comments(path.read_text(encoding="utf-8"))
        if not text:
            raise QueryError(f"empty query file {path}")
        queries[name] = text
        origin[name] = path
    return queries


def get(name: str) -> str:
    queries = load_all()
    try:
        return queries[name]
    except KeyError:
        close = difflib.get_close_matches(name, queries, n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise QueryError(f"unknown query {name!r}{hint}") from None


def statements(name: str) -> list[str]:
    return [s.strip() for s in re.split(r"^\s*;\s*$", get(name), flags=re.M) if s.strip()]
