"""What every page shares: the store (one driver per server process), safe text rendering, links
between pages and the evidence panel. Pages call graph.explore; no Cypher here."""
from __future__ import annotations

import re

import streamlit as st

from graph import explore
from graph.connection import open_driver

PAGES = {"Person": "views/person.py", "Unit": "views/unit.py", "Incident": "views/incident.py",
         "Place": "views/timeline.py"}
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=^])")


@st.cache_resource(show_spinner=False)
def _store() -> explore.Store:
    driver, settings = open_driver()
    return explore.Store(driver, settings.database)


def store() -> explore.Store:
    return _store()


def plain(text: object) -> str:
    """Text from testimonies or the graph, escaped so Markdown shows it exactly as written (never
    interpreted as links, HTML, colours or formulas)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(text)).replace("\n", "  \n")


def link(label: str, node_id: str, name: str | None) -> None:
    page = PAGES.get(label)
    text = f"{name or node_id}"
    if page:
        st.page_link(page, label=text, query_params={"id": node_id})
    else:
        st.write(text)


def reviewer() -> str:
    return st.session_state.get("reviewer", "")


def evidence_panel(proof: explore.Evidence, fact_id: str, title: str = "Evidence") -> None:
    claims = proof.of(fact_id)
    testimonies = proof.testimonies(fact_id)
    with st.expander(f"{title}: {len(claims)} claim(s), {testimonies} independent testimon"
                     f"{'y' if testimonies == 1 else 'ies'}"):
        for claim in claims:
            show_claim(claim)


def show_claim(claim: dict) -> None:
    piece = explore.highlighted(claim)
    if piece:
        excerpt, start, end = piece
        marked = "\n".join(f":orange-background[**{plain(line)}**]" if line.strip() else line
                            for line in excerpt[start:end].split("\n"))  # a highlight cannot span lines
        quoted = plain(excerpt[:start]) + marked.replace("\n", "  \n") + plain(excerpt[end:])
        st.markdown("> " + quoted.replace("  \n", "  \n> "))
    source = claim.get("testimony_id") or claim.get("source_id") or "?"
    status = claim.get("status")
    reviewed = f" by {plain(claim['reviewed_by'])}" if claim.get("reviewed_by") else ""
    st.caption(f"{plain(claim['predicate'])} · testimony {plain(source[:12])} · {plain(claim['extractor'])} "
               f"{plain(claim.get('extractor_version') or '')} · confidence {claim['confidence']:.2f}"
               f"{' · hedged' if claim.get('hedged') else ''} · status **{plain(status)}**{reviewed}")


def date_range(precision: str | None, low: str | None, high: str | None) -> str:
    if not low and not high:
        return "date unknown"
    if low == high:
        return low or "?"
    return f"{low or '…'} – {high or '…'}" + (f" ({precision})" if precision and precision != "day" else "")
