"""Field maps for intake forms made with other tools (ingest/forms/*.json), validated once at load.

A map names a form tool, how to recognise its exports (``detect``: field names only that tool writes) and
which question or field goes to which field of the intake-form schema (ingest/README.md). Every map
extends the generic one, whose keywords find the testimony, the person's identity, the events and the
consent among questions written out in Russian, Belarusian or English. ``--form-map FILE`` adds one.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

FORMS_DIR = Path(__file__).parent / "forms"
TARGETS = ("text", "submitted", "language", "consent", "person.name", "person.phone", "person.email",
           "person.telegram", "person.address", "person.birth_date", "person.document", "events.place",
           "events.start", "events.end")


METADATA_PREFIXES = ("_", "meta/", "meta-", "formhub/")


class FormMapError(ValueError):
    pass


@dataclass(frozen=True)
class FormMap:
    name: str
    detect: tuple[str, ...]
    fields: tuple[tuple[str, tuple[str, ...]], ...]    # (target, keywords), in the order they are tried

    def target(self, question: str) -> str | None:
        """The schema field a question (or a field name) goes to, or None."""
        q = _normal(question)
        for target, keywords in self.fields:
            for keyword in keywords:
                if keyword.startswith("=") and q == keyword[1:] or not keyword.startswith("=") and \
                        re.search(r"(?<!\w)" + re.escape(keyword) + r"(?!\w)", q):
                    return target
        return None

    def detects(self, keys: set[str]) -> bool:
        return bool(self.detect) and any(key in keys for key in self.detect)


def _normal(question: str) -> str:
    return " ".join(str(question).replace("_", " ").replace("/", " ").lower().split()).strip(" ?:*.")


def parse(document: dict, origin: str, base: FormMap | None = None) -> FormMap:
    """A map from its JSON; its fields are tried before those of ``base`` (the generic map)."""
    if not isinstance(document, dict) or not isinstance(document.get("name"), str) or \
            not isinstance(document.get("fields"), dict):
        raise FormMapError(f"{origin}: a form map needs 'name' and 'fields'")
    fields = []
    for target, keywords in document["fields"].items():
        if target not in TARGETS:
            raise FormMapError(f"{origin}: unknown field {target!r} (one of {', '.join(TARGETS)})")
        if not isinstance(keywords, list) or not all(isinstance(k, str) and k.strip("=") for k in keywords):
            raise FormMapError(f"{origin}: {target} needs a list of keywords")
        fields.append((target, tuple(_normal(k) if not k.startswith("=") else "=" + _normal(k) for k in keywords)))
    detect = document.get("detect") or []
    if not isinstance(detect, list) or not all(isinstance(k, str) for k in detect):
        raise FormMapError(f"{origin}: 'detect' must be a list of field names")
    own = tuple(fields)
    return FormMap(document["name"], tuple(detect), own + (base.fields if base else ()))


def load_file(path: Path) -> FormMap:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise FormMapError(f"{path}: {error}") from error
    return parse(document, str(path), generic() if document.get("name") != "generic" else None)


@lru_cache(maxsize=1)
def generic() -> FormMap:
    return parse(json.loads((FORMS_DIR / "generic.json").read_text(encoding="utf-8")), "generic.json")


@lru_cache(maxsize=1)
def builtin() -> tuple[FormMap, ...]:
    """The tool maps (detected by their metadata fields), then the generic one; names must be unique."""
    maps = [load_file(path) for path in sorted(FORMS_DIR.glob("*.json")) if path.name != "generic.json"]
    names = [m.name for m in maps] + ["generic"]
    if len(set(names)) != len(names):
        raise FormMapError(f"two form maps share a name: {sorted(names)}")
    return (*maps, generic())


_extra: list[FormMap] = []


def use(path: Path) -> FormMap:
    """``--form-map FILE``: a map tried before the built-in ones."""
    form_map = load_file(path)
    _extra.insert(0, form_map)
    return form_map


def choose(keys: set[str]) -> FormMap:
    """The map for a submission with these fields: a user's map, else the tool whose fields it has, else
    the generic one."""
    if _extra:
        return _extra[0]
    return next((m for m in builtin() if m.detects(keys)), generic())


def to_schema(answers: list[tuple[str, object]], form_map: FormMap) -> tuple[dict, list[str]]:
    """(question, answer) pairs -> an intake-form submission (ingest/README.md), and the questions no field
    took (their answers are kept in the text as "question: answer" lines, so nothing is lost)."""
    item: dict = {"person": {}, "events": {}}
    text_parts, unmapped = [], []
    for question, answer in answers:
        if answer is None or isinstance(answer, (dict, list)) or str(answer).strip() == "":
            continue
        answer = str(answer).strip()
        target = form_map.target(question)
        if target is None and str(question).startswith(METADATA_PREFIXES):
            continue  # the tool's own bookkeeping (_uuid, __system, meta/instanceID), no answer of the person
        if target == "text":
            text_parts.append(answer)
        elif target is None:
            unmapped.append(question)
            text_parts.append(f"{question}: {answer}")
        elif target == "consent":
            item["consent"] = answer
        elif "." in target:
            group, name = target.split(".")
            item[group].setdefault(name, answer)
        else:
            item.setdefault(target, answer)
    if any(form_map.target(q) == "text" for q, a in answers if a):
        item["text"] = "\n\n".join(text_parts)
    return item, unmapped
