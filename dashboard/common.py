"""What every page shares: the store (one driver per server process), safe text rendering, links
between pages and the evidence panel. Pages call graph.explore (reads), graph.review (decisions) and
graph.analytics; no Cypher here."""
from __future__ import annotations

import calendar
import json
import re
import unicodedata

import streamlit as st

from access.audit import AuditLog
from access.users import allows
from graph import explore, queries
from graph.connection import open_driver

PAGES = {"Person": "views/person.py", "Unit": "views/unit.py", "Incident": "views/incident.py",
         "Place": "views/timeline.py"}
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=^])")


@st.cache_resource(show_spinner=False)
def _store() -> queries.Store:
    driver, settings = open_driver()
    return queries.Store(driver, settings.database)


def store() -> queries.Store:
    return _store()


def plain(text: object) -> str:
    """Text from testimonies or the graph, escaped so Markdown shows it exactly as written (never
    interpreted as links, HTML, colours, shortcodes or formulas). Invisible and text-direction characters
    (zero-width spaces, a right-to-left override) are shown as their code, [U+202E], not applied."""
    shown = "".join(f"[U+{ord(ch):04X}]" if unicodedata.category(ch) == "Cf" else ch for ch in str(text))
    return _MARKDOWN_SPECIAL.sub(r"\\\1", shown).replace("\n", "  \n")


def link(label: str, node_id: str, name: str | None) -> None:
    page = PAGES.get(label)
    text = plain(name or node_id)  # labels render Markdown: names from testimonies are escaped
    if page:
        st.page_link(page, label=text, query_params={"id": node_id})
    else:
        st.write(text)


def export_link(node_id: str) -> None:
    """'Export a case file from here', for the roles that may export (others do not have the page)."""
    if can("investigator"):
        st.page_link("views/export.py", label="Export a case file from here", query_params={"id": node_id})


def current_user() -> dict | None:
    """{"name", "role"} of the signed-in user (kept in the server-side session), or None."""
    return st.session_state.get("user")


def can(role: str) -> bool:
    user = current_user()
    return bool(user) and allows(user["role"], role)


def require(role: str) -> None:
    """Stop the page unless the signed-in user has at least this role (checked on the server)."""
    if not can(role):
        st.error(f"This page needs the {role} role.")
        st.stop()


def reviewer() -> str:
    user = current_user()
    return user["name"] if user else ""


def audit(event: str, **details) -> None:
    user = current_user()
    AuditLog.from_env().append(user["name"] if user else "anonymous", event, **details)


def audit_once(event: str, **details) -> None:
    """Log a view or a search once, not at every rerun of the page (Streamlit reruns on each click)."""
    marker = f"audited:{event}"
    if st.session_state.get(marker) != details:
        st.session_state[marker] = details
        audit(event, **details)


def status_badge(claims: list[dict]) -> str:
    """The review status of a fact as a badge: confirmed by an analyst, in conflict, or unreviewed."""
    statuses = {c.get("status") for c in claims}
    if "confirmed" in statuses:
        return ":green-badge[confirmed]"
    if "conflict" in statuses:
        return ":orange-badge[conflict]"
    return ":gray-badge[unreviewed machine claim]" if claims else ":gray-badge[no claim]"


def evidence_panel(proof: explore.Evidence, fact_id: str, title: str = "Evidence") -> None:
    claims = proof.of(fact_id)
    testimonies = proof.testimonies(fact_id)
    with st.expander(f"{plain(title)}: {len(claims)} claim(s), {testimonies} independent testimon"
                     f"{'y' if testimonies == 1 else 'ies'}"):
        for claim in claims:
            show_claim(claim)


