"""``annales timeline``: the merged happenings by date, in the terminal."""
from __future__ import annotations

import shutil
import sys

import click

from annales.cli.options import apply_filters, event_filters, existing_store


@click.command("timeline")
@event_filters
@click.option("--include-hypothetical", is_flag=True, help="Also show hypothetical and negated events.")
@click.pass_obj
def timeline(settings, include_hypothetical: bool, **filters) -> int:
    """Show the timeline: date, type, actor → recipient, place, status, number of sources."""
    from annales.export.timeline import render

    with existing_store(settings) as store:
        happenings = store.happenings()
    chosen = apply_filters(happenings, include_hypothetical=include_hypothetical, **filters)
    tty = sys.stdout.isatty()
    width = shutil.get_terminal_size().columns if tty else None
    click.echo(render(chosen, width=width, color=tty))
    return 0


COMMANDS = [timeline]
