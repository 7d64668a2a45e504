"""The dossier (HTML and PDF): persons and their posts, incidents with the command chain at the date of
each, a timeline, every fact with its citations, and a table mapping the evidence to the elements of
torture in article 1 of the Convention against Torture. Every value is HTML-escaped."""
from __future__ import annotations

import re
from datetime import datetime, timezone
from html import escape
from pathlib import Path

from graph.export import Subgraph

# Severe pain or suffering is stated by the evidence, not inferred from a category: acts of physical
# violence the claims name, or injuries and medical consequences the excerpts state.
PHYSICAL = {"beating", "torture", "sexual violence"}
INJURIES = re.compile(r"синяк\w*|гематом\w*|перелом\w*|сотрясени\w*|кровь|крови|кровоподт\w*|сознани\w*|ожог\w*|"
                      r"травм\w*|больниц\w*|скор\w* помощ\w*|сіняк\w*|пералом\w*|крыві|прытомн\w*|траўм\w*|"
                      r"бальніц\w*|bruis\w*|fractur\w*|concussion|blood|unconscious\w*|burns?|injur\w*|hospital\w*",
                      re.IGNORECASE)
PURPOSES = {
    "obtaining information or a confession": re.compile(
        r"допрос|допыт|признан|пароль|password|interrogat|confess|показани|прызнан", re.IGNORECASE),
    "punishment or intimidation (protests, opinions)": re.compile(
        r"протест|митинг|марш|punish|protest|наказ|пратэст|за то, что|за тое, што|флаг|flag", re.IGNORECASE),
    "discrimination": re.compile(r"национальн|язык|belarusian-speaking|беларускамоўн", re.IGNORECASE),
}
STYLE = """
body { font-family: 'DejaVu Sans', sans-serif; font-size: 10pt; line-height: 1.4; margin: 2em; }
h1 { font-size: 18pt; } h2 { font-size: 14pt; border-bottom: 1px solid #999; margin-top: 1.5em; }
h3 { font-size: 11pt; margin-bottom: 0.2em; }
table { border-collapse: collapse; width: 100%; margin: 0.5em 0; } td, th { border: 1px solid #bbb;
padding: 3px 5px; vertical-align: top; text-align: left; } th { background: #eee; }
blockquote { margin: 0.3em 0 0.3em 1em; padding-left: 0.6em; border-left: 3px solid #c0392b; color: #333; }
.meta { color: #555; font-size: 8.5pt; } .certain { font-weight: bold; } .possible { font-style: italic; }
.status { border: 2px solid #a00; padding: 0.4em 0.6em; color: #a00; font-weight: bold; }
"""


def _e(value: object) -> str:
    return escape("" if value is None else str(value))


def _citations(subgraph: Subgraph, fact_id: str) -> str:
    parts = []
    for claim in subgraph.claims.get(fact_id, []):
        testimony = subgraph.testimonies.get(claim.get("testimony_id"), {}) or {}
        received = (testimony.get("testimony") or {}).get("received")
        consent = (testimony.get("testimony") or {}).get("consent")
        parts.append(
            f"<blockquote>«{_e((claim.get('excerpt') or '').strip())}»<br><span class='meta'>testimony "
            f"{_e(str(claim.get('testimony_id') or claim.get('source_id'))[:16])}"
            f"{' · given by ' + _e(testimony['pseudonym']) if testimony.get('pseudonym') else ''}"
            f"{' · received ' + _e(received) if received else ''}"
            f"{' · consent: ' + _e(', '.join(c.replace('_', ' ') for c in consent)) if consent else ''}"
            f"{' · from OCR' if claim.get('ocr') else ''}"
            f" · {_e(claim['extractor'])} · confidence "
            f"{claim['confidence']:.2f} · status {_e(claim['status'])}</span></blockquote>")
    return "".join(parts) or "<p class='meta'>No citation kept by this selection.</p>"


def _when(props: dict) -> str:
    low, high = props.get("date_min"), props.get("date_max")
    return _e(low if low == high else f"{low or '…'} – {high or '…'}")


