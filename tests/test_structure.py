"""The folders depend on one another one way (files -> ingest -> nlp -> graph -> dashboard, with access
below all of them): no folder imports one that imports it back."""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = ("access", "nlp", "graph", "ingest", "dashboard")


def imports_of(folder: str) -> set[str]:
    found = set()
    for path in (ROOT / folder).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) and not node.level else []
            found |= {n.split(".")[0] for n in names if n.split(".")[0] in FOLDERS and n.split(".")[0] != folder}
    return found


def test_no_folder_imports_one_that_imports_it_back():
    graph = {folder: imports_of(folder) for folder in FOLDERS}
    assert graph["access"] == set(), "access (the vault, users, audit) must stand on its own"

    def reaches(start: str, target: str, seen: frozenset = frozenset()) -> bool:
        return any(n == target or (n not in seen and reaches(n, target, seen | {n})) for n in graph[start])
    assert not [f for f in FOLDERS if reaches(f, f)], graph
