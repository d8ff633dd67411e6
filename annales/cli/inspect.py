"""``annales documents``, ``annales events`` and ``annales failures``: what the store holds."""
from __future__ import annotations

import json

import click

from annales.cli.options import apply_filters, event_filters, existing_store, table


def analysis_label(language: str, analyser: str | None, model: str | None, current: tuple[str, str]) -> str:
    """The documents table's analysis column: what coded the document, or why nothing did."""
    from annales.pipeline import ANALYSED_LANGUAGES

    if analyser is None:
        if language not in ANALYSED_LANGUAGES:
            return f"stored, not analysed ({language})"
        return "not analysed: --reanalyse"
    label = f"{analyser} {model}" if model else analyser
    # 'old': another version or model than 'annales run' uses now; --reanalyse codes it again
    return label if (analyser, model) == current else f"old: {label}"


@click.command("documents")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line (the export contract's fields).")
@click.pass_obj
def documents(settings, as_json: bool) -> int:
    """List stored documents: id, title, language, publication date and how it was found, and
    what analysed it (annales version and spaCy model; documents in a language annales does not
    code yet are stored but not analysed)."""
    from annales.pipeline import analysed_by

    with existing_store(settings) as store:
        docs = store.documents()
        analyses = store.analyses()
    if as_json:
        for d in docs:
            click.echo(json.dumps(d.to_dict(), ensure_ascii=False))
        return 0
    current = analysed_by(settings.model)
    rows = []
    for d in docs:
        _, analyser, model = analyses.get(d.id, (d.language, None, None))
        rows.append([d.id, d.title or "", d.language, str(d.published or "?"), d.published_source,
                     analysis_label(d.language, analyser, model, current)])
    click.echo(table(["id", "title", "lang", "published", "how", "analysis"], rows))
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
        analyses = store.analyses()
    # One line each, not a table: paths and reasons are long and must not be cut.
    for failure in found:
        click.echo(f"[{failure.stage}] {failure}")
    if not settings.quiet:
        click.echo(f"{len(found)} failures", err=True)
    from annales.pipeline import ANALYSED_LANGUAGES

    unanalysed = [doc_id for doc_id, (language, analyser, _) in analyses.items()
                  if analyser is None and language not in ANALYSED_LANGUAGES]
    if unanalysed:  # not failures (nothing went wrong), but nothing was coded from them either
        click.echo(f"note: {len(unanalysed)} stored document(s) not analysed (language not coded yet): "
                   f"{', '.join(unanalysed[:5])}{', ...' if len(unanalysed) > 5 else ''}; see 'annales documents'",
                   err=True)
    return 0


COMMANDS = [documents, events, failures]
