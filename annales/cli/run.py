"""``annales run``: ingest and analyse."""
from __future__ import annotations

import click
from tqdm import tqdm

from annales.pipeline import ANALYSED_LANGUAGES, RunReport, analysed_by, stale_and_unanalysed
from annales.pipeline import reanalyse as reanalyse_stored
from annales.pipeline import run as run_pipeline
from annales.store import open_store

PROGRESS_AFTER = 5  # documents; fewer finish before a bar would help


@click.command("run")
@click.argument("paths", nargs=-1, metavar="PATH...")
@click.option("--workers", "-j", type=click.IntRange(1, 64), default=None,
              help="Processes analysing in parallel (each loads its own spaCy pipeline, ~1 GB).")
@click.option("--model", default=None, metavar="NAME",
              help="spaCy pipeline: fr_core_news_md (default) or the lighter fr_core_news_sm.")
@click.option("--reanalyse", is_flag=True,
              help="Also code again the stored documents that another annales version or another --model "
                   "analysed (see the analysis column of 'annales documents'); PATH may then be left out.")
@click.option("--published", default=None, metavar="DATE",
              help="Publication date of every article read (2024-03-15, 2024-03, 2024), for input that "
                   "carries none such as standard input or a bare text file; wins over the articles' own.")
@click.pass_obj
def run(settings, paths: tuple[str, ...], workers: int | None, model: str | None, reanalyse: bool,
        published: str | None) -> int:
    """Read, clean, date, analyse and store articles, then merge the events into happenings.

    PATH is a file (.txt, .html, .json, .jsonl, RSS/Atom .xml), a folder (read recursively)
    or - for standard input. Articles already stored (same cleaned text) are skipped. Articles
    in a language annales does not code yet (English) are stored, not analysed, and reported.
    """
    if not paths and not reanalyse:
        raise click.UsageError("give a PATH to read (a file, a folder, or - for stdin), or --reanalyse")
    from annales.clean.pubdate import given_date

    when = given_date(published)  # a bad date stops here, before anything is read
    settings = settings.override(workers=workers, model=model)
    from annales.cli import EXIT_PARTIAL

    with open_store(settings.db, create=True) as store:
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
                                  progress=tick, published=when) if paths else RunReport()
            if reanalyse:
                again = reanalyse_stored(store, model=settings.model, workers=settings.workers, progress=tick)
                report.failures += again.failures
                report.reanalysed, report.happenings = again.reanalysed, again.happenings
        finally:
            bar.close()
        stale, unanalysed = stale_and_unanalysed(store, settings.model)
    for failure in report.failures:
        click.echo(f"skipped {failure} [{failure.stage}]", err=True)
    if not settings.quiet:
        if paths:
            click.echo(
                f"{report.read} read, {report.added} added, {report.already_stored} already stored, "
                f"{len(report.failures)} failed; {report.events} events, {report.happenings} happenings "
                f"in {settings.db}"
            )
        if reanalyse:
            version, used = analysed_by(settings.model)
            click.echo(f"{report.reanalysed} stored document(s) analysed again (annales {version}, {used}); "
                       f"{report.happenings} happenings in {settings.db}")
    # Said on every run, even quiet ones, while it is true of the database (not a failure: exit 0).
    if unanalysed:
        counts = ", ".join(f"{lang}: {n}" for lang, n in sorted(unanalysed.items()))
        click.echo(f"note: {sum(unanalysed.values())} stored document(s) not analysed ({counts}): annales "
                   f"codes only {', '.join(sorted(ANALYSED_LANGUAGES))} for now; 'annales documents' lists them",
                   err=True)
    if stale:
        click.echo(f"note: {stale} stored document(s) analysed by another annales version or model; "
                   "'annales run --reanalyse' codes them again", err=True)
    return 0 if report.ok else EXIT_PARTIAL


COMMANDS = [run]
