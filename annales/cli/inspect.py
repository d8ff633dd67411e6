"""``annales documents``, ``annales events`` and ``annales failures``: what the store holds."""
from __future__ import annotations

import json

import click

from annales.cli.options import apply_filters, event_filters, existing_store, table


@click.command("documents")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line (the export contract's fields).")
@click.pass_obj
def documents(settings, as_json: bool) -> int:
    """List stored documents: id, title, language, publication date and how it was found."""
    with existing_store(settings) as store:
        docs = store.documents()
    if as_json:
        for d in docs:
            click.echo(json.dumps(d.to_dict(), ensure_ascii=False))
        return 0
    click.echo(table(["id", "title", "lang", "published", "how"],
                     [[d.id, d.title or "", d.language, str(d.published or "?"), d.published_source] for d in docs]))
    return 0


@click.command("events")
@event_filters
@click.option("--mentions", is_flag=True, help="List every mention's event instead of merged happenings.")
@click.option("--include-hypothetical", is_flag=True, help="Also list hypothetical and negated events.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line (the export contract).")
@click.pass_obj
def events(settings, mentions: bool, include_hypothetical: bool, as_json: bool, **filters) -> int:
    """List events with their evidence: type, date, actor → recipient, status, source sentence."""
    with existing_store(settings) as store:
        found = store.mention_events() if mentions else store.happenings()
    found = apply_filters(found, include_hypothetical=include_hypothetical, **filters)
    if as_json:
        for e in found:
            click.echo(json.dumps(e.to_dict(), ensure_ascii=False))
        return 0
    rows = []
    for e in found:
        first = e.mentions[0]
        rows.append([str(e.date or "?"), e.type, ", ".join(a.name for a in e.actor) or "?",
                     ", ".join(r.name for r in e.recipient), e.status, len(e.docs),
                     f"{first.doc}: {first.sentence}"])
    click.echo(table(["date", "type", "actor", "recipient", "status", "src", "evidence"], rows))
    if not settings.quiet:
        click.echo(f"{len(found)} events", err=True)
    return 0


@click.command("failures")
@click.pass_obj
def failures(settings) -> int:
    """List inputs that could not be read or analysed, with the stage and the reason."""
    with existing_store(settings) as store:
        found = store.failures()
    # One line each, not a table: paths and reasons are long and must not be cut.
    for failure in found:
        click.echo(f"[{failure.stage}] {failure}")
    if not settings.quiet:
        click.echo(f"{len(found)} failures", err=True)
    return 0


COMMANDS = [documents, events, failures]
