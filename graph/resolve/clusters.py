"""From scored pairs to persons: clustering under constraints, proposals for review, person ids.

Order of decisions, each obeying the ones before:
1. analysts' decisions: an accepted merge joins two mentions (must-link), a refused one keeps them
   apart (cannot-link) on every run;
2. mentions with a given name (or its initial) join when the model's match probability is at least
   ``AUTO_LINK`` and the two groups stay consistent: one given-name initial, no two different given
   names or patronymics (a typo apart is the same), one gender;
3. a named group the model was unsure about (at least ``REVIEW_MIN``, or any probability when given name
   and patronymic both agree) joins the one consistent group with the same surname it could be; with two or more it waits for review; a lone named form whose surname is
   a typo of exactly one compatible person's (``_TypoIndex``) joins it; initials that fit two namesakes
   written in full (``_fitting_namesakes``) join the one their unit, scene or co-named officials pick
   (``_join_by_context``), else wait for review;
4. a mention by surname alone joins the one compatible official of its gender written with the same
   surname skeleton (a rank that did not fall, unless no other official fits: a rank misread is commoner
   than a demotion; a period within ``SAME_PERIOD_DAYS``); spelled the same
   before a skeleton namesake (Королёв before Крылов); among several, those of the same unit, then those seen
   where its incidents took place, then the one named alongside the same officials, then the one of the same
   rank (``_narrowed_by_context``); with several left it goes to
   review; with none, a typo of exactly one compatible person's surname (``_TypoIndex``) joins it;
5. surname-only mentions left over form surname-only persons with their compatible namesakes;
6. pairs between ``REVIEW_MIN`` and ``AUTO_LINK`` (and ambiguous surname-only mentions) become
   proposals for analysts; nothing below ``REVIEW_MIN`` is linked or proposed.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from rapidfuzz import process
from rapidfuzz.distance import OSA, JaroWinkler

from graph.resolve.linkage import SURNAME_SAME, SURNAME_TYPO, ScoredPair, level_label
from nlp import names

AUTO_LINK = 0.80
REVIEW_MIN = 0.50
SAME_PERIOD_DAYS = 730
TYPO_SIMILARITY = 0.88
TYPO_MIN_LETTERS = 5         # a surname shorter than this is never read as a typo of another
TYPO_FREQUENCY_RATIO = 3     # ... and only of a person written at least this many times as often


@dataclass
class Group:
    """What a growing cluster must stay consistent with: the initials its given name and patronymic may
    have (None: nothing stated), its full given names and patronymics, its gender."""
    members: list[str]
    initials: frozenset | None = None
    given: set[str] = field(default_factory=set)
    patr_initials: frozenset | None = None
    patronymics: set[str] = field(default_factory=set)
    genders: set[str] = field(default_factory=set)
    not_given: set[str] = field(default_factory=set)   # given names a text says it is not ("не путать с")

    def absorb(self, other: "Group") -> None:
        self.members += other.members
        self.initials = _narrowed(self.initials, other.initials)
        self.patr_initials = _narrowed(self.patr_initials, other.patr_initials)
        for name in ("given", "patronymics", "genders", "not_given"):
            getattr(self, name).update(getattr(other, name))

    def consistent_with(self, other: "Group") -> bool:
        return (_narrowed(self.initials, other.initials) != frozenset()
                and _narrowed(self.patr_initials, other.patr_initials) != frozenset()
                and len(self.genders | other.genders) <= 1 and _alike(self.given | other.given)
                and _alike(self.patronymics | other.patronymics))


def _narrowed(a: frozenset | None, b: frozenset | None) -> frozenset | None:
    """The initials both allow (None: no constraint on either side)."""
    return b if a is None else a if b is None else a & b


def _alike(values: set[str]) -> bool:
    """At most one name, or names a typo apart."""
    values = sorted(values)
    return all(_a_typo_apart(a, b) for i, a in enumerate(values) for b in values[i + 1:])


def _a_typo_apart(a: str, b: str) -> bool:
    """Close by Jaro-Winkler, or one letter changed, added, dropped or two swapped in a name of at least
    four letters (skeletons are short: "yrtm"/"yrcm" for Артёмович/Арцёмович, 0.87 by Jaro-Winkler)."""
    return JaroWinkler.similarity(a, b) >= TYPO_SIMILARITY or \
        (min(len(a), len(b)) >= 4 and OSA.distance(a, b, score_cutoff=1) <= 1)


@dataclass
class Link:
    """Why a mention is where it is: the rule, the mention it met, the probability and the weights."""
    kind: str                       # anchor | model | context | single_candidate | surname_only | surname_typo | analyst | same_form
    partner: str | None = None
    probability: float = 1.0
    weights: dict[str, float] = field(default_factory=dict)
    levels: dict[str, str] = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {"kind": self.kind, "with": self.partner, "probability": round(self.probability, 4),
                "weights": self.weights, "levels": self.levels}


@dataclass
class Proposal:
    mention_a: str
    mention_b: str
    probability: float
    kind: str                       # review_band | surname_only
    reasons: dict


@dataclass
class Resolution:
    person_of: dict[str, str]       # mention id -> person id
    links: dict[str, Link]          # mention id -> why
    proposals: list[Proposal]
    clusters: dict[str, list[str]]  # person id -> mention ids


class Clustering:
    def __init__(self, features: dict[str, dict], cannot: set[frozenset], sizes: dict[str, int]):
        self.features = features
        self.sizes = sizes
        self.parent = {m: m for m in features}
        self.groups = {m: _group(m, f) for m, f in features.items()}
        self.cannot = defaultdict(set)
        for pair in cannot:
            a, b = tuple(pair)
            self.cannot[a].add(b)
            self.cannot[b].add(a)

    def root(self, m: str) -> str:
        while self.parent[m] != m:
            self.parent[m] = self.parent[self.parent[m]]
            m = self.parent[m]
        return m

    def kept_apart(self, a: str, b: str) -> bool:
        """An analyst's refusal, a namesake a text tells apart, or a given name a text says it is not."""
        group_a, group_b = self.groups[self.root(a)], self.groups[self.root(b)]
        if group_a.not_given & group_b.given or group_b.not_given & group_a.given:
            return True
        members_b = set(group_b.members)
        return any(self.cannot[m] & members_b for m in group_a.members)

    def seen_at(self, a: str) -> set[str]:
        """The units a group's mentions state and the units and places where their incidents took place."""
        return {u for m in self.groups[self.root(a)].members for u in _whereabouts(self.features[m])}

    def union(self, a: str, b: str, check: bool = True) -> bool:
        ra, rb = self.root(a), self.root(b)
        if ra == rb:
            return True
        if self.kept_apart(ra, rb) or (check and not self.groups[ra].consistent_with(self.groups[rb])):
            return False
        if len(self.groups[ra].members) < len(self.groups[rb].members):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.groups[ra].absorb(self.groups.pop(rb))
        return True


