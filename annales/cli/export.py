"""``annales export``: write the stored happenings and documents to a folder."""
from __future__ import annotations

import click

from annales.cli.options import apply_filters, event_filters, existing_store
from annales.export import FORMATS
from annales.export import export as export_records


@click.command("export")
@event_filters
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="jsonl", show_default=True,
              help="jsonl: the contract (documents.jsonl, events.jsonl); csv: GDELT-like columns; "
                   "markdown: a readable timeline; html: a self-contained report.")
@click.option("--mentions", is_flag=True, help="Export every mention's event instead of merged happenings.")
@click.option("--include-hypothetical", is_flag=True,
              help="Also export hypothetical and negated events (kept in the store, off the timeline by default).")
@click.argument("out", metavar="OUT")
@click.pass_obj
def export(settings, fmt: str, mentions: bool, include_hypothetical: bool, out: str, **filters) -> int:
    """Write the timeline to the folder OUT in the chosen format (all of it, or what the filters keep)."""
    with existing_store(settings) as store:
        events = store.mention_events() if mentions else store.happenings()
        documents = store.documents()
    events = apply_filters(events, include_hypothetical=include_hypothetical, **filters)
    written = export_records(events, documents, out, fmt)
    if not settings.quiet:
        for path in written:
            click.echo(f"wrote {path}")
    return 0


COMMANDS = [export]
