#!/usr/bin/env python3
"""Merge the real-text set's per-annotator parts into the files the validator and scorer read.

``real/cast_*.jsonl`` → ``real/cast.jsonl`` (records with one key merged: Latin spellings and posts united,
the first non-empty value of every other field kept) and ``real/sources_*.md`` → the table in
``real/SOURCES.md``. Stdlib only.   Usage:  python3 tools/merge_real.py [real_dir]
"""
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent / "real"


def merged_cast(paths):
    cast = {}
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            rec = json.loads(line)
            have = cast.setdefault(rec["key"], {"key": rec["key"]})
            for field, value in rec.items():
                if field == "latin":
                    have["latin"] = have.get("latin", []) + [v for v in value if v not in have.get("latin", [])]
                elif field == "posts":
                    have["posts"] = have.get("posts", []) + [p for p in value if p not in have.get("posts", [])]
                elif value not in (None, "", []) and not have.get(field):
                    have[field] = value
    return [cast[k] for k in sorted(cast)]


def main(root=ROOT):
    records = merged_cast(sorted(root.glob("cast_*.jsonl")))
    (root / "cast.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                                     encoding="utf-8")
    rows = []
    for path in sorted(root.glob("sources_*.md")):
        rows += [line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("| ")
                 and not line.startswith("| doc ")]
    head = (root / "SOURCES.head.md").read_text(encoding="utf-8") if (root / "SOURCES.head.md").exists() else ""
    table = "| doc | address | publisher | kind | date | replaced |\n|---|---|---|---|---|---|\n"
    (root / "SOURCES.md").write_text(head + table + "\n".join(sorted(rows)) + "\n", encoding="utf-8")
    print(f"cast: {len(records)} officials; sources: {len(rows)} rows")


if __name__ == "__main__":
    main(pathlib.Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else ROOT)