def _group(mention: str, f: dict) -> Group:
    return Group([mention], frozenset(f["given_initials"]) or None, {f["given_full"]} - {None},
                 frozenset(f["patr_initials"]) or None, {f["patr_full"]} - {None}, {f["gender"]} - {None},
                 set(f.get("not_given") or ()))


def _link(kind: str, pair: ScoredPair, partner: str) -> Link:
    return Link(kind, partner, pair.probability, pair.weights,
                {name: level_label(name, gamma) for name, gamma in pair.levels.items()})


def cluster(features: dict[str, dict], local_keys: dict[str, str], pairs: list[ScoredPair],
            must: list[tuple[str, str]], cannot: list[tuple[str, str]],
            sizes: dict[str, int] | None = None, previous: dict[str, Counter] | None = None) -> Resolution:
    """``features``: mention id -> record features; ``local_keys``: mention id -> per-document person key;
    ``sizes``: how many mentions each record stands for (a name form; 1 when not given); ``previous``: the
    persons the mentions a record stands for were on after the last run (their ids are kept where they can be)."""
    work = Clustering(features, {frozenset(p) for p in cannot if p[0] in features and p[1] in features},
                      sizes or {})
    links: dict[str, Link] = {}
    for a, b in must:
        if a in features and b in features and work.union(a, b, check=False):
            links.setdefault(b, Link("analyst", a))
    named = {m for m, f in features.items() if f["given_initial"]}
    ranked = sorted(pairs, key=lambda p: (-p.probability, p.left, p.right))
    ambiguous = _fitting_namesakes(features, named, ranked)
    for pair in ranked:
        if pair.probability >= AUTO_LINK and pair.left in named and pair.right in named \
                and (pair.left in ambiguous) == (pair.right in ambiguous):
            if work.root(pair.left) != work.root(pair.right) and work.union(pair.left, pair.right):
                links.setdefault(pair.right, _link("model", pair, pair.left))

    by_mention = defaultdict(list)
    for pair in ranked:
        by_mention[pair.left].append((pair, pair.right))
        by_mention[pair.right].append((pair, pair.left))
    proposals: list[Proposal] = []
    _join_by_context(work, ambiguous, by_mention, links, proposals)
    _join_single_candidates(work, ranked, named - ambiguous, links)
    typos = _TypoIndex(work, named)
    for mention in sorted(named):  # "Мсрозов Владимир Николаевич" beside twenty "Морозов Владимир Николаевич"
        if work.root(mention) == mention and len(work.groups[mention].members) == 1:
            typos.join(mention, links)

    leftovers = []
    for mention in sorted(set(features) - named):
        if len(work.groups[work.root(mention)].members) > 1 and work.groups[work.root(mention)].initials:
            continue  # an analyst already joined it to a named person
        candidates, rank_fell = {}, {}
        for pair, other in by_mention[mention]:
            if other in named and _compatible_surname_only(pair, features[mention], features[other], rank=False) \
                    and not work.kept_apart(mention, other) \
                    and len(work.groups[work.root(other)].genders | work.groups[work.root(mention)].genders) <= 1:
                into = rank_fell if pair.levels.get("rank") == 0 else candidates
                best = into.get(work.root(other))
                if best is None or pair.probability > best[0].probability:
                    into[work.root(other)] = (pair, other)
        candidates = {r: c for r, c in candidates.items() if c[0].levels.get("surname") == SURNAME_SAME}
        if not candidates:  # a rank read wrong is commoner than a demotion: with no other, the one whose rank fell
            candidates = {r: c for r, c in rank_fell.items() if c[0].levels.get("surname") == SURNAME_SAME}
            candidates = candidates if len(candidates) == 1 else {}
        if not candidates and typos.join(mention, links):
            continue  # "Ерпов", once, beside forty "Ершов": the only official one letter away
        spelling = _spelling(features[mention])
        alike = {r: c for r, c in candidates.items() if _spelling(features[c[1]]) == spelling}
        candidates = alike or candidates  # "Королёв" meets Королёв before Крылов (one skeleton)
        chosen = _narrowed_by_context(work, mention, candidates)
        if len(chosen) == 1:
            (pair, other), = chosen.values()
            work.union(mention, other, check=False)
            links[mention] = _link("surname_only", pair, other)
        elif chosen:
            for pair, other in chosen.values():
                proposals.append(Proposal(mention, other, pair.probability, "surname_only",
                                          _link("surname_only", pair, other).as_dict()))
            leftovers.append(mention)
        else:
            leftovers.append(mention)
    leftover_set = set(leftovers)
    for pair in ranked:  # surname-only namesakes of one another
        if pair.left in leftover_set and pair.right in leftover_set and pair.levels.get("surname", 0) >= SURNAME_SAME \
                and _compatible_surname_only(pair, features[pair.left], features[pair.right]):
            if work.union(pair.left, pair.right):
                links.setdefault(pair.right, _link("surname_only", pair, pair.left))

    seen_pairs, proposed = set(), {p.mention_a for p in proposals}
    for pair in ranked:
        if pair.probability < REVIEW_MIN or pair.left in proposed or pair.right in proposed:
            continue
        key = frozenset((work.root(pair.left), work.root(pair.right)))
        if len(key) == 2 and key not in seen_pairs and not work.kept_apart(pair.left, pair.right):
            seen_pairs.add(key)
            proposals.append(Proposal(pair.left, pair.right, pair.probability, "review_band",
                                      _link("model", pair, pair.right).as_dict()))
    return _name(work, features, local_keys, links, proposals, previous or {})


