#!/usr/bin/env python3
"""Validate the fictional Belarus-2020 development set (stdlib only).

Usage:  python3 validate.py [devset_dir]

A set may carry a ``set.json`` profile that replaces the fictional set's set-level rules (the real-text set
in ``real/`` does): {"words": [min, max], "min_langs": {"ru": 30, ...}, "min_cast_docs": 1,
"contiguous": false, "cast_fields": [...]} and a ``splits.json`` ({"train": [stems], "dev": [...],
"test": [...]}) whose stems must be exactly the documents.

Checks, for every document docs/NNN_lang.txt:
  * naming, UTF-8, LF line ends, 80-400 words, language split 25 ru / 12 en / 8 be;
  * gold/NNN_lang.json exists (and no gold file without a document);
  * entity ids unique; type valid; `text` occurs at least `occurrence` times
    (case-sensitive, overlapping substring search, as in GUIDELINES.md);
  * no two entities resolve to the same span, and resolved spans do not overlap;
  * PERSON keys are null or exist in cast.jsonl; non-PERSON entities carry no key;
  * attrs allowed per type; DATE attrs are ISO dates with start <= end;
  * relation endpoints exist and have the allowed types:
      HELD_POSITION / COMMANDED / MEMBER_OF : PERSON -> UNIT
      SUBORDINATE_TO                        : UNIT -> UNIT
      PERPETRATED                           : PERSON|UNIT -> INCIDENT
      ORDERED                               : PERSON -> INCIDENT
      OCCURRED_AT                           : INCIDENT -> PLACE
    `hedged` is a boolean; no duplicate relations; no self-relations;
  * cast.jsonl is well-formed and every cast member appears in >= 2 documents.
Prints counts per entity and relation type; exit status 1 on any error.
"""
import datetime
import json
import pathlib
import re
import sys
from collections import Counter, defaultdict

ENTITY_TYPES = {"PERSON", "UNIT", "PLACE", "DATE", "INCIDENT"}
REL_SIGNATURES = {
    "HELD_POSITION": ({"PERSON"}, {"UNIT"}),
    "COMMANDED": ({"PERSON"}, {"UNIT"}),
    "MEMBER_OF": ({"PERSON"}, {"UNIT"}),
    "SUBORDINATE_TO": ({"UNIT"}, {"UNIT"}),
    "PERPETRATED": ({"PERSON", "UNIT"}, {"INCIDENT"}),
    "ORDERED": ({"PERSON"}, {"INCIDENT"}),
    "OCCURRED_AT": ({"INCIDENT"}, {"PLACE"}),
}
ALLOWED_ATTRS = {"PERSON": {"rank", "position"}, "DATE": {"date_start", "date_end"},
                 "UNIT": set(), "PLACE": set(), "INCIDENT": set()}
EXPECTED_LANGS = {"ru": 25, "en": 12, "be": 8}
DOC_RE = re.compile(r"^(\d{3})_(ru|en|be)\.txt$")
KEY_RE = re.compile(r"^person:[a-z0-9]+(-[a-z0-9]+)*$")
WORD_RE = re.compile(r"\w+(?:[-'’]\w+)*")


def nth_span(text, sub, n):
    """Start offset of the n-th (1-based) overlapping occurrence of sub, or None."""
    i, k = -1, 0
    while k < n:
        i = text.find(sub, i + 1)
        if i == -1:
            return None
        k += 1
    return i


def count_occ(text, sub):
    n, i = 0, text.find(sub)
    while i != -1:
        n += 1
        i = text.find(sub, i + 1)
    return n


def iso(s):
    try:
        return datetime.date.fromisoformat(s)
    except (TypeError, ValueError):
        return None


FICTIONAL_PROFILE = {"words": [80, 400], "exact_langs": EXPECTED_LANGS, "min_langs": {}, "min_cast_docs": 2,
                     "contiguous": True,
                     "cast_fields": ["surname_ru", "given_ru", "patronymic_ru", "surname_be", "given_be",
                                     "latin", "gender", "posts"]}


def load_profile(root):
    path = root / "set.json"
    profile = dict(FICTIONAL_PROFILE)
    if path.exists():
        profile.update({"exact_langs": {}}, **json.loads(path.read_text(encoding="utf-8")))
    return profile


