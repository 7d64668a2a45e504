"""Pseudonymisation at the door: the person giving a testimony becomes a keyed pseudonym, and their
identifying data is masked in the text before anything else reads it.

Masking keeps the length of the text (each masked span becomes ``[···]`` of the same length), so the
character offsets of every claim point into the original kept in the encrypted store as well.

What is masked:
- every identity field the intake form or chat export gave (name and its declined forms, phone,
  e-mail, Telegram handle, address, birth date, document number);
- anything in the text that looks like a phone number, e-mail, Telegram handle, passport or personal
  identification number, a home address with a flat number, or a date of birth;
- the words after a self-introduction ("Меня зовут …", "Мяне завуць …", "My name is …").
After extraction, ``ingest.to_graph`` also masks persons who are not officials and every given name
outside an official's name.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from anyascii import anyascii

from ingest.readers import Record
from access.vault import Vault, make_pseudonym

_WORD = r"[A-Za-zА-Яа-яЁёІіЎўЇїЄєҐґ'’-]"
PATTERNS = {
    "email": re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),
    "telegram": re.compile(r"(?<![\w@])@[A-Za-z][A-Za-z0-9_]{3,31}"),
    "phone": re.compile(r"(?<!\d)(?:\+\s?\d{1,3}|8\s?0)[\s\-()]*\d{2,3}[\s\-()]*\d{3}[\s\-]*\d{2}[\s\-]*\d{2}(?!\d)"),
    "document": re.compile(r"\b(?:[A-Z]{2}|[А-ЯІЎ]{2})\s?\d{7}\b"),
    "personal_number": re.compile(r"\b\d{7}[A-ZА-Я]\d{3}[A-ZА-Я]{2}\d\b"),
    "address": re.compile(
        r"(?:ул\.|улиц[аеуы]|вул\.|вуліц[аыу]|пр-т|проспект[ае]?|пер\.|переул\w*|street|str\.|st\.|avenue)\s+"
        r"[^,\n]{2,40},?\s*(?:д\.|дом|д)?\s*\d+[а-яa-z]?(?:[/-]\d+)?,?\s*"
        r"(?:кв\.?|квартира|apt\.?|apartment|flat)\s*\d+", re.IGNORECASE),
}
_DATE = r"(?:\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{1,2}\s+[^\W\d]+\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{4})"
BIRTH = re.compile(
    rf"(?:родил(?:ся|ась)|нарадзіў(?:ся)?|нарадзілася|born(?: on| in)?|date of birth:?|дата рождения:?)\s+{_DATE}"
    rf"(?:\s+(?:года|г\.|году))?|{_DATE}\s+(?:года рождения|г\.\s?р\.|года нараджэння|г\.\s?н\.)",
    re.IGNORECASE)
SELF_INTRODUCTION = re.compile(
    r"(?:меня зовут|зовут меня|моё имя|мое имя|мяне завуць|мяне клічуць|маё імя|my name is|my name's)[\s:,—-]+"
    rf"((?:[A-ZА-ЯЁІЎ]{_WORD}+)(?:\s+[A-ZА-ЯЁІЎ]{_WORD}+){{0,2}})", re.IGNORECASE)


@dataclass
class Protected:
    """A testimony after pseudonymisation: the masked text, the pseudonym (None when nothing identifies
    the person), how many spans were masked, and the file it came from with the same identity masked
    in its name (a file called after its author names no one in the graph)."""
    text: str
    pseudonym: str | None
    masked: int
    source_file: str = ""


def mask(text: str, spans: list[tuple[int, int]]) -> str:
    """Replace each span with '[···]' of the same length (offsets are preserved)."""
    chars = list(text)
    for start, end in _merge(spans):
        length = end - start
        if length <= 0:
            continue
        replacement = "[" + "·" * (length - 2) + "]" if length >= 2 else "·"
        chars[start:end] = replacement
    return "".join(chars)


def _fold(word: str) -> str:
    """A script-free skeleton of a word: 'Верабей' and 'Verabei' -> 'verabei'."""
    folded = re.sub(r"[^a-z]", "", anyascii(word).lower())
    return folded.replace("y", "i").replace("j", "i").replace("kh", "h")


def name_spans(text: str, name: str) -> list[tuple[int, int]]:
    """Every word of the text that is a part of the name in any case form or script
    ('Ковальчук' finds Ковальчука, Kovalchuk; 'Ales Verabei' finds Алесь Верабей)."""
    stems = []
    for part in re.findall(rf"{_WORD}{{3,}}", name):
        folded = _fold(part)
        cut = 3 if len(folded) > 6 else 2 if len(folded) > 4 else 1 if len(folded) > 3 else 0
        stems.append(folded[:len(folded) - cut])
    spans = []
    for match in re.finditer(rf"{_WORD}{{3,}}", text):
        folded = _fold(match.group())
        if any(stem and folded.startswith(stem) and len(folded) <= len(stem) + 5 for stem in stems):
            spans.append(match.span())
    return spans


def identifying_spans(text: str, identity: dict) -> list[tuple[int, int]]:
    spans = []
    for pattern in PATTERNS.values():
        spans += [m.span() for m in pattern.finditer(text)]
    spans += [m.span() for m in BIRTH.finditer(text)]
    for match in SELF_INTRODUCTION.finditer(text):
        spans.append(match.span(1))
    for kind, value in identity.items():
        value = str(value).strip()
        if not value:
            continue
        if kind == "name":
            spans += name_spans(text, value)
        elif len(value) >= 4:
            spans += [m.span() for m in re.finditer(re.escape(value), text, re.IGNORECASE)]
            if kind == "telegram" and not value.startswith("@") and not value.startswith("user"):
                spans += [m.span() for m in re.finditer(re.escape("@" + value), text, re.IGNORECASE)]
    return _merge(spans)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(s, e) for s, e in merged]


# -- identifiers and pseudonyms ---------------------------------------------------------------------
def normalised_identifiers(identity: dict) -> list[tuple[str, str]]:
    """(kind, normalised value) pairs, strongest first. A bare given name identifies no one."""
    out = []
    document = re.sub(r"\s", "", str(identity.get("document", ""))).upper()
    if document:
        out.append(("document", document))
    digits = re.sub(r"\D", "", str(identity.get("phone", "")))
    if digits.startswith("80") and len(digits) == 11:
        digits = "375" + digits[2:]
    if len(digits) >= 9:
        out.append(("phone", digits[-12:]))
    email = str(identity.get("email", "")).strip().lower()
    if "@" in email:
        out.append(("email", email))
    telegram = str(identity.get("telegram", "")).strip().lower().lstrip("@")
    if telegram:
        out.append(("telegram", telegram))
    name = " ".join(sorted(re.sub(r"[^\w\s]", " ", str(identity.get("name", ""))).lower().replace("ё", "е").split()))
    if name and len(name.split()) >= 2:
        birth = str(identity.get("birth_date", "")).strip()
        if birth:
            out.append(("name+birth", f"{name}|{birth}"))
        out.append(("name", name))
    return out


def self_introduced_name(text: str) -> str | None:
    match = SELF_INTRODUCTION.search(text)
    return match.group(1) if match else None


def protect(record: Record, vault: Vault) -> Protected:
    """Mask the person's identifying data in the text and find (or make) their pseudonym."""
    identity = dict(record.identity)
    if "name" not in identity and (introduced := self_introduced_name(record.text)):
        identity["name"] = introduced
    spans = identifying_spans(record.text, identity)
    hashes = [vault.keyed_hash(kind, value) for kind, value in normalised_identifiers(identity)]
    pseudonym = vault.pseudonym_for(hashes)
    if pseudonym is None and record.source_type != "document":
        # a form or chat without identifiers: one pseudonym for this testimony alone
        pseudonym = make_pseudonym(vault.keyed_hash("testimony", record.testimony_id))
    source_file = mask(record.origin, identifying_spans(record.origin, identity))
    return Protected(mask(record.text, spans), pseudonym, len(spans), source_file)