class _TypoIndex:
    """Surnames one letter apart. A surname seen rarely, one letter (changed, added, dropped, or two
    swapped) from the surname of exactly one compatible person written at least ``TYPO_FREQUENCY_RATIO``
    times as often, is that person's surname mistyped: the noisy-channel reading of spelling correction,
    where a typo is a rare variant of a frequent form. With two such persons nothing is joined."""

    def __init__(self, work: Clustering, named: set[str]):
        self.work = work
        self.by_surname: dict[str, list[str]] = defaultdict(list)
        for m in sorted(named):
            for word in _spellings(work.features[m]):
                if len(word) >= TYPO_MIN_LETTERS - 1:
                    self.by_surname[word].append(m)
        # two words one edit apart (a letter changed, added, dropped, or two swapped) share the word with
        # one letter deleted (SymSpell's index): only surnames sharing such a deletion are compared
        self.by_deletion: dict[str, set[str]] = defaultdict(set)
        for word in self.by_surname:
            for variant in names.deletions(word):
                self.by_deletion[variant].add(word)

    def mentions_in(self, root: str) -> int:
        return sum(self.work.sizes.get(m, 1) for m in self.work.groups[root].members)

    def join(self, mention: str, links: dict[str, "Link"]) -> bool:
        work, f = self.work, self.work.features[mention]
        root = work.root(mention)
        found: dict[str, str] = {}
        for word in _spellings(f):  # the surname, and each case form the texts write it in
            if len(word) < TYPO_MIN_LETTERS:
                continue
            near = sorted({w for variant in names.deletions(word) for w in self.by_deletion.get(variant, ())})
            for other, distance, _ in process.extract(word, near, scorer=OSA.distance, score_cutoff=1, limit=None):
                if distance == 0:
                    continue
                for partner in self.by_surname[other]:
                    if work.features[partner]["skel"] == f["skel"]:
                        continue  # the same surname is the model's business, not a typo's
                    candidate = work.root(partner)
                    if candidate != root and candidate not in found and self._compatible(root, candidate):
                        found[candidate] = partner
        if len(found) != 1:
            return False
        (candidate, partner), = found.items()
        mine, theirs = self.mentions_in(root), self.mentions_in(candidate)
        if theirs < TYPO_FREQUENCY_RATIO * mine or not work.union(root, candidate, check=False):
            return False
        links[mention] = Link("surname_typo", partner, theirs / (theirs + mine), {}, {
            "surname": f"one letter from the surname of the only compatible official ({theirs} mentions to {mine})"})
        return True

    def _compatible(self, a: str, b: str) -> bool:
        """The two groups may be one person: consistent names and gender, a unit in common when both
        state units, some period within ``SAME_PERIOD_DAYS``, not kept apart by an analyst."""
        work = self.work
        if work.kept_apart(a, b) or not work.groups[a].consistent_with(work.groups[b]):
            return False
        fa = [work.features[m] for m in work.groups[a].members]
        fb = [work.features[m] for m in work.groups[b].members]
        units_a = {u for f in fa for u in f["unit_ids"]}
        units_b = {u for f in fb for u in f["unit_ids"]}
        if units_a and units_b and not units_a & units_b:
            return False
        days_a = [f["day"] for f in fa if f["day"] is not None]
        days_b = [f["day"] for f in fb if f["day"] is not None]
        return not days_a or not days_b or any(abs(x - y) <= SAME_PERIOD_DAYS for x in days_a for y in days_b)


