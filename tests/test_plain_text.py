"""Text from testimonies is shown as written: never rendered as Markdown, links or shortcodes, and
invisible or text-direction characters are made visible."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dashboard.common import plain  # noqa: E402


def test_markup_links_and_shortcodes_are_escaped():
    shown = plain("**bold** [x](javascript:alert(1)) https://example.org :material/warning: <b>")
    for escaped in ("\\*\\*bold\\*\\*", "\\[x\\]\\(", "https\\://", "\\:material/warning\\:", "\\<b\\>"):
        assert escaped in shown
    assert "](" not in shown and "**" not in shown


def test_invisible_and_bidi_characters_are_made_visible():
    assert plain("Тара\u200bсюк\u202e") == "Тара\\[U\\+200B\\]сюк\\[U\\+202E\\]"
    assert plain("Тарасюк") == "Тарасюк"


def test_dates_are_shown_at_the_precision_they_are_known():
    from dashboard.common import date_range
    assert date_range("day", "2020-08-10", "2020-08-10") == "10 August 2020"
    assert date_range("month", "2020-08-01", "2020-08-31") == "August 2020"
    assert date_range("year", "2020-01-01", "2020-12-31") == "2020"
    assert date_range("day", "2020-08-09", "2020-08-12") == "9–12 August 2020"
    assert date_range("unknown", None, "2020-08-13") == "on or before 13 August 2020"
    assert date_range(None, None, None) == "date unknown"
    assert date_range("day", "2020-08-30", "2020-09-02") == "30 August 2020 – 2 September 2020"
