"""End to end in a real headless Chromium (Debian's `chromium`, driven by Playwright): the app is served by
`streamlit run` against the real Neo4j loaded with the samples; an analyst searches an official, opens
an incident and its command chain (a screenshot is saved), opens every page from its address (a screenshot
of each, no request to another host), and adds a testimony from the browser."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from access.users import UserStore

USER, PASSWORD = "e2e-analyst", "a long test password"

ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS = ROOT / "tests" / "screenshots"
pytestmark = [pytest.mark.neo4j, pytest.mark.browser, pytest.mark.slow]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def app_url(sample_graph):
    _, vault = sample_graph
    UserStore(vault / "users.json").add(USER, PASSWORD, "analyst")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "dashboard/app.py", "--server.headless=true",
         f"--server.port={port}", "--server.address=127.0.0.1", "--browser.gatherUsageStats=false"],
        cwd=ROOT, env={**os.environ, "PKG_VAULT_DIR": str(vault)}, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).status == 200:
                break
        except OSError:
            time.sleep(0.5)
    else:
        server.kill()
        pytest.fail("streamlit did not start")
    yield url
    server.terminate()
    server.wait(timeout=20)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    assert executable, "Debian's chromium is not installed (.ci/run installs it)"
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, headless=True, args=["--no-sandbox"])
        yield launched
        launched.close()


def sign_in(page, url: str) -> None:
    page.goto(url)
    page.get_by_role("textbox", name="User name").fill(USER)
    page.get_by_role("textbox", name="Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_text(f"Signed in as {USER}").wait_for(timeout=30000)


def test_search_an_official_and_open_the_command_chain(app_url, browser):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    sign_in(page, app_url)  # then the search page, the default one
    box = page.get_by_label("Name of an official, a unit, a place or an incident")
    box.fill("Ламейкі")
    box.press("Enter")
    page.get_by_role("link", name="Siarhei Piatrovich Lameika").click()
    page.get_by_role("heading", name="Siarhei Piatrovich Lameika").wait_for(timeout=30000)
    page.locator("a[href*='id=incident']").first.click()  # an incident of his (not the menu entry)
    page.get_by_text("Chain of command on that date").wait_for(timeout=30000)
    page.get_by_text("Level 0").first.wait_for(timeout=30000)
    SCREENSHOTS.mkdir(exist_ok=True)
    path = SCREENSHOTS / "command_chain.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 10_000
    assert "Гурский" in page.content() or "Кондрусь" in page.content()
    page.close()


def test_add_a_testimony_from_the_browser(app_url, browser, tmp_path):
    testimony = tmp_path / "new-testimony.txt"
    testimony.write_text("13 августа 2020 года майор Ломейко ударил меня дубинкой во дворе ЦИП на Окрестина.",
                         encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    page = browser.new_page()
    sign_in(page, app_url)
    page.get_by_role("link", name="Add testimonies").click()
    page.locator("input[type=file]").set_input_files([str(testimony), str(empty)])
    page.get_by_role("button", name="Ingest").click()
    page.get_by_text("new=1 known=0 quarantined=1").wait_for(timeout=120000)
    page.get_by_text("empty.txt: empty file").wait_for(timeout=30000)
    page.close()


PAGES = [("", "?q=Ломейко", "Siarhei Piatrovich Lameika"), ("person", "?id=person:lmk-s", "Siarhei Piatrovich Lameika"),
         ("unit", "?id=unit:omon-minsk&date=2020-08-10", "Hierarchy and command on 2020-08-10"),
         ("network", "", "Most central officials"), ("timeline", "", "Map"), ("review", "", "Review queue")]


@pytest.mark.parametrize("path, query, shows", PAGES)
def test_every_page_opens_from_its_link_offline_and_is_captured(app_url, browser, path, query, shows):
    """Each page opened from its address (sign-in first, then the page the link names), with no error and
    no request to any other host (the map's borders ship with the project); a screenshot of each is kept."""
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    hosts = set()
    page.on("request", lambda request: hosts.add(urllib.parse.urlparse(request.url).hostname))
    SCREENSHOTS.mkdir(exist_ok=True)
    page.goto(f"{app_url}/{path}{query}")
    page.get_by_role("textbox", name="User name").fill(USER)
    page.get_by_role("textbox", name="Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_text(shows).first.wait_for(timeout=60000)
    page.wait_for_timeout(1500)  # charts and the map draw after the text
    deck = page.locator("[data-testid='stDeckGlJsonChart']")
    if path == "timeline":  # the map draws (and would fetch a background) once its code is loaded and in view
        deck.first.wait_for(timeout=60000)
        deck.first.scroll_into_view_if_needed()
        page.wait_for_timeout(4000)
        deck.first.screenshot(path=str(SCREENSHOTS / "map.png"))
    assert not page.get_by_text("Traceback").count() and not page.locator("[data-testid='stException']").count()
    SCREENSHOTS.mkdir(exist_ok=True)
    shot = SCREENSHOTS / f"{path or 'search'}.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    assert hosts <= {"127.0.0.1", None}, hosts  # nothing fetched from elsewhere
    page.close()