def _narrowed_by_context(work: Clustering, mention: str, candidates: dict[str, tuple[ScoredPair, str]],
                         comparisons: tuple = (("unit", 1), ("scene", 1), ("co_named", 1), ("rank", 2))
                         ) -> dict[str, tuple[ScoredPair, str]]:
    """Among namesakes a mention could be (root -> (pair, partner)): those of its unit, then those seen where its
    incidents took place, then the one named alongside the same officials, then the one of the same rank."""
    chosen = candidates
    for comparison, agreeing in comparisons:
        if len(chosen) <= 1:
            break
        if comparison == "scene":
            narrowed = {r: c for r, c in chosen.items() if work.seen_at(r) & _whereabouts(work.features[mention])}
        else:
            narrowed = {r: c for r, c in chosen.items() if c[0].levels.get(comparison, -1) == agreeing}
        if len(narrowed) == 1 or (narrowed and comparison == "unit"):
            chosen = narrowed
    return chosen


def _fitting_namesakes(features: dict[str, dict], named: set[str], ranked: list[ScoredPair]) -> set[str]:
    """Forms named by initials alone ("С. В. Волкович") that fit two persons written in full who cannot be one
    ("Сергей Валерьевич" and "Святослав Васильевич Волкович"): which one they are is for their context
    (``_join_by_context``) or an analyst to tell, not for the model's score."""
    partners: dict[str, set[tuple]] = defaultdict(set)
    for pair in ranked:
        if pair.probability < REVIEW_MIN:
            break
        if pair.levels.get("surname") != SURNAME_SAME:
            continue
        for a, b in ((pair.left, pair.right), (pair.right, pair.left)):
            if a in named and features[a]["given_full"] is None and features[b]["given_full"] is not None:
                f = features[b]
                partners[a].add((f["given_full"], f["patr_full"], f["gender"], tuple(f["given_initials"]),
                                 tuple(f["patr_initials"])))
    ambiguous = set()
    for form, written_in_full in partners.items():
        groups = [Group([form], frozenset(gi) or None, {g} - {None}, frozenset(pi) or None, {p} - {None},
                        {s} - {None}) for g, p, s, gi, pi in written_in_full]
        if any(not a.consistent_with(b) for i, a in enumerate(groups) for b in groups[i + 1:]):
            ambiguous.add(form)
    return ambiguous


