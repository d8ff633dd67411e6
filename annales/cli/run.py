"""``annales run``: ingest and analyse."""
from __future__ import annotations

import click
from tqdm import tqdm

from annales.pipeline import run as run_pipeline
from annales.store import open_store

PROGRESS_AFTER = 5  # documents; fewer finish before a bar would help


@click.command("run")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--workers", "-j", type=click.IntRange(1, 64), default=None,
              help="Processes analysing in parallel (each loads its own spaCy pipeline, ~1 GB).")
@click.option("--model", default=None, metavar="NAME",
              help="spaCy pipeline: fr_core_news_md (default) or the lighter fr_core_news_sm.")
@click.option("--published", default=None, metavar="DATE",
              help="Publication date of every article read (2024-03-15, 2024-03, 2024), for input that "
                   "carries none such as standard input or a bare text file; wins over the articles' own.")
@click.pass_obj
def run(settings, paths: tuple[str, ...], workers: int | None, model: str | None, published: str | None) -> int:
    """Read, clean, date, analyse and store articles, then merge the events into happenings.

    PATH is a file (.txt, .html, .json, .jsonl, RSS/Atom .xml), a folder (read recursively)
    or - for standard input. Articles already stored (same cleaned text) are skipped.
    """
    from annales.clean.pubdate import given_date

    when = given_date(published)  # a bad date stops here, before anything is read
    settings = settings.override(workers=workers, model=model)
    from annales.cli import EXIT_PARTIAL

    with open_store(settings.db) as store:
        bar = tqdm(unit="doc", desc="analysing", disable=settings.quiet, leave=False,
                   delay=0.5, miniters=1, total=None)
        count = 0

        def tick(n: int) -> None:
            nonlocal count
            count += n
            if count > PROGRESS_AFTER or bar.n:
                bar.update(count - bar.n)

        try:
            report = run_pipeline(list(paths), store, model=settings.model, workers=settings.workers,
                                  progress=tick, published=when)
        finally:
            bar.close()
    for failure in report.failures:
        click.echo(f"skipped {failure} [{failure.stage}]", err=True)
    if not settings.quiet:
        click.echo(
            f"{report.read} read, {report.added} added, {report.already_stored} already stored, "
            f"{len(report.failures)} failed; {report.events} events, {report.happenings} happenings "
            f"in {settings.db}"
        )
        if report.not_analysed:
            click.echo(f"{report.not_analysed} stored but not analysed (only French is coded for now)")
    return 0 if report.ok else EXIT_PARTIAL


COMMANDS = [run]
