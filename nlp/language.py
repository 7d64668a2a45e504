"""Language of a text: ru, be or en, from its letters (for `--lang auto`)."""
from __future__ import annotations

import re

BELARUSIAN_ONLY = re.compile(r"[іўІЎ]")
RUSSIAN_ONLY = re.compile(r"[иъщИЪЩ]")
CYRILLIC = re.compile(r"[А-Яа-яЁёІіЎў]")
LATIN = re.compile(r"[A-Za-z]")


def detect(text: str) -> str:
    sample = text[:20_000]
    cyrillic, latin = len(CYRILLIC.findall(sample)), len(LATIN.findall(sample))
    if latin > cyrillic:
        return "en"
    belarusian, russian = len(BELARUSIAN_ONLY.findall(sample)), len(RUSSIAN_ONLY.findall(sample))
    return "be" if belarusian > russian else "ru"