def _join_by_context(work: Clustering, ambiguous: set[str], by_mention: dict[str, list], links: dict[str, Link],
                     proposals: list[Proposal]) -> None:
    """An initials-only form that fits several namesakes joins the one its context picks (``_narrowed_by_context``,
    rank aside: namesakes often share one); otherwise each namesake is proposed for review."""
    for mention in sorted(ambiguous):
        root = work.root(mention)
        candidates = {}
        for pair, other in by_mention[mention]:
            other_root = work.root(other)
            if pair.probability >= REVIEW_MIN and pair.levels.get("surname") == SURNAME_SAME and other_root != root \
                    and work.features[other]["given_full"] is not None and not work.kept_apart(mention, other) \
                    and work.groups[root].consistent_with(work.groups[other_root]):
                if other_root not in candidates or pair.probability > candidates[other_root][0].probability:
                    candidates[other_root] = (pair, other)
        chosen = _narrowed_by_context(work, mention, candidates, (("unit", 1), ("scene", 1), ("co_named", 1)))
        if len(chosen) == 1:
            (pair, other), = chosen.values()
            if work.union(mention, other):
                links[mention] = _link("context", pair, other)
        else:
            for pair, other in chosen.values():
                proposals.append(Proposal(mention, other, pair.probability, "review_band",
                                          _link("model", pair, other).as_dict()))


def _whereabouts(features: dict) -> set[str]:
    """The units a mention states and the units and places where its incidents took place."""
    return set(features["unit_ids"]) | set(features.get("scene_ids", ()))


def _spellings(features: dict) -> set[str]:
    """The surname's spelling (``_spelling``) and the case forms the texts write it in."""
    return ({_spelling(features)} | set(features.get("written", ()))) - {None, ""}


def _spelling(features: dict) -> str | None:
    """The folded surname without a case ending's vowels (Латушневича -> latusnevic, Королёва -> korolev)."""
    return re.sub("[aeiouy]+$", "", features["surname_folded"] or "") or None