def _posts_at(subgraph: Subgraph, person_id: str, low: str | None, high: str | None) -> list[dict]:
    low, high = low or "0000-01-01", high or "9999-12-31"
    return [link for link in subgraph.links_of("HELD") if link["source"] == person_id
            and (link["props"].get("start_min") or "0000-01-01") <= high
            and (link["props"].get("end_max") or "9999-12-31") >= low]


def article_one(subgraph: Subgraph, incident_id: str) -> dict[str, str]:
    """The elements of torture (CAT art. 1) the cited evidence gives for one incident, in plain words."""
    props = subgraph.nodes[incident_id]["props"]
    agents = [l for l in subgraph.links_of("PERPETRATED", "ORDERED") if l["target"] == incident_id]
    excerpts = " ".join(c.get("excerpt") or "" for fact in [incident_id, *(a["fact_id"] for a in agents)]
                        for c in subgraph.claims.get(fact, []))
    violations = set(props.get("violations") or [])
    injuries = sorted({m.group(0).lower() for m in INJURIES.finditer(excerpts)})
    physical = sorted(violations & PHYSICAL)
    pain = "; ".join(part for part in (
        f"acts of physical violence stated: {', '.join(physical)}" if physical else "",
        f"injuries or medical consequences stated: {', '.join(injuries)}" if injuries else "") if part)
    officials = []
    for agent in agents:
        if subgraph.nodes[agent["source"]]["label"] == "Unit":
            officials.append(f"{subgraph.name(agent['source'])} (a state unit)")
        for post in _posts_at(subgraph, agent["source"], props.get("date_min"), props.get("date_max")):
            officials.append(f"{subgraph.name(agent['source'])}, {post['props'].get('title') or post['props'].get('role')}"
                             f" of {subgraph.name(post['target'])}")
    purposes = [name for name, pattern in PURPOSES.items() if pattern.search(excerpts)]
    not_given = "not established by the cited evidence"
    return {
        "severe pain or suffering": f"indicated: {pain}" if pain else (
            f"ill-treatment stated ({', '.join(sorted(violations))}); severity {not_given}" if violations else not_given),
        "intent": ("deliberate act attributed to " + ", ".join(
            f"{subgraph.name(a['source'])} ({a['type'].lower()}, confidence {subgraph.confidence(a['fact_id']):.2f})"
            for a in agents)) if agents else not_given,
        "purpose": ("indicated: " + "; ".join(purposes)) if purposes else not_given,
        "official capacity": ("indicated: " + "; ".join(sorted(set(officials)))) if officials else not_given,
    }


def _overlap(a: dict, b: dict) -> bool:
    """Two posts' possible periods meet."""
    return (a.get("start_min") or "0000-01-01") <= (b.get("end_max") or "9999-12-31") and \
        (b.get("start_min") or "0000-01-01") <= (a.get("end_max") or "9999-12-31")


def contradictions(subgraph: Subgraph) -> list[dict]:
    """What the evidence says against itself, for the prosecutor to weigh: claims an analyst marked as
    conflicting; one person stated with different ranks, or in different units with the same role, over
    periods that meet. Each entry: {"kind", "about", "statements": [(what, fact id)]}."""
    found = []
    for fact_id, claims in sorted(subgraph.claims.items()):
        marked = [c for c in claims if c.get("status") == "conflict"]
        if marked:
            found.append({"kind": "marked as conflicting by an analyst", "about": _fact_name(subgraph, fact_id),
                          "statements": [(c.get("note") or c.get("predicate") or "", fact_id) for c in marked]})
    for person in subgraph.nodes_of("Person"):
        held = [l for l in subgraph.links_of("HELD") if l["source"] == person["id"]]
        ranks = {}
        for link in held:
            if link["props"].get("rank"):
                ranks.setdefault(link["props"]["rank"], []).append(link)
        if len(ranks) > 1 and any(_overlap(a["props"], b["props"]) for r1, l1 in ranks.items() for r2, l2 in ranks.items()
                                  if r1 < r2 for a in l1 for b in l2):
            found.append({"kind": "different ranks stated", "about": person["name"],
                          "statements": [(f"{rank} ({subgraph.name(l['target'])})", l["fact_id"])
                                         for rank, links in sorted(ranks.items()) for l in links]})
        for i, a in enumerate(held):
            for b in held[i + 1:]:
                if a["target"] != b["target"] and a["props"].get("role") == b["props"].get("role") and \
                        _overlap(a["props"], b["props"]):
                    found.append({"kind": "the same post stated in different units", "about": person["name"],
                                  "statements": [(f"{a['props'].get('role')} of {subgraph.name(a['target'])}", a["fact_id"]),
                                                 (f"{b['props'].get('role')} of {subgraph.name(b['target'])}", b["fact_id"])]})
    return found


