"""Acts of one episode are one incident.

A testimony tells episodes (the street arrest, the van, the district police department, Okrestina, the
court, a search, an interrogation), and an episode has several acts ("they beat me, kicked me, forced
me to kneel"). ``incident_tagger`` marks each act; this component gives all acts of one episode the same
key, so they become one Incident with all its acts and agents. A new episode begins at an act that
  * is dated, and its dates cannot overlap the episode's,
  * took place somewhere else (its OCCURRED_AT place or facility differs from the episode's), or a
    place or facility (a police department, detention facility, court) other than the episode's is named
    between the previous act and it ("В РУВД нас поставили к стене ..."; when the episode named none, only
    in a later sentence than its last act), or
  * follows a change of scene between the two acts: a transfer or a new stage ("потом нас перевезли",
    "на следующий день", "during the interrogation": ``cues.jsonl``, cue "transfer").
Each act keeps its own span and violation type (attrs ``violation``); the episode key is
``incident:<document tag>:<start of its first act>``, and every act carries the episode's dates and its
scene (attrs ``scene``, ``scene_start``, ``scene_end``): the place or facility its acts took place at, else
the facility (police department, detention facility, court ...) or place named since the previous episode
in the sentence of its first act or the one before, else the first one named in its sentences ("Нас прывезлі ў Савецкі РУУС. Там
..."; "В ИВС на Окрестина было ещё хуже. Там ..."). Ingest turns the scene into where the incident
took place, as an inference of lower confidence than a stated place. An episode also has a stage of
detention (attrs ``stage``: arrest, van, police_department, detention_facility, court, interrogation,
search), which event resolution compares: the same officials on the same day at two stages are two events.
"""
from __future__ import annotations

import hashlib
import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from nlp import lexicon as lexicon_module
from nlp.components.entities import attrs


SCENE_KINDS = ("police_department", "detention_facility", "court", "prosecution", "investigative")
# The stage of detention an episode belongs to, from the kind of facility it took place at ...
STAGE_OF_SCENE = {"police_department": "police_department", "detention_facility": "detention_facility",
                  "court": "court", "prosecution": "interrogation", "investigative": "interrogation"}
STAGES = ("van", "court", "interrogation", "search")  # ... else from words (cues.jsonl: "stage:<stage>")
WIDE_PLACES = ("city", "country", "region")   # too wide to say where an episode took place


