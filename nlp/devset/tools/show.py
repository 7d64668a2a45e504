#!/usr/bin/env python3
"""Render a document with its gold annotations inline (for review)."""
import json, pathlib, sys
ROOT = pathlib.Path(__file__).resolve().parent.parent
for stem in sys.argv[1:]:
    text = (ROOT / "docs" / f"{stem}.txt").read_text(encoding="utf-8")
    g = json.loads((ROOT / "gold" / f"{stem}.json").read_text(encoding="utf-8"))
    spans = []
    for e in g["entities"]:
        i = -1
        for _ in range(e["occurrence"]):
            i = text.find(e["text"], i + 1)
        spans.append((i, e))
    out, last = [], 0
    for i, e in sorted(spans, key=lambda x: x[0]):
        out.append(text[last:i])
        tag = e["id"] + ":" + e["type"][:3]
        if e.get("key"): tag += ":" + e["key"][7:]
        if e["attrs"] and e["type"] != "DATE": tag += ":" + ",".join(e["attrs"].values())
        if e["type"] == "DATE": tag += ":" + e["attrs"]["date_start"] + ".." + e["attrs"]["date_end"][5:]
        out.append(f"[{e['text']}|{tag}]")
        last = i + len(e["text"])
    out.append(text[last:])
    print(f"##### {stem}\n" + "".join(out))
    ents = {e["id"]: e for e in g["entities"]}
    for r in g["relations"]:
        print(f"  {r['type']:<15} {ents[r['source']]['text']} -> {ents[r['target']]['text']}" + ("  (hedged)" if r["hedged"] else ""))
