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