class EpisodeGrouper:
    def __init__(self, lang: str):
        cues = lexicon_module.load().cues
        transfer = cues.get("transfer", {})
        self.transfer = _words({w for language in ({lang} if lang in transfer else set(transfer))
                                for w in transfer.get(language, [])})
        self.stage_words = {stage: pattern for stage in STAGES
                            if (pattern := _words(set(cues.get(f"stage:{stage}", {}).get(lang, [])))) is not None}

    def __call__(self, doc: Doc) -> Doc:
        acts = [e for e in doc.ents if e.label_ == "INCIDENT"]
        if not acts:
            return doc
        places = self._places(doc)
        scenes = [e for e in doc.ents if e._.key and (e.label_ == "PLACE" or (
            e.label_ == "UNIT" and (attrs(e).get("unit_kind") in SCENE_KINDS)))]
        known = lexicon_module.load().places
        located = [e for e in scenes if e.label_ == "UNIT" or (known.get(e._.key) or {}).get("kind") not in WIDE_PLACES]
        text = doc.text  # Doc.text joins every token: read it once
        tag = hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
        episode: list[Span] = []
        window: tuple[str | None, str | None, str | None] = (None, None, None)   # start, end, precision
        place = None
        since = 0   # where the text since the previous episode begins
        for act in acts:
            values = attrs(act)
            dates = (values.get("date_start"), values.get("date_end") or values.get("date_start"))
            act_place = places.get((act.start, act.end))
            new = not episode
            if episode and dates[0] and window[0] and (dates[0] > window[1] or dates[1] < window[0]):
                new = True
            if episode and act_place and place and act_place != place:
                new = True
            if episode and self.transfer and self.transfer.search(text, episode[-1].end_char, act.start_char):
                new = True
            if episode:
                named = [e for e in scenes if episode[-1].end_char <= e.start_char < act.start_char]
                if named and act_place in (None, named[-1]._.key) and (
                        (place is not None and named[-1]._.key != place)
                        or (place is None and named[-1].sent.start > episode[-1].sent.start)):
                    new, act_place = True, named[-1]._.key
            if new:
                self._close(episode, tag, window, *self._where(doc, text, episode, located, places, since))
                since = episode[-1].end_char if episode else 0
                episode, window, place = [], (None, None, None), None
            episode.append(act)
            if dates[0] and not window[0]:
                window = (dates[0], dates[1], values.get("date_precision"))
            place = place or act_place
        self._close(episode, tag, window, *self._where(doc, text, episode, located, places, since))
        return doc

    def _where(self, doc: Doc, text: str, episode: list[Span], scenes: list[Span], places: dict,
               since: int) -> tuple[Span | None, str | None]:
        """The episode's scene and stage: the stage of its facility (a police department, a detention
        facility, a court), else the first word of a stage from the sentence before its first act to its
        last act ("в автозаке", "на допросе", "суд", "обыск"), else "arrest" when it holds a detention."""
        if not episode:
            return None, None
        sentence = episode[0].sent  # the text that opens the episode: since the previous one, at most
        opening = max(since, doc[sentence.start - 1].sent.start_char if sentence.start > 0 else 0)  # a sentence
        scene = self._scene(episode, scenes, places, opening)
        facilities = [s for s in ([scene] if scene is not None else []) + scenes
                      if s.label_ == "UNIT" and attrs(s).get("unit_kind") in STAGE_OF_SCENE
                      and (s is scene or opening <= s.start_char < episode[-1].end_char)]
        if facilities:  # "В ИВС на Окрестина было ещё хуже": the place is Okrestina, the stage its facility
            return scene, STAGE_OF_SCENE[attrs(facilities[0])["unit_kind"]]
        found = [(m.start(), stage) for stage, pattern in self.stage_words.items()
                 for m in [pattern.search(text, opening, episode[-1].end_char)] if m]
        if found:
            return scene, min(found)[1]
        if any(attrs(act).get("violation") == "detention" for act in episode):
            return scene, "arrest"
        return scene, None

    @staticmethod
    def _scene(episode: list[Span], scenes: list[Span], places: dict, opening: int) -> Span | None:
        """Where the episode took place (see the module's docstring): a place or facility span."""
        for act in episode:
            key = places.get((act.start, act.end))
            stated = next((s for s in scenes if s._.key == key), None) if key else None
            if stated is not None:
                return stated
        before = [s for s in scenes if opening <= s.start_char < episode[0].start_char]
        if before:
            return before[-1]
        inside = [s for s in scenes if episode[0].sent.start_char <= s.start_char < episode[-1].sent.end_char]
        return inside[0] if inside else None

    def _places(self, doc: Doc) -> dict[tuple[int, int], str]:
        """Act span -> the key of the place or facility it took place at (from OCCURRED_AT)."""
        out = {}
        for rel in doc._.relations or []:
            if rel["type"] == "OCCURRED_AT" and rel["target"]._.key:
                out.setdefault((rel["source"].start, rel["source"].end), rel["target"]._.key)
        return out

    @staticmethod
    def _close(episode: list[Span], tag: str, window: tuple[str | None, str | None, str | None],
               scene: Span | None, stage: str | None) -> None:
        if not episode:
            return
        key = f"incident:{tag}:{episode[0].start_char}"
        for act in episode:
            act._.key = key
            values = attrs(act)
            values["episode_acts"] = len(episode)
            if stage is not None:
                values["stage"] = stage
            if scene is not None:
                values["scene"], values["scene_start"], values["scene_end"] = \
                    scene._.key, scene.start_char, scene.end_char
            if window[0] and not values.get("date_start"):
                values["date_start"], values["date_end"], values["date_precision"] = window[0], window[1], \
                    window[2] or "day"


def _words(words: set[str]) -> re.Pattern | None:
    """Any of the words or phrases, as whole words, longest first; None when there are none."""
    if not words:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + r")(?!\w)",
                      re.I)


@Language.factory("episode_grouper", requires=["doc.ents"], assigns=["span._.key", "span._.attrs"],
                  default_config={"lang": "ru"})
def make_episode_grouper(nlp: Language, name: str, lang: str) -> EpisodeGrouper:
    return EpisodeGrouper(lang)