def _fact_name(subgraph: Subgraph, fact_id: str) -> str:
    if fact_id in subgraph.nodes:
        return subgraph.name(fact_id)
    link = next((l for l in subgraph.links if l["fact_id"] == fact_id), None)
    if link is None:
        return fact_id
    return f"{subgraph.name(link['source'])} — {link['type'].lower()} — {subgraph.name(link['target'])}"


def review_status(subgraph: Subgraph) -> tuple[int, int]:
    """(unreviewed machine claims, all claims) among the citations this case file carries."""
    claims = [c for cited in subgraph.claims.values() for c in cited]
    return sum(c.get("status", "machine") == "machine" for c in claims), len(claims)


def _window(selection) -> str:
    if not selection.date_from and not selection.date_to:
        return "no time limit"
    if not selection.date_to:
        return f"from {selection.date_from}"
    if not selection.date_from:
        return f"until {selection.date_to}"
    return f"{selection.date_from} to {selection.date_to}"


CHANNELS = {"document": "written statement (text, DOCX or PDF)", "intake_form": "intake form",
            "telegram": "chat-bot conversation"}  # ingest/readers.py source types


def statements(subgraph: Subgraph) -> list[dict]:
    """One row per cited testimony (per-statement provenance): the victim's pseudonym, when it was received,
    its language, the channel it came through, the consent it was given under, whether the text is a
    translation (the graph keeps every text in its own language: never), and its source."""
    rows = []
    for testimony_id, row in sorted(subgraph.testimonies.items()):
        testimony = row.get("testimony") or {}
        source = row.get("source") or {}
        rows.append({"testimony": testimony_id[:12], "pseudonym": row.get("pseudonym") or "not recorded",
                     "received": testimony.get("received") or "not recorded",
                     "language": testimony.get("language") or "?",
                     "channel": CHANNELS.get(testimony.get("source_type") or "", testimony.get("source_type") or "?"),
                     "consent": ", ".join(c.replace("_", " ") for c in testimony.get("consent") or []) or "not recorded",
                     "translation": "original language, not translated",
                     "source": source.get("name") or "not recorded"})
    return rows


def pattern(subgraph: Subgraph) -> list[dict]:
    """The material for "widespread or systematic": per unit or place that carried out or hosted incidents, and
    per month, how many incidents, how many testimonies and how many distinct victims (pseudonyms) tell them."""
    victim_of = {tid: row.get("pseudonym") for tid, row in subgraph.testimonies.items()}
    cells: dict[tuple[str, str], dict] = {}
    for incident in subgraph.nodes_of("Incident"):
        month = (incident.get("date_min") or "")[:7] or "undated"
        where = {subgraph.name(l["source"]) for l in subgraph.links_of("PERPETRATED")
                 if l["target"] == incident["id"] and subgraph.nodes.get(l["source"], {}).get("label") == "Unit"}
        where |= {subgraph.name(l["target"]) for l in subgraph.links_of("OCCURRED_AT") if l["source"] == incident["id"]}
        told = {c["testimony_id"] for claims in (subgraph.claims.get(incident["id"], []),) for c in claims
                if c.get("testimony_id")}
        for name in where or {"unit and place not stated"}:
            cell = cells.setdefault((name, month), {"incidents": 0, "testimonies": set(), "victims": set()})
            cell["incidents"] += 1
            cell["testimonies"] |= told
            cell["victims"] |= {victim_of[t] for t in told if victim_of.get(t)}
    return [{"where": name, "month": month, "incidents": cell["incidents"], "testimonies": len(cell["testimonies"]),
             "victims": len(cell["victims"])} for (name, month), cell in sorted(cells.items())]