def main(root):
    errors = []
    err = errors.append
    profile = load_profile(root)

    # ---- cast ---------------------------------------------------------
    cast = {}
    cast_path = root / "cast.jsonl"
    if not cast_path.exists():
        err("cast.jsonl missing")
    else:
        for ln, line in enumerate(cast_path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as ex:
                err(f"cast.jsonl:{ln}: invalid JSON ({ex})")
                continue
            key = rec.get("key")
            if not isinstance(key, str) or not KEY_RE.match(key):
                err(f"cast.jsonl:{ln}: bad key {key!r}")
                continue
            if key in cast:
                err(f"cast.jsonl:{ln}: duplicate key {key}")
            for fld in profile["cast_fields"]:
                if not rec.get(fld):
                    err(f"cast.jsonl:{ln}: {key} lacks {fld}")
            if rec.get("gender") not in ("m", "f"):
                err(f"cast.jsonl:{ln}: {key} gender must be m|f")
            for p in rec.get("posts") or []:
                if not {"unit", "role", "from", "to"} <= set(p):
                    err(f"cast.jsonl:{ln}: {key} post lacks unit/role/from/to")
            cast[key] = rec

    # ---- documents ----------------------------------------------------
    docs_dir, gold_dir = root / "docs", root / "gold"
    docs = sorted(docs_dir.glob("*.txt")) if docs_dir.exists() else []
    if not docs:
        err("no documents in docs/")
    langs = Counter()
    ent_counts, rel_counts, hedged_counts = Counter(), Counter(), Counter()
    key_docs = defaultdict(set)
    nums = []
    for doc in docs:
        m = DOC_RE.match(doc.name)
        if not m:
            err(f"{doc.name}: bad file name (want NNN_ru|en|be.txt)")
            continue
        nums.append(int(m.group(1)))
        langs[m.group(2)] += 1
        raw = doc.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            err(f"{doc.name}: not UTF-8")
            continue
        if b"\r" in raw:
            err(f"{doc.name}: contains CR (line ends must be LF)")
        nwords = len(WORD_RE.findall(text))
        low, high = profile["words"]
        if not low <= nwords <= high:
            err(f"{doc.name}: {nwords} words (want {low}-{high})")
        gpath = gold_dir / (doc.stem + ".json")
        if not gpath.exists():
            err(f"{doc.name}: gold file {gpath.name} missing")
            continue
        try:
            gold = json.loads(gpath.read_text(encoding="utf-8"))
        except json.JSONDecodeError as ex:
            err(f"{gpath.name}: invalid JSON ({ex})")
            continue
        if set(gold) != {"entities", "relations"}:
            err(f"{gpath.name}: top-level keys must be entities, relations")
        ents = {}
        spans = {}
        for e in gold.get("entities", []):
            eid = e.get("id")
            where = f"{gpath.name}:{eid}"
            if not isinstance(eid, str) or not eid:
                err(f"{gpath.name}: entity without id: {e}")
                continue
            if eid in ents:
                err(f"{where}: duplicate entity id")
                continue
            ents[eid] = e
            et = e.get("type")
            if et not in ENTITY_TYPES:
                err(f"{where}: bad type {et!r}")
                continue
            ent_counts[et] += 1
            t, occ = e.get("text"), e.get("occurrence")
            if not isinstance(t, str) or not t or t != t.strip():
                err(f"{where}: empty or untrimmed text {t!r}")
                continue
            if not isinstance(occ, int) or isinstance(occ, bool) or occ < 1:
                err(f"{where}: bad occurrence {occ!r}")
                continue
            found = count_occ(text, t)
            if found < occ:
                err(f"{where}: text {t!r} occurs {found}x, occurrence={occ}")
                continue
            start = nth_span(text, t, occ)
            span = (start, start + len(t))
            if span in spans:
                err(f"{where}: same span as {spans[span]} ({t!r})")
            spans[span] = eid
            # key
            if et == "PERSON":
                if "key" not in e:
                    err(f"{where}: PERSON without key field (use null)")
                k = e.get("key")
                if k is not None:
                    if k not in cast:
                        err(f"{where}: key {k!r} not in cast.jsonl")
                    else:
                        key_docs[k].add(doc.stem)
            elif e.get("key") is not None:
                err(f"{where}: key on non-PERSON entity")
            # attrs
            attrs = e.get("attrs", {})
            if not isinstance(attrs, dict):
                err(f"{where}: attrs must be an object")
                attrs = {}
            extra = set(attrs) - ALLOWED_ATTRS[et]
            if extra:
                err(f"{where}: attrs {sorted(extra)} not allowed for {et}")
            for a, v in attrs.items():
                if not isinstance(v, str) or not v:
                    err(f"{where}: attr {a} must be a non-empty string")
                elif a in ("rank", "position") and v != v.lower():
                    err(f"{where}: attr {a}={v!r} must be lower case")
            if et == "DATE":
                ds, de = iso(attrs.get("date_start")), iso(attrs.get("date_end"))
                if ds is None or de is None:
                    err(f"{where}: DATE needs ISO date_start and date_end")
                elif ds > de:
                    err(f"{where}: date_start after date_end")
        # overlaps
        ordered = sorted(spans.items())
        for (s1, e1), id1 in ordered:
            for (s2, e2), id2 in ordered:
                if id1 < id2 and s1 < e2 and s2 < e1:
                    err(f"{gpath.name}: spans of {id1} and {id2} overlap")
        # relations
        seen = set()
        for r in gold.get("relations", []):
            rt, s, t, h = r.get("type"), r.get("source"), r.get("target"), r.get("hedged")
            where = f"{gpath.name}: {rt} {s}->{t}"
            if rt not in REL_SIGNATURES:
                err(f"{where}: bad relation type")
                continue
            if s not in ents or t not in ents:
                err(f"{where}: endpoint missing")
                continue
            if s == t:
                err(f"{where}: self-relation")
            st, tt = REL_SIGNATURES[rt]
            if ents[s].get("type") not in st or ents[t].get("type") not in tt:
                err(f"{where}: bad endpoint types {ents[s].get('type')}->{ents[t].get('type')}")
            if not isinstance(h, bool):
                err(f"{where}: hedged must be boolean")
            if (rt, s, t) in seen:
                err(f"{where}: duplicate relation")
            seen.add((rt, s, t))
            rel_counts[rt] += 1
            if h is True:
                hedged_counts[rt] += 1
    # orphans and numbering
    if gold_dir.exists():
        for g in sorted(gold_dir.glob("*.json")):
            if not (docs_dir / (g.stem + ".txt")).exists():
                err(f"{g.name}: gold file without document")
    if profile["contiguous"] and nums and sorted(nums) != list(range(1, len(nums) + 1)):
        err(f"document numbers are not contiguous 001..{len(nums):03d}")
    if len(set(nums)) != len(nums):
        err("duplicate document numbers")
    for lang, n in profile["exact_langs"].items():
        if langs[lang] != n:
            err(f"expected {n} '{lang}' documents, found {langs[lang]}")
    for lang, n in profile["min_langs"].items():
        if langs[lang] < n:
            err(f"expected at least {n} '{lang}' documents, found {langs[lang]}")
    want = profile["min_cast_docs"]
    for k in sorted(cast):
        if len(key_docs[k]) < want:
            err(f"cast member {k} appears in {len(key_docs[k])} document(s), want >= {want}")
    splits_path = root / "splits.json"
    if splits_path.exists():
        splits = json.loads(splits_path.read_text(encoding="utf-8"))
        listed = [stem for part in splits.values() for stem in part]
        if sorted(listed) != sorted(d.stem for d in docs):
            err("splits.json must list every document exactly once")

    # ---- report -------------------------------------------------------
    print(f"documents: {len(docs)} ({', '.join(f'{l}={langs[l]}' for l in ('ru', 'en', 'be'))})")
    print(f"cast members: {len(cast)}; linked PERSON mentions cover "
          f"{sum(1 for k in cast if key_docs[k])} of them")
    print("entities:")
    for t in sorted(ENTITY_TYPES):
        print(f"  {t:<15}{ent_counts[t]:>5}")
    print(f"  {'TOTAL':<15}{sum(ent_counts.values()):>5}")
    print("relations (hedged):")
    for t in REL_SIGNATURES:
        print(f"  {t:<15}{rel_counts[t]:>5}  ({hedged_counts[t]})")
    print(f"  {'TOTAL':<15}{sum(rel_counts.values()):>5}  ({sum(hedged_counts.values())})")
    if errors:
        print(f"\n{len(errors)} ERROR(S):")
        for e in errors:
            print("  " + e)
        return 1
    print("\nOK: 0 errors")
    return 0


if __name__ == "__main__":
    base = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else pathlib.Path(__file__).resolve().parent
    sys.exit(main(base))
