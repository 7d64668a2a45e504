"""One person's posts as one row per unit and role.

Each testimony's mention of a person tells its own posts (so that resolution can move them with the
mention); a person therefore holds several Post nodes for one unit and role, one per testimony that saw
him there. Read together they say: the post began no later than the earliest sighting and ended no
earlier than the latest, within any stated bounds; and the person held it during every incident in
whose episode a testimony saw him in it (``seen_at``).
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from graph.model import PRECISIONS


def joined(posts: list[dict]) -> list[dict]:
    """Posts (dicts with unit_id, role and the date bounds) joined per (unit_id, role); ``ids`` lists the
    Post ids behind each row (claims cite them), ``id`` is the first of them."""
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for post in posts:
        groups[(post.get("unit_id"), post.get("role"))].append(post)
    out = []
    for (_, _), same in sorted(groups.items(), key=lambda item: (str(item[0][0]), str(item[0][1]))):
        ordered = sorted(same, key=lambda p: p["id"])
        latest = max(ordered, key=lambda p: p.get("end_min") or p.get("start_max") or "")
        row = {**ordered[0], "ids": [p["id"] for p in ordered], "rank": latest.get("rank") or ordered[0].get("rank"),
               "title": next((p["title"] for p in ordered if p.get("title")), None),
               "start_min": _extreme(max, ordered, "start_min"), "start_max": _extreme(min, ordered, "start_max"),
               "end_min": _extreme(max, ordered, "end_min"), "end_max": _extreme(min, ordered, "end_max"),
               "precision": max((p.get("precision") or "unknown" for p in ordered), key=PRECISIONS.index),
               "seen_at": sorted({i for p in ordered for i in p.get("seen_at") or []})}
        out.append(row)
    return out


def _extreme(pick, posts: list[dict], field: str) -> str | None:
    values = [p[field] for p in posts if p.get(field)]
    return pick(values) if values else None


def seen_during(post: dict, during: str | Iterable[str] | None) -> bool:
    """Did a testimony see the person in this post during the incident (``during``: its id, or the ids of
    the incidents of its event)?"""
    if not during:
        return False
    during = {during} if isinstance(during, str) else set(during)
    return bool(during & set(post.get("seen_at") or []))


def certainty(post: dict, wmin: str, wmax: str, during: str | Iterable[str] | None = None) -> str:
    """'certain' when the post surely covers the whole window [wmin, wmax], or when a testimony saw the
    person in this post during the incident itself or another account of its event (``seen_at``: "Там был
    сам начальник РУВД Калинин"), whatever its date; else 'possible'."""
    if seen_during(post, during):
        return "certain"
    surely_began = (post.get("start_max") or "9999-12-31") <= wmin
    surely_lasted = (post.get("end_min") or "0000-01-01") >= wmax
    return "certain" if surely_began and surely_lasted else "possible"


def reason(post: dict, wmin: str, wmax: str, during: str | Iterable[str] | None = None) -> str:
    """Why a post is certain or possible for the window [wmin, wmax], in words: what its dates are and how
    they stand against the incident's."""
    if seen_during(post, during):
        return "a testimony saw him in this post during this incident (or another account of its event)"
    began, lasted = post.get("start_max"), post.get("end_min")
    when = "the incident's date is not known" if wmin == "0000-01-01" and wmax == "9999-12-31" else \
        (f"the incident on {wmin}" if wmin == wmax else f"the incident between {_shown(wmin)} and {_shown(wmax)}")
    held = ("in post from " + (f"≤ {began}" if began else "an unknown date") + " to " +
            (f"≥ {lasted}" if lasted else "an unknown date"))
    if certainty(post, wmin, wmax, during) == "certain":
        return f"{held}, which covers {when}"
    if not began and not lasted:
        return f"the post's dates are not known; {when}"
    if began and began > wmin:
        return f"{held}: first known in post after the start of {when}"
    if lasted and lasted < wmax:
        return f"{held}: last known in post before the end of {when}"
    return f"{held}: the dates may not cover {when}"


def _shown(day: str) -> str:
    return "an unknown date" if day in ("0000-01-01", "9999-12-31") else day


ROLE_WORDS = {  # a post's role in words, English and Russian (the dashboard, the dossier)
    "commander": ("commander", "командир"), "deputy_commander": ("deputy commander", "заместитель командира"),
    "head": ("head", "начальник"), "deputy_head": ("deputy head", "заместитель начальника"),
    "chief_of_staff": ("chief of staff", "начальник штаба"),
    "subunit_commander": ("commander of a sub-unit (company, platoon, shift)", "командир подразделения"),
    "officer": ("officer", "сотрудник"), "member": ("member", "сотрудник"), "investigator": ("investigator", "следователь"),
    "operative": ("operative", "оперуполномоченный"), "judge": ("judge", "судья"), "prosecutor": ("prosecutor", "прокурор"),
    "guard": ("guard, warder", "контролёр, конвоир"), "driver": ("driver", "водитель"), "medic": ("medic", "медик"),
    "other": ("staff", "сотрудник"),
}


def role_words(role: str | None, lang: str = "en") -> str:
    words = ROLE_WORDS.get(role or "")
    return (words[0] if lang == "en" else words[1]) if words else (role or "post unknown").replace("_", " ")
