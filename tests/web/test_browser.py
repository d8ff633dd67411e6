"""The pages in a real browser: Debian's chromium driven through Playwright (nothing is downloaded).

On the seed articles: load the timeline, filter by actor, open a happening, correct its date, reload
and see the correction, run `annales run` again (with a new article, so everything is merged again)
and still see it, undo it; no console errors on the way. With ANNALES_SCREENSHOTS=1 the test also
writes docs/serve-timeline.png and docs/serve-corrected.png.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import Server

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = Path(__file__).resolve().parent / "articles"
CHROMIUM = next((p for p in (shutil.which("chromium"), "/usr/bin/chromium", shutil.which("chromium-browser"))
                 if p and Path(p).exists()), None)

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is in the dev extra: pip install -e '.[dev]'")


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        pytest.fail("chromium is missing: apt-get install -y chromium (make test installs it)")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        yield launched
        launched.close()


@pytest.fixture
def seeds_db(tmp_path, seed_export) -> Path:
    """The seeds' store (the session's run of the seed articles, copied so edits stay here)."""
    stores = sorted(seed_export.parent.glob("*.db"))  # the session's store, whatever its name
    assert stores, f"no store beside {seed_export}"
    source = stores[0]
    target = tmp_path / "seeds.db"
    import sqlite3

    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    return target


def _watch(page, errors: list[str]) -> None:
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))


def _drawn(page) -> int:
    page.wait_for_function("document.body.getAttribute('data-drawn') !== 'pending'", timeout=30_000)
    return int(page.get_attribute("body", "data-drawn") or 0)


def _clean(page, errors: list[str]) -> None:
    assert errors == [], errors
    assert page.get_attribute("html", "data-errors") == "0", page.get_attribute("html", "data-error-messages")


def test_browse_correct_rerun_and_undo_in_chromium(browser, seeds_db, tmp_path):
    shots = os.environ.get("ANNALES_SCREENSHOTS") == "1"
    server = Server(seeds_db, allow_edits=True)
    errors: list[str] = []
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    _watch(page, errors)
    try:
        # the timeline, with the token handed over in the link's fragment (never sent to the server)
        page.goto(f"{server.url}/#token={server.token}")
        assert _drawn(page) > 5
        assert page.locator(".card").count() >= 10
        assert "#token" not in page.url
        if shots:
            page.screenshot(path=str(ROOT / "docs" / "serve-timeline.png"))
        _clean(page, errors)

        # filter by actor with the keyboard: type, Enter submits the form; the filter is in the URL
        page.focus("#f-actor")
        page.keyboard.type("Lavrov")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert "actor=Lavrov" in page.url
        assert _drawn(page) >= 1
        who = page.locator(".card .who").all_inner_texts()
        assert who and all("Lavrov" in w for w in who), who
        _clean(page, errors)

        # open the first happening with the keyboard
        page.locator(".card a.open").first.focus()
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert "/happenings/" in page.url
        before = page.get_attribute("[data-happening]", "data-date")
        assert page.get_attribute("[data-happening]", "data-corrected") == "0"

        # correct its date
        fixed = "2023-09-01" if before != "2023-09-01" else "2023-09-02"
        page.fill("#edit-date", fixed)
        with page.expect_navigation():
            page.press("#edit-date", "Enter")
        page.wait_for_selector(f'[data-happening][data-date="{fixed}"]')
        assert page.get_attribute("[data-happening]", "data-corrected") == "1"
        assert page.locator(".badge.corrected").count() == 1
        assert page.locator(".corrected", has_text=f"date {before} → {fixed}").count() >= 1
        if shots:
            page.screenshot(path=str(ROOT / "docs" / "serve-corrected.png"), full_page=False)
        corrected_url = page.url

        # reload: still corrected
        page.reload()
        assert page.get_attribute("[data-happening]", "data-date") == fixed
        _clean(page, errors)

        # `annales run` again, with one new article: the store merges everything again
        done = subprocess.run([sys.executable, "-m", "annales", "--db", str(seeds_db), "run",
                               str(ROOT / "examples" / "seeds"), str(ARTICLES)],
                              capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stderr
        assert "1 added" in done.stdout, done.stdout
        page.goto(corrected_url)  # the same link (an old id would be redirected to where its reports are)
        assert page.get_attribute("[data-happening]", "data-date") == fixed
        assert page.get_attribute("[data-happening]", "data-corrected") == "1"
        _clean(page, errors)

        # undo it with the keyboard
        page.locator("button[data-undo]").first.focus()
        with page.expect_navigation():
            page.keyboard.press("Enter")
        page.wait_for_selector('[data-happening][data-corrected="0"]')
        assert page.get_attribute("[data-happening]", "data-date") == before
        page.goto(f"{server.url}/corrections")
        assert page.locator("tr.undone").count() == 1
        _clean(page, errors)

        # the other pages load cleanly too
        page.goto(f"{server.url}/actors")
        with page.expect_navigation():
            page.locator("table.list a").first.click()
        assert "/actors/" in page.url and _drawn(page) >= 1
        page.goto(f"{server.url}/documents")
        with page.expect_navigation():
            page.locator("table.list a").first.click()
        assert page.locator("mark.event").count() >= 1
        assert " · " in (page.locator("mark.event").first.get_attribute("title") or "")  # type · date · status
        page.goto(f"{server.url}/docs")
        page.wait_for_selector(".swagger-ui .opblock", timeout=30_000)
        assert errors == [], errors
    finally:
        page.close()
        server.stop()