def show_claim(claim: dict) -> None:
    piece = explore.highlighted(claim) if can("analyst") else None
    if not can("analyst"):
        st.caption("Excerpt hidden: the viewer role does not see testimony text.")
    if piece:
        excerpt, spans = piece
        quoted, at = "", 0
        for start, end in spans:  # the claimed span, or a relation's two ends
            marked = "\n".join(f":orange-background[**{plain(line)}**]" if line.strip() else line
                                for line in excerpt[start:end].split("\n"))  # a highlight cannot span lines
            quoted += plain(excerpt[at:start]) + marked.replace("\n", "  \n")
            at = end
        quoted += plain(excerpt[at:])
        st.markdown("> " + quoted.replace("  \n", "  \n> "))
    source = claim.get("testimony_id") or claim.get("source_id") or "?"
    status = claim.get("status")
    reviewed = f" by {plain(claim['reviewed_by'])}" if claim.get("reviewed_by") else ""
    st.caption(f"{plain(claim['predicate'])} · testimony {plain(source[:12])} · {plain(claim['extractor'])} "
               f"{plain(claim.get('extractor_version') or '')} · confidence {claim['confidence']:.2f}"
               f"{' · hedged' if claim.get('hedged') else ''}{' · **from OCR**' if claim.get('ocr') else ''}"
               f" · status **{plain(status)}**{reviewed}"
               + (f" · consent: {plain(', '.join(c.replace('_', ' ') for c in claim['testimony_consent']))}"
                  if claim.get("testimony_consent") else ""))


NAME_FLAGS = {"mixed_script": "Latin and Cyrillic letters mixed in one word",
              "invisible_characters": "invisible characters", "bidi_control": "text-direction controls"}
PROPOSAL_KINDS = {"review_band": "the model is unsure", "surname_only": "named by surname alone; several candidates"}
RULES = {"anchor": "first mention of this person", "model": "matched by the resolution model",
         "single_candidate": "the one consistent person with this surname the model found likely",
         "context": "initials fitting several namesakes: the one of its unit or of the place it acted",
         "surname_only": "surname alone: the one compatible official",
         "surname_typo": "a surname one letter from the only compatible official's", "analyst": "an analyst's decision",
         "same_form": "written exactly as another mention of this person"}


def match_reasons(reasons: object) -> None:
    """What drove a link: each comparison's level and its weight (positive: for the link)."""
    if isinstance(reasons, str):
        reasons = json.loads(reasons) if reasons else {}
    if not reasons:
        return
    weights, levels = reasons.get("weights") or {}, reasons.get("levels") or {}
    parts = [f"{name}: {levels.get(name, '?')} ({weight:+.1f})" for name, weight in
             sorted(weights.items(), key=lambda item: -abs(item[1])) if weight]
    st.caption(plain(RULES.get(reasons.get("kind"), reasons.get("kind") or "") +
                     (" — " + "; ".join(parts) if parts else "")))


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


def date_range(precision: str | None, low: str | None, high: str | None) -> str:
    """A date at the precision it is known: "10 August 2020", "August 2020", "2020", "9–12 August 2020",
    "on or before 13 August 2020", "date unknown"."""
    if not low and not high:
        return "date unknown"
    if not low:
        return f"on or before {_day(high)}"
    if not high:
        return f"on or after {_day(low)}"
    if low == high:
        return _day(low)
    y1, m1, d1 = low.split("-")
    y2, m2, d2 = high.split("-")
    last = calendar.monthrange(int(y2), int(m2))[1]
    if y1 == y2 and m1 == m2 and d1 == "01" and int(d2) == last:
        return f"{MONTHS[int(m1) - 1]} {y1}"
    if y1 == y2 and (m1, d1) == ("01", "01") and (m2, d2) == ("12", "31"):
        return y1
    if y1 == y2 and m1 == m2:
        return f"{int(d1)}–{int(d2)} {MONTHS[int(m1) - 1]} {y1}"
    return f"{_day(low)} – {_day(high)}"


def bound(low: str | None, high: str | None) -> str:
    """When a post began or ended, as known: "between 1 and 31 December 2020", "on or before 1 August 2020",
    "on or after 13 August 2020", "unknown"."""
    if low and high:
        return date_range(None, low, high) if low != high else date_range("day", low, low)
    if high:
        return date_range(None, None, high)
    if low:
        return date_range(None, low, None)
    return "unknown"


def held_between(post: dict) -> str:
    """A post's known period in words: "began between 1 and 31 December 2020, ended unknown"."""
    return (f"began {bound(post.get('start_min'), post.get('start_max'))}, "
            f"ended {bound(post.get('end_min'), post.get('end_max'))}")


def _day(iso: str) -> str:
    year, month, day = iso.split("-")
    return f"{int(day)} {MONTHS[int(month) - 1]} {year}"