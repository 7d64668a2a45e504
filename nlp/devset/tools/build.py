#!/usr/bin/env python3
"""Compile the inline-annotated sources in src/ into docs/*.txt and gold/*.json.

Source format (one file per document, src/NNN_lang.src):
    <text with inline markup>
    ===
    <one relation per line:  TYPE SRC TGT [h]>

Inline markup:  [[surface text|SPEC]]   where SPEC = "[localid ]T[ attrs]"
    T = P (PERSON) U (UNIT) L (PLACE) D (DATE) I (INCIDENT)
    P attrs: k=<slug>;r=<rank>;pos=<position>      (k omitted -> key null)
    D attrs: YYYY-MM-DD | YYYY-MM | YYYY | <start>..<end>
Relation TYPE abbreviations: HP CMD MEM SUB PERP ORD OCC; trailing "h" = hedged.
Stdlib only. The compiled gold/*.json files are the canonical annotations.
Usage:  python3 tools/build.py [set_dir]   (default: the fictional set; ``real`` for the real-text set)
"""
import calendar, json, pathlib, re, sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
MARK = re.compile(r"\[\[([^\[\]|]+)\|([^\[\]]+)\]\]")
TYPES = {"P": "PERSON", "U": "UNIT", "L": "PLACE", "D": "DATE", "I": "INCIDENT"}
RELS = {"HP": "HELD_POSITION", "CMD": "COMMANDED", "MEM": "MEMBER_OF", "SUB": "SUBORDINATE_TO",
        "PERP": "PERPETRATED", "ORD": "ORDERED", "OCC": "OCCURRED_AT"}
PATTRS = {"k": "key", "r": "rank", "pos": "position"}


def expand(d):
    d = d.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", d):
        return d, d
    if re.fullmatch(r"\d{4}-\d{2}", d):
        y, m = map(int, d.split("-"))
        return f"{d}-01", f"{d}-{calendar.monthrange(y, m)[1]:02d}"
    if re.fullmatch(r"\d{4}", d):
        return f"{d}-01-01", f"{d}-12-31"
    raise ValueError(f"bad date spec {d!r}")


def date_attrs(spec):
    if ".." in spec:
        a, b = spec.split("..")
        return {"date_start": expand(a)[0], "date_end": expand(b)[1]}
    s, e = expand(spec)
    return {"date_start": s, "date_end": e}


def nth_before(text, sub, pos):
    """1-based occurrence index of `sub` starting at `pos` (overlapping search)."""
    n, i = 0, text.find(sub)
    while i != -1 and i <= pos:
        n += 1
        if i == pos:
            return n
        i = text.find(sub, i + 1)
    raise AssertionError("span not found at position")


def compile_one(path):
    raw = path.read_text(encoding="utf-8")
    if "\n===\n" not in raw:
        raise ValueError(f"{path.name}: missing === separator")
    body, rels = raw.split("\n===\n", 1)
    body = body.strip("\n") + "\n"
    out, ents, last, auto = [], [], 0, 0
    for m in MARK.finditer(body):
        out.append(body[last:m.start()])
        start = sum(len(x) for x in out)
        surface, spec = m.group(1), m.group(2).strip()
        parts = spec.split(" ", 2)
        if parts[0] in TYPES:
            auto += 1
            lid, typ, rest = f"_auto{auto}", parts[0], " ".join(parts[1:])
        else:
            lid, typ = parts[0], parts[1]
            rest = parts[2] if len(parts) > 2 else ""
        if typ not in TYPES:
            raise ValueError(f"{path.name}: bad type in {m.group(0)}")
        ent = {"lid": lid, "type": TYPES[typ], "text": surface, "start": start}
        attrs = {}
        if typ == "P":
            ent["key"] = None
            for kv in filter(None, rest.split(";")):
                k, v = kv.split("=", 1)
                if PATTRS[k] == "key":
                    ent["key"] = "person:" + v
                else:
                    attrs[PATTRS[k]] = v
        elif typ == "D":
            attrs = date_attrs(rest)
        elif rest.strip():
            raise ValueError(f"{path.name}: unexpected attrs in {m.group(0)}")
        ent["attrs"] = attrs
        ents.append(ent)
        out.append(surface)
        last = m.end()
    out.append(body[last:])
    text = "".join(out)
    if "[[" in text or "]]" in text:
        raise ValueError(f"{path.name}: unparsed markup left")
    lids = {}
    gold_ents = []
    for i, e in enumerate(ents, 1):
        if e["lid"] in lids:
            raise ValueError(f"{path.name}: duplicate local id {e['lid']}")
        mid = f"m{i}"
        lids[e["lid"]] = mid
        g = {"id": mid, "type": e["type"], "text": e["text"],
             "occurrence": nth_before(text, e["text"], e["start"])}
        if e["type"] == "PERSON":
            g["key"] = e["key"]
        g["attrs"] = e["attrs"]
        gold_ents.append(g)
    gold_rels = []
    for line in rels.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        p = line.split()
        if p[0] not in RELS or len(p) not in (3, 4) or (len(p) == 4 and p[3] != "h"):
            raise ValueError(f"{path.name}: bad relation line {line!r}")
        for x in p[1:3]:
            if x not in lids:
                raise ValueError(f"{path.name}: unknown id {x} in {line!r}")
        gold_rels.append({"type": RELS[p[0]], "source": lids[p[1]], "target": lids[p[2]],
                          "hedged": len(p) == 4})
    return text, {"entities": gold_ents, "relations": gold_rels}


def main(root=ROOT):
    srcs = sorted((root / "src").glob("*.src"))
    (root / "docs").mkdir(exist_ok=True)
    (root / "gold").mkdir(exist_ok=True)
    errors = 0
    for s in srcs:
        stem = s.name[:-4]
        try:
            text, gold = compile_one(s)
        except Exception as ex:  # noqa
            print("ERROR", ex)
            errors += 1
            continue
        (root / "docs" / f"{stem}.txt").write_text(text, encoding="utf-8", newline="\n")
        (root / "gold" / f"{stem}.json").write_text(
            json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8", newline="\n")
    print(f"compiled {len(srcs) - errors}/{len(srcs)} sources")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main(pathlib.Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else ROOT)
