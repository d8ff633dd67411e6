"""Bring docs/ up to date with today's output on the bundled articles.

    .venv/bin/python docs/refresh.py            # rewrites the timeline excerpt of docs/export.md
    .venv/bin/python docs/refresh.py --png      # and docs/report.png (headless Chromium)

tests/cli/test_docs.py fails when docs/export.md's excerpt no longer matches what annales prints.
"""
from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

DOCS = Path(__file__).resolve().parent
ROOT = DOCS.parent
EXAMPLES = ROOT / "examples" / "seeds"
SINCE, UNTIL, WIDTH = "2023-09", "2023-10", 110
# the excerpt is the first code block after this line of docs/export.md
EXCERPT_AFTER = f"then `annales timeline --from {SINCE} --to {UNTIL}`"
SCREEN = (1280, 1400)


def timeline_excerpt(store) -> str:
    from annales.export.timeline import render
    from annales.merge import select

    return render(select(store.happenings(), since=SINCE, until=UNTIL), width=WIDTH, color=False)


def replace_excerpt(markdown: str, excerpt: str) -> str:
    at = markdown.index(EXCERPT_AFTER)
    block = re.compile(r"```\n.*?```\n", re.S).search(markdown, at)
    assert block is not None, "docs/export.md lost its timeline excerpt"
    return markdown[: block.start()] + f"```\n{excerpt.rstrip()}\n```\n" + markdown[block.end():]


def current_excerpt(markdown: str) -> str:
    at = markdown.index(EXCERPT_AFTER)
    block = re.compile(r"```\n(.*?)```\n", re.S).search(markdown, at)
    assert block is not None, "docs/export.md lost its timeline excerpt"
    return block.group(1).rstrip()


def screenshot(page: Path, png: Path) -> None:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        raise SystemExit("chromium is needed for the screenshot (apt-get install chromium)")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                        f"--user-data-dir={profile}", f"--window-size={SCREEN[0]},{SCREEN[1]}",
                        "--virtual-time-budget=15000", f"--screenshot={png}", page.as_uri()],
                       check=True, capture_output=True, timeout=180)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--png", action="store_true", help="also take docs/report.png")
    args = parser.parse_args()
    from annales import export, open_store, run
    from annales.merge import select

    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "docs.db", create=True) as store:
        run([EXAMPLES], store)
        page = DOCS / "export.md"
        page.write_text(replace_excerpt(page.read_text(encoding="utf-8"), timeline_excerpt(store)), encoding="utf-8")
        print(f"wrote {page}")
        if args.png:
            [report] = export(select(store.happenings()), store.documents(), Path(tmp) / "out", "html")
            screenshot(report, DOCS / "report.png")
            print(f"wrote {DOCS / 'report.png'}")


if __name__ == "__main__":
    main()
