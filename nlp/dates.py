"""Date expressions in Russian, Belarusian and English, normalised to ranges with precision.

"10 августа 2020 года" -> 2020-08-10..2020-08-10 (day); "в августе 2020" -> 2020-08-01..2020-08-31
(month); "ночь на 11 августа" -> 08-10..08-11; "9–12 August" -> 08-09..08-12; "осенью 2020" ->
2020-09-01..2020-11-30 (season); "11.08.2020"; "2021" (year). A missing year is taken from the
nearest year stated earlier in the text (moved on a year when the narrative would otherwise go back in time
by more than a month: "9 августа 2020 ... 27 марта меня судили" is March 2021), else the first stated later,
else the first such date on or after ``default_start`` (1 August 2020, the reference case: "27 марта" in a text
that states no year is 27 March 2021, "10 августа" is 10 August 2020).
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

MONTH = dt.timedelta(days=31)
SINCE_WORDS = ("с", "со", "since", "from", "з", "са", "із", "ад")
_BOUND_BEFORE = re.compile(r"(?:^|\s)(с|со|since|from|з|са|із|ад|до|until|till|па)\s+$", re.I)
_RANGE_INSIDE = re.compile(r"\s(?:по|па|до|to|until|till)\s|[-–—]", re.I)


def bound(text: str, start: int, date_text: str) -> str | None:
    """ "с декабря 2020 года", "until November 2020": a date that bounds a period (a post, a term)
    rather than dating an event. Returns "since" or "until", else None; a range ("с 9 по 11 августа")
    is a date of its own, not a bound."""
    match = _BOUND_BEFORE.search(text[max(0, start - 8):start])
    if match is None or _RANGE_INSIDE.search(date_text):
        return None
    return "since" if match.group(1).lower() in SINCE_WORDS else "until"


from nlp.lexicon import Lexicon

SEASONS = {  # season word -> (first month, last month)
    "зимой": (12, 2), "весной": (3, 5), "летом": (6, 8), "осенью": (9, 11), "зімой": (12, 2), "вясной": (3, 5),
    "летам": (6, 8), "восенню": (9, 11), "winter": (12, 2), "spring": (3, 5), "summer": (6, 8), "autumn": (9, 11),
    "fall": (9, 11),
}
NIGHT_BEFORE = ("ночь на", "ночью на", "ноч на", "ноччу на", "уначы на", "в ночь на")
PART_OF_DAY = ("ночь на", "ночью на", "ноч на", "ноччу на", "уначы на", "вечером", "утром", "днём", "днем",
               "ночью", "увечары", "раніцай", "вечарам", "evening of", "night of", "morning of", "afternoon of",
               "night of the")


MONTH_FIRST = ("month_range", "month_day", "month_year")
WORD = re.compile(r"[^\W\d_]+\.?")


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    date_start: str
    date_end: str
    precision: str


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


class DateFinder:
    def __init__(self, lexicon: Lexicon, default_start: dt.date = dt.date(2020, 8, 1)):
        self.months = lexicon.months
        self.default_start = default_start
        month = "|".join(sorted(map(re.escape, self.months), key=len, reverse=True))
        year_tail = r"(?:\s*(?:года|году|год|г\.|гады|годзе|год\.))?"
        pod = "|".join(sorted(map(re.escape, PART_OF_DAY), key=len, reverse=True))
        season = "|".join(SEASONS)
        b = r"(?<![\w\d])"
        e = r"(?![\w\d])"
        # "ночь на 11 августа": the part of the day is looked for just before a match, which is much
        # faster than an optional alternation at the head of every pattern
        self.part_of_day = re.compile(rf"{b}(?P<pod>{pod})\s+$", re.I)
        self.patterns = [
            ("day_range", re.compile(
                rf"{b}(?P<d1>\d{{1,2}})\s*(?:[-–—]|по|до|па|to|and|-)\s*(?P<d2>\d{{1,2}})"
                rf"\s+(?P<m>{month})\.?(?:,?\s+(?P<y>\d{{4}}){year_tail})?{e}", re.I)),
            ("month_range", re.compile(
                rf"{b}(?P<m1>{month})\s*(?:[-–—]|по|до|па|to|and)\s*(?P<m2>{month})\s+(?P<y>\d{{4}}){year_tail}{e}",
                re.I)),
            ("day_month", re.compile(
                rf"{b}(?P<d>\d{{1,2}})(?:st|nd|rd|th|-го|-га)?\s+(?:of\s+)?(?P<m>{month})\.?"
                rf"(?:,?\s+(?P<y>\d{{4}}){year_tail})?{e}", re.I)),
            ("month_day", re.compile(
                rf"{b}(?P<m>{month})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y>\d{{4}}))?{e}", re.I)),
            ("numeric", re.compile(rf"{b}(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})\.(?P<y>\d{{4}}|\d{{2}}){year_tail}{e}")),
            ("iso", re.compile(rf"{b}(?P<y>\d{{4}})-(?P<m>\d{{2}})-(?P<d>\d{{2}}){e}")),
            ("season", re.compile(rf"{b}(?P<s>{season})(?:\s+of)?\s+(?P<y>\d{{4}}){year_tail}{e}", re.I)),
            ("month_year", re.compile(rf"{b}(?P<m>{month})\s+(?P<y>\d{{4}}){year_tail}{e}", re.I)),
            ("year", re.compile(rf"{b}(?P<y>(?:19|20)\d{{2}}){year_tail}{e}")),
        ]

    def find(self, text: str) -> list[DateMention]:
        candidates = []
        # patterns that open with a month name run only where a word is a month (a dictionary lookup
        # per word instead of a case-insensitive alternation tried at every character)
        month_starts = [w.start() for w in WORD.finditer(text) if w.group(0).lower().rstrip(".") in self.months]
        for kind, pattern in self.patterns:
            if kind in MONTH_FIRST:
                matches = (m for m in (pattern.match(text, at) for at in month_starts) if m)
            else:
                matches = pattern.finditer(text)
            for match in matches:
                start, pod = match.start(), None
                if kind in ("day_range", "day_month"):
                    before = self.part_of_day.search(text, max(0, start - 20), start)
                    if before:
                        start, pod = before.start(), before.group("pod")
                candidates.append((start, match.end(), kind, match, pod))
        candidates.sort(key=lambda c: (c[0], -(c[1] - c[0])))
        chosen, last_end = [], -1
        for candidate in candidates:
            if candidate[0] >= last_end:
                chosen.append(candidate)
                last_end = candidate[1]
        # a date without its year takes the nearest year stated before it, else the first stated after it
        # ("20 сентября меня перевезли ... В сентябре 2021 года меня судили": 20 September 2021)
        # (a later bare year, "в 2023 году я уехала", tells nothing of the dates before it)
        stated = [(c[0], self._normalise(*c[2:4], None, c[0], c[4])) for c in chosen
                  if c[3].groupdict().get("y") and c[2] != "year"]
        later_year = {start: int(m.date_end[:4]) for start, m in stated if m is not None}
        mentions, context_year = [], None
        for start, end, kind, match, pod in chosen:
            year = context_year or next((y for at, y in later_year.items() if at > start), None)
            mention = self._normalise(kind, match, year, start, pod)
            if mention is None:
                continue
            if context_year and not match.groupdict().get("y") and kind != "year" and mentions and \
                    dt.date.fromisoformat(mention.date_start) < dt.date.fromisoformat(mentions[-1].date_end) - MONTH:
                later = self._normalise(kind, match, context_year + 1, start, pod)  # the story went on a year
                if later is not None:
                    mention, context_year = later, context_year + 1
            if match.groupdict().get("y"):
                context_year = int(mention.date_end[:4])
            mentions.append(mention)
        return mentions

    def _default_year(self, month: int | None) -> int:
        """A text that states no year: the year in which that month first comes on or after ``default_start``."""
        start = self.default_start
        return start.year if not month or month >= start.month else start.year + 1

    def _month(self, word: str) -> int | None:
        return self.months.get(word.lower().rstrip("."))

    def _normalise(self, kind: str, m: re.Match, context_year: int | None, start: int,
                   pod: str | None) -> DateMention | None:
        g = {**m.groupdict(), "pod": pod}
        month_word = g.get("m") or g.get("m1")
        first_month = (int(month_word) if month_word and month_word.isdigit() else self._month(month_word)) \
            if month_word else (SEASONS[g["s"].lower()][0] if g.get("s") else None)
        year = int(g["y"]) if g.get("y") else (context_year or self._default_year(first_month))
        if year < 100:
            year += 2000
        end = m.end()
        if kind in ("day_month", "month_day", "numeric", "iso"):
            month = int(g["m"]) if kind in ("numeric", "iso") else self._month(g["m"])
            if not month:
                return None
            day = int(g["d"])
            iso = _iso(year, month, day)
            if iso is None:
                return None
            first = iso
            if g.get("pod") and g["pod"].lower() in NIGHT_BEFORE:
                first = (dt.date.fromisoformat(iso) - dt.timedelta(days=1)).isoformat()
            return DateMention(start, end, first, iso, "day")
        if kind == "day_range":
            month = self._month(g["m"])
            first, last = _iso(year, month, int(g["d1"])), _iso(year, month, int(g["d2"]))
            if not (month and first and last) or first > last:
                return None
            return DateMention(start, end, first, last, "day")
        if kind == "month_range":
            m1, m2 = self._month(g["m1"]), self._month(g["m2"])
            if not (m1 and m2) or m1 > m2:
                return None
            return DateMention(start, end, f"{year}-{m1:02d}-01", f"{year}-{m2:02d}-{_last_day(year, m2):02d}",
                               "month")
        if kind == "month_year":
            month = self._month(g["m"])
            return DateMention(start, end, f"{year}-{month:02d}-01", f"{year}-{month:02d}-{_last_day(year, month):02d}",
                               "month")
        if kind == "season":
            first_month, last_month = SEASONS[g["s"].lower()]
            first_year = year - 1 if first_month > last_month else year
            return DateMention(start, end, f"{first_year}-{first_month:02d}-01",
                               f"{year}-{last_month:02d}-{_last_day(year, last_month):02d}", "month")
        if kind == "year":
            return DateMention(start, end, f"{year}-01-01", f"{year}-12-31", "year")
        return None
