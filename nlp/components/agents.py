"""Who carried out an act, read from the dependency parse with spaCy's DependencyMatcher.

The patterns are data (``nlp/data/agent_patterns.jsonl``): each names an ``act`` node (a token of an
INCIDENT entity) and an ``agent`` node (a token of a PERSON or UNIT entity), a confidence and the languages
it is for. A pattern marked ``bare`` holds only when neither the agent nor the word that names it has a
preposition (``case`` child): «избит сотрудниками ОМОНа», not «вместе с сотрудниками ОМОНа».
"""
from __future__ import annotations

from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from nlp import lexicon as lexicon_module


class SyntaxAgents:
    def __init__(self, vocab: Vocab, lang: str, lexicon: lexicon_module.Lexicon | None = None):
        rows = [row for row in (lexicon or lexicon_module.load()).agent_patterns if lang in row["langs"]]
        self.rows = {row["id"]: row for row in rows}
        self.matcher = DependencyMatcher(vocab)
        for row in rows:
            self.matcher.add(row["id"], [row["pattern"]])

    def by_act(self, doc: Doc) -> dict[int, list[tuple[Span, float, str]]]:
        """act entity start -> [(agent entity, confidence, pattern id)], best first, one entry per agent."""
        if not self.rows or not doc.has_annotation("DEP"):
            return {}
        entity_of = {}
        for ent in doc.ents:
            for i in range(ent.start, ent.end):
                entity_of[i] = ent
        found: dict[int, dict[int, tuple[Span, float, str]]] = {}
        named: dict[tuple[int, int], list[tuple[Span, float, str]]] = {}  # (act, naming word) -> agents
        for match_id, tokens in self.matcher(doc):
            pattern_id = doc.vocab.strings[match_id]
            row = self.rows[pattern_id]
            by_name = {node["RIGHT_ID"]: doc[i] for node, i in zip(row["pattern"], tokens)}
            act, agent = entity_of.get(by_name["act"].i), entity_of.get(by_name["agent"].i)
            if act is None or agent is None or act.label_ != "INCIDENT":
                continue
            if row.get("bare") and any(child.dep_ == "case" for name in ("agent", "head") if name in by_name
                                       for child in by_name[name].children):
                continue
            if "head" in by_name:
                named.setdefault((act.start, by_name["head"].i), []).append((agent, row["confidence"], pattern_id))
            else:
                self._keep(found, act, (agent, row["confidence"], pattern_id))
        for (act_start, head), agents in named.items():
            # "следователь КГБ Липницкий": the person the word names, not his unit; the nearest of each
            persons = [a for a in agents if a[0].label_ == "PERSON"]
            nearest = min(persons or agents, key=lambda a: abs(a[0].start - head))
            self._keep(found, doc[act_start:act_start + 1], nearest, act_start)
        return {start: self._one_subject(agents, start) for start, agents in found.items()}

    @staticmethod
    def _one_subject(agents: dict[int, tuple[Span, float, str]], act_start: int) -> list[tuple[Span, float, str]]:
        """Two persons as subjects of one act are one subject only when joined ("Петров и Иванов избили"):
        otherwise the parse took a person of another clause, and the one nearest the act stays."""
        ranked = sorted(agents.values(), key=lambda a: (-a[1], a[0].start))
        persons = [a for a in ranked if a[0].label_ == "PERSON"]
        if len(persons) < 2:
            return ranked
        nearest = min(persons, key=lambda a: abs(a[0].start - act_start))[0]
        joined = {nearest.start} | {a.start for a, _, _ in persons if _conjoined(a, nearest) or _conjoined(nearest, a)}
        return [a for a in ranked if a[0].label_ != "PERSON" or a[0].start in joined]

    @staticmethod
    def _keep(found: dict, act: Span, candidate: tuple[Span, float, str], act_start: int | None = None) -> None:
        best = found.setdefault(act.start if act_start is None else act_start, {})
        agent = candidate[0]
        if agent.start not in best or best[agent.start][1] < candidate[1]:
            best[agent.start] = candidate


def _conjoined(one: Span, other: Span) -> bool:
    """``one`` is joined to ``other`` by a conjunction in the parse ("Петров и Иванов")."""
    return one.root.dep_ == "conj" and other.start <= one.root.head.i < other.end