def _join_single_candidates(work: Clustering, ranked: list[ScoredPair], named: set[str],
                            links: dict[str, Link]) -> None:
    """A named group the model was unsure about ("В. К. Ершов" beside "Василий Константинович Ершов")
    joins the one consistent group with the same surname it scored at least REVIEW_MIN with; with two
    or more such groups (namesakes) nothing is joined here. Smaller groups are placed first."""
    candidates: dict[str, dict[str, ScoredPair]] = defaultdict(dict)
    for pair in ranked:
        if pair.levels.get("surname", 0) < SURNAME_SAME:
            continue
        if pair.probability < REVIEW_MIN and not _initials_agree(pair):
            continue
        if pair.left not in named or pair.right not in named:
            continue
        a, b = work.root(pair.left), work.root(pair.right)
        if a != b:
            candidates[a].setdefault(b, pair)
            candidates[b].setdefault(a, pair)
    for group in sorted(candidates, key=lambda r: (len(work.groups[r].members) if r in work.groups else 0, r)):
        if group not in work.groups:
            continue  # already joined to another
        roots = {}
        for other, pair in candidates[group].items():
            root = work.root(other)
            if root != group and work.groups[group].consistent_with(work.groups[root]) \
                    and not work.kept_apart(group, root):
                roots.setdefault(root, pair)
        if len(roots) == 1:
            (root, pair), = roots.items()
            mine = set(work.groups[group].members)
            partner = pair.right if pair.left in mine else pair.left
            if work.union(group, root):
                links[group] = _link("single_candidate", pair, partner)


def _initials_agree(pair: ScoredPair) -> bool:
    """The given name and the patronymic both stated on both sides and agreeing (the same, or fitting an
    initial): "Г. А. Сушко" twice, once with a unit and a rank the other lacks or states otherwise."""
    return pair.levels.get("given", -1) >= 2 and pair.levels.get("patronymic", -1) >= 1 \
        and pair.levels.get("gender", -1) != 0


def _compatible_surname_only(pair: ScoredPair, a: dict, b: dict, rank: bool = True) -> bool:
    """Can a mention by surname alone be this person? Same surname (or a typo apart), no fallen rank (unless
    ``rank`` is False), no other unit when both state one, and a period not too far apart."""
    if pair.levels.get("surname", 0) < SURNAME_TYPO or (rank and pair.levels.get("rank") == 0) \
            or pair.levels.get("unit") == 0:
        return False
    if pair.levels.get("gender") == 0:
        return False
    if a["day"] is not None and b["day"] is not None and abs(a["day"] - b["day"]) > SAME_PERIOD_DAYS:
        return False
    return True


def _name(work: Clustering, features: dict[str, dict], local_keys: dict[str, str], links: dict[str, Link],
          proposals: list[Proposal], previous: dict[str, Counter]) -> Resolution:
    """Person ids: the id most of the cluster's mentions had after the last run, so a person keeps its id when an
    analyst splits part of it off (the split part is the one that gets a new id); on a first run, the
    per-document key of the cluster's most complete mention ('person:zkhrv-v'), so search by key keeps
    working. When two clusters would share one, the larger keeps it and the other gets a suffix from its first
    mention."""
    clusters = defaultdict(list)
    for mention in features:
        clusters[work.root(mention)].append(mention)

    def completeness(m: str) -> tuple:
        f = features[m]
        return (f["given_full"] is not None, f["patr_full"] is not None, f["given_initial"] is not None,
                f["patr_initial"] is not None, m)

    order = sorted(clusters.values(), key=lambda ms: (-len(ms), min(ms)))
    taken, person_of, named_clusters = set(), {}, {}
    for members in order:
        best = max(members, key=completeness)
        held: Counter = Counter()  # a person keeps its id from the last run (an analyst split off part of it)
        for m in members:
            held.update(previous.get(m, {}))
        key = next((k for k, _ in sorted(held.items(), key=lambda kv: (-kv[1], kv[0])) if k not in taken),
                   local_keys[best])
        if key in taken:
            key = f"{key}-{hashlib.sha1(min(members).encode()).hexdigest()[:6]}"
        taken.add(key)
        named_clusters[key] = sorted(members)
        for m in members:
            person_of[m] = key
            links.setdefault(m, Link("anchor"))
    return Resolution(person_of, links, proposals, named_clusters)
