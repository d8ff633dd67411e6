"""The HTML report opened in headless Chromium: it draws every happening and logs nothing.

The page marks itself after drawing: ``<body data-drawn="N">`` is the number of points plotly put
on the timeline, ``<html data-errors="N">`` counts script errors and console.error calls. The
browser runs behind a dead proxy, so any attempt to fetch something from the network fails loudly.
"""
from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from annales.export import html as report
from annales.model import DateValue, Entity, Event, Evidence

BROWSERS = ("chromium", "chromium-browser", "google-chrome")
HIDDEN = {"hypothetical", "negated"}


def _browser() -> str:
    for name in BROWSERS:
        path = shutil.which(name)
        if path:
            return path
    pytest.fail("headless Chromium is needed to check the HTML report and none was found on PATH "
                f"(looked for {', '.join(BROWSERS)}); install it with `apt-get install -y chromium` "
                "(Debian's package; .ci/run installs it)")


def _open(page: Path, profile: Path, fragment: str = "") -> tuple[str, list[str]]:
    """The DOM after the page's scripts ran, and every console message Chromium logged."""
    command = [
        _browser(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={profile}", "--proxy-server=127.0.0.1:9", "--enable-logging=stderr", "--v=0",
        "--virtual-time-budget=20000", "--dump-dom", page.as_uri() + (f"#{fragment}" if fragment else ""),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, f"chromium failed ({done.returncode}): {done.stderr[-2000:]}"
    console = [line for line in done.stderr.splitlines() if ":CONSOLE" in line]
    return done.stdout, console


def _attribute(dom: str, tag: str, name: str) -> str | None:
    match = re.search(rf"<{tag}\b[^>]*\b{name}=\"([^\"]*)\"", dom)
    return match.group(1) if match else None


def _check(events, documents, tmp_path) -> str:
    [path] = report.write(events, documents, tmp_path)
    dom, console = _open(path, tmp_path / "profile")
    assert console == [], "the report logged to the console:\n" + "\n".join(console)
    assert _attribute(dom, "html", "data-errors") == "0", _attribute(dom, "html", "data-error-messages")
    expected = sum(1 for e in events if e.date and e.status not in HIDDEN)
    assert _attribute(dom, "body", "data-drawn") == str(expected)
    return dom


def test_report_draws_every_dated_happening(happenings, documents, tmp_path):
    dom = _check(happenings, documents, tmp_path)
    assert _attribute(dom, "body", "data-shown") == "4"  # the hypothetical one waits for the filter
    assert _attribute(dom, "body", "data-network-nodes") == "6"
    assert ">state</text>" in dom and ">person</text>" in dom  # the network's legend: dots coloured by kind
    assert 'class="card hidden"' in dom  # its card is hidden, not gone
    assert "<svg" in dom


def _many(count: int) -> list[Event]:
    """Hundreds of distinct happenings between a dozen actors over two years."""
    kinds = [("CONSULT", "visit", 4.0), ("ACCUSE", None, -2.0), ("AID", "military", 10.0), ("ASSAULT", "aerial", -9.0),
             ("SANCTION", None, -6.0), ("SUPPORT", None, 5.0), ("THREATEN", None, -3.5), ("PROTEST", "demo", -5.0)]
    codes = ["FRA", "DEU", "UKR", "RUS", "POL", "TUR", "ISR", "EGY", "MLI", "NER", "SEN", "CHN"]
    actors = [Entity(c, c.title(), "country", c) for c in codes]
    start = dt.date(2023, 1, 1)
    events = []
    for i in range(count):
        kind, mode, score = kinds[i % len(kinds)]
        sentence = f"Dépêche {i} : un événement de type {kind.lower()} a été signalé."
        mention = Evidence(f"d{i % 40}.txt", sentence, 0, len(sentence), "signalé")
        day = start + dt.timedelta(days=(i * 7) % 700)
        date = DateValue.month(day.year, day.month) if i % 9 == 0 else DateValue.day(day.year, day.month, day.day)
        events.append(Event(kind, (mention,), mode=mode, actor=(actors[i % 12],), recipient=(actors[(i * 5 + 1) % 12],),
                            date=date, score=score, summary=sentence))
    return events


def test_report_stays_working_with_hundreds_of_happenings(documents, tmp_path):
    events = _many(400)
    dom = _check(events, documents, tmp_path)
    assert dom.count('<article class="card"') == 400
    assert _attribute(dom, "body", "data-network-nodes") == "12"


@pytest.mark.parametrize(("link", "shown", "drawn"), [
    ("actor=RUSSIE", 2, 2),  # case and accents ignored: the strike and the sanction
    ("actor=F%C3%A9d%C3%A9ration%20de%20Russie", 2, 2),  # a name the actor dictionary knows for Russia
    ("types=CONSULT,AGREE", 2, 2),
    ("conflicts=1", 1, 1),
    ("status=*", 5, 4),  # the hypothetical one appears as a card; it has no date to be drawn
    ("to=2024-02-10", 1, 1),  # only the month-long sanction reaches back that far
])
def test_filters_given_in_the_link(happenings, documents, tmp_path, link, shown, drawn):
    [path] = report.write(happenings, documents, tmp_path)
    dom, console = _open(path, tmp_path / "profile", fragment=link)
    assert console == []
    assert _attribute(dom, "html", "data-errors") == "0"
    assert (_attribute(dom, "body", "data-shown"), _attribute(dom, "body", "data-drawn")) == (str(shown), str(drawn))


def test_an_empty_timeline_still_opens_cleanly(tmp_path):
    dom = _check([], [], tmp_path)
    assert _attribute(dom, "body", "data-shown") == "0"