def html(subgraph: Subgraph, exported_by: str, exported_at: str) -> str:
    selection = subgraph.selection
    unreviewed, total = review_status(subgraph)
    status = (f"{unreviewed} of the {total} citations in this file are unreviewed machine extractions: no analyst "
              "has confirmed them. For use in court, export with --min-status confirmed."
              if unreviewed else f"All {total} citations in this file were confirmed by an analyst.")
    banner = f"<p class='status'>{_e(status)}</p>"
    running = "Unreviewed machine claims included" if unreviewed else "Analyst-confirmed claims only"
    out = [f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Case file</title>"
           f"<style>{STYLE}@page {{ @top-center {{ content: '{running}'; font-size: 8pt; color: #a00; }} }}"
           f"</style></head><body>",
           "<h1>Case file: perpetrators, command and evidence</h1>", banner,
           f"<p class='meta'>Exported {_e(exported_at)} by {_e(exported_by)}. Seeds: {_e(', '.join(selection.seeds))}; "
           f"{selection.hops} hop(s); time window: {_e(_window(selection))}; "
           f"minimum status {_e(selection.min_status)}, minimum confidence {selection.min_confidence:.2f}. "
           "Victims appear only as pseudonyms. Each fact is followed by the testimony excerpts it rests on.</p>"]
    out.append("<h2>Persons and their posts</h2>")
    for person in subgraph.nodes_of("Person"):
        out.append(f"<h3>{_e(person['name'])}</h3>")
        variants = [n for n in person.get("names") or [] if n != person["name"]]
        if variants:
            out.append(f"<p class='meta'>Also written: {_e(', '.join(variants))}</p>")
        posts = [l for l in subgraph.links_of("HELD") if l["source"] == person["id"]]
        if posts:
            out.append("<table><tr><th>Unit</th><th>Role</th><th>Rank</th><th>In post</th><th>Testimonies</th></tr>")
            for post in posts:
                p = post["props"]
                out.append(f"<tr><td>{_e(subgraph.name(post['target']))}</td><td>{_e(p.get('title') or p.get('role'))}</td>"
                           f"<td>{_e(p.get('rank'))}</td><td>from {_e(p.get('start_min') or 'unknown')} (at the latest "
                           f"{_e(p.get('start_max') or '?')}) to {_e(p.get('end_max') or 'unknown')} (at least "
                           f"{_e(p.get('end_min') or '?')})</td><td>{subgraph.corroboration(post['fact_id'])}</td></tr>")
            out.append("</table>")
            for post in posts:
                out.append(f"<p class='meta'>{_e(post['props'].get('role'))} in {_e(subgraph.name(post['target']))}:</p>"
                           + _citations(subgraph, post["fact_id"]))
    incidents = sorted(subgraph.nodes_of("Incident"), key=lambda i: (i.get("date_min") or "9999", i["id"]))
    out.append("<h2>Timeline</h2><table><tr><th>Date</th><th>Incident</th><th>Place</th><th>Agents</th></tr>")
    for incident in incidents:
        places = [subgraph.name(l["target"]) for l in subgraph.links_of("OCCURRED_AT") if l["source"] == incident["id"]]
        agents = [subgraph.name(l["source"]) for l in subgraph.links_of("PERPETRATED", "ORDERED")
                  if l["target"] == incident["id"]]
        out.append(f"<tr><td>{_when(incident)}</td><td>{_e(incident.get('label'))}</td><td>{_e(', '.join(places))}</td>"
                   f"<td>{_e(', '.join(agents))}</td></tr>")
    out.append("</table><h2>Incidents, command chains and citations</h2>")
    for incident in incidents:
        out.append(f"<h3>{_when(incident)} · {_e(incident.get('label'))}</h3>")
        out.append(_citations(subgraph, incident["id"]))
        for link in subgraph.links_of("PERPETRATED", "ORDERED"):
            if link["target"] == incident["id"]:
                out.append(f"<p><b>{_e(subgraph.name(link['source']))}</b> — {_e(link['type'].lower())} "
                           f"({subgraph.corroboration(link['fact_id'])} testimonies)</p>"
                           + _citations(subgraph, link["fact_id"]))
        steps = subgraph.chains.get(incident["id"], [])
        if steps:
            out.append("<p>Chain of command on that date:</p><table><tr><th>Level</th><th>Unit</th>"
                       "<th>Commander</th><th>Post</th><th>Certainty</th></tr>")
            for step in steps:
                out.append(f"<tr><td>{step['level']}</td><td>{_e(step['unit'])}</td><td>{_e(step['commander'])}</td>"
                           f"<td>{_e(step['role'])}</td><td class='{_e(step['certainty'])}'>{_e(step['certainty'])}</td></tr>")
            out.append("</table>")
    out.append("<h2>Pattern</h2><p class='meta'>Incidents per unit or place and month, with the testimonies and "
               "distinct victims (pseudonyms) that tell them: the material for a widespread or systematic attack.</p>"
               "<table><tr><th>Unit or place</th><th>Month</th><th>Incidents</th><th>Testimonies</th><th>Victims</th></tr>")
    for row in pattern(subgraph):
        out.append(f"<tr><td>{_e(row['where'])}</td><td>{_e(row['month'])}</td><td>{row['incidents']}</td>"
                   f"<td>{row['testimonies']}</td><td>{row['victims']}</td></tr>")
    out.append("</table>")
    out.append("<h2>Contradictions register</h2><p class='meta'>Statements that do not agree, side by side with "
               "their citations: a court will ask about each.</p>")
    register = contradictions(subgraph)
    if not register:
        out.append("<p>No contradiction found among the cited statements.</p>")
    for entry in register:
        out.append(f"<h3>{_e(entry['about'])}: {_e(entry['kind'])}</h3>")
        for what, fact_id in entry["statements"]:
            out.append(f"<p><b>{_e(what)}</b></p>" + _citations(subgraph, fact_id))
    out.append("<h2>Elements of torture (Convention against Torture, article 1)</h2>"
               "<p class='meta'>What the cited evidence gives for each element; an empty element is not "
               "disproved, only not established by these citations.</p>"
               "<table><tr><th>Incident</th><th>Severe pain or suffering</th><th>Intent</th><th>Purpose</th>"
               "<th>Official capacity</th></tr>")
    for incident in incidents:
        elements = article_one(subgraph, incident["id"])
        out.append(f"<tr><td>{_when(incident)} {_e(incident.get('label'))}</td>"
                   + "".join(f"<td>{_e(elements[k])}</td>" for k in ("severe pain or suffering", "intent", "purpose",
                                                                      "official capacity")) + "</tr>")
    out.append("</table>")
    out.append("<h2>Statements</h2><p class='meta'>Every testimony this file cites: who gave it (pseudonym), when it "
               "was received, its language, the channel it came through, the consent it was given under, whether the "
               "text is a translation, and its source.</p><table><tr><th>Testimony</th><th>Victim</th><th>Received</th>"
               "<th>Language</th><th>Channel</th><th>Consent</th><th>Translation</th><th>Source</th></tr>")
    for row in statements(subgraph):
        out.append("<tr>" + "".join(f"<td>{_e(row[k])}</td>" for k in ("testimony", "pseudonym", "received", "language",
                                                                        "channel", "consent", "translation", "source"))
                   + "</tr>")
    out.append("</table></body></html>")
    return "".join(out)


def write(subgraph: Subgraph, folder: Path) -> list[Path]:
    import weasyprint

    exported_at = subgraph.exported_at or datetime.now(timezone.utc).isoformat(timespec="seconds")
    page = folder / "dossier.html"
    page.write_text(html(subgraph, subgraph.exported_by or "unknown", exported_at), encoding="utf-8")
    pdf = folder / "dossier.pdf"
    weasyprint.HTML(filename=str(page)).write_pdf(str(pdf))
    return [page, pdf]
